"""The report value: what a filled-in form holds, independent of how it is printed.

A :class:`Report` has a title, the reporting unit (填报单位), the period, sections (each a few
tables of figure rows and/or dated entries per station), notes, the figures that could not be
computed with their reasons, and the footer (填表人, 审核人, 填报日期). It renders to a styled
workbook (:mod:`socialwork_core.reports.xlsx`) and to JSON (:mod:`socialwork_core.reports.serialised`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs

from ..indicators.figures import Figure
from ..periods import Period

__all__ = ["Entry", "Footer", "NotComputable", "Report", "Row", "Section", "Table"]


@attrs.frozen(kw_only=True)
class Row:
    """A table row: its label and one figure per value column."""

    label: str
    figures: tuple[Figure, ...]
    note: str | None = None
    """Text for the table's note column (a grade, a remark), when the table has one."""
    total: bool = False
    """A total of other rows (探访服务对象 over its groups): kept in the table, left out of a chart,
    where it would dwarf the parts it sums."""


@attrs.frozen(kw_only=True)
class Table:
    """A table of figure rows. ``headers`` names the label column then each value column.

    ``with_units`` adds a unit column after a single value column; ``chart`` asks the workbook for a
    bar chart of the first value column (where figures compare, e.g. visits by group).
    """

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    title: str | None = None
    with_units: bool = False
    chart: bool = False
    note_header: str | None = None
    """Header of a trailing text column filled from each row's ``note`` (e.g. 等次)."""

    def __attrs_post_init__(self) -> None:
        for row in self.rows:
            if len(row.figures) != len(self.headers) - 1:
                raise ValueError(
                    f"row {row.label!r} has {len(row.figures)} figures for "
                    f"{len(self.headers) - 1} value columns"
                )

    def row(self, label: str) -> Row:
        """The row with this label (``KeyError`` if none)."""
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(label)


@attrs.frozen(kw_only=True)
class Entry:
    """A dated line of a narrative section, under the station it belongs to."""

    station: str
    on: date
    text: str
    """Already masked: no full ID or phone number, names shortened unless the caller asked."""


@attrs.frozen(kw_only=True)
class Section:
    """A part of a report: a heading, tables, and dated entries."""

    title: str
    tables: tuple[Table, ...] = ()
    entries: tuple[Entry, ...] = ()


@attrs.frozen(kw_only=True)
class Footer:
    """填表人, 审核人, 填报日期. The date is passed in, never read from the clock."""

    filled_on: date
    preparer: str = ""
    reviewer: str = ""


@attrs.frozen(kw_only=True)
class NotComputable:
    """A figure the ledger cannot support, as listed at the end of a report."""

    code: str
    label: str
    reason: str


def _figures(sections: tuple[Section, ...]) -> Iterator[Figure]:
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                yield from row.figures


@attrs.frozen(kw_only=True)
class Report:
    """A filled-in report. ``not_computable`` is gathered from the tables (once per figure code)."""

    template: str
    """The template's name, e.g. ``guangdong.monthly``."""
    title: str
    unit: str
    """填报单位: the reporting unit."""
    period: Period
    as_of: date
    sections: tuple[Section, ...]
    footer: Footer
    notes: tuple[str, ...] = ()
    not_computable: tuple[NotComputable, ...] = attrs.field()

    @not_computable.default
    def _gather(self) -> tuple[NotComputable, ...]:
        seen: dict[str, NotComputable] = {}
        for figure in _figures(self.sections):
            if figure.reason is not None and figure.code not in seen:
                seen[figure.code] = NotComputable(
                    code=figure.code, label=figure.label, reason=figure.reason
                )
        return tuple(seen.values())

    def section(self, title: str) -> Section:
        """The section with this heading (``KeyError`` if none)."""
        for section in self.sections:
            if section.title == title:
                return section
        raise KeyError(title)

    def figures(self) -> Iterator[Figure]:
        """Every figure of every table, in order."""
        return _figures(self.sections)

    def figure(self, code: str) -> Figure:
        """The first figure with this code (``KeyError`` if none)."""
        for figure in self.figures():
            if figure.code == code:
                return figure
        raise KeyError(code)
