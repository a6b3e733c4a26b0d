"""Issues: a finding placed in a sheet (sheet, Excel row number, column letter, header, raw value)."""

from __future__ import annotations

import attrs

from ..findings import Finding
from ..glossary.terms import Severity


@attrs.frozen
class Issue:
    """One finding about a place in a workbook, in the terms a station worker uses to find it.

    ``row`` is the row number as Excel shows it (1-based) and ``column`` the column letter; both are
    ``None`` for a finding about the whole sheet or file. ``raw`` is the cell as read, as text.
    """

    finding: Finding
    sheet: str = ""
    row: int | None = None
    column: str | None = None
    header: str | None = None
    raw: str = ""

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def severity(self) -> Severity:
        return self.finding.severity

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def is_error(self) -> bool:
        return self.finding.is_error

    @property
    def where(self) -> str:
        """``Sheet!C5`` style reference (or less, when the issue is about a whole row or sheet)."""
        cell = f"{self.column or ''}{self.row if self.row is not None else ''}"
        return f"{self.sheet}!{cell}" if cell else self.sheet


def column_letter(index: int) -> str:
    """Excel column letter for a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    if index < 0:
        raise ValueError(f"column index must be >= 0, got {index}")
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters
