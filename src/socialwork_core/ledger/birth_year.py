"""A birth date cell holding a year alone (1946) on a register with an ID number column.

The ID number gives the day and month the cell left out: where its year is the one written,
the person's birth date is the ID's and the cell is noted once (``recipient.birth_date_from_id``,
its day and month missing), in place of the reader's 1 January (``tabular.date_year_only``),
which the ID would then contradict. A year other than the ID's stays as read, 1 January, and
the builder flags the disagreement."""

from __future__ import annotations

from typing import Any

import attrs

from ..findings import Finding
from ..glossary.terms import Severity
from ..identity import resident_id
from ..tabular import Issue

YEAR_ONLY = "tabular.date_year_only"
FROM_ID = "recipient.birth_date_from_id"


def birth_year_from_id(
    values: dict[str, Any], issues: list[Issue], column: str
) -> tuple[dict[str, Any], list[Issue]]:
    """``values`` and ``issues`` of a register row, with a year alone in its birth date cell (at
    ``column``) that the row's valid ID number agrees with read as the ID's date, said once."""
    number = values.get("resident_id")
    for at, issue in enumerate(issues):
        if issue.code != YEAR_ONLY or issue.column != column:
            continue
        if not isinstance(number, str) or not resident_id.is_valid(number):
            break
        derived = resident_id.birth_date(number)
        written = issue.finding.params  # params are kept as text
        if written.get("year") != str(derived.year):
            break
        said = Finding.of(
            FROM_ID,
            Severity.INFO,
            value=written.get("value", issue.raw),
            derived=derived.isoformat(),
        )
        return {**values, "birth_date": derived}, [
            *issues[:at],
            attrs.evolve(issue, finding=said),
            *issues[at + 1 :],
        ]
    return values, issues
