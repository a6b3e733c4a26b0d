"""A register that writes each person's ID number in the name cell (张三（4401…）, 张三 4401…)
and has no ID column: the number is the person's, the rest of the cell their name, and the
reader says so at the cell. A name cell whose number is unusable stays as written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.identity import resident_id
from socialwork_core.ledger import LoadResult, load_ledger

ZHANG = resident_id.compose("440111", date(1941, 5, 2), 11)


def register(
    path: Path, names: Sequence[str], *, id_column: Sequence[str] | None = None
) -> LoadResult:
    """A register of one column 姓名 (and 身份证号 when given), then 人员类别."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "服务对象"
    sheet.append(["姓名", *(["身份证号"] if id_column else []), "人员类别"])
    for i, name in enumerate(names):
        sheet.append([name, *([id_column[i]] if id_column else []), "低保"])
    book.save(path)
    return load_ledger(path, FORMAT)


@pytest.mark.parametrize(
    "written", [f"张三（{ZHANG}）", f"张三({ZHANG})", f"张三 {ZHANG}", f"张三/{ZHANG}"]
)
def test_an_id_number_in_the_name_cell_is_the_persons(tmp_path: Path, written: str) -> None:
    result = register(tmp_path / "r.xlsx", [written])
    (person,) = result.ledger.recipients
    assert (person.name, person.resident_id) == ("张三", ZHANG)
    (said,) = [i for i in result.issues if i.code == "ledger.id_from_name"]
    assert (said.sheet, said.row, said.column) == ("服务对象", 2, "A")
    assert "张三" in said.message
    assert not result.errors


def test_a_row_with_its_own_id_column_keeps_the_name_cell_as_written(tmp_path: Path) -> None:
    other = resident_id.compose("440111", date(1950, 9, 20), 22)
    result = register(tmp_path / "r.xlsx", [f"张三（{other}）"], id_column=[ZHANG])
    (person,) = result.ledger.recipients
    assert person.resident_id == ZHANG
    assert not [i for i in result.issues if i.code == "ledger.id_from_name"]


def test_an_unusable_number_in_the_name_cell_leaves_the_person_by_name(tmp_path: Path) -> None:
    broken = ZHANG[:-1] + ("1" if ZHANG[-1] != "1" else "2")  # a wrong check character
    result = register(tmp_path / "r.xlsx", [f"张三（{broken}）"])
    (person,) = result.ledger.recipients
    assert person.resident_id is None
    assert not [i for i in result.issues if i.code == "ledger.id_from_name"]
