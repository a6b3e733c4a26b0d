"""Rules and rule sets as data (规则集).

A :class:`Rule` is an id, a level, a description in Chinese and English, and a predicate: a plain
callable over a :class:`GradingContext` (the recipient, the as-of date, their latest assessment and
the alerts active that day). The predicate returns the inputs it read (a mapping of text) when the
rule fires, and ``None`` (or ``False``) when it does not; ``True`` fires with no recorded inputs.

A :class:`RuleSet` is a value: a name, a version, the date it takes effect, its rules, the visit
policy per level and a few numbers (grace days, due-soon window). Regions build their own from the
national default with ``attrs.evolve`` (see :meth:`RuleSet.adding`, :meth:`RuleSet.without`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ..findings import Finding, FindingError
from ..glossary.terms import ServiceLevel, Severity
from ..recipients.recipient import Recipient
from ..validation import non_blank, non_negative
from .records import Assessment

if TYPE_CHECKING:
    from ..schedule.records import Alert
    from ..schedule.requirements import VisitPolicy

__all__ = [
    "GradingContext",
    "Predicate",
    "Rule",
    "RuleSet",
    "choose_rule_set",
]


@attrs.frozen(kw_only=True)
class GradingContext:
    """What a rule may read about one person on one date."""

    recipient: Recipient
    as_of: date
    age: int | None
    """Completed years on ``as_of`` (``None`` when no birth date is known)."""
    assessment: Assessment | None = None
    """The latest assessment on or before ``as_of``."""
    alerts: tuple[Alert, ...] = ()
    """The alerts active on ``as_of`` (start ≤ as_of ≤ end), whoever they cover."""

    @classmethod
    def of(
        cls,
        recipient: Recipient,
        as_of: date,
        *,
        assessment: Assessment | None = None,
        alerts: Iterable[Alert] = (),
    ) -> GradingContext:
        """Build a context, computing the age on ``as_of``."""
        return cls(
            recipient=recipient,
            as_of=as_of,
            age=recipient.age(as_of),
            assessment=assessment,
            alerts=tuple(alerts),
        )


Predicate = Callable[[GradingContext], "Mapping[str, str] | bool | None"]
"""A rule's test: the inputs it read when it fires, ``None``/``False`` when it does not."""


@attrs.frozen(kw_only=True)
class Rule:
    """评定规则: one way a person reaches a level."""

    id: str = attrs.field(validator=non_blank)
    """Stable id, e.g. ``l1_aged_80_living_alone``; tests and reasons name rules by it."""
    level: ServiceLevel = attrs.field(converter=ServiceLevel)
    """The level the rule gives when it fires."""
    predicate: Predicate = attrs.field(eq=False)
    """The test (see the module docstring)."""
    description: str = ""
    """The rule in Chinese (for the default rules, from ``glossary.rules_text``)."""
    description_en: str = ""
    """The rule in English."""

    def evaluate(self, context: GradingContext) -> Mapping[str, str] | None:
        """The inputs read when the rule fires, else ``None``."""
        return fired_inputs(self.predicate(context))


def fired_inputs(outcome: Mapping[str, str] | bool | None) -> Mapping[str, str] | None:
    """A predicate's outcome as the inputs it read (``True``: none recorded), or ``None`` when it
    did not fire (``None`` or ``False``)."""
    if outcome is None or outcome is False:
        return None
    if outcome is True:
        return {}
    return outcome


def _unique_rule_ids(_instance: object, _attribute: Any, value: tuple[Rule, ...]) -> None:
    ids = [r.id for r in value]
    if len(set(ids)) != len(ids):
        raise ValueError(f"rule ids repeat in a rule set: {sorted(ids)}")


def _rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _level_mapping(value: Mapping[Any, VisitPolicy]) -> Mapping[ServiceLevel, VisitPolicy]:
    return MappingProxyType({ServiceLevel.from_code(k): v for k, v in value.items()})


@attrs.frozen(kw_only=True)
class RuleSet:
    """规则集: grading rules and the visit policy, with the date they take effect.

    The highest level any rule gives wins; no rule → ``default_level``. The numbers below marked
    *default* are the library's defaults (docs/domain.md section 3), not a national text.
    """

    name: str = attrs.field(validator=non_blank)
    """E.g. ``national-default``, ``guangdong``."""
    version: str = attrs.field(validator=non_blank)
    """E.g. ``2022.1``; reasons cite it."""
    effective_from: date
    """The first day the rule set is in effect."""
    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_unique_rule_ids)
    policy: Mapping[ServiceLevel, VisitPolicy] = attrs.field(converter=_level_mapping)
    """The visit policy of each level the rule set uses."""
    default_level: ServiceLevel = attrs.field(default=ServiceLevel.LEVEL_3, converter=ServiceLevel)
    """The level of a person no rule catches (default: 三级)."""
    grace_days: int = attrs.field(default=30, validator=non_negative)
    """A new registrant is due within this many days of registration (default 30)."""
    due_soon_days: int = attrs.field(default=7, validator=non_negative)
    """A requirement due within this many days of the as-of date is "due soon" (default 7)."""
    absence_exempt_share: float = 0.5
    """A calendar period in which a person was absent (hospital, away) on at least this share of
    its days needs no contact (default one half)."""
    description: str = ""
    by_urgency: tuple[Rule, ...] = attrs.field(init=False, eq=False, repr=False)
    """The rules, most urgent level first (stable within a level); derived, for fast grading."""

    def __attrs_post_init__(self) -> None:
        ordered = tuple(sorted(self.rules, key=lambda r: r.level.rank))
        object.__setattr__(self, "by_urgency", ordered)
        if not self.policy:
            raise ValueError(f"rule set {self.name} {self.version} has no visit policy")
        if self.default_level not in self.policy:
            raise ValueError(
                f"rule set {self.name} {self.version}: default level {self.default_level.value} "
                "has no visit policy"
            )
        if not 0 < self.absence_exempt_share <= 1:
            raise ValueError(
                f"absence_exempt_share must be in (0, 1], got {self.absence_exempt_share}"
            )

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (``KeyError`` if there is none)."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def policy_for(self, level: ServiceLevel) -> VisitPolicy:
        """The policy of ``level``; for a level the set does not define (an override to 四级 under
        a three-level set), the policy of the nearest defined level, ties to the less urgent."""
        found = self.policy.get(level)
        if found is not None:
            return found
        nearest = min(self.policy, key=lambda lv: (abs(lv.rank - level.rank), -lv.rank))
        return self.policy[nearest]

    def adding(self, *rules: Rule) -> RuleSet:
        """A copy with more rules (a rule whose id exists replaces the old one)."""
        new_ids = {r.id for r in rules}
        kept = tuple(r for r in self.rules if r.id not in new_ids)
        return attrs.evolve(self, rules=kept + tuple(rules))

    def without(self, *rule_ids: str) -> RuleSet:
        """A copy without the named rules (``KeyError`` for an unknown id)."""
        for rule_id in rule_ids:
            self.rule(rule_id)
        return attrs.evolve(self, rules=tuple(r for r in self.rules if r.id not in rule_ids))


def choose_rule_set(rule_sets: RuleSet | Iterable[RuleSet], on: date) -> RuleSet:
    """The rule set in effect on ``on``: the newest whose ``effective_from`` is not after ``on``.

    Two rule sets taking effect the same day are ambiguous (``ValueError``). None in effect raises
    :class:`~socialwork_core.findings.FindingError` with code ``rules.no_rule_set_in_effect``.
    """
    if isinstance(rule_sets, RuleSet):
        candidates: list[RuleSet] = [rule_sets]
    else:
        candidates = list(rule_sets)
    in_effect = [rs for rs in candidates if rs.effective_from <= on]
    if not in_effect:
        known = ", ".join(f"{rs.name} {rs.version} ({rs.effective_from})" for rs in candidates)
        raise FindingError(
            [
                Finding.of(
                    "rules.no_rule_set_in_effect",
                    Severity.ERROR,
                    as_of=on.isoformat(),
                    known=known or "-",
                )
            ]
        )
    newest = max(rs.effective_from for rs in in_effect)
    chosen = [rs for rs in in_effect if rs.effective_from == newest]
    if len({(rs.name, rs.version) for rs in chosen}) > 1:
        names = ", ".join(f"{rs.name} {rs.version}" for rs in chosen)
        raise ValueError(f"several rule sets take effect on {newest}: {names}")
    return chosen[0]
