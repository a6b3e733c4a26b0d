"""A register with no category column whose free-text column (情况说明) says the categories among
the person's circumstances: the column is found by what it means, each person takes the category
words in it, the rest of the text stays as written, and a finding names the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.terms import Category
from socialwork_core.identity import resident_id
from socialwork_core.ledger import load_ledger

PEOPLE = [
    ("陈大明", resident_id.compose("440111", date(1946, 3, 12), 11), "独居，低保户，腿脚不便"),
    ("李秀英", resident_id.compose("440111", date(1950, 5, 2), 22), "患高血压。特困供养"),
    ("王建国", resident_id.compose("440111", date(1961, 7, 9), 33), "残疾/家中无劳动力"),
    ("张桂兰", resident_id.compose("440111", date(1939, 1, 30), 44), "高龄 需定期送药"),
    ("刘小平", resident_id.compose("440111", date(1970, 8, 1), 55), ""),
]


def register(tmp_path: Path, header: str, texts: list[str], *, category: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "服务对象"
    sheet.append(["姓名", "身份证号", *(["对象类别"] if category else []), header])
    for (name, number, _), text in zip(PEOPLE, texts, strict=True):
        sheet.append([name, number, *(["低保"] if category else []), text])
    path = tmp_path / "r.xlsx"
    book.save(path)
    return path


def categories(path: Path) -> dict[str, frozenset[str]]:
    return {r.name: r.categories for r in load_ledger(path, FORMAT).ledger.recipients}


def test_the_categories_are_the_category_words_of_a_free_text_column(tmp_path: Path) -> None:
    path = register(tmp_path, "情况说明", [text for *_, text in PEOPLE])
    assert categories(path) == {
        "陈大明": {Category.ELDERLY_LIVING_ALONE.value, Category.SUBSISTENCE_ALLOWANCE.value},
        "李秀英": {Category.EXTREME_POVERTY.value},
        "王建国": {Category.DISABLED_PERSON.value},
        "张桂兰": {Category.ADVANCED_AGE_ELDERLY.value},
        "刘小平": frozenset(),
    }
    result = load_ledger(path, FORMAT)
    (said,) = [i for i in result.issues if i.code == "ledger.categories_from_text"]
    assert "情况说明" in said.finding.message and "4人" in said.finding.message
    assert said.column == "C"
    (chen,) = [r for r in result.ledger.recipients if r.name == "陈大明"]
    assert chen.extras["情况说明"] == "独居，低保户，腿脚不便"  # the text stays as written
    assert not result.errors


def test_a_remark_column_that_names_a_category_for_few_people_gives_none(tmp_path: Path) -> None:
    texts = ["低保户", "", "2023年新增", "动态管理", "已核实"]
    path = register(tmp_path, "备注", texts)
    assert all(not c for c in categories(path).values())
    result = load_ledger(path, FORMAT)
    assert "ledger.categories_from_text" not in [i.code for i in result.issues]


def test_a_register_with_a_category_column_reads_its_categories_there(tmp_path: Path) -> None:
    path = register(tmp_path, "情况说明", [text for *_, text in PEOPLE], category=True)
    assert set(categories(path).values()) == {frozenset({Category.SUBSISTENCE_ALLOWANCE.value})}


def test_a_slip_in_a_category_word_is_read_as_the_word_it_is_one_slip_from_and_flagged(
    tmp_path: Path,
) -> None:
    texts = ["独居，低宝户，腿脚不便", "患高血压。特因供养", "特因", "高龄 需定期送药", "腿脚不便"]
    path = register(tmp_path, "情况说明", texts)
    result = load_ledger(path, FORMAT)
    assert {r.name: r.categories for r in result.ledger.recipients} == {
        "陈大明": {Category.ELDERLY_LIVING_ALONE.value, Category.SUBSISTENCE_ALLOWANCE.value},
        "李秀英": {Category.EXTREME_POVERTY.value},
        "王建国": {Category.EXTREME_POVERTY.value},
        "张桂兰": {Category.ADVANCED_AGE_ELDERLY.value},
        "刘小平": frozenset(),  # kept, with no category
    }
    flagged = [
        (i.code, i.row, i.column, i.raw)
        for i in result.issues
        if i.code in ("ledger.category_slip_read", "ledger.categories_text_unread")
    ]
    assert flagged == [
        ("ledger.category_slip_read", 2, "C", "独居，低宝户，腿脚不便"),
        ("ledger.category_slip_read", 3, "C", "患高血压。特因供养"),
        ("ledger.category_slip_read", 4, "C", "特因"),
        ("ledger.categories_text_unread", 6, "C", "腿脚不便"),
    ]
    slip = next(i for i in result.issues if i.code == "ledger.category_slip_read")
    assert "“低宝户”" in slip.finding.message and "“低保户”" in slip.finding.message
    assert not result.errors
