"""Reading only the visits of some days: what a roll-up's report reads of a year's ledger.

A county's monthly report from stations' yearly workbooks needs a month of their visits; building
and checking the other eleven months' records, to throw them away, was most of the roll-up's time.
``load_ledger(window=(first, last))`` passes over a visit row whose date cell holds a date outside
those days before the row is read, and so a visit carried on a register row (走访日期 beside the
person, ``ledger.onesheet``): the person is read, the visit not. Only a real date cell is judged
this way: a date written as text (``2023年3月5日``) is read as usual and the caller cuts it after.
Nothing is hidden: each sheet says how many visits it passed over and the latest day among them
(``ledger.visits_outside_window``, an info, one a sheet whichever of its tables held them), and
such rows are neither checked nor refused (``socialwork validate`` reads them all).
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from ..findings import Finding
from ..glossary.terms import Severity
from ..tabular import Issue, Table
from ..tabular.reader import Cells
from .format import RecordKind

__all__ = ["OUTSIDE_WINDOW", "OutsideWindow", "counted_on", "latest_day_passed_over"]

OUTSIDE_WINDOW = "ledger.visits_outside_window"
"""The code of the info a sheet gives for the visits it passed over."""


@attrs.define
class OutsideWindow:
    """The visits of one sheet passed over: their count and the latest day among them."""

    first: date
    last: date
    column: int = -1
    """The 0-based column of the visit's date (``passes_over``); -1 where the caller hands each
    date cell to ``outside`` (a register row's visit columns)."""
    count: int = 0
    latest: date | None = None

    @classmethod
    def of(
        cls, window: tuple[date, date] | None, kind: RecordKind, table: Table
    ) -> OutsideWindow | None:
        """The judge for ``table``'s rows, or ``None`` when nothing is passed over there (no
        window, not a visits sheet, no date column found)."""
        if window is None or kind is not RecordKind.CONTACTS:
            return None
        column = table.layout.fields.get("on")
        if column is None:
            return None
        return cls(window[0], window[1], column)

    @classmethod
    def of_cells(cls, window: tuple[date, date] | None) -> OutsideWindow | None:
        """The judge of date cells handed to ``outside`` one by one, or ``None`` (no window)."""
        return None if window is None else cls(window[0], window[1])

    def passes_over(self, cells: Cells) -> bool:
        """Whether the row's date cell holds a date outside the window (then it is counted)."""
        return self.outside(cells[self.column] if self.column < len(cells) else None)

    def outside(self, value: object) -> bool:
        """Whether a date cell holds a date outside the window (then it is counted)."""
        if isinstance(value, datetime):
            value = value.date()
        elif not isinstance(value, date):
            return False  # text, a number or nothing: read as usual
        if self.first <= value <= self.last:
            return False
        self.count += 1
        if self.latest is None or value > self.latest:
            self.latest = value
        return True

    def issue(self, sheet: str) -> Issue:
        """The sheet's info on what it passed over."""
        finding = Finding.of(
            OUTSIDE_WINDOW,
            Severity.INFO,
            count=self.count,
            first=self.first.isoformat(),
            last=self.last.isoformat(),
            latest=self.latest.isoformat() if self.latest else "",
        )
        return Issue(finding, sheet)


def counted_on(issues: list[Issue], sheet: str, outside: OutsideWindow) -> None:
    """Say in ``issues`` what ``outside`` passed over on ``sheet``: added to the sheet's info
    already there (the register and a visit log on one sheet), else as the sheet's info."""
    if not outside.count:
        return
    for at, issue in enumerate(issues):
        if issue.code == OUTSIDE_WINDOW and issue.sheet == sheet:
            said = issue.finding.params
            outside.count += int(said["count"])
            if said.get("latest"):
                latest = date.fromisoformat(said["latest"])
                outside.latest = max(latest, outside.latest) if outside.latest else latest
            issues[at] = outside.issue(sheet)
            return
    issues.append(outside.issue(sheet))


def latest_day_passed_over(issues: tuple[Issue, ...] | list[Issue]) -> date | None:
    """The latest visit day any sheet passed over (from their infos), or ``None``."""
    days = [
        date.fromisoformat(i.finding.params["latest"])
        for i in issues
        if i.finding.code == OUTSIDE_WINDOW and i.finding.params.get("latest")
    ]
    return max(days) if days else None
