"""Anhui reports (seed 004, 东至).

- ``anhui.quarterly``: the three-tier network (县级社工总站, 乡镇社工站, 村（社区）社工室) and its
  coverage, workers in post and certified (持证社工), funds integrated (整合资金, yuan) and resources
  linked, then the work per tier (staff, links, funds, visits at each tier's stations, counted
  from the records).
- ``anhui.station_evaluation``: each township station (and the county centre) scored out of 100
  from weighted indicator groups — staff and certification, visit rate, cases/groups/activities,
  resources, distinctive project (一站一品) — and graded 优秀/良好/合格/不合格.

**The weights, yardsticks and the 90 / 80 / 60 grade bands are a configurable convention of this
library, not a provincial text** (see :mod:`socialwork_core.reports.evaluation`); a county passes
its own through ``EVALUATION_*`` or builds its own template with them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

import attrs

from socialwork_core import indicators as ind
from socialwork_core.glossary import StationTier
from socialwork_core.glossary.indicators_text import (
    EVALUATION_GROUP_LABELS,
    TOTAL_ROW_LABEL,
    FigureUnit,
)
from socialwork_core.glossary.messages import render_message
from socialwork_core.indicators import Figure, LedgerLike, figure_labels, not_computable
from socialwork_core.periods import Period, PeriodKind, stock_date
from socialwork_core.record_kinds import RECORDS_IN_REASONS, RecordKind
from socialwork_core.reports import (
    EvaluationTargets,
    EvaluationWeights,
    Footer,
    GradeBands,
    Report,
    ReportSettings,
    ReportTemplate,
    Row,
    Section,
    ShareOf,
    Table,
    evaluate_station,
    figure_table,
    grid_table,
)

from .region import REGION

__all__ = [
    "EVALUATION",
    "EVALUATION_BANDS",
    "EVALUATION_TARGETS",
    "EVALUATION_WEIGHTS",
    "QUARTERLY",
    "TEMPLATES",
    "TIER_SHARES",
    "build_evaluation",
    "build_quarterly",
    "evaluation_builder",
    "station_visit_rate",
]

QUARTERLY_TITLE = "乡镇社工站建设情况季度统计表"
EVALUATION_NAME = "anhui.station_evaluation"
EVALUATION_TITLE = "乡镇社工站年度评估结果表"
QUARTERLY_SECTIONS = ("一、三级社会工作服务体系", "二、人才队伍", "三、资源整合", "四、分层级情况")
TIER_FIRST_HEADER = "层级"
TIER_HEADERS = ("在岗社工", "持证社工", "链接资源（项）", "整合资金（元）", "探访（人次）")
"""The per-tier table of the quarterly report: each tier's share of the work, from the records."""
TIER_PREFIX = "anhui.tier"
"""A tier's figures are coded ``anhui.tier.<tier>.<core code>``: the core figure over the
records of that tier's stations (declared to the kit through ``ReportTemplate.shares``)."""
EVALUATION_SECTION = "评估结果"
EVALUATION_FIRST_HEADER = "社工站"
EVALUATION_TOTAL_HEADER = "总分"
EVALUATION_GRADE_HEADER = "等次"
WEIGHTED_HEADER = "{label}（{weight}分）"
EVALUATION_NOTE = (
    "评估指标：人员配备与持证、探访率、个案小组与活动、资源链接、特色项目（一站一品）。"
)

QUARTERLY_LABELS: dict[str, str] = figure_labels(
    {
        # the network rows carry the region's names of its tiers (社工室 for a village point)
        "stations.county_centres": REGION.tier_labels.get(
            StationTier.COUNTY_CENTRE, StationTier.COUNTY_CENTRE.label
        ),
        "stations.township_stations": REGION.tier_labels.get(
            StationTier.TOWNSHIP_STATION, StationTier.TOWNSHIP_STATION.label
        ),
        "stations.village_points": REGION.tier_labels.get(
            StationTier.VILLAGE_POINT, StationTier.VILLAGE_POINT.label
        ),
        "stations.new.township_station": "新增乡镇社工站",
        "stations.new.village_point": "新增村（社区）社工室",
        "coverage.townships": "乡镇社工站覆盖率",
        "coverage.villages": "村（社区）社工室覆盖率",
        "workers.in_post": "在岗社工",
        "workers.certified_at_start": "期初持证社工",
        "workers.certified": "持证社工",
        "workers.newly_certified": "本期新增持证社工",
        "workers.certified_year_before": "上年同期持证社工",
        "workers.certified_growth": "持证社工同比增长",
        "resources.funds_yuan": "整合资金",
        "resources.count": "链接资源",
        "resources.value_yuan": "链接资源折合金额",
    }
)

EVALUATION_WEIGHTS = EvaluationWeights()
"""Default weights 25 / 25 / 25 / 15 / 10 (a convention, configurable)."""
EVALUATION_TARGETS = EvaluationTargets(
    new_cases=12, group_sessions=16, activities=24, resource_links=20
)
"""A year's yardsticks: the core's quarterly defaults times four (a convention, configurable)."""
EVALUATION_BANDS = GradeBands()
"""优秀 90, 良好 80, 合格 60: a common convention, configurable; not a provincial text."""


def build_quarterly(
    ledger: LedgerLike,
    period: Period,
    /,
    *,
    as_of: date,
    unit: str,
    footer: Footer,
    settings: ReportSettings,
) -> Report:
    """东至式季报: the network and staff at the period's end
    (:func:`~socialwork_core.periods.stock_date`), new stations and certificates within it and
    certified workers at its start and a year before (where the ledger holds the dates); money
    over ``period``. Coverage needs ``settings.townships_total`` / ``villages_total``."""
    stock = stock_date(period, as_of)
    tiers = ind.station_counts(ledger, stock)
    new = ind.new_stations(ledger, period)
    network = figure_table(
        [
            *(tiers[t] for t in StationTier),
            new[StationTier.TOWNSHIP_STATION],
            new[StationTier.VILLAGE_POINT],
            ind.township_coverage(ledger, settings.townships_total),
            ind.village_coverage(ledger, settings.villages_total),
        ],
        labels=QUARTERLY_LABELS,
    )
    growth, year_before = ind.certified_growth(ledger, period, as_of)
    staff = figure_table(
        [
            ind.workers_in_post(ledger, stock),
            ind.certified_at_start(ledger, period),
            ind.certified_workers(ledger, stock),
            ind.newly_certified(ledger, period),
            year_before,
            growth,
        ],
        labels=QUARTERLY_LABELS,
    )
    money = figure_table(
        [
            ind.funds_integrated(ledger, period),
            ind.resources_linked(ledger, period),
            ind.resources_value(ledger, period),
        ],
        labels=QUARTERLY_LABELS,
    )
    notes = []
    if any(f.approximate for f in money.rows[0].figures + money.rows[2].figures):
        notes.append(render_message("reports.note.approximate"))
    if ledger.resource_links and (count := ind.unvalued_links(ledger, period)):
        notes.append(render_message("reports.note.unvalued_links", count=count))
    tiers_table = _tier_table(ledger, period, as_of)
    notes.append(render_message("reports.note.rows_from_records", rows=TIER_FIRST_HEADER))
    return Report(
        template=QUARTERLY.name,
        title=QUARTERLY_TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=tuple(
            Section(title=title, tables=(table,))
            for title, table in zip(
                QUARTERLY_SECTIONS, (network, staff, money, tiers_table), strict=True
            )
        ),
        footer=footer,
        notes=tuple(notes),
    )


def _tier_table(ledger: LedgerLike, period: Period, as_of: date) -> Table:
    """县级总站, 乡镇社工站, 村（社区）社工室 (docs/domain.md section 1): staff on ``as_of``, links,
    funds and visits over ``period`` of the records at each tier's stations, then the whole, each
    counted from the records (a person or a link counts at the tier of the station that holds
    it), never by adding other rows."""

    def row(share: LedgerLike) -> tuple[Figure, ...]:
        return (
            ind.workers_in_post(share, as_of),
            ind.certified_workers(share, as_of),
            ind.resources_linked(share, period),
            ind.funds_integrated(share, period),
            ind.visits(share, period),
        )

    # a tier's figure is neither the whole ledger's nor one station's: it says so by its own code
    rows = [
        (
            REGION.tier_labels.get(tier, tier.label),
            tuple(
                attrs.evolve(f, code=f"{TIER_PREFIX}.{tier.value}.{f.code}")
                for f in row(ind.tier_share(ledger, tier))
            ),
        )
        for tier in StationTier
    ]
    table = grid_table(
        TIER_FIRST_HEADER, [*rows, (TOTAL_ROW_LABEL, row(ledger))], headers=TIER_HEADERS
    )
    return attrs.evolve(table, rows=(*table.rows[:-1], attrs.evolve(table.rows[-1], total=True)))


TIER_SHARES: dict[str, ShareOf] = {
    f"{TIER_PREFIX}.{tier.value}": functools.partial(ind.tier_share, tier=tier)
    for tier in StationTier
}
"""What each tier row counts, for the conformance kit."""


VisitRate = Callable[[LedgerLike, Period, date, ReportSettings], Figure]
"""A station's overall visit rate (percent figure) over a period, at an as-of date."""


def evaluation_builder(
    visit_rate: VisitRate,
    *,
    weights: EvaluationWeights = EVALUATION_WEIGHTS,
    targets: EvaluationTargets = EVALUATION_TARGETS,
    bands: GradeBands = EVALUATION_BANDS,
) -> Callable[..., Report]:
    """A station-evaluation builder with its own convention (weights, yardsticks, bands)."""

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
        stations = [
            s
            for s in ledger.stations
            if s.tier in (StationTier.COUNTY_CENTRE, StationTier.TOWNSHIP_STATION)
        ]
        rows = []
        for station in stations:
            share = ind.scoped(ledger, station.code)
            result = evaluate_station(
                share,
                period,
                as_of=as_of,
                visit_rate=visit_rate(share, period, as_of, settings),
                distinctive_project_points=settings.distinctive_project_points.get(station.code),
                weights=weights,
                targets=targets,
                bands=bands,
            )
            rows.append(
                Row(
                    label=station.name,
                    figures=(*result.groups, result.total),
                    note=result.grade.label if result.grade is not None else None,
                )
            )
        if not stations:
            rows.append(Row(label=unit, figures=_no_stations(weights)))
        table = Table(
            headers=(
                EVALUATION_FIRST_HEADER,
                *(
                    WEIGHTED_HEADER.format(label=EVALUATION_GROUP_LABELS[code], weight=weight)
                    for code, weight in weights.by_group()
                ),
                EVALUATION_TOTAL_HEADER,
            ),
            rows=tuple(rows),
            note_header=EVALUATION_GRADE_HEADER,
        )
        return Report(
            template=EVALUATION_NAME,
            title=EVALUATION_TITLE,
            unit=unit,
            period=period,
            as_of=as_of,
            sections=(Section(title=EVALUATION_SECTION, tables=(table,)),),
            footer=footer,
            notes=(
                EVALUATION_NOTE,
                render_message(
                    "reports.note.bands",
                    excellent=bands.excellent,
                    good=bands.good,
                    passing=bands.passing,
                ),
            ),
        )

    return build


def _no_stations(weights: EvaluationWeights) -> tuple[Figure, ...]:
    """One row saying why nothing could be scored: the ledger has no stations sheet."""
    codes = [f"evaluation.group.{code}" for code, _ in weights.by_group()] + ["evaluation.score"]
    labels = [EVALUATION_GROUP_LABELS[code] for code, _ in weights.by_group()] + [
        EVALUATION_TOTAL_HEADER
    ]
    return tuple(
        not_computable(
            code,
            FigureUnit.POINTS,
            "reports.no_records",
            label=label,
            records=RECORDS_IN_REASONS[RecordKind.STATIONS],
        )
        for code, label in zip(codes, labels, strict=True)
    )


QUARTERLY = ReportTemplate(
    name="anhui.quarterly",
    lookback_days=0,
    title=QUARTERLY_TITLE,
    period_kind=PeriodKind.QUARTER,
    builder=build_quarterly,
    shares=TIER_SHARES,
    description="东至式季报：三级体系（总站、站、室）及覆盖率、在岗与持证社工、整合资金",
)


def station_visit_rate(
    ledger: LedgerLike, period: Period, as_of: date, settings: ReportSettings
) -> Figure:
    """A station's overall 探访率 over the period under the settings' rule sets."""
    return ind.overall_visit_rate(ledger, period, rule_sets=settings.rule_sets)


build_evaluation = evaluation_builder(station_visit_rate)
"""The station evaluation with this adapter's default convention."""

EVALUATION = ReportTemplate(
    name=EVALUATION_NAME,
    # a visit rate reads requirement periods up to a year back: as visit days, not contacts
    lookback_days=0,
    history_days=366,
    title=EVALUATION_TITLE,
    period_kind=PeriodKind.YEAR,
    builder=build_evaluation,
    description="社工站年度评估：人员与持证、探访率、个案小组活动、资源链接、一站一品；等次分数线为可配置约定",
)

TEMPLATES: tuple[ReportTemplate, ...] = (QUARTERLY, EVALUATION)
"""The templates this adapter contributes (``socialwork_report_templates``)."""
