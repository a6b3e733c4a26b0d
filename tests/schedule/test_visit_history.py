"""Visit history: the days people were reached and how, as a visit rate reads them.

A history stands in for contacts wherever a visit rate looks (``schedule.visit_rate``): made from
any split of the contacts and merged, it must say what the contacts say, day for day; and what it
holds must grow with the people and modes, not with the visits.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.contacts import Contact
from socialwork_core.glossary.terms import ContactMode
from socialwork_core.periods import month, quarter
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, visit_rate
from socialwork_core.visit_history import MODES as EVERY_MODE
from socialwork_core.visit_history import HistoryTooShort, VisitDays, VisitHistory

START = date(2023, 1, 1)
MODES = (ContactMode.HOME_VISIT, ContactMode.PHONE, None)


def contact(
    number: int, key: str, on: date, mode: ContactMode | None, station: str | None
) -> Contact:
    return Contact(
        id=str(number),
        on=on,
        mode=mode,
        recipient_keys=(key,),
        worker_ids=("w1",),
        station_code=station,
    )


def person(key: str, categories: set[str]) -> Recipient:
    return Recipient(
        key=key,
        name=f"Resident {key}",
        birth_date=date(1950, 7, 1),
        registered_on=date(2019, 6, 1),
        categories=categories,
        station_code="S01",
    )


visits = st.lists(
    st.tuples(
        st.sampled_from("abcd"),
        st.integers(0, 450),
        st.sampled_from(MODES),
        st.sampled_from(("S01", "S02", None)),
    ),
    max_size=60,
).map(
    lambda rows: [
        contact(i, key, START + timedelta(days=day), mode, station)
        for i, (key, day, mode, station) in enumerate(rows)
    ]
)


def days_of(history: VisitHistory) -> set[tuple[object, ...]]:
    """What a history says, entry by entry, as (signature, day, mode)."""
    return {(e.signature, day, mode) for e in history.entries for day, mode in e.pairs()}


def said_by(contacts: list[Contact]) -> set[tuple[object, ...]]:
    """What the contacts say, as the same triples."""
    return {
        (
            (
                c.station_code,
                c.recipient_keys,
                c.worker_ids if c.station_code is None else (),
                c.alert_id,
            ),
            c.on,
            c.mode,
        )
        for c in contacts
        if c.mode is not None
    }


@given(visits)
def test_a_history_holds_every_day_a_contact_with_a_mode_fell_on_and_no_other(
    contacts: list[Contact],
) -> None:
    assert days_of(VisitHistory.of(contacts)) == said_by(contacts)


@given(visits, st.lists(st.integers(0, 2), min_size=60, max_size=60))
def test_histories_of_any_split_of_the_contacts_merge_into_the_history_of_all(
    contacts: list[Contact], parts: list[int]
) -> None:
    # a file of the roll-up may repeat another's visits (a cumulative ledger): a day is set once
    files: list[list[Contact]] = [[], [], []]
    for c, part in zip(contacts, parts, strict=False):
        files[part].append(c)
        files[(part + 1) % 3].append(c)
    merged = VisitHistory.merged(VisitHistory.of(f) for f in files)
    assert days_of(merged) == said_by(contacts)
    assert len(merged.entries) == len({signature for signature, _, _ in said_by(contacts)})


@given(visits, st.integers(0, 450), st.integers(0, 450))
def test_a_history_cut_to_some_days_says_what_the_contacts_of_those_days_say(
    contacts: list[Contact], low: int, high: int
) -> None:
    start, end = START + timedelta(days=low), START + timedelta(days=high)
    cut = VisitHistory.of(contacts).between(start, end)
    assert days_of(cut) == said_by([c for c in contacts if start <= c.on <= end])


@given(
    st.sets(st.tuples(st.integers(0, 400), st.sampled_from(EVERY_MODE)), min_size=1),
    st.integers(-30, 430),
    st.integers(-30, 430),
    st.sets(st.sampled_from(EVERY_MODE)),
)
def test_any_between_answers_as_the_days_themselves(
    pairs: set[tuple[int, ContactMode]], low: int, high: int, modes: set[ContactMode]
) -> None:
    entry = VisitDays.of_days(
        ((START + timedelta(days=d), m) for d, m in pairs),
        station_code="S01",
        recipient_keys=("a",),
    )
    start, end = START + timedelta(days=low), START + timedelta(days=high)
    assert entry.any_between(start, end, modes) is any(
        low <= d <= high and m in modes for d, m in pairs
    )
    assert entry.any_between(start, end) is any(low <= d <= high for d, _ in pairs)
    assert {((d - START).days, m) for d, m in entry.pairs()} == pairs


@given(visits)
def test_a_visit_rate_from_merged_file_histories_is_the_rate_from_the_contacts(
    contacts: list[Contact],
) -> None:
    people = [
        person("a", {"extreme_poverty_dispersed"}),  # 二级: monthly contact, quarterly home visit
        person("b", {"subsistence_allowance"}),  # 三级: quarterly home visit
        person("c", {"extreme_poverty_dispersed", "subsistence_allowance"}),
    ]
    halves = [contacts[::2], contacts[1::2]]
    merged = VisitHistory.merged(VisitHistory.of(h) for h in halves)
    for period in (month(2023, 6), quarter(2023, 3), month(2024, 3)):
        for grouping in ("all", "level"):
            assert visit_rate(
                people, merged, NATIONAL_DEFAULT, period, group_by=grouping
            ) == visit_rate(people, contacts, NATIONAL_DEFAULT, period, group_by=grouping)


def test_a_year_of_weekly_visits_at_home_and_by_phone_is_one_entry() -> None:
    # what a roll-up holds grows with the people, not with the visits
    weekly = [
        contact(i, "a", START + timedelta(days=7 * i), mode, "S01")
        for i in range(52)
        for mode in (ContactMode.HOME_VISIT, ContactMode.PHONE)
    ]
    history = VisitHistory.of(weekly)
    assert len(weekly) == 104
    assert len(history.entries) == 1
    assert len(list(history.entries[0].pairs())) == 104
    assert history.entries[0].modes == {ContactMode.HOME_VISIT, ContactMode.PHONE}


def test_a_visit_rate_reading_before_the_history_kept_says_so() -> None:
    people = [person("a", {"extreme_poverty_dispersed"})]
    kept = VisitHistory.of(
        [
            contact(1, "a", date(2023, 5, 5), ContactMode.HOME_VISIT, "S01"),
            contact(2, "a", date(2023, 6, 5), ContactMode.PHONE, "S01"),
        ],
        span=(date(2023, 4, 1), date(2023, 6, 30)),
    )
    # June: its quarterly home visit reads from 1 April, inside what was kept
    assert visit_rate(people, kept, NATIONAL_DEFAULT, month(2023, 6), group_by="all")[0].met == 1
    # the first quarter reads from 1 January: the history does not reach back that far
    with pytest.raises(HistoryTooShort, match="2023-01-01"):
        visit_rate(people, kept, NATIONAL_DEFAULT, quarter(2023, 1), group_by="all")


def test_visit_days_start_on_their_first_day() -> None:
    with pytest.raises(ValueError, match="first day"):
        VisitDays(
            station_code=None,
            recipient_keys=("a",),
            worker_ids=(),
            alert_id=None,
            first=START,
            days=(0b10, 0, 0, 0, 0, 0),
        )
