"""Every adapter's ledgers read modes, categories, levels and sex by their words, not only the
words its own format lists: 微信视频 is a video call in Henan's and Anhui's ledgers too."""

from __future__ import annotations

from itertools import cycle
from pathlib import Path

import openpyxl
import pytest

from socialwork_core.findings import FindingError
from socialwork_core.glossary import Category, ContactMode, ServiceLevel, Sex
from socialwork_core.glossary.meaning import LevelScale
from socialwork_core.ledger import FieldColumn, RecordKind, ValueType
from socialwork_core.ledger.columns import coercer_for
from socialwork_core.plugins import Plugins
from socialwork_core.tabular import exact_labels

from .conftest import REGIONS, example_path

_BY_MEANING = {
    ContactMode: [("微信视频", "video"), ("入户走访", "home_visit"), ("电话回访", "phone")],
    Category: [("城乡低保", "subsistence_allowance"), ("五保户", "extreme_poverty")],
    ServiceLevel: [("1级", "level_1"), ("A类", "level_1"), ("红", "level_1"), ("绿色", "level_3")],
    Sex: [("男性", "male"), ("女性", "female")],
}


def _label_columns(plugins: Plugins, region: str) -> list[FieldColumn]:
    (fmt,) = plugins.ledger_formats(adapter=region)
    return [
        c
        for sheet in fmt.sheets
        for c in sheet.columns
        if c.type is ValueType.LABEL and c.enum in _BY_MEANING
    ]


@pytest.mark.parametrize("region", REGIONS)
def test_every_formats_mode_category_level_and_sex_columns_read_words_by_meaning(
    plugins: Plugins, region: str
) -> None:
    columns = _label_columns(plugins, region)
    assert {c.enum for c in columns} == set(_BY_MEANING)
    for column in columns:
        coerce = coercer_for(column)
        for word, code in _BY_MEANING[column.enum]:  # type: ignore[index]
            if word not in column.label_map():  # a format's own label for it wins
                assert coerce(word) == code, (region, column.field, word)


@pytest.mark.parametrize("region", REGIONS)
def test_the_exact_labels_stay_the_fast_lookup_and_win_over_meaning(
    plugins: Plugins, region: str
) -> None:
    for column in _label_columns(plugins, region):
        exact = exact_labels(coercer_for(column))
        assert exact is not None
        for text, code in column.label_map().items():
            assert exact[text] == code


@pytest.mark.parametrize("region", REGIONS)
def test_a_word_no_reading_knows_is_still_the_unrecognised_label_finding(
    plugins: Plugins, region: str
) -> None:
    for column in _label_columns(plugins, region):
        with pytest.raises(FindingError) as error:
            coercer_for(column)("随便写写")
        assert error.value.codes == ("tabular.label_unrecognised",)


def test_an_adapters_own_scale_replaces_the_national_reading() -> None:
    frequency = LevelScale.in_order("探访频次", ["每半月一次", "每月一次", "每季度一次"])
    column = FieldColumn(
        "declared_level", ("探访频次",), ValueType.LABEL, enum=ServiceLevel, meaning=frequency
    )
    coerce = coercer_for(column)

    assert coerce("每月1次") == "level_2"
    assert coerce("二级") == "level_2"  # the enum's own label is still a label
    with pytest.raises(FindingError):
        coerce("红")  # the national words are not this scale's


def test_a_regional_sheet_names_its_own_meaning_per_field() -> None:
    import socialwork_national.formats as national

    frequency = LevelScale.in_order("探访频次", ["每周", "每月"])
    sheet = national.regional_sheet(national.RECIPIENTS, meanings={"declared_level": frequency})
    column = next(c for c in sheet.columns if c.field == "declared_level")

    assert column.word_meaning() is frequency
    with pytest.raises(KeyError, match="levels"):
        national.regional_sheet(national.RECIPIENTS, meanings={"levels": frequency})


def _rewrite(
    source: Path, target: Path, sheet_title: str, headers: set[str], words: list[str]
) -> list[str]:
    """The example workbook with every value under ``headers`` in the sheet replaced in turn by
    ``words``; gives the words written, row by row."""
    book = openpyxl.load_workbook(source)
    sheet = book[sheet_title]
    supply = cycle(words)
    written: list[str] = []
    column = None
    for row in sheet.iter_rows():
        if column is None:
            column = next((c.column for c in row if c.value in headers), None)
            continue
        cell = row[column - 1]
        if cell.value not in (None, ""):
            cell.value = next(supply)
            written.append(cell.value)
    book.save(target)
    return written


@pytest.mark.parametrize("region", REGIONS)
def test_a_ledgers_visits_are_read_with_modes_written_as_people_write_them(
    plugins: Plugins, region: str, tmp_path: Path
) -> None:
    (fmt,) = plugins.ledger_formats_for_region(region)
    visits = fmt.sheet_for(RecordKind.CONTACTS)
    assert visits is not None
    mode = next(c for c in visits.columns if c.field == "mode")
    book = openpyxl.load_workbook(example_path(region), read_only=True)
    title = next(t for t in book.sheetnames if t in visits.sheet_names)
    book.close()
    words = ["微信视频", "入户走访", "电话回访", "实地走访", "QQ"]
    target = tmp_path / "ledger.xlsx"

    written = _rewrite(example_path(region), target, title, set(mode.headers), words)
    result = plugins.load_ledger(target, fmt)

    assert written, "the example has visits"
    assert not [i for i in result.issues if i.finding.code == "tabular.label_unrecognised"]
    expected = {"微信视频": "video", "入户走访": "home_visit", "电话回访": "phone"}
    expected |= {"实地走访": "home_visit", "QQ": "instant_message"}
    modes = sorted(c.mode.value for c in result.ledger.contacts)
    assert modes == sorted(expected[w] for w in written)
