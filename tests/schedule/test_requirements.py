"""Visit requirements one at a time: rolling and calendar periods, grace, absences, alerts."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Any

import attrs
import pytest

import socialwork_core
from socialwork_core.contacts import Contact
from socialwork_core.glossary.rules_text import AlertKind, DueStatus
from socialwork_core.glossary.terms import ContactMode, ServiceLevel
from socialwork_core.periods import PeriodKind
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import (
    NATIONAL_DEFAULT,
    Absence,
    Alert,
    CalendarPeriod,
    ContactIndex,
    DueEntry,
    Requirement,
    RollingPeriod,
    VisitPolicy,
    due_list,
)
from socialwork_core.schedule.due import calendar_due, rolling_due

AS_OF = date(2022, 3, 25)
HOME, PHONE = ContactMode.HOME_VISIT, ContactMode.PHONE
L1, L3 = ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_3
MONTHLY = CalendarPeriod(PeriodKind.MONTH)


def person(key: str = "p1", **fields: Any) -> Recipient:
    values: dict[str, Any] = {
        "key": key,
        "name": "Test Person",
        "birth_date": date(1980, 7, 1),
        "registered_on": date(2019, 6, 1),
        "village": "V01",
        "station_code": "S01",
    }
    values.update(fields)
    return Recipient(**values)


def contact(on: date, mode: ContactMode = HOME, *keys: str, cid: str = "c1") -> Contact:
    return Contact(id=cid, on=on, mode=mode, recipient_keys=keys or ("p1",))


def entries(
    people: list[Recipient], contacts: list[Contact], as_of: date = AS_OF, **kwargs: Any
) -> dict[str, DueEntry]:
    return {
        e.requirement_id: e
        for e in due_list(people, contacts, NATIONAL_DEFAULT, as_of, **kwargs)
        if e.recipient_key == "p1"
    }


# Rolling and calendar periods --------------------------------------------------------------------


def test_rolling_due_is_n_days_after_the_last_contact() -> None:
    assert rolling_due(date(2022, 3, 10), 7) == date(2022, 3, 17)


def test_rolling_clock_stops_while_the_person_is_away() -> None:
    away = ((date(2022, 3, 12), date(2022, 3, 14)),)
    assert rolling_due(date(2022, 3, 10), 7, away) == date(2022, 3, 20)
    long_stay = ((date(2022, 3, 11), date(2022, 3, 30)),)
    assert rolling_due(date(2022, 3, 10), 7, long_stay) == date(2022, 4, 6)


def test_calendar_due_is_the_end_of_the_next_calendar_period() -> None:
    assert calendar_due(date(2022, 1, 31), MONTHLY) == date(2022, 2, 28)
    assert calendar_due(date(2022, 2, 1), MONTHLY) == date(2022, 3, 31)
    quarterly = CalendarPeriod(PeriodKind.QUARTER)
    assert calendar_due(date(2021, 12, 31), quarterly) == date(2022, 3, 31)


def test_calendar_due_skips_a_month_spent_mostly_away() -> None:
    away = ((date(2022, 2, 1), date(2022, 2, 14)),)  # 14 of 28 days: half, so excused
    assert calendar_due(date(2022, 1, 20), MONTHLY, away) == date(2022, 3, 31)
    shorter = ((date(2022, 2, 1), date(2022, 2, 13)),)
    assert calendar_due(date(2022, 1, 20), MONTHLY, shorter) == date(2022, 2, 28)


def test_a_weekly_requirement_follows_the_regional_first_weekday() -> None:
    friday_weeks = CalendarPeriod(PeriodKind.WEEK, first_weekday=4)
    # Contact on Thursday 17 Nov 2022 (week Fri 11 – Thu 17): next week ends Thursday 24 Nov.
    assert calendar_due(date(2022, 11, 17), friday_weeks) == date(2022, 11, 24)
    assert calendar_due(date(2022, 11, 18), friday_weeks) == date(2022, 12, 1)


def test_a_calendar_requirement_needs_a_calendar_kind() -> None:
    with pytest.raises(ValueError, match="calendar period kind"):
        CalendarPeriod(PeriodKind.RANGE)
    with pytest.raises(ValueError, match="at least one contact mode"):
        Requirement(id="x", period=RollingPeriod(7), modes=())


# Modes -------------------------------------------------------------------------------------------


def test_only_the_named_modes_satisfy_a_requirement() -> None:
    got = entries([person()], [contact(date(2022, 3, 20), PHONE)])
    assert got["home_visit_every_quarter"].last_contact_on is None
    assert got["home_visit_every_quarter"].status is DueStatus.NEVER_CONTACTED


def test_contacts_after_the_as_of_date_are_ignored() -> None:
    got = entries([person()], [contact(date(2022, 3, 26))])
    assert got["home_visit_every_quarter"].last_contact_on is None


def test_a_household_visit_counts_for_everyone_it_reached() -> None:
    index = ContactIndex.build([contact(date(2022, 3, 1), HOME, "p1", "p2")], AS_OF)
    assert index.latest("p2", {HOME}) is not None
    assert index.latest("p2", {PHONE}) is None
    assert len(index) == 2


# Grace and the register --------------------------------------------------------------------------


def test_a_new_registrant_is_due_within_the_grace_period() -> None:
    new = person(registered_on=date(2022, 3, 10))
    got = entries([new], [])
    assert got["home_visit_every_quarter"].due_on == date(2022, 4, 9)
    assert got["home_visit_every_quarter"].status is DueStatus.OK
    later = entries([new], [], as_of=date(2022, 4, 10))
    assert later["home_visit_every_quarter"].status is DueStatus.NEVER_CONTACTED
    assert later["home_visit_every_quarter"].days_overdue == 1


def test_nothing_is_due_before_the_grace_period_ends_even_after_a_contact() -> None:
    new = person(registered_on=date(2022, 3, 1), categories={"elderly_living_alone"})
    new = attrs.evolve(new, birth_date=date(1930, 7, 1))
    got = entries([new], [contact(date(2022, 3, 2))])
    assert got["contact_every_7_days"].due_on == date(2022, 3, 31)


def test_unknown_registration_and_no_contact_is_never_contacted_without_a_due_date() -> None:
    got = entries([person(registered_on=None)], [])
    entry = got["home_visit_every_quarter"]
    assert (entry.status, entry.due_on, entry.days_overdue) == (DueStatus.NEVER_CONTACTED, None, 0)


def test_a_phone_call_under_a_home_visit_requirement_is_named_beside_the_line() -> None:
    # 三级 (低保): a home visit each quarter; two phone calls, never a home visit
    calls = [
        contact(date(2022, 1, 20), PHONE, cid="c1"),
        contact(date(2022, 3, 5), PHONE, cid="c2"),
    ]
    entry = entries([person(categories={"subsistence_allowance"})], calls)[
        "home_visit_every_quarter"
    ]
    # still never visited as the requirement asks ...
    assert entry.status is DueStatus.NEVER_CONTACTED and entry.last_contact_on is None
    # ... but the person was reached: the latest call is named
    assert (entry.other_contact_on, entry.other_contact_mode) == (date(2022, 3, 5), PHONE)


def test_a_call_before_the_last_home_visit_is_not_named() -> None:
    got = entries(
        [person(categories={"subsistence_allowance"})],
        [contact(date(2022, 1, 20), PHONE, cid="c1"), contact(date(2022, 2, 1), HOME, cid="c2")],
    )["home_visit_every_quarter"]
    assert got.last_contact_on == date(2022, 2, 1)
    assert (got.other_contact_on, got.other_contact_mode) == (None, None)


@pytest.mark.parametrize("status", ["exited", "deceased", "moved_out"])
def test_people_who_left_the_register_are_never_due(status: str) -> None:
    gone = person(status=status, status_since=date(2022, 3, 1))
    assert entries([gone], []) == {}
    # Before they left, they were due.
    assert entries([gone], [], as_of=date(2022, 2, 28)) != {}


# Absences ----------------------------------------------------------------------------------------


def test_an_absence_on_the_as_of_date_suspends_every_requirement() -> None:
    away = [
        Absence(recipient_key="p1", kind="away", start=date(2022, 3, 20), end=date(2022, 3, 30))
    ]
    got = entries([person()], [contact(date(2021, 1, 5))], absences=away)
    assert {e.status for e in got.values()} == {DueStatus.SUSPENDED}
    assert all(e.days_overdue == 0 for e in got.values())


def test_an_absence_that_ended_yesterday_no_longer_suspends() -> None:
    away = [
        Absence(recipient_key="p1", kind="hospital", start=date(2022, 3, 1), end=date(2022, 3, 24))
    ]
    got = entries([person()], [contact(date(2021, 12, 5))], absences=away)
    assert got["home_visit_every_quarter"].status is DueStatus.DUE_SOON


# Alerts and campaigns ----------------------------------------------------------------------------


def cold_wave(**fields: Any) -> Alert:
    values: dict[str, Any] = {
        "id": "cold",
        "kind": AlertKind.COLD_WAVE,
        "start": date(2022, 3, 24),
        "end": date(2022, 3, 27),
        "issued_at": time(18, 0),
        "deadline_hours": 24,
    }
    values.update(fields)
    return Alert(**values)


def test_an_alert_adds_a_requirement_due_within_its_hours() -> None:
    got = entries([person()], [], alerts=[cold_wave()])
    alert_entry = got["alert:cold"]
    assert alert_entry.due_on == date(2022, 3, 25)  # 18:00 on the 24th + 24 h
    assert alert_entry.status is DueStatus.DUE_SOON
    assert alert_entry.alert_id == "cold"
    assert alert_entry.description == AlertKind.COLD_WAVE.label
    overdue = entries([person()], [], as_of=date(2022, 3, 26), alerts=[cold_wave()])
    assert (overdue["alert:cold"].status, overdue["alert:cold"].days_overdue) == (
        DueStatus.OVERDUE,
        1,
    )


def test_only_a_contact_since_the_alert_began_answers_it() -> None:
    before = entries([person()], [contact(date(2022, 3, 23))], alerts=[cold_wave()])
    assert before["alert:cold"].status is DueStatus.DUE_SOON
    since = entries([person()], [contact(date(2022, 3, 24))], alerts=[cold_wave()])
    assert since["alert:cold"].status is DueStatus.OK


def test_an_alert_that_ended_yesterday_adds_no_requirement() -> None:
    ended = cold_wave(end=date(2022, 3, 24))
    assert "alert:cold" not in entries([person()], [], alerts=[ended])


def test_an_alert_covers_its_area_levels_and_categories() -> None:
    p = person()
    assert cold_wave(village_codes={"V01"}).covers(p, L3)
    assert cold_wave(station_codes={"S01"}).covers(p, L3)
    assert not cold_wave(village_codes={"V02"}).covers(p, L3)
    assert not cold_wave(levels={L1}).covers(p, L3)
    assert not cold_wave(categories={"orphan"}).covers(p, L3)
    assert cold_wave(village_codes={"V02"}, affected_keys={"p1"}).covers(p, L3)


def test_without_its_own_deadline_an_alert_uses_the_level_policy_then_its_end() -> None:
    alert = cold_wave(deadline_hours=None, issued_at=None)
    assert alert.due_on(NATIONAL_DEFAULT.policy_for(L1).alert_deadline_hours) == date(2022, 3, 25)
    assert alert.due_on(NATIONAL_DEFAULT.policy_for(L3).alert_deadline_hours) == date(2022, 3, 27)


def test_a_week_long_campaign_for_orphans_asks_for_a_home_visit() -> None:
    campaign = Alert(
        id="orphan-check",
        kind="campaign",
        start=date(2022, 3, 21),
        end=date(2022, 3, 27),
        categories={"orphan", "de_facto_unsupported_child"},
        modes={HOME},
    )
    child = person(birth_date=date(2014, 7, 1), categories={"orphan"})
    phoned = entries([child], [contact(date(2022, 3, 22), PHONE)], alerts=[campaign])
    assert phoned["alert:orphan-check"].status is DueStatus.DUE_SOON
    visited = entries([child], [contact(date(2022, 3, 22), HOME)], alerts=[campaign])
    assert visited["alert:orphan-check"].status is DueStatus.OK
    adult = entries([person(categories={"subsistence_allowance"})], [], alerts=[campaign])
    assert "alert:orphan-check" not in adult


def test_a_region_may_replace_the_policy() -> None:
    weekly_phone = VisitPolicy(
        requirements=(
            Requirement(
                id="phone_every_friday_week",
                period=CalendarPeriod(PeriodKind.WEEK, first_weekday=4),
                modes={PHONE},
                description="custom",
            ),
        )
    )
    henan = attrs.evolve(
        NATIONAL_DEFAULT,
        name="henan",
        version="1",
        policy={**NATIONAL_DEFAULT.policy, L3: weekly_phone},
    )
    got = due_list([person()], [contact(date(2022, 3, 17), PHONE)], henan, AS_OF)
    assert [(e.requirement_id, e.due_on, e.status) for e in got] == [
        ("phone_every_friday_week", date(2022, 3, 24), DueStatus.OVERDUE)
    ]


# The wall clock ----------------------------------------------------------------------------------


def test_nothing_in_the_library_reads_the_wall_clock_outside_the_command_line() -> None:
    src = Path(socialwork_core.__file__).parent.parent  # the core and the adapters
    pattern = re.compile(r"date\.today|datetime\.now|datetime\.today|time\.time\(")
    offenders = [
        str(path.relative_to(src))
        for path in src.rglob("*.py")
        if "cli" not in path.relative_to(src).parts
        and path.stem != "cli"
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_precomputed_grades_and_a_prebuilt_index_give_the_same_due_list() -> None:
    from socialwork_core.schedule import grade_all

    people = [person(), person("p2", categories={"orphan"}, birth_date=date(2014, 7, 1))]
    contacts = [contact(date(2022, 3, 1)), contact(date(2022, 2, 1), PHONE, "p2", cid="c2")]
    grades = grade_all(people, AS_OF, NATIONAL_DEFAULT)
    index = ContactIndex.build(contacts, AS_OF)
    direct = due_list(people, contacts, NATIONAL_DEFAULT, AS_OF)
    assert due_list(people, index, NATIONAL_DEFAULT, AS_OF, grades=grades) == direct
    with pytest.raises(ValueError, match="contact index built for"):
        due_list(people, ContactIndex.build(contacts, date(2022, 3, 1)), NATIONAL_DEFAULT, AS_OF)
