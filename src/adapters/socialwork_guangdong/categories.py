"""Local categories met in Guangdong registers (Guangzhou's ledger has 兜底 sub-types and a
适度普惠 group; its 高龄 allowance starts at 70, docs/domain.md section 2).

“三无”人员 is a child of 特困: the 2016 opinion merged the urban 三无 scheme into 特困人员救助供养
(docs/domain.md section 2, local words), so a 三无 person is checked, grouped, counted and converted
as 特困. 适度普惠对象 and 相对贫困户 name no national parent (local schemes with no checkable rule).
"""

from __future__ import annotations

from socialwork_core.glossary import Category
from socialwork_core.plugins import AgeRule, CategoryDefinition

CATEGORIES: list[CategoryDefinition] = [
    CategoryDefinition(
        code="guangdong.moderate_universal",
        label="适度普惠对象",
        synonyms=("适度普惠", "普惠对象"),
    ),
    CategoryDefinition(
        code="guangdong.advanced_age_70",
        label="高龄老人（70周岁以上）",
        age_rule=AgeRule(min_age=70),
        synonyms=("70岁以上老人", "高龄津贴对象"),
    ),
    CategoryDefinition(
        code="guangdong.three_nos",
        label="“三无”人员",
        parent=Category.EXTREME_POVERTY,
        synonyms=("三无人员", "三无老人"),
    ),
    CategoryDefinition(
        code="guangdong.relatively_poor_household",
        label="相对贫困户",
        synonyms=("相对贫困家庭",),
    ),
]
