"""Checks on the records of a loaded ledger, placed at the row a worker must fix.

Reading a ledger checks each cell and each row; some rules need the whole record and a date: the
category checks of docs/domain.md section 2 (an 18-year-old 孤儿, a 高龄 person under 80), sex and birth
date against the ID number, a birth date that cannot be (after the as-of date, before
``EARLIEST_BIRTH_YEAR``), and whatever an adapter adds (``socialwork_check_recipient``). They
give warnings and remarks only: the records are kept as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType

from ..findings import Finding
from ..glossary.terms import Severity
from ..recipients import CategoryThresholds, Recipient, check_categories
from ..tabular import Issue
from .building import AT_THE_CELL
from .loading import LoadResult

__all__ = ["EARLIEST_BIRTH_YEAR", "RecipientCheck", "birth_date_plausible", "check_recipients"]

EARLIEST_BIRTH_YEAR = 1890
"""No one on a register was born before this year (a birth date before it is a slip)."""

RecipientCheck = Callable[[Recipient, date], Iterable[Finding]]
"""An extra check on one person at a date, e.g. ``plugins.check_recipient_for_region`` bound to a
region."""


def check_recipients(
    result: LoadResult,
    as_of: date,
    *,
    thresholds: CategoryThresholds | None = None,
    extra: RecipientCheck | None = None,
    parents: Mapping[str, str] = MappingProxyType({}),
) -> tuple[Issue, ...]:
    """Every finding of the category checks (and ``extra``) on the accepted recipients at
    ``as_of``, each placed at the recipient's sheet and row, with the 档案号 as the raw value.
    ``parents`` (local category code → national parent, the region's) has a local category
    checked as its parent (三无人员 as 特困)."""
    issues: list[Issue] = []
    for person in result.ledger.recipients:
        # a sex or birth date cell against the ID number is reported at its cell when the
        # ledger is read
        findings = [
            f
            for f in check_categories(person, as_of, thresholds, parents=parents)
            if f.code not in AT_THE_CELL
        ]
        findings += birth_date_plausible(person, as_of)
        if extra is not None:
            findings += extra(person, as_of)
        if not findings:
            continue
        sheet, row = result.recipient_rows.get(person.key, ("", None))
        issues += [Issue(f, sheet, row, raw=person.key) for f in findings]
    return tuple(issues)


def birth_date_plausible(person: Recipient, as_of: date) -> list[Finding]:
    """A warning when the person's birth date (declared, else from the ID number) is after
    ``as_of`` or before ``EARLIEST_BIRTH_YEAR``: a date typed wrong (195001 read as a serial
    number, a year mistyped), which the age rules would otherwise take at its word."""
    birth = person.effective_birth_date
    if birth is None:
        return []
    if birth > as_of:
        return [
            Finding.of(
                "recipient.birth_after_as_of",
                Severity.WARNING,
                birth=birth.isoformat(),
                as_of=as_of.isoformat(),
            )
        ]
    if birth.year < EARLIEST_BIRTH_YEAR:
        return [
            Finding.of(
                "recipient.birth_before_earliest",
                Severity.WARNING,
                birth=birth.isoformat(),
                earliest=EARLIEST_BIRTH_YEAR,
            )
        ]
    return []
