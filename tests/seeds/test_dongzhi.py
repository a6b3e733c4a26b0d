"""Seed 004 (东至): the county's ledger makes the Anhui quarterly report and the station
evaluation, and the Dongzhi paragraph's numbers and grades stand where the forms put them, in the
workbook and the JSON."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import dongzhi
import pytest
from forms import Rendered, rendered

from socialwork_core.ledger import Ledger
from socialwork_core.periods import Period, quarter
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return dongzhi.build()


def make(
    ledger: Ledger, name: str, period: Period, as_of: date, folder: pytest.TempPathFactory
) -> Rendered:
    template = {t.name: t for t in load_plugins().report_templates()}[name]
    points = {
        s.code: dongzhi.PROJECT_POINTS.get(s.name, dongzhi.OTHER_PROJECT_POINTS)
        for s in ledger.stations
    }
    settings = ReportSettings(
        townships_total=dongzhi.QUOTES["township_stations"].number,
        distinctive_project_points=points,
    )
    report = template.build(ledger, period, as_of=as_of, unit="东至县民政局", settings=settings)
    return rendered(report, folder.mktemp("dongzhi"))


@pytest.fixture(scope="module")
def quarterly(ledger: Ledger, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return make(ledger, "anhui.quarterly", dongzhi.QUARTER, dongzhi.AS_OF, tmp_path_factory)


def found(form: Rendered, code: str, label: str) -> Decimal:
    in_json, in_cell = form.figure(code, row=label), form.cell(label)
    assert Decimal(str(in_json)) == Decimal(str(in_cell)), (code, in_json, in_cell)
    return Decimal(str(in_json))


def test_fifteen_township_stations_cover_every_township(quarterly: Rendered) -> None:
    number = dongzhi.QUOTES["township_stations"].number
    assert found(quarterly, "stations.township_stations", "乡镇社工站") == number
    assert found(quarterly, "coverage.townships", "乡镇社工站覆盖率") == 100


def test_a_hundred_and_three_certified_workers_now(quarterly: Rendered) -> None:
    number = dongzhi.QUOTES["certified_now"].number
    assert found(quarterly, "workers.certified", "持证社工") == number


def test_thirteen_certified_workers_at_the_end_of_2021(
    ledger: Ledger, tmp_path_factory: pytest.TempPathFactory
) -> None:
    form = make(ledger, "anhui.quarterly", quarter(2021, 4), date(2021, 12, 31), tmp_path_factory)
    assert found(form, "workers.certified", "持证社工") == dongzhi.QUOTES["certified_2021"].number


def test_more_than_half_a_million_yuan_pooled_since_2021(
    ledger: Ledger, tmp_path_factory: pytest.TempPathFactory
) -> None:
    form = make(ledger, "anhui.quarterly", dongzhi.SINCE_2021, dongzhi.AS_OF, tmp_path_factory)
    pooled = found(form, "resources.funds_yuan", "整合资金")
    assert pooled // 10000 == dongzhi.QUOTES["funds_wan"].number  # 50余万元


@pytest.mark.parametrize(("station", "grade"), sorted(dongzhi.GRADES.items()))
def test_the_evaluation_grades_the_centre_and_the_two_stations(
    ledger: Ledger, tmp_path_factory: pytest.TempPathFactory, station: str, grade: str
) -> None:
    form = make(
        ledger,
        "anhui.station_evaluation",
        dongzhi.EVALUATED,
        dongzhi.EVALUATED_ON,
        tmp_path_factory,
    )
    assert form.note(station) == grade
    assert form.cell(station, "等次") == grade
