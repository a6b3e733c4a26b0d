"""Anhui reports (seed 004): the quarterly three-tier table and the station evaluation, every
figure against values worked out by hand from a small ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from socialwork_anhui.reports import QUARTERLY

from socialwork_core.glossary import StationTier
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import quarter
from socialwork_core.recipients import Recipient
from socialwork_core.reports import Report, ReportSettings, write_report
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import SocialWorker, Station

Q1 = quarter(2023, 1)
AS_OF = date(2023, 3, 31)


def _network() -> tuple[Station, ...]:
    return (
        Station(code="C", name="东至县社工总站", tier=StationTier.COUNTY_CENTRE, posts=2),
        Station(
            code="S1",
            name="东流镇社工站",
            tier=StationTier.TOWNSHIP_STATION,
            parent_code="C",
            township="东流镇",
            posts=3,
        ),
        Station(
            code="S2",
            name="大渡口镇社工站",
            tier=StationTier.TOWNSHIP_STATION,
            parent_code="C",
            township="大渡口镇",
            posts=3,
        ),
        Station(
            code="R1",
            name="东流村社工室",
            tier=StationTier.VILLAGE_POINT,
            parent_code="S1",
            village="东流村",
        ),
        Station(
            code="R2",
            name="新屋村社工室",
            tier=StationTier.VILLAGE_POINT,
            parent_code="S1",
            village="新屋村",
        ),
        Station(
            code="R3",
            name="渡口社区社工室",
            tier=StationTier.VILLAGE_POINT,
            parent_code="S2",
            village="渡口社区",
        ),
    )


def _workers() -> tuple[SocialWorker, ...]:
    return (
        SocialWorker(id="w0", name="总站社工", station_code="C", certificate="intermediate"),
        SocialWorker(id="w1", name="社工甲", station_code="S1", certificate="assistant"),
        SocialWorker(id="w2", name="社工乙", station_code="S1", certificate="assistant"),
        SocialWorker(id="w3", name="社工丙", station_code="S1"),
        SocialWorker(id="w4", name="社工丁", station_code="S2"),
        SocialWorker(
            id="w5",
            name="社工戊",
            station_code="S2",
            certificate="assistant",
            left_on=date(2023, 1, 15),
        ),
    )


def _links() -> tuple[ResourceLink, ...]:
    return (
        ResourceLink(
            id="l1",
            on=date(2023, 1, 10),
            kind="funds",
            description="民政专项资金",
            value_yuan=Decimal("500000"),
            value_is_approximate=True,
            head_count=200,
            station_code="C",
        ),
        ResourceLink(
            id="l2",
            on=date(2023, 2, 3),
            kind="funds",
            description="妇联助学",
            value_yuan=Decimal("12000.50"),
            recipient_keys=("甲",),
            station_code="S1",
        ),
        ResourceLink(
            id="l3",
            on=date(2023, 2, 5),
            kind="goods",
            description="棉衣",
            value_yuan=Decimal("800"),
            recipient_keys=("乙",),
            station_code="S2",
        ),
        ResourceLink(
            id="l4",
            on=date(2023, 4, 2),
            kind="funds",
            description="二季度资金",
            value_yuan=Decimal("9999"),
            head_count=5,
            station_code="S1",
        ),
    )


def _ledger() -> RecordSet:
    people = (
        Recipient(key="甲", name="李雪", station_code="S1", categories={"child_in_difficulty"}),
        Recipient(key="乙", name="王某", station_code="S2", categories={"subsistence_allowance"}),
    )
    return RecordSet(
        recipients=people, stations=_network(), workers=_workers(), resource_links=_links()
    )


def _values(report: Report) -> dict[str, object]:
    return {f.code: f.value for f in report.figures()}


def test_the_quarterly_counts_three_tiers_coverage_staff_and_funds(tmp_path: Path) -> None:
    report = QUARTERLY.build(
        _ledger(),
        Q1,
        as_of=AS_OF,
        unit="东至县民政局",
        settings=ReportSettings(townships_total=15, villages_total=6),
    )
    v = _values(report)
    assert v["stations.county_centres"] == 1
    assert v["stations.township_stations"] == 2
    assert v["stations.village_points"] == 3
    assert v["coverage.townships"] == Decimal("13.3")  # 2 / 15 = 13.33 %
    assert v["coverage.villages"] == Decimal("50.0")  # 3 / 6
    assert v["workers.in_post"] == 5  # w5 left in January
    assert v["workers.certified"] == 3  # w0, w1, w2
    assert v["resources.funds_yuan"] == Decimal("512000.50")  # l1 + l2 (l4 is April)
    assert report.figure("resources.funds_yuan").approximate is True
    assert v["resources.count"] == 3  # l1, l2, l3
    assert v["resources.value_yuan"] == Decimal("512800.50")

    rows = list(
        openpyxl.load_workbook(write_report(report, tmp_path / "q.xlsx")).active.iter_rows(
            values_only=True
        )
    )
    by_label = {r[0]: r[1:3] for r in rows if r[0] is not None}
    assert by_label["县级社工总站"] == (1, "个")
    assert by_label["村（社区）社工室"] == (3, "个")
    assert by_label["持证社工"] == (3, "人")
    assert by_label["整合资金"] == ("约512000.50", "元")
    assert any("约数" in str(r[0]) for r in rows)
