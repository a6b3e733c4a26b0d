"""Pausing Python's cyclic garbage collector while a ledger's records are built (speed).

Building hundreds of thousands of long-lived records triggers a full collection every time the
number of tracked objects grows by a quarter; each one re-scans every record built so far and
finds nothing to free (records hold no reference cycles; everything a row leaves behind is freed
by reference counting as it goes). At county scale that was about 11% of ``load_ledger``. The
same trade is made by Mercurial (``util.nogc``) for its bulk loads.

The collector is process-wide: while a load runs, other threads get no cyclic collection either
(reference counting still frees everything else). Loads running at once in several threads keep
it paused until the last one ends; it is switched back on only if it was on before the first.

When the pause ends, everything the collector tracks is moved to its oldest generation
(``gc.freeze()`` then ``gc.unfreeze()``: two list splices, whatever the number of objects).
Otherwise the first allocation after the pause starts a collection of the youngest generation,
which then holds every record the load made, and examines each once more to find nothing to free
(0.08–0.13 s of a county load). What the pause left in the youngest generations is examined at
the next full collection instead, as long-lived objects are. This is skipped when the program
keeps objects frozen itself (``gc.get_freeze_count()``, as servers do before forking): those
must stay frozen.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (see the module docstring)."""
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()
