"""Building blocks for rule predicates; the default rules are made of these, and so can a region's.

Each function returns a :data:`~socialwork_core.grading.rules.Predicate`: given a
:class:`~socialwork_core.grading.rules.GradingContext`, the inputs it read (text) when it holds,
else ``None``. Inputs hold labels where a worker would read them (a category as 独居老人).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..glossary.rules_text import AlertKind, RiskFlag, category_label, join_labels
from ..glossary.terms import SelfCareLevel, ServiceLevel
from .rules import GradingContext, Predicate, fired_inputs

__all__ = [
    "aged_at_least",
    "all_of",
    "any_of",
    "declared_level_is",
    "disability_grade_at_most",
    "has_risk_flag",
    "holds_any",
    "in_active_alert",
    "self_care_in",
]


def aged_at_least(years: int) -> Predicate:
    """Age on the as-of date is ``years`` or more (unknown age: does not hold)."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        if ctx.age is None or ctx.age < years:
            return None
        return {"age": str(ctx.age), "as_of": ctx.as_of.isoformat()}

    return test


def holds_any(*categories: str) -> Predicate:
    """The person holds at least one of these category codes (inputs: the ones held)."""
    wanted = frozenset(categories)

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        held = wanted & ctx.recipient.categories
        if not held:
            return None
        return {"category": join_labels(category_label(c) for c in sorted(held))}

    return test


def self_care_in(*levels: SelfCareLevel) -> Predicate:
    """生活自理能力 is one of ``levels``: from the latest assessment's failed tasks, or, without an
    assessment, as recorded in the ledger."""
    wanted = frozenset(levels)

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        if ctx.assessment is not None:
            level = ctx.assessment.self_care
            if level not in wanted:
                return None
            return {
                "self_care": level.label,
                "failed_tasks": str(ctx.assessment.failed_count),
                "assessed_on": ctx.assessment.on.isoformat(),
            }
        ledger = ctx.recipient.self_care
        if ledger is None or ledger not in wanted:
            return None
        return {"self_care": ledger.label}

    return test


def has_risk_flag(flag: RiskFlag) -> Predicate:
    """The latest assessment recorded ``flag``."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        if ctx.assessment is None or flag not in ctx.assessment.risk_flags:
            return None
        return {"risk_flag": flag.label, "assessed_on": ctx.assessment.on.isoformat()}

    return test


def disability_grade_at_most(grade_number: int) -> Predicate:
    """A disability of grade ``grade_number`` or more severe (grade 1–2: ``2``)."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        disability = ctx.recipient.disability
        if disability is None or disability.grade.number > grade_number:
            return None
        return {"disability": disability.label}

    return test


def declared_level_is(level: ServiceLevel, *, once_assessed: bool = False) -> Predicate:
    """The ledger's own level (服务等级 / 跟进级别, ``Recipient.declared_level``) is ``level``;
    with ``once_assessed``, only when the worker has assessed the person (an assessment on or
    before the as-of date)."""
    wanted = ServiceLevel(level)

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        if ctx.recipient.declared_level is not wanted:
            return None
        if not once_assessed:
            return {"declared_level": wanted.label}
        if ctx.assessment is None:
            return None
        return {"declared_level": wanted.label, "assessed_on": ctx.assessment.on.isoformat()}

    return test


def in_active_alert(*, disasters_only: bool = True) -> Predicate:
    """The person is listed as affected (``affected_keys``) by an alert active on the as-of date;
    with ``disasters_only``, campaigns do not count."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        key = ctx.recipient.key
        for alert in ctx.alerts:
            kind: AlertKind = alert.kind
            if disasters_only and not kind.is_disaster:
                continue
            if key in alert.affected_keys and alert.is_active(ctx.as_of):
                return {
                    "alert": alert.id,
                    "alert_kind": kind.label,
                    "alert_end": alert.end.isoformat(),
                    "as_of": ctx.as_of.isoformat(),
                }
        return None

    return test


def all_of(*predicates: Predicate) -> Predicate:
    """Every predicate holds; the inputs of all are merged (stops at the first that fails)."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        merged: dict[str, str] = {}
        for predicate in predicates:
            inputs = fired_inputs(predicate(ctx))
            if inputs is None:
                return None
            merged.update(inputs)
        return merged

    return test


def any_of(*predicates: Predicate) -> Predicate:
    """At least one predicate holds; the inputs are those of the first that does."""

    def test(ctx: GradingContext) -> Mapping[str, str] | None:
        for predicate in predicates:
            inputs = fired_inputs(predicate(ctx))
            if inputs is not None:
                return inputs
        return None

    return test
