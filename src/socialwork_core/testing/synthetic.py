"""Synthetic ledgers generated from a ledger format: made-up people and records that exercise every
column the format has.

:func:`synthetic_ledger` builds a coherent year of a station's work (register, stations, workers,
contacts, resource links, cases, activities) ending on an as-of date, then keeps, per record kind,
only the fields the format has columns for, and picks every labelled value (categories, modes,
tiers …) among the codes the format's column can write and read. Resident ID numbers are valid
and made up (:func:`socialwork_core.identity.resident_id.compose`, with a county code the region
covers, else ``110105``); phone numbers use the reserved-looking
``1380000xxxx`` range. Nothing here comes from a real ledger.

The same arguments always give the same ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import attrs

from ..campaigns import Campaign
from ..casework import Activity, Case
from ..contacts import Contact
from ..glossary import (
    ActivityKind,
    AlertKind,
    CaseStage,
    Category,
    CertificateLevel,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    LinkStatus,
    PartnerKind,
    ProviderKind,
    RegisterStatus,
    ResourceKind,
    SelfCareLevel,
    ServiceLevel,
    StationTier,
)
from ..glossary.messages import render_message
from ..glossary.messages import testing as words
from ..handouts import Handout
from ..identity.resident_id import check, compose
from ..identity.resident_id import sex as sex_of
from ..ledger import FieldColumn, Ledger, LedgerFormat, RecordKind, SheetFormat, ledger_of
from ..ledger.building import PEOPLE_FIELDS
from ..plugins import CategoryDefinition, Region
from ..recipients import Disability, Recipient
from ..resources import ResourceLink
from ..stations import SocialWorker, Station

__all__ = [
    "DEFAULT_AS_OF",
    "FormatGap",
    "covered_fields",
    "synthetic_ledger",
    "synthetic_phone",
]

DEFAULT_AS_OF = date(2024, 6, 30)
"""The as-of date the kit uses unless a test class names another."""

_DEFAULT_AREA = "110105"
"""The county-level division code used when the region covers none the ID checker knows."""

PEOPLE_BY_ID = "recipient_resident_ids"
DISABILITY_PARTS = ("disability_kind", "disability_grade", "disability_certificate")
_PEOPLE_FIELD = PEOPLE_FIELDS
"""The field naming register people, by kind (the kinds table's ``people_field``)."""


class FormatGap(Exception):
    """The format cannot hold a valid record of some kind (a required field has no column)."""

    def __init__(self, kind: RecordKind, sheet: str, problem: str) -> None:
        self.kind = kind
        self.sheet = sheet
        self.problem = problem
        super().__init__(
            f"sheet {sheet!r} ({kind.value}) cannot hold a valid record: {problem}. "
            "Add a column for the missing field to the SheetFormat, or drop the sheet."
        )


def synthetic_phone(n: int) -> str:
    """A made-up mobile number, normalised: ``138000`` followed by five digits."""
    return f"138000{n % 100000:05d}"


def covered_fields(sheet: SheetFormat) -> frozenset[str]:
    """The record fields a sheet's columns fill, ledger-side fields resolved (``disability`` from
    its parts, the people field from ``recipient_resident_ids``, money flags from their amount)."""
    fields = {c.field for c in sheet.columns}
    if {"disability_kind", "disability_grade"} <= fields:
        fields.add("disability")
    if PEOPLE_BY_ID in fields and sheet.kind in _PEOPLE_FIELD:
        fields.add(_PEOPLE_FIELD[sheet.kind])
    if "value_yuan" in fields:
        fields.add("value_is_approximate")
    if sheet.kind is RecordKind.ACTIVITIES and "participant_keys" in fields:
        fields.add("unlinked_participants")  # written in the one 参与对象 column
    return frozenset(fields)


def _accepted_codes(column: FieldColumn) -> list[str]:
    """The codes a label column can both write and read, in enum order then label order."""
    mapping = column.label_map()
    codes = list(dict.fromkeys(mapping.values()))
    return [c for c in codes if column.label_of(c) in mapping and mapping[column.label_of(c)] == c]


def _fit_label(column: FieldColumn | None, value: Any) -> Any:
    """``value`` (a code or a set of codes) made expressible by ``column``."""
    if column is None or value is None:
        return value
    accepted = _accepted_codes(column)
    if not accepted:
        return None
    if isinstance(value, frozenset | set | tuple | list):
        kept = [v for v in value if str(v) in accepted]
        if not kept:
            kept = [accepted[0]]
        return type(value)(kept) if not isinstance(value, frozenset) else frozenset(kept)
    return value if str(value) in accepted else accepted[0]


def _known_area(area: str) -> bool:
    number = compose(area, date(1960, 1, 1), 101)
    return not any(f.code == "resident_id.unknown_area_code" for f in check(number).findings)


def _area(region: Region | None) -> str:
    """A county-level division code the region covers and the ID checker knows."""
    prefixes = region.division_codes if region is not None else ()
    candidates = [p for p in prefixes if len(p) == 6]
    for prefix in prefixes:
        if len(prefix) == 4:
            candidates += [prefix + s for s in ("02", "03", "04", "81", "21", "22")]
        elif len(prefix) == 2:
            candidates += [prefix + s for s in ("0102", "0103", "0104", "0105", "0106", "0202")]
    return next((a for a in candidates if _known_area(a)), _DEFAULT_AREA)


def _certified_on(n: int, start: date) -> date | None:
    """Worker ``n``'s 取证日期: none without a certificate; the second worker's within the year
    (a new certificate in every report), the others' before it."""
    if not list(CertificateLevel)[n % len(CertificateLevel)].is_certified:
        return None
    return start + timedelta(days=60) if n == 1 else start - timedelta(days=500)


def _name(i: int) -> str:
    return (
        words.FAMILY_NAMES[i % len(words.FAMILY_NAMES)]
        + words.GIVEN_NAMES[(i * 7) % len(words.GIVEN_NAMES)]
    )


def _station_codes(region: Region | None) -> list[tuple[StationTier, str | None, str]]:
    tiers = list(region.tiers) if region is not None else list(StationTier)
    area = _area(region)
    rows: list[tuple[StationTier, str | None, str]] = []
    parent: str | None = None
    for i, tier in enumerate(sorted(tiers, key=lambda t: t.depth)):
        code = f"{area}{i + 1:03d}"
        rows.append((tier, None if tier is StationTier.COUNTY_CENTRE else parent, code))
        parent = code
    return rows


_AGES = (84, 72, 66, 45, 12, 9, 38, 91, 61, 15, 53, 70, 27, 80, 6, 63)
_CATEGORY_CYCLE: tuple[tuple[str, ...], ...] = (
    (Category.SUBSISTENCE_ALLOWANCE, Category.ELDERLY_LIVING_ALONE),
    (Category.NEAR_SUBSISTENCE,),
    (Category.EXTREME_POVERTY_DISPERSED,),
    (Category.DISABLED_PERSON,),
    (Category.DE_FACTO_UNSUPPORTED_CHILD,),
    (Category.LEFT_BEHIND_CHILD,),
    (Category.TEMPORARY_ASSISTANCE,),
    (Category.ADVANCED_AGE_ELDERLY, Category.EMPTY_NEST_ELDERLY),
    (Category.LEFT_BEHIND_ELDERLY,),
    (Category.CHILD_IN_DIFFICULTY,),
    (Category.OTHER_IN_DIFFICULTY,),
    (Category.SUBSISTENCE_ALLOWANCE,),
)


def _local_fits(definition: CategoryDefinition, age: int) -> bool:
    rule = definition.age_rule
    if rule is None:
        return True
    return (rule.min_age is None or age >= rule.min_age) and (
        rule.under_age is None or age < rule.under_age
    )


def _recipient_data(
    i: int,
    *,
    as_of: date,
    area: str,
    stations: Sequence[tuple[StationTier, str | None, str]],
    worker_ids: Sequence[str],
    local_categories: Sequence[CategoryDefinition],
) -> dict[str, Any]:
    age = _AGES[i % len(_AGES)]
    birth = date(as_of.year - age - 1, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    number = compose(area, birth, 100 + i)
    categories = set(_CATEGORY_CYCLE[i % len(_CATEGORY_CYCLE)])
    fitting = [d for d in local_categories if _local_fits(d, age + 1)]
    if fitting and i % 3 == 0:
        categories.add(fitting[(i // 3) % len(fitting)].code)
    village = words.VILLAGES[i % len(words.VILLAGES)]
    registered = as_of - timedelta(days=20 + 29 * i)
    status = RegisterStatus.ACTIVE if i % 9 != 8 else RegisterStatus.EXITED
    data: dict[str, Any] = {
        "key": f"R{i + 1:04d}",
        "name": _name(i),
        "resident_id": number,
        "sex": sex_of(number),
        "birth_date": birth,
        "ethnicity": words.ETHNICITY,
        "phones": (synthetic_phone(i),)
        if i % 4
        else (synthetic_phone(i), synthetic_phone(500 + i)),
        "household_address": words.ADDRESS.format(village=village, number=i + 1),
        "residence_address": words.ADDRESS.format(village=village, number=i + 1),
        "township": words.TOWNSHIP,
        "village": village,
        "station_code": stations[-1][2],
        "household_head": _name(i - i % 2),
        "guardian": _name(i + 40) if age < 18 else None,
        "guardian_phone": synthetic_phone(900 + i) if age < 18 else None,
        "categories": frozenset(categories),
        "disability": None,
        "self_care": (SelfCareLevel.FULL, SelfCareLevel.PARTLY_LOST, SelfCareLevel.FULLY_LOST)[
            i % 3
        ],
        "declared_level": (ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_2, ServiceLevel.LEVEL_3)[i % 3],
        "worker_id": worker_ids[i % len(worker_ids)] if worker_ids else None,
        "registered_on": registered,
        "status": status,
        "status_since": as_of - timedelta(days=10) if status is not RegisterStatus.ACTIVE else None,
        "needs": words.NEEDS,
        "extras": {words.EXTRA_HEADER: words.EXTRA_VALUE.format(village=village)},
    }
    if i % 4 == 3:
        kind = list(DisabilityKind)[i % len(DisabilityKind)]
        grade = list(DisabilityGrade)[i % len(DisabilityGrade)]
        certificate = f"{number}{list(DisabilityKind).index(kind) + 1}{grade.number}"
        data["disability"] = Disability(kind=kind, grade=grade, certificate=certificate)
    return data


def _project(
    cls: type[Any],
    data: Mapping[str, Any],
    sheet: SheetFormat,
    *,
    fix: Callable[[dict[str, Any]], None] | None = None,
) -> Any:
    covered = covered_fields(sheet) | {"extras"}
    columns = {c.field: c for c in sheet.columns}
    kept: dict[str, Any] = {}
    for field, value in data.items():
        if field not in covered:
            continue
        column = columns.get(field)
        if column is not None and column.type.value == "label":
            value = _fit_label(column, value)
        kept[field] = value
    if "disability" in kept and kept["disability"] is not None:
        disability: Disability = kept["disability"]
        if "disability_certificate" not in covered:
            kept["disability"] = attrs.evolve(disability, certificate=None)
        if "disability_kind" in columns:
            kind = _fit_label(columns["disability_kind"], disability.kind.value)
            grade = _fit_label(columns.get("disability_grade"), disability.grade.value)
            if kind is None or grade is None:
                kept["disability"] = None
            else:
                kept["disability"] = attrs.evolve(
                    kept["disability"], kind=DisabilityKind(kind), grade=DisabilityGrade(grade)
                )
    if fix is not None:
        fix(kept)
    kept = {k: v for k, v in kept.items() if v is not None}
    try:
        return cls(**kept)
    except (TypeError, ValueError) as error:
        raise FormatGap(sheet.kind, sheet.sheet_names[0], str(error)) from error


def _fix_case(data: dict[str, Any]) -> None:
    stage = data.get("stage", CaseStage.INTAKE)
    if str(stage) == CaseStage.CLOSED.value and data.get("closed_on") is None:
        data["stage"] = CaseStage.INTERVENTION.value
    if str(data.get("stage", CaseStage.INTAKE.value)) != CaseStage.CLOSED.value:
        data.pop("closed_on", None)
        data.pop("closing_reason", None)


def _fix_activity(data: dict[str, Any]) -> None:
    if str(data.get("kind")) != ActivityKind.GROUP_SESSION.value:
        data.pop("session_number", None)


def synthetic_ledger(
    fmt: LedgerFormat,
    *,
    as_of: date = DEFAULT_AS_OF,
    region: Region | None = None,
    local_categories: Iterable[CategoryDefinition] = (),
    size: int = 12,
) -> Ledger:
    """A made-up ledger holding exactly what ``fmt`` can hold, ending on ``as_of``.

    :param fmt: the ledger format; only record kinds it has a sheet for are generated, only the
        fields it has columns for are filled, labelled values are codes its columns accept.
    :param as_of: the last day of the generated year of work.
    :param region: stations follow its tiers; ID numbers its division code when it has one.
    :param local_categories: local categories some people hold (those the format can read).
    :param size: how many people are on the register (at least 4).
    :raises FormatGap: the format cannot hold a valid record of one of its kinds.
    """
    size = max(size, 4)
    area = _area(region)
    sheets = {s.kind: s for s in fmt.sheets}
    stations_plan = _station_codes(region)
    worker_ids = [f"W{n + 1:03d}" for n in range(3)] if RecordKind.WORKERS in sheets else []
    local = list(local_categories)
    records: dict[str, list[Any]] = {}
    start = as_of - timedelta(days=364)

    if RecordKind.STATIONS in sheets:
        records["stations"] = [
            _project(
                Station,
                {
                    "code": code,
                    "name": words.STATION_NAMES[min(tier.depth, len(words.STATION_NAMES) - 1)],
                    "tier": tier.value,
                    "parent_code": parent,
                    "division_code": area,
                    "township": words.TOWNSHIP,
                    "village": words.VILLAGES[0] if tier is StationTier.VILLAGE_POINT else None,
                    "posts": 3 + n,
                    # the last station set up within the year: one new station per report
                    "established_on": start + timedelta(days=30)
                    if n == len(stations_plan) - 1
                    else start - timedelta(days=700 - 100 * n),
                },
                sheets[RecordKind.STATIONS],
            )
            for n, (tier, parent, code) in enumerate(stations_plan)
        ]
    if RecordKind.WORKERS in sheets:
        records["workers"] = [
            _project(
                SocialWorker,
                {
                    "id": wid,
                    "name": _name(60 + n),
                    "station_code": stations_plan[-1][2],
                    "certificate": list(CertificateLevel)[n % len(CertificateLevel)].value,
                    "certified_on": _certified_on(n, start),
                    "phone": synthetic_phone(700 + n),
                    "started_on": start - timedelta(days=400),
                    "left_on": as_of - timedelta(days=30) if n == 2 else None,
                },
                sheets[RecordKind.WORKERS],
            )
            for n, wid in enumerate(worker_ids)
        ]
    people: list[Recipient] = []
    if RecordKind.RECIPIENTS in sheets:
        people = [
            _project(
                Recipient,
                _recipient_data(
                    i,
                    as_of=as_of,
                    area=area,
                    stations=stations_plan,
                    worker_ids=worker_ids,
                    local_categories=local,
                ),
                sheets[RecordKind.RECIPIENTS],
            )
            for i in range(size)
        ]
        records["recipients"] = people
    keys = [p.key for p in people]
    case_ids: list[str] = []
    if RecordKind.CASES in sheets and keys:
        cases = []
        for n in range(3):
            opened = start + timedelta(days=40 + 90 * n)
            closed = n == 0
            cases.append(
                _project(
                    Case,
                    {
                        "id": f"C{n + 1:03d}",
                        "recipient_keys": (keys[(n * 2) % len(keys)],),
                        "opened_on": opened,
                        "stage": (CaseStage.CLOSED if closed else CaseStage.INTERVENTION).value,
                        "worker_id": worker_ids[n % len(worker_ids)] if worker_ids else None,
                        "problems": (render_message("testing.case_problem"),),
                        "goals": (render_message("testing.case_goal"),),
                        "closed_on": opened + timedelta(days=60) if closed else None,
                        "closing_reason": render_message("testing.case_closing")
                        if closed
                        else None,
                        "station_code": stations_plan[-1][2],
                    },
                    sheets[RecordKind.CASES],
                    fix=_fix_case,
                )
            )
        records["cases"] = cases
        case_ids = [c.id for c in cases]
    if RecordKind.CONTACTS in sheets and keys:
        modes = list(ContactMode)
        contacts = []
        for n in range(size * 3):
            person = people[n % len(people)]
            on = as_of - timedelta(days=3 + 11 * n)
            if person.registered_on is not None and on < person.registered_on:
                on = person.registered_on
            contacts.append(
                _project(
                    Contact,
                    {
                        "id": f"V{n + 1:04d}",
                        "on": on,
                        # most visits say when in the day (a quarter-hour), some only the day
                        "at": time(8 + n % 10, 15 * (n % 4)) if n % 3 else None,
                        "mode": modes[n % len(modes)].value,
                        "recipient_keys": (person.key,),
                        "worker_ids": (worker_ids[n % len(worker_ids)],) if worker_ids else (),
                        "case_id": case_ids[0] if case_ids and n % 10 == 0 else None,
                        "alert_id": words.CAMPAIGN_ID if n % 7 == 0 else None,
                        # the campaign's visits say whether they moved people (协助转移)
                        "relocated": n % 14 == 0 if n % 7 == 0 else None,
                        "notes": render_message(
                            "testing.contact_note",
                            phone=synthetic_phone(n % size) if person.phones else "",
                            resident_id=person.resident_id or "",
                        ),
                        "station_code": stations_plan[-1][2],
                    },
                    sheets[RecordKind.CONTACTS],
                )
            )
        records["contacts"] = contacts
    if RecordKind.RESOURCE_LINKS in sheets:
        kinds = list(ResourceKind)
        providers = list(ProviderKind)
        records["resource_links"] = [
            _project(
                ResourceLink,
                {
                    "id": f"L{n + 1:03d}",
                    "on": start + timedelta(days=30 + 50 * n),
                    "kind": kinds[n % len(kinds)].value,
                    "description": words.RESOURCE_DESCRIPTION,
                    "provider": words.RESOURCE_PROVIDER,
                    "provider_kind": providers[n % len(providers)].value,
                    "quantity": Decimal(2 + n),
                    "unit": words.RESOURCE_UNIT,
                    "value_yuan": Decimal(150 * (n + 1)),
                    "value_is_approximate": False,
                    "status": (LinkStatus.FULFILLED, LinkStatus.APPLYING)[n % 2].value,
                    "recipient_keys": (keys[n % len(keys)],) if keys else (),
                    "head_count": 5 + n,
                    "case_id": case_ids[0] if case_ids and n == 0 else None,
                    "worker_ids": (worker_ids[0],) if worker_ids else (),
                    "station_code": stations_plan[-1][2],
                },
                sheets[RecordKind.RESOURCE_LINKS],
            )
            for n in range(6)
        ]
    if RecordKind.ACTIVITIES in sheets:
        kinds_a = list(ActivityKind)
        partners = list(PartnerKind)
        activities = []
        for n in range(8):
            kind = kinds_a[n % len(kinds_a)]
            activities.append(
                _project(
                    Activity,
                    {
                        "id": f"E{n + 1:03d}",
                        "kind": kind.value,
                        "title": words.ACTIVITY_TITLES[n % len(words.ACTIVITY_TITLES)],
                        "on": start + timedelta(days=20 + 43 * n),
                        "station_code": stations_plan[-1][2],
                        "place": words.PLACE,
                        "group_name": words.GROUP_NAME
                        if kind is ActivityKind.GROUP_SESSION
                        else None,
                        "session_number": 1 + n // len(kinds_a)
                        if kind is ActivityKind.GROUP_SESSION
                        else None,
                        "participants": 10 + n,
                        "special_group_participants": 3 + n % 3,
                        "volunteers": 2 + n % 4,
                        "participant_keys": tuple(keys[n % len(keys) :][:2]) if keys else (),
                        "unlinked_participants": (words.UNREGISTERED_PARTICIPANT,)
                        if n % 4 == 1
                        else (),
                        "partners": frozenset(
                            {partners[n % len(partners)].value, partners[0].value}
                        ),
                        "partner_villages": tuple(words.VILLAGES[: 1 + n % 2]),
                        "partner_organisations": words.PARTNER_ORGANISATIONS[n % 2 :][:1],
                        "partner_charities": words.PARTNER_CHARITIES if n % 3 == 0 else (),
                        "partner_volunteer_teams": words.PARTNER_VOLUNTEER_TEAMS[n % 2 :][:1],
                        "campaign_id": words.CAMPAIGN_ID if n % 3 == 1 else None,
                        "worker_ids": (worker_ids[n % len(worker_ids)],) if worker_ids else (),
                        "summary": words.ACTIVITY_TITLES[(n + 1) % len(words.ACTIVITY_TITLES)],
                    },
                    sheets[RecordKind.ACTIVITIES],
                    fix=_fix_activity,
                )
            )
        records["activities"] = activities
    if RecordKind.CAMPAIGNS in sheets:
        records["campaigns"] = [
            _project(
                Campaign,
                {
                    "id": words.CAMPAIGN_ID,
                    "kind": AlertKind.COLD_WAVE.value,
                    "title": words.CAMPAIGN_TITLES[0],
                    "start": start,
                    "end": as_of,
                    "station_code": stations_plan[-1][2],
                },
                sheets[RecordKind.CAMPAIGNS],
            ),
            _project(
                Campaign,
                {
                    "id": words.PUBLICITY_WEEK_ID,
                    "kind": AlertKind.CAMPAIGN.value,
                    "title": words.CAMPAIGN_TITLES[1],
                    "start": start + timedelta(days=70),
                    "end": start + timedelta(days=76),
                    "notes": words.CAMPAIGN_TITLES[1],
                },
                sheets[RecordKind.CAMPAIGNS],
            ),
        ]
    if RecordKind.HANDOUTS in sheets:
        items = words.HANDOUT_ITEMS
        records["handouts"] = [
            _project(
                Handout,
                {
                    "id": f"H{n + 1:03d}",
                    "on": start + timedelta(days=70 + n),
                    "item": items[n % len(items)][0],
                    "quantity": Decimal(50 * (n + 1)) if n % 3 else Decimal("2.5"),
                    "unit": items[n % len(items)][1],
                    "people_reached": 10 + n if n % 2 == 0 else None,
                    "households_reached": 4 + n if n % 2 else None,
                    "campaign_id": (words.PUBLICITY_WEEK_ID, words.CAMPAIGN_ID, None)[n % 3],
                    "station_code": stations_plan[-1][2],
                    "worker_ids": (worker_ids[n % len(worker_ids)],) if worker_ids else (),
                    "notes": words.CAMPAIGN_TITLES[1] if n == 0 else None,
                },
                sheets[RecordKind.HANDOUTS],
            )
            for n in range(5)
        ]
    return ledger_of({RecordKind(kind): items for kind, items in records.items()})
