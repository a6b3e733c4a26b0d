"""A roll-up of monthly files tells the same visit written again from another visit to the same
person on the same day by its time of day (``Contact.at``, in the identical-visit signature)."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from socialwork_core.rollup import ShareRequest, roll_up

from .conftest import Person, StationBook, Visit, resident

NATIONAL = ShareRequest(adapter="national")


def test_a_visit_repeated_in_the_next_months_file_counts_once_and_a_later_one_that_day_too(
    tmp_path: Path,
) -> None:
    zhang = Person("1", "张有才", resident(11))
    morning = Visit("T1", "2023-01-10 09:30", "1")
    afternoon = Visit("T2", "2023-01-10 下午3时", "1")
    book = "410223101", "十八里镇社工站"
    StationBook(*book, (zhang,), (morning,)).write(tmp_path / "2023-01.xlsx")
    StationBook(*book, (zhang,), (morning, afternoon)).write(tmp_path / "2023-02.xlsx")
    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger
    assert sorted((c.on, c.at) for c in ledger.contacts) == [
        (date(2023, 1, 10), time(9, 30)),
        (date(2023, 1, 10), time(15)),
    ]
