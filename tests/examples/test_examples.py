"""Every example script runs as a user would run it, and writes what it says it writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

EXPECTED: dict[str, tuple[str, ...]] = {
    "due_this_month.py": ("due-2023-03.xlsx",),
    "monthly_report.py": ("guangdong-monthly-2023-03.xlsx", "guangdong-monthly-2023-03.json"),
    "cold_wave_alert.py": ("cold-wave-alert.json",),
    "henan_to_guangdong.py": ("henan-in-guangdong-layout.xlsx",),
    "embed_in_your_system.py": ("embedded-result.json",),
    "practice_ledger.py": ("guangdong_practice_ledger.xlsx",),
    "generate_ledgers.py": (
        "national_example_ledger.xlsx",
        "guangdong_example_ledger.xlsx",
        "henan_example_ledger.xlsx",
        "anhui_example_ledger.xlsx",
    ),
}
"""Each script and the files it writes into ``--out``."""


def run_example(name: str, out: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=out,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done


def test_every_example_script_is_run_here() -> None:
    assert {p.name for p in EXAMPLES.glob("*.py")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_example_runs_and_writes_its_files(name: str, tmp_path: Path) -> None:
    run_example(name, tmp_path)
    for file in EXPECTED[name]:
        assert (tmp_path / file).stat().st_size > 0, file


def test_the_due_list_of_the_month_is_most_urgent_first(tmp_path: Path) -> None:
    done = run_example("due_this_month.py", tmp_path)
    assert "contacts due in 2023-03" in done.stdout
    workbook = openpyxl.load_workbook(tmp_path / "due-2023-03.xlsx", read_only=True)
    try:
        values = list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = next(i for i, row in enumerate(values) if row and row[0] == "服务等级")
    levels = [row[0] for row in values[header + 1 :] if row and row[0]]
    order = ["一级", "二级", "三级"]
    assert levels and [order.index(v) for v in levels] == sorted(order.index(v) for v in levels)


def test_the_cold_wave_follow_up_is_smaller_than_the_alert_list(tmp_path: Path) -> None:
    done = run_example("cold_wave_alert.py", tmp_path)
    first = done.stdout.splitlines()[0]
    listed = int(first.split(": ")[1].split(" ")[0])
    follow = next(line for line in done.stdout.splitlines() if line.startswith("Follow-up"))
    reached, missing = (int(part.split()[0]) for part in follow.split(": ")[1].split(", "))
    assert reached > 0 and reached + missing == listed
    alert = json.loads((tmp_path / "cold-wave-alert.json").read_text(encoding="utf-8"))
    assert alert["kind"] == "cold_wave" and sorted(alert["village_codes"]) == ["大塘村", "新岗村"]


def test_the_converted_henan_ledger_reads_back_without_errors(tmp_path: Path) -> None:
    done = run_example("henan_to_guangdong.py", tmp_path)
    assert done.stdout.rstrip().endswith(", 0 errors")
    assert "农村留守妇女: 3 people now hold 其他困难群众" in done.stdout


def test_the_embedded_result_holds_grades_due_lines_and_a_report(tmp_path: Path) -> None:
    run_example("embed_in_your_system.py", tmp_path)
    result = json.loads((tmp_path / "embedded-result.json").read_text(encoding="utf-8"))
    assert result["grades"]["DB-001"]["level"] == "level_1"
    assert all(g["reasons"] for g in result["grades"].values())
    assert {e["status"] for e in result["due"]} <= {"overdue", "never_contacted", "due_soon"}
    assert result["report"]["template"] == "national.monthly"


def test_the_practice_ledger_is_the_committed_one_and_has_the_mistakes_the_guide_describes(
    tmp_path: Path,
) -> None:
    """docs/zh/validate.md walks through fixing this workbook: its mistakes must stay as told."""
    run_example("practice_ledger.py", tmp_path)
    written = tmp_path / "guangdong_practice_ledger.xlsx"
    assert written.read_bytes() == (EXAMPLES / "data" / written.name).read_bytes()
    from socialwork_core.plugins import load_plugins

    plugins = load_plugins()
    found = plugins.detect_workbook_format(written)
    assert found is not None and found.adapter == "guangdong"
    result = plugins.load_ledger(written, found.format)
    # a row that identifies no one is refused; a mistyped cell is flagged and its person kept
    refused = {i.code for i in result.errors}
    flagged = {i.code for i in result.issues if i.severity.value == "warning"}
    assert {"tabular.required_value_missing", "ledger.unknown_recipient"} <= refused
    assert {
        "resident_id.stored_as_number",
        "resident_id.wrong_check_character",
        "tabular.label_unrecognised",
    } <= flagged
