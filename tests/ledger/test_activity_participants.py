"""Activities name who took part and who co-hosted (issue #13 point 3): a 参与对象 column of 档案号,
ID numbers or names, several per cell, read like visit links (key, else ID number, else a unique
name; a homophone never linked); an unknown name is flagged and kept, and the activity is kept;
partners by name (村居, 社会组织, 慈善组织, 志愿服务队); a campaign ID. Built on the national layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from socialwork_national.formats import FORMAT
from workbooks import workbook

from socialwork_core.casework import Activity
from socialwork_core.glossary import ActivityKind
from socialwork_core.identity import resident_id
from socialwork_core.ledger import Ledger, LoadResult, load_ledger, write_ledger
from socialwork_core.recipients import Recipient

ZHANG = resident_id.compose("440111", date(1950, 1, 2), 11)
LI = resident_id.compose("440111", date(1948, 3, 4), 22)

REGISTER = [
    ["档案号", "姓名", "身份证号", "村居"],
    ["G1", "张桂英", ZHANG, "金坪村"],
    ["G2", "李秀兰", LI, "金坪村"],
    ["G3", "王建华", None, "金坪村"],
    ["G4", "王建华", None, "石门村"],
    ["G5", "陈春梅", None, "石门村"],
]
ACTIVITY_HEADER = [
    "活动编号",
    "活动类型",
    "活动名称",
    "活动日期",
    "参与人次",
    "参与对象",
    "联动村居",
    "联动社会组织",
    "联动慈善组织",
    "联动志愿服务队",
    "所属专项",
]


def activity_row(participants: str | None, **partners: Any) -> list[Any]:
    return [
        "A1",
        "社区活动",
        "重阳敬老",
        date(2022, 10, 4),
        20,
        participants,
        partners.get("villages"),
        partners.get("organisations"),
        partners.get("charities"),
        partners.get("teams"),
        partners.get("campaign"),
    ]


def read(tmp_path: Path, *rows: list[Any]) -> LoadResult:
    visits = [["探访日期", "档案号", "探访方式"], [date(2022, 10, 4), "G1", "入户"]]
    path = workbook(
        tmp_path / "l.xlsx",
        {"服务对象": REGISTER, "探访记录": visits, "活动": [ACTIVITY_HEADER, *rows]},
    )
    return load_ledger(path, FORMAT)


def test_participants_are_linked_by_key_id_number_or_a_unique_name(tmp_path: Path) -> None:
    result = read(tmp_path, activity_row(f"G1、{LI}，陈春梅、G1"))
    (activity,) = result.ledger.activities
    assert activity.participant_keys == ("G1", "G2", "G5")
    assert activity.unlinked_participants == ()
    assert [i for i in result.issues if i.sheet == "活动"] == []


def test_a_name_that_only_sounds_like_someone_is_never_linked_and_the_activity_is_kept(
    tmp_path: Path,
) -> None:
    result = read(tmp_path, activity_row("张贵英、李秀兰、陈小明"))
    (activity,) = result.ledger.activities
    assert activity.participant_keys == ("G2",)
    assert activity.unlinked_participants == ("张贵英", "陈小明")
    flagged = {i.code: i for i in result.issues if i.sheet == "活动"}
    assert set(flagged) == {"ledger.participant_sounds_like", "ledger.participant_not_registered"}
    sounds = flagged["ledger.participant_sounds_like"]
    assert sounds.severity.value == "warning"
    assert sounds.header == "参与对象"
    assert "张桂英" in sounds.message and "G1" in sounds.message
    assert not result.rejected


def test_two_people_of_one_name_are_flagged_not_guessed(tmp_path: Path) -> None:
    result = read(tmp_path, activity_row("王建华"))
    (activity,) = result.ledger.activities
    assert activity.participant_keys == ()
    assert activity.unlinked_participants == ("王建华",)
    assert [i.code for i in result.issues if i.sheet == "活动"] == ["ledger.participant_ambiguous"]


def test_partners_by_name_and_the_campaign_are_read(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        activity_row(
            None,
            villages="金坪村、石门村",
            organisations="阳光社工服务中心",
            charities="县慈善会",
            teams="巾帼志愿服务队",
            campaign="XCZ2022",
        ),
    )
    (activity,) = result.ledger.activities
    assert activity.partner_villages == ("金坪村", "石门村")
    assert activity.partner_organisations == ("阳光社工服务中心",)
    assert activity.partner_charities == ("县慈善会",)
    assert activity.partner_volunteer_teams == ("巾帼志愿服务队",)
    assert activity.campaign_id == "XCZ2022"
    assert [i for i in result.issues if i.sheet == "活动"] == []


def test_participants_partners_and_campaign_round_trip(tmp_path: Path) -> None:
    people = [
        Recipient(key="G1", name="张桂英", resident_id=ZHANG),
        Recipient(key="G2", name="李秀兰", resident_id=LI),
    ]
    activity = Activity(
        id="A1",
        kind=ActivityKind.PUBLICITY,
        title="社工宣传周",
        on=date(2022, 3, 21),
        participants=40,
        special_group_participants=2,
        participant_keys=("G2", "G1"),
        unlinked_participants=("陈小明",),
        partner_villages=("金坪村",),
        partner_organisations=("阳光社工服务中心",),
        partner_charities=("县慈善会",),
        partner_volunteer_teams=("巾帼志愿服务队",),
        campaign_id="XCZ2022",
    )
    # no visits sheet: the 活动 sheet is still the activities' (never taken for visits)
    path = write_ledger(
        tmp_path / "out.xlsx", Ledger(recipients=people, activities=[activity]), FORMAT
    )
    again = load_ledger(path, FORMAT)
    assert again.ledger.activities == (activity,)
    assert [i.code for i in again.issues if i.sheet == "活动"] == [
        "ledger.participant_not_registered"
    ]


def test_a_training_session_does_not_reach_people() -> None:
    training = Activity(id="T", kind=ActivityKind.TRAINING, title="督导", on=date(2022, 3, 1))
    talk = Activity(id="C", kind=ActivityKind.COMMUNITY_ACTIVITY, title="讲座", on=date(2022, 3, 1))
    assert not training.reaches_people
    assert talk.reaches_people


def test_counts_are_never_below_the_people_named() -> None:
    activity = Activity(
        id="A",
        kind=ActivityKind.COMMUNITY_ACTIVITY,
        title="讲座",
        on=date(2022, 3, 1),
        participants=1,
        participant_keys=("G1", "G2"),
        unlinked_participants=("陈小明",),
    )
    assert activity.participant_count == 3
    assert activity.special_group_count == 2
