"""The hook implementations of the henan adapter (entry point ``henan``).

Data lives in the sibling modules (region, formats, categories, reports); this module only hands it
to the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from socialwork_core.findings import Finding
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import CategoryDefinition, Region, count_headers, hookimpl
from socialwork_core.recipients import Recipient
from socialwork_core.reports import ReportTemplate

from . import checks
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
def socialwork_messages() -> dict[str, str]:
    return dict(checks.MESSAGES)


@hookimpl
def socialwork_check_recipient(recipient: Recipient, as_of: date) -> list[Finding]:
    return checks.check_recipient(recipient, as_of)


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
