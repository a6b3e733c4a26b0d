"""Each adapter's example ledger reads with its own format: no errors, only the deliberate mess."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from socialwork_core.glossary import EXTREME_POVERTY_CATEGORIES, Category, ServiceLevel
from socialwork_core.ledger import LoadResult, RecordKind, load_ledger
from socialwork_core.plugins import Plugins, category_parents
from socialwork_core.recipients import check_categories

from .conftest import EXAMPLES, REGIONS, example_path

END_OF_YEAR = date(2023, 12, 31)

EXTRA_COLUMN = {
    "national": "医保类型",
    "guangdong": "是否签约家庭医生",
    "henan": "低保证号",
    "anhui": "帮扶责任人",
}


def generator(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The script in examples/, imported as a module (dataclasses need it in ``sys.modules``)."""
    name = "socialwork_examples_generate_ledgers"
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / "generate_ledgers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("region", REGIONS)
def test_the_example_ledger_loads_without_errors_or_refused_rows(
    loaded: dict[str, LoadResult], region: str
) -> None:
    result = loaded[region]

    assert result.errors == ()
    assert result.rejected == ()
    ledger = result.ledger
    assert 60 <= len(ledger.recipients) <= 150
    for kind in RecordKind:
        assert ledger.records(kind), f"{region}: no {kind.value}"


@pytest.mark.parametrize("region", REGIONS)
def test_the_example_ledger_covers_a_year_of_contacts_with_every_person_known(
    loaded: dict[str, LoadResult], region: str
) -> None:
    ledger = loaded[region].ledger

    months = {c.on.month for c in ledger.contacts if c.on.year == 2023}
    assert months == set(range(1, 13))
    keys = {r.key for r in ledger.recipients}
    assert all(set(c.recipient_keys) <= keys for c in ledger.contacts)
    assert all(set(link.recipient_keys) <= keys for link in ledger.resource_links)
    assert any(case.closed_on is not None for case in ledger.cases)
    assert any(a.session_number == 4 for a in ledger.activities)


@pytest.mark.parametrize("region", REGIONS)
def test_the_deliberate_mess_is_handled_and_reported(
    loaded: dict[str, LoadResult], region: str
) -> None:
    result = loaded[region]
    codes = Counter(issue.code for issue in result.issues)

    assert codes["tabular.footer_row_skipped"] >= 2  # 合计 and 填表人 under the register
    assert codes["tabular.extra_columns_kept"] >= 1
    assert codes["tabular.money_approximate"] == 1  # “1500余元”
    ledger = result.ledger
    assert all(r.village for r in ledger.recipients)  # merged village cells fill every row
    assert any(EXTRA_COLUMN[region] in r.extras for r in ledger.recipients)
    assert any(len(r.phones) == 2 for r in ledger.recipients)  # “mobile/landline” in one cell


@pytest.mark.parametrize("region", REGIONS)
def test_loading_reports_only_infos_as_the_data_readme_says(
    loaded: dict[str, LoadResult], region: str
) -> None:
    severities = {issue.severity.value for issue in loaded[region].issues}

    assert severities == {"info"}


@pytest.mark.parametrize("region", REGIONS)
def test_the_example_ledger_is_claimed_by_its_own_adapter(plugins: Plugins, region: str) -> None:
    found = plugins.detect_workbook_format(example_path(region))

    assert found is not None
    assert (found.adapter, found.format.name) == (region, region)


@pytest.mark.parametrize("region", REGIONS)
def test_local_categories_and_levels_read_into_codes(
    loaded: dict[str, LoadResult], plugins: Plugins, region: str
) -> None:
    ledger = loaded[region].ledger
    held = {c for r in ledger.recipients for c in r.categories}
    local = {c.code for c in plugins.extra_categories(adapter=region)}

    assert local <= held  # every local category occurs in the region's example
    assert (region == "national") == (not local)
    assert all(r.declared_level is not None for r in ledger.recipients)


def test_guangdong_follow_up_levels_use_all_six_grades(loaded: dict[str, LoadResult]) -> None:
    levels = {
        r.declared_level.rank for r in loaded["guangdong"].ledger.recipients if r.declared_level
    }

    assert levels == {1, 2, 3, 4, 5, 6}


def test_anhui_stations_form_three_tiers_with_village_rooms(
    loaded: dict[str, LoadResult], plugins: Plugins
) -> None:
    stations = loaded["anhui"].ledger.stations
    region = plugins.region("anhui")

    assert {s.tier for s in stations} == set(region.tiers)
    rooms = [s for s in stations if s.tier.depth == 2]
    assert rooms and all(s.name.endswith(region.tier_label(s.tier)[-3:]) for s in rooms)


@pytest.mark.parametrize("region", REGIONS)
def test_the_orphan_who_turned_eighteen_is_warned_about_not_dropped(
    loaded: dict[str, LoadResult], region: str
) -> None:
    ledger = loaded[region].ledger
    aged = [r for r in ledger.recipients if r.holds("orphan") and (r.age(END_OF_YEAR) or 0) >= 18]

    (person,) = aged
    codes = [f.code for f in check_categories(person, END_OF_YEAR)]
    assert "category.too_old" in codes


def test_the_guangdong_people_holding_subsistence_and_extreme_poverty_are_kept_and_warned(
    loaded: dict[str, LoadResult], plugins: Plugins
) -> None:
    ledger = loaded["guangdong"].ledger
    parents = category_parents(plugins.categories_for_region("guangdong"))
    warned = [
        r
        for r in ledger.recipients
        if "category.subsistence_and_extreme_poverty"
        in [f.code for f in check_categories(r, END_OF_YEAR, parents=parents)]
    ]

    assert len(warned) == 4  # two hold 特困, two the local 三无 (a child of 特困)
    for person in warned:
        assert person.holds(Category.SUBSISTENCE_ALLOWANCE)
        held = person.categories | {parents[c] for c in person.categories if c in parents}
        assert not held.isdisjoint(EXTREME_POVERTY_CATEGORIES)


def test_the_guangdong_cold_wave_visits_say_who_was_moved_to_the_shelter(
    loaded: dict[str, LoadResult],
) -> None:
    ledger = loaded["guangdong"].ledger
    alert = [c for c in ledger.contacts if c.alert_id is not None]

    assert alert and all(c.relocated is not None for c in alert)
    assert all(c.relocated is None for c in ledger.contacts if c.alert_id is None)
    moved = {k for c in alert if c.relocated for k in c.recipient_keys}
    levels = {r.key: r.declared_level for r in ledger.recipients}
    assert moved and {levels[k] for k in moved} == {ServiceLevel.LEVEL_1}


@pytest.mark.parametrize("region", REGIONS)
def test_the_generator_reproduces_the_committed_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, region: str
) -> None:
    module = generator(monkeypatch)

    module.main(["--out", str(tmp_path), region])

    assert (tmp_path / example_path(region).name).read_bytes() == example_path(region).read_bytes()


@pytest.mark.parametrize("region", REGIONS)
def test_the_example_ledger_reads_the_same_through_the_compiled_rows_and_the_general_way(
    loaded: dict[str, LoadResult], plugins: Plugins, region: str
) -> None:
    """``loaded`` went through ``Plugins.load_ledger`` (clean rows built directly); every record
    through the converter's hooks must give the same ledger, issues and refused rows."""
    (fmt,) = plugins.ledger_formats_for_region(region)
    general = load_ledger(example_path(region), fmt, converter=plugins.make_converter())
    quick = loaded[region]
    for kind in RecordKind:
        assert repr(quick.ledger.records(kind)) == repr(general.ledger.records(kind))
    assert quick.ledger == general.ledger
    assert quick.ledger.extras == general.ledger.extras
    assert quick.issues == general.issues
    assert quick.rejected == general.rejected
