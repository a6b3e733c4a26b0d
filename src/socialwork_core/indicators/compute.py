"""The figures the seeds quote, each a pure function of a ledger, a period and (where a person's
age or a worker's post matters) an as-of date. Nothing here reads the wall clock.

Conventions (the library's, documented here once):

- *人次* (person-times): a contact reaching three people counts three; the same person visited
  twice counts twice. Activity participants, volunteers and workers are 人次 as recorded.
- *Visits* (探访) are contacts in :data:`VISIT_MODES` (home, phone, video, instant message);
  a person coming to the station is 来访咨询, met at an activity is neither.
- A figure drawn from a kind of record the ledger has none of (no activities at all, no stations)
  is not computable, with the reason; zero is reported only when records exist and none fall in
  the period.
- A household (户) is the recipient's ``household_head`` within the station and village where
  recorded, else their address within the station, else the person alone (:func:`household_key`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ..casework import Activity
from ..contacts import Contact
from ..glossary.indicators_text import (
    OF_WHICH_ROW,
    FigureCode,
    FigureFamily,
    FigureUnit,
)
from ..glossary.terms import (
    ActivityKind,
    ContactMode,
    LinkStatus,
    ProviderKind,
    ResourceKind,
    StationTier,
)
from ..periods import Period
from ..recipients import Recipient
from ..record_kinds import RecordKind, spec_of
from ..resources import ResourceLink
from .figures import Figure, computed, not_computable
from .groups import NO_PARENTS, RecipientGroup
from .records import LedgerLike, has_records, recipients_by_key

__all__ = [
    "PARTNER_FIELDS",
    "VISIT_MODES",
    "activities_by_kind",
    "activities_held",
    "alert_people",
    "alert_visits",
    "certified_workers",
    "closed_cases",
    "files_opened",
    "funds_integrated",
    "group_sessions",
    "groups_run",
    "household_key",
    "households_filed",
    "households_on_register",
    "households_visited",
    "linked_providers",
    "new_cases",
    "ongoing_cases",
    "ordinary_reached",
    "people_on_register",
    "people_reached",
    "people_visited",
    "percent",
    "posts_total",
    "posts_vacant",
    "resource_people_reached",
    "resources_linked",
    "resources_value",
    "service_by_group",
    "service_person_times",
    "special_group_people",
    "special_group_reached",
    "station_counts",
    "station_visits",
    "township_coverage",
    "unvalued_links",
    "village_coverage",
    "visits",
    "visits_by_group",
    "volunteers",
    "workers_dispatched",
    "workers_in_post",
]

VISIT_MODES: frozenset[ContactMode] = frozenset(
    {ContactMode.HOME_VISIT, ContactMode.PHONE, ContactMode.VIDEO, ContactMode.INSTANT_MESSAGE}
)
"""Contact modes counted as a visit (探访): home, phone and video, as the 2022 national guidance
counts them; instant messaging is the library's *default* addition (the visit figures take other ``modes``)."""

_TIER_CODES = {
    StationTier.COUNTY_CENTRE: FigureCode.STATIONS_COUNTY_CENTRES,
    StationTier.TOWNSHIP_STATION: FigureCode.STATIONS_TOWNSHIP_STATIONS,
    StationTier.VILLAGE_POINT: FigureCode.STATIONS_VILLAGE_POINTS,
}


def _missing(code: str, unit: FigureUnit, records: RecordKind, label: str | None = None) -> Figure:
    return not_computable(
        code, unit, "reports.no_records", label=label, records=spec_of(records).in_reasons
    )


def percent(part: int, whole: int) -> Decimal:
    """``part / whole`` as a percentage with one decimal place, rounded half up."""
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- stations and staff --------------------------------------------------------------------------


def station_counts(ledger: LedgerLike, on: date | None = None) -> dict[StationTier, Figure]:
    """How many stations of each tier (总站, 站, 点/室); with ``on``, those set up by then (a
    station without a set-up date counts). Not computable without a stations sheet."""
    stations = [s for s in ledger.stations if on is None or s.exists(on)]
    result: dict[StationTier, Figure] = {}
    for tier, code in _TIER_CODES.items():
        if not has_records(ledger, RecordKind.STATIONS):
            result[tier] = _missing(code, FigureUnit.COUNT, RecordKind.STATIONS)
        else:
            result[tier] = computed(
                code, sum(1 for s in stations if s.tier is tier), FigureUnit.COUNT
            )
    return result


def workers_in_post(ledger: LedgerLike, as_of: date) -> Figure:
    """在岗社工: workers in post on ``as_of``."""
    code = FigureCode.WORKERS_IN_POST
    if not has_records(ledger, RecordKind.WORKERS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.WORKERS)
    return computed(code, sum(1 for w in ledger.workers if w.in_post(as_of)), FigureUnit.PEOPLE)


def certified_workers(ledger: LedgerLike, as_of: date) -> Figure:
    """持证社工: workers in post on ``as_of`` holding any certificate (助理 or above) obtained by
    then (a certificate without a date counts; see :mod:`.growth` for a past day's count)."""
    code = FigureCode.WORKERS_CERTIFIED
    if not has_records(ledger, RecordKind.WORKERS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.WORKERS)
    count = sum(
        1 for w in ledger.workers if w.in_post(as_of) and w.certified_by(as_of) is not False
    )
    return computed(code, count, FigureUnit.PEOPLE)


def posts_total(ledger: LedgerLike) -> Figure:
    """岗位数: the posts of every station that records them."""
    code = FigureCode.POSTS_TOTAL
    if not has_records(ledger, RecordKind.STATIONS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.STATIONS)
    posts = [s.posts for s in ledger.stations if s.posts is not None]
    if ledger.stations and not posts:
        return not_computable(code, FigureUnit.PEOPLE, "reports.no_posts")
    return computed(code, sum(posts), FigureUnit.PEOPLE)


def posts_vacant(ledger: LedgerLike, as_of: date) -> Figure:
    """待招聘: posts minus workers in post (never below zero). Yangshan: 196 − 142 = 54."""
    code = FigureCode.POSTS_VACANT
    total, in_post = posts_total(ledger), workers_in_post(ledger, as_of)
    for part in (total, in_post):
        if part.value is None:
            return not_computable(code, FigureUnit.PEOPLE, "reports.depends_on", what=part.label)
    assert isinstance(total.value, int) and isinstance(in_post.value, int)
    return computed(code, max(total.value - in_post.value, 0), FigureUnit.PEOPLE)


def township_coverage(ledger: LedgerLike, townships_total: int | None) -> Figure:
    """社工站覆盖率: townships with a township station / all townships (given by the caller, since
    the ledger cannot know the townships that have none). A station without ``township`` counts by
    its code."""
    return _coverage(
        ledger,
        FigureCode.COVERAGE_TOWNSHIPS,
        StationTier.TOWNSHIP_STATION,
        townships_total,
        lambda s: s.township or s.code,
        RecordKind.STATIONS,
    )


def village_coverage(ledger: LedgerLike, villages_total: int | None) -> Figure:
    """社工点覆盖率: villages with a village point / all villages (given by the caller)."""
    return _coverage(
        ledger,
        FigureCode.COVERAGE_VILLAGES,
        StationTier.VILLAGE_POINT,
        villages_total,
        lambda s: s.village or s.code,
        RecordKind.STATIONS,
    )


def _coverage(
    ledger: LedgerLike,
    code: str,
    tier: StationTier,
    total: int | None,
    place: Callable[..., str],
    records: RecordKind,
) -> Figure:
    if not has_records(ledger, RecordKind.STATIONS):
        return _missing(code, FigureUnit.PERCENT, records)
    if not total:
        return not_computable(code, FigureUnit.PERCENT, "reports.no_total_given", what=tier.label)
    covered = len({place(s) for s in ledger.stations if s.tier is tier})
    return computed(code, percent(min(covered, total), total), FigureUnit.PERCENT)


# --- activities ----------------------------------------------------------------------------------


def _activities_in(
    ledger: LedgerLike, period: Period, kinds: Collection[ActivityKind] | None = None
) -> Iterator[Activity]:
    for activity in ledger.activities:
        if activity.on in period and (kinds is None or activity.kind in kinds):
            yield activity


def activities_held(
    ledger: LedgerLike,
    period: Period,
    kinds: Collection[ActivityKind] | None = None,
    *,
    code: str = FigureCode.ACTIVITIES_TOTAL,
    label: str | None = None,
) -> Figure:
    """开展活动 (场次): activities in the period, of the given kinds (all kinds by default)."""
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, FigureUnit.EVENTS, RecordKind.ACTIVITIES, label)
    count = sum(1 for _ in _activities_in(ledger, period, kinds))
    return computed(code, count, FigureUnit.EVENTS, label=label)


def activities_by_kind(ledger: LedgerLike, period: Period) -> tuple[Figure, ...]:
    """Activities held in the period, one figure per kind (code ``activities.kind.<kind>``)."""
    return tuple(
        activities_held(
            ledger,
            period,
            {kind},
            code=f"{FigureFamily.ACTIVITIES_KIND}.{kind.value}",
            label=OF_WHICH_ROW.format(label=kind.label),
        )
        for kind in ActivityKind
    )


def _activity_sum(
    ledger: LedgerLike, period: Period, code: str, unit: FigureUnit, get: Callable[[Activity], int]
) -> Figure:
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, unit, RecordKind.ACTIVITIES)
    return computed(code, sum(get(a) for a in _activities_in(ledger, period)), unit)


def people_reached(ledger: LedgerLike, period: Period) -> Figure:
    """活动惠及群众 (人次): participants of the period's activities (the count recorded, or the
    people named when more), staff training and supervision left out (their participants are
    workers; docs/domain.md section 5)."""
    return _activity_sum(
        ledger,
        period,
        FigureCode.ACTIVITIES_PEOPLE_REACHED,
        FigureUnit.PERSON_TIMES,
        lambda a: a.participant_count if a.reaches_people else 0,
    )


def special_group_reached(ledger: LedgerLike, period: Period) -> Figure:
    """其中特殊群众 (人次): special-group participants of the period's activities: the count
    recorded, or the participants named who are on the register when more (training left out)."""
    return _activity_sum(
        ledger,
        period,
        FigureCode.ACTIVITIES_SPECIAL_GROUP_REACHED,
        FigureUnit.PERSON_TIMES,
        lambda a: a.special_group_count if a.reaches_people else 0,
    )


def ordinary_reached(ledger: LedgerLike, period: Period) -> Figure:
    """其中普通群众 (人次): the rest of 活动惠及群众, so that 普通 + 特殊 = 惠及群众 (Yunfu: 10675
    普通, 2561 特殊)."""
    return _activity_sum(
        ledger,
        period,
        FigureCode.ACTIVITIES_ORDINARY_REACHED,
        FigureUnit.PERSON_TIMES,
        lambda a: a.participant_count - a.special_group_count if a.reaches_people else 0,
    )


def special_group_people(ledger: LedgerLike, period: Period) -> Figure:
    """活动惠及特殊群众 (人): distinct people on the register named as participants of the
    period's activities (training left out). Not computable when no activity in the ledger names
    its participants (counts alone cannot tell people apart)."""
    code = FigureCode.ACTIVITIES_SPECIAL_GROUP_PEOPLE
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.ACTIVITIES)
    if ledger.activities and not any(a.participant_keys for a in ledger.activities):
        return not_computable(code, FigureUnit.PEOPLE, "reports.no_participants_named")
    people = {
        k for a in _activities_in(ledger, period) if a.reaches_people for k in a.participant_keys
    }
    return computed(code, len(people), FigureUnit.PEOPLE)


def volunteers(ledger: LedgerLike, period: Period) -> Figure:
    """联动志愿者 (人次): volunteers recorded on the period's activities."""
    return _activity_sum(
        ledger,
        period,
        FigureCode.ACTIVITIES_VOLUNTEERS,
        FigureUnit.PERSON_TIMES,
        lambda a: a.volunteers,
    )


def workers_dispatched(ledger: LedgerLike, period: Period) -> Figure:
    """出动社工 (人次): workers recorded on the period's activities, once per activity.

    Not computable when no activity in the ledger records its workers.
    """
    code = FigureCode.ACTIVITIES_WORKERS_DISPATCHED
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.ACTIVITIES)
    if ledger.activities and not any(a.worker_ids for a in ledger.activities):
        return not_computable(code, FigureUnit.PERSON_TIMES, "reports.no_workers_on_activities")
    count = sum(len(a.worker_ids) for a in _activities_in(ledger, period))
    return computed(code, count, FigureUnit.PERSON_TIMES)


def group_sessions(ledger: LedgerLike, period: Period) -> Figure:
    """小组活动 (节): group sessions held in the period."""
    code = FigureCode.GROUPS_SESSIONS
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, FigureUnit.SESSIONS, RecordKind.ACTIVITIES)
    count = sum(1 for _ in _activities_in(ledger, period, {ActivityKind.GROUP_SESSION}))
    return computed(code, count, FigureUnit.SESSIONS)


def groups_run(ledger: LedgerLike, period: Period) -> Figure:
    """小组 (个): distinct named groups with a session in the period (per station)."""
    code = FigureCode.GROUPS_GROUPS
    if not has_records(ledger, RecordKind.ACTIVITIES):
        return _missing(code, FigureUnit.COUNT, RecordKind.ACTIVITIES)
    names = {
        (a.station_code, a.group_name or a.title)
        for a in _activities_in(ledger, period, {ActivityKind.GROUP_SESSION})
    }
    return computed(code, len(names), FigureUnit.COUNT)


# --- contacts ------------------------------------------------------------------------------------


def _contacts_in(
    ledger: LedgerLike, period: Period, modes: Collection[ContactMode] | None
) -> Iterator[Contact]:
    for contact in ledger.contacts:
        if contact.on in period and (modes is None or contact.mode in modes):
            yield contact


def visits(
    ledger: LedgerLike, period: Period, *, modes: Collection[ContactMode] = VISIT_MODES
) -> Figure:
    """探访 (人次): people reached by visits in the period, once per contact."""
    code = FigureCode.VISITS_TOTAL
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.CONTACTS)
    count = sum(len(c.recipient_keys) for c in _contacts_in(ledger, period, modes))
    return computed(code, count, FigureUnit.PERSON_TIMES)


def people_visited(
    ledger: LedgerLike, period: Period, *, modes: Collection[ContactMode] = VISIT_MODES
) -> Figure:
    """探访服务对象 (人): distinct people visited in the period."""
    code = FigureCode.VISITS_PEOPLE
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.CONTACTS)
    people = {k for c in _contacts_in(ledger, period, modes) for k in c.recipient_keys}
    return computed(code, len(people), FigureUnit.PEOPLE)


def _by_group(
    ledger: LedgerLike,
    person_times: Iterable[str],
    groups: Sequence[RecipientGroup],
    as_of: date,
    prefix: str,
    parents: Mapping[str, str],
) -> tuple[Figure, ...]:
    register = recipients_by_key(ledger)
    counts = dict.fromkeys((g.code for g in groups), 0)
    for key in person_times:
        person = register.get(key)
        if person is None:
            continue
        for group in groups:
            if group.matches(person, as_of, parents=parents):
                counts[group.code] += 1
    return tuple(
        computed(f"{prefix}.{g.code}", counts[g.code], FigureUnit.PERSON_TIMES, label=g.label)
        for g in groups
    )


def _group_missing(
    groups: Sequence[RecipientGroup], prefix: str, records: RecordKind
) -> tuple[Figure, ...]:
    return tuple(
        _missing(f"{prefix}.{g.code}", FigureUnit.PERSON_TIMES, records, g.label) for g in groups
    )


def visits_by_group(
    ledger: LedgerLike,
    period: Period,
    groups: Sequence[RecipientGroup],
    *,
    as_of: date,
    modes: Collection[ContactMode] = VISIT_MODES,
    parents: Mapping[str, str] = NO_PARENTS,
) -> tuple[Figure, ...]:
    """探访 (人次) by recipient group: a person in two groups counts in both rows (the total from
    :func:`visits` counts them once). A key not on the register counts in no group. ``parents``
    (local category code → national parent) puts a local category in its parent's group."""
    prefix = FigureFamily.VISITS_GROUP
    for records in (RecordKind.CONTACTS, RecordKind.RECIPIENTS):
        if not has_records(ledger, records):
            return _group_missing(groups, prefix, records)
    keys = (k for c in _contacts_in(ledger, period, modes) for k in c.recipient_keys)
    return _by_group(ledger, keys, groups, as_of, prefix, parents)


def household_key(person: Recipient) -> tuple[str, ...]:
    """The household (户) a person is counted under, from what ledgers hold (docs/domain.md
    section 2 lists 户主/家庭 and the addresses among a register's fields):

    1. the 户主/家庭 column (``household_head``), within the person's station and village;
    2. else the address (居住地址, else 户籍地址), within the station, spaces ignored;
    3. else the person alone.

    Two people count as one household only when the ledger says so by one of these."""
    station = person.station_code or ""
    if person.household_head:
        return ("household", station, person.village or "", person.household_head.strip())
    address = person.residence_address or person.household_address
    if address and (place := "".join(address.split())):
        return ("address", station, place)
    return ("person", person.key)


def households_visited(ledger: LedgerLike, period: Period) -> Figure:
    """入户探访 (户): distinct households reached by home visits in the period."""
    code = FigureCode.VISITS_HOUSEHOLDS
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.HOUSEHOLDS, RecordKind.CONTACTS)
    register = recipients_by_key(ledger)
    households = {
        household_key(register[k]) if k in register else ("person", k)
        for c in _contacts_in(ledger, period, {ContactMode.HOME_VISIT})
        for k in c.recipient_keys
    }
    return computed(code, len(households), FigureUnit.HOUSEHOLDS)


def alert_visits(ledger: LedgerLike, period: Period) -> Figure:
    """预警探访 (人次): contacts answering an alert or campaign (``alert_id`` set), any mode."""
    code = FigureCode.ALERTS_VISITS
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.CONTACTS)
    count = sum(
        len(c.recipient_keys) for c in _contacts_in(ledger, period, None) if c.alert_id is not None
    )
    return computed(code, count, FigureUnit.PERSON_TIMES)


def alert_people(ledger: LedgerLike, period: Period, alert_id: str | None = None) -> Figure:
    """预警探访 (人): distinct people reached for an alert (any alert when ``alert_id`` is None).
    Yangshan: 387 people in the January cold wave."""
    code = FigureCode.ALERTS_PEOPLE
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.CONTACTS)
    people = {
        k
        for c in _contacts_in(ledger, period, None)
        if c.alert_id is not None and (alert_id is None or c.alert_id == alert_id)
        for k in c.recipient_keys
    }
    return computed(code, len(people), FigureUnit.PEOPLE)


def station_visits(ledger: LedgerLike, period: Period) -> Figure:
    """来访咨询 (人次): people who came to the station in the period."""
    code = FigureCode.CONSULTATIONS_STATION_VISITS
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.CONTACTS)
    count = sum(
        len(c.recipient_keys) for c in _contacts_in(ledger, period, {ContactMode.STATION_VISIT})
    )
    return computed(code, count, FigureUnit.PERSON_TIMES)


def service_person_times(ledger: LedgerLike, period: Period) -> Figure:
    """服务人次: every contact's people (any mode) plus every activity's participants in the period
    (staff training left out); a participant named on an activity whom a contact reached the same
    day is counted once (Kaifeng's weekly 服务人次 counts a service, not a record).

    Not computable when the ledger has neither contacts nor activities.
    """
    code = FigureCode.SERVICE_PERSON_TIMES
    if not has_records(ledger, RecordKind.CONTACTS) and not has_records(
        ledger, RecordKind.ACTIVITIES
    ):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.CONTACTS)
    count = sum(len(c.recipient_keys) for c in _contacts_in(ledger, period, None))
    met = _met_on(ledger, period)
    for activity in _activities_in(ledger, period):
        if activity.reaches_people:
            again = sum(1 for k in activity.participant_keys if (k, activity.on) in met)
            count += activity.participant_count - again
    return computed(code, count, FigureUnit.PERSON_TIMES)


def _met_on(ledger: LedgerLike, period: Period) -> set[tuple[str, date]]:
    """(person, day) of every contact of the period: an activity meeting someone a visit met the
    same day is one service, not two."""
    return {(k, c.on) for c in _contacts_in(ledger, period, None) for k in c.recipient_keys}


def service_by_group(
    ledger: LedgerLike,
    period: Period,
    groups: Sequence[RecipientGroup],
    *,
    as_of: date,
    parents: Mapping[str, str] = NO_PARENTS,
) -> tuple[Figure, ...]:
    """服务人次 of which each group: the people of contacts (any mode) and the named participants
    of activities (``participant_keys``), once per contact or activity, except that a participant
    a contact reached the same day is counted once (Kaifeng's 其中 rows); staff training is left
    out. Unnamed participants count in :func:`service_person_times` only. ``parents`` as for
    :func:`visits_by_group`."""
    prefix = FigureFamily.SERVICE_GROUP
    if not has_records(ledger, RecordKind.CONTACTS) and not has_records(
        ledger, RecordKind.ACTIVITIES
    ):
        return _group_missing(groups, prefix, RecordKind.CONTACTS)
    if not has_records(ledger, RecordKind.RECIPIENTS):
        return _group_missing(groups, prefix, RecordKind.RECIPIENTS)
    keys = [k for c in _contacts_in(ledger, period, None) for k in c.recipient_keys]
    met = _met_on(ledger, period)
    keys += [
        k
        for a in _activities_in(ledger, period)
        if a.reaches_people
        for k in a.participant_keys
        if (k, a.on) not in met
    ]
    return _by_group(ledger, keys, groups, as_of, prefix, parents)


# --- register and cases --------------------------------------------------------------------------


def _registered_in(ledger: LedgerLike, period: Period) -> list[Recipient]:
    return [
        r for r in ledger.recipients if r.registered_on is not None and r.registered_on in period
    ]


def people_on_register(ledger: LedgerLike, period: Period) -> Figure:
    """建档 (人): the stock on the register at the end of the period: people registered by then
    (or with no 建档日期) and not dead, exited or moved out by then (docs/domain.md section 2,
    状态). New registrations are :func:`files_opened`."""
    code = FigureCode.RECIPIENTS_ON_REGISTER
    if not has_records(ledger, RecordKind.RECIPIENTS):
        return _missing(code, FigureUnit.PEOPLE, RecordKind.RECIPIENTS)
    return computed(code, len(_on_register(ledger, period)), FigureUnit.PEOPLE)


def households_on_register(ledger: LedgerLike, period: Period) -> Figure:
    """建档 (户): the distinct households (:func:`household_key`) of :func:`people_on_register`."""
    code = FigureCode.RECIPIENTS_HOUSEHOLDS_ON_REGISTER
    if not has_records(ledger, RecordKind.RECIPIENTS):
        return _missing(code, FigureUnit.HOUSEHOLDS, RecordKind.RECIPIENTS)
    households = {household_key(r) for r in _on_register(ledger, period)}
    return computed(code, len(households), FigureUnit.HOUSEHOLDS)


def _on_register(ledger: LedgerLike, period: Period) -> list[Recipient]:
    return [r for r in ledger.recipients if r.is_on_register(period.end)]


def files_opened(ledger: LedgerLike, period: Period) -> Figure:
    """新增建档 (人): recipients registered (建档日期) in the period, whatever their status now."""
    code = FigureCode.RECIPIENTS_FILES_OPENED
    return _registration(ledger, code, FigureUnit.PEOPLE) or computed(
        code, len(_registered_in(ledger, period)), FigureUnit.PEOPLE
    )


def households_filed(ledger: LedgerLike, period: Period) -> Figure:
    """新增建档 (户): distinct households of the recipients registered in the period."""
    code = FigureCode.RECIPIENTS_HOUSEHOLDS_FILED
    households = {household_key(r) for r in _registered_in(ledger, period)}
    return _registration(ledger, code, FigureUnit.HOUSEHOLDS) or computed(
        code, len(households), FigureUnit.HOUSEHOLDS
    )


def _registration(ledger: LedgerLike, code: str, unit: FigureUnit) -> Figure | None:
    if not has_records(ledger, RecordKind.RECIPIENTS):
        return _missing(code, unit, RecordKind.RECIPIENTS)
    if ledger.recipients and all(r.registered_on is None for r in ledger.recipients):
        return not_computable(code, unit, "reports.no_registration_dates")
    return None


def new_cases(ledger: LedgerLike, period: Period) -> Figure:
    """新增个案: cases opened in the period."""
    code = FigureCode.CASES_NEW
    if not has_records(ledger, RecordKind.CASES):
        return _missing(code, FigureUnit.COUNT, RecordKind.CASES)
    return computed(code, sum(1 for c in ledger.cases if c.opened_on in period), FigureUnit.COUNT)


def ongoing_cases(ledger: LedgerLike, period: Period) -> Figure:
    """正在跟进个案: cases open at the end of the period."""
    code = FigureCode.CASES_ONGOING
    if not has_records(ledger, RecordKind.CASES):
        return _missing(code, FigureUnit.COUNT, RecordKind.CASES)
    count = sum(1 for c in ledger.cases if c.is_open_on(period.end))
    return computed(code, count, FigureUnit.COUNT)


def closed_cases(ledger: LedgerLike, period: Period) -> Figure:
    """结案个案: cases closed in the period."""
    code = FigureCode.CASES_CLOSED
    if not has_records(ledger, RecordKind.CASES):
        return _missing(code, FigureUnit.COUNT, RecordKind.CASES)
    count = sum(1 for c in ledger.cases if c.closed_on is not None and c.closed_on in period)
    return computed(code, count, FigureUnit.COUNT)


# --- resource links ------------------------------------------------------------------------------

FULFILLED: frozenset[LinkStatus] = frozenset({LinkStatus.FULFILLED})


def _links_in(
    ledger: LedgerLike,
    period: Period,
    kinds: Collection[ResourceKind] | None,
    statuses: Collection[LinkStatus],
) -> list[ResourceLink]:
    return [
        x
        for x in ledger.resource_links
        if x.on in period and x.status in statuses and (kinds is None or x.kind in kinds)
    ]


def resources_linked(
    ledger: LedgerLike,
    period: Period,
    *,
    kinds: Collection[ResourceKind] | None = None,
    statuses: Collection[LinkStatus] = FULFILLED,
) -> Figure:
    """链接资源 (个): resource links in the period (fulfilled ones by default)."""
    code = FigureCode.RESOURCES_COUNT
    if not has_records(ledger, RecordKind.RESOURCE_LINKS):
        return _missing(code, FigureUnit.COUNT, RecordKind.RESOURCE_LINKS)
    return computed(code, len(_links_in(ledger, period, kinds, statuses)), FigureUnit.COUNT)


def resources_value(
    ledger: LedgerLike,
    period: Period,
    *,
    kinds: Collection[ResourceKind] | None = None,
    statuses: Collection[LinkStatus] = FULFILLED,
    code: str = FigureCode.RESOURCES_VALUE_YUAN,
) -> Figure:
    """链接资源折合金额 (元, ``Decimal``): the yuan value of the period's links that record one.

    ``approximate`` is carried when any counted value is approximate (“2万余元”). Not computable
    when no link in the ledger records a value, or when the period has links and none of them
    does (an unknown amount is never printed as 0.00). Links without a value are left out (see
    :func:`unvalued_links` for the note a report prints).
    """
    if not has_records(ledger, RecordKind.RESOURCE_LINKS):
        return _missing(code, FigureUnit.YUAN, RecordKind.RESOURCE_LINKS)
    if ledger.resource_links and all(x.value_yuan is None for x in ledger.resource_links):
        return not_computable(code, FigureUnit.YUAN, "reports.no_values")
    in_period = list(_links_in(ledger, period, kinds, statuses))
    if in_period and all(x.value_yuan is None for x in in_period):
        # links were made but none says what it was worth: the amount is unknown, not 0.00 元
        return not_computable(code, FigureUnit.YUAN, "reports.no_values")
    links = [x for x in in_period if x.value_yuan is not None]
    total = sum((x.value_yuan for x in links if x.value_yuan is not None), Decimal(0))
    approximate = any(x.value_is_approximate for x in links)
    return computed(code, total, FigureUnit.YUAN, approximate=approximate)


def unvalued_links(
    ledger: LedgerLike,
    period: Period,
    *,
    kinds: Collection[ResourceKind] | None = None,
    statuses: Collection[LinkStatus] = FULFILLED,
) -> int:
    """How many of the period's links record no yuan value (left out of the amount)."""
    return sum(1 for x in _links_in(ledger, period, kinds, statuses) if x.value_yuan is None)


def funds_integrated(ledger: LedgerLike, period: Period) -> Figure:
    """整合资金 (元): the value of fund links (资金) in the period. Dongzhi: 50余万元."""
    return resources_value(
        ledger, period, kinds={ResourceKind.FUNDS}, code=FigureCode.RESOURCES_FUNDS_YUAN
    )


def resource_people_reached(ledger: LedgerLike, period: Period) -> Figure:
    """资源惠及 (人次): people reached by the period's fulfilled links (named, or the head count)."""
    code = FigureCode.RESOURCES_PEOPLE_REACHED
    if not has_records(ledger, RecordKind.RESOURCE_LINKS):
        return _missing(code, FigureUnit.PERSON_TIMES, RecordKind.RESOURCE_LINKS)
    count = sum(x.people_reached for x in _links_in(ledger, period, None, FULFILLED))
    return computed(code, count, FigureUnit.PERSON_TIMES)


PARTNER_FIELDS: Mapping[ProviderKind, str] = {
    ProviderKind.VILLAGE_COMMITTEE: "partner_villages",
    ProviderKind.SOCIAL_ORGANISATION: "partner_organisations",
    ProviderKind.CHARITY: "partner_charities",
    ProviderKind.VOLUNTEER: "partner_volunteer_teams",
}
"""The ``Activity`` field naming the partners of each provider kind (a village co-hosting an
activity is a village linked, as one giving a resource is)."""


def linked_providers(
    ledger: LedgerLike, period: Period, provider_kind: ProviderKind, *, code: str
) -> Figure:
    """联动 村居/社会组织/慈善组织/志愿服务队 (个): distinct names of that kind among the period's
    resource links' providers (any status) and its activities' partners (docs/domain.md section
    5: 五社联动). Not computable when neither names one: no link records its provider and
    provider kind, and no activity names partners of that kind."""
    links, activities = (
        has_records(ledger, RecordKind.RESOURCE_LINKS),
        has_records(ledger, RecordKind.ACTIVITIES),
    )
    if not links and not activities:
        return _missing(code, FigureUnit.COUNT, RecordKind.RESOURCE_LINKS)
    field = PARTNER_FIELDS.get(provider_kind)
    named_on_links = any(x.provider and x.provider_kind for x in ledger.resource_links)
    named_on_activities = field is not None and any(getattr(a, field) for a in ledger.activities)
    if not named_on_links and not named_on_activities:
        return not_computable(code, FigureUnit.COUNT, "reports.no_providers")
    providers = {
        x.provider
        for x in ledger.resource_links
        if x.on in period and x.provider_kind is provider_kind and x.provider
    }
    if field is not None:
        providers.update(n for a in _activities_in(ledger, period) for n in getattr(a, field))
    return computed(code, len(providers), FigureUnit.COUNT)
