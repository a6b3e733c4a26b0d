"""A visit dated years away from its sheet's period: a warning at the date cell, the visit kept.

A visit log covers a year or so (docs/domain.md section 3: visits are counted per month, quarter
and year). A date years outside it is a slip (2032 typed for 2023, a birth date in the date column,
19 for 2019) that would otherwise count in the wrong period's figures, or in none. The check never
drops or changes the visit: it names the cell so a worker can correct it.

**The sheet's period** is, in this order:

1. the year the sheet names: its title rows, its name, else the file's name (the year the reader
   reads year-less dates in, ``Table.year``);
2. else the years of the middle half of the sheet's own visit dates (from the first quartile's
   year to the third quartile's), when the sheet holds at least ``MIN_VISITS_FOR_SPAN`` visits.
   A few slips cannot move it, and a sheet with fewer visits has no period to check against.

**Years away** means outside the period widened by one year on each side
(``YEARS_OF_SLACK``): a 2023 log with a visit on 2024-01-03 (filled in late) or 2022-12-28 (the
previous year's last round) passes; one on 2021-06-01 or 2025-02-01 is named.

The warning's row is found by reading the sheet's date column again, only when some visit is
out of its period, so the usual load costs nothing more. Visits written across a register's
rows (``ledger.onesheet``) are not checked: their columns name their months already.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Collection, Iterable
from datetime import date
from operator import attrgetter
from typing import Final

import attrs

from ..findings import Finding, FindingError
from ..glossary.terms import Severity
from ..tabular import Issue, Table, Workbook, WorkbookError, column_letter
from ..tabular.cells import Coerced, RawValue, date_value, raw_text
from ..tabular.context import reading_year
from ..tabular.rows import is_blank

__all__ = ["MIN_VISITS_FOR_SPAN", "YEARS_OF_SLACK", "VisitPeriod", "far_visits", "visit_period"]

YEARS_OF_SLACK: Final = 1
"""Years on each side of the period within which a visit date passes unremarked."""
MIN_VISITS_FOR_SPAN: Final = 8
"""Visits a sheet needs before its own dates (without a year in its title) set its period."""


@attrs.frozen
class VisitPeriod:
    """The years a visit sheet covers, and where the period was taken from."""

    first_year: int
    last_year: int
    from_title: bool
    """True when the sheet (or file) names its year; False when read from its dates."""

    def holds(self, day: date) -> bool:
        """Whether ``day`` is within the period or ``YEARS_OF_SLACK`` years of it."""
        return self.holds_year(day.year)

    def holds_year(self, year: int) -> bool:
        """Whether a day of ``year`` is within the period or ``YEARS_OF_SLACK`` years of it."""
        return self.first_year - YEARS_OF_SLACK <= year <= self.last_year + YEARS_OF_SLACK

    @property
    def label(self) -> str:
        """The period as a worker reads it: 2023 or 2022–2023."""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


def visit_period(year: int | None, dates: Iterable[date]) -> VisitPeriod | None:
    """The period of a visit sheet: the year it names, else its dates' middle half (see the
    module docstring), else ``None``."""
    return _period(year, Counter(map(_YEAR, dates)))


_YEAR: Final = attrgetter("year")


def _period(year: int | None, years: Counter[int]) -> VisitPeriod | None:
    """``visit_period`` from the number of visits of each year (a county log holds 300,000
    visits in a few years: counted in one pass in C, the quartiles read off the few years)."""
    if year is not None:
        return VisitPeriod(year, year, from_title=True)
    total = years.total()
    if total < MIN_VISITS_FOR_SPAN:
        return None
    quarter = total // 4
    # the years at positions ``quarter`` and ``total - 1 - quarter`` of the sorted dates
    first = last = None
    seen = 0
    for each in sorted(years):
        seen += years[each]
        if first is None and seen > quarter:
            first = each
        if seen > total - 1 - quarter:
            last = each
            break
    assert first is not None and last is not None
    return VisitPeriod(first, last, from_title=False)


def far_visits(
    workbook: Workbook, table: Table, dates: Iterable[date], field: str = "on"
) -> list[Issue]:
    """A warning at the date cell of each visit of ``table`` whose date (``dates``: the sheet's
    accepted visits) is years away from the sheet's period: ``ledger.visit_far_from_titled_year``
    or ``ledger.visit_far_from_sheet_dates``. The sheet is read again only when some date is."""
    if field not in table.layout.fields:
        return []
    kept = dates if isinstance(dates, Collection) else list(dates)
    years = Counter(map(_YEAR, kept))
    period = _period(table.year, years)
    if period is None:
        return []
    # most sheets hold no visit years away: told from the few distinct years, not each visit
    if all(period.holds_year(y) for y in years):
        return []
    away = {day for day in kept if not period.holds(day)}
    column = table.layout.fields[field]
    letter, header = column_letter(column), table.layout.header_of(field)
    last_header = table.layout.header_rows[-1] - 1
    issues: list[Issue] = []
    try:
        rows = workbook.sheet(table.sheet).rows
        with reading_year(table.year) if table.year else contextlib.nullcontext():
            for index, cells in rows:
                raw = table.raw_of(field, cells)
                if index <= last_header or raw is None or is_blank(raw):
                    continue
                day = _date_of(raw)
                if day is None or day not in away:
                    continue
                code = _TITLE_CODE if period.from_title else _DATES_CODE
                finding = Finding.of(
                    code, Severity.WARNING, on=day.isoformat(), period=period.label
                )
                issues.append(Issue(finding, table.sheet, index + 1, letter, header, raw_text(raw)))
    except WorkbookError:
        return []  # the sheet was read once already: a second read failing names nothing new
    return issues


_TITLE_CODE: Final = "ledger.visit_far_from_titled_year"
_DATES_CODE: Final = "ledger.visit_far_from_sheet_dates"


def _date_of(raw: RawValue) -> date | None:
    try:
        value = date_value(raw)
    except FindingError:
        return None
    if isinstance(value, Coerced):
        value = value.value
    return value if isinstance(value, date) else None
