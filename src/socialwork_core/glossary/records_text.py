"""The names of the kinds of record a ledger holds.

``RecordKind``'s label is the kind's name as a station worker reads it on a sheet or in a message
(服务对象, 探访记录); ``RECORDS_IN_REASONS`` is the shorter word a report's not-computable reason
puts before 记录 (台账中没有探访记录 …). The facts of each kind (its class, its ``Ledger``
attribute, its ID field …) are in ``socialwork_core.record_kinds``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._labelled import LabelledEnum


class RecordKind(LabelledEnum):
    """The kinds of record a ledger holds; the code is stable, the label the kind's Chinese name."""

    RECIPIENTS = ("recipients", "服务对象")
    STATIONS = ("stations", "社工站点")
    WORKERS = ("workers", "社工人员")
    CONTACTS = ("contacts", "探访记录")
    RESOURCE_LINKS = ("resource_links", "资源链接")
    CASES = ("cases", "个案")
    ACTIVITIES = ("activities", "活动")
    CAMPAIGNS = ("campaigns", "专项活动")
    HANDOUTS = ("handouts", "物资发放")


RECORDS_IN_REASONS: Mapping[RecordKind, str] = MappingProxyType(
    {
        RecordKind.RECIPIENTS: "服务对象",
        RecordKind.STATIONS: "社工站(点)",
        RecordKind.WORKERS: "社工",
        RecordKind.CONTACTS: "探访",
        RecordKind.RESOURCE_LINKS: "资源链接",
        RecordKind.CASES: "个案",
        RecordKind.ACTIVITIES: "活动",
        RecordKind.CAMPAIGNS: "专项活动",
        RecordKind.HANDOUTS: "物资发放",
    }
)
"""How a not-computable reason names a kind: ``reports.no_records`` reads 台账中没有{records}记录."""
