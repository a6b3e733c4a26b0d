"""Every shell command the Chinese guide (docs/zh/) shows runs, on the bundled examples, and ends
as the guide says: exit status 0 unless the block is marked ``<!-- exit-status: N -->``.

A page's blocks run in order in one shell, in a folder holding copies of ``examples/data`` (the
guide asks the reader to copy them into a practice folder); a block marked
``<!-- cwd: examples/plugin-zhejiang -->`` runs in a copy of that folder. Windows' ``py`` launcher is
run as ``python``. Installing commands (``pip install``) are not run here: CI itself performs those
installations (.ci/release-check installs the built sdist and wheel, .ci/run the Zhejiang example),
and the tests below check that each one names what CI installs.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import socialwork_core

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "zh"
EXAMPLES = ROOT / "examples" / "data"

_BLOCK = re.compile(
    r"(?:<!--\s*(?P<notes>[^>]*?)\s*-->\s*\n)?^```shell\n(?P<body>.*?)^```", re.S | re.M
)
_INSTALL = re.compile(r"^(?:py|python3?) -m pip install (?P<what>.+)$")


@attrs.frozen
class Block:
    page: str
    line: int
    commands: tuple[str, ...]
    exit_status: int = 0
    cwd: str | None = None


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        notes = dict(
            (part.split(":", 1)[0].strip(), part.split(":", 1)[1].strip())
            for part in (match["notes"] or "").split(";")
            if ":" in part
        )
        commands = tuple(
            line.strip()
            for line in match["body"].splitlines()
            if line.strip() and not line.startswith("#")
        )
        found.append(
            Block(
                page=page.name,
                line=text.count("\n", 0, match.start("body")),
                commands=commands,
                exit_status=int(notes.get("exit-status", "0")),
                cwd=notes.get("cwd"),
            )
        )
    return found


PAGES = sorted(GUIDE.glob("*.md"))
ALL = [block for page in PAGES for block in blocks(page)]


def test_the_guide_shows_commands_on_every_working_page() -> None:
    pages = {block.page for block in ALL}
    for page in ("index.md", "install.md", "ledger.md", "validate.md", "due.md", "report.md"):
        assert page in pages, page
    assert sum(len(b.commands) for b in ALL) >= 20


def test_the_guide_installs_the_sdist_ci_builds_and_installs() -> None:
    installs = [c for b in ALL for c in b.commands if _INSTALL.match(c)]
    sdist = f"socialwork_core-{socialwork_core.__version__}.tar.gz"
    release_check = (ROOT / ".ci" / "release-check").read_text(encoding="utf-8")
    assert 'pip install --quiet --force-reinstall --no-deps "$sdist"' in release_check
    assert any(sdist in c for c in installs)
    for command in installs:
        what = _INSTALL.match(command)["what"]  # type: ignore[index]
        assert what in (sdist, '-e ".[test]"'), command


def test_the_adapter_guide_installs_the_example_ci_installs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./examples/plugin-zhejiang" in ci
    editable = [b for b in ALL if any(c.endswith('-e ".[test]"') for c in b.commands)]
    assert editable and all(b.cwd == "examples/plugin-zhejiang" for b in editable)


def _script(page_blocks: list[Block], work: Path, copies: Path) -> str:
    lines = ['py() { python "$@"; }', f"cd {shlex.quote(str(work))}"]
    for block in page_blocks:
        folder = work if block.cwd is None else copies / block.cwd
        lines.append(f"cd {shlex.quote(str(folder))}")
        for command in block.commands:
            if _INSTALL.match(command):
                continue
            lines += [
                command,
                "status=$?",
                f"if [ $status -ne {block.exit_status} ]; then",
                f"  echo {shlex.quote(f'{block.page}:{block.line}: {command}')}"
                f' " exited with $status, expected {block.exit_status}" >&2',
                "  exit 1",
                "fi",
            ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("page", [p.name for p in PAGES if blocks(p)])
def test_every_command_of_the_page_runs_on_the_examples(page: str, tmp_path: Path) -> None:
    work = tmp_path / "练习"
    work.mkdir()
    for example in EXAMPLES.iterdir():
        if example.is_file():
            shutil.copy(example, work)
    page_blocks = blocks(GUIDE / page)
    copies = tmp_path / "copies"
    for folder in {b.cwd for b in page_blocks if b.cwd is not None}:
        shutil.copytree(
            ROOT / folder,
            copies / folder,
            ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__", ".*"),
        )
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "VIRTUAL_ENV": str(Path(sys.executable).parent.parent),
    }
    done = subprocess.run(
        ["bash", "-c", _script(page_blocks, work, copies)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
