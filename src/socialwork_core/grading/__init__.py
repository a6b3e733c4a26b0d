"""Grading (服务等级评定): rule sets as data, and grades that explain themselves.

- :class:`Rule`, :class:`RuleSet`, :func:`choose_rule_set`: rules with ids, descriptions and
  predicates; a rule set has a name, a version and the date it takes effect.
- :func:`grade`: the level of one person on a date, with every rule that fired, the inputs it
  read, and the rule set's name and version (:class:`GradeResult`, :class:`Reason`).
- :class:`Assessment` (评估) and :class:`Override` (人工调整): records the grading reads and keeps.
- :func:`honouring_declared_level`, :func:`declared_level_rules`: rules that honour the ledger's
  own level (服务等级 / 跟进级别), with the reason shown.
- :mod:`.predicates`: building blocks for a region's own rules; :mod:`.national`: the default rules.

The national default rule set with its visit policy is
:data:`socialwork_core.schedule.NATIONAL_DEFAULT`.
"""

from __future__ import annotations

from .declared import declared_level_rules, honouring_declared_level
from .grade import grade, grade_with, level_of
from .national import NATIONAL_RULES
from .records import Assessment, Override, latest_on_or_before
from .result import GradeResult, Reason
from .rules import GradingContext, Predicate, Rule, RuleSet, choose_rule_set

__all__ = [
    "NATIONAL_RULES",
    "Assessment",
    "GradeResult",
    "GradingContext",
    "Override",
    "Predicate",
    "Reason",
    "Rule",
    "RuleSet",
    "choose_rule_set",
    "declared_level_rules",
    "grade",
    "grade_with",
    "honouring_declared_level",
    "latest_on_or_before",
    "level_of",
]
