"""Guangdong 双百 ledger layout: the national sheets with the headers and value words of Guangdong
registers (档案号, 身份证号码, 困境类型, 跟进级别, 残疾类型等级 …) and Guangzhou-style 跟进级别
一级–六级. Pure data built on :mod:`socialwork_national.formats`.
"""

from __future__ import annotations

from socialwork_national import formats as national

from socialwork_core.glossary import Category, ContactMode, ServiceLevel, StationTier
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import category_labels

from .categories import CATEGORIES

LOCAL_CATEGORY_LABELS: dict[str, str] = category_labels(CATEGORIES)

CATEGORY_LABELS: dict[str, str] = {
    **LOCAL_CATEGORY_LABELS,
    "低保对象": Category.SUBSISTENCE_ALLOWANCE,
    "低保户": Category.SUBSISTENCE_ALLOWANCE,
    "低收入家庭": Category.NEAR_SUBSISTENCE,
    "分散特困": Category.EXTREME_POVERTY_DISPERSED,
    "集中特困": Category.EXTREME_POVERTY_CENTRALISED,
    "事实孤儿": Category.DE_FACTO_UNSUPPORTED_CHILD,
    "其他困难群体": Category.OTHER_IN_DIFFICULTY,
}
"""Guangdong ledgers call 低保边缘 低收入家庭 and often write 事实孤儿 (docs/domain.md section 2,
local words). Both readings are *defaults*: the 2023 opinion on 低收入人口 counts 低保边缘家庭
among 低收入家庭 without making the words one, and 事实孤儿 is the older, colloquial name of the
2019 opinion's 事实无人抚养儿童; a region that means otherwise maps the word itself."""

LEVEL_LABELS: dict[str, str] = {f"{level.label}跟进": level.value for level in ServiceLevel}
"""跟进级别 as Guangzhou's platform writes it: 一级跟进 … 六级跟进 (plain 一级 … 六级 too)."""

RECIPIENTS = national.regional_sheet(
    national.RECIPIENTS,
    sheet_names=("服务对象台账", "双百服务对象台账"),
    headers={
        "key": ("档案号",),
        "resident_id": ("身份证号码", "身份证"),
        "phones": ("联系电话",),
        "village": ("村居", "村（居）"),
        "categories": ("困境类型", "对象类别"),
        "declared_level": ("跟进级别", "服务等级"),
        "worker_id": ("负责社工",),
        "disability": ("残疾类型等级", "残疾类型及等级"),
        "self_care": ("自理能力",),
    },
    labels={"categories": CATEGORY_LABELS, "declared_level": LEVEL_LABELS},
)

STATIONS = national.regional_sheet(
    national.STATIONS,
    sheet_names=("站点信息",),
    labels={
        "tier": {
            "社工站": StationTier.TOWNSHIP_STATION,
            "镇（街）社工站": StationTier.TOWNSHIP_STATION,
            "社工点": StationTier.VILLAGE_POINT,
            "村（居）社工点": StationTier.VILLAGE_POINT,
        }
    },
)

CONTACTS = national.regional_sheet(
    national.CONTACTS,
    sheet_names=("探访记录",),
    headers={"notes": ("探访内容",)},
    labels={"mode": {"微信视频": ContactMode.VIDEO, "微信语音": ContactMode.INSTANT_MESSAGE}},
)

FORMAT = LedgerFormat(
    name="guangdong",
    sheets=(
        RECIPIENTS,
        STATIONS,
        national.WORKERS,
        CONTACTS,
        national.RESOURCE_LINKS,
        national.CASES,
        national.ACTIVITIES,
        national.CAMPAIGNS,
        national.HANDOUTS,
    ),
)
"""The 双百 station ledger."""

FORMATS: tuple[LedgerFormat, ...] = (FORMAT,)

DISTINCTIVE_HEADERS: frozenset[str] = frozenset({"困境类型", "跟进级别", "残疾类型等级"})
"""Headers only Guangdong registers use: two of them claim a workbook for this format."""
