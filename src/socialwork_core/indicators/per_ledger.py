"""What a report derives from a ledger's records (the register by key, the names to mask), made
once per ledger instead of once per row or section that asks.

A county report asks for the register by key in every by-group row and every entries section: at
200,000 people each asking costs a tenth of a second, and the rolled-up weekly report asked about
twenty times. The value is kept while the ledger lives and its records are the same objects: a
ledger's collections are tuples (``Ledger``, ``RecordSet``), which cannot change, so the same
tuple means the same records. A ledger whose collection is not a tuple (a caller's own list) is
never cached, nor one that cannot be weakly referenced.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["derived"]

T = TypeVar("T")

_KEPT: dict[tuple[int, str], tuple[tuple[Any, ...], Any]] = {}
"""(ledger id, what) → (the records it was derived from, the value)."""


def _forget(ledger_id: int) -> None:
    for key in [k for k in _KEPT if k[0] == ledger_id]:
        del _KEPT[key]


def derived(ledger: Any, records: Any, what: str, make: Callable[[], T]) -> T:
    """``make()``, or the value it gave before for this ``ledger`` and ``what`` while ``records``
    (the collection it reads) is the same tuple."""
    if type(records) is not tuple:
        return make()
    key = (id(ledger), what)
    kept = _KEPT.get(key)
    if kept is not None and kept[0] is records:
        value: T = kept[1]
        return value
    value = make()
    if kept is None:
        try:
            # the ledger's id may be another ledger's once it is gone: forget it then
            weakref.finalize(ledger, _forget, id(ledger))
        except TypeError:
            return value
    _KEPT[key] = (records, value)
    return value
