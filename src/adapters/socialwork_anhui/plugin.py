"""The hook implementations of the anhui adapter (entry point ``anhui``).

Data lives in the sibling modules; this module only hands it to the core.
"""

from __future__ import annotations

from socialwork_core.plugins import CategoryDefinition, Region, hookimpl

from .categories import CATEGORIES
from .region import REGION


@hookimpl
def socialwork_region() -> Region:
    return REGION


@hookimpl
def socialwork_extra_categories() -> list[CategoryDefinition]:
    return list(CATEGORIES)
