"""``socialwork report … --campaign ID`` (issue #13 point 4): any template made for one campaign,
over its days, counting its own records and the unmarked ones of its days; the goods handed out
and each kind of campaign in rows of their own (with the people moved to safety), in the workbook
and the JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from report_json import figures
from workbooks import workbook

from .conftest import Run, run_command

LEDGER_SHEETS: dict[str, list[list[object]]] = {
    "服务对象": [
        ["档案号", "姓名", "村居"],
        ["G1", "张桂英", "金坪村"],
        ["G2", "李秀兰", "石门村"],
    ],
    "探访记录": [
        ["探访日期", "档案号", "探访方式", "所属专项", "协助转移"],
        [date(2022, 1, 23), "G1", "入户", "HC", "是"],
        [date(2022, 1, 25), "G2", "入户", "HC", "否"],
        [date(2022, 1, 26), "G1", "电话", None, None],
        [date(2022, 3, 15), "G2", "入户", "XCZ", None],
        [date(2022, 2, 10), "G2", "入户", "HC", "√"],
    ],
    "活动": [
        ["活动编号", "活动类型", "活动名称", "活动日期", "参与人次", "所属专项"],
        ["A1", "宣传", "社工宣传周", date(2022, 3, 15), 40, "XCZ"],
        ["A2", "社区活动", "送温暖", date(2022, 1, 27), 12, None],
    ],
    "专项活动": [
        ["专项编号", "专项类型", "专项名称", "开始日期", "结束日期"],
        ["HC", "寒潮", "1月寒潮送温暖", date(2022, 1, 22), date(2022, 1, 31)],
        ["XCZ", "宣传周", "社工宣传周", date(2022, 3, 14), date(2022, 3, 20)],
    ],
    "物资发放": [
        ["发放日期", "物品名称", "发放数量", "单位", "所属专项"],
        [date(2022, 1, 24), "防寒衣物", 36, "件", "HC"],
        [date(2022, 1, 24), "棉被", 1, "张", "HC"],
        [date(2022, 3, 15), "暖心卡", 1500, "张", "XCZ"],
    ],
}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return workbook(tmp_path / "县台账.xlsx", LEDGER_SHEETS)


def report(ledger: Path, out: Path, *options: str) -> Run:
    return run_command(
        "report", "guangdong.cumulative", ledger, "-o", out, "--as-of", "2022-12-31", *options
    )


def test_a_campaign_report_counts_its_days_its_records_and_its_goods(
    ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "寒潮.json"
    result = report(ledger, out, "--campaign", "HC")
    assert result.status == 0, result.err
    values = figures(out)
    # 22–31 January: V1 and V2 carry HC, V3 carries nothing; V5 (10 February) is outside
    assert values["alerts.people"] == 2
    assert values["alerts.kind_people.cold_wave"] == 2
    assert values["alerts.kind_villages.cold_wave"] == 2
    # G1 was moved on V1; G2's move (V5) is outside the days
    assert values["alerts.relocated"] == 1
    assert values["alerts.kind_relocated.cold_wave"] == 1
    assert values["activities.total"] == 1  # A2, unmarked, in the days
    assert values["handouts.item.防寒衣物"] == 36
    assert values["handouts.item.棉被"] == 1
    assert "handouts.item.暖心卡" not in values
    assert "1" in result.err and "HC" in result.err  # the visit outside the days is named
    assert "2022-01-22" in out.read_text(encoding="utf-8")


def test_the_campaign_report_workbook_shows_the_same_rows_and_says_what_it_counts(
    ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "宣传周.xlsx"
    assert report(ledger, out, "--campaign", "XCZ").status == 0
    sheet = openpyxl.load_workbook(out).active
    rows = {r[0]: r[1] for r in sheet.iter_rows(values_only=True) if r[0] is not None}
    assert rows["暖心卡（张）"] == 1500
    assert rows["开展各类活动"] == 1
    texts = [str(c) for r in sheet.iter_rows(values_only=True) for c in r if c is not None]
    assert any("社工宣传周" in t and "专项" in t for t in texts)


def test_a_period_and_a_campaign_together_take_the_period(ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "寒潮二月.json"
    assert report(ledger, out, "--campaign", "HC", "--period", "2022-01-01..2022-02-28").status == 0
    assert figures(out)["alerts.people"] == 2  # G1, G2 (V5 now inside); V4 carries XCZ


def test_an_unknown_campaign_is_a_usage_error_naming_the_known_ones(
    ledger: Path, tmp_path: Path
) -> None:
    result = report(ledger, tmp_path / "x.json", "--campaign", "XYZ")
    assert result.status == 2
    assert "XYZ" in result.err and "HC" in result.err and "XCZ" in result.err


def test_neither_a_period_nor_a_campaign_is_a_usage_error(ledger: Path, tmp_path: Path) -> None:
    result = report(ledger, tmp_path / "x.json")
    assert result.status == 2
    assert "--period" in result.err and "--campaign" in result.err
