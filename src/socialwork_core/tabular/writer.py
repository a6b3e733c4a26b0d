"""Writing workbooks safely: every data cell goes through ``safe_cell``.

- Text from data never becomes a formula: every text cell is stored as a string (never ``<f>``),
  and text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return also gets Excel's
  quote prefix, so editing the cell in Excel does not turn it into one either. The text itself is
  unchanged, with three exceptions forced by the format, each said in the cell's comment (it is
  highlighted): characters XML cannot hold (control characters other than tab, line feed and
  carriage return, U+FFFE, U+FFFF, lone surrogates) are written as U+FFFD; text longer than an
  Excel cell holds (32,767 characters) is cut there; and a carriage return is written as a line
  feed (XML parsers turn a raw CR into LF anyway; LF is Excel's line break in a cell).
- Resident IDs and phone numbers are text with number format ``@``; dates are dates
  (``yyyy-mm-dd``); money is a number with two decimals (``#,##0.00``), an approximate amount is
  text that reads back as approximate (“20000余元”).
- Sheets get a styled, frozen header row, widths that suit Chinese text (a CJK character counts
  double), and optionally a title block (title, reporting unit, period) and a form footer (填表人,
  审核人, 填报日期). Print set-up (``printing``): A4, portrait when the table fits, else
  landscape with the widest columns narrowed and their text wrapped inside the table (rows made
  tall enough), header row repeated on every page, 第 N 页 共 M 页 at the foot.
- A value wrapped in ``Flagged`` is written highlighted, with its note as the cell's comment.
- Workbooks are written in openpyxl's write-only mode, rows streamed from any iterable, so large
  outputs keep memory flat.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

import attrs
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

from ..glossary import LabelledEnum
from ..glossary import vocabulary as words
from ..glossary.messages import render_message
from .atomic import atomic_path
from .cells import Money, money_text, raw_text
from .printing import (
    LINE_HEIGHT_POINTS,
    apply_page_layout,
    display_width,
    lines_needed,
    plan_widths,
)

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with one of these is given a quote prefix (CSV/formula injection)."""
_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; lone surrogates; U+FFFE and
U+FFFF): a workbook holding one cannot be opened."""
REPLACEMENT: Final = "\ufffd"
"""What stands in a written cell for each character of ``_ILLEGAL`` (the cell says so)."""
MAX_CELL_CHARS: Final = 32_767
"""The most characters an Excel cell holds; longer text is cut there, and the cell says so."""
_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
TEXT_FORMAT: Final = "@"
DATE_FORMAT: Final = "yyyy-mm-dd"
TIME_FORMAT: Final = "hh:mm:ss"
MONEY_FORMAT: Final = "#,##0.00"
_SAMPLE_ROWS: Final = 200
_MAX_WIDTH: Final = 60.0
_MIN_WIDTH: Final = 6.0
_HEADER_WIDTH: Final = 16.0
HEADER_STYLE: Final = "socialwork_header"
TITLE_STYLE: Final = "socialwork_title"


class CellKind(StrEnum):
    """How a column's values are written."""

    TEXT = "text"
    ID = "id"
    """Resident IDs, certificate numbers and other codes: always text, format ``@``."""
    PHONE = "phone"
    """Phone numbers: always text, format ``@``."""
    DATE = "date"
    TIME = "time"
    """A time of day (``hh:mm:ss``)."""
    MONEY = "money"
    INTEGER = "integer"
    NUMBER = "number"
    YES_NO = "yes_no"


@attrs.frozen
class Column:
    """One output column: its header and how its values are written."""

    header: str
    kind: CellKind = CellKind.TEXT
    width: float | None = None
    """Character width; computed from the header and the first rows when ``None``."""


@attrs.frozen
class TitleBlock:
    """The lines above an official form's table: title, reporting unit, period."""

    title: str
    reporting_unit: str | None = None
    period: str | None = None
    period_label: str = words.PERIOD_LABEL
    """What the period line is called: 统计期间： by default; a list of one day says 计算日期：."""


@attrs.frozen
class FormFooter:
    """The signature line below an official form's table: 填表人, 审核人, 填报日期."""

    preparer: str = ""
    reviewer: str = ""
    filled_on: date | None = None


class Highlight(StrEnum):
    """The fill of a flagged cell, by how serious its note is."""

    ERROR = "FFC7CE"
    WARNING = "FFEB9C"
    INFO = "DDEBF7"


@attrs.frozen
class Flagged:
    """A cell value written with a highlight and a comment (the problem found in that cell)."""

    value: Any
    note: str
    highlight: Highlight = Highlight.ERROR


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(value)


@attrs.frozen
class SheetSpec:
    """One sheet to write. ``rows`` may be any iterable (a generator streams)."""

    name: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: Iterable[Sequence[Any]] = attrs.field(eq=False)
    title: TitleBlock | None = None
    footer: FormFooter | None = None
    landscape: bool | None = None
    """Force the orientation; by default portrait when the table fits it (``printing``)."""


def safe_sheet_name(name: str) -> str:
    """A valid sheet name: forbidden characters replaced by ``_``, at most 31 characters."""
    cleaned = _SHEET_NAME_FORBIDDEN.sub("_", name).strip("'") or "Sheet"
    return cleaned[:31]


def _text(value: Any) -> str:
    if isinstance(value, Flagged):
        return _text(value.value)
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, bool):
        return words.YES_TEXT if value else words.NO_TEXT
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, tuple | list | frozenset | set):
        items = sorted(value) if isinstance(value, frozenset | set) else value
        return words.LIST_JOINER.join(_text(item) for item in items)
    return raw_text(value)


def safe_cell(
    sheet: WriteOnlyWorksheet, value: Any, kind: CellKind = CellKind.TEXT
) -> WriteOnlyCell:
    """The one way a data value becomes a cell. See the module docstring for the rules."""
    if isinstance(value, Flagged):
        cell = safe_cell(sheet, value.value, kind)
        cell.fill = PatternFill("solid", fgColor=value.highlight.value)
        if value.note:
            written = cell.comment.text if cell.comment is not None else ""
            cell.comment = _comment(value.note + (f"\n{written}" if written else ""))
        return cell
    if value is None or (isinstance(value, str) and not value):
        return WriteOnlyCell(sheet, value=None)
    if kind is CellKind.DATE and isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        cell = WriteOnlyCell(sheet, value=day)
        cell.number_format = DATE_FORMAT
        return cell
    if kind is CellKind.TIME and isinstance(value, time):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = TIME_FORMAT
        return cell
    if kind is CellKind.MONEY and (
        (isinstance(value, Decimal | int) and not isinstance(value, bool))
        or (isinstance(value, Money) and not value.approximate)
    ):
        amount = value.amount if isinstance(value, Money) else Decimal(value)
        cell = WriteOnlyCell(sheet, value=Decimal(format(amount, "f")))
        cell.number_format = MONEY_FORMAT
        return cell
    if kind is CellKind.INTEGER and isinstance(value, int) and not isinstance(value, bool):
        return WriteOnlyCell(sheet, value=value)
    if (
        kind is CellKind.NUMBER
        and isinstance(value, int | float | Decimal)
        and not isinstance(value, bool)
    ):
        return WriteOnlyCell(sheet, value=value)
    return _text_cell(sheet, _text(value), kind)


def _text_cell(sheet: WriteOnlyWorksheet, value: str, kind: CellKind) -> WriteOnlyCell:
    text, remark = writable_text(value)
    cell = WriteOnlyCell(sheet, value=None)
    cell.value = text
    cell.data_type = "s"  # never "f", whatever the text starts with
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    if kind in (CellKind.ID, CellKind.PHONE):
        cell.number_format = TEXT_FORMAT
    if remark:
        cell.fill = PatternFill("solid", fgColor=Highlight.WARNING.value)
        cell.comment = _comment(remark)
    return cell


def writable_text(value: str) -> tuple[str, str]:
    """``value`` as a cell can hold it, and the remark that says what was changed ("" when
    nothing was): each character XML cannot hold becomes U+FFFD, a carriage return a line feed,
    and text past ``MAX_CELL_CHARS`` characters is cut there (never silently: the remark says
    how long the text was and how much of it the cell holds)."""
    text, replaced = _ILLEGAL.subn(REPLACEMENT, value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    remarks = []
    if replaced:
        remarks.append(render_message("tabular.characters_replaced", count=replaced))
    if len(text) > MAX_CELL_CHARS:
        remarks.append(render_message("tabular.text_cut", length=len(text), kept=MAX_CELL_CHARS))
        text = text[:MAX_CELL_CHARS]
    return text, "".join(remarks)


def _comment(note: str) -> Comment:
    comment = Comment(_ILLEGAL.sub(REPLACEMENT, note)[:MAX_CELL_CHARS], words.COMMENT_AUTHOR)
    comment.width = 320
    comment.height = max(80, 20 * lines_needed(note, 40))
    return comment


def _styles(workbook: Workbook) -> None:
    thin = Side(style="thin", color="808080")
    header = NamedStyle(
        name=HEADER_STYLE,
        font=Font(bold=True),
        fill=PatternFill("solid", fgColor="D9E1F2"),
        border=Border(left=thin, right=thin, top=thin, bottom=thin),
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
    )
    title = NamedStyle(
        name=TITLE_STYLE,
        font=Font(bold=True, size=16),
        alignment=Alignment(horizontal="center", vertical="center"),
    )
    workbook.add_named_style(header)
    workbook.add_named_style(title)


def _label_cell(sheet: WriteOnlyWorksheet, text: str, style: str | None = None) -> WriteOnlyCell:
    cell = _text_cell(sheet, text, CellKind.TEXT)
    if style is not None:
        cell.style = style
    return cell


def _widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    """Each column's natural width: its header's and its longest sampled value's, capped."""
    widths: list[float] = []
    for index, column in enumerate(columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = min(display_width(column.header), _HEADER_WIDTH)  # a header wraps past this
        for row in sample:
            if index < len(row) and row[index] is not None:
                longest = max(longest, display_width(_text(row[index])))
        widths.append(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH))
    return widths


def _write_sheet(workbook: Workbook, spec: SheetSpec, scratch: Path) -> None:
    sheet = workbook.create_sheet(safe_sheet_name(spec.name))
    columns = spec.columns
    last = get_column_letter(max(len(columns), 1))
    rows: Iterator[Sequence[Any]] = iter(spec.rows)
    sample = list(itertools.islice(rows, _SAMPLE_ROWS))
    layout = plan_widths(
        _widths(columns, sample), landscape=spec.landscape, fixed=_unbreakable(columns, sample)
    )
    # a cell of several lines, or wider than its column (a column of a set width), wraps
    multiline = [
        any(
            index < len(r)
            and r[index] is not None
            and (
                "\n" in _text(r[index]) or display_width(_text(r[index])) > layout.widths[index] - 1
            )
            for r in sample
        )
        for index in range(len(columns))
    ]
    layout = attrs.evolve(
        layout, wrapped=tuple(w or m for w, m in zip(layout.wrapped, multiline, strict=True))
    )
    for index, width in enumerate(layout.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    has_unit_line = spec.title is not None and bool(spec.title.reporting_unit or spec.title.period)
    header_row = (0 if spec.title is None else 1 + int(has_unit_line)) + 1
    # sheet views, widths and page set-up precede the rows in the file: set them before any append
    sheet.freeze_panes = f"A{header_row + 1}"
    apply_page_layout(sheet, layout, title_rows=f"{header_row}:{header_row}", title_columns="A:A")
    _stream_to(sheet, scratch)  # writes the sheet's top (views, widths) as openpyxl would here
    current = 0
    if spec.title is not None:
        current += 1
        sheet.row_dimensions[current].height = 28
        title = _label_cell(sheet, spec.title.title, TITLE_STYLE)
        if layout.fit_to_width:
            sheet.append([title])
            sheet.merged_cells.add(f"A{current}:{last}{current}")
        else:  # printed across pages: a title centred over them all would be cut in two
            title.alignment = Alignment(horizontal="left", vertical="center")
            sheet.append([title])
        parts = []
        if spec.title.reporting_unit:
            parts.append(words.REPORTING_UNIT_LABEL + spec.title.reporting_unit)
        if spec.title.period:
            parts.append(spec.title.period_label + spec.title.period)
        if parts:
            current += 1
            sheet.append([_label_cell(sheet, words.FOOTER_GAP.join(parts))])
            if layout.fit_to_width:
                sheet.merged_cells.add(f"A{current}:{last}{current}")
    current += 1
    sheet.row_dimensions[current].height = _height(
        [column.header for column in columns], layout.widths, layout.wrapped, every=True
    )
    sheet.append([_label_cell(sheet, column.header, HEADER_STYLE) for column in columns])
    kinds = [column.kind for column in columns]
    wraps = any(layout.wrapped)
    for row in itertools.chain(sample, rows):
        current += 1
        cells = [safe_cell(sheet, value, kind) for value, kind in zip(row, kinds, strict=False)]
        if wraps:
            texts = ["" if value is None else _text(value) for value in row]
            if any(layout.wrapped[i] and texts[i] for i in range(min(len(texts), len(columns)))):
                sheet.row_dimensions[current].height = _height(texts, layout.widths, layout.wrapped)
                for index, cell in enumerate(cells[: len(columns)]):
                    cell.alignment = _WRAPPED if layout.wrapped[index] else _TOP
        sheet.append(cells)
    if spec.footer is not None:
        footer = spec.footer
        filled = (
            words.written_date(footer.filled_on.year, footer.filled_on.month, footer.filled_on.day)
            if footer.filled_on is not None
            else ""
        )
        line = words.FOOTER_GAP.join(
            (
                words.PREPARER_LABEL + footer.preparer,
                words.REVIEWER_LABEL + footer.reviewer,
                words.FILLED_ON_LABEL + filled,
            )
        )
        sheet.append([])
        sheet.append([_label_cell(sheet, line)])
        current += 2
        sheet.merged_cells.add(f"A{current}:{last}{current}")


_WRAPPED: Final = Alignment(wrap_text=True, vertical="top")
_TOP: Final = Alignment(vertical="top")
_UNBREAKABLE_KINDS: Final = frozenset(CellKind) - {CellKind.TEXT}
_BREAKS: Final = re.compile(r"[\s\u2e80-\uffef]")
"""Where text can wrap: spaces, and between CJK characters and full-width punctuation."""


def _unbreakable(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> set[int]:
    """Columns that must keep their width: numbers, dates, ID and phone numbers, and text
    columns whose values are single tokens (codes, ID numbers written as text)."""
    fixed = set()
    for index, column in enumerate(columns):
        if column.kind in _UNBREAKABLE_KINDS:
            fixed.add(index)
            continue
        texts = [_text(r[index]) for r in sample if index < len(r) and r[index] is not None]
        if texts and not any(_BREAKS.search(t) for t in texts) and max(map(len, texts)) <= 24:
            fixed.add(index)
    return fixed


def _height(
    texts: Sequence[str], widths: Sequence[float], wrapped: Sequence[bool], *, every: bool = False
) -> float:
    """A row's height so its wrapped cells show every line (``every``: all cells wrap, as header
    cells do)."""
    lines = 1
    for text, width, wraps in zip(texts, widths, wrapped, strict=False):
        if text and (every or wraps):
            lines = max(lines, lines_needed(text, width))
    return lines * LINE_HEIGHT_POINTS + 4


def _abandon(workbook: Workbook) -> None:
    """Close the sheets of a write-only workbook whose rows failed part-way (an error, Ctrl-C) and
    remove the scratch files openpyxl streams them to, so nothing half-written stays behind."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def write_workbook(path: str | Path, sheets: Iterable[SheetSpec]) -> Path:
    """Write ``sheets`` to a new .xlsx file at ``path`` (streamed); return the path.

    The file is written beside ``path`` and renamed into place (``atomic_path``): an interrupted
    write leaves any file already at ``path`` whole. The rows openpyxl streams before it zips
    them (the whole register, for a ledger) go to a private folder (``scratch_folder``), removed
    when the write ends, however it ends."""
    target = Path(path)
    with scratch_folder() as scratch:
        workbook = Workbook(write_only=True)
        _styles(workbook)
        try:
            for spec in sheets:
                _write_sheet(workbook, spec, scratch)
        except BaseException:
            _abandon(workbook)
            raise
        with atomic_path(target) as temporary:
            workbook.save(temporary)
    return target


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A folder only this user can enter (mode 0700, ``tempfile.mkdtemp``) for openpyxl's
    streamed sheets, removed with everything in it when the block ends, by an error or Ctrl-C
    too. (openpyxl's own choice is a ``openpyxl.*`` file in the shared temporary folder that a
    killed process leaves behind; the command line turns SIGTERM and SIGHUP into an ordinary
    exit so this block's end still runs; only SIGKILL leaves the folder, unreadable to others.)"""
    folder = Path(tempfile.mkdtemp(prefix="socialwork-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stream_to(sheet: WriteOnlyWorksheet, scratch: Path) -> None:
    """Give the write-only sheet its writer now, streaming to a file in ``scratch`` (what
    openpyxl 3.1's ``WriteOnlyWorksheet._get_writer`` does, with a file of our choosing)."""
    out = tempfile.mkstemp(prefix="sheet.", suffix=".xml", dir=scratch)
    os.close(out[0])
    ALL_TEMP_FILES.append(out[1])  # openpyxl's cleanup removes its scratch files from this list
    sheet._writer = WorksheetWriter(sheet, out=out[1])
    sheet._writer.write_top()
