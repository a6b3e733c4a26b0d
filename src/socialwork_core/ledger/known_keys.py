"""The people a visit names, checked against the register in the cell's own lines (speed).

The quick way (``ledger.compiled``) shares one ``("A0012",)`` tuple between every visit naming
that person, found by the cell's text in a table of the tuples made so far (``ones_<n>``); at the
end of the row it then looked every key up among the register's keys (``known``). Both are a
look-up of a fresh text in a table of as many entries as the register has people, and the second
was about a tenth of the 300,000 visit rows of a county ledger (0.10–0.2 s of CPU, measured with
the rows in memory: the key's text is compared with the table's copy, memory a look-up of 25,000
keys rarely finds in the cache).

Remembering a tuple only for a key the register holds makes the first look-up answer both: a
tuple found is a known person's; a cell whose text is not found is looked for on the register
once, and a row naming someone the register lacks goes the general way at once, as it would have
at the end of the row (the row function has no effect but its answer and these tables). A cell
of several keys is split and each key looked for as it is read. ``tests/ledger/test_fast_paths.py``
compares every record, issue and refused row with the general way's;
``tests/ledger/test_known_keys.py`` says what is remembered.
"""

from __future__ import annotations

__all__ = ["each_known", "known_or_leave"]


def known_or_leave(raw: str = "raw") -> str:
    """The line leaving the row for the general way when the one key ``raw`` is not on the
    register (``known`` in the row function's namespace); put before its tuple is made and
    remembered, so only a known person's tuple is remembered."""
    return f"if {raw} not in known: return UNSURE"


def each_known(items: str = "items") -> list[str]:
    """The lines leaving the row for the general way when any of the keys ``items`` read from a
    cell of several is not on the register."""
    return [f"for key in {items}:", "    if key not in known: return UNSURE"]
