"""Checks on loaded records point at the row to fix and change nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity
from socialwork_core.identity.resident_id import compose
from socialwork_core.ledger import LedgerFormat, check_recipients, load_ledger
from socialwork_core.recipients import Recipient

ORPHAN_ID = compose("441823", date(2005, 6, 1), 12)  # 18 on 2023-06-01
ELDER_ID = compose("441823", date(1940, 1, 1), 13)


def ledger_file(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "服务对象"
    sheet.append(["2023年服务对象台账"])
    sheet.append(["档案号", "姓名", "身份证号", "对象类别"])
    sheet.append(["A1", "测试甲", ORPHAN_ID, "孤儿"])
    sheet.append(["A2", "测试乙", ELDER_ID, "高龄老人"])
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    return path


def test_a_category_rule_failing_at_the_as_of_date_is_a_warning_at_the_persons_row(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    result = load_ledger(ledger_file(tmp_path), fmt)
    issues = check_recipients(result, date(2023, 6, 1))
    assert [(i.code, i.severity, i.sheet, i.row, i.raw) for i in issues] == [
        ("category.too_old", Severity.WARNING, "服务对象", 3, "A1")
    ]
    assert "孤儿" in issues[0].message
    assert len(result.ledger.recipients) == 2  # nothing dropped
    assert check_recipients(result, date(2023, 5, 31)) == ()


def test_an_adapters_extra_check_is_placed_the_same_way(tmp_path: Path, fmt: LedgerFormat) -> None:
    def no_worker(person: Recipient, as_of: date) -> list[Finding]:
        return [Finding.of("category.age_unknown", Severity.INFO, category=person.key)]

    result = load_ledger(ledger_file(tmp_path), fmt)
    issues = check_recipients(result, date(2023, 1, 1), extra=no_worker)
    assert [(i.code, i.row) for i in issues] == [
        ("category.age_unknown", 3),
        ("category.age_unknown", 4),
    ]
