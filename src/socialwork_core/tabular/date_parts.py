"""A date written over two or three columns: 月 | 日, or 年 | 月 | 日, under one date heading.

Visit logs kept by hand often split the visit date (a merged 走访时间 over 月 | 日): each cell a
number, the year in the sheet's title or name when there is no 年 column. The reader finds such
columns while it looks for the header (``parts_in``: the header's last row, or the row right
under it, holds the part words under the column a date field was found at), and reads the
field from all of them: the cells are written back as one date (4, 5 → 4月5日; 2024, 4, 5 →
2024年4月5日) and read as any date cell is, in the sheet's year when it has no 年 part. A part
that is no day of the calendar (13月, 32日) is then the date cell's finding, at the field's
first column, and the row goes as a row with that date unreadable does. A plain sheet is never
looked at again: the work is done once, on the header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

from ..glossary import vocabulary as words
from .cells import normalise_label, raw_text
from .rows import is_blank

__all__ = ["ORDERS", "PART_WORDS", "composed_date", "parts_in"]

PART_WORDS: Final[Mapping[str, str]] = words.DATE_PART_HEADERS
"""A date part's header (年, 月份, 日, 号) → which part it is."""

ORDERS: Final = (("year", "month", "day"), ("month", "day"))
"""The runs of part columns read as one date, left to right."""


def parts_in(texts: Sequence[str], column: int) -> tuple[tuple[int, str], ...]:
    """The columns of a run of date parts (``ORDERS``) holding ``column``, in a header row's
    ``texts``: ((column, part), …), or ``()`` when ``column`` heads no such run."""
    kinds = [PART_WORDS.get(normalise_label(t)) for t in texts]
    if column >= len(kinds) or kinds[column] is None:
        return ()
    for order in ORDERS:
        for first in range(column - len(order) + 1, column + 1):
            if first < 0 or first + len(order) > len(kinds):
                continue
            if tuple(kinds[first : first + len(order)]) == order:
                return tuple(zip(range(first, first + len(order)), order, strict=True))
    return ()


_SUFFIX: Final[Mapping[str, str]] = MappingProxyType(
    {"year": words.DATE_YEAR, "month": words.DATE_MONTH, "day": words.DATE_DAY}
)


def composed_date(parts: Sequence[str], values: Sequence[Any]) -> str | None:
    """The date the part cells ``values`` (``parts``: which part each is) write, as one text
    (2024年4月5日, 4月5日), or ``None`` when every cell is blank. A missing part leaves its place
    empty (4月日), so the date does not read and the cell is reported as written."""
    if all(v is None or is_blank(v) for v in values):
        return None
    pieces: list[str] = []
    for part, value in zip(parts, values, strict=True):
        written = "" if value is None or is_blank(value) else raw_text(value).strip()
        suffix = _SUFFIX[part]
        if part == "day":
            written = written.removesuffix(words.DATE_DAY_SPOKEN)
        pieces.append(written.removesuffix(suffix) + suffix)
    return "".join(pieces)
