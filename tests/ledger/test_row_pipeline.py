"""One row pipeline: the quick way (rows generated into records) and the reporting way take the
same rows, in the same order, with the same places, whatever rows that are not data lie between.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbooks import workbook

from socialwork_core.glossary import ContactMode
from socialwork_core.ledger import FieldColumn, LedgerFormat, SheetFormat, ValueType, load_ledger
from socialwork_core.serialize import make_converter

FORMAT = LedgerFormat(
    "plain",
    [
        SheetFormat(
            "recipients",
            ("服务对象",),
            [FieldColumn("key", ("档案号",), required=True), FieldColumn("name", ("姓名",))],
            required=True,
        ),
        SheetFormat(
            "contacts",
            ("探访记录",),
            [
                FieldColumn("on", ("探访日期",), ValueType.DATE, required=True),
                FieldColumn("recipient_keys", ("档案号",), multi=True, required=True),
                FieldColumn("mode", ("探访方式",), ValueType.LABEL, enum=ContactMode),
            ],
        ),
    ],
)

HEADER = ["探访日期", "档案号", "探访方式"]
PHONE = ContactMode.PHONE.label


def test_rows_that_are_not_data_are_skipped_the_same_way_on_both_ways(tmp_path: Path) -> None:
    # a sheet laid out as a format writes it (the quick way serves it) with a repeated header
    # and a section heading among the visits: neither is a refused visit, and the visits after
    # them are numbered as data rows on both ways (contacts-2, not contacts-4)
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "甲"], ["A2", "乙"]],
            "探访记录": [
                HEADER,
                [date(2023, 1, 5), "A1", PHONE],
                HEADER,
                ["一、城关镇", None, None],
                [date(2023, 1, 6), "A2", PHONE],
            ],
        },
    )
    quick = load_ledger(path, FORMAT)
    general = load_ledger(path, FORMAT, converter=make_converter())
    for result in (quick, general):
        assert [c.id for c in result.ledger.contacts] == ["contacts-1", "contacts-2"]
        assert result.rejected == ()
        skipped = [i.row for i in result.issues if i.code == "tabular.non_data_row_skipped"]
        assert skipped == [3, 4]
    assert quick.ledger == general.ledger and quick.issues == general.issues
