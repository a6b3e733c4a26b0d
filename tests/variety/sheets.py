"""A sheet as a plan of lines (title, header, data, section, subtotal …), written to xlsx or to a
CSV as Excel on Chinese Windows saves it, with every row's number and kind kept for the key.

A plan knows nothing of ledgers: a data line is a mapping of column fields to cells, and ``ref``
is the answer-key entry the line stands for (its ``row`` is filled in when the sheet is written).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

NON_DATA_KINDS = (
    "title",
    "meta",
    "header",
    "section",
    "subtotal",
    "total",
    "note",
    "signature",
    "blank",
)


@attrs.frozen
class Wrong:
    """Why a cell is genuinely wrong, and what a good reader does: ``warn`` or ``refuse_row``."""

    why: str
    action: str = "warn"


@attrs.frozen
class Cell:
    """A cell as written: its stored value, number format, and the text Excel shows."""

    value: Any
    number_format: str = "General"
    shown: str | None = None
    wrong: Wrong | None = None

    def text(self) -> str:
        """What Excel shows for the cell (and what a CSV saved from it holds)."""
        if self.shown is not None:
            return self.shown
        return shown_text(self.value)


def shown_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        digits = str(value)
        if len(digits) > 11:  # Excel's General format shows a long number in scientific form
            mantissa, exponent = f"{value:.5E}".split("E")
            return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"
        return digits
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    if isinstance(value, datetime | date):
        return f"{value.year}/{value.month}/{value.day}"
    return str(value)


@attrs.frozen
class Column:
    """One column: the key field it holds, and its header as a path from the top header row down
    (a shorter path is merged down to the last header row)."""

    field: str
    path: tuple[str, ...]
    hidden: bool = False
    width: float = 12


@attrs.frozen
class Line:
    """One row of a sheet. ``kind`` is ``data`` or one of :data:`NON_DATA_KINDS` (``header`` lines
    are made from the columns). Data, subtotal and total lines have ``cells``; the other kinds a
    ``text`` written across the width."""

    kind: str
    cells: Mapping[str, Cell] = attrs.field(factory=dict)
    text: str = ""
    ref: dict[str, Any] | None = None


def plain(value: Any) -> Cell:
    return Cell(value)


@attrs.frozen
class SheetPlan:
    """A sheet of data: its columns and its lines in order (the header goes before the first line
    whose kind is not title or meta)."""

    name: str
    columns: tuple[Column, ...]
    lines: tuple[Line, ...]
    hidden: bool = False
    merged_down: tuple[str, ...] = ()
    """Fields whose equal neighbouring data cells are written as one merged cell (a village down
    its block of people): the value stands in the first cell only."""

    @property
    def depth(self) -> int:
        return max(len(c.path) for c in self.columns)

    def letter(self, field: str) -> str:
        for i, column in enumerate(self.columns):
            if column.field == field:
                return get_column_letter(i + 1)
        raise KeyError(field)

    def letters(self) -> dict[str, str]:
        return {c.field: get_column_letter(i + 1) for i, c in enumerate(self.columns)}


@attrs.frozen
class OtherSheet:
    """A sheet that holds no people or visits: instructions, options, a cover, an empty Sheet3."""

    name: str
    rows: tuple[tuple[str, ...], ...] = ()
    hidden: bool = False


@attrs.define
class Written:
    """Where a plan's rows ended up: header rows, first data row, and the rows that are not data."""

    header_rows: list[int] = attrs.field(factory=list)
    first_data_row: int = 0
    non_data: list[dict[str, Any]] = attrs.field(factory=list)
    wrong: list[dict[str, Any]] = attrs.field(factory=list)


def _header_grid(plan: SheetPlan) -> list[list[str | None]]:
    """The header rows as a grid: a column's path padded down with None (merged from above)."""
    depth = plan.depth
    return [[c.path[r] if r < len(c.path) else None for c in plan.columns] for r in range(depth)]


def _header_merges(plan: SheetPlan, top: int) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col) of every merged header range."""
    depth = plan.depth
    merges = []
    # vertical: a path shorter than the depth runs down to the last header row
    for j, column in enumerate(plan.columns):
        if len(column.path) < depth:
            merges.append((top + len(column.path) - 1, j + 1, top + depth - 1, j + 1))
    # horizontal: neighbours sharing a parent path at a level above their own last
    for r in range(depth - 1):
        j = 0
        while j < len(plan.columns):
            path = plan.columns[j].path
            k = j
            if len(path) > r + 1:
                while (
                    k + 1 < len(plan.columns)
                    and len(plan.columns[k + 1].path) > r + 1
                    and plan.columns[k + 1].path[: r + 1] == path[: r + 1]
                ):
                    k += 1
            if k > j:
                merges.append((top + r, j + 1, top + r, k + 1))
            j = k + 1
    return merges


def _walk(plan: SheetPlan) -> list[tuple[int, Line | None]]:
    """Every line with its 1-based row; header rows come as (row, None)."""
    out: list[tuple[int, Line | None]] = []
    row = 1
    header_done = False
    for line in plan.lines:
        if not header_done and line.kind not in ("title", "meta"):
            for _ in range(plan.depth):
                out.append((row, None))
                row += 1
            header_done = True
        out.append((row, line))
        row += 1
    if not header_done:
        for _ in range(plan.depth):
            out.append((row, None))
            row += 1
    return out


def merged_runs(plan: SheetPlan) -> list[tuple[str, int, int]]:
    """(field, first row, last row) of each run of neighbouring data rows with the same text in a
    ``merged_down`` field (runs of one row are not merged)."""
    runs: list[tuple[str, int, int]] = []
    rows = [(row, line) for row, line in _walk(plan) if line is not None]
    for field in plan.merged_down:
        start: tuple[int, str] | None = None
        last = 0
        for row, line in [*rows, (0, Line("blank"))]:
            text = line.cells[field].text() if line.kind == "data" and field in line.cells else ""
            if start is not None and (text != start[1] or row != last + 1):
                if last > start[0]:
                    runs.append((field, start[0], last))
                start = None
            if start is None and text:
                start = (row, text)
            last = row
    return runs


def _covered(plan: SheetPlan) -> set[tuple[int, str]]:
    """(row, field) of cells inside a merged run below its first cell: left empty."""
    return {(r, f) for f, first, last in merged_runs(plan) for r in range(first + 1, last + 1)}


def layout(plan: SheetPlan) -> Written:
    """Number the plan's rows: fills each data line's ``ref['row']``; lists non-data rows and the
    wrong cells (the key's entries)."""
    written = Written()
    letters = plan.letters()
    header_index = 0
    for row, line in _walk(plan):
        if line is None:
            written.header_rows.append(row)
            text = next((p for p in _header_grid(plan)[header_index] if p), "")
            header_index += 1
            written.non_data.append({"row": row, "kind": "header", "text": text})
            continue
        if line.kind == "data":
            if not written.first_data_row:
                written.first_data_row = row
            if line.ref is not None:
                line.ref["row"] = row
        else:
            first = line.text or next((c.text() for c in line.cells.values() if c.text()), "")
            written.non_data.append({"row": row, "kind": line.kind, "text": first[:20]})
        for field, cell in line.cells.items():
            if cell.wrong is not None:
                written.wrong.append(
                    {
                        "sheet": plan.name,
                        "row": row,
                        "column": letters[field],
                        "value": cell.text(),
                        "why": cell.wrong.why,
                        "expected_action": cell.wrong.action,
                    }
                )
    return written


def write_xlsx(path: Path, sheets: Sequence[SheetPlan | OtherSheet], *, font: str = "宋体") -> None:
    """Write the sheets in order; titles merged across, headers bold and wrapped, fixed dates in
    the document properties so two runs give the same file content."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Administrator"
    wb.properties.created = datetime(2024, 1, 2, 9, 0)
    wb.properties.modified = datetime(2024, 1, 2, 9, 0)
    bold = Font(name=font, bold=True)
    wrap = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for plan in sheets:
        ws = wb.create_sheet(plan.name)
        if plan.hidden:
            ws.sheet_state = "hidden"
        if isinstance(plan, OtherSheet):
            for values in plan.rows:
                ws.append(list(values))
            continue
        width = len(plan.columns)
        for j, column in enumerate(plan.columns):
            dimension = ws.column_dimensions[get_column_letter(j + 1)]
            dimension.width = column.width
            dimension.hidden = column.hidden
        grid = _header_grid(plan)
        index = {c.field: j + 1 for j, c in enumerate(plan.columns)}
        covered = _covered(plan)
        header_top = 0
        header_index = 0
        for row, line in _walk(plan):
            if line is None:
                header_top = header_top or row
                for j, text in enumerate(grid[header_index]):
                    if text is not None:
                        cell = ws.cell(row=row, column=j + 1, value=text)
                        cell.font = bold
                        cell.alignment = wrap
                header_index += 1
                continue
            if line.text:
                ws.cell(row=row, column=1, value=line.text)
                if line.kind in ("title", "meta", "section", "note", "signature"):
                    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
                if line.kind == "title":
                    ws.cell(row=row, column=1).font = Font(name=font, bold=True, size=16)
            for field, c in line.cells.items():
                if (row, field) in covered:
                    continue
                cell = ws.cell(row=row, column=index[field], value=c.value)
                cell.number_format = "@" if c.number_format == "text" else c.number_format
        for r1, c1, r2, c2 in _header_merges(plan, header_top):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for field, first, last in merged_runs(plan):
            ws.merge_cells(
                start_row=first, start_column=index[field], end_row=last, end_column=index[field]
            )
    wb.save(path)


def csv_rows(plan: SheetPlan) -> list[list[str]]:
    """The rows Excel's "CSV (逗号分隔)" writes: displayed values, a merged header parent only in
    its first column, every row padded to the used width."""
    width = len(plan.columns)
    index = {c.field: j for j, c in enumerate(plan.columns)}
    rows: list[list[str]] = []
    header_index = 0
    covered = _covered(plan)
    for row, line in _walk(plan):
        out = [""] * width
        if line is None:
            r = header_index
            for j, column in enumerate(plan.columns):
                path = column.path
                if r >= len(path):
                    continue  # merged down from the row above
                before = plan.columns[j - 1].path if j else ()
                continued = (
                    len(path) > r + 1 and len(before) > r + 1 and before[: r + 1] == path[: r + 1]
                )
                out[j] = "" if continued else path[r]
            header_index += 1
        else:
            if line.text:
                out[0] = line.text
            for field, cell in line.cells.items():
                if (row, field) not in covered:
                    out[index[field]] = cell.text()
        rows.append(out)
    return rows


def write_csv(path: Path, plan: SheetPlan) -> None:
    """GB18030 bytes, CRLF line ends, no BOM: the CSV Excel writes on Chinese Windows."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(plan))
    path.write_bytes(buffer.getvalue().encode("gb18030"))
