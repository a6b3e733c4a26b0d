"""The hook implementations of the national adapter (entry point ``national``).

Data lives in the sibling modules; this module only hands it to the core.
"""

from __future__ import annotations

from socialwork_core.plugins import Region, hookimpl
from socialwork_core.reports import ReportTemplate

from .region import REGION
from .reports import TEMPLATES


@hookimpl
def socialwork_region() -> Region:
    return REGION


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
