"""Visit requirements (探访要求): a period and the contact modes that satisfy it.

Two kinds of period (DOMAIN.md section 3):

- :class:`RollingPeriod` — "every 7 days": due = last qualifying contact + 7 days;
- :class:`CalendarPeriod` — "every month": each calendar month needs one; due = the end of the
  calendar period after the one of the last qualifying contact.

An alert adds a one-off requirement with a :class:`Deadline` (see :mod:`.records`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from ..glossary.rules_text import requirement_text
from ..glossary.terms import ContactMode
from ..periods import PeriodKind
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


@attrs.frozen
class CalendarPeriod:
    """每个自然周/月/季度/半年/年: each calendar period of ``kind`` needs a qualifying contact."""

    kind: PeriodKind = attrs.field(converter=PeriodKind, validator=_calendar_kind)
    first_weekday: int = attrs.field(default=0, validator=_weekday)
    """For weeks: 0 Monday … 6 Sunday (Henan's weeks start on Friday, 4)."""


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
