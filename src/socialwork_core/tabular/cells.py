"""Cell coercion: from what a sheet holds to a typed value, or a finding that says why not.

A *coercer* is any callable ``raw -> value`` that raises ``FindingError`` when the cell cannot be
accepted; ``raw`` is what the reader got from the file (text, number, bool, date or datetime; never
``None`` or blank text: empty cells are handled before a coercer is called). Coercers written
elsewhere plug straight in (``socialwork_core.identity`` parses resident IDs this way). A coercer
that accepts a value but has a remark returns ``Coerced(value, findings)``.

Money is ``Money`` (a ``Decimal`` amount, never a float, and an ``approximate`` flag for figures
such as “2万余元”).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import weakref
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from .context import year_for, year_of_two_digits

RawValue: TypeAlias = str | int | float | bool | date | datetime | time | timedelta
"""A non-empty cell as read from a file."""

Coercer: TypeAlias = Callable[[RawValue], Any]
"""``raw -> value``; raises ``FindingError``; may return ``Coerced`` to attach remarks."""


@attrs.frozen
class Coerced:
    """A value accepted with remarks (warnings or infos) about it."""

    value: Any
    findings: tuple[Finding, ...] = ()


@attrs.frozen
class Money:
    """An amount in yuan. ``approximate`` marks figures written as “2万余元” or “约3000元”."""

    amount: Decimal = attrs.field(converter=Decimal)
    approximate: bool = False


def raw_text(raw: object) -> str:
    """The cell as a person would read it: integral numbers without “.0”, dates in ISO form."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ") if raw.time() != time(0) else raw.date().isoformat()
    if isinstance(raw, date | time):
        return raw.isoformat()
    return str(raw)


def _fail(code: str, raw: object, **params: Any) -> FindingError:
    return FindingError([Finding.of(code, Severity.ERROR, value=raw_text(raw), **params)])


# --- text -----------------------------------------------------------------------------------------


def text(raw: RawValue) -> str:
    """Text, stripped of surrounding spaces; a number is read as it shows (13800138000, not 1.38e10)."""
    if type(raw) is str:  # the common case, without raw_text's type tests
        return raw.strip()
    return raw_text(raw).strip()


# --- integers -------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


def _nfkc(value: str) -> str:
    """Full-width digits, letters, brackets and spaces made half-width; the rest unchanged."""
    return unicodedata.normalize("NFKC", value).strip()


def integer(raw: RawValue) -> int:
    """A whole number, from a number cell or text such as “1,200”."""
    if isinstance(raw, bool):
        raise _fail("tabular.integer_invalid", raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise _fail("tabular.integer_invalid", raw)
    if isinstance(raw, str):
        cleaned = _THOUSANDS.sub("", _nfkc(raw))
        if re.fullmatch(r"[+-]?\d+", cleaned):
            return int(cleaned)
        if re.fullmatch(r"[+-]?\d+\.0*", cleaned):
            return int(cleaned.split(".")[0])
    raise _fail("tabular.integer_invalid", raw)


def decimal_value(raw: RawValue) -> Decimal:
    """A quantity as a ``Decimal`` (never a float): from a number cell or text such as “1,200.5”."""
    if isinstance(raw, bool):
        raise _fail("tabular.number_invalid", raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _fail("tabular.number_invalid", raw)
        return _decimal_of_number(raw)
    if isinstance(raw, str):
        cleaned = _THOUSANDS.sub("", _nfkc(raw))
        if re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", cleaned):
            return Decimal(cleaned)
    raise _fail("tabular.number_invalid", raw)


# --- dates ----------------------------------------------------------------------------------------

_EXCEL_EPOCH: Final = date(1899, 12, 30)
_LAST_SERIAL: Final = 73050
"""2099-12-31: the last Excel serial read as a date. Later ones are no date a ledger holds."""
_FIRST_TEXT_SERIAL: Final = 10000
"""1927-05-18: a serial written as text is read from here on only (five digits): fewer digits in
a date column are more likely a year or a slip than a date before 1927."""
_SEPARATOR: Final = f"[{re.escape(words.DATE_SEPARATORS)}]"
_DAY_MARK: Final = f"[{words.DATE_DAY}{words.DATE_DAY_SPOKEN}]"
_TIME_OF_DAY: Final = "|".join(words.DATE_TIMES_OF_DAY)
_WEEKDAY: Final = rf"\(?(?:{'|'.join(words.DATE_WEEK_WORDS)})[{words.DATE_WEEKDAY_NAMES}]\)?"
_CLOCK: Final = (
    rf"\d{{1,2}}(?::\d{{2}}(?::\d{{2}}(?:\.\d+)?)?"
    rf"|[{words.DATE_CLOCK_HOUR}](?:\d{{1,2}}{words.DATE_CLOCK_MINUTE}?|{words.DATE_CLOCK_HALF})?)"
)
_CLOCK_AFTER: Final = "".join(
    sorted(
        {w[-1] for w in words.DATE_TIMES_OF_DAY}
        | set(words.DATE_WEEKDAY_NAMES)
        | {words.DATE_DAY, words.DATE_DAY_SPOKEN, ")"}
    )
)
_TIME_TAIL: Final = (
    rf"(?:\s*{_WEEKDAY})?(?:\s*(?:{_TIME_OF_DAY}))?"
    rf"(?:(?:[ T]|(?<=[{_CLOCK_AFTER}]))\s*{_CLOCK}"
    rf"(?:\s*[{re.escape(words.DATE_CLOCK_RANGE)}]\s*{_CLOCK})?)?"
    rf"(?:\s*{_WEEKDAY})?"
)
"""What may follow a date and is dropped: a weekday ((星期三), 周三), the part of the day (上午,
下午), a time (9:30, 9时, 9点30分, 9点半) or a span of time (9:30-10:30), in that order."""
_FULL_DATE: Final = re.compile(
    rf"(\d{{4}})\s*(?:{_SEPARATOR}|{words.DATE_YEAR})\s*(\d{{1,2}})\s*"
    rf"(?:{_SEPARATOR}|{words.DATE_MONTH})\s*(\d{{1,2}})\s*{_DAY_MARK}?{_TIME_TAIL}"
    rf"|(\d{{4}})(\d{{2}})(\d{{2}}){_TIME_TAIL}"
)
"""2023-1-5, 2023/1/5, 2023.1.5, 2023年1月5日, 2023年1月5号, 20230105 (what follows the day is
dropped: a time, the part of the day, a weekday, ``_TIME_TAIL``)."""
_YEAR_MONTH: Final = re.compile(
    rf"(\d{{4}})\s*(?:{_SEPARATOR}|{words.DATE_YEAR})\s*(\d{{1,2}})\s*{words.DATE_MONTH}?"
    r"|(\d{4})(\d{2})"
)
"""1945.03, 1945-3, 1945年3月, 194503: a month (birth dates are often written so)."""
_MONTH_DAY: Final = re.compile(
    rf"(\d{{1,2}})\s*(?:{_SEPARATOR}|{words.DATE_MONTH})\s*(\d{{1,2}})\s*{_DAY_MARK}?"
    rf"{_TIME_TAIL}"
)
"""1月5日, 1月5号, 4.8, 5.20, 1/5, 1-5: a day whose year is the sheet's (``tabular.context``)."""
_SERIAL_TEXT: Final = re.compile(r"(\d{5})(?:\.0*)?")
_YEAR_ALONE: Final = re.compile(rf"(\d{{4}})\s*{words.DATE_YEAR}?")
"""2024, 2024年: a year and nothing more (a birth year typed alone)."""
_SHORT_YEAR: Final = re.compile(
    rf"(\d{{2}})\s*(?:{_SEPARATOR}|{words.DATE_YEAR})\s*(\d{{1,2}})\s*"
    rf"(?:{_SEPARATOR}|{words.DATE_MONTH})\s*(\d{{1,2}})\s*{_DAY_MARK}?{_TIME_TAIL}"
)
"""24.6.5, 24/6/5, 24-6-5, 24年6月5日: a date whose year has its last two figures only."""


def excel_serial_to_date(serial: float) -> date:
    """The date of an Excel serial number (1900 date system, as every Windows Excel writes).

    Excel counts a 29 February 1900 that never was (serial 60, kept from Lotus 1-2-3), so serials
    1 to 59 are one day later than a plain count from 1899-12-30 gives: 1 is 1900-01-01, 59 is
    1900-02-28, and 60 is read as 1900-02-28 too (the nearest real day)."""
    days = int(serial)
    if days <= _LOTUS_LEAP_DAY:
        return _EXCEL_EPOCH + timedelta(days=min(days, _LOTUS_LEAP_DAY - 1) + 1)
    return _EXCEL_EPOCH + timedelta(days=days)


_LOTUS_LEAP_DAY: Final = 60
"""The serial Excel gives its nonexistent 1900-02-29."""


def _impossible(raw: RawValue, year: int, month: int, day: int) -> FindingError:
    return _fail("tabular.date_impossible", raw, year=year, month=month, day=day)


def _day(raw: RawValue, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _impossible(raw, year, month, day) from None


_FIRST_YEAR: Final = 1900
_LAST_YEAR: Final = 2099
"""Years a date written without separators (20230105, 194503) or as a year and month is read in:
outside them the figures are more likely something else than a date."""
_MONTH_LENGTH: Final = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""Days in each month of a leap year: the longest each can be."""


def _month_only(raw: RawValue, year: int, month: int) -> Coerced:
    """A year and month (1945.03): the first of the month, with an info saying so. The first is a
    choice: any day would be; the first keeps ``date`` ordering by month and is what “1945年3月”
    means in the ledgers seen (a birth month, whose day the resident ID gives)."""
    if not (_FIRST_YEAR <= year <= _LAST_YEAR and 1 <= month <= 12):
        raise _fail("tabular.date_invalid", raw)
    note = Finding.of(
        "tabular.date_month_only", Severity.INFO, value=raw_text(raw), year=year, month=month
    )
    return Coerced(date(year, month, 1), (note,))


def _month_day(raw: RawValue, month: int, day: int) -> date:
    """A day written without its year: the year is the reading context's (``reading_year``)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _fail("tabular.date_invalid", raw)
    year = year_for(month, day)
    if year is None:
        raise _fail("tabular.date_year_missing", raw)
    return _day(raw, year, month, day)


def _ambiguous(raw: RawValue, value: date | Coerced, read: str, meant: str) -> Coerced:
    """A number whose last decimal 0 Excel dropped could mean two dates: read as written, with a
    warning naming the other."""
    note = Finding.of(
        "tabular.date_number_ambiguous",
        Severity.WARNING,
        value=raw_text(raw),
        read=read,
        other=meant,
    )
    if isinstance(value, Coerced):
        return Coerced(value.value, (*value.findings, note))
    return Coerced(value, (note,))


def _from_decimal_number(raw: float) -> date | Coerced:
    """A number with decimals in a date column: 1945.03 (year and month) or 4.8 (month and day).
    Excel drops a last decimal 0, so 5.2 may have been typed 5.20 and 1945.1 as 1945.10."""
    written = repr(raw)
    whole, _, decimals = written.partition(".")
    if not whole.isdigit() or not decimals.isdigit() or len(decimals) > 2:
        raise _fail("tabular.date_invalid", raw)
    first, second = int(whole), int(decimals)
    if len(whole) == 4:
        value: date | Coerced = _month_only(raw, first, second)
        if len(decimals) == 1 and second == 1:  # 1945.1: January, or October typed 1945.10
            return _ambiguous(
                raw, value, words.written_month(first, 1), words.written_month(first, 10)
            )
        return value
    if len(whole) > 2:
        raise _fail("tabular.date_invalid", raw)
    value = _month_day(raw, first, second)
    if len(decimals) == 1 and second * 10 <= _MONTH_LENGTH[first]:  # 5.2: the 2nd, or the 20th
        read, other = words.written_day(first, second), words.written_day(first, second * 10)
        return _ambiguous(raw, value, read, other)
    return value


def _year_only(raw: RawValue, year: int) -> Coerced:
    """A year alone (2024, 2024年): the 1st of January, with a warning that the month and day are
    missing. Never an Excel serial: 2024 as a serial is a day of 1905, which no worker means."""
    note = Finding.of("tabular.date_year_only", Severity.WARNING, value=raw_text(raw), year=year)
    return Coerced(date(year, 1, 1), (note,))


def _from_number(raw: int | float) -> date | Coerced:
    """A number in a date cell: 20230105, 194503, a year (2024), or an Excel serial of five
    figures (``_FIRST_TEXT_SERIAL`` on, as for a serial written as text: fewer figures that are
    no year are more likely an age, a count or a slip than a day before 1927)."""
    if isinstance(raw, float) and not raw.is_integer():
        return _from_decimal_number(raw)
    number = int(raw)
    if _FIRST_YEAR * 10000 <= number < (_LAST_YEAR + 1) * 10000:
        year, month, day = number // 10000, number // 100 % 100, number % 100
        return _day(raw, year, month, day)
    if _FIRST_YEAR * 100 <= number < (_LAST_YEAR + 1) * 100:
        return _month_only(raw, number // 100, number % 100)
    if _FIRST_YEAR <= number <= _LAST_YEAR:
        return _year_only(raw, number)
    if _FIRST_TEXT_SERIAL <= number <= _LAST_SERIAL:
        return excel_serial_to_date(number)
    raise _fail("tabular.date_invalid", raw)


def _from_text(raw: str) -> date | Coerced:
    return _text_date(raw)[0]


def _text_date(raw: str) -> tuple[date | Coerced, str]:
    """The date a text writes, and what its day is followed by (a weekday, the part of the day, a
    time: ``_TIME_TAIL``, a clock in Chinese numerals in figures; ``""`` for forms that take none)."""
    cleaned = _clock_in_figures(_nfkc(raw))
    match = _FULL_DATE.fullmatch(cleaned)
    if match:
        year, month, day = (int(g) for g in match.groups() if g is not None)
        if match[4] is not None and not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise _fail("tabular.date_invalid", raw)  # eight figures that are no 20230105
        return _day(raw, year, month, day), cleaned[match.end(3 if match[3] else 6) :]
    match = _SERIAL_TEXT.fullmatch(cleaned)
    if match:
        serial = int(match[1])
        if _FIRST_TEXT_SERIAL <= serial <= _LAST_SERIAL:
            return excel_serial_to_date(serial), ""
        raise _fail("tabular.date_invalid", raw)
    match = _YEAR_MONTH.fullmatch(cleaned)
    if match:
        year, month = (int(g) for g in match.groups() if g is not None)
        return _month_only(raw, year, month), ""
    match = _YEAR_ALONE.fullmatch(cleaned)
    if match and _FIRST_YEAR <= int(match[1]) <= _LAST_YEAR:
        return _year_only(raw, int(match[1])), ""
    match = _MONTH_DAY.fullmatch(cleaned)
    if match:
        return _month_day(raw, int(match[1]), int(match[2])), cleaned[match.end(2) :]
    unquoted = cleaned.removeprefix("'")
    match = _SHORT_YEAR.fullmatch(unquoted)
    if match:
        found = _short_year(raw, int(match[1]), int(match[2]), int(match[3]))
        return found, unquoted[match.end(3) :]
    numerals = _from_numerals(raw, cleaned)
    if numerals is not None:
        return numerals
    raise _fail("tabular.date_invalid", raw)


_NUMERALS: Final = (
    words.CHINESE_DIGIT_VALUES
    + words.CHINESE_ZERO_SPOKEN
    + words.CHINESE_TEN
    + "".join(words.CHINESE_TENS)
)
_IN_NUMERALS: Final = re.compile(
    rf"([{_NUMERALS}]+)(?=\s*[{words.DATE_YEAR}{words.DATE_MONTH}{words.DATE_DAY}"
    rf"{words.DATE_DAY_SPOKEN}])"
)
"""A number written in Chinese numerals before 年, 月, 日 or 号 (二〇二四年三月十五日)."""


def _numeral_value(numerals: str) -> str:
    """二〇二四 → 2024 (digit by digit), 十五 → 15, 二十 → 20, 廿五 → 25; "" if not a number."""
    numerals = numerals.replace(words.CHINESE_ZERO_SPOKEN, words.CHINESE_DIGIT_VALUES[0])
    for old, value in words.CHINESE_TENS.items():
        numerals = numerals.replace(
            old, words.CHINESE_DIGIT_VALUES[value // 10] + words.CHINESE_TEN
        )
    digits = words.CHINESE_DIGIT_VALUES
    if words.CHINESE_TEN not in numerals:
        return "".join(str(digits.index(n)) for n in numerals)
    tens, _, ones = numerals.partition(words.CHINESE_TEN)
    if len(tens) > 1 or len(ones) > 1 or words.CHINESE_TEN in ones or tens == digits[0]:
        return ""
    return str((digits.index(tens) if tens else 1) * 10 + (digits.index(ones) if ones else 0))


_CLOCK_NUMERALS: Final = re.compile(
    rf"([{_NUMERALS}{words.CHINESE_TWO_SPOKEN}]+)"
    rf"(?=\s*[{words.DATE_CLOCK_HOUR}{words.DATE_CLOCK_MINUTE}])"
)
"""Hours and minutes in Chinese numerals before 点, 时 or 分 (下午三点半, 上午九时, 十点十五分)."""
_CLOCK_MARKS: Final = re.compile(f"[{words.DATE_CLOCK_HOUR}{words.DATE_CLOCK_MINUTE}]")


def _clock_in_figures(text: str) -> str:
    """``text`` with a clock written in Chinese numerals written in figures (下午三点半 → 下午3点半,
    两点 → 2点), so it reads as the figures do; numerals that make no number stay as written."""
    if _CLOCK_MARKS.search(text) is None:  # the common case: no clock in words
        return text

    def figures(match: re.Match[str]) -> str:
        numerals = match[1].replace(words.CHINESE_TWO_SPOKEN, words.CHINESE_DIGIT_VALUES[2])
        return _numeral_value(numerals) or match[1]

    return _CLOCK_NUMERALS.sub(figures, text)


def _from_numerals(raw: str, cleaned: str) -> tuple[date | Coerced, str] | None:
    """A date written in Chinese numerals (二〇二四年三月五日, 三月十五日, a letter's or a
    handwritten form's way) read as its figures say, with ``tabular.date_in_numerals`` (info),
    and what follows its day (``_text_date``); ``None`` when the text has no such numbers."""
    numbers = [_numeral_value(m[1]) for m in _IN_NUMERALS.finditer(cleaned)]
    if not numbers:
        return None
    if not all(numbers):
        raise _fail("tabular.date_invalid", raw)
    figures = _IN_NUMERALS.sub(lambda m: _numeral_value(m[1]), cleaned)
    try:
        read, tail = _text_date(figures)
    except FindingError as error:
        (first, *_rest) = error.findings
        params = {**first.params, "value": raw}  # the finding names the cell as written
        raise FindingError([Finding.of(first.code, Severity.ERROR, **params)]) from None
    value, findings = (read.value, read.findings) if isinstance(read, Coerced) else (read, ())
    note = Finding.of("tabular.date_in_numerals", Severity.INFO, value=raw, date=value)
    return Coerced(value, (*findings, note)), tail


def _short_year(raw: RawValue, last_two: int, month: int, day: int) -> Coerced:
    """A date with two figures of its year ('24.6.5, typed with Excel's apostrophe to keep it as
    text): the century is the reading context's (``year_of_two_digits``), said in an info."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _fail("tabular.date_invalid", raw)
    year = year_of_two_digits(last_two)
    if year is None:
        raise _fail("tabular.date_century_missing", raw)
    value = _day(raw, year, month, day)
    note = Finding.of(
        "tabular.date_short_year",
        Severity.INFO,
        value=raw_text(raw),
        year=year,
        month=month,
        day=day,
    )
    return Coerced(value, (note,))


def date_value(raw: RawValue) -> date | Coerced:
    """A date as people write it, or a finding naming the value.

    - a date cell (a time part is dropped), an Excel serial number, 20230105 as a number;
    - text 2023-1-5, 2023/1/5, 2023.1.5, 2023年1月5日, 2023年1月5号, 20230105 (a time part is
      dropped), or an Excel serial stored as text (“45525”, five digits, up to 2099);
    - a year and month (1945.03, 1945年3月, 194503, as text or number): the first of the month,
      with ``tabular.date_month_only`` (info);
    - a year alone (2024, 2024年, as text or number, 1900 to 2099): the 1st of January, with
      ``tabular.date_year_only`` (warning: the month and day are missing), never a serial; any
      other number of fewer than five figures is ``tabular.date_invalid``;
    - a month and day (1月5日, 4.8, 5.20, 1/5): in the year of the reading context
      (``tabular.context.reading_year``); without one, ``tabular.date_year_missing``;
    - a number whose dropped last 0 makes it two dates (5.2: 5月2日 or 5月20日; 1945.1) is read as
      written with ``tabular.date_number_ambiguous`` (warning).

    A date that does not exist (2024/6/31, 2024年2月30日) is ``tabular.date_impossible``; anything
    else ``tabular.date_invalid``.
    """
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, bool):
        raise _fail("tabular.date_invalid", raw)
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            raise _fail("tabular.date_invalid", raw)
        return _from_number(raw)
    if isinstance(raw, str):
        return _from_text(raw)
    raise _fail("tabular.date_invalid", raw)


_CLOCK_READ: Final = re.compile(
    rf"(\d{{1,2}})(?::(\d{{2}})(?::(\d{{2}})(?:\.\d+)?)?"
    rf"|[{words.DATE_CLOCK_HOUR}](?:(\d{{1,2}}){words.DATE_CLOCK_MINUTE}?|({words.DATE_CLOCK_HALF}))?)"
)
"""A clock as written after a date or in a time column: 9:30, 09:30:15, 9时, 9点30分, 9点半."""
_PART_OF_DAY: Final = re.compile(_TIME_OF_DAY)
_TIME_TEXT: Final = re.compile(
    rf"(?:{_TIME_OF_DAY})?\s*{_CLOCK}"
    rf"(?:\s*[{re.escape(words.DATE_CLOCK_RANGE)}]\s*(?:{_TIME_OF_DAY})?\s*{_CLOCK})?"
)
"""A time column's cell: a clock, after the part of the day or not (下午3:30), or a span of
time (9:30-10:30, 上午9时至11时), whose start is the time."""
_TIME_BASES: Final = (date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1))
"""The days a spreadsheet gives a cell holding a time of day only (its serial below 1)."""


def _clock_in(text: str) -> tuple[time | None, str]:
    """The first time of day ``text`` writes (the start of a span), with the part of the day
    written before it (下午3时 is 15:00), and the clock as written; ``(None, "")`` when it writes
    none (上午 alone, a weekday). ``ValueError`` names the clock when it is no time (25:00,
    9:75, 上午15时)."""
    clock = _CLOCK_READ.search(text)
    if clock is None:
        return None, ""
    hour = int(clock[1])
    minute = int(clock[2] or clock[4] or (30 if clock[5] else 0))
    second = int(clock[3] or 0)
    parts = _PART_OF_DAY.findall(text, 0, clock.start())
    part = parts[-1] if parts else ""
    written = f"{part}{clock[0]}"
    if part in words.DATE_AFTERNOON_BELOW and hour < words.DATE_AFTERNOON_BELOW[part]:
        hour += 12
    elif part in words.DATE_MORNING and hour > 12:
        raise ValueError(written)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(written)
    return time(hour, minute, second), written


def date_and_time(raw: RawValue) -> date | datetime | Coerced:
    """A day as ``date_value`` reads it, and the time of day the cell gives beside it: a
    ``datetime`` then (2024年7月5日（星期五）上午9:30-10:30 is 2024-07-05 09:30, the start of the
    span; 2024-7-5 下午3时 and 2024-7-5 下午三点 are 15:00; a date cell with a time part keeps it),
    else the ``date``.
    The part of the day alone (2024-7-5 上午) is no time: the day only. A time that is no time
    of day (2024-7-5 25:00) leaves the day, with ``tabular.time_in_date_unread`` (warning)."""
    if raw.__class__ is date:
        return raw
    if isinstance(raw, datetime):
        moment = raw.replace(microsecond=0)
        return moment if moment.time() != time(0) else moment.date()
    if not isinstance(raw, str):
        return date_value(raw)
    day, tail = _text_date(raw)
    if not tail:
        return day
    try:
        at, _written = _clock_in(tail)
    except ValueError as error:
        unread = Finding.of(
            "tabular.time_in_date_unread", Severity.WARNING, value=raw_text(raw), time=str(error)
        )
        if isinstance(day, Coerced):
            return Coerced(day.value, (*day.findings, unread))
        return Coerced(day, (unread,))
    if at is None:
        return day
    if isinstance(day, Coerced):
        return Coerced(datetime.combine(day.value, at), day.findings)
    return datetime.combine(day, at)


DATE_COERCERS: Final = (date_value, date_and_time)
"""The coercers that read a day: a date cell is their own value, and a date written over part
columns (``tabular.date_parts``) is read by them."""


def time_value(raw: RawValue) -> time | None:
    """A time of day from a time cell, a date cell with a time part, an Excel day fraction (0.5
    is noon) or text: 9:30, 09:30:15, 下午3时, 9点半, 下午三点半 (a clock in Chinese numerals reads
    as in figures), or a span 9:30-10:30 (its start), seconds
    kept and anything finer dropped. The part of the day alone (上午, 下午) is no time: ``None``,
    said by no finding (the visit keeps its day). A day without a time (a date cell, 2024-7-5)
    is ``tabular.time_invalid``, as any other text is."""
    if isinstance(raw, datetime):
        if raw.time() == time(0) and raw.date() not in _TIME_BASES:
            raise _fail("tabular.time_invalid", raw)  # a day, not a time of it
        return raw.time().replace(microsecond=0)
    if isinstance(raw, time):
        return raw.replace(microsecond=0)
    if isinstance(raw, float | int) and not isinstance(raw, bool) and 0 <= raw < 1:
        seconds = round(raw * 86400)
        if seconds < 86400:
            return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    if isinstance(raw, str):
        cleaned = _clock_in_figures(_nfkc(raw))
        if cleaned in words.DATE_TIMES_OF_DAY:
            return None
        if _TIME_TEXT.fullmatch(cleaned):
            try:
                at, _written = _clock_in(cleaned)
            except ValueError:
                raise _fail("tabular.time_invalid", raw) from None
            return at
    raise _fail("tabular.time_invalid", raw)


# --- yes / no -------------------------------------------------------------------------------------


def yes_no(raw: RawValue) -> bool:
    """是/否, 有/无, √/×, ✓, Y/N (and TRUE/FALSE cells); a cell saying what was done or not done
    reads by its first word: 已转移 yes, 未转移, 不需要, 无需转移 no."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        cleaned = _nfkc(raw).strip()
        if cleaned in words.YES_WORDS:
            return True
        if cleaned in words.NO_WORDS:
            return False
        if len(cleaned) > 1 and cleaned.startswith(words.DONE_PREFIX):
            return True
        if len(cleaned) > 1 and cleaned.startswith(words.NOT_DONE_PREFIXES):
            return False
    raise _fail("tabular.yes_no_invalid", raw)


# --- money ----------------------------------------------------------------------------------------


def _alternation(options: frozenset[str]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_MONEY: Final = re.compile(
    rf"(?P<sign>{_alternation(words.CURRENCY_SIGNS)})?\s*"
    rf"(?P<before>{_alternation(words.APPROXIMATE_BEFORE)})?\s*"
    rf"(?P<sign2>{_alternation(words.CURRENCY_SIGNS)})?\s*"
    r"(?P<number>[+-]?\d[\d,]*(?:\.\d+)?)\s*"
    rf"(?P<after1>{_alternation(words.APPROXIMATE_AFTER)})?\s*"
    rf"(?P<wan>{re.escape(words.WAN)})?\s*"
    rf"(?P<after2>{_alternation(words.APPROXIMATE_AFTER)})?\s*"
    rf"(?:{re.escape(words.YUAN)})?\s*"
    rf"(?P<after3>{_alternation(words.APPROXIMATE_AFTER)})?"
)


def _decimal_of_number(raw: int | float) -> Decimal:
    # repr gives the shortest text that reads back as the same float: 1234.5, not 1234.4999…
    return Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw))


def money_value(raw: RawValue) -> Money:
    """An amount in yuan as ``Money``: numbers, or text with 元/万元, ¥, thousands separators;
    “2万余元”, “50多万元”, “约3000元” are kept with ``approximate=True``."""
    if isinstance(raw, bool):
        raise _fail("tabular.money_invalid", raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _fail("tabular.money_invalid", raw)
        return Money(_decimal_of_number(raw))
    if not isinstance(raw, str):
        raise _fail("tabular.money_invalid", raw)
    match = _MONEY.fullmatch(_nfkc(raw))
    if match is None:
        raise _fail("tabular.money_invalid", raw)
    number = match["number"]
    if "," in number and not re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        raise _fail("tabular.money_invalid", raw)
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise _fail("tabular.money_invalid", raw) from None
    if match["wan"]:
        amount = amount * 10000
        if amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
    approximate = any(match[g] for g in ("before", "after1", "after2", "after3"))
    return Money(amount, approximate)


def money(raw: RawValue) -> Money | Coerced:
    """Like ``money_value``; an approximate figure comes with an info finding saying so."""
    value = money_value(raw)
    if value.approximate:
        note = Finding.of(
            "tabular.money_approximate",
            Severity.INFO,
            value=raw_text(raw),
            amount=format(value.amount, "f"),
        )
        return Coerced(value, (note,))
    return value


def money_text(value: Money) -> str:
    """How the writer renders an approximate amount so that it reads back equal: “20000余元”."""
    amount = format(value.amount, "f")
    if not value.approximate:
        return amount
    return f"{amount}{words.APPROXIMATE_WRITTEN}{words.YUAN}"


# --- labels ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    """Spaces removed and full-width forms made half-width (NFKC), for comparing labels and
    headers: “特困人员（分散供养）” and “特困人员(分散供养)” compare equal, and a required-field mark
    (“*姓名”, “姓名＊”) is ignored."""
    return re.sub(r"\s+", "", _nfkc(label)).strip("*")


def choice(
    labels: Mapping[str, str],
    meaning: Callable[[str], Any] | None = None,
    likely: Callable[[str], str | None] | None = None,
) -> Coercer:
    """A coercer mapping cell text to a code through ``labels`` (text → code).

    Codes are accepted as themselves; labels are compared after ``normalise_label``. A text that
    is none of them is then read by ``meaning`` (text → what it means, or ``None`` for a text it
    does not understand), when given: how a column reads words by their meaning (the glossary's
    readings of modes, categories and levels; this module knows no domain words). What a meaning
    gives is the value as it stands: a code, or for a word meaning several values a tuple of
    them. A text neither reads is an error that lists the accepted labels, and names the word it
    is ``likely`` a slip for, when one is (the value is never read in its place).
    """
    lookup = {normalise_label(text_): code for text_, code in labels.items()}
    for code in labels.values():
        lookup.setdefault(normalise_label(code), code)
    known = words.LIST_JOINER.join(dict.fromkeys(labels))
    # Texts exactly as given (labels and codes) → their code through the same lookup, so a cell
    # holding one of them is found without normalising it first; the answer is the same.
    exact = {t: lookup[normalise_label(t)] for t in [*labels, *labels.values()]}

    def coerce(raw: RawValue) -> Any:
        found = exact.get(raw) if type(raw) is str else None
        if found is None:
            written = raw_text(raw)
            found = lookup.get(normalise_label(written))
            if found is None and meaning is not None:
                found = meaning(written)
            if found is None:
                meant = likely(written) if likely is not None else None
                if meant is not None:
                    raise _fail("tabular.label_likely_slip", raw, likely=meant, known=known)
        if found is None:
            raise _fail("tabular.label_unrecognised", raw, known=known)
        return found

    _EXACT_LABELS[coerce] = MappingProxyType(exact)
    return coerce


_EXACT_LABELS: weakref.WeakKeyDictionary[Coercer, Mapping[str, str]] = weakref.WeakKeyDictionary()


def exact_labels(coercer: Coercer) -> Mapping[str, str] | None:
    """For a ``choice`` coercer: the texts it maps to a code as they stand (labels and codes as
    given), which is what it answers first for a text cell; ``None`` for any other coercer. Lets
    a caller that reads many cells look the common texts up itself."""
    return _EXACT_LABELS.get(coercer)


@functools.lru_cache(maxsize=64)
def _separator_pattern(separators: str) -> tuple[re.Pattern[str], bool]:
    """The pattern splitting at ``separators`` (and spaces), and whether they are all outside
    ASCII letters and digits (then a cell of only ASCII letters and digits is a single value)."""
    pattern = re.compile("[" + re.escape(separators) + r"\s]+")
    return pattern, not any(c.isascii() and c.isalnum() for c in separators)


def split_values(cell: str, separators: str = words.LIST_SEPARATORS) -> list[str]:
    """The parts of a multi-valued cell (“低保、特困”), empty parts dropped."""
    pattern, alnum_is_one = _separator_pattern(separators)
    if alnum_is_one and cell.isascii() and cell.isalnum():
        return [cell]  # what NFKC and splitting would give: one part, unchanged
    return [part for part in pattern.split(_nfkc(cell)) if part]
