"""Grading (评定服务等级): the level of one person on a date, with its reasons."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from ..glossary.rules_text import rule_text
from ..glossary.terms import ServiceLevel
from ..recipients.recipient import Recipient
from .records import Assessment, Override, latest_on_or_before
from .result import GradeResult, Reason
from .rules import GradingContext, RuleSet, choose_rule_set

if TYPE_CHECKING:
    from ..schedule.records import Alert

__all__ = ["grade", "grade_with", "level_of"]

_RANK: dict[str, int] = {level.value: level.rank for level in ServiceLevel}


@lru_cache(maxsize=256)
def _default_reason(level: ServiceLevel, as_of: date, name: str, version: str) -> Reason:
    # The same for everyone no rule catches: built once per rule set and date (records are frozen).
    return Reason(
        rule_id="default_level",
        level=level,
        description=rule_text("default_level"),
        description_en="No rule fired: the rule set's default level.",
        inputs={"as_of": as_of.isoformat()},
        rule_set_name=name,
        rule_set_version=version,
    )


def grade(
    recipient: Recipient,
    as_of: date,
    rule_sets: RuleSet | Iterable[RuleSet],
    *,
    assessments: Iterable[Assessment] = (),
    alerts: Iterable[Alert] = (),
    overrides: Iterable[Override] = (),
) -> GradeResult:
    """The service level of ``recipient`` on ``as_of`` with every reason.

    - The rule set is the one in effect on ``as_of`` (:func:`choose_rule_set`).
    - Of ``assessments`` and ``overrides`` (anyone's; others are ignored), the person's latest on
      or before ``as_of`` counts.
    - Of ``alerts``, those active on ``as_of`` are given to the rules.
    - The most urgent level any rule gives wins; no rule → the rule set's default level.
    """
    rule_set = choose_rule_set(rule_sets, as_of)
    return grade_with(
        recipient,
        as_of,
        rule_set,
        assessment=latest_on_or_before(assessments, recipient.key, as_of),
        active_alerts=tuple(a for a in alerts if a.is_active(as_of)),
        override=latest_on_or_before(overrides, recipient.key, as_of),
    )


def grade_with(
    recipient: Recipient,
    as_of: date,
    rule_set: RuleSet,
    *,
    assessment: Assessment | None = None,
    active_alerts: tuple[Alert, ...] = (),
    override: Override | None = None,
) -> GradeResult:
    """Like :func:`grade` with the inputs already chosen (the due list indexes them once).

    ``assessment`` and ``override`` are taken as the person's own, in force on ``as_of``.
    """
    context = GradingContext.of(recipient, as_of, assessment=assessment, alerts=active_alerts)
    reasons: list[Reason] = []
    for rule in rule_set.rules:
        outcome = rule.predicate(context)  # Rule.evaluate, inlined: this loop runs per person
        if outcome is None or outcome is False:
            continue
        reasons.append(
            Reason(
                rule_id=rule.id,
                level=rule.level,
                description=rule.description,
                description_en=rule.description_en,
                inputs={} if outcome is True else outcome,
                rule_set_name=rule_set.name,
                rule_set_version=rule_set.version,
            )
        )
    if reasons:
        reasons.sort(key=lambda r: _RANK[r.level])  # stable: rule order within a level
        level = reasons[0].level
    else:
        level = rule_set.default_level
        reasons.append(_default_reason(level, as_of, rule_set.name, rule_set.version))
    return GradeResult(
        recipient_key=recipient.key,
        as_of=as_of,
        level=level,
        reasons=tuple(reasons),
        rule_set_name=rule_set.name,
        rule_set_version=rule_set.version,
        override=override
        if override is not None and override.recipient_key == recipient.key
        else None,
    )


def level_of(
    recipient: Recipient,
    as_of: date,
    rule_set: RuleSet,
    *,
    assessment: Assessment | None = None,
    active_alerts: tuple[Alert, ...] = (),
    override: Override | None = None,
) -> ServiceLevel:
    """The level :func:`grade_with` would make effective, without building its reasons.

    For the due list over a whole city: rules are tried most urgent level first and the search
    stops at the first that fires. ``grade_with(...).effective_level`` is always the same.
    """
    if override is not None and override.recipient_key == recipient.key:
        return override.level
    context = GradingContext.of(recipient, as_of, assessment=assessment, alerts=active_alerts)
    for rule in rule_set.by_urgency:
        outcome = rule.predicate(context)
        if outcome is not None and outcome is not False:
            return rule.level
    return rule_set.default_level
