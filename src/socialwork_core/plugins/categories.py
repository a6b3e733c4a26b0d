"""The age rules of local categories, checked as the national categories' are."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from ..findings import Finding
from ..glossary.terms import Severity
from .values import CategoryDefinition

if TYPE_CHECKING:
    from ..recipients import Recipient

__all__ = ["check_local_categories"]


def check_local_categories(
    recipient: Recipient, as_of: date, definitions: Iterable[CategoryDefinition]
) -> list[Finding]:
    """Check the age rules of the local categories a person holds, as the national ones are
    checked: ``category.too_old`` / ``category.too_young`` warnings, ``category.age_unknown`` info.
    """
    findings: list[Finding] = []
    age = recipient.age(as_of)
    for definition in definitions:
        rule = definition.age_rule
        if rule is None or not recipient.holds(definition.code):
            continue
        if age is None:
            findings.append(
                Finding.of("category.age_unknown", Severity.INFO, category=definition.label)
            )
            continue
        params = {"category": definition.label, "as_of": as_of.isoformat(), "age": age}
        if rule.under_age is not None and age >= rule.under_age:
            findings.append(
                Finding.of(
                    "category.too_old", Severity.WARNING, rule=f"< {rule.under_age}", **params
                )
            )
        if rule.min_age is not None and age < rule.min_age:
            findings.append(
                Finding.of(
                    "category.too_young", Severity.WARNING, rule=f">= {rule.min_age}", **params
                )
            )
    return findings
