"""socialwork-core: registers, grading, visits, resource links and reports for township social work
stations (乡镇/街道社工站).

The names below are the everyday public API; each subpackage documents the rest:
:mod:`~socialwork_core.ledger` (reading and writing ledgers), :mod:`~socialwork_core.grading`,
:mod:`~socialwork_core.schedule` (due list, visit rate), :mod:`~socialwork_core.periods`,
:mod:`~socialwork_core.indicators`, :mod:`~socialwork_core.reports`,
:mod:`~socialwork_core.plugins` (the adapter contract), :mod:`~socialwork_core.tabular`,
:mod:`~socialwork_core.identity`, :mod:`~socialwork_core.glossary`. Names starting with an underscore
are private. Importing this package stays light: the Excel machinery loads only with the modules
that need it.
"""

from __future__ import annotations

from .casework import Activity, Case
from .contacts import Contact
from .findings import Finding, FindingError
from .glossary import (
    ActivityKind,
    CaseStage,
    Category,
    CertificateLevel,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    LinkStatus,
    PartnerKind,
    ProviderKind,
    RegisterStatus,
    ResourceKind,
    SelfCareLevel,
    ServiceLevel,
    Severity,
    Sex,
    StationTier,
)
from .glossary.rules_text import AbsenceKind, AlertKind, DueStatus, RiskFlag
from .grading import (
    Assessment,
    GradeResult,
    Override,
    Reason,
    Rule,
    RuleSet,
    choose_rule_set,
    grade,
)
from .periods import Period, PeriodKind, parse_period
from .plugins.markers import hookimpl
from .recipients import CategoryThresholds, Disability, Recipient, check_categories
from .resources import ResourceLink
from .schedule import (
    NATIONAL_DEFAULT,
    Absence,
    Alert,
    CalendarPeriod,
    DueEntry,
    Requirement,
    RollingPeriod,
    VisitPolicy,
    VisitRate,
    due_list,
    visit_rate,
)
from .serialize import make_converter
from .stations import SocialWorker, Station

__version__ = "0.1.0"

__all__ = [
    "NATIONAL_DEFAULT",
    "Absence",
    "AbsenceKind",
    "Activity",
    "ActivityKind",
    "Alert",
    "AlertKind",
    "Assessment",
    "CalendarPeriod",
    "Case",
    "CaseStage",
    "Category",
    "CategoryThresholds",
    "CertificateLevel",
    "Contact",
    "ContactMode",
    "Disability",
    "DisabilityGrade",
    "DisabilityKind",
    "DueEntry",
    "DueStatus",
    "Finding",
    "FindingError",
    "GradeResult",
    "LinkStatus",
    "Override",
    "PartnerKind",
    "Period",
    "PeriodKind",
    "ProviderKind",
    "Reason",
    "Recipient",
    "RegisterStatus",
    "Requirement",
    "ResourceKind",
    "ResourceLink",
    "RiskFlag",
    "RollingPeriod",
    "Rule",
    "RuleSet",
    "SelfCareLevel",
    "ServiceLevel",
    "Severity",
    "Sex",
    "SocialWorker",
    "Station",
    "StationTier",
    "VisitPolicy",
    "VisitRate",
    "__version__",
    "check_categories",
    "choose_rule_set",
    "due_list",
    "grade",
    "hookimpl",
    "make_converter",
    "parse_period",
    "visit_rate",
]
