"""The visit rate (探访率): met out of due for a calendar period, by any grouping."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from socialwork_core.contacts import Contact
from socialwork_core.glossary.terms import ContactMode
from socialwork_core.periods import month, quarter
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, Absence, VisitRate, visit_rate

HOME, PHONE = ContactMode.HOME_VISIT, ContactMode.PHONE


def person(key: str, **fields: Any) -> Recipient:
    values: dict[str, Any] = {
        "key": key,
        "name": f"Resident {key}",
        "birth_date": date(1950, 7, 1),
        "registered_on": date(2019, 6, 1),
        "station_code": "S01",
        "worker_id": "w1",
    }
    values.update(fields)
    return Recipient(**values)


def contact(cid: str, key: str, on: date, mode: ContactMode = HOME) -> Contact:
    return Contact(id=cid, on=on, mode=mode, recipient_keys=(key,))


# Two 二级 people (特困分散): monthly contact plus a quarterly home visit.
PEOPLE = [
    person("a", categories={"extreme_poverty_dispersed", "subsistence_allowance"}),
    person("b", categories={"extreme_poverty_dispersed"}, station_code="S02", worker_id="w2"),
    person("c", categories={"subsistence_allowance"}),  # 三级: quarterly home visit only
]
CONTACTS = [
    contact("1", "a", date(2022, 1, 10)),
    contact("2", "a", date(2022, 2, 10), PHONE),
    contact("3", "a", date(2022, 3, 10), PHONE),
    contact("4", "b", date(2022, 3, 1), PHONE),
    contact("5", "c", date(2022, 2, 2)),
]


def rates(period: Any, **kwargs: Any) -> dict[str, tuple[int, int]]:
    return {
        r.group: (r.met, r.due)
        for r in visit_rate(PEOPLE, CONTACTS, NATIONAL_DEFAULT, period, **kwargs)
    }


def test_a_quarterly_requirement_is_due_in_the_month_its_quarter_ends() -> None:
    # February: only the monthly contacts of the 二级 people are due (a met, b not).
    assert rates(month(2022, 2), group_by="all") == {"all": (1, 2)}
    # March: the quarter ends too, so c's home visit counts; b had no home visit in Q1.
    assert rates(month(2022, 3), group_by="level") == {"level_2": (1, 2), "level_3": (1, 1)}


def test_a_quarter_needs_every_month_of_it() -> None:
    assert rates(quarter(2022, 1), group_by="all") == {"all": (2, 3)}


def test_a_person_in_two_categories_counts_in_both_rows() -> None:
    assert rates(month(2022, 3), group_by="category") == {
        "extreme_poverty_dispersed": (1, 2),
        "subsistence_allowance": (2, 2),
    }


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("station", {"S01": (2, 2), "S02": (0, 1)}),
        ("worker", {"w1": (2, 2), "w2": (0, 1)}),
    ],
)
def test_grouping_by_station_and_worker(
    group_by: str, expected: dict[str, tuple[int, int]]
) -> None:
    assert rates(month(2022, 3), group_by=group_by) == expected


def test_only_the_chosen_requirements_count() -> None:
    assert rates(month(2022, 3), group_by="all", requirement_ids=["contact_every_month"]) == {
        "all": (2, 2)
    }


def test_new_registrants_within_grace_and_absent_people_are_not_due() -> None:
    newcomer = person("n", categories={"orphan"}, registered_on=date(2022, 3, 15))
    away = person("h", categories={"orphan"})
    hospital = [
        Absence(recipient_key="h", kind="hospital", start=date(2022, 2, 1), end=date(2022, 2, 20))
    ]
    got = visit_rate(
        [newcomer, away], [], NATIONAL_DEFAULT, month(2022, 2), group_by="all", absences=hospital
    )
    assert got == ()


def test_share_and_percent() -> None:
    rate = VisitRate(group="all", period="2022-03", due=8, met=7)
    assert rate.share == 0.875 and rate.percent == "87.5%"
    nobody = VisitRate(group="all", period="2022-03", due=0, met=0)
    assert nobody.share is None and nobody.percent == "-"
    with pytest.raises(ValueError, match="cannot exceed"):
        VisitRate(group="all", period="2022-03", due=1, met=2)
