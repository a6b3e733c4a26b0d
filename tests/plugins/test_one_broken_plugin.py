"""One broken plugin breaks only itself, and each plugin is asked once for what it contributes."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from socialwork_core.cli import main
from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity
from socialwork_core.plugins import PluginError, hookimpl, load_plugins
from socialwork_core.plugins.calls import HookCalls
from socialwork_core.recipients import Recipient

from .conftest import InstallPlugin

ROOT = Path(__file__).resolve().parents[2]
GUANGDONG_LEDGER = ROOT / "examples" / "data" / "guangdong_example_ledger.xlsx"

ONE_RULE_SET_NOT_A_LIST = """
from socialwork_core.plugins import Region, hookimpl
from socialwork_core.schedule import NATIONAL_DEFAULT

@hookimpl
def socialwork_region():
    return Region(code="sichuan", name="四川省", division_codes=("51",),
                  adapter="socialwork-sichuan", adapter_version="0.1")

@hookimpl
def socialwork_rule_sets():
    return NATIONAL_DEFAULT  # one rule set, where the hook wants a list of them
"""

MISSPELT_HOOK = """
from socialwork_core.plugins import hookimpl

@hookimpl
def socialwork_rule_set():
    return []
"""


def socialwork(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err, today=date(2023, 4, 10))
    return status, out.getvalue(), err.getvalue()


def test_a_hook_answering_one_object_instead_of_a_list_names_the_plugin_and_the_hook(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin("sichuan", ONE_RULE_SET_NOT_A_LIST)

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("sichuan", "plugins.hook_answer_wrong")
    assert "socialwork_rule_sets returned a RuleSet" in problem.detail
    assert "not a list of RuleSet" in problem.detail
    assert "sichuan" in problem.finding.message
    assert "socialwork_rule_sets" in problem.finding.message
    assert plugins.set_aside() == ("sichuan",)
    assert "guangdong" in plugins.names()


def test_socialwork_adapters_lists_the_others_and_names_the_plugin_set_aside(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin("sichuan", ONE_RULE_SET_NOT_A_LIST)

    status, out, err = socialwork("adapters")

    assert status == 0
    assert "guangdong" in out
    (note,) = [line for line in err.splitlines() if "sichuan" in line]  # named once, with why
    assert "socialwork_rule_sets" in note
    assert "list[RuleSet]" in note


@pytest.mark.parametrize("broken", [ONE_RULE_SET_NOT_A_LIST, MISSPELT_HOOK])
def test_a_report_for_another_region_still_works_and_names_the_plugin_set_aside(
    install_plugin: InstallPlugin, tmp_path: Path, broken: str
) -> None:
    install_plugin("sichuan", broken)
    out = tmp_path / "report.xlsx"

    status, _, err = socialwork(
        "report", "guangdong.monthly", GUANGDONG_LEDGER, "--period", "2023-03", "-o", out
    )

    assert status == 0, err
    assert out.exists()
    assert "sichuan" in err


def test_a_region_whose_plugin_was_set_aside_is_named_when_asked_for(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin("sichuan", ONE_RULE_SET_NOT_A_LIST)

    plugins = load_plugins(environ={})

    with pytest.raises(KeyError, match="set aside while loading: sichuan"):
        plugins.region("sichuan")


def test_a_check_answering_one_finding_instead_of_a_list_names_the_plugin_and_the_hook() -> None:
    class OneFinding:
        @hookimpl
        def socialwork_check_recipient(self, recipient: Recipient, as_of: date) -> Finding:
            return Finding.of("category.age_unknown", Severity.INFO, category="x")

    plugins = load_plugins(load_entrypoints=False, extra_plugins=[OneFinding()], environ={})
    person = Recipient(key="SC-001", name="李桂兰", registered_on=date(2023, 1, 5))

    with pytest.raises(PluginError, match=r"'OneFinding'.*socialwork_check_recipient returned a"):
        plugins.check_recipient(person, date(2024, 3, 1))


def test_validating_the_example_ledger_asks_each_plugin_for_its_categories_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: Counter[tuple[str, str]] = Counter()
    ask = HookCalls.ask

    def counting(self: HookCalls, spec: Any, plugin: str, /, **kwargs: Any) -> Any:
        asked[spec.__name__, plugin] += 1
        return ask(self, spec, plugin, **kwargs)

    monkeypatch.setattr(HookCalls, "ask", counting)

    status, _, err = socialwork("validate", GUANGDONG_LEDGER, "--as-of", "2023-04-01")

    assert status in (0, 1), err
    categories = {p: n for (hook, p), n in asked.items() if hook == "socialwork_extra_categories"}
    assert set(categories) >= {"national", "guangdong", "henan", "anhui"}
    assert set(categories.values()) == {1}
    checks = sum(n for (hook, _), n in asked.items() if hook == "socialwork_check_recipient")
    assert checks > 0  # the recipient checks, with arguments, are called per person
