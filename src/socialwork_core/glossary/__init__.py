"""The glossary: every Chinese term of the library, in one place.

- ``terms``: the enumerations, each member an English code with its Chinese label;
- ``messages``: the sentences shown to users, one template per finding code;
- ``vocabulary``: words recognised when reading ledgers (yes/no, footer rows, units).
"""

from __future__ import annotations

from ._labelled import LabelledEnum
from .messages import MESSAGES, render_message
from .terms import (
    DISABILITY_SEVERITY_LABELS,
    EXTREME_POVERTY_CATEGORIES,
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
    SelfCareTask,
    ServiceLevel,
    Severity,
    Sex,
    StationTier,
)

__all__ = [
    "DISABILITY_SEVERITY_LABELS",
    "EXTREME_POVERTY_CATEGORIES",
    "MESSAGES",
    "ActivityKind",
    "CaseStage",
    "Category",
    "CertificateLevel",
    "ContactMode",
    "DisabilityGrade",
    "DisabilityKind",
    "LabelledEnum",
    "LinkStatus",
    "PartnerKind",
    "ProviderKind",
    "RegisterStatus",
    "ResourceKind",
    "SelfCareLevel",
    "SelfCareTask",
    "ServiceLevel",
    "Severity",
    "Sex",
    "StationTier",
    "render_message",
]
