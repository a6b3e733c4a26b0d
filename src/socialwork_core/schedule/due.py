"""The due list (待探访清单): whom to contact, by when, most urgent first.

:func:`due_list` is a pure function of the register, the contacts, the rule sets, the alerts and
the as-of date (plus assessments, absences and overrides where a station records them). It reads
the contacts once (:class:`~.index.ContactIndex`), grades everyone on the register, and for each
person and requirement gives the last qualifying contact, the due date and a status.

How the due date is found (docs/domain.md section 3; the grace and absence rules are defaults):

- rolling ("every N days"): N days after the last qualifying contact, the clock stopping on days
  the person was away (hospital, away): due = the day N days not away have passed;
- calendar ("every month"): the end of the calendar period after the one holding the last
  qualifying contact (met on 31 January → due 28 February); a period in which the person was away
  on at least the rule set's ``absence_exempt_share`` of its days is skipped;
- new registrants: nothing is due before registration + ``grace_days``; with no qualifying
  contact ever, that is the due date (unknown registration date: no due date, never contacted);
- alerts: a contact on or after the alert's start, by its deadline, while the alert is active;
- a person away on the as-of date is ``suspended``; a person who left the register is never listed.

Status: ``overdue`` (with days) once the due date has passed, ``never_contacted`` when it has and
there never was a qualifying contact, ``due_soon`` within the rule set's ``due_soon_days`` (for a
rolling requirement at most half its period, so "every 7 days" is due soon 3 days ahead), else
``ok`` (a new registrant within the grace period, not yet contacted, is ``ok`` until then).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import TypeVar

import attrs

from ..contacts import Contact
from ..glossary.rules_text import DueStatus
from ..glossary.terms import ContactMode, ServiceLevel
from ..grading.grade import grade_with, level_of
from ..grading.records import Assessment, Override
from ..grading.result import GradeResult
from ..grading.rules import RuleSet, choose_rule_set
from ..recipients.recipient import Recipient
from ..validation import non_blank
from .index import AbsenceIndex, ContactIndex, LastContact, absent_days, covered
from .records import Absence, Alert
from .requirements import CalendarPeriod, Deadline, Requirement, RollingPeriod

__all__ = ["DueEntry", "calendar_due", "due_list", "grade_all", "latest_by_key", "rolling_due"]

_ONE_DAY = timedelta(days=1)
_RANK: dict[str, int] = {level.value: level.rank for level in ServiceLevel}


def _level(value: str) -> ServiceLevel:
    return value if type(value) is ServiceLevel else ServiceLevel(value)


def _status(value: str) -> DueStatus:
    return value if type(value) is DueStatus else DueStatus(value)


def _mode_or_none(value: str | None) -> ContactMode | None:
    return value if value is None or type(value) is ContactMode else ContactMode(value)


@attrs.frozen(kw_only=True)
class DueEntry:
    """One line of the due list: one person, one requirement."""

    recipient_key: str = attrs.field(validator=non_blank)
    level: ServiceLevel = attrs.field(converter=_level)
    """The level followed (a worker's override where there is one)."""
    requirement_id: str = attrs.field(validator=non_blank)
    """E.g. ``home_visit_every_month``, or ``alert:<id>`` for an alert."""
    description: str = ""
    """The requirement in Chinese."""
    status: DueStatus = attrs.field(converter=_status)
    due_on: date | None = None
    """The day a qualifying contact is due by; ``None`` for a person never contacted whose
    registration date is unknown."""
    days_overdue: int = 0
    """Days past ``due_on`` (0 unless overdue or never contacted)."""
    last_contact_on: date | None = None
    """The last qualifying contact (for an alert: since the alert began)."""
    last_contact_id: str | None = None
    other_contact_on: date | None = None
    """The latest contact in a mode the requirement does not count, when later than the last
    qualifying one (or there is none): a phone call under a home-visit requirement. The person
    was reached, not as the requirement asks; the status does not change, but a list can say so
    (a line saying 从未探访 beside a recent call would read as if nobody ever called)."""
    other_contact_mode: ContactMode | None = attrs.field(default=None, converter=_mode_or_none)
    """The mode of ``other_contact_on``."""
    alert_id: str | None = None
    """The alert or campaign behind the requirement, if any."""
    worker_id: str | None = None
    """负责社工."""
    station_code: str | None = None
    village: str | None = None

    @property
    def sort_key(self) -> tuple[int, bool, int, int, date, str, str]:
        """Most urgent first: level, unknown due date, days overdue, status, due date, key, id."""
        return (
            _RANK[self.level],
            self.due_on is not None,
            -self.days_overdue,
            self.status.urgency,
            self.due_on or date.max,
            self.recipient_key,
            self.requirement_id,
        )


R = TypeVar("R", Assessment, Override)


def latest_by_key(records: Iterable[R], as_of: date) -> dict[str, R]:
    """Each person's latest record on or before ``as_of`` (one pass; a tie keeps the later one)."""
    found: dict[str, R] = {}
    for record in records:
        if record.on > as_of:
            continue
        current = found.get(record.recipient_key)
        if current is None or record.on >= current.on:
            found[record.recipient_key] = record
    return found


def grade_all(
    recipients: Iterable[Recipient],
    as_of: date,
    rule_sets: RuleSet | Iterable[RuleSet],
    *,
    assessments: Iterable[Assessment] = (),
    alerts: Iterable[Alert] = (),
    overrides: Iterable[Override] = (),
) -> dict[str, GradeResult]:
    """The grade of everyone on the register on ``as_of``, by key (assessments and overrides are
    indexed once, not searched per person)."""
    rule_set = choose_rule_set(rule_sets, as_of)
    active = tuple(a for a in alerts if a.is_active(as_of))
    latest_assessment = latest_by_key(assessments, as_of)
    latest_override = latest_by_key(overrides, as_of)
    grades: dict[str, GradeResult] = {}
    for recipient in recipients:
        if not recipient.is_on_register(as_of):
            continue
        grades[recipient.key] = grade_with(
            recipient,
            as_of,
            rule_set,
            assessment=latest_assessment.get(recipient.key),
            active_alerts=active,
            override=latest_override.get(recipient.key),
        )
    return grades


def due_list(
    recipients: Iterable[Recipient],
    contacts: Iterable[Contact] | ContactIndex,
    rule_sets: RuleSet | Iterable[RuleSet],
    as_of: date,
    *,
    alerts: Iterable[Alert] = (),
    assessments: Iterable[Assessment] = (),
    absences: Iterable[Absence] = (),
    overrides: Iterable[Override] = (),
    grades: Mapping[str, GradeResult] | None = None,
) -> tuple[DueEntry, ...]:
    """Every requirement of everyone on the register on ``as_of``, most urgent first.

    ``contacts`` is read once (or pass a :class:`ContactIndex` built for the same ``as_of``).
    ``grades`` may carry grades already computed for ``as_of`` (:func:`grade_all`); otherwise
    everyone is graded here. Sorted by level (一级 first), then days overdue (most first), then
    status, due date and key.
    """
    rule_set = choose_rule_set(rule_sets, as_of)
    active_alerts = tuple(a for a in alerts if a.is_active(as_of))
    register = [r for r in recipients if r.is_on_register(as_of)]
    levels: dict[str, ServiceLevel] = {}
    if grades is None:
        # Only the level is needed here (grade() gives the reasons for anyone a worker looks at).
        latest_assessment = latest_by_key(assessments, as_of)
        latest_override = latest_by_key(overrides, as_of)
        for recipient in register:
            levels[recipient.key] = level_of(
                recipient,
                as_of,
                rule_set,
                assessment=latest_assessment.get(recipient.key),
                active_alerts=active_alerts,
                override=latest_override.get(recipient.key),
            )
    else:
        levels = {r.key: grades[r.key].effective_level for r in register}
    if isinstance(contacts, ContactIndex):
        if contacts.as_of != as_of:
            raise ValueError(f"contact index built for {contacts.as_of}, not {as_of}")
        index = contacts
    else:
        index = ContactIndex.build(contacts, as_of)
    away = AbsenceIndex(absences, as_of)
    grace = timedelta(days=rule_set.grace_days)
    plans: dict[ServiceLevel, tuple[tuple[Requirement, str | None], ...]] = {}
    alert_requirements: dict[tuple[str, int | None], Requirement] = {}
    entries: list[DueEntry] = []
    for recipient in register:
        level = levels[recipient.key]
        plan = plans.get(level)
        if plan is None:
            plan = plans[level] = tuple(
                (req, None) for req in rule_set.policy_for(level).requirements
            )
        requirements = list(plan)
        for alert in active_alerts:
            if alert.covers(recipient, level):
                hours = rule_set.policy_for(level).alert_deadline_hours
                requirement = alert_requirements.get((alert.id, hours))
                if requirement is None:
                    requirement = alert_requirements[(alert.id, hours)] = alert.requirement(hours)
                requirements.append((requirement, alert.id))
        spans = away.spans(recipient.key)
        floor = None if recipient.registered_on is None else recipient.registered_on + grace
        for requirement, alert_id in requirements:
            entries.append(
                _entry(
                    recipient, level, requirement, alert_id, index, spans, floor, rule_set, as_of
                )
            )
    entries.sort(key=_sort_key)
    return tuple(entries)


def _sort_key(entry: DueEntry) -> tuple[int, bool, int, int, date, str, str]:
    return entry.sort_key


def _entry(
    recipient: Recipient,
    level: ServiceLevel,
    requirement: Requirement,
    alert_id: str | None,
    index: ContactIndex,
    spans: tuple[tuple[date, date], ...],
    floor: date | None,
    rule_set: RuleSet,
    as_of: date,
) -> DueEntry:
    last: LastContact | None = index.latest(recipient.key, requirement.modes)
    period = requirement.period
    met = False
    due: date | None
    if isinstance(period, Deadline):
        if last is not None and last.on < period.start:
            last = None
        met = last is not None
        due = period.due
    else:
        if last is None:
            due = floor
        else:
            if isinstance(period, RollingPeriod):
                base = rolling_due(last.on, period.days, spans)
            elif spans:
                base = calendar_due(last.on, period, spans, rule_set.absence_exempt_share)
            else:
                base = _calendar_due_cached(last.on, period)
            due = base if floor is None or base > floor else floor
    days_overdue = 0
    if spans and covered(spans, as_of):
        status = DueStatus.SUSPENDED
    elif met:
        status = DueStatus.OK
    elif due is None:
        status = DueStatus.NEVER_CONTACTED
    else:
        left = (due - as_of).days
        if left < 0:
            days_overdue = -left
            never = last is None and alert_id is None
            status = DueStatus.NEVER_CONTACTED if never else DueStatus.OVERDUE
        elif left <= _soon_window(period, rule_set.due_soon_days):
            status = DueStatus.DUE_SOON
        else:
            status = DueStatus.OK
    other = index.latest_outside(recipient.key, requirement.modes)
    if other is not None and last is not None and other[0] <= last:
        other = None
    return DueEntry(
        recipient_key=recipient.key,
        level=level,
        requirement_id=requirement.id,
        description=requirement.description,
        status=status,
        due_on=due,
        days_overdue=days_overdue,
        last_contact_on=None if last is None else last.on,
        last_contact_id=None if last is None else last.id,
        other_contact_on=None if other is None else other[0].on,
        other_contact_mode=None if other is None else other[1],
        alert_id=alert_id,
        worker_id=recipient.worker_id,
        station_code=recipient.station_code,
        village=recipient.village,
    )


def _soon_window(period: RollingPeriod | CalendarPeriod | Deadline, days: int) -> int:
    # A 7-day rolling requirement would always be "due soon" in a 7-day window: cap it at half.
    if isinstance(period, RollingPeriod):
        return min(days, period.days // 2)
    return days


def rolling_due(last: date, days: int, spans: tuple[tuple[date, date], ...] = ()) -> date:
    """The day ``days`` days after ``last`` on which the person was not away have passed."""
    due = last + timedelta(days=days)
    if not spans:
        return due
    while True:
        extended = last + timedelta(days=days + absent_days(spans, last + timedelta(days=1), due))
        if extended == due:
            return due
        due = extended


@lru_cache(maxsize=8192)
def _calendar_due_cached(last: date, period: CalendarPeriod) -> date:
    # Without absences the answer depends on the date alone, and a city shares a few hundred dates.
    return calendar_due(last, period)


def calendar_due(
    last: date,
    period: CalendarPeriod,
    spans: tuple[tuple[date, date], ...] = (),
    exempt_share: float = 0.5,
) -> date:
    """The end of the first calendar period after the one holding ``last`` that is not exempt
    (away on at least ``exempt_share`` of its days)."""
    _, end = period.bounds(last)
    start, end = period.bounds(end + _ONE_DAY)
    while spans and absent_days(spans, start, end) >= exempt_share * ((end - start).days + 1):
        start, end = period.bounds(end + _ONE_DAY)
    return end
