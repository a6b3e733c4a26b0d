"""Every hook is documented and tested (datasette's idea): a heading in docs/plugin_hooks.md with its
signature, a runnable example and links to the built-in adapters implementing it, a well-formed spec
docstring, and a ``test_hook_<name>`` test. The examples are run as plugins."""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import socialwork_core
from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity
from socialwork_core.grading import RuleSet
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import (
    CategoryDefinition,
    Plugins,
    Region,
    hook_names,
    hookimpl,
    hookspecs,
    load_plugins,
)
from socialwork_core.recipients import Recipient
from socialwork_core.reports import ReportTemplate

from . import test_hooks

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugin_hooks.md"
BUILT_IN = ("national", "guangdong", "henan", "anhui")
HOOKS = hook_names()


def sections() -> dict[str, str]:
    """Heading → text of each ``## `` section of the hooks page."""
    found: dict[str, str] = {}
    for chunk in re.split(r"^## ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        found[heading.strip()] = body
    return found


def blocks(body: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", body, flags=re.DOTALL)


def implementers(hook: str) -> set[str]:
    marker = "socialwork_core_impl"
    return {
        name
        for name in BUILT_IN
        if hasattr(
            getattr(importlib.import_module(f"socialwork_{name}.plugin"), hook, None), marker
        )
    }


def test_the_hooks_are_the_ones_the_contract_promises() -> None:
    assert set(HOOKS) >= {
        "socialwork_region",
        "socialwork_ledger_formats",
        "socialwork_extra_categories",
        "socialwork_rule_sets",
        "socialwork_report_templates",
        "socialwork_check_recipient",
        "socialwork_configure_converter",
        "socialwork_detect_format",
        "socialwork_messages",
    }
    assert all(name.startswith("socialwork_") for name in HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_doc_heading_with_its_signature(hook: str) -> None:
    documented = sections()

    assert hook in documented, f"docs/plugin_hooks.md lacks a '## {hook}' heading"
    (signature,) = blocks(documented[hook], "")
    parameters = list(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert signature.startswith(f"{hook}(")
    assert re.findall(r"(\w+):", signature.partition(")")[0]) == parameters


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_links_exactly_the_built_in_adapters_that_implement_it(hook: str) -> None:
    body = sections()[hook]
    linked = set(re.findall(r"\[(\w+)\]\(\.\./src/adapters/socialwork_(\w+)/plugin\.py\)", body))

    assert all(text == target for text, target in linked)
    assert {target for _, target in linked} == implementers(hook)
    for _, target in linked:
        assert (ROOT / "src" / "adapters" / f"socialwork_{target}" / "plugin.py").is_file()


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str) -> None:
    tests = [name for name in dir(test_hooks) if name.startswith(f"test_hook_{hook}")]

    assert tests, f"tests/plugins/test_hooks.py has no test_hook_{hook}… test"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_spec_docstring_says_what_when_and_how(hook: str) -> None:
    spec = getattr(hookspecs, hook)
    doc = inspect.getdoc(spec) or ""
    first_result = spec.socialwork_core_spec.get("firstresult", False)

    summary = doc.splitlines()[0]
    assert summary.endswith(".") and len(summary) < 100
    assert "Called" in doc
    assert "Example::" in doc
    assert ("Stops at the first non-None result" in doc) == first_result


RECIPIENT = Recipient(key="ZJ-001", name="周雨桐", categories={"zhejiang.near_low_income"})


def check_region(plugins: Plugins, _module: ModuleType) -> None:
    (region,) = plugins.regions()
    assert isinstance(region, Region)


def check_formats(plugins: Plugins, _module: ModuleType) -> None:
    formats = plugins.ledger_formats()
    assert formats and all(isinstance(f, LedgerFormat) for f in formats)


def check_categories(plugins: Plugins, _module: ModuleType) -> None:
    categories = plugins.extra_categories()
    assert categories and all(isinstance(c, CategoryDefinition) for c in categories)


def check_rule_sets(plugins: Plugins, _module: ModuleType) -> None:
    rule_sets = plugins.rule_sets()
    assert rule_sets and all(isinstance(r, RuleSet) for r in rule_sets)


def check_templates(plugins: Plugins, _module: ModuleType) -> None:
    templates = plugins.report_templates()
    assert templates and all(isinstance(t, ReportTemplate) for t in templates)


def check_recipient(plugins: Plugins, _module: ModuleType) -> None:
    findings = plugins.check_recipient(RECIPIENT, date(2024, 3, 1))
    assert [(type(f), f.code, f.message) for f in findings] == [
        (Finding, "zhejiang.no_phone", "周雨桐没有联系电话，低边户需要定期电话回访。")
    ]


def check_messages(plugins: Plugins, _module: ModuleType) -> None:
    templates = plugins.messages()
    assert templates and all(code.startswith("zhejiang.") for code in templates)
    with plugins.speaking():
        finding = Finding.of("zhejiang.household_split", Severity.INFO, name="周雨桐", key="ZJ-001")
    assert finding.message == "周雨桐（ZJ-001）与户主不在同一村居，请核对户籍。"


def check_converter(plugins: Plugins, module: ModuleType) -> None:
    converter = plugins.make_converter()
    code = module.VillageCode("330784101")
    assert converter.structure(converter.unstructure(code), module.VillageCode) == code


def check_detection(plugins: Plugins, _module: ModuleType) -> None:
    found = plugins.detect_format({"Sheet1": ("户编号", "姓名", "低边类型")})
    assert found is not None and found.format.name == "zhejiang"


CHECKS: dict[str, Callable[[Plugins, ModuleType], None]] = {
    "socialwork_region": check_region,
    "socialwork_ledger_formats": check_formats,
    "socialwork_extra_categories": check_categories,
    "socialwork_rule_sets": check_rule_sets,
    "socialwork_report_templates": check_templates,
    "socialwork_check_recipient": check_recipient,
    "socialwork_messages": check_messages,
    "socialwork_configure_converter": check_converter,
    "socialwork_detect_format": check_detection,
}


@pytest.mark.parametrize("hook", HOOKS)
def test_every_doc_example_runs_as_a_plugin(hook: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples import the marker from the package root; until the package exports it (an
    # integration step), provide the very object the plugins module defines.
    monkeypatch.setattr(socialwork_core, "hookimpl", hookimpl, raising=False)
    (example,) = blocks(sections()[hook], "python")
    assert example.startswith("from socialwork_core import hookimpl\n")
    module = ModuleType(f"docs_example_{hook}")
    namespace: dict[str, Any] = module.__dict__
    exec(compile(example, f"<docs/plugin_hooks.md: {hook}>", "exec"), namespace)

    plugins = load_plugins(load_entrypoints=False, extra_plugins=[module], environ={})

    assert plugins.problems == ()
    CHECKS[hook](plugins, module)
