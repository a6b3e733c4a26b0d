"""Henan weekly report (seed 003): the Friday-to-Thursday week, eight sections of dated entries per
station, and the county table, each checked against the hand-built ledger below."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from socialwork_henan.reports import COUNTY_HEADERS, SECTION_TITLES, WEEKLY

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category, StationTier
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import PeriodKind
from socialwork_core.recipients import Recipient
from socialwork_core.recipients.disability import Disability
from socialwork_core.reports import Report, ReportSettings, report_json, write_report
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import Station

ID = "11010519491231002X"
PHONE = "13912345678"
WEEK = WEEKLY.period_for(date(2022, 11, 18))
AS_OF = date(2022, 11, 24)


def test_the_week_of_18_november_2022_runs_friday_18_to_thursday_24() -> None:
    assert (WEEK.start, WEEK.end, WEEK.kind) == (
        date(2022, 11, 18),
        date(2022, 11, 24),
        PeriodKind.WEEK,
    )
    assert WEEKLY.period_for(date(2022, 11, 24)) == WEEK
    assert WEEKLY.period_for(date(2022, 11, 25)).start == date(2022, 11, 25)


def _ledger() -> RecordSet:
    stations = (
        Station(code="C1", name="尉氏县社工总站", tier=StationTier.COUNTY_CENTRE),
        Station(
            code="S1", name="朱曲镇社工站", tier=StationTier.TOWNSHIP_STATION, parent_code="C1"
        ),
        Station(code="C2", name="兰考县社工总站", tier=StationTier.COUNTY_CENTRE),
        Station(
            code="S2", name="惠安街道社工站", tier=StationTier.TOWNSHIP_STATION, parent_code="C2"
        ),
    )
    people = (
        # 张有才: 低保 and 80 years old; 李秀莲: disabled 特困 elder; 小张: 困境儿童; 王某: no group
        Recipient(
            key="r1",
            name="张有才",
            resident_id=ID,
            birth_date=None,
            categories={Category.SUBSISTENCE_ALLOWANCE},
            station_code="S1",
            phones=(PHONE,),
        ),
        Recipient(
            key="r2",
            name="李秀莲",
            birth_date=date(1950, 3, 1),
            categories={Category.EXTREME_POVERTY},
            disability=Disability(kind="visual", grade="grade_1"),
            station_code="S1",
        ),
        Recipient(
            key="r3",
            name="小张",
            birth_date=date(2012, 5, 5),
            categories={Category.CHILD_IN_DIFFICULTY},
            station_code="S2",
        ),
        Recipient(key="r4", name="王某", birth_date=date(1985, 5, 5), station_code="S2"),
    )
    contacts = (
        Contact(
            id="c1",
            on=date(2022, 11, 21),
            mode="home_visit",
            recipient_keys=("r1", "r2"),
            notes=f"了解近况，电话{PHONE}",
        ),
        Contact(id="c2", on=date(2022, 11, 22), mode="phone", recipient_keys=("r3",)),
        Contact(id="c3", on=date(2022, 11, 23), mode="station_visit", recipient_keys=("r4",)),
        Contact(
            id="c4", on=date(2022, 11, 21), mode="home_visit", recipient_keys=("r3",), case_id="k1"
        ),
        Contact(
            id="c5",
            on=date(2022, 11, 20),
            mode="home_visit",
            recipient_keys=("r2",),
            alert_id="孤儿核查",
        ),
        Contact(
            id="c6", on=date(2022, 11, 17), mode="home_visit", recipient_keys=("r1",)
        ),  # week before
    )
    cases = (
        Case(id="k1", recipient_keys=("r3",), opened_on=date(2022, 11, 19), station_code="S2"),
    )
    activities = (
        Activity(
            id="a1",
            kind="training",
            title="儿童主任培训会",
            on=date(2022, 11, 18),
            station_code="S1",
            participants=20,
        ),
        Activity(
            id="a2",
            kind="group_session",
            title="七彩童心",
            group_name="手工小组",
            session_number=3,
            on=date(2022, 11, 19),
            station_code="S2",
            participants=12,
            participant_keys=("r3",),
        ),
        Activity(
            id="a3",
            kind="community_activity",
            title="垃圾分类科普讲座",
            on=date(2022, 11, 24),
            station_code="S1",
            participants=30,
            participant_keys=("r1", "r2"),
        ),
        Activity(
            id="a4",
            kind="convenience_service",
            title="义诊",
            on=date(2022, 11, 18),
            station_code="S2",
            participants=15,
        ),
        Activity(
            id="a5",
            kind="volunteer_service",
            title="义务按摩",
            on=date(2022, 11, 22),
            station_code="S2",
            participants=8,
        ),
    )
    links = (
        ResourceLink(
            id="l1",
            on=date(2022, 11, 22),
            kind="goods",
            description="冬衣",
            recipient_keys=("r2",),
            station_code="S1",
        ),
        ResourceLink(
            id="l2",
            on=date(2022, 11, 21),
            kind="goods",
            description="棉鞋",
            recipient_keys=("r3",),
            case_id="k1",
            station_code="S2",
        ),
    )
    return RecordSet(
        stations=stations,
        recipients=people,
        contacts=contacts,
        cases=cases,
        activities=activities,
        resource_links=links,
    )


@pytest.fixture
def report() -> Report:
    return WEEKLY.build(_ledger(), WEEK, as_of=AS_OF, unit="开封市民政局")


def _entries(report: Report, index: int) -> list[tuple[str, date, str]]:
    return [(e.station, e.on, e.text) for e in report.section(SECTION_TITLES[index]).entries]


def test_eight_sections_list_the_dated_entries_per_station(report: Report) -> None:
    assert [s.title for s in report.sections[:8]] == list(SECTION_TITLES)
    visits = _entries(report, 0)
    assert [(s, d) for s, d, _ in visits] == [
        ("惠安街道社工站", date(2022, 11, 22)),  # c2 phone call to 小张
        ("朱曲镇社工站", date(2022, 11, 21)),  # c1 home visit to 张有才, 李秀莲
    ]
    assert "张**、李**" in visits[1][2] and "入户" in visits[1][2]
    assert "139****5678" in visits[1][2] and PHONE not in visits[1][2]
    assert [(s, d) for s, d, _ in _entries(report, 1)] == [("朱曲镇社工站", date(2022, 11, 18))]
    convenience = _entries(report, 2)  # a4 and c3 (来访咨询)
    assert [(s, d) for s, d, _ in convenience] == [
        ("惠安街道社工站", date(2022, 11, 18)),
        ("惠安街道社工站", date(2022, 11, 23)),
    ]
    casework = _entries(report, 3)  # k1 opened, c4 follow-up, l2 for the case
    assert [d for _, d, _ in casework] == [
        date(2022, 11, 19),
        date(2022, 11, 21),
        date(2022, 11, 21),
    ]
    assert "第3节" in _entries(report, 4)[0][2]
    assert [d for _, d, _ in _entries(report, 5)] == [date(2022, 11, 24)]
    assert [d for _, d, _ in _entries(report, 6)] == [date(2022, 11, 22)]
    care = _entries(report, 7)  # l1 (冬衣, no case) and c5 (campaign visit)
    assert [(s, d) for s, d, _ in care] == [
        ("朱曲镇社工站", date(2022, 11, 20)),
        ("朱曲镇社工站", date(2022, 11, 22)),
    ]


def test_full_names_only_when_the_caller_asks() -> None:
    report = WEEKLY.build(
        _ledger(), WEEK, as_of=AS_OF, unit="开封市民政局", settings=ReportSettings(full_names=True)
    )
    assert "张有才、李秀莲" in _entries(report, 0)[1][2]


def test_the_county_table(report: Report) -> None:
    table = report.sections[8].tables[0]
    assert table.headers[1:] == COUNTY_HEADERS
    rows = {row.label: [f.value for f in row.figures] for row in table.rows}
    # 尉氏 (S1: 张有才 r1, 李秀莲 r2): contacts c1 (2), c5 (1); activities a3 (30); a1 (20) is
    #   staff training, which serves no resident: service = 3 + 30 = 33;
    #   低保特困: r1, r2 in c1, r2 in c5, r1 and r2 at a3 -> 5
    #   disabled: r2 in c1, c5, a3 -> 3; children: 0;
    #   elderly (60+ on 24 Nov 2022): r1 (born 1949) and r2 (born 1950): c1 2 + c5 1 + a3 2 -> 5
    #   社区活动 a3 -> 1; 探访 c1 2 + c5 1 -> 3; 来访咨询 0
    assert rows["尉氏县社工总站"] == [33, 5, 3, 0, 5, 1, 3, 0]
    # 兰考 (S2: 小张 r3, 王某 r4): contacts c2 (1), c3 (1), c4 (1); activities a2 12, a4 15, a5 8
    #   service = 3 + 35 = 38; 低保特困 0; disabled 0; children: r3 in c2, c4, a2 -> 3; elderly 0
    #   社区活动 0; 探访 c2 + c4 = 2; 来访咨询 c3 = 1
    assert rows["兰考县社工总站"] == [38, 0, 0, 3, 0, 0, 2, 1]
    assert rows["合计"] == [71, 5, 3, 3, 5, 1, 5, 1]


def test_records_naming_no_listed_station_get_their_own_row_so_rows_add_up_to_the_total() -> None:
    base = _ledger()
    stray = Recipient(key="r9", name="赵某", station_code=None)
    visit = Contact(id="c9", on=date(2022, 11, 20), mode="home_visit", recipient_keys=("r9",))
    ledger = RecordSet(
        recipients=(*base.recipients, stray),
        stations=base.stations,
        workers=base.workers,
        contacts=(*base.contacts, visit),
        cases=base.cases,
        activities=base.activities,
        resource_links=base.resource_links,
    )
    table = WEEKLY.build(ledger, WEEK, as_of=AS_OF, unit="开封市民政局").sections[8].tables[0]
    rows = {row.label: [f.value for f in row.figures] for row in table.rows}
    # 赵某 is on no station: one home visit -> 服务人次 1, 探访 1, in no group
    assert rows["未注明社工站"] == [1, 0, 0, 0, 0, 0, 1, 0]
    assert rows["合计"] == [72, 5, 3, 3, 5, 1, 6, 1]
    stations = [v for label, v in rows.items() if label != "合计"]
    assert [sum(column) for column in zip(*stations, strict=True)] == rows["合计"]


def test_a_ledger_whose_records_all_name_listed_stations_has_no_unknown_station_row(
    report: Report,
) -> None:
    labels = [row.label for row in report.sections[8].tables[0].rows]
    assert labels == ["尉氏县社工总站", "兰考县社工总站", "合计"]


def test_the_weekly_workbook_reads_back_without_an_unmasked_id_or_phone(
    report: Report, tmp_path: Path
) -> None:
    sheet = openpyxl.load_workbook(write_report(report, tmp_path / "weekly.xlsx")).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "社工站工作周报"
    assert "2022年11月18日至2022年11月24日" in rows[1][0]
    assert ("县区/社工站", *COUNTY_HEADERS) == rows[[r[0] for r in rows].index("县区/社工站")][:9]
    assert ("合计", 71, 5, 3, 3, 5, 1, 5, 1) in [r[:9] for r in rows]
    texts = [str(c) for r in rows for c in r if c is not None]
    assert "01走访调研" in texts and "08关心关爱特殊困难群体" in texts
    assert not any(ID in t or PHONE in t for t in texts)


def test_the_json_form_carries_the_same_masked_entries_and_county_figures(report: Report) -> None:
    text = report_json(report)
    assert ID not in text and PHONE not in text and "张有才" not in text
    data = json.loads(text)
    assert data["period"] == {"start": "2022-11-18", "end": "2022-11-24", "kind": "week"}
    total = data["sections"][8]["tables"][0]["rows"][-1]
    assert total["label"] == "合计"
    assert [f["value"] for f in total["figures"]] == [71, 5, 3, 3, 5, 1, 5, 1]
