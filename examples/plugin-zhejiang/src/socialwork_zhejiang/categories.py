"""The local category Zhejiang street stations add: veterans living alone (独居老兵).

Yongkang's Xicheng station serves them through 退役军人优抚 (housework, meals, company; seed 001).
They refine the national 优抚对象 category, so reports counting 优抚对象 count them too. The age
rule (60 and over) is a *default* of this adapter, not a provincial text.
"""

from __future__ import annotations

from socialwork_core.glossary import Category
from socialwork_core.plugins import AgeRule, CategoryDefinition

VETERAN_LIVING_ALONE = CategoryDefinition(
    code="zhejiang.veteran_living_alone",
    label="独居老兵",
    parent=Category.ENTITLED_GROUP,
    age_rule=AgeRule(min_age=60),
    synonyms=("独居退役军人", "独居老兵户"),
)

CATEGORIES: tuple[CategoryDefinition, ...] = (VETERAN_LIVING_ALONE,)
