"""The four built-in adapters run the conformance kit exactly as an outside adapter does: one
subclass per concern, naming the entry point and the capabilities the adapter claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialwork_core.plugins import Plugins, Region
from socialwork_core.testing import (
    Capability,
    CategoryTests,
    DiscoveryTests,
    LedgerFormatTests,
    RecipientCheckTests,
    ReportTemplateTests,
    RuleSetTests,
)

NATIONAL = {
    Capability.LEDGER_FORMATS,
    Capability.FORMAT_DETECTION,
    Capability.RULE_SETS,
    Capability.REPORT_TEMPLATES,
}
PROVINCIAL = {
    Capability.LEDGER_FORMATS,
    Capability.FORMAT_DETECTION,
    Capability.CATEGORIES,
    Capability.REPORT_TEMPLATES,
    Capability.RECIPIENT_CHECKS,
}
ANHUI = PROVINCIAL - {Capability.RECIPIENT_CHECKS}

CASE_TEXT_COLUMNS = pytest.mark.xfail(
    strict=True,
    raises=pytest.fail.Exception,
    reason=(
        "known bug the kit found: the cases sheet's 主要问题/服务目标 columns are plain text "
        "columns for tuple fields (Case.problems, Case.goals), so '家庭关系紧张' reads back as one "
        "item per character. Fix in socialwork_national.formats (multi=True) or in the ledger "
        "builder; then remove this mark (strict: it fails once fixed)."
    ),
)


class _RoundTripKnownBug(LedgerFormatTests):
    """The built-in formats all share the national cases sheet (see CASE_TEXT_COLUMNS)."""

    @CASE_TEXT_COLUMNS
    def test_generated_ledger_round_trips_through_each_format(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> None:
        super().test_generated_ledger_round_trips_through_each_format(
            socialwork_plugins, adapter_region, kit_workdir
        )


# --- national ---------------------------------------------------------------------------------------


class TestNationalDiscovery(DiscoveryTests):
    adapter = "national"
    capabilities = NATIONAL


class TestNationalLedgerFormats(_RoundTripKnownBug):
    adapter = "national"
    capabilities = NATIONAL


class TestNationalRuleSets(RuleSetTests):
    adapter = "national"
    capabilities = NATIONAL


class TestNationalReports(ReportTemplateTests):
    adapter = "national"
    capabilities = NATIONAL


# --- guangdong --------------------------------------------------------------------------------------


class TestGuangdongDiscovery(DiscoveryTests):
    adapter = "guangdong"
    capabilities = PROVINCIAL


class TestGuangdongLedgerFormats(_RoundTripKnownBug):
    adapter = "guangdong"
    capabilities = PROVINCIAL


class TestGuangdongCategories(CategoryTests):
    adapter = "guangdong"
    capabilities = PROVINCIAL


class TestGuangdongReports(ReportTemplateTests):
    adapter = "guangdong"
    capabilities = PROVINCIAL


class TestGuangdongChecks(RecipientCheckTests):
    adapter = "guangdong"
    capabilities = PROVINCIAL


# --- henan ------------------------------------------------------------------------------------------


class TestHenanDiscovery(DiscoveryTests):
    adapter = "henan"
    capabilities = PROVINCIAL


class TestHenanLedgerFormats(_RoundTripKnownBug):
    adapter = "henan"
    capabilities = PROVINCIAL


class TestHenanCategories(CategoryTests):
    adapter = "henan"
    capabilities = PROVINCIAL


class TestHenanReports(ReportTemplateTests):
    adapter = "henan"
    capabilities = PROVINCIAL


class TestHenanChecks(RecipientCheckTests):
    adapter = "henan"
    capabilities = PROVINCIAL


# --- anhui ------------------------------------------------------------------------------------------


class TestAnhuiDiscovery(DiscoveryTests):
    adapter = "anhui"
    capabilities = ANHUI


class TestAnhuiLedgerFormats(_RoundTripKnownBug):
    adapter = "anhui"
    capabilities = ANHUI


class TestAnhuiCategories(CategoryTests):
    adapter = "anhui"
    capabilities = ANHUI


class TestAnhuiReports(ReportTemplateTests):
    adapter = "anhui"
    capabilities = ANHUI


class TestAnhuiChecks(RecipientCheckTests):
    """Anhui has no recipient checks: the concern is skipped, as for any adapter not claiming it."""

    adapter = "anhui"
    capabilities = ANHUI
