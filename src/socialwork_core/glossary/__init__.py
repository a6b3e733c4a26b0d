"""The glossary: every Chinese term of the library, in one place.

- ``terms``: the enumerations, each member an English code with its Chinese label;
- ``messages``: the sentences shown to users, one template per finding code;
- ``vocabulary``: words recognised when reading ledgers (yes/no, footer rows, units).
"""

from __future__ import annotations

from ._labelled import LabelledEnum
from .messages import MESSAGES, render_message
from .rules_text import AbsenceKind, AlertKind, DueStatus, RiskFlag
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


def enumerations() -> tuple[type[LabelledEnum], ...]:
    """Every enumeration the glossary defines, in module order (for docs and checks)."""
    from . import indicators_text, rules_text, terms

    found: list[type[LabelledEnum]] = []
    for module in (terms, rules_text, indicators_text):
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, LabelledEnum)
                and obj is not LabelledEnum
                and obj.__module__ == module.__name__
            ):
                found.append(obj)
    return tuple(found)


__all__ = [
    "DISABILITY_SEVERITY_LABELS",
    "EXTREME_POVERTY_CATEGORIES",
    "MESSAGES",
    "AbsenceKind",
    "ActivityKind",
    "AlertKind",
    "CaseStage",
    "Category",
    "CertificateLevel",
    "ContactMode",
    "DisabilityGrade",
    "DisabilityKind",
    "DueStatus",
    "LabelledEnum",
    "LinkStatus",
    "PartnerKind",
    "ProviderKind",
    "RegisterStatus",
    "ResourceKind",
    "RiskFlag",
    "SelfCareLevel",
    "SelfCareTask",
    "ServiceLevel",
    "Severity",
    "Sex",
    "StationTier",
    "enumerations",
    "render_message",
]
