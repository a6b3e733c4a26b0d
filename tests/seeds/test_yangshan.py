"""Seed 002 (阳山): the county's ledger makes the Guangdong cumulative report, and the article's
numbers stand in the rows where the form puts them, in the workbook and the JSON: the year to
date, the first half (cases), and the weeks of the cold wave and of the flood."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
import yangshan
from forms import Rendered, rendered

from socialwork_core.ledger import Ledger
from socialwork_core.periods import Period, date_range
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings

Make = Callable[[Period], Rendered]
"""The report for a period, rendered (made once per period)."""

SETTINGS = ReportSettings(townships_total=yangshan.QUOTES["stations"].number)
"""Coverage needs the townships of the county: 13 ("全县13个社工站", 100% coverage)."""


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return yangshan.build()


@pytest.fixture(scope="module")
def make(ledger: Ledger, tmp_path_factory: pytest.TempPathFactory) -> Make:
    template = {t.name: t for t in load_plugins().report_templates()}["guangdong.cumulative"]
    made: dict[Period, Rendered] = {}

    def report(period: Period) -> Rendered:
        if period not in made:
            built = template.build(
                ledger, period, as_of=yangshan.AS_OF, unit="阳山县民政局", settings=SETTINGS
            )
            made[period] = rendered(built, tmp_path_factory.mktemp("yangshan"))
        return made[period]

    return report


def found(form: Rendered, code: str, label: str) -> Decimal:
    """The figure's value in the JSON and the workbook, which must agree."""
    in_json, in_cell = form.figure(code, row=label), form.cell(label)
    assert Decimal(str(in_json)) == Decimal(str(in_cell)), (code, in_json, in_cell)
    return Decimal(str(in_json))


TO_DATE = [
    ("households", "visits.households", "累计入户探访"),
    ("activities", "activities.total", "开展各类活动"),
    ("people_reached", "activities.people_reached", "惠及群众"),
    ("posts", "posts.total", "社工岗位"),
    ("in_post", "workers.in_post", "在岗社工"),
    ("vacant", "posts.vacant", "需招聘社工"),
]


@pytest.mark.parametrize(("quote", "code", "label"), TO_DATE)
def test_the_year_to_date_figures_stand_in_their_rows(
    make: Make, quote: str, code: str, label: str
) -> None:
    assert found(make(yangshan.TO_DATE), code, label) == yangshan.QUOTES[quote].number


def test_every_township_has_its_station(make: Make) -> None:
    assert found(make(yangshan.TO_DATE), "coverage.townships", "社工站覆盖率") == 100


@pytest.mark.parametrize(
    ("quote", "code", "label"),
    [
        ("new_cases", "cases.new", "新增服务个案"),
        ("ongoing_cases", "cases.ongoing", "正在跟进服务个案"),
    ],
)
def test_the_first_half_cases_stand_in_their_rows(
    make: Make, quote: str, code: str, label: str
) -> None:
    assert found(make(yangshan.FIRST_HALF), code, label) == yangshan.QUOTES[quote].number


def test_the_first_half_households_are_about_twelve_thousand(make: Make) -> None:
    # "上半年,全县社工入户探访在册民政服务对象1.2万户"
    households = found(make(yangshan.FIRST_HALF), "visits.households", "累计入户探访")
    assert round(households / 10000, 1) == Decimal("1.2")


@pytest.mark.parametrize(
    ("quote", "days"),
    [("cold_wave", yangshan.COLD_WAVE), ("flood", yangshan.FLOOD)],
)
def test_each_disasters_people_are_the_alert_people_of_its_days(
    make: Make, quote: str, days: list[date]
) -> None:
    form = make(date_range(days[0], days[-1]))
    assert found(form, "alerts.people", "灾害天气探访服务对象") == yangshan.QUOTES[quote].number


@pytest.mark.parametrize(
    ("quote", "code", "label"),
    [
        ("cold_wave", "alerts.kind_people.cold_wave", "寒潮探访服务对象"),
        ("cold_wave_villages", "alerts.kind_villages.cold_wave", "寒潮走访村居"),
        ("flood", "alerts.kind_people.rainstorm_flood", "暴雨洪涝探访服务对象"),
        ("warm_clothes", "handouts.item.防寒衣物", "防寒衣物（件）"),
        ("quilts", "handouts.item.棉被", "棉被（张）"),
    ],
)
def test_each_campaign_has_its_rows_in_the_year(
    make: Make, quote: str, code: str, label: str
) -> None:
    assert found(make(yangshan.TO_DATE), code, label) == yangshan.QUOTES[quote].number


def test_the_people_moved_to_safety_in_the_flood(make: Make) -> None:
    form = make(date_range(yangshan.FLOOD[0], yangshan.FLOOD[-1]))
    assert (
        found(form, "alerts.relocated", "协助转移受灾群众") == yangshan.QUOTES["relocated"].number
    )


def test_the_people_moved_to_safety_stand_in_the_floods_row_of_the_year(make: Make) -> None:
    form = make(yangshan.TO_DATE)
    moved = found(form, "alerts.kind_relocated.rainstorm_flood", "暴雨洪涝协助转移")
    assert moved == yangshan.QUOTES["relocated"].number
    assert found(form, "alerts.kind_relocated.cold_wave", "寒潮协助转移") == 0
