"""Growth figures in a filed report: new stations and certified workers at the period's start and
end and a year before, from a ledger's 建站日期 and 取证日期 columns, in the xlsx and the JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from workbooks import workbook

from .conftest import Run

Runner = Callable[..., Run]


def _ledger(path: Path) -> Path:
    return workbook(
        path,
        {
            "服务对象": [["档案号", "姓名", "所属社工站"], ["A1", "李雪", "S1"]],
            "社工站点": [
                ["站点编码", "站点名称", "层级", "上级站点编码", "建站日期"],
                ["C", "某县社工总站", "县级社工总站", None, "2020-06-18"],
                ["S1", "东流镇社工站", "乡镇(街道)社工站", "C", "2021-03-26"],
                ["S2", "大渡口镇社工站", "乡镇(街道)社工站", "C", "2023-02-10"],
                ["S3", "花园镇社工站", "乡镇(街道)社工站", "C", "2023年9月30日"],
            ],
            "社工人员": [
                ["社工编号", "姓名", "所属站点编码", "职业水平", "取证日期", "入职日期"],
                ["w1", "陈晓燕", "S1", "助理社会工作师", "2021-10-20", "2021-03-01"],
                ["w2", "周建国", "S1", "社会工作师", "2022-10-20", "2021-03-01"],
                ["w3", "王芳", "S2", "助理社会工作师", "2023-10-20", "2023-02-10"],
                ["w4", "李静", "S3", "未持证", None, "2023-09-30"],
            ],
        },
    )


def test_the_quarterly_shows_new_stations_and_certified_workers_then_and_now(
    run: Runner, tmp_path: Path
) -> None:
    ledger = _ledger(tmp_path / "ledger.xlsx")
    out = tmp_path / "q.xlsx"
    args = ["report", "anhui.quarterly", ledger, "--adapter", "national", "--period", "2023"]
    args += ["--as-of", "2024-01-10"]

    data = run(*args, "-o", tmp_path / "q.json", "--format", "json")
    written = run(*args, "-o", out)

    assert data.status == 0 and written.status == 0, data.err
    figures = {
        f["code"]: f["value"]
        for s in data.json()["report"]["sections"]
        for t in s["tables"]
        for r in t["rows"]
        for f in r["figures"]
    }
    expected = {
        "stations.township_stations": 3,
        "stations.new.township_station": 2,  # S2 in February, S3 in September
        "workers.certified_at_start": 2,  # on 31 December 2022: w1, w2
        "workers.certified": 3,  # on 31 December 2023: w3 too
        "workers.newly_certified": 1,  # w3
        "workers.certified_year_before": 2,
        "workers.certified_growth": "50.0",  # (3 − 2) / 2
    }
    assert {code: figures[code] for code in expected} == expected
    rows = {
        r[0]: r[1]
        for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)
        if r[0] is not None
    }
    assert rows["新增乡镇社工站"] == 2
    assert (rows["期初持证社工"], rows["持证社工"]) == (2, 3)
    assert rows["持证社工同比增长"] == 50


def test_without_the_dates_the_growth_rows_say_why(run: Runner, tmp_path: Path) -> None:
    ledger = workbook(
        tmp_path / "ledger.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "李雪"]],
            "社工站点": [
                ["站点编码", "站点名称", "层级"],
                ["S1", "东流镇社工站", "乡镇(街道)社工站"],
            ],
            "社工人员": [["社工编号", "姓名", "职业水平"], ["w1", "陈晓燕", "助理社会工作师"]],
        },
    )

    result = run(
        "report", "anhui.quarterly", ledger, "--adapter", "national", "--period", "2023-Q4",
        "--as-of", "2024-01-10", "-o", tmp_path / "q.json", "--format", "json",
    )  # fmt: skip

    missing = {f["code"]: f["reason"] for f in result.json()["report"]["not_computable"]}
    assert "建站日期" in missing["stations.new.township_station"]
    assert "取证日期" in missing["workers.certified_at_start"]
    assert "workers.certified_growth" in missing
    assert "workers.certified" not in missing  # held now, whatever its date
