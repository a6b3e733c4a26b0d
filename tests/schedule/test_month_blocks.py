"""Calendar periods of several months (every two months, every six months): a policy a region
writes without a rolling 61 days."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.contacts import Contact
from socialwork_core.glossary.terms import ContactMode, ServiceLevel
from socialwork_core.grading import choose_rule_set
from socialwork_core.periods import PeriodKind, half_year, month
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import (
    NATIONAL_DEFAULT,
    CalendarPeriod,
    Requirement,
    VisitPolicy,
    due_list,
    visit_rate,
    with_earlier_default,
)
from socialwork_core.schedule.due import calendar_due

HOME = frozenset({ContactMode.HOME_VISIT})
EVERY_TWO_MONTHS = CalendarPeriod(PeriodKind.MONTH, every=2)
EVERY_SIX_MONTHS = CalendarPeriod(PeriodKind.MONTH, every=6)

TWO_MONTHLY = attrs.evolve(
    NATIONAL_DEFAULT,
    name="sichuan",
    version="2024.1",
    effective_from=date(2024, 1, 1),
    rules=(),
    policy={
        ServiceLevel.LEVEL_3: VisitPolicy(
            requirements=(
                Requirement(
                    id="home_visit_every_two_months",
                    period=EVERY_TWO_MONTHS,
                    modes=HOME,
                    description="每两个月入户探访一次",
                ),
            )
        )
    },
)


def test_two_month_blocks_start_with_odd_months() -> None:
    assert EVERY_TWO_MONTHS.bounds(date(2024, 4, 15)) == (date(2024, 3, 1), date(2024, 4, 30))
    assert EVERY_TWO_MONTHS.bounds(date(2024, 2, 29)) == (date(2024, 1, 1), date(2024, 2, 29))
    assert EVERY_SIX_MONTHS.containing(date(2024, 8, 1)).start == half_year(2024, 2).start


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), every=st.integers(1, 13)
)
def test_blocks_of_months_tile_the_calendar(day: date, every: int) -> None:
    period = CalendarPeriod(PeriodKind.MONTH, every=every)
    start, end = period.bounds(day)
    assert start <= day <= end and start.day == 1
    assert (end + timedelta(days=1)).day == 1
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    assert months == every
    assert period.bounds(end + timedelta(days=1))[0] == end + timedelta(days=1)
    if 12 % every == 0:
        assert (start.month - 1) % every == 0  # a length dividing 12 starts with the year


def test_a_two_month_requirement_is_due_at_the_end_of_the_next_block() -> None:
    assert calendar_due(date(2024, 1, 20), EVERY_TWO_MONTHS) == date(2024, 4, 30)
    assert calendar_due(date(2024, 12, 31), EVERY_TWO_MONTHS) == date(2025, 2, 28)


def test_the_due_list_and_the_visit_rate_follow_the_blocks() -> None:
    person = Recipient(key="p1", name="王某", registered_on=date(2020, 1, 1))
    seen = Contact(id="c1", on=date(2024, 3, 5), mode="home_visit", recipient_keys=("p1",))
    [entry] = due_list([person], [seen], TWO_MONTHLY, date(2024, 4, 30))
    assert entry.due_on == date(2024, 6, 30) and entry.status == "ok"
    [overdue] = due_list([person], [seen], TWO_MONTHLY, date(2024, 7, 3))
    assert overdue.status == "overdue" and overdue.days_overdue == 3
    # April closes the March–April block: met. March alone holds no whole block: nobody due.
    assert [(r.met, r.due) for r in visit_rate([person], [seen], TWO_MONTHLY, month(2024, 4))] == [
        (1, 1)
    ]
    assert visit_rate([person], [seen], TWO_MONTHLY, month(2024, 3)) == ()


def test_every_needs_months() -> None:
    with pytest.raises(ValueError, match="needs kind 'month'"):
        CalendarPeriod(PeriodKind.WEEK, every=2)
    with pytest.raises(ValueError, match="at least 1"):
        CalendarPeriod(PeriodKind.MONTH, every=0)


def test_before_a_regions_first_rule_set_the_national_default_grades() -> None:
    assert with_earlier_default([]) == (NATIONAL_DEFAULT,)
    in_use = with_earlier_default([TWO_MONTHLY])
    assert choose_rule_set(in_use, date(2023, 12, 31)) is NATIONAL_DEFAULT
    assert choose_rule_set(in_use, date(2024, 1, 1)) is TWO_MONTHLY
    ancient = attrs.evolve(TWO_MONTHLY, effective_from=date(1990, 1, 1))
    assert with_earlier_default([ancient]) == (ancient,)
