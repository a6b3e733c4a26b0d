"""Report periods: calendar kinds tile the calendar, weeks start on a regional weekday."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core import periods
from socialwork_core.periods import (
    CALENDAR_KINDS,
    Period,
    PeriodKind,
    containing,
    cumulative,
    date_range,
    half_year,
    iso_week,
    month,
    parse_period,
    periods_between,
    quarter,
    week,
    year,
)
from socialwork_core.serialize import make_converter

days = st.dates(min_value=date(1900, 1, 8), max_value=date(2199, 12, 24))
weekdays = st.integers(min_value=0, max_value=6)
calendar_kinds = st.sampled_from(sorted(CALENDAR_KINDS))


def test_henan_weekly_report_runs_friday_to_thursday() -> None:
    p = week(date(2022, 11, 18), first_weekday=4)
    assert (p.start, p.end) == (date(2022, 11, 18), date(2022, 11, 24))
    assert week(date(2022, 11, 24), first_weekday=4) == p
    assert week(date(2022, 11, 25), first_weekday=4).start == date(2022, 11, 25)


def test_iso_week_with_monday_start_is_the_iso_week() -> None:
    p = iso_week(2022, 47)
    assert (p.start, p.end) == (date(2022, 11, 21), date(2022, 11, 27))
    assert p.label == "2022-W47"


def test_iso_week_shifts_back_to_the_regional_first_weekday() -> None:
    p = iso_week(2022, 47, first_weekday=4)
    assert (p.start, p.end) == (date(2022, 11, 18), date(2022, 11, 24))
    assert p.label == "2022-W47"
    assert p == week(date(2022, 11, 18), first_weekday=4)


def test_iso_week_53_only_exists_in_long_years() -> None:
    assert iso_week(2020, 53).start == date(2020, 12, 28)
    with pytest.raises(ValueError, match="no ISO week 53 in 2021"):
        iso_week(2021, 53)


def test_month_quarter_half_year_and_year_bounds() -> None:
    assert (month(2024, 2).start, month(2024, 2).end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert (month(2022, 12).end, month(2022, 12).days) == (date(2022, 12, 31), 31)
    assert (quarter(2022, 1).start, quarter(2022, 1).end) == (date(2022, 1, 1), date(2022, 3, 31))
    assert quarter(2022, 4).end == date(2022, 12, 31)
    assert (half_year(2022, 2).start, half_year(2022, 2).end) == (
        date(2022, 7, 1),
        date(2022, 12, 31),
    )
    assert year(2022).days == 365


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-03", month(2022, 3)),
        ("2022-Q1", quarter(2022, 1)),
        ("2022-H1", half_year(2022, 1)),
        ("2022", year(2022)),
        ("2022-W47", iso_week(2022, 47)),
        (" 2022-03-01..2022-03-31 ", date_range(date(2022, 3, 1), date(2022, 3, 31))),
    ],
)
def test_parse_period_reads_every_code_form(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


def test_parse_period_week_uses_the_regional_first_weekday() -> None:
    assert parse_period("2022-W47", first_weekday=4).start == date(2022, 11, 18)


@pytest.mark.parametrize(
    "text",
    ["", "2022-3-1", "March 2022", "2022-Q5", "2022-H3", "22", "2022-03-31..x", "2022年13季度"],
)
def test_parse_period_rejects_unknown_forms_naming_the_accepted_ones(text: str) -> None:
    with pytest.raises(ValueError, match="expected 2022-03, 2022-Q1"):
        parse_period(text)


@pytest.mark.parametrize("text", ["2022-13", "2022-W54", "2022-03-31..2022-03-01"])
def test_parse_period_rejects_impossible_periods(text: str) -> None:
    with pytest.raises(ValueError, match="invalid period"):
        parse_period(text)


def test_a_calendar_period_must_be_exactly_one_calendar_period() -> None:
    with pytest.raises(ValueError, match="not one calendar month"):
        Period(date(2022, 3, 2), date(2022, 4, 1), PeriodKind.MONTH)
    with pytest.raises(ValueError, match="before its start"):
        date_range(date(2022, 3, 2), date(2022, 3, 1))


def test_cumulative_runs_from_the_start_of_records_to_the_as_of_date() -> None:
    p = cumulative(date(2020, 1, 1), date(2022, 3, 31))
    assert p.kind is PeriodKind.CUMULATIVE
    assert p.contains(date(2020, 1, 1)) and p.contains(date(2022, 3, 31))
    assert not p.contains(date(2022, 4, 1))
    with pytest.raises(ValueError, match="no next or previous"):
        p.next()


def test_next_and_previous_step_through_calendar_periods() -> None:
    assert month(2022, 12).next() == month(2023, 1)
    assert quarter(2022, 1).previous() == quarter(2021, 4)
    friday_week = week(date(2022, 11, 18), first_weekday=4)
    assert friday_week.next().start == date(2022, 11, 25)


def test_periods_between_covers_the_range_from_first_to_last_period() -> None:
    months = list(periods_between("month", date(2022, 1, 31), date(2022, 3, 1)))
    assert [p.label for p in months] == ["2022-01", "2022-02", "2022-03"]
    assert list(periods_between("month", date(2022, 3, 1), date(2022, 2, 1))) == []


def test_first_weekday_must_be_a_weekday_number() -> None:
    with pytest.raises(ValueError, match="first_weekday must be 0-6"):
        week(date(2022, 1, 1), first_weekday=7)


def test_period_round_trips_through_the_converter() -> None:
    converter = make_converter()
    p = week(date(2022, 11, 18), first_weekday=4)
    data = converter.unstructure(p)
    assert data == {"start": "2022-11-18", "end": "2022-11-24", "kind": "week"}
    assert converter.structure(data, Period) == p


@given(day=days, kind=calendar_kinds, first_weekday=weekdays)
def test_every_day_falls_in_exactly_one_calendar_period_of_a_kind(
    day: date, kind: PeriodKind, first_weekday: int
) -> None:
    p = containing(kind, day, first_weekday=first_weekday)
    assert p.contains(day)
    # The neighbours do not contain it, and they touch p without a gap.
    assert not p.previous().contains(day) and not p.next().contains(day)
    assert p.previous().end + timedelta(days=1) == p.start
    assert p.next().start == p.end + timedelta(days=1)
    if kind is PeriodKind.WEEK:
        assert p.start.weekday() == first_weekday and p.days == 7


@given(day=days, first_weekday=weekdays)
def test_week_labels_parse_back_to_the_same_week(day: date, first_weekday: int) -> None:
    p = week(day, first_weekday)
    assert parse_period(p.label, first_weekday=first_weekday) == p


@given(day=days, kind=calendar_kinds)
def test_calendar_labels_parse_back(day: date, kind: PeriodKind) -> None:
    p = containing(kind, day)
    assert parse_period(p.label) == p
    assert str(p) == p.label


@given(a=days, b=days)
def test_periods_between_tiles_the_range_without_gaps(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    if (end - start).days > 400:
        end = start + timedelta(days=400)
    found = list(periods_between(PeriodKind.WEEK, start, end, first_weekday=4))
    assert found[0].contains(start) and found[-1].contains(end)
    for left, right in itertools.pairwise(found):
        assert left.next() == right


def test_module_depends_on_nothing_of_the_library_but_the_glossary_words() -> None:
    source = periods.__loader__.get_source(periods.__name__)  # type: ignore[union-attr]
    assert source is not None
    imports = [line for line in source.splitlines() if line.startswith("from .")]
    assert imports == ["from .glossary import vocabulary as words"]
    assert "socialwork_core" not in source.split('"""', 2)[2]


@given(day=days, kind=calendar_kinds, first_weekday=weekdays)
def test_bounds_agree_with_the_containing_period(
    day: date, kind: PeriodKind, first_weekday: int
) -> None:
    p = containing(kind, day, first_weekday=first_weekday)
    assert periods.bounds(kind, day, first_weekday=first_weekday) == (p.start, p.end)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2023-3", "2023-03"),
        ("2023/03", "2023-03"),
        ("2023/3", "2023-03"),
        ("2023.3", "2023-03"),
        ("2023年3月", "2023-03"),
        ("2023年3月份", "2023-03"),
        ("２０２３年３月", "2023-03"),
        ("2023Q1", "2023-Q1"),
        ("2023年第一季度", "2023-Q1"),
        ("2023年一季度", "2023-Q1"),
        ("2023年第4季度", "2023-Q4"),
        ("2023年上半年", "2023-H1"),
        ("2023年下半年", "2023-H2"),
        ("2023年", "2023"),
        ("2023年度", "2023"),
        ("2023年第12周", "2023-W12"),
        ("2023年3月1日至2023年3月31日", "2023-03-01..2023-03-31"),
        ("2023.3.1~2023.3.31", "2023-03-01..2023-03-31"),
        ("2023/3/1到2023/3/15", "2023-03-01..2023-03-15"),
    ],
)
def test_parse_period_reads_periods_as_workers_write_them(text: str, label: str) -> None:
    assert parse_period(text).label == label


@pytest.mark.parametrize(
    "text", ["2023-03-31", "2023-3-31", "2023/3/31", "2023.3.31", "2023年3月31日", "20230331"]
)
def test_parse_date_reads_the_forms_a_ledger_cell_may_hold(text: str) -> None:
    assert periods.parse_date(text) == date(2023, 3, 31)


# --- 截至 a date -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["..2023-06-30", "截至2023年6月30日", "截止2023-6-30", " ..20230630 "]
)
def test_up_to_a_date_is_cumulative_from_the_start_of_records(text: str) -> None:
    period = parse_period(text)

    assert period.kind is PeriodKind.CUMULATIVE
    assert (period.start, period.end) == (periods.RECORDS_START, date(2023, 6, 30))
    assert period.from_records_start
    assert period.label == "..2023-06-30"


@given(st.dates(min_value=periods.RECORDS_START, max_value=date(2100, 12, 31)))
def test_up_to_labels_parse_back(day: date) -> None:
    period = periods.up_to(day)

    assert parse_period(period.label) == period


def test_up_to_a_date_before_the_start_of_records_is_refused() -> None:
    with pytest.raises(ValueError, match="before the start of records"):
        parse_period("..1949-09-30")


def test_a_cumulative_period_with_its_own_start_keeps_both_dates_in_its_label() -> None:
    period = periods.cumulative(date(2022, 7, 1), date(2023, 6, 30))

    assert not period.from_records_start
    assert period.label == "2022-07-01..2023-06-30"


def test_stock_figures_are_counted_at_the_period_end_or_the_earlier_as_of_date() -> None:
    h1 = periods.half_year(2023, 1)

    assert periods.stock_date(h1, as_of=date(2023, 8, 4)) == date(2023, 6, 30)
    assert periods.stock_date(h1, as_of=date(2023, 5, 1)) == date(2023, 5, 1)
