"""The kit's building blocks on their own: the synthetic ledger fills every column a format has,
the round trip passes on a sound format, personal data is found, the indicators are the core's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest
from socialwork_national import formats as national

from socialwork_core.glossary import Category, ServiceLevel, StationTier
from socialwork_core.grading import Rule
from socialwork_core.identity import resident_id
from socialwork_core.indicators import (
    FigureUnit,
    GroupTable,
    LedgerLike,
    RecipientGroup,
    overall_visit_rate,
    scoped,
    visits,
    visits_by_group,
    visits_by_table,
)
from socialwork_core.ledger import LedgerFormat, RecordKind
from socialwork_core.ledger.building import SET_ASIDE
from socialwork_core.periods import Period, PeriodKind, month
from socialwork_core.plugins import CategoryDefinition, Plugins, Region, hookimpl, load_plugins
from socialwork_core.reports import (
    Footer,
    Report,
    ReportSettings,
    ReportTemplate,
    Section,
    figure_table,
)
from socialwork_core.schedule import NATIONAL_DEFAULT
from socialwork_core.testing import (
    DEFAULT_AS_OF,
    FormatGap,
    check_categories,
    check_format_round_trip,
    check_region,
    check_report_template,
    check_rule_sets,
    core_figures,
    covered_fields,
    personal_data,
    synthetic_ledger,
)

BUILT_IN = ("national", "guangdong", "henan", "anhui")


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return load_plugins(environ={})


def _listed_case_texts(fmt: LedgerFormat) -> LedgerFormat:
    cases = fmt.sheet_for(RecordKind.CASES)
    assert cases is not None
    fixed = attrs.evolve(
        cases,
        columns=tuple(
            attrs.evolve(c, multi=True) if c.field in ("problems", "goals") else c
            for c in cases.columns
        ),
    )
    return attrs.evolve(fmt, sheets=tuple(fixed if s is cases else s for s in fmt.sheets))


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_the_synthetic_ledger_fills_every_column_of_the_format(
    plugins: Plugins, adapter: str
) -> None:
    region = plugins.region(adapter)
    (fmt,) = plugins.ledger_formats(adapter=adapter)
    ledger = synthetic_ledger(
        fmt, region=region, local_categories=plugins.categories_for_region(adapter)
    )

    assert ledger == synthetic_ledger(
        fmt, region=region, local_categories=plugins.categories_for_region(adapter)
    )
    empty = []
    for sheet in fmt.sheets:
        records = ledger.records(sheet.kind)
        assert records, sheet.kind
        for field in covered_fields(sheet):
            if field in ("disability_kind", "disability_grade", "disability_certificate"):
                field = "disability"
            if field in SET_ASIDE or field == "value_is_approximate":
                continue  # ledger-side fields the builder combines (people by ID, name, village)
            if not any(getattr(r, field) not in (None, (), frozenset()) for r in records):
                empty.append(f"{sheet.kind.value}.{field}")
    assert empty == []
    for person in ledger.recipients:
        assert person.resident_id is not None and resident_id.is_valid(person.resident_id)
        assert person.resident_id[:2] == (region.division_codes or ("11",))[0][:2]
    local = {d.code for d in plugins.extra_categories(adapter=adapter)}
    assert not local or any(p.categories & local for p in ledger.recipients)


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_the_round_trip_passes_with_case_texts_read_as_lists(
    plugins: Plugins, adapter: str, tmp_path: Path
) -> None:
    """Both ways a case's problems and goals may be written pass: the built-in plain text columns
    (the ledger splits them like a list) and Zhejiang's explicit ``multi=True`` columns."""
    (fmt,) = plugins.ledger_formats(adapter=adapter)
    problems, ledger = check_format_round_trip(
        _listed_case_texts(fmt),
        plugins,
        region=plugins.region(adapter),
        workdir=tmp_path,
        as_of=DEFAULT_AS_OF,
        local_categories=plugins.categories_for_region(adapter),
    )

    assert problems == []
    assert ledger is not None and len(ledger.recipients) == 12
    assert all(person.extras for person in ledger.recipients), "unknown columns are kept"


def _with_category_words(words: dict[str, str]) -> LedgerFormat:
    recipients = national.regional_sheet(national.RECIPIENTS, labels={"categories": words})
    return LedgerFormat(name="wordland", sheets=(recipients, national.CONTACTS))


def test_a_label_read_as_a_misspelt_code_is_named_with_the_code_meant(
    plugins: Plugins, tmp_path: Path
) -> None:
    fmt = _with_category_words({"孤儿": "orphans", "事实无人抚养": "de_facto_unsupported_child"})

    problems, _ = check_format_round_trip(
        fmt, plugins, region=None, workdir=tmp_path, as_of=DEFAULT_AS_OF
    )

    named = [p for p in problems if "'孤儿'" in p]
    assert len(named) == 1
    assert "is read as 'orphans', which is no Category nor a declared local category" in named[0]
    assert "(did you mean 'orphan'?)" in named[0]
    assert not any("事实无人抚养" in p for p in problems)


def test_a_label_read_as_a_declared_local_category_is_accepted(
    plugins: Plugins, tmp_path: Path
) -> None:
    watched = CategoryDefinition(code="wordland.watched", label="防返贫监测对象")
    fmt = _with_category_words({"防返贫监测对象": watched.code})

    problems, _ = check_format_round_trip(
        fmt,
        plugins,
        region=None,
        workdir=tmp_path,
        as_of=DEFAULT_AS_OF,
        local_categories=[watched],
    )

    assert not any("防返贫监测对象" in p for p in problems)


_TIERED = Region(
    code="tierland",
    name="梯田省",
    division_codes=("51",),
    adapter="socialwork-tierland",
    adapter_version="0.1.0",
    tier_labels={StationTier.VILLAGE_POINT: "村（社区）社工室"},
)


@pytest.mark.parametrize("reads_it", [False, True])
def test_a_tier_named_by_the_region_must_be_read_by_the_stations_sheet(
    plugins: Plugins, tmp_path: Path, reads_it: bool
) -> None:
    words = {"村（社区）社工室": StationTier.VILLAGE_POINT} if reads_it else {}
    stations = national.regional_sheet(national.STATIONS, labels={"tier": words})
    fmt = LedgerFormat(name="tierland", sheets=(national.RECIPIENTS, stations, national.CONTACTS))

    problems, _ = check_format_round_trip(
        fmt, plugins, region=_TIERED, workdir=tmp_path, as_of=DEFAULT_AS_OF
    )

    named = [p for p in problems if "Region.tier_labels" in p]
    if reads_it:
        assert named == []
    else:
        assert len(named) == 1
        assert "the region calls tier 'village_point' '村（社区）社工室'" in named[0]
        assert "labels={'tier': {'村（社区）社工室': StationTier.VILLAGE_POINT}}" in named[0]


def test_a_sheet_that_cannot_hold_a_valid_record_is_a_format_gap() -> None:
    contacts = attrs.evolve(
        national.CONTACTS,
        columns=tuple(
            c
            for c in national.CONTACTS.columns
            if c.field not in ("recipient_keys", "recipient_resident_ids")
        ),
    )
    fmt = LedgerFormat(name="gap", sheets=(national.RECIPIENTS, contacts))

    with pytest.raises(FormatGap, match=r"探访记录.*contacts.*recipient"):
        synthetic_ledger(fmt)


def test_personal_data_lists_ids_phones_and_full_names() -> None:
    ledger = synthetic_ledger(national.FORMAT)
    found = personal_data(ledger)
    first = ledger.recipients[0]

    assert found[first.resident_id or ""] == ("resident ID", "recipient 'R0001'")
    assert found[first.phones[0]] == ("phone number", "recipient 'R0001'")
    assert found[first.name] == ("full name", "recipient 'R0001'")
    assert len([what for what, _ in found.values() if what == "resident ID"]) == 12


def test_core_figures_are_the_indicators_themselves() -> None:
    ledger = synthetic_ledger(national.FORMAT)
    period = month(2024, 6)
    figures = core_figures(ledger, period, as_of=date(2024, 6, 30), settings=ReportSettings())

    assert figures["visits.total"] == visits(ledger, period)
    assert figures["visits.total"].value
    assert {"cases.new", "visit_rate.overall", "workers.certified"} <= set(figures)


# --- the checks on deliberately wrong contributions -------------------------------------------------


class Faulty:
    """An extra plugin with a region and some wrong contributions (each test adds its own)."""

    @hookimpl
    def socialwork_region(self) -> Region:
        return Region(
            code="faultyland",
            name="Faultyland",
            division_codes=("82",),
            adapter="socialwork-faultyland",
            adapter_version="0.1.0",
        )


def test_categories_without_region_prefix_or_readable_label_are_named() -> None:
    lonely = CategoryDefinition(code="lonely_elder", label="低保对象")
    proper = CategoryDefinition(code="faultyland.hermit", label="隐居老人")

    class Categories(Faulty):
        @hookimpl
        def socialwork_extra_categories(self) -> list[CategoryDefinition]:
            return [lonely, proper]

        @hookimpl
        def socialwork_ledger_formats(self) -> list[LedgerFormat]:
            return [attrs.evolve(national.FORMAT, name="faultyland")]

    plugins = load_plugins(load_entrypoints=False, extra_plugins=[Categories()])
    problems = check_categories(plugins, "Categories")

    assert any("'lonely_elder': prefix its code with the region code" in p for p in problems)
    assert any("'低保对象' is already the national category" in p for p in problems)
    assert any(
        "ledger format 'faultyland' cannot read category 'faultyland.hermit': add '隐居老人'" in p
        for p in problems
    )
    assert check_region(plugins, "Categories") == [
        "region name 'Faultyland' should be the Chinese name users see"
    ]


def test_rule_sets_whose_levels_have_no_visit_policy_are_named() -> None:
    always_four = Rule(id="everyone_level_4", level=ServiceLevel.LEVEL_4, predicate=lambda _c: True)
    faulty = attrs.evolve(NATIONAL_DEFAULT.adding(always_four), name="faultyland", version="2024.1")
    ledger = synthetic_ledger(national.FORMAT)

    problems = check_rule_sets([faulty, faulty], ledger, DEFAULT_AS_OF)

    assert "rule set faultyland 2024.1 is contributed twice" in problems
    assert any(
        "rule 'everyone_level_4' gives level level_4 but the policy has no visiting requirement"
        in p
        for p in problems
    )
    assert any("rule 'everyone_level_4' has no description" in p for p in problems)
    assert check_rule_sets([NATIONAL_DEFAULT], ledger, DEFAULT_AS_OF) == []


# --- figures over a declared share of the ledger ----------------------------------------------------


def _share_template(visits_of_share: int | None) -> ReportTemplate:
    """A template with one row over a declared share (the first station's records): its visits,
    counted by the core (``visits_of_share=None``) or given as a number."""

    def first_station(ledger: LedgerLike) -> LedgerLike:
        return scoped(ledger, sorted(s.code for s in ledger.stations)[0])

    def build(
        ledger: LedgerLike,
        period: Period,
        /,
        *,
        as_of: date,
        unit: str,
        footer: Footer,
        settings: ReportSettings,
    ) -> Report:
        figure = visits(first_station(ledger), period)
        if visits_of_share is not None:
            figure = attrs.evolve(figure, value=visits_of_share)
        row = attrs.evolve(figure, code=f"faultyland.first.{figure.code}")
        return Report(
            template="faultyland.share",
            title="首站探访表",
            unit=unit,
            period=period,
            as_of=as_of,
            sections=(Section(title="探访", tables=(figure_table([row]),)),),
            footer=footer,
        )

    return ReportTemplate(
        name="faultyland.share",
        title="首站探访表",
        period_kind=PeriodKind.MONTH,
        builder=build,
        shares={"faultyland.first": first_station},
    )


def _template_problems(template: ReportTemplate, workdir: Path) -> list[str]:
    ledger = synthetic_ledger(national.FORMAT)
    return check_report_template(
        template,
        ledger,
        region=None,
        rule_sets=(NATIONAL_DEFAULT,),
        as_of=DEFAULT_AS_OF,
        workdir=workdir,
    )


def test_a_figure_over_a_declared_share_is_counted_by_the_kit(tmp_path: Path) -> None:
    ledger = synthetic_ledger(national.FORMAT)
    first = sorted(s.code for s in ledger.stations)[0]
    period = month(DEFAULT_AS_OF.year, DEFAULT_AS_OF.month)
    assert visits(scoped(ledger, first), period).value  # the share has visits to count

    assert _template_problems(_share_template(None), tmp_path) == []


def test_a_wrong_figure_over_a_declared_share_is_named(tmp_path: Path) -> None:
    problems = _template_problems(_share_template(9999), tmp_path)

    assert len(problems) == 1
    assert "figure 'faultyland.first.visits.total'" in problems[0]
    assert "is 9999, but counting the ledger gives" in problems[0]


def test_a_figure_under_an_undeclared_share_is_a_count_the_kit_cannot_check(
    tmp_path: Path,
) -> None:
    template = attrs.evolve(_share_template(None), shares={})

    problems = _template_problems(template, tmp_path)

    assert len(problems) == 1
    assert "is a count the kit cannot check" in problems[0]
    assert "ReportTemplate(shares=...)" in problems[0]


# --- what an undeclared row of a group or a group table asks for -----------------------------------

_ORPHANS = RecipientGroup(code="orphans", label="孤儿", categories={Category.ORPHAN})
_BY_TYPE = GroupTable(total_label="合计", groups=(_ORPHANS,), unit=FigureUnit.PEOPLE)


def _by_type_template(*, declared: bool) -> ReportTemplate:
    """A template of a by-type group table (people visited) and a by-group row, the table and
    the group declared on the template or not."""

    def build(
        ledger: LedgerLike,
        period: Period,
        /,
        *,
        as_of: date,
        unit: str,
        footer: Footer,
        settings: ReportSettings,
    ) -> Report:
        table = visits_by_table(ledger, period, _BY_TYPE, as_of=as_of)
        by_group = visits_by_group(ledger, period, (_ORPHANS,), as_of=as_of)
        rows = figure_table([table.total, *table.rows, *by_group])
        return Report(
            template="faultyland.by_type",
            title="分类探访表",
            unit=unit,
            period=period,
            as_of=as_of,
            sections=(Section(title="探访", tables=(rows,)),),
            footer=footer,
        )

    return ReportTemplate(
        name="faultyland.by_type",
        title="分类探访表",
        period_kind=PeriodKind.MONTH,
        builder=build,
        groups=(_ORPHANS,) if declared else (),
        group_tables=(_BY_TYPE,) if declared else (),
    )


def test_an_undeclared_group_table_row_asks_for_its_table_and_a_group_row_for_its_group(
    tmp_path: Path,
) -> None:
    problems = _template_problems(_by_type_template(declared=False), tmp_path)

    table_rows = [p for p in problems if "'visits.table_people." in p]
    group_rows = [p for p in problems if "'visits.group.orphans'" in p]
    assert len(table_rows) == 2  # the total and the row
    assert all(
        "declare that GroupTable in ReportTemplate(group_tables=...)" in p for p in table_rows
    )
    assert all("groups=" not in p.replace("group_tables=", "") for p in table_rows)
    assert len(group_rows) == 1
    assert "declare its RecipientGroup in ReportTemplate(groups=...)" in group_rows[0]
    assert _template_problems(_by_type_template(declared=True), tmp_path) == []


# --- how far back a template reads, declared for a roll-up of many files ---------------------------


def _visit_rate_template(**declared: int | None) -> ReportTemplate:
    """A template printing the overall visit rate (its quarterly requirements read back to the
    quarter's start), declaring how far back it reads as given."""

    def build(
        ledger: LedgerLike,
        period: Period,
        /,
        *,
        as_of: date,
        unit: str,
        footer: Footer,
        settings: ReportSettings,
    ) -> Report:
        rate = overall_visit_rate(ledger, period, rule_sets=settings.rule_sets)
        return Report(
            template="faultyland.rate",
            title="探访率表",
            unit=unit,
            period=period,
            as_of=as_of,
            sections=(Section(title="探访率", tables=(figure_table([rate]),)),),
            footer=footer,
        )

    return ReportTemplate(
        name="faultyland.rate",
        title="探访率表",
        period_kind=PeriodKind.MONTH,
        builder=build,
        **declared,  # type: ignore[arg-type]
    )


def test_a_template_reading_before_its_declared_window_is_named(tmp_path: Path) -> None:
    # the synthetic ledger's visits before the month decide its quarterly home visits
    problems = _template_problems(_visit_rate_template(lookback_days=0), tmp_path)

    assert len(problems) == 1
    assert "lookback_days=0, history_days=None" in problems[0]
    assert "visit_rate.overall: " in problems[0]
    assert "from every contact" in problems[0] and "from what a roll-up keeps" in problems[0]
    assert "declare how far back its figures read" in problems[0]


@pytest.mark.parametrize(
    "declared",
    [
        {},  # nothing declared: a roll-up keeps every contact
        {"lookback_days": 366},  # the year as contacts
        {"lookback_days": 0, "history_days": 366},  # the year as visit days
    ],
)
def test_a_template_declaring_how_far_back_it_reads_passes(
    tmp_path: Path, declared: dict[str, int]
) -> None:
    assert _template_problems(_visit_rate_template(**declared), tmp_path) == []


def test_a_visit_rate_reading_further_back_than_the_declared_history_is_named(
    tmp_path: Path,
) -> None:
    problems = _template_problems(_visit_rate_template(lookback_days=0, history_days=10), tmp_path)

    assert len(problems) == 1
    assert "reads further back than it declares" in problems[0]
    assert "history_days" in problems[0]
