"""A mapping the user can see and fix: how each sheet, column and word of a workbook is read.

``explain`` reads a ledger the way ``load_ledger`` does and says, per record kind, which sheet
was taken, the header rows, each column with the field it was read as (and why, and what else it
could have been), and per coded column every word seen with the code it became (or that it was
not understood). ``mapping_text`` writes that as a TOML file a worker can edit; ``read_mapping``
reads the edited file back, and ``load_ledger(..., mapping=...)`` then takes the named sheets,
reads each listed column as the field given (``""``: not read) and each listed word as the code
given, before anything is guessed. An adapter may ship such profiles for the ledgers it knows.

The file::

    [[sheet]]
    kind = "contacts"          # a record kind: recipients, contacts, …
    name = "走访登记"           # the workbook's sheet
    [sheet.columns]            # header as shown by ``socialwork map`` (or a column letter)
    "日期" = "on"
    "村别" = "recipient_village"
    "备注" = ""                # not read (kept as an extra)
    [sheet.values.mode]        # a coded field: word → code
    "来所" = "station_visit"
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from ..findings import FindingError
from ..glossary import vocabulary as words
from ..glossary.meaning import ByAge
from ..glossary.terms import Severity
from ..record_kinds import spec_of
from ..tabular import (
    Coerced,
    Table,
    WorkbookError,
    column_letter,
    open_workbook,
    raw_text,
    read_table,
)
from ..tabular.cells import exact_labels, split_values
from ..tabular.reader import Free, left_free, named_sheet, read_words
from ..tabular.rows import is_blank
from ..tabular.spec import TableSpec
from ..validation import to_mapping
from .columns import table_spec
from .format import LedgerFormat, RecordKind, SheetFormat, ValueType
from .onesheet import VisitColumns, visit_columns


def _frozen_mappings(value: Mapping[str, Mapping[str, str]]) -> Mapping[str, Mapping[str, str]]:
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in value.items()})


@attrs.frozen
class SheetMapping:
    """How one record kind is read: its sheet, columns forced to fields, words forced to codes."""

    kind: RecordKind = attrs.field(converter=RecordKind)
    sheet: str
    columns: Mapping[str, str] = attrs.field(factory=dict, converter=to_mapping)
    """Header (as ``socialwork map`` shows it) or column letter → field; ``""``: not read."""
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, converter=_frozen_mappings)
    """Coded field → {word as written: code}."""


@attrs.frozen
class LedgerMapping:
    """A workbook's mapping: one ``SheetMapping`` per record kind it settles."""

    sheets: tuple[SheetMapping, ...] = ()

    def for_kind(self, kind: RecordKind) -> SheetMapping | None:
        """The first sheet the mapping names for ``kind``."""
        return next((s for s in self.sheets if s.kind is kind), None)

    def sheets_for(self, kind: RecordKind) -> tuple[SheetMapping, ...]:
        """Every sheet the mapping names for ``kind``, in its order: a kind kept over several
        sheets (``ledger.more_sheets``) is read from exactly these."""
        return tuple(s for s in self.sheets if s.kind is kind)


class MappingError(ValueError):
    """A mapping file that cannot be used; ``message`` says where and what, in Chinese."""

    def __init__(self, path: Path, problem: str) -> None:
        from ..glossary.messages import render_message

        self.path = path
        self.problem = problem
        self.message = render_message("mapping.unusable", path=str(path), problem=problem)
        super().__init__(self.message)


def read_mapping(path: str | Path, fmt: LedgerFormat | None = None) -> LedgerMapping:
    """The mapping in the TOML file at ``path``; with ``fmt``, every kind and field is checked
    against the format (``MappingError`` naming the entry otherwise)."""
    from ..glossary.messages import render_message

    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise MappingError(source, str(error)) from None
    sheets: list[SheetMapping] = []
    for number, entry in enumerate(data.get("sheet", []), start=1):
        if not isinstance(entry, dict) or "kind" not in entry or "name" not in entry:
            raise MappingError(source, render_message("mapping.entry_incomplete", number=number))
        try:
            kind = RecordKind(entry["kind"])
        except ValueError:
            known = words.LIST_JOINER.join(k.value for k in RecordKind)
            raise MappingError(
                source,
                render_message(
                    "mapping.unknown_kind", number=number, kind=entry["kind"], known=known
                ),
            ) from None
        columns = {str(k): str(v) for k, v in (entry.get("columns") or {}).items()}
        values = {
            str(f): {str(w): str(c) for w, c in coded.items() if str(c)}
            for f, coded in (entry.get("values") or {}).items()
        }
        if fmt is not None:
            sheet_format = fmt.sheet_for(kind)
            fields = {c.field for c in sheet_format.columns} if sheet_format else set()
            for header, field in columns.items():
                if field and field not in fields:
                    raise MappingError(
                        source,
                        render_message(
                            "mapping.unknown_field",
                            number=number,
                            header=header,
                            field=field,
                            known=words.LIST_JOINER.join(sorted(fields)),
                        ),
                    )
        sheets.append(SheetMapping(kind, str(entry["name"]), columns, values))
    return LedgerMapping(tuple(sheets))


def visits_on_rows(
    entries: Sequence[SheetMapping], on_rows: Collection[str]
) -> tuple[tuple[SheetMapping, ...], tuple[SheetMapping, ...]]:
    """A mapping's sheets for the visits (``entries``) in two: those naming a register sheet
    whose rows hold visits (``on_rows``, ``ledger.onesheet``), where the visits are read on the
    rows with their people and never again as a visit log, and the others, read as visit logs.
    The one decision ``load_ledger`` and ``explain`` both take."""
    rows = tuple(e for e in entries if e.sheet in on_rows)
    return rows, tuple(e for e in entries if e.sheet not in on_rows)


def with_words(sheet: SheetFormat, mapping: SheetMapping | None) -> SheetFormat:
    """``sheet`` with the mapping's words added to its coded columns (they win over the rest)."""
    if mapping is None or not mapping.values:
        return sheet
    columns = [
        attrs.evolve(c, labels={**c.labels, **mapping.values[c.field]})
        if c.field in mapping.values and c.type is ValueType.LABEL
        else c
        for c in sheet.columns
    ]
    return attrs.evolve(sheet, columns=tuple(columns))


# --- explaining a workbook ------------------------------------------------------------------------


@attrs.frozen
class ColumnExplained:
    letter: str
    header: str
    field: str | None
    reason: str
    """How the column was matched (``exact``, ``contains`` …, ``mapping``), or ``""``."""


@attrs.frozen
class WordsExplained:
    field: str
    words: tuple[tuple[str, str | None, int], ...]
    """(word as written, code it became or ``None``: not understood, how many cells)."""


@attrs.frozen
class SheetExplained:
    kind: RecordKind
    sheet: str
    header_rows: tuple[int, ...]
    columns: tuple[ColumnExplained, ...]
    words: tuple[WordsExplained, ...]
    remarks: tuple[str, ...]
    """The reader's own words about the sheet (columns taken, joined, left undecided …)."""


def explain(
    path: str | Path, fmt: LedgerFormat, mapping: LedgerMapping | None = None
) -> tuple[SheetExplained, ...]:
    """How ``load_ledger(path, fmt, mapping=mapping)`` reads each record kind's sheet."""
    from .more_sheets import further_sheets, named_for_others  # it reads this module's words

    found: list[SheetExplained] = []
    taken: list[str] = []
    on_rows: dict[str, SheetExplained] = {}  # register sheets whose rows hold visits
    free: dict[str, Free] = {}  # … and where another table stands by one read, as loading keeps
    with open_workbook(path) as workbook:
        # in the order ``load_ledger`` reads the kinds: the register's before the visits
        for sheet_format in sorted(fmt.sheets, key=lambda s: spec_of(s.kind).load_order):
            kind = sheet_format.kind
            entries = mapping.sheets_for(kind) if mapping else ()
            if kind is RecordKind.CONTACTS:
                rows, entries = visits_on_rows(entries, on_rows)
                found.extend(on_rows[e.sheet] for e in rows)
                if rows and not entries:
                    continue  # the mapping names the register's own sheets: no log is looked for
            forced = entries[0] if entries else None
            spec = table_spec(with_words(sheet_format, forced), fmt.sheets)
            others = named_for_others(workbook, fmt, sheet_format)
            try:
                table = read_table(
                    workbook,
                    spec,
                    sheet=forced.sheet if forced else None,
                    skip=(*taken, *others),
                    columns=forced.columns if forced else None,
                    free=free,
                )
            except WorkbookError:
                continue
            with table:
                taken.append(table.sheet)
                found.append(_explained(kind, table, spec.columns, fmt))
                _note_row_visits(on_rows, kind, table, fmt)
            left_free(free, table)
            # every further sheet of the kind, as ``load_ledger`` reads them (``more_sheets``)
            further: list[tuple[str, TableSpec, Mapping[str, str] | None]]
            if entries:
                further = [
                    (e.sheet, table_spec(with_words(sheet_format, e), fmt.sheets), e.columns)
                    for e in entries[1:]
                ]
            elif named_sheet(workbook, sheet_format.sheet_names) == table.sheet:
                further = []  # the sheet the layout names for the kind is the whole of it
            else:
                tables = [table_spec(o, fmt.sheets) for o in fmt.sheets if o is not sheet_format]
                names, _ = further_sheets(
                    workbook, kind, spec, table.sheet, (*taken, *others), tables
                )
                further = [(name, spec, None) for name in names]
            for name, its_spec, columns in further:
                try:
                    more = read_table(workbook, its_spec, sheet=name, columns=columns)
                except WorkbookError:
                    continue
                with more:
                    taken.append(more.sheet)
                    found.append(_explained(kind, more, its_spec.columns, fmt))
                    _note_row_visits(on_rows, kind, more, fmt)
                left_free(free, more)
    order = {sheet.kind: at for at, sheet in enumerate(fmt.sheets)}
    return tuple(sorted(found, key=lambda sheet: order[sheet.kind]))


def _note_row_visits(
    on_rows: dict[str, SheetExplained], kind: RecordKind, table: Table, fmt: LedgerFormat
) -> None:
    """Keep, for a register sheet whose rows hold visits, how its visits are read (the entry
    the map gives the visits when a mapping names the sheet for them: ``visits_on_rows``)."""
    visits = _row_visits(kind, table, fmt)
    if visits:
        on_rows[table.sheet] = _visits_explained(table, visits)


def _visits_explained(table: Table, visits: Sequence[VisitColumns]) -> SheetExplained:
    """The visits of a register sheet's rows as the map shows them: each visit's date and mode
    column, read as a visit of the row's person."""
    headers = dict(table.layout.headers)
    fields = sorted(
        [(v.date, "on") for v in visits] + [(v.mode, "mode") for v in visits if v.mode is not None]
    )
    columns = tuple(
        ColumnExplained(column_letter(c), headers[c], field, VISIT_ON_ROW) for c, field in fields
    )
    remark = _visit_columns_remark(table, {c for c, _ in fields})
    return SheetExplained(
        RecordKind.CONTACTS, table.sheet, table.layout.header_rows, columns, (), (remark,)
    )


def _explained(
    kind: RecordKind, table: Table, specs: Sequence[Any], fmt: LedgerFormat
) -> SheetExplained:
    layout = table.layout
    by_column = {choice.column: choice for choice in layout.choices}
    joined = {c: f for f, cols in layout.joined.items() for c in cols}
    on_rows = _visit_columns(kind, table, fmt)
    table.claim(on_rows)  # as the loading does: read as visits, not kept as they are
    columns = []
    for index, header in layout.headers:
        choice = by_column.get(index)
        field = choice.field if choice else joined.get(index)
        reason = choice.how if choice else ("joined" if index in joined else "")
        if index in on_rows:
            reason = VISIT_ON_ROW  # read as a visit of the row's person, as the loading does
        columns.append(ColumnExplained(column_letter(index), header, field, reason))
    coded = {
        s.field: s.coerce
        for s in specs
        if s.field in layout.fields and exact_labels(s.coerce) is not None
    }
    several = {s.field: s.separators for s in specs if s.multi}
    seen: dict[str, Counter[str]] = {f: Counter() for f in coded}
    for _index, cells in table.data_rows():
        for field in coded:
            column = layout.fields[field]
            value = cells[column] if column < len(cells) else None
            if is_blank(value):
                continue
            text = raw_text(value).strip()
            parts = split_values(text, several[field]) if field in several else [text]
            for part in parts:  # a cell of several words: each word as it reads
                seen[field][part] += 1
    listed = []
    for field, counts in seen.items():
        rows: list[tuple[str, str | None, int]] = []
        for word, count in counts.most_common():
            try:
                value = coded[field](word)
            except FindingError:
                code = None
                if field in several:  # as the reader reads it: 困境儿童(重残) is two words
                    values, findings = read_words(coded[field], several[field], word)
                    if values and not any(f.severity is Severity.ERROR for f in findings):
                        code = SEVERAL.join(_reading_text(v) for v in values)
            else:
                value = value.value if isinstance(value, Coerced) else value
                code = None if value is None else _reading_text(value)
            rows.append((word, code, count))
        if rows:
            listed.append(WordsExplained(field, tuple(rows)))
    remarks = tuple(i.message for i in table.issues if i.row in (None, *layout.header_rows))
    if on_rows:
        remarks += (_visit_columns_remark(table, on_rows),)
    return SheetExplained(
        kind, table.sheet, layout.header_rows, tuple(columns), tuple(listed), remarks
    )


def _visit_columns_remark(table: Table, columns: set[int]) -> str:
    """The map's remark naming the columns of a register sheet read as visits on its rows."""
    from ..glossary.messages import render_message

    headers = dict(table.layout.headers)
    named = words.LIST_JOINER.join(
        render_message("onesheet.visit_column", letter=column_letter(c), header=headers[c])
        for c in sorted(columns)
    )
    return render_message("onesheet.visit_columns", sheet=table.sheet, columns=named)


def _row_visits(kind: RecordKind, table: Table, fmt: LedgerFormat) -> tuple[VisitColumns, ...]:
    """The visits a register sheet holds on its rows (``ledger.onesheet``), as the loading reads
    them."""
    contacts = fmt.sheet_for(RecordKind.CONTACTS)
    if kind is not RecordKind.RECIPIENTS or contacts is None:
        return ()
    return visit_columns(table, contacts)


def _visit_columns(kind: RecordKind, table: Table, fmt: LedgerFormat) -> set[int]:
    """The columns of a register sheet read as visits on its rows (``ledger.onesheet``)."""
    found: set[int] = set()
    for visit in _row_visits(kind, table, fmt):
        found.add(visit.date)
        if visit.mode is not None:
            found.add(visit.mode)
    return found


VISIT_ON_ROW = "visit on the row"
"""The reason ``map`` gives a register column read as a visit on the person's row."""
SEVERAL = " + "
BY_AGE = "{child} / {elderly} (by age)"


def _reading_text(value: Any) -> str:
    """What a word became, as ``map`` shows it: a code; several codes joined by `` + ``; the two
    categories an age settles (``glossary.meaning.ByAge``)."""
    if isinstance(value, tuple):
        return SEVERAL.join(str(getattr(v, "value", v)) for v in value)
    if isinstance(value, ByAge):
        return BY_AGE.format(child=value.child.value, elderly=value.elderly.value)
    return str(getattr(value, "value", value))


def mapping_text(explained: Sequence[SheetExplained]) -> str:
    """The TOML mapping file for ``explained``: what the reader chose, ready to edit. Words not
    understood are listed with an empty code and a comment, for the worker to fill in."""
    lines = ["# socialwork map: how each sheet and column was read. Edit and pass --mapping FILE."]
    for sheet in explained:
        lines += ["", "[[sheet]]", f"kind = {_q(sheet.kind.value)}", f"name = {_q(sheet.sheet)}"]
        lines.append(f"# header rows: {', '.join(str(r) for r in sheet.header_rows)}")
        lines.append("[sheet.columns]")
        for column in sheet.columns:
            note = (
                f"  # {column.letter}, {column.reason}" if column.reason else f"  # {column.letter}"
            )
            lines.append(f"{_q(column.header)} = {_q(column.field or '')}{note}")
        for coded in sheet.words:
            lines.append(f"[sheet.values.{coded.field}]")
            for word, code, count in coded.words:
                if code is not None and " " in code:
                    # several codes, or an age to settle: read so without the file; shown only
                    lines.append(f"# {_q(word)} = {_q(code)}  # x{count}")
                    continue
                flag = "" if code is not None else "  # ?"
                lines.append(f"{_q(word)} = {_q(code or '')}  # x{count}{flag}")
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
