"""Reading and writing tables, with no domain knowledge: ``socialwork_core.tabular``.

Reading (``read_table``): find a table in a sheet of an .xlsx/.xlsm/.xls/.ods workbook (read with
python-calamine) or a CSV file (UTF-8 with or without BOM, or GB18030/GBK, detected) by its
headers: the header row is searched in the first rows (title rows above are normal), a two-row
header (a merged group heading over its sub-columns) matches as “group/sub” or “sub”; merged cells
give their value to every row they span; blank rows are skipped; footer and total rows (合计, 填表人,
…) are skipped and reported; unknown columns are kept as ``extras``. Cells are coerced by the
column's coercer (``tabular.cells``), each problem an ``Issue`` with sheet, Excel row number,
column letter, header, raw value and a ``Finding``.

Writing (``write_workbook``): styled, printable, streamed workbooks in which no data text ever
becomes a formula (``safe_cell``).

Stable codes
------------
Files (raised as ``WorkbookError``):
``tabular.file_not_found``, ``tabular.unsupported_format``, ``tabular.workbook_encrypted``,
``tabular.not_a_workbook`` (HTML, CSV or another zip named .xlsx), ``tabular.workbook_truncated``,
``tabular.workbook_unreadable``, ``tabular.xml_entities`` (DOCTYPE/ENTITY in an XML part),
``tabular.workbook_too_large`` (zip bomb, ``ReadLimits.max_uncompressed_bytes``),
``tabular.unsafe_xml_parser`` (openpyxl without defusedxml), ``tabular.csv_undecodable``,
``tabular.csv_invalid_byte`` (a BOM says UTF-8, a byte is not), ``tabular.csv_quote_unclosed``,
``tabular.csv_quote_misplaced``, ``tabular.csv_field_too_long`` (CSV read in strict mode, the line
named), ``tabular.cell_far_from_data`` (cells scattered so that even the sparse path's compact
box is far larger than the sheet's content), ``tabular.sheet_too_large``,
``tabular.text_too_large`` (shared text copied into cells), ``tabular.too_many_merged_cells``
(the limits of ``ReadLimits``),
``tabular.sheet_not_found``, ``tabular.header_not_found``, ``tabular.required_columns_missing``.

Table remarks (``Table.issues``): ``tabular.sheet_found_by_headers`` (info),
``tabular.extra_columns_kept`` (info), ``tabular.duplicate_column`` (warning),
``tabular.date_in_parts`` (info: a date field written over 年 | 月 | 日 columns, read as one date:
``tabular.date_parts``), ``tabular.date_in_parts_no_year`` (info: over 月 | 日, in the sheet's year),
``tabular.footer_row_skipped`` (info), ``tabular.hidden_sheet_skipped`` (info),
``tabular.table_ended`` (info: another table's header lower on the sheet ends this table, and
``read_table(free=…)`` finds that table from there: a visit log stacked under the register),
``tabular.table_beside`` (info: another table beside this one, past empty columns: this table
is read left of it and ``read_table(free=…)`` finds the other there),
``tabular.table_above`` (info: another table's header above this one's: ``read_table(free=…)``
finds that table in the rows above; a header under another table longer than the rows a header
is first looked for in is found by its row, scored as the top's are),
``tabular.codes_from_legend`` (info: a column of words written as codes, 01 for 低保, read through
the workbook's legend sheet: ``tabular.legends``), ``tabular.codes_without_legend`` (warning: a
coded column no legend fits),
``tabular.hidden_rows_read`` (info: hidden rows under the header, read like the others),
``tabular.far_cell_read`` (warning: a cell in a row far below the data, read with its row),
``tabular.far_cell_not_read`` (warning: a cell in a column far right of the data, under no
header, its text quoted), ``tabular.far_cells_more`` (warning: how many more were not named); the
last three come from the sparse path (``tabular.sparse``).

Cells (``Row.issues``): ``tabular.required_value_missing``, ``tabular.date_invalid``,
``tabular.date_impossible`` (2024/6/31), ``tabular.date_year_missing`` (1月5日 read with no
``reading_year``), ``tabular.date_century_missing`` (24.6.5 read with none),
``tabular.time_invalid``, ``tabular.integer_invalid``,
``tabular.number_invalid``, ``tabular.money_invalid``, ``tabular.yes_no_invalid``,
``tabular.label_unrecognised``, ``tabular.label_likely_slip`` (a word one slip away from one
the column knows, named, never read in its place) (errors); ``tabular.formula_without_value`` (warning; the cell is
read as empty), ``tabular.error_value`` (warning: an Excel error value such as #N/A, read as
empty), ``tabular.date_number_ambiguous`` (warning: 5.2 in a number cell, read as 5月2日,
may have been 5.20), ``tabular.date_year_only`` (warning: 2024 alone read as 2024-01-01, never as a
serial), ``tabular.time_in_date_unread`` (warning: 2024-7-5 25:00 read as its day, the
time left empty: ``date_and_time``); ``tabular.money_approximate``, ``tabular.date_month_only``,
``tabular.date_short_year`` (24.6.5 read in the century of the reading context),
``tabular.date_in_numerals`` (二〇二四年三月五日 read as 2024-03-05) (infos).

Reading context (``tabular.context``): ``reading_year(year)`` / ``reading_period(first, last)``
say which year a date written without one (1月5日, 4.8) is in, for the cells read inside the
``with``; ``year_in_text`` finds the year a title or period line names.

Coercers from other modules add their own codes (``resident_id.*``).
"""

from __future__ import annotations

from .atomic import atomic_path, write_text_atomic
from .cells import (
    Coerced,
    Coercer,
    Money,
    RawValue,
    choice,
    date_and_time,
    date_value,
    decimal_value,
    exact_labels,
    excel_serial_to_date,
    integer,
    money,
    money_text,
    money_value,
    normalise_label,
    raw_text,
    split_values,
    text,
    time_value,
    yes_no,
)
from .context import reading_period, reading_span, reading_year, year_for, year_in_text
from .errors import WorkbookError
from .issues import Issue, column_letter
from .printing import display_width
from .reader import Layout, Row, Table, read_table
from .rows import is_blank
from .sources import (
    ReadLimits,
    SheetData,
    Workbook,
    detect_csv_encoding,
    load_openpyxl,
    open_workbook,
    require_defused_openpyxl,
)
from .spec import ColumnSpec, TableSpec
from .writer import (
    CellKind,
    Column,
    Flagged,
    FormFooter,
    Highlight,
    SheetSpec,
    TitleBlock,
    safe_cell,
    safe_sheet_name,
    write_workbook,
)

__all__ = [
    "CellKind",
    "Coerced",
    "Coercer",
    "Column",
    "ColumnSpec",
    "Flagged",
    "FormFooter",
    "Highlight",
    "Issue",
    "Layout",
    "Money",
    "RawValue",
    "ReadLimits",
    "Row",
    "SheetData",
    "SheetSpec",
    "Table",
    "TableSpec",
    "TitleBlock",
    "Workbook",
    "WorkbookError",
    "atomic_path",
    "choice",
    "column_letter",
    "date_and_time",
    "date_value",
    "decimal_value",
    "detect_csv_encoding",
    "display_width",
    "exact_labels",
    "excel_serial_to_date",
    "integer",
    "is_blank",
    "load_openpyxl",
    "money",
    "money_text",
    "money_value",
    "normalise_label",
    "open_workbook",
    "raw_text",
    "read_table",
    "reading_period",
    "reading_span",
    "reading_year",
    "require_defused_openpyxl",
    "safe_cell",
    "safe_sheet_name",
    "split_values",
    "text",
    "time_value",
    "write_text_atomic",
    "write_workbook",
    "year_for",
    "year_in_text",
    "yes_no",
]
