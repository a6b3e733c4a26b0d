"""The generator's answer keys say what its files hold (read back without the library)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .generate import plan_of, readme_table, write_styles
from .styles import STYLES
from .verify import problems


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.slug)
def test_the_key_agrees_with_the_file(style, variety_dir: Path) -> None:
    plan = plan_of(style)
    key = json.loads((variety_dir / f"{plan.file}.key.json").read_text(encoding="utf-8"))
    assert problems(variety_dir / plan.file, key) == []


def test_there_are_at_least_twelve_styles_two_of_them_csv() -> None:
    plans = [plan_of(s) for s in STYLES]
    assert len(plans) >= 12
    assert sum(p.format == "csv" for p in plans) >= 1


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    (first,) = write_styles(tmp_path / "a", STYLES[:1])
    (second,) = write_styles(tmp_path / "b", STYLES[:1])
    assert first[1].read_text(encoding="utf-8") == second[1].read_text(encoding="utf-8")


def test_every_resident_id_in_a_key_is_valid(variety_dir: Path) -> None:
    from stdnum.cn import ric

    for key_path in variety_dir.glob("*.key.json"):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        assert all(ric.is_valid(p["id"]) for p in key["people"] if p["id"])


def test_the_readme_lists_every_style_with_its_counts() -> None:
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    assert readme_table() in readme, "regenerate it: python -m tests.variety --readme-table"
