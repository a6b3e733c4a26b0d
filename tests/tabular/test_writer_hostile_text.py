"""Text a workbook cannot hold is never written as it is nor changed silently (issue #16): a
character XML forbids becomes U+FFFD and text past Excel's cell limit is cut there, and the cell
is highlighted with a comment saying so; the workbook opens in openpyxl and calamine."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import python_calamine

from socialwork_core.tabular import Column, SheetSpec, write_workbook
from socialwork_core.tabular.writer import MAX_CELL_CHARS, Flagged, writable_text


def written(tmp_path: Path, value: object) -> tuple[str, str, str]:
    """(text read by openpyxl, its comment, text read by calamine) of the one data cell."""
    path = write_workbook(tmp_path / "t.xlsx", [SheetSpec("S", [Column("备注")], [[value]])])
    book = openpyxl.load_workbook(path)
    cell = book["S"]["A2"]
    comment = cell.comment.text if cell.comment is not None else ""
    calamine = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("S")
    return str(cell.value), comment, str(calamine.to_python()[1][0])


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\x00", "\x1b", "\x0b", "\ud800"])
def test_a_character_xml_cannot_hold_is_replaced_with_a_remark(tmp_path: Path, bad: str) -> None:
    text, comment, calamine = written(tmp_path, f"张三{bad}需要送餐")
    assert text == calamine == "张三\ufffd需要送餐"
    assert "1个无法写入Excel的控制字符" in comment


def test_text_over_the_cell_limit_is_cut_with_a_remark(tmp_path: Path) -> None:
    text, comment, calamine = written(tmp_path, "需" * 40_000)
    assert len(text) == len(calamine) == MAX_CELL_CHARS
    assert "原文共40000字" in comment and f"只写入前{MAX_CELL_CHARS}字" in comment


def test_text_at_the_limit_is_written_whole_without_a_remark(tmp_path: Path) -> None:
    text, comment, _ = written(tmp_path, "需" * MAX_CELL_CHARS)
    assert len(text) == MAX_CELL_CHARS and comment == ""


def test_a_flagged_cell_keeps_both_notes(tmp_path: Path) -> None:
    _, comment, _ = written(tmp_path, Flagged("138\ufffe", "电话号码位数不对"))
    assert comment.startswith("电话号码位数不对") and "控制字符" in comment


def test_ordinary_text_is_unchanged() -> None:
    assert writable_text("第一行\r\n第二行\t完") == ("第一行\n第二行\t完", "")
