"""The plugins facade: what the loaded plugins contribute, with one method per hook.

:func:`~socialwork_core.plugins.load_plugins` (:mod:`~socialwork_core.plugins.loading`) builds a
:class:`Plugins` after asking every plugin once for its contributions (regions, formats,
categories, rule sets, templates, messages); the facade keeps them and answers from them. Hooks
that take arguments (a recipient to check, headers to recognise, a converter to configure) are
called when needed, through their specification (:class:`~socialwork_core.plugins.calls.HookCalls`)
and with the plugins' message templates in use, and their answers are checked like the collected
ones. The core calls hooks only through this facade; no caller touches pluggy's ``hook`` object.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import cattrs
import pluggy

from .. import serialize
from ..findings import Finding
from ..glossary.messages import speaking
from . import hookspecs
from .answers import expected_answer, mismatch, spoken
from .calls import HookCalls
from .categories import check_local_categories
from .contributions import Contributions
from .detect import workbook_headers
from .info import AdapterInfo, DetectedFormat, PluginOrigin
from .problems import LoadProblem, PluginError
from .values import CategoryDefinition, Region

if TYPE_CHECKING:
    from ..grading import RuleSet
    from ..ledger import LedgerFormat, LedgerMapping, LoadResult
    from ..recipients import Recipient
    from ..reports import ReportTemplate
    from ..tabular import ReadLimits

__all__ = ["Plugins"]

T = TypeVar("T")


class Plugins:
    """The loaded plugins, with one method per hook. Build it with :func:`load_plugins`.

    Contributions are given in load order (entry points by name, then ``extra_plugins``); pass
    ``adapter=`` to take one plugin's only. The ``*_for_region`` methods resolve a region to its
    adapter and fall back to the national default adapter for what the region does not provide.
    """

    def __init__(
        self,
        manager: pluggy.PluginManager,
        *,
        calls: HookCalls,
        order: Sequence[str],
        origins: Mapping[str, PluginOrigin],
        contributions: Mapping[str, Contributions],
        messages: Mapping[str, str],
        problems: Sequence[LoadProblem],
    ) -> None:
        self._pm = manager
        self._calls = calls
        self._order = tuple(order)
        self._origins = dict(origins)
        self._contributions = dict(contributions)
        self._messages = dict(messages)
        self._problems = tuple(problems)
        self._regions = {
            name: c.region for name, c in self._contributions.items() if c.region is not None
        }

    # --- what is loaded -------------------------------------------------------------------------

    @property
    def problems(self) -> tuple[LoadProblem, ...]:
        """The plugins that could not be used (or not wholly), and why."""
        return self._problems

    def set_aside(self) -> tuple[str, ...]:
        """The plugins set aside while loading (a problem recorded, and not loaded), in the order
        their problems were found."""
        names = dict.fromkeys(p.plugin for p in self._problems if p.plugin not in self._order)
        return tuple(names)

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
        """The name of the plugin serving region ``code``; ``KeyError`` otherwise, naming the
        known regions and the plugins set aside while loading (one of them may have served it)."""
        for name in self._order:
            region = self._regions.get(name)
            if region is not None and region.code == code:
                return name
        known = ", ".join(r.code for r in self.regions())
        aside = ", ".join(self.set_aside())
        also = f"; plugins set aside while loading: {aside}" if aside else ""
        raise KeyError(f"no plugin serves region {code!r}; known regions: {known}{also}")

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

    # --- contributions, collected while loading -------------------------------------------------

    def ledger_formats(self, *, adapter: str | None = None) -> list[LedgerFormat]:
        """``socialwork_ledger_formats``: every plugin's formats, or one adapter's."""
        return [f for c in self._of(adapter) for f in c.ledger_formats]

    def extra_categories(self, *, adapter: str | None = None) -> list[CategoryDefinition]:
        """``socialwork_extra_categories``: local categories; a code declared twice keeps its
        first declaration (the second is a load problem)."""
        return [d for c in self._of(adapter) for d in c.extra_categories]

    def rule_sets(self, *, adapter: str | None = None) -> list[RuleSet]:
        """``socialwork_rule_sets``: every plugin's rule sets, or one adapter's."""
        return [r for c in self._of(adapter) for r in c.rule_sets]

    def report_templates(self, *, adapter: str | None = None) -> list[ReportTemplate]:
        """``socialwork_report_templates``: every plugin's templates, or one adapter's."""
        return [t for c in self._of(adapter) for t in c.report_templates]

    def messages(self, *, adapter: str | None = None) -> dict[str, str]:
        """``socialwork_messages``: every plugin's accepted message templates (code → template),
        or one adapter's. The facade renders them while it calls a plugin (:meth:`speaking`)."""
        templates: dict[str, str] = {}
        for contribution in self._of(adapter):
            templates.update(contribution.messages)
        return templates

    @contextlib.contextmanager
    def speaking(self) -> Iterator[None]:
        """Within the block, ``Finding.of`` renders the plugins' own codes (their
        ``socialwork_messages``) as the library's. The facade's hook calls run inside it; code
        that builds a plugin's findings itself (a test, say) uses it too."""
        with speaking(self._messages):
            yield

    # --- hooks called when needed ---------------------------------------------------------------

    def check_recipient(
        self, recipient: Recipient, as_of: date, *, adapter: str | None = None
    ) -> list[Finding]:
        """``socialwork_check_recipient`` from every plugin (or one adapter), followed by the age
        rules of the local categories the person holds (see :func:`check_local_categories`)."""
        names = self._order if adapter is None else (self._known(adapter),)
        findings = self._checks(names, recipient, as_of)
        findings += check_local_categories(recipient, as_of, self.extra_categories(adapter=adapter))
        return findings

    def configure_converter(self, converter: cattrs.Converter) -> None:
        """``socialwork_configure_converter``: let every plugin add its rules to ``converter``."""
        spec = hookspecs.socialwork_configure_converter
        with self.speaking():
            for name in self._calls.implementers(spec):
                self._calls.ask(spec, name, converter=converter)

    def make_converter(self) -> cattrs.Converter:
        """The library's converter with every plugin's rules added."""
        return serialize.make_converter(configure=self.configure_converter)

    @property
    def configures_converter(self) -> bool:
        """Whether some plugin adds rules through ``socialwork_configure_converter``."""
        return bool(self._calls.implementers(hookspecs.socialwork_configure_converter))

    def load_ledger(
        self,
        path: str | Path,
        fmt: LedgerFormat,
        *,
        strict: bool = False,
        limits: ReadLimits | None = None,
        mapping: LedgerMapping | None = None,
        window: tuple[date, date] | None = None,
    ) -> LoadResult:
        """:func:`socialwork_core.ledger.load_ledger` with every plugin's converter rules.

        When no plugin adds any, the library's own converter is used, as ``load_ledger`` builds
        it: then clean rows go straight to records (``ledger/compiled.py``), the quick way. With
        a plugin's rules every record goes through the converter's hooks.
        """
        # imported here: importing the plugin contract must not load the workbook readers
        from ..ledger import load_ledger

        converter = self.make_converter() if self.configures_converter else None
        return load_ledger(
            path,
            fmt,
            strict=strict,
            limits=limits,
            converter=converter,
            mapping=mapping,
            window=window,
        )

    def detect_format(self, headers: Mapping[str, Sequence[str]]) -> DetectedFormat | None:
        """``socialwork_detect_format``: the first plugin (in hook order: ``tryfirst`` ones first,
        ``trylast`` ones last) that names one of its own formats claims the workbook."""
        spec = hookspecs.socialwork_detect_format
        for name in self._calls.implementers(spec):
            with self.speaking():
                answer = self._checked(spec, name, self._calls.first(spec, name, headers=headers))
            if answer is None:
                continue
            for fmt in self.ledger_formats(adapter=name):
                if fmt.name == answer:
                    return DetectedFormat(adapter=name, format=fmt)
            raise PluginError(
                name, f"{spec.__name__} answered {answer!r}, which is not one of its formats"
            )
        return None

    def detect_workbook_format(self, path: str | Path) -> DetectedFormat | None:
        """:meth:`detect_format` on the first rows of every sheet of the workbook at ``path``;
        when they name no format, on the header rows lower on the sheets too (a register under
        a visit log longer than the first rows)."""
        found = self.detect_format(workbook_headers(path))
        if found is None:
            found = self.detect_format(workbook_headers(path, below=True))
        return found

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
        findings = self._checks(self._default_and_region(code), recipient, as_of)
        findings += check_local_categories(recipient, as_of, self.categories_for_region(code))
        return findings

    # --- internals -------------------------------------------------------------------------------

    def _known(self, name: str) -> str:
        if name not in self._contributions:
            raise KeyError(f"no plugin named {name!r}; loaded: {', '.join(self._order)}")
        return name

    def _of(self, adapter: str | None) -> list[Contributions]:
        if adapter is None:
            return [self._contributions[name] for name in self._order]
        return [self._contributions[self._known(adapter)]]

    def _checks(self, names: Sequence[str], recipient: Recipient, as_of: date) -> list[Finding]:
        spec = hookspecs.socialwork_check_recipient
        findings: list[Finding] = []
        with self.speaking():
            for name in names:
                for answer in self._calls.ask(spec, name, recipient=recipient, as_of=as_of):
                    findings += self._checked(spec, name, answer)
        return findings

    def _checked(self, spec: Callable[..., T], plugin: str, answer: object) -> T:
        """``answer`` when it is of the type ``spec`` declares; :class:`PluginError` naming the
        plugin and the hook otherwise."""
        expected = expected_answer(spec)
        wrong = mismatch(answer, expected)
        if wrong is not None:
            raise PluginError(plugin, f"{spec.__name__} returned {wrong}, not {spoken(expected)}")
        return answer  # type: ignore[return-value]  # checked against the spec's type just now

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
