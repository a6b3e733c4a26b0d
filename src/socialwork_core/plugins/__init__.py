"""The plugin contract: hook specifications, the implementation marker, and the facade.

A plugin (an adapter for a province, or any outside package) is a module with functions marked
:data:`hookimpl`, declared in its ``pyproject.toml``::

    [project.entry-points.socialwork_core]
    zhejiang = "socialwork_zhejiang.plugin"

The pluggy project name and the entry-point group are both ``socialwork_core``; every hook's name
starts with ``socialwork_`` (see :mod:`socialwork_core.plugins.hookspecs` and
``docs/plugin_hooks.md``). :func:`load_plugins` finds plugins, built-in adapters included, through
that group and returns :class:`Plugins`, the typed facade the rest of the library calls.
"""

from __future__ import annotations

from .detect import count_headers, workbook_headers
from .manager import (
    DISABLED_PLUGINS_ENV,
    AdapterInfo,
    DetectedFormat,
    LoadProblem,
    PluginError,
    PluginLoadError,
    PluginOrigin,
    Plugins,
    check_local_categories,
    hook_names,
    load_plugins,
)
from .markers import ENTRY_POINT_GROUP, HOOK_PREFIX, PROJECT_NAME, hookimpl
from .values import AgeRule, CategoryDefinition, Region, category_labels, category_parents

__all__ = [
    "DISABLED_PLUGINS_ENV",
    "ENTRY_POINT_GROUP",
    "HOOK_PREFIX",
    "PROJECT_NAME",
    "AdapterInfo",
    "AgeRule",
    "CategoryDefinition",
    "DetectedFormat",
    "LoadProblem",
    "PluginError",
    "PluginLoadError",
    "PluginOrigin",
    "Plugins",
    "Region",
    "category_labels",
    "category_parents",
    "check_local_categories",
    "count_headers",
    "hook_names",
    "hookimpl",
    "load_plugins",
    "workbook_headers",
]
