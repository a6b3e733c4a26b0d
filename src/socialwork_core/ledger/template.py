"""The blank ledger template (空白台账模板): an empty workbook in a ledger format's layout, for a
station to fill in by hand.

``write_template(path, fmt)`` writes every sheet of ``fmt`` under its first sheet name, with the
headers ``write_ledger`` writes, then a 填表说明 sheet that explains each column (what it holds,
required or not, the words it accepts, the other headers it is also known by). Coded columns get a
drop-down list (Excel data validation) of the words they accept, read from a hidden 可选值 sheet
(an inline list is limited to 255 characters, too few for a province's categories); a column that
takes several words per cell keeps the list as a suggestion and accepts any text. Resident ID,
phone, certificate and code columns are formatted as text, so Excel never turns an ID number into
a number that loses its last three digits.

Reading the template back with ``load_ledger`` and the same format gives an empty ledger and no
error: the two extra sheets are neither a sheet name of the format nor headed like one.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ..glossary import DisabilityGrade, DisabilityKind
from ..glossary import template_text as text
from ..glossary import vocabulary as words
from ..tabular import CellKind, Column, SheetSpec, display_width, write_workbook
from ..tabular import writer as table_writer
from ..tabular.atomic import atomic_path
from ..tabular.sources import require_defused_openpyxl
from .format import FieldColumn, LedgerFormat, SheetFormat, ValueType
from .writing import cell_kind

__all__ = ["TEMPLATE_ROWS", "accepted_words", "column_hint", "write_template"]

TEMPLATE_ROWS = 2000
"""How many rows under each header the drop-down lists and text formats cover."""

_TEXT_FIELDS = frozenset(
    {
        "key",
        "id",
        "code",
        "parent_code",
        "division_code",
        "station_code",
        "recipient_keys",
        "participant_keys",
        "case_id",
        "alert_id",
        "campaign_id",
        "worker_id",
        "worker_ids",
        "disability_certificate",
    }
)
"""Identifier fields: kept as text so leading zeros and long digit strings survive Excel."""


def accepted_words(column: FieldColumn) -> tuple[str, ...]:
    """The words a coded column accepts, in the order its drop-down list offers them; empty for a
    column that is not coded (text, dates, numbers …)."""
    if column.type is ValueType.LABEL:
        return tuple(column.label_map())
    if column.type is ValueType.YES_NO:
        return (words.YES_TEXT, words.NO_TEXT)
    if column.type is ValueType.DISABILITY:
        return tuple(
            f"{kind.label}{grade.label}" for kind in DisabilityKind for grade in DisabilityGrade
        )
    return ()


def _as_text(column: FieldColumn) -> bool:
    return (
        column.type in (ValueType.RESIDENT_ID, ValueType.PHONES, ValueType.PHONE)
        or column.field in _TEXT_FIELDS
        or column.field.endswith("phone")
    )


def column_hint(sheet: SheetFormat, column: FieldColumn) -> str:
    """What the column holds and how it is filled in, as 填表说明 says it."""
    field_hint = text.FIELD_HINTS.get(f"{sheet.kind.value}.{column.field}") or text.FIELD_HINTS.get(
        column.field
    )
    parts = [field_hint] if field_hint else []
    parts.append(text.TYPE_HINTS[column.type.value])
    if column.multi:
        parts.append(text.MULTI_HINT)
    return text.HINT_JOINER.join(parts)


def _instruction_rows(fmt: LedgerFormat) -> Iterator[list[str]]:
    for sheet in fmt.sheets:
        name = sheet.sheet_names[0] + (text.REQUIRED_SHEET if sheet.required else "")
        for column in sheet.columns:
            yield [
                name,
                column.header,
                column_hint(sheet, column),
                text.REQUIRED if column.required else text.OPTIONAL,
                words.LIST_JOINER.join(accepted_words(column)),
                words.LIST_JOINER.join(column.headers[1:]),
            ]


def _sheet_specs(fmt: LedgerFormat) -> list[SheetSpec]:
    return [
        SheetSpec(
            sheet.sheet_names[0],
            [
                Column(c.header, CellKind.ID if _as_text(c) else cell_kind(c.type))
                for c in sheet.columns
            ],
            [],
        )
        for sheet in fmt.sheets
    ]


_INSTRUCTION_WIDTHS = (24.0, 16.0, 56.0, 10.0, 48.0, 30.0)
_LINE_HEIGHT = 15.0


def _height(values: Sequence[str], widths: Sequence[float]) -> float:
    """A row's height for its wrapped text: spreadsheet programs do not all size rows on opening."""
    lines = max(
        (
            math.ceil(display_width(v) / max(w - 1.0, 1.0))
            for v, w in zip(values, widths, strict=False)
            if v
        ),
        default=1,
    )
    return _LINE_HEIGHT * max(lines, 1)


def _add_instructions(book: Workbook, fmt: LedgerFormat) -> None:
    sheet = book.create_sheet(text.INSTRUCTIONS_SHEET)
    for index, width in enumerate(_INSTRUCTION_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    wrapped = Alignment(wrap_text=True, vertical="top")
    row = 0
    for line in text.INTRODUCTION:
        row += 1
        sheet.cell(row, 1).value = line
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row, 1).alignment = wrapped
        sheet.row_dimensions[row].height = _height([line], [sum(_INSTRUCTION_WIDTHS)])
    row += 2
    for column, heading in enumerate(text.INSTRUCTIONS_HEADINGS, start=1):
        sheet.cell(row, column).value = heading
        sheet.cell(row, column).style = table_writer.HEADER_STYLE
    sheet.freeze_panes = sheet.cell(row + 1, 1)
    sheet.print_title_rows = f"{row}:{row}"
    for values in _instruction_rows(fmt):
        row += 1
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            cell.value = value
            cell.data_type = "s"  # adapters' words are text, never a formula
            cell.alignment = wrapped
        sheet.row_dimensions[row].height = _height(values, _INSTRUCTION_WIDTHS)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _finish(path: Path, fmt: LedgerFormat) -> None:
    """Add what the streamed writer cannot: column text formats, drop-down lists, the options."""
    require_defused_openpyxl(path)
    # Opened as a stream: openpyxl refuses a path whose suffix is not .xlsx (ours is .part).
    with path.open("rb") as stream:
        book = openpyxl.load_workbook(stream)
    options = book.create_sheet(text.OPTIONS_SHEET)
    options.sheet_state = "hidden"
    option_column = 0
    last = TEMPLATE_ROWS + 1
    for sheet in fmt.sheets:
        target = book[sheet.sheet_names[0]]
        for index, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(index)
            if _as_text(column):
                target.column_dimensions[letter].number_format = "@"
            listed = accepted_words(column)
            if not listed:
                continue
            option_column += 1
            option_letter = get_column_letter(option_column)
            options.cell(1, option_column).value = text.OPTIONS_HEADER.format(
                sheet=sheet.sheet_names[0], header=column.header
            )
            for row, word in enumerate(listed, start=2):
                cell = options.cell(row, option_column)
                cell.value = word
                cell.data_type = "s"  # a word is never a formula
            source = (
                f"{quote_sheetname(text.OPTIONS_SHEET)}!"
                f"${option_letter}$2:${option_letter}${len(listed) + 1}"
            )
            validation = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                # A column of several words per cell takes any text; the list only suggests.
                showErrorMessage=not column.multi,
                errorTitle=column.header,
                error=text.TYPE_HINTS[ValueType.LABEL.value],
            )
            validation.add(f"{letter}2:{letter}{last}")
            target.add_data_validation(validation)
    _add_instructions(book, fmt)
    # The instructions come right after the ledger's sheets; the hidden options last.
    book.move_sheet(text.OPTIONS_SHEET, offset=len(book.sheetnames))
    book.save(path)


def write_template(path: str | Path, fmt: LedgerFormat) -> Path:
    """Write an empty ledger in ``fmt``'s layout to ``path`` (.xlsx); return the path.

    The file appears at ``path`` only once complete (written beside it, then renamed)."""
    target = Path(path)
    with atomic_path(target) as temporary:
        write_workbook(temporary, _sheet_specs(fmt))
        _finish(temporary, fmt)
    return target
