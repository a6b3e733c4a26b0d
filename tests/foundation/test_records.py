"""Domain records validate at construction and never carry a file format."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from socialwork_core.casework import Activity, Case
from socialwork_core.contacts import Contact
from socialwork_core.glossary import (
    ActivityKind,
    CaseStage,
    CertificateLevel,
    ContactMode,
    RegisterStatus,
    ResourceKind,
    StationTier,
)
from socialwork_core.recipients import Recipient
from socialwork_core.resources import ResourceLink
from socialwork_core.stations import SocialWorker, Station

ID = "11010519491231002X"


def test_a_recipient_accepts_a_raw_id_and_keeps_it_normalised() -> None:
    assert Recipient(key="R1", name="测试", resident_id=" 11010519491231002x").resident_id == ID


def test_a_recipient_refuses_an_unusable_id() -> None:
    with pytest.raises(ValueError, match="wrong_check_character"):
        Recipient(key="R1", name="测试", resident_id="110105194912310021")


def test_a_recipient_holds_several_categories_at_once() -> None:
    person = Recipient(
        key="R1", name="测试", categories=["subsistence_allowance", "disabled_person"]
    )
    assert person.holds("subsistence_allowance") and person.holds("disabled_person")


def test_records_are_frozen() -> None:
    person = Recipient(key="R1", name="测试")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        person.name = "改名"  # type: ignore[misc]
    assert attrs.evolve(person, name="改名").name == "改名"


def test_extras_cannot_be_changed_through_the_record() -> None:
    person = Recipient(key="R1", name="测试", extras={"备注": "原文"})
    with pytest.raises(TypeError):
        person.extras["备注"] = "改动"  # type: ignore[index]


def test_people_who_left_the_register_are_off_it_from_the_status_date() -> None:
    person = Recipient(
        key="R1",
        name="测试",
        registered_on=date(2020, 1, 1),
        status=RegisterStatus.DECEASED,
        status_since=date(2022, 3, 10),
    )
    assert person.is_on_register(date(2022, 3, 9))
    assert not person.is_on_register(date(2022, 3, 10))
    assert not person.is_on_register(date(2019, 12, 31))


def test_a_blank_name_is_refused() -> None:
    with pytest.raises(ValueError, match="name"):
        Recipient(key="R1", name="  ")


def test_a_county_centre_has_no_parent_and_a_station_is_not_its_own_parent() -> None:
    with pytest.raises(ValueError):
        Station(code="C", name="县总站", tier=StationTier.COUNTY_CENTRE, parent_code="X")
    with pytest.raises(ValueError):
        Station(code="S", name="镇站", tier=StationTier.TOWNSHIP_STATION, parent_code="S")


def test_a_worker_in_post_between_start_and_leaving() -> None:
    worker = SocialWorker(
        id="W1",
        name="社工甲",
        certificate=CertificateLevel.ASSISTANT,
        started_on=date(2021, 1, 1),
        left_on=date(2022, 1, 1),
    )
    assert worker.certificate.is_certified
    assert worker.in_post(date(2021, 6, 1)) and not worker.in_post(date(2022, 1, 1))


def test_a_contact_names_at_least_one_person_once() -> None:
    with pytest.raises(ValueError):
        Contact(id="C1", on=date(2022, 3, 1), mode=ContactMode.PHONE, recipient_keys=())
    with pytest.raises(ValueError):
        Contact(id="C1", on=date(2022, 3, 1), mode=ContactMode.PHONE, recipient_keys=("R1", "R1"))


def test_a_contact_mode_is_taken_as_a_member_or_its_code_and_nothing_else() -> None:
    def mode(value: object) -> ContactMode:
        return Contact(id="C1", on=date(2022, 3, 1), mode=value, recipient_keys=("R1",)).mode

    assert mode(ContactMode.PHONE) is ContactMode.PHONE
    assert mode("phone") is ContactMode.PHONE
    with pytest.raises(ValueError):
        mode("电话")  # a label is the ledger reader's business, not the record's
    # a mode the ledger left empty or wrote in words not understood: the visit is kept, its mode
    # unknown (it counts in no figure of a mode and meets no visit requirement)
    assert mode(None) is None


def test_a_resource_link_reaches_named_people_or_a_head_count() -> None:
    with pytest.raises(ValueError, match="head count"):
        ResourceLink(id="L1", on=date(2022, 3, 1), kind=ResourceKind.GOODS, description="棉被")
    crowd = ResourceLink(
        id="L2", on=date(2022, 3, 1), kind=ResourceKind.GOODS, description="棉被", head_count=43
    )
    assert crowd.people_reached == 43


def test_money_must_be_decimal_never_float() -> None:
    with pytest.raises(TypeError):
        ResourceLink(
            id="L1",
            on=date(2022, 3, 1),
            kind=ResourceKind.FUNDS,
            description="助学金",
            value_yuan=0.1,  # type: ignore[arg-type]
            head_count=1,
        )


def test_a_closed_case_needs_its_closing_date_and_an_open_case_has_none() -> None:
    with pytest.raises(ValueError):
        Case(id="K1", recipient_keys=("R1",), opened_on=date(2022, 1, 1), stage=CaseStage.CLOSED)
    with pytest.raises(ValueError):
        Case(
            id="K1", recipient_keys=("R1",), opened_on=date(2022, 1, 1), closed_on=date(2022, 2, 1)
        )
    closed = Case(
        id="K1",
        recipient_keys=("R1",),
        opened_on=date(2022, 1, 1),
        stage=CaseStage.CLOSED,
        closed_on=date(2022, 2, 1),
    )
    assert closed.is_open_on(date(2022, 1, 31)) and not closed.is_open_on(date(2022, 2, 1))


def test_special_group_participants_cannot_exceed_participants() -> None:
    with pytest.raises(ValueError):
        Activity(
            id="A1",
            kind=ActivityKind.COMMUNITY_ACTIVITY,
            title="重阳节活动",
            on=date(2022, 10, 4),
            participants=10,
            special_group_participants=11,
        )


def test_only_group_sessions_are_numbered() -> None:
    with pytest.raises(ValueError):
        Activity(
            id="A1",
            kind=ActivityKind.PUBLICITY,
            title="宣传",
            on=date(2022, 10, 4),
            session_number=1,
        )
