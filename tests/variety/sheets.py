"""A sheet as a plan of lines (title, header, data, section, subtotal …), written to xlsx, to a
legacy .xls (BIFF8), to an OpenDocument .ods, or to a CSV as Excel on Chinese Windows saves it,
with every row's number and kind kept for the key.

A plan knows nothing of ledgers: a data line is a mapping of column fields to cells, and ``ref``
is the answer-key entry the line stands for (its ``row`` is filled in when the sheet is written).
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import attrs
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

try:  # tests/fixtures/compound_file.py, as tests/conftest.py loads it for every test
    from compound_file import compound_file
except ModuleNotFoundError:  # python -m tests.variety, outside the tests: the same file
    from ..fixtures.compound_file import compound_file

NON_DATA_KINDS = (
    "title",
    "meta",
    "header",
    "hint",
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
    cached: Any = None
    """A formula's value as Excel saved it beside the formula (``value`` is the formula, with
    ``{row}`` for the cell's own row: =YEAR(TODAY())-MID(D{row},7,4))."""

    def text(self) -> str:
        """What Excel shows for the cell (and what a CSV saved from it holds)."""
        if self.shown is not None:
            return self.shown
        if self.cached is not None:
            return shown_text(self.cached)
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
    are made from the columns). Data, subtotal, total and hint lines (a template's hints or its
    example under the header) have ``cells``; the other kinds a ``text`` written across the
    width."""

    kind: str
    cells: Mapping[str, Cell] = attrs.field(factory=dict)
    text: str = ""
    ref: dict[str, Any] | None = None
    span: int = 1
    """Rows the line takes: a title block merged over three rows (a logo beside it) takes 3."""


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
    merged_within: str | None = None
    """A field whose runs bound the others' (a person's name merged over their visits: their
    sex or village never merges into the next person's)."""
    left: int = 0
    """Empty columns before the table (a table that starts at column C); title, meta and other
    text lines still start at column A, merged across to the table's last column."""
    top: int = 0
    """Rows above the plan's first line taken by another plan of the same sheet (a visit table
    stacked under the register on one sheet): the plans of one name share a worksheet."""

    @property
    def depth(self) -> int:
        return max(len(c.path) for c in self.columns)

    def letter(self, field: str) -> str:
        for i, column in enumerate(self.columns):
            if column.field == field:
                return get_column_letter(i + 1 + self.left)
        raise KeyError(field)

    def letters(self) -> dict[str, str]:
        return {c.field: get_column_letter(i + 1 + self.left) for i, c in enumerate(self.columns)}


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
    left = plan.left
    # vertical: a path shorter than the depth runs down to the last header row
    for j, column in enumerate(plan.columns):
        if len(column.path) < depth:
            merges.append((top + len(column.path) - 1, j + 1 + left, top + depth - 1, j + 1 + left))
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
                merges.append((top + r, j + 1 + left, top + r, k + 1 + left))
            j = k + 1
    return merges


PRE_HEADER_KINDS = ("title", "meta", "blank")
"""Kinds of line that stand above the header when they come first."""


def _walk(plan: SheetPlan) -> list[tuple[int, Line | None]]:
    """Every line with its 1-based row; header rows come as (row, None)."""
    out: list[tuple[int, Line | None]] = []
    row = 1 + plan.top
    header_done = False
    for line in plan.lines:
        if not header_done and line.kind not in PRE_HEADER_KINDS:
            for _ in range(plan.depth):
                out.append((row, None))
                row += 1
            header_done = True
        out.append((row, line))
        row += line.span
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

    def text_of(line: Line, field: str | None) -> str:
        if field is None or line.kind != "data" or field not in line.cells:
            return ""
        return line.cells[field].text()

    for field in plan.merged_down:
        start: tuple[int, str] | None = None
        last = 0
        owner = ""
        for row, line in [*rows, (0, Line("blank"))]:
            text = text_of(line, field)
            within = text_of(line, plan.merged_within)
            if start is not None and (text != start[1] or row != last + 1 or within != owner):
                if last > start[0]:
                    runs.append((field, start[0], last))
                start = None
            if start is None and text:
                start = (row, text)
                owner = within
            last = row
    return runs


def _covered(plan: SheetPlan) -> set[tuple[int, str]]:
    """(row, field) of cells inside a merged run below its first cell: left empty."""
    return {(r, f) for f, first, last in merged_runs(plan) for r in range(first + 1, last + 1)}


def rows_taken(plan: SheetPlan) -> int:
    """The last row the plan writes (the ``top`` of a table stacked under it is beyond)."""
    return max(row + (line.span - 1 if line else 0) for row, line in _walk(plan))


def paginate(
    plan: SheetPlan, every: int, pages_label: str = "第 {page} 页 共 {pages} 页"
) -> SheetPlan:
    """The plan as printed and then typed or exported page by page: after every ``every`` data
    lines a page footer (第 1 页 共 3 页) and the header row again; the last page's footer after
    the last data line. Only a one-row header is repeated."""
    if plan.depth != 1:
        raise ValueError("only a one-row header is repeated on every page")
    header = {c.field: Cell(c.path[0]) for c in plan.columns}
    data = sum(1 for line in plan.lines if line.kind == "data")
    pages = -(-data // every)
    lines: list[Line] = []
    seen = 0
    for line in plan.lines:
        if line.kind == "data" and seen and seen % every == 0:
            lines.append(Line("note", text=pages_label.format(page=seen // every, pages=pages)))
            lines.append(Line("header", cells=header))
        lines.append(line)
        if line.kind == "data":
            seen += 1
            if seen == data:
                lines.append(Line("note", text=pages_label.format(page=pages, pages=pages)))
    return attrs.evolve(plan, lines=tuple(lines))


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


def workbook(sheets: Sequence[SheetPlan | OtherSheet], *, font: str = "宋体") -> Workbook:
    """The sheets in order as an openpyxl workbook: titles merged across, headers bold and
    wrapped, fixed dates in the document properties so two runs give the same file content."""
    wb = Workbook()
    wb.remove(wb.active)
    cached: dict[tuple[str, str], Any] = {}
    wb.cached_values = cached  # type: ignore[attr-defined]  # for write_xlsx
    wb.properties.creator = "Administrator"
    wb.properties.created = datetime(2024, 1, 2, 9, 0)
    wb.properties.modified = datetime(2024, 1, 2, 9, 0)
    bold = Font(name=font, bold=True)
    wrap = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for plan in sheets:
        # a second table on the same sheet (``SheetPlan.top``) goes on the first one's worksheet
        ws = wb[plan.name] if plan.name in wb.sheetnames else wb.create_sheet(plan.name)
        if plan.hidden:
            ws.sheet_state = "hidden"
        if isinstance(plan, OtherSheet):
            for values in plan.rows:
                ws.append(list(values))
            continue
        left = plan.left
        right = left + len(plan.columns)
        for j, column in enumerate(plan.columns):
            dimension = ws.column_dimensions[get_column_letter(j + 1 + left)]
            dimension.width = column.width
            dimension.hidden = column.hidden
        grid = _header_grid(plan)
        index = {c.field: j + 1 + left for j, c in enumerate(plan.columns)}
        covered = _covered(plan)
        header_top = 0
        header_index = 0
        for row, line in _walk(plan):
            if line is None:
                header_top = header_top or row
                for j, text in enumerate(grid[header_index]):
                    if text is not None:
                        cell = ws.cell(row=row, column=j + 1 + left, value=text)
                        cell.font = bold
                        cell.alignment = wrap
                header_index += 1
                continue
            if line.text:
                ws.cell(row=row, column=1, value=line.text)
                if line.kind in ("title", "meta", "section", "note", "signature"):
                    ws.merge_cells(
                        start_row=row,
                        start_column=1,
                        end_row=row + line.span - 1,
                        end_column=right,
                    )
                if line.kind == "title":
                    ws.cell(row=row, column=1).font = Font(name=font, bold=True, size=16)
            for field, c in line.cells.items():
                if (row, field) in covered:
                    continue
                value = c.value
                if c.cached is not None:
                    value = str(value).format(row=row)
                    cached[(ws.title, f"{get_column_letter(index[field])}{row}")] = c.cached
                cell = ws.cell(row=row, column=index[field], value=value)
                cell.number_format = "@" if c.number_format == "text" else c.number_format
        for r1, c1, r2, c2 in _header_merges(plan, header_top):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for field, first, last in merged_runs(plan):
            ws.merge_cells(
                start_row=first, start_column=index[field], end_row=last, end_column=index[field]
            )
    return wb


def write_xlsx(path: Path, sheets: Sequence[SheetPlan | OtherSheet], *, font: str = "宋体") -> None:
    """Write the sheets in order as an .xlsx file (:func:`workbook`), each formula with the value
    Excel saves beside it (openpyxl writes none)."""
    wb = workbook(sheets, font=font)
    buffer = io.BytesIO()
    wb.save(buffer)
    cached: dict[tuple[str, str], Any] = wb.cached_values  # type: ignore[attr-defined]
    if not cached:
        path.write_bytes(buffer.getvalue())
        return
    parts = {f"xl/worksheets/sheet{i + 1}.xml": ws.title for i, ws in enumerate(wb.worksheets)}
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            title = parts.get(info.filename)
            if title is not None:
                text = data.decode("utf-8")
                for (sheet, ref), value in cached.items():
                    if sheet == title:
                        text = text.replace(f'<c r="{ref}"><f>', f'<c r="{ref}" t="n"><f>', 1)
                        head = text.index(f'<c r="{ref}"')
                        end = text.index("<v />", head)
                        text = text[:end] + f"<v>{value}</v>" + text[end + len("<v />") :]
                data = text.encode("utf-8")
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


# --- OpenDocument ---------------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.3"><manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(value: Any, spans: tuple[int, int] | None) -> str:
    attrs_ = ""
    if spans is not None:
        attrs_ = (
            f' table:number-rows-spanned="{spans[0]}" table:number-columns-spanned="{spans[1]}"'
        )
    if value is None:
        return f"<table:table-cell{attrs_}/>"
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return (
            f'<table:table-cell{attrs_} office:value-type="date"'
            f' office:date-value="{day.isoformat()}"><text:p>{day.isoformat()}</text:p>'
            "</table:table-cell>"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell{attrs_} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(value).split("\n"))
    return f'<table:table-cell{attrs_} office:value-type="string">{paragraphs}</table:table-cell>'


def write_ods(path: Path, sheets: Sequence[SheetPlan | OtherSheet]) -> None:
    """Write the sheets as LibreOffice saves an .ods: the same cells and merges as the .xlsx
    (:func:`workbook`), merged ranges as spanned cells over covered ones, hidden sheets and
    columns by their table styles."""
    wb = workbook(sheets)
    tables = []
    for ws in wb.worksheets:
        spans = {}
        covered = set()
        for merged in ws.merged_cells.ranges:
            spans[(merged.min_row, merged.min_col)] = (
                merged.max_row - merged.min_row + 1,
                merged.max_col - merged.min_col + 1,
            )
            covered |= {
                (r, c)
                for r in range(merged.min_row, merged.max_row + 1)
                for c in range(merged.min_col, merged.max_col + 1)
            } - {(merged.min_row, merged.min_col)}
        width = ws.max_column
        columns = "".join(
            '<table:table-column table:style-name="column"{}/>'.format(
                ' table:visibility="collapse"'
                if ws.column_dimensions[get_column_letter(j)].hidden
                else ""
            )
            for j in range(1, width + 1)
        )
        rows = []
        for r in range(1, ws.max_row + 1):
            cells = []
            for c in range(1, width + 1):
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                else:
                    cells.append(_ods_cell(ws.cell(row=r, column=c).value, spans.get((r, c))))
            rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        style = "hidden_sheet" if ws.sheet_state == "hidden" else "shown_sheet"
        tables.append(
            f'<table:table table:name={quoteattr(ws.title)} table:style-name="{style}">'
            f"{columns}{''.join(rows)}</table:table>"
        )
    styles = (
        "<office:automatic-styles>"
        '<style:style style:name="column" style:family="table-column">'
        '<style:table-column-properties style:column-width="2.5cm"/></style:style>'
        '<style:style style:name="shown_sheet" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="hidden_sheet" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        "</office:automatic-styles>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}'
        f' office:version="1.3">{styles}<office:body><office:spreadsheet>{"".join(tables)}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        # a fixed timestamp on every member: two runs give the same bytes
        def put(name: str, data: str, compress: int = zipfile.ZIP_DEFLATED) -> None:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 2, 9, 0, 0))
            info.compress_type = compress
            archive.writestr(info, data)

        put("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        put("META-INF/manifest.xml", _ODS_MANIFEST)
        put("content.xml", content)


def csv_rows(plan: SheetPlan) -> list[list[str]]:
    """The rows Excel's "CSV (逗号分隔)" writes: displayed values, a merged header parent only in
    its first column, every row padded to the used width."""
    width = plan.left + len(plan.columns)
    index = {c.field: j + plan.left for j, c in enumerate(plan.columns)}
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
                out[j + plan.left] = "" if continued else path[r]
            header_index += 1
        else:
            if line.text:
                out[0] = line.text
            for field, cell in line.cells.items():
                if (row, field) not in covered:
                    out[index[field]] = cell.text()
        rows.append(out)
        rows.extend([""] * width for _ in range((line.span if line else 1) - 1))
    return rows


def write_csv(
    path: Path, plan: SheetPlan, *, encoding: str = "gb18030", delimiter: str = ","
) -> None:
    """CRLF line ends; by default GB18030 bytes without a BOM and commas: the CSV Excel writes on
    Chinese Windows (``utf-8-sig`` is its "CSV UTF-8", with a BOM; a semicolon is what a
    European-locale Excel or a hand-set export uses)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(csv_rows(plan))
    path.write_bytes(buffer.getvalue().encode(encoding))


# --- legacy Excel 97-2003 (.xls) ------------------------------------------------------------------


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _unicode(text: str, *, short: bool = False) -> bytes:
    """A BIFF8 string, always written in UTF-16 (flag 1): a count of characters, then them."""
    encoded = text.encode("utf-16-le")
    count = struct.pack("<B", len(text)) if short else struct.pack("<H", len(text))
    return count + b"\x01" + encoded


_GENERAL_XF, _DATE_XF = 15, 16
"""Cell formats after the sixteen style formats Excel writes first: general, and a date (the
built-in number format 14, shown as a date)."""


def _xf(number_format: int, *, style: bool) -> bytes:
    # font 0, the number format, locked; a style XF has its parent field all ones
    kind = 0xFFF5 if style else 0x0001
    return _record(0x00E0, struct.pack("<HHH", 0, number_format, kind) + b"\0" * 14)


def _sheet_stream(ws: Any) -> bytes:
    cells = []
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            r, c = cell.row - 1, cell.column - 1
            if value is None:
                continue
            if isinstance(value, datetime | date):
                day = value.date() if isinstance(value, datetime) else value
                serial = float((day - date(1899, 12, 30)).days)
                cells.append(_record(0x0203, struct.pack("<HHHd", r, c, _DATE_XF, serial)))
            elif isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(_record(0x0203, struct.pack("<HHHd", r, c, _GENERAL_XF, value)))
            else:
                head = struct.pack("<HHH", r, c, _GENERAL_XF)
                cells.append(_record(0x0204, head + _unicode(str(value))))
    dimensions = struct.pack("<IIHHH", 0, ws.max_row, 0, ws.max_column, 0)
    merges = [
        struct.pack("<HHHH", m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1)
        for m in ws.merged_cells.ranges
    ]
    merged = _record(0x00E5, struct.pack("<H", len(merges)) + b"".join(merges)) if merges else b""
    return (
        _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
        + _record(0x0200, dimensions)
        + b"".join(cells)
        + merged
        + _record(0x000A, b"")
    )


def write_xls(path: Path, sheets: Sequence[SheetPlan | OtherSheet]) -> None:
    """Write the sheets as an Excel 97-2003 workbook (BIFF8 in a compound file), the same cells
    and merges as the .xlsx (:func:`workbook`): text as LABEL records, numbers and dates (a
    serial under a date format) as NUMBER records, hidden sheets marked so."""
    wb = workbook(sheets)
    streams = [_sheet_stream(ws) for ws in wb.worksheets]
    xfs = b"".join(_xf(0, style=True) for _ in range(15))
    xfs += _xf(0, style=False) + _xf(14, style=False)
    head = (
        _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
        + _record(0x0042, struct.pack("<H", 1200))  # CODEPAGE: UTF-16
        + _record(0x0022, struct.pack("<H", 0))  # DATEMODE: the 1900 date system
        + _record(
            0x0031,
            struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 134, 0)
            + _unicode("宋体", short=True),
        )
        + xfs
    )
    bound_sizes = [
        len(_record(0x0085, b"\0" * 6 + _unicode(ws.title, short=True))) for ws in wb.worksheets
    ]
    offset = len(head) + sum(bound_sizes) + len(_record(0x000A, b""))
    bounds = b""
    for ws, stream in zip(wb.worksheets, streams, strict=True):
        state = 1 if ws.sheet_state == "hidden" else 0
        bounds += _record(
            0x0085, struct.pack("<IBB", offset, state, 0) + _unicode(ws.title, short=True)
        )
        offset += len(stream)
    book = head + bounds + _record(0x000A, b"") + b"".join(streams)
    path.write_bytes(compound_file({"Workbook": book}))
