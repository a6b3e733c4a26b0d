"""Cell coercion: each accepted form, and a finding with a stable code for each rejected one."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import FindingError
from socialwork_core.tabular import (
    Coerced,
    Money,
    choice,
    date_value,
    exact_labels,
    excel_serial_to_date,
    integer,
    money,
    money_value,
    split_values,
    text,
    time_value,
    yes_no,
)


def codes_of(error: pytest.ExceptionInfo[FindingError]) -> tuple[str, ...]:
    return error.value.codes


@pytest.mark.parametrize(
    "raw",
    [
        date(2022, 3, 18),
        datetime(2022, 3, 18, 9, 30),
        44638,  # Excel serial number
        44638.0,
        20220318,
        "2022-03-18",
        "2022/3/18",
        "2022.3.18",
        "2022年3月18日",
        "20220318",
        " 2022-03-18 00:00:00 ",
        "２０２２年３月１８日",  # full-width digits
    ],
)
def test_a_date_is_read_from_every_form_ledgers_use(raw: object) -> None:
    assert date_value(raw) == date(2022, 3, 18)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["明天", 44638.5, True, "9:30", "1234567"])
def test_a_cell_that_is_not_a_date_is_an_error(raw: object) -> None:
    with pytest.raises(FindingError) as error:
        date_value(raw)  # type: ignore[arg-type]
    assert codes_of(error) == ("tabular.date_invalid",)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)))
def test_every_written_date_form_reads_back_as_the_same_day(day: date) -> None:
    forms = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
    ]
    serial = (day - date(1899, 12, 30)).days
    if serial >= 10000:  # fewer figures are a year (2024) or no date: tests/tabular/test_dates.py
        forms.append(serial)
    assert {date_value(form) for form in forms} == {day}


@pytest.mark.parametrize(
    ("raw", "amount", "approximate"),
    [
        (1200, Decimal(1200), False),
        (1234.56, Decimal("1234.56"), False),
        ("1,200.50元", Decimal("1200.50"), False),
        ("¥300", Decimal(300), False),
        ("2万元", Decimal(20000), False),
        ("1.5万", Decimal(15000), False),
        ("2万余元", Decimal(20000), True),
        ("50余万元", Decimal(500000), True),
        ("50多万元", Decimal(500000), True),
        ("约3000元", Decimal(3000), True),
        ("3000元左右", Decimal(3000), True),
    ],
)
def test_money_is_a_decimal_and_approximate_figures_are_flagged(
    raw: object, amount: Decimal, approximate: bool
) -> None:
    value = money_value(raw)  # type: ignore[arg-type]
    assert value == Money(amount, approximate)
    assert isinstance(value.amount, Decimal)


def test_an_approximate_amount_comes_with_an_info_finding() -> None:
    result = money("2万余元")
    assert isinstance(result, Coerced)
    assert result.value == Money(Decimal(20000), approximate=True)
    assert [f.code for f in result.findings] == ["tabular.money_approximate"]
    assert "20000" in result.findings[0].message


@pytest.mark.parametrize("raw", ["两千", "12,34", "1.2.3元", True, "元"])
def test_text_that_is_not_an_amount_is_an_error(raw: object) -> None:
    with pytest.raises(FindingError) as error:
        money_value(raw)  # type: ignore[arg-type]
    assert codes_of(error) == ("tabular.money_invalid",)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_money_written_as_text_with_separators_reads_back_exactly(amount: Decimal) -> None:
    assert money_value(f"{amount:,}元").amount == amount


@pytest.mark.parametrize("raw", ["是", "有", "√", "✓", "Y", "y", True, "已转移", "已协助转移"])
def test_yes_words(raw: object) -> None:
    assert yes_no(raw) is True  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["否", "无", "×", "N", False, "未转移", "不需要", "无需转移"])
def test_no_words(raw: object) -> None:
    assert yes_no(raw) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["也许", "已", "待定"])
def test_an_unknown_yes_no_word_is_an_error(raw: str) -> None:
    with pytest.raises(FindingError) as error:
        yes_no(raw)
    assert codes_of(error) == ("tabular.yes_no_invalid",)


def test_integers_from_numbers_and_text() -> None:
    assert [integer(3), integer(3.0), integer("1,200"), integer(" 7 ")] == [3, 3, 1200, 7]
    with pytest.raises(FindingError) as error:
        integer(2.5)
    assert codes_of(error) == ("tabular.integer_invalid",)


def test_text_is_stripped_and_numbers_read_as_they_show() -> None:
    assert text("  东村 ") == "东村"
    assert text(13800138000.0) == "13800138000"
    assert text(date(2022, 3, 18)) == "2022-03-18"


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("低保、特困", ["低保", "特困"]),
        ("低保，特困,残疾人", ["低保", "特困", "残疾人"]),
        ("低保/特困;孤儿；独居老人", ["低保", "特困", "孤儿", "独居老人"]),
        ("低保 特困\u3000孤儿", ["低保", "特困", "孤儿"]),
        ("、低保、、", ["低保"]),
    ],
)
def test_multi_valued_cells_split_on_every_separator(cell: str, parts: list[str]) -> None:
    assert split_values(cell) == parts


def test_a_choice_maps_labels_and_codes_and_names_the_accepted_labels_when_unknown() -> None:
    coerce = choice(
        {"低保对象": "subsistence", "低保": "subsistence", "特困人员（分散供养）": "ep"}
    )
    assert coerce("低保") == "subsistence"
    assert coerce("subsistence") == "subsistence"
    assert coerce("特困人员(分散供养)") == "ep"  # half-width brackets match full-width
    with pytest.raises(FindingError) as error:
        coerce("五保")
    assert codes_of(error) == ("tabular.label_unrecognised",)
    assert "低保对象" in error.value.findings[0].message


def test_a_choice_shares_the_texts_it_maps_as_they_stand_and_answers_as_they_say() -> None:
    coerce = choice({"低保对象": "subsistence", "特困人员（分散供养）": "ep"})
    table = exact_labels(coerce)

    assert table is not None
    assert dict(table) == {
        "低保对象": "subsistence",
        "特困人员（分散供养）": "ep",
        "subsistence": "subsistence",
        "ep": "ep",
    }
    assert all(coerce(raw) == code for raw, code in table.items())
    assert exact_labels(text) is None and exact_labels(date_value) is None


@pytest.mark.parametrize(
    "raw",
    [
        time(9, 30),
        datetime(2022, 3, 18, 9, 30),
        0.3958333333,
        "9:30",
        "09:30:00",
        "０９：３０",
        "9点半",
        "上午9时30分",
        "9:30-10:30",
        "上午9:30至11:00",
    ],
)
def test_a_time_of_day_is_read_from_cells_fractions_and_text(raw: object) -> None:
    assert time_value(raw) == time(9, 30)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "at"),
    [
        ("下午3时", time(15)),
        ("晚上8点半", time(20, 30)),
        ("中午12点", time(12)),
        ("中午1点", time(13)),
    ],
)
def test_the_part_of_the_day_before_a_clock_says_which_half_it_counts(raw: str, at: time) -> None:
    assert time_value(raw) == at


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("下午三点半", "下午3点半"),
        ("上午九时", "上午9时"),
        ("下午两点", "下午2点"),
        ("十点十五分", "10点15分"),
        ("晚上八点二十分", "晚上8点20分"),
        ("上午九时至十一时", "上午9时至11时"),
    ],
)
def test_a_clock_in_chinese_numerals_reads_as_the_same_clock_in_figures(
    raw: str, digits: str
) -> None:
    assert time_value(raw) == time_value(digits) is not None


@pytest.mark.parametrize("raw", ["上午", "下午", "晚上", " 下午 "])
def test_the_part_of_the_day_alone_is_no_time_and_no_error(raw: str) -> None:
    assert time_value(raw) is None


@pytest.mark.parametrize(
    "raw",
    ["25:00", "9:75", "上午15时", "2024-07-05", datetime(2024, 7, 5), date(2024, 7, 5), 1.5, True],
)
def test_a_cell_that_is_not_a_time_is_an_error(raw: object) -> None:
    with pytest.raises(FindingError) as error:
        time_value(raw)  # type: ignore[arg-type]
    assert codes_of(error) == ("tabular.time_invalid",)


@pytest.mark.parametrize(
    ("serial", "day"),
    [
        (1, date(1900, 1, 1)),
        (31, date(1900, 1, 31)),
        (59, date(1900, 2, 28)),
        (60, date(1900, 2, 28)),  # Excel's 1900-02-29, which never was
        (61, date(1900, 3, 1)),
        (44927, date(2023, 1, 1)),
    ],
)
def test_excel_serials_count_the_1900_leap_day_excel_invented(serial: int, day: date) -> None:
    assert excel_serial_to_date(serial) == day
