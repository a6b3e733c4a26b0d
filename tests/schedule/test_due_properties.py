"""Properties of the due list that hold for any register and any contacts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.contacts import Contact
from socialwork_core.glossary.rules_text import AlertKind, DueStatus
from socialwork_core.glossary.terms import ContactMode, RegisterStatus
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, Absence, Alert, DueEntry, due_list

AS_OF = date(2022, 3, 25)
KEYS = [f"p{i}" for i in range(6)]
CATEGORIES = [
    "elderly_living_alone",
    "extreme_poverty_dispersed",
    "orphan",
    "subsistence_allowance",
    "child_in_difficulty",
]
around = st.dates(min_value=date(2021, 9, 1), max_value=date(2022, 4, 30))
modes = st.sampled_from(list(ContactMode))


@st.composite
def recipients(draw: st.DrawFn) -> list[Recipient]:
    people = []
    for key in KEYS:
        registered = draw(st.none() | st.dates(date(2019, 1, 1), date(2022, 4, 30)))
        status = draw(st.sampled_from(list(RegisterStatus)))
        since = None
        if status is not RegisterStatus.ACTIVE:
            low = registered or date(2019, 1, 1)
            since = draw(st.dates(low, date(2022, 6, 30)))
        people.append(
            Recipient(
                key=key,
                name=f"Resident {key}",
                birth_date=draw(st.dates(date(1925, 1, 1), date(2018, 1, 1))),
                categories=draw(st.frozensets(st.sampled_from(CATEGORIES), max_size=2)),
                registered_on=registered,
                status=status,
                status_since=since,
                village=draw(st.sampled_from(["V01", "V02"])),
            )
        )
    return people


@st.composite
def contacts(draw: st.DrawFn, prefix: str = "c") -> list[Contact]:
    count = draw(st.integers(min_value=0, max_value=25))
    return [
        Contact(
            id=f"{prefix}{i}",
            on=draw(around),
            mode=draw(modes),
            recipient_keys=draw(
                st.lists(st.sampled_from(KEYS), min_size=1, max_size=3, unique=True)
            ),
        )
        for i in range(count)
    ]


@st.composite
def absences(draw: st.DrawFn) -> list[Absence]:
    found = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        start = draw(around)
        end = draw(st.none() | st.dates(start, start + timedelta(days=60)))
        found.append(
            Absence(
                recipient_key=draw(st.sampled_from(KEYS)), kind="hospital", start=start, end=end
            )
        )
    return found


@st.composite
def alerts(draw: st.DrawFn) -> list[Alert]:
    found = []
    for i in range(draw(st.integers(min_value=0, max_value=2))):
        start = draw(st.dates(date(2022, 3, 1), AS_OF))
        found.append(
            Alert(
                id=f"a{i}",
                kind=draw(st.sampled_from(list(AlertKind))),
                start=start,
                end=draw(st.dates(start, date(2022, 4, 30))),
                village_codes=draw(st.frozensets(st.sampled_from(["V01", "V02"]))),
                deadline_hours=draw(st.none() | st.integers(1, 96)),
                affected_keys=draw(st.frozensets(st.sampled_from(KEYS), max_size=2)),
            )
        )
    return found


def by_requirement(entries: tuple[DueEntry, ...]) -> dict[tuple[str, str], DueEntry]:
    return {(e.recipient_key, e.requirement_id): e for e in entries}


def run(
    people: list[Recipient],
    cs: list[Contact],
    away: list[Absence],
    active: list[Alert],
) -> tuple[DueEntry, ...]:
    return due_list(people, cs, NATIONAL_DEFAULT, AS_OF, alerts=active, absences=away)


@given(people=recipients(), cs=contacts(), extra=contacts("x"), away=absences(), active=alerts())
def test_adding_a_qualifying_contact_never_makes_anyone_more_overdue(
    people: list[Recipient],
    cs: list[Contact],
    extra: list[Contact],
    away: list[Absence],
    active: list[Alert],
) -> None:
    before = by_requirement(run(people, cs, away, active))
    after = by_requirement(run(people, cs + extra, away, active))
    assert before.keys() == after.keys()
    for key, old in before.items():
        new = after[key]
        if old.due_on is None:
            continue  # never contacted, registration date unknown: already the most overdue
        assert new.due_on is not None and new.due_on >= old.due_on, (old, new)
        assert new.days_overdue <= old.days_overdue, (old, new)
        if old.status is DueStatus.OK:
            assert new.status is DueStatus.OK


@given(people=recipients(), cs=contacts(), away=absences(), active=alerts(), data=st.data())
def test_the_due_list_is_the_same_whatever_the_order_of_the_contacts(
    people: list[Recipient],
    cs: list[Contact],
    away: list[Absence],
    active: list[Alert],
    data: st.DataObject,
) -> None:
    shuffled = data.draw(st.permutations(cs))
    assert run(people, shuffled, away, active) == run(people, cs, away, active)


@given(people=recipients(), cs=contacts(), away=absences(), active=alerts())
def test_a_person_who_left_the_register_is_never_listed_as_due(
    people: list[Recipient],
    cs: list[Contact],
    away: list[Absence],
    active: list[Alert],
) -> None:
    listed = {e.recipient_key for e in run(people, cs, away, active)}
    for person in people:
        left = not person.status.is_on_register and (
            person.status_since is not None and person.status_since <= AS_OF
        )
        not_yet = person.registered_on is not None and person.registered_on > AS_OF
        if left or not_yet:
            assert person.key not in listed
        else:
            assert person.key in listed


@given(people=recipients(), cs=contacts(), away=absences(), active=alerts())
def test_the_due_list_is_sorted_most_urgent_first(
    people: list[Recipient],
    cs: list[Contact],
    away: list[Absence],
    active: list[Alert],
) -> None:
    entries = run(people, cs, away, active)
    ranks = [(e.level.rank, e.due_on is not None, -e.days_overdue) for e in entries]
    assert ranks == sorted(ranks)
    for e in entries:
        assert (e.days_overdue > 0) == (
            e.status in (DueStatus.OVERDUE, DueStatus.NEVER_CONTACTED) and e.due_on is not None
        )
