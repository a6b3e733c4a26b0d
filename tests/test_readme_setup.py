"""The README's two commands work as written on a fresh Debian or Ubuntu: the first makes and uses a
virtual environment, installs the project and writes a report; the second is the test command.

Marked ``network``: it installs from the package index, so it is skipped (saying why) where pip
cannot download packages; CI has the index and runs it. It works on a copy of the repository, so
the ``.venv`` the first command makes is not the developer's. The second command's pytest runs
with ``--collect-only`` (``PYTEST_ADDOPTS``): every test module must import in the fresh
environment, without running the whole suite a second time inside itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_ci_and_readme import ROOT, readme_test_command

pytestmark = [pytest.mark.network, pytest.mark.slow]

REPORT = Path("out/guangdong-monthly-2023-03.xlsx")


def readme_setup_command() -> str:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.strip() for c in re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)]
    return next(c for c in commands if "venv" in c)


def test_the_first_command_makes_and_uses_a_virtual_environment() -> None:
    setup = readme_setup_command()
    assert setup.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
    assert str(REPORT) in setup


def _index_reachable(folder: Path) -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--dest", str(folder), "pip"],
        capture_output=True,
        timeout=180,
        check=False,
    )
    return result.returncode == 0


def _copy(destination: Path) -> Path:
    ignored = shutil.ignore_patterns(
        ".git", ".venv*", "out", "__pycache__", "*.egg-info", "build", ".pytest_cache"
    )
    shutil.copytree(ROOT, destination, ignore=ignored)
    return destination


def test_the_readme_commands_work_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    if not _index_reachable(tmp_path / "probe"):
        pytest.skip("no network to the package index: pip cannot download packages here")
    repo = _copy(tmp_path / "repo")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(sys.prefix)
    )
    first = subprocess.run(
        ["bash", "-c", readme_setup_command()],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    assert (repo / REPORT).stat().st_size > 0
    second = subprocess.run(
        ["bash", "-c", f". .venv/bin/activate && {readme_test_command()}"],
        cwd=repo,
        env={**env, "PYTEST_ADDOPTS": "--collect-only -q"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-2000:]
    assert "tests collected" in second.stdout or "collected" in second.stdout
