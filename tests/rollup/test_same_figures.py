"""The figures do not depend on how the files were read: serially, in two processes, or on a Dask
cluster of two worker processes; nor on a report's contacts being cut to its window."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from socialwork_core.periods import parse_period
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings, report_data
from socialwork_core.rollup import ShareRequest, map_shares, merge_shares, roll_up

from ..cli.conftest import example, run_command
from .conftest import Person, StationBook, Visit, resident


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four station files, each numbering its people 1, 2, 3 …, one person on two registers."""
    folder = tmp_path_factory.mktemp("city")
    for number in range(4):
        code = f"41022310{number + 1}"
        people = [
            Person(str(k), f"对象{number}{k}", resident(100 * number + k), level="一级")
            for k in range(1, 6)
        ]
        if number == 3:
            people.append(Person("9", "李秀莲", resident(22)))
        visits = [
            Visit(f"T{k}", f"2023-03-{k + 1:02d}", str(1 + k % 5), mode=("入户", "电话")[k % 2])
            for k in range(12)
        ]
        book = StationBook(code, f"第{number + 1}镇社工站", people, visits)
        book.write(folder / f"station-{number + 1}.xlsx")
    StationBook(
        "410223101",
        "第1镇社工站",
        [Person("1", "对象01", resident(1)), Person("2", "李秀莲", resident(22))],
        [Visit("T1", "2023-03-02", "1")],
    ).write(folder / "station-1-late.xlsx")
    return folder


def _report(city: Path, *options: str) -> dict[str, object]:
    out = city.parent / f"report{'-'.join(options)}.json"
    result = run_command(
        "report",
        "henan.weekly",
        city,
        "--adapter",
        "national",
        "--period",
        "2023-W09",
        "--as-of",
        "2023-03-31",
        "-o",
        out,
        *options,
    )
    assert result.status == 0, result.err
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_serial_and_two_processes_give_the_same_report(city: Path) -> None:
    serial = _report(city, "--jobs", "1")
    assert serial == _report(city, "--jobs", "2")
    table = serial["sections"][8]["tables"][0]  # type: ignore[index]
    assert table["rows"][-1]["figures"][0]["value"] > 0


def test_a_dask_cluster_of_two_worker_processes_gives_the_same_ledger_and_report(
    city: Path,
) -> None:
    distributed = pytest.importorskip("distributed")
    request = ShareRequest(adapter="national")
    serial = roll_up([city], request, jobs=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = merge_shares(map_shares(sorted(city.glob("*.xlsx")), request, scheduler=cluster))
        report = _report(city, "--scheduler", cluster.scheduler_address)
    assert on_dask.ledger == serial.ledger
    assert report == _report(city, "--jobs", "1")


BUILT_IN = [
    ("guangdong", "guangdong.monthly", "2023-03"),
    ("guangdong", "guangdong.cumulative", "2023-03-01..2023-06-30"),
    ("henan", "henan.weekly", "2023-W47"),
    ("anhui", "anhui.quarterly", "2023-Q2"),
    ("anhui", "anhui.station_evaluation", "2023"),
    ("national", "national.monthly", "2023-06"),
]


@pytest.mark.parametrize(("region", "name", "period_text"), BUILT_IN)
def test_a_report_from_its_contact_window_equals_the_report_from_every_contact(
    region: str, name: str, period_text: str
) -> None:
    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}[name]
    period = parse_period(period_text, first_weekday=template.first_weekday)
    as_of = date(2023, 12, 31)
    window = template.contact_window(period, as_of)
    assert window is not None
    rule_sets = tuple(plugins.rule_sets_for_region(region))
    settings = ReportSettings(rule_sets=rule_sets) if rule_sets else ReportSettings()
    requests = (
        ShareRequest(),  # every contact
        ShareRequest(window=window),  # every contact the report reads, as contacts
        ShareRequest(  # as the command line reads: the visit rates' days as visit days
            window=template.records_window(period, as_of),
            history=template.history_window(period, as_of),
        ),
    )
    whole, cut, with_history = (
        merge_shares(map_shares([example(region)], request, jobs=1)).ledger for request in requests
    )
    assert len(with_history.contacts) <= len(cut.contacts) <= len(whole.contacts)

    def build(ledger: object) -> object:
        return report_data(template.build(ledger, period, as_of=as_of, unit="-", settings=settings))  # type: ignore[arg-type]

    assert build(cut) == build(whole)
    assert build(with_history) == build(whole)
