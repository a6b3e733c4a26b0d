"""A report as a styled, printable workbook (A4, title block, table, footer, bar charts).

Every cell goes through :func:`socialwork_core.tabular.writer.safe_cell`, so no ledger text becomes
a formula, and every text first goes through :func:`~.masking.mask_text`, so no full ID or phone
number reaches the file. Charts need a normal (not write-only) workbook; reports are small.

Layout of the one sheet: title; reporting unit and period; each section's heading, its tables
(header row styled, a unit column where the table has one, a bar chart beside a table that asks
for one) and its dated entries (社工站, 日期, 工作内容); notes; the figures that could not be
computed with their reasons; the footer 填表人 / 审核人 / 填报日期.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..glossary import vocabulary as words
from ..glossary.indicators_text import (
    APPROXIMATE_PREFIX,
    CONTENT_LABEL,
    DATE_LABEL,
    NOT_COMPUTABLE_LABEL,
    NOT_COMPUTABLE_MARK,
    NOTES_LABEL,
    PERIOD_SEPARATOR,
    REASON_LABEL,
    STATION_LABEL,
    UNIT_COLUMN_LABEL,
    FigureUnit,
)
from ..indicators.figures import Figure
from ..tabular.atomic import atomic_path
from ..tabular.writer import CellKind, safe_cell, safe_sheet_name
from .masking import mask_text
from .model import Report, Table

__all__ = ["figure_cell_value", "report_workbook", "write_report"]

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_MIN_COLUMNS = 4


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


class _Writer:
    def __init__(self, sheet: Worksheet, width: int) -> None:
        self.sheet = sheet
        self.width = width
        self.row = 0

    def text(self, value: str) -> Any:
        return safe_cell(self.sheet, mask_text(value), CellKind.TEXT)

    def append(self, cells: list[Any]) -> int:
        self.sheet.append(cells)
        self.row += 1
        return self.row

    def line(self, value: str, *, bold: bool = False, size: int | None = None) -> int:
        row = self.append([self.text(value)])
        self.sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.width)
        cell = self.sheet.cell(row=row, column=1)
        cell.font = Font(bold=bold, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        return row

    def header(self, labels: list[str]) -> int:
        row = self.append([self.text(label) for label in labels])
        for column in range(1, len(labels) + 1):
            cell = self.sheet.cell(row=row, column=column)
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        return row

    def bordered(self, row: int, columns: int) -> None:
        for column in range(1, columns + 1):
            self.sheet.cell(row=row, column=column).border = _BORDER


def _table(writer: _Writer, table: Table) -> None:
    if table.title:
        writer.line(table.title, bold=True)
    headers = list(table.headers) + ([UNIT_COLUMN_LABEL] if table.with_units else [])
    headers += [table.note_header] if table.note_header else []
    header_row = writer.header(headers)
    for row in table.rows:
        cells = [writer.text(row.label)]
        cells += [_figure_cell(writer.sheet, figure) for figure in row.figures]
        if table.with_units and row.figures:
            cells.append(writer.text(row.figures[0].unit.label))
        if table.note_header:
            cells.append(writer.text(row.note or ""))
        writer.bordered(writer.append(cells), len(headers))
    if table.chart and table.rows:
        chart = BarChart()
        chart.type = "col"
        chart.title = mask_text(table.title or table.headers[1])
        chart.legend = None
        chart.height = 7
        chart.width = 14
        data = Reference(
            writer.sheet, min_col=2, min_row=header_row, max_row=header_row + len(table.rows)
        )
        categories = Reference(
            writer.sheet, min_col=1, min_row=header_row + 1, max_row=header_row + len(table.rows)
        )
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        anchor = f"{get_column_letter(len(headers) + 2)}{header_row}"
        writer.sheet.add_chart(chart, anchor)


def report_workbook(report: Report) -> Workbook:
    """The report as an openpyxl workbook (one sheet), ready to save."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = safe_sheet_name(report.title)
    widest = max(
        [_MIN_COLUMNS]
        + [
            len(t.headers) + int(t.with_units) + int(t.note_header is not None)
            for section in report.sections
            for t in section.tables
        ]
    )
    writer = _Writer(sheet, widest)
    sheet.column_dimensions["A"].width = 30
    for column in range(2, widest + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14
    title_row = writer.line(report.title, bold=True, size=16)
    sheet.row_dimensions[title_row].height = 28
    sheet.cell(row=title_row, column=1).alignment = Alignment(horizontal="center")
    period = f"{_date(report.period.start)}{PERIOD_SEPARATOR}{_date(report.period.end)}"
    writer.line(
        words.FOOTER_GAP.join(
            (words.REPORTING_UNIT_LABEL + report.unit, words.PERIOD_LABEL + period)
        )
    )
    for section in report.sections:
        writer.append([])
        writer.line(section.title, bold=True, size=12)
        for table in section.tables:
            _table(writer, table)
        if section.entries:
            writer.header([STATION_LABEL, DATE_LABEL, CONTENT_LABEL])
            for entry in section.entries:
                row = writer.append(
                    [
                        writer.text(entry.station),
                        safe_cell(sheet, entry.on, CellKind.DATE),
                        writer.text(entry.text),
                    ]
                )
                sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=widest)
                sheet.cell(row=row, column=3).alignment = Alignment(wrap_text=True)
    if report.notes:
        writer.append([])
        writer.line(NOTES_LABEL, bold=True)
        for note in report.notes:
            writer.line(note)
    if report.not_computable:
        writer.append([])
        writer.line(NOT_COMPUTABLE_LABEL, bold=True)
        writer.header([NOT_COMPUTABLE_LABEL, REASON_LABEL])
        for item in report.not_computable:
            row = writer.append([writer.text(item.label), writer.text(item.reason)])
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=widest)
            sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
    footer = report.footer
    writer.append([])
    writer.line(
        words.FOOTER_GAP.join(
            (
                words.PREPARER_LABEL + footer.preparer,
                words.REVIEWER_LABEL + footer.reviewer,
                words.FILLED_ON_LABEL + _date(footer.filled_on),
            )
        )
    )
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return workbook


def write_report(report: Report, path: str | Path) -> Path:
    """Save the report as an .xlsx file at ``path`` (written beside it and renamed into place, so
    an interrupted write leaves any file already there whole); return the path."""
    target = Path(path)
    workbook = report_workbook(report)
    with atomic_path(target) as temporary:
        workbook.save(temporary)
    return target
