"""The Ledger value: lookups, equality on records, and refusal of ambiguous keys."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork_core.contacts import Contact
from socialwork_core.findings import Finding
from socialwork_core.glossary import ContactMode, Severity, StationTier
from socialwork_core.ledger import Ledger, RecordKind
from socialwork_core.recipients import Recipient
from socialwork_core.stations import SocialWorker, Station
from socialwork_core.tabular import Issue


def person(key: str, **fields: object) -> Recipient:
    return Recipient(key=key, name="甲", **fields)  # type: ignore[arg-type]


def test_lookups_by_key_id_number_station_worker_and_contacts() -> None:
    number = "11010119500102011X"
    ledger = Ledger(
        recipients=[person("A1"), person("A2")],
        stations=[
            Station(code="441823001", name="城关镇社工站", tier=StationTier.TOWNSHIP_STATION)
        ],
        workers=[SocialWorker(id="W1", name="社工甲")],
        contacts=[
            Contact(id="c1", on=date(2022, 3, 1), mode=ContactMode.PHONE, recipient_keys=("A2",))
        ],
    )
    assert ledger.recipient("A2") is ledger.recipients[1]
    assert ledger.by_resident_id(number) is None
    assert ledger.station("441823001") is ledger.stations[0]
    assert ledger.worker("W1") is ledger.workers[0]
    assert [c.id for c in ledger.contacts_of("A2")] == ["c1"] and ledger.contacts_of("A1") == ()
    assert ledger.records(RecordKind.RECIPIENTS) == ledger.recipients


def test_ledgers_with_equal_records_are_equal_whatever_issues_they_carry() -> None:
    remark = Issue(Finding.of("tabular.extra_columns_kept", Severity.INFO, headers="x"))
    assert Ledger(recipients=[person("A1")], issues=[remark]) == Ledger(recipients=[person("A1")])


def test_two_recipients_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError, match="share the key"):
        Ledger(recipients=[person("A1"), person("A1")])
