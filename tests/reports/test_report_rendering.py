"""A report renders to a workbook openpyxl reads back (title, unit, period, headers, figures,
footer, A4, a bar chart where asked) and to JSON; personal data never leaves unmasked; a figure the
ledger cannot support reads 无法计算, never 0."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from socialwork_core.glossary.indicators_text import FigureUnit
from socialwork_core.indicators import computed, not_computable
from socialwork_core.periods import month
from socialwork_core.reports import (
    Entry,
    Footer,
    Report,
    Section,
    figure_table,
    mask_name,
    mask_text,
    report_data,
    report_json,
    write_report,
)

ID = "11010519491231002X"
MOBILE = "13812345678"


def _report() -> Report:
    visits = computed("visits.total", 7, FigureUnit.PERSON_TIMES)
    money = computed("resources.value_yuan", Decimal("20150.50"), FigureUnit.YUAN, approximate=True)
    missing = not_computable("cases.new", FigureUnit.COUNT, "reports.no_records", records="个案")
    by_group = figure_table(
        [
            computed("visits.group.a", 5, FigureUnit.PERSON_TIMES, label="低保"),
            computed("visits.group.b", 3, FigureUnit.PERSON_TIMES, label="特困"),
        ],
        chart=True,
        title="分类探访",
    )
    return Report(
        template="test.monthly",
        title="测试月报",
        unit="=某镇社工站",
        period=month(2022, 3),
        as_of=date(2022, 3, 31),
        sections=(
            Section(title="一、探访", tables=(figure_table([visits, money, missing]), by_group)),
            Section(
                title="二、动态",
                entries=(
                    Entry(
                        station="站A",
                        on=date(2022, 3, 3),
                        text=f"探访张**，身份证{ID}，电话{MOBILE}",
                    ),
                ),
            ),
        ),
        footer=Footer(filled_on=date(2022, 4, 2), preparer="李四", reviewer="王五"),
        notes=("一人属两类的两行各计一次。",),
    )


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    return write_report(_report(), tmp_path / "report.xlsx")


def _cells(path: Path) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_workbook_has_title_unit_period_headers_figures_and_footer(workbook_path: Path) -> None:
    rows = _cells(workbook_path)
    texts = [str(c) for row in rows for c in row if c is not None]
    assert rows[0][0] == "测试月报"
    assert "填报单位：=某镇社工站" in rows[1][0]  # data text starting with '=' stays text
    assert "2022年3月1日至2022年3月31日" in rows[1][0]
    assert rows[4][:3] == ("项目", "数量", "单位")
    assert rows[5][:3] == ("探访服务对象", 7, "人次")
    assert rows[6][:3] == ("链接资源折合金额", "约20150.50", "元")
    assert rows[7][:3] == ("新增个案", "无法计算", "个")
    assert ("低保", 5, "人次") in [r[:3] for r in rows]
    assert any("台账中没有个案记录" in t for t in texts)
    assert "一人属两类的两行各计一次。" in texts
    assert rows[-2][0].split() == ["填表人：李四", "审核人：王五", "负责人："]
    assert rows[-1][0].split() == ["单位（盖章）：", "日期：2022年4月2日"]


def test_no_cell_holds_an_unmasked_id_or_phone(workbook_path: Path) -> None:
    texts = [str(c) for row in _cells(workbook_path) for c in row if c is not None]
    assert not any(ID in t or MOBILE in t for t in texts)
    assert any("110105********002X" in t and "138****5678" in t for t in texts)


def test_the_sheet_prints_on_a4_and_holds_a_bar_chart_with_no_formula(workbook_path: Path) -> None:
    sheet = openpyxl.load_workbook(workbook_path).active
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)  # 9: A4
    with zipfile.ZipFile(workbook_path) as archive:
        names = archive.namelist()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert any(n.startswith("xl/charts/chart") for n in names)
    assert "<f>" not in sheet_xml


def test_json_carries_values_units_reasons_and_decimal_as_text() -> None:
    data = json.loads(report_json(_report()))
    assert data == report_data(_report())
    rows = data["sections"][0]["tables"][0]["rows"]
    assert rows[0]["figures"][0]["value"] == 7
    assert rows[1]["figures"][0]["value"] == "20150.50"
    assert rows[1]["figures"][0]["approximate"] is True
    assert rows[2]["figures"][0]["value"] is None
    assert data["not_computable"] == [
        {
            "code": "cases.new",
            "label": "新增个案",
            "reason": "台账中没有个案记录，无法计算该项（不以0填报）。",
        }
    ]
    assert data["period"] == {"start": "2022-03-01", "end": "2022-03-31", "kind": "month"}


def test_masking_keeps_six_and_four_of_an_id_three_and_four_of_a_phone() -> None:
    assert (
        mask_text(f"{ID}；{MOBILE}；0763-1234567") == "110105********002X；138****5678；076****4567"
    )
    assert mask_text("档案号2022031800") == "档案号2022031800"  # ten digits: neither
    assert mask_name("张有才") == "张**"
