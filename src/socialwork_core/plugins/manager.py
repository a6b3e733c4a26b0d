"""Loading plugins and calling their hooks through one typed facade.

:func:`load_plugins` builds a :class:`Plugins`; nothing is loaded at import time. Every plugin,
built-in adapters included, is found through the ``socialwork_core`` entry-point group, exactly as a
package outside this repository would be. The core calls hooks only through :class:`Plugins` (one
method per hook, keyword arguments only); no caller touches pluggy's ``hook`` object.

What can go wrong while loading, and what happens:

- a plugin implements a hook that does not exist (a misspelt name), or defines a ``socialwork_``
  function without ``@hookimpl``, or an implementation takes an argument the hook does not have:
  :class:`PluginError` naming the plugin, at once (a plugin that would silently do nothing is a
  bug to fix, not to skip);
- a plugin fails to import, two plugins share an entry-point name, two plugins claim one region,
  or two declare one local category code: a :class:`LoadProblem` naming the plugin is recorded
  (:attr:`Plugins.problems`) and the other plugins stay usable. ``strict=True`` raises
  :class:`PluginLoadError` instead.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import attrs
import cattrs
import pluggy

from .. import serialize
from ..findings import Finding
from ..glossary.messages import add_messages, render_message
from ..glossary.terms import Severity
from ..glossary.vocabulary import LIST_JOINER
from . import hookspecs
from .detect import workbook_headers
from .markers import ENTRY_POINT_GROUP, HOOK_PREFIX, PROJECT_NAME
from .values import CategoryDefinition, Region

if TYPE_CHECKING:
    from ..grading import RuleSet
    from ..ledger import LedgerFormat, LoadResult
    from ..recipients import Recipient
    from ..reports import ReportTemplate
    from ..tabular import ReadLimits

__all__ = [
    "DISABLED_PLUGINS_ENV",
    "AdapterInfo",
    "DetectedFormat",
    "LoadProblem",
    "PluginError",
    "PluginLoadError",
    "PluginOrigin",
    "Plugins",
    "check_local_categories",
    "hook_names",
    "load_plugins",
]

DISABLED_PLUGINS_ENV: Final = "SOCIALWORK_DISABLED_PLUGINS"
"""Environment variable: a comma-separated list of plugin (entry-point) names not to load."""


def hook_names() -> tuple[str, ...]:
    """The names of every hook the core specifies, sorted."""
    marker = PROJECT_NAME + "_spec"
    return tuple(
        sorted(
            name
            for name in dir(hookspecs)
            if name.startswith(HOOK_PREFIX) and hasattr(getattr(hookspecs, name), marker)
        )
    )


class PluginError(Exception):
    """A plugin is broken in a way that must be fixed before anything runs (a misspelt hook)."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        """The name of the plugin at fault."""
        super().__init__(f"plugin {plugin!r}: {message}")


@attrs.frozen(kw_only=True)
class PluginOrigin:
    """Where a plugin came from."""

    source: str
    """``entry_point`` for a plugin found through the entry-point group, ``extra`` for one passed
    to :func:`load_plugins` directly."""
    module: str
    """The plugin module (or the module of the plugin object's class)."""
    entry_point: str | None = None
    """The entry point as declared: ``guangdong = socialwork_guangdong.plugin``."""
    distribution: str | None = None
    """The installed distribution that declares the entry point."""
    distribution_version: str | None = None


@attrs.frozen(kw_only=True)
class AdapterInfo:
    """One loaded plugin: its name, version, the region it serves (if any) and its origin."""

    name: str
    """The plugin's name: its entry-point name (``guangdong``)."""
    version: str | None
    """The adapter's version: its region's ``adapter_version``, else the module's ``__version__``,
    else the distribution's version."""
    region: Region | None
    origin: PluginOrigin


@attrs.frozen(kw_only=True)
class LoadProblem:
    """A plugin that could not be used (or not wholly), recorded while loading."""

    plugin: str
    """The name of the plugin at fault."""
    finding: Finding
    """What happened, in the words shown to users (code ``plugins.*``)."""
    detail: str = ""
    """Technical detail (the exception text), for whoever fixes the plugin."""

    @property
    def code(self) -> str:
        return self.finding.code


class PluginLoadError(Exception):
    """Raised by ``load_plugins(strict=True)`` when any :class:`LoadProblem` was recorded."""

    def __init__(self, problems: Iterable[LoadProblem]) -> None:
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        super().__init__(
            "; ".join(f"plugin {p.plugin!r}: {p.code} {p.detail}".strip() for p in self.problems)
        )


@attrs.frozen(kw_only=True)
class DetectedFormat:
    """The answer of :meth:`Plugins.detect_format`: which plugin claimed a workbook, and how."""

    adapter: str
    format: LedgerFormat


def _problem(plugin: str, code: str, detail: str = "", **params: Any) -> LoadProblem:
    finding = Finding.of(code, Severity.ERROR, plugin=plugin, **params)
    return LoadProblem(plugin=plugin, finding=finding, detail=detail)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class Plugins:
    """The loaded plugins, with one method per hook. Build it with :func:`load_plugins`.

    Contributions (formats, categories, rule sets, templates, checks) are collected from every
    plugin in load order (entry points by name, then ``extra_plugins``); pass ``adapter=`` to take
    one plugin's only. The ``*_for_region`` methods resolve a region to its adapter and fall back
    to the national default adapter for what the region does not provide.
    """

    def __init__(
        self,
        manager: pluggy.PluginManager,
        *,
        order: Sequence[str],
        origins: Mapping[str, PluginOrigin],
        regions: Mapping[str, Region],
        problems: Sequence[LoadProblem],
    ) -> None:
        self._pm = manager
        self._order = tuple(order)
        self._origins = dict(origins)
        self._regions = dict(regions)
        self._problems = tuple(problems)

    # --- what is loaded -------------------------------------------------------------------------

    @property
    def problems(self) -> tuple[LoadProblem, ...]:
        """The plugins that could not be used, and why."""
        return self._problems

    def names(self) -> tuple[str, ...]:
        """The names of the loaded plugins, in load order."""
        return self._order

    def adapters(self) -> tuple[AdapterInfo, ...]:
        """Every loaded plugin with its version, region and origin, in load order."""
        infos = []
        for name in self._order:
            origin = self._origins[name]
            region = self._regions.get(name)
            version = region.adapter_version if region is not None else None
            if version is None:
                module_version = getattr(self._pm.get_plugin(name), "__version__", None)
                version = module_version if isinstance(module_version, str) else None
            infos.append(
                AdapterInfo(
                    name=name,
                    version=version or origin.distribution_version,
                    region=region,
                    origin=origin,
                )
            )
        return tuple(infos)

    def regions(self) -> tuple[Region, ...]:
        """The regions served (``socialwork_region``), in load order."""
        return tuple(self._regions[n] for n in self._order if n in self._regions)

    def region(self, code: str) -> Region:
        """The region with this code; ``KeyError`` naming the known ones otherwise."""
        return self._regions[self.adapter_for_region(code)]

    def adapter_for_region(self, code: str) -> str:
        """The name of the plugin serving region ``code``; ``KeyError`` otherwise."""
        for name in self._order:
            region = self._regions.get(name)
            if region is not None and region.code == code:
                return name
        known = ", ".join(r.code for r in self.regions())
        raise KeyError(f"no plugin serves region {code!r}; known regions: {known}")

    def national_default(self) -> Region | None:
        """The region without division codes (the national adapter), if loaded."""
        return next((r for r in self.regions() if r.is_national_default), None)

    def region_for_division(self, division_code: str) -> Region:
        """The region owning a GB/T 2260 division code: the one with the longest matching prefix,
        else the national default. ``LookupError`` when neither exists."""
        best = max(self.regions(), key=lambda r: r.covers(division_code), default=None)
        if best is not None and best.covers(division_code) > 0:
            return best
        default = self.national_default()
        if default is None:
            raise LookupError(
                f"no region covers division {division_code!r} and no national default"
            )
        return default

    # --- hooks ----------------------------------------------------------------------------------

    def ledger_formats(self, *, adapter: str | None = None) -> list[LedgerFormat]:
        """``socialwork_ledger_formats``: every plugin's formats, or one adapter's."""
        return self._collect_lists("socialwork_ledger_formats", adapter)

    def extra_categories(self, *, adapter: str | None = None) -> list[CategoryDefinition]:
        """``socialwork_extra_categories``: local categories; a code declared twice keeps its
        first declaration (the second is a load problem)."""
        seen: set[str] = set()
        result: list[CategoryDefinition] = []
        for definition in self._collect_lists("socialwork_extra_categories", adapter):
            if definition.code not in seen:
                seen.add(definition.code)
                result.append(definition)
        return result

    def rule_sets(self, *, adapter: str | None = None) -> list[RuleSet]:
        """``socialwork_rule_sets``: every plugin's rule sets, or one adapter's."""
        return self._collect_lists("socialwork_rule_sets", adapter)

    def report_templates(self, *, adapter: str | None = None) -> list[ReportTemplate]:
        """``socialwork_report_templates``: every plugin's templates, or one adapter's."""
        return self._collect_lists("socialwork_report_templates", adapter)

    def check_recipient(
        self, recipient: Recipient, as_of: date, *, adapter: str | None = None
    ) -> list[Finding]:
        """``socialwork_check_recipient`` from every plugin (or one adapter), followed by the age
        rules of the local categories the person holds (see :func:`check_local_categories`)."""
        findings: list[Finding] = self._collect_lists(
            "socialwork_check_recipient", adapter, recipient=recipient, as_of=as_of
        )
        findings += check_local_categories(recipient, as_of, self.extra_categories(adapter=adapter))
        return findings

    def messages(self, *, adapter: str | None = None) -> dict[str, str]:
        """``socialwork_messages``: every plugin's message templates (code → template), or one
        adapter's. :func:`load_plugins` has registered them for ``Finding.of``."""
        templates: dict[str, str] = {}
        for name in self._order if adapter is None else (adapter,):
            for contribution in self._call_one("socialwork_messages", name):
                templates.update(contribution)
        return templates

    def configure_converter(self, converter: cattrs.Converter) -> None:
        """``socialwork_configure_converter``: let every plugin add its rules to ``converter``."""
        self._pm.hook.socialwork_configure_converter(converter=converter)

    def make_converter(self) -> cattrs.Converter:
        """The library's converter with every plugin's rules added."""
        return serialize.make_converter(configure=self.configure_converter)

    @property
    def configures_converter(self) -> bool:
        """Whether some plugin adds rules through ``socialwork_configure_converter``."""
        return bool(self._pm.hook.socialwork_configure_converter.get_hookimpls())

    def load_ledger(
        self,
        path: str | Path,
        fmt: LedgerFormat,
        *,
        strict: bool = False,
        limits: ReadLimits | None = None,
    ) -> LoadResult:
        """:func:`socialwork_core.ledger.load_ledger` with every plugin's converter rules.

        When no plugin adds any, the library's own converter is used, as ``load_ledger`` builds
        it: then clean rows go straight to records (``ledger/compiled.py``), the quick way. With
        a plugin's rules every record goes through the converter's hooks.
        """
        # imported here: importing the plugin contract must not load the workbook readers
        from ..ledger import load_ledger

        converter = self.make_converter() if self.configures_converter else None
        return load_ledger(path, fmt, strict=strict, limits=limits, converter=converter)

    def detect_format(self, headers: Mapping[str, Sequence[str]]) -> DetectedFormat | None:
        """``socialwork_detect_format``: the first plugin (in hook order: ``tryfirst`` ones first,
        ``trylast`` ones last) that names one of its own formats claims the workbook."""
        caller = self._pm.hook.socialwork_detect_format
        for impl in reversed(caller.get_hookimpls()):
            answer = self._call_one("socialwork_detect_format", impl.plugin_name, headers=headers)
            if answer is None:
                continue
            for fmt in self.ledger_formats(adapter=impl.plugin_name):
                if fmt.name == answer:
                    return DetectedFormat(adapter=impl.plugin_name, format=fmt)
            raise PluginError(
                impl.plugin_name,
                f"socialwork_detect_format answered {answer!r}, which is not one of its formats",
            )
        return None

    def detect_workbook_format(self, path: str | Path) -> DetectedFormat | None:
        """:meth:`detect_format` on the first rows of every sheet of the workbook at ``path``."""
        return self.detect_format(workbook_headers(path))

    # --- resolved for a region --------------------------------------------------------------------

    def ledger_formats_for_region(self, code: str) -> list[LedgerFormat]:
        """The region's formats, or the national default's when it has none."""
        return self._for_region(code, self.ledger_formats)

    def rule_sets_for_region(self, code: str) -> list[RuleSet]:
        """The region's rule sets, or the national default's when it has none."""
        return self._for_region(code, self.rule_sets)

    def report_templates_for_region(self, code: str) -> list[ReportTemplate]:
        """The region's report templates, or the national default's when it has none."""
        return self._for_region(code, self.report_templates)

    def categories_for_region(self, code: str) -> list[CategoryDefinition]:
        """The local categories a region's ledgers may hold: the national default adapter's
        extras and the region's own."""
        result: list[CategoryDefinition] = []
        for name in self._default_and_region(code):
            result += self.extra_categories(adapter=name)
        return result

    def check_recipient_for_region(
        self, recipient: Recipient, as_of: date, code: str
    ) -> list[Finding]:
        """The checks that apply to a person on region ``code``'s register: the national default
        adapter's and the region's own hooks, and the age rules of the categories the region's
        ledgers may hold (:meth:`categories_for_region`)."""
        findings: list[Finding] = []
        for name in self._default_and_region(code):
            findings += self._collect_lists(
                "socialwork_check_recipient", name, recipient=recipient, as_of=as_of
            )
        findings += check_local_categories(recipient, as_of, self.categories_for_region(code))
        return findings

    # --- internals -------------------------------------------------------------------------------

    def _default_and_region(self, code: str) -> list[str]:
        """The national default adapter (unless it is the region's own), then region ``code``'s."""
        names = [self.adapter_for_region(code)]
        default = self.national_default()
        if default is not None and default.code != code:
            names.insert(0, self.adapter_for_region(default.code))
        return names

    def _for_region(self, code: str, get: Callable[..., list[Any]]) -> list[Any]:
        own: list[Any] = get(adapter=self.adapter_for_region(code))
        default = self.national_default()
        if own or default is None or default.code == code:
            return own
        fallback: list[Any] = get(adapter=self.adapter_for_region(default.code))
        return fallback

    def _call_one(self, hook_name: str, plugin_name: str, **kwargs: Any) -> Any:
        if not self._pm.has_plugin(plugin_name):
            raise KeyError(f"no plugin named {plugin_name!r}; loaded: {', '.join(self._order)}")
        return _one_plugin(self._pm, hook_name, plugin_name)(**kwargs)

    def _collect_lists(self, hook_name: str, adapter: str | None, **kwargs: Any) -> list[Any]:
        names = self._order if adapter is None else (adapter,)
        result: list[Any] = []
        for name in names:
            for contribution in self._call_one(hook_name, name, **kwargs):
                result.extend(contribution)
        return result


def check_local_categories(
    recipient: Recipient, as_of: date, definitions: Iterable[CategoryDefinition]
) -> list[Finding]:
    """Check the age rules of the local categories a person holds, as the national ones are
    checked: ``category.too_old`` / ``category.too_young`` warnings, ``category.age_unknown`` info.
    """
    findings: list[Finding] = []
    age = recipient.age(as_of)
    for definition in definitions:
        rule = definition.age_rule
        if rule is None or not recipient.holds(definition.code):
            continue
        if age is None:
            findings.append(
                Finding.of("category.age_unknown", Severity.INFO, category=definition.label)
            )
            continue
        params = {"category": definition.label, "as_of": as_of.isoformat(), "age": age}
        if rule.under_age is not None and age >= rule.under_age:
            findings.append(
                Finding.of(
                    "category.too_old", Severity.WARNING, rule=f"< {rule.under_age}", **params
                )
            )
        if rule.min_age is not None and age < rule.min_age:
            findings.append(
                Finding.of(
                    "category.too_young", Severity.WARNING, rule=f">= {rule.min_age}", **params
                )
            )
    return findings


# --- loading ---------------------------------------------------------------------------------------


def _one_plugin(pm: pluggy.PluginManager, hook_name: str, plugin_name: str) -> Any:
    """A caller of hook ``hook_name`` that asks only the plugin registered as ``plugin_name``."""
    plugin = pm.get_plugin(plugin_name)
    others = [p for p in pm.get_plugins() if p is not plugin]
    return pm.subset_hook_caller(hook_name, remove_plugins=others)


def _disabled_from_env(environ: Mapping[str, str]) -> set[str]:
    return {
        name.strip() for name in environ.get(DISABLED_PLUGINS_ENV, "").split(",") if name.strip()
    }


def _module_name(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return type(plugin).__module__


def _register(pm: pluggy.PluginManager, plugin: object, name: str) -> None:
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginError(name, str(exc)) from exc


def _check_hooks(pm: pluggy.PluginManager) -> None:
    """Unknown hook names and unmarked ``socialwork_`` functions fail loudly, naming the plugin."""
    known = hook_names()
    for hook_name, caller in vars(pm.hook).items():
        if hook_name.startswith("_") or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if impl.optionalhook:
                continue
            close = difflib.get_close_matches(hook_name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise PluginError(
                impl.plugin_name,
                f"implements {hook_name!r}, which is not a socialwork_core hook{hint} "
                f"(hooks: {', '.join(known)})",
            )
    for name, plugin in pm.list_name_plugin():
        if plugin is None:
            continue
        for attr in dir(plugin):
            if not attr.startswith(HOOK_PREFIX) or not callable(getattr(plugin, attr, None)):
                continue
            if pm.parse_hookimpl_opts(plugin, attr) is None:
                raise PluginError(
                    name,
                    f"defines {attr!r} without @hookimpl, so it would never be called "
                    "(decorate it with socialwork_core.hookimpl)",
                )
    pm.check_pending()


def _claims(region: Region) -> list[str]:
    claims = [region.code, *region.division_codes]
    if region.is_national_default:
        claims.append(render_message("plugins.national_default"))
    return claims


def _collect_regions(
    pm: pluggy.PluginManager, order: list[str], problems: list[LoadProblem]
) -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for name in list(order):
        try:
            answers = _one_plugin(pm, "socialwork_region", name)()
            region = next((a for a in answers if a is not None), None)
            if region is not None and not isinstance(region, Region):
                raise TypeError(f"socialwork_region returned {region!r}, not a Region")
        except Exception as exc:
            problems.append(_problem(name, "plugins.region_failed", _describe(exc), error=exc))
            pm.unregister(name=name)
            order.remove(name)
            continue
        if region is not None:
            regions[name] = region

    claimed_by: dict[str, list[str]] = {}
    for name, region in regions.items():
        for claim in _claims(region):
            claimed_by.setdefault(claim, []).append(name)
    dropped: set[str] = set()
    for claim, names in claimed_by.items():
        if len(names) < 2:
            continue
        for name in names:
            other = LIST_JOINER.join(n for n in names if n != name)
            problems.append(
                _problem(
                    name,
                    "plugins.duplicate_region",
                    f"{claim!r} is also claimed by {other}",
                    other=other,
                    claim=claim,
                )
            )
            dropped.add(name)
    for name in dropped:
        pm.unregister(name=name)
        order.remove(name)
        del regions[name]
    return regions


def _check_categories(
    pm: pluggy.PluginManager, order: list[str], problems: list[LoadProblem]
) -> None:
    declared: dict[str, str] = {}
    for name in order:
        for contribution in _one_plugin(pm, "socialwork_extra_categories", name)():
            for definition in contribution:
                first = declared.setdefault(definition.code, name)
                if first != name:
                    problems.append(
                        _problem(
                            name,
                            "plugins.duplicate_category",
                            f"category {definition.code!r} already declared by {first!r}",
                            category=definition.code,
                            other=first,
                        )
                    )


def _register_messages(
    pm: pluggy.PluginManager, order: list[str], problems: list[LoadProblem]
) -> None:
    for name in order:
        try:
            contributions = _one_plugin(pm, "socialwork_messages", name)()
        except Exception as exc:  # the plugin's other hooks still serve
            problems.append(
                _problem(name, "plugins.message_refused", _describe(exc), message_code="*")
            )
            continue
        for contribution in contributions:
            if not isinstance(contribution, Mapping):
                why = f"socialwork_messages returned {type(contribution).__name__}, not a dict"
                problems.append(_problem(name, "plugins.message_refused", why, message_code="*"))
                continue
            for code, why in add_messages(contribution).items():
                problems.append(_problem(name, "plugins.message_refused", why, message_code=code))


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
    :raises PluginError: a plugin implements an unknown hook, has an unmarked ``socialwork_``
        function, or an implementation whose arguments the hook does not have.
    """
    env = os.environ if environ is None else environ
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    for name in sorted({*blocked, *_disabled_from_env(env)}):
        pm.set_blocked(name)

    order: list[str] = []
    origins: dict[str, PluginOrigin] = {}
    problems: list[LoadProblem] = []

    if load_entrypoints:
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
            if pm.has_plugin(ep.name):
                first = origins[ep.name]
                problems.append(
                    _problem(
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
                problems.append(
                    _problem(ep.name, "plugins.import_failed", _describe(exc), error=exc)
                )
                continue
            _register(pm, plugin, ep.name)
            order.append(ep.name)
            origins[ep.name] = origin

    for plugin in extra_plugins:
        name = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__name__
        if pm.is_blocked(name):
            continue
        if pm.has_plugin(name):
            problems.append(
                _problem(
                    name,
                    "plugins.duplicate_name",
                    f"an extra plugin is named like the loaded plugin {name!r}",
                    origins=f"{origins[name].module}, {_module_name(plugin)}",
                )
            )
            continue
        _register(pm, plugin, name)
        order.append(name)
        origins[name] = PluginOrigin(source="extra", module=_module_name(plugin))

    _check_hooks(pm)
    regions = _collect_regions(pm, order, problems)
    _check_categories(pm, order, problems)
    _register_messages(pm, order, problems)
    if strict and problems:
        raise PluginLoadError(problems)
    return Plugins(pm, order=order, origins=origins, regions=regions, problems=problems)
