"""Reading one table from a sheet: header detection, merged cells, footers, coercion, extras.

Rows stream: ``Table`` is an iterator of ``Row`` and holds only the rows it is working on (plus the
few header rows and the list of merged ranges), so memory stays flat in the number of rows.
"""

from __future__ import annotations

import collections
import itertools
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from . import rowcode, sparse
from .cells import (
    DATE_COERCERS,
    Coerced,
    Coercer,
    RawValue,
    exact_labels,
    normalise_label,
    raw_text,
    split_values,
    text,
)
from .date_parts import composed_date, parts_in
from .errors import WorkbookError
from .headers import (
    Assignment,
    ColumnChoice,
    FieldWords,
    HeaderColumn,
    assign,
    compose,
    field_words,
    normalise_header,
    without_brackets,
)
from .issues import Issue, column_letter
from .legends import decode_columns
from .rows import FOOTER_INITIALS, NEVER_BLANK, NOTHING, first_filled, footer_of, is_blank
from .sources import DEFAULT_LIMITS, Merge, ReadLimits, SheetData, Workbook, open_workbook
from .spec import ColumnSpec, TableSpec

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
    joined: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict, converter=_freeze)
    """Field of several values → further 0-based columns read into it (tick columns under one
    group heading, 主类别 + 兼类别)."""
    choices: tuple[ColumnChoice, ...] = ()
    """Why each column was taken for its field (``tabular.headers``)."""
    date_parts: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_freeze)
    """Date field → the parts (year, month, day) its column and its ``joined`` columns hold, in
    that order (``tabular.date_parts``)."""

    def header_of(self, field: str) -> str:
        column = self.fields[field]
        return next(name for index, name in self.headers if index == column)

    @property
    def read_from_span_ends(self) -> frozenset[str]:
        """Fields read from a column naming the end of a span for want of one of their own
        (结束时间 for the visit's start, ``headers.SPAN_ENDS``): a value the row gives for the
        field elsewhere (the time written in the date cell) wins over such a column's."""
        return frozenset(c.field for c in self.choices if c.how == "span_end")


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


@attrs.frozen
class _Candidate:
    score: float
    rows: tuple[int, ...]
    """0-based sheet rows of the header block."""
    columns: tuple[HeaderColumn, ...]
    assignment: Assignment
    titles: tuple[str, ...] = ()
    """The texts of the rows above the header block (a title, a 填报单位 line)."""
    hints: tuple[tuple[int, str], ...] = ()
    """(0-based row, its first text) of the rows right under the header block that explain it
    (必填, 示例 …): not data."""
    parts: tuple[tuple[str, tuple[tuple[int, str], ...]], ...] = ()
    """Date fields written over part columns (月 | 日): (field, ((column, part), …))."""
    sample: tuple[Cells, ...] = ()
    """The first rows under the header block (hints passed over): what its columns hold."""
    split: int | None = None
    """The 0-based column where another table beside this one starts (``_beside``): this
    table's columns are those left of it."""
    above: int | None = None
    """When another table's header stands above this one's (a visit log over the register): the
    0-based row where that table's part ends, this table's title lines and blank rows left out."""

    @property
    def matched(self) -> set[str]:
        return set(self.assignment.chosen)


def _words(spec: TableSpec) -> tuple[FieldWords, ...]:
    return field_words(
        (c.field, c.headers, c.multi, 2.0 if c.required else 1.0) for c in spec.columns
    )


def _block_score(spec: TableSpec, assignment: Assignment) -> float:
    weight = {c.field: (2.0 if c.required else 1.0) for c in spec.columns}
    return sum(min(c.score, 100.0) / 100.0 * weight[c.field] for c in assignment.chosen.values())


class _Grid:
    """The buffered top of a sheet as header texts, merged areas filled in (titles left out)."""

    def __init__(self, buffer: Sequence[tuple[int, Cells]], merged: Sequence[Merge]) -> None:
        self.rows = dict(buffer)
        self.order = [r for r, _ in buffer]
        width = max((len(cells) for _, cells in buffer), default=0)
        for (first_row, _first_col), (_last_row, last_col) in merged:
            if first_row in self.rows:  # a merged heading may reach past the last value
                width = max(width, last_col + 1)
        used = [
            c
            for c in range(width)
            if any(c < len(cells) and not is_blank(cells[c]) for cells in self.rows.values())
        ]
        self.width = (max(used) + 1) if used else 0
        span = max(1, len(used))
        # a merge across (nearly) the whole table is a title or a 填报单位 line, never a group
        # heading over sub-columns
        headings = [
            m for m in merged if not (m[1][1] - m[0][1] + 1 >= max(2, 0.8 * span) and span >= 4)
        ]
        filled = _merge_lookup(headings, self.rows)
        self.fill = {key: _name(value) for key, value in filled.items()}
        self.texts: dict[int, list[str]] = {
            r: [_name(cells[c]) if c < len(cells) else "" for c in range(self.width)]
            for r, cells in buffer
        }

    def is_title(self, r: int) -> bool:
        """A row holding one text only (a title, a 填报单位 line) cannot start a header."""
        texts = {t for t in self.texts.get(r, ()) if t}
        texts |= {v for (row, _c), v in self.fill.items() if row == r and v}
        return len(texts) <= 1 and self.width >= 3

    def compose(self, r: int, depth: int) -> list[HeaderColumn]:
        base = self.order.index(r)
        block = self.order[base : base + depth]
        texts = [self.texts[x] for x in block]
        fill = {(block.index(x), c): v for (x, c), v in self.fill.items() if x in block}
        return compose(texts, fill, 0, depth, self.width)


def _candidates(
    spec: TableSpec, buffer: Sequence[tuple[int, Cells]], merged: Sequence[Merge], search: int
) -> Iterator[_Candidate]:
    grid = _Grid(buffer, merged)
    words = _words(spec)
    order = grid.order
    # a row inside a merge that starts above it continues the header above: no block starts there
    continued = {r for (r0, _c0), (r1, _c1) in merged for r in range(r0 + 1, r1 + 1)}
    for position, r in enumerate(order[:search]):
        if grid.is_title(r) or r in continued:
            continue
        for depth in (1, 2, 3):
            block = order[position : position + depth]
            if len(block) < depth or block[-1] - r != depth - 1:
                break
            if depth > 1 and grid.is_title(block[-1]):
                break
            columns = grid.compose(r, depth)
            assignment = assign(columns, words, foreign=spec.foreign_headers)
            score = _block_score(spec, assignment)
            if score:
                yield _Candidate(score, tuple(block), tuple(columns), assignment)


def _forced(
    columns: Sequence[HeaderColumn], wanted: Mapping[str, str] | None
) -> dict[int, str | None]:
    """A mapping's columns (header as shown, or letter → field; ``""``: not read) by index."""
    if not wanted:
        return {}
    by_name = {normalise_label(h): f for h, f in wanted.items()}
    found: dict[int, str | None] = {}
    for column in columns:
        for name in (column.display, column_letter(column.index), column.leaf):
            field = by_name.get(normalise_label(name))
            if field is not None:
                found[column.index] = field or None
                break
    return found


def _best(
    spec: TableSpec,
    sheet: SheetData,
    buffer: Sequence[tuple[int, Cells]],
    search: int,
    wanted: Mapping[str, str] | None = None,
) -> _Candidate | None:
    """The header block that explains the most (``_best_block``); when another table stands
    beside it past empty columns (``_beside``), the block of the columns left of it."""
    best = _best_block(spec, sheet, buffer, search, wanted)
    if best is None:
        return None
    split = _beside(spec, best)
    if split is None:
        return best
    left = [(index, cells[:split]) for index, cells in buffer]
    narrowed = _best_block(spec, sheet, left, search, wanted)
    return None if narrowed is None else attrs.evolve(narrowed, split=split)


def _beside(spec: TableSpec, best: _Candidate) -> int | None:
    """The first column of another table beside this one on the sheet (a visit log to the right
    of the register): past one empty column at least (no heading, nothing under it in the rows
    sampled), headings of which two at least are the format's other tables' and none of this
    one's (``TableSpec.foreign_headers``); ``None`` when there is none."""
    if not spec.foreign_headers:
        return None
    named = sorted(c.index for c in best.columns if c.display.strip())
    display = {c.index: c.display for c in best.columns}
    for before, after in itertools.pairwise(named):
        if after - before < 2:
            continue
        if any(
            c < len(cells) and not is_blank(cells[c])
            for cells in best.sample
            for c in range(before + 1, after)
        ):
            continue
        right = [normalise_header(display[c].rsplit("/", 1)[-1]) for c in named if c >= after]
        if sum(1 for h in right if h in spec.foreign_headers) >= 2:
            return after
    return None


def _best_block(
    spec: TableSpec,
    sheet: SheetData,
    buffer: Sequence[tuple[int, Cells]],
    search: int,
    wanted: Mapping[str, str] | None = None,
) -> _Candidate | None:
    """The header block that explains the most, a deeper one only when it explains more; then
    the columns are given again, this time weighing the values below the header."""
    best: _Candidate | None = None
    for candidate in _candidates(spec, buffer, sheet.merged, search):
        value = candidate.score - 0.6 * (len(candidate.rows) - 1)
        if best is None or value > best.score - 0.6 * (len(best.rows) - 1) + 1e-9:
            best = candidate
    if best is None:
        return None
    best = _deepened(spec, best, buffer, sheet.merged)
    best = _with_date_parts(spec, best, buffer, sheet.merged)
    hints = _hint_rows(best.rows[-1], buffer)
    hinted = {r for r, _ in hints}
    sample = [cells for r, cells in buffer if r > best.rows[-1] and r not in hinted]
    sample = sample[:_SAMPLE_ROWS]
    coercers = {c.field: c.coerce for c in spec.columns}
    several = {c.field: c.separators for c in spec.columns if c.multi}

    def evidence(field: str, column: int) -> float | None:
        coerce = coercers[field]
        if coerce is text:
            return None
        values: list[RawValue] = [
            v for cells in sample if column < len(cells) and (v := cells[column]) is not None
        ]
        # a tick (√) or a cross says nothing of the field: its column is read by its heading
        values = [
            v
            for v in values
            if not is_blank(v) and raw_text(v).strip() not in words.TICKS | words.NO_TICKS
        ]
        if len(values) < 3:
            return None
        accepted = 0
        separators = several.get(field)
        for value in values:
            try:
                if separators is None:
                    coerce(value)
                else:  # a cell of several values fits when each of its words does
                    _read, findings = _coerce_parts(coerce, separators, value)
                    if any(f.severity is Severity.ERROR for f in findings):
                        continue
            except FindingError:
                continue
            except Exception:  # a coercer refusing a value it was not made for
                continue
            accepted += 1
        return accepted / len(values)

    assignment = assign(
        best.columns,
        _words(spec),
        foreign=spec.foreign_headers,
        evidence=evidence,
        forced=_forced(best.columns, wanted),
    )
    assignment = _stand_ins(spec, assignment)
    titles = tuple(
        raw_text(v).strip()
        for r, cells in buffer
        if r < best.rows[0]
        for v in cells
        if not is_blank(v)
    )
    own = frozenset(normalise_label(c.leaf) for c in best.columns)
    above = next(
        (
            r
            for r, cells in buffer
            if r < best.rows[0] and another_header(spec.foreign_headers, own, cells)
        ),
        None,
    )
    if above is not None:
        # this table's own title lines (one text each) and blank rows are not that table's
        above = best.rows[0]
        for r, cells in reversed([(r, c) for r, c in buffer if r < best.rows[0]]):
            if sum(1 for v in cells if not is_blank(v)) > 1:
                break
            above = r
    return attrs.evolve(
        best,
        assignment=assignment,
        score=_block_score(spec, assignment),
        titles=titles,
        hints=hints,
        sample=tuple(sample),
        above=above,
    )


def _stand_ins(spec: TableSpec, assignment: Assignment) -> Assignment:
    """A column read for a field that stands in for another (``ColumnSpec.stands_in_for``) is
    read as that one too when no column was taken for it (reported as such). A header tied
    between the two (户主姓名: 户主 and 姓名 alike) is the standing-in field's: it says more."""
    stands = {c.field: c.stands_in_for for c in spec.columns if c.stands_in_for}
    if not stands:
        return assignment
    chosen = dict(assignment.chosen)
    undecided = []
    for column, header, scores in assignment.undecided:
        best = max(s.score for s in scores)
        tied = {s.field: s for s in scores if s.score >= best - 1e-9}
        field = next(
            (f for f, target in stands.items() if f in tied and target in tied and f not in chosen),
            None,
        )
        if field is None:
            undecided.append((column, header, scores))
            continue
        score = tied[field]
        chosen[field] = ColumnChoice(field, column, header, score.score, score.how, score.accepted)
    for field, target in stands.items():
        found = chosen.get(field)
        if found is not None and target not in chosen:
            chosen[target] = attrs.evolve(found, field=target, how="stands_in")
    if chosen == dict(assignment.chosen):
        return assignment
    return attrs.evolve(assignment, chosen=chosen, undecided=tuple(undecided))


_HINT_ROWS: Final = 2
"""At most this many rows of hints or examples stand under a header."""


def _hint_rows(
    last_header: int, buffer: Sequence[tuple[int, Cells]]
) -> tuple[tuple[int, str], ...]:
    """The rows right under the header (blank ones passed over) that a template fills with hints
    (“必填”, “可多选，用顿号分隔”: every filled cell text, half of them or more holding a hint
    word) or with an example (its first cell 示例 or 例), or that a system's export fills with
    its field codes (XM | XB | SFZHM: every filled cell a code, three at least)."""
    found: list[tuple[int, str]] = []
    for index, cells in buffer:
        if index <= last_header:
            continue
        filled = [v for v in cells if not is_blank(v)]
        if not filled:
            continue
        texts = [normalise_label(raw_text(v)) for v in filled]
        example = texts[0].strip(words.HEADER_BRACKET_CHARACTERS + ":") in words.EXAMPLE_MARKS
        hinted = sum(any(w in t for w in words.HINT_WORDS) for t in texts)
        codes = len(filled) >= words.FIELD_CODES_AT_LEAST and all(
            isinstance(v, str) and words.FIELD_CODE.fullmatch(v.strip()) for v in filled
        )
        if (
            not example
            and not codes
            and not (all(isinstance(v, str) for v in filled) and hinted * 2 >= len(texts))
        ):
            break
        found.append((index, raw_text(filled[0]).strip()))
        if len(found) == _HINT_ROWS:
            break
    return tuple(found)


def _deepened(
    spec: TableSpec, best: _Candidate, buffer: Sequence[tuple[int, Cells]], merged: Sequence[Merge]
) -> _Candidate:
    """The header block grown by the rows below it that continue it (“村 | 社” under 户籍地址):
    short texts only, no number, and nothing under the columns a row must fill."""
    rows = dict(buffer)
    required = [
        choice.column
        for field, choice in best.assignment.chosen.items()
        if any(c.field == field and c.required for c in spec.columns)
    ]
    grid: _Grid | None = None
    while len(best.rows) < 4:
        below = best.rows[-1] + 1
        cells = rows.get(below)
        if cells is None or not _continues_header(cells, required):
            return best
        if not _under_group_headings(cells, rows.get(best.rows[-1], []), best.rows[-1], merged):
            return best
        if _fills_data_columns(cells, best, merged):
            return best
        grid = grid or _Grid(buffer, merged)
        depth = len(best.rows) + 1
        columns = grid.compose(best.rows[0], depth)
        assignment = assign(columns, _words(spec), foreign=spec.foreign_headers)
        score = _block_score(spec, assignment)
        if score < best.score - 0.5:
            return best
        best = _Candidate(score, (*best.rows, below), tuple(columns), assignment)
    return best


def _with_date_parts(
    spec: TableSpec, best: _Candidate, buffer: Sequence[tuple[int, Cells]], merged: Sequence[Merge]
) -> _Candidate:
    """The header block with the date fields written over part columns (``date_parts``): the
    header's last row, or the row right under it (then taken into the header), holding 月 | 日
    or 年 | 月 | 日 under the column a date field was found at."""
    dated = {c.field for c in spec.columns if c.coerce in DATE_COERCERS}
    at = {f: c.column for f, c in best.assignment.chosen.items() if f in dated}
    if not at:
        return best
    rows = dict(buffer)
    for row in (best.rows[-1], best.rows[-1] + 1):
        cells = rows.get(row)
        if cells is None or len(best.rows) + (row > best.rows[-1]) > 4:
            continue
        texts = [_name(v) for v in cells]
        found = tuple((f, run) for f, c in at.items() if (run := parts_in(texts, c)))
        if not found:
            continue
        if row > best.rows[-1]:
            columns = _Grid(buffer, merged).compose(best.rows[0], len(best.rows) + 1)
            assignment = assign(columns, _words(spec), foreign=spec.foreign_headers)
            best = _Candidate(
                _block_score(spec, assignment), (*best.rows, row), tuple(columns), assignment
            )
        return attrs.evolve(best, parts=found)
    return best


def _fills_data_columns(cells: Cells, best: _Candidate, merged: Sequence[Merge]) -> bool:
    """Whether a row has a value under a column its header names exactly and alone (no group
    heading spans it): that is a data row, never more header."""
    row = best.rows[-1]
    spans = [(c0, c1) for (r0, c0), (r1, c1) in merged if r0 <= row <= r1 and c1 > c0]
    exact = {
        choice.column
        for choice in best.assignment.chosen.values()
        if choice.how == "exact" and not any(c0 <= choice.column <= c1 for c0, c1 in spans)
    }
    return any(c in exact and not is_blank(v) for c, v in enumerate(cells))


def _under_group_headings(cells: Cells, above: Cells, row: int, merged: Sequence[Merge]) -> bool:
    """Whether half or more of a row's texts sit under a group heading of the row above (a merge across
    columns) or under no heading at all: sub-headers do, a data row's values sit under headers."""
    spans = [(c0, c1) for (r0, c0), (r1, c1) in merged if r0 <= row <= r1 and c1 > c0]
    filled = [c for c, v in enumerate(cells) if not is_blank(v)]
    under = sum(
        1
        for c in filled
        if any(c0 <= c <= c1 for c0, c1 in spans) or c >= len(above) or is_blank(above[c])
    )
    return under * 2 >= len(filled)


def _continues_header(cells: Cells, required: Sequence[int]) -> bool:
    texts = [v for v in cells if not is_blank(v)]
    if not texts or any(not isinstance(v, str) for v in texts):
        return False
    if any(
        len(normalise_label(v)) > 8 or any(ch.isdigit() for ch in v)
        for v in texts
        if isinstance(v, str)
    ):
        return False
    return all(c >= len(cells) or is_blank(cells[c]) for c in required)


_SAMPLE_ROWS: Final = 25
"""How many rows below a header are looked at to confirm what its columns hold."""


def question_word(header: str) -> str | None:
    """The value a yes-or-no header asks about (是否低保 → 低保; a bracketed note set aside), or
    ``None`` for a header that asks nothing."""
    leaf = without_brackets(normalise_header(header.rsplit("/", 1)[-1]))
    for prefix in words.QUESTION_PREFIXES:
        if leaf.startswith(prefix) and len(leaf) > len(prefix):
            return leaf[len(prefix) :]
    return None


def _asked_of(column: ColumnSpec, word: str) -> bool:
    """Whether a field of several coded values reads ``word`` as one of them, plainly."""
    if not column.multi or exact_labels(column.coerce) is None:
        return False
    try:
        value = column.coerce(word)
    except FindingError:
        return False
    return not isinstance(value, Coerced) and value is not None


def _questions(spec: TableSpec, best: _Candidate, taken: set[int]) -> dict[str, tuple[int, ...]]:
    """Columns left over whose header asks after a value of a coded field (是否低保 | 是否特困 |
    是否残疾人, their cells 是/否 or ticks): field → those columns, read as its tick columns."""
    found: dict[str, tuple[int, ...]] = {}
    for column in best.columns:
        if column.index in taken:
            continue
        word = question_word(column.display)
        if word is None:
            continue
        field = next((c.field for c in spec.columns if _asked_of(c, word)), None)
        if field is not None:
            found[field] = (*found.get(field, ()), column.index)
    return found


def _layout(spec: TableSpec, sheet_name: str, best: _Candidate) -> tuple[Layout, list[Issue]]:
    assignment = best.assignment
    by_field = {c.field: c for c in spec.columns}
    fields = {field: choice.column for field, choice in assignment.chosen.items()}
    joined = {field: tuple(c for c, _ in cols) for field, cols in assignment.joined.items()}
    parted = dict(best.parts)
    in_parts = {c for run in parted.values() for c, _ in run}
    for field, index in list(fields.items()):
        if index in in_parts and field not in parted:
            # a part column (日 under 走访时间) is the date's, whatever else its heading names
            del fields[field]
    for field, run in parted.items():
        # a date over part columns: read from the first, the others with it
        fields[field] = run[0][0]
        joined.pop(field, None)
    taken = set(fields.values()) | {c for cols in joined.values() for c in cols}
    taken |= {c for run in parted.values() for c, _ in run}
    asked = _questions(spec, best, taken)
    for columns in asked.values():
        taken.update(columns)
    headers: list[tuple[int, str]] = []
    seen_names: set[str] = set()
    for column in best.columns:
        name = column.display
        display = name if name not in seen_names else f"{name}#{column_letter(column.index)}"
        seen_names.add(display)
        headers.append((column.index, display))
    display_of = dict(headers)
    extras = [(c, display_of[c]) for c, _ in headers if c not in taken]
    issues: list[Issue] = []
    header_row = best.rows[0] + 1
    for field, choice in sorted(assignment.chosen.items(), key=lambda item: item[1].column):
        if choice.how == "exact" or field in parted or field not in fields:
            continue  # parts: said by tabular.date_in_parts
        read = Finding.of(
            "tabular.column_read_as",
            Severity.INFO,
            header=display_of[choice.column],
            expected=by_field[field].header,
            reason=_reason(choice),
        )
        letter = column_letter(choice.column)
        issues.append(Issue(read, sheet_name, header_row, letter, display_of[choice.column]))
    for field, columns in joined.items():
        names = words.LIST_JOINER.join(display_of[c] for c in columns)
        together = Finding.of(
            "tabular.columns_joined",
            Severity.INFO,
            headers=names,
            expected=by_field[field].header,
            first=display_of[fields[field]],
        )
        issues.append(Issue(together, sheet_name, header_row))
    for choice, winner in assignment.displaced:
        if choice.column in taken:
            continue
        finding = Finding.of(
            "tabular.duplicate_column",
            Severity.INFO,
            header=display_of[choice.column],
            column=column_letter(choice.column),
            first=column_letter(winner),
        )
        issues.append(
            Issue(
                finding,
                sheet_name,
                header_row,
                column_letter(choice.column),
                display_of[choice.column],
            )
        )
    for index, name, candidates in assignment.undecided:
        finding = Finding.of(
            "tabular.column_ambiguous",
            Severity.WARNING,
            header=name,
            candidates=words.LIST_JOINER.join(by_field[s.field].header for s in candidates),
        )
        issues.append(Issue(finding, sheet_name, header_row, column_letter(index), name))
    for hint, first in best.hints:
        kind = "field_codes" if words.FIELD_CODE.fullmatch(first) else "hint"
        skipped = Finding.of(
            "tabular.non_data_row_skipped",
            Severity.INFO,
            row=hint + 1,
            kind=words.NON_DATA_ROW_KINDS[kind],
            value=first,
        )
        issues.append(Issue(skipped, sheet_name, hint + 1, raw=first))
    for field, run in parted.items():
        names = words.LIST_JOINER.join(display_of.get(c, column_letter(c)) for c, _ in run)
        yearless = run[0][1] != "year"
        composed = Finding.of(
            "tabular.date_in_parts_no_year" if yearless else "tabular.date_in_parts",
            Severity.INFO,
            headers=names,
            expected=by_field[field].header,
        )
        issues.append(Issue(composed, sheet_name, header_row))
        joined[field] = tuple(c for c, _ in run[1:])
    for field, columns in asked.items():
        names = words.LIST_JOINER.join(display_of[c] for c in columns)
        question = Finding.of(
            "tabular.columns_asked",
            Severity.INFO,
            headers=names,
            expected=by_field[field].header,
        )
        issues.append(Issue(question, sheet_name, header_row))
        # the field's own column, if it has one, reads first; else its first question column,
        # and every one of them as ticks (a field joined to no column is read so too)
        if field not in fields:
            fields[field], columns = columns[0], columns[1:]
        joined[field] = (*joined.get(field, ()), *columns)
    layout = Layout(
        sheet=sheet_name,
        # rows of hints under the header are read as the header's: the data starts below them
        header_rows=tuple(r + 1 for r in (*best.rows, *(h for h, _ in best.hints))),
        headers=tuple(headers),
        fields=fields,
        extras=tuple(extras),
        joined=joined,
        choices=tuple(c for f, c in assignment.chosen.items() if f in fields),
        date_parts={field: tuple(part for _, part in run) for field, run in parted.items()},
    )
    return layout, issues


def _reason(choice: ColumnChoice) -> str:
    reasons = words.HEADER_MATCH_REASONS
    reason = reasons.get(choice.how, "").format(accepted=choice.accepted)
    if choice.evidence is not None and choice.evidence >= 0.8:
        values = reasons["values"].format(share=round(100 * choice.evidence))
        reason = f"{reason}{reasons['and']}{values}" if reason else values
    return reason or choice.how


# --- the table ------------------------------------------------------------------------------------


def another_header(
    foreign: frozenset[str],
    own: frozenset[str],
    cells: Cells,
    starts: frozenset[str] | None = None,
) -> bool:
    """Whether a row is another table's header (a visit log above, below or beside the register
    on one sheet): its cells are all text, two of them at least are headers of the format's other
    tables and none of this one's (``foreign``: ``TableSpec.foreign_headers``), and half of them
    at least are headers, this table's (``own``, as ``normalise_label`` gives them) or another's.
    ``starts``: the first characters of ``foreign``, for a quick look first."""
    if not foreign:
        return False
    filled = [v for v in cells if isinstance(v, str) and v.strip()]
    if starts is None:
        starts = frozenset(h[:1] for h in foreign if h)
    if len(filled) < 3 or sum(1 for v in filled if v.lstrip()[:1] in starts) < 2:
        return False  # most rows are far from a header: a quick look first
    if any(not is_blank(v) and not isinstance(v, str) for v in cells):
        return False  # a number or a date: a row of data
    named = sum(1 for v in filled if normalise_header(v) in foreign)
    if named < 2:
        return False
    ours = sum(1 for v in filled if normalise_label(v) in own)
    return 2 * (ours + named) >= len(filled)


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
        self._errors = sheet.error_values
        self._rest = rest
        self._owned = owned
        self.year: int | None = None
        """The year of a date the sheet writes without one (its title's, name's or file's)."""
        self.first_position = 0
        """Data rows counted before this table's (set before iterating): a kind kept over
        several sheets counts its rows across them, so derived IDs stay distinct."""
        self.last_position = 0
        """The position of the last data row given, once iteration ended."""
        self._width = max((c for c, _ in layout.headers), default=-1) + 1
        self._extra_columns = layout.extras
        self._joined = dict(layout.joined)
        self._date_parts = {
            (layout.fields[field], *layout.joined[field]): parts
            for field, parts in layout.date_parts.items()
        }
        # a tick stands for its column's lowest heading, written as one word (事实无人\n抚养儿童)
        self._leaf_of = {
            column: question_word(header) or "".join(header.rsplit("/", 1)[-1].split())
            for column, header in layout.headers
        }
        # what a row that is not data may start with: footers and notes, a section's numbering,
        # a header repeated lower down
        self._header_texts = frozenset(
            normalise_label(raw_text(h.rsplit("/", 1)[-1])) for _, h in layout.headers
        )
        self.skip_initials: frozenset[str] = (
            FOOTER_INITIALS | SECTION_INITIALS | frozenset(h[:1] for h in self._header_texts if h)
        )
        self._section_column = (
            layout.fields.get(spec.section_field, -1) if spec.section_field else -1
        )
        self._section_pattern = re.compile(spec.section_pattern) if spec.section_pattern else None
        self._carry: Any = None
        self._required_columns = frozenset(
            layout.fields[c.field] for c in spec.required if c.field in layout.fields
        )
        # another table's header lower on the sheet (a visit log under the register) ends this one
        self._foreign = spec.foreign_headers
        self._foreign_starts = frozenset(h[:1] for h in self._foreign if h)
        self.foreign_initials = self._foreign_starts - self.skip_initials
        self.ended_at: int | None = None
        """The 0-based row where another table's header ends this one (``ends_here``), if any:
        the rows from there are that table's."""
        self.split_at: int | None = None
        """The 0-based column where another table beside this one starts, if any (``_beside``):
        the columns from there are that table's."""
        self.above_at: int | None = None
        """When another table's header stands above this one's (a visit log over the register):
        the 0-based row the rows of that table stop before."""
        self._row = self._generated_row()

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
        row, row_of = self._row, self.row_of
        for _position, index, cells in self.numbered():
            yield row_of(row(index, cells))

    def row_of(self, parts: RowParts) -> Row:
        """The ``Row`` for parts from ``parts_of``: a loader building its own records from
        ``values`` needs a ``Row`` only for the rows it reports on."""
        index, cells, values, issues, extras = parts
        return Row(self.sheet, index + 1, values, extras, tuple(issues), cells, self.layout.headers)

    def numbered(self) -> Iterator[tuple[int, int, Cells]]:
        """The one loop that decides which rows are data: ``(position, 0-based row index,
        cells)`` for each, in sheet order. ``position`` counts the data rows from 1, after
        ``first_position`` (a derived ID is made from it, ``rows.derived_id``); cells have merged values filled in and a
        section heading's value carried into its column. Blank rows are left out, and so are
        rows that are not data (a footer, total, note, section heading or repeated header),
        each noted in ``issues``. ``parts_of`` reads a data row's cells. Iterate once (the
        file is released at the end)."""
        # the rows are read here, not by a generator this one delegates to: each layer costs a
        # frame resume per row (300,000 rows on a county visits sheet)
        position = self.first_position
        try:
            last_header = self.layout.header_rows[-1] - 1
            pending: dict[int, list[Merge]] = {}
            for merge in self._merged:
                (r0, _c0), (r1, _c1) = merge
                if r0 > last_header:  # merges in the header area never fill data rows
                    pending.setdefault(r0, []).append(merge)
            active: list[tuple[int, int, int, Any]] = []  # (last row, first col, last col, value)
            initials = self.skip_initials
            foreign = self.foreign_initials
            carry = self._carry
            for index, cells in self._rest:
                if index <= last_header:
                    continue
                # before merged values are filled in; a date or number first is filled as it stands
                # and starts no footer, heading or header: only a text's first character is asked
                head = cells[0] if cells else None
                if head.__class__ in NEVER_BLANK:
                    first, lead = head, ""
                else:
                    first = first_filled(cells)
                    lead = first.lstrip()[:1] if isinstance(first, str) else ""
                if pending:
                    for (_r0, c0), (r1, c1) in pending.pop(index, ()):
                        active.append((r1, c0, c1, cells[c0] if c0 < len(cells) else None))
                merged = bool(active)
                if merged:
                    cells = list(cells)
                    for _last, c0, c1, value in active:
                        if len(cells) <= c1:
                            cells.extend([None] * (c1 + 1 - len(cells)))
                        for c in range(c0, c1 + 1):
                            if is_blank(cells[c]):
                                cells[c] = value
                    active = [a for a in active if a[0] > index]
                if first is NOTHING:
                    continue  # blank: a merged value alone does not make a row
                # a row under a merge, or one starting as a footer, note, section heading or
                # repeated header may start: the one rule (``_skip``) decides; no other row is one
                if merged or (lead and lead in initials):
                    if self._skip(index, cells, first):
                        if self.ended_at is not None:
                            break
                        carry = self._carry
                        continue
                    self._fill_carried(cells)
                elif lead and lead in foreign and self.ends_here(index, cells):
                    break
                elif carry is not None:
                    self._fill_carried(cells)
                position += 1
                yield position, index, cells
        finally:
            self.last_position = position
            self.close()

    def data_rows(self) -> Iterator[tuple[int, Cells]]:
        """``numbered`` without the positions: ``(0-based row index, cells)``."""
        for _position, index, cells in self.numbered():
            yield index, cells

    def _skip(self, index: int, cells: Cells, first: object) -> bool:
        """The one rule for a non-blank row that is not data: a footer or total (its first or
        second text starts with 合计, 填表人 …), a repeated header, or a section heading (one text
        across the row). Notes the row and returns True; a section heading also sets the value it
        carries to the rows below."""
        texts = [v for v in cells if isinstance(v, str) and v.strip()][:2]
        for candidate in texts:
            footer = footer_of(candidate)
            if footer is not None:
                self._note_footer(index, footer)
                return True
        if self.ends_here(index, cells):
            return True
        if len(self._header_texts) >= 2:
            same = sum(
                1 for v in cells if isinstance(v, str) and normalise_label(v) in self._header_texts
            )
            if same >= max(2, len(self._header_texts) // 2):
                self._note(index, "repeated_header", first)
                return True
        if self._width >= 3 and isinstance(first, str):
            distinct = {raw_text(v).strip() for v in cells if not is_blank(v)}
            if len(distinct) == 1 and self._is_heading(first, cells):
                self._heading(index, first.strip())
                return True
        return False

    def ends_here(self, index: int, cells: Cells) -> bool:
        """Whether the row is another table's header (``another_header``, a visit log stacked
        under the register): then the table ends, ``ended_at`` is set and a finding says where
        (``tabular.table_ended``)."""
        if not another_header(self._foreign, self._header_texts, cells, self._foreign_starts):
            return False
        self.ended_at = index
        filled = [v for v in cells if not is_blank(v)]
        finding = Finding.of(
            "tabular.table_ended",
            Severity.INFO,
            row=index + 1,
            headers=words.LIST_JOINER.join(raw_text(v).strip() for v in filled),
        )
        self.issues.append(Issue(finding, self.sheet, index + 1))
        return True

    def _is_heading(self, first: str, cells: Cells) -> bool:
        heading = first.strip()
        if SECTION_NUMBERING.match(heading) or len(heading) > 8:
            return True
        at = next(i for i, v in enumerate(cells) if not is_blank(v))
        return at not in self._required_columns

    def _heading(self, index: int, heading: str) -> None:
        name = SECTION_NUMBERING.sub("", heading)
        name = SECTION_COUNT.sub("", name).strip()
        carried = None
        if (
            self._section_column >= 0
            and self._section_pattern is not None
            and self._section_pattern.search(name)
        ):
            carried = name
        self._carry = carried
        if carried is None:
            self._note(index, "section", heading)
            return
        finding = Finding.of(
            "tabular.section_heading",
            Severity.INFO,
            row=index + 1,
            value=heading,
            header=dict(self.layout.headers).get(self._section_column, ""),
            carried=carried,
        )
        self.issues.append(Issue(finding, self.sheet, index + 1, raw=heading))

    def _fill_carried(self, cells: Cells) -> None:
        column = self._section_column
        if self._carry is None or column < 0:
            return
        if len(cells) <= column:
            cells.extend([None] * (column + 1 - len(cells)))
        if is_blank(cells[column]):
            cells[column] = self._carry

    def _note(self, index: int, kind: str, value: object) -> None:
        finding = Finding.of(
            "tabular.non_data_row_skipped",
            Severity.INFO,
            row=index + 1,
            kind=words.NON_DATA_ROW_KINDS[kind],
            value=raw_text(value).strip(),
        )
        self.issues.append(Issue(finding, self.sheet, index + 1, raw=raw_text(value).strip()))

    def _note_footer(self, index: int, footer: str) -> None:
        finding = Finding.of(
            "tabular.footer_row_skipped", Severity.INFO, row=index + 1, value=footer
        )
        self.issues.append(Issue(finding, self.sheet, index + 1, raw=footer))

    def parts_of(self, index: int, cells: Cells) -> RowParts:
        """The data row ``(index, cells)`` (from ``data_rows``, or ``unmerged_rows`` and not
        ``is_skipped``) read: values coerced by field, issues, extras."""
        return self._row(index, cells)

    def claim(self, columns: set[int]) -> None:
        """Columns a loader reads itself (a register's visit columns): no longer extras, nor
        named among the columns kept as they are."""
        self._extra_columns = tuple((c, h) for c, h in self._extra_columns if c not in columns)
        for at, issue in enumerate(self.issues):
            if issue.code == "tabular.extra_columns_kept":
                if not self._extra_columns:
                    del self.issues[at]
                    break
                kept = words.LIST_JOINER.join(h for _, h in self._extra_columns)
                finding = Finding.of(issue.code, issue.severity, headers=kept)
                self.issues[at] = attrs.evolve(issue, finding=finding)
                break

    @property
    def plain(self) -> bool:
        """Whether the sheet is laid out as a format writes it: one header row, every column
        taken by its exact header, none joined or left undecided. Only such sheets go to a
        loader's quick way for clean rows."""
        layout = self.layout
        return (
            len(layout.header_rows) == 1
            and not layout.joined
            and all(c.how == "exact" for c in layout.choices)
        )

    @property
    def width(self) -> int:
        """The number of columns up to the last one with a header: a cell beyond is an extra."""
        return self._width

    @property
    def formulas_without_value(self) -> bool:
        """Whether the sheet has formula cells with no saved value or error values (each is
        reported on its row)."""
        return bool(self._formulas or self._errors)

    def _generated_row(self) -> Callable[[int, Cells], RowParts]:
        """The reporting way's reading of a data row, generated for this table's columns by
        ``tabular.rowcode`` (the generator of the quick way's cell reading too)."""
        by_column = dict(self.layout.headers)
        sheet = self.sheet
        located: list[tuple[str, str, bool]] = []
        joined_at: dict[int, tuple[int, ...]] = {}
        namespace: dict[str, Any] = {
            "FindingError": FindingError,
            "Coerced": Coerced,
            "date": date,
            "coerce_parts": _coerce_parts,
            "joined_raw": self._joined_raw,
            "extras_of": self.extras_of,
            "note_formulas": self._note_formulas,
            "required_missing": _required_missing,
        }
        body: list[str] = []
        for number, column in enumerate(self.spec.columns):
            where = self.layout.fields.get(column.field, -1)
            letter = column_letter(where) if where >= 0 else ""
            located.append((letter, by_column.get(where, ""), column.required))
            if where < 0:
                body.append(f"values[{column.field!r}] = {'()' if column.multi else 'None'}")
                continue
            namespace[f"coerce_{number}"] = column.coerce
            namespace[f"exact_{number}"] = exact_labels(column.coerce)
            joined = self._joined.get(column.field)
            if joined is not None:
                joined_at[number] = (where, *joined)
            body += rowcode.detailed_cell(number, column, where, joined)

        def report(
            issues: list[Issue],
            number: int,
            k: int,
            raw: RawValue | None,
            found: Any,
            cells: Cells,
        ) -> None:
            letter, header, required = located[k]
            text = raw_text(raw)
            if not required:
                found = [flagged(f) for f in found]
            columns = joined_at.get(k)
            for f in found:
                # a word of a field written over several columns is placed at its own column
                own = _column_of_word(cells, columns, f) if columns else None
                if own is None:
                    issues.append(Issue(f, sheet, number, letter, header, text))
                    continue
                at, written = own
                issues.append(
                    Issue(f, sheet, number, column_letter(at), by_column.get(at, header), written)
                )

        namespace["report"] = report
        lines = [
            "def row(index, cells):",
            "    number = index + 1",
            "    n = len(cells)",
            "    values = {}",
            "    issues = []",
            *(["    note_formulas(index, issues)"] if self._formulas or self._errors else []),
            *("    " + line for line in body),
            "    return index, cells, values, issues, extras_of(cells)",
        ]
        label = f"row reading {sheet}"
        function: Callable[[int, Cells], RowParts]
        function = rowcode.compiled("row", "\n".join(lines) + "\n", namespace, label)
        return function

    def _note_formulas(self, index: int, issues: list[Issue]) -> None:
        """A formula cell with no saved value, or one showing an error value (#N/A), is read as
        empty and said so: the person stays, the cell is flagged."""
        for column_index, header in self.layout.headers:
            if (index, column_index) in self._formulas:
                finding = Finding.of("tabular.formula_without_value", Severity.WARNING, value="")
                issues.append(
                    Issue(finding, self.sheet, index + 1, column_letter(column_index), header, "")
                )
            shown = self._errors.get((index, column_index))
            if shown is not None:
                finding = Finding.of("tabular.error_value", Severity.WARNING, value=shown)
                issues.append(
                    Issue(
                        finding, self.sheet, index + 1, column_letter(column_index), header, shown
                    )
                )

    def _joined_raw(self, cells: Cells, columns: Sequence[int], coerce: Coercer) -> str | None:
        """The cells of several columns read as one field's words: a tick (√) under a column
        headed by a word stands for that word, a cross (×) for nothing, any other text for
        itself, or with its heading when the two read together (the 其他 column's “重病” is
        “其他(重病)”). A date's part columns (月 | 日) are written as one date."""
        if self._date_parts:
            kinds = self._date_parts.get(tuple(columns))
            if kinds is not None:
                return composed_date(kinds, [cells[c] if c < len(cells) else None for c in columns])
        parts: list[str] = []
        size = len(cells)
        for column in columns:
            value = cells[column] if column < size else None
            if is_blank(value):
                continue
            found = raw_text(value).strip()
            leaf = self._leaf_of.get(column)
            if found in words.TICKS:
                parts.append(leaf or found)
            elif found not in words.NO_TICKS:
                parts.append(_with_heading(leaf, found, coerce) if leaf else found)
        return words.LIST_JOINER.join(parts) if parts else None

    def raw_of(self, field: str, cells: Cells) -> RawValue | None:
        """The cell ``field`` is read from in a data row's ``cells``, as the row reading sees it:
        its columns written as one (a date over 月 | 日, tick columns) when it has several."""
        column = self.layout.fields[field]
        joined = self._joined.get(field)
        if joined is None:
            return cells[column] if column < len(cells) else None
        coerce = next(c.coerce for c in self.spec.columns if c.field == field)
        return self._joined_raw(cells, (column, *joined), coerce)

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


def _column_of_word(
    cells: Cells, columns: Sequence[int], finding: Finding
) -> tuple[int, str] | None:
    """The column (and its text) of the joined ``columns`` a finding's word was written in: the
    cell holding the word, else the first whose text contains it; ``None`` when none does."""
    word = unicodedata.normalize("NFKC", str(finding.params.get("value") or "")).strip()
    if not word:
        return None
    size = len(cells)
    texts = [
        (c, raw_text(cells[c]).strip()) for c in columns if c < size and not is_blank(cells[c])
    ]
    alike = [(c, written, unicodedata.normalize("NFKC", written)) for c, written in texts]
    for column, written, plain in alike:
        if plain == word:
            return column, written
    for column, written, plain in alike:
        if word in plain:
            return column, written
    return None


def _with_heading(heading: str, word: str, coerce: Coercer) -> str:
    """A word written under a heading of a joined field, with the heading when the two read
    together as a value (其他 over 重病: 其他(重病)), else as it stands (主类别 over 低保)."""
    remarked = words.REMARKED.format(word=heading, remark=word)
    try:
        coerce(remarked)
    except FindingError:
        return word
    return remarked


RowParts = tuple[int, Cells, dict[str, Any], list[Issue], dict[str, str]]
"""What ``Table.parts_of`` gives for a data row: (0-based row index, cells as read with merged values
filled in, values by field, issues, extras), the makings of a ``Row``."""


def _required_missing() -> list[Finding]:
    return [Finding.of("tabular.required_value_missing", Severity.ERROR, value="")]


def flagged(finding: Finding) -> Finding:
    """The one rule for a cell that cannot be read in a column that does not identify the row:
    keep the person, flag the cell. Its error becomes a warning (the cell is left empty on the
    record, the row stays); a required column's error still refuses the row."""
    if finding.severity is not Severity.ERROR:
        return finding
    return attrs.evolve(finding, severity=Severity.WARNING)


def _coerce_parts(
    coerce: Coercer, separators: str, raw: RawValue
) -> tuple[tuple[Any, ...], list[Finding]]:
    """A multi-valued cell: split, each part coerced (a part not accepted is left out). A part
    with a bracketed remark (“特困（残）”, “孤儿（散居）”) not accepted whole is read as the word
    before the bracket and, where it is a value too, the word inside it (else a mere remark)."""
    values: list[Any] = []
    findings: list[Finding] = []
    parts = split_values(raw if type(raw) is str else raw_text(raw), separators)
    for part in parts:
        try:
            value = coerce(part)
        except FindingError as error:
            remark = words.BRACKETED_REMARK.fullmatch(part.strip())
            if remark is None:
                findings.extend(error.findings)
                continue
            outer, inner = _coerce_parts(coerce, separators, remark.group(1))
            if not outer or inner:
                findings.extend(error.findings)
                continue
            values.extend(outer)
            within, not_a_value = _coerce_parts(coerce, separators, remark.group(2))
            values.extend(v for v in within if v not in values)
            if not_a_value or not within:
                noted = Finding.of(
                    "tabular.bracket_remark",
                    Severity.INFO,
                    value=part.strip(),
                    word=remark.group(1),
                    remark=remark.group(2),
                )
                findings.append(noted)
            continue
        if isinstance(value, Coerced):
            findings.extend(value.findings)
            value = value.value
        if type(value) is tuple:  # a word meaning several values (低保家庭儿童)
            values.extend(v for v in value if v not in values)
        elif value is not None:
            values.append(value)
    if len(parts) > 1 and not values and _split_at_spaces_only(raw, separators):
        whole = _one_value(coerce, raw)
        if whole is not None:
            return whole
    return tuple(values), findings


def _split_at_spaces_only(raw: RawValue, separators: str) -> bool:
    """Whether the cell's parts were cut at spaces alone (no list mark between them)."""
    text = unicodedata.normalize("NFKC", raw if type(raw) is str else raw_text(raw)).strip()
    return not any(ch in text for ch in separators if ch == "\n" or not ch.isspace())


def _one_value(coerce: Coercer, raw: RawValue) -> tuple[tuple[Any, ...], list[Finding]] | None:
    """The cell read as one value, when none of the parts it was cut into at spaces is a value
    but the whole is (an ID number written in groups, 340421 19640407 991X); ``None`` when the
    whole is none either."""
    try:
        value = coerce(raw)
    except FindingError:
        return None
    findings: list[Finding] = []
    if isinstance(value, Coerced):
        findings.extend(value.findings)
        value = value.value
    if value is None:
        return None
    return (value if type(value) is tuple else (value,)), findings


def read_words(
    coerce: Coercer, separators: str, cell: RawValue
) -> tuple[tuple[Any, ...], list[Finding]]:
    """What a multi-valued cell reads as, word by word, bracketed remarks included, and the
    findings (as a data row's cell is read)."""
    return _coerce_parts(coerce, separators, cell)


SECTION_NUMBERING: Final = words.SECTION_NUMBERING
SECTION_COUNT: Final = words.SECTION_COUNT
SECTION_INITIALS: Final = words.SECTION_INITIALS


# --- entry point ----------------------------------------------------------------------------------


def named_sheet(workbook: Workbook, names: Sequence[str]) -> str | None:
    """The workbook's visible sheet that ``read_table`` takes by name for ``names`` (the first of
    them present, spaces and width ignored), or ``None`` when it would look for the table by its
    headers."""
    hidden = workbook.hidden_sheets
    by_norm = {normalise_label(n): n for n in workbook.sheet_names if n not in hidden}
    return next((by_norm[k] for k in map(normalise_label, names) if k in by_norm), None)


NAMED_SHEET_FIELDS: Final = 3
"""A sheet a layout names whose header matches this many of the table's columns is the table's,
even when a required column is missing from it: that is reported, no other sheet read instead."""

_PEEKED: weakref.WeakKeyDictionary[
    Workbook, dict[tuple[str, Free], tuple[SheetData, list[tuple[int, Cells]]]]
]
_PEEKED = weakref.WeakKeyDictionary()
"""The top rows of the sheets looked at while searching a workbook for a table (by sheet and the
row the search starts at), so the search for the next table does not parse them again."""


Free = tuple[int, int, int]
"""The part of a sheet not yet read as a table: (first row, first column, row it stops before, 0
for none), 0-based. Rows above it belong to a table that ended at another's header
(``Table.ended_at``); columns left of it to a table beside which another stands
(``Table.split_at``); rows from where it stops to a table with another above it
(``Table.above_at``)."""
NOWHERE_READ: Final[Free] = (0, 0, 0)


def left_free(free: dict[str, Free], table: Table) -> None:
    """Note in ``free`` the part of ``table``'s sheet another table stands in, once the table is
    read: the rows from where another's header ended it (``Table.ended_at``), the columns from
    where another stands beside it (``Table.split_at``) or the rows above its own
    (``Table.above_at``); nothing when it had the sheet to itself. ``read_table(free=…)`` then
    searches the sheet there, so the loading and the map find the same tables."""
    free.pop(table.sheet, None)
    if table.ended_at is not None:
        free[table.sheet] = (table.ended_at, 0, 0)
    elif table.split_at is not None:
        free[table.sheet] = (0, table.split_at, 0)
    elif table.above_at is not None:
        free[table.sheet] = (0, 0, table.above_at)


def _from(data: SheetData, start: Free) -> Iterator[tuple[int, Cells]]:
    """The sheet's rows from ``start``: rows above it passed over, cells left of it emptied (so
    each keeps its column)."""
    row, column, end = start
    rows = data.rows
    if row:
        rows = itertools.dropwhile(lambda item: item[0] < row, rows)
    if end:
        rows = itertools.takewhile(lambda item: item[0] < end, rows)
    if column:
        blank: Cells = [None] * column
        rows = ((index, [*blank, *cells[column:]]) for index, cells in rows)
    return rows


def _peeked(
    workbook: Workbook, name: str, search: int, start: Free = NOWHERE_READ
) -> tuple[SheetData, list[tuple[int, Cells]]]:
    cache = _PEEKED.setdefault(workbook, {})
    found = cache.get((name, start))
    if found is None:
        data = workbook.sheet(name)
        found = (data, list(itertools.islice(_from(data, start), search + _SAMPLE_ROWS + 1)))
        cache[(name, start)] = found
    return found


def _take(
    workbook: Workbook, name: str, search: int, start: Free = NOWHERE_READ
) -> tuple[SheetData, list[tuple[int, Cells]], Iterator[tuple[int, Cells]]]:
    """A sheet to read in full: its top rows and the stream of all its rows (from the first, or
    from ``start``)."""
    cache = _PEEKED.get(workbook, {})
    found = cache.pop((name, start), None)
    if found is None or start[1] or start[2]:
        data = workbook.sheet(name)
        rows = _from(data, start)
        buffer = list(itertools.islice(rows, search + _SAMPLE_ROWS + 1))
        return data, buffer, itertools.chain(buffer, rows)
    data, buffer = found
    return data, buffer, itertools.chain(buffer, data.rows)


def sheet_scores(
    workbook: Workbook,
    spec: TableSpec,
    *,
    skip: Sequence[str] = (),
    search: int = 15,
    free: Mapping[str, Free] | None = None,
) -> list[tuple[float, str]]:
    """How well each sheet of ``workbook`` holds ``spec``'s table (best first): the header block
    score, halved for a hidden sheet, and zero when a required column is missing. A sheet in
    ``skip`` is searched in the part ``free`` gives it, if any (beside or below the table read
    there: ``Free``)."""
    scores: list[tuple[float, str]] = []
    for name in workbook.sheet_names:
        start: Free = NOWHERE_READ
        if name in skip:
            if free is None or name not in free:
                continue
            start = free[name]
        data, buffer = _peeked(workbook, name, search, start)
        best = _best(spec, data, buffer, search)
        if best is None or not all(c.field in best.matched for c in spec.required):
            continue
        if len(best.matched) < min(2, len(spec.columns) - 1):
            continue  # one header that happens to fit says nothing of a sheet of many columns
        score = best.score * (0.5 if name in workbook.hidden_sheets else 1.0)
        if normalise_label(name) in {normalise_label(n) for n in spec.sheet_names}:
            score += 1.0
        scores.append((score, name))
    scores.sort(key=lambda item: -item[0])
    return scores


def sheet_fields(
    workbook: Workbook, spec: TableSpec, name: str, *, search: int = 15
) -> frozenset[str] | None:
    """The fields of ``spec`` the best header of the sheet called ``name`` gives columns to;
    ``None`` when the sheet does not hold ``spec``'s table (a required column missing, or fewer
    than two columns matched, as ``sheet_scores`` counts)."""
    data, buffer = _peeked(workbook, name, search)
    best = _best(spec, data, buffer, search)
    if best is None or not all(c.field in best.matched for c in spec.required):
        return None
    if len(best.matched) < min(2, len(spec.columns) - 1):
        return None
    return frozenset(best.matched)


_LEAD_ROWS: Final = 4
"""At most this many title and blank rows stand over a header found lower on a sheet."""


def _own_headers(spec: TableSpec) -> frozenset[str]:
    """The table's accepted headers, as ``normalise_header`` gives them."""
    return frozenset(normalise_header(h) for c in spec.columns for h in c.headers)


def _may_head(own: frozenset[str], cells: Cells) -> bool:
    """Whether a row may be this table's header: its cells all text, one at least one of the
    table's headers exactly (a data row writes a name, a date or a number, never 姓名)."""
    named = False
    for value in cells:
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        if not named and normalise_header(value) in own:
            named = True
    return named


def lower_header_rows(rows: Iterator[tuple[int, Cells]]) -> list[tuple[int, Cells]]:
    """The rows of ``rows`` that start another table, whatever its kind (what format detection
    looks at under a sheet's first rows): three texts at least and nothing else, right under a
    blank row or a title (one text), with the row under each when it is all text too (a header
    over two rows)."""
    found: list[tuple[int, Cells]] = []
    before = "title"  # what the row before was: "title" (or blank), "header" or "data"
    for index, cells in rows:
        filled = [v for v in cells if not is_blank(v)]
        if before != "data" and len(filled) >= 3 and all(isinstance(v, str) for v in filled):
            found.append((index, cells))
            before = "header" if before == "title" else "data"
            continue
        before = "title" if len(filled) <= 1 else "data"
    return found


def _foreign_top(spec: TableSpec, best: _Candidate) -> bool:
    """Whether a header found at a sheet's top names two fields of another table at least (走访日期
    and 走访方式 over a register's 姓名): it may be that table's header, this one's lower down."""
    foreign = spec.foreign_headers
    return sum(1 for c in best.columns if normalise_header(c.leaf) in foreign) >= 2


def _explains_more(spec: TableSpec, lower: _Candidate, top: _Candidate) -> bool:
    """Whether a header lower on a sheet is more this table's than the top's: more of its
    fields, or as many with fewer of another table's."""
    if len(lower.matched) != len(top.matched):
        return len(lower.matched) > len(top.matched)
    foreign = spec.foreign_headers
    strange = [
        sum(1 for c in found.columns if normalise_header(c.leaf) in foreign)
        for found in (lower, top)
    ]
    return strange[0] < strange[1]


def _repeats(top: frozenset[str], cells: Cells) -> bool:
    """Whether a row repeats the top's header (a printed sheet's header on every page)."""
    return bool(top) and {normalise_header(v) for v in cells if isinstance(v, str)} <= top


def _header_below(
    workbook: Workbook,
    spec: TableSpec,
    name: str,
    search: int,
    start: Free = NOWHERE_READ,
    wanted_columns: Mapping[str, str] | None = None,
    over: _Candidate | None = None,
    kept: _Kept | None = None,
) -> tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate] | None:
    """The table's header anywhere lower on the sheet, under another table longer than the rows
    a header is first looked for in (a visit log of a year over the register): each row that may
    head it (``_may_head``) is scored as the sheet's top is (``_best``, with the rows under it),
    and the first that holds the table's required columns is taken, the rows above it being the
    other table's (``_Candidate.above``). ``over``: the header the sheet's top gave, when it is
    more another table's than this one's (``_foreign_top``): a lower header is taken only when it
    explains more of the table (``_explains_more``): ``kept`` then holds the rows looked at and
    the rows still to read, for the top's table to be read from. ``None`` when no row of the
    sheet heads the table (better)."""
    stream: Iterator[tuple[int, Cells]]
    cached = _PEEKED.get(workbook, {}).pop((name, start), None) if kept is None else None
    if kept is not None:
        data, stream = kept.data, kept.rest
    elif cached is not None and not start[1] and not start[2]:
        data, top = cached
        stream = itertools.chain(top, data.rows)
    else:
        data = workbook.sheet(name)
        stream = _from(data, start)
    own = _own_headers(spec)
    repeated = frozenset(normalise_header(c.leaf) for c in over.columns) if over else frozenset()
    if kept is not None:
        stream = kept.drawn(stream)
    ahead: collections.deque[tuple[int, Cells]] = collections.deque()  # looked ahead, not at
    lead: list[tuple[int, Cells]] = []
    seen = 0
    while True:
        if ahead:
            index, cells = ahead.popleft()
        else:
            found = next(stream, None)
            if found is None:
                return None
            index, cells = found
        seen += 1
        if seen <= search or not _may_head(own, cells) or _repeats(repeated, cells):
            lead = [*lead[1 - _LEAD_ROWS :], (index, cells)]
            continue
        # the title and blank rows right over it are this table's; the row over them another's
        titled = list(
            itertools.takewhile(
                lambda item: sum(1 for v in item[1] if not is_blank(v)) <= 1, reversed(lead)
            )
        )[::-1]
        more = [*ahead, *itertools.islice(stream, max(0, search + _SAMPLE_ROWS - len(ahead)))]
        buffer = [*titled, (index, cells), *more]
        best = _best(spec, data, buffer, search, wanted_columns)
        if (
            best is not None
            and best.rows[0] == index
            and all(c.field in best.matched for c in spec.required)
            and len(best.matched) >= min(2, len(spec.columns) - 1)
            and (over is None or _explains_more(spec, best, over))
        ):
            above = titled[0][0] if titled else index
            best = attrs.evolve(best, above=best.above if best.above is not None else above)
            return data, itertools.chain(buffer, stream), best
        lead = [*lead[1 - _LEAD_ROWS :], (index, cells)]
        ahead = collections.deque(more)


_KEPT_ROWS: Final = 200_000
"""The rows a sheet's scan for a lower header keeps for its top's table to be read from, when it
finds none; past them the sheet is parsed again instead (its rows held cost more than that)."""


@attrs.define
class _Kept:
    """A sheet's rows looked at by a scan for a lower header (``_header_below``), for the table
    of the top to be read from when it finds none, without parsing the sheet again."""

    data: SheetData
    rest: Iterator[tuple[int, Cells]]
    rows: list[tuple[int, Cells]] = attrs.field(factory=list)
    whole: bool = True
    """All the rows looked at are kept (else too many: the sheet is to be parsed again)."""

    def keep(self, index: int, cells: Cells) -> None:
        if self.whole:
            self.rows.append((index, cells))
            if len(self.rows) > _KEPT_ROWS:
                self.whole = False
                self.rows.clear()

    def drawn(self, rows: Iterator[tuple[int, Cells]]) -> Iterator[tuple[int, Cells]]:
        """``rows``, each kept as it is drawn."""
        for row in rows:
            self.keep(*row)
            yield row


def _found_by_headers(wanted: Sequence[str], name: str) -> list[Issue]:
    """The info saying the sheet ``name`` was taken by its headers, no sheet being named as the
    layout names it (``wanted``); none when the layout names no sheet."""
    if not wanted:
        return []
    finding = Finding.of(
        "tabular.sheet_found_by_headers",
        Severity.INFO,
        wanted=words.LIST_JOINER.join(wanted),
        sheet=name,
    )
    return [Issue(finding, name)]


def _unless_lower(
    workbook: Workbook,
    spec: TableSpec,
    search: int,
    start: Free,
    wanted_columns: Mapping[str, str] | None,
    found: tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate],
) -> tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate]:
    """The header found at a sheet's top (``found``: the sheet, its rows, the header), unless it
    is more another table's (``_foreign_top``) and a header lower on the sheet explains more of
    this one (``_header_below``)."""
    data, rest, best = found
    if not _foreign_top(spec, best):
        return found
    kept = _Kept(data, rest)
    lower = _header_below(workbook, spec, data.name, search, start, wanted_columns, best, kept)
    if lower is not None:
        return lower
    if kept.whole:
        return data, iter(kept.rows), best
    data, _buffer, rest = _take(workbook, data.name, search, start)
    return data, rest, best


def _locate(
    workbook: Workbook,
    spec: TableSpec,
    sheet: str | None,
    search: int,
    skip: Sequence[str],
    wanted_columns: Mapping[str, str] | None = None,
    free: Mapping[str, Free] | None = None,
) -> tuple[SheetData, Iterator[tuple[int, Cells]], _Candidate, list[Issue]]:
    """The sheet holding the table, its rows (from the first), the best header and the issues."""
    wanted = [sheet] if sheet is not None else list(spec.sheet_names)
    issues: list[Issue] = []
    if sheet is not None:
        if sheet not in workbook.sheet_names:
            raise WorkbookError(
                "tabular.sheet_not_found",
                workbook.path,
                wanted=sheet,
                found=words.LIST_JOINER.join(workbook.sheet_names),
            )
        # a sheet read as another table already is searched where that one left it free
        shared = free is not None and sheet in skip and sheet in free
        start = free[sheet] if free is not None and shared else NOWHERE_READ
        data, buffer, rest = _take(workbook, sheet, search, start)
        best = _best(spec, data, buffer, search, wanted_columns)
        if best is None or not all(c.field in best.matched for c in spec.required):
            # the sheet named's top is not this table's: its header may stand lower on it
            kept = _Kept(data, rest)
            lower = _header_below(workbook, spec, sheet, search, start, wanted_columns, None, kept)
            if lower is not None:
                return *lower, issues
            rest = iter(kept.rows) if kept.whole else _take(workbook, sheet, search, start)[2]
        if best is None:
            raise WorkbookError(
                "tabular.header_not_found",
                workbook.path,
                sheet=data.name,
                rows=search,
                expected=words.LIST_JOINER.join(c.header for c in spec.columns[:4]),
            )
        top = (data, rest, best)
        return *_unless_lower(workbook, spec, search, start, wanted_columns, top), issues
    named = named_sheet(workbook, wanted)
    named_best: _Candidate | None = None
    if named is not None and named not in skip:
        # the sheet a layout names, when its header is there: no other sheet is parsed
        data, buffer, rest = _take(workbook, named, search)
        named_best = _best(spec, data, buffer, search)
        if named_best is not None and all(c.field in named_best.matched for c in spec.required):
            top = (data, rest, named_best)
            return *_unless_lower(workbook, spec, search, NOWHERE_READ, None, top), issues
        _PEEKED.setdefault(workbook, {})[(named, NOWHERE_READ)] = (data, buffer)
    scores = sheet_scores(workbook, spec, skip=skip, search=search, free=free)
    plainly_this = named_best is not None and len(named_best.matched) >= NAMED_SHEET_FIELDS
    if named is not None and named not in skip and not scores and not plainly_this:
        # the named sheet's top is another table's: this one's header may stand lower on it
        lower = _header_below(workbook, spec, named, search, wanted_columns=wanted_columns)
        if lower is not None:
            return *lower, issues
    if named is not None and named not in skip and (not scores or plainly_this):
        # the named sheet holds no header of this table, or holds it without a required
        # column (a header cell overwritten): say what it lacks rather than read another sheet
        if named_best is None:
            raise WorkbookError(
                "tabular.header_not_found",
                workbook.path,
                sheet=named,
                rows=search,
                expected=words.LIST_JOINER.join(c.header for c in spec.columns[:4]),
            )
        found = {c.index: c.display for c in named_best.columns}
        raise WorkbookError(
            "tabular.required_columns_missing",
            workbook.path,
            sheet=named,
            missing=words.LIST_JOINER.join(
                c.header for c in spec.required if c.field not in named_best.matched
            ),
            found=words.LIST_JOINER.join(found[i] for i in sorted(found)),
        )
    if not scores:
        for name in workbook.sheet_names:
            # no sheet's top holds this table: its header may stand lower, under another table
            if name in workbook.hidden_sheets or (name in skip and name not in (free or {})):
                continue
            start = (free or {}).get(name, NOWHERE_READ) if name in skip else NOWHERE_READ
            lower = _header_below(workbook, spec, name, search, start, wanted_columns)
            if lower is not None:
                return *lower, [*issues, *_found_by_headers(wanted, name)]
        raise WorkbookError(
            "tabular.sheet_not_found",
            workbook.path,
            wanted=words.LIST_JOINER.join(wanted) or "?",
            found=words.LIST_JOINER.join(workbook.sheet_names),
        )
    name = scores[0][1]
    start = free.get(name, NOWHERE_READ) if free is not None and name in skip else NOWHERE_READ
    data, buffer, rest = _take(workbook, name, search, start)
    best = _best(spec, data, buffer, search, wanted_columns)
    assert best is not None  # scored above
    located = _unless_lower(workbook, spec, search, start, wanted_columns, (data, rest, best))
    data, rest, best = located
    issues.extend(_found_by_headers(wanted, name))
    for other in workbook.sheet_names:
        if other in workbook.hidden_sheets and other != name:
            hidden = Finding.of("tabular.hidden_sheet_skipped", Severity.INFO, sheet=other)
            issues.append(Issue(hidden, other))
    return data, rest, best, issues


def read_table(
    source: Workbook | str | Path,
    spec: TableSpec,
    *,
    sheet: str | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    skip: Sequence[str] = (),
    columns: Mapping[str, str] | None = None,
    free: Mapping[str, Free] | None = None,
) -> Table:
    """Find ``spec``'s table in ``source`` and return it as a stream of ``Row``.

    ``source`` is a path (opened, and closed when the table is exhausted or closed) or an open
    ``Workbook`` (left open, so several tables can be read from one file). ``sheet`` names the sheet
    to read; by default the visible sheet ``spec.sheet_names`` name is taken when its header is
    there, else every sheet is scored by its headers (``sheet_scores``; a hidden sheet counts
    half) and the best taken; when no sheet's top holds the table, its header is looked for
    lower, under another table (``_header_below``: a visit log of a year over the register).
    ``skip``: sheets already read as another table; ``free``: of
    those, the ones where another table stands below or beside it, with where that part starts
    (``Free``: ``Table.ended_at``, ``Table.split_at``): they are searched there. A table with
    another beside it past empty columns is read left of it (``Table.split_at``,
    ``tabular.table_beside``). ``columns``: a
    mapping file's columns (header as shown or column letter → field; ``""``: not read), taken
    before anything is guessed.

    Raises ``WorkbookError`` when the file cannot be read, no sheet holds the table
    (``tabular.sheet_not_found``), the header is not found (``tabular.header_not_found``) or a
    required column is missing (``tabular.required_columns_missing``).
    """
    owned = open_workbook(source, limits=limits) if not isinstance(source, Workbook) else None
    workbook = owned if owned is not None else source
    assert isinstance(workbook, Workbook)
    try:
        data, rest, best, issues = _locate(
            workbook, spec, sheet, limits.header_search_rows, skip, columns, free
        )
        if best.split is not None:  # another table beside this one: its columns are not ours
            split = best.split
            rest = ((index, cells[:split]) for index, cells in rest)
        layout, layout_issues = _layout(spec, data.name, best)
        # a column written in codes (01, 05) is read through the workbook's legend of them
        spec, coded = decode_columns(
            workbook,
            spec,
            layout.fields,
            dict(layout.headers),
            best.sample,
            data.name,
            layout.header_rows[-1],
        )
        layout_issues = [*layout_issues, *coded]
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
        issues.extend(sparse.far_cell_issues(data.name, data.far_cells, data.far_unnamed))
        issues.extend(_hidden_rows_read(data, layout))
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
    table = Table(spec, layout, data, rest, issues, owned)
    table.year = _year_of(data.name, best, workbook)
    if best.split is not None:
        table.split_at = best.split
        beside = Finding.of(
            "tabular.table_beside",
            Severity.INFO,
            column=column_letter(best.split),
            last=column_letter(max(c for c, _ in layout.headers)),
        )
        table.issues.append(Issue(beside, data.name, layout.header_rows[0]))
    if best.above is not None:
        table.above_at = best.above
        over = Finding.of("tabular.table_above", Severity.INFO, row=layout.header_rows[0])
        table.issues.append(Issue(over, data.name, layout.header_rows[0]))
    return table


_HIDDEN_ROWS_NAMED: Final = 10


def _hidden_rows_read(data: SheetData, layout: Layout) -> list[Issue]:
    """One remark naming the hidden rows under the header: they are read like any other row
    (a worker may have hidden people who left, or filtered the sheet by village)."""
    hidden = sorted(r + 1 for r in data.hidden_rows if r + 1 > layout.header_rows[-1])
    if not hidden:
        return []
    finding = Finding.of(
        "tabular.hidden_rows_read",
        Severity.INFO,
        sheet=data.name,
        count=len(hidden),
        rows=words.LIST_JOINER.join(map(str, hidden[:_HIDDEN_ROWS_NAMED])),
    )
    return [Issue(finding, data.name, hidden[0])]


def _year_of(sheet: str, best: _Candidate, workbook: Workbook) -> int | None:
    """The year a sheet's dates are in when a cell leaves it out: the first year its title rows
    (above the header) name, else its name, else the file's name."""
    texts = [*best.titles, sheet, workbook.path.stem]
    for value in texts:
        found = words.YEAR_IN_TITLE.search(value)
        if found:
            return int(found.group(1))
    return None
