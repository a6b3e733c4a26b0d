"""The grading rules of the national default rule set (docs/domain.md section 3, 一级 and 二级).

The table follows the three-tier pattern of the 2022 national guidance on visiting elderly people
in special difficulty; the grouping into levels and every threshold here are the library's
**defaults**, not a national text, and a region may replace any of them. 三级 is everyone else on
the register (the rule set's default level). The visit policy that goes with these rules is in
:mod:`socialwork_core.schedule.national`.

Defaults worth knowing:

- "Living in the community" (孤儿, 事实无人抚养儿童) is taken to hold for anyone on a station's
  register: the register has no field for institutional care.
- 计划生育特殊家庭 counts as "elderly" from 60 (the age the category itself implies).
- "No carer while fully dependent" needs the assessment's 无人照料 flag *and* self-care fully lost
  (4 or more of the six tasks failed).
- The ledger's own level (服务等级) is honoured once the worker has assessed the person (an
  assessment on or before the as-of date): ``declared_level_1`` … ``declared_level_3``
  (:mod:`.declared`). Without an assessment the ledger's level alone grades nobody.
- "Affected by an active disaster alert" means listed in an active disaster alert's
  ``affected_keys`` (受灾对象); being inside the alert's area only adds the alert's requirement.
"""

from __future__ import annotations

from ..glossary.rules_text import RiskFlag, rule_text
from ..glossary.terms import Category, SelfCareLevel, ServiceLevel
from .declared import declared_level_rules
from .predicates import (
    aged_at_least,
    all_of,
    disability_grade_at_most,
    has_risk_flag,
    holds_any,
    in_active_alert,
    self_care_in,
)
from .rules import Predicate, Rule

__all__ = ["ELDERLY_AGE", "LIVING_ALONE_CATEGORIES", "NATIONAL_RULES", "VERY_OLD_AGE"]

VERY_OLD_AGE = 80
"""一级 age threshold for people living alone, empty-nest or left behind (default)."""
ELDERLY_AGE = 60
"""老年人: 60 and over (the national definition of an elderly person); the grading rules and the
reports' 老年人 row (:data:`socialwork_core.indicators.ELDERLY_AGE`) share it."""
LIVING_ALONE_CATEGORIES = (
    Category.ELDERLY_LIVING_ALONE,
    Category.EMPTY_NEST_ELDERLY,
    Category.LEFT_BEHIND_ELDERLY,
)
"""独居, 空巢, 留守 elderly."""


def _rule(rule_id: str, level: ServiceLevel, predicate: Predicate, english: str) -> Rule:
    return Rule(
        id=rule_id,
        level=level,
        predicate=predicate,
        description=rule_text(rule_id),
        description_en=english,
    )


_L1, _L2 = ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_2

NATIONAL_RULES: tuple[Rule, ...] = (
    _rule(
        "l1_aged_80_living_alone",
        _L1,
        all_of(aged_at_least(VERY_OLD_AGE), holds_any(*LIVING_ALONE_CATEGORIES)),
        "Aged 80 or over and living alone, empty-nest or left behind.",
    ),
    _rule(
        "l1_risk_self_harm",
        _L1,
        has_risk_flag(RiskFlag.SELF_HARM),
        "The latest assessment found a risk of self-harm.",
    ),
    _rule(
        "l1_risk_violence_or_abuse",
        _L1,
        has_risk_flag(RiskFlag.VIOLENCE_OR_ABUSE),
        "The latest assessment found violence or abuse.",
    ),
    _rule(
        "l1_risk_life_threatening_illness",
        _L1,
        has_risk_flag(RiskFlag.LIFE_THREATENING_ILLNESS),
        "The latest assessment found a life-threatening illness.",
    ),
    _rule(
        "l1_risk_no_carer_fully_dependent",
        _L1,
        all_of(has_risk_flag(RiskFlag.NO_CARER), self_care_in(SelfCareLevel.FULLY_LOST)),
        "The latest assessment found no carer while self-care is fully lost.",
    ),
    _rule(
        "l1_risk_dangerous_housing",
        _L1,
        has_risk_flag(RiskFlag.DANGEROUS_HOUSING),
        "The latest assessment found dangerous housing.",
    ),
    _rule(
        "l1_affected_by_disaster_alert",
        _L1,
        in_active_alert(disasters_only=True),
        "Affected by a disaster alert active on the as-of date.",
    ),
    _rule(
        "l2_aged_60_self_care_lost",
        _L2,
        all_of(
            aged_at_least(ELDERLY_AGE),
            self_care_in(SelfCareLevel.PARTLY_LOST, SelfCareLevel.FULLY_LOST),
        ),
        "Aged 60 or over with self-care partly or fully lost.",
    ),
    _rule(
        "l2_extreme_poverty_dispersed",
        _L2,
        holds_any(Category.EXTREME_POVERTY_DISPERSED),
        "Extreme poverty, supported at home (dispersed).",
    ),
    _rule(
        "l2_family_planning_special_elderly",
        _L2,
        all_of(aged_at_least(ELDERLY_AGE), holds_any(Category.FAMILY_PLANNING_SPECIAL_ELDERLY)),
        "Elderly member of a family-planning special family.",
    ),
    _rule(
        "l2_orphan_or_unsupported_child",
        _L2,
        holds_any(Category.ORPHAN, Category.DE_FACTO_UNSUPPORTED_CHILD),
        "Orphan or de-facto unsupported child living in the community.",
    ),
    _rule(
        "l2_child_in_difficulty",
        _L2,
        holds_any(Category.CHILD_IN_DIFFICULTY),
        "Child in difficulty.",
    ),
    _rule(
        "l2_severe_disability",
        _L2,
        disability_grade_at_most(2),
        "Disability of grade 1 or 2.",
    ),
    *declared_level_rules((_L1, _L2, ServiceLevel.LEVEL_3), once_assessed=True),
)
"""The default grading rules, 一级 first; each id has its Chinese text in ``glossary.rules_text``."""
