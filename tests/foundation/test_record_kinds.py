"""The table of record kinds: one row per kind, and every module that treats kinds alike reads it."""

from __future__ import annotations

import typing
from datetime import date

import attrs
import pytest

from socialwork_core.contacts import Contact
from socialwork_core.glossary import ContactMode, StationTier, enumerations
from socialwork_core.indicators import LedgerLike, RecordSet, scoped, station_shares, tier_share
from socialwork_core.indicators.records import unattributed
from socialwork_core.ledger import RECORD_CLASSES, Ledger, RecordKind, ledger_of, record_id
from socialwork_core.recipients import Recipient
from socialwork_core.record_kinds import RECORD_KINDS, RecordKindSpec, spec_of
from socialwork_core.stations import SocialWorker, Station


def test_every_kind_has_one_row_in_load_order_with_the_register_first() -> None:
    assert sorted(s.kind for s in RECORD_KINDS) == sorted(RecordKind)
    orders = [s.load_order for s in RECORD_KINDS]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    assert RECORD_KINDS[0].kind is RecordKind.RECIPIENTS


def test_there_is_one_record_kind_enumeration() -> None:
    assert [e for e in enumerations() if e.__name__ == "RecordKind"] == [RecordKind]
    assert spec_of("contacts") is spec_of(RecordKind.CONTACTS)


@pytest.mark.parametrize("spec", RECORD_KINDS, ids=lambda s: s.kind.value)
def test_each_row_names_a_ledger_attribute_holding_its_class(spec: RecordKindSpec) -> None:
    ledger_fields = typing.get_type_hints(Ledger)
    assert ledger_fields[spec.attribute] == tuple[spec.record_class, ...]
    assert typing.get_type_hints(RecordSet)[spec.attribute] == tuple[spec.record_class, ...]
    assert spec.attribute in dir(LedgerLike)
    assert RECORD_CLASSES[spec.kind] is spec.record_class
    assert spec.label and spec.in_reasons


def test_a_row_naming_a_field_its_class_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="people_field 'people' is not a field of Contact"):
        RecordKindSpec(
            kind=RecordKind.CONTACTS,
            record_class=Contact,
            attribute="contacts",
            id_field="id",
            load_order=3,
            people_field="people",
        )


def _small_ledger() -> Ledger:
    return ledger_of(
        {
            RecordKind.RECIPIENTS: [
                Recipient(key="A1", name="甲", station_code="S1"),
                Recipient(key="B1", name="乙", station_code="S2"),
            ],
            RecordKind.STATIONS: [
                Station(code="S1", name="城关镇社工站", tier=StationTier.TOWNSHIP_STATION),
                Station(code="S2", name="河口镇社工站", tier=StationTier.TOWNSHIP_STATION),
            ],
            RecordKind.WORKERS: [SocialWorker(id="W1", name="社工甲", station_code="S1")],
            RecordKind.CONTACTS: [
                # one names its station, one is placed by the person it reached
                Contact(
                    id="c1",
                    on=date(2022, 3, 1),
                    mode=ContactMode.PHONE,
                    recipient_keys=("B1",),
                    station_code="S2",
                ),
                Contact(
                    id="c2", on=date(2022, 3, 2), mode=ContactMode.PHONE, recipient_keys=("A1",)
                ),
            ],
        }
    )


def test_records_and_ids_are_read_through_the_table() -> None:
    ledger = _small_ledger()
    for spec in RECORD_KINDS:
        assert ledger.records(spec.kind) == getattr(ledger, spec.attribute)
    assert record_id(RecordKind.RECIPIENTS, ledger.recipients[0]) == "A1"
    assert record_id(RecordKind.STATIONS, ledger.stations[1]) == "S2"
    assert record_id(RecordKind.CONTACTS, ledger.contacts[1]) == "c2"


def test_shares_place_every_kind_by_its_station_field_and_visits_by_their_people() -> None:
    ledger = _small_ledger()
    one = scoped(ledger, "S1")
    assert [r.key for r in one.recipients] == ["A1"]
    assert [s.code for s in one.stations] == ["S1"]
    assert [w.id for w in one.workers] == ["W1"]
    assert [c.id for c in one.contacts] == ["c2"]
    shares = station_shares(ledger, ["S1", "S2"])
    for code in ("S1", "S2"):
        assert attrs.asdict(shares[code], recurse=False) == attrs.asdict(
            scoped(ledger, code), recurse=False
        )
    tier = tier_share(ledger, StationTier.TOWNSHIP_STATION)
    assert [c.id for c in tier.contacts] == ["c1"]  # a visit naming no station is in no tier
    assert unattributed(ledger) is None
