"""A ledger whose dates, modes, categories and levels are written as people write them loads
into the same records as one written in the library's own forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbooks import workbook

from socialwork_core.glossary import Category, ContactMode, Sex
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LedgerFormat, load_ledger
from socialwork_core.tabular import reading_year

ID_1 = resident_id.compose("110101", date(1945, 3, 2), 11)
ID_2 = resident_id.compose("110101", date(1960, 1, 2), 22)


def test_a_ledger_written_as_people_write_it_loads_every_value(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "台账.xlsx",
        {
            "服务对象": [
                ["档案号", "姓名", "身份证号", "性别", "出生日期", "对象类别", "建档日期"],
                ["A1", "甲", ID_1, "男性", "1945.03", "城乡低保、五保户", "2023年1月5号"],
                ["A2", "乙", ID_2, "女", "1960-1-2", "重度残疾+空巢", "45000"],
            ],
            "探访记录": [
                ["探访日期", "档案号", "探访方式"],
                ["1月5日", "A1", "微信视频"],
                [4.8, "A1", "入户走访"],
                ["5.20", "A2", "电话回访"],
                [20231201, "A2", "实地走访"],
            ],
        },
    )

    with reading_year(2023):
        result = load_ledger(path, fmt)

    assert not result.errors, [i.finding.message for i in result.errors]
    first, second = result.ledger.recipients
    assert first.sex is Sex.MALE and first.birth_date == date(1945, 3, 1)
    assert first.categories == {Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY}
    assert first.registered_on == date(2023, 1, 5)
    assert second.categories == {Category.DISABLED_PERSON, Category.EMPTY_NEST_ELDERLY}
    assert second.registered_on == date(2023, 3, 15)  # Excel serial 45000, stored as text
    assert [(c.on, c.mode) for c in result.ledger.contacts] == [
        (date(2023, 1, 5), ContactMode.VIDEO),
        (date(2023, 4, 8), ContactMode.HOME_VISIT),
        (date(2023, 5, 20), ContactMode.PHONE),
        (date(2023, 12, 1), ContactMode.HOME_VISIT),
    ]
    month_only = [i for i in result.issues if i.finding.code == "tabular.date_month_only"]
    assert [(i.row, i.raw) for i in month_only] == [(2, "1945.03")]


def test_without_the_sheets_year_a_year_less_visit_date_is_reported_at_its_cell(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "台账.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "甲"]],
            "探访记录": [["探访日期", "档案号", "探访方式"], ["1月5日", "A1", "入户"]],
        },
    )

    result = load_ledger(path, fmt)

    (issue,) = [i for i in result.issues if i.finding.code == "tabular.date_year_missing"]
    assert (issue.sheet, issue.row, issue.raw) == ("探访记录", 2, "1月5日")


def test_a_birth_year_typed_alone_is_that_year_flagged_at_its_cell_never_a_serial(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "台账.xlsx",
        {"服务对象": [["档案号", "姓名", "出生日期"], ["A1", "甲", 1950], ["A2", "乙", 300]]},
    )
    result = load_ledger(path, fmt)
    assert [(r.name, r.birth_date) for r in result.ledger.recipients] == [
        ("甲", date(1950, 1, 1)),
        ("乙", None),
    ]
    flagged = [
        (i.code, i.row, i.column, i.raw) for i in result.issues if i.code.startswith("tabular.date")
    ]
    assert flagged == [
        ("tabular.date_year_only", 2, "C", "1950"),
        ("tabular.date_invalid", 3, "C", "300"),
    ]
