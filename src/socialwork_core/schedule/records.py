"""Alerts and campaigns (预警/专项行动) and temporary absences (住院/外出)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs

from ..glossary.rules_text import AbsenceKind, AlertKind
from ..glossary.terms import ContactMode, ServiceLevel
from ..recipients.recipient import Recipient
from ..validation import non_blank, to_frozenset
from .requirements import ALL_MODES, Deadline, Requirement

__all__ = ["Absence", "Alert"]


def _levels(value: Iterable[str]) -> frozenset[ServiceLevel]:
    if isinstance(value, str):
        value = (value,)
    return frozenset(ServiceLevel.from_code(v) for v in value)


def _modes(value: Iterable[str]) -> frozenset[ContactMode]:
    if isinstance(value, str):
        value = (value,)
    modes = frozenset(ContactMode.from_code(v) for v in value)
    if not modes:
        raise ValueError("an alert needs at least one contact mode")
    return modes


def _end_not_before_start(
    instance: Alert | Absence, _attribute: attrs.Attribute[Any], end: date | None
) -> None:
    if end is not None and end < instance.start:
        raise ValueError(f"end {end} is before start {instance.start}")


MAX_DEADLINE_HOURS = 24 * 366
"""A deadline longer than a year is a typing mistake (and past ``date`` arithmetic's reach)."""


def _positive_hours(_instance: object, _attribute: object, value: int | None) -> None:
    if value is not None and not 1 <= value <= MAX_DEADLINE_HOURS:
        raise ValueError(
            f"deadline_hours must be between 1 and {MAX_DEADLINE_HOURS}, got {value!r}"
        )


@attrs.frozen(kw_only=True)
class Alert:
    """预警 or 专项行动: an area, a time window, whom it covers, and the contact it asks for.

    It adds a requirement to every person on the register it matches while it is active: a contact
    in one of ``modes``, on or after ``start``, within ``deadline_hours`` (else the level policy's
    alert deadline, else by ``end``). A week-long campaign (孤儿和事实无人抚养儿童入户核查) is an
    alert of kind ``campaign`` with categories, home visits only and no deadline.
    """

    id: str = attrs.field(validator=non_blank)
    kind: AlertKind = attrs.field(converter=AlertKind)
    title: str | None = None
    """The alert's own name, e.g. 2022年1月寒潮蓝色预警."""
    start: date
    """The first day the alert is active."""
    end: date = attrs.field(validator=_end_not_before_start)
    """The last day the alert is active (included)."""
    issued_at: time | None = None
    """The time of day it was issued on ``start``; deadlines in hours count from it (else 00:00)."""
    station_codes: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)
    """Stations covered; with ``village_codes`` both empty the alert covers every area."""
    village_codes: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)
    """Villages or communities covered (matched against ``Recipient.village``)."""
    levels: frozenset[ServiceLevel] = attrs.field(factory=frozenset, converter=_levels)
    """Levels covered; empty: every level."""
    categories: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)
    """Categories covered (any one suffices); empty: everyone."""
    deadline_hours: int | None = attrs.field(default=None, validator=_positive_hours)
    """Hours after issue within which the contact is due."""
    modes: frozenset[ContactMode] = attrs.field(default=ALL_MODES, converter=_modes)
    """The contact modes that count."""
    affected_keys: frozenset[str] = attrs.field(factory=frozenset, converter=to_frozenset)
    """受灾对象: people the station recorded as affected; always covered, and graded 一级 under the
    default rules while a disaster alert is active."""

    def is_active(self, on: date) -> bool:
        """True when ``start <= on <= end``."""
        return self.start <= on <= self.end

    def covers_area(self, recipient: Recipient) -> bool:
        """The person's station or village is in the alert's area (an empty area is everywhere)."""
        if not self.station_codes and not self.village_codes:
            return True
        return (
            recipient.station_code is not None and recipient.station_code in self.station_codes
        ) or (recipient.village is not None and recipient.village in self.village_codes)

    def covers(self, recipient: Recipient, level: ServiceLevel) -> bool:
        """The alert asks for a contact with this person: listed as affected, or in the area with a
        covered level and category."""
        if recipient.key in self.affected_keys:
            return True
        if self.levels and level not in self.levels:
            return False
        if self.categories and not (self.categories & recipient.categories):
            return False
        return self.covers_area(recipient)

    def due_on(self, default_hours: int | None = None) -> date:
        """The day the contact is due: issue time + ``deadline_hours`` (or ``default_hours``), else
        the alert's end."""
        hours = self.deadline_hours if self.deadline_hours is not None else default_hours
        if hours is None:
            return self.end
        issued = datetime.combine(self.start, self.issued_at or time.min)
        return (issued + timedelta(hours=hours)).date()

    def requirement(self, default_hours: int | None = None) -> Requirement:
        """The one-off requirement this alert adds (id ``alert:<id>``)."""
        return Requirement(
            id=f"alert:{self.id}",
            period=Deadline(start=self.start, due=self.due_on(default_hours)),
            modes=self.modes,
            description=self.title or self.kind.label,
        )


@attrs.frozen(kw_only=True)
class Absence:
    """暂时离开: a person in hospital or away; requirements are suspended for its dates."""

    recipient_key: str = attrs.field(validator=non_blank)
    kind: AbsenceKind = attrs.field(converter=AbsenceKind)
    start: date
    end: date | None = attrs.field(default=None, validator=_end_not_before_start)
    """The last day away (included); ``None`` while still away."""
    notes: str | None = None

    def covers(self, day: date) -> bool:
        """True when the person is away on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)
