"""What the reader relies on in python-calamine 0.9 (pinned, so an upgrade that changes it fails)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import python_calamine


def test_iter_rows_starts_at_row_one_and_at_the_first_used_column(
    xlsx: Callable[..., Path],
) -> None:
    path = xlsx([[], [], [None, None, "x"], [None, None, None, "y"]])
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet1")
    assert sheet.start == (2, 2)
    assert list(sheet.iter_rows()) == [["", ""], ["", ""], ["x", ""], ["", "y"]]


def test_merged_ranges_are_reported_for_xlsx(xlsx: Callable[..., Path]) -> None:
    path = xlsx([["a", None], ["b", None]], merges=["A1:B1", "A2:A3"])
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet1")
    assert sorted(sheet.merged_cell_ranges or []) == [((0, 0), (0, 1)), ((1, 0), (2, 0))]
