"""A report settings file (``--settings FILE.toml``): what it holds, read through the one
converter; a bad key or value named with its value."""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.glossary import StationTier
from socialwork_core.reports import ReportSettings, SettingsError, read_settings
from socialwork_core.reports.settings_file import Area, SettingsFile, Signatories
from socialwork_core.stations import Station

FULL = """
unit = "东至县民政局"

[signatories]
preparer = "陈晓燕"
reviewer = "周建国"
filled_on = 2024-01-05

[area]
townships = 15
villages = 250

[distinctive_project]
"东流镇社工站" = 9
"S2" = 8.5
"""

STATIONS = (
    Station(code="C", name="东至县社工总站", tier=StationTier.COUNTY_CENTRE),
    Station(code="S1", name="东流镇社工站", tier=StationTier.TOWNSHIP_STATION, parent_code="C"),
    Station(code="S2", name="大渡口镇社工站", tier=StationTier.TOWNSHIP_STATION, parent_code="C"),
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_file_reads_into_its_values(tmp_path: Path) -> None:
    settings = read_settings(_file(tmp_path, FULL))

    assert settings == SettingsFile(
        unit="东至县民政局",
        signatories=Signatories(preparer="陈晓燕", reviewer="周建国", filled_on=date(2024, 1, 5)),
        area=Area(townships=15, villages=250),
        distinctive_project={"东流镇社工站": Decimal(9), "S2": Decimal("8.5")},
    )


def test_an_empty_file_holds_nothing(tmp_path: Path) -> None:
    assert read_settings(_file(tmp_path, "")) == SettingsFile()


def test_the_settings_fill_a_reports_settings_with_stations_by_code(tmp_path: Path) -> None:
    base = ReportSettings(full_names=True, distinctive_project_points={"C": Decimal(7)})

    settings = read_settings(_file(tmp_path, FULL)).report_settings(base, STATIONS)

    assert (settings.townships_total, settings.villages_total) == (15, 250)
    assert settings.distinctive_project_points == {
        "C": Decimal(7),
        "S1": Decimal(9),  # written by name
        "S2": Decimal("8.5"),
    }
    assert settings.full_names  # the rest kept


def test_a_station_the_ledger_does_not_have_is_named_with_the_stations_it_has(
    tmp_path: Path,
) -> None:
    file = read_settings(_file(tmp_path, '[distinctive_project]\n"东流社工站" = 9\n'))

    with pytest.raises(SettingsError) as caught:
        file.report_settings(ReportSettings(), STATIONS, source="s.toml")

    assert caught.value.key == "distinctive_project.东流社工站"
    assert "S1 东流镇社工站" in caught.value.message
    assert "names no station of the ledger" in caught.value.problem


@pytest.mark.parametrize(
    ("text", "key", "value", "words"),
    [
        ("[area]\ntownships = 0", "area.townships", 0, "1或以上的整数"),
        ('[area]\ntownships = "十五"', "area.townships", "十五", "1或以上的整数"),
        ("[area]\nvillages = true", "area.villages", True, "1或以上的整数"),
        ("[area]\ntownship = 15", "area.township", 15, "不是可用的设置项"),
        ('units = "某县"', "units", "某县", "area.townships"),
        ('[distinctive_project]\n"S1" = 120', "distinctive_project.S1", Decimal(120), "0到100"),
        ('[distinctive_project]\n"S1" = -1', "distinctive_project.S1", Decimal(-1), "0到100"),
        ('[distinctive_project]\n"S1" = "九分"', "distinctive_project.S1", "九分", "0到100"),
        ('[signatories]\nfilled_on = "昨天"', "signatories.filled_on", "昨天", "日期"),
        ('unit = ""', "unit", "", "不为空的文字"),
        ("unit = 3", "unit", 3, "不为空的文字"),
        ("area = 15", "area", 15, "设置表"),
    ],
)
def test_a_bad_value_or_key_is_named_with_its_value(
    tmp_path: Path, text: str, key: str, value: object, words: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        read_settings(_file(tmp_path, text))

    assert (caught.value.key, caught.value.value) == (key, value)
    assert key in caught.value.message and words in caught.value.message
    assert caught.value.problem.startswith(f"{key} = ")


def test_a_file_that_is_not_toml_says_where(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="line 2") as caught:
        read_settings(_file(tmp_path, 'unit = "某县"\n[area\n'))
    assert caught.value.message.startswith("无法读取")


def test_a_missing_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError):
        read_settings(tmp_path / "none.toml")


@given(
    townships=st.integers(min_value=1, max_value=10_000),
    points=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False),
    as_float=st.booleans(),
)
def test_counts_and_points_read_back_as_written(
    townships: int, points: Decimal, as_float: bool
) -> None:
    written = str(float(points)) if as_float else f'"{points}"'
    with tempfile.TemporaryDirectory() as folder:
        settings = read_settings(
            _file(
                Path(folder),
                f"[area]\ntownships = {townships}\n[distinctive_project]\nS1 = {written}\n",
            )
        )

    assert settings.area.townships == townships
    assert settings.distinctive_project["S1"] == points
