"""The conformance suite of socialwork-core, run on this adapter: one class, the adapter's entry
point name, and the capabilities it claims (it has no rule sets or recipient checks of its own,
so those concerns are skipped)."""

from __future__ import annotations

from socialwork_core.testing import AdapterConformance, Capability


class TestZhejiangConforms(AdapterConformance):
    adapter = "zhejiang"
    distribution = "socialwork-zhejiang"
    capabilities = frozenset(
        {
            Capability.LEDGER_FORMATS,
            Capability.FORMAT_DETECTION,
            Capability.CATEGORIES,
            Capability.REPORT_TEMPLATES,
        }
    )
