"""A remark written in a name on the visit log (张三（已故）, 李四(户主)), as registers write them:
the visit is the person's, and the remark is reported, never dropped unsaid. A visit dated after
the day the register says the person died is flagged at its date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.glossary import RegisterStatus
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LoadResult, load_ledger

ZHANG = resident_id.compose("440111", date(1941, 5, 2), 11)
LI = resident_id.compose("440111", date(1950, 9, 20), 22)


def ledger(
    path: Path,
    visits: Sequence[Sequence[Any]],
    *,
    visit_header: Sequence[str] = ("走访日期", "走访对象", "走访方式"),
    zhang_status: Sequence[Any] = ("在册", None),
    zhang_name: str = "张三",
) -> LoadResult:
    """A register of 张三 and 李四 (张三's 人员状态 and 状态变更日期 as given) and a visit log."""
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "服务对象"
    people.append(["档案号", "姓名", "身份证号", "人员状态", "状态变更日期"])
    people.append(["A1", zhang_name, ZHANG, *zhang_status])
    people.append(["A2", "李四", LI, "在册", None])
    log = book.create_sheet("走访记录")
    log.append(list(visit_header))
    for visit in visits:
        log.append(list(visit))
    book.save(path)
    return load_ledger(path, FORMAT)


def visit_issues(result: LoadResult) -> list[tuple[int | None, str | None, str, str]]:
    """(row, column, code, severity) of the findings on the visit log's data rows."""
    return [
        (i.row, i.column, i.code, i.severity.value)
        for i in result.issues
        if i.sheet == "走访记录" and i.row and i.row > 1 and i.code.startswith("ledger.")
    ]


@pytest.mark.parametrize("written", ["张三（已故）", "张三(已故)", "张三（死亡）", "张三 (已迁出)"])
def test_a_status_remark_in_a_visits_name_links_the_person_and_is_a_warning(
    tmp_path: Path, written: str
) -> None:
    result = ledger(tmp_path / "l.xlsx", [["2024-03-05", written, "入户"]])
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == ("A1",)
    assert visit_issues(result) == [(2, "B", "ledger.visit_name_status", "warning")]
    (said,) = [i for i in result.issues if i.code == "ledger.visit_name_status"]
    assert said.raw == written and "张三" in said.message
    # the visit log says so; the register decides the person's status
    (zhang,) = [p for p in result.ledger.recipients if p.key == "A1"]
    assert zhang.status is RegisterStatus.ACTIVE
    assert not result.errors


def test_a_remark_that_is_no_status_links_the_person_and_is_an_info(tmp_path: Path) -> None:
    result = ledger(tmp_path / "l.xlsx", [["2024-03-05", "李四(户主)", "电话"]])
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == ("A2",)
    assert visit_issues(result) == [(2, "B", "ledger.visit_name_remark", "info")]
    (said,) = [i for i in result.issues if i.code == "ledger.visit_name_remark"]
    assert "户主" in said.message and "李四" in said.message


def test_a_household_written_together_reports_the_remark_of_the_one_name_that_has_it(
    tmp_path: Path,
) -> None:
    result = ledger(tmp_path / "l.xlsx", [["2024-03-05", "张三（已故）、李四", "入户"]])
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == ("A1", "A2")
    assert visit_issues(result) == [(2, "B", "ledger.visit_name_status", "warning")]


def test_a_plain_name_says_nothing(tmp_path: Path) -> None:
    result = ledger(tmp_path / "l.xlsx", [["2024-03-05", "张三", "入户"]])
    assert [v.recipient_keys for v in result.ledger.contacts] == [("A1",)]
    assert visit_issues(result) == []


@pytest.mark.parametrize(
    "visit_header", [("走访日期", "走访对象", "走访方式"), ("走访日期", "档案号", "走访方式")]
)
def test_a_visit_after_the_day_the_register_says_the_person_died_is_flagged_at_its_date(
    tmp_path: Path, visit_header: tuple[str, ...]
) -> None:
    """By name or by 档案号 (the quick way of clean rows): the same finding."""
    named = "张三" if "走访对象" in visit_header else "A1"
    result = ledger(
        tmp_path / "l.xlsx",
        [
            ["2024-02-20", named, "入户"],
            ["2024-03-01", named, "入户"],
            ["2024-04-02", named, "电话"],
        ],
        visit_header=visit_header,
        zhang_status=("死亡", "2024-03-01"),
    )
    assert [v.on for v in result.ledger.contacts] == [
        date(2024, 2, 20),
        date(2024, 3, 1),
        date(2024, 4, 2),
    ]
    assert visit_issues(result) == [(4, "A", "ledger.visit_after_death", "warning")]
    (late,) = [i for i in result.issues if i.code == "ledger.visit_after_death"]
    assert "2024-04-02" in late.message and "2024-03-01" in late.message and "张三" in late.message


@pytest.mark.parametrize(("remark", "status"), [("死亡", "deceased"), ("迁出", "moved_out")])
def test_a_register_name_remark_in_the_status_columns_own_words_is_the_status(
    tmp_path: Path, remark: str, status: str
) -> None:
    result = ledger(
        tmp_path / "l.xlsx", [], zhang_name=f"张三（{remark}）", zhang_status=(None, None)
    )
    (zhang,) = [p for p in result.ledger.recipients if p.key == "A1"]
    assert zhang.status.value == status
    assert "ledger.status_from_name" in {i.code for i in result.issues}


def test_a_remark_beside_a_key_that_links_the_person_is_reported_too(tmp_path: Path) -> None:
    result = ledger(
        tmp_path / "l.xlsx",
        [
            ["2024-03-05", "A1", "张三（已故）", "入户"],
            ["2024-03-06", "A2", "张三（户主）", "入户"],
        ],
        visit_header=("走访日期", "档案号", "走访对象", "走访方式"),
    )
    assert [v.recipient_keys for v in result.ledger.contacts] == [("A1",), ("A2",)]
    # the second row's name is not the person its key links: no remark of theirs to report
    assert visit_issues(result) == [(2, "C", "ledger.visit_name_status", "warning")]
