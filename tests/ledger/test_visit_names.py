"""A visit log naming people by name only, as stations write it: 走访对象 for the person, 内容 for
what was done, and a household visited together written in one cell (陈大明、李秀英)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.identity import resident_id
from socialwork_core.ledger import LoadResult, load_ledger

CHEN = resident_id.compose("440111", date(1956, 3, 12), 11)
LI = resident_id.compose("440111", date(1962, 11, 8), 22)


def ledger(path: Path, *visits: list[Any]) -> LoadResult:
    book = openpyxl.Workbook()
    people = book.active
    people.title = "服务对象"
    people.append(["姓名", "身份证号", "村居"])
    people.append(["陈大明", CHEN, "东湖村"])
    people.append(["李秀英", LI, "东湖村"])
    log = book.create_sheet("走访记录")
    log.append(["时间", "走访对象", "方式", "内容"])
    for visit in visits:
        log.append(visit)
    book.save(path)
    return load_ledger(path, FORMAT)


def test_headers_a_visit_log_writes_its_own_way_are_read_by_meaning(tmp_path: Path) -> None:
    result = ledger(tmp_path / "l.xlsx", ["2024-01-05", "李秀英", "电话", "问候近况"])
    (visit,) = result.ledger.contacts
    assert (visit.on, visit.recipient_keys, visit.notes) == (date(2024, 1, 5), (LI,), "问候近况")
    read_as = {i.column for i in result.issues if i.code == "tabular.column_read_as"}
    assert {"B", "D"} <= read_as  # 走访对象 and 内容: each choice said
    assert not result.errors


def test_a_household_visited_together_is_one_visit_to_each_person_named(tmp_path: Path) -> None:
    result = ledger(tmp_path / "l.xlsx", ["2024-01-08", "陈大明、李秀英", "入户", "送米油"])
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == (CHEN, LI)
    assert not result.errors


def test_a_name_not_on_the_register_beside_one_that_is_keeps_the_visit_and_says_so(
    tmp_path: Path,
) -> None:
    result = ledger(tmp_path / "l.xlsx", ["2024-01-08", "陈大明，王不在", "入户", ""])
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == (CHEN,)
    assert not result.errors
    flagged = [i for i in result.issues if "王不在" in i.finding.message]
    assert flagged and all(i.severity.name == "WARNING" for i in flagged)
