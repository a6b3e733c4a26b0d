"""A table whose header stands under another table on its sheet, however long that one is: the
header is found by its row, scored as a sheet's top rows are, not within a fixed number of rows;
the rows above it are the other table's (``Table.above_at``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from socialwork_core.tabular import ColumnSpec, TableSpec, WorkbookError, read_table
from socialwork_core.tabular.reader import lower_header_rows
from socialwork_core.tabular.sources import open_workbook

PEOPLE = TableSpec(
    columns=[
        ColumnSpec("key", ("档案号",)),
        ColumnSpec("name", ("姓名",), required=True),
        ColumnSpec("village", ("村居",)),
    ],
    foreign_headers=frozenset({"走访日期", "走访方式", "记录编号"}),
)
LOG_HEADER = ["记录编号", "走访日期", "档案号", "走访方式"]
PEOPLE_ROWS = [["A1", "陈大明", "孔头村"], ["A2", "李秀英", "南坡村"]]

MakeXlsx = Callable[..., Path]


def stacked(xlsx: MakeXlsx, visits: int, *, title: bool = True) -> Path:
    """A visit log of ``visits`` rows, two empty rows, then the people's (titled) table."""
    log = [
        [f"V{n:04}", date(2024, 1, 1) + timedelta(days=n % 300), "A1", "入户"]
        for n in range(visits)
    ]
    people = [["服务对象名册"]] if title else []
    people += [["档案号", "姓名", "村居"], *PEOPLE_ROWS]
    return xlsx([LOG_HEADER, *log, [], [], *people])


@pytest.mark.parametrize("visits", [3, 14, 15, 16, 40, 400])
@pytest.mark.parametrize("title", [True, False])
def test_the_table_under_another_is_read_whatever_the_length_of_that_one(
    xlsx: MakeXlsx, visits: int, title: bool
) -> None:
    path = stacked(xlsx, visits, title=title)
    with read_table(path, PEOPLE) as table:
        rows = [(row.number, row.values["name"]) for row in table]
        header = table.layout.header_rows[0]
        above = table.above_at
    assert header == visits + 4 + title  # the log's header and rows, two empty rows, a title
    assert rows == [(header + 1, "陈大明"), (header + 2, "李秀英")]
    assert above == visits + 1  # 0-based: the log's rows stop at the empty rows under it
    assert [i.code for i in table.issues].count("tabular.table_above") == 1


def test_a_sheet_whose_rows_never_head_the_table_is_still_no_table(xlsx: MakeXlsx) -> None:
    path = xlsx([LOG_HEADER, *[[f"V{n}", date(2024, 1, 1), "A1", "入户"] for n in range(40)]])
    with pytest.raises(WorkbookError) as raised:
        read_table(path, PEOPLE)
    assert raised.value.code == "tabular.sheet_not_found"


def test_a_cell_that_says_a_header_in_a_data_row_heads_nothing(xlsx: MakeXlsx) -> None:
    """A cell reading 姓名 in a row of the log above, beside a date: a data row, passed over."""
    log = [[f"V{n}", date(2024, 1, 1), "A1", "姓名" if n > 20 else "入户"] for n in range(40)]
    path = xlsx([LOG_HEADER, *log, [], ["档案号", "姓名", "村居"], *PEOPLE_ROWS])
    with read_table(path, PEOPLE) as table:
        assert [row.values["name"] for row in table] == ["陈大明", "李秀英"]


def test_the_rows_starting_a_table_lower_on_a_sheet_are_given_for_format_detection(
    xlsx: MakeXlsx,
) -> None:
    path = stacked(xlsx, 40)
    with open_workbook(path) as workbook:
        rows = workbook.sheet("Sheet1").rows
        lower = lower_header_rows(row for row in rows if row[0] >= 15)
    texts = [[v for v in cells if v] for _, cells in lower]
    assert ["档案号", "姓名", "村居"] in texts
    assert not any("V0020" in t for t in texts)  # no visit's row
