"""Dates as people write them: every form read to the same day, a year-less date in the sheet's
year, a year and month as a month, and a finding naming the value for what is no date."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import FindingError
from socialwork_core.tabular import Coerced, date_value
from socialwork_core.tabular.context import (
    reading_period,
    reading_span,
    reading_year,
    year_for,
    year_in_text,
)


def read(raw: object) -> date:
    """The day a cell gives, remarks set aside."""
    value = date_value(raw)  # type: ignore[arg-type]
    return value.value if isinstance(value, Coerced) else value


def findings_of(raw: object) -> list[tuple[str, str]]:
    """(code, severity) of everything said about a cell, accepted or not."""
    try:
        value = date_value(raw)  # type: ignore[arg-type]
    except FindingError as error:
        return [(f.code, f.severity.value) for f in error.findings]
    if isinstance(value, Coerced):
        return [(f.code, f.severity.value) for f in value.findings]
    return []


def refusal(raw: object) -> FindingError:
    with pytest.raises(FindingError) as error:
        date_value(raw)  # type: ignore[arg-type]
    return error.value


# --- full dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "2023.1.5",
        "2023/1/5",
        "2023-1-5",
        "2023年1月5日",
        "2023年1月5号",
        "2023 年 1 月 5 日",
        "20230105",
        20230105,
        "44931",  # an Excel serial stored as text
        "44931.0",
        44931,
        date(2023, 1, 5),
        datetime(2023, 1, 5, 14, 30),
        "2023-01-05 14:30:00",
        "２０２３．１．５",
    ],
)
def test_a_day_is_read_from_every_form_people_write_with_nothing_to_remark(raw: object) -> None:
    assert date_value(raw) == date(2023, 1, 5)  # type: ignore[arg-type]


@given(st.dates(min_value=date(1927, 5, 18), max_value=date(2099, 12, 31)))
def test_every_form_of_a_day_reads_back_as_that_day(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    forms = [
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}年{day.month}月{day.day}号",
        day.strftime("%Y%m%d"),
        int(day.strftime("%Y%m%d")),
        str(serial),
        serial,
        day,
    ]
    assert {date_value(form) for form in forms} == {day}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw",
    [
        "2023-1-5 上午",
        "2023-1-5下午",
        "2023/1/5 下午3:30",
        "2023年1月5日 晚上",
        "2023.1.5 早上 8:00",
        "2023年1月5日上午9时",
        "2023年1月5日 9点30分",
        "2023年1月5日下午3点半",
        "2023/1/5 9:30-10:30",
        "2023年1月5日9时至10时",
        "2023年1月5日（星期四）",
        "2023-01-05 周四",
        "2023.1.5(周四)",
        "2023年1月5日星期四上午",
        "2023年1月5日（礼拜四）下午2:00",
    ],
)
def test_a_weekday_the_part_of_the_day_and_a_time_after_a_date_are_dropped(raw: str) -> None:
    """A visit log writes when in the day (上午9时, 9:30-10:30) and which weekday (（星期四）, 周四)
    after the date: the day is read, the rest dropped as a time always was."""
    assert date_value(raw) == date(2023, 1, 5)


@pytest.mark.parametrize("raw", ["2023-1-512:30", "2023-1-5 周八", "2023-1-5 上午9"])
def test_what_follows_a_date_must_be_a_weekday_or_a_time(raw: str) -> None:
    assert refusal(raw).findings[0].code == "tabular.date_invalid"


def test_a_year_less_date_with_the_part_of_the_day_takes_the_sheets_year() -> None:
    with reading_year(2023):
        assert read("1月5日上午") == date(2023, 1, 5)
        assert read("1月5日（周四）") == date(2023, 1, 5)


@given(st.dates(min_value=date(1951, 1, 1), max_value=date(2050, 12, 31)))
def test_a_year_of_two_figures_takes_the_century_that_is_not_after_the_period(day: date) -> None:
    """'24.6.5 (typed with Excel's apostrophe), 24/6/5, 24-6-5, 24年6月5日: in a sheet of 2049 the
    two figures name the latest year not after 2050, and an info says which year was read."""
    short = day.year % 100
    forms = [
        f"{short:02d}.{day.month}.{day.day}",
        f"'{short:02d}.{day.month}.{day.day}",
        f"{short:02d}/{day.month}/{day.day}",
        f"{short:02d}-{day.month:02d}-{day.day:02d}",
        f"{short:02d}年{day.month}月{day.day}日",
    ]
    with reading_year(2049):
        assert {read(form) for form in forms} == {day}
        assert {tuple(findings_of(form)) for form in forms} == {
            (("tabular.date_short_year", "info"),)
        }


def test_a_year_of_two_figures_reads_a_birth_in_the_last_century_and_a_visit_in_this_one() -> None:
    with reading_year(2024):
        assert read("56.3.12") == date(1956, 3, 12)
        assert read("24.6.5") == date(2024, 6, 5)
        assert read("25.1.5") == date(2025, 1, 5)  # the next visit, planned for the new year


def test_without_a_year_in_context_two_figures_of_a_year_are_a_finding_naming_the_value() -> None:
    (finding,) = refusal("24.6.5").findings
    assert finding.code == "tabular.date_century_missing"
    assert "24.6.5" in finding.message


def test_a_day_of_two_year_figures_that_does_not_exist_is_impossible() -> None:
    with reading_year(2024):
        (finding,) = refusal("24.2.30").findings
    assert finding.code == "tabular.date_impossible"


def test_a_real_date_cell_is_given_back_as_it_is() -> None:
    day = date(2023, 1, 5)
    assert date_value(day) is day


@pytest.mark.parametrize("raw", ["9999", "99999", "00010", 73051, 0, -3])
def test_a_serial_out_of_the_plausible_range_is_no_date(raw: object) -> None:
    assert refusal(raw).codes == ("tabular.date_invalid",)


# --- impossible dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "year", "month", "day"),
    [
        ("2024/6/31", "2024", "6", "31"),
        ("2024年2月30日", "2024", "2", "30"),
        ("2023.2.29", "2023", "2", "29"),
        (20240631, "2024", "6", "31"),
        ("2022/13/1", "2022", "13", "1"),
    ],
)
def test_a_date_that_does_not_exist_is_named_with_the_value(
    raw: object, year: str, month: str, day: str
) -> None:
    (finding,) = refusal(raw).findings
    assert finding.code == "tabular.date_impossible"
    assert dict(finding.params) == {"value": str(raw), "year": year, "month": month, "day": day}
    assert str(raw) in finding.message


@given(
    st.integers(min_value=1900, max_value=2099),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=29, max_value=31),
)
def test_any_day_past_the_end_of_its_month_is_impossible(year: int, month: int, day: int) -> None:
    try:
        date(year, month, day)
    except ValueError:
        assert refusal(f"{year}年{month}月{day}日").codes == ("tabular.date_impossible",)
    else:
        assert read(f"{year}年{month}月{day}日") == date(year, month, day)


# --- year-less dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("1月5日", date(2023, 1, 5)),
        ("1月5号", date(2023, 1, 5)),
        ("4.8", date(2023, 4, 8)),
        ("5.20", date(2023, 5, 20)),
        ("12/31", date(2023, 12, 31)),
        (4.8, date(2023, 4, 8)),  # a number cell: typed 4.8
        (12.31, date(2023, 12, 31)),
    ],
)
def test_a_year_less_date_takes_the_year_the_sheet_is_read_in(raw: object, day: date) -> None:
    with reading_year(2023):
        assert date_value(raw) == day  # type: ignore[arg-type]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_year_less_form_reads_in_the_context_year(day: date) -> None:
    with reading_year(day.year):
        forms = [f"{day.month}月{day.day}日", f"{day.month}.{day.day}", f"{day.month}/{day.day}"]
        assert {read(form) for form in forms} == {day}


@pytest.mark.parametrize("raw", ["1月5日", "4.8", 4.8, "5.20"])
def test_without_a_year_in_context_a_year_less_date_is_a_finding_naming_it(raw: object) -> None:
    assert reading_span() is None
    (finding,) = refusal(raw).findings
    assert finding.code == "tabular.date_year_missing"
    assert str(raw) in finding.message and "年份" in finding.message


def test_a_year_less_day_that_does_not_exist_in_the_sheets_year_is_impossible() -> None:
    with reading_year(2023):
        (finding,) = refusal("2月29日").findings
    assert finding.code == "tabular.date_impossible"
    assert finding.params["year"] == "2023"


@pytest.mark.parametrize(
    ("raw", "read_as", "other"),
    [(5.2, date(2023, 5, 2), "5月20日"), (1.1, date(2023, 1, 1), "1月10日")],
)
def test_a_number_that_lost_its_last_zero_is_read_as_written_with_a_warning(
    raw: float, read_as: date, other: str
) -> None:
    with reading_year(2023):
        value = date_value(raw)
    assert isinstance(value, Coerced) and value.value == read_as
    (finding,) = value.findings
    assert (finding.code, finding.severity.value) == ("tabular.date_number_ambiguous", "warning")
    assert other in finding.message


@pytest.mark.parametrize("raw", [2.3, 4.8, 6.4])
def test_a_number_whose_tenfold_day_cannot_exist_has_no_warning(raw: float) -> None:
    with reading_year(2023):
        assert findings_of(raw) == []


def test_a_period_across_new_year_gives_each_day_the_year_that_puts_it_in_the_period() -> None:
    with reading_period(date(2023, 12, 1), date(2024, 1, 31)):
        assert read("12月20日") == date(2023, 12, 20)
        assert read("1.5") == date(2024, 1, 5)
        assert read("2月3日") == date(2024, 2, 3)  # just after the period: its nearest year
        assert read("2月29日") == date(2024, 2, 29)


def test_a_day_as_far_from_the_period_in_two_years_gets_no_year() -> None:
    with reading_period(date(2023, 1, 1), date(2024, 12, 31)):
        assert year_for(6, 1) is None
        assert refusal("6月1日").codes == ("tabular.date_year_missing",)


def test_the_reading_year_holds_inside_the_with_only_and_nests() -> None:
    with reading_year(2022):
        with reading_year(2023):
            assert read("3.1") == date(2023, 3, 1)
        assert read("3.1") == date(2022, 3, 1)
    assert reading_span() is None


def test_another_thread_does_not_see_the_reading_year() -> None:
    seen: list[object] = []
    with reading_year(2023):
        worker = threading.Thread(target=lambda: seen.append(reading_span()))
        worker.start()
        worker.join()
    assert seen == [None]


def test_a_period_must_not_end_before_it_starts() -> None:
    with (
        pytest.raises(ValueError, match="ends before"),
        reading_period(date(2024, 1, 1), date(2023, 1, 1)),
    ):
        pass


# --- a year and month -----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1945.03", 1945.03, "194503", 194503, "1945年3月", "1945-3"])
def test_a_year_and_month_is_read_as_the_first_of_the_month_with_an_info(raw: object) -> None:
    value = date_value(raw)  # type: ignore[arg-type]
    assert isinstance(value, Coerced) and value.value == date(1945, 3, 1)
    assert findings_of(raw) == [("tabular.date_month_only", "info")]
    assert "1945年3月1日" in value.findings[0].message


def test_a_year_and_month_number_that_may_be_october_warns() -> None:
    assert findings_of(1945.1) == [
        ("tabular.date_month_only", "info"),
        ("tabular.date_number_ambiguous", "warning"),
    ]
    assert read(1945.1) == date(1945, 1, 1)
    assert read("1945.10") == date(1945, 10, 1)


@pytest.mark.parametrize("raw", ["1945.13", "189912", "2100.1", 1945.123])
def test_a_year_and_month_out_of_range_is_no_date(raw: object) -> None:
    assert refusal(raw).codes == ("tabular.date_invalid",)


# --- a year alone ---------------------------------------------------------------------------------


@given(st.integers(min_value=1900, max_value=2099), st.sampled_from(["int", "float", "text", "年"]))
def test_a_year_alone_is_the_first_of_january_flagged_as_missing_its_month_and_day(
    year: int, form: str
) -> None:
    raw: object = {"int": year, "float": float(year), "text": str(year), "年": f"{year}年"}[form]
    value = date_value(raw)  # type: ignore[arg-type]
    assert isinstance(value, Coerced) and value.value == date(year, 1, 1)
    assert findings_of(raw) == [("tabular.date_year_only", "warning")]
    written = f"{year}年" if form == "年" else str(year)  # a whole float shows as Excel shows it
    assert f"“{written}”" in value.findings[0].message


@given(st.integers(min_value=1, max_value=9999).filter(lambda n: not 1900 <= n <= 2099))
def test_a_number_of_fewer_than_five_figures_that_is_no_year_is_no_date(number: int) -> None:
    assert refusal(number).codes == ("tabular.date_invalid",)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("十八里镇社工站2023年探访记录", 2023),
        ("填报单位：十八里镇社工站    统计截至：2023年12月31日", 2023),
        ("２０２３年度服务对象台账", 2023),
        ("统计时间：2023.1.1-2023.12.31", 2023),
        ("溪口镇社工站服务对象台账（2023年）", 2023),
        ("服务对象台账", None),
        ("2023年12月至2024年1月探访记录", None),  # two years: a period, not a year
        ("档案号20231205", None),  # figures, no year written as one
        ("联系电话13800138000", None),
    ],
)
def test_the_year_a_title_or_period_line_names(text: str, year: int | None) -> None:
    assert year_in_text(text) == year


# --- dates in Chinese numerals ----------------------------------------------------------------------

CHINESE_NUMERALS = "〇一二三四五六七八九"


def in_numerals(day: date, *, year: bool = True) -> str:
    """二〇二四年三月十五日, as a letter or a handwritten form writes a date."""

    def count(n: int) -> str:
        tens, ones = divmod(n, 10)
        if not tens:
            return CHINESE_NUMERALS[ones]
        return (
            (CHINESE_NUMERALS[tens] if tens > 1 else "")
            + "十"
            + (CHINESE_NUMERALS[ones] * bool(ones))
        )

    head = "".join(CHINESE_NUMERALS[int(d)] for d in str(day.year)) + "年" if year else ""
    return f"{head}{count(day.month)}月{count(day.day)}日"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_a_date_in_chinese_numerals_is_read_as_its_figures_say_with_an_info(day: date) -> None:
    assert read(in_numerals(day)) == day
    assert findings_of(in_numerals(day)) == [("tabular.date_in_numerals", "info")]
    with reading_year(day.year):
        assert read(in_numerals(day, year=False)) == day


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("二零二四年十月廿五日", date(2024, 10, 25)),  # 零 for 〇, 廿 for twenty
        ("二〇二四年三月五日（星期二）", date(2024, 3, 5)),
        ("二〇二四年三月五号", date(2024, 3, 5)),
    ],
)
def test_the_other_ways_of_writing_numerals_and_a_weekday_after_them(raw: str, day: date) -> None:
    assert read(raw) == day


def test_a_date_in_numerals_that_does_not_exist_is_impossible_named_as_written() -> None:
    error = refusal("二〇二四年二月三十日")
    (finding,) = error.findings
    assert finding.code == "tabular.date_impossible"
    assert "二〇二四年二月三十日" in finding.message


@pytest.mark.parametrize("raw", ["十十月五日", "二〇二四年三月五", "三月十五日"])
def test_numerals_that_make_no_date_or_no_year_are_findings(raw: str) -> None:
    assert findings_of(raw)[0][1] == "error"
