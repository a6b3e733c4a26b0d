"""The command speaks the worker's language: dates and periods as written in ledgers, usage errors
wholly in Chinese (with an English twin), warnings about dates, places named, alert files checked."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from socialwork_core.cli import main

from .conftest import FIXTURES, Run, example

Runner = Callable[..., Run]
LEDGER = example("guangdong")


def _chinese(err: str) -> str:
    """The Chinese half of the last error line."""
    line = [line for line in err.splitlines() if line.startswith("error:")][-1]
    return line.removeprefix("error: ").split(" | ")[0]


@pytest.mark.parametrize(
    "written", ["2023.3.31", "2023/3/31", "2023年3月31日", "2023-3-31", "20230331"]
)
def test_as_of_takes_the_date_forms_ledger_cells_take(run: Runner, written: str) -> None:
    iso = run("due", LEDGER, "--as-of", "2023-03-31", "--format", "json")
    other = run("due", LEDGER, "--as-of", written, "--format", "json")
    assert other.status == iso.status == 0, other.err
    assert other.json()["as_of"] == "2023-03-31"
    assert other.json()["entries"] == iso.json()["entries"]


@pytest.mark.parametrize("written", ["2023年3月", "2023/03", "2023-3", "2023.3", "2023年3月份"])
def test_period_takes_the_worker_s_forms(run: Runner, tmp_path: Path, written: str) -> None:
    result = run(
        "report", "guangdong.monthly", LEDGER, "--period", written, "-o", tmp_path / "r.json"
    )
    assert result.status == 0, result.err
    period = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["period"]
    assert period == {"start": "2023-03-01", "end": "2023-03-31", "kind": "month"}


def test_a_quarter_and_a_half_year_in_words(run: Runner, tmp_path: Path) -> None:
    for written in ("2023年第一季度", "2023年一季度"):
        result = run(
            "report",
            "anhui.quarterly",
            example("anhui"),
            "--period",
            written,
            "-o",
            tmp_path / "q.json",
        )
        assert result.status == 0, result.err
    assert (
        "2023-H1"
        in run(
            "report",
            "guangdong.monthly",
            LEDGER,
            "--period",
            "2023年上半年",
            "-o",
            tmp_path / "h.json",
        ).err
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["due"],
        ["due", "x.xlsx", "--bogus"],
        ["report", "a", "b", "--period"],
        ["convert", "x.xlsx", "--to", "pdf"],
        ["nosuch"],
        [],
    ],
)
def test_usage_errors_are_wholly_chinese_with_an_english_twin(run: Runner, argv: list[str]) -> None:
    result = run(*argv)
    assert result.status == 2
    chinese = _chinese(result.err)
    assert re.search(r"[\u4e00-\u9fff]", chinese)
    for english in ("the following", "unrecognized", "invalid choice", "expected one", "argument"):
        assert english not in chinese, chinese
    assert " | " in result.err and "--help" in result.err.split(" | ")[1]


def test_a_missing_argument_is_named_in_chinese(run: Runner) -> None:
    assert "缺少必需的参数：台账文件（LEDGER）" in _chinese(run("due").err)
    assert "无法识别的参数：--bogus" in _chinese(run("due", "x.xlsx", "--bogus").err)
    assert "socialwork due --help" in run("due", "x.xlsx", "--bogus").err


def _run_on(today: date, *argv: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err, today=today)
    return Run(status, out.getvalue(), err.getvalue())


def test_as_of_defaults_to_today_but_warns_with_a_date_when_the_records_end_long_before() -> None:
    result = _run_on(date(2026, 12, 2), "due", LEDGER)
    assert result.status == 0
    warning = next(line for line in result.err.splitlines() if "未指定 --as-of" in line)
    suggested = re.search(r"--as-of (\d{4}-\d{2}-\d{2})", warning)
    assert suggested is not None and suggested[1] < "2024-01-01"
    assert "note: --as-of was not given" in warning
    assert (
        "未指定 --as-of"
        not in _run_on(date(2026, 12, 2), "due", LEDGER, "--as-of", "2023-03-31").err
    )


def test_a_report_for_a_future_period_or_dated_before_its_end_says_so(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    future = _run_on(
        date(2023, 4, 10), "report", "guangdong.monthly", LEDGER, "--period", "2023-06", "-o", out
    )
    assert future.status == 0 and "还没有开始" in future.err and "has not begun" in future.err
    early = _run_on(
        date(2023, 4, 10),
        "report",
        "guangdong.monthly",
        LEDGER,
        "--period",
        "2023-04",
        "--as-of",
        "2023-04-10",
        "-o",
        out,
    )
    assert "早于统计周期 2023-04 的结束日 2023-04-30" in early.err
    done = _run_on(
        date(2023, 5, 2), "report", "guangdong.monthly", LEDGER, "--period", "2023-04", "-o", out
    )
    assert "注意" not in done.err


def test_the_validate_summary_names_sheet_row_and_column(run: Runner, tmp_path: Path) -> None:
    result = run(
        "validate", FIXTURES / "acceptance_ledger.xlsx", "--issues-out", tmp_path / "i.xlsx"
    )
    stored = next(
        line for line in result.out.splitlines() if "resident_id.stored_as_number" in line
    )
    assert re.search(r"第\d+行 [A-Z]+列（身份证号）", stored), stored


def _alert(tmp_path: Path, name: str, **fields: object) -> Path:
    data = {"id": "HC-1", "kind": "cold_wave", "start": "2023-01-12", "end": "2023-01-15"}
    path = tmp_path / name
    path.write_text(json.dumps({**data, **fields}, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_alert_kind_may_be_written_in_chinese_and_an_unknown_one_lists_the_kinds(
    run: Runner, tmp_path: Path
) -> None:
    chinese = _alert(tmp_path, "a.json", kind="寒潮", village_codes=["大塘村"])
    assert run("due", LEDGER, "--as-of", "2023-01-13", "--alert", chinese).status == 0
    unknown = _alert(tmp_path, "b.json", kind="雪灾")
    result = run("due", LEDGER, "--as-of", "2023-01-13", "--alert", unknown)
    assert result.status == 2
    assert "预警类型“雪灾”无法识别" in result.err and "寒潮（cold_wave）" in result.err


def test_an_alert_village_that_matches_no_one_is_an_error_listing_the_villages(
    run: Runner, tmp_path: Path
) -> None:
    typo = _alert(tmp_path, "a.json", village_codes=["大糖村"])
    result = run("due", LEDGER, "--as-of", "2023-01-13", "--alert", typo)
    assert result.status == 2
    assert "“大糖村”在台账中没有任何服务对象" in result.err and "大塘村" in result.err


def test_a_missing_alert_file_a_folder_and_broken_json_are_each_named(
    run: Runner, tmp_path: Path
) -> None:
    missing = run("due", LEDGER, "--alert", tmp_path / "none.json")
    assert missing.status == 2 and "找不到预警文件" in missing.err
    folder = run("due", LEDGER, "--alert", tmp_path)
    assert folder.status == 2 and "是一个文件夹" in folder.err
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": ', encoding="utf-8")
    result = run("due", LEDGER, "--alert", broken)
    assert result.status == 2 and "不是有效的 JSON：第1行" in result.err


@pytest.mark.parametrize("written", ["2023.3", "2023年3月", "3月31日", "2023/2/30"])
def test_as_of_refuses_a_month_a_year_less_day_or_a_day_that_does_not_exist(
    run: Runner, written: str
) -> None:
    result = run("due", LEDGER, "--as-of", written)
    assert result.status == 2
    assert written in _chinese(result.err)
