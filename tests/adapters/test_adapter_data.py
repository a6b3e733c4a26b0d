"""The adapters' own data agrees with itself: category codes carry the region's prefix, weekly
templates start the week where the region does, tiers and labels fit the region's network."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork_core.glossary import Category, StationTier
from socialwork_core.periods import PeriodKind
from socialwork_core.plugins import Plugins

from .conftest import REGIONS


@pytest.mark.parametrize("region", REGIONS)
def test_local_category_codes_carry_the_region_prefix_and_labels_do_not_clash(
    plugins: Plugins, region: str
) -> None:
    definitions = plugins.extra_categories(adapter=region)
    national_labels = {c.label for c in Category}

    assert all(d.code.startswith(f"{region}.") for d in definitions)
    texts = [t for d in definitions for t in (d.label, *d.synonyms)]
    assert len(texts) == len(set(texts))
    assert not set(texts) & national_labels


@pytest.mark.parametrize("region", REGIONS)
def test_weekly_templates_start_the_week_where_the_region_does(
    plugins: Plugins, region: str
) -> None:
    first_weekday = plugins.region(region).first_weekday
    weekly = [
        t for t in plugins.report_templates(adapter=region) if t.period_kind is PeriodKind.WEEK
    ]

    assert all(t.first_weekday == first_weekday for t in weekly)


def test_henan_weeks_run_friday_to_thursday(plugins: Plugins) -> None:
    (weekly,) = [t for t in plugins.report_templates(adapter="henan") if t.name == "henan.weekly"]

    week = weekly.period_for(date(2022, 11, 23))

    assert (week.start, week.end) == (date(2022, 11, 18), date(2022, 11, 24))
    assert plugins.region("henan").first_weekday == week.start.weekday() == 4


def test_guangdong_has_stations_and_points_only(plugins: Plugins) -> None:
    region = plugins.region("guangdong")

    assert StationTier.COUNTY_CENTRE not in region.tiers
    assert region.tier_label(StationTier.VILLAGE_POINT) == "村（居）社工点"


def test_anhui_names_all_three_tiers(plugins: Plugins) -> None:
    region = plugins.region("anhui")

    assert [region.tier_label(t) for t in region.tiers] == [
        "县级社工总站",
        "乡镇社工站",
        "村（社区）社工室",
    ]
