"""Generated documentation pages match the code they are generated from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_glossary_page_is_generated_from_the_current_enumerations() -> None:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert page == module.render(), "run: python docs/generate.py"
