"""The safe writer: no data text becomes a formula; IDs are text; money, dates and layout."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork_core.glossary.vocabulary import FOOTER_KEYWORDS
from socialwork_core.tabular import (
    CellKind,
    Column,
    ColumnSpec,
    FormFooter,
    Money,
    SheetSpec,
    TableSpec,
    TitleBlock,
    display_width,
    money,
    normalise_label,
    read_table,
    write_workbook,
)

FOOTERS = tuple(normalise_label(k) for k in FOOTER_KEYWORDS)


def is_footer(text: str) -> bool:
    """A cell the reader skips as a footer row by design (合计, 备注: …), not data to read back."""
    return normalise_label(text).startswith(FOOTERS)


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def inline_texts(xml: str) -> list[str]:
    return re.findall(r"<t(?: xml:space=\"preserve\")?>(.*?)</t>", xml, flags=re.S)


DANGEROUS = ["=SUM(A1:A9)", "+86 138", "-5", "@cmd", '=HYPERLINK("http://x")', "\tTAB"]


def test_data_text_starting_with_a_formula_character_is_never_a_formula(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "out.xlsx", [SheetSpec("S", [Column("备注")], [[t] for t in DANGEROUS])]
    )
    xml = sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml
    assert inline_texts(xml)[1:] == DANGEROUS
    sheet = openpyxl.load_workbook(path)["S"]
    assert [c.value for c in sheet["A"][1:]] == DANGEROUS
    assert all(c.data_type == "s" and c.quotePrefix for c in sheet["A"][1:])


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\ufffe\uffff"
            ),
            min_size=1,
        ).filter(lambda s: s.strip() == s and s and not is_footer(s)),
        min_size=1,
        max_size=8,
    )
)
def test_any_text_reads_back_unchanged(tmp_path: Path, texts: list[str]) -> None:
    path = write_workbook(
        tmp_path / "t.xlsx", [SheetSpec("S", [Column("备注")], [[t] for t in texts])]
    )
    spec = TableSpec([ColumnSpec("note", ("备注",))])
    assert [row.values["note"] for row in read_table(path, spec)] == texts
    assert "<f>" not in sheet_xml(path)


def test_ids_and_phones_are_text_with_text_format_money_and_dates_are_numbers(
    tmp_path: Path,
) -> None:
    path = write_workbook(
        tmp_path / "out.xlsx",
        [
            SheetSpec(
                "S",
                [
                    Column("身份证号", CellKind.ID),
                    Column("电话", CellKind.PHONE),
                    Column("金额", CellKind.MONEY),
                    Column("日期", CellKind.DATE),
                ],
                [["11010119900307123X", "13800138000", Decimal("1234.5"), date(2022, 3, 18)]],
            )
        ],
    )
    cells = openpyxl.load_workbook(path)["S"][2]
    assert [(c.value, c.data_type, c.number_format) for c in cells] == [
        ("11010119900307123X", "s", "@"),
        ("13800138000", "s", "@"),
        (1234.5, "n", "#,##0.00"),
        (cells[3].value, "d", "yyyy-mm-dd"),
    ]
    assert cells[3].value.date() == date(2022, 3, 18)


def test_an_approximate_amount_is_written_so_that_it_reads_back_approximate(
    tmp_path: Path,
) -> None:
    value = Money(Decimal(20000), approximate=True)
    path = write_workbook(
        tmp_path / "o.xlsx", [SheetSpec("S", [Column("金额", CellKind.MONEY)], [[value]])]
    )
    (row,) = read_table(path, TableSpec([ColumnSpec("amount", ("金额",), coerce=money)]))
    assert row.values["amount"] == value


def test_a_form_has_title_block_styled_frozen_header_a4_print_titles_and_footer(
    tmp_path: Path,
) -> None:
    path = write_workbook(
        tmp_path / "form.xlsx",
        [
            SheetSpec(
                "月报",
                [Column("镇街"), Column("探访人次", CellKind.INTEGER)],
                [["城关镇", 12], ["东山镇", 8]],
                title=TitleBlock("社工站服务月报", reporting_unit="某县民政局", period="2022年3月"),
                footer=FormFooter(preparer="王五", reviewer="赵六", filled_on=date(2022, 4, 2)),
            )
        ],
    )
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["月报"]
    assert sheet["A1"].value == "社工站服务月报"
    assert "某县民政局" in sheet["A2"].value and "2022年3月" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == ["镇街", "探访人次"]
    assert sheet["A3"].font.bold
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$3:$3"
    assert int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["A7"].value.startswith("填表人：王五") and "2022年4月2日" in sheet["A7"].value
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:B1", "A2:B2", "A7:B7"}
    # the reader finds the table under the title and skips the footer
    rows = list(read_table(path, TableSpec([ColumnSpec("town", ("镇街",))])))
    assert [r.values["town"] for r in rows] == ["城关镇", "东山镇"]


def test_column_widths_count_chinese_characters_double(tmp_path: Path) -> None:
    assert display_width("城关镇") == 6 and display_width("abc") == 3
    path = write_workbook(
        tmp_path / "w.xlsx",
        [SheetSpec("S", [Column("a"), Column("b")], [["广东省云浮市云城区城关镇东山村", "x"]])],
    )
    sheet = openpyxl.load_workbook(path)["S"]
    assert sheet.column_dimensions["A"].width == 32
    assert sheet.column_dimensions["B"].width == 6


def test_rows_may_come_from_a_generator(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "g.xlsx",
        [SheetSpec("S", [Column("n", CellKind.INTEGER)], ([i] for i in range(1000)))],
    )
    assert sum(1 for _ in read_table(path, TableSpec([ColumnSpec("n", ("n",))]))) == 1000
