"""A report as a styled, printable workbook (A4, title block, table, footer, bar charts).

Every cell goes through :func:`socialwork_core.tabular.writer.safe_cell`, so no ledger text becomes
a formula, and every text first goes through :func:`~.masking.mask_text`, so no full ID or phone
number reaches the file. Charts need a normal (not write-only) workbook; reports are small.

Layout of the one sheet: title; reporting unit and period; each section's heading, its tables
(header row styled, a unit column where the table has one and no unit repeated in the label, a bar
chart below a table that asks for one, titled and comparing only rows of one unit that are not a
total) and its dated entries (社工站, 日期, 工作内容, long text wrapped inside the table); 本期无
under an empty section or table; notes; the figures that could not be computed with their
reasons; the signature block (填表人、审核人、负责人、单位（盖章）、日期). Column widths follow the
content and the page is chosen by ``tabular.printing`` (A4 portrait when the form fits it, text
never shrunk under 10 pt, 第 &P 页 共 &N 页 at the foot).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..glossary import vocabulary as words
from ..glossary.indicators_text import (
    APPROXIMATE_PREFIX,
    CHART_TITLE,
    CONTENT_LABEL,
    DATE_LABEL,
    NOT_COMPUTABLE_LABEL,
    NOT_COMPUTABLE_MARK,
    NOTES_LABEL,
    PERIOD_SEPARATOR,
    REASON_LABEL,
    SECTION_NUMBERING,
    STATION_LABEL,
    UNIT_COLUMN_LABEL,
    UNIT_IN_LABEL,
    FigureUnit,
)
from ..indicators.figures import Figure
from ..tabular.atomic import atomic_path
from ..tabular.printing import (
    LANDSCAPE_UNITS,
    LINE_HEIGHT_POINTS,
    PORTRAIT_UNITS,
    PageLayout,
    apply_page_layout,
    display_width,
    lines_needed,
    plan_widths,
)
from ..tabular.writer import CellKind, safe_cell, safe_sheet_name
from .masking import mask_text
from .model import Report, Row, Section, Table

__all__ = ["figure_cell_value", "report_workbook", "write_report"]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_MIN_COLUMNS = 4
NUMBERING = re.compile(SECTION_NUMBERING)


def _date(day: Any) -> str:
    return words.written_date(day.year, day.month, day.day)


def figure_cell_value(figure: Figure) -> int | Decimal | str:
    """What a figure's cell holds: the number, ``约`` + the amount for an approximate one, or
    ``无法计算`` (never zero) for one the ledger cannot support."""
    if figure.value is None:
        return NOT_COMPUTABLE_MARK
    if figure.approximate:
        return APPROXIMATE_PREFIX + format(figure.value, "f")
    return figure.value


def _figure_cell(sheet: Worksheet, figure: Figure) -> Any:
    value = figure_cell_value(figure)
    if isinstance(value, str):
        return safe_cell(sheet, value, CellKind.TEXT)
    if figure.unit is FigureUnit.YUAN:
        return safe_cell(sheet, value, CellKind.MONEY)
    if isinstance(value, int):
        return safe_cell(sheet, value, CellKind.INTEGER)
    return safe_cell(sheet, value, CellKind.NUMBER)


_CHART_ROWS = 16
"""Rows left empty under a table for its chart (15 pt each: 8.5 cm for a 7.6 cm chart)."""
_ROW_POINTS = 15.0
_CM_PER_UNIT = 0.19
"""Width of one column unit on paper at 100 % (about 7 pixels at 96 dpi)."""
_LABEL_WIDTH = (16.0, 30.0)
_VALUE_WIDTH = (8.0, 14.0)
_SIGNATURE_POINTS = 30.0
_FILL = 0.85


class _Writer:
    def __init__(self, sheet: Worksheet, widths: list[float]) -> None:
        self.sheet = sheet
        self.widths = widths
        self.width = len(widths)
        self.row = 0

    def text(self, value: str) -> Any:
        return safe_cell(self.sheet, mask_text(value), CellKind.TEXT)

    def append(self, cells: list[Any]) -> int:
        self.sheet.append(cells)
        self.row += 1
        return self.row

    def blank(self, count: int = 1, height: float | None = None) -> None:
        for _ in range(count):
            row = self.append([])
            if height is not None:
                self.sheet.row_dimensions[row].height = height

    def line(self, value: str, *, bold: bool = False, size: int | None = None) -> int:
        row = self.append([self.text(value)])
        self.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.width)
        cell = self.sheet.cell(row=row, column=1)
        cell.font = Font(bold=bold, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        lines = lines_needed(mask_text(value), sum(self.widths))
        if lines > 1:
            self.sheet.row_dimensions[row].height = lines * LINE_HEIGHT_POINTS + 4
        return row

    def header(self, labels: list[str]) -> int:
        row = self.append([self.text(label) for label in labels])
        lines = 1
        for column, label in enumerate(labels, start=1):
            cell = self.sheet.cell(row=row, column=column)
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            lines = max(lines, lines_needed(label, self.widths[column - 1]))
        if lines > 1:  # Excel and LibreOffice do not grow a row for wrapped text on their own
            self.sheet.row_dimensions[row].height = lines * LINE_HEIGHT_POINTS + 4
        return row

    def bordered(self, row: int, columns: int) -> None:
        for column in range(1, columns + 1):
            self.sheet.cell(row=row, column=column).border = _BORDER

    def wrapped_row(self, row: int, texts: dict[int, tuple[str, float]]) -> None:
        """Wrap the cells ``texts`` names (column → text and the width it has) and make the row
        tall enough for them."""
        lines = 1
        for column, (text, width) in texts.items():
            cell = self.sheet.cell(row=row, column=column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, lines_needed(text, width))
        if lines > 1:
            self.sheet.row_dimensions[row].height = lines * LINE_HEIGHT_POINTS + 4


def _label(table: Table, row: Row) -> str:
    """The row's label, without a unit in brackets that the unit column repeats
    (入户探访（人次） | 514 | 人次 reads 入户探访 | 514 | 人次)."""
    if table.with_units and row.figures:
        unit = row.figures[0].unit.label
        for suffix in (form.format(unit=unit) for form in UNIT_IN_LABEL):
            if row.label.endswith(suffix) and len(row.label) > len(suffix):
                return row.label[: -len(suffix)]
    return row.label


def _headers(table: Table) -> list[str]:
    return (
        list(table.headers)
        + ([UNIT_COLUMN_LABEL] if table.with_units else [])
        + ([table.note_header] if table.note_header else [])
    )


def _charted(table: Table) -> list[int]:
    """Indices of the rows a chart compares: not a total, counted (not 无法计算), in the unit
    most rows share. Empty when they are not one unbroken run of rows, or fewer than two."""
    units = Counter(r.figures[0].unit for r in table.rows if r.figures and not r.total)
    if not units:
        return []
    unit = units.most_common(1)[0][0]
    chosen = [
        i
        for i, r in enumerate(table.rows)
        if r.figures
        and not r.total
        and r.figures[0].unit is unit
        and r.figures[0].value is not None
        and not r.figures[0].approximate
    ]
    if len(chosen) < 2 or chosen != list(range(chosen[0], chosen[-1] + 1)):
        return []
    return chosen


def _chart_title(table: Table, section: str) -> str:
    """The table's title, else its section's heading without its number (三、关爱探访 → 关爱探访),
    with the unit the bars count in."""
    title = table.title or NUMBERING.sub("", section)
    unit = table.rows[_charted(table)[0]].figures[0].unit.label
    return CHART_TITLE.format(title=title, unit=unit)


def _table(writer: _Writer, table: Table, section: str) -> None:
    if table.title:
        writer.line(table.title, bold=True)
    headers = _headers(table)
    header_row = writer.header(headers)
    for row in table.rows:
        label = _label(table, row)
        cells = [writer.text(label)]
        cells += [_figure_cell(writer.sheet, figure) for figure in row.figures]
        if table.with_units and row.figures:
            cells.append(writer.text(row.figures[0].unit.label))
        if table.note_header:
            cells.append(writer.text(row.note or ""))
        number = writer.append(cells)
        writer.bordered(number, len(headers))
        long = {1: (mask_text(label), writer.widths[0])}
        if table.note_header and row.note:
            long[len(headers)] = (mask_text(row.note), writer.widths[len(headers) - 1])
        writer.wrapped_row(number, long)
    if not table.rows:
        _nothing(writer, len(headers))
    charted = _charted(table) if table.chart else []
    if charted:
        chart = BarChart()
        chart.type = "col"
        chart.title = mask_text(_chart_title(table, section))
        chart.legend = None
        chart.height = 7.6
        chart.width = min(16.0, sum(writer.widths) * _CM_PER_UNIT)
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.y_axis.majorGridlines = None
        first, last = header_row + 1 + charted[0], header_row + 1 + charted[-1]
        data = Reference(writer.sheet, min_col=2, min_row=first, max_row=last)
        categories = Reference(writer.sheet, min_col=1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(categories)
        writer.blank()
        writer.sheet.add_chart(chart, f"A{writer.row + 1}")
        writer.blank(_CHART_ROWS, _ROW_POINTS)


def _nothing(writer: _Writer, columns: int) -> None:
    """本期无 under an empty table or section, so the printed form says so."""
    row = writer.append([writer.text(words.NOTHING_THIS_PERIOD)])
    writer.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    writer.bordered(row, columns)
    writer.sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")


def _natural_widths(report: Report, columns: int) -> list[float]:
    """Column widths the report's content asks for: the label column as wide as its longest label
    (within bounds), each value column as its header (wrapped past the upper bound) or value."""
    widths = [_LABEL_WIDTH[0]] + [_VALUE_WIDTH[0]] * (columns - 1)
    for section in report.sections:
        for table in section.tables:
            headers = _headers(table)
            for row in table.rows:
                widths[0] = max(widths[0], display_width(_label(table, row)) + 2)
                for index, figure in enumerate(row.figures, start=1):
                    value = figure_cell_value(figure)
                    text = value if isinstance(value, str) else format(value, ",")
                    widths[index] = max(widths[index], display_width(text) + 3)
            for index, header in enumerate(headers[1:], start=1):
                widths[index] = max(widths[index], min(display_width(header) + 2, _VALUE_WIDTH[1]))
            if table.note_header:
                notes = [display_width(r.note or "") for r in table.rows]
                last = len(headers) - 1
                widths[last] = max(widths[last], min(max(notes, default=0) + 2, 24))
        for entry in section.entries:
            widths[0] = max(widths[0], display_width(entry.station) + 2)
            widths[1] = max(widths[1], 12.0)
    widths[0] = min(widths[0], _LABEL_WIDTH[1])
    return widths


def _filled(layout: PageLayout) -> PageLayout:
    """A narrow form widened to most of its page's width, so its title and notes do not wrap in a
    strip down the left of the paper."""
    page = LANDSCAPE_UNITS if layout.landscape else PORTRAIT_UNITS
    total = sum(layout.widths)
    if not layout.fit_to_width or total >= _FILL * page:
        return layout
    factor = _FILL * page / total
    return attrs.evolve(layout, widths=tuple(round(w * factor, 1) for w in layout.widths))


def _columns(report: Report) -> int:
    return max(
        [_MIN_COLUMNS] + [len(_headers(t)) for section in report.sections for t in section.tables]
    )


def report_workbook(report: Report) -> Workbook:
    """The report as an openpyxl workbook (one sheet), ready to save."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = safe_sheet_name(report.title)
    layout = _filled(plan_widths(_natural_widths(report, _columns(report))))
    writer = _Writer(sheet, list(layout.widths))
    for column, width in enumerate(layout.widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    title_row = writer.line(report.title, bold=True, size=16)
    sheet.row_dimensions[title_row].height = 28
    sheet.cell(row=title_row, column=1).alignment = Alignment(horizontal="center")
    period = (
        words.PERIOD_UP_TO_WRITTEN + _date(report.period.end)
        if report.period.from_records_start
        else f"{_date(report.period.start)}{PERIOD_SEPARATOR}{_date(report.period.end)}"
    )
    writer.line(
        words.FOOTER_GAP.join(
            (words.REPORTING_UNIT_LABEL + report.unit, words.PERIOD_LABEL + period)
        )
    )
    for section in report.sections:
        writer.append([])
        writer.line(section.title, bold=True, size=12)
        for table in section.tables:
            _table(writer, table, section.title)
        if section.entries:
            _entries(writer, section)
        elif not section.tables:
            _nothing(writer, writer.width)
    if report.notes:
        writer.append([])
        writer.line(NOTES_LABEL, bold=True)
        for note in report.notes:
            writer.line(note)
    if report.not_computable:
        writer.append([])
        writer.line(NOT_COMPUTABLE_LABEL, bold=True)
        writer.header([NOT_COMPUTABLE_LABEL, REASON_LABEL])
        sheet.merge_cells(
            start_row=writer.row, start_column=2, end_row=writer.row, end_column=writer.width
        )
        for item in report.not_computable:
            row = writer.append([writer.text(item.label), writer.text(item.reason)])
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=writer.width)
            writer.bordered(row, writer.width)
            writer.wrapped_row(
                row,
                {
                    1: (item.label, layout.widths[0]),
                    2: (mask_text(item.reason), sum(layout.widths[1:])),
                },
            )
    _signatures(writer, report)
    apply_page_layout(sheet, layout)
    return workbook


def _entries(writer: _Writer, section: Section) -> None:
    sheet = writer.sheet
    writer.header([STATION_LABEL, DATE_LABEL, CONTENT_LABEL])
    last = writer.row
    sheet.merge_cells(start_row=last, start_column=3, end_row=last, end_column=writer.width)
    content_width = sum(writer.widths[2:])
    for entry in section.entries:
        row = writer.append(
            [
                writer.text(entry.station),
                safe_cell(sheet, entry.on, CellKind.DATE),
                writer.text(entry.text),
            ]
        )
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=writer.width)
        writer.bordered(row, writer.width)
        writer.wrapped_row(
            row,
            {
                1: (mask_text(entry.station), writer.widths[0]),
                3: (mask_text(entry.text), content_width),
            },
        )


def _signatures(writer: _Writer, report: Report) -> None:
    """The signature block: 填表人、审核人、负责人 on one line, 单位（盖章） and 日期 on the next,
    each line tall enough to sign on."""
    footer = report.footer
    writer.blank()
    for parts in (
        (
            words.PREPARER_LABEL + footer.preparer,
            words.REVIEWER_LABEL + footer.reviewer,
            words.HEAD_LABEL,
        ),
        (words.SEAL_LABEL, words.SIGNED_ON_LABEL + _date(footer.filled_on)),
    ):
        row = writer.line(_SIGNATURE_GAP.join(parts))
        writer.sheet.row_dimensions[row].height = _SIGNATURE_POINTS
        writer.sheet.cell(row=row, column=1).alignment = Alignment(vertical="bottom")


_SIGNATURE_GAP = words.FOOTER_GAP * 3


def write_report(report: Report, path: str | Path) -> Path:
    """Save the report as an .xlsx file at ``path`` (written beside it and renamed into place, so
    an interrupted write leaves any file already there whole); return the path."""
    target = Path(path)
    workbook = report_workbook(report)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target
