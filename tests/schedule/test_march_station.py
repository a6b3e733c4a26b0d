"""A March 2022 due list for a hand-built station of 22 people, checked against a table worked out
by hand (as-of Friday 25 March 2022, national default rule set: grace 30 days, due soon 7 days,
3 days for the 7-day rolling contact).

The people (age on the as-of date; registered 2019-06-01 unless said):

- A01 85 独居 → 一级. Home 03-20.
- A02 81 空巢 → 一级. Home 02-15, phone 03-22.
- A03 90 留守, registered 2021-05-01 → 一级. Never contacted: due 2021-05-31 (grace), 298 days.
- A04 70, assessed 03-01 with a self-harm risk → 一级. Phone and home 03-10.
- A05 79 独居 → 三级 (one year short). Home 01-10.
- A06 独居, 80 today → 一级. Home 03-24.
- B01 72, assessment: 5 tasks failed → 二级. Home 2021-12-20, phone 01-31: the monthly contact was
  met on 31 January, not in February → due 28 February, 25 days overdue.
- B02 65 特困分散 → 二级. Phone 02-10, video 03-05; never a home visit (due 2019-07-01, 998 days).
- B03 9 孤儿 → 二级. Home 02-20. Covered by the orphan campaign (03-21..03-27, home visits).
- B04 12 困境儿童 → 二级. Home 01-05, WeChat 03-01.
- B05 40 肢体一级 → 二级. Home 01-20; in hospital since 03-01 → suspended.
- B06 61 计划生育特殊家庭, registered 03-10 → 二级. No contact yet, within grace (due 04-09).
- B07 68 self-care partly lost (ledger) → 二级, overridden to 一级 on 03-01. Home 03-21.
- C01 50 低保 → 三级. Home 2021-11-15.
- C02 45 低保 → 三级. Home 2021-09-30 → due 2021-12-31, 84 days overdue.
- C03 30 → 三级. Phone 03-01, never a home visit (998 days).
- C04 exited 02-01, C05 (88 独居) died 03-01, C06 registered 04-01: not listed.
- C07 35 低保 in village V02, affected by the flood alert (03-22..03-28) → 一级. Home 03-02,
  phone 03-22 (answers the alert within 24 h).
- C08 50 低保 in V02 → 三级; the flood alert covers the village: due by its end (三级 has no
  alert deadline). Home 02-10.
- D01 10 事实无人抚养儿童 → 二级. Home 03-23 (answers the campaign).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from socialwork_core.contacts import Contact
from socialwork_core.glossary.rules_text import AlertKind, DueStatus, RiskFlag
from socialwork_core.glossary.terms import (
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    SelfCareLevel,
    SelfCareTask,
    ServiceLevel,
)
from socialwork_core.grading import Assessment, Override
from socialwork_core.periods import month
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.schedule import (
    NATIONAL_DEFAULT,
    Absence,
    Alert,
    VisitRate,
    due_list,
    visit_rate,
)

AS_OF = date(2022, 3, 25)
D = date
HOME, PHONE, VIDEO, IM = (
    ContactMode.HOME_VISIT,
    ContactMode.PHONE,
    ContactMode.VIDEO,
    ContactMode.INSTANT_MESSAGE,
)
NEVER, OVERDUE, SOON, OK, SUSPENDED = (
    DueStatus.NEVER_CONTACTED,
    DueStatus.OVERDUE,
    DueStatus.DUE_SOON,
    DueStatus.OK,
    DueStatus.SUSPENDED,
)
WEEK7, MONTH_HOME, MONTH_ANY, QUARTER_HOME = (
    "contact_every_7_days",
    "home_visit_every_month",
    "contact_every_month",
    "home_visit_every_quarter",
)


def person(key: str, age: int, *, born: tuple[int, int] = (7, 1), **fields: Any) -> Recipient:
    """Someone ``age`` years old on the as-of date, born on a summer day unless said."""
    birthday_to_come = born > (AS_OF.month, AS_OF.day)
    values: dict[str, Any] = {
        "key": key,
        "name": f"Resident {key}",
        "birth_date": date(AS_OF.year - age - birthday_to_come, *born),
        "registered_on": date(2019, 6, 1),
        "station_code": "S01",
        "village": "V01",
        "worker_id": "w1",
    }
    values.update(fields)
    return Recipient(**values)


RECIPIENTS = [
    person("A01", 85, categories={"elderly_living_alone"}),
    person("A02", 81, categories={"empty_nest_elderly"}),
    person("A03", 90, categories={"left_behind_elderly"}, registered_on=D(2021, 5, 1)),
    person("A04", 70),
    person("A05", 79, categories={"elderly_living_alone"}),
    person("A06", 80, born=(3, 25), categories={"elderly_living_alone"}),
    person("B01", 72),
    person("B02", 65, categories={"extreme_poverty_dispersed"}),
    person("B03", 9, categories={"orphan"}),
    person("B04", 12, categories={"child_in_difficulty"}),
    person(
        "B05",
        40,
        disability=Disability(kind=DisabilityKind.PHYSICAL, grade=DisabilityGrade.GRADE_1),
    ),
    person("B06", 61, categories={"family_planning_special_elderly"}, registered_on=D(2022, 3, 10)),
    person("B07", 68, self_care=SelfCareLevel.PARTLY_LOST),
    person("C01", 50, categories={"subsistence_allowance"}),
    person("C02", 45, categories={"subsistence_allowance"}),
    person("C03", 30),
    person("C04", 55, status="exited", status_since=D(2022, 2, 1)),
    person(
        "C05",
        88,
        categories={"elderly_living_alone"},
        status="deceased",
        status_since=D(2022, 3, 1),
    ),
    person("C06", 66, registered_on=D(2022, 4, 1)),
    person("C07", 35, categories={"subsistence_allowance"}, village="V02"),
    person("C08", 50, categories={"subsistence_allowance"}, village="V02"),
    person("D01", 10, categories={"de_facto_unsupported_child"}),
]

_CONTACTS: list[tuple[str, date, ContactMode]] = [
    ("A01", D(2022, 3, 20), HOME),
    ("A02", D(2022, 2, 15), HOME),
    ("A02", D(2022, 3, 22), PHONE),
    ("A04", D(2022, 3, 10), PHONE),
    ("A04", D(2022, 3, 10), HOME),
    ("A05", D(2022, 1, 10), HOME),
    ("A06", D(2022, 3, 24), HOME),
    ("B01", D(2021, 12, 20), HOME),
    ("B01", D(2022, 1, 31), PHONE),
    ("B02", D(2022, 2, 10), PHONE),
    ("B02", D(2022, 3, 5), VIDEO),
    ("B03", D(2022, 2, 20), HOME),
    ("B04", D(2022, 1, 5), HOME),
    ("B04", D(2022, 3, 1), IM),
    ("B05", D(2022, 1, 20), HOME),
    ("B07", D(2022, 3, 21), HOME),
    ("C01", D(2021, 11, 15), HOME),
    ("C02", D(2021, 9, 30), HOME),
    ("C03", D(2022, 3, 1), PHONE),
    ("C04", D(2021, 12, 1), HOME),
    ("C05", D(2021, 12, 1), HOME),
    ("C07", D(2022, 3, 2), HOME),
    ("C07", D(2022, 3, 22), PHONE),
    ("C08", D(2022, 2, 10), HOME),
    ("D01", D(2022, 3, 23), HOME),
]
CONTACTS = [
    Contact(id=f"c{i:02d}", on=on, mode=mode, recipient_keys=(key,), worker_ids=("w1",))
    for i, (key, on, mode) in enumerate(_CONTACTS, start=1)
]

ASSESSMENTS = [
    Assessment(recipient_key="A04", on=D(2022, 3, 1), risk_flags={RiskFlag.SELF_HARM}),
    Assessment(recipient_key="B01", on=D(2022, 1, 15), failed_tasks=list(SelfCareTask)[:5]),
]
OVERRIDES = [
    Override(
        recipient_key="B07",
        level=ServiceLevel.LEVEL_1,
        reason="lives with a carer who is often away",
        by="w1",
        on=D(2022, 3, 1),
    )
]
ABSENCES = [Absence(recipient_key="B05", kind="hospital", start=D(2022, 3, 1))]
FLOOD = Alert(
    id="flood-0322",
    kind=AlertKind.RAINSTORM_FLOOD,
    start=D(2022, 3, 22),
    end=D(2022, 3, 28),
    village_codes={"V02"},
    affected_keys={"C07"},
)
ORPHAN_CHECK = Alert(
    id="orphan-check",
    kind=AlertKind.CAMPAIGN,
    title="orphan and de-facto unsupported child home check",
    start=D(2022, 3, 21),
    end=D(2022, 3, 27),
    categories={"orphan", "de_facto_unsupported_child"},
    modes={HOME},
)
ALERTS = [FLOOD, ORPHAN_CHECK]

# key, requirement, status, due on, days overdue, last qualifying contact — most urgent first.
EXPECTED: list[tuple[str, str, DueStatus, date | None, int, date | None]] = [
    # 一级
    ("A03", WEEK7, NEVER, D(2021, 5, 31), 298, None),
    ("A03", MONTH_HOME, NEVER, D(2021, 5, 31), 298, None),
    ("A04", WEEK7, OVERDUE, D(2022, 3, 17), 8, D(2022, 3, 10)),
    ("A01", WEEK7, SOON, D(2022, 3, 27), 0, D(2022, 3, 20)),
    ("B07", WEEK7, SOON, D(2022, 3, 28), 0, D(2022, 3, 21)),
    ("A02", MONTH_HOME, SOON, D(2022, 3, 31), 0, D(2022, 2, 15)),
    ("C07", "alert:flood-0322", OK, D(2022, 3, 23), 0, D(2022, 3, 22)),
    ("A02", WEEK7, OK, D(2022, 3, 29), 0, D(2022, 3, 22)),
    ("C07", WEEK7, OK, D(2022, 3, 29), 0, D(2022, 3, 22)),
    ("A06", WEEK7, OK, D(2022, 3, 31), 0, D(2022, 3, 24)),
    ("A01", MONTH_HOME, OK, D(2022, 4, 30), 0, D(2022, 3, 20)),
    ("A04", MONTH_HOME, OK, D(2022, 4, 30), 0, D(2022, 3, 10)),
    ("A06", MONTH_HOME, OK, D(2022, 4, 30), 0, D(2022, 3, 24)),
    ("B07", MONTH_HOME, OK, D(2022, 4, 30), 0, D(2022, 3, 21)),
    ("C07", MONTH_HOME, OK, D(2022, 4, 30), 0, D(2022, 3, 2)),
    # 二级
    ("B02", QUARTER_HOME, NEVER, D(2019, 7, 1), 998, None),
    ("B01", MONTH_ANY, OVERDUE, D(2022, 2, 28), 25, D(2022, 1, 31)),
    ("B03", "alert:orphan-check", SOON, D(2022, 3, 27), 0, None),
    ("B01", QUARTER_HOME, SOON, D(2022, 3, 31), 0, D(2021, 12, 20)),
    ("B03", MONTH_ANY, SOON, D(2022, 3, 31), 0, D(2022, 2, 20)),
    ("D01", "alert:orphan-check", OK, D(2022, 3, 27), 0, D(2022, 3, 23)),
    ("B06", MONTH_ANY, OK, D(2022, 4, 9), 0, None),
    ("B06", QUARTER_HOME, OK, D(2022, 4, 9), 0, None),
    ("B02", MONTH_ANY, OK, D(2022, 4, 30), 0, D(2022, 3, 5)),
    ("B04", MONTH_ANY, OK, D(2022, 4, 30), 0, D(2022, 3, 1)),
    ("D01", MONTH_ANY, OK, D(2022, 4, 30), 0, D(2022, 3, 23)),
    ("B03", QUARTER_HOME, OK, D(2022, 6, 30), 0, D(2022, 2, 20)),
    ("B04", QUARTER_HOME, OK, D(2022, 6, 30), 0, D(2022, 1, 5)),
    ("D01", QUARTER_HOME, OK, D(2022, 6, 30), 0, D(2022, 3, 23)),
    ("B05", MONTH_ANY, SUSPENDED, D(2022, 2, 28), 0, D(2022, 1, 20)),
    ("B05", QUARTER_HOME, SUSPENDED, D(2022, 6, 30), 0, D(2022, 1, 20)),
    # 三级
    ("C03", QUARTER_HOME, NEVER, D(2019, 7, 1), 998, None),
    ("C02", QUARTER_HOME, OVERDUE, D(2021, 12, 31), 84, D(2021, 9, 30)),
    ("C08", "alert:flood-0322", SOON, D(2022, 3, 28), 0, None),
    ("C01", QUARTER_HOME, SOON, D(2022, 3, 31), 0, D(2021, 11, 15)),
    ("A05", QUARTER_HOME, OK, D(2022, 6, 30), 0, D(2022, 1, 10)),
    ("C08", QUARTER_HOME, OK, D(2022, 6, 30), 0, D(2022, 2, 10)),
]

LEVEL_OF = {
    **dict.fromkeys(["A01", "A02", "A03", "A04", "A06", "B07", "C07"], ServiceLevel.LEVEL_1),
    **dict.fromkeys(["B01", "B02", "B03", "B04", "B05", "B06", "D01"], ServiceLevel.LEVEL_2),
    **dict.fromkeys(["A05", "C01", "C02", "C03", "C08"], ServiceLevel.LEVEL_3),
}


def march_due_list() -> tuple[Any, ...]:
    return due_list(
        RECIPIENTS,
        CONTACTS,
        [NATIONAL_DEFAULT],
        AS_OF,
        alerts=ALERTS,
        assessments=ASSESSMENTS,
        absences=ABSENCES,
        overrides=OVERRIDES,
    )


def test_march_due_list_matches_the_hand_worked_table() -> None:
    entries = march_due_list()
    got = [
        (e.recipient_key, e.requirement_id, e.status, e.due_on, e.days_overdue, e.last_contact_on)
        for e in entries
    ]
    assert got == EXPECTED


def test_march_due_list_levels_follow_grades_and_overrides() -> None:
    assert {e.recipient_key: e.level for e in march_due_list()} == LEVEL_OF


def test_people_who_left_or_are_not_yet_registered_are_not_listed() -> None:
    keys = {e.recipient_key for e in march_due_list()}
    assert keys.isdisjoint({"C04", "C05", "C06"})


def test_a_monthly_contact_on_31_january_does_not_meet_february() -> None:
    b01 = [e for e in march_due_list() if e.recipient_key == "B01"]
    monthly = next(e for e in b01 if e.requirement_id == MONTH_ANY)
    assert (monthly.due_on, monthly.status, monthly.days_overdue) == (D(2022, 2, 28), OVERDUE, 25)
    by_key = visit_rate(
        RECIPIENTS,
        CONTACTS,
        NATIONAL_DEFAULT,
        month(2022, 2),
        group_by=lambda r, _g: (r.key,),
        assessments=ASSESSMENTS,
    )
    assert next(r for r in by_key if r.group == "B01") == VisitRate(
        group="B01", period="2022-02", due=1, met=0
    )
    january = visit_rate(
        RECIPIENTS,
        CONTACTS,
        NATIONAL_DEFAULT,
        month(2022, 1),
        group_by=lambda r, _g: (r.key,),
        assessments=ASSESSMENTS,
    )
    assert next(r for r in january if r.group == "B01") == VisitRate(
        group="B01", period="2022-01", due=1, met=1
    )


def test_entries_carry_the_worker_station_and_contact_id() -> None:
    a04 = next(e for e in march_due_list() if (e.recipient_key, e.requirement_id) == ("A04", WEEK7))
    # Two contacts on 10 March: the later id wins the tie, whatever the order they came in.
    assert a04.last_contact_id == "c05"
    assert (a04.worker_id, a04.station_code, a04.village) == ("w1", "S01", "V01")


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        (
            "level",
            [
                VisitRate(group="level_1", period="2022-03", due=6, met=4),
                VisitRate(group="level_2", period="2022-03", due=6, met=3),
                VisitRate(group="level_3", period="2022-03", due=6, met=3),
            ],
        ),
        ("all", [VisitRate(group="all", period="2022-03", due=18, met=10)]),
    ],
)
def test_march_visit_rate_matches_the_hand_count(group_by: str, expected: list[VisitRate]) -> None:
    # Graded on 31 March: the flood alert has ended (C07 is 三级 again); B06 is still within grace;
    # B05 was in hospital all March (the monthly contact is excused) but not half of Q1.
    rates = visit_rate(
        RECIPIENTS,
        CONTACTS,
        [NATIONAL_DEFAULT],
        month(2022, 3),
        group_by=group_by,
        alerts=ALERTS,
        assessments=ASSESSMENTS,
        absences=ABSENCES,
        overrides=OVERRIDES,
    )
    assert list(rates) == expected
    assert rates[0].percent == {"level": "66.7%", "all": "55.6%"}[group_by]
