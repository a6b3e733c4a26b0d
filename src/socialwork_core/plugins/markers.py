"""The plugin project's name and the public implementation marker.

The pluggy project name and the entry-point group are one and the same: ``socialwork_core``. A plugin
marks each hook implementation with :data:`hookimpl`::

    from socialwork_core.plugins import hookimpl

    @hookimpl
    def socialwork_extra_categories():
        return []

The specification marker is private to :mod:`socialwork_core.plugins.hookspecs`.
"""

from __future__ import annotations

from typing import Final

import pluggy

__all__ = ["ENTRY_POINT_GROUP", "HOOK_PREFIX", "PROJECT_NAME", "hookimpl"]

PROJECT_NAME: Final = "socialwork_core"
"""The pluggy project name."""

ENTRY_POINT_GROUP: Final = PROJECT_NAME
"""The entry-point group plugins declare (``[project.entry-points.socialwork_core]``)."""

HOOK_PREFIX: Final = "socialwork_"
"""Every hook's name starts with this prefix."""

hookimpl: Final = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a function of a plugin module as the implementation of the hook of the same name."""
