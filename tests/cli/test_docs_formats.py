"""docs/ledger-formats.md is generated from the adapters' column specifications and is current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from socialwork_core.plugins import load_plugins

ROOT = Path(__file__).resolve().parents[2]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ledger_formats_page_is_generated_from_the_current_formats() -> None:
    page = (ROOT / "docs" / "ledger-formats.md").read_text(encoding="utf-8")
    assert page == generator().render_formats(), "run: python docs/generate.py"


def test_the_page_names_every_header_of_every_built_in_format() -> None:
    page = generator().render_formats()
    plugins = load_plugins()
    for name in ("national", "guangdong", "henan", "anhui"):
        assert f"# Adapter `{name}`" in page
        for fmt in plugins.ledger_formats(adapter=name):
            assert f"### Ledger format `{fmt.name}`" in page
            for sheet in fmt.sheets:
                for column in sheet.columns:
                    assert f"| `{column.field}` | {column.header} |" in page
                    for header in column.headers[1:]:
                        assert header in page


def test_an_extra_installed_plugin_does_not_change_the_page() -> None:
    class Outside:
        """A plugin passed directly (origin ``extra``), like one from another distribution."""

    plugins = load_plugins(extra_plugins=[Outside()])
    assert "Outside" in plugins.names()
    assert generator().render_formats(plugins) == generator().render_formats()


def test_the_rules_page_is_generated_from_the_current_rule_sets() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == generator().render_rules(), "run: python docs/generate.py"


def test_the_rules_page_lists_every_rule_and_requirement_of_the_default() -> None:
    from socialwork_core.schedule import NATIONAL_DEFAULT

    page = generator().render_rules()
    for rule in NATIONAL_DEFAULT.rules:
        assert f"| `{rule.id}` | {rule.level.label} | {rule.description} |" in page
    for policy in NATIONAL_DEFAULT.policy.values():
        for requirement in policy.requirements:
            assert f"`{requirement.id}`" in page
