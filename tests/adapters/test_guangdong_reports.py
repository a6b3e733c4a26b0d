"""Guangdong reports: the Yunfu monthly (seed 000) and the Yangshan cumulative table (seed 002),
every figure checked against counts made by hand from a small ledger, and read back from the
workbook."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from socialwork_guangdong.reports import CUMULATIVE, MONTHLY, TEMPLATES

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category, ProviderKind, StationTier
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import cumulative, month, quarter
from socialwork_core.recipients import Recipient
from socialwork_core.reports import Report, ReportSettings, write_report
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import SocialWorker, Station

MARCH = month(2022, 3)
AS_OF = date(2022, 3, 31)
ID = "11010519491231002X"

LOW, EXTREME = Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY


def _ledger() -> RecordSet:
    people = (
        # 甲 holds 低保 and 特困: counts in both rows, once in the total
        Recipient(
            key="甲",
            name="梁某某",
            resident_id=ID,
            categories={LOW, EXTREME},
            station_code="S1",
            household_head="梁家",
            registered_on=date(2021, 5, 1),
        ),
        Recipient(
            key="乙",
            name="张某",
            categories={LOW},
            station_code="S1",
            household_head="张家",
            registered_on=date(2022, 1, 10),
        ),
        Recipient(
            key="丙",
            name="小洪",
            categories={Category.DE_FACTO_UNSUPPORTED_CHILD},
            station_code="S2",
            household_head="洪家",
            registered_on=date(2022, 3, 1),
        ),
        Recipient(
            key="丁",
            name="邵某",
            categories={Category.OTHER_IN_DIFFICULTY},
            station_code="S2",
            household_head="洪家",
            registered_on=date(2022, 3, 5),
        ),
        Recipient(
            key="戊",
            name="陈某",
            categories={Category.ELDERLY_LIVING_ALONE},
            station_code="S2",
            registered_on=date(2022, 3, 9),
        ),
    )
    contacts = (
        Contact(id="c1", on=date(2022, 3, 2), mode="home_visit", recipient_keys=("甲", "乙")),
        Contact(id="c2", on=date(2022, 3, 7), mode="phone", recipient_keys=("甲",)),
        Contact(id="c3", on=date(2022, 3, 8), mode="home_visit", recipient_keys=("丙", "丁")),
        Contact(id="c4", on=date(2022, 3, 9), mode="video", recipient_keys=("戊",)),
        Contact(id="c5", on=date(2022, 3, 20), mode="station_visit", recipient_keys=("乙",)),
        Contact(
            id="c6",
            on=date(2022, 1, 25),
            mode="home_visit",
            recipient_keys=("甲",),
            alert_id="寒潮",
            relocated=False,
        ),
        Contact(
            id="c7",
            on=date(2022, 4, 25),
            mode="home_visit",
            recipient_keys=("丙", "戊"),
            alert_id="洪涝",
            relocated=True,
        ),
    )
    activities = (
        Activity(
            id="a1",
            kind="publicity",
            title="社工宣传周",
            on=date(2022, 3, 12),
            station_code="S1",
            participants=120,
            special_group_participants=30,
            volunteers=15,
            worker_ids=("w1", "w2"),
        ),
        Activity(
            id="a2",
            kind="community_activity",
            title="义剪",
            on=date(2022, 3, 13),
            station_code="S2",
            participants=45,
            special_group_participants=12,
            volunteers=6,
            worker_ids=("w3",),
            participant_keys=("甲", "乙"),
            partner_villages=("布乾村委", "金坪村委"),
        ),
        Activity(
            id="a3",
            kind="community_activity",
            title="长者爱心餐",
            on=date(2022, 2, 13),
            station_code="S2",
            participants=30,
            worker_ids=("w3",),
        ),
    )
    links = (
        ResourceLink(
            id="l1",
            on=date(2022, 3, 12),
            kind="service",
            description="义诊",
            provider="榃容村委",
            provider_kind=ProviderKind.VILLAGE_COMMITTEE,
            head_count=40,
        ),
        ResourceLink(
            id="l2",
            on=date(2022, 3, 13),
            kind="goods",
            description="棉被",
            provider="布乾村委",
            provider_kind=ProviderKind.VILLAGE_COMMITTEE,
            recipient_keys=("甲",),
        ),
        ResourceLink(
            id="l3",
            on=date(2022, 3, 14),
            kind="goods",
            description="礼品",
            provider="新灵艺术机构",
            provider_kind=ProviderKind.SOCIAL_ORGANISATION,
            recipient_keys=("丙",),
        ),
        ResourceLink(
            id="l4",
            on=date(2022, 3, 15),
            kind="funds",
            description="助学",
            provider="县慈善会",
            provider_kind=ProviderKind.CHARITY,
            recipient_keys=("丙",),
            value_yuan=Decimal("2000"),
        ),
        ResourceLink(
            id="l5",
            on=date(2022, 3, 16),
            kind="goods",
            description="棉被",
            provider="榃容村委",
            provider_kind=ProviderKind.VILLAGE_COMMITTEE,
            recipient_keys=("乙",),
        ),
    )
    stations = (
        Station(
            code="S1",
            name="东成镇社工站",
            tier=StationTier.TOWNSHIP_STATION,
            township="东成镇",
            posts=4,
        ),
        Station(
            code="S2",
            name="六祖镇社工站",
            tier=StationTier.TOWNSHIP_STATION,
            township="六祖镇",
            posts=3,
        ),
        Station(code="P1", name="布乾村社工点", tier=StationTier.VILLAGE_POINT, parent_code="S1"),
        Station(code="P2", name="新屋村社工点", tier=StationTier.VILLAGE_POINT, parent_code="S2"),
        Station(code="P3", name="白水坑社工点", tier=StationTier.VILLAGE_POINT, parent_code="S2"),
    )
    workers = (
        SocialWorker(id="w1", name="阿梅", station_code="S1"),
        SocialWorker(id="w2", name="阿芳", station_code="S1"),
        SocialWorker(id="w3", name="阿强", station_code="S2"),
        SocialWorker(id="w4", name="阿伟", station_code="S2", started_on=date(2022, 6, 1)),
    )
    cases = (
        Case(id="k1", recipient_keys=("甲",), opened_on=date(2022, 2, 10), station_code="S1"),
        Case(
            id="k2",
            recipient_keys=("丙",),
            opened_on=date(2021, 6, 2),
            stage="closed",
            closed_on=date(2022, 1, 30),
            station_code="S2",
        ),
        Case(id="k3", recipient_keys=("丁",), opened_on=date(2022, 3, 18), station_code="S2"),
    )
    return RecordSet(
        recipients=people,
        contacts=contacts,
        activities=activities,
        resource_links=links,
        stations=stations,
        workers=workers,
        cases=cases,
    )


def _values(report: Report) -> dict[str, object]:
    return {f.code: f.value for f in report.figures()}


@pytest.fixture
def monthly() -> Report:
    return MONTHLY.build(_ledger(), MARCH, as_of=AS_OF, unit="云浮市民政局", preparer="李四")


def test_the_yunfu_monthly_carries_every_newsletter_figure(monthly: Report) -> None:
    v = _values(monthly)
    assert v["stations.township_stations"] == 2  # S1, S2
    assert v["stations.village_points"] == 3  # P1, P2, P3
    assert v["activities.workers_dispatched"] == 2 + 1  # a1 (w1, w2), a2 (w3); a3 is February
    # 榃容村委 (twice), 布乾村委 (by a link, and co-hosting a2), 金坪村委 (co-hosting a2)
    assert v["links.villages"] == 3
    assert v["links.social_organisations"] == 1  # 新灵艺术机构
    assert v["activities.volunteers"] == 15 + 6
    assert v["links.charities"] == 1  # 县慈善会
    assert v["activities.total"] == 2  # a1, a2
    assert v["activities.people_reached"] == 120 + 45
    assert v["activities.special_group_reached"] == 30 + 12
    assert v["activities.ordinary_reached"] == (120 - 30) + (45 - 12)
    assert v["activities.special_group_people"] == 2  # 甲, 乙 named at a2
    # the per-station table: visits (home, phone, video) in March: c1 2 + c2 1 + c3 2 + c4 1
    assert v["visits.total"] == 6
    # the newsletter's table counts home visits only (c1: 甲, 乙; c3: 丙, 丁), each person in
    # the first row they match: 甲 holds 低保 and 特困 and counts as 低保 only
    assert v["visits.table.total"] == 4
    assert v["visits.table.subsistence"] == 2  # 甲, 乙 in c1
    assert v["visits.table.extreme_poverty"] == 0  # 甲 counts as 低保
    assert v["visits.table.orphans_and_unsupported"] == 1  # 丙 in c3
    assert v["visits.table.other_in_difficulty"] == 1  # 丁 in c3
    assert monthly.not_computable == ()


def test_the_monthly_prints_the_order_of_precedence_and_the_modes_it_counts(
    monthly: Report,
) -> None:
    assert (
        "“探访民政服务对象”各行互不重复：同一服务对象属于多个类别的，按低保、特困、"
        "事实无人抚养儿童及孤儿、其他困难群众的顺序只计入第一个符合的类别。"
    ) in monthly.notes
    assert "“探访民政服务对象”只计入户。" in monthly.notes
    assert not any("两行中各计一次" in note for note in monthly.notes)


def test_the_monthly_workbook_reads_back_with_title_rows_and_chart(
    monthly: Report, tmp_path: Path
) -> None:
    path = write_report(monthly, tmp_path / "yunfu.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = [r for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "“双百工程”社工站（点）工作月报"
    assert rows[1][0].startswith("填报单位：云浮市民政局")
    by_label = {r[0]: r[1:3] for r in rows if r[0] is not None}
    assert by_label["社工站"] == (2, "个")
    assert by_label["社工点"] == (3, "个")
    assert by_label["出动社工"] == (3, "人次")
    assert by_label["联动村居"] == (3, "个")
    assert by_label["联动志愿者"] == (21, "人次")
    assert by_label["开展活动"] == (2, "场次")
    assert by_label["探访民政服务对象"] == (4, "人次")
    assert by_label["低保"] == (2, "人次")
    assert by_label["事实无人抚养儿童及孤儿"] == (1, "人次")
    assert len(sheet._charts) == 1
    texts = [str(c) for r in rows for c in r if c is not None]
    assert not any(ID in t for t in texts)


def test_the_yangshan_cumulative_table() -> None:
    period = cumulative(date(2022, 1, 1), date(2022, 4, 30))
    report = CUMULATIVE.build(
        _ledger(),
        period,
        as_of=date(2022, 4, 30),
        unit="阳山县民政局",
        settings=ReportSettings(townships_total=2),
    )
    v = _values(report)
    assert v["posts.total"] == 4 + 3
    assert v["workers.in_post"] == 3  # w4 starts in June
    assert v["posts.vacant"] == 7 - 3
    assert v["coverage.townships"] == Decimal("100.0")  # 2 of 2 townships
    # home visits Jan–Apr: c1 (甲 梁家, 乙 张家), c3 (丙, 丁: both 洪家), c6 (甲), c7 (丙 洪家, 戊 alone)
    assert v["visits.households"] == 4  # 梁家, 张家, 洪家, 戊
    # 建档 is the register on 30 April: 甲 (梁家), 乙 (张家), 丙 and 丁 (洪家), 戊 (alone)
    assert v["recipients.households_on_register"] == 4
    assert v["activities.total"] == 3  # a1, a2, a3
    assert v["activities.people_reached"] == 120 + 45 + 30
    assert v["cases.new"] == 2  # k1 (February), k3 (March)
    assert v["cases.ongoing"] == 2  # k1, k3 open on 30 April
    assert v["alerts.visits"] == 1 + 2  # c6 (甲), c7 (丙, 戊)
    assert v["alerts.people"] == 3
    assert v["alerts.relocated"] == 2  # c7 moved 丙 and 戊; c6 moved nobody


def test_the_cumulative_table_without_area_totals_says_why_coverage_is_missing() -> None:
    period = cumulative(date(2022, 1, 1), date(2022, 4, 30))
    report = CUMULATIVE.build(_ledger(), period, as_of=date(2022, 4, 30), unit="阳山县民政局")
    townships, villages = report.not_computable
    assert (townships.code, villages.code) == ("coverage.townships", "coverage.villages")
    assert "未提供" in townships.reason and "未提供" in villages.reason


def test_templates_refuse_a_period_of_the_wrong_kind_and_are_listed() -> None:
    with pytest.raises(ValueError, match="filed per month"):
        MONTHLY.build(_ledger(), quarter(2022, 1), as_of=AS_OF, unit="x")
    assert [t.name for t in TEMPLATES] == ["guangdong.monthly", "guangdong.cumulative"]


def test_a_city_monthly_has_a_row_per_station_and_a_total_from_the_records(
    monthly: Report,
) -> None:
    section = next(s for s in monthly.sections if s.title == "四、各社工站")
    table = section.tables[0]
    rows = {row.label: [f.value for f in row.figures] for row in table.rows}
    assert table.headers[0] == "镇（街）社工站"
    assert list(rows)[-1] == "合计" and table.rows[-1].total
    stations = [v for label, v in rows.items() if label != "合计"]
    assert len(stations) == 2
    # visits (人次) add up; people visited are counted once in the total
    assert sum(v[0] for v in stations) == rows["合计"][0] == 6
    assert sum(v[1] for v in stations) >= rows["合计"][1]
