"""The reader's shortcuts give what the general path gives: list splitting, labels, text, and
``Table.stream`` against iterating ``Row``\\ s."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import Finding, FindingError
from socialwork_core.glossary import vocabulary as words
from socialwork_core.glossary.terms import Severity
from socialwork_core.tabular import (
    Coerced,
    ColumnSpec,
    TableSpec,
    choice,
    date_value,
    integer,
    normalise_label,
    raw_text,
    read_table,
    split_values,
    text,
)

MakeXlsx = Callable[..., Path]


def reference_split(cell: str, separators: str = words.LIST_SEPARATORS) -> list[str]:
    pattern = "[" + re.escape(separators) + r"\s]+"
    return [p for p in re.split(pattern, unicodedata.normalize("NFKC", cell).strip()) if p]


@given(
    st.text(alphabet="aZ09 ,;、，Ａ１\u3000\t-_x", max_size=12),
    st.sampled_from([words.LIST_SEPARATORS, ",", "a", "/1", "x"]),
)
def test_splitting_a_cell_gives_what_normalising_and_splitting_give(
    cell: str, separators: str
) -> None:
    assert split_values(cell, separators) == reference_split(cell, separators)


def test_a_label_is_found_the_same_whether_typed_exactly_or_not() -> None:
    labels = {"低保": "subsistence", "低保 ": "other", "特困人员（分散）": "poverty", "x": "y"}
    coerce = choice(labels)
    lookup = {normalise_label(t): c for t, c in labels.items()}
    for code in labels.values():
        lookup.setdefault(normalise_label(code), code)
    for raw in [*labels, *labels.values(), "特困人员(分散)", " 低保", "Ｘ", 1, "none"]:
        expected = lookup.get(normalise_label(raw_text(raw)))
        if expected is None:
            try:
                coerce(raw)
            except FindingError:
                continue
            raise AssertionError(f"{raw!r} was accepted")
        assert coerce(raw) == expected


def test_text_is_the_cell_as_read_without_surrounding_spaces() -> None:
    assert text(" 张三 ") == "张三"
    assert text(13800138000.0) == "13800138000"
    assert text(date(2022, 3, 1)) == "2022-03-01"


def test_data_rows_and_their_parts_are_the_rows(xlsx: MakeXlsx) -> None:
    spec = TableSpec(
        columns=[
            ColumnSpec("name", ("姓名",), required=True),
            ColumnSpec("mobile", ("手机",), multi=True),
            ColumnSpec("born", ("出生日期",), coerce=date_value),
            ColumnSpec("age", ("年龄",), coerce=integer),
            ColumnSpec("missing", ("不在表中",)),
        ]
    )
    rows = [
        ["姓名", "手机", "出生日期", "年龄", "备注"],
        ["张三", "138、139", "2022-03-01", "12", "x"],
        [None, "1 2", "not a date", "1.5", None],
        ["王五", None, None, None, None, "beyond"],
        ["合计", None, None, None, None],
    ]
    path = xlsx(rows)
    with read_table(path, spec) as table:
        expected = list(table)
        expected_issues = list(table.issues)
    with read_table(path, spec) as table:
        streamed = [table.row_of(table.parts_of(i, cells)) for i, cells in table.data_rows()]
        assert table.issues == expected_issues
    with read_table(path, spec) as table:
        numbered = list(table.numbered())
        told_apart = [table.row_of(table.parts_of(i, cells)) for _p, i, cells in numbered]
        assert table.issues == expected_issues  # the 合计 row noted, as iterating notes it
    assert [p for p, _i, _c in numbered] == [1, 2, 3]  # data rows counted from 1
    assert streamed == told_apart == expected
    assert [r.raw for r in streamed] == [r.raw for r in expected]
    assert len(expected) == 3 and expected[1].issues and expected[2].extras


def test_a_one_word_list_cell_is_read_as_a_list_of_one(xlsx: MakeXlsx) -> None:
    def coerce(raw: object) -> object:
        if raw == "bad":
            raise FindingError(
                [Finding.of("tabular.label_unrecognised", Severity.ERROR, value="bad", known="")]
            )
        if raw == "warn":
            note = Finding.of("tabular.money_approximate", Severity.INFO, value="w", amount="1")
            return Coerced("warned", (note,))
        return f"<{raw}>"

    spec = TableSpec(
        columns=[ColumnSpec("name", ("姓名",)), ColumnSpec("codes", ("代码",), coerce, multi=True)]
    )
    rows = [["姓名", "代码"], ["a", "bad"], ["b", "warn"], ["c", "ok"], ["d", "bad、warn、ok"]]
    with read_table(xlsx(rows), spec) as table:
        got = [(r.values["codes"], [(i.code, i.raw) for i in r.issues]) for r in table]
    assert got == [
        ((), [("tabular.label_unrecognised", "bad")]),
        (("warned",), [("tabular.money_approximate", "warn")]),
        (("<ok>",), []),
        (
            ("warned", "<ok>"),
            [
                ("tabular.label_unrecognised", "bad、warn、ok"),
                ("tabular.money_approximate", "bad、warn、ok"),
            ],
        ),
    ]
