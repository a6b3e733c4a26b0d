"""Write every style (or some) to a folder: the ledger files and their answer keys."""

from __future__ import annotations

import random
from collections.abc import Iterable
from pathlib import Path

from .build import LedgerPlan, write_ledger
from .styles import STYLES, Style


def plan_of(style: Style) -> LedgerPlan:
    """The style's ledger, from a generator seeded with the style's name (deterministic)."""
    return style.build(random.Random(f"variety:{style.slug}"))


def write_styles(out_dir: Path, styles: Iterable[Style] = STYLES) -> list[tuple[Path, Path]]:
    """Write each style's file and ``<file>.key.json`` into ``out_dir``."""
    return [write_ledger(plan_of(style), out_dir) for style in styles]


def readme_table(styles: Iterable[Style] = STYLES) -> str:
    """The table of styles in ``README.md``: style, file, people, valid visits, what it exercises."""
    lines = [
        "| style | file | people | visits | what it exercises |",
        "|---|---|---:|---:|---|",
    ]
    for style in styles:
        plan = plan_of(style)
        visits = sum(1 for v in plan.visits if v["valid"])
        exercises = plan.exercises.replace("|", "\\|")
        lines.append(
            f"| `{style.slug}` | {plan.file} | {len(plan.people)} | {visits} | {exercises} |"
        )
    return "\n".join(lines)
