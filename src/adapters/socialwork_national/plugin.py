"""The hook implementations of the national adapter (entry point ``national``).

Data lives in the sibling modules (region, formats, categories, reports); this module only hands it
to the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from socialwork_core.grading import RuleSet
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import Region, count_headers, hookimpl
from socialwork_core.reports import ReportTemplate
from socialwork_core.schedule import NATIONAL_DEFAULT

from .formats import DISTINCTIVE_HEADERS, FORMAT, FORMATS
from .region import REGION
from .reports import TEMPLATES


@hookimpl
def socialwork_region() -> Region:
    return REGION


@hookimpl
def socialwork_ledger_formats() -> list[LedgerFormat]:
    return list(FORMATS)


@hookimpl(trylast=True)
def socialwork_detect_format(headers: Mapping[str, Sequence[str]]) -> str | None:
    """The fallback: any workbook with a register's key and name columns reads as national."""
    return FORMAT.name if count_headers(headers, DISTINCTIVE_HEADERS) >= 2 else None


@hookimpl
def socialwork_rule_sets() -> list[RuleSet]:
    """The library's default three-level rules and visit policy (docs/domain.md section 3)."""
    return [NATIONAL_DEFAULT]


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
