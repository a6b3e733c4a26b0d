"""The national monthly report: visits, files opened, cases, groups, activities, volunteers,
resources in yuan and the visit rate by level, each against a hand count from this ledger
(March 2022, national default rule set: 一级 needs a home visit each month, 二级 a contact each
month and a home visit each quarter, 三级 a home visit each quarter; newcomers have 30 days' grace).

| person | level (why)                 | contacts                              | due in March? | met? |
|--------|-----------------------------|---------------------------------------|---------------|------|
| A      | 一级 (85, living alone)      | home visit 3 March                    | yes           | yes  |
| B      | 一级 (82, empty nest)        | phone 4 March                         | yes           | no   |
| C      | 二级 (orphan)                | home visit 10 Feb, phone 5 March      | yes           | yes  |
| D      | 三级 (低保)                  | none                                  | yes           | no   |
| E      | 三级                         | home visit 20 January                 | yes           | yes  |
| F      | 三级, registered 15 March    | none                                  | no (grace)    | —    |
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from socialwork_national.reports import MONTHLY

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import month
from socialwork_core.recipients import Recipient
from socialwork_core.reports import Report, report_json, write_report
from socialwork_core.resources import ResourceLink

MARCH = month(2022, 3)
AS_OF = date(2022, 3, 31)
OLD = date(2021, 1, 1)


def _ledger() -> RecordSet:
    people = (
        Recipient(
            key="A",
            name="甲某",
            birth_date=date(1937, 1, 1),
            registered_on=OLD,
            categories={Category.ELDERLY_LIVING_ALONE},
        ),
        Recipient(
            key="B",
            name="乙某",
            birth_date=date(1940, 1, 1),
            registered_on=OLD,
            categories={Category.EMPTY_NEST_ELDERLY},
        ),
        Recipient(
            key="C",
            name="丙某",
            birth_date=date(2012, 1, 1),
            registered_on=OLD,
            categories={Category.ORPHAN},
        ),
        Recipient(
            key="D",
            name="丁某",
            birth_date=date(1970, 1, 1),
            registered_on=OLD,
            categories={Category.SUBSISTENCE_ALLOWANCE},
        ),
        Recipient(key="E", name="戊某", birth_date=date(1980, 1, 1), registered_on=OLD),
        Recipient(
            key="F", name="己某", birth_date=date(1985, 1, 1), registered_on=date(2022, 3, 15)
        ),
    )
    contacts = (
        Contact(id="c1", on=date(2022, 3, 3), mode="home_visit", recipient_keys=("A",)),
        Contact(id="c2", on=date(2022, 3, 4), mode="phone", recipient_keys=("B",)),
        Contact(id="c3", on=date(2022, 2, 10), mode="home_visit", recipient_keys=("C",)),
        Contact(id="c4", on=date(2022, 3, 5), mode="phone", recipient_keys=("C",), case_id="k2"),
        Contact(id="c5", on=date(2022, 1, 20), mode="home_visit", recipient_keys=("E",)),
    )
    cases = (
        Case(id="k1", recipient_keys=("D",), opened_on=date(2022, 2, 1)),
        Case(id="k2", recipient_keys=("C",), opened_on=date(2022, 3, 2)),
        Case(
            id="k3",
            recipient_keys=("B",),
            opened_on=date(2021, 12, 1),
            stage="closed",
            closed_on=date(2022, 3, 28),
        ),
    )
    activities = (
        Activity(
            id="g1",
            kind="group_session",
            title="第一节",
            group_name="长者健康小组",
            session_number=1,
            on=date(2022, 3, 8),
            participants=9,
            volunteers=1,
        ),
        Activity(
            id="g2",
            kind="group_session",
            title="第二节",
            group_name="长者健康小组",
            session_number=2,
            on=date(2022, 3, 15),
            participants=8,
            volunteers=1,
        ),
        Activity(
            id="a1",
            kind="community_activity",
            title="义剪",
            on=date(2022, 3, 20),
            participants=30,
            volunteers=6,
        ),
        Activity(id="a2", kind="training", title="督导", on=date(2022, 2, 20), participants=5),
    )
    links = (
        ResourceLink(
            id="l1",
            on=date(2022, 3, 9),
            kind="funds",
            description="临时救助金",
            value_yuan=Decimal("1000.00"),
            recipient_keys=("D",),
        ),
        ResourceLink(
            id="l2",
            on=date(2022, 3, 10),
            kind="goods",
            description="棉被",
            recipient_keys=("A", "B"),
        ),
    )
    return RecordSet(
        recipients=people,
        contacts=contacts,
        cases=cases,
        activities=activities,
        resource_links=links,
    )


@pytest.fixture
def report() -> Report:
    return MONTHLY.build(_ledger(), MARCH, as_of=AS_OF, unit="某某镇社工站")


def test_every_figure_of_the_national_monthly(report: Report) -> None:
    v = {f.code: f.value for f in report.figures()}
    assert v["visits.total"] == 3  # c1, c2, c4 in March (home or phone)
    assert v["visits.people"] == 3  # A, B, C
    assert v["visits.households"] == 1  # A's home visit
    assert v["alerts.visits"] == 0
    assert v["visits.group.orphans_and_unsupported"] == 1  # C
    assert v["visits.group.subsistence"] == 0  # D was not visited
    assert v["recipients.on_register"] == 6  # A–F, all on the register at the end of March
    assert v["recipients.files_opened"] == 1  # F
    assert (v["cases.new"], v["cases.ongoing"], v["cases.closed"]) == (1, 2, 1)  # k2; k1, k2; k3
    assert v["groups.sessions"] == 2
    assert v["groups.groups"] == 1
    assert v["activities.total"] == 3  # g1, g2, a1 (a2 in February)
    assert v["activities.kind.training"] == 0
    assert v["activities.people_reached"] == 9 + 8 + 30
    assert v["activities.volunteers"] == 1 + 1 + 6
    assert v["resources.count"] == 2
    assert v["resources.value_yuan"] == Decimal("1000.00")
    assert v["resources.people_reached"] == 1 + 2
    # 一级: A met, B not -> 1 of 2; 二级: C met -> 1 of 1; 三级: D not, E met, F in grace -> 1 of 2
    assert (v["visit_rate.due.level_1"], v["visit_rate.met.level_1"]) == (2, 1)
    assert v["visit_rate.level.level_1"] == Decimal("50.0")
    assert v["visit_rate.level.level_2"] == Decimal("100.0")
    assert (v["visit_rate.due.level_3"], v["visit_rate.met.level_3"]) == (2, 1)
    assert v["visit_rate.level.level_3"] == Decimal("50.0")
    assert report.not_computable == ()
    assert "有1条资源链接未填写折合金额，未计入金额。" in report.notes  # l2


def test_the_monthly_workbook_reads_back_with_the_visit_rate_table(
    report: Report, tmp_path: Path
) -> None:
    rows = list(
        openpyxl.load_workbook(write_report(report, tmp_path / "m.xlsx")).active.iter_rows(
            values_only=True
        )
    )
    assert rows[0][0] == "乡镇（街道）社工站工作月报表"
    assert ("服务等级", "应探访（人）", "已探访（人）", "探访率（%）") in [r[:4] for r in rows]
    assert ("一级", 2, 1, 50) in [r[:4] for r in rows]
    assert ("二级", 1, 1, 100) in [r[:4] for r in rows]
    assert ("链接资源折合金额", 1000, "元") in [r[:3] for r in rows]


def test_a_ledger_with_no_activity_sheet_reports_activities_as_not_computable() -> None:
    bare = RecordSet(recipients=_ledger().recipients, contacts=_ledger().contacts)
    report = MONTHLY.build(bare, MARCH, as_of=AS_OF, unit="某某镇社工站")
    missing = {item.code for item in report.not_computable}
    assert {"activities.total", "groups.sessions", "activities.volunteers", "cases.new"} <= missing
    assert report.figure("activities.total").value is None
    assert report.figure("visits.total").value == 3


def test_the_groups_in_person_times_and_in_distinct_people(tmp_path: Path) -> None:
    # 甲 (低保) visited at home and by phone; 乙 (低保 and 特困) by video; 丙 (孤儿) came to the
    # station, which is no visit
    ledger = RecordSet(
        recipients=(
            Recipient(key="甲", name="甲某", categories={Category.SUBSISTENCE_ALLOWANCE}),
            Recipient(
                key="乙",
                name="乙某",
                categories={Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY},
            ),
            Recipient(key="丙", name="丙某", categories={Category.ORPHAN}),
        ),
        contacts=(
            Contact(id="v1", on=date(2022, 3, 1), mode="home_visit", recipient_keys=("甲",)),
            Contact(id="v2", on=date(2022, 3, 9), mode="phone", recipient_keys=("甲",)),
            Contact(id="v3", on=date(2022, 3, 9), mode="video", recipient_keys=("乙",)),
            Contact(id="v4", on=date(2022, 3, 9), mode="station_visit", recipient_keys=("丙",)),
        ),
    )
    report = MONTHLY.build(ledger, MARCH, as_of=AS_OF, unit="某某镇社工站")
    v = {f.code: f.value for f in report.figures()}
    assert v["visits.group.subsistence"] == 3  # 甲 twice, 乙
    assert v["visits.table_people.subsistence"] == 2  # 甲, 乙
    assert v["visits.table_people.extreme_poverty"] == 1  # 乙: the rows overlap
    assert v["visits.table_people.orphans_and_unsupported"] == 0  # 丙 came to the station
    (people,) = [
        t for s in report.sections for t in s.tables if t.title == "探访服务对象分类统计（人）"
    ]
    assert [(r.label, r.figures[0].value, r.figures[0].unit.label) for r in people.rows] == [
        ("低保", 2, "人"),
        ("特困", 1, "人"),
        ("事实无人抚养儿童及孤儿", 0, "人"),
        ("其他困难群众", 0, "人"),
    ]
    rows = list(openpyxl.load_workbook(write_report(report, tmp_path / "m.xlsx")).active.values)
    heading = next(n for n, r in enumerate(rows) if r[0] == "探访服务对象分类统计（人）")
    assert (2, "人") in [tuple(r[1:3]) for r in rows[heading:] if r[0] == "低保"]
    assert '"visits.table_people.subsistence"' in report_json(report)


def test_the_people_moved_to_safety_have_a_row_only_where_the_visit_log_records_moves() -> None:
    ledger = _ledger()
    silent = MONTHLY.build(ledger, MARCH, as_of=AS_OF, unit="x")
    assert "alerts.relocated" not in {f.code for f in silent.figures()}
    moved = Contact(
        id="m1", on=date(2022, 3, 20), mode="home_visit", recipient_keys=("D",), relocated=True
    )
    recorded = attrs.evolve(ledger, contacts=(*ledger.contacts, moved))
    report = MONTHLY.build(recorded, MARCH, as_of=AS_OF, unit="x")
    assert report.figure("alerts.relocated").value == 1
