"""Running the map over many files: in this process, in a process pool, or on Dask.

``roll_up(paths, request, jobs=…)`` reads every file (folders recursively, see
:func:`ledger_files`) with :func:`read_share` and merges the shares (:func:`merge_shares`). The
map runs in ``jobs`` processes (default: the CPUs; 1 reads in this process), or on a Dask
distributed cluster when ``scheduler`` is given (``pip install socialwork-core[dask]``). The
figures do not depend on how the map ran: the merge takes the shares in a fixed order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..ledger.collector import collector_paused
from .files import ledger_files
from .merge import RollUp, merge_shares
from .share import FileShare, ShareRequest, read_share

__all__ = ["default_jobs", "map_shares", "roll_up"]


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_shares(
    files: Sequence[Path],
    request: ShareRequest,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> list[FileShare]:
    """Every file's share, in the order of ``files``.

    The shares are gathered with Python's cyclic garbage collector paused (``ledger.collector``):
    each share received adds thousands of records, which hold no reference cycles, and every
    full collection re-scanned all the shares before it (at ten station files, half the CPU of
    taking the shares in)."""
    with collector_paused():
        if scheduler is not None:
            from .distributed import map_on_dask

            return map_on_dask(files, request, scheduler)
        workers = min(jobs or default_jobs(), len(files))
        if workers <= 1:
            return [read_share(path, request) for path in files]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # one file a task: files differ in size, so a free worker takes the next one
            return list(pool.map(read_share, files, [request] * len(files), chunksize=1))


def roll_up(
    paths: Iterable[str | Path],
    request: ShareRequest | None = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> RollUp:
    """The ledgers at ``paths`` (files, and folders read recursively) as one merged ledger."""
    files = ledger_files(paths)
    shares = map_shares(files, request or ShareRequest(), jobs=jobs, scheduler=scheduler)
    return merge_shares(shares)
