"""The ledger of a Zhejiang street station: the 低保低边对象信息采集表 (the register the civil
affairs bureau hands out, with the date each household's information was collected), visits,
cases and activities. Pure data, built on the national adapter's public sheets.
"""

from __future__ import annotations

import attrs
from socialwork_national import formats as national

from socialwork_core.glossary import Category, ContactMode
from socialwork_core.ledger import LedgerFormat, SheetFormat
from socialwork_core.plugins import category_labels

from .categories import CATEGORIES
from .region import REGION

CATEGORY_LABELS: dict[str, str] = {
    **category_labels(CATEGORIES),
    "低保户": Category.SUBSISTENCE_ALLOWANCE,
    "低边户": Category.NEAR_SUBSISTENCE,
    "低保边缘户": Category.NEAR_SUBSISTENCE,
    "低边": Category.NEAR_SUBSISTENCE,
}
"""How Zhejiang registers write categories: 低保户, 低边户 and the local 独居老兵."""

RECIPIENTS = national.regional_sheet(
    national.RECIPIENTS,
    sheet_names=("低保低边对象信息采集表", "信息采集表"),
    headers={
        "key": ("档案编号",),
        "categories": ("救助类别", "对象类别"),
        "village": ("所在村（社区）", "村居"),
        "registered_on": ("信息采集日期", "建档日期"),
        "worker_id": ("采集社工", "负责社工"),
    },
    labels={"categories": CATEGORY_LABELS},
)

CONTACTS = national.regional_sheet(
    national.CONTACTS,
    sheet_names=("入户探访记录", "探访记录"),
    headers={"on": ("探访日期",), "notes": ("探访情况",)},
    labels={"mode": {"入户探访": ContactMode.HOME_VISIT, "电话回访": ContactMode.PHONE}},
)


STATIONS = national.regional_sheet(
    national.STATIONS,
    labels={"tier": {name: tier for tier, name in REGION.tier_labels.items()}},
)
"""The station list, its 层级 column reading the tiers as the region names them."""


def _listed(sheet: SheetFormat, *fields: str) -> SheetFormat:
    """The sheet with ``fields`` read as lists (several problems or goals in one cell, joined
    with 、): their record fields hold tuples."""
    return attrs.evolve(
        sheet,
        columns=tuple(
            attrs.evolve(c, multi=True) if c.field in fields else c for c in sheet.columns
        ),
    )


CASES = _listed(
    national.regional_sheet(national.CASES, sheet_names=("个案帮扶",)), "problems", "goals"
)

FORMAT = LedgerFormat(
    name="zhejiang",
    sheets=(
        RECIPIENTS,
        STATIONS,
        national.WORKERS,
        CONTACTS,
        national.RESOURCE_LINKS,
        CASES,
        national.ACTIVITIES,
    ),
)
"""The street station's ledger."""

FORMATS: tuple[LedgerFormat, ...] = (FORMAT,)

DISTINCTIVE_HEADERS: frozenset[str] = frozenset({"救助类别", "信息采集日期", "采集社工"})
"""Headers only Zhejiang registers use: two of them claim a workbook for this format."""
