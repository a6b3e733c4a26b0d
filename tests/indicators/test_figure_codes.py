"""Figure codes are declared once; a label map or a figure naming another code fails, naming it."""

from __future__ import annotations

from datetime import date

import pytest
import socialwork_guangdong.reports as guangdong
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.glossary.indicators_text import INDICATOR_LABELS, FigureUnit
from socialwork_core.indicators import (
    FigureCode,
    FigureFamily,
    UnknownFigureCode,
    UnlabelledFigure,
    computed,
    figure_code_problem,
    figure_labels,
)
from socialwork_core.ledger import Ledger
from socialwork_core.periods import cumulative
from socialwork_core.reports import ReportSettings

AS_OF = date(2023, 6, 30)


def build_guangdong_cumulative() -> None:
    guangdong.CUMULATIVE.build(
        Ledger(),
        cumulative(date(2023, 1, 1), AS_OF),
        as_of=AS_OF,
        unit="某县民政局",
        settings=ReportSettings(townships_total=8),
    )


def test_a_misspelt_label_key_fails_naming_the_code_it_meant() -> None:
    with pytest.raises(UnknownFigureCode, match=r"'visits\.househlds'.*'visits\.households'"):
        figure_labels({"visits.total": "探访", "visits.househlds": "累计入户探访"})


def test_renaming_keys_of_guangdongs_cumulative_labels_fails_when_the_report_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    renamed = dict(guangdong.CUMULATIVE_LABELS)
    renamed["visits.household"] = renamed.pop("visits.households")
    renamed["cases.news"] = renamed.pop("cases.new")
    monkeypatch.setattr(guangdong, "CUMULATIVE_LABELS", renamed)

    with pytest.raises(UnknownFigureCode, match=r"visits\.household"):
        build_guangdong_cumulative()


def test_labels_that_miss_a_figure_the_table_shows_fail_naming_the_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fewer = {
        code: label for code, label in guangdong.CUMULATIVE_LABELS.items() if code != "cases.new"
    }
    monkeypatch.setattr(guangdong, "CUMULATIVE_LABELS", fewer)

    with pytest.raises(UnlabelledFigure, match=r"'cases\.new'"):
        build_guangdong_cumulative()


def test_the_built_in_labels_build_every_figure_under_the_forms_words() -> None:
    build_guangdong_cumulative()  # no error: every key known, every figure labelled


def test_a_figure_under_a_misspelt_core_code_fails_at_once() -> None:
    with pytest.raises(UnknownFigureCode, match=r"'visits\.total'"):
        computed("visits.totl", 3, FigureUnit.PERSON_TIMES, label="探访")
    with pytest.raises(UnknownFigureCode, match=r"'visits\.total'"):
        computed("vists.total", 3, FigureUnit.PERSON_TIMES, label="探访")


def test_family_figures_and_an_adapters_own_area_are_accepted() -> None:
    assert figure_code_problem("visits.group.subsistence") is None
    assert figure_code_problem("activities.kind.community_activity") is None
    assert figure_code_problem("sichuan.home_visits") is None
    assert computed("sichuan.home_visits", 3, FigureUnit.PERSON_TIMES, label="入户").value == 3


def test_every_code_is_declared_once_with_its_default_label() -> None:
    codes = [c.value for c in (*FigureCode, *FigureFamily)]
    assert len(codes) == len(set(codes))
    assert all(code.label for code in (*FigureCode, *FigureFamily))
    assert dict(INDICATOR_LABELS) == {c.value: c.label for c in (*FigureCode, *FigureFamily)}


@given(st.data())
def test_a_core_code_missing_one_letter_is_flagged(data: st.DataObject) -> None:
    code = data.draw(st.sampled_from([c.value for c in FigureCode]))
    at = data.draw(st.integers(0, len(code) - 1))
    misspelt = code[:at] + code[at + 1 :]
    if misspelt.endswith(".") or "." not in misspelt:
        return  # not a code's shape at all
    assert figure_code_problem(misspelt) is not None
