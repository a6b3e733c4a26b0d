"""A date written over part columns (年 | 月 | 日, 月 | 日): which header columns form one date, and
the date their cells write, read as any date cell is."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import FindingError
from socialwork_core.tabular.cells import date_value
from socialwork_core.tabular.context import reading_year
from socialwork_core.tabular.date_parts import composed_date, parts_in


@pytest.mark.parametrize(
    ("texts", "column", "run"),
    [
        (["姓名", "月", "日", "方式"], 1, ((1, "month"), (2, "day"))),
        (["姓名", "月", "日", "方式"], 2, ((1, "month"), (2, "day"))),
        (["年", "月", "日"], 0, ((0, "year"), (1, "month"), (2, "day"))),
        (["年份", "月 份", "号"], 1, ((0, "year"), (1, "month"), (2, "day"))),
        (["序号", "日", "月"], 1, ()),  # not in a date's order
        (["月", "方式", "日"], 0, ()),  # not side by side
        (["走访日期", "月", "日"], 0, ()),  # the column itself is no part
    ],
)
def test_the_part_columns_are_a_run_of_part_words_in_a_dates_order(
    texts: list[str], column: int, run: tuple[tuple[int, str], ...]
) -> None:
    assert parts_in(texts, column) == run


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_three_part_cells_write_their_date(day: date) -> None:
    written = composed_date(("year", "month", "day"), [day.year, float(day.month), str(day.day)])
    assert written is not None
    assert date_value(written) == day


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_month_and_day_cells_take_the_year_the_sheet_is_read_in(day: date) -> None:
    written = composed_date(("month", "day"), [f"{day.month}月", f"{day.day}日"])
    with reading_year(day.year):
        assert date_value(written or "") == day


def test_blank_parts_are_no_date_and_a_missing_or_impossible_part_does_not_read() -> None:
    assert composed_date(("month", "day"), [None, " "]) is None
    for values in ([4, None], [13, 6], [2, 30]):
        written = composed_date(("month", "day"), values)
        assert written is not None
        with reading_year(2024), pytest.raises(FindingError):
            date_value(written)
