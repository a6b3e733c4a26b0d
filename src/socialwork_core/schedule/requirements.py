"""Visit requirements (探访要求): a period and the contact modes that satisfy it.

Two kinds of period (docs/domain.md section 3):

- :class:`RollingPeriod` — "every 7 days": due = last qualifying contact + 7 days;
- :class:`CalendarPeriod` — "every month": each calendar month needs one; due = the end of the
  calendar period after the one of the last qualifying contact. Months come in blocks of any
  length (``CalendarPeriod(PeriodKind.MONTH, every=2)``: January–February, March–April …).

An alert adds a one-off requirement with a :class:`Deadline` (see :mod:`.records`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import attrs

from ..glossary.rules_text import requirement_text
from ..glossary.terms import ContactMode
from ..periods import Period, PeriodKind, bounds, containing, date_range, periods_between
from ..validation import non_blank

__all__ = [
    "ALL_MODES",
    "CalendarPeriod",
    "Deadline",
    "Requirement",
    "RollingPeriod",
    "VisitPolicy",
]

ALL_MODES: frozenset[ContactMode] = frozenset(ContactMode)
"""Every contact mode: what "a contact" means in the default policy (入户, 电话, 视频, 即时通讯,
来访, 活动中见面 all count; a default, Qinghai also counts remote monitoring)."""


def _modes(value: Iterable[str]) -> frozenset[ContactMode]:
    if isinstance(value, str):
        value = (value,)
    modes = frozenset(ContactMode.from_code(v) for v in value)
    if not modes:
        raise ValueError("a requirement needs at least one contact mode")
    return modes


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be at least 1, got {value!r}")


def _calendar_kind(
    _instance: object, _attribute: attrs.Attribute[PeriodKind], value: PeriodKind
) -> None:
    if not value.is_calendar:
        raise ValueError(
            f"a calendar requirement needs a calendar period kind, not {value.value!r}"
        )


def _weekday(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= value <= 6:
        raise ValueError(f"first_weekday must be 0-6 (0 = Monday), got {value!r}")


@attrs.frozen
class RollingPeriod:
    """每N天: a qualifying contact at least every ``days`` days."""

    days: int = attrs.field(validator=_positive)


def _every(instance: CalendarPeriod, _attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"every must be a whole number of at least 1, got {value!r}")
    if value > 1 and instance.kind is not PeriodKind.MONTH:
        raise ValueError(
            f"every={value} needs kind 'month' (blocks of months: every=2 for two months, every=6 "
            f"for six); for every {value} {instance.kind.value}s use months, or a RollingPeriod"
        )


_EPOCH_YEAR = 2000
"""Blocks of months are counted from January 2000, so blocks whose length divides 12 (2, 3, 4, 6)
start with each year; a length that does not (5, 7 …) runs on across years from there."""


@attrs.frozen
class CalendarPeriod:
    """每个自然周/月/季度/半年/年, or every N calendar months: each calendar period needs a
    qualifying contact.

    ``every`` (months only) makes blocks of that many calendar months: ``every=2`` is January–
    February, March–April …, ``every=6`` the two half-years. Blocks are counted from January 2000,
    so a length dividing 12 starts each year; another length (5 months) runs on across years.
    """

    kind: PeriodKind = attrs.field(converter=PeriodKind, validator=_calendar_kind)
    first_weekday: int = attrs.field(default=0, validator=_weekday)
    """For weeks: 0 Monday … 6 Sunday (Henan's weeks start on Friday, 4)."""
    every: int = attrs.field(default=1, validator=_every, kw_only=True)
    """How many calendar months make one period (``kind`` month only; default 1)."""

    def bounds(self, day: date) -> tuple[date, date]:
        """The first and last day of the period holding ``day``."""
        if self.every == 1:
            return bounds(self.kind, day, first_weekday=self.first_weekday)
        index = (day.year - _EPOCH_YEAR) * 12 + day.month - 1
        first = index - index % self.every
        after = first + self.every
        start = date(_EPOCH_YEAR + first // 12, first % 12 + 1, 1)
        following = date(_EPOCH_YEAR + after // 12, after % 12 + 1, 1)
        return start, following - timedelta(days=1)

    def containing(self, day: date) -> Period:
        """The period holding ``day`` (a date range for a block of several months)."""
        if self.every == 1:
            return containing(self.kind, day, first_weekday=self.first_weekday)
        return date_range(*self.bounds(day))

    def between(self, start: date, end: date) -> Iterator[Period]:
        """The periods from the one holding ``start`` to the one holding ``end``, in order."""
        if self.every == 1:
            yield from periods_between(self.kind, start, end, first_weekday=self.first_weekday)
            return
        day = start
        while day <= end:
            current = self.containing(day)
            yield current
            day = current.end + timedelta(days=1)


@attrs.frozen
class Deadline:
    """A one-off requirement: a qualifying contact on or after ``start``, by ``due``."""

    start: date
    due: date


@attrs.frozen(kw_only=True)
class Requirement:
    """探访要求: a period and the modes that satisfy it."""

    id: str = attrs.field(validator=non_blank)
    """Stable id, unique within a policy (e.g. ``home_visit_every_month``)."""
    period: RollingPeriod | CalendarPeriod | Deadline
    modes: frozenset[ContactMode] = attrs.field(default=ALL_MODES, converter=_modes)
    """The contact modes that count."""
    description: str = attrs.field(
        default=attrs.Factory(lambda self: requirement_text(self.id), takes_self=True)
    )
    """The requirement in Chinese (defaults from ``glossary.rules_text`` by id)."""


def _requirements(value: Iterable[Requirement]) -> tuple[Requirement, ...]:
    return tuple(value)


def _unique_requirements(
    _instance: object, _attribute: object, value: tuple[Requirement, ...]
) -> None:
    ids = [r.id for r in value]
    if len(set(ids)) != len(ids):
        raise ValueError(f"requirement ids repeat in a policy: {ids}")


@attrs.frozen(kw_only=True)
class VisitPolicy:
    """The visiting requirements of one level."""

    requirements: tuple[Requirement, ...] = attrs.field(
        converter=_requirements, validator=_unique_requirements
    )
    alert_deadline_hours: int | None = None
    """Hours within which an alert's contact is due for this level when the alert sets none
    (一级: 24); ``None``: by the alert's end."""
