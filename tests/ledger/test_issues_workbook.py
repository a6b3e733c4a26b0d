"""The issues workbook (问题清单): each sheet's own headers and cells, problems at their cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from workbooks import workbook as _ledger

from socialwork_core.identity import resident_id
from socialwork_core.ledger import LedgerFormat, LoadResult, load_ledger, write_issues_workbook

GOOD_ID = resident_id.compose("110101", date(1950, 1, 2), 11)
OTHER_ID = resident_id.compose("110101", date(1960, 1, 2), 21)
FOURTH_ID = resident_id.compose("110101", date(1970, 1, 2), 41)
RETIRED_AREA_ID = resident_id.compose("990101", date(1960, 1, 2), 31)
"""Valid but for an area code no list knows: a warning, the row is kept."""

PEOPLE: list[list[Any]] = [
    ["石城镇服务对象台账"],
    ["档案号", "姓名", "身份证号", "出生日期", "村居"],
    ["A1", "甲", 110101195001021, "1950-01-02", "大塘村"],  # ID stored as a number: flagged
    ["A2", "乙", OTHER_ID, "1960-13-01", "新岗村"],  # no 13th month: flagged
    ["A3", "丙", RETIRED_AREA_ID, None, "新岗村"],
    ["A4", None, FOURTH_ID, None, "大塘村"],  # names no one: refused
]
VISITS: list[list[Any]] = [
    ["探访日期", "档案号", "探访方式", "探访情况"],
    ["2023-03-01", "A1", "入户", "精神好"],
    ["2023-03-02", "A3", "飞鸽", "独居"],  # a mode not understood: flagged, the visit kept
    ["2023-03-05", "A2", "电话", "无异常"],
    ["2023-03-06", "A9", "电话", "无异常"],  # no such person: refused
]
"""Cells a worker mistyped are flagged and the row kept; rows that identify no one are refused."""


@pytest.fixture
def loaded(tmp_path: Path, fmt: LedgerFormat) -> tuple[Path, LoadResult]:
    path = _ledger(tmp_path / "石城镇台账.xlsx", {"服务对象": PEOPLE, "探访记录": VISITS})
    return path, load_ledger(path, fmt)


def _values(sheet: Any, row: int) -> list[Any]:
    return [c.value for c in sheet[row]]


def _row_of(sheet: Any, number: int, headers: list[str]) -> dict[str, Any]:
    """The tab's row for original row ``number``, header → cell."""
    at = headers.index("原行号")
    for row in sheet.iter_rows(min_row=3):
        if row[at].value == number:
            return {h: c for h, c in zip(headers, row, strict=False)}
    raise AssertionError(f"row {number} not in {sheet.title}")


def test_every_sheet_with_refused_rows_has_its_own_headers_and_original_cells(
    loaded: tuple[Path, LoadResult], tmp_path: Path
) -> None:
    path, result = loaded
    assert {r.sheet for r in result.rejected} == {"服务对象", "探访记录"}
    book = openpyxl.load_workbook(
        write_issues_workbook(tmp_path / "问题.xlsx", result, ledger=path)
    )
    people, visits = book["服务对象"], book["探访记录"]
    ledger_headers = ["档案号", "姓名", "身份证号", "出生日期", "村居"]
    assert _values(people, 2) == [*ledger_headers, "原行号", "读入情况", "问题说明", "问题代码"]
    assert _values(visits, 2)[:4] == ["探访日期", "档案号", "探访方式", "探访情况"]
    headers = _values(visits, 2)
    flying = _row_of(visits, 3, headers)
    assert [flying[h].value for h in ("探访日期", "档案号", "探访方式", "探访情况")] == [
        "2023-03-02",
        "A3",
        "飞鸽",
        "独居",
    ]
    assert flying["读入情况"].value == "已读入"
    assert "C列（探访方式）" in flying["问题说明"].value
    assert flying["问题代码"].value == "tabular.label_unrecognised"
    person = _row_of(people, 3, _values(people, 2))
    assert person["身份证号"].value == "110101195001021" and person["姓名"].value == "甲"
    assert person["问题代码"].value == "resident_id.stored_as_number"


def test_a_problem_is_at_its_cell_highlighted_with_the_message_as_a_comment(
    loaded: tuple[Path, LoadResult], tmp_path: Path
) -> None:
    path, result = loaded
    book = openpyxl.load_workbook(
        write_issues_workbook(tmp_path / "问题.xlsx", result, ledger=path)
    )
    people = book["服务对象"]
    headers = _values(people, 2)
    bad_date = _row_of(people, 4, headers)["出生日期"]
    assert bad_date.value == "1960-13-01"
    assert bad_date.fill.fgColor.rgb.endswith("FFEB9C")  # a warning: the person is kept
    no_name = _row_of(people, 6, headers)["姓名"]
    assert no_name.fill.fgColor.rgb.endswith("FFC7CE")  # an error: the row is refused
    assert bad_date.comment is not None and "1960-13-01" in bad_date.comment.text
    assert bad_date.column_letter == "D"  # the same letter as in the ledger
    assert _row_of(people, 4, headers)["姓名"].comment is None


def test_a_row_kept_with_a_warning_is_shown_whole_with_its_cell_marked(
    loaded: tuple[Path, LoadResult], tmp_path: Path
) -> None:
    path, result = loaded
    warned = [i for i in result.issues if i.code == "resident_id.unknown_area_code"]
    assert warned and not warned[0].is_error
    book = openpyxl.load_workbook(
        write_issues_workbook(tmp_path / "问题.xlsx", result, ledger=path)
    )
    people = book["服务对象"]
    row = _row_of(people, 5, _values(people, 2))
    assert [row[h].value for h in ("档案号", "姓名", "村居")] == ["A3", "丙", "新岗村"]
    assert row["读入情况"].value == "已读入"
    assert row["身份证号"].fill.fgColor.rgb.endswith("FFEB9C")
    assert row["身份证号"].comment is not None


def test_without_the_ledger_file_the_cells_come_from_the_rows_as_read(
    loaded: tuple[Path, LoadResult], tmp_path: Path
) -> None:
    _, result = loaded
    book = openpyxl.load_workbook(write_issues_workbook(tmp_path / "问题.xlsx", result))
    assert book["服务对象"]["A1"].value == "问题清单"
    visits = book["探访记录"]
    row = _row_of(visits, 5, _values(visits, 2))
    assert row["档案号"].value == "A9" and row["探访方式"].value == "电话"
    assert row["档案号"].comment is not None


def test_all_problems_tab_lists_errors_first_under_a_title_naming_the_ledger_and_date(
    loaded: tuple[Path, LoadResult], tmp_path: Path
) -> None:
    path, result = loaded
    out = write_issues_workbook(tmp_path / "问题.xlsx", result, ledger=path, on=date(2023, 4, 10))
    every = openpyxl.load_workbook(out)["全部问题"]
    assert every["A1"].value == "问题清单：石城镇台账.xlsx（2023年4月10日检查）"
    assert _values(every, 2) == [
        "工作表",
        "原行号",
        "列",
        "表头",
        "原内容",
        "严重程度",
        "说明",
        "代码",
    ]
    severities = [r[5].value for r in every.iter_rows(min_row=3)]
    ranks = {"错误": 0, "警告": 1, "提示": 2}
    assert [ranks[s] for s in severities] == sorted(ranks[s] for s in severities)
    assert severities[0] == "错误" and len(severities) == len(result.issues)


def test_the_tabs_read_back_as_a_ledger_once_the_marked_cells_are_fixed(
    loaded: tuple[Path, LoadResult], tmp_path: Path, fmt: LedgerFormat
) -> None:
    path, result = loaded
    out = write_issues_workbook(tmp_path / "问题.xlsx", result, ledger=path)
    book = openpyxl.load_workbook(out)
    people, visits = book["服务对象"], book["探访记录"]
    person_headers, visit_headers = _values(people, 2), _values(visits, 2)
    _row_of(people, 3, person_headers)["身份证号"].value = GOOD_ID
    _row_of(people, 4, person_headers)["出生日期"].value = "1960-01-02"
    _row_of(people, 6, person_headers)["姓名"].value = "丁"
    _row_of(visits, 3, visit_headers)["探访方式"].value = "入户"
    _row_of(visits, 5, visit_headers)["档案号"].value = "A4"
    book.save(out)
    again = load_ledger(out, fmt)
    assert not again.errors, [i.message for i in again.errors]
    assert {p.key for p in again.ledger.recipients} == {"A1", "A2", "A3", "A4"}
    assert len(again.ledger.contacts) == 2  # the tab holds the visits with a problem only


def test_the_issues_workbook_never_replaces_the_ledger_it_describes(
    loaded: tuple[Path, LoadResult],
) -> None:
    path, result = loaded
    before = path.read_bytes()
    with pytest.raises(ValueError, match="would replace the ledger"):
        write_issues_workbook(path, result, ledger=path)
    assert path.read_bytes() == before
