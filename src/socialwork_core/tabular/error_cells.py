"""Whether a sheet's XML holds an error value, told first by a one-byte search (speed).

The sheet pre-scan (``sources._Tally``) looks in every piece of a sheet's XML for a cell of
Excel's error type (``<c … t="e"><v>#N/A</v></c>``), so that the sheet is read again for the
error values calamine gives as empty cells. Searching for ``t="e"`` costs as much as the formula
search beside it (0.02–0.04 s over a county visits sheet's 78 MB, about a tenth of the pre-scan,
which runs before calamine may parse the visits and so is on a load's critical path): ``t="`` is
in every text cell. Every error value starts with ``#`` (``#N/A``, ``#DIV/0!`` …; calamine
refuses a workbook whose error cell holds anything else, and a character reference ``&#35;``
holds one too), and ``#`` is one byte, the quickest search there is and rare in a sheet: only a
piece holding a ``#`` is searched for the error type. A piece ends just before a ``<`` (never
inside a tag), so an error cell's tag may end one piece and its ``<v>`` begin the next: the piece
before is searched too. An error cell without a value (``<c t="e"/>``) shows nothing to report,
and one with a formula is found by the formula search.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ERROR_CELL", "ErrorCells"]

ERROR_CELL: Final = b't="e"'
"""A cell holding an error value, as Excel writes it (an error value pasted as a value has no
formula element)."""


class ErrorCells:
    """Fed a sheet's XML piece by piece, in order: ``seen`` once a piece held an error cell."""

    __slots__ = ("_before", "seen")

    def __init__(self) -> None:
        self.seen = False
        self._before = b""

    def add(self, piece: bytes) -> bool:
        """Take the next piece; whether an error cell has been seen so far."""
        if self.seen:
            return True
        if b"#" in piece:
            self.seen = ERROR_CELL in piece or ERROR_CELL in self._before
            self._before = b""  # searched: no error cell's tag there for the next piece
        else:
            self._before = piece
        return self.seen
