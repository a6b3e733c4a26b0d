"""The hook implementations of the guangdong adapter (entry point ``guangdong``).

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
