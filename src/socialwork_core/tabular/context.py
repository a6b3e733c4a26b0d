"""What the cells of a sheet are read against: the year (or period) a year-less date belongs to.

A visit log titled “2023年探访记录” writes its dates as 1月5日, 4.8, 5.20: the year is in the title
or the period line, not in the cell. Whoever reads the sheet says so (``with reading_year(2023):``
around the rows); ``tabular.cells.date_value`` then reads a month and day in that year. Without
it, a year-less date is a finding saying the year is missing, never a guess.

The setting is a ``contextvars`` variable: it holds for the code run inside the ``with`` in this
thread (or task) only, and is restored on leaving it, so nested sheets and threads never see each
other's year.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Final

from ..glossary import vocabulary as words

_PERIOD: Final[ContextVar[tuple[date, date] | None]] = ContextVar(
    "socialwork_core_reading_period", default=None
)


@contextmanager
def reading_period(first: date, last: date) -> Iterator[None]:
    """Year-less dates read inside the ``with`` belong to the period ``first``–``last`` (a sheet's
    统计时间 2023年12月–2024年1月): each takes the year that puts it in the period, or nearest to
    it (a date as far from the period in two years is left without a year)."""
    if last < first:
        raise ValueError(f"a reading period ends before it starts: {first} – {last}")
    token = _PERIOD.set((first, last))
    try:
        yield
    finally:
        _PERIOD.reset(token)


@contextmanager
def reading_year(year: int) -> Iterator[None]:
    """Year-less dates read inside the ``with`` are in ``year`` (from a sheet's title such as
    “2023年探访记录”)."""
    with reading_period(date(year, 1, 1), date(year, 12, 31)):
        yield


def reading_span() -> tuple[date, date] | None:
    """The period year-less dates are read in here, or ``None`` when no reader has set one."""
    return _PERIOD.get()


def year_for(month: int, day: int) -> int | None:
    """The year a date written as ``month``/``day`` has in the current reading period, or ``None``
    (no period set, or the day is as far from the period in two of its years). A day that does
    not exist in the period's years (2月30日, 2月29日 in 2023) is given the period's first year, so
    that the finding can name the impossible date."""
    span = _PERIOD.get()
    if span is None:
        return None
    first, last = span
    if first.year == last.year:
        return first.year
    best: tuple[int, int] | None = None  # (distance in days, year)
    tied = False
    for year in range(first.year, last.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        distance = max((first - candidate).days, (candidate - last).days, 0)
        if best is None or distance < best[0]:
            best, tied = (distance, year), False
        elif distance == best[0]:
            tied = True
    if best is None:  # a day no year has (2月30日): the first year, so the finding names it
        return first.year
    return None if tied else best[1]


def year_of_two_digits(last_two: int) -> int | None:
    """The year a date written with two figures of its year (24.6.5) has: the latest year ending
    in them that is not later than the year after the reading period ends (a ledger's dates are
    past ones, or planned for the months ahead: '56 is 1956 in a 2024 register, '24 is 2024), or
    ``None`` when no period is set."""
    span = _PERIOD.get()
    if span is None:
        return None
    latest = span[1].year + 1
    year = latest - (latest - last_two) % 100
    return year


_YEAR_IN_TEXT: Final = re.compile(
    rf"(?<!\d)((?:19|20)\d\d)(?:\s*{words.DATE_YEAR}|[{re.escape(words.DATE_SEPARATORS)}]\d)"
)


def year_in_text(text: str) -> int | None:
    """The one year (1900–2099) a sheet's title or period line names, written as 2023年 or in a
    date (2023-12-31, 2023.12.31): “十八里镇社工站2023年探访记录”, “统计截至：2023年12月31日” give
    2023. ``None`` when the text names no year, or two different ones (a period across new year:
    read it as a period and use ``reading_period``)."""
    found = {int(m[1]) for m in _YEAR_IN_TEXT.finditer(unicodedata.normalize("NFKC", text))}
    return found.pop() if len(found) == 1 else None
