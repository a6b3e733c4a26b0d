"""The sparse path: a sheet with a stray cell far from its data, read without the empty box between.

calamine (python-calamine 0.9) has no sparse read: ``get_sheet_by_name`` fills a dense box from
A1 to the last row and column that hold a cell, about 32 bytes a cell, so one value in XFD1048576
asks for 512 GiB. When the pre-scan (``tabular.sources``) finds that box far larger than the
sheet's content, the sheet is read here instead:

1. The sheet's XML is streamed once for the rows and columns that hold something. **The data** is
   the block from A1 to the last row before a gap of more than ``ReadLimits.far_gap_rows`` empty
   rows, and to the last column before a gap of more than ``ReadLimits.far_gap_columns`` empty
   columns. Every other cell is **far from the data**.
2. The sheet is written again with the data's cells where they are, each far row moved up under
   the data (its cells in their columns, the rows between left out), and the cells in far columns
   left out. This compact sheet, with the workbook's styles and shared strings, is a one-sheet
   workbook in memory that calamine parses as usual, so values, dates and types are calamine's.
3. Rows are given back under their own row numbers. Each far cell is named in ``far_cells``: one
   in a far row is read with its row (a person typed a thousand rows down is still read); one in
   a far column stands under no header and is not read, its text given in the warning instead.

The compact box must still fit the bounds of an ordinary sheet (``min_sheet_box_cells`` or
``box_cells_per_byte`` times the content, and ``max_sheet_box_cells``): cells scattered all over
a sheet are still refused (``tabular.cell_far_from_data``). Merged ranges are cut to the data.
Memory: the positions of the rows that hold something, the compact sheet (smaller than the
sheet's own XML) and calamine's box, which the bound above holds to a multiple of the content.

The sparse path serves xlsx. An ods sheet's far cell is refused as before: its content is one
part for every sheet, and LibreOffice writes the empty space as repeats the pre-scan counts
already. A legacy .xls sheet is bounded by its format (``tabular.sources``).
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final
from xml.sax.saxutils import escape, quoteattr

import attrs
import python_calamine
from defusedxml import ElementTree as SafeET

from ..findings import Finding
from ..glossary.terms import Severity
from .cells import RawValue
from .issues import Issue

Merge = tuple[tuple[int, int], tuple[int, int]]

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_COPY_CHUNK: Final = 1 << 20
_REFERENCE: Final = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?c\s[^>]*?\br\s*=\s*[\"']([A-Za-z]{1,3})([0-9]{1,7})[\"'][^>]*(?<!/)>"
)
"""A cell's opening tag with its reference (a self-closing empty cell holds nothing)."""
NAMED_FAR_CELLS: Final = 50
"""Far cells named one by one; any more are counted in ``SparseRead.far_unnamed``."""
_FAR_TEXT: Final = 40
"""Characters of a far cell's text quoted in its warning."""


@attrs.frozen
class FarCell:
    """A cell far from a sheet's data (1-based ``row``, 0-based ``column``)."""

    ref: str
    """The cell as Excel names it: XFD1048576."""
    read: bool
    """True: read with its row (a far row); False: under no header, not read (a far column)."""
    text: str = ""
    """Its content as written (cut to a few words), for a cell not read."""


@attrs.frozen
class SparseLayout:
    """Where a sheet's data ends and which rows lie far below it."""

    data_rows: int
    """The data's last row (1-based): rows 1 to this one are kept in place."""
    data_columns: int
    """The data's last column (1-based): cells right of it are far."""
    far_rows: tuple[int, ...]
    """1-based numbers of the rows past the data that hold a cell in the data's columns."""
    far_cells: tuple[FarCell, ...]
    far_unnamed: int
    """Far cells beyond the ``NAMED_FAR_CELLS`` named."""

    @property
    def box(self) -> int:
        """Cells calamine allocates for the compact sheet."""
        return (self.data_rows + len(self.far_rows)) * self.data_columns


@attrs.frozen
class SparseRead:
    """What the sparse path gives ``tabular.sources`` for one sheet."""

    rows: Iterator[tuple[int, list[RawValue | None]]]
    merged: tuple[Merge, ...]
    """Merged ranges in the sheet's own coordinates (to be cut to the data by the caller)."""
    far_cells: tuple[FarCell, ...]
    far_unnamed: int


def far_cell_issues(sheet: str, far: tuple[FarCell, ...], unnamed: int) -> list[Issue]:
    """A warning at each far cell (read with its row, or not read with its text quoted), and
    one counting those not named."""
    issues: list[Issue] = []
    for cell in far:
        place = _split_ref(cell.ref)
        row, letters = (place[0], column_letters(place[1])) if place else (None, None)
        if cell.read:
            finding = Finding.of("tabular.far_cell_read", Severity.WARNING, cell=cell.ref)
        else:
            finding = Finding.of(
                "tabular.far_cell_not_read", Severity.WARNING, cell=cell.ref, text=cell.text
            )
        issues.append(Issue(finding, sheet, row, letters, raw=cell.text))
    if unnamed:
        more = Finding.of("tabular.far_cells_more", Severity.WARNING, sheet=sheet, count=unnamed)
        issues.append(Issue(more, sheet))
    return issues


def column_letters(number: int) -> str:
    """1 → A, 16384 → XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _split_ref(ref: str) -> tuple[int, int] | None:
    """``"XFD12"`` → (12, 16384), 1-based; ``None`` when not a cell reference."""
    cut = 0
    while cut < len(ref) and ref[cut].isalpha():
        cut += 1
    if not 0 < cut <= 3 or not ref[cut:].isdigit():
        return None
    return int(ref[cut:]), _column_number(ref[:cut])


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@attrs.define
class _Cell:
    row: int
    column: int
    kind: str
    style: str | None
    value: str
    """``<v>``'s text, or an inline string's text."""


def _cells(stream: IO[bytes]) -> Iterator[_Cell | Merge]:
    """Every cell holding something, in order, with its place (cells written without a
    reference take the place after the one before), then the merged ranges."""
    row = column = 0
    rows: Any = None  # the sheetData element: its finished rows are dropped as they end
    for event, element in SafeET.iterparse(stream, events=("start", "end")):
        name = _local(element.tag)
        if event == "start":
            if name == "row":
                number = element.get("r", "")
                row = int(number) if number.isdigit() else row + 1
                column = 0
            elif name == "sheetData":
                rows = element
            continue
        if name == "c":
            place = _split_ref(element.get("r", ""))
            if place is not None:
                row, column = place
            else:
                column += 1
            value = _value_of(element)
            if value is not None:
                yield _Cell(row, column, element.get("t", "n"), element.get("s"), value)
            element.clear()
        elif name == "row":
            element.clear()
            if rows is not None:
                rows.clear()  # a cleared row still holds memory while attached
        elif name == "mergeCell":
            merge = _merge_of(element.get("ref", ""))
            if merge is not None:
                yield merge
            element.clear()


def _value_of(cell: Any) -> str | None:
    """The text of a cell's ``<v>``, or its inline string's text runs (phonetic runs are not
    text); ``None`` when the cell holds nothing."""
    for child in cell:
        name = _local(child.tag)
        if name == "v":
            return str(child.text) if child.text else None
        if name == "is":
            return "".join(t.text or "" for t in _inline_runs(child)) or None
    return None


def _inline_runs(inline: Any) -> Iterator[Any]:
    for child in inline:
        name = _local(child.tag)
        if name == "t":
            yield child
        elif name == "r":
            yield from (t for t in child if _local(t.tag) == "t")


def _merge_of(ref: str) -> Merge | None:
    first, _, last = ref.partition(":")
    start, end = _split_ref(first), _split_ref(last or first)
    if start is None or end is None:
        return None
    return (start[0] - 1, start[1] - 1), (end[0] - 1, end[1] - 1)


def _end_before_gap(numbers: list[int], gap: int) -> int:
    """The last of the sorted ``numbers`` before a step of more than ``gap`` (0 when empty)."""
    last = 0
    for number in numbers:
        if last and number - last > gap + 1:
            break
        last = number
    return last


def measure(
    archive: zipfile.ZipFile, part: str, far_gap_rows: int, far_gap_columns: int
) -> SparseLayout:
    """Where the sheet's data ends (a quick pass over the cell references: a cell written
    without one only moves the ends a little, and both later passes take the same ends), then
    its far rows and cells (a pass that reads each cell)."""
    rows: set[int] = set()
    columns: set[int] = set()
    with archive.open(part) as stream:
        tail = b""
        while chunk := stream.read(_COPY_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            for letters, digits in _REFERENCE.findall(data):
                rows.add(int(digits))
                columns.add(_column_number(letters.decode()))
    if not rows:  # cells written without references only: read each to place it
        with archive.open(part) as stream:
            for item in _cells(stream):
                if isinstance(item, _Cell):
                    rows.add(item.row)
                    columns.add(item.column)
    data_rows = _end_before_gap(sorted(rows), far_gap_rows)
    data_columns = _end_before_gap(sorted(columns), far_gap_columns)
    del rows, columns
    far_rows: set[int] = set()
    far: list[FarCell] = []
    unnamed = 0
    shared: dict[int, list[int]] = {}  # shared string index → far cells quoting it
    with archive.open(part) as stream:
        for item in _cells(stream):
            if not isinstance(item, _Cell) or (
                item.row <= data_rows and item.column <= data_columns
            ):
                continue
            read = item.column <= data_columns
            if read:
                far_rows.add(item.row)
            if len(far) >= NAMED_FAR_CELLS:
                unnamed += 1
                continue
            text = "" if read else item.value[:_FAR_TEXT]
            if not read and item.kind == "s" and item.value.strip().isdigit():
                shared.setdefault(int(item.value), []).append(len(far))
            far.append(FarCell(f"{column_letters(item.column)}{item.row}", read, text))
    if shared:
        far = _quote_shared(archive, far, shared)
    return SparseLayout(data_rows, data_columns, tuple(sorted(far_rows)), tuple(far), unnamed)


def _quote_shared(
    archive: zipfile.ZipFile, far: list[FarCell], wanted: dict[int, list[int]]
) -> list[FarCell]:
    """The far cells that quote a shared string, given its text (read up to the last wanted)."""
    part = _part_of(archive, "sharedStrings")
    if part is None:
        return far
    last = max(wanted)
    index = -1
    with archive.open(part) as stream:
        for _event, element in SafeET.iterparse(stream, events=("end",)):
            if _local(element.tag) != "si":
                continue
            index += 1
            if index in wanted:
                text = "".join(t.text or "" for t in _inline_runs(element))[:_FAR_TEXT]
                for position in wanted[index]:
                    far[position] = attrs.evolve(far[position], text=text)
            element.clear()
            if index >= last:
                break
    return far


def _part_of(archive: zipfile.ZipFile, kind: str) -> str | None:
    """The workbook part of a relationship type (``styles``, ``sharedStrings``), if any."""
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{{{_PKG}}}Relationship"):
        if rel.get("Type", "").endswith("/" + kind):
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return name if name in archive.namelist() else None
    return None


def read(path: Path, part: str, name: str, layout: SparseLayout) -> SparseRead:
    """The sheet's rows through a compact one-sheet copy parsed by calamine (second pass)."""
    buffer = io.BytesIO()
    merged: list[Merge] = []
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        with source.open(part) as stream, target.open("xl/worksheets/sheet1.xml", "w") as out:
            merged = _write_compact(stream, out, layout)
        extra_rels = ""
        for number, kind in enumerate(("styles", "sharedStrings"), start=2):
            found = _part_of(source, kind)
            if found is None:
                continue
            with source.open(found) as stream, target.open(f"xl/{kind}.xml", "w") as out:
                while chunk := stream.read(_COPY_CHUNK):
                    out.write(chunk)
            extra_rels += (
                f'<Relationship Id="rId{number}" Type="{_REL}/{kind}" Target="{kind}.xml"/>'
            )
        _write_package(target, name, _date1904(source), extra_rels)
    buffer.seek(0)
    book = python_calamine.CalamineWorkbook.from_filelike(buffer)
    try:
        sheet = book.get_sheet_by_name(name)
    finally:
        book.close()
    return SparseRead(_rows(sheet, layout), tuple(merged), layout.far_cells, layout.far_unnamed)


def _rows(
    sheet: python_calamine.CalamineSheet, layout: SparseLayout
) -> Iterator[tuple[int, list[RawValue | None]]]:
    # calamine gives every row from the first, each from the first used column (as in sources)
    offset = sheet.start[1] if sheet.start is not None else 0
    pad: list[RawValue | None] = [None] * offset
    far_rows, data_rows = layout.far_rows, layout.data_rows
    for index, cells in enumerate(sheet.iter_rows()):
        original = index if index < data_rows else far_rows[index - data_rows] - 1
        yield original, [*pad, *cells]


def _write_compact(stream: IO[bytes], out: IO[bytes], layout: SparseLayout) -> list[Merge]:
    """The compact sheet: the data's cells in place, far rows moved up under the data, far
    columns left out. Returns the sheet's merged ranges."""
    merged: list[Merge] = []
    out.write(
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()
    )
    row = 0
    pieces: list[str] = []
    for item in _cells(stream):
        if not isinstance(item, _Cell):
            merged.append(item)
            continue
        if item.column > layout.data_columns:
            continue
        target = item.row
        if target > layout.data_rows:
            target = layout.data_rows + bisect.bisect_left(layout.far_rows, item.row) + 1
        if target != row:
            if pieces:
                out.write("".join(pieces).encode())
                out.write(b"</row>")
            pieces = [f'<row r="{target}">']
            row = target
        pieces.append(_cell_xml(item, target))
    if pieces:
        out.write("".join(pieces).encode())
        out.write(b"</row>")
    out.write(b"</sheetData></worksheet>")
    return merged


def _cell_xml(cell: _Cell, row: int) -> str:
    ref = quoteattr(f"{column_letters(cell.column)}{row}")
    style = f" s={quoteattr(cell.style)}" if cell.style is not None else ""
    if cell.kind == "inlineStr":
        text = escape(cell.value)
        return f'<c r={ref} t="inlineStr"{style}><is><t xml:space="preserve">{text}</t></is></c>'
    return f"<c r={ref} t={quoteattr(cell.kind)}{style}><v>{escape(cell.value)}</v></c>"


def _date1904(archive: zipfile.ZipFile) -> bool:
    book = SafeET.fromstring(archive.read("xl/workbook.xml"))
    for element in book.iter():
        if _local(element.tag) == "workbookPr":
            return element.get("date1904", "0").lower() in ("1", "true")
    return False


def _write_package(target: zipfile.ZipFile, name: str, date1904: bool, extra_rels: str) -> None:
    properties = '<workbookPr date1904="1"/>' if date1904 else ""
    target.writestr(
        "[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/></Types>',
    )
    target.writestr(
        "_rels/.rels",
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
    )
    target.writestr(
        "xl/workbook.xml",
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">{properties}<sheets><sheet '
        f'name={quoteattr(name)} sheetId="1" r:id="rId1"/></sheets></workbook>',
    )
    target.writestr(
        "xl/_rels/workbook.xml.rels",
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
        f'Target="worksheets/sheet1.xml"/>{extra_rels}</Relationships>',
    )
