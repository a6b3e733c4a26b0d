"""docs/writing-an-adapter.md: every Python block either is the scaffold's generated code (its
first line names the file, and the text is found in that file as generated) or runs as it
stands; the pyproject shown is the one generated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialwork_core.scaffold import adapter_files

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "writing-an-adapter.md"
FILES = adapter_files("sichuan", province="四川省", division="51")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)


def generated(block: str) -> str | None:
    """The generated file a block shows (named on its first line), or ``None``."""
    first, _, _ = block.partition("\n")
    path = first.removeprefix("# ").strip()
    return path if first.startswith("# ") and path in FILES else None


SHOWN = [b for b in blocks("python") if generated(b)]
RUN = [b for b in blocks("python") if not generated(b)]


def test_the_guide_shows_every_generated_module_and_runs_examples() -> None:
    shown = {generated(b) for b in SHOWN}
    modules = {p for p in FILES if p.startswith("src/") and p.endswith(".py")}
    assert modules - {"src/socialwork_sichuan/__init__.py"} <= shown
    assert len(RUN) >= 4  # visit policy, rule-set versions, declared level, groups, stations


@pytest.mark.parametrize("block", SHOWN, ids=[generated(b) for b in SHOWN])
def test_a_block_naming_a_generated_file_is_that_files_text(block: str) -> None:
    path = generated(block)
    assert path is not None
    body = block.partition("\n")[2].strip()
    assert body in FILES[path], f"docs/writing-an-adapter.md shows {path} other than generated"


def test_the_pyproject_shown_is_the_generated_one() -> None:
    (shown,) = blocks("toml")
    assert shown.strip() == FILES["pyproject.toml"].strip()


@pytest.mark.parametrize("block", RUN, ids=[f"example-{n + 1}" for n in range(len(RUN))])
def test_every_other_python_block_runs_as_it_stands(block: str) -> None:
    exec(compile(block, str(GUIDE), "exec"), {"__name__": "guide_example"})
