"""A register kept by household (低保户花名册): each row a household named by its head, with no
column of the person's own name. The head is the person (``FieldColumn.stands_in_for``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.identity import resident_id
from socialwork_core.ledger import load_ledger

CHEN = resident_id.compose("440111", date(1956, 3, 12), 11)
LI = resident_id.compose("440111", date(1962, 11, 8), 22)


def register(path: Path, header: list[str], *rows: list[Any]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "花名册"
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_register_of_households_names_each_by_its_head(tmp_path: Path) -> None:
    path = register(
        tmp_path / "households.xlsx",
        ["序号", "户主姓名", "身份证号码", "家庭人口", "村（居）"],
        [1, "陈大明", CHEN, 3, "东湖村"],
        [2, "李秀英", LI, 1, "西湖村"],
    )
    result = load_ledger(path, FORMAT)
    assert [(p.name, p.household_head, p.village) for p in result.ledger.recipients] == [
        ("陈大明", "陈大明", "东湖村"),
        ("李秀英", "李秀英", "西湖村"),
    ]
    assert not result.errors
    said = [i for i in result.issues if i.code == "tabular.column_read_as" and i.column == "B"]
    assert any("代替" in i.finding.message for i in said)  # 户主姓名 read as 姓名: said so


def test_a_register_of_members_keeps_the_head_as_the_household(tmp_path: Path) -> None:
    path = register(
        tmp_path / "members.xlsx",
        ["序号", "户主姓名", "成员姓名", "身份证号码", "村（居）"],
        [1, "陈大明", "陈大明", CHEN, "东湖村"],
        [2, "陈大明", "李秀英", LI, "东湖村"],
    )
    result = load_ledger(path, FORMAT)
    assert [(p.name, p.household_head) for p in result.ledger.recipients] == [
        ("陈大明", "陈大明"),
        ("李秀英", "陈大明"),
    ]
    assert not result.errors
