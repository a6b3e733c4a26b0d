"""The kit tries an adapter on ledgers as stations keep them, checks every count its templates
show, and its rule sets' dates: each breakage a regional team met in the field fails the kit with
one sentence saying what to change (pytester, against deliberately broken adapters installed
through a real entry point)."""

from __future__ import annotations

import textwrap

import pytest

pytest_plugins = ["pytester"]

HEADER = """
from datetime import date

import attrs
from socialwork_core import indicators as ind
from socialwork_core.glossary import Category
from socialwork_core.ledger import LedgerFormat
from socialwork_core.periods import PeriodKind
from socialwork_core.plugins import Region, hookimpl
from socialwork_core.reports import Report, ReportTemplate, Section, figure_table
from socialwork_core.schedule import NATIONAL_DEFAULT
from socialwork_national import formats as national

__version__ = "0.1.0"

REGION = Region(code="fieldland", name="测试省", division_codes=("81",),
                adapter="field-adapter", adapter_version=__version__)
FORMAT = LedgerFormat(name="fieldland", sheets=(
    national.RECIPIENTS, national.STATIONS, national.CONTACTS, national.ACTIVITIES))


@hookimpl
def socialwork_region():
    return REGION


@hookimpl
def socialwork_ledger_formats():
    return [FORMAT]
"""

REPORT = """
def build(ledger, period, /, *, as_of, unit, footer, settings):
    {body}
    return Report(template=TEMPLATE.name, title="测试月报", unit=unit, period=period, as_of=as_of,
                  sections=(Section(title="一、探访", tables=(figure_table(figures),)),),
                  footer=footer)


TEMPLATE = ReportTemplate(name="fieldland.monthly", title="测试月报", period_kind=PeriodKind.MONTH,
                          builder=build{extra})


@hookimpl
def socialwork_report_templates():
    return [TEMPLATE]
"""

CONFORMANCE = """
from socialwork_core.testing import AdapterConformance, Capability


class TestField(AdapterConformance):
    adapter = "field"
    capabilities = {capabilities}
"""

FORMATS = "Capability.LEDGER_FORMATS"
REPORTS = "Capability.LEDGER_FORMATS, Capability.REPORT_TEMPLATES"


@pytest.fixture
def install(pytester: pytest.Pytester):
    """The plugin module in an importable package with an entry point (a ``.dist-info`` on the
    subprocess's path, as pip leaves it), and the adapter's conformance test file."""

    def make(*parts: str, capabilities: str) -> None:
        package = pytester.mkpydir("field_adapter")
        (package / "plugin.py").write_text(
            "\n".join(textwrap.dedent(p) for p in (HEADER, *parts)), encoding="utf-8"
        )
        info = pytester.mkdir("field_adapter-0.1.0.dist-info")
        (info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: field-adapter\nVersion: 0.1.0\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            "[socialwork_core]\nfield = field_adapter.plugin\n", encoding="utf-8"
        )
        pytester.makepyfile(
            test_field_conforms=CONFORMANCE.format(capabilities=f"{{{capabilities}}}")
        )

    return make


def run(pytester: pytest.Pytester) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rN", "-q")


def report(body: str, extra: str = "") -> str:
    return REPORT.format(body=body, extra=extra)


def test_a_sound_adapter_with_a_report_passes_every_field_trial(
    install, pytester: pytest.Pytester
) -> None:
    install(report("figures = [ind.visits(ledger, period)]"), capabilities=REPORTS)
    run(pytester).assert_outcomes(passed=8, skipped=7)


def test_a_report_that_crashes_without_a_stations_sheet_fails_naming_the_trial(
    install, pytester: pytest.Pytester
) -> None:
    body = "figures = [ind.visits(ledger, period)]; _ = ledger.stations[0].name"
    install(report(body), capabilities=REPORTS)
    result = run(pytester)
    result.assert_outcomes(failed=1, passed=7, skipped=7)
    result.stdout.fnmatch_lines(
        [
            "*report template 'fieldland.monthly': building it for 2024-06 on a ledger without a "
            "stations sheet fails (IndexError(*)): a report must build on any ledger the reader "
            "accepts; let a figure whose records are missing be not computable*",
        ]
    )


def test_a_reading_that_crashes_on_a_sparse_activities_sheet_fails_naming_the_trial(
    install, pytester: pytest.Pytester
) -> None:
    # A converter rule that assumes every activity names its place: the kit's first ledger fills
    # every column, so only the field trials find it.
    converter = """
    from socialwork_core.casework import Activity


    @hookimpl
    def socialwork_configure_converter(converter):
        plain = converter.get_structure_hook(Activity)

        def structure(data, cls):
            data = dict(data)
            data["place"] = data["place"].strip()
            return plain(data, cls)

        converter.register_structure_hook(Activity, structure)
    """
    install(converter, capabilities=f"{FORMATS}, Capability.CONVERTER")
    result = run(pytester)
    result.stdout.fnmatch_lines_random(
        [
            "*ledger format 'fieldland': a ledger whose every other row leaves its optional "
            "cells empty makes the reader fail (*Error: *); no ledger may crash the reader*",
            "*ledger format 'fieldland': a ledger without its optional columns makes the reader "
            "fail (*Error: *)*",
        ]
    )
    assert "round_trips_through_each_format PASSED" not in result.stdout.str()
    assert "test_generated_ledger_round_trips_through_each_format FAILED" not in result.stdout.str()


def test_a_wrong_figure_under_the_adapters_own_code_fails(
    install, pytester: pytest.Pytester
) -> None:
    body = """unit = ind.visits(ledger, period).unit
    figures = [ind.computed("visits.group.veterans", 999, unit, label="探访优抚对象"),
               ind.computed("fieldland.home_visits", 999, unit, label="入户探访")]"""
    group = (
        ",\n    groups=(ind.RecipientGroup(code='veterans', label='优抚对象', "
        "categories={Category.ENTITLED_GROUP}),)"
    )
    install(report(body, group), capabilities=REPORTS)
    result = run(pytester)
    result.assert_outcomes(failed=1, passed=7, skipped=7)
    result.stdout.fnmatch_lines_random(
        [
            "*figure 'visits.group.veterans' (*) is 999, but counting the ledger gives * for "
            "period 2024-06: compute the row with socialwork_core.indicators*",
            "*figure 'fieldland.home_visits' (*) is a count the kit cannot check: give it a core "
            "indicator's code, declare its group in ReportTemplate(groups=...), its group table "
            "in ReportTemplate(group_tables=...) or the share of the ledger it counts in "
            "ReportTemplate(shares=...), or declare how to count it in "
            "ReportTemplate(recounts={'fieldland.home_visits': ...}), a function "
            "(ledger, period, *, as_of, settings) -> value",
        ]
    )


def test_two_rule_sets_taking_effect_on_one_day_fail(install, pytester: pytest.Pytester) -> None:
    rules = """
    FIRST = attrs.evolve(NATIONAL_DEFAULT, name="fieldland", version="2024.1",
                         effective_from=date(2024, 1, 1))
    SECOND = attrs.evolve(FIRST, version="2024.2")


    @hookimpl
    def socialwork_rule_sets():
        return [FIRST, SECOND]
    """
    install(rules, capabilities=f"{FORMATS}, Capability.RULE_SETS")
    result = run(pytester)
    result.assert_outcomes(failed=1, passed=7, skipped=7)
    result.stdout.fnmatch_lines(
        [
            "*rule sets fieldland 2024.1, fieldland 2024.2 all take effect on 2024-01-01, so no "
            "one knows which grades that day: give each version its own effective_from",
        ]
    )
    assert "the day before" not in result.stdout.str()  # the national default grades 2023-12-31


@pytest.mark.parametrize(
    ("broken", "named"),
    [
        (
            "@hookimpl\ndef socialwork_report_templats():\n    return []\n",
            "*socialwork_report_templats*",
        ),
        (
            "@hookimpl\ndef socialwork_rule_sets():\n    return NATIONAL_DEFAULT\n",
            "*socialwork_rule_sets*",
        ),
    ],
    ids=["misspelt hook", "one object instead of a list"],
)
def test_a_plugin_set_aside_at_load_fails_once_naming_the_hook(
    install, pytester: pytest.Pytester, broken: str, named: str
) -> None:
    install(broken, capabilities=FORMATS)
    result = run(pytester)
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed") == 1 and "error" not in outcomes, outcomes
    result.stdout.fnmatch_lines(
        ["*test_adapter_is_discovered_through_its_entry_point*", f"*'field'*{named}"]
    )
