"""A header row of a system's field codes only (XM | XB | SFZHM | LXDH, the pinyin initials of
姓名 性别 身份证号码 联系电话): each code is read as the field whose accepted header it abbreviates,
and the reading is said as a finding naming the code and the column; a row with a header in words
is read by its words, and its codes are never tried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.tabular import ColumnSpec, TableSpec, read_table
from socialwork_core.tabular.headers import (
    HeaderColumn,
    _matcher,
    assign,
    field_words,
    pinyin_initials,
)

MakeXlsx = Callable[..., Path]

FIELDS = field_words(
    [
        ("name", ("姓名", "服务对象姓名"), False, 2.0),
        ("sex", ("性别",), False, 1.0),
        ("resident_id", ("身份证号", "身份证号码", "公民身份号码"), False, 1.0),
        ("phones", ("联系电话", "手机号"), True, 1.0),
        ("village", ("村居", "所在村"), False, 1.0),
        ("categories", ("对象类别", "人员类别"), True, 1.0),
        ("birth_date", ("出生日期",), False, 1.0),
    ]
)
CODES = {
    "name": "XM",
    "sex": "XB",
    "resident_id": "SFZHM",
    "phones": "LXDH",
    "village": "CJ",
    "categories": "RYLB",
    "birth_date": "CSRQ",
}
"""Each field's code as a system's export writes it: the initials of one of its headers."""


def row(*texts: str) -> list[HeaderColumn]:
    return [HeaderColumn(index, (text,)) for index, text in enumerate(texts)]


@given(
    st.lists(st.sampled_from(sorted(CODES)), min_size=3, max_size=len(CODES), unique=True),
    st.booleans(),
)
def test_every_code_is_read_as_the_field_whose_header_it_abbreviates(
    fields: list[str], lower: bool
) -> None:
    codes = [CODES[f].lower() if lower else CODES[f] for f in fields]
    chosen = assign(row(*codes), FIELDS).chosen
    assert {f: c.column for f, c in chosen.items()} == {f: i for i, f in enumerate(fields)}
    assert {c.how for c in chosen.values()} == {"initials"}


def test_a_code_that_abbreviates_no_header_is_left_unread() -> None:
    chosen = assign(row("XM", "XB", "ABCD", "SFZHM"), FIELDS).chosen
    assert {f: c.column for f, c in chosen.items()} == {"name": 0, "sex": 1, "resident_id": 3}


def test_codes_beside_a_header_in_words_are_not_read_as_initials() -> None:
    chosen = assign(row("姓名", "XB", "SFZHM", "LXDH"), FIELDS).chosen
    assert {f: c.how for f, c in chosen.items()} == {"name": "exact"}


def test_fewer_codes_than_a_system_writes_are_no_row_of_codes() -> None:
    assert not assign(row("XM", "XB"), FIELDS).chosen


def test_the_initials_are_made_only_when_a_row_of_codes_is_met() -> None:
    fields = field_words([("name", ("姓名",), False, 2.0), ("sex", ("性别",), False, 1.0)])
    assign(row("姓名", "性别", "备注"), fields)
    assign(row("张三", "男", "13800000000"), fields)
    assert _matcher(fields).initials is None
    assign(row("XM", "XB", "BZ"), fields)
    assert _matcher(fields).initials is not None


def test_a_character_read_two_ways_gives_both_initials() -> None:
    assert set(pinyin_initials("重点对象")) >= {"zddx"}
    assert pinyin_initials("身份证号码(18位)") == ("sfzhm",)


def test_a_sheet_headed_with_codes_is_read_and_each_code_said_at_its_column(
    xlsx: MakeXlsx,
) -> None:
    spec = TableSpec(
        columns=[
            ColumnSpec("name", ("姓名",), required=True),
            ColumnSpec("sex", ("性别",)),
            ColumnSpec("phones", ("联系电话",)),
        ]
    )
    path = xlsx(
        [
            ["XM", "XB", "LXDH", "BZ"],
            ["陈大明", "男", "13800000000", ""],
            ["李秀英", "女", "13800000001", "独居"],
        ]
    )
    with read_table(path, spec) as table:
        rows = list(table)
        said = [(i.row, i.column, i.finding.message) for i in table.issues]
    assert [(r.values["name"], r.values["sex"], r.values["phones"]) for r in rows] == [
        ("陈大明", "男", "13800000000"),
        ("李秀英", "女", "13800000001"),
    ]
    read_as = [(r, c, m) for r, c, m in said if "拼音首字母" in m]
    assert [(r, c) for r, c, _m in read_as] == [(1, "A"), (1, "B"), (1, "C")]
    assert ["“XM”" in m and "“姓名”" in m for _r, _c, m in read_as] == [True, False, False]
