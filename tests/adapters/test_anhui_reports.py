"""Anhui reports (seed 004): the quarterly three-tier table and the station evaluation, every
figure against values worked out by hand from a small ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from socialwork_anhui.reports import EVALUATION, QUARTERLY, evaluation_builder, station_visit_rate

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import StationTier
from socialwork_core.indicators import LedgerLike, RecordSet
from socialwork_core.periods import quarter, year
from socialwork_core.recipients import Recipient
from socialwork_core.reports import (
    EvaluationTargets,
    EvaluationWeights,
    GradeBands,
    Report,
    ReportSettings,
    ReportTemplate,
    evaluate_station,
    write_report,
)
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
    by_label: dict[object, tuple[object, ...]] = {}
    for r in rows:  # the first table names each tier; the per-tier table after it does too
        if r[0] is not None:
            by_label.setdefault(r[0], r[1:3])
    assert by_label["县级社工总站"] == (1, "个")
    assert by_label["村（社区）社工室"] == (3, "个")
    assert by_label["持证社工"] == (3, "人")
    assert by_label["整合资金"] == ("约512000.50", "元")
    assert any("约数" in str(r[0]) for r in rows)


# --- station evaluation ----------------------------------------------------------------------------
#
# Year 2023 (as of 31 December), default convention: weights 25/25/25/15/10, yardsticks for a year
# 12 new cases, 16 group sessions, 24 other activities, 20 fulfilled links; bands 90/80/60.
#
# 东流镇 S1: posts 3, in post 3 (w1 w2 w3), certified 2 -> 25 × (3/3 + 2/3) / 2 = 20.83
#            甲 (三级) home-visited in every quarter -> rate 100 % -> 25.00
#            6 cases, 16 sessions, 24 activities -> 25 × (6/12 + 1 + 1) / 3 = 20.83
#            20 links -> 15.00; project 9 -> 9.00; total 90.66 -> 优秀
# 大渡口 S2: posts 3, in post 1 (w4; w5 left), certified 0 -> 25 × (1/3 + 0) / 2 = 4.17
#            乙 (三级) visited in Q1 only -> 0 % -> 0.00; no casework -> 0.00; no links -> 0.00;
#            no project score -> total not computable, no grade
# 总站 C (the whole county): posts 8, in post 5, certified 3 -> 25 × (5/8 + 3/5) / 2 = 15.31
#            1 of 2 met -> 50 % -> 12.50; casework as S1 -> 20.83; links 15.00; project 8
#            -> total 71.64 -> 合格

YEAR_END = date(2023, 12, 31)


def _evaluation_ledger() -> RecordSet:
    people = (
        Recipient(key="甲", name="李某", station_code="S1", registered_on=date(2022, 1, 1)),
        Recipient(key="乙", name="王某", station_code="S2", registered_on=date(2022, 1, 1)),
    )
    visits = [date(2023, 2, 1), date(2023, 5, 1), date(2023, 8, 1), date(2023, 11, 1)]
    contacts = [
        Contact(id=f"v{i}", on=day, mode="home_visit", recipient_keys=("甲",))
        for i, day in enumerate(visits)
    ]
    contacts.append(
        Contact(id="v9", on=date(2023, 2, 1), mode="home_visit", recipient_keys=("乙",))
    )
    cases = [
        Case(id=f"k{i}", recipient_keys=("甲",), opened_on=date(2023, 3, i + 1), station_code="S1")
        for i in range(6)
    ]
    sessions = [
        Activity(
            id=f"g{i}",
            kind="group_session",
            title="节",
            group_name="小组",
            session_number=i + 1,
            on=date(2023, 4, i + 1),
            station_code="S1",
        )
        for i in range(16)
    ]
    others = [
        Activity(
            id=f"a{i}",
            kind="community_activity",
            title="活动",
            on=date(2023, 6, i + 1),
            station_code="S1",
        )
        for i in range(24)
    ]
    links = [
        ResourceLink(
            id=f"l{i}",
            on=date(2023, 7, i + 1),
            kind="goods",
            description="物资",
            recipient_keys=("甲",),
            station_code="S1",
        )
        for i in range(20)
    ]
    return RecordSet(
        recipients=people,
        stations=_network(),
        workers=_workers(),
        contacts=tuple(contacts),
        cases=tuple(cases),
        activities=tuple(sessions + others),
        resource_links=tuple(links),
    )


def _evaluation(template: ReportTemplate = EVALUATION) -> Report:
    return template.build(
        _evaluation_ledger(),
        year(2023),
        as_of=YEAR_END,
        unit="东至县民政局",
        settings=ReportSettings(distinctive_project_points={"S1": Decimal(9), "C": Decimal(8)}),
    )


def _scores(report: Report) -> dict[str, tuple[list[object], str | None]]:
    table = report.sections[0].tables[0]
    return {row.label: ([f.value for f in row.figures], row.note) for row in table.rows}


def test_each_station_is_scored_from_weighted_groups_and_graded() -> None:
    scores = _scores(_evaluation())
    d = Decimal
    assert scores["东流镇社工站"] == (
        [d("20.83"), d("25.00"), d("20.83"), d("15.00"), d("9.00"), d("90.66")],
        "优秀",
    )
    assert scores["东至县社工总站"] == (
        [d("15.31"), d("12.50"), d("20.83"), d("15.00"), d("8.00"), d("71.64")],
        "合格",
    )
    assert scores["大渡口镇社工站"] == (
        [d("4.17"), d("0.00"), d("0.00"), d("0.00"), None, None],
        None,
    )


def test_an_unscored_project_leaves_the_total_and_grade_blank_with_the_reason() -> None:
    report = _evaluation()
    reasons = {item.code: item.reason for item in report.not_computable}
    assert "未提供“特色项目(一站一品)”的评分" in reasons["evaluation.group.distinctive_project"]
    assert "evaluation.score" in reasons


def test_the_bands_are_a_stated_convention_and_can_be_replaced(tmp_path: Path) -> None:
    report = _evaluation()
    assert any("常用约定，可配置" in note and "优秀90分" in note for note in report.notes)
    strict = ReportTemplate(
        name="anhui.station_evaluation.strict",
        title="评估（严格分数线）",
        period_kind="year",
        builder=evaluation_builder(
            station_visit_rate, bands=GradeBands(excellent=95, good=85, passing=72)
        ),
    )
    scores = _scores(_evaluation(strict))
    assert scores["东流镇社工站"][1] == "良好"  # 90.66 is below 95
    assert scores["东至县社工总站"][1] == "不合格"  # 71.64 is below 72
    rows = list(
        openpyxl.load_workbook(write_report(report, tmp_path / "e.xlsx")).active.iter_rows(
            values_only=True
        )
    )
    header = next(r for r in rows if r[0] == "社工站")
    assert header[:8] == (
        "社工站",
        "人员配备与持证（25分）",
        "探访率（25分）",
        "个案、小组与活动（25分）",
        "资源链接（15分）",
        "特色项目(一站一品)（10分）",
        "总分",
        "等次",
    )
    assert ("东流镇社工站", 20.83, 25, 20.83, 15, 9, 90.66, "优秀") in [r[:8] for r in rows]
    assert ("大渡口镇社工站", 4.17, 0, 0, 0, "无法计算", "无法计算", None) in [r[:8] for r in rows]


def test_grade_bands_weights_and_targets_check_themselves() -> None:
    bands = GradeBands()
    assert [bands.grade(Decimal(s)).label for s in ("90", "89.99", "80", "60", "59.99")] == [
        "优秀",
        "良好",
        "良好",
        "合格",
        "不合格",
    ]
    with pytest.raises(ValueError, match="bands"):
        GradeBands(excellent=80, good=90)
    with pytest.raises(ValueError, match="100"):
        EvaluationWeights(staffing=30)
    with pytest.raises(ValueError, match="positive"):
        EvaluationTargets(new_cases=0)


def test_weights_by_group_follow_the_evaluation_s_groups() -> None:
    weights = EvaluationWeights(staffing=30, distinctive_project=5)
    result = evaluate_station(
        RecordSet(),
        year(2022),
        as_of=date(2022, 12, 31),
        visit_rate=station_visit_rate(
            RecordSet(), year(2022), date(2022, 12, 31), ReportSettings()
        ),
        distinctive_project_points=None,
        weights=weights,
    )
    assert [f"evaluation.group.{code}" for code, _ in weights.by_group()] == [
        g.code for g in result.groups
    ]
    assert tuple(w for _, w in weights.by_group()) == result.weights
    assert result.weights == (Decimal(30), Decimal(25), Decimal(25), Decimal(15), Decimal(5))


# --- the quarterly per tier --------------------------------------------------------------------------
#
# Q1 2023, as of 31 March. At each tier's stations:
#   county centre C:        w0 (certified)                  -> in post 1, certified 1
#                           l1 funds 500000 (约)             -> links 1, funds 500000
#                           no visits                       -> 0
#   township S1, S2:        w1 w2 (certified), w3, w4; w5 left 15 January -> in post 4, certified 2
#                           l2 funds 12000.50, l3 goods 800 -> links 2, funds 12000.50
#                           S1 visits 甲 at home twice, S2 phones 乙 once -> 3 person-times
#   village R1, R2, R3:     no workers, no links            -> 0, 0, 0, 0.00
#                           R1 visits 甲 and 乙 together once -> 2 person-times
#   (l4 is April; a 来访 at S1 is no visit; an April visit at R3 is out of the quarter)
# 合计 counts the whole ledger: 5, 3, 3, 512000.50, 5.


def _tier_ledger() -> RecordSet:
    def visit(key: str, on: date, station: str, mode: str, *people: str) -> Contact:
        return Contact(id=key, on=on, mode=mode, recipient_keys=people, station_code=station)

    return attrs.evolve(
        _ledger(),
        contacts=(
            visit("v1", date(2023, 1, 5), "S1", "home_visit", "甲"),
            visit("v2", date(2023, 3, 2), "S1", "home_visit", "甲"),
            visit("v3", date(2023, 2, 8), "S2", "phone", "乙"),
            visit("v4", date(2023, 2, 9), "R1", "home_visit", "甲", "乙"),
            visit("v5", date(2023, 2, 10), "S1", "station_visit", "甲"),
            visit("v6", date(2023, 4, 3), "R3", "home_visit", "乙"),
        ),
    )


def test_the_quarterly_breaks_the_work_down_per_tier_from_the_records() -> None:
    report = QUARTERLY.build(_tier_ledger(), Q1, as_of=AS_OF, unit="东至县民政局")

    section = report.section("四、分层级情况")
    table = section.tables[0]
    rows = {row.label: [f.value for f in row.figures] for row in table.rows}
    assert rows == {
        "县级社工总站": [1, 1, 1, Decimal("500000"), 0],
        "乡镇社工站": [4, 2, 2, Decimal("12000.50"), 3],
        "村（社区）社工室": [0, 0, 0, Decimal("0"), 2],
        "合计": [5, 3, 3, Decimal("512000.50"), 5],
    }
    assert table.rows[-1].total
    codes = [f.code for f in table.rows[0].figures]
    assert codes == [
        "anhui.tier.county_centre.workers.in_post",
        "anhui.tier.county_centre.workers.certified",
        "anhui.tier.county_centre.resources.count",
        "anhui.tier.county_centre.resources.funds_yuan",
        "anhui.tier.county_centre.visits.total",
    ]
    assert report.figure("anhui.tier.county_centre.resources.funds_yuan").approximate


def test_each_tier_row_is_declared_to_the_kit_as_the_share_it_counts() -> None:
    ledger = _tier_ledger()
    report = QUARTERLY.build(ledger, Q1, as_of=AS_OF, unit="东至县民政局")

    for figure in report.figures():
        if figure.code.startswith("anhui.tier."):
            prefix, core = figure.code.rsplit(".", 2)[0], figure.code.split(".", 3)[3]
            share = QUARTERLY.shares[prefix](ledger)
            assert figure.value == _counted_plainly(share, core)


def _counted_plainly(share: LedgerLike, code: str) -> object:
    """The tier row's figure counted plainly over the share."""
    links = [x for x in share.resource_links if x.on in Q1]
    plain: dict[str, object] = {
        "workers.in_post": sum(1 for w in share.workers if w.in_post(AS_OF)),
        "workers.certified": sum(
            1 for w in share.workers if w.in_post(AS_OF) and w.certificate.is_certified
        ),
        "resources.count": len(links),
        "resources.funds_yuan": sum(
            (x.value_yuan or Decimal(0) for x in links if x.kind.value == "funds"), Decimal(0)
        ),
        "visits.total": sum(
            len(c.recipient_keys)
            for c in share.contacts
            if c.on in Q1 and c.mode is not None and c.mode.value != "station_visit"
        ),
    }
    return plain[code]
