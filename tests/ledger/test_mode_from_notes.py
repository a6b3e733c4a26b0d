"""A visit log with no mode column: the mode is read from the words its account opens with, so
such visits count where the form counts visits by mode; an account that names none stays without
a mode, and both are counted in a finding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.meaning import mode_in_text
from socialwork_core.glossary.terms import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import load_ledger

CHEN = resident_id.compose("440111", date(1956, 3, 12), 11)


@pytest.mark.parametrize(
    ("account", "mode"),
    [
        ("入户走访，老人身体良好", ContactMode.HOME_VISIT),
        ("电话询问近况。已提醒按时服药", ContactMode.PHONE),
        ("微信视频通话，孩子学习正常", ContactMode.VIDEO),
        ("老人来站咨询高龄津贴", ContactMode.STATION_VISIT),
        ("送米油两袋", None),
        ("了解近况，电话无人接听后入户", None),  # the first clause names no mode
    ],
)
def test_the_mode_an_account_opens_with(account: str, mode: ContactMode | None) -> None:
    assert mode_in_text(account) is mode


def test_a_log_without_a_mode_column_takes_each_visits_mode_from_its_account(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    book.active.title = "服务对象"
    book.active.append(["姓名", "身份证号"])
    book.active.append(["陈大明", CHEN])
    log = book.create_sheet("探访记录")
    log.append(["探访日期", "姓名", "探访情况"])
    log.append(["2024-01-05", "陈大明", "入户走访，老人身体良好"])
    log.append(["2024-01-19", "陈大明", "电话询问近况"])
    log.append(["2024-02-02", "陈大明", "送米油两袋"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [c.mode for c in result.ledger.contacts] == [
        ContactMode.HOME_VISIT,
        ContactMode.PHONE,
        None,
    ]
    (said,) = [i for i in result.issues if i.code == "ledger.mode_from_notes"]
    assert "2条" in said.finding.message and "1条无法判断" in said.finding.message
    assert not result.errors


def test_a_log_with_a_mode_column_keeps_what_the_column_says(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "服务对象"
    book.active.append(["姓名", "身份证号"])
    book.active.append(["陈大明", CHEN])
    log = book.create_sheet("探访记录")
    log.append(["探访日期", "姓名", "探访方式", "探访情况"])
    log.append(["2024-01-05", "陈大明", "", "入户走访，老人身体良好"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [c.mode for c in result.ledger.contacts] == [None]  # the column left empty: unsaid
    assert "ledger.mode_from_notes" not in [i.code for i in result.issues]
