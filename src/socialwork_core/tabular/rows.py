"""The row rules, one named definition each: what a blank cell is, when a cell holds one value,
where a footer starts, which rows are data and how they are numbered, and a derived ID.

A cell rule is written once, as the source of a Python expression (``CellRule``). The rule's
function is compiled from that source, and so is every generated row function that applies it
(``tabular.rowcode`` pastes ``rule.expression("raw")`` into the code it writes for the reporting
way and the quick way alike): the two ways cannot disagree on a cell. Which rows of a table
are data is decided in one loop, ``Table.numbered``, which also counts them; a derived ID
(``contacts-12``) is made from that count by ``derived_id``.

The pipeline's invariants are listed in ``docs/architecture.md`` ("The row pipeline").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Final

import attrs

from ..glossary import vocabulary as words
from .cells import normalise_label

__all__ = [
    "BLANK",
    "DERIVED_ID_SOURCE",
    "FOOTER_INITIALS",
    "NEVER_BLANK",
    "NOTHING",
    "ONE_WORD",
    "CellRule",
    "derived_id",
    "first_filled",
    "footer_of",
    "is_blank",
    "one_word",
]


def _compiled(name: str, source: str, **given: Any) -> Callable[..., Any]:
    namespace: dict[str, Any] = dict(given)
    exec(compile(source, f"<socialwork row rule {name}>", "exec"), namespace)
    function: Callable[..., Any] = namespace[name]
    return function


@attrs.frozen
class CellRule:
    """A rule over one cell, as the source of an expression in the name ``{cell}``."""

    name: str
    source: str
    """E.g. ``"{cell} is None or …"``: pasted into generated code with the cell's local name."""
    test: Callable[[Any], bool] = attrs.field(init=False, eq=False, repr=False)
    """The rule as a function, compiled from ``source``."""

    def __attrs_post_init__(self) -> None:
        code = f"def {self.name}(cell):\n    return {self.expression('cell')}\n"
        object.__setattr__(self, "test", _compiled(self.name, code))

    def expression(self, cell: str) -> str:
        """The rule's source applied to the local ``cell`` (parenthesised)."""
        return f"({self.source.format(cell=cell)})"


BLANK: Final = CellRule(
    "blank",
    # the class test first: most cells are plain text, and a call to isinstance costs more
    "{cell} is None or (({cell}.__class__ is str or isinstance({cell}, str))"
    " and not {cell}.strip())",
)
"""An empty cell: ``None`` or text of only spaces (full-width spaces included)."""

NEVER_BLANK: Final = frozenset({date, datetime, time, int, float, bool, Decimal})
"""Classes of cell value that ``BLANK`` never holds for (it holds only for ``None`` and text): a
reader may take such a value as filled without asking (``Table.numbered``, a row's first cell)."""

ONE_WORD: Final = CellRule(
    "one_word", "{cell}.__class__ is str and {cell}.isascii() and {cell}.isalnum()"
)
"""A cell of one word of ASCII letters and digits (a register key such as ``A0012``): in a column
of several values it is one value, as ``split_values`` would find it, unless the column splits
on letters or digits."""

is_blank: Final = BLANK.test
one_word: Final = ONE_WORD.test

NOTHING: Final = object()
"""``first_filled``'s answer for a row with no filled cell."""

first_filled: Final[Callable[[Sequence[Any]], Any]] = _compiled(
    "first_filled",
    "def first_filled(cells):\n"
    "    for cell in cells:\n"
    f"        if not {BLANK.expression('cell')}:\n"
    "            return cell\n"
    "    return NOTHING\n",
    NOTHING=NOTHING,
)
"""A row's first cell that is not blank (``BLANK``), or ``NOTHING``."""

_FOOTERS: Final = tuple(normalise_label(k) for k in words.FOOTER_KEYWORDS)
FOOTER_INITIALS: Final = frozenset(k[0] for k in _FOOTERS)
"""The first characters of every footer keyword (合计, 填表人 …): a row whose first filled cell
starts with none of them is no footer."""


def footer_of(first: object) -> str | None:
    """The footer text (合计, 填表人 …) if ``first``, a row's first filled cell, starts one."""
    if not isinstance(first, str):
        return None
    text = first.strip()
    if text[:1] not in FOOTER_INITIALS:
        return None
    return text if normalise_label(text).startswith(_FOOTERS) else None


DERIVED_ID_SOURCE: Final = "{prefix} + str({position})"
"""A record without an ID column is named by its kind and its place among the sheet's data rows
(``contacts-12``: the twelfth data row ``Table.numbered`` gives, counted from 1); when a kind is
kept over several sheets, among the data rows of those sheets in the order they are read."""


derived_id: Final[Callable[[str, int], str]] = _compiled(
    "derived_id",
    "def derived_id(prefix, position):\n"
    f"    return {DERIVED_ID_SOURCE.format(prefix='prefix', position='position')}\n",
)
"""The ID of the record read from the ``position``-th data row (``DERIVED_ID_SOURCE``)."""
