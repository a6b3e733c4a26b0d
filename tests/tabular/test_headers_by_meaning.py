"""Headers by meaning (issue #11 point 1): normalised, matched by synonym then by score, every
choice explained, ties not guessed, competing columns settled with the loser kept and named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork_core.findings import Finding, FindingError
from socialwork_core.glossary.terms import Severity
from socialwork_core.tabular import ColumnSpec, TableSpec, date_value, read_table
from socialwork_core.tabular.headers import (
    HeaderColumn,
    assign,
    field_words,
    normalise_header,
    text_score,
)

MakeXlsx = Callable[..., Path]


def one_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def id_cell(raw: object) -> str:
    """An ID-shaped cell (the real coercer lives in the ledger layer)."""
    text = str(raw)
    if len(text) != 18 or not text[:17].isdigit():
        unknown = Finding.of("tabular.label_unrecognised", Severity.ERROR, value=text, known="")
        raise FindingError([unknown])
    return text


SPEC = TableSpec(
    columns=[
        ColumnSpec("name", ("姓名",), required=True),
        ColumnSpec("sex", ("性别",)),
        ColumnSpec("resident_id", ("身份证号", "身份证号码", "公民身份号码"), coerce=id_cell),
        ColumnSpec("village", ("村居", "村（社区）", "所在村")),
        ColumnSpec("phones", ("联系电话", "电话", "手机号")),
        ColumnSpec("age", ("年龄",)),
        ColumnSpec("next_visit", ("下次探访日期",), coerce=date_value),
        ColumnSpec("categories", ("对象类别", "类别"), multi=True),
    ],
)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("性  别", "性别"),
        ("身份证号码\n（18位）", "身份证号码(18位)"),
        ("证件号码＊", "证件号码"),
        ("＊姓 名：", "姓名"),
        ("所属村(居)", "所属村(居)"),
        ("所属村（居）", "所属村(居)"),
    ],
)
def test_a_header_is_compared_without_spaces_marks_or_width(written: str, normal: str) -> None:
    assert normalise_header(written) == normal


def test_a_bracketed_unit_and_a_required_mark_do_not_change_what_a_header_means() -> None:
    assert text_score(normalise_header("年龄（岁）"), "年龄") == (96.0, "brackets")
    assert text_score(normalise_header("身份证号码＊"), "身份证号码")[0] == 100.0


def test_a_qualifier_makes_another_thing_of_a_header() -> None:
    # 下次探访日期 is not the visit's date: far below a plain match
    plain, _ = text_score("探访日期", "日期")
    qualified, _ = text_score("下次探访日期", "日期")
    assert qualified < plain - 30


def test_columns_are_read_by_meaning_and_each_choice_is_explained(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["＊姓 名", "性  别", "证件号码＊", "所属村(居)", "手机号", "年龄（岁）"],
            ["张三", "男", "110101195001020119", "东村", "13800138000", "74"],
            ["李四", "女", "110101196001020124", "西村", "13900139000", "64"],
            ["王五", "男", "110101197001020111", "西村", "13700137000", "54"],
        ]
    )
    with read_table(path, SPEC) as table:
        rows = list(table)
    assert table.layout.fields == {
        "name": 0,
        "sex": 1,
        "resident_id": 2,
        "village": 3,
        "phones": 4,
        "age": 5,
    }
    assert rows[0].values["resident_id"] == "110101195001020119"
    reasons = {i.header: i.message for i in table.issues if i.code == "tabular.column_read_as"}
    # 证件号码 is like no accepted header enough alone: its values (ID numbers) settle it
    assert "证件号码＊" in reasons and "%的值符合" in reasons["证件号码＊"]
    assert "所属村(居)" in reasons and "年龄（岁）" in reasons


def test_two_columns_wanting_one_field_the_better_wins_and_the_other_is_kept_and_named(
    xlsx: MakeXlsx,
) -> None:
    path = xlsx(
        [
            ["姓名", "对象类别（2022年）", "对象类别", "下次探访日期"],
            ["张三", "低保", "特困", "2024-01-05"],
        ]
    )
    with read_table(path, SPEC) as table:
        (row,) = list(table)
    assert table.layout.fields["categories"] == 2  # the exact header wins
    assert row.values["categories"] == ("特困",)
    assert row.extras["对象类别（2022年）"] == "低保"
    duplicate = [i for i in table.issues if i.code == "tabular.duplicate_column"]
    assert [i.column for i in duplicate] == ["B"]
    assert "next_visit" in table.layout.fields  # its own field, never the visit's date


def test_a_column_two_fields_want_equally_is_not_guessed_and_its_candidates_are_named() -> None:
    words = field_words(
        [("phones", ("本人电话",), False, 1.0), ("guardian_phone", ("亲属电话",), False, 1.0)]
    )
    column = HeaderColumn(0, ("电话",))
    assignment = assign([column], words)
    assert assignment.chosen == {}
    ((index, header, candidates),) = assignment.undecided
    assert (index, header) == (0, "电话")
    assert {c.field for c in candidates} == {"phones", "guardian_phone"}


def test_a_group_heading_naming_a_person_takes_the_short_header_under_it(xlsx: MakeXlsx) -> None:
    spec = TableSpec(
        columns=[
            ColumnSpec("name", ("姓名",), required=True),
            ColumnSpec("guardian", ("监护人",)),
            ColumnSpec("guardian_phone", ("监护人电话", "监护人联系电话")),
        ]
    )
    path = xlsx(
        [
            ["姓名", "监护人情况", None],
            [None, "姓名", "联系电话"],
            ["小明", "张大", "13800138000"],
        ],
        merges=["A1:A2", "B1:C1"],
    )
    with read_table(path, spec) as table:
        (row,) = list(table)
    assert row.values == {"name": "小明", "guardian": "张大", "guardian_phone": "13800138000"}


SYNONYMS = {
    "name": ["姓名", "＊姓名", "姓  名", "姓名：", "姓\n名"],
    "village": ["村居", "村（社区）", "村(社区)", "所在村", "村 居"],
    "phones": ["联系电话", "电话", "手机号", "联系电话＊", "联 系 电 话"],
}


@settings(max_examples=25, deadline=None)
@given(
    name=st.sampled_from(SYNONYMS["name"]),
    village=st.sampled_from(SYNONYMS["village"]),
    phones=st.sampled_from(SYNONYMS["phones"]),
    order=st.permutations([0, 1, 2]),
)
def test_any_accepted_spelling_in_any_order_reads_the_same_values(
    tmp_path_factory: pytest.TempPathFactory, name: str, village: str, phones: str, order: list[int]
) -> None:
    headers = [name, village, phones]
    values = ["张三", "东村", "13800138000"]
    path = one_sheet(
        tmp_path_factory.mktemp("h") / "t.xlsx",
        [[headers[i] for i in order], [values[i] for i in order]],
    )
    with read_table(path, SPEC) as table:
        (row,) = list(table)
    assert (row.values["name"], row.values["village"], row.values["phones"]) == tuple(values)


VISIT_LOG = field_words(
    [
        ("on", ("探访日期", "走访日期", "服务日期", "探访时间"), False, 1.0),
        ("mode", ("探访方式", "走访方式", "服务方式"), False, 1.0),
        ("person", ("姓名", "服务对象"), False, 1.0),
        ("notes", ("探访内容", "走访内容"), False, 1.0),
    ]
)


def test_words_a_tables_headers_share_for_one_thing_are_set_aside() -> None:
    """探访, 走访 and 服务 start the headers of the same fields (日期, 方式): in this table they say
    the same thing, so 走访对象 reads as 服务对象 and 内容 as 探访内容, each choice explained."""
    columns = [HeaderColumn(i, (h,)) for i, h in enumerate(["时间", "走访对象", "方式", "内容"])]
    chosen = assign(columns, VISIT_LOG).chosen
    assert {f: (c.column, c.how) for f, c in chosen.items()} == {
        "on": (0, "context"),
        "person": (1, "context"),
        "mode": (2, "context"),
        "notes": (3, "context"),
    }


def test_words_that_tell_things_apart_are_not_set_aside() -> None:
    """对象类别 and 残疾类别 name two fields: 对象 and 残疾 are no synonyms, so a column headed
    对象类别 is the categories' alone, and 残疾类别's core 类别 gives it nothing."""
    register = field_words(
        [
            ("categories", ("对象类别", "人员类别", "对象类型", "人员类型"), True, 1.0),
            ("disability_kind", ("残疾类别", "残疾等级"), False, 1.0),
            ("name", ("姓名", "对象姓名", "人员姓名"), False, 1.0),
        ]
    )
    columns = [HeaderColumn(0, ("对象类别",)), HeaderColumn(1, ("残疾类别",))]
    assignment = assign(columns, register)
    assert {f: c.column for f, c in assignment.chosen.items()} == {
        "categories": 0,
        "disability_kind": 1,
    }
    assert not assignment.undecided
