"""A system's export: a row of field codes under the header (XM | XB | SFZHM) and columns of
words written as codes (人员类别 01, 05; 走访方式 1, 2) that a legend sheet of the workbook
explains. The codes row is no person; a coded column is read through the legend that fits it
(its label and its meaning), and said so; one with no legend is a warning naming the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.terms import Category, ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import load_ledger

PEOPLE = [
    ("陈大明", resident_id.compose("610327", date(1946, 3, 12), 11), "01,05"),
    ("李秀英", resident_id.compose("610327", date(1950, 5, 2), 22), "02"),
    ("王建国", resident_id.compose("610327", date(1961, 7, 9), 33), "01"),
]
LEGEND = [
    ("字段", "代码", "名称"),
    ("人员类别(RYLB)", "01", "低保"),
    ("", "02", "特困"),
    ("", "05", "独居老人"),
    ("走访方式(ZFFS)", "1", "入户走访"),
    ("", "2", "电话"),
]


def export(tmp_path: Path, legend: list[tuple[str, str, str]] | None = LEGEND) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "服务对象"
    sheet.append(["姓名(必填)", "公民身份号码(必填)", "人员类别(必填)"])
    sheet.append(["XM", "SFZHM", "RYLB"])
    for person in PEOPLE:
        sheet.append(list(person))
    log = book.create_sheet("走访记录")
    log.append(["姓名", "公民身份号码", "走访日期", "走访方式"])
    log.append(["XM", "SFZHM", "ZFRQ", "ZFFS"])
    log.append(["陈大明", PEOPLE[0][1], "2024-04-05", "1"])
    log.append(["李秀英", PEOPLE[1][1], "2024-04-09", "2"])
    if legend is not None:
        codes = book.create_sheet("代码说明")
        for row in legend:
            codes.append(list(row))
    path = tmp_path / "export.xlsx"
    book.save(path)
    return path


def test_coded_columns_are_read_through_the_legend_sheet(tmp_path: Path) -> None:
    result = load_ledger(export(tmp_path), FORMAT)
    assert {r.name: r.categories for r in result.ledger.recipients} == {
        "陈大明": {Category.SUBSISTENCE_ALLOWANCE.value, Category.ELDERLY_LIVING_ALONE.value},
        "李秀英": {Category.EXTREME_POVERTY.value},
        "王建国": {Category.SUBSISTENCE_ALLOWANCE.value},
    }
    assert [c.mode for c in result.ledger.contacts] == [ContactMode.HOME_VISIT, ContactMode.PHONE]
    said = [i for i in result.issues if i.code == "tabular.codes_from_legend"]
    assert [(i.sheet, i.column) for i in said] == [("服务对象", "C"), ("走访记录", "D")]
    assert "代码说明" in said[0].finding.message
    assert not result.errors


def test_the_row_of_field_codes_under_the_header_is_no_person(tmp_path: Path) -> None:
    result = load_ledger(export(tmp_path), FORMAT)
    assert [r.name for r in result.ledger.recipients] == ["陈大明", "李秀英", "王建国"]
    skipped = [(i.sheet, i.row) for i in result.issues if "字段代码行" in i.finding.message]
    assert skipped == [("服务对象", 2), ("走访记录", 2)]


def test_a_coded_column_with_no_legend_is_a_warning_naming_it_and_the_people_stay(
    tmp_path: Path,
) -> None:
    result = load_ledger(export(tmp_path, legend=None), FORMAT)
    assert len(result.ledger.recipients) == 3
    warned = [i for i in result.issues if i.code == "tabular.codes_without_legend"]
    assert [(i.sheet, i.column) for i in warned] == [("服务对象", "C"), ("走访记录", "D")]
    assert "人员类别(必填)" in warned[0].finding.message


def test_a_legend_whose_words_are_no_categories_is_not_the_columns(tmp_path: Path) -> None:
    other = [("人员类别(RYLB)", "01", "甲等"), ("", "02", "乙等"), ("", "05", "丙等")]
    result = load_ledger(export(tmp_path, legend=other), FORMAT)
    assert all(not r.categories for r in result.ledger.recipients)
    assert "tabular.codes_without_legend" in [i.code for i in result.issues]


def test_a_register_headed_with_field_codes_only_is_read_by_their_initials(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "服务对象"
    sheet.append(["XM", "XB", "SFZHM", "LXDH", "JTZZ", "RYLB"])  # no names over the codes
    for (name, number, _), sex, category in zip(
        PEOPLE, "男女男", ("低保", "特困", "低保"), strict=True
    ):
        sheet.append([name, sex, number, "13800000000", "东湖村3组", category])
    path = tmp_path / "export.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [
        (r.name, r.resident_id, r.phones, r.residence_address, r.categories)
        for r in result.ledger.recipients
    ] == [
        (name, number, ("13800000000",), "东湖村3组", {category.value})
        for (name, number, _), category in zip(
            PEOPLE,
            (
                Category.SUBSISTENCE_ALLOWANCE,
                Category.EXTREME_POVERTY,
                Category.SUBSISTENCE_ALLOWANCE,
            ),
            strict=True,
        )
    ]
    said = [i for i in result.issues if i.code == "tabular.column_read_as"]
    assert [i.column for i in said] == ["A", "B", "C", "D", "E", "F"]
    assert all("拼音首字母" in i.finding.message for i in said)
    assert not result.errors
