"""The map on a Dask distributed cluster (the optional ``dask`` extra).

Each file is one task running :func:`~socialwork_core.rollup.share.read_share` on a worker; the
shares come back to this process, which merges them. The workers must have socialwork-core (and
the plugins the files need) installed, and see the files at the same paths (a shared disk).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .share import FileShare, ShareRequest, read_share

__all__ = ["map_on_dask"]


def map_on_dask(files: Sequence[Path], request: ShareRequest, scheduler: Any) -> list[FileShare]:
    """Every file's share, computed on the cluster at ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``, or a ``distributed.Client`` or ``LocalCluster`` already made).

    ``ImportError`` when the ``dask`` extra is not installed."""
    import distributed

    connect: Any = distributed.Client  # the package ships no type hints for it
    own = not isinstance(scheduler, distributed.Client)
    client = connect(scheduler) if own else scheduler
    try:
        texts = [str(path) for path in files]
        futures = client.map(read_share, texts, request=request, pure=False)
        shares: list[FileShare] = client.gather(futures)
        return shares
    finally:
        if own:
            client.close()
