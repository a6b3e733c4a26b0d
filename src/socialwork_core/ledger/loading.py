"""Loading a ledger workbook into a ``Ledger``, keeping refused rows with their problems."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any, Final

import attrs
import cattrs

from ..findings import Finding
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from ..record_kinds import spec_of
from ..serialize import make_converter
from ..tabular import (
    Issue,
    ReadLimits,
    Table,
    WorkbookError,
    column_letter,
    open_workbook,
    read_table,
)
from ..tabular.context import reading_year
from ..tabular.reader import Cells, Free, RowParts, left_free, named_sheet
from ..tabular.spec import TableSpec
from ..validation import to_mapping
from .birth_year import birth_year_from_id
from .building import BIRTH_DATE, RecordBuilder, compact_name, disagrees_with_id
from .categories_text import categories_from_text
from .collector import collector_paused
from .columns import table_spec
from .compiled import UNSURE, compile_rows, keep_clean_rows
from .format import LedgerFormat, RecordKind, SheetFormat, ValueType
from .mapping import LedgerMapping, SheetMapping, visits_on_rows, with_words
from .model import Ledger, ledger_of, record_id
from .more_sheets import further_sheets, later_year_sheet, named_for_others
from .name_status import status_from_names
from .onesheet import RegisterVisits, join_register_visits, visit_columns
from .sheet_names import category_of_sheet, give_sheet_category, give_sheet_village
from .visit_dates import far_visits
from .visit_modes import modes_from_notes
from .window import OutsideWindow, counted_on

_VISIT_DATE: Final = attrgetter("on")
"""A visit's date, read in C for the check of dates years away (``visit_dates``)."""


@attrs.frozen
class RejectedRow:
    """A ledger row that did not become a record: its original cells and its problems."""

    kind: RecordKind
    sheet: str
    row: int
    """Excel row number."""
    raw: Mapping[str, str] = attrs.field(converter=to_mapping)
    """Header → cell text, in sheet order, exactly as read."""
    issues: tuple[Issue, ...]


@attrs.frozen
class LoadResult:
    """What ``load_ledger`` gives: the ledger, every issue, and the refused rows."""

    ledger: Ledger
    issues: tuple[Issue, ...]
    rejected: tuple[RejectedRow, ...]
    recipient_rows: Mapping[str, tuple[str, int]] = attrs.field(factory=dict)
    """Where each accepted recipient was read: key → (sheet, Excel row number), so later checks on
    the records can point at the row to fix."""
    sheets: Mapping[RecordKind, str] = attrs.field(factory=dict)
    """The workbook's sheet each record kind was read from (a kind absent: not found); the first
    one when the kind was read from several (``more_sheets``)."""
    more_sheets: Mapping[RecordKind, tuple[str, ...]] = attrs.field(factory=dict)
    """The further sheets a kind was read from, in the order read (``ledger.more_sheets``: a
    register split by category, visits split by month)."""

    def sheets_of(self, kind: RecordKind) -> tuple[str, ...]:
        """Every sheet ``kind`` was read from, the first first."""
        first = self.sheets.get(kind)
        return (first, *self.more_sheets.get(kind, ())) if first is not None else ()

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.is_error)


class LedgerLoadError(Exception):
    """Raised by ``load_ledger(strict=True)`` when any row has an error; holds every issue."""

    def __init__(self, result: LoadResult) -> None:
        self.result = result
        self.issues = result.issues
        self.finding = Finding.of("ledger.load_failed", Severity.ERROR, count=len(result.errors))
        super().__init__(self.finding.message)


@functools.cache
def _library_converter() -> cattrs.Converter:
    """The library's own converter (``serialize.make_converter()``), made once per process: its
    record hooks are generated on first use, and a roll-up loads many files. Loading only reads
    hooks from it, never registers one."""
    return make_converter()


def load_ledger(
    path: str | Path,
    fmt: LedgerFormat,
    *,
    strict: bool = False,
    limits: ReadLimits | None = None,
    converter: cattrs.Converter | None = None,
    mapping: LedgerMapping | None = None,
    window: tuple[date, date] | None = None,
) -> LoadResult:
    """Read every sheet ``fmt`` describes from ``path`` and build the ledger.

    Rows with an error are refused and returned in ``rejected`` with their original cells, never
    silently dropped. Unknown columns are kept as extras. With ``strict=True`` any error raises
    ``LedgerLoadError`` (holding the full result). A file that cannot be read raises
    ``WorkbookError``; a missing required sheet too (``tabular.sheet_not_found``).

    ``mapping`` (``ledger.mapping``, from ``socialwork map`` edited by the user) settles the sheet,
    columns and words of the record kinds it names before anything is guessed.

    ``window`` (first, last day): a visit whose date cell holds a day outside it is passed over
    unread, on a visit log or on a register row alike, counted per sheet in an info
    (``ledger.visits_outside_window``; ``ledger.window``).

    While the rows are read, Python's cyclic garbage collector is paused (it is process-wide:
    see ``ledger.collector`` for why and how it is restored).
    """
    library = _library_converter()
    builder = RecordBuilder(
        converter or library, library_converter=converter is None, reference=library
    )
    records: dict[RecordKind, list[Any]] = {kind: [] for kind in RecordKind}
    extras: dict[RecordKind, dict[str, Mapping[str, str]]] = {}
    issues: list[Issue] = []
    rejected: list[RejectedRow] = []
    recipient_rows: dict[str, tuple[str, int]] = {}
    sheets = sorted(fmt.sheets, key=lambda s: spec_of(s.kind).load_order)
    taken: list[str] = []  # sheets read as one kind are not searched for another
    free: dict[str, Free] = {}  # … but above, below or beside a table another stands by
    register_visits: list[RegisterVisits] = []  # visits written on the register's rows
    sheets_read: dict[RecordKind, str] = {}
    more_read: dict[RecordKind, list[str]] = {}
    with collector_paused(), open_workbook(path, limits=limits or ReadLimits()) as workbook:
        for number, sheet_format in enumerate(sheets):
            # the next sheet is parsed on another core while this one is read
            for upcoming in sheets[number + 1 : number + 2]:
                name = named_sheet(workbook, upcoming.sheet_names)
                if name is not None:
                    workbook.prefetch(name)
            kind = sheet_format.kind
            held = register_visits if kind is RecordKind.CONTACTS else []
            for on_rows in held:
                # the register's rows hold visits: its sheets come first, a visit log after
                if kind in sheets_read:
                    more_read.setdefault(kind, []).append(on_rows.table.sheet)
                else:
                    sheets_read[kind] = on_rows.table.sheet
            logged = len(records[kind])
            entries = mapping.sheets_for(kind) if mapping is not None else ()
            rows, entries = visits_on_rows(entries, {v.table.sheet for v in held})
            if rows and not entries:
                # the mapping names the register's own sheets for the visits: read on its rows
                _join(held, records[kind], logged, (), issues)
                continue
            forced = entries[0] if entries else None
            spec = table_spec(with_words(sheet_format, forced), fmt.sheets)
            others = named_for_others(workbook, fmt, sheet_format)
            try:
                table: Table | None = read_table(
                    workbook,
                    spec,
                    sheet=forced.sheet if forced is not None else None,
                    skip=(*taken, *others),
                    columns=forced.columns if forced is not None else None,
                    free=free,
                )
            except WorkbookError as error:
                if error.code == "tabular.sheet_not_found" and held:
                    # no visit log besides the register's rows: theirs are the visits
                    _join(held, records[kind], logged, (), issues)
                    continue
                if sheet_format.required or error.code != "tabular.sheet_not_found":
                    raise
                missing = Finding.of(
                    "ledger.sheet_missing",
                    Severity.INFO,
                    kind=kind.label,
                    names=words.LIST_JOINER.join(sheet_format.sheet_names),
                )
                issues.append(Issue(missing))
                continue
            if kind is RecordKind.RECIPIENTS and forced is None and table is not None:
                # the register is the latest year's (2024年台账 beside 2023年台账)
                table = _latest_year(workbook, spec, table, (*taken, *others), free, issues)
            seen = _KindSeen()  # what the kind's sheets have read so far: repeats across them
            further: list[_Further] | None = None
            while table is not None:
                table.first_position = seen.positions
                taken.append(table.sheet)
                if kind in sheets_read:
                    more_read.setdefault(kind, []).append(table.sheet)
                else:
                    sheets_read[kind] = table.sheet
                visits = _read_sheet(
                    kind,
                    table,
                    sheet_format,
                    fmt,
                    builder,
                    records,
                    issues,
                    rejected,
                    extras,
                    recipient_rows,
                    seen,
                    window,
                    workbook,
                )
                if visits is not None:
                    register_visits.append(visits)
                left_free(free, table)
                seen.positions = table.last_position
                if further is None:
                    # a kind kept over several sheets (``more_sheets``): a mapping's sheets
                    # for it exactly, else the sheets that continue its table
                    further, passed_over = _further(
                        workbook, fmt, sheet_format, spec, entries, table.sheet, taken
                    )
                    issues.extend(passed_over)
                table = _next_table(workbook, further, table.sheet, kind, issues)
            if held:
                log = (sheets_read[kind], *more_read.get(kind, ()))[len(held) :]
                _join(held, records[kind], logged, log, issues)
            if kind is RecordKind.RECIPIENTS:
                builder.recipients_loaded = True
    ledger = ledger_of(records, issues=tuple(issues), extras=extras)
    result = LoadResult(
        ledger,
        tuple(issues),
        tuple(rejected),
        recipient_rows,
        sheets_read,
        {kind: tuple(names) for kind, names in more_read.items()},
    )
    if strict and result.errors:
        raise LedgerLoadError(result)
    return result


def _join(
    held: Sequence[RegisterVisits],
    records: list[Any],
    logged: int,
    log: Sequence[str],
    issues: list[Issue],
) -> None:
    """The visits on the register's rows joined to the log's (``join_register_visits``), and
    those a window passed over there counted with their sheet's (``window.counted_on``)."""
    issues.extend(join_register_visits(held, records, logged, log))
    for on_rows in held:
        if on_rows.outside is not None:
            counted_on(issues, on_rows.table.sheet, on_rows.outside)


@attrs.define
class _KindSeen:
    """What the sheets of one kind have read so far, shared by them: where each key and ID
    number was first read (a repeat on a later row, or a later sheet, is found), and how many
    data rows came before (derived IDs count on across the sheets)."""

    first_row: dict[str, int] = attrs.field(factory=dict)
    first_id_row: dict[str, int] = attrs.field(factory=dict)
    where: dict[str, tuple[str, int, int]] = attrs.field(factory=dict)
    """A recipient's key → (sheet, Excel row, index among the kind's records)."""
    people: dict[str, Any] = attrs.field(factory=dict)
    """One-sheet logs: each person's record from their first row."""
    positions: int = 0


def _read_sheet(
    kind: RecordKind,
    table: Table,
    sheet_format: SheetFormat,
    fmt: LedgerFormat,
    builder: RecordBuilder,
    records: dict[RecordKind, list[Any]],
    issues: list[Issue],
    rejected: list[RejectedRow],
    extras: dict[RecordKind, dict[str, Mapping[str, str]]],
    recipient_rows: dict[str, tuple[str, int]],
    seen: _KindSeen,
    window: tuple[date, date] | None,
    workbook: Any,
) -> RegisterVisits | None:
    """Every row of one sheet of ``kind`` into ``records``; the visits written on a register's
    rows, if it holds any (read later, as the contacts)."""
    start = len(records[kind])
    remarked = len(builder.people.remarked)
    # a record's own key or code may repeat; a generated id cannot
    id_field = spec_of(kind).id_field
    repeats = id_field != "id" or any(c.field == id_field for c in sheet_format.columns)
    sheet = _SheetLoad(kind, table, builder, records[kind], issues, rejected, repeats, seen)
    if kind is RecordKind.RECIPIENTS:
        sheet.sheet_categories = category_of_sheet(table.spec, table.sheet)
    contacts_format = fmt.sheet_for(RecordKind.CONTACTS)
    if kind is RecordKind.RECIPIENTS and contacts_format is not None:
        columns = visit_columns(table, contacts_format)
        if columns:
            judge = OutsideWindow.of_cells(window)
            sheet.visits = RegisterVisits(columns, contacts_format, table, builder, judge)
            table.claim(sheet.visits.claimed())
    # clean rows go straight to records; any other row the general way (compiled.py)
    labels = frozenset(c.field for c in sheet_format.columns if c.type is ValueType.LABEL)
    # the generated function serves sheets laid out as the format writes them
    quick = compile_rows(builder, kind, table, labels) if table.plain else None
    # a clean row of a kind with nothing more to check (no keys that may repeat) is
    # kept at once: most rows of a large ledger, so theirs is the short way
    outside = OutsideWindow.of(window, kind, table)
    # a date written without its year (4月8日, 5.20) is in the sheet's year
    with reading_year(table.year) if table.year else contextlib.nullcontext():
        if quick is None or sheet.check_repeats or kind is RecordKind.RECIPIENTS or outside:
            for position, index, cells in table.numbered():
                if outside is not None and outside.passes_over(cells):
                    continue
                record = UNSURE if quick is None else quick(index, cells, position)
                sheet.take(index, cells, position, record)
        else:
            keep_clean_rows(table, quick, sheet.take, sheet.keep, sheet.records)
    if kind is RecordKind.CONTACTS:
        dates = list(map(_VISIT_DATE, records[kind][start:]))
        issues.extend(far_visits(workbook, table, dates))
        if "mode" not in table.layout.fields and "notes" in table.layout.fields:
            issues.extend(modes_from_notes(table, records[kind], start))
    if len(builder.people.remarked) > remarked:
        # names with a bracketed remark (张三（已故）): a status there, as 人员状态 would say
        people = builder.people.remarked[remarked:]
        issues.extend(status_from_names(workbook, table, records[kind], seen.where, people))
    if kind is RecordKind.RECIPIENTS and "categories" not in table.layout.fields:
        issues.extend(categories_from_text(table, records[kind], start, seen.where))
    if sheet.sheet_categories:
        issues.extend(give_sheet_category(table, sheet.sheet_categories, records[kind], start))
    if kind is RecordKind.RECIPIENTS and "village" not in table.layout.fields:
        issues.extend(give_sheet_village(table, records[kind], start))
    if outside is not None:
        counted_on(issues, table.sheet, outside)
    if sheet.extras:
        extras.setdefault(kind, {}).update(sheet.extras)
    recipient_rows.update(sheet.recipient_rows)
    issues.extend(table.issues)
    if sheet.refused:
        summary = Finding.of(
            "ledger.rejected_rows", Severity.WARNING, kind=kind.label, count=sheet.refused
        )
        issues.append(Issue(summary, table.sheet))
    return sheet.visits


@attrs.frozen
class _Further:
    """A further sheet of a kind to read: its name, table and a mapping's columns for it."""

    name: str
    spec: TableSpec
    columns: Mapping[str, str] | None = None


def _further(
    workbook: Any,
    fmt: LedgerFormat,
    sheet_format: SheetFormat,
    spec: TableSpec,
    entries: Sequence[SheetMapping],
    first: str,
    taken: Sequence[str],
) -> tuple[list[_Further], list[Issue]]:
    """The further sheets of a kind whose first sheet is ``first``: a mapping's other sheets for
    it, else those ``more_sheets`` finds, with its findings on sheets passed over."""
    if entries:
        return [
            _Further(e.sheet, table_spec(with_words(sheet_format, e), fmt.sheets), e.columns)
            for e in entries[1:]
        ], []
    if named_sheet(workbook, sheet_format.sheet_names) == first:
        return [], []  # the sheet the layout names for the kind is the whole of it
    others = [table_spec(other, fmt.sheets) for other in fmt.sheets if other is not sheet_format]
    skip = [*taken, *named_for_others(workbook, fmt, sheet_format)]
    names, issues = further_sheets(workbook, sheet_format.kind, spec, first, skip, others)
    return [_Further(name, spec) for name in names], issues


def _latest_year(
    workbook: Any,
    spec: TableSpec,
    table: Table,
    skip: Sequence[str],
    free: dict[str, Free],
    issues: list[Issue],
) -> Table:
    """The register's table on the latest year's sheet (``more_sheets.later_year_sheet``) when
    the sheet found best names an older year, with a finding naming both; else ``table``."""
    later = later_year_sheet(workbook, spec, table.sheet, skip)
    if later is None:
        return table
    try:
        latest = read_table(workbook, spec, sheet=later, skip=skip, free=free)
    except WorkbookError:
        return table
    said = Finding.of("ledger.later_year_sheet_read", Severity.INFO, sheet=later, other=table.sheet)
    issues.append(Issue(said, later))
    return latest


def _next_table(
    workbook: Any,
    further: list[_Further],
    first: str,
    kind: RecordKind,
    issues: list[Issue],
) -> Table | None:
    """The next further sheet of a kind (``more_sheets``) opened as its table, with a finding
    saying it is read; ``None`` when there is none left."""
    while further:
        plan = further.pop(0)
        name = plan.name
        try:
            table = read_table(workbook, plan.spec, sheet=name, columns=plan.columns)
        except WorkbookError as error:
            # it held the kind's header when scored: tell why it is not read after all
            issues.append(Issue(attrs.evolve(error.finding, severity=Severity.WARNING), name))
            continue
        more = Finding.of(
            "ledger.sheet_continued", Severity.INFO, kind=kind.label, sheet=name, first=first
        )
        issues.append(Issue(more, name))
        return table
    return None


class _SheetLoad:
    """One sheet's rows into records: what ``load_ledger`` keeps while it reads a sheet."""

    def __init__(
        self,
        kind: RecordKind,
        table: Table,
        builder: RecordBuilder,
        records: list[Any],
        issues: list[Issue],
        rejected: list[RejectedRow],
        check_repeats: bool,
        seen: _KindSeen | None = None,
    ) -> None:
        self.kind, self.table, self.builder = kind, table, builder
        self.records, self.issues, self.rejected = records, issues, rejected
        self.extras: dict[str, Mapping[str, str]] = {}
        self.recipient_rows: dict[str, tuple[str, int]] = {}
        self.refused = 0
        self.check_repeats = check_repeats
        """Whether records name themselves (a key, a code or an id column) and so may repeat.
        Generated ids ("contacts-12") cannot: no memory grows with the rows of such sheets."""
        self.seen = seen if seen is not None else _KindSeen()
        self._first_row = self.seen.first_row
        self._first_id_row = self.seen.first_id_row
        self.sheet_categories: tuple[str, ...] = ()
        """The categories the sheet's name says (``sheet_names.category_of_sheet``)."""
        self.visits: RegisterVisits | None = None
        """Visits written on this register's rows (``onesheet``), if it holds any."""
        self._people = self.seen.people  # one-sheet logs: a person's first row, on any sheet
        self.from_span_ends = table.layout.read_from_span_ends

    def keep(self, record: Any, cells: Cells, found: dict[str, str] | None = None) -> None:
        """Keep the record of a row (not a recipient's) with its extras: ``found`` when the row
        was read already, else read from ``cells``."""
        self.records.append(record)
        if found is None:
            found = self.table.extras_of(cells)
        if found:
            self.extras[record_id(self.kind, record)] = found

    def _joined_elsewhere(self, person: Any, index: int, row_issues: list[Issue]) -> bool:
        """A person read before from another sheet of the register, on a sheet named by a
        category (a register split by category lists someone on both 低保户 and 残疾人): one
        person, their categories joined, a finding naming both places. Not so when the name
        differs, or on a sheet of a register split otherwise (by village): the repeat is a
        duplicate, an error as on one sheet."""
        where = self.seen.where.get(person.key)
        if where is None or where[0] == self.table.sheet or not self.sheet_categories:
            return False
        sheet, row, at = where
        first = self.records[at]
        if compact_name(first.name) != compact_name(person.name):
            return False
        joined = first.categories | (person.categories or frozenset(self.sheet_categories))
        if joined != first.categories:
            self.records[at] = attrs.evolve(first, categories=joined)
        listed = Finding.of(
            "ledger.listed_on_two_sheets",
            Severity.INFO,
            name=person.name,
            key=person.key,
            first_sheet=sheet,
            first_row=row,
        )
        self.issues.extend([*row_issues, Issue(listed, self.table.sheet, index + 1)])
        return True

    def take(self, index: int, cells: Cells, position: int, record: Any = UNSURE) -> None:
        """One data row the general way: ``record`` is the compiled rows' record, or ``UNSURE``
        (then the row is read, built and reported here)."""
        kind, table = self.kind, self.table
        parts: RowParts | None = None
        row_extras: dict[str, str] | None
        if record is UNSURE or (kind is RecordKind.RECIPIENTS and disagrees_with_id(record)):
            # (a sex or birth date cell against the ID number is reported by the general way)
            parts = table.parts_of(index, cells)
            record, row_issues = _record_of(
                self.builder, kind, table, parts, position, self.from_span_ends
            )
            row_extras = parts[4]
        else:
            row_issues = []
            row_extras = None
        visits = self.visits
        if visits is not None and visits.row_per_visit and record is not None:
            # a row-per-visit log names a person on every visit: a later row is the same person
            first = self._people.get(record.key)
            if first is not None:
                if first.name != record.name:
                    differs = Finding.of(
                        "onesheet.person_differs",
                        Severity.WARNING,
                        key=record.key,
                        first=first.name,
                        name=record.name,
                        first_row=self._first_row.get(record.key, 0),
                    )
                    row_issues.append(Issue(differs, table.sheet, index + 1))
                self.issues.extend(row_issues)
                visits.take(index, cells, first.key)
                return
        if (
            record is not None
            and kind is RecordKind.RECIPIENTS
            and self._joined_elsewhere(record, index, row_issues)
        ):
            return
        if record is not None and self.check_repeats:
            row_issues += _duplicates(
                kind, record, table.sheet, index + 1, self._first_row, self._first_id_row
            )
        if row_issues:
            self.issues.extend(row_issues)
            if any(i.is_error for i in row_issues):
                record = None
        if record is None:
            row = table.row_of(parts or table.parts_of(index, cells))
            self.rejected.append(
                RejectedRow(kind, row.sheet, row.number, row.raw, tuple(row_issues))
            )
            self.refused += 1
            return
        if kind is not RecordKind.RECIPIENTS:
            self.keep(record, cells, row_extras)
            return
        self.records.append(record)  # a recipient keeps its extras on itself
        self.seen.where[record.key] = (table.sheet, index + 1, len(self.records) - 1)
        self.builder.remember(record)
        self.recipient_rows[record.key] = (table.sheet, index + 1)
        if visits is not None:
            self._people[record.key] = record
            visits.take(index, cells, record.key)


def _record_of(
    builder: RecordBuilder,
    kind: RecordKind,
    table: Table,
    parts: RowParts,
    position: int,
    from_span_ends: frozenset[str] = frozenset(),
) -> tuple[Any | None, list[Issue]]:
    _index, _cells, values, row_issues, row_extras = parts
    if row_issues and any(issue.is_error for issue in row_issues):
        return None, list(row_issues)
    if row_issues and kind is RecordKind.RECIPIENTS and BIRTH_DATE in table.layout.fields:
        letter = column_letter(table.layout.fields[BIRTH_DATE])
        values, row_issues = birth_year_from_id(values, row_issues, letter)
    record, placed = builder.build(kind, values, row_extras, position, from_span_ends)
    if not placed:
        return record, list(row_issues)
    issues = list(row_issues)
    row = table.row_of(parts)
    layout = table.layout
    for item in placed:
        if item.field is not None and item.field in layout.fields:
            header = layout.header_of(item.field)
            letter = column_letter(layout.fields[item.field])
            issues.append(
                Issue(item.finding, row.sheet, row.number, letter, header, row.raw.get(header, ""))
            )
        else:
            issues.append(Issue(item.finding, row.sheet, row.number))
    return record, issues


def _duplicates(
    kind: RecordKind,
    record: Any,
    sheet: str,
    number: int,
    first_row: dict[str, int],
    first_id_row: dict[str, int],
) -> list[Issue]:
    found: list[Issue] = []
    key = record_id(kind, record)
    if key in first_row:
        duplicate = Finding.of(
            "ledger.duplicate_key", Severity.ERROR, key=key, first_row=first_row[key]
        )
        found.append(Issue(duplicate, sheet, number))
    else:
        first_row[key] = number
    resident = getattr(record, "resident_id", None) if kind is RecordKind.RECIPIENTS else None
    if resident is not None:
        if resident in first_id_row:
            duplicate = Finding.of(
                "ledger.duplicate_resident_id",
                Severity.ERROR,
                value=resident,
                first_row=first_id_row[resident],
            )
            found.append(Issue(duplicate, sheet, number))
        elif not found:
            first_id_row[resident] = number
    return found
