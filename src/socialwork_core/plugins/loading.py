"""Loading plugins: find them, register them, ask each once for what it contributes.

:func:`load_plugins` builds the :class:`~socialwork_core.plugins.Plugins` facade; nothing is loaded
at import time. Every plugin, built-in adapters included, is found through the ``socialwork_core``
entry-point group, exactly as a package outside this repository would be. The pipeline, in order:

1. find and register: entry points by name, then ``extra_plugins``;
2. hooks: an implementation of a hook that does not exist (a misspelt name), a ``socialwork_``
   function without ``@hookimpl``, or one taking an argument its hook does not have;
3. contributions: each plugin is asked once for its region, formats, categories, rule sets,
   templates and messages (the hooks without arguments), and each answer is checked against the
   type its specification declares;
4. claims: two plugins claiming one region, or declaring one local category code;
5. messages: templates that would change the library's words or another plugin's.

Whatever goes wrong is a :class:`~socialwork_core.plugins.LoadProblem` naming the plugin; that
plugin is set aside (for a category or a message, only that item) and the others stay usable, so
one broken plugin breaks only itself. ``strict=True`` raises
:class:`~socialwork_core.plugins.PluginLoadError` instead.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import os
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Final

import attrs
import pluggy

from ..glossary.messages import MESSAGES, render_message, template_problem
from ..glossary.vocabulary import LIST_JOINER
from . import hookspecs
from .calls import HookCalls, hook_names
from .contributions import Contributions, HookFailure, collect
from .info import PluginOrigin
from .manager import Plugins
from .markers import ENTRY_POINT_GROUP, HOOK_PREFIX, PROJECT_NAME
from .problems import LoadProblem, PluginLoadError, describe, problem
from .values import CategoryDefinition, Region

__all__ = ["DISABLED_PLUGINS_ENV", "load_plugins"]

DISABLED_PLUGINS_ENV: Final = "SOCIALWORK_DISABLED_PLUGINS"
"""Environment variable: a comma-separated list of plugin (entry-point) names not to load."""


class _Loading:
    """The state of one load: the manager, the plugins in load order, and the problems so far."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.pm = manager
        self.order: list[str] = []
        self.origins: dict[str, PluginOrigin] = {}
        self.problems: list[LoadProblem] = []

    def register(self, plugin: object, name: str, origin: PluginOrigin) -> None:
        try:
            self.pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
            self.problems.append(problem(name, "plugins.hook_invalid", str(exc), why=str(exc)))
            return
        self.order.append(name)
        self.origins[name] = origin

    def set_aside(self, name: str, found: LoadProblem) -> None:
        self.problems.append(found)
        if name in self.order:
            self.order.remove(name)
            self.pm.unregister(name=name)


def load_plugins(
    *,
    blocked: Iterable[str] = (),
    load_entrypoints: bool = True,
    extra_plugins: Iterable[object] = (),
    environ: Mapping[str, str] | None = None,
    strict: bool = False,
) -> Plugins:
    """Load the plugins and return the facade.

    :param blocked: plugin names not to load (as well as those listed in the environment variable
        ``SOCIALWORK_DISABLED_PLUGINS``, comma-separated).
    :param load_entrypoints: find plugins through the ``socialwork_core`` entry-point group (the
        built-in adapters are found this way too); ``False`` loads only ``extra_plugins``.
    :param extra_plugins: plugin objects (modules, or instances with hook methods) to register
        after the entry points, each under its ``__name__`` (a module's) or its class name.
    :param environ: the environment to read ``SOCIALWORK_DISABLED_PLUGINS`` from; the process
        environment by default.
    :param strict: raise :class:`PluginLoadError` instead of recording load problems.
    """
    env = os.environ if environ is None else environ
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name in sorted({*blocked, *_disabled_from_env(env)}):
        pm.set_blocked(name)
    loading = _Loading(pm)

    if load_entrypoints:
        _register_entry_points(loading)
    _register_extras(loading, extra_plugins)
    _set_aside_unknown_hooks(loading)
    calls = HookCalls(pm)
    contributions = _collect(loading, calls)
    _set_aside_duplicate_regions(loading, contributions)
    _drop_duplicate_categories(loading, contributions)
    messages = _accept_messages(loading, contributions)

    if strict and loading.problems:
        raise PluginLoadError(loading.problems)
    return Plugins(
        pm,
        calls=calls,
        order=loading.order,
        origins=loading.origins,
        contributions={name: contributions[name] for name in loading.order},
        messages=messages,
        problems=loading.problems,
    )


def _disabled_from_env(environ: Mapping[str, str]) -> set[str]:
    return {
        name.strip() for name in environ.get(DISABLED_PLUGINS_ENV, "").split(",") if name.strip()
    }


def _module_name(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return type(plugin).__module__


def _register_entry_points(loading: _Loading) -> None:
    pm = loading.pm
    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in sorted(found, key=lambda e: e.name):
        dist = ep.dist
        origin = PluginOrigin(
            source="entry_point",
            module=ep.module,
            entry_point=f"{ep.name} = {ep.value}",
            distribution=dist.name if dist is not None else None,
            distribution_version=dist.version if dist is not None else None,
        )
        if pm.is_blocked(ep.name):
            continue
        first = loading.origins.get(ep.name)
        if first is not None:
            loading.problems.append(
                problem(
                    ep.name,
                    "plugins.duplicate_name",
                    f"{origin.entry_point} ({origin.distribution}) and "
                    f"{first.entry_point} ({first.distribution})",
                    origins=f"{first.distribution}, {origin.distribution}",
                )
            )
            continue
        try:
            plugin = ep.load()
        except Exception as exc:
            loading.problems.append(
                problem(ep.name, "plugins.import_failed", describe(exc), error=exc)
            )
            continue
        loading.register(plugin, ep.name, origin)


def _register_extras(loading: _Loading, extra_plugins: Iterable[object]) -> None:
    pm = loading.pm
    for plugin in extra_plugins:
        name = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__name__
        if pm.is_blocked(name):
            continue
        first = loading.origins.get(name)
        if first is not None:
            loading.problems.append(
                problem(
                    name,
                    "plugins.duplicate_name",
                    f"an extra plugin is named like the loaded plugin {name!r}",
                    origins=f"{first.module}, {_module_name(plugin)}",
                )
            )
            continue
        loading.register(plugin, name, PluginOrigin(source="extra", module=_module_name(plugin)))


def _set_aside_unknown_hooks(loading: _Loading) -> None:
    """A misspelt hook or an unmarked ``socialwork_`` function would silently do nothing: the
    plugin is set aside, naming the hook (and the hook it probably meant)."""
    pm = loading.pm
    known = hook_names()
    for hook_name, caller in list(vars(pm.hook).items()):
        if hook_name.startswith("_") or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if impl.optionalhook:
                continue
            close = difflib.get_close_matches(hook_name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            why = (
                f"implements {hook_name!r}, which is not a socialwork_core hook{hint} "
                f"(hooks: {', '.join(known)})"
            )
            found = problem(
                impl.plugin_name, "plugins.unknown_hook", why, hook=hook_name, hint=hint
            )
            loading.set_aside(impl.plugin_name, found)
    for name, plugin in pm.list_name_plugin():
        if plugin is None or name not in loading.order:
            continue
        for attr in dir(plugin):
            if not attr.startswith(HOOK_PREFIX) or not callable(getattr(plugin, attr, None)):
                continue
            if pm.parse_hookimpl_opts(plugin, attr) is None:
                why = (
                    f"defines {attr!r} without @hookimpl, so it would never be called "
                    "(decorate it with socialwork_core.hookimpl)"
                )
                loading.set_aside(name, problem(name, "plugins.unmarked_hook", why, hook=attr))
                break
    pm.check_pending()


def _collect(loading: _Loading, calls: HookCalls) -> dict[str, Contributions]:
    """Each plugin asked once; a hook that fails or answers the wrong type sets its plugin aside."""
    collected: dict[str, Contributions] = {}
    for name in list(loading.order):
        try:
            collected[name] = collect(calls, name)
        except HookFailure as failure:
            loading.set_aside(name, failure.problem)
    return collected


def _claims(region: Region) -> list[str]:
    claims = [region.code, *region.division_codes]
    if region.is_national_default:
        claims.append(render_message("plugins.national_default"))
    return claims


def _set_aside_duplicate_regions(loading: _Loading, collected: Mapping[str, Contributions]) -> None:
    """Two plugins claiming one region code or division: both are set aside, each naming the
    other (which one is meant is for whoever installed them to say)."""
    claimed_by: dict[str, list[str]] = {}
    for name in loading.order:
        region = collected[name].region
        for claim in _claims(region) if region is not None else ():
            claimed_by.setdefault(claim, []).append(name)
    found: dict[str, LoadProblem] = {}
    for claim, names in claimed_by.items():
        if len(names) < 2:
            continue
        for name in names:
            other = LIST_JOINER.join(n for n in names if n != name)
            found.setdefault(
                name,
                problem(
                    name,
                    "plugins.duplicate_region",
                    f"{claim!r} is also claimed by {other}",
                    other=other,
                    claim=claim,
                ),
            )
    for name, each in found.items():
        loading.set_aside(name, each)


def _drop_duplicate_categories(loading: _Loading, collected: dict[str, Contributions]) -> None:
    """A local category code declared twice keeps its first declaration; the later plugin loses
    only that category."""
    declared: dict[str, str] = {}
    for name in loading.order:
        kept: list[CategoryDefinition] = []
        for definition in collected[name].extra_categories:
            first = declared.setdefault(definition.code, name)
            if first == name:
                kept.append(definition)
                continue
            loading.problems.append(
                problem(
                    name,
                    "plugins.duplicate_category",
                    f"category {definition.code!r} already declared by {first!r}",
                    category=definition.code,
                    other=first,
                )
            )
        if len(kept) != len(collected[name].extra_categories):
            collected[name] = attrs.evolve(collected[name], extra_categories=tuple(kept))


def _accept_messages(loading: _Loading, collected: dict[str, Contributions]) -> dict[str, str]:
    """The templates of every plugin's codes, kept by the facade. A template that would change
    the library's words or another plugin's, or is not a plain ``str.format`` text, is refused:
    the plugin keeps the rest."""
    accepted: dict[str, str] = {}
    for name in loading.order:
        own: dict[str, str] = {}
        for code, template in collected[name].messages.items():
            why = template_problem(code, template)
            if why is None and code in MESSAGES:
                why = "the library defines this code itself"
            elif why is None and accepted.get(code, template) != template:
                why = "already registered with another template"
            if why is not None:
                loading.problems.append(
                    problem(name, "plugins.message_refused", why, message_code=code)
                )
                continue
            accepted[code] = own[code] = template
        if len(own) != len(collected[name].messages):
            collected[name] = attrs.evolve(collected[name], messages=own)
    return accepted
