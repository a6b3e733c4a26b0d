"""The half-year work report of a street station (镇街社工站半年工作情况表), after Yongkang's
Xicheng station (seed 001): home visits, 低保 and 低边 households' information collected, case
work, volunteer service, and the station's certified social workers.

Every figure is a core indicator (:mod:`socialwork_core.indicators`); this module only chooses
them, names the rows and the sections.
"""

from __future__ import annotations

from datetime import date

from socialwork_core import indicators as ind
from socialwork_core.glossary import ActivityKind, Category
from socialwork_core.glossary.messages import render_message
from socialwork_core.indicators import LedgerLike, RecipientGroup, figure_labels
from socialwork_core.periods import Period, PeriodKind
from socialwork_core.reports import (
    Footer,
    Report,
    ReportSettings,
    ReportTemplate,
    Section,
    figure_table,
)

from .categories import VETERAN_LIVING_ALONE

TITLE = "镇（街道）社会工作站半年工作情况表"
SECTIONS = ("一、入户探访与信息采集", "二、个案帮扶", "三、志愿服务与社区活动", "四、社工队伍")

GROUPS: tuple[RecipientGroup, ...] = (
    RecipientGroup(
        code="subsistence", label="低保对象", categories={Category.SUBSISTENCE_ALLOWANCE}
    ),
    RecipientGroup(
        code="near_subsistence", label="低边对象", categories={Category.NEAR_SUBSISTENCE}
    ),
    RecipientGroup(
        code="veteran_living_alone", label="独居老兵", categories={VETERAN_LIVING_ALONE.code}
    ),
)
"""The visit rows: 低保, 低边 and the local 独居老兵 (a person in two rows counts in both)."""

LABELS: dict[str, str] = figure_labels(
    {
        "visits.total": "入户探访（人次）",
        "visits.people": "探访对象（人）",
        "visits.households": "探访家庭（户）",
        "recipients.files_opened": "完成信息采集（人）",
        "cases.new": "新增个案",
        "cases.ongoing": "在帮个案",
        "cases.closed": "结案个案",
        "activities.total": "开展活动",
        "activities.volunteers": "志愿者参与（人次）",
        "activities.people_reached": "惠及群众（人次）",
        "workers.in_post": "在岗社工",
        "workers.certified": "持证社工",
    }
)
"""Row labels, by figure code."""


def build_half_year(
    ledger: LedgerLike,
    period: Period,
    /,
    *,
    as_of: date,
    unit: str,
    footer: Footer,
    settings: ReportSettings,
) -> Report:
    """The half-year report for ``period``; staffing is counted on ``as_of``."""
    visits = figure_table(
        [
            ind.visits(ledger, period),
            ind.people_visited(ledger, period),
            ind.households_visited(ledger, period),
            ind.files_opened(ledger, period),
            *ind.visits_by_group(
                ledger, period, GROUPS, as_of=as_of, parents=settings.category_parents
            ),
        ],
        labels=LABELS,
    )
    cases = figure_table(
        [
            ind.new_cases(ledger, period),
            ind.ongoing_cases(ledger, period),
            ind.closed_cases(ledger, period),
        ],
        labels=LABELS,
    )
    volunteering = figure_table(
        [
            ind.activities_held(ledger, period),
            ind.activities_held(
                ledger,
                period,
                {ActivityKind.VOLUNTEER_SERVICE},
                code="activities.kind.volunteer_service",
                label=ActivityKind.VOLUNTEER_SERVICE.label,
            ),
            ind.volunteers(ledger, period),
            ind.people_reached(ledger, period),
        ],
        labels=LABELS,
    )
    staff = figure_table(
        [ind.workers_in_post(ledger, as_of), ind.certified_workers(ledger, as_of)], labels=LABELS
    )
    return Report(
        template=HALF_YEAR.name,
        title=TITLE,
        unit=unit,
        period=period,
        as_of=as_of,
        sections=tuple(
            Section(title=title, tables=(table,))
            for title, table in zip(SECTIONS, (visits, cases, volunteering, staff), strict=True)
        ),
        footer=footer,
        notes=(render_message("reports.note.two_groups"), render_message("reports.note.masked")),
    )


HALF_YEAR = ReportTemplate(
    name="zhejiang.half_year",
    title=TITLE,
    period_kind=PeriodKind.HALF_YEAR,
    builder=build_half_year,
    groups=GROUPS,
    description="浙江镇街社工站半年工作情况：入户探访、低保低边信息采集、个案帮扶、志愿服务、持证社工",
)

TEMPLATES: tuple[ReportTemplate, ...] = (HALF_YEAR,)
"""The templates this adapter contributes (``socialwork_report_templates``)."""
