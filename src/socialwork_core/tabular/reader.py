"""Reading one table from a sheet: header detection, merged cells, footers, coercion, extras.

Rows stream: ``Table`` is an iterator of ``Row`` and holds only the rows it is working on (plus the
few header rows and the list of merged ranges), so memory stays flat in the number of rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from .cells import Coerced, Coercer, RawValue, is_blank, normalise_label, raw_text, split_values
from .errors import WorkbookError
from .issues import Issue, column_letter
from .sources import DEFAULT_LIMITS, Merge, ReadLimits, SheetData, Workbook, open_workbook
from .spec import TableSpec

Cells = list[RawValue | None]


def _freeze(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


def _cells_tuple(value: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class Row:
    """One data row: typed ``values`` by field, the original cells, unknown columns and issues."""

    sheet: str
    number: int
    """The row number as Excel shows it."""
    values: Mapping[str, Any] = attrs.field(converter=_freeze)
    """Field → value; ``None`` when empty or not accepted (multi-valued fields: a tuple)."""
    extras: Mapping[str, str] = attrs.field(converter=_freeze)
    """Header → text of the non-empty cells in columns the spec does not know."""
    issues: tuple[Issue, ...] = ()
    cells: tuple[Any, ...] = attrs.field(default=(), converter=_cells_tuple, repr=False)
    """The row's cells as read (merged values filled in), by 0-based column."""
    headers: tuple[tuple[int, str], ...] = attrs.field(default=(), repr=False)
    """(0-based column, header) of the sheet's columns (``Layout.headers``)."""

    @property
    def rejected(self) -> bool:
        """True if any issue is an error: the row cannot become a record as it stands."""
        return any(issue.is_error for issue in self.issues)

    @property
    def raw(self) -> Mapping[str, str]:
        """Header → cell text for every column of the sheet, in sheet order (then any non-empty
        cell beyond the last header, by column letter): what the worker typed, for issue lists."""
        cells = self.cells
        texts = {h: raw_text(cells[c]) if c < len(cells) else "" for c, h in self.headers}
        width = max((c for c, _ in self.headers), default=-1) + 1
        for c in range(width, len(cells)):
            if not is_blank(cells[c]):
                texts[column_letter(c)] = raw_text(cells[c])
        return MappingProxyType(texts)


@attrs.frozen
class Layout:
    """Where the header was found and what each column is."""

    sheet: str
    header_rows: tuple[int, ...]
    """Excel row numbers of the header (one or two rows)."""
    headers: tuple[tuple[int, str], ...]
    """(0-based column, display header) for every column with a header, in sheet order."""
    fields: Mapping[str, int] = attrs.field(converter=_freeze)
    """Field → 0-based column."""
    extras: tuple[tuple[int, str], ...] = ()
    """(0-based column, header) of the columns no spec column claimed."""

    def header_of(self, field: str) -> str:
        column = self.fields[field]
        return next(name for index, name in self.headers if index == column)


# --- header detection -----------------------------------------------------------------------------


def _merge_lookup(merged: Sequence[Merge], rows: Mapping[int, Cells]) -> dict[tuple[int, int], Any]:
    """Values of merged areas for the buffered rows: (row, col) → top-left value."""
    filled: dict[tuple[int, int], Any] = {}
    for (r0, c0), (r1, c1) in merged:
        if r0 not in rows:
            continue
        top = rows[r0]
        value = top[c0] if c0 < len(top) else None
        for r in range(r0, r1 + 1):
            if r in rows:
                for c in range(c0, c1 + 1):
                    filled[(r, c)] = value
    return filled


def _name(value: object) -> str:
    return "" if is_blank(value) else raw_text(value).strip()


def _matched(spec: TableSpec, names: Sequence[tuple[int, str, str]]) -> set[str]:
    """The fields of the spec columns that some (column, name, sub name) header matches."""
    return {
        column.field
        for column in spec.columns
        if any(column.matches(n) or (s and column.matches(s)) for _, n, s in names)
    }


@attrs.frozen
class _Candidate:
    score: int
    rows: tuple[int, ...]
    names: tuple[tuple[int, str, str], ...]  # (column, display name, sub name or "")


def _candidates(
    spec: TableSpec, buffer: Sequence[tuple[int, Cells]], merged: Sequence[Merge], search: int
) -> Iterator[_Candidate]:
    rows = dict(buffer)
    filled = _merge_lookup(merged, rows)
    width = max((len(cells) for _, cells in buffer), default=0)
    for (first_row, _first_col), (_last_row, last_col) in merged:
        if first_row in rows:  # a merged heading may reach past the last value
            width = max(width, last_col + 1)

    def cell(r: int, c: int) -> str:
        if (r, c) in filled:
            return _name(filled[(r, c)])
        cells = rows.get(r, [])
        return _name(cells[c]) if c < len(cells) else ""

    def score(names: Sequence[tuple[int, str, str]]) -> int:
        return len(_matched(spec, names))

    def singles(r: int) -> tuple[tuple[int, str, str], ...]:
        return tuple((c, cell(r, c), "") for c in range(width) if cell(r, c))

    def title_over(r: int) -> bool:
        # A merge spanning every column of the row below is a title ("填报单位：…"), not a
        # group heading over sub-columns.
        below = [c for c in range(width) if cell(r + 1, c)]
        return bool(below) and any(
            r0 == r and c0 <= below[0] and c1 >= below[-1] and c1 > c0
            for (r0, c0), (_r1, c1) in merged
        )

    for r, _cells in buffer[:search]:
        single = singles(r)
        yield _Candidate(score(single), (r,), single)
        if r + 1 in rows and not title_over(r):
            double: list[tuple[int, str, str]] = []
            for c in range(width):
                top, sub = cell(r, c), cell(r + 1, c)
                if not sub or sub == top:
                    if top:
                        double.append((c, top, ""))
                elif not top:
                    double.append((c, sub, ""))
                else:
                    double.append((c, f"{top}/{sub}", sub))
            spans = any(r0 <= r < r1 or (r0 == r and c1 > c0) for (r0, c0), (r1, c1) in merged)
            two = _Candidate(score(double), (r, r + 1), tuple(double))
            # two rows only when they explain more than either row alone (or a merge ties them)
            alone = max(score(single), score(singles(r + 1)))
            if two.score > alone or (two.score == alone and spans and two.score):
                yield attrs.evolve(two, score=two.score + 1 if spans else two.score)


def _best(
    spec: TableSpec, sheet: SheetData, buffer: Sequence[tuple[int, Cells]], search: int
) -> _Candidate | None:
    best: _Candidate | None = None
    for candidate in _candidates(spec, buffer, sheet.merged, search):
        if candidate.score and (best is None or candidate.score > best.score):
            best = candidate
    return best


def _layout(spec: TableSpec, sheet_name: str, best: _Candidate) -> tuple[Layout, list[Issue]]:
    fields: dict[str, int] = {}
    extras: list[tuple[int, str]] = []
    issues: list[Issue] = []
    headers: list[tuple[int, str]] = []
    seen_names: set[str] = set()
    for column, name, sub in best.names:
        display = name if name not in seen_names else f"{name}#{column_letter(column)}"
        seen_names.add(display)
        headers.append((column, display))
        spec_column = next((s for s in spec.columns if s.matches(name)), None) or next(
            (s for s in spec.columns if sub and s.matches(sub)), None
        )
        if spec_column is not None and spec_column.field not in fields:
            fields[spec_column.field] = column
            continue
        extras.append((column, display))
        if spec_column is not None:
            first = column_letter(fields[spec_column.field])
            finding = Finding.of(
                "tabular.duplicate_column",
                Severity.WARNING,
                header=display,
                column=column_letter(column),
                first=first,
            )
            issues.append(
                Issue(finding, sheet_name, best.rows[0] + 1, column_letter(column), display)
            )
    layout = Layout(
        sheet=sheet_name,
        header_rows=tuple(r + 1 for r in best.rows),
        headers=tuple(headers),
        fields=fields,
        extras=tuple(extras),
    )
    return layout, issues


# --- the table ------------------------------------------------------------------------------------


class Table:
    """The rows of one table, streamed. Iterate once; ``issues`` holds the table-level issues
    (sheet found by headers, extra or duplicate columns, skipped footer rows) and is complete when
    iteration ends. Use as a context manager (or exhaust it) to release the file."""

    def __init__(
        self,
        spec: TableSpec,
        layout: Layout,
        sheet: SheetData,
        rest: Iterator[tuple[int, Cells]],
        issues: list[Issue],
        owned: Workbook | None,
    ) -> None:
        self.spec = spec
        self.layout = layout
        self.sheet = layout.sheet
        self.issues: list[Issue] = issues
        self._merged = sheet.merged
        self._formulas = sheet.formulas_without_value
        self._rest = rest
        self._owned = owned
        self._width = max((c for c, _ in layout.headers), default=-1) + 1
        self._extra_columns = layout.extras
        by_column = dict(layout.headers)
        # per spec column: (field, 0-based column or -1 when absent, coercer, required, multi,
        # separators, whether a word of ASCII letters and digits is one part, header, empty value)
        self._plan = tuple(
            (
                c.field,
                layout.fields.get(c.field, -1),
                c.coerce,
                c.required,
                c.multi,
                c.separators,
                not any(ch.isascii() and ch.isalnum() for ch in c.separators),
                by_column.get(layout.fields.get(c.field, -1), ""),
                () if c.multi else None,
            )
            for c in spec.columns
        )

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owned is not None:
            self._owned.close()
            self._owned = None

    def __iter__(self) -> Iterator[Row]:
        try:
            for parts in self._parts():
                yield self.row_of(parts)
        finally:
            self.close()

    def row_of(self, parts: RowParts) -> Row:
        """The ``Row`` for parts from ``parts_of``: a loader building its own records from
        ``values`` needs a ``Row`` only for the rows it reports on."""
        index, cells, values, issues, extras = parts
        return Row(self.sheet, index + 1, values, extras, tuple(issues), cells, self.layout.headers)

    def data_rows(self) -> Iterator[tuple[int, Cells]]:
        """The data rows before coercion: (0-based row index, cells with merged values filled
        in), blank rows and footers left out (footers noted in ``issues``): the rows iterating
        the table gives as ``Row``. ``parts_of`` makes one into ``RowParts``: for a loader with a
        quicker way of its own for rows it knows to be clean. Iterate once, as the table itself."""
        try:
            yield from self._data_rows()
        finally:
            self.close()

    def unmerged_rows(self) -> Iterator[tuple[int, Cells]] | None:
        """Every row below the header as read, blank rows and footers included, when no merged
        range reaches below the header (``None`` otherwise): for a loader that tells data rows
        apart itself, with ``is_skipped`` for any row whose first cell is blank or text. The
        rows ``data_rows`` would give are exactly those ``is_skipped`` says no to."""
        last_header = self.layout.header_rows[-1] - 1
        if any(r0 > last_header for (r0, _c0), _end in self._merged):
            return None
        return self._unmerged_rows(last_header)

    def _unmerged_rows(self, last_header: int) -> Iterator[tuple[int, Cells]]:
        try:
            for index, cells in self._rest:
                if index > last_header:
                    yield index, cells
        finally:
            self.close()

    def is_skipped(self, index: int, cells: Cells) -> bool:
        """Whether ``data_rows`` leaves the row out: blank, or a footer (noted in ``issues``).
        Only for rows from ``unmerged_rows``."""
        first: object = _NOTHING
        for v in cells:
            if v is not None and not (isinstance(v, str) and not v.strip()):
                first = v
                break
        if first is _NOTHING:
            return True
        footer = _footer_of(first)
        if footer is None:
            return False
        self._note_footer(index, footer)
        return True

    def _note_footer(self, index: int, footer: str) -> None:
        finding = Finding.of(
            "tabular.footer_row_skipped", Severity.INFO, row=index + 1, value=footer
        )
        self.issues.append(Issue(finding, self.sheet, index + 1, raw=footer))

    def parts_of(self, index: int, cells: Cells) -> RowParts:
        """The data row ``(index, cells)`` (from ``data_rows``, or ``unmerged_rows`` and not
        ``is_skipped``) read: values coerced by field, issues, extras."""
        return self._row(index, cells)

    @property
    def width(self) -> int:
        """The number of columns up to the last one with a header: a cell beyond is an extra."""
        return self._width

    @property
    def formulas_without_value(self) -> bool:
        """Whether the sheet has formula cells with no saved value (each is reported on its row)."""
        return bool(self._formulas)

    def _parts(self) -> Iterator[RowParts]:
        row = self._row
        for index, cells in self._data_rows():
            yield row(index, cells)

    def _data_rows(self) -> Iterator[tuple[int, Cells]]:
        last_header = self.layout.header_rows[-1] - 1
        pending: dict[int, list[Merge]] = {}
        for merge in self._merged:
            (r0, _c0), (r1, _c1) = merge
            if r0 > last_header:  # merges in the header area never fill data rows
                pending.setdefault(r0, []).append(merge)
        active: list[tuple[int, int, int, Any]] = []  # (last row, first col, last col, value)
        nothing = _NOTHING
        for index, cells in self._rest:
            if index <= last_header:
                continue
            first: object = nothing  # the first non-blank cell (is_blank, inlined)
            for v in cells:
                if v is not None and not (isinstance(v, str) and not v.strip()):
                    first = v
                    break
            if pending:
                for (_r0, c0), (r1, c1) in pending.pop(index, ()):
                    active.append((r1, c0, c1, cells[c0] if c0 < len(cells) else None))
            if active:
                cells = list(cells)
                for _last, c0, c1, value in active:
                    if len(cells) <= c1:
                        cells.extend([None] * (c1 + 1 - len(cells)))
                    for c in range(c0, c1 + 1):
                        if is_blank(cells[c]):
                            cells[c] = value
                active = [a for a in active if a[0] > index]
                if first is nothing:
                    continue
                footer = _footer_text(cells)
            elif first is nothing:
                continue
            elif isinstance(first, str) and first.lstrip()[:1] in FOOTER_INITIALS:
                footer = _footer_of(first)
            else:  # what _footer_of says without the call: no footer starts so
                yield index, cells
                continue
            if footer is not None:
                self._note_footer(index, footer)
                continue
            yield index, cells

    def _row(self, index: int, cells: Cells) -> RowParts:
        number = index + 1
        issues: list[Issue] = []
        values: dict[str, Any] = {}
        size = len(cells)
        sheet = self.sheet
        if self._formulas:
            for column_index, header in self.layout.headers:
                if (index, column_index) in self._formulas:
                    finding = Finding.of(
                        "tabular.formula_without_value", Severity.WARNING, value=""
                    )
                    issues.append(
                        Issue(finding, sheet, number, column_letter(column_index), header, "")
                    )
        for (
            field,
            column_index,
            coerce,
            required,
            multi,
            separators,
            single_word,
            header,
            absent,
        ) in self._plan:
            if column_index < 0:
                values[field] = absent
                continue
            raw = cells[column_index] if column_index < size else None
            found: Sequence[Finding]
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                values[field] = absent
                if not required:
                    continue
                found = [Finding.of("tabular.required_value_missing", Severity.ERROR, value="")]
            elif multi:
                if single_word and type(raw) is str and raw.isascii() and raw.isalnum():
                    # one part, as split_values would find it: coerced as a cell of its own
                    try:
                        value = coerce(raw)
                    except FindingError as error:
                        values[field] = ()
                        found = error.findings
                    else:
                        found = ()
                        if isinstance(value, Coerced):
                            found = value.findings
                            value = value.value
                        values[field] = () if value is None else (value,)
                        if not found:
                            continue
                else:
                    values[field], found = _coerce_parts(coerce, separators, raw)
                    if not found:
                        continue
            else:
                try:
                    value = coerce(raw)
                except FindingError as error:
                    values[field] = None
                    found = error.findings
                else:
                    if isinstance(value, Coerced):
                        values[field] = value.value
                        found = value.findings
                    else:
                        values[field] = value
                        continue
            if found:
                letter = column_letter(column_index)
                text = raw_text(raw)
                issues.extend(Issue(f, sheet, number, letter, header, text) for f in found)
        return index, cells, values, issues, self.extras_of(cells)

    def extras_of(self, cells: Cells) -> dict[str, str]:
        """Header → text of the row's non-empty cells in columns the spec does not know (beyond
        the last header: by column letter)."""
        extras: dict[str, str] = {}
        size = len(cells)
        if self._extra_columns:
            for c, header in self._extra_columns:
                if c < size and not is_blank(cells[c]):
                    extras[header] = raw_text(cells[c])
        if size > self._width:
            for c in range(self._width, size):
                if not is_blank(cells[c]):
                    extras[column_letter(c)] = raw_text(cells[c])
        return extras


_NOTHING: Final = object()

RowParts = tuple[int, Cells, dict[str, Any], list[Issue], dict[str, str]]
"""What ``Table.parts_of`` gives for a data row: (0-based row index, cells as read with merged values
filled in, values by field, issues, extras), the makings of a ``Row``."""


def _coerce_parts(
    coerce: Coercer, separators: str, raw: RawValue
) -> tuple[tuple[Any, ...], list[Finding]]:
    """A multi-valued cell: split, each part coerced (a part not accepted is left out)."""
    values: list[Any] = []
    findings: list[Finding] = []
    for part in split_values(raw if type(raw) is str else raw_text(raw), separators):
        try:
            value = coerce(part)
        except FindingError as error:
            findings.extend(error.findings)
            continue
        if isinstance(value, Coerced):
            findings.extend(value.findings)
            value = value.value
        if value is not None:
            values.append(value)
    return tuple(values), findings


_FOOTERS = tuple(normalise_label(k) for k in words.FOOTER_KEYWORDS)
FOOTER_INITIALS: Final = frozenset(k[0] for k in _FOOTERS)
"""The first characters of every footer keyword (合计, 填表人 …): a row whose first non-blank cell
starts with none of them is no footer."""


def _footer_text(cells: Cells) -> str | None:
    return _footer_of(next((v for v in cells if not is_blank(v)), None))


def _footer_of(first: object) -> str | None:
    """The footer text (合计, 填表人 …) if ``first``, a row's first non-blank cell, starts one."""
    if not isinstance(first, str):
        return None
    text = first.strip()
    if text[:1] not in FOOTER_INITIALS:
        return None
    return text if normalise_label(text).startswith(_FOOTERS) else None


# --- entry point ----------------------------------------------------------------------------------


def named_sheet(workbook: Workbook, names: Sequence[str]) -> str | None:
    """The workbook's sheet that ``read_table`` takes by name for ``names`` (the first of them
    present, spaces and width ignored), or ``None`` when it would look for the table by its
    headers."""
    by_norm = {normalise_label(n): n for n in workbook.sheet_names}
    return next((by_norm[k] for k in map(normalise_label, names) if k in by_norm), None)


def _locate(
    workbook: Workbook, spec: TableSpec, sheet: str | None, search: int
) -> tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate, list[Issue]]:
    """The sheet holding the table, its rows (from the first), the best header and the issues."""
    wanted = [sheet] if sheet is not None else list(spec.sheet_names)
    named = named_sheet(workbook, wanted)
    issues: list[Issue] = []
    if named is not None:
        data = workbook.sheet(named)
        buffer, rest = _peek(data, search)
        best = _best(spec, data, buffer, search)
        if best is None:
            raise WorkbookError(
                "tabular.header_not_found",
                workbook.path,
                sheet=data.name,
                rows=search,
                expected=words.LIST_JOINER.join(c.header for c in spec.columns[:4]),
            )
        return data, rest, best, issues
    found: tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate] | None = None
    for name in workbook.sheet_names:
        data = workbook.sheet(name)
        buffer, rest = _peek(data, search)
        best = _best(spec, data, buffer, search)
        if best is None:
            continue
        matched = _matched(spec, best.names)
        if all(c.field in matched for c in spec.required) and (
            found is None or best.score > found[2].score
        ):
            found = (data, rest, best)
    if found is None:
        raise WorkbookError(
            "tabular.sheet_not_found",
            workbook.path,
            wanted=words.LIST_JOINER.join(wanted) or "?",
            found=words.LIST_JOINER.join(workbook.sheet_names),
        )
    if wanted:
        finding = Finding.of(
            "tabular.sheet_found_by_headers",
            Severity.INFO,
            wanted=words.LIST_JOINER.join(wanted),
            sheet=found[0].name,
        )
        issues.append(Issue(finding, found[0].name))
    return (*found, issues)


def _peek(
    data: SheetData, search: int
) -> tuple[list[tuple[int, Cells]], Iterator[tuple[int, Cells]]]:
    buffer = list(itertools.islice(data.rows, search + 1))
    return buffer, itertools.chain(buffer, data.rows)


def read_table(
    source: Workbook | str | Path,
    spec: TableSpec,
    *,
    sheet: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Table:
    """Find ``spec``'s table in ``source`` and return it as a stream of ``Row``.

    ``source`` is a path (opened, and closed when the table is exhausted or closed) or an open
    ``Workbook`` (left open, so several tables can be read from one file). ``sheet`` names the sheet
    to read; by default ``spec.sheet_names`` are tried, then every sheet by its headers.

    Raises ``WorkbookError`` when the file cannot be read, no sheet holds the table
    (``tabular.sheet_not_found``), the header is not found (``tabular.header_not_found``) or a
    required column is missing (``tabular.required_columns_missing``).
    """
    owned = open_workbook(source, limits=limits) if not isinstance(source, Workbook) else None
    workbook = owned if owned is not None else source
    assert isinstance(workbook, Workbook)
    try:
        data, rest, best, issues = _locate(workbook, spec, sheet, limits.header_search_rows)
        layout, layout_issues = _layout(spec, data.name, best)
        missing = [c.header for c in spec.required if c.field not in layout.fields]
        if missing:
            raise WorkbookError(
                "tabular.required_columns_missing",
                workbook.path,
                sheet=data.name,
                missing=words.LIST_JOINER.join(missing),
                found=words.LIST_JOINER.join(name for _, name in layout.headers),
            )
        issues.extend(layout_issues)
        if layout.extras:
            finding = Finding.of(
                "tabular.extra_columns_kept",
                Severity.INFO,
                headers=words.LIST_JOINER.join(name for _, name in layout.extras),
            )
            issues.append(Issue(finding, data.name, layout.header_rows[0]))
    except BaseException:
        if owned is not None:
            owned.close()
        raise
    return Table(spec, layout, data, rest, issues, owned)
