"""``socialwork report --settings FILE.toml``: coverage, 一站一品 points, the unit and signatories
from a file; a bad file is a usage error naming the key and value."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl

from .conftest import ROOT, Run, example

Runner = Callable[..., Run]

SETTINGS = ROOT / "examples" / "anhui_settings.toml"


def _cells(path: Path) -> list[object]:
    sheet = openpyxl.load_workbook(path).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def test_the_anhui_evaluation_grades_every_station_of_its_example_with_the_example_settings(
    run: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "评估.xlsx"
    args = ["report", "anhui.station_evaluation", example("anhui"), "--period", "2023"]
    args += ["--as-of", "2023-12-31", "--settings", SETTINGS]

    result = run(*args, "-o", out, "--format", "json")
    run(*args, "-o", out)

    assert result.status == 0, result.err
    report = result.json()["report"]
    assert report["not_computable"] == []
    [table] = report["sections"][0]["tables"]
    rows = {row["label"]: row for row in table["rows"]}
    assert set(rows) == {"东至县社工总站", "东湖镇社工站"}  # every station of the stations sheet
    for row in rows.values():
        assert row["note"] in {"优秀", "良好", "合格", "不合格"}
        assert all(f["value"] is not None for f in row["figures"])
    points = {
        label: row["figures"][4]["value"] for label, row in rows.items()
    }  # 一站一品, by name and by code in the file
    assert points == {"东至县社工总站": "9.00", "东湖镇社工站": "8.50"}
    assert report["unit"] == "东至县民政局"
    assert report["footer"] == {
        "filled_on": "2024-01-05",
        "preparer": "陈晓燕",
        "reviewer": "周建国",
    }
    cells = _cells(out)
    assert "无法计算" not in "".join(str(c) for c in cells)
    assert any("陈晓燕" in str(c) for c in cells) and any("周建国" in str(c) for c in cells)


def test_coverage_is_computed_from_the_area_of_the_settings_file(
    run: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "q.json"

    result = run(
        "report", "anhui.quarterly", example("anhui"), "--period", "2023-Q4", "--as-of",
        "2023-12-31", "--settings", SETTINGS, "-o", out, "--format", "json",
    )  # fmt: skip

    assert result.status == 0, result.err
    figures = {
        f["code"]: f["value"]
        for s in result.json()["report"]["sections"]
        for t in s["tables"]
        for r in t["rows"]
        for f in r["figures"]
    }
    # the example has 1 township station of 15 townships, 5 village rooms of 250 villages
    assert Decimal(figures["coverage.townships"]) == Decimal("6.7")
    assert Decimal(figures["coverage.villages"]) == Decimal("2.0")


def test_the_command_line_wins_over_the_file(run: Runner, tmp_path: Path) -> None:
    result = run(
        "report", "anhui.quarterly", example("anhui"), "--period", "2023-Q4", "--as-of",
        "2023-12-31", "--settings", SETTINGS, "--unit", "东至县社工总站", "--preparer", "王芳",
        "-o", tmp_path / "q.json", "--format", "json",
    )  # fmt: skip

    report = result.json()["report"]
    assert report["unit"] == "东至县社工总站"
    assert (report["footer"]["preparer"], report["footer"]["reviewer"]) == ("王芳", "周建国")


def test_a_bad_settings_file_is_refused_before_the_ledger_is_read_naming_key_and_value(
    run: Runner, tmp_path: Path
) -> None:
    settings = tmp_path / "bad.toml"
    settings.write_text('[area]\ntownships = "十五"\n', encoding="utf-8")

    result = run(
        "report", "anhui.quarterly", tmp_path / "never_read.xlsx", "--period", "2023-Q4",
        "--settings", settings, "-o", tmp_path / "q.xlsx",
    )  # fmt: skip

    assert result.status == 2
    assert "area.townships = “十五” 不可用" in result.err
    assert "area.townships = '十五'" in result.err
    assert not (tmp_path / "q.xlsx").exists()


def test_a_station_the_ledger_does_not_have_is_a_usage_error_naming_its_stations(
    run: Runner, tmp_path: Path
) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[distinctive_project]\n"东流镇社工站" = 9\n', encoding="utf-8")

    result = run(
        "report", "anhui.station_evaluation", example("anhui"), "--period", "2023",
        "--settings", settings, "-o", tmp_path / "e.xlsx",
    )  # fmt: skip

    assert result.status == 2
    assert "distinctive_project.东流镇社工站" in result.err
    assert "341721101 东湖镇社工站" in result.err


def test_points_above_the_weight_are_flagged_in_the_station_s_row(
    run: Runner, tmp_path: Path
) -> None:
    settings = tmp_path / "s.toml"
    settings.write_text('[distinctive_project]\n"东湖镇社工站" = 12\n', encoding="utf-8")

    result = run(
        "report", "anhui.station_evaluation", example("anhui"), "--period", "2023",
        "--as-of", "2023-12-31", "--settings", settings, "-o", tmp_path / "e.json",
        "--format", "json",
    )  # fmt: skip

    assert result.status == 0, result.err
    [table] = result.json()["report"]["sections"][0]["tables"]
    row = next(r for r in table["rows"] if r["label"] == "东湖镇社工站")
    project = row["figures"][4]
    assert project["value"] is None and "12" in project["reason"] and "10" in project["reason"]
