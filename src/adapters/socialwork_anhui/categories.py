"""Local categories of Anhui registers: households under the post-2021 监测 against a return to
poverty, and households lifted out of it. Both are rural-revitalisation schemes outside the civil
affairs categories of docs/domain.md section 2: no national parent and no rule the library checks.
"""

from __future__ import annotations

from socialwork_core.plugins import CategoryDefinition

CATEGORIES: list[CategoryDefinition] = [
    CategoryDefinition(
        code="anhui.relapse_monitoring",
        label="防返贫监测对象",
        synonyms=("监测户", "边缘易致贫户", "脱贫不稳定户"),
    ),
    CategoryDefinition(
        code="anhui.ex_poverty_household",
        label="脱贫户",
        synonyms=("脱贫人口",),
    ),
]
