"""The loader's shortcuts change nothing: the same records, issues and refused rows as through the
converter's hooks for every record. ``load_ledger`` given a converter takes the general way; a
field whose hook is the library's own may still skip it (``ledger.same_hooks``), so the reference
is a converter with a text hook of its own (``through_hooks``), which sends every record through
its hooks, and the general way with a copy of the library's converter is compared too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import cattrs
import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import workbook

from socialwork_core.glossary import Category, ContactMode, ResourceKind, Sex
from socialwork_core.identity import resident_id
from socialwork_core.ledger import (
    FieldColumn,
    LedgerFormat,
    LoadResult,
    RecordKind,
    SheetFormat,
    ValueType,
    load_ledger,
    table_spec,
)
from socialwork_core.ledger.building import RecordBuilder
from socialwork_core.ledger.compiled import UNSURE, compile_rows
from socialwork_core.serialize import make_converter
from socialwork_core.tabular import open_workbook, read_table

ID_1 = resident_id.compose("110101", date(1950, 1, 2), 11)
ID_2 = resident_id.compose("110101", date(1960, 1, 2), 21)


def field_types(records: Sequence[Any]) -> list[type[Any]]:
    return [type(getattr(r, a.name)) for r in records for a in attrs.fields(type(r))]


def assert_same(fast: LoadResult, through_hooks: LoadResult) -> None:
    for kind in ("recipients", "contacts", "resource_links", "cases"):
        got, expected = getattr(fast.ledger, kind), getattr(through_hooks.ledger, kind)
        assert got == expected
        # repr too: a code where an enum member belongs would compare equal (StrEnum)
        assert repr(got) == repr(expected)
        assert field_types(got) == field_types(expected)
    assert fast.ledger.extras == through_hooks.ledger.extras
    assert fast.issues == through_hooks.issues
    assert [i.finding.params for i in fast.issues] == [
        i.finding.params for i in through_hooks.issues
    ]
    assert fast.rejected == through_hooks.rejected


def through_hooks() -> cattrs.Converter:
    """The library's converter with a text hook of its own that reads text as cattrs' does
    (``str(value)``): no field is the library's by construction, every record takes the hooks."""
    converter = make_converter()
    converter.register_structure_hook(str, lambda value, _type: str(value))
    return converter


def assert_same_every_way(fast: LoadResult, path: Path, fmt: LedgerFormat) -> None:
    """``fast`` (the library's converter) against the general way, through every hook and with
    a converter made as the library's is."""
    assert_same(fast, load_ledger(path, fmt, converter=through_hooks()))
    assert_same(fast, load_ledger(path, fmt, converter=make_converter()))


def test_the_acceptance_ledger_loads_the_same_with_and_without_the_shortcuts(
    acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    fast = load_ledger(acceptance_ledger, fmt)
    # the comparison covers records and flagged cells (the person is kept, the cell flagged)
    assert fast.ledger.recipients and any(not i.is_error for i in fast.issues if i.column)
    assert_same_every_way(fast, acceptance_ledger, fmt)


def test_refused_records_are_refused_in_the_same_words(tmp_path: Path) -> None:
    fmt = LedgerFormat(
        "mixed",
        [
            SheetFormat(
                "recipients",
                ("服务对象",),
                [
                    FieldColumn("key", ("档案号",)),
                    FieldColumn("name", ("姓名",), required=True),
                    FieldColumn("resident_id", ("身份证号",), ValueType.RESIDENT_ID),
                    FieldColumn("status_since", ("状态日期",), ValueType.DATE),
                    FieldColumn("registered_on", ("建档日期",), ValueType.DATE),
                    FieldColumn("needs", ("服务需求",), ValueType.DATE),
                ],
                required=True,
            ),
            SheetFormat(
                "contacts",
                ("探访记录",),
                [
                    FieldColumn("id", ("编号",)),
                    FieldColumn("on", ("探访日期",), ValueType.DATE, required=True),
                    FieldColumn("recipient_keys", ("档案号",), multi=True),
                    FieldColumn(
                        "mode",
                        ("探访方式",),
                        ValueType.LABEL,
                        enum=ContactMode,
                        labels={"上门": "not-a-mode"},
                    ),
                    FieldColumn("worker_ids", ("社工",)),
                ],
            ),
            SheetFormat(
                "cases",
                ("个案",),
                [
                    FieldColumn("id", ("个案编号",), required=True),
                    FieldColumn("recipient_keys", ("档案号",), required=True),
                    FieldColumn("opened_on", ("接案日期",), ValueType.DATE, required=True),
                    FieldColumn("closed_on", ("结案日期",), ValueType.DATE),
                    FieldColumn("problems", ("主要问题",)),
                ],
            ),
        ],
    )
    home = ContactMode.HOME_VISIT.label
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": [
                ["档案号", "姓名", "身份证号", "状态日期", "建档日期", "服务需求"],
                ["A1", "甲", ID_1, "2020-01-01", "2021-01-01", None],  # status before register
                ["A2", "乙", ID_2, None, "2021-01-01", "2022-05-06"],  # a date for a text field
                ["A3", " ", None, None, None, None],
                ["A4", "丁", f" {ID_2} ", None, None, None],  # repeated, spelled apart
            ],
            "探访记录": [
                ["编号", "探访日期", "档案号", "探访方式", "社工"],
                ["V1", "2022-03-01", "A2", home, "W1、W1"],  # a worker named twice
                ["V2", "2022-03-02", "A2", "上门", None],  # a code the enum refuses
                ["V1", "2022-03-03", "A2", home, "W2"],  # a repeated id
                ["V3", "2022-03-03", "A2、A2", home, "W2"],  # a person named twice
                [None, "2022-03-04", "A2", home, "W3"],
            ],
            "个案": [
                ["个案编号", "档案号", "接案日期", "结案日期", "主要问题"],
                ["G1", "A2", "2022-03-01", "2022-02-01", "就医困难"],
                ["G2", "A2", "2022-03-01", None, "家庭关系紧张、就医困难"],
            ],
        },
    )
    fast = load_ledger(path, fmt)
    assert fast.rejected and fast.ledger.cases
    assert_same_every_way(fast, path, fmt)


def test_checking_a_resident_id_twice_gives_the_same_answer() -> None:
    for value in (ID_1, f" {ID_1} ", ID_1[:-1] + "0", "110101500102111", 110101195001021110):
        first = resident_id.check(value)
        assert resident_id.check(value) == first
        assert resident_id.check(value, strict_area=True) == resident_id.check(
            value, strict_area=True
        )
    unknown_area = resident_id.compose("990101", date(1950, 1, 2), 11)
    assert resident_id.check(unknown_area).findings  # a warning, never remembered as clean
    assert resident_id.check(unknown_area, strict_area=True).number is None
    assert resident_id.check(unknown_area).number == unknown_area


# --- the rows compiled per sheet (ledger/compiled.py) ---------------------------------------------

MESSY_FORMAT = LedgerFormat(
    "messy",
    [
        SheetFormat(
            "recipients",
            ("服务对象",),
            [
                FieldColumn("key", ("档案号",)),
                FieldColumn("name", ("姓名",), required=True),
                FieldColumn("resident_id", ("身份证号",), ValueType.RESIDENT_ID),
                FieldColumn("sex", ("性别",), ValueType.LABEL, enum=Sex),
                FieldColumn("birth_date", ("出生日期",), ValueType.DATE),
                FieldColumn("phones", ("联系电话",), ValueType.PHONES),
                FieldColumn(
                    "categories", ("对象类别",), ValueType.LABEL, multi=True, enum=Category
                ),
                FieldColumn("village", ("村居",)),
            ],
            required=True,
        ),
        SheetFormat(
            "contacts",
            ("探访记录",),
            [
                FieldColumn("id", ("编号",)),
                FieldColumn("on", ("探访日期",), ValueType.DATE, required=True),
                FieldColumn("recipient_keys", ("档案号",), multi=True, required=True),
                FieldColumn("mode", ("探访方式",), ValueType.LABEL, enum=ContactMode),
                FieldColumn("worker_ids", ("社工",)),  # one-value text feeding several values
                FieldColumn("notes", ("探访情况",)),
            ],
        ),
        SheetFormat(
            "resource_links",
            ("资源链接",),
            [
                FieldColumn("id", ("编号",), required=True),
                FieldColumn("on", ("日期",), ValueType.DATE, required=True),
                FieldColumn("kind", ("类型",), ValueType.LABEL, enum=ResourceKind),
                FieldColumn("description", ("内容",), required=True),
                FieldColumn("quantity", ("数量",), ValueType.DECIMAL),
                FieldColumn("value_yuan", ("折合金额",), ValueType.MONEY),
                FieldColumn("head_count", ("人数",), ValueType.INTEGER),
                FieldColumn("recipient_keys", ("档案号",), multi=True),
            ],
        ),
    ],
)

NO_IDS_FORMAT = LedgerFormat(
    "messy, contacts without ids (their 编号 column kept as an extra)",
    [
        MESSY_FORMAT.sheets[0],
        SheetFormat(
            "contacts",
            ("探访记录",),
            [c for c in MESSY_FORMAT.sheets[1].columns if c.field != "id"],
        ),
        MESSY_FORMAT.sheets[2],
    ],
)

# cells as ledgers hold them: clean values, blanks, wrong types, unknown labels and people,
# separators, repeated people, numbers where text belongs
keys = st.sampled_from(["A1", "A2", "A3", "A9", "A1、A2", "A2，A2", " A3 ", 7, "", "  ", None])
anything = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "  是", "2022年3月18日", "2022/3/18", "x", "1.5"]),
    st.integers(min_value=-5, max_value=20220318),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.booleans(),
)
people_rows = st.lists(
    st.tuples(
        keys,
        st.sampled_from(["甲", "乙", " ", None, 3]) | anything,
        st.sampled_from([ID_1, ID_2, f" {ID_1}", ID_1[:-1] + "0", None]) | anything,
        st.sampled_from([*(s.label for s in Sex), "未知", None]) | anything,
        anything,
        st.sampled_from(["13800138000", "13800138000、13900139000", "0755-1234", None]) | anything,
        st.sampled_from(
            [
                Category.SUBSISTENCE_ALLOWANCE.label,
                "低保对象、特困人员",
                "孤儿,低保对象",
                "XX",
                None,
            ]
        )
        | anything,
        st.sampled_from(["一村", " 二村 ", None]) | anything,
    ),
    max_size=6,
)
visit_rows = st.lists(
    st.tuples(
        st.sampled_from(["V1", "V2", None]) | anything,
        anything | st.sampled_from(["2022-03-18", "20220318"]),
        keys,
        st.sampled_from([*(m.label for m in ContactMode), "上门", None]) | anything,
        st.sampled_from(["W1", "W1、W2", "W1、W1", None]) | anything,
        anything,
    ),
    max_size=8,
)


amounts = st.sampled_from(
    ["1,200", "2万余元", "约3000元", "1.50", "-3", "1e3", "x", 1e20, 12.5, 7, True, None]
)
link_rows = st.lists(
    st.tuples(
        st.sampled_from(["L1", "L2", None]),
        st.sampled_from([date(2022, 3, 18), "2022.3.18", None]) | anything,
        st.sampled_from([*(k.label for k in ResourceKind), "钱", None]),
        st.sampled_from(["米面油", " ", None]),
        amounts | anything,
        amounts,
        st.sampled_from([3, 2.0, 2.5, "4", "-1", None]) | anything,
        keys,
    ),
    max_size=5,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=people_rows,
    visits=visit_rows,
    links=link_rows,
    fmt=st.sampled_from([MESSY_FORMAT, NO_IDS_FORMAT]),
)
def test_generated_messy_ledgers_load_the_same_through_the_compiled_rows(
    tmp_path: Path,
    people: list[tuple[Any, ...]],
    visits: list[tuple[Any, ...]],
    links: list[tuple[Any, ...]],
    fmt: LedgerFormat,
) -> None:
    path = workbook(
        tmp_path / "messy.xlsx",
        {
            "服务对象": [
                ["档案号", "姓名", "身份证号", "性别", "出生日期", "联系电话", "对象类别", "村居"],
                *people,
            ],
            "探访记录": [["编号", "探访日期", "档案号", "探访方式", "社工", "探访情况"], *visits],
            "资源链接": [
                ["编号", "日期", "类型", "内容", "数量", "折合金额", "人数", "档案号"],
                *links,
            ],
        },
    )
    fast = load_ledger(path, fmt)
    assert_same_every_way(fast, path, fmt)


def test_clean_rows_take_the_compiled_function(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "clean.xlsx",
        {
            "服务对象": [
                ["档案号", "姓名", "身份证号", "对象类别"],
                ["A1", "甲", ID_1, "低保对象、孤儿"],
            ],
            "探访记录": [["探访日期", "档案号", "探访方式"], [date(2022, 3, 18), "A1", "电话"]],
        },
    )
    builder = RecordBuilder(make_converter(), library_converter=True)
    records = []
    with open_workbook(path) as book:
        for sheet in MESSY_FORMAT.sheets[:2]:
            table = read_table(book, table_spec(sheet))
            quick = compile_rows(builder, sheet.kind, table)
            assert quick is not None
            for position, (index, cells) in enumerate(table.data_rows(), start=1):
                record = quick(index, cells, position)
                assert record is not UNSURE
                records.append(record)
                if sheet.kind is RecordKind.RECIPIENTS:
                    builder.remember(record)
            builder.recipients_loaded = True
    general = load_ledger(path, MESSY_FORMAT, converter=through_hooks()).ledger
    assert records == [*general.recipients, *general.contacts]
    assert repr(records) == repr([*general.recipients, *general.contacts])


def test_a_caller_converter_or_a_formula_without_value_keeps_every_row_on_the_general_way(
    tmp_path: Path,
) -> None:
    plain = workbook(tmp_path / "plain.xlsx", {"服务对象": [["档案号", "姓名"], ["A1", "甲"]]})
    formula = workbook(  # openpyxl saves formulas without a value
        tmp_path / "formula.xlsx", {"服务对象": [["档案号", "姓名"], ["A1", "=B3"], ["A2", "乙"]]}
    )
    spec = table_spec(MESSY_FORMAT.sheets[0])
    own = RecordBuilder(make_converter(), library_converter=False)
    library = RecordBuilder(make_converter(), library_converter=True)
    with open_workbook(plain) as book:
        assert compile_rows(own, RecordKind.RECIPIENTS, read_table(book, spec)) is None
    with open_workbook(formula) as book:
        assert compile_rows(library, RecordKind.RECIPIENTS, read_table(book, spec)) is None


def test_amounts_on_clean_rows_come_out_as_the_converter_reads_them(tmp_path: Path) -> None:
    """A float cell of 1e20 is Decimal('1E+20') to the coercer; the converter reads money from
    its plain text, so the record holds 100000000000000000000 either way."""
    service = ResourceKind.SERVICE.label
    path = workbook(
        tmp_path / "links.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "甲"]],
            "资源链接": [
                ["编号", "日期", "类型", "内容", "数量", "折合金额", "人数", "档案号"],
                ["L1", date(2022, 3, 18), service, "米面油", 1e20, 1e20, 3, "A1"],
                ["L2", date(2022, 3, 18), service, "米面油", 12.5, "1,200.50元", 2.0, "A1"],
            ],
        },
    )
    fast = load_ledger(path, MESSY_FORMAT)
    assert [str(link.value_yuan) for link in fast.ledger.resource_links] == [
        "100000000000000000000",
        "1200.50",
    ]
    assert_same_every_way(fast, path, MESSY_FORMAT)


def test_blank_rows_footers_and_merges_among_contacts_read_the_same_both_ways(
    tmp_path: Path,
) -> None:
    phone = ContactMode.PHONE.label
    visits = [
        ["编号", "探访日期", "档案号", "探访方式", "社工", "探访情况"],
        [None, "2022-03-01", "A1", phone, "W1", "好"],
        [None, None, None, None, None, None],  # blank
        ["  ", " ", None, None, None, None],  # blank: only spaces
        [None, "2022-03-02", "A1", phone, None, None],  # the first cell empty, a data row
        ["备注：以上为三月", None, None, None, None, None],  # a footer among the rows
        [" V9", "2022-03-03", "A1", phone, None, None],  # text first, not a footer
        ["合计", None, 2, None, None, None],
        ["填表人：张三", None, None, None, None, None],
    ]
    people = [["档案号", "姓名"], ["A1", "甲"]]
    plain = workbook(tmp_path / "plain.xlsx", {"服务对象": people, "探访记录": visits})
    book = openpyxl.load_workbook(plain)
    book["探访记录"].merge_cells("D2:D5")  # a merged mode in the data: the general row stream
    merged = tmp_path / "merged.xlsx"
    book.save(merged)
    for path in (plain, merged):
        for fmt in (MESSY_FORMAT, NO_IDS_FORMAT):  # kept as the rows come, or checked for repeats
            fast = load_ledger(path, fmt)
            assert len(fast.ledger.contacts) == 3
            assert sum(i.code == "tabular.footer_row_skipped" for i in fast.issues) == 3
            assert_same_every_way(fast, path, fmt)
