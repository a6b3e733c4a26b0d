"""What a report derives from a ledger's records is made once per ledger, and never outlives the
records it was made from."""

from __future__ import annotations

import gc

import attrs

from socialwork_core.indicators import RecordSet, recipients_by_key
from socialwork_core.indicators.per_ledger import _KEPT, derived
from socialwork_core.recipients import Recipient


def _ledger(*names: str) -> RecordSet:
    return RecordSet(
        recipients=tuple(Recipient(key=str(i), name=n) for i, n in enumerate(names, start=1))
    )


def test_a_value_is_made_once_while_the_ledger_holds_the_same_records() -> None:
    ledger = _ledger("张有才", "李秀莲")
    made: list[int] = []

    def make() -> int:
        made.append(1)
        return len(made)

    first = derived(ledger, ledger.recipients, "count", make)
    again = derived(ledger, ledger.recipients, "count", make)

    assert first == again == 1
    assert len(made) == 1


def test_other_records_or_another_ledger_make_it_again() -> None:
    ledger = _ledger("张有才")
    other = attrs.evolve(ledger, recipients=(*ledger.recipients, Recipient(key="9", name="王某")))

    assert list(recipients_by_key(ledger)) == ["1"]
    assert list(recipients_by_key(other)) == ["1", "9"]
    assert list(recipients_by_key(ledger)) == ["1"]


def test_records_in_a_list_are_read_every_time() -> None:
    class Plain:
        def __init__(self) -> None:
            self.recipients = [Recipient(key="1", name="张有才")]

    ledger = Plain()
    assert list(
        derived(ledger, ledger.recipients, "keys", lambda: [r.key for r in ledger.recipients])
    ) == ["1"]
    ledger.recipients.append(Recipient(key="2", name="李秀莲"))
    assert derived(
        ledger, ledger.recipients, "keys", lambda: [r.key for r in ledger.recipients]
    ) == ["1", "2"]


def test_the_value_is_forgotten_with_its_ledger() -> None:
    ledger = _ledger("张有才")
    recipients_by_key(ledger)
    key = (id(ledger), "register")
    assert key in _KEPT

    del ledger
    gc.collect()

    assert key not in _KEPT
