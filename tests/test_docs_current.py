"""Generated documentation pages match the code they are generated from."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_glossary_page_is_generated_from_the_current_enumerations() -> None:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert page == module.render(), "run: python docs/generate.py"


def test_docstrings_cite_the_domain_page_in_the_repository() -> None:
    """Sources cite ``docs/domain.md`` (the design notes' DOMAIN.md is not shipped), and every
    ``docs/….md`` a source names exists, every section of the domain page it names too."""
    domain = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## (\d+)\. ", domain, flags=re.M))
    for path in sorted((ROOT / "src").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"(?<!docs/)\bDOMAIN\.md", text, flags=re.I) is None, path
        for page in re.findall(r"\bdocs/([\w/-]+\.md)", text):
            assert (ROOT / "docs" / page).is_file(), (path, page)
        for number in re.findall(r"docs/domain\.md section (\d+)", text):
            assert number in sections, (path, number)


def test_the_start_page_links_the_chinese_guide_first() -> None:
    page = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#\s]+)", page)
    assert links[0] == "zh/index.md", links[:3]


def test_the_site_navigation_lists_every_page_of_the_chinese_guide_first() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    for page in sorted((ROOT / "docs" / "zh").glob("*.md")):
        assert f"zh/{page.name}" in nav, page.name
    assert nav.index("zh/index.md") < nav.index("concepts.md")
