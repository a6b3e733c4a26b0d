"""Casework (个案, 小组, 社区活动 …): cases and activities (docs/domain.md section 5)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from .glossary.terms import ActivityKind, CaseStage, PartnerKind
from .validation import (
    non_blank,
    non_negative,
    optional_non_blank,
    to_frozenset,
    to_tuple,
    unique_items,
)

__all__ = ["Activity", "Case"]


@attrs.frozen(kw_only=True)
class Case:
    """个案: stages 接案 → 预估 → 计划 → 介入 → 评估 → 结案.

    A closed case has ``stage`` 结案 and a ``closed_on`` date; an open case has neither.
    """

    id: str = attrs.field(validator=non_blank)
    recipient_keys: tuple[str, ...] = attrs.field(converter=to_tuple, validator=unique_items)
    opened_on: date
    """接案日期."""
    stage: CaseStage = attrs.field(default=CaseStage.INTAKE, converter=CaseStage)
    worker_id: str | None = None
    closed_on: date | None = None
    """结案日期."""
    closing_reason: str | None = attrs.field(default=None, validator=optional_non_blank)
    problems: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """主要问题."""
    goals: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """服务目标."""
    station_code: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.recipient_keys:
            raise ValueError(f"case {self.id!r} names no recipient")
        closed = self.stage is CaseStage.CLOSED
        if closed != (self.closed_on is not None):
            raise ValueError(
                f"case {self.id!r}: stage {self.stage.value} and closed_on {self.closed_on} "
                "disagree (a closed case needs a closing date, an open one has none)"
            )
        if self.closed_on is not None and self.closed_on < self.opened_on:
            raise ValueError(f"case {self.id!r} closed ({self.closed_on}) before it opened")

    def is_open_on(self, day: date) -> bool:
        """Opened by ``day`` and not closed by it."""
        return self.opened_on <= day and (self.closed_on is None or self.closed_on > day)


def _partner_kinds(value: Iterable[str]) -> frozenset[PartnerKind]:
    return frozenset(PartnerKind.from_code(code) for code in to_frozenset(value))


@attrs.frozen(kw_only=True)
class Activity:
    """活动: a group session (小组, one 节 of a named group), a community activity, publicity,
    training/supervision, a convenience service or a volunteer service (docs/domain.md section 5).

    Counts are 人次 (person-times). ``special_group_participants`` (特殊群体) cannot exceed
    ``participants``. The people who took part may also be named: ``participant_keys`` (linked to
    the register), ``unlinked_participants`` (named in the ledger, on no register); the partners
    who co-hosted it are named by kind (``partner_villages`` …), so a village co-hosting an
    activity counts among 联动村居 as a village giving a resource does.
    """

    id: str = attrs.field(validator=non_blank)
    kind: ActivityKind = attrs.field(converter=ActivityKind)
    title: str = attrs.field(validator=non_blank)
    on: date
    station_code: str | None = None
    place: str | None = None
    group_name: str | None = attrs.field(default=None, validator=optional_non_blank)
    """For a group session: the group (小组) the session belongs to."""
    session_number: int | None = attrs.field(default=None, validator=non_negative)
    """For a group session: 第几节."""
    participants: int = attrs.field(default=0, validator=non_negative)
    special_group_participants: int = attrs.field(default=0, validator=non_negative)
    volunteers: int = attrs.field(default=0, validator=non_negative)
    """志愿者 人次."""
    participant_keys: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Register keys of recipients who took part, where recorded."""
    unlinked_participants: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Participants the ledger names who match no one on the register (an unknown name, two
    people of that name, a name that only sounds like someone's): kept as written, flagged when
    read, counted as ordinary participants (普通群众)."""
    partners: frozenset[PartnerKind] = attrs.field(factory=frozenset, converter=_partner_kinds)
    """五社联动 partners linked."""
    partner_villages: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Villages or communities (村居) that co-hosted the activity, by name (联动村居)."""
    partner_organisations: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Social organisations (社会组织) that took part, by name."""
    partner_charities: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Charities (慈善组织) that took part, by name."""
    partner_volunteer_teams: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """Volunteer teams (志愿服务队) that took part, by name."""
    campaign_id: str | None = attrs.field(default=None, validator=optional_non_blank)
    """The campaign or alert (宣传周, 寒潮 …) the activity was held for, if any."""
    worker_ids: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    summary: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.special_group_participants > self.participants:
            raise ValueError(
                f"activity {self.id!r}: {self.special_group_participants} special-group participants "
                f"but only {self.participants} participants"
            )
        if set(self.participant_keys) & set(self.unlinked_participants):
            raise ValueError(f"activity {self.id!r}: a participant is both linked and unlinked")
        if self.session_number is not None and self.kind is not ActivityKind.GROUP_SESSION:
            raise ValueError(f"activity {self.id!r}: only group sessions have a session number")

    @property
    def reaches_people(self) -> bool:
        """Whether its participants count among the people the station reached (活动惠及群众):
        every kind but staff training and supervision (培训/督导), whose participants are
        workers (docs/domain.md section 5)."""
        return self.kind is not ActivityKind.TRAINING

    @property
    def participant_count(self) -> int:
        """人次: the recorded count, or the people named when more are named than counted."""
        named = len(self.participant_keys) + len(self.unlinked_participants)
        return max(self.participants, named)

    @property
    def special_group_count(self) -> int:
        """特殊群众 人次: the recorded special-group count, or the participants on the register
        when more of them are named (a person on the register is in a special group)."""
        return max(self.special_group_participants, len(self.participant_keys))
