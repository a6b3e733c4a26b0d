"""Print set-up shared by every workbook the library writes: A4, the orientation the table needs,
fit to the page width only while text stays readable, header rows repeated, page numbers.

Widths are Excel character units (a CJK character counts two). The page capacities assume the
margins set here (1.3 cm left and right) and the default 11 pt font (see ``PORTRAIT_UNITS``); fit
to width may shrink a little (to 92 %, text still above 10 pt) and never enlarges. A wider
table has its widest columns narrowed (their text wraps) down to a floor; a table still too
wide is not shrunk at all (text would fall under 9 pt) but printed across several pages at full
size, its first column repeated.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Sequence
from typing import Any, Final

import attrs
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ..glossary import vocabulary as words

__all__ = [
    "LANDSCAPE_UNITS",
    "PORTRAIT_UNITS",
    "PageLayout",
    "apply_page_layout",
    "display_width",
    "lines_needed",
    "plan_widths",
]

PORTRAIT_UNITS: Final = 80.0
"""Column width units that fit across portrait A4 at 92 % or more, whichever program prints."""
LANDSCAPE_UNITS: Final = 118.0
"""Column width units that fit across landscape A4 at 92 % or more (text of 11 pt stays above
10 pt). A unit is the width of a digit of the workbook's font: 5.25 pt in Excel's Calibri, about
7 pt where LibreOffice lacks Calibri's metrics and uses a wider font; these capacities hold for
the wider one (75 and 110 units at 100 %), so Excel prints the same forms at 100 % with room."""
_FLOOR: Final = 8.0
"""Narrowest a column is made to fit the page (four Chinese characters a line)."""
_SIDE_MARGIN_INCHES: Final = 0.5
_TOP_MARGIN_INCHES: Final = 0.6
LINE_HEIGHT_POINTS: Final = 14.5
"""Height of one line of 11 pt text (CJK fonts need more than Latin ones)."""


def display_width(value: str) -> float:
    """Width in Excel character units: CJK (wide and full-width) characters count double."""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value))


@attrs.frozen
class PageLayout:
    """What ``plan_widths`` decided for a table."""

    widths: tuple[float, ...]
    landscape: bool
    fit_to_width: bool
    """False when the table is wider than a landscape page even narrowed: it prints across pages."""
    wrapped: tuple[bool, ...]
    """Per column: narrowed below its natural width, so its cells wrap."""


def plan_widths(
    natural: Sequence[float],
    *,
    landscape: bool | None = None,
    fixed: Collection[int] = (),
) -> PageLayout:
    """Column widths and orientation for a table whose columns want ``natural`` widths.

    ``landscape`` forces the orientation; by default portrait when the table fits it. Columns
    whose index is in ``fixed`` (numbers, dates, ID numbers: text that must not wrap) keep their
    width."""
    widths = [float(w) for w in natural]
    total = sum(widths)
    if landscape is None:
        landscape = total > PORTRAIT_UNITS
    capacity = LANDSCAPE_UNITS if landscape else PORTRAIT_UNITS
    if total > capacity:
        # the widest columns are cut to one common width, the narrow ones kept whole: the
        # largest cap (not under the floor) that makes the table fit
        low, high = _FLOOR, max(widths)
        for _ in range(40):
            cap = (low + high) / 2
            if sum(w if i in fixed else min(w, cap) for i, w in enumerate(widths)) > capacity:
                high = cap
            else:
                low = cap
        narrowed = [
            w if i in fixed or w <= low else float(math.floor(low)) for i, w in enumerate(widths)
        ]
        if sum(narrowed) <= capacity + 0.01:
            widths = narrowed
        # else: too wide even narrowed; printed across pages at full width and size
    fits = sum(widths) <= capacity + 0.01
    wrapped = tuple(w < n - 0.01 for w, n in zip(widths, natural, strict=True))
    return PageLayout(tuple(widths), landscape, fits, wrapped)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` units wide."""
    usable = max(width - 1.0, 1.0)
    return sum(max(1, math.ceil(_printed_width(part) / usable)) for part in text.split("\n"))


def _printed_width(value: str) -> float:
    """Like ``display_width``, with Latin text a little narrower than a digit on average."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 0.9 for ch in value)


def apply_page_layout(
    sheet: Worksheet | Any,
    layout: PageLayout,
    *,
    title_rows: str | None = None,
    title_columns: str | None = None,
) -> None:
    """A4 in ``layout``'s orientation, fit to width when it fits, ``title_rows`` (``"3:3"``)
    repeated on every page, page numbers at the foot, centred horizontally."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    sheet.page_margins = PageMargins(
        left=_SIDE_MARGIN_INCHES,
        right=_SIDE_MARGIN_INCHES,
        top=_TOP_MARGIN_INCHES,
        bottom=_TOP_MARGIN_INCHES + 0.1,
        header=0.3,
        footer=0.3,
    )
    if layout.fit_to_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    elif title_columns is not None:
        sheet.print_title_cols = title_columns
    if title_rows is not None:
        sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.HeaderFooter.oddFooter.center.text = words.PAGE_NUMBERS
    sheet.HeaderFooter.oddFooter.center.size = 10
