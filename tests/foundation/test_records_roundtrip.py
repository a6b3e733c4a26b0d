"""Every record type round-trips through the one converter's JSON unchanged."""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import (
    ActivityKind,
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
    Sex,
    StationTier,
)
from socialwork_core.identity.resident_id import compose
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.resources import ResourceLink
from socialwork_core.serialize import ConversionError, dumps, loads, make_converter, structure
from socialwork_core.stations import SocialWorker, Station

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
keys = st.from_regex(r"[A-Z]{1,3}[0-9]{1,5}", fullmatch=True)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
money = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
ids = st.builds(
    compose,
    st.sampled_from(["110105", "441823", "410221"]),
    st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
    st.integers(0, 999),
)
phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
key_tuples = st.lists(keys, min_size=1, max_size=4, unique=True).map(tuple)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


disabilities = st.builds(
    Disability, kind=st.sampled_from(DisabilityKind), grade=st.sampled_from(DisabilityGrade)
)

recipients = st.builds(
    Recipient,
    key=keys,
    name=text,
    resident_id=optional(ids),
    sex=optional(st.sampled_from(Sex)),
    birth_date=optional(days),
    phones=st.lists(phones, max_size=3).map(tuple),
    village=optional(text),
    categories=st.frozensets(st.sampled_from(Category) | keys, max_size=4),
    disability=optional(disabilities),
    self_care=optional(st.sampled_from(SelfCareLevel)),
    declared_level=optional(st.sampled_from(ServiceLevel)),
    registered_on=optional(st.just(date(2000, 1, 1))),
    status=st.sampled_from(RegisterStatus),
    status_since=optional(days),
    extras=st.dictionaries(text, st.text(max_size=10), max_size=3),
)
stations = st.builds(
    Station,
    code=keys,
    name=text,
    tier=st.just(StationTier.TOWNSHIP_STATION),
    parent_code=optional(st.just("COUNTY")),
    posts=optional(st.integers(0, 50)),
)
workers = st.builds(
    SocialWorker,
    id=keys,
    name=text,
    certificate=st.sampled_from(CertificateLevel),
    phone=optional(phones),
)
contacts = st.builds(
    Contact,
    id=keys,
    on=days,
    at=optional(st.times().map(lambda t: t.replace(microsecond=0))),
    mode=st.sampled_from(ContactMode),
    recipient_keys=key_tuples,
    worker_ids=st.lists(keys, max_size=2, unique=True).map(tuple),
    case_id=optional(keys),
    notes=optional(text),
)
links = st.builds(
    ResourceLink,
    id=keys,
    on=days,
    kind=st.sampled_from(ResourceKind),
    description=text,
    provider_kind=optional(st.sampled_from(ProviderKind)),
    quantity=optional(money),
    unit=optional(text),
    value_yuan=optional(money),
    value_is_approximate=st.booleans(),
    status=st.sampled_from(LinkStatus),
    recipient_keys=key_tuples,
    head_count=optional(st.integers(0, 500)),
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    opened = draw(days)
    closed = draw(st.booleans())
    return Case(
        id=draw(keys),
        recipient_keys=draw(key_tuples),
        opened_on=opened,
        stage=CaseStage.CLOSED if closed else draw(st.sampled_from(list(CaseStage)[:-1])),
        closed_on=opened if closed else None,
        closing_reason=draw(optional(text)),
        problems=tuple(draw(st.lists(text, max_size=2))),
    )


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    participants = draw(st.integers(0, 300))
    kind = draw(st.sampled_from(ActivityKind))
    return Activity(
        id=draw(keys),
        kind=kind,
        title=draw(text),
        on=draw(days),
        group_name=draw(text) if kind is ActivityKind.GROUP_SESSION else None,
        session_number=draw(st.integers(1, 8)) if kind is ActivityKind.GROUP_SESSION else None,
        participants=participants,
        special_group_participants=draw(st.integers(0, participants)),
        volunteers=draw(st.integers(0, 50)),
        partners=draw(st.frozensets(st.sampled_from(PartnerKind))),
    )


RECORDS = {
    Recipient: recipients,
    Station: stations,
    SocialWorker: workers,
    Contact: contacts,
    ResourceLink: links,
    Case: cases(),
    Activity: activities(),
}


@pytest.mark.parametrize("record_type", list(RECORDS), ids=lambda t: t.__name__)
@given(data=st.data())
def test_every_record_type_round_trips_through_json(
    record_type: type[Any], data: st.DataObject
) -> None:
    record = data.draw(RECORDS[record_type])
    converter = make_converter()
    text_form = dumps(converter, record)
    json.loads(text_form)  # real JSON, no custom objects left
    assert loads(converter, text_form, record_type) == record


def test_decimal_money_stays_exact_text() -> None:
    link = ResourceLink(
        id="L1",
        on=date(2022, 3, 1),
        kind=ResourceKind.FUNDS,
        description="助学金",
        value_yuan=Decimal("0.10"),
        recipient_keys=("R1",),
    )
    data = make_converter().unstructure(link)
    assert data["value_yuan"] == "0.10"
    assert data["on"] == "2022-03-01"
    assert data["kind"] == "funds"


def test_unknown_keys_are_rejected_on_input() -> None:
    with pytest.raises(ConversionError) as raised:
        structure(make_converter(), {"key": "R1", "name": "测试", "nickname": "x"}, Recipient)
    assert "nickname" in str(raised.value)


def test_money_given_as_a_float_is_rejected() -> None:
    data = {
        "id": "L1",
        "on": "2022-03-01",
        "kind": "funds",
        "description": "x",
        "value_yuan": 0.1,
        "recipient_keys": ["R1"],
    }
    with pytest.raises(ConversionError):
        structure(make_converter(), data, ResourceLink)


def test_enums_are_read_by_code_and_unknown_codes_are_rejected() -> None:
    base = {"id": "C1", "on": "2022-03-01", "mode": "home_visit", "recipient_keys": ["R1"]}
    assert structure(make_converter(), base, Contact).mode is ContactMode.HOME_VISIT
    with pytest.raises(ConversionError):
        structure(make_converter(), {**base, "mode": "入户"}, Contact)


def test_times_round_trip() -> None:
    contact = Contact(
        id="C1", on=date(2022, 1, 1), at=time(9, 30), mode="phone", recipient_keys="R1"
    )
    converter = make_converter()
    assert loads(converter, dumps(converter, contact), Contact) == contact


def test_text_where_a_list_is_expected_is_refused_not_split_into_characters() -> None:
    data = {
        "id": "K1",
        "recipient_keys": ["R1"],
        "opened_on": "2022-01-01",
        "problems": "家庭关系紧张",
    }
    with pytest.raises(ConversionError, match="problems"):
        structure(make_converter(), data, Case)
    data["problems"] = ["家庭关系紧张"]
    assert structure(make_converter(), data, Case).problems == ("家庭关系紧张",)
