"""Report periods (统计周期): week, month, quarter, half-year, year, a date range, and cumulative to date.

A :class:`Period` is a closed range of dates (``start`` and ``end`` both included) with its kind.
Calendar kinds (week, month, quarter, half-year, year) tile the calendar, so they have a
:meth:`~Period.next` and a :meth:`~Period.previous`; a date range and a cumulative period do not.

Weeks start on a regional weekday (docs/domain.md section 6: Kaifeng's weekly report runs Friday to
Thursday), given as ``first_weekday`` with Python's numbering (0 Monday … 6 Sunday).

Week numbers: ``2022-W47`` names the ISO 8601 week 47 of 2022 (Monday 21 to Sunday 27 November)
*shifted back* to the regional first weekday: the week is the one that starts on the last
``first_weekday`` on or before that ISO Monday. Every seven-day run contains exactly one Monday, so
each regional week is named by the ISO week of the Monday inside it, and the naming is one to one.
With ``first_weekday=4`` (Friday), ``2022-W47`` is Friday 18 to Thursday 24 November 2022. With the
default Monday start it is exactly the ISO week. This convention is the library's **default**, not
a national text.

``..2023-06-30`` is 截至 a date: cumulative from the start of records (:data:`RECORDS_START`, before
any station ledger) to that date, both included.

Periods and dates are read as workers write them too (``2023年3月``, ``2023年第一季度``,
``2023年上半年``, ``2023年3月1日至2023年3月31日``): the words are the glossary's.

Nothing here reads the wall clock and nothing here depends on the rest of the library but the
glossary's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

import attrs

from .glossary import vocabulary as words

__all__ = [
    "CALENDAR_KINDS",
    "RECORDS_START",
    "Period",
    "PeriodKind",
    "bounds",
    "containing",
    "cumulative",
    "date_range",
    "half_year",
    "iso_week",
    "month",
    "parse_date",
    "parse_period",
    "periods_between",
    "quarter",
    "stock_date",
    "up_to",
    "week",
    "year",
]

_ONE_DAY = timedelta(days=1)

RECORDS_START = date(1950, 1, 1)
"""The start of records: a cumulative period written ``..DATE`` (截至 a date) starts here, before
any station ledger's first record, so it counts everything up to its date."""


class PeriodKind(StrEnum):
    """The kind of a report period; the value is a stable English code."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    RANGE = "range"
    """Any date range (任意时段)."""
    CUMULATIVE = "cumulative"
    """From the start of records to the as-of date (截至目前)."""

    @property
    def is_calendar(self) -> bool:
        """True for the kinds that tile the calendar (week … year)."""
        return self in CALENDAR_KINDS


CALENDAR_KINDS = frozenset(
    {PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR}
)
"""The calendar kinds: each day falls in exactly one period of each (for a given first weekday)."""


def _check_first_weekday(first_weekday: int) -> None:
    if isinstance(first_weekday, bool) or not isinstance(first_weekday, int):
        raise TypeError(f"first_weekday must be an int 0-6 (0 = Monday), got {first_weekday!r}")
    if not 0 <= first_weekday <= 6:
        raise ValueError(f"first_weekday must be 0-6 (0 = Monday), got {first_weekday!r}")


def _month_end(y: int, m: int) -> date:
    if m == 12:
        return date(y, 12, 31)
    return date(y, m + 1, 1) - _ONE_DAY


def _bounds(kind: PeriodKind, day: date, first_weekday: int) -> tuple[date, date]:
    """Start and end of the calendar period of ``kind`` containing ``day``."""
    if kind is PeriodKind.WEEK:
        start = day - timedelta(days=(day.weekday() - first_weekday) % 7)
        return start, start + timedelta(days=6)
    if kind is PeriodKind.MONTH:
        return date(day.year, day.month, 1), _month_end(day.year, day.month)
    if kind is PeriodKind.QUARTER:
        first = 3 * ((day.month - 1) // 3) + 1
        return date(day.year, first, 1), _month_end(day.year, first + 2)
    if kind is PeriodKind.HALF_YEAR:
        if day.month <= 6:
            return date(day.year, 1, 1), date(day.year, 6, 30)
        return date(day.year, 7, 1), date(day.year, 12, 31)
    if kind is PeriodKind.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"{kind.value!r} is not a calendar period kind")


def _check_range(instance: Period, _attribute: attrs.Attribute[Any], end: date) -> None:
    if end < instance.start:
        raise ValueError(f"period end {end} is before its start {instance.start}")


@attrs.frozen(order=True)
class Period:
    """统计周期: a closed date range (both ends included) of a given kind.

    Build one with the constructors of this module (:func:`month`, :func:`week`, :func:`parse_period`
    …). A calendar-kind period must be exactly one calendar period (a "month" from the 2nd to the
    1st is rejected); a week's first weekday is that of its ``start``.
    """

    start: date
    """The first day, included."""
    end: date = attrs.field(validator=_check_range)
    """The last day, included."""
    kind: PeriodKind = attrs.field(converter=PeriodKind)
    """Week, month, quarter, half-year, year, range or cumulative."""

    def __attrs_post_init__(self) -> None:
        if self.kind.is_calendar:
            expected = _bounds(self.kind, self.start, self.start.weekday())
            if expected != (self.start, self.end):
                raise ValueError(
                    f"{self.start}..{self.end} is not one calendar {self.kind.value}; "
                    f"the {self.kind.value} starting {self.start} is {expected[0]}..{expected[1]}"
                )

    @property
    def label(self) -> str:
        """The period in code form: ``2022-03``, ``2022-Q1``, ``2022-H1``, ``2022``, ``2022-W47``,
        ``2022-03-01..2022-03-31`` (a range and a cumulative period alike).

        A cumulative period from :data:`RECORDS_START` is ``..2022-03-31`` (截至 that date).

        ``parse_period(p.label, first_weekday=p.first_weekday)`` gives back ``p`` for every kind but
        a cumulative period with another start (which parses as a range of the same dates).
        """
        kind, start = self.kind, self.start
        if kind is PeriodKind.MONTH:
            return f"{start.year:04d}-{start.month:02d}"
        if kind is PeriodKind.QUARTER:
            return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
        if kind is PeriodKind.HALF_YEAR:
            return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
        if kind is PeriodKind.YEAR:
            return f"{start.year:04d}"
        if kind is PeriodKind.WEEK:
            iso = self.iso_monday.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if kind is PeriodKind.CUMULATIVE and start == RECORDS_START:
            return f"..{self.end.isoformat()}"
        return f"{start.isoformat()}..{self.end.isoformat()}"

    @property
    def from_records_start(self) -> bool:
        """True for 截至 a date: a cumulative period from :data:`RECORDS_START`."""
        return self.kind is PeriodKind.CUMULATIVE and self.start == RECORDS_START

    @property
    def first_weekday(self) -> int:
        """The weekday (0 Monday … 6 Sunday) this period starts on; for weeks, the regional start."""
        return self.start.weekday()

    @property
    def iso_monday(self) -> date:
        """For a week: the one Monday inside it, whose ISO week number names the week."""
        if self.kind is not PeriodKind.WEEK:
            raise ValueError(f"only a week has an ISO Monday, not a {self.kind.value}")
        return self.start + timedelta(days=(0 - self.start.weekday()) % 7)

    @property
    def days(self) -> int:
        """How many days the period covers (both ends included)."""
        return (self.end - self.start).days + 1

    def dates(self) -> Iterator[date]:
        """Every day of the period, in order."""
        day = self.start
        while day <= self.end:
            yield day
            day += _ONE_DAY

    def contains(self, day: date) -> bool:
        """True when ``start <= day <= end``."""
        return self.start <= day <= self.end

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.contains(day)

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def next(self) -> Period:
        """The calendar period right after this one (same kind; a week keeps its first weekday)."""
        return self._neighbour(self.end + _ONE_DAY)

    def previous(self) -> Period:
        """The calendar period right before this one."""
        return self._neighbour(self.start - _ONE_DAY)

    def _neighbour(self, day: date) -> Period:
        if not self.kind.is_calendar:
            raise ValueError(f"a {self.kind.value} period has no next or previous period")
        return containing(self.kind, day, first_weekday=self.first_weekday)

    def __str__(self) -> str:
        return self.label


def bounds(kind: PeriodKind, day: date, *, first_weekday: int = 0) -> tuple[date, date]:
    """Start and end of the calendar period of ``kind`` containing ``day``, without building a
    :class:`Period` (for hot loops; ``first_weekday`` is not checked here)."""
    return _bounds(kind, day, first_weekday)


def containing(kind: PeriodKind | str, day: date, *, first_weekday: int = 0) -> Period:
    """The calendar period of ``kind`` that contains ``day`` (``first_weekday`` matters for weeks)."""
    kind = PeriodKind(kind)
    _check_first_weekday(first_weekday)
    start, end = _bounds(kind, day, first_weekday)
    return Period(start, end, kind)


def month(y: int, m: int) -> Period:
    """The calendar month ``m`` (1–12) of year ``y``."""
    if not 1 <= m <= 12:
        raise ValueError(f"month must be 1-12, got {m!r}")
    return Period(date(y, m, 1), _month_end(y, m), PeriodKind.MONTH)


def quarter(y: int, q: int) -> Period:
    """Quarter ``q`` (1–4) of year ``y``: Q1 is January to March."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter must be 1-4, got {q!r}")
    first = 3 * (q - 1) + 1
    return Period(date(y, first, 1), _month_end(y, first + 2), PeriodKind.QUARTER)


def half_year(y: int, h: int) -> Period:
    """Half-year ``h`` (1 or 2) of year ``y``: H1 is January to June."""
    if h not in (1, 2):
        raise ValueError(f"half-year must be 1 or 2, got {h!r}")
    first = 1 if h == 1 else 7
    return Period(date(y, first, 1), _month_end(y, first + 5), PeriodKind.HALF_YEAR)


def year(y: int) -> Period:
    """The calendar year ``y``."""
    return Period(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR)


def week(day: date, first_weekday: int = 0) -> Period:
    """The week containing ``day`` that starts on ``first_weekday`` (0 Monday … 6 Sunday).

    ``week(date(2022, 11, 18), first_weekday=4)`` is Friday 18 to Thursday 24 November 2022
    (a Henan weekly report).
    """
    return containing(PeriodKind.WEEK, day, first_weekday=first_weekday)


def iso_week(y: int, w: int, first_weekday: int = 0) -> Period:
    """The week named ``{y}-W{w}``: ISO week ``w`` of ISO year ``y``, shifted back to start on the
    last ``first_weekday`` on or before its Monday (see the module docstring).

    ``ValueError`` for a week the ISO year does not have (week 53 of most years).
    """
    _check_first_weekday(first_weekday)
    try:
        monday = date.fromisocalendar(y, w, 1)
    except ValueError as exc:
        raise ValueError(f"no ISO week {w} in {y}: {exc}") from None
    start = monday - timedelta(days=(0 - first_weekday) % 7)
    return Period(start, start + timedelta(days=6), PeriodKind.WEEK)


def date_range(a: date, b: date) -> Period:
    """Any date range from ``a`` to ``b``, both included (``ValueError`` if ``b`` is before ``a``)."""
    return Period(a, b, PeriodKind.RANGE)


def cumulative(start: date, to: date) -> Period:
    """截至目前: from the start of records ``start`` to the as-of date ``to``, both included."""
    return Period(start, to, PeriodKind.CUMULATIVE)


def up_to(to: date) -> Period:
    """截至 ``to``: every record from :data:`RECORDS_START` to ``to``, cumulative."""
    if to < RECORDS_START:
        raise ValueError(f"{to} is before the start of records {RECORDS_START}")
    return cumulative(RECORDS_START, to)


def stock_date(period: Period, as_of: date) -> date:
    """The day a stock figure (workers in post, certified, stations, people on the register) is
    counted on for ``period``: its end, or ``as_of`` when the report is made before the end."""
    return min(period.end, as_of)


_Y = r"(\d{4})\s*"
_YEAR_WORD = rf"\s*{words.DATE_YEAR}\s*"
_NUMERALS = "".join(words.PERIOD_NUMERALS)
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})"), "month"),
    (re.compile(r"(\d{4})\s*-?\s*[Qq]\s*([1-4])"), "quarter"),
    (re.compile(r"(\d{4})\s*-?\s*[Hh]\s*([12])"), "half"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})"), "week"),
    # as workers write them: 2023年3月(份), 2023年第一季度, 2023年一季度, 2023年上半年, 2023年(度),
    # 2023年第12周
    (
        re.compile(
            rf"(\d{{4}}){_YEAR_WORD}(\d{{1,2}})\s*{words.DATE_MONTH}(?:{words.PERIOD_MONTH_TAIL})?"
        ),
        "month",
    ),
    (
        re.compile(
            rf"(\d{{4}}){_YEAR_WORD}{words.PERIOD_ORDINAL}?\s*([1-4{_NUMERALS}])\s*"
            rf"(?:{words.PERIOD_QUARTER}|{words.PERIOD_QUARTER_SHORT})"
        ),
        "quarter",
    ),
    (
        re.compile(rf"(\d{{4}}){_YEAR_WORD}({'|'.join(words.PERIOD_HALVES)})"),
        "half",
    ),
    (re.compile(rf"(\d{{4}})\s*(?:{words.PERIOD_WHOLE_YEAR}|{words.DATE_YEAR})"), "year"),
    (
        re.compile(
            rf"(\d{{4}}){_YEAR_WORD}{words.PERIOD_ORDINAL}\s*(\d{{1,2}})\s*{words.PERIOD_WEEK}"
        ),
        "week",
    ),
)
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(
        rf"(\d{{4}}){_YEAR_WORD}(\d{{1,2}})\s*{words.DATE_MONTH}\s*(\d{{1,2}})\s*"
        rf"{words.DATE_DAY}?"
    ),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
"""The text forms of a date a ledger cell may hold (``tabular.cells.date_value`` reads the same)."""

_EXPECTED = (
    "2022-03, 2022-Q1, 2022-H1, 2022, 2022-W47, 2022-03-01..2022-03-31 or ..2022-03-31 "
    "(or the same written in Chinese words)"
)


def parse_date(text: str) -> date:
    """A date written as a ledger cell may hold it: ``2022-03-18``, ``2022-3-18``, ``2022/3/18``,
    ``2022.3.18``, ``2022年3月18日`` or ``20220318`` (full-width digits too). ``ValueError``
    otherwise, or for a day that does not exist."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for pattern in _DATE_PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found is not None:
            return date(int(found[1]), int(found[2]), int(found[3]))
    raise ValueError(f"unrecognised date {text!r}; expected a form such as 2022-03-18")


def _number(text: str) -> int:
    return words.PERIOD_NUMERALS.get(text) or int(text)


def parse_period(text: str, *, first_weekday: int = 0) -> Period:
    """Read a period as it is written in code or in a worker's words (spaces around ignored,
    full-width digits accepted):

    - month: ``2022-03``, ``2022-3``, ``2022/03``, ``2022.3``, ``2022年3月``, ``2022年3月份``;
    - quarter: ``2022-Q1``, ``2022Q1``, ``2022年第一季度``, ``2022年一季度``, ``2022年第1季度``;
    - half-year: ``2022-H1``, ``2022年上半年``, ``2022年下半年``;
    - year: ``2022``, ``2022年``, ``2022年度``;
    - week: ``2022-W47``, ``2022年第47周`` (see :func:`iso_week`; ``first_weekday`` applies);
    - a date range, both ends included: ``2022-03-01..2022-03-31``, each end in any form of
      :func:`parse_date`, joined by ``..``, ``至``, ``到`` or ``~``;
    - 截至 a date: ``..2022-06-30`` (or ``截至2022年6月30日``): cumulative from
      :data:`RECORDS_START` (see :func:`up_to`).

    Anything else raises ``ValueError`` naming the accepted forms.
    """
    _check_first_weekday(first_weekday)
    if not isinstance(text, str):
        raise TypeError(f"a period must be given as text, got {text!r}")
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for pattern, form in _PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found is None:
            continue
        try:
            if form == "month":
                return month(int(found[1]), int(found[2]))
            if form == "quarter":
                return quarter(int(found[1]), _number(found[2]))
            if form == "half":
                half = words.PERIOD_HALVES.get(found[2])
                return half_year(int(found[1]), half if half is not None else int(found[2]))
            if form == "year":
                return year(int(found[1]))
            return iso_week(int(found[1]), int(found[2]), first_weekday)
        except ValueError as exc:
            raise ValueError(f"invalid period {text!r}: {exc}") from None
    for prefix in words.PERIOD_UP_TO:
        if cleaned.startswith(prefix):
            try:
                return up_to(parse_date(cleaned[len(prefix) :]))
            except ValueError as exc:
                raise ValueError(f"invalid period {text!r}: {exc}; expected {_EXPECTED}") from None
    for separator in words.PERIOD_RANGE_SEPARATORS:
        if separator in cleaned:
            first, _, last = cleaned.partition(separator)
            try:
                return date_range(parse_date(first), parse_date(last))
            except ValueError as exc:
                raise ValueError(f"invalid period {text!r}: {exc}; expected {_EXPECTED}") from None
    raise ValueError(f"unrecognised period {text!r}; expected {_EXPECTED}")


def periods_between(
    kind: PeriodKind | str, start: date, end: date, *, first_weekday: int = 0
) -> Iterator[Period]:
    """The calendar periods of ``kind`` from the one containing ``start`` to the one containing
    ``end``, in order (so the first and last may stick out past ``start`` and ``end``).

    Nothing is yielded when ``end`` is before ``start``.
    """
    if end < start:
        return
    current = containing(kind, start, first_weekday=first_weekday)
    while current.start <= end:
        yield current
        current = current.next()
