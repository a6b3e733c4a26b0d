"""A visit's mode when its log has no mode column: read from the words its account opens with."""

from __future__ import annotations

from typing import Any

import attrs

from ..findings import Finding
from ..glossary.meaning import mode_in_text
from ..glossary.terms import Severity
from ..tabular import Issue, Table

__all__ = ["modes_from_notes"]


def modes_from_notes(table: Table, visits: list[Any], start: int) -> list[Issue]:
    """A visit log with no mode column: each visit whose account opens with a mode's words
    (入户走访，…; 电话询问…) takes that mode (``glossary.meaning.mode_in_text``), and a finding
    says how many did and how many say none (those count in no figure of a mode, as before)."""
    given = unsaid = 0
    for at in range(start, len(visits)):
        visit = visits[at]
        if visit.mode is not None:
            continue
        mode = mode_in_text(visit.notes) if visit.notes else None
        if mode is None:
            unsaid += 1
            continue
        visits[at] = attrs.evolve(visit, mode=mode)
        given += 1
    if not given:
        return []
    finding = Finding.of(
        "ledger.mode_from_notes", Severity.INFO, sheet=table.sheet, count=given, unsaid=unsaid
    )
    return [Issue(finding, table.sheet)]
