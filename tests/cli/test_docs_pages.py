"""The hand-written docs pages link to pages that exist and name API that exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PAGES = ["index.md", "concepts.md", "api.md"]
OTHER_ENGINEERS_PAGES = {"writing-an-adapter.md"}
"""Linked from here, written elsewhere (may land later)."""


@pytest.mark.parametrize("page", PAGES)
def test_relative_links_point_to_files_that_exist(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if target.startswith("http") or target in OTHER_ENGINEERS_PAGES:
            continue
        assert (DOCS / target).resolve().exists(), f"{page} links to missing {target}"


def test_the_index_links_every_topic_of_the_issue() -> None:
    text = (DOCS / "index.md").read_text(encoding="utf-8")
    for target in [
        "concepts.md",
        "glossary.md",
        "rules.md",
        "ledger-formats.md",
        "plugin_hooks.md",
        "writing-an-adapter.md",
        "data-protection.md",
        "architecture.md",
        "api.md",
    ]:
        assert f"]({target})" in text, target


def _resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            if not hasattr(obj, name):
                return False
            obj = getattr(obj, name)
        return True
    return False


@pytest.mark.parametrize("page", ["concepts.md", "api.md"])
def test_every_dotted_name_on_the_page_exists(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    names = {
        m.split("(")[0]
        for m in re.findall(r"`(socialwork_core(?:\.[A-Za-z_][A-Za-z0-9_]*)+)", text)
    }
    assert names
    missing = sorted(n for n in names if not _resolves(n))
    assert missing == []
