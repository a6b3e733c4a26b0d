"""The adapter conformance kit: what an adapter (a regional plugin) runs in its own tests.

Nothing here is loaded unless a test suite asks for it (it needs pytest, an optional test
dependency of the library). Two ways in, both opt-in:

- subclass the abstract test classes, one per concern, naming the adapter's entry point and the
  optional capabilities it claims (the rest are skipped)::

      from socialwork_core.testing import AdapterConformance, Capability

      class TestZhejiang(AdapterConformance):
          adapter = "zhejiang"
          capabilities = {Capability.LEDGER_FORMATS, Capability.CATEGORIES,
                          Capability.REPORT_TEMPLATES}

  or pick concerns: :class:`DiscoveryTests` (entry point, region metadata, public imports,
  declared capabilities), :class:`LedgerFormatTests` (a ledger generated from each format loads
  and writes back unchanged; detection), :class:`CategoryTests`, :class:`RuleSetTests`,
  :class:`ReportTemplateTests` (renders, masks personal data, figures agree with the core's
  indicators), :class:`RecipientCheckTests` (and the templates of their findings),
  :class:`ConverterTests` (records round-trip through the plugins' converter rules);
- enable the pytest plugin for the report header and the shared fixtures::

      pytest_plugins = ["socialwork_core.testing.plugin"]

Failures list every problem found, each saying what to fix in the adapter. The checks are plain
functions too (:mod:`socialwork_core.testing.checks`), and :func:`synthetic_ledger` makes a
made-up ledger for any format.
"""

from __future__ import annotations

from .checks import (
    check_categories,
    check_converter,
    check_detection,
    check_discovery,
    check_format_round_trip,
    check_public_imports,
    check_region,
    check_report_template,
    check_rule_sets,
    core_figures,
    personal_data,
)
from .suite import (
    AdapterConformance,
    AdapterTestBase,
    Capability,
    CategoryTests,
    ConverterTests,
    DiscoveryTests,
    LedgerFormatTests,
    RecipientCheckTests,
    ReportTemplateTests,
    RuleSetTests,
    requires,
)
from .synthetic import DEFAULT_AS_OF, FormatGap, covered_fields, synthetic_ledger, synthetic_phone

__all__ = [
    "DEFAULT_AS_OF",
    "AdapterConformance",
    "AdapterTestBase",
    "Capability",
    "CategoryTests",
    "ConverterTests",
    "DiscoveryTests",
    "FormatGap",
    "LedgerFormatTests",
    "RecipientCheckTests",
    "ReportTemplateTests",
    "RuleSetTests",
    "check_categories",
    "check_converter",
    "check_detection",
    "check_discovery",
    "check_format_round_trip",
    "check_public_imports",
    "check_region",
    "check_report_template",
    "check_rule_sets",
    "core_figures",
    "covered_fields",
    "personal_data",
    "requires",
    "synthetic_ledger",
    "synthetic_phone",
]
