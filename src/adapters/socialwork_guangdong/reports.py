"""Guangdong 双百 reports.

- ``guangdong.monthly`` (云浮 newsletter, seed 000): stations and points; workers dispatched (人次);
  villages, social organisations, volunteers (人次) and charities linked (by resource links and by
  the partners activities name); events held; people reached (staff training left out), of whom
  ordinary and special-group (人次), and the special-group people (人, named participants on the
  register); home visits (入户, 人次) to 民政服务对象 in total and by 低保, 特困,
  事实无人抚养儿童及孤儿, 其他困难群众 (:data:`VISIT_TABLE`: exclusive rows in that order of
  precedence, the last taking everyone else who holds a category; the report prints the order).
- ``guangdong.cumulative`` (阳山, seed 002, 截至目前): households visited, activities, people
  reached, households on the register (建档, 户, at the end of the period), new and ongoing cases,
  alert visits (in all, then per kind of campaign: visits, people and villages), the people helped
  to move to safety (协助转移, in all and per kind) and the goods handed out per item; posts,
  workers in post, posts to fill and station coverage.

The monthly report also lists the goods and publicity material handed out per item (暖心卡) when
the ledger has a 物资发放 sheet.
"""

from __future__ import annotations

from datetime import date

import attrs

from socialwork_core import indicators as ind
from socialwork_core.glossary import ContactMode, ProviderKind, StationTier
from socialwork_core.glossary.indicators_text import TOTAL_ROW_LABEL
from socialwork_core.glossary.messages import render_message
from socialwork_core.indicators import Figure, LedgerLike, figure_labels
from socialwork_core.periods import Period, PeriodKind, stock_date
from socialwork_core.reports import (
    Footer,
    Recount,
    Report,
    ReportSettings,
    ReportTemplate,
    Section,
    Table,
    figure_table,
    grid_table,
)

__all__ = [
    "CUMULATIVE",
    "MONTHLY",
    "TEMPLATES",
    "VISIT_TABLE",
    "build_cumulative",
    "build_monthly",
    "providers_linked",
]

MONTHLY_TITLE = "“双百工程”社工站（点）工作月报"
CUMULATIVE_TITLE = "“双百工程”社工服务累计情况表"

MONTHLY_SECTIONS = ("一、社工站（点）", "二、五社联动与宣传活动", "三、关爱探访", "四、各社工站")
STATION_FIRST_HEADER = "镇（街）社工站"
STATION_HEADERS = ("探访（人次）", "探访服务对象（人）", "开展活动（场）", "活动惠及群众（人次）")
"""The per-station table of a city's monthly report (云浮: 63 stations), when the ledger holds
several township stations."""
CUMULATIVE_SECTIONS = ("一、队伍与覆盖", "二、探访与建档", "三、活动与个案", "四、防灾救助")

MONTHLY_LABELS: dict[str, str] = figure_labels(
    {
        "stations.township_stations": "社工站",
        "stations.village_points": "社工点",
        "activities.workers_dispatched": "出动社工",
        "links.villages": "联动村居",
        "links.social_organisations": "联动社会组织",
        "activities.volunteers": "联动志愿者",
        "links.charities": "联动慈善组织",
        "activities.total": "开展活动",
        "activities.people_reached": "活动惠及群众",
        "activities.ordinary_reached": "其中普通群众",
        "activities.special_group_reached": "其中特殊群众",
        "activities.special_group_people": "活动惠及特殊群众（人）",
    }
)
"""Row labels of the Yunfu newsletter, by figure code."""

VISIT_TABLE = ind.GroupTable(
    total_label="探访民政服务对象",
    groups=ind.VISIT_GROUPS[:3],
    exclusive=True,
    modes={ContactMode.HOME_VISIT},
    catch_all=ind.CatchAllRow(code="other_in_difficulty", label="其他困难群众"),
)
"""The Yunfu newsletter's visit table (seed 000: 探访民政服务对象4637人次，低保2899，特困791，
事实无人抚养儿童及孤儿168，其他困难群众443): home visits (关爱探访入户), each person in the first of
低保, 特困, 事实无人抚养儿童及孤儿 they hold, else in 其他困难群众 when they hold any other category
(高龄, 独居, 残疾 …); 三无 counts as 特困 through its parent. Figures ``visits.table.<row>``."""

CUMULATIVE_LABELS: dict[str, str] = figure_labels(
    {
        "posts.total": "社工岗位",
        "workers.in_post": "在岗社工",
        "posts.vacant": "需招聘社工",
        "coverage.townships": "社工站覆盖率",
        "coverage.villages": "社工点覆盖率",
        "visits.households": "累计入户探访",
        "recipients.households_on_register": "建档",
        "activities.total": "开展各类活动",
        "activities.people_reached": "惠及群众",
        "cases.new": "新增服务个案",
        "cases.ongoing": "正在跟进服务个案",
        "alerts.visits": "灾害天气探访",
        "alerts.people": "灾害天气探访服务对象",
        "alerts.relocated": "协助转移受灾群众",
    }
)
"""Row labels of the Yangshan article, by figure code."""


def _notes() -> tuple[str, ...]:
    return (render_message("reports.note.masked"),)


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
    """云浮式月报: every figure the Yunfu newsletter quotes, for ``period``."""
    tiers = ind.station_counts(ledger)
    stations = figure_table(
        [tiers[StationTier.TOWNSHIP_STATION], tiers[StationTier.VILLAGE_POINT]],
        labels=MONTHLY_LABELS,
    )
    linkage = figure_table(
        [
            ind.workers_dispatched(ledger, period),
            ind.linked_providers(
                ledger, period, ProviderKind.VILLAGE_COMMITTEE, code="links.villages"
            ),
            ind.linked_providers(
                ledger, period, ProviderKind.SOCIAL_ORGANISATION, code="links.social_organisations"
            ),
            ind.volunteers(ledger, period),
            ind.linked_providers(ledger, period, ProviderKind.CHARITY, code="links.charities"),
            ind.activities_held(ledger, period),
            ind.people_reached(ledger, period),
            ind.ordinary_reached(ledger, period),
            ind.special_group_reached(ledger, period),
            ind.special_group_people(ledger, period),
        ],
        labels=MONTHLY_LABELS,
    )
    goods = ind.handouts_by_item(ledger, period)
    if goods:
        linkage = attrs.evolve(
            linkage, rows=(*linkage.rows, *figure_table(goods, labels=MONTHLY_LABELS).rows)
        )
    by_group = ind.visits_by_table(
        ledger, period, VISIT_TABLE, as_of=as_of, parents=settings.category_parents
    )
    visits = figure_table(
        list(by_group), labels=MONTHLY_LABELS, chart=True, totals=(by_group.total.code,)
    )
    by_station = _station_table(ledger, period)
    extra = (
        () if by_station is None else (Section(title=MONTHLY_SECTIONS[3], tables=(by_station,)),)
    )
    notes = (*ind.table_notes(VISIT_TABLE, by_group), *_notes())
    if by_station is not None:
        notes += (render_message("reports.note.rows_from_records", rows="社工站"),)
    return Report(
        template=MONTHLY.name,
        title=MONTHLY_TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=(
            Section(title=MONTHLY_SECTIONS[0], tables=(stations,)),
            Section(title=MONTHLY_SECTIONS[1], tables=(linkage,)),
            Section(title=MONTHLY_SECTIONS[2], tables=(visits,)),
            *extra,
        ),
        footer=footer,
        notes=notes,
    )


def _station_table(ledger: LedgerLike, period: Period) -> Table | None:
    """Per township station (and what lies below it), then the city's total, each row computed
    from the records; ``None`` for a ledger of one station."""
    townships = [s for s in ledger.stations if s.tier is StationTier.TOWNSHIP_STATION]
    if len(townships) < 2:
        return None

    def row(share: LedgerLike) -> tuple[Figure, ...]:
        return (
            ind.visits(share, period),
            ind.people_visited(share, period),
            ind.activities_held(share, period),
            ind.people_reached(share, period),
        )

    shares = ind.station_shares(ledger, [s.code for s in townships])
    rows = [(s.name, row(shares[s.code])) for s in townships]
    table = grid_table(
        STATION_FIRST_HEADER, [*rows, (TOTAL_ROW_LABEL, row(ledger))], headers=STATION_HEADERS
    )
    last = attrs.evolve(table.rows[-1], total=True)
    return attrs.evolve(table, rows=(*table.rows[:-1], last))


def build_cumulative(
    ledger: LedgerLike,
    period: Period,
    /,
    *,
    as_of: date,
    unit: str,
    footer: Footer,
    settings: ReportSettings,
) -> Report:
    """阳山式累计表 (截至目前): ``period`` runs from the start of records to the as-of date;
    staffing is counted at the period's end (or ``as_of`` if earlier); coverage needs
    ``settings.townships_total`` and ``villages_total`` (a ``--settings`` file's ``[area]``)."""
    staffing = figure_table(
        [
            ind.posts_total(ledger),
            ind.workers_in_post(ledger, stock_date(period, as_of)),
            ind.posts_vacant(ledger, stock_date(period, as_of)),
            ind.township_coverage(ledger, settings.townships_total),
            ind.village_coverage(ledger, settings.villages_total),
        ],
        labels=CUMULATIVE_LABELS,
    )
    visits = figure_table(
        [ind.households_visited(ledger, period), ind.households_on_register(ledger, period)],
        labels=CUMULATIVE_LABELS,
    )
    work = figure_table(
        [
            ind.activities_held(ledger, period),
            ind.people_reached(ledger, period),
            ind.new_cases(ledger, period),
            ind.ongoing_cases(ledger, period),
        ],
        labels=CUMULATIVE_LABELS,
    )
    # each kind of campaign its own rows (寒潮, 暴雨洪涝 …), then what was handed out
    alerts = figure_table(
        [
            ind.alert_visits(ledger, period),
            ind.alert_people(ledger, period),
            ind.alerts_relocated(ledger, period),
            *ind.alerts_by_kind(ledger, period),
            *ind.handouts_by_item(ledger, period),
        ],
        labels=CUMULATIVE_LABELS,
    )
    return Report(
        template=CUMULATIVE.name,
        title=CUMULATIVE_TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=tuple(
            Section(title=title, tables=(table,))
            for title, table in zip(
                CUMULATIVE_SECTIONS, (staffing, visits, work, alerts), strict=True
            )
        ),
        footer=footer,
        notes=_notes(),
    )


def providers_linked(kind: ProviderKind) -> Recount:
    """The 联动 rows counted plainly, for the conformance kit: the distinct named providers of
    ``kind`` among the period's resource links and the partners of that kind its activities
    name."""

    def count(
        ledger: LedgerLike, period: Period, /, *, as_of: date, settings: ReportSettings
    ) -> int:
        names = {
            link.provider
            for link in ledger.resource_links
            if link.provider and link.provider_kind is kind and period.contains(link.on)
        }
        field = ind.PARTNER_FIELDS.get(kind)
        if field is not None:
            names.update(
                n for a in ledger.activities if period.contains(a.on) for n in getattr(a, field)
            )
        return len(names)

    return count


MONTHLY = ReportTemplate(
    name="guangdong.monthly",
    lookback_days=0,
    title=MONTHLY_TITLE,
    period_kind=PeriodKind.MONTH,
    builder=build_monthly,
    description="云浮“双百”月报：站点、五社联动、活动、惠及人次、分类入户探访人次（各类互不重复）",
    group_tables=(VISIT_TABLE,),
    recounts={
        "links.villages": providers_linked(ProviderKind.VILLAGE_COMMITTEE),
        "links.social_organisations": providers_linked(ProviderKind.SOCIAL_ORGANISATION),
        "links.charities": providers_linked(ProviderKind.CHARITY),
    },
)

CUMULATIVE = ReportTemplate(
    name="guangdong.cumulative",
    lookback_days=0,
    title=CUMULATIVE_TITLE,
    period_kind=PeriodKind.CUMULATIVE,
    builder=build_cumulative,
    description="阳山“双百”截至目前累计：入户探访户数、活动、惠及、建档户数、个案、灾害探访、岗位",
)

TEMPLATES: tuple[ReportTemplate, ...] = (MONTHLY, CUMULATIVE)
"""The templates this adapter contributes (``socialwork_report_templates``)."""
