"""Two tables on one sheet: the register and, under it, the visit log with its own title and
header (a station that keeps its ledger on one sheet). The register ends at the visit log's
header, which is no person, and the visits are read from the rows below it; a visit log above
the register is read from the rows above the register's title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.terms import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import RecordKind, load_ledger

CHEN = resident_id.compose("440111", date(1946, 3, 12), 11)
LI = resident_id.compose("440111", date(1950, 5, 2), 22)


def one_sheet(tmp_path: Path, *, gap: int = 2, note: str = "") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["一、服务对象名册"])
    sheet.append(["序号", "姓名", "身份证号", "对象类别", "备注"])
    sheet.append([1, "陈大明", CHEN, "低保", note])
    sheet.append([2, "李秀英", LI, "特困", ""])
    for _ in range(gap):
        sheet.append([])
    sheet.append(["二、走访记录"])
    sheet.append(["序号", "走访日期", "姓名", "身份证号", "走访方式", "走访内容"])
    sheet.append([1, "2024-01-05", "陈大明", CHEN, "入户", "了解近况"])
    sheet.append([2, "2024-01-19", "李秀英", LI, "电话", "询问需求"])
    sheet.append([3, "2024-02-02", "陈大明", CHEN, "入户", "送米油"])
    path = tmp_path / "one.xlsx"
    book.save(path)
    return path


def test_the_visit_log_under_the_register_is_read_as_the_visits(tmp_path: Path) -> None:
    result = load_ledger(one_sheet(tmp_path), FORMAT)
    assert [r.name for r in result.ledger.recipients] == ["陈大明", "李秀英"]
    keys = {r.name: r.key for r in result.ledger.recipients}
    assert [(c.on, c.mode, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 1, 5), ContactMode.HOME_VISIT, (keys["陈大明"],)),
        (date(2024, 1, 19), ContactMode.PHONE, (keys["李秀英"],)),
        (date(2024, 2, 2), ContactMode.HOME_VISIT, (keys["陈大明"],)),
    ]
    assert result.sheets == {RecordKind.RECIPIENTS: "台账", RecordKind.CONTACTS: "台账"}
    (ended,) = [i for i in result.issues if i.code == "tabular.table_ended"]
    assert ended.row == 8 and "走访日期" in ended.finding.message
    assert not result.errors


def test_the_visit_log_right_under_the_register_ends_it_too(tmp_path: Path) -> None:
    result = load_ledger(one_sheet(tmp_path, gap=0), FORMAT)
    assert len(result.ledger.recipients) == 2 and len(result.ledger.contacts) == 3
    assert not result.errors


def test_a_register_cell_that_says_a_visit_word_does_not_end_the_register(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, note="走访内容")
    result = load_ledger(path, FORMAT)
    assert [r.name for r in result.ledger.recipients] == ["陈大明", "李秀英"]
    (ended,) = [i for i in result.issues if i.code == "tabular.table_ended"]
    assert ended.row == 8


def test_a_visit_log_above_the_register_is_read_as_the_visits(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["走访记录"])
    sheet.append(["序号", "走访日期", "姓名", "身份证号", "走访方式", "走访内容"])
    sheet.append([1, "2024-01-05", "陈大明", CHEN, "入户", "了解近况"])
    sheet.append([2, "2024-01-19", "李秀英", LI, "电话", "询问需求"])
    sheet.append([])
    sheet.append(["服务对象名册"])  # the register's own title: none of the visits
    sheet.append(["序号", "姓名", "身份证号", "对象类别"])
    sheet.append([1, "陈大明", CHEN, "低保"])
    sheet.append([2, "李秀英", LI, "特困"])
    path = tmp_path / "above.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [r.name for r in result.ledger.recipients] == ["陈大明", "李秀英"]
    assert [c.on for c in result.ledger.contacts] == [date(2024, 1, 5), date(2024, 1, 19)]
    (above,) = [i for i in result.issues if i.code == "tabular.table_above"]
    assert above.row == 7
    assert not result.errors
