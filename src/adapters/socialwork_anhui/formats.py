"""Anhui ledger layout (Dongzhi style): 公民身份号码, 责任社工, 关注等级 written as 重点/定期/一般关注,
and stations in three tiers with 社工室 at village level. Pure data built on
:mod:`socialwork_national.formats`."""

from __future__ import annotations

from socialwork_national import formats as national

from socialwork_core.glossary import ServiceLevel, StationTier
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import category_labels

from .categories import CATEGORIES

CATEGORY_LABELS: dict[str, str] = category_labels(CATEGORIES)

LEVEL_LABELS: dict[str, str] = {
    "重点关注": ServiceLevel.LEVEL_1,
    "定期关注": ServiceLevel.LEVEL_2,
    "一般关注": ServiceLevel.LEVEL_3,
}
"""How Anhui registers write the three default levels."""

TIER_LABELS: dict[str, str] = {
    "县级社工总站": StationTier.COUNTY_CENTRE,
    "社工总站": StationTier.COUNTY_CENTRE,
    "乡镇社工站": StationTier.TOWNSHIP_STATION,
    "社工站": StationTier.TOWNSHIP_STATION,
    "村（社区）社工室": StationTier.VILLAGE_POINT,
    "社工室": StationTier.VILLAGE_POINT,
}

RECIPIENTS = national.regional_sheet(
    national.RECIPIENTS,
    sheet_names=("服务对象花名册",),
    headers={
        "key": ("档案编号",),
        "resident_id": ("公民身份号码",),
        "household_address": ("户籍地",),
        "residence_address": ("居住地",),
        "village": ("村（社区）",),
        "declared_level": ("关注等级", "服务等级"),
        "worker_id": ("责任社工",),
        "disability": ("残疾情况",),
        "self_care": ("自理情况", "自理能力"),
        "registered_on": ("登记日期",),
    },
    labels={"categories": CATEGORY_LABELS, "declared_level": LEVEL_LABELS},
)

STATIONS = national.regional_sheet(
    national.STATIONS,
    sheet_names=("三级站点",),
    labels={"tier": TIER_LABELS},
)

CONTACTS = national.regional_sheet(
    national.CONTACTS,
    sheet_names=("探访台账",),
    headers={
        "on": ("探访时间",),
        "at": ("时间",),
        "recipient_keys": ("档案编号",),
        "worker_ids": ("责任社工",),
        "notes": ("情况记录",),
    },
)

FORMAT = LedgerFormat(
    name="anhui",
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
"""An Anhui county's ledger (总站, 站 and 室 in one workbook)."""

FORMATS: tuple[LedgerFormat, ...] = (FORMAT,)

DISTINCTIVE_HEADERS: frozenset[str] = frozenset(
    {"公民身份号码", "关注等级", "责任社工", "情况记录"}
)
"""Headers only Anhui ledgers use: two of them claim a workbook for this format."""
