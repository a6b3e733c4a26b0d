"""Loading rules beyond the acceptance ledger: references, duplicates, record rules, issues workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from workbooks import workbook

from socialwork_core.glossary import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import (
    FieldColumn,
    LedgerFormat,
    SheetFormat,
    ValueType,
    load_ledger,
)
from socialwork_core.tabular import WorkbookError

ID_1 = resident_id.compose("110101", date(1950, 1, 2), 11)
ID_2 = resident_id.compose("110101", date(1960, 1, 2), 21)


PEOPLE = [["档案号", "姓名", "身份证号"], ["A1", "甲", ID_1], ["A2", "乙", ID_2]]


def test_contacts_name_people_by_key_or_by_id_number_and_lookups_find_them(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": PEOPLE,
            "探访记录": [
                ["探访日期", "档案号", "身份证号", "探访方式"],
                ["2022-03-01", "A1", None, "入户"],
                ["2022-03-02", None, ID_2, "电话"],
                ["2022-03-03", "A1", ID_2, "视频"],
            ],
        },
    )
    ledger = load_ledger(path, fmt).ledger
    assert [c.recipient_keys for c in ledger.contacts] == [("A1",), ("A2",), ("A1", "A2")]
    assert [c.mode for c in ledger.contacts_of("A2")] == [ContactMode.PHONE, ContactMode.VIDEO]
    person = ledger.by_resident_id(ID_2)
    assert person is not None and person.key == "A2"
    assert ledger.recipient("A1") is not None and ledger.recipient("nobody") is None


def test_a_contact_naming_somebody_not_on_the_register_is_rejected(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": PEOPLE,
            "探访记录": [["探访日期", "档案号", "探访方式"], ["2022-03-01", "A9", "入户"]],
        },
    )
    result = load_ledger(path, fmt)
    (rejected,) = result.rejected
    assert [(i.row, i.column, i.header, i.raw, i.code) for i in rejected.issues] == [
        (2, "B", "档案号", "A9", "ledger.unknown_recipient")
    ]
    assert result.ledger.contacts == ()


def test_a_repeated_key_or_id_number_rejects_the_later_row(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {"服务对象": [*PEOPLE, ["A1", "丙", None], ["A3", "丁", ID_2]]},
    )
    result = load_ledger(path, fmt)
    assert [(r.row, [i.code for i in r.issues]) for r in result.rejected] == [
        (4, ["ledger.duplicate_key"]),
        (5, ["ledger.duplicate_resident_id"]),
    ]
    assert "第2行" in result.rejected[0].issues[0].message


def test_a_recipient_with_neither_key_nor_id_number_is_keyed_by_name_and_village(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(tmp_path / "l.xlsx", {"服务对象": [["姓名", "村居"], ["甲", "东村"]]})
    result = load_ledger(path, fmt)
    assert result.rejected == ()
    assert [r.key for r in result.ledger.recipients] == ["甲·东村"]


def test_the_id_number_is_the_key_when_the_ledger_has_no_file_number(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(tmp_path / "l.xlsx", {"服务对象": [["姓名", "身份证号"], ["甲", ID_1]]})
    (person,) = load_ledger(path, fmt).ledger.recipients
    assert person.key == ID_1


def test_a_row_the_record_rules_refuse_is_rejected_with_the_reason(tmp_path: Path) -> None:
    cases = LedgerFormat(
        "cases",
        [
            SheetFormat(
                "cases",
                ("个案",),
                [
                    FieldColumn("id", ("个案编号",), required=True),
                    FieldColumn("recipient_keys", ("档案号",), multi=True, required=True),
                    FieldColumn("opened_on", ("接案日期",), ValueType.DATE, required=True),
                    FieldColumn("closed_on", ("结案日期",), ValueType.DATE),
                ],
            )
        ],
    )
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "个案": [
                ["个案编号", "档案号", "接案日期", "结案日期"],
                ["G1", "A1", "2022-03-01", "2022-02-01"],
            ]
        },
    )
    (rejected,) = load_ledger(path, cases).rejected
    (issue,) = rejected.issues
    assert (issue.row, issue.code) == (2, "ledger.record_invalid")
    assert "closed_on" in issue.message


def test_a_missing_required_sheet_is_an_error_an_optional_one_a_remark(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(tmp_path / "l.xlsx", {"资金": [["序号"], [1]]})
    with pytest.raises(WorkbookError) as error:
        load_ledger(path, fmt)
    assert error.value.code == "tabular.sheet_not_found"


def test_unknown_columns_of_other_sheets_are_kept_and_written_back(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    from socialwork_core.ledger import RecordKind, write_ledger

    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": PEOPLE,
            "探访记录": [
                ["探访日期", "档案号", "探访方式", "天气"],
                ["2022-03-01", "A1", "入户", "晴"],
                ["2022-03-02", "A2", "电话", None],
            ],
        },
    )
    ledger = load_ledger(path, fmt).ledger
    assert dict(ledger.extras_of(RecordKind.CONTACTS, "contacts-1")) == {"天气": "晴"}
    assert dict(ledger.extras_of(RecordKind.CONTACTS, "contacts-2")) == {}
    again = load_ledger(write_ledger(tmp_path / "again.xlsx", ledger, fmt), fmt).ledger
    assert again.contacts == ledger.contacts
    assert again.extras == ledger.extras


def test_a_plain_text_column_for_a_field_of_several_values_is_split_not_spelled_out(
    tmp_path: Path,
) -> None:
    cases = LedgerFormat(
        "cases",
        [
            SheetFormat(
                "cases",
                ("个案",),
                [
                    FieldColumn("id", ("个案编号",), required=True),
                    FieldColumn("recipient_keys", ("档案号",), required=True),
                    FieldColumn("opened_on", ("接案日期",), ValueType.DATE, required=True),
                    FieldColumn("problems", ("主要问题",)),
                ],
            )
        ],
    )
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "个案": [
                ["个案编号", "档案号", "接案日期", "主要问题"],
                ["G1", "A1", "2022-03-01", "家庭关系紧张、就医困难"],
            ]
        },
    )
    (case,) = load_ledger(path, cases).ledger.cases
    assert case.recipient_keys == ("A1",)
    assert case.problems == ("家庭关系紧张", "就医困难")
