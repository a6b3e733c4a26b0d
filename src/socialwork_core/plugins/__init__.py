"""The plugin contract: hook specifications, the implementation marker, and the facade.

A plugin (an adapter for a province, or any outside package) is a module with functions marked
:data:`hookimpl`, declared in its ``pyproject.toml``::

    [project.entry-points.socialwork_core]
    zhejiang = "socialwork_zhejiang.plugin"

The pluggy project name and the entry-point group are both ``socialwork_core``; every hook's name
starts with ``socialwork_`` (see :mod:`socialwork_core.plugins.hookspecs` and
``docs/plugin_hooks.md``). :func:`load_plugins` finds plugins, built-in adapters included, through
that group and returns :class:`Plugins`, the typed facade the rest of the library calls.

Where each part lives: the hook specifications in ``hookspecs``; the values plugins contribute in
``values``; the facade in ``manager``; what one plugin contributes, asked once, in
``contributions``; calling a hook through its specification in ``calls`` and checking its answer
in ``answers``; the load pipeline in ``loading``; load problems and errors in ``problems``; what
the facade answers about a plugin in ``info``; the age rules of local categories in
``categories``.
"""

from __future__ import annotations

from .calls import hook_names
from .categories import check_local_categories
from .detect import count_headers, names_people, workbook_headers
from .info import AdapterInfo, DetectedFormat, PluginOrigin
from .loading import DISABLED_PLUGINS_ENV, load_plugins
from .manager import Plugins
from .markers import ENTRY_POINT_GROUP, HOOK_PREFIX, PROJECT_NAME, hookimpl
from .problems import LoadProblem, PluginError, PluginLoadError
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
    "names_people",
    "workbook_headers",
]
