"""Every record kind of a station's file reaches the roll-up: a kind the map or the reduce step
left out would vanish from every county report without a word (a kind of the table's own is
carried too: ``tests/foundation/test_record_kinds.py``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from socialwork_core.rollup import ShareRequest, roll_up

from .conftest import Person, StationBook, Visit, resident

NATIONAL = ShareRequest(adapter="national")


def _with_campaign_and_handouts(
    book: StationBook, path: Path, handouts: list[list[object]]
) -> Path:
    book.write(path)
    workbook = load_workbook(path)
    campaigns = workbook.create_sheet("专项活动")
    campaigns.append(["专项编号", "专项类型", "专项名称", "开始日期", "结束日期"])
    campaigns.append(["XC2023", "宣传周", "社工宣传周", "2023-03-20", "2023-03-26"])
    given = workbook.create_sheet("物资发放")
    given.append(["发放编号", "发放日期", "物品名称", "发放数量", "单位", "所属专项", "经办社工"])
    for row in handouts:
        given.append(row)
    workbook.save(path)
    return path


def test_campaigns_and_handouts_of_two_stations_reach_the_roll_up(tmp_path: Path) -> None:
    a = StationBook(
        "410223101",
        "十八里镇社工站",
        (Person("1", "张有才", resident(11)),),
        (Visit("T1", "2023-03-21", "1"),),
    )
    b = StationBook(
        "410223102",
        "高峰街道社工站",
        (Person("1", "王某", resident(33)),),
        (Visit("T1", "2023-03-22", "1"),),
    )
    _with_campaign_and_handouts(
        a, tmp_path / "a.xlsx", [["F1", "2023-03-21", "暖心卡", 120, "张", "XC2023", "SG01"]]
    )
    _with_campaign_and_handouts(
        b, tmp_path / "b.xlsx", [["F1", "2023-03-22", "暖心卡", 80, "张", "XC2023", "SG01"]]
    )

    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger

    # one city-wide campaign, named alike by both stations: kept once, its ID as written
    assert [(c.id, c.start, c.end) for c in ledger.campaigns] == [
        ("XC2023", date(2023, 3, 20), date(2023, 3, 26))
    ]
    # both stations number their handouts F1: each kept, under its station
    assert sorted((h.id, h.quantity, h.worker_ids) for h in ledger.handouts) == [
        ("410223101:F1", Decimal(120), ("410223101:SG01",)),
        ("410223102:F1", Decimal(80), ("410223102:SG01",)),
    ]
    assert {h.campaign_id for h in ledger.handouts} == {"XC2023"}


def _with_relocation(book: StationBook, path: Path, moved: list[object]) -> Path:
    """``book`` written with a 协助转移 column on its visit log, one cell per visit."""
    book.write(path)
    workbook = load_workbook(path)
    visits = workbook["探访记录"]
    column = visits.max_column + 1
    visits.cell(row=1, column=column, value="协助转移")
    for row, cell in enumerate(moved, start=2):
        visits.cell(row=row, column=column, value=cell)
    workbook.save(path)
    return path


def test_a_visits_relocation_reaches_the_roll_up(tmp_path: Path) -> None:
    a = StationBook(
        "441823101",
        "阳01镇社工站",
        (Person("1", "张有才", resident(11)), Person("2", "李秀兰", resident(12))),
        (Visit("T1", "2024-04-23", "1"), Visit("T2", "2024-04-24", "2")),
    )
    b = StationBook(
        "441823102",
        "阳02镇社工站",
        (Person("1", "王某", resident(33)),),
        (Visit("T1", "2024-04-23", "1"),),
    )
    _with_relocation(a, tmp_path / "a.xlsx", ["是", "否"])
    _with_relocation(b, tmp_path / "b.xlsx", ["√"])

    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger

    assert sorted((c.id, c.relocated) for c in ledger.contacts) == [
        ("441823101:T1", True),
        ("441823101:T2", False),
        ("441823102:T1", True),
    ]
