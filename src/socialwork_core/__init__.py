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
from .plugins.markers import hookimpl
from .recipients import CategoryThresholds, Disability, Recipient, check_categories
from .resources import ResourceLink
from .serialize import make_converter
from .stations import SocialWorker, Station

__version__ = "0.1.0"

__all__ = [
    "Activity",
    "ActivityKind",
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
    "Finding",
    "FindingError",
    "LinkStatus",
    "PartnerKind",
    "ProviderKind",
    "Recipient",
    "RegisterStatus",
    "ResourceKind",
    "ResourceLink",
    "SelfCareLevel",
    "ServiceLevel",
    "Severity",
    "Sex",
    "SocialWorker",
    "Station",
    "StationTier",
    "__version__",
    "check_categories",
    "hookimpl",
    "make_converter",
]
