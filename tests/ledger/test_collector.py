"""The garbage collector is paused while a ledger loads, and left as it was found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from socialwork_core.ledger import LedgerFormat, load_ledger
from socialwork_core.ledger.collector import collector_paused
from socialwork_core.tabular import WorkbookError


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_inside_and_on_again_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_pause_made_is_left_to_the_full_collections(collector_on: None) -> None:
    # no collection of the youngest generation right after the pause re-examines the records
    with collector_paused():
        made = [[i] for i in range(50_000)]
    assert gc.get_count()[0] < 1_000
    assert gc.get_freeze_count() == 0
    assert len(made) == 50_000


def test_objects_the_program_froze_stay_frozen(collector_on: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            made = [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert len(made) == 1_000
    finally:
        gc.unfreeze()


def test_a_collector_switched_off_by_the_caller_stays_off(collector_on: None) -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_overlapping_pauses_end_when_the_last_one_ends(collector_on: None) -> None:
    first_in, second_out = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with collector_paused():
            first_in.set()
            second_out.wait()
        seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    thread.start()
    first_in.wait()
    with collector_paused():
        pass
    seen.append(gc.isenabled())  # the other thread's pause still runs
    second_out.set()
    thread.join()
    assert seen == [False, True]


def test_a_load_that_fails_leaves_the_collector_on(
    collector_on: None, tmp_path: Path, fmt: LedgerFormat
) -> None:
    with pytest.raises(WorkbookError):
        load_ledger(tmp_path / "missing.xlsx", fmt)
    assert gc.isenabled()


def test_a_load_leaves_the_collector_on(
    collector_on: None, acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    assert load_ledger(acceptance_ledger, fmt).ledger.recipients
    assert gc.isenabled()
