"""The hook implementations of the national adapter (entry point ``national``).

Data lives in the sibling modules; this module only hands it to the core.
"""

from __future__ import annotations

from socialwork_core.plugins import Region, hookimpl

from .region import REGION


@hookimpl
def socialwork_region() -> Region:
    return REGION
