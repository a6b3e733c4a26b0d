"""A visit's 协助转移 column (issue #13 point 4: the flood's people moved to safety): found by any
of the headers visit logs use, read from 是/否, ticks and 已/未 words, a word it cannot read flagged
at its cell with the visit kept, written back as it was read, offered in the blank template, and
carried through the converter. Built on the national layout; every built-in layout derives its
visit sheet from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from socialwork_national.formats import FORMAT, RELOCATION_HEADERS
from workbooks import workbook

from socialwork_core import serialize
from socialwork_core.contacts import Contact
from socialwork_core.ledger import (
    Ledger,
    RecordKind,
    load_ledger,
    write_ledger,
    write_template,
)
from socialwork_core.ledger.template import accepted_words
from socialwork_core.plugins import load_plugins
from socialwork_core.recipients import Recipient
from socialwork_core.tabular import Issue

REGISTER = [["档案号", "姓名"], ["G1", "张桂英"], ["G2", "李秀兰"], ["G3", "王建国"]]
FLOOD_DAY = date(2024, 4, 23)


def visits(header: str, *cells: object) -> list[list[object]]:
    """One flood visit per cell, to G1, G2, G3 … in turn, the cell under ``header``."""
    rows: list[list[object]] = [["探访日期", "档案号", "探访方式", "所属专项", header]]
    rows += [[FLOOD_DAY, f"G{n + 1}", "入户", "HL", cell] for n, cell in enumerate(cells)]
    return rows


def read(tmp_path: Path, header: str, *cells: object) -> tuple[Ledger, list[Issue]]:
    path = workbook(tmp_path / "l.xlsx", {"服务对象": REGISTER, "探访记录": visits(header, *cells)})
    result = load_ledger(path, FORMAT)
    return result.ledger, [i for i in result.issues if i.sheet == "探访记录"]


@pytest.mark.parametrize("header", RELOCATION_HEADERS)
def test_the_column_is_found_by_any_of_its_headers(tmp_path: Path, header: str) -> None:
    ledger, issues = read(tmp_path, header, "是", "否")
    assert [c.relocated for c in ledger.contacts] == [True, False]
    assert issues == []


@pytest.mark.parametrize(
    ("cell", "moved"),
    [
        ("是", True),
        ("√", True),
        ("已转移", True),
        ("已协助转移", True),
        ("否", False),
        ("×", False),
        ("未转移", False),
        ("无需转移", False),
        (None, None),
    ],
)
def test_a_cell_is_read_by_its_meaning(
    tmp_path: Path, cell: str | None, moved: bool | None
) -> None:
    ledger, issues = read(tmp_path, "是否转移", cell)
    assert [c.relocated for c in ledger.contacts] == [moved]
    assert issues == []


def test_a_word_it_cannot_read_is_flagged_at_its_cell_and_the_visit_kept(tmp_path: Path) -> None:
    ledger, issues = read(tmp_path, "协助转移", "是", "待定", "否")
    assert [(c.recipient_keys, c.relocated) for c in ledger.contacts] == [
        (("G1",), True),
        (("G2",), None),
        (("G3",), False),
    ]
    (issue,) = issues
    assert (issue.code, issue.row, issue.column, issue.header, issue.raw) == (
        "tabular.yes_no_invalid",
        3,
        "E",
        "协助转移",
        "待定",
    )
    assert "待定" in issue.message and "是" in issue.message


def ledger_with_moves() -> Ledger:
    def visit(cid: str, key: str, moved: bool | None) -> Contact:
        return Contact(
            id=cid,
            on=FLOOD_DAY,
            mode="home_visit",
            recipient_keys=(key,),
            alert_id="HL",
            relocated=moved,
        )

    return Ledger(
        recipients=[Recipient(key=k, name=n) for k, n in REGISTER[1:]],
        contacts=[visit("V1", "G1", True), visit("V2", "G2", False), visit("V3", "G3", None)],
    )


def test_write_ledger_writes_it_back_as_it_was_read(tmp_path: Path) -> None:
    ledger = ledger_with_moves()
    path = write_ledger(tmp_path / "out.xlsx", ledger, FORMAT)
    sheet = openpyxl.load_workbook(path)["探访记录"]
    headers = [c.value for c in sheet[1]]
    column = headers.index(RELOCATION_HEADERS[0])
    assert [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "是",
        "否",
        None,
    ]
    assert load_ledger(path, FORMAT).ledger.contacts == ledger.contacts


@pytest.mark.parametrize("adapter", ["national", "guangdong", "henan", "anhui"])
def test_every_built_in_layout_reads_and_writes_it(adapter: str, tmp_path: Path) -> None:
    fmt = load_plugins().ledger_formats(adapter=adapter)[0]
    ledger = ledger_with_moves()
    again = load_ledger(write_ledger(tmp_path / "out.xlsx", ledger, fmt), fmt).ledger
    assert [c.relocated for c in again.contacts] == [True, False, None]


def test_the_blank_template_offers_yes_and_no_under_its_header(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", FORMAT))
    sheet = FORMAT.sheet_for(RecordKind.CONTACTS)
    assert sheet is not None
    (column,) = [c for c in sheet.columns if c.field == "relocated"]
    assert accepted_words(column) == ("是", "否")
    assert column.header in [c.value for c in book[sheet.sheet_names[0]][1]]


def test_the_converter_carries_it_and_refuses_a_word_for_a_yes_or_no() -> None:
    converter = serialize.make_converter()
    moved, unsaid = ledger_with_moves().contacts[0], ledger_with_moves().contacts[2]
    for contact in (moved, unsaid):
        data = converter.unstructure(contact)
        assert serialize.structure(converter, data, Contact) == contact
    data = {**converter.unstructure(moved), "relocated": "否"}
    with pytest.raises(serialize.ConversionError, match="relocated"):
        serialize.structure(converter, data, Contact)
