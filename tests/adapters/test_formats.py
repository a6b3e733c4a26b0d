"""The adapters' ledger formats are data: regional headers first, national spellings kept, every
local word mapped to a code."""

from __future__ import annotations

from pathlib import Path

import pytest
import socialwork_anhui.formats as anhui
import socialwork_guangdong.formats as guangdong
import socialwork_national.formats as national

from socialwork_core.glossary import ServiceLevel, StationTier
from socialwork_core.ledger import RecordKind, load_ledger, write_ledger
from socialwork_core.plugins import Plugins

from .conftest import REGIONS, example_path


def test_a_regional_sheet_writes_its_own_header_and_still_reads_the_national_ones() -> None:
    sheet = national.regional_sheet(
        national.RECIPIENTS,
        sheet_names=("低边户台账",),
        headers={"categories": ("低边类型",)},
        labels={"categories": {"低边户": "near_subsistence"}},
    )
    column = next(c for c in sheet.columns if c.field == "categories")

    assert column.headers[0] == "低边类型"
    assert set(national.RECIPIENTS.columns[14].headers) < set(column.headers)
    assert column.label_map()["低边户"] == "near_subsistence"
    assert column.label_map()["低保对象"] == "subsistence_allowance"
    assert sheet.sheet_names[0] == "低边户台账"


def test_a_regional_sheet_refuses_a_field_the_sheet_does_not_have() -> None:
    with pytest.raises(KeyError, match="categorys"):
        national.regional_sheet(national.RECIPIENTS, headers={"categorys": ("类别",)})


@pytest.mark.parametrize("region", REGIONS)
def test_every_format_holds_every_record_kind_and_requires_the_register(
    plugins: Plugins, region: str
) -> None:
    (fmt,) = plugins.ledger_formats(adapter=region)

    assert {s.kind for s in fmt.sheets} == set(RecordKind)
    register = fmt.sheet_for(RecordKind.RECIPIENTS)
    assert register is not None and register.required


@pytest.mark.parametrize("region", ["guangdong", "henan", "anhui"])
def test_every_local_category_label_and_synonym_reads_as_its_code(
    plugins: Plugins, region: str
) -> None:
    (fmt,) = plugins.ledger_formats(adapter=region)
    register = fmt.sheet_for(RecordKind.RECIPIENTS)
    assert register is not None
    words = next(c for c in register.columns if c.field == "categories").label_map()

    for definition in plugins.extra_categories(adapter=region):
        for text in (definition.label, *definition.synonyms):
            assert words[text] == definition.code


def test_guangdong_accepts_guangzhou_follow_up_levels_one_to_six() -> None:
    column = next(c for c in guangdong.RECIPIENTS.columns if c.field == "declared_level")
    words = column.label_map()

    assert column.headers[0] == "跟进级别"
    assert words["一级跟进"] == ServiceLevel.LEVEL_1
    assert words["六级"] == ServiceLevel.LEVEL_6


def test_anhui_reads_attention_levels_and_village_rooms() -> None:
    level = next(c for c in anhui.RECIPIENTS.columns if c.field == "declared_level").label_map()
    tier = next(c for c in anhui.STATIONS.columns if c.field == "tier").label_map()

    assert [level[w] for w in ("重点关注", "定期关注", "一般关注")] == [
        ServiceLevel.LEVEL_1,
        ServiceLevel.LEVEL_2,
        ServiceLevel.LEVEL_3,
    ]
    assert tier["社工室"] == StationTier.VILLAGE_POINT


@pytest.mark.parametrize("region", REGIONS)
def test_a_ledger_written_in_a_format_reads_back_the_same(
    plugins: Plugins, region: str, tmp_path: Path
) -> None:
    (fmt,) = plugins.ledger_formats(adapter=region)
    first = load_ledger(example_path(region), fmt).ledger

    copy = write_ledger(tmp_path / "copy.xlsx", first, fmt)
    again = load_ledger(copy, fmt)

    assert again.errors == ()
    assert again.ledger.recipients == first.recipients
    assert again.ledger.contacts == first.contacts
    assert again.ledger.stations == first.stations
