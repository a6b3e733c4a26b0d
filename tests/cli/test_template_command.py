"""``socialwork template``: an empty ledger in an adapter's layout, through main(argv)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from socialwork_core.glossary import template_text
from socialwork_core.plugins import load_plugins

from .conftest import Run

Runner = Callable[..., Run]


def test_template_writes_the_named_adapters_layout_and_says_so(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "空白台账.xlsx"
    result = run("template", "--adapter", "guangdong", "-o", target)
    assert result.status == 0
    assert result.out.strip() == str(target)
    assert "空白台账模板（格式 guangdong）" in result.err and "blank ledger" in result.err
    fmt = load_plugins().ledger_formats(adapter="guangdong")[0]
    book = openpyxl.load_workbook(target)
    assert [s.sheet_names[0] for s in fmt.sheets] == book.sheetnames[: len(fmt.sheets)]
    assert template_text.INSTRUCTIONS_SHEET in book.sheetnames


def test_without_an_adapter_the_template_is_the_national_layout(
    run: Runner, tmp_path: Path
) -> None:
    result = run("template", "-o", tmp_path / "t.xlsx", "--format", "json")
    assert result.status == 0
    data = result.json()
    assert (data["adapter"], data["format"]) == ("national", "national")
    assert data["sheets"][0] == "服务对象"


def test_the_template_it_writes_validates_clean(run: Runner, tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    assert run("template", "--adapter", "anhui", "-o", target).status == 0
    checked = run("validate", target, "--format", "json")
    assert checked.status == 0
    assert checked.json()["adapter"] == "anhui"


def test_an_unknown_adapter_or_layout_or_output_type_is_a_usage_error(
    run: Runner, tmp_path: Path
) -> None:
    unknown = run("template", "--adapter", "nowhere", "-o", tmp_path / "t.xlsx")
    assert unknown.status == 2 and "nowhere" in unknown.err
    layout = run("template", "--adapter", "henan", "--layout", "nope", "-o", tmp_path / "t.xlsx")
    assert layout.status == 2 and "nope" in layout.err
    wrong = run("template", "-o", tmp_path / "t.csv")
    assert wrong.status == 2 and ".xlsx" in wrong.err
    assert not (tmp_path / "t.xlsx").exists() and not (tmp_path / "t.csv").exists()
