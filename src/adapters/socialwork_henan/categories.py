"""Local categories of Henan registers (Kaifeng's weekly reports speak of 孤寡老人, 困难残疾人 and
留守 families; seed 003).

Sources (docs/domain.md section 2): 困难残疾人 is a child of 残疾人, the people of the 2015 opinion's
困难残疾人生活补贴, and counts as 残疾人 in checks, groups and figures; 孤寡老人's 60 is the
elderly age of the 2022 visiting guidance's groups, a *default* for this local word; 农村留守妇女
has no national rule beyond the sex the word implies.
"""

from __future__ import annotations

from socialwork_core.glossary import Category
from socialwork_core.plugins import AgeRule, CategoryDefinition

LEFT_BEHIND_WOMAN = CategoryDefinition(
    code="henan.left_behind_woman",
    label="农村留守妇女",
    synonyms=("留守妇女",),
)
"""Checked against the person's sex (:mod:`socialwork_henan.checks`)."""

CATEGORIES: list[CategoryDefinition] = [
    CategoryDefinition(
        code="henan.childless_elderly",
        label="孤寡老人",
        age_rule=AgeRule(min_age=60),
        synonyms=("孤老", "孤寡"),
    ),
    CategoryDefinition(
        code="henan.disabled_in_difficulty",
        label="困难残疾人",
        parent=Category.DISABLED_PERSON,
        synonyms=("困境残疾人", "残疾困难户"),
    ),
    LEFT_BEHIND_WOMAN,
]
