"""The seed ledgers written as a station keeps them (the region's ledger layout, one workbook),
then reported with the ``socialwork report`` command to xlsx and to JSON: the article's numbers
stand in the same rows as through the API (the 尉氏县 其中 rows too: the layout's 参与对象 column
carries the people met at activities), and Yunfu's publicity week made as its campaign
(``--campaign``) gives the article's numbers as the March report does."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import dongzhi
import pytest
import weishi
import yunfu
from forms import Rendered, read

from socialwork_core.cli import main
from socialwork_core.ledger.writing import write_ledger
from socialwork_core.plugins import load_plugins

Report = Callable[..., Rendered]


def ledger_file(seed: ModuleType, region: str, folder: Path) -> Path:
    layout = next(f for f in load_plugins().ledger_formats() if f.name == region)
    return write_ledger(folder / f"{region}.xlsx", seed.build(), layout)


def reporter(ledger: Path, folder: Path, as_of: date, *always: str) -> Report:
    """``socialwork report TEMPLATE LEDGER --period PERIOD -o …`` (or, for ``--campaign ID``, no
    period) to xlsx and JSON, read back (``always``: options every run takes)."""
    made = iter(range(1000))

    def report(template: str, period: str, *options: str) -> Rendered:
        outputs = []
        run = next(made)
        for suffix in (".xlsx", ".json"):
            target = folder / f"{template}-{run}{suffix}"
            argv = ["report", template, str(ledger), "-o", str(target)]
            argv += ["--period", period] if period else []
            argv += ["--as-of", as_of.isoformat(), *always, *options]
            err = io.StringIO()
            status = main(argv, stdout=io.StringIO(), stderr=err, today=as_of)
            assert status == 0, err.getvalue()
            outputs.append(target)
        return read(*outputs)

    return report


def number_in(form: Rendered, code: str, row: str, header: str = "数量") -> Decimal:
    """The figure's value in the JSON and the workbook, which must agree."""
    in_json, in_cell = form.figure(code, row=row), form.cell(row, header)
    assert Decimal(str(in_json)) == Decimal(str(in_cell)), (code, in_json, in_cell)
    return Decimal(str(in_json))


# --- 云浮 ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def yunfu_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("yunfu-cli")
    return reporter(ledger_file(yunfu, "guangdong", folder), folder, yunfu.AS_OF)


@pytest.fixture(scope="module", params=["month", "campaign"])
def yunfu_form(request: pytest.FixtureRequest, yunfu_report: Report) -> Rendered:
    """The March report, and the report of the publicity week as its campaign."""
    if request.param == "month":
        return yunfu_report("guangdong.monthly", "2022-03")
    return yunfu_report("guangdong.monthly", "", "--campaign", yunfu.CAMPAIGN)


@pytest.mark.parametrize(("quote", "code", "row"), yunfu.FIGURES)
def test_yunfu_from_its_workbook(yunfu_form: Rendered, quote: str, code: str, row: str) -> None:
    assert number_in(yunfu_form, code, row) == yunfu.QUOTES[quote].number


# --- 开封 尉氏县 ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def weishi_form(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    folder = tmp_path_factory.mktemp("weishi-cli")
    report = reporter(ledger_file(weishi, "henan", folder), folder, weishi.AS_OF)
    return report("henan.weekly", "2022-11-18..2022-11-24")


@pytest.mark.parametrize(
    ("quote", "code", "header"),
    [
        ("service", "service.person_times", "服务人次"),
        ("community_activities", "activities.kind.community_activity", "社区活动（场次）"),
        ("visits", "visits.total", "探访（人次）"),
        ("station_visits", "consultations.station_visits", "来访咨询（人次）"),
        *(
            (quote, code, header)
            for quote, code, header in [
                (
                    "subsistence_or_extreme_poverty",
                    "service.group.subsistence_or_extreme_poverty",
                    "其中：低保特困",
                ),
                ("disabled", "service.group.disabled", "其中：残疾人"),
                (
                    "children_in_difficulty",
                    "service.group.children_in_difficulty",
                    "其中：困境儿童",
                ),
                ("elderly", "service.group.elderly", "其中：老年人"),
            ]
        ),
    ],
)
def test_weishi_from_its_workbook(
    weishi_form: Rendered, quote: str, code: str, header: str
) -> None:
    assert number_in(weishi_form, code, weishi.COUNTY, header) == weishi.QUOTES[quote].number


# --- 东至 -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dongzhi_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("dongzhi-cli")
    ledger = ledger_file(dongzhi, "anhui", folder)
    settings = folder / "settings.toml"
    points = "\n".join(
        f'"{s.name}" = {dongzhi.PROJECT_POINTS.get(s.name, dongzhi.OTHER_PROJECT_POINTS)}'
        for s in dongzhi.build().stations
        if s.tier.value != "village_point"
    )
    settings.write_text(
        f"[area]\ntownships = {dongzhi.QUOTES['township_stations'].number}\n\n"
        f"[distinctive_project]\n{points}\n",
        encoding="utf-8",
    )
    return reporter(ledger, folder, dongzhi.AS_OF, "--settings", str(settings))


def test_dongzhi_network_and_workers_from_its_workbook(dongzhi_report: Report) -> None:
    form = dongzhi_report("anhui.quarterly", "2024-Q1")
    number = dongzhi.QUOTES["township_stations"].number
    assert number_in(form, "stations.township_stations", "乡镇社工站") == number
    assert number_in(form, "coverage.townships", "乡镇社工站覆盖率") == 100
    assert (
        number_in(form, "workers.certified", "持证社工") == dongzhi.QUOTES["certified_now"].number
    )


def test_dongzhi_certified_workers_of_2021_from_its_workbook(dongzhi_report: Report) -> None:
    # the certificate dates travel in the layout's 取证日期 column
    form = dongzhi_report("anhui.quarterly", "2021-Q4", "--as-of", "2021-12-31")
    number = dongzhi.QUOTES["certified_2021"].number
    assert number_in(form, "workers.certified", "持证社工") == number


def test_dongzhi_funds_since_2021_from_its_workbook(dongzhi_report: Report) -> None:
    form = dongzhi_report("anhui.quarterly", "2021-01-01..2024-03-31")
    pooled = number_in(form, "resources.funds_yuan", "整合资金")
    assert pooled // 10000 == dongzhi.QUOTES["funds_wan"].number


def test_dongzhi_grades_from_its_workbook(dongzhi_report: Report) -> None:
    form = dongzhi_report("anhui.station_evaluation", "2023", "--as-of", "2023-12-31")
    for station, grade in dongzhi.GRADES.items():
        assert form.note(station) == grade
        assert form.cell(station, "等次") == grade
