"""Seed 003 (开封): the week's ledger makes the Henan weekly report, and the 尉氏县 line of the
article stands in the county table's 尉氏县 row, column by column, in the workbook and the JSON."""

from __future__ import annotations

from datetime import date

import pytest
import weishi
from forms import Rendered, rendered

from socialwork_core.plugins import category_parents, load_plugins
from socialwork_core.reports import ReportSettings

COLUMNS = [
    # (quote, figure code, the county table's column header)
    ("service", "service.person_times", "服务人次"),
    (
        "subsistence_or_extreme_poverty",
        "service.group.subsistence_or_extreme_poverty",
        "其中：低保特困",
    ),
    ("disabled", "service.group.disabled", "其中：残疾人"),
    ("children_in_difficulty", "service.group.children_in_difficulty", "其中：困境儿童"),
    ("elderly", "service.group.elderly", "其中：老年人"),
    ("community_activities", "activities.kind.community_activity", "社区活动（场次）"),
    ("visits", "visits.total", "探访（人次）"),
    ("station_visits", "consultations.station_visits", "来访咨询（人次）"),
]


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}["henan.weekly"]
    week = template.period_for(date(2022, 11, 18))
    assert (week.start, week.end) == (date(2022, 11, 18), date(2022, 11, 24))
    settings = ReportSettings(
        category_parents=category_parents(plugins.categories_for_region("henan"))
    )
    report = template.build(
        weishi.build(), week, as_of=weishi.AS_OF, unit="开封市民政局", settings=settings
    )
    return rendered(report, tmp_path_factory.mktemp("weishi"))


@pytest.mark.parametrize(("quote", "code", "header"), COLUMNS)
def test_the_weishi_line_stands_in_the_county_row(
    form: Rendered, quote: str, code: str, header: str
) -> None:
    number = weishi.QUOTES[quote].number
    assert form.figure(code, row=weishi.COUNTY) == number, weishi.QUOTES[quote].words
    assert form.cell(weishi.COUNTY, header) == number, weishi.QUOTES[quote].words


def test_the_other_county_and_the_total_are_rows_of_their_own(form: Rendered) -> None:
    assert form.figure("visits.total", row="兰考县社工总站") == weishi.LANKAO_VISITS
    total = weishi.QUOTES["visits"].number + weishi.LANKAO_VISITS
    assert form.figure("visits.total", row="合计") == total
