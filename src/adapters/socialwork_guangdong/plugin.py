"""The hook implementations of the guangdong adapter (entry point ``guangdong``).

Data lives in the sibling modules; this module only hands it to the core.
"""

from __future__ import annotations

from datetime import date

from socialwork_core.findings import Finding
from socialwork_core.plugins import CategoryDefinition, Region, hookimpl
from socialwork_core.recipients import Recipient
from socialwork_core.reports import ReportTemplate

from . import checks
from .categories import CATEGORIES
from .region import REGION
from .reports import TEMPLATES


@hookimpl
def socialwork_region() -> Region:
    return REGION


@hookimpl
def socialwork_extra_categories() -> list[CategoryDefinition]:
    return list(CATEGORIES)


@hookimpl
def socialwork_check_recipient(recipient: Recipient, as_of: date) -> list[Finding]:
    return checks.check_recipient(recipient, as_of)


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
