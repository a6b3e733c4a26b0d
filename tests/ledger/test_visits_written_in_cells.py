"""Visits written as text on the register's rows: one 走访情况 cell holding them all (3月5日入户；
3月20日电话回访), or a cell per month under a heading naming visits (5日入户 under 2024年走访情况 ›
3月). Every part that opens with a day is a visit with the mode written after it; a part with no
day is no visit, kept as written and flagged at the cell."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.glossary import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LoadResult, load_ledger

ZHANG = resident_id.compose("440111", date(1941, 5, 2), 11)


def register(path: Path, rows: Sequence[Sequence[Any]]) -> LoadResult:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "关爱台账"
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return load_ledger(path, FORMAT)


def test_every_dated_part_of_a_visits_cell_is_a_visit_and_a_part_without_a_day_is_flagged(
    tmp_path: Path,
) -> None:
    result = register(
        tmp_path / "r.xlsx",
        [
            ["2024年上半年关爱台账"],
            ["姓名", "身份证号", "人员类别", "走访情况"],
            ["张三", ZHANG, "低保", "3月5日入户；4月住院未走访;3月20日电话回访"],
        ],
    )
    visits = sorted((c.on, c.mode) for c in result.ledger.contacts)
    assert visits == [
        (date(2024, 3, 5), ContactMode.HOME_VISIT),
        (date(2024, 3, 20), ContactMode.PHONE),
    ]
    (unread,) = [i for i in result.issues if i.code == "onesheet.visit_part_unread"]
    assert (unread.sheet, unread.row, unread.column) == ("关爱台账", 3, "D")
    assert "4月住院未走访" in unread.message
    assert not result.errors


@pytest.mark.xfail(
    strict=True,
    reason="the months' header row (3月 | 4月 under a merged 走访情况) is taken for a data row: "
    "the table's header is found one row deep",
)
def test_a_month_column_under_a_heading_naming_visits_gives_the_month_to_the_day(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "关爱台账"
    sheet.append(["2024年关爱台账"])
    sheet.append(["姓名", "身份证号", "人员类别", "走访情况", None])
    sheet.append([None, None, None, "3月", "4月"])
    for column in "ABC":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("D2:E2")
    sheet.append(["张三", ZHANG, "低保", "5日入户", "12号电话"])
    book.save(tmp_path / "m.xlsx")
    result = load_ledger(tmp_path / "m.xlsx", FORMAT)
    visits = sorted((c.on, c.mode) for c in result.ledger.contacts)
    assert visits == [
        (date(2024, 3, 5), ContactMode.HOME_VISIT),
        (date(2024, 4, 12), ContactMode.PHONE),
    ]
