"""The README's first command makes the report it names, and its tour runs as written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from socialwork_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)\n```", README, flags=re.S)


@pytest.fixture
def in_a_copy_of_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory that sees the repository's examples but writes elsewhere."""
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_set_up_has_exactly_two_commands_install_and_report_then_tests() -> None:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)\n```", setup, flags=re.S)
    assert len(commands) == 2
    assert commands[0].startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert "python -m pip install -e . && socialwork report " in commands[0]
    assert "pytest" in commands[1]


def test_the_first_command_writes_the_report_it_names(in_a_copy_of_the_root: Path) -> None:
    first = blocks("bash")[0]
    *set_up, run = (part.strip() for part in first.split("&&"))
    assert set_up[-1] == "python -m pip install -e ."
    argv = shlex.split(run)
    assert argv[0] == "socialwork"
    named = Path(argv[argv.index("-o") + 1])
    assert str(named) in README.split("```bash", 1)[0]  # the prose names the file
    assert main(argv[1:]) == 0
    assert (in_a_copy_of_the_root / named).stat().st_size > 0


def test_the_tour_runs_in_order(
    in_a_copy_of_the_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    namespace: dict[str, object] = {"__name__": "readme_tour"}
    for code in blocks("python"):
        exec(compile(code, "README.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert printed.startswith("guangdong ")
    assert (in_a_copy_of_the_root / "out" / "tour-report.xlsx").exists()
    assert "socialwork_region" in namespace


def test_the_readme_alert_example_is_a_valid_alert() -> None:
    import json

    from socialwork_core.plugins import load_plugins
    from socialwork_core.schedule import Alert
    from socialwork_core.serialize import structure

    (text,) = blocks("json")
    alert = structure(load_plugins().make_converter(), json.loads(text), Alert)
    assert alert.id == "HC-2023-01" and len(alert.village_codes) == 2
