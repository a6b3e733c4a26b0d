"""The national default monthly report (全国通用月报): visits (with the people helped to move to
safety in an alert, where the period's visits record it), by group in 人次 and in people;
the register (建档, at the end of the month) and new registrations; cases, groups, activities,
volunteers, resources linked (in yuan) and the visit rate by service level.

Templates here are data: titles and section headings are this adapter's wording; the figures come
from :mod:`socialwork_core.indicators`.
"""

from __future__ import annotations

from datetime import date

from socialwork_core import indicators as ind
from socialwork_core.glossary.indicators_text import (
    LEVEL_HEADER,
    VISIT_RATE_DUE_HEADER,
    VISIT_RATE_HEADER,
    VISIT_RATE_MET_HEADER,
    FigureUnit,
)
from socialwork_core.glossary.messages import render_message
from socialwork_core.indicators import LedgerLike
from socialwork_core.periods import Period, PeriodKind
from socialwork_core.reports import (
    Footer,
    Report,
    ReportSettings,
    ReportTemplate,
    Section,
    figure_table,
    grid_table,
)

__all__ = ["MONTHLY", "PEOPLE_TABLE", "TEMPLATES", "build_monthly", "common_notes"]

MONTHLY_TITLE = "乡镇（街道）社工站工作月报表"
SECTION_VISITS = "一、探访服务"
SECTION_VISITS_BY_GROUP = "探访服务对象分类统计"
SECTION_PEOPLE_BY_GROUP = "探访服务对象分类统计（人）"

PEOPLE_TABLE = ind.GroupTable(
    total_label="探访服务对象",
    groups=ind.VISIT_GROUPS,
    unit=FigureUnit.PEOPLE,
)
"""The by-group rows in distinct people: the people visited in the month (any visit mode), a
person in every row they match (the rows overlap, as the 人次 rows do). Figures
``visits.table_people.<group>``; the total is ``visits.people``, shown above."""
SECTION_CASES = "二、建档与个案服务"
SECTION_GROUPS = "三、小组工作与社区活动"
SECTION_RESOURCES = "四、资源链接"
SECTION_VISIT_RATE = "五、分级探访率"


def common_notes(ledger: LedgerLike, period: Period, *, by_group: bool) -> tuple[str, ...]:
    """The notes every report of this adapter family prints: the two-groups rule where figures are
    broken down by group, approximate and unvalued amounts, and masking."""
    notes = []
    if by_group:
        notes.append(render_message("reports.note.two_groups"))
    value = ind.resources_value(ledger, period)
    if value.approximate:
        notes.append(render_message("reports.note.approximate"))
    if ledger.resource_links and (count := ind.unvalued_links(ledger, period)):
        notes.append(render_message("reports.note.unvalued_links", count=count))
    notes.append(render_message("reports.note.masked"))
    return tuple(notes)


def build_monthly(
    ledger: LedgerLike,
    period: Period,
    /,
    *,
    as_of: date,
    unit: str,
    footer: Footer,
    settings: ReportSettings,
) -> Report:
    """全国通用月报. Every figure is a core indicator over ``period``; ages at ``as_of``."""
    relocated = ind.alerts_relocated(ledger, period)
    visits = figure_table(
        [
            ind.visits(ledger, period),
            ind.people_visited(ledger, period),
            ind.households_visited(ledger, period),
            ind.alert_visits(ledger, period),
            # a row only where the period's visits record relocation (协助转移), like the goods rows
            *((relocated,) if relocated.computable else ()),
        ]
    )
    by_group = figure_table(
        ind.visits_by_group(
            ledger, period, ind.VISIT_GROUPS, as_of=as_of, parents=settings.category_parents
        ),
        title=SECTION_VISITS_BY_GROUP,
        chart=True,
    )
    people = ind.visits_by_table(
        ledger, period, PEOPLE_TABLE, as_of=as_of, parents=settings.category_parents
    )
    people_by_group = figure_table(people.rows, title=SECTION_PEOPLE_BY_GROUP)
    cases = figure_table(
        [
            ind.people_on_register(ledger, period),
            ind.files_opened(ledger, period),
            ind.new_cases(ledger, period),
            ind.ongoing_cases(ledger, period),
            ind.closed_cases(ledger, period),
        ]
    )
    groups = figure_table(
        [
            ind.group_sessions(ledger, period),
            ind.groups_run(ledger, period),
            ind.activities_held(ledger, period),
            *ind.activities_by_kind(ledger, period),
            ind.people_reached(ledger, period),
            ind.volunteers(ledger, period),
        ]
    )
    resources = figure_table(
        [
            ind.resources_linked(ledger, period),
            ind.resources_value(ledger, period),
            ind.resource_people_reached(ledger, period),
        ]
    )
    rates = grid_table(
        LEVEL_HEADER,
        ind.visit_rates_by_level(ledger, period, rule_sets=settings.rule_sets),
        headers=(VISIT_RATE_DUE_HEADER, VISIT_RATE_MET_HEADER, VISIT_RATE_HEADER),
    )
    sections = [
        Section(title=SECTION_VISITS, tables=(visits, by_group, people_by_group)),
        Section(title=SECTION_CASES, tables=(cases,)),
        Section(title=SECTION_GROUPS, tables=(groups,)),
        Section(title=SECTION_RESOURCES, tables=(resources,)),
        Section(title=SECTION_VISIT_RATE, tables=(rates,)),
    ]
    return Report(
        template=MONTHLY.name,
        title=MONTHLY_TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=tuple(sections),
        footer=footer,
        notes=common_notes(ledger, period, by_group=True),
    )


MONTHLY = ReportTemplate(
    name="national.monthly",
    # a visit rate reads requirement periods up to a year back: as visit days, not contacts
    lookback_days=0,
    history_days=366,
    title=MONTHLY_TITLE,
    period_kind=PeriodKind.MONTH,
    builder=build_monthly,
    description="全国通用：探访（分类人次与人数）、建档、个案、小组、活动、志愿者、资源链接（元）、分级探访率",
    group_tables=(PEOPLE_TABLE,),
)

TEMPLATES: tuple[ReportTemplate, ...] = (MONTHLY,)
"""The templates this adapter contributes (``socialwork_report_templates``)."""
