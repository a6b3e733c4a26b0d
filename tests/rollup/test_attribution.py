"""Every record knows its station: its own column, its worker's, its person's, the workbook's
填报单位 line or title, or the station the caller names; names resolve to codes."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from socialwork_national.formats import FORMAT

from socialwork_core.ledger import LoadResult, load_ledger
from socialwork_core.periods import parse_period
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings
from socialwork_core.rollup import attribute_stations, read_station_list, station_in_words

from .conftest import Person, StationBook, Visit, resident

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"
PEOPLE = (Person("1", "张有才", resident(11)), Person("2", "李秀莲", resident(22)))
VISITS = (Visit("T1", "2023-03-02", "1"), Visit("T2", "2023-03-09", "2", worker="王晓丽"))


def _load(book: StationBook, tmp_path: Path, **options: object) -> LoadResult:
    path = book.write(tmp_path / f"{book.code}.xlsx")
    return attribute_stations(load_ledger(path, FORMAT), path=path, fmt=FORMAT, **options)  # type: ignore[arg-type]


def _stations(result: LoadResult) -> dict[str, Counter[str | None]]:
    ledger = result.ledger
    return {
        "recipients": Counter(r.station_code for r in ledger.recipients),
        "contacts": Counter(c.station_code for c in ledger.contacts),
        "workers": Counter(w.station_code for w in ledger.workers),
    }


def _remarks(result: LoadResult, code: str) -> list[str]:
    return [f"{i.sheet}: {i.message}" for i in result.issues if i.code == code]


def test_a_station_column_holding_the_name_resolves_to_the_code(tmp_path: Path) -> None:
    book = StationBook("410223101", "十八里镇社工站", PEOPLE, VISITS)
    path = book.write(tmp_path / "a.xlsx")
    loaded = load_ledger(path, FORMAT)
    named = loaded.ledger.recipients[0]
    assert named.station_code == "410223101"
    by_name = attrs.evolve(
        loaded,
        ledger=attrs.evolve(
            loaded.ledger,
            recipients=[
                attrs.evolve(r, station_code=" 十八里镇社工站 ") for r in loaded.ledger.recipients
            ],
        ),
    )
    result = attribute_stations(by_name, path=path, fmt=FORMAT)
    assert {r.station_code for r in result.ledger.recipients} == {"410223101"}
    assert not _remarks(result, "rollup.station_unattributed")


def test_without_a_station_column_records_take_their_workers_station(tmp_path: Path) -> None:
    # T2 names its worker by name (王晓丽), as many ledgers do; the workers sheet uses IDs
    book = StationBook("410223101", "十八里镇社工站", PEOPLE, VISITS, station_column=False)
    result = _load(book, tmp_path)
    assert _stations(result) == {
        "recipients": Counter({"410223101": 2}),
        "contacts": Counter({"410223101": 2}),
        "workers": Counter({"410223101": 1}),
    }
    assert not _remarks(result, "rollup.station_unattributed")


def test_else_the_workbooks_unit_line_names_the_station(tmp_path: Path) -> None:
    book = StationBook(
        "410223102",
        "高峰街道社工站",
        PEOPLE,
        VISITS,
        station_column=False,
        worker_station=False,
        unit_line="填报单位：尉氏县高峰街道社工站    统计截至：2023年3月31日",
    )
    result = _load(book, tmp_path)
    assert set(_stations(result)["recipients"]) == {"410223102"}
    assert set(_stations(result)["contacts"]) == {"410223102"}
    assert set(_stations(result)["workers"]) == {"410223102"}


def test_else_the_station_the_caller_names(tmp_path: Path) -> None:
    book = StationBook(
        "410223102",
        "高峰街道社工站",
        PEOPLE,
        VISITS,
        station_column=False,
        worker_station=False,
    )
    result = _load(book, tmp_path, station="高峰街道社工站")
    assert set(_stations(result)["recipients"]) == {"410223102"}


def test_what_is_left_without_a_station_is_reported_once_per_sheet_with_a_count(
    tmp_path: Path,
) -> None:
    book = StationBook(
        "410223102",
        "高峰街道社工站",
        PEOPLE,
        VISITS,
        station_column=False,
        worker_station=False,
        stations_sheet=False,
    )
    result = _load(book, tmp_path)
    remarks = _remarks(result, "rollup.station_unattributed")
    assert len(remarks) == 3  # the register, the workers, the visits: one remark each
    assert any(r.startswith("服务对象: ") and "2条服务对象记录" in r for r in remarks)
    assert any(r.startswith("探访记录: ") and "2条探访记录记录" in r for r in remarks)


def test_a_station_list_file_resolves_names_a_ledger_without_a_stations_sheet_uses(
    tmp_path: Path,
) -> None:
    listing = tmp_path / "stations.csv"
    listing.write_text("站点编码,站点名称\n410223105,朱曲镇社工站\n", encoding="utf-8")
    stations = read_station_list(listing)
    assert [(s.code, s.name) for s in stations] == [("410223105", "朱曲镇社工站")]
    book = StationBook(
        "410223105",
        "朱曲镇社工站",
        PEOPLE,
        VISITS,
        station_column=False,
        worker_station=False,
        stations_sheet=False,
        unit_line="填报单位：朱曲镇社工站",
    )
    result = _load(book, tmp_path, station_list=stations)
    assert set(_stations(result)["recipients"]) == {"410223105"}


@pytest.mark.parametrize(
    ("words", "station"),
    [
        ("填报单位：高峰街道社工站", "高峰街道社工站"),
        ("尉氏县十八里镇社工站服务对象名册", "尉氏县十八里镇社工站"),
        ("填报单位: 东湖镇   统计截至：2023年", "东湖镇"),
        ("2023年探访记录", None),
    ],
)
def test_the_station_a_title_or_unit_line_names(words: str, station: str | None) -> None:
    assert station_in_words(words) == station


# --- the bundled example ledgers -----------------------------------------------------------------


def _bundled(region: str) -> LoadResult:
    plugins = load_plugins()
    path = EXAMPLES / f"{region}_example_ledger.xlsx"
    found = plugins.detect_workbook_format(path)
    assert found is not None
    return attribute_stations(plugins.load_ledger(path, found.format), path=path, fmt=found.format)


@pytest.mark.parametrize("region", ["national", "guangdong", "henan", "anhui"])
def test_the_bundled_ledgers_carry_a_station_on_every_record_kind(region: str) -> None:
    result = _bundled(region)
    ledger = result.ledger
    codes = {s.code for s in ledger.stations}
    for kind in ("recipients", "workers", "contacts", "resource_links", "cases", "activities"):
        records = getattr(ledger, kind)
        assert records, kind
        assert all(r.station_code in codes for r in records), kind
    assert not _remarks(result, "rollup.station_unattributed")


def test_the_henan_weekly_names_the_station_and_has_no_unknown_station_row() -> None:
    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}["henan.weekly"]
    ledger = _bundled("henan").ledger
    week = parse_period("2023-W47", first_weekday=template.first_weekday)
    report = template.build(ledger, week, as_of=date(2023, 12, 31), unit="尉氏县民政局")
    stations = {e.station for s in report.sections for e in s.entries}
    assert stations == {"十八里镇社工站"}
    table = report.sections[8].tables[0]
    rows = {row.label: [f.value for f in row.figures] for row in table.rows}
    assert list(rows) == ["尉氏县社工总站", "合计"]
    assert rows["尉氏县社工总站"] == rows["合计"]
    assert rows["合计"][0] > 0


def test_the_anhui_station_evaluation_scores_and_grades_every_station() -> None:
    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}["anhui.station_evaluation"]
    ledger = _bundled("anhui").ledger
    settings = ReportSettings(
        rule_sets=tuple(plugins.rule_sets_for_region("anhui")) or ReportSettings().rule_sets,
        distinctive_project_points={s.code: Decimal(8) for s in ledger.stations},
    )
    report = template.build(
        ledger,
        parse_period("2023"),
        as_of=date(2023, 12, 31),
        unit="东至县民政局",
        settings=settings,
    )
    rows = [row for s in report.sections for t in s.tables for row in t.rows]
    assert [r.label for r in rows] == ["东至县社工总站", "东湖镇社工站"]
    for row in rows:
        score = row.figures[-1]
        assert score.code == "evaluation.score"
        assert score.value is not None and score.value > 0, row.label
        assert row.note, row.label  # the grade
