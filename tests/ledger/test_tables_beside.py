"""Two tables side by side on one sheet: the register on the left and, past empty columns, the
visit log on the right with its own header (a worker who keeps both in view). The register is
read left of the gap, so no visit is taken for the person in the same row and the log's 姓名 is
no guardian; the visits are read from the columns right of it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from socialwork_national.formats import FORMAT

from socialwork_core.glossary.terms import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import RecordKind, load_ledger

NAMES = ["陈大明", "李秀英", "王建国"]
IDS = [resident_id.compose("440111", date(1946, 3, d), 11 + 2 * d) for d in (1, 2, 3)]
VISITS = [
    ("2024-01-05", "王建国", "入户"),
    ("2024-01-09", "陈大明", "电话"),
    ("2024-01-19", "王建国", "电话"),
    ("2024-02-02", "李秀英", "入户"),
]


def side_by_side(tmp_path: Path, gap: int = 2) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    blank = [None] * gap
    sheet.append(["姓名", "身份证号", "对象类别", *blank, "走访日期", "姓名", "走访方式"])
    for i, visit in enumerate(VISITS):
        person = [NAMES[i], IDS[i], "低保"] if i < len(NAMES) else [None, None, None]
        sheet.append([*person, *blank, *visit])
    path = tmp_path / "side.xlsx"
    book.save(path)
    return path


def test_the_visit_log_beside_the_register_is_read_as_the_visits(tmp_path: Path) -> None:
    result = load_ledger(side_by_side(tmp_path), FORMAT)
    people = result.ledger.recipients
    assert [r.name for r in people] == NAMES
    assert all(r.guardian is None for r in people)
    key = {r.name: r.key for r in people}
    modes = {"入户": ContactMode.HOME_VISIT, "电话": ContactMode.PHONE}
    assert [(c.on, c.mode, c.recipient_keys) for c in result.ledger.contacts] == [
        (date.fromisoformat(on), modes[mode], (key[name],)) for on, name, mode in VISITS
    ]
    assert result.sheets == {RecordKind.RECIPIENTS: "台账", RecordKind.CONTACTS: "台账"}
    (beside,) = [i for i in result.issues if i.code == "tabular.table_beside"]
    assert "F列" in beside.finding.message and "C列" in beside.finding.message
    assert not result.errors


def test_a_register_with_an_empty_column_inside_is_one_table(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", None, "对象类别", "联系电话"])
    for name, number in zip(NAMES, IDS, strict=True):
        sheet.append([name, number, None, "低保", "13800000000"])
    path = tmp_path / "gap.xlsx"
    book.save(path)
    result = load_ledger(path, FORMAT)
    assert [len(r.phones) for r in result.ledger.recipients] == [1, 1, 1]
    assert "tabular.table_beside" not in [i.code for i in result.issues]
