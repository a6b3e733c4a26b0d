"""The fuzzer's bounded run (about two minutes; ``SOCIALWORK_FUZZ_SECONDS`` changes it) and the
invariants it checks, pinned on the cases the reader does not yet meet (issue #16)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from socialwork_core.plugins import Plugins, load_plugins

HERE = Path(__file__).resolve().parent
SECONDS = float(os.environ.get("SOCIALWORK_FUZZ_SECONDS", "100"))
SEED = int(os.environ.get("SOCIALWORK_FUZZ_SEED", "16"))


def fuzzer() -> ModuleType:
    sys.path.insert(0, str(HERE))
    try:
        import fuzz_ledgers
    finally:
        sys.path.remove(str(HERE))
    return fuzz_ledgers


def test_the_bounded_fuzz_run_finds_no_exit_3_and_nobody_lost() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(HERE / "fuzz_ledgers.py"),
            "--seconds",
            str(SECONDS),
            "--seed",
            str(SEED),
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["cases"] >= 10, report
    assert set(report["by_family"]) >= {"xlsx", "ods", "csv", "bytes"}, report
    assert report["findings"] == [], json.dumps(report["findings"], ensure_ascii=False, indent=1)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return load_plugins()


def problems_after(
    plugins: Plugins, tmp_path: Path, mutate: Callable[..., None], adapter: str
) -> list[str]:
    fuzz = fuzzer()
    seed = fuzz.Seed(adapter, plugins.ledger_formats(adapter=adapter)[0], tmp_path)
    case = fuzz.Case(seed)
    mutate(case, random.Random(3))
    path = fuzz.write_xlsx(case, tmp_path / "case.xlsx")
    problems: list[str] = fuzz.check_load(plugins, case, path)
    return problems


ADAPTERS = ["national", "guangdong", "henan", "anhui"]


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_rows_on_both_sides_of_a_repeated_header_are_accounted_for(
    plugins: Plugins, tmp_path: Path, adapter: str
) -> None:
    assert problems_after(plugins, tmp_path, fuzzer().repeated_header, adapter) == []


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_each_damage_of_structure_loses_nobody(
    plugins: Plugins, tmp_path: Path, adapter: str
) -> None:
    fuzz = fuzzer()
    for mutate in fuzz.STRUCTURE:
        assert problems_after(plugins, tmp_path, mutate, adapter) == [], mutate.__name__


@pytest.mark.parametrize("adapter", ADAPTERS)
def test_a_hidden_stale_register_is_not_read_instead_of_the_visible_one(
    plugins: Plugins, tmp_path: Path, adapter: str
) -> None:
    assert problems_after(plugins, tmp_path, fuzzer().hidden_stale_copy, adapter) == []
