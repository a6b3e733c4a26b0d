"""A birth date that cannot be is a warning at the person's row, never taken at its word
(issue #16: 195001 read as an Excel serial is 2433-11-21)."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork_core.ledger import birth_date_plausible
from socialwork_core.recipients import Recipient

AS_OF = date(2023, 4, 1)


def person(birth: date | None, resident_id: str | None = None) -> Recipient:
    return Recipient(key="R1", name="测试", birth_date=birth, resident_id=resident_id)


@pytest.mark.parametrize(
    ("birth", "code", "words"),
    [
        (date(2433, 11, 21), "recipient.birth_after_as_of", "2433-11-21"),
        (date(2023, 4, 2), "recipient.birth_after_as_of", "2023-04-02"),
        (date(1850, 1, 1), "recipient.birth_before_earliest", "1890"),
    ],
)
def test_an_impossible_birth_date_is_a_warning(birth: date, code: str, words: str) -> None:
    (finding,) = birth_date_plausible(person(birth), AS_OF)
    assert finding.code == code and finding.severity.value == "warning"
    assert words in finding.message


@pytest.mark.parametrize("birth", [date(1890, 1, 1), date(1950, 1, 15), AS_OF, None])
def test_a_possible_birth_date_passes(birth: date | None) -> None:
    assert birth_date_plausible(person(birth), AS_OF) == []


def test_the_id_number_s_birth_date_is_the_one_checked() -> None:
    born_1949 = person(date(2433, 11, 21), resident_id="11010519491231002X")
    assert birth_date_plausible(born_1949, AS_OF) == []
