"""The ledger's own level (服务等级 / 跟进级别): rules that honour it.

A ledger often carries the level the worker gave the person (``Recipient.declared_level``). A rule
set may honour it: :func:`declared_level_rules` makes one rule per level (``declared_level_1`` …)
that fires when the ledger declares that level, so the grade carries the reason
"台账登记的服务等级为一级". The declared level is a floor, as every rule is: a rule giving a more
urgent level still wins, and a worker lowers a level with an :class:`~.records.Override`.

``once_assessed=True`` honours it only once the worker has assessed the person (an
:class:`~.records.Assessment` on or before the as-of date): what the national default does, so a
level typed into a ledger before any assessment does not grade anyone by itself. A region whose
ledger level *is* the assessment (Guangzhou's 跟进级别) honours it always::

    RULES = honouring_declared_level(attrs.evolve(NATIONAL_DEFAULT, name="sichuan", ...))
"""

from __future__ import annotations

from collections.abc import Iterable

from ..glossary.rules_text import ASSESSED_DECLARED_LEVEL_TEXT, DECLARED_LEVEL_TEXT
from ..glossary.terms import ServiceLevel
from .predicates import declared_level_is
from .rules import Rule, RuleSet

__all__ = ["declared_level_rules", "honouring_declared_level"]


def declared_level_rules(
    levels: Iterable[ServiceLevel], *, once_assessed: bool = False
) -> tuple[Rule, ...]:
    """One rule per level (id ``declared_<level code>``, e.g. ``declared_level_1``) that gives the
    level the ledger declares; ``once_assessed``: only for a person assessed by the as-of date."""
    text = ASSESSED_DECLARED_LEVEL_TEXT if once_assessed else DECLARED_LEVEL_TEXT
    english = (
        "The ledger's own level, once the worker has assessed the person: {level}."
        if once_assessed
        else "The ledger's own level: {level}."
    )
    return tuple(
        Rule(
            id=f"declared_{level.value}",
            level=level,
            predicate=declared_level_is(level, once_assessed=once_assessed),
            description=text.format(level=level.label),
            description_en=english.format(level=level.value.replace("_", " ")),
        )
        for level in sorted(set(levels), key=lambda lv: lv.rank)
    )


def honouring_declared_level(rule_set: RuleSet, *, once_assessed: bool = False) -> RuleSet:
    """A copy of ``rule_set`` that also honours the ledger's own level, for every level its visit
    policy has (a declared level the policy lacks is not honoured: it has no visits to ask for).
    Rules of the same ids already there are replaced."""
    return rule_set.adding(*declared_level_rules(rule_set.policy, once_assessed=once_assessed))
