"""The four built-in adapters run the conformance kit exactly as an outside adapter does: one
subclass per concern, naming the entry point and the capabilities the adapter claims."""

from __future__ import annotations

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

# --- national ---------------------------------------------------------------------------------------


class TestNationalDiscovery(DiscoveryTests):
    adapter = "national"
    capabilities = NATIONAL


class TestNationalLedgerFormats(LedgerFormatTests):
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


class TestGuangdongLedgerFormats(LedgerFormatTests):
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


class TestHenanLedgerFormats(LedgerFormatTests):
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


class TestAnhuiLedgerFormats(LedgerFormatTests):
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
