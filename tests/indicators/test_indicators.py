"""Indicators: each figure checked against a count made by hand from a small ledger.

The ledger (March 2022, one township station 站A with one village point 点A1):

- recipients: 甲 (低保 and 特困, born 1940, household 甲家), 乙 (孤儿, born 2012, household 甲家),
  丙 (其他困难群众, disabled, born 1960), 丁 (no category, born 1990, registered in February);
- contacts in March: c1 home visit to 甲 and 乙 (one household), c2 phone call to 甲, c3 home visit
  to 丙 for the cold-wave alert, c4 丁 came to the station; c5 a home visit to 丙 on 1 April
  (outside the period).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from socialwork_core import indicators as ind
from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category, ProviderKind, StationTier
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import month
from socialwork_core.recipients import Recipient
from socialwork_core.recipients.disability import Disability
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import SocialWorker, Station

MARCH = month(2022, 3)
AS_OF = date(2022, 3, 31)


def _people() -> tuple[Recipient, ...]:
    return (
        Recipient(
            key="甲",
            name="甲某",
            birth_date=date(1940, 5, 1),
            categories={Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY},
            household_head="甲家",
            station_code="S1",
            registered_on=date(2022, 3, 2),
        ),
        Recipient(
            key="乙",
            name="乙某",
            birth_date=date(2012, 1, 1),
            categories={Category.ORPHAN},
            household_head="甲家",
            station_code="S1",
            registered_on=date(2022, 3, 2),
        ),
        Recipient(
            key="丙",
            name="丙某",
            birth_date=date(1960, 6, 1),
            categories={Category.OTHER_IN_DIFFICULTY},
            disability=Disability(kind="physical", grade="grade_2"),
            station_code="S1",
            registered_on=date(2022, 3, 20),
        ),
        Recipient(
            key="丁", name="丁某", birth_date=date(1990, 1, 1), registered_on=date(2022, 2, 1)
        ),
    )


def _contacts() -> tuple[Contact, ...]:
    return (
        Contact(id="c1", on=date(2022, 3, 3), mode="home_visit", recipient_keys=("甲", "乙")),
        Contact(id="c2", on=date(2022, 3, 10), mode="phone", recipient_keys=("甲",)),
        Contact(
            id="c3",
            on=date(2022, 3, 15),
            mode="home_visit",
            recipient_keys=("丙",),
            alert_id="寒潮",
        ),
        Contact(id="c4", on=date(2022, 3, 16), mode="station_visit", recipient_keys=("丁",)),
        Contact(id="c5", on=date(2022, 4, 1), mode="home_visit", recipient_keys=("丙",)),
    )


def ledger(**overrides: object) -> RecordSet:
    parts: dict[str, object] = {"recipients": _people(), "contacts": _contacts()}
    parts.update(overrides)
    return RecordSet(**parts)  # type: ignore[arg-type]


def test_visits_count_person_times_of_home_phone_video_and_messaging_contacts_only() -> None:
    # c1 reaches 2, c2 reaches 1, c3 reaches 1; c4 is a station visit, c5 is in April.
    assert ind.visits(ledger(), MARCH).value == 2 + 1 + 1
    # distinct people: 甲, 乙, 丙
    assert ind.people_visited(ledger(), MARCH).value == 3


def test_a_person_in_two_groups_counts_in_both_rows_and_once_in_the_total() -> None:
    rows = {
        f.code: f.value for f in ind.visits_by_group(ledger(), MARCH, ind.VISIT_GROUPS, as_of=AS_OF)
    }
    # 甲 (低保 + 特困) was visited twice (c1, c2): two in each of both rows.
    assert rows["visits.group.subsistence"] == 2
    assert rows["visits.group.extreme_poverty"] == 2
    assert rows["visits.group.orphans_and_unsupported"] == 1  # 乙 in c1
    assert rows["visits.group.other_in_difficulty"] == 1  # 丙 in c3
    total = ind.visits(ledger(), MARCH).value
    assert total == 4
    assert sum(v for v in rows.values() if isinstance(v, int)) == 6  # rows overlap: 6 > 4


def test_households_visited_count_home_visits_by_household() -> None:
    # c1: 甲 and 乙 share 甲家 (one household); c3: 丙 alone. c2 is a phone call.
    assert ind.households_visited(ledger(), MARCH).value == 2


def test_alert_visits_station_visits_and_service_person_times() -> None:
    assert ind.alert_visits(ledger(), MARCH).value == 1  # c3
    assert ind.alert_people(ledger(), MARCH, "寒潮").value == 1
    assert ind.station_visits(ledger(), MARCH).value == 1  # c4
    # 服务人次: every contact of March, any mode: 2 + 1 + 1 + 1 (no activities)
    assert ind.service_person_times(ledger(), MARCH).value == 5


def test_service_by_group_counts_elderly_by_age_and_disability_by_record() -> None:
    groups = ind.service_by_group(ledger(), MARCH, ind.SERVICE_GROUPS, as_of=AS_OF)
    rows = {f.code: f.value for f in groups}
    # 甲 (81, 低保特困) in c1 and c2; 丙 (61, disabled) in c3; 乙 (10) and 丁 (32) are neither.
    assert rows["service.group.subsistence_or_extreme_poverty"] == 2
    assert rows["service.group.disabled"] == 1
    assert rows["service.group.children_in_difficulty"] == 0
    assert rows["service.group.elderly"] == 2 + 1


def test_files_opened_count_people_and_households_registered_in_the_period() -> None:
    # 甲, 乙 (2 March) and 丙 (20 March); 丁 registered in February.
    assert ind.files_opened(ledger(), MARCH).value == 3
    # 甲 and 乙 are one household (甲家), 丙 another.
    assert ind.households_filed(ledger(), MARCH).value == 2


def test_a_ledger_without_a_kind_of_record_gives_reasons_not_zeros() -> None:
    empty = RecordSet()
    for figure in (
        ind.visits(empty, MARCH),
        ind.new_cases(empty, MARCH),
        ind.activities_held(empty, MARCH),
        ind.resources_value(empty, MARCH),
        ind.workers_in_post(empty, AS_OF),
        *ind.station_counts(empty).values(),
    ):
        assert figure.value is None
        assert figure.reason is not None and "无法计算" in figure.reason
    no_dates = RecordSet(recipients=(Recipient(key="x", name="某某"),))
    assert ind.files_opened(no_dates, MARCH).reason_code == "reports.no_registration_dates"


def test_cases_new_ongoing_at_period_end_and_closed() -> None:
    cases = (
        Case(id="k1", recipient_keys=("甲",), opened_on=date(2022, 1, 5)),  # ongoing
        Case(id="k2", recipient_keys=("乙",), opened_on=date(2022, 3, 4)),  # new, ongoing
        Case(
            id="k3",
            recipient_keys=("丙",),
            opened_on=date(2022, 3, 1),
            stage="closed",
            closed_on=date(2022, 3, 30),
        ),  # new and closed
        Case(
            id="k4",
            recipient_keys=("丁",),
            opened_on=date(2022, 2, 1),
            stage="closed",
            closed_on=date(2022, 2, 20),
        ),  # neither
    )
    records = ledger(cases=cases)
    assert ind.new_cases(records, MARCH).value == 2  # k2, k3
    assert ind.ongoing_cases(records, MARCH).value == 2  # k1, k2 on 31 March
    assert ind.closed_cases(records, MARCH).value == 1  # k3


def _activities() -> tuple[Activity, ...]:
    return (
        Activity(
            id="a1",
            kind="publicity",
            title="宣传周",
            on=date(2022, 3, 5),
            participants=40,
            special_group_participants=6,
            volunteers=8,
            worker_ids=("w1", "w2"),
        ),
        Activity(
            id="a2",
            kind="group_session",
            title="手工",
            group_name="手工小组",
            session_number=1,
            on=date(2022, 3, 12),
            participants=10,
            worker_ids=("w1",),
        ),
        Activity(
            id="a3",
            kind="group_session",
            title="手工",
            group_name="手工小组",
            session_number=2,
            on=date(2022, 3, 19),
            participants=12,
            volunteers=2,
        ),
        Activity(
            id="a4", kind="community_activity", title="义诊", on=date(2022, 4, 2), participants=99
        ),
    )


def test_activities_people_reached_volunteers_workers_and_groups() -> None:
    records = ledger(activities=_activities())
    assert ind.activities_held(records, MARCH).value == 3  # a1, a2, a3 (a4 is April)
    kinds = {f.code: f.value for f in ind.activities_by_kind(records, MARCH)}
    assert kinds["activities.kind.group_session"] == 2
    assert kinds["activities.kind.publicity"] == 1
    assert kinds["activities.kind.community_activity"] == 0
    assert ind.people_reached(records, MARCH).value == 40 + 10 + 12
    assert ind.special_group_reached(records, MARCH).value == 6
    assert ind.volunteers(records, MARCH).value == 8 + 2
    assert ind.workers_dispatched(records, MARCH).value == 2 + 1
    assert ind.group_sessions(records, MARCH).value == 2
    assert ind.groups_run(records, MARCH).value == 1  # 手工小组
    # service person-times add activity participants to contacts: 5 + 62
    assert ind.service_person_times(records, MARCH).value == 5 + 62


def test_workers_dispatched_is_not_computable_when_no_activity_records_its_workers() -> None:
    records = ledger(
        activities=(Activity(id="a", kind="publicity", title="t", on=date(2022, 3, 1)),)
    )
    assert ind.workers_dispatched(records, MARCH).reason_code == "reports.no_workers_on_activities"


def test_resources_count_value_in_yuan_and_the_approximate_flag() -> None:
    links = (
        ResourceLink(
            id="l1",
            on=date(2022, 3, 3),
            kind="funds",
            description="爱心资金",
            value_yuan=Decimal("20000"),
            value_is_approximate=True,
            provider="某慈善会",
            provider_kind=ProviderKind.CHARITY,
            head_count=43,
        ),
        ResourceLink(
            id="l2",
            on=date(2022, 3, 8),
            kind="goods",
            description="棉被",
            value_yuan=Decimal("150.50"),
            provider="布乾村委",
            provider_kind=ProviderKind.VILLAGE_COMMITTEE,
            recipient_keys=("甲",),
        ),
        ResourceLink(
            id="l3",
            on=date(2022, 3, 9),
            kind="policy",
            description="低保申请",
            recipient_keys=("乙",),
        ),
        ResourceLink(
            id="l4",
            on=date(2022, 3, 9),
            kind="funds",
            description="未落实",
            value_yuan=Decimal("999"),
            status="applying",
            recipient_keys=("丙",),
        ),
    )
    records = ledger(resource_links=links)
    assert ind.resources_linked(records, MARCH).value == 3  # l4 is still 申请中
    value = ind.resources_value(records, MARCH)
    assert value.value == Decimal("20150.50")
    assert value.approximate is True
    assert ind.unvalued_links(records, MARCH) == 1  # l3
    assert ind.funds_integrated(records, MARCH).value == Decimal("20000")
    assert ind.resource_people_reached(records, MARCH).value == 43 + 1 + 1
    charities = ind.linked_providers(records, MARCH, ProviderKind.CHARITY, code="links.charities")
    assert charities.value == 1
    villages = ind.linked_providers(
        records, MARCH, ProviderKind.VILLAGE_COMMITTEE, code="links.villages"
    )
    assert villages.value == 1


def _network() -> RecordSet:
    stations = (
        Station(code="C", name="县总站", tier=StationTier.COUNTY_CENTRE),
        Station(
            code="S1",
            name="站A",
            tier=StationTier.TOWNSHIP_STATION,
            parent_code="C",
            township="甲镇",
            posts=3,
        ),
        Station(
            code="S2",
            name="站B",
            tier=StationTier.TOWNSHIP_STATION,
            parent_code="C",
            township="乙镇",
            posts=2,
        ),
        Station(
            code="P1", name="点A1", tier=StationTier.VILLAGE_POINT, parent_code="S1", village="一村"
        ),
    )
    workers = (
        SocialWorker(id="w1", name="社工一", station_code="S1", certificate="assistant"),
        SocialWorker(id="w2", name="社工二", station_code="S1"),
        SocialWorker(id="w3", name="社工三", station_code="S2", certificate="intermediate"),
        SocialWorker(
            id="w4",
            name="社工四",
            station_code="S2",
            certificate="assistant",
            left_on=date(2022, 2, 1),
        ),
    )
    return ledger(stations=stations, workers=workers)


def test_stations_by_tier_staff_posts_and_coverage() -> None:
    records = _network()
    tiers = {tier: f.value for tier, f in ind.station_counts(records).items()}
    assert tiers == {
        StationTier.COUNTY_CENTRE: 1,
        StationTier.TOWNSHIP_STATION: 2,
        StationTier.VILLAGE_POINT: 1,
    }
    assert ind.workers_in_post(records, AS_OF).value == 3  # w4 left in February
    assert ind.certified_workers(records, AS_OF).value == 2  # w1, w3
    assert ind.posts_total(records).value == 3 + 2
    assert ind.posts_vacant(records, AS_OF).value == 5 - 3
    # 2 townships with a station out of 4: 50.0 %; 1 village point out of 8 villages: 12.5 %
    assert ind.township_coverage(records, 4).value == Decimal("50.0")
    assert ind.village_coverage(records, 8).value == Decimal("12.5")
    assert ind.township_coverage(records, None).reason_code == "reports.no_total_given"


def test_scoped_keeps_a_station_its_points_and_the_records_that_belong_to_them() -> None:
    records = _network()
    share = ind.scoped(records, "S1")
    assert {s.code for s in share.stations} == {"S1", "P1"}
    assert {w.id for w in share.workers} == {"w1", "w2"}
    assert {r.key for r in share.recipients} == {"甲", "乙", "丙"}  # 丁 has no station
    assert {c.id for c in share.contacts} == {"c1", "c2", "c3", "c5"}  # c4 reached 丁 only


def test_a_station_share_without_cases_has_zero_cases_when_the_county_ledger_has_some() -> None:
    county = ledger(
        stations=(Station(code="S9", name="站九", tier=StationTier.TOWNSHIP_STATION),),
        cases=(
            Case(id="k1", recipient_keys=("甲",), opened_on=date(2022, 3, 4), station_code="S1"),
        ),
    )
    share = ind.scoped(county, "S9")
    assert share.cases == ()
    assert ind.new_cases(share, MARCH).value == 0  # the county keeps case records: a real zero
    assert ind.new_cases(RecordSet(), MARCH).value is None  # no case records at all: no figure


def test_an_amount_no_link_of_the_period_records_is_unknown_not_zero() -> None:
    valued = ResourceLink(
        id="l1",
        on=date(2022, 2, 9),
        kind="funds",
        description="临时救助",
        value_yuan=Decimal("500"),
        recipient_keys=("甲",),
    )
    unvalued = ResourceLink(
        id="l2", on=date(2022, 3, 9), kind="policy", description="低保申请", recipient_keys=("乙",)
    )
    records = ledger(resource_links=(valued, unvalued))
    value = ind.resources_value(records, MARCH)
    assert value.value is None and value.reason is not None  # printed 无法计算, never 0.00
    nothing_linked = ledger(resource_links=(valued,))
    assert ind.resources_value(nothing_linked, MARCH).value == Decimal(0)  # no link: truly 0
