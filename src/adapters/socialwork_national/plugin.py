"""The hook implementations of the national adapter (entry point ``national``).

Data lives in the sibling modules (region, formats, categories, reports); this module only hands it
to the core.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from socialwork_core.grading import RuleSet
from socialwork_core.ledger import LedgerFormat
from socialwork_core.plugins import Region, count_headers, hookimpl, names_people
from socialwork_core.reports import ReportTemplate
from socialwork_core.schedule import NATIONAL_DEFAULT

from .formats import DISTINCTIVE_HEADERS, FORMAT, FORMATS, PERSON_WORDS
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
    """The fallback: any workbook no regional adapter claims and that names people (a register's
    key and name columns, or any header naming a person or an ID number: 姓名, 身份证号码 …) reads
    as national; its sheets and columns are then found by meaning."""
    if count_headers(headers, DISTINCTIVE_HEADERS) >= 2:
        return FORMAT.name
    return FORMAT.name if names_people(headers, PERSON_WORDS) else None


@hookimpl
def socialwork_rule_sets() -> list[RuleSet]:
    """The library's default three-level rules and visit policy (docs/domain.md section 3)."""
    return [NATIONAL_DEFAULT]


@hookimpl
def socialwork_report_templates() -> list[ReportTemplate]:
    return list(TEMPLATES)
