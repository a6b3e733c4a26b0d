"""A visit dated years away from its sheet's period is a warning at its date cell, and the visit
is kept (issue #16 point 2; the period is defined in ``socialwork_core.ledger.visit_dates``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from socialwork_national.formats import FORMAT
from workbooks import workbook as ledger

from socialwork_core.ledger import LoadResult, load_ledger
from socialwork_core.ledger.visit_dates import (
    MIN_VISITS_FOR_SPAN,
    YEARS_OF_SLACK,
    VisitPeriod,
    visit_period,
)

REGISTER = [["档案号", "姓名"], ["A1", "张三"], ["A2", "李四"]]
HEADER = ["探访日期", "档案号", "探访方式"]
FAR_CODES = {"ledger.visit_far_from_titled_year", "ledger.visit_far_from_sheet_dates"}


def visits_sheet(dates: list[str], title: str | None = None) -> list[list[object]]:
    rows: list[list[object]] = [[title, None, None]] if title else []
    rows.append(HEADER)
    rows += [[day, "A1" if i % 2 else "A2", "入户"] for i, day in enumerate(dates)]
    return rows


def load(tmp_path: Path, visits: list[list[object]], name: str = "l.xlsx") -> LoadResult:
    path = ledger(tmp_path / name, {"服务对象": REGISTER, "探访记录": visits})
    return load_ledger(path, FORMAT)


def far(result: LoadResult) -> list[tuple[int | None, str | None, str]]:
    return [(i.row, i.column, i.raw) for i in result.issues if i.code in FAR_CODES]


def test_a_visit_years_from_the_title_year_is_a_warning_at_its_cell_and_kept(
    tmp_path: Path,
) -> None:
    dates = ["2023-03-01", "2023-05-02", "2032-06-03", "2023-07-04"]
    result = load(tmp_path, visits_sheet(dates, title="某镇2023年探访记录"))
    # title on row 1, header on row 2: the 2032 visit is on row 5, its date in column A
    assert far(result) == [(5, "A", "2032-06-03")]
    (issue,) = [i for i in result.issues if i.code in FAR_CODES]
    assert issue.code == "ledger.visit_far_from_titled_year" and not issue.is_error
    assert "2032-06-03" in issue.message and "2023" in issue.message
    assert len(result.ledger.contacts) == 4 and not result.rejected
    assert date(2032, 6, 3) in {c.on for c in result.ledger.contacts}


def test_the_year_may_come_from_the_file_name(tmp_path: Path) -> None:
    result = load(tmp_path, visits_sheet(["2024-01-05", "2019-02-06"]), name="2024年台账.xlsx")
    assert far(result) == [(3, "A", "2019-02-06")]


def test_a_visit_within_a_year_of_the_period_passes(tmp_path: Path) -> None:
    # the previous year's last round and a visit filled in after the year's end
    dates = ["2022-12-28", "2023-04-01", "2024-01-03", "2024-12-31", "2022-01-01"]
    result = load(tmp_path, visits_sheet(dates, title="2023年探访记录"))
    assert far(result) == []


def test_without_a_year_in_the_title_the_sheet_s_own_dates_set_the_period(
    tmp_path: Path,
) -> None:
    dates = [f"2024-{month:02d}-10" for month in range(1, 11)] + ["2042-03-01", "2024-11-10"]
    result = load(tmp_path, visits_sheet(dates))
    assert far(result) == [(12, "A", "2042-03-01")]
    (issue,) = [i for i in result.issues if i.code in FAR_CODES]
    assert issue.code == "ledger.visit_far_from_sheet_dates"


def test_a_few_visits_without_a_title_year_are_not_checked(tmp_path: Path) -> None:
    result = load(tmp_path, visits_sheet(["2024-03-01", "2031-03-01"]))
    assert far(result) == [] and len(result.ledger.contacts) == 2


def test_the_same_wrong_date_is_named_on_every_row_that_holds_it(tmp_path: Path) -> None:
    dates = ["2023-03-01", "2003-03-01", "2023-05-01", "2003-03-01"]
    result = load(tmp_path, visits_sheet(dates, title="2023年度探访登记"))
    assert [row for row, _, _ in far(result)] == [4, 6]


def test_a_period_read_from_dates_is_the_middle_half_of_them() -> None:
    dates = [date(2020, 1, 1)] * 2 + [date(2023, 6, 1)] * 8 + [date(2031, 1, 1)] * 2
    assert visit_period(None, dates) == VisitPeriod(2023, 2023, from_title=False)
    assert visit_period(None, dates[: MIN_VISITS_FOR_SPAN - 1]) is None
    assert visit_period(2019, dates) == VisitPeriod(2019, 2019, from_title=True)


@given(
    year=st.integers(1990, 2090),
    offset=st.integers(-3000, 3000),
)
def test_a_date_is_held_exactly_when_within_the_slack_years(year: int, offset: int) -> None:
    day = date(year, 7, 1) + timedelta(days=offset)
    held = VisitPeriod(year, year, from_title=True).holds(day)
    assert held == (abs(day.year - year) <= YEARS_OF_SLACK)


@given(st.lists(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)), max_size=60))
def test_the_period_from_dates_is_the_middle_half_of_their_sorted_years(days: list[date]) -> None:
    # the quartiles are read off a count per year; they are those of the sorted years
    ordered = sorted(day.year for day in days)
    quarter = len(ordered) // 4
    expected = (
        VisitPeriod(ordered[quarter], ordered[-1 - quarter], from_title=False)
        if len(ordered) >= MIN_VISITS_FOR_SPAN
        else None
    )
    assert visit_period(None, days) == expected
