"""No command ever writes over one of its inputs, or into a folder's name; inputs stay byte-identical."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Run, example

Runner = Callable[..., Run]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    copy = tmp_path / "台账.xlsx"
    shutil.copyfile(example("guangdong"), copy)
    return copy


def _commands(ledger: Path, out: Path) -> list[list[str | Path]]:
    return [
        ["report", "guangdong.monthly", ledger, "--period", "2023-03", "-o", out],
        ["validate", ledger, "--issues-out", out],
        ["grade", ledger, "--as-of", "2023-03-31", "-o", out],
        ["due", ledger, "--as-of", "2023-03-31", "-o", out],
        ["convert", ledger, "--to", "xlsx", "-o", out],
    ]


@pytest.mark.parametrize("index", range(5), ids=["report", "validate", "grade", "due", "convert"])
def test_an_output_that_is_the_ledger_itself_is_refused_and_the_ledger_untouched(
    run: Runner, ledger: Path, index: int
) -> None:
    before = _digest(ledger)
    result = run(*_commands(ledger, ledger)[index])
    assert result.status == 2
    assert "就是输入文件" in result.err and "is the input file" in result.err
    assert _digest(ledger) == before


@pytest.mark.parametrize("index", range(5), ids=["report", "validate", "grade", "due", "convert"])
def test_a_link_to_the_ledger_is_the_ledger(run: Runner, ledger: Path, index: int) -> None:
    link = ledger.with_name("link.xlsx")
    link.symlink_to(ledger)
    before = _digest(ledger)
    result = run(*_commands(ledger, link)[index])
    assert result.status == 2, result.err
    assert "就是输入文件" in result.err
    assert _digest(ledger) == before and link.is_symlink()


def test_a_hard_link_and_a_relative_spelling_are_the_ledger_too(
    run: Runner, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hard = ledger.with_name("hard.xlsx")
    os.link(ledger, hard)
    before = _digest(ledger)
    assert run("grade", ledger, "--as-of", "2023-03-31", "-o", hard).status == 2
    monkeypatch.chdir(ledger.parent)
    spelled = Path(".") / "sub" / ".." / ledger.name
    (ledger.parent / "sub").mkdir()
    assert run("due", ledger, "--as-of", "2023-03-31", "-o", spelled).status == 2
    assert _digest(ledger) == before


def test_an_alert_file_is_an_input_too(run: Runner, ledger: Path, tmp_path: Path) -> None:
    alert = tmp_path / "alert.json"
    alert.write_text(
        json.dumps(
            {
                "id": "HC-1",
                "kind": "cold_wave",
                "start": "2023-01-12",
                "end": "2023-01-15",
                "village_codes": [],
                "deadline_hours": 24,
            }
        ),
        encoding="utf-8",
    )
    before = _digest(alert)
    result = run("due", ledger, "--as-of", "2023-01-13", "--alert", alert, "-o", alert)
    assert result.status == 2 and "就是输入文件" in result.err
    assert _digest(alert) == before


@pytest.mark.parametrize("index", range(5), ids=["report", "validate", "grade", "due", "convert"])
def test_a_folder_as_output_is_refused(run: Runner, ledger: Path, index: int) -> None:
    folder = ledger.parent / "out.xlsx"
    folder.mkdir()
    result = run(*_commands(ledger, folder)[index])
    assert result.status == 2
    assert "是一个文件夹" in result.err and "is a folder" in result.err
    assert folder.is_dir() and not any(folder.iterdir())


def test_a_folder_without_ledgers_is_named_as_a_folder_not_a_missing_file(
    run: Runner, tmp_path: Path
) -> None:
    # a folder is read recursively (socialwork_core.rollup); this one holds no ledger
    result = run("validate", tmp_path)
    assert result.status == 2
    assert "是一个文件夹，其中没有台账文件" in result.err and "is a folder" in result.err
    assert "找不到" not in result.err


@pytest.mark.parametrize("index", range(5), ids=["report", "validate", "grade", "due", "convert"])
def test_an_output_that_is_a_ledger_inside_an_input_folder_is_refused(
    run: Runner, ledger: Path, index: int
) -> None:
    before = _digest(ledger)
    result = run(*_commands(ledger.parent, ledger)[index])
    assert result.status == 2
    assert "就是输入文件" in result.err
    assert _digest(ledger) == before


def test_a_report_over_an_earlier_report_replaces_it_and_leaves_no_temporary_file(
    run: Runner, ledger: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "月报.xlsx"
    args = ["report", "guangdong.monthly", ledger, "--period", "2023-03", "-o", out]
    assert run(*args).status == 0
    first = out.stat().st_mtime_ns
    assert run(*args).status == 0
    assert out.stat().st_mtime_ns >= first
    assert sorted(p.name for p in out.parent.iterdir()) == ["月报.xlsx"]
