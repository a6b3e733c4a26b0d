"""The four built-in adapters run the conformance kit exactly as an outside adapter does: one
subclass per concern, naming the entry point and the capabilities the adapter claims."""

from __future__ import annotations

from socialwork_core.testing import (
    Capability,
    CategoryTests,
    ConverterTests,
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


# --- the wiring above -------------------------------------------------------------------------------

CONCERNS: dict[type, Capability | None] = {
    DiscoveryTests: None,
    LedgerFormatTests: Capability.LEDGER_FORMATS,
    CategoryTests: Capability.CATEGORIES,
    RuleSetTests: Capability.RULE_SETS,
    ReportTemplateTests: Capability.REPORT_TEMPLATES,
    RecipientCheckTests: Capability.RECIPIENT_CHECKS,
    ConverterTests: Capability.CONVERTER,
}


def test_every_built_in_adapter_runs_every_concern_it_claims() -> None:
    runs: dict[str, set[type]] = {}
    claims: dict[str, set[Capability]] = {}
    for obj in list(globals().values()):
        if isinstance(obj, type) and obj.__name__.startswith("Test"):
            concern = next(c for c in CONCERNS if issubclass(obj, c))
            runs.setdefault(obj.adapter, set()).add(concern)
            claims[obj.adapter] = set(obj.capabilities)
    assert set(runs) == {"national", "guangdong", "henan", "anhui"}
    for adapter, concerns in runs.items():
        expected = {c for c, needs in CONCERNS.items() if needs is None or needs in claims[adapter]}
        assert concerns >= expected, adapter  # a concern not claimed may run: it skips
