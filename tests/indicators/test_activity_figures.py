"""Activity figures with participants and partners (issue #13 point 3), each checked against a
count made by hand.

The ledger (March 2022): recipients 甲 (低保), 乙 (孤儿), 丙 (no category); contacts: a home
visit to 甲 on 5 March, a phone call to 乙 on 9 March;

- a1 publicity on 5 March: 40 人次, 3 of them special; names 甲 and 乙 and one unlinked 陈某;
  partners 金坪村 and 阳光社工; campaign XCZ;
- a2 community activity on 9 March: 10 人次, none counted special; names 甲; partners 金坪村
  (again) and 石门村, the charity 县慈善会, the volunteer team 巾帼志愿服务队;
- t1 staff training on 10 March: 25 人次 (workers), names nobody;
- a resource link on 12 March from the village committee 石门村 and the charity 市慈善会.
"""

from __future__ import annotations

from datetime import date

from socialwork_core import indicators as ind
from socialwork_core.casework import Activity
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category, ProviderKind
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import month
from socialwork_core.recipients import Recipient
from socialwork_core.resources import ResourceLink

MARCH = month(2022, 3)
AS_OF = date(2022, 3, 31)


def register() -> tuple[Recipient, ...]:
    return (
        Recipient(key="甲", name="甲某", categories={Category.SUBSISTENCE_ALLOWANCE}),
        Recipient(key="乙", name="乙某", birth_date=date(2012, 1, 1), categories={Category.ORPHAN}),
        Recipient(key="丙", name="丙某"),
    )


def contacts() -> tuple[Contact, ...]:
    return (
        Contact(id="c1", on=date(2022, 3, 5), mode="home_visit", recipient_keys=("甲",)),
        Contact(id="c2", on=date(2022, 3, 9), mode="phone", recipient_keys=("乙",)),
    )


def activities() -> tuple[Activity, ...]:
    return (
        Activity(
            id="a1",
            kind="publicity",
            title="宣传周",
            on=date(2022, 3, 5),
            participants=40,
            special_group_participants=3,
            participant_keys=("甲", "乙"),
            unlinked_participants=("陈某",),
            partner_villages=("金坪村",),
            partner_organisations=("阳光社工",),
            campaign_id="XCZ",
        ),
        Activity(
            id="a2",
            kind="community_activity",
            title="义诊",
            on=date(2022, 3, 9),
            participants=10,
            participant_keys=("甲",),
            partner_villages=("金坪村", "石门村"),
            partner_charities=("县慈善会",),
            partner_volunteer_teams=("巾帼志愿服务队",),
        ),
        Activity(id="t1", kind="training", title="督导", on=date(2022, 3, 10), participants=25),
    )


def link() -> ResourceLink:
    return ResourceLink(
        id="r1",
        on=date(2022, 3, 12),
        kind="goods",
        description="棉被",
        provider="石门村",
        provider_kind=ProviderKind.VILLAGE_COMMITTEE,
        head_count=3,
    )


def ledger(**overrides: object) -> RecordSet:
    parts: dict[str, object] = {
        "recipients": register(),
        "contacts": contacts(),
        "activities": activities(),
        "resource_links": (link(),),
    }
    parts.update(overrides)
    return RecordSet(**parts)  # type: ignore[arg-type]


def test_people_reached_leaves_staff_training_out() -> None:
    assert ind.people_reached(ledger(), MARCH).value == 40 + 10  # t1's 25 are workers


def test_people_reached_splits_ordinary_and_special() -> None:
    records = ledger()
    # a1: 3 counted special, 2 named on the register: 3; a2: 0 counted, 1 named: 1
    assert ind.special_group_reached(records, MARCH).value == 3 + 1
    assert ind.ordinary_reached(records, MARCH).value == (40 - 3) + (10 - 1)
    assert (
        ind.ordinary_reached(records, MARCH).value + ind.special_group_reached(records, MARCH).value
        == ind.people_reached(records, MARCH).value
    )


def test_special_group_people_counts_each_registered_participant_once() -> None:
    figure = ind.special_group_people(ledger(), MARCH)
    assert figure.value == 2  # 甲 (twice) and 乙
    assert figure.unit.value == "people"


def test_special_group_people_needs_participants_named() -> None:
    counted_only = tuple(
        Activity(id=a.id, kind=a.kind, title=a.title, on=a.on, participants=a.participants)
        for a in activities()
    )
    figure = ind.special_group_people(ledger(activities=counted_only), MARCH)
    assert figure.value is None
    assert figure.reason


def test_a_village_co_hosting_an_activity_counts_among_villages_linked() -> None:
    records = ledger()

    def linked(kind: ProviderKind) -> object:
        return ind.linked_providers(records, MARCH, kind, code="links.villages").value

    # 金坪村 (a1, a2), 石门村 (a2 and the link: once)
    assert linked(ProviderKind.VILLAGE_COMMITTEE) == 2
    assert linked(ProviderKind.SOCIAL_ORGANISATION) == 1  # 阳光社工
    assert linked(ProviderKind.CHARITY) == 1  # 县慈善会 (the link names no charity)
    assert linked(ProviderKind.VOLUNTEER) == 1  # 巾帼志愿服务队


def test_partners_alone_make_the_linked_figures_computable() -> None:
    records = ledger(resource_links=())
    figure = ind.linked_providers(
        records, MARCH, ProviderKind.VILLAGE_COMMITTEE, code="links.villages"
    )
    assert figure.value == 2


def test_one_person_met_by_a_visit_and_an_activity_the_same_day_is_one_service() -> None:
    records = ledger()
    # contacts: 甲 5 March, 乙 9 March = 2; a1 40 人次 of whom 甲 was visited that day: 39;
    # a2 10 人次 (甲 not visited on 9 March): 10; training left out
    assert ind.service_person_times(records, MARCH).value == 2 + 39 + 10
    rows = {
        f.code: f.value
        for f in ind.service_by_group(records, MARCH, ind.SERVICE_GROUPS, as_of=AS_OF)
    }
    # 低保特困: 甲 visited on 5 March (once, though a1 met them too), at a2 on 9 March
    assert rows["service.group.subsistence_or_extreme_poverty"] == 2
    # 乙 is an orphan, in none of these rows; 丙 took part in nothing
    assert rows["service.group.children_in_difficulty"] == 0
    assert rows["service.group.elderly"] == 0


def test_a_participant_met_by_a_visit_on_another_day_counts_each_time() -> None:
    records = ledger(contacts=(contacts()[1],))  # only the phone call to 乙 on 9 March
    rows = {
        f.code: f.value
        for f in ind.service_by_group(records, MARCH, ind.SERVICE_GROUPS, as_of=AS_OF)
    }
    assert rows["service.group.subsistence_or_extreme_poverty"] == 2  # 甲 at a1 and at a2
    assert ind.service_person_times(records, MARCH).value == 1 + 40 + 10
