"""A visit's people are looked for on the register in the cell's own lines (``ledger.known_keys``):
a one-key tuple is remembered only for someone the register holds, and a visit naming anyone
else, alone or beside others, still goes the general way, which reports it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from workbooks import workbook

from socialwork_core.ledger import (
    FieldColumn,
    LedgerFormat,
    RecordKind,
    SheetFormat,
    ValueType,
    load_ledger,
    table_spec,
)
from socialwork_core.ledger.building import RecordBuilder
from socialwork_core.ledger.compiled import UNSURE, compile_rows
from socialwork_core.serialize import make_converter
from socialwork_core.tabular import open_workbook, read_table

FORMAT = LedgerFormat(
    "known keys",
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
            ],
        ),
    ],
)

DAY = date(2024, 3, 5)


def ledger(tmp_path: Path, visits: list[list[Any]]) -> Path:
    return workbook(
        tmp_path / "visits.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "王秀英"], ["A2", "李建军"]],
            "探访记录": [["探访日期", "档案号"], *visits],
        },
    )


def quick_visits(path: Path) -> tuple[list[Any], dict[str, Any]]:
    """What the quick way answers for each visit row, and the row function's own tables."""
    builder = RecordBuilder(make_converter(), library_converter=True)
    with open_workbook(path) as book:
        register = read_table(book, table_spec(FORMAT.sheets[0]))
        people = compile_rows(builder, RecordKind.RECIPIENTS, register)
        assert people is not None
        for position, (index, cells) in enumerate(register.data_rows(), start=1):
            builder.remember(people(index, cells, position))
        builder.recipients_loaded = True
        table = read_table(book, table_spec(FORMAT.sheets[1]))
        row = compile_rows(builder, RecordKind.CONTACTS, table)
        assert row is not None
        answers = [
            row(index, cells, position)
            for position, (index, cells) in enumerate(table.data_rows(), start=1)
        ]
    return answers, row.__globals__


def test_only_registered_people_are_remembered_and_anyone_else_goes_the_general_way(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path,
        [[DAY, "A1"], [DAY, "B9"], [DAY, "A1"], [DAY, "B9"], [DAY, "A1、A2"], [DAY, "A2、B9"]],
    )
    answers, tables = quick_visits(path)
    assert [a is UNSURE for a in answers] == [False, True, False, True, False, True]
    assert [a.recipient_keys for a in answers if a is not UNSURE] == [
        ("A1",),
        ("A1",),
        ("A1", "A2"),
    ]
    assert answers[0].recipient_keys is answers[2].recipient_keys  # one tuple shared
    remembered = {k for name, v in tables.items() if name.startswith("ones_") for k in v}
    assert remembered == {"A1"}


def test_visits_naming_someone_off_the_register_read_as_the_general_way_reads_them(
    tmp_path: Path,
) -> None:
    path = ledger(tmp_path, [[DAY, "A1"], [DAY, "B9"], [DAY, "A2、B9"], [DAY, "A2"], [DAY, "B9"]])
    quick = load_ledger(path, FORMAT)
    general = load_ledger(path, FORMAT, converter=make_converter())
    assert quick.ledger.contacts == general.ledger.contacts
    assert [c.recipient_keys for c in quick.ledger.contacts] == [("A1",), ("A2",)]
    assert quick.issues == general.issues
    assert quick.rejected == general.rejected
    assert len(quick.rejected) == 3  # the three visits naming B9, each said
