"""Henan ledger layout (Kaifeng style): 走访记录 rather than 探访, 驻站社工, 对象类型; pure data built on
:mod:`socialwork_national.formats`."""

from __future__ import annotations

from socialwork_national import formats as national

from socialwork_core.glossary import Category, ContactMode
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import category_labels

from .categories import CATEGORIES

CATEGORY_LABELS: dict[str, str] = {
    **category_labels(CATEGORIES),
    "低保户": Category.SUBSISTENCE_ALLOWANCE,
    "特困供养": Category.EXTREME_POVERTY,
    "事实无人扶养儿童": Category.DE_FACTO_UNSUPPORTED_CHILD,
    "孤困儿童": Category.CHILD_IN_DIFFICULTY,
}
"""Kaifeng's reports write 事实无人扶养儿童 (扶) and 孤困 (seed 003; docs/domain.md section 2,
local words). 事实无人扶养儿童 is the 2019 opinion's category with a variant character. 孤困儿童
as 困境儿童 is a *default*: the report's 孤困人群 joins 孤儿 and 困境儿童, and a cell that says
孤困儿童 does not tell which, so it is read as the wider 困境儿童 (its three kinds in the 2016
opinion); a 孤儿 is one only where the ledger says 孤儿."""

RECIPIENTS = national.regional_sheet(
    national.RECIPIENTS,
    sheet_names=("服务对象名册",),
    headers={
        "key": ("编号",),
        "name": ("服务对象姓名",),
        "phones": ("联系方式",),
        "household_address": ("户籍所在地",),
        "residence_address": ("现居住地",),
        "village": ("所在村（社区）",),
        "categories": ("对象类型",),
        "worker_id": ("驻站社工",),
        "disability": ("残疾类别及等级",),
        "self_care": ("生活自理能力",),
        "registered_on": ("建档时间",),
        "status": ("在册状态",),
    },
    labels={"categories": CATEGORY_LABELS},
)

CONTACTS = national.regional_sheet(
    national.CONTACTS,
    sheet_names=("走访记录",),
    headers={
        "on": ("走访日期",),
        "at": ("走访时间",),
        "mode": ("走访方式",),
        "recipient_keys": ("对象编号",),
        "worker_ids": ("走访社工",),
        "notes": ("走访情况",),
    },
    labels={
        "mode": {
            "入户走访": ContactMode.HOME_VISIT,
            "电话回访": ContactMode.PHONE,
            "微信回访": ContactMode.INSTANT_MESSAGE,
            "来访咨询": ContactMode.STATION_VISIT,
        }
    },
)

FORMAT = LedgerFormat(
    name="henan",
    sheets=(
        RECIPIENTS,
        national.STATIONS,
        national.WORKERS,
        CONTACTS,
        national.RESOURCE_LINKS,
        national.CASES,
        national.ACTIVITIES,
        national.CAMPAIGNS,
        national.HANDOUTS,
    ),
)
"""A Henan township station's ledger."""

FORMATS: tuple[LedgerFormat, ...] = (FORMAT,)

DISTINCTIVE_HEADERS: frozenset[str] = frozenset({"驻站社工", "走访方式", "对象编号", "现居住地"})
"""Headers only Henan ledgers use: two of them claim a workbook for this format."""
