"""Henan weekly report (开封市社工站周报, seed 003).

The week runs Friday to Thursday by default (the region's ``first_weekday``): the week of
2022-11-18 is 18–24 November. Eight narrative sections list, per station, the dated entries drawn
from the ledger:

=====================  ==================================================================
走访调研                visits (home, phone, video, messaging) not tied to a case or an alert
督导培训                training and supervision activities
便民服务                convenience-service activities and people who came to the station
个案服务                cases opened or closed, contacts following a case, links for a case
小组工作                group sessions (第N节)
社区活动                community activities and publicity
志愿服务                volunteer-service activities
关心关爱特殊困难群体    resource links not tied to a case, and alert or campaign visits
=====================  ==================================================================

Then the county table of the Weishi paragraph: 服务人次, of which 低保特困, 残疾人, 困境儿童, 老年人;
社区活动; 探访; 来访咨询 — one row per county centre (or per township station when the ledger has
no county centre) and a total row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from socialwork_core import indicators as ind
from socialwork_core.glossary import ActivityKind, ContactMode, StationTier
from socialwork_core.glossary.indicators_text import TOTAL_ROW_LABEL, UNKNOWN_STATION_LABEL
from socialwork_core.glossary.messages import render_message
from socialwork_core.indicators import Figure, LedgerLike
from socialwork_core.periods import Period, PeriodKind
from socialwork_core.reports import (
    Entry,
    Footer,
    Report,
    ReportSettings,
    ReportTemplate,
    Section,
    activity_entries,
    case_entries,
    contact_entries,
    grid_table,
    resource_entries,
    sort_entries,
)

from .region import REGION

__all__ = ["COUNTY_HEADERS", "SECTION_TITLES", "TEMPLATES", "WEEKLY", "build_weekly", "county_row"]

WEEKLY_TITLE = "社工站工作周报"
SECTION_TITLES = (
    "01走访调研",
    "02督导培训",
    "03便民服务",
    "04个案服务",
    "05小组工作",
    "06社区活动",
    "07志愿服务",
    "08关心关爱特殊困难群体",
)
COUNTY_SECTION = "09各县区服务数据"
COUNTY_FIRST_HEADER = "县区/社工站"
COUNTY_HEADERS = (
    "服务人次",
    "其中：低保特困",
    "其中：残疾人",
    "其中：困境儿童",
    "其中：老年人",
    "社区活动（场次）",
    "探访（人次）",
    "来访咨询（人次）",
)


def county_row(
    ledger: LedgerLike, period: Period, as_of: date, parents: Mapping[str, str] = ind.NO_PARENTS
) -> tuple[Figure, ...]:
    """The county table's figures for one ledger (a county's share, or the whole); ``parents``
    puts a local category in its national parent's row."""
    return (
        ind.service_person_times(ledger, period),
        *ind.service_by_group(ledger, period, ind.SERVICE_GROUPS, as_of=as_of, parents=parents),
        ind.activities_held(
            ledger,
            period,
            {ActivityKind.COMMUNITY_ACTIVITY},
            code="activities.kind.community_activity",
            label=ActivityKind.COMMUNITY_ACTIVITY.label,
        ),
        ind.visits(ledger, period),
        ind.station_visits(ledger, period),
    )


def _sections(ledger: LedgerLike, period: Period, full: bool) -> list[list[Entry]]:
    plain: Callable[..., bool] = lambda c: c.case_id is None and c.alert_id is None  # noqa: E731
    return [
        contact_entries(ledger, period, modes=ind.VISIT_MODES, which=plain, full_names=full),
        activity_entries(ledger, period, {ActivityKind.TRAINING}),
        activity_entries(ledger, period, {ActivityKind.CONVENIENCE_SERVICE})
        + contact_entries(
            ledger,
            period,
            modes={ContactMode.STATION_VISIT},
            which=lambda c: c.case_id is None,
            message="reports.entry.station_visit",
            full_names=full,
        ),
        case_entries(ledger, period, full_names=full)
        + contact_entries(
            ledger,
            period,
            which=lambda c: c.case_id is not None,
            message="reports.entry.case_followup",
            full_names=full,
        )
        + resource_entries(ledger, period, with_case=True, full_names=full),
        activity_entries(ledger, period, {ActivityKind.GROUP_SESSION}),
        activity_entries(ledger, period, {ActivityKind.COMMUNITY_ACTIVITY, ActivityKind.PUBLICITY}),
        activity_entries(ledger, period, {ActivityKind.VOLUNTEER_SERVICE}),
        resource_entries(ledger, period, with_case=False, full_names=full)
        + contact_entries(
            ledger,
            period,
            which=lambda c: c.alert_id is not None and c.case_id is None,
            message="reports.entry.alert",
            full_names=full,
        ),
    ]


def build_weekly(
    ledger: LedgerLike,
    period: Period,
    /,
    *,
    as_of: date,
    unit: str,
    footer: Footer,
    settings: ReportSettings,
) -> Report:
    """开封式周报 for the week ``period``; ages (老年人) at ``as_of``."""
    sections = [
        Section(title=title, entries=sort_entries(entries))
        for title, entries in zip(
            SECTION_TITLES, _sections(ledger, period, settings.full_names), strict=True
        )
    ]
    counties = [s for s in ledger.stations if s.tier is StationTier.COUNTY_CENTRE] or [
        s for s in ledger.stations if s.tier is StationTier.TOWNSHIP_STATION
    ]
    parents = settings.category_parents
    rows = [
        (s.name, county_row(ind.scoped(ledger, s.code), period, as_of, parents)) for s in counties
    ]
    rest = ind.unattributed(ledger)
    if rest is not None:  # records naming no listed station get their own row, so rows add up
        rows.append((UNKNOWN_STATION_LABEL, county_row(rest, period, as_of, parents)))
    rows.append((TOTAL_ROW_LABEL, county_row(ledger, period, as_of, parents)))
    table = grid_table(COUNTY_FIRST_HEADER, rows, headers=COUNTY_HEADERS)
    sections.append(Section(title=COUNTY_SECTION, tables=(table,)))
    return Report(
        template=WEEKLY.name,
        title=WEEKLY_TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=tuple(sections),
        footer=footer,
        notes=(
            render_message("reports.note.two_groups"),
            render_message("reports.note.masked"),
        ),
    )


WEEKLY = ReportTemplate(
    name="henan.weekly",
    lookback_days=0,
    title=WEEKLY_TITLE,
    period_kind=PeriodKind.WEEK,
    builder=build_weekly,
    first_weekday=REGION.first_weekday,
    description="开封社工站周报（周五至周四）：八个板块分站列出工作动态，并附县区服务数据",
)

TEMPLATES: tuple[ReportTemplate, ...] = (WEEKLY,)
"""The templates this adapter contributes (``socialwork_report_templates``)."""
