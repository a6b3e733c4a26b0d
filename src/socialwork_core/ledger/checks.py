"""Checks on the records of a loaded ledger, placed at the row a worker must fix.

Reading a ledger checks each cell and each row; some rules need the whole record and a date: the
category checks of docs/domain.md section 2 (an 18-year-old 孤儿, a 高龄 person under 80), sex and birth
date against the ID number, and whatever an adapter adds (``socialwork_check_recipient``). They
give warnings and remarks only: the records are kept as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ..findings import Finding
from ..recipients import CategoryThresholds, Recipient, check_categories
from ..tabular import Issue
from .loading import LoadResult

__all__ = ["RecipientCheck", "check_recipients"]

RecipientCheck = Callable[[Recipient, date], Iterable[Finding]]
"""An extra check on one person at a date, e.g. ``plugins.check_recipient_for_region`` bound to a
region."""


def check_recipients(
    result: LoadResult,
    as_of: date,
    *,
    thresholds: CategoryThresholds | None = None,
    extra: RecipientCheck | None = None,
) -> tuple[Issue, ...]:
    """Every finding of the category checks (and ``extra``) on the accepted recipients at
    ``as_of``, each placed at the recipient's sheet and row, with the 档案号 as the raw value."""
    issues: list[Issue] = []
    for person in result.ledger.recipients:
        findings = list(check_categories(person, as_of, thresholds))
        if extra is not None:
            findings += extra(person, as_of)
        if not findings:
            continue
        sheet, row = result.recipient_rows.get(person.key, ("", None))
        issues += [Issue(f, sheet, row, raw=person.key) for f in findings]
    return tuple(issues)
