"""The visit rate (探访率): of the people due a contact in a calendar period, how many had it.

For a period (a month, a quarter …) and the rule set in effect at its end, a person counts as
**due** when they are on the register at the period's end and at least one calendar requirement
of their level has a calendar period ending inside the report period (a quarterly home visit is
due in March, not in February; a monthly contact is due three times in a quarter). Such a
requirement period does not count when it ends before registration + grace days, or when the
person was away for at least the rule set's ``absence_exempt_share`` of it. A person is **met**
when every counted requirement period had a qualifying contact inside it.

Rolling and alert requirements do not enter the rate (they have no calendar period); choose the
requirements that count with ``requirement_ids``. A person in two groups (two categories) counts
in both rows; a total row (``group_by="all"``) counts each person once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta

import attrs

from ..contacts import Contact
from ..grading.records import Assessment, Override
from ..grading.result import GradeResult
from ..grading.rules import RuleSet, choose_rule_set
from ..periods import Period
from ..recipients.recipient import Recipient
from ..validation import non_negative
from ..visit_history import VisitHistory
from .due import grade_all
from .index import AbsenceIndex, absent_days
from .records import Absence, Alert
from .requirements import CalendarPeriod

__all__ = ["GROUPINGS", "Grouping", "VisitRate", "visit_rate"]

Grouping = Callable[[Recipient, GradeResult], Iterable[str]]
"""Gives the group keys of a person (several for a person in several groups)."""

GROUPINGS: dict[str, Grouping] = {
    "all": lambda _r, _g: ("all",),
    "level": lambda _r, g: (g.effective_level.value,),
    "category": lambda r, _g: tuple(sorted(r.categories)) or ("none",),
    "station": lambda r, _g: (r.station_code or "unknown",),
    "worker": lambda r, _g: (r.worker_id or "unknown",),
}
"""The named groupings: one total row, by level (followed), by category, station or worker."""


def _met_not_above_due(instance: VisitRate, _attribute: object, met: int) -> None:
    if met > instance.due:
        raise ValueError(f"met ({met}) cannot exceed due ({instance.due})")


@attrs.frozen(kw_only=True)
class VisitRate:
    """探访率 of one group over one period."""

    group: str
    """The group key: a level or category code, a station code, a worker id, or ``all``."""
    period: str
    """The period's label (``2022-03``)."""
    due: int = attrs.field(validator=non_negative)
    """People due a contact in the period (应探访人数)."""
    met: int = attrs.field(validator=[non_negative, _met_not_above_due])
    """People whose requirement was met (已探访人数)."""

    @property
    def share(self) -> float | None:
        """met / due, or ``None`` when nobody was due."""
        return None if self.due == 0 else self.met / self.due

    @property
    def percent(self) -> str:
        """The share as text with one decimal (``"87.5%"``); ``"-"`` when nobody was due."""
        share = self.share
        return "-" if share is None else f"{share * 100:.1f}%"


def visit_rate(
    recipients: Iterable[Recipient],
    contacts: Iterable[Contact] | VisitHistory,
    rule_sets: RuleSet | Iterable[RuleSet],
    period: Period,
    *,
    group_by: str | Grouping = "level",
    alerts: Iterable[Alert] = (),
    assessments: Iterable[Assessment] = (),
    absences: Iterable[Absence] = (),
    overrides: Iterable[Override] = (),
    requirement_ids: Iterable[str] | None = None,
) -> tuple[VisitRate, ...]:
    """The visit rate per group over ``period`` (see the module docstring), sorted by group.

    People are graded on the period's last day with the rule set in effect then. ``contacts`` are
    read once, as their :class:`~socialwork_core.visit_history.VisitHistory` (the days each
    person was reached, and how); a roll-up passes the history it merged from its files.

    :raises HistoryTooShort: ``contacts`` is a history that does not reach back to the first day
        a requirement period of the report period starts on.
    """
    grouping = GROUPINGS[group_by] if isinstance(group_by, str) else group_by
    as_of = period.end
    rule_set = choose_rule_set(rule_sets, as_of)
    wanted = None if requirement_ids is None else frozenset(requirement_ids)
    register = [r for r in recipients if r.is_on_register(as_of)]
    grades = grade_all(
        register,
        as_of,
        rule_set,
        assessments=assessments,
        alerts=alerts,
        overrides=overrides,
    )
    calendars = {
        req.period
        for policy in rule_set.policy.values()
        for req in policy.requirements
        if isinstance(req.period, CalendarPeriod)
    }
    window_start = min(
        (calendar.bounds(period.start)[0] for calendar in calendars), default=period.start
    )
    history = contacts if isinstance(contacts, VisitHistory) else VisitHistory.of(contacts)
    seen = history.by_person(window_start, as_of)
    away = AbsenceIndex(absences, as_of)
    due_count: dict[str, int] = {}
    met_count: dict[str, int] = {}
    for recipient in register:
        grade = grades[recipient.key]
        policy = rule_set.policy_for(grade.effective_level)
        floor = (
            None
            if recipient.registered_on is None
            else recipient.registered_on + timedelta(days=rule_set.grace_days)
        )
        spans = away.spans(recipient.key)
        own = seen.get(recipient.key, [])
        counted = False
        met = True
        for req in policy.requirements:
            if not isinstance(req.period, CalendarPeriod):
                continue
            if wanted is not None and req.id not in wanted:
                continue
            for sub in req.period.between(period.start, period.end):
                if sub.end > period.end or (floor is not None and sub.end < floor):
                    continue
                if spans and absent_days(spans, sub.start, sub.end) >= (
                    rule_set.absence_exempt_share * sub.days
                ):
                    continue
                counted = True
                if not any(e.any_between(sub.start, sub.end, req.modes) for e in own):
                    met = False
        if not counted:
            continue
        for group in grouping(recipient, grade):
            due_count[group] = due_count.get(group, 0) + 1
            if met:
                met_count[group] = met_count.get(group, 0) + 1
    return tuple(
        VisitRate(group=g, period=period.label, due=due_count[g], met=met_count.get(g, 0))
        for g in sorted(due_count)
    )
