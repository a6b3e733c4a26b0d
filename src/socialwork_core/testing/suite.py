"""The conformance suite as abstract test classes, one per concern.

An adapter's test file subclasses them and names its entry point; optional capabilities it does
not declare are skipped (and a capability it uses but does not declare fails, so nothing goes
unchecked by accident)::

    from socialwork_core.testing import AdapterConformance, Capability

    class TestZhejiang(AdapterConformance):
        adapter = "zhejiang"
        capabilities = {Capability.LEDGER_FORMATS, Capability.CATEGORIES, Capability.REPORT_TEMPLATES}

The classes' names do not start with ``Test``, so pytest collects only the subclasses.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, TypeVar

import pytest

from ..findings import Finding
from ..glossary.messages import MESSAGES
from ..ledger import Ledger, LedgerFormat, write_ledger
from ..plugins import Plugins, Region, load_plugins
from ..schedule import with_earlier_default
from . import checks
from .synthetic import DEFAULT_AS_OF, FormatGap, synthetic_ledger

__all__ = [
    "AdapterConformance",
    "AdapterTestBase",
    "Capability",
    "CategoryTests",
    "ConverterTests",
    "DiscoveryTests",
    "LedgerFormatTests",
    "RecipientCheckTests",
    "ReportTemplateTests",
    "RuleSetTests",
    "requires",
]


class Capability(StrEnum):
    """What an adapter may contribute besides its region. Declare the ones you implement."""

    LEDGER_FORMATS = "ledger_formats"
    """``socialwork_ledger_formats``: the region's own ledger layouts."""
    FORMAT_DETECTION = "format_detection"
    """``socialwork_detect_format``: claims workbooks written in its formats."""
    CATEGORIES = "categories"
    """``socialwork_extra_categories``: local recipient categories."""
    RULE_SETS = "rule_sets"
    """``socialwork_rule_sets``: the region's grading rules and visit policy."""
    REPORT_TEMPLATES = "report_templates"
    """``socialwork_report_templates``: the region's report forms."""
    RECIPIENT_CHECKS = "recipient_checks"
    """``socialwork_check_recipient``: extra checks on a person."""
    CONVERTER = "converter"
    """``socialwork_configure_converter``: rules added to the library's cattrs converter."""


_HOOK_OF: dict[Capability, str] = {
    Capability.LEDGER_FORMATS: "socialwork_ledger_formats",
    Capability.FORMAT_DETECTION: "socialwork_detect_format",
    Capability.CATEGORIES: "socialwork_extra_categories",
    Capability.RULE_SETS: "socialwork_rule_sets",
    Capability.REPORT_TEMPLATES: "socialwork_report_templates",
    Capability.RECIPIENT_CHECKS: "socialwork_check_recipient",
    Capability.CONVERTER: "socialwork_configure_converter",
}


_F = TypeVar("_F", bound=Callable[..., None])


def requires(*capabilities: Capability) -> Callable[[_F], _F]:
    """Mark a test of a concern class as needing ``capabilities``: it is skipped, before any
    fixture runs, for an adapter that does not declare them (SQLAlchemy's requirements idea)."""

    def mark(test: _F) -> _F:
        test.__dict__["_socialwork_requires"] = tuple(capabilities)
        return test

    return mark


def _fail(adapter: str, what: str, problems: Iterable[str]) -> None:
    found = list(problems)
    if found:
        lines = "\n".join(f"  - {p}" for p in found)
        pytest.fail(
            f"adapter {adapter!r}: {what}: {len(found)} problem(s) to fix in the adapter:\n{lines}",
            pytrace=False,
        )


class AdapterTestBase:
    """What every concern needs: the adapter's entry-point name, its declared capabilities, the
    as-of date of the generated data, and class-scoped fixtures (plugins loaded once per class).

    Subclasses set:

    - ``adapter``: the entry-point name (``[project.entry-points.socialwork_core]``), required;
    - ``capabilities``: the :class:`Capability` values the adapter claims;
    - ``distribution`` (optional): the distribution expected to provide the entry point;
    - ``as_of`` (optional): the last day of the generated year of work.
    """

    adapter: ClassVar[str] = ""
    capabilities: ClassVar[Iterable[Capability]] = frozenset()
    distribution: ClassVar[str | None] = None
    as_of: ClassVar[date] = DEFAULT_AS_OF

    # --- helpers -----------------------------------------------------------------------------------

    def require(self, capability: Capability) -> None:
        """Skip the calling test unless the adapter declares ``capability`` (inside a test; the
        :func:`requires` decorator skips before fixtures run)."""
        if Capability(capability) not in frozenset(self.capabilities):
            pytest.skip(f"{self.adapter!r} does not declare {capability.value}")

    def fail_on(self, what: str, problems: Iterable[str]) -> None:
        """Fail with every problem listed under ``what``; pass when there is none."""
        _fail(self.adapter, what, problems)

    @pytest.fixture(autouse=True)
    def _socialwork_capability_gate(self, request: pytest.FixtureRequest) -> None:
        """Skip a test whose capabilities (see :func:`requires`) the adapter does not declare."""
        declared = frozenset(Capability(c) for c in self.capabilities)
        for capability in getattr(request.function, "_socialwork_requires", ()):
            if capability not in declared:
                pytest.skip(f"{self.adapter!r} does not declare {capability.value}")

    # --- fixtures ------------------------------------------------------------------------------------
    # Function-scoped, backed by caches keyed by adapter: a class-scoped fixture defined as a method
    # is deprecated in pytest, and the plugins and generated ledger are the same for every test.

    @pytest.fixture
    def socialwork_plugins(self, request: pytest.FixtureRequest) -> Plugins:
        """Every plugin installed, loaded through the entry points as the library loads them.

        An adapter set aside while loading (a misspelt hook, a hook answering the wrong type …)
        fails once, in the discovery test, which says why; every other test skips, naming it."""
        if not self.adapter:
            pytest.fail(
                f"{type(self).__name__} must set `adapter` to the adapter's entry-point name",
                pytrace=False,
            )
        plugins = _plugins()
        discovery = DiscoveryTests.test_adapter_is_discovered_through_its_entry_point.__name__
        if self.adapter in plugins.set_aside() and request.function.__name__ != discovery:
            pytest.skip(f"{self.adapter!r} was set aside while loading: see {discovery}")
        return plugins

    @pytest.fixture
    def adapter_region(self, socialwork_plugins: Plugins) -> Region | None:
        info = checks.adapter_info(socialwork_plugins, self.adapter)
        return info.region if info is not None else None

    @pytest.fixture
    def kit_workdir(self, tmp_path_factory: pytest.TempPathFactory) -> Path:
        """A directory for the workbooks and reports the kit writes."""
        return tmp_path_factory.mktemp(f"socialwork-kit-{self.adapter or 'unnamed'}")

    @pytest.fixture
    def generated_ledger(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> Ledger:
        """A synthetic ledger in the region's first ledger format (the national default's when
        the region has none), written to a workbook and loaded back as the library loads one."""
        if adapter_region is None:
            pytest.fail(
                f"adapter {self.adapter!r} is not loaded or serves no region: see the discovery "
                "tests",
                pytrace=False,
            )
        key = (self.adapter, adapter_region.code, self.as_of)
        if key not in _LEDGERS:
            _LEDGERS[key] = _generated_ledger(
                socialwork_plugins, adapter_region, kit_workdir, self.as_of
            )
        return _LEDGERS[key]

    @pytest.fixture
    def field_trial_ledgers(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> dict[str, Ledger]:
        """The field trials (:mod:`socialwork_core.testing.field`) of the region's first ledger
        format, written and loaded back, by trial; those that did not load are left out (the
        ledger format tests name them)."""
        if adapter_region is None:
            return {}
        key = (self.adapter, adapter_region.code, self.as_of)
        if key not in _FIELD:
            formats = socialwork_plugins.ledger_formats_for_region(adapter_region.code)
            _FIELD[key] = (
                checks.check_field_ledgers(
                    formats[0],
                    socialwork_plugins,
                    region=adapter_region,
                    workdir=kit_workdir / "field",
                    as_of=self.as_of,
                    local_categories=socialwork_plugins.categories_for_region(adapter_region.code),
                )[1]
                if formats
                else {}
            )
        return _FIELD[key]


_LEDGERS: dict[tuple[str, str, date], Ledger] = {}
_FIELD: dict[tuple[str, str, date], dict[str, Ledger]] = {}


@functools.cache
def _plugins() -> Plugins:
    return load_plugins()


def _generated_ledger(plugins: Plugins, region: Region, workdir: Path, as_of: date) -> Ledger:
    formats = plugins.ledger_formats_for_region(region.code)
    if not formats:
        pytest.fail(f"no ledger format for region {region.code!r}", pytrace=False)
    fmt = formats[0]
    categories = plugins.categories_for_region(region.code)
    try:
        ledger = synthetic_ledger(fmt, as_of=as_of, region=region, local_categories=categories)
    except FormatGap as gap:
        pytest.fail(f"ledger format {fmt.name!r}: {gap}", pytrace=False)
    path = write_ledger(workdir / f"{fmt.name}.ledger.xlsx", ledger, fmt)
    result = plugins.load_ledger(path, fmt)
    return result.ledger if not result.errors else ledger


class DiscoveryTests(AdapterTestBase):
    """Discovery, region metadata, public imports, declared capabilities."""

    def test_adapter_is_discovered_through_its_entry_point(
        self, socialwork_plugins: Plugins
    ) -> None:
        self.fail_on(
            "discovery",
            checks.check_discovery(
                socialwork_plugins, self.adapter, distribution=self.distribution
            ),
        )

    def test_region_metadata_is_complete(self, socialwork_plugins: Plugins) -> None:
        self.fail_on("region metadata", checks.check_region(socialwork_plugins, self.adapter))

    def test_adapter_imports_only_public_api(self, socialwork_plugins: Plugins) -> None:
        self.fail_on("imports", checks.check_public_imports(socialwork_plugins, self.adapter))

    def test_declared_capabilities_match_what_it_contributes(
        self, socialwork_plugins: Plugins
    ) -> None:
        declared = {Capability(c) for c in self.capabilities}
        implemented = set(checks.implemented_hooks(socialwork_plugins, self.adapter))
        problems = []
        for capability, hook in _HOOK_OF.items():
            if hook in implemented and capability not in declared:
                problems.append(
                    f"it implements {hook} but does not declare Capability."
                    f"{capability.name} in `capabilities`, so the kit would not check it: add it"
                )
            if capability in declared and hook not in implemented:
                problems.append(
                    f"it declares Capability.{capability.name} but implements no {hook}: "
                    "implement the hook or drop the capability"
                )
        self.fail_on("declared capabilities", problems)


class LedgerFormatTests(AdapterTestBase):
    """Ledger formats: a ledger generated from each format loads and writes back unchanged."""

    def _formats(self, plugins: Plugins) -> list[LedgerFormat]:
        formats = plugins.ledger_formats(adapter=self.adapter)
        if not formats:
            self.fail_on("ledger formats", ["socialwork_ledger_formats returned no format"])
        return formats

    @requires(Capability.LEDGER_FORMATS)
    def test_ledger_formats_are_named_uniquely(self, socialwork_plugins: Plugins) -> None:
        names = [f.name for f in self._formats(socialwork_plugins)]
        others = {
            f.name
            for name in socialwork_plugins.names()
            if name != self.adapter
            for f in socialwork_plugins.ledger_formats(adapter=name)
        }
        problems = [f"format name {n!r} is used twice" for n in set(names) if names.count(n) > 1]
        problems += [
            f"format name {n!r} is also used by another adapter: name it after your region"
            for n in names
            if n in others
        ]
        self.fail_on("ledger format names", problems)

    @requires(Capability.LEDGER_FORMATS)
    def test_generated_ledger_round_trips_through_each_format(
        self,
        socialwork_plugins: Plugins,
        adapter_region: Region | None,
        kit_workdir: Path,
    ) -> None:
        problems: list[str] = []
        categories = (
            socialwork_plugins.categories_for_region(adapter_region.code)
            if adapter_region is not None
            else []
        )
        for fmt in self._formats(socialwork_plugins):
            found, _ledger = checks.check_format_round_trip(
                fmt,
                socialwork_plugins,
                region=adapter_region,
                workdir=kit_workdir / "round-trip",
                as_of=self.as_of,
                local_categories=categories,
            )
            problems += found
        self.fail_on("ledger round trip", problems)

    @requires(Capability.LEDGER_FORMATS)
    def test_ledgers_as_stations_keep_them_load_and_read_back(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> None:
        """Sparse cells, missing optional columns, no stations sheet, the register alone, and
        unreadable rows (refused, named by sheet and row, the others kept)."""
        code = adapter_region.code if adapter_region is not None else ""
        problems: list[str] = []
        for fmt in self._formats(socialwork_plugins):
            problems += checks.check_field_ledgers(
                fmt,
                socialwork_plugins,
                region=adapter_region,
                workdir=kit_workdir / "field-trials",
                as_of=self.as_of,
                local_categories=socialwork_plugins.categories_for_region(code),
            )[0]
        self.fail_on("ledgers as stations keep them", problems)

    @requires(Capability.LEDGER_FORMATS, Capability.FORMAT_DETECTION)
    def test_workbooks_in_its_formats_are_detected_as_its_own(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> None:
        formats = self._formats(socialwork_plugins)
        problems: list[str] = []
        for fmt in formats:
            try:
                ledger = synthetic_ledger(fmt, as_of=self.as_of, region=adapter_region)
            except FormatGap as gap:
                problems.append(f"ledger format {fmt.name!r}: {gap}")
                continue
            path = write_ledger(kit_workdir / f"{fmt.name}.detect.xlsx", ledger, fmt)
            problems += checks.check_detection(fmt, socialwork_plugins, self.adapter, workbook=path)
        self.fail_on("format detection", problems)


class CategoryTests(AdapterTestBase):
    """Local categories: codes, labels, readable by the adapter's formats, age rules checked."""

    @requires(Capability.CATEGORIES)
    def test_categories_have_codes_and_labels(self, socialwork_plugins: Plugins) -> None:
        definitions = socialwork_plugins.extra_categories(adapter=self.adapter)
        problems = [] if definitions else ["socialwork_extra_categories returned no category"]
        problems += checks.check_categories(socialwork_plugins, self.adapter)
        self.fail_on("categories", problems)

    @requires(Capability.CATEGORIES)
    def test_age_rules_of_categories_are_checked(self, socialwork_plugins: Plugins) -> None:
        problems = []
        for definition in socialwork_plugins.extra_categories(adapter=self.adapter):
            if definition.age_rule is None:
                continue
            person = checks.person_outside_age_rule(definition, self.as_of)
            if person is None:
                continue
            findings = socialwork_plugins.check_recipient(person, self.as_of, adapter=self.adapter)
            if not any(f.code.startswith("category.too_") for f in findings):
                problems.append(
                    f"category {definition.code!r} has an age rule, yet a person outside it "
                    "raises no category.too_old / category.too_young warning"
                )
        self.fail_on("category age rules", problems)


class RuleSetTests(AdapterTestBase):
    """Rule sets: each grades a generated register, every grade with reasons citing it."""

    @requires(Capability.RULE_SETS)
    def test_rule_sets_grade_a_generated_register_with_reasons(
        self, socialwork_plugins: Plugins, generated_ledger: Ledger
    ) -> None:
        rule_sets = socialwork_plugins.rule_sets(adapter=self.adapter)
        problems = [] if rule_sets else ["socialwork_rule_sets returned no rule set"]
        problems += checks.check_rule_sets(rule_sets, generated_ledger, self.as_of)
        self.fail_on("rule sets", problems)


class ReportTemplateTests(AdapterTestBase):
    """Report templates: each renders for a generated ledger, masks personal data, and its figures
    agree with the core's indicators for the same period."""

    @requires(Capability.REPORT_TEMPLATES)
    def test_report_templates_render_mask_and_agree_with_the_indicators(
        self,
        socialwork_plugins: Plugins,
        adapter_region: Region | None,
        generated_ledger: Ledger,
        field_trial_ledgers: dict[str, Ledger],
        kit_workdir: Path,
    ) -> None:
        templates = socialwork_plugins.report_templates(adapter=self.adapter)
        problems = [] if templates else ["socialwork_report_templates returned no template"]
        names = [t.name for t in templates]
        problems += [f"template name {n!r} is used twice" for n in set(names) if names.count(n) > 1]
        code = adapter_region.code if adapter_region is not None else ""
        rule_sets = with_earlier_default(socialwork_plugins.rule_sets_for_region(code))
        for template in templates:
            problems += checks.check_report_template(
                template,
                generated_ledger,
                region=adapter_region,
                rule_sets=rule_sets,
                as_of=self.as_of,
                workdir=kit_workdir / "reports",
                local_categories=socialwork_plugins.categories_for_region(code),
                field=field_trial_ledgers,
            )
        self.fail_on("report templates", problems)


class RecipientCheckTests(AdapterTestBase):
    """Extra recipient checks: run on every generated person without raising, answer findings
    with codes in the region's namespace, each worded by a template the adapter registered
    (``socialwork_messages``) or the library's own."""

    @requires(Capability.RECIPIENT_CHECKS)
    def test_recipient_checks_run_on_a_generated_register(
        self,
        socialwork_plugins: Plugins,
        adapter_region: Region | None,
        generated_ledger: Ledger,
    ) -> None:
        problems: list[str] = []
        prefix = f"{adapter_region.code}." if adapter_region is not None else ""
        templates = socialwork_plugins.messages(adapter=self.adapter)
        for person in generated_ledger.recipients:
            try:
                findings = socialwork_plugins.check_recipient(
                    person, self.as_of, adapter=self.adapter
                )
            except Exception as error:
                problems.append(f"socialwork_check_recipient fails on {person.key!r}: {error!r}")
                break
            for finding in findings:
                if not isinstance(finding, Finding):
                    problems.append(
                        f"socialwork_check_recipient returned {finding!r}, not a Finding"
                    )
                elif not (finding.code.startswith(prefix) or finding.code.startswith("category.")):
                    problems.append(
                        f"finding code {finding.code!r} should start with {prefix!r} "
                        "(the region's namespace)"
                    )
                elif finding.code not in templates and finding.code not in MESSAGES:
                    problems.append(
                        f"finding code {finding.code!r} has no template: return it from "
                        "socialwork_messages and build the finding with Finding.of"
                    )
        self.fail_on("recipient checks", sorted(set(problems)))

    @requires(Capability.RECIPIENT_CHECKS)
    def test_message_templates_are_its_own_and_were_accepted(
        self, socialwork_plugins: Plugins, adapter_region: Region | None
    ) -> None:
        prefix = f"{adapter_region.code}." if adapter_region is not None else ""
        problems = [
            f"message template {code!r} should be named {prefix}… (the region's namespace)"
            for code in socialwork_plugins.messages(adapter=self.adapter)
            if not code.startswith(prefix)
        ]
        problems += [
            f"{p.finding.message} ({p.detail})"
            for p in socialwork_plugins.problems
            if p.plugin == self.adapter and p.finding.code == "plugins.message_refused"
        ]
        self.fail_on("message templates", problems)


class ConverterTests(AdapterTestBase):
    """Converter rules: the library's records still round-trip through the plugins' converter,
    and a ledger reads the same with the rules as with the library's own converter."""

    @requires(Capability.CONVERTER)
    def test_converter_rules_keep_the_librarys_records(
        self, socialwork_plugins: Plugins, adapter_region: Region | None, kit_workdir: Path
    ) -> None:
        # made here, not read through the plugins: rules that change records would have changed
        # the ``generated_ledger`` fixture already
        code = adapter_region.code if adapter_region is not None else ""
        formats = socialwork_plugins.ledger_formats_for_region(code)
        if not formats:
            self.fail_on("converter rules", [f"no ledger format for region {code!r}"])
        try:
            ledger = synthetic_ledger(
                formats[0],
                as_of=self.as_of,
                region=adapter_region,
                local_categories=socialwork_plugins.categories_for_region(code),
            )
        except FormatGap as gap:
            self.fail_on("converter rules", [f"ledger format {formats[0].name!r}: {gap}"])
            return
        problems = checks.check_converter(
            socialwork_plugins, ledger, formats[0], workdir=kit_workdir / "converter"
        )
        self.fail_on("converter rules", problems)


class AdapterConformance(
    DiscoveryTests,
    LedgerFormatTests,
    CategoryTests,
    RuleSetTests,
    ReportTemplateTests,
    RecipientCheckTests,
    ConverterTests,
):
    """Every concern at once: the one class most adapters subclass."""
