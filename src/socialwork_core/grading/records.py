"""Records the grading reads and keeps: assessments (评估) and a worker's manual override (人工调整)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol, TypeVar

import attrs

from ..glossary.rules_text import RiskFlag
from ..glossary.terms import SelfCareLevel, SelfCareTask, ServiceLevel
from ..recipients.self_care import level_from_failed_count
from ..validation import non_blank, optional_non_blank

__all__ = ["Assessment", "Override", "latest_on_or_before"]


def _tasks(value: Iterable[str]) -> frozenset[SelfCareTask]:
    if isinstance(value, str):
        value = (value,)
    return frozenset(SelfCareTask.from_code(v) for v in value)


def _flags(value: Iterable[str]) -> frozenset[RiskFlag]:
    if isinstance(value, str):
        value = (value,)
    return frozenset(RiskFlag.from_code(v) for v in value)


@attrs.frozen(kw_only=True)
class Assessment:
    """评估: what a worker found about one person on a date.

    Grading reads the latest assessment on or before its as-of date; an older one is history.
    """

    recipient_key: str = attrs.field(validator=non_blank)
    """The register key of the person assessed."""
    on: date
    """The date of the assessment."""
    failed_tasks: frozenset[SelfCareTask] = attrs.field(factory=frozenset, converter=_tasks)
    """The daily tasks (of six) the person cannot do alone; their number gives 生活自理能力."""
    risk_flags: frozenset[RiskFlag] = attrs.field(factory=frozenset, converter=_flags)
    """风险标记 found (self-harm, violence or abuse, life-threatening illness, no carer, dangerous
    housing)."""
    assessor_id: str | None = attrs.field(default=None, validator=optional_non_blank)
    """The worker who assessed."""
    notes: str | None = None
    """评估情况, free text."""

    @property
    def failed_count(self) -> int:
        """How many of the six tasks failed."""
        return len(self.failed_tasks)

    @property
    def self_care(self) -> SelfCareLevel:
        """生活自理能力 from the failed tasks: 0 → 具备, 1–3 → 部分丧失, 4+ → 完全丧失."""
        return level_from_failed_count(len(self.failed_tasks))


@attrs.frozen(kw_only=True)
class Override:
    """人工调整: a worker sets a person's level by hand, with a reason.

    The computed grade is kept beside it (:class:`~socialwork_core.grading.GradeResult` holds both);
    the due list follows the override. The latest override on or before the as-of date counts.
    """

    recipient_key: str = attrs.field(validator=non_blank)
    """The register key of the person."""
    level: ServiceLevel = attrs.field(converter=ServiceLevel)
    """The level the worker chose."""
    reason: str = attrs.field(validator=non_blank)
    """Why (free text; required)."""
    by: str = attrs.field(validator=non_blank)
    """The worker's id."""
    on: date
    """The date the override was made; it applies from that date."""


class _Dated(Protocol):
    @property
    def recipient_key(self) -> str: ...

    @property
    def on(self) -> date: ...


D = TypeVar("D", bound=_Dated)


def latest_on_or_before(records: Iterable[D], key: str, as_of: date) -> D | None:
    """The record for ``key`` with the latest ``on`` not after ``as_of`` (the later given wins a
    tie), or ``None``."""
    best: D | None = None
    for record in records:
        if record.recipient_key != key or record.on > as_of:
            continue
        if best is None or record.on >= best.on:
            best = record
    return best
