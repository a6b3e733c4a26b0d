"""The hook implementations of the Zhejiang adapter (entry point ``zhejiang``).

Data lives in the sibling modules (region, categories, formats, reports); this module only hands
it to the core. Grading and visits follow the national default rule set (no ``socialwork_rule_sets``
here), as the core does for a region without its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import CategoryDefinition, Region, count_headers, hookimpl
from socialwork_core.reports import ReportTemplate

from .categories import CATEGORIES
from .formats import DISTINCTIVE_HEADERS, FORMAT, FORMATS
from .region import REGION
from .reports import TEMPLATES


@hookimpl
def socialwork_region() -> Region:
    return REGION


@hookimpl
def socialwork_ledger_formats() -> list[LedgerFormat]:
    return list(FORMATS)


@hookimpl
def socialwork_detect_format(headers: Mapping[str, Sequence[str]]) -> str | None:
    return FORMAT.name if count_headers(headers, DISTINCTIVE_HEADERS) >= 2 else None


@hookimpl
def socialwork_extra_categories() -> list[CategoryDefinition]:
    return list(CATEGORIES)


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
