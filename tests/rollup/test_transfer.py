"""A share crosses a process boundary (a pool, Dask) as rows of field values and arrives the same:
every record of every kind equal to the one sent, with the same values, extras and issues."""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs

from socialwork_core.ledger import RecordKind
from socialwork_core.rollup import ShareRequest
from socialwork_core.rollup.share import FileShare, read_share
from socialwork_core.rollup.transfer import packed, unpacked

from .conftest import Person, StationBook, Visit, resident


def _share(tmp_path: Path) -> FileShare:
    people = [
        Person("1", "张秀兰", resident(1), level="一级"),
        Person("2", "李建国", resident(2), categories="特困人员、残疾人"),
        Person("3", "王玉梅", None, guardian="王小明"),
    ]
    visits = [Visit(f"T{k}", f"2023-03-{k + 1:02d}", str(1 + k % 3)) for k in range(6)]
    path = StationBook("410223101", "第1镇社工站", people, visits).write(tmp_path / "站.xlsx")
    return read_share(path, ShareRequest(adapter="national"))


def test_a_share_pickled_and_taken_in_is_the_share_sent(tmp_path: Path) -> None:
    share = _share(tmp_path)
    assert share.recipients and share.contacts
    arrived = pickle.loads(pickle.dumps(share))
    assert arrived == share
    for kind, records in share.by_kind.items():
        for sent, got in zip(records, arrived.records(kind), strict=True):
            assert type(got) is type(sent)
            assert attrs.asdict(got, recurse=False) == attrs.asdict(sent, recurse=False)
    assert dict(arrived.recipients[0].extras) == dict(share.recipients[0].extras)


def test_records_of_one_class_travel_as_rows_others_as_they_are(tmp_path: Path) -> None:
    share = _share(tmp_path)
    people = share.records(RecordKind.RECIPIENTS)
    cls, rows = packed(people)
    assert cls is type(people[0]) and len(rows) == len(people)
    assert unpacked(cls, rows) == people
    mixed = (*people[:1], *share.contacts[:1])
    assert packed(mixed) == (None, mixed)
    assert unpacked(*packed(())) == ()
