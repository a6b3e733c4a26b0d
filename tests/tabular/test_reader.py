"""Reading a table: header search, two-row headers, merged cells, footers, extras, streaming."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork_core.tabular import (
    ColumnSpec,
    TableSpec,
    WorkbookError,
    date_value,
    integer,
    open_workbook,
    read_table,
)

SPEC = TableSpec(
    columns=[
        ColumnSpec("name", ("姓名",), required=True),
        ColumnSpec("mobile", ("手机", "手机号码"), multi=True),
        ColumnSpec("village", ("村居", "村(居)")),
        ColumnSpec("born", ("出生日期",), coerce=date_value),
        ColumnSpec("age", ("年龄",), coerce=integer),
    ],
    sheet_names=("服务对象",),
)

MakeXlsx = Callable[..., Path]


def test_the_header_is_found_below_title_rows_and_rows_carry_excel_row_numbers(
    xlsx: MakeXlsx,
) -> None:
    path = xlsx(
        [["某镇服务对象台账"], ["填报单位：某镇"], ["姓名", "村居"], ["张三", "东村"]],
        merges=["A1:B1"],
    )
    with read_table(path, SPEC) as table:
        rows = list(table)
    assert table.layout.header_rows == (3,)
    assert [(r.number, r.values["name"], r.values["village"]) for r in rows] == [
        (4, "张三", "东村")
    ]


def test_a_two_row_header_matches_group_slash_sub_or_sub_alone(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["姓名", "联系方式", None, "村居"],
            [None, "手机", "座机", None],
            ["张三", "138", "0763", "东村"],
        ],
        merges=["A1:A2", "B1:C1", "D1:D2"],
    )
    with read_table(path, SPEC) as table:
        (row,) = list(table)
    assert table.layout.header_rows == (1, 2)
    assert row.values["mobile"] == ("138",)
    assert row.extras == {"联系方式/座机": "0763"}


def test_a_title_merged_across_the_whole_width_above_the_header_is_not_a_group_heading(
    xlsx: MakeXlsx,
) -> None:
    path = xlsx(
        [
            ["填报单位：七拱镇社工站", None, None, None],
            ["姓名", "手机", "村居", "备注"],
            ["张三", "138", "东村", "新建档"],
        ],
        merges=["A1:D1"],
    )
    with read_table(path, SPEC) as table:
        (row,) = list(table)
    assert table.layout.header_rows == (2,)
    assert row.extras == {"备注": "新建档"}


def test_headers_match_across_spaces_line_breaks_widths_and_required_marks(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [["姓 名＊", "出生\n日期", "村（居）"], ["甲", "2022-03-18", "东村"]], name="服务对象"
    )
    (row,) = list(read_table(path, SPEC))
    assert (row.values["name"], row.values["born"], row.values["village"]) == (
        "甲",
        date(2022, 3, 18),
        "东村",
    )


def test_a_merged_cell_gives_its_value_to_every_row_it_spans(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [["姓名", "村居"], ["甲", "东村"], ["乙", None], ["丙", None], ["丁", "西村"]],
        merges=["B2:B4"],
    )
    rows = list(read_table(path, SPEC))
    assert [r.values["village"] for r in rows] == ["东村", "东村", "东村", "西村"]


def test_blank_rows_are_skipped_and_footer_rows_reported_as_skipped(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["姓名", "村居"],
            ["甲", "东村"],
            [None, None],
            ["乙", "西村"],
            ["合计", 2],
            ["填表人：王五", None],
            ["审 核 人：赵六"],
        ]
    )
    table = read_table(path, SPEC)
    rows = list(table)
    assert [r.number for r in rows] == [2, 4]
    skipped = [(i.code, i.row, i.severity.value) for i in table.issues if i.row and i.row > 1]
    assert skipped == [
        ("tabular.footer_row_skipped", 5, "info"),
        ("tabular.footer_row_skipped", 6, "info"),
        ("tabular.footer_row_skipped", 7, "info"),
    ]


def test_unknown_columns_are_kept_as_extras_and_announced_once(xlsx: MakeXlsx) -> None:
    path = xlsx([["姓名", "微信号", "村居", "爱好"], ["甲", "wx1", "东村", None]], name="服务对象")
    table = read_table(path, SPEC)
    (row,) = list(table)
    assert row.extras == {"微信号": "wx1"}
    assert row.raw == {"姓名": "甲", "微信号": "wx1", "村居": "东村", "爱好": ""}
    assert [i.code for i in table.issues] == ["tabular.extra_columns_kept"]


def test_each_bad_cell_is_one_issue_naming_sheet_row_column_header_and_raw_value(
    xlsx: MakeXlsx,
) -> None:
    path = xlsx([["姓名", "出生日期", "年龄"], [None, "去年", "七十"]], name="台账")
    (row,) = list(read_table(path, SPEC))
    placed = [(i.sheet, i.row, i.column, i.header, i.raw, i.code) for i in row.issues]
    assert placed == [
        ("台账", 2, "A", "姓名", "", "tabular.required_value_missing"),
        ("台账", 2, "B", "出生日期", "去年", "tabular.date_invalid"),
        ("台账", 2, "C", "年龄", "七十", "tabular.integer_invalid"),
    ]
    assert row.rejected
    assert all(i.message for i in row.issues)


def test_a_formula_without_a_cached_value_is_a_warning_and_reads_as_empty(xlsx: MakeXlsx) -> None:
    path = xlsx([["姓名", "年龄"], ["甲", "=70+1"]])  # openpyxl saves formulas with no value
    (row,) = list(read_table(path, SPEC))
    assert row.values["age"] is None
    assert [(i.code, i.column, i.severity.value) for i in row.issues] == [
        ("tabular.formula_without_value", "B", "warning")
    ]


@pytest.mark.parametrize("shown", ["#N/A", "#VALUE!", "#DIV/0!"])
def test_an_excel_error_value_is_a_warning_at_its_cell_and_reads_as_empty(
    xlsx: MakeXlsx, shown: str
) -> None:
    path = xlsx([["姓名", "村居", "年龄"], ["甲", shown, 70]])  # openpyxl writes t="e"
    (row,) = list(read_table(path, SPEC))
    assert (row.values["name"], row.values["village"], row.values["age"]) == ("甲", None, 70)
    assert [(i.code, i.column, i.raw, i.severity.value) for i in row.issues] == [
        ("tabular.error_value", "B", shown, "warning")
    ]
    assert shown in row.issues[0].message


def test_a_failed_formula_s_error_value_is_flagged_as_one_pasted_as_a_value(
    xlsx: MakeXlsx, tmp_path: Path, zip_rewriter: Callable[..., Path]
) -> None:
    bare = xlsx([["姓名", "年龄"], ["甲", "=VLOOKUP(A2,选项!A:B,2,0)"]])

    def failed(name: str, data: bytes) -> bytes:
        if "worksheets" not in name:
            return data
        return data.replace(b'<c r="B2">', b'<c r="B2" t="e">').replace(b"<v />", b"<v>#N/A</v>")

    path = zip_rewriter(bare, tmp_path / "failed.xlsx", failed)
    (row,) = list(read_table(path, SPEC))
    assert row.values["age"] is None
    assert [(i.code, i.column, i.raw) for i in row.issues] == [("tabular.error_value", "B", "#N/A")]


def test_an_excel_error_value_saved_into_a_csv_is_flagged_the_same(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("姓名,村居,年龄\n甲,#N/A,70\n乙,#REF!讲究,71\n", encoding="utf-8")
    first, second = list(read_table(path, SPEC))
    assert first.values["village"] is None
    assert [(i.code, i.row, i.column, i.raw) for i in first.issues] == [
        ("tabular.error_value", 2, "B", "#N/A")
    ]
    # text that only starts like one is text
    assert (second.values["village"], second.issues) == ("#REF!讲究", ())


def test_a_semicolon_csv_stays_one_when_a_quoted_cell_holds_commas(tmp_path: Path) -> None:
    # csv.Sniffer trusts a quoted field first: this one made it read the file by commas
    path = tmp_path / "ledger.csv"
    rows = ["花名册;;", "姓名;村居;年龄", *(f"甲{i};东村;7{i}" for i in range(8))]
    rows.insert(5, '乙;"=IF(D5="""","""",D5)";70')
    path.write_text("\r\n".join(rows) + "\r\n", encoding="gb18030")
    read = {r.values["name"]: r.values["village"] for r in read_table(path, SPEC)}
    assert len(read) == 9
    assert (read["甲2"], read["乙"]) == ("东村", '=IF(D5="","",D5)')


def test_a_formula_with_a_cached_value_reads_the_value(
    xlsx: MakeXlsx, tmp_path: Path, zip_rewriter: Callable[..., Path]
) -> None:
    bare = xlsx([["姓名", "年龄"], ["甲", "=70+1"]])

    def cache(name: str, data: bytes) -> bytes:
        return data.replace(b"<v />", b"<v>71</v>") if "worksheets" in name else data

    path = zip_rewriter(bare, tmp_path / "cached.xlsx", cache)
    (row,) = list(read_table(path, SPEC))
    assert (row.values["age"], row.issues) == (71, ())


def test_the_sheet_is_found_by_its_headers_when_its_name_differs(xlsx: MakeXlsx) -> None:
    path = xlsx([["姓名", "村居"], ["甲", "东村"]], name="2022年3月台账")
    table = read_table(path, SPEC)
    assert table.sheet == "2022年3月台账"
    assert [i.code for i in table.issues] == ["tabular.sheet_found_by_headers"]
    assert [r.values["name"] for r in table] == ["甲"]


def test_a_required_column_missing_names_the_headers_found_instead(xlsx: MakeXlsx) -> None:
    path = xlsx([["名字", "村居"], ["甲", "东村"]], name="服务对象")
    with pytest.raises(WorkbookError) as error:
        read_table(path, SPEC)
    assert error.value.code == "tabular.required_columns_missing"
    assert "名字" in error.value.message and "姓名" in error.value.message


def test_no_header_in_the_named_sheet_is_a_coded_error(xlsx: MakeXlsx) -> None:
    path = xlsx([["说明"], ["甲"]], name="服务对象")
    with pytest.raises(WorkbookError) as error:
        read_table(path, SPEC)
    assert error.value.code == "tabular.header_not_found"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_is_read_in_utf8_with_or_without_bom_and_in_gbk(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("姓名,村居,出生日期\n张三,东村,2022年3月18日\n", encoding=encoding)
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(codecs.BOM_UTF8)
    (row,) = list(read_table(path, SPEC))
    assert (row.values["name"], row.values["village"], row.values["born"]) == (
        "张三",
        "东村",
        date(2022, 3, 18),
    )


@pytest.mark.parametrize("suffix", [".txt", ".csv"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_excels_unicode_text_is_read_as_a_csv(tmp_path: Path, encoding: str, suffix: str) -> None:
    """Excel's “Unicode 文本 (*.txt)”: UTF-16 behind its byte-order mark, tab-separated."""
    path = tmp_path / f"ledger{suffix}"
    mark = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    text = "姓名\t村居\t出生日期\r\n张三\t东村\t2022年3月18日\r\n"
    path.write_bytes(mark + text.encode(encoding))
    (row,) = list(read_table(path, SPEC))
    assert (row.values["name"], row.values["village"], row.values["born"]) == (
        "张三",
        "东村",
        date(2022, 3, 18),
    )


def test_a_csv_in_no_known_encoding_is_a_coded_error(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x30\xff\x80")
    with pytest.raises(WorkbookError) as error:
        open_workbook(path)
    assert error.value.code == "tabular.csv_undecodable"


def test_an_open_workbook_can_give_several_tables(
    workbook_of: Callable[..., Path], tmp_path: Path
) -> None:
    path = workbook_of(
        tmp_path / "two.xlsx",
        {"服务对象": [["姓名"], ["甲"]], "其他": [["年龄", "姓名"], [3, "乙"]]},
    )
    with open_workbook(path) as workbook:
        first = [r.values["name"] for r in read_table(workbook, SPEC)]
        second = [r.values["age"] for r in read_table(workbook, SPEC, sheet="其他")]
    assert (first, second) == (["甲"], [3])


def ods_text(value: str, extra: str = "") -> str:
    cell = f'<table:table-cell office:value-type="string"{extra}>'
    return f"{cell}<text:p>{value}</text:p></table:table-cell>"


def test_ods_merged_cells_and_formulas_without_value_are_read_from_content_xml(
    ods: Callable[[str, str], Path],
) -> None:
    """calamine gives no merged ranges for .ods: the reader takes them from content.xml."""
    spanned = ' table:number-rows-spanned="2"'
    header = ods_text("姓名") + ods_text("年龄") + ods_text("村居")
    formula = '<table:table-cell table:formula="of:=1+2"/>'
    seven = '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p>'
    rows = (
        f"<table:table-row>{header}</table:table-row>"
        f"<table:table-row>{ods_text('甲')}{formula}{ods_text('东村', spanned)}</table:table-row>"
        f"<table:table-row>{ods_text('乙')}{seven}</table:table-cell>"
        "<table:covered-table-cell/></table:table-row>"
    )
    rows_read = list(read_table(ods("服务对象", rows), SPEC))
    assert [(r.number, r.values["age"], r.values["village"]) for r in rows_read] == [
        (2, None, "东村"),
        (3, 7, "东村"),
    ]
    assert [(i.column, i.code) for i in rows_read[0].issues] == [
        ("B", "tabular.formula_without_value")
    ]


@settings(max_examples=25, deadline=None)
@given(
    titles=st.integers(min_value=0, max_value=6),
    order=st.permutations(["姓名", "村居", "年龄", "微信号"]),
    people=st.lists(
        st.tuples(
            st.sampled_from("甲乙丙丁"), st.sampled_from(["东村", "西村"]), st.integers(0, 99)
        ),
        min_size=1,
        max_size=5,
    ),
)
def test_the_header_is_found_whatever_the_title_rows_and_column_order(
    titles: int, order: list[str], people: list[tuple[str, str, int]]
) -> None:
    import tempfile

    import openpyxl

    by_header = {"姓名": 0, "村居": 1, "年龄": 2}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "服务对象"
    for i in range(titles):
        sheet.append([f"标题行{i}"])
    sheet.append(order)
    for person in people:
        sheet.append([person[by_header[h]] if h in by_header else "x" for h in order])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.xlsx"
        book.save(path)
        table = read_table(path, SPEC)
        rows = list(table)
    assert table.layout.header_rows == (titles + 1,)
    assert [(r.values["name"], r.values["village"], r.values["age"]) for r in rows] == people
    assert all(r.extras == {"微信号": "x"} for r in rows)
