"""Two tables on one sheet: the register and, under it, the visit log with its own title and
header (a station that keeps its ledger on one sheet). The register ends at the visit log's
header, which is no person, and the visits are read from the rows below it; a visit log above
the register is read from the rows above the register's title."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.terms import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import RecordKind, explain, load_ledger, mapping_text, read_mapping
from socialwork_core.plugins import load_plugins

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


VISITS_ABOVE = 40
"""More visits than the rows a header is first looked for in (``ReadLimits.header_search_rows``)."""


def long_log_above(tmp_path: Path) -> Path:
    """One sheet: a visit log of ``VISITS_ABOVE`` rows, naming people by 档案号 only (its header
    alone names no ledger format), then two empty rows, the register's title and header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["记录编号", "走访日期", "档案号", "走访方式"])
    for n in range(VISITS_ABOVE):
        sheet.append([f"V{n + 1:03}", date(2024, 1, 1 + n % 28), ("A1", "A2")[n % 2], "入户"])
    sheet.append([])
    sheet.append([])
    sheet.append(["2024年服务对象名册"])
    sheet.append(["档案号", "姓名", "身份证号", "对象类别"])
    sheet.append(["A1", "陈大明", CHEN, "低保"])
    sheet.append(["A2", "李秀英", LI, "特困"])
    path = tmp_path / "long.xlsx"
    book.save(path)
    return path


def test_a_register_under_a_visit_log_longer_than_the_header_search_is_found(
    tmp_path: Path,
) -> None:
    result = load_ledger(long_log_above(tmp_path), FORMAT)
    assert [r.name for r in result.ledger.recipients] == ["陈大明", "李秀英"]
    assert len(result.ledger.contacts) == VISITS_ABOVE
    assert result.sheets == {RecordKind.RECIPIENTS: "台账", RecordKind.CONTACTS: "台账"}
    (above,) = [i for i in result.issues if i.code == "tabular.table_above"]
    assert above.row == VISITS_ABOVE + 5  # the register's header, under its title
    # no sheet is named as the layout names the register's or the log's: each said so
    found = [i for i in result.issues if i.code == "tabular.sheet_found_by_headers"]
    assert len(found) == 2 and all(i.sheet == "台账" for i in found)
    assert not result.errors


def test_the_format_of_a_register_under_a_long_visit_log_is_detected(tmp_path: Path) -> None:
    found = load_plugins().detect_workbook_format(long_log_above(tmp_path))
    assert found is not None and found.format.name == FORMAT.name


@pytest.mark.parametrize("visits", [2, 14, 30])
def test_a_visit_log_naming_people_above_the_register_is_no_register_however_long(
    tmp_path: Path, visits: int
) -> None:
    """The log's header names people as a register's does (姓名 | 身份证号) beside a visit's
    date and mode: read at the top of the sheet, it would pass for a register with a visit on
    each row. The register's header lower down explains more of a register (对象类别): its rows
    are the people, and the log's the visits, however long the log."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["走访记录"])
    sheet.append(["序号", "走访日期", "姓名", "身份证号", "走访方式", "走访内容"])
    for n in range(visits):
        person = (("陈大明", CHEN), ("李秀英", LI))[n % 2]
        sheet.append([n + 1, date(2024, 1, 1 + n % 28), *person, "入户", "了解近况"])
    sheet.append([])
    sheet.append(["服务对象名册"])
    sheet.append(["序号", "姓名", "身份证号", "对象类别"])
    sheet.append([1, "陈大明", CHEN, "低保"])
    sheet.append([2, "李秀英", LI, "特困"])
    path = tmp_path / "above.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [(r.name, r.categories) for r in result.ledger.recipients] == [
        ("陈大明", {"subsistence_allowance"}),
        ("李秀英", {"extreme_poverty"}),
    ]
    assert len(result.ledger.contacts) == visits
    (above,) = [i for i in result.issues if i.code == "tabular.table_above"]
    assert above.row == visits + 5
    assert not result.errors


@pytest.mark.parametrize("build", [one_sheet, long_log_above], ids=["log under", "log above"])
def test_the_map_finds_the_visit_log_on_the_register_sheet_as_the_load_does(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path)
    explained = explain(path, FORMAT)
    result = load_ledger(path, FORMAT)
    assert [(s.kind, s.sheet) for s in explained] == [
        (RecordKind.RECIPIENTS, "台账"),
        (RecordKind.CONTACTS, "台账"),
    ]
    assert {s.kind: s.sheet for s in explained} == result.sheets
    contacts = explained[1]
    assert "on" in [c.field for c in contacts.columns]


@pytest.mark.parametrize("build", [one_sheet, long_log_above], ids=["log under", "log above"])
def test_the_mapping_the_map_writes_for_a_sheet_of_two_tables_reads_them_back(
    tmp_path: Path, build: Callable[[Path], Path]
) -> None:
    path = build(tmp_path)
    written = tmp_path / "mapping.toml"
    written.write_text(mapping_text(explain(path, FORMAT)), encoding="utf-8")
    guessed = load_ledger(path, FORMAT)
    mapped = load_ledger(path, FORMAT, mapping=read_mapping(written, FORMAT))
    assert mapped.ledger.recipients == guessed.ledger.recipients
    assert [(c.on, c.recipient_keys) for c in mapped.ledger.contacts] == [
        (c.on, c.recipient_keys) for c in guessed.ledger.contacts
    ]
    assert not mapped.errors
