"""Which rule sets the command grades a ledger by."""

from __future__ import annotations

from datetime import date

import attrs

from socialwork_core.cli.session import region_rule_sets
from socialwork_core.grading import RuleSet
from socialwork_core.plugins import Region, hookimpl, load_plugins
from socialwork_core.schedule import NATIONAL_DEFAULT

PROVINCE = Region(
    code="testprovince",
    name="测试省",
    division_codes=("99",),
    adapter="socialwork-testprovince",
    adapter_version="0.1.0",
)
PROVINCIAL_RULES = attrs.evolve(
    NATIONAL_DEFAULT, name="testprovince", version="2024.1", effective_from=date(2024, 1, 1)
)


class Province:
    @hookimpl
    def socialwork_region(self) -> Region:
        return PROVINCE

    @hookimpl
    def socialwork_rule_sets(self) -> list[RuleSet]:
        return [PROVINCIAL_RULES]


def test_a_ledger_of_no_region_is_graded_by_the_national_rules_never_a_provinces() -> None:
    plugins = load_plugins(extra_plugins=[Province()], environ={})

    assert region_rule_sets(plugins, None) == (NATIONAL_DEFAULT,)
    # the province's own, and the national default for the days before they take effect
    assert region_rule_sets(plugins, PROVINCE) == (PROVINCIAL_RULES, NATIONAL_DEFAULT)
    guangdong = next(r for r in plugins.regions() if r.code == "guangdong")
    assert region_rule_sets(plugins, guangdong) == (NATIONAL_DEFAULT,)  # it brings none


def test_without_any_adapter_the_librarys_default_rules_apply() -> None:
    plugins = load_plugins(load_entrypoints=False, environ={})

    assert region_rule_sets(plugins, None) == (NATIONAL_DEFAULT,)
