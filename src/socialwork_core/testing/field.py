"""Ledgers as stations really keep them, made from an adapter's format: the kit's field trials.

The kit's first ledger (:func:`~.synthetic.synthetic_ledger`) fills every column. Stations' own
ledgers do not, and what breaks in the field breaks on them:

- ``sparse``: every other record leaves each optional cell empty;
- ``missing_columns``: the optional columns are not there at all (an activities sheet with
  counts but no participants column, resource links without their people);
- ``no_stations``: a ledger without a stations sheet (most township ledgers);
- ``single_sheet``: the register alone;
- ``refused_rows``: two rows whose required date reads as no date: they are refused, named by
  sheet and row, and every other row is kept.

:func:`field_ledgers` makes them (the same arguments always give the same ledgers);
:func:`~.checks.check_field_ledgers` writes each, reads it back with the adapter's own format, and
says what went wrong. The report checks build every template on each of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import openpyxl

from ..glossary.messages import testing as words
from ..ledger import RECORD_CLASSES, Ledger, LedgerFormat, RecordKind, SheetFormat, ledger_of
from ..ledger import ValueType as _ValueType
from ..ledger.building import PEOPLE_FIELDS
from ..plugins import CategoryDefinition, Region
from .synthetic import DISABILITY_PARTS, PEOPLE_BY_ID, FormatGap, synthetic_ledger

__all__ = [
    "FIELD_CASES",
    "FIELD_TRIALS",
    "FieldLedger",
    "field_ledgers",
    "sparse_ledger",
    "spoil_rows",
    "without_optional_columns",
]

FIELD_CASES: tuple[str, ...] = (
    "sparse",
    "missing_columns",
    "no_stations",
    "single_sheet",
    "refused_rows",
)
"""The field trials, in the order the kit runs them."""

FIELD_TRIALS: dict[str, str] = {
    "sparse": "a ledger whose every other row leaves its optional cells empty",
    "missing_columns": "a ledger without its optional columns",
    "no_stations": "a ledger without a stations sheet",
    "single_sheet": "a ledger of the register alone",
    "refused_rows": "a ledger with two unreadable rows",
}
"""Each field trial in words, for the kit's messages."""

_UNREADABLE_DATE = words.UNREADABLE_DATE
"""What the spoiled rows hold in a required date column (text that names no date)."""

_PEOPLE_FIELD = PEOPLE_FIELDS
"""The field naming register people, by kind (the kinds table's ``people_field``)."""
_LINKS = frozenset({"key", "resident_id", "id", "code"})
"""Fields that tie records together: never left out (a register without keys links nothing)."""


@attrs.frozen(kw_only=True)
class FieldLedger:
    """One field trial: the ledger a workbook holds and the layout it is written in."""

    case: str
    """One of :data:`FIELD_CASES`."""
    what: str
    """The trial in words, for messages: ``a ledger without a stations sheet``."""
    layout: LedgerFormat
    """The format the workbook is written in: the adapter's, or part of it."""
    ledger: Ledger
    """What the workbook holds."""
    spoiled: tuple[tuple[str, int, str], ...] = ()
    """(sheet, Excel row, header) of each cell made unreadable (``refused_rows`` only)."""


def _optional(kind: RecordKind) -> dict[str, Any]:
    """The record class's optional fields (those with a default) and their plain defaults."""
    result: dict[str, Any] = {}
    for attribute in attrs.fields(RECORD_CLASSES[kind]):
        if not attribute.init or attribute.default is attrs.NOTHING or attribute.name == "extras":
            continue
        default = attribute.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                continue
            default = default.factory()
        result[attribute.name] = default
    return result


def _column_groups(sheet: SheetFormat) -> list[tuple[str, ...]]:
    """A sheet's optional columns by field, the people and disability parts each one group."""
    optional = {f: v for f, v in _optional(sheet.kind).items() if f not in _format_required(sheet)}
    fields = [c.field for c in sheet.columns if not c.required]
    groups: list[tuple[str, ...]] = []
    people = _PEOPLE_FIELD.get(sheet.kind)
    if people is not None and people in optional:
        group = tuple(f for f in fields if f in (people, PEOPLE_BY_ID))
        if group:
            groups.append(group)
    if sheet.kind is RecordKind.RECIPIENTS and "disability" in optional:
        group = tuple(f for f in fields if f in DISABILITY_PARTS)
        if group:
            groups.append(group)
    taken = {f for g in groups for f in g}
    groups += [
        (f,) for f in dict.fromkeys(fields) if f in optional and f not in taken and f not in _LINKS
    ]
    return groups


def _format_required(sheet: SheetFormat) -> frozenset[str]:
    """The fields the format itself requires (``FieldColumn.required``): kept in every trial."""
    return frozenset(c.field for c in sheet.columns if c.required)


def _holds(fmt: LedgerFormat, **options: Any) -> bool:
    try:
        synthetic_ledger(fmt, **options)
    except FormatGap:
        return False
    return True


def without_optional_columns(fmt: LedgerFormat, **options: Any) -> LedgerFormat:
    """``fmt`` without every optional column a valid record can do without (a resource link
    keeps its people or its head count, whichever the format lists last). ``options`` go to
    :func:`~.synthetic.synthetic_ledger`, which decides what "valid" means."""
    current = fmt
    for index, sheet in enumerate(fmt.sheets):
        for group in _column_groups(sheet):
            sheets = list(current.sheets)
            kept = tuple(c for c in sheets[index].columns if c.field not in group)
            sheets[index] = attrs.evolve(sheets[index], columns=kept)
            candidate = attrs.evolve(current, sheets=tuple(sheets))
            if _holds(candidate, **options):
                current = candidate
    return current


def _blanked(record: Any, kind: RecordKind, covered: set[str]) -> Any:
    """``record`` with each optional field the layout has a column for set to its default, as far
    as the record stays valid (one field at a time where all at once is refused)."""
    defaults = {
        f: v for f, v in _optional(kind).items() if f in covered and f not in _LINKS and f != "sex"
    }
    try:
        return attrs.evolve(record, **defaults)
    except (TypeError, ValueError):
        pass
    for field, value in defaults.items():
        try:
            record = attrs.evolve(record, **{field: value})
        except (TypeError, ValueError):
            continue
    return record


def sparse_ledger(ledger: Ledger, fmt: LedgerFormat) -> Ledger:
    """``ledger`` with every other record (the second, fourth …) of each kind leaving its optional
    cells empty."""
    records: dict[RecordKind, list[Any]] = {}
    for sheet in fmt.sheets:
        covered = {c.field for c in sheet.columns if not c.required}
        if covered & set(DISABILITY_PARTS):
            covered.add("disability")
        if PEOPLE_BY_ID in covered and sheet.kind in _PEOPLE_FIELD:
            covered.add(_PEOPLE_FIELD[sheet.kind])
        records[sheet.kind] = [
            _blanked(r, sheet.kind, covered) if i % 2 else r
            for i, r in enumerate(ledger.records(sheet.kind))
        ]
    return ledger_of(records)


def _only(fmt: LedgerFormat, kinds: Iterable[RecordKind]) -> LedgerFormat:
    wanted = frozenset(kinds)
    return attrs.evolve(fmt, sheets=tuple(s for s in fmt.sheets if s.kind in wanted or s.required))


def field_ledgers(
    fmt: LedgerFormat,
    *,
    as_of: date,
    region: Region | None = None,
    local_categories: Sequence[CategoryDefinition] = (),
) -> Iterator[FieldLedger]:
    """The field trials of ``fmt`` (see the module docstring), ``refused_rows`` last; its cells
    are spoiled only once written (:func:`spoil_rows`).

    :raises FormatGap: the format cannot hold a valid record of one of its kinds.
    """
    options: dict[str, Any] = {
        "as_of": as_of,
        "region": region,
        "local_categories": local_categories,
    }
    full = synthetic_ledger(fmt, **options)
    yield FieldLedger(
        case="sparse",
        what=FIELD_TRIALS["sparse"],
        layout=fmt,
        ledger=sparse_ledger(full, fmt),
    )
    thin = without_optional_columns(fmt, **options)
    yield FieldLedger(
        case="missing_columns",
        what=FIELD_TRIALS["missing_columns"],
        layout=thin,
        ledger=synthetic_ledger(thin, **options),
    )
    kinds = [s.kind for s in fmt.sheets]
    required = {s.kind for s in fmt.sheets if s.required}
    if RecordKind.STATIONS in kinds and RecordKind.STATIONS not in required:
        layout = _only(fmt, [k for k in kinds if k is not RecordKind.STATIONS])
        yield FieldLedger(
            case="no_stations",
            what=FIELD_TRIALS["no_stations"],
            layout=layout,
            ledger=synthetic_ledger(layout, **options),
        )
    if len(set(kinds) - required - {RecordKind.RECIPIENTS}) > 0 and RecordKind.RECIPIENTS in kinds:
        layout = _only(fmt, [RecordKind.RECIPIENTS])
        yield FieldLedger(
            case="single_sheet",
            what=FIELD_TRIALS["single_sheet"],
            layout=layout,
            ledger=synthetic_ledger(layout, **options),
        )
    yield FieldLedger(
        case="refused_rows",
        what=FIELD_TRIALS["refused_rows"],
        layout=fmt,
        ledger=full,
    )


def _required_date_column(fmt: LedgerFormat) -> tuple[SheetFormat, str] | None:
    """A sheet (not the register, whose rows other sheets name) with a required date column."""
    order = sorted(fmt.sheets, key=lambda s: s.kind is RecordKind.RECIPIENTS)
    for sheet in order:
        optional = _optional(sheet.kind)
        for column in sheet.columns:
            if column.type is _ValueType.DATE and column.field not in optional:
                return sheet, column.header
    return None


def spoil_rows(path: Path, fmt: LedgerFormat, *, rows: int = 2) -> tuple[tuple[str, int, str], ...]:
    """Make the required date of the first ``rows`` data rows of one sheet unreadable, in the
    workbook at ``path`` (written by ``write_ledger`` in ``fmt``). Returns (sheet, Excel row,
    header) of each cell spoiled; nothing when no sheet has a required date."""
    found = _required_date_column(fmt)
    if found is None:
        return ()
    sheet, header = found
    workbook = openpyxl.load_workbook(path)
    try:
        name = next((n for n in sheet.sheet_names if n in workbook.sheetnames), None)
        if name is None:
            return ()
        worksheet = workbook[name]
        for header_row in worksheet.iter_rows(min_row=1, max_row=10):
            columns = [c.column for c in header_row if c.value == header]
            if columns:
                top = header_row[0].row
                break
        else:
            return ()
        last = worksheet.max_row
        spoiled = []
        for row in range(top + 1, min(top + rows, last) + 1):
            worksheet.cell(row=row, column=columns[0], value=_UNREADABLE_DATE)
            spoiled.append((name, row, header))
        workbook.save(path)
        return tuple(spoiled)
    finally:
        workbook.close()
