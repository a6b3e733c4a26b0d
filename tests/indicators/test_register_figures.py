"""建档 as the stock on the register at the end of the period, new registrations as their own
figure, and the household key; each figure worked out by hand from a small ledger.

The ledger (period: March 2024):

- 甲 registered 2023-05-01, household 甲家, active;
- 乙 registered 2024-03-10, household 甲家, active;
- 丙 registered 2024-03-12, died 2024-03-25;
- 丁 registered 2023-01-01, moved out 2024-04-10 (after the period: still on the register at its end);
- 戊 registered 2024-04-02 (after the period);
- 己 no registration date, address 城西路8号, active;
- 庚 registered 2022-06-01, exited with no date.
"""

from __future__ import annotations

from datetime import date

from socialwork_core import indicators as ind
from socialwork_core.glossary import RegisterStatus
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import month
from socialwork_core.recipients import Recipient

MARCH = month(2024, 3)


def _person(key: str, registered: date | None, **fields: object) -> Recipient:
    return Recipient(key=key, name=f"{key}某", registered_on=registered, **fields)  # type: ignore[arg-type]


def ledger() -> RecordSet:
    return RecordSet(
        recipients=(
            _person("甲", date(2023, 5, 1), household_head="甲家"),
            _person("乙", date(2024, 3, 10), household_head="甲家"),
            _person(
                "丙",
                date(2024, 3, 12),
                status=RegisterStatus.DECEASED,
                status_since=date(2024, 3, 25),
            ),
            _person(
                "丁",
                date(2023, 1, 1),
                status=RegisterStatus.MOVED_OUT,
                status_since=date(2024, 4, 10),
            ),
            _person("戊", date(2024, 4, 2)),
            _person("己", None, residence_address="城西路8号"),
            _person("庚", date(2022, 6, 1), status=RegisterStatus.EXITED),
        )
    )


def test_the_register_at_the_end_of_the_period_counts_the_living_who_have_not_left() -> None:
    # 甲, 乙, 丁 (leaves in April), 己 (no date: on the register); not 丙 (died), 戊, 庚
    assert ind.people_on_register(ledger(), MARCH).value == 4
    # 甲家 (甲, 乙), 丁 alone, 城西路8号 (己)
    assert ind.households_on_register(ledger(), MARCH).value == 3


def test_new_registrations_are_their_own_figure_whatever_became_of_the_person() -> None:
    assert ind.files_opened(ledger(), MARCH).value == 2  # 乙, 丙 (died since)
    assert ind.files_opened(ledger(), MARCH).label == "新增建档"
    assert ind.households_filed(ledger(), MARCH).value == 2  # 甲家, 丙 alone


def test_without_a_register_the_stock_is_not_computable() -> None:
    figure = ind.people_on_register(RecordSet(), MARCH)
    assert not figure.computable
    assert figure.reason_code == "reports.no_records"


def test_a_household_is_the_head_else_the_address_else_the_person() -> None:
    head = _person("a", None, household_head="王家", village="东村", station_code="S1")
    same_head = _person("b", None, household_head="王家 ", village="东村", station_code="S1")
    other_village = _person("c", None, household_head="王家", village="西村", station_code="S1")
    address = _person("d", None, residence_address="城西路 8号", station_code="S1")
    same_address = _person("e", None, household_address="城西路8号", station_code="S1")
    alone = _person("f", None)
    key = ind.household_key
    assert key(head) == key(same_head)
    assert key(head) != key(other_village)
    assert key(address) == key(same_address)  # spaces ignored; 户籍地址 when no 居住地址
    assert key(alone) == ("person", "f")
