"""The row rules: each is one definition, and the code generated from it says what its function
says; the one loop decides which rows are data and numbers them."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.tabular import ColumnSpec, TableSpec, read_table
from socialwork_core.tabular.rows import (
    BLANK,
    DERIVED_ID_SOURCE,
    NEVER_BLANK,
    NOTHING,
    ONE_WORD,
    CellRule,
    derived_id,
    first_filled,
    footer_of,
    is_blank,
    one_word,
)

from .conftest import build_xlsx

SPACES = st.text(alphabet=" \t\u3000\n", max_size=4)
CELLS = st.one_of(
    st.none(),
    SPACES,
    st.text(max_size=8),
    st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.just(time(8, 30)),
)


def generated(rule: CellRule) -> Any:
    """The rule as generated code applies it: its expression pasted into a function body."""
    namespace: dict[str, Any] = {}
    exec(f"def check(raw):\n    return {rule.expression('raw')}\n", namespace)
    return namespace["check"]


@given(CELLS)
def test_generated_code_and_the_rule_function_agree_on_every_cell(cell: Any) -> None:
    for rule in (BLANK, ONE_WORD):
        assert generated(rule)(cell) == rule.test(cell)


@given(st.one_of(CELLS, st.datetimes(), st.booleans(), st.decimals(allow_nan=False)))
def test_a_value_of_a_never_blank_class_is_never_blank(cell: Any) -> None:
    # the row loop takes such a first cell as filled without asking the rule
    if type(cell) in NEVER_BLANK:
        assert not is_blank(cell)
        assert first_filled([cell, None]) is cell


def test_a_blank_cell_is_none_or_spaces_only() -> None:
    assert is_blank(None) and is_blank("") and is_blank(" \u3000\n")
    assert not is_blank(0) and not is_blank(" 甲 ") and not is_blank(date(2023, 1, 1))


def test_a_short_word_of_ascii_letters_and_digits_is_one_value() -> None:
    assert one_word("A0012") and one_word("12")
    assert not one_word("A1、A2") and not one_word("甲") and not one_word(12)


@given(st.lists(CELLS, max_size=6))
def test_the_first_filled_cell_is_the_first_not_blank(cells: list[Any]) -> None:
    expected = next((c for c in cells if not is_blank(c)), NOTHING)
    assert first_filled(cells) is expected


def test_a_footer_starts_with_a_footer_word() -> None:
    assert footer_of(" 合计：12人") == "合计：12人"
    assert footer_of("填表人：") == "填表人："
    assert footer_of("合作社") is None and footer_of(12) is None


def test_a_derived_id_is_the_prefix_and_the_data_row_s_place() -> None:
    assert derived_id("contacts-", 12) == "contacts-12"
    assert eval(DERIVED_ID_SOURCE.format(prefix="'x-'", position="3")) == "x-3"


def test_the_one_loop_numbers_data_rows_only(tmp_path: Path) -> None:
    spec = TableSpec(
        columns=[
            ColumnSpec("name", ("姓名",), required=True),
            ColumnSpec("village", ("村居",)),
            ColumnSpec("phone", ("电话",)),
        ],
        section_field="village",
        section_pattern="村",
    )
    path = build_xlsx(
        tmp_path / "t.xlsx",
        {
            "名单": [
                ["姓名", "村居", "电话"],
                ["甲", "一村", "1"],
                [None, None, None],  # blank
                ["姓名", "村居", "电话"],  # the header repeated
                ["一、二村", None, None],  # a section heading, merged across the row
                ["乙", None, "2"],
                ["合计", None, None],  # a footer
            ]
        },
        {"名单": ["A5:C5"]},
    )
    with read_table(path, spec) as table:
        numbered = [(p, i, c[:2]) for p, i, c in table.numbered()]
        noted = sorted(i.code for i in table.issues)
    assert numbered == [(1, 1, ["甲", "一村"]), (2, 5, ["乙", "二村"])]
    assert "tabular.footer_row_skipped" in noted and "tabular.non_data_row_skipped" in noted


def test_the_reporting_way_s_generated_reading_shows_its_source(tmp_path: Path) -> None:
    import inspect

    spec = TableSpec(columns=[ColumnSpec("name", ("姓名",), required=True)])
    path = build_xlsx(tmp_path / "t.xlsx", {"名单": [["姓名"], ["甲"]]})
    with read_table(path, spec) as table:
        source = inspect.getsource(table._row)
        assert "名单" in (inspect.getsourcefile(table._row) or "")
        assert BLANK.expression("raw") in source  # the rule's own text, pasted
        assert [r.values for r in table] == [{"name": "甲"}]
