"""The blank ledger template: every sheet of a format under the headers write_ledger writes,
drop-down lists of the accepted words, text-formatted ID and phone columns, a 填表说明 sheet, and
a file that reads back as an empty ledger (and, filled in, as the records typed into it)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from socialwork_core.glossary import template_text
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LedgerFormat, ValueType, load_ledger, write_template
from socialwork_core.ledger.template import accepted_words
from socialwork_core.plugins import Plugins, load_plugins

BUILT_IN = ("national", "guangdong", "henan", "anhui")


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return load_plugins()


def built_in_format(plugins: Plugins, adapter: str) -> LedgerFormat:
    return plugins.ledger_formats(adapter=adapter)[0]


def header_row(sheet: Worksheet) -> list[str]:
    return [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]


def drop_down_words(book: openpyxl.Workbook, sheet: Worksheet, letter: str) -> list[str] | None:
    """The words of the list validation covering ``letter``2, read from the range it names."""
    for validation in sheet.data_validations.dataValidation:
        if f"{letter}2:" in str(validation.sqref):
            source, cells = validation.formula1.split("!")
            first, last = (int(part.split("$")[-1]) for part in cells.split(":"))
            column = cells.split("$")[1]
            options = book[source.strip("'")]
            return [options[f"{column}{row}"].value for row in range(first, last + 1)]
    return None


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_every_sheet_of_the_format_is_written_with_the_headers_write_ledger_writes(
    adapter: str, plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, adapter)
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", fmt))
    for sheet in fmt.sheets:
        written = book[sheet.sheet_names[0]]
        assert header_row(written) == [c.header for c in sheet.columns]
        assert written.max_row == 1
    assert book.sheetnames[: len(fmt.sheets) + 1] == [
        *(s.sheet_names[0] for s in fmt.sheets),
        template_text.INSTRUCTIONS_SHEET,
    ]
    assert book[template_text.OPTIONS_SHEET].sheet_state == "hidden"


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_coded_columns_offer_their_accepted_words_and_only_they_are_lists(
    adapter: str, plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, adapter)
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", fmt))
    for sheet in fmt.sheets:
        written = book[sheet.sheet_names[0]]
        for index, column in enumerate(sheet.columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            offered = drop_down_words(book, written, letter)
            if column.type in (ValueType.LABEL, ValueType.YES_NO, ValueType.DISABILITY):
                assert offered == list(accepted_words(column)), (sheet.kind, column.header)
                assert offered and set(offered) >= {
                    column.label_of(code) for code in column.label_map().values()
                }
            else:
                assert offered is None, (sheet.kind, column.header)


def test_a_column_of_several_words_takes_any_text_and_a_single_word_column_only_its_list(
    plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, "national")
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", fmt))
    register = fmt.sheets[0]
    strict = {
        str(v.sqref).split(":")[0]: v.showErrorMessage
        for v in book[register.sheet_names[0]].data_validations.dataValidation
    }
    for index, column in enumerate(register.columns, start=1):
        cell = f"{openpyxl.utils.get_column_letter(index)}2"
        if cell in strict:
            assert strict[cell] is (not column.multi), column.header


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_id_and_phone_columns_are_formatted_as_text(
    adapter: str, plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, adapter)
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", fmt))
    register = fmt.sheets[0]
    written = book[register.sheet_names[0]]
    for index, column in enumerate(register.columns, start=1):
        if column.type in (ValueType.RESIDENT_ID, ValueType.PHONES) or column.field == "key":
            letter = openpyxl.utils.get_column_letter(index)
            assert written.column_dimensions[letter].number_format == "@", column.header


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_the_instructions_explain_every_column_in_chinese(
    adapter: str, plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, adapter)
    book = openpyxl.load_workbook(write_template(tmp_path / "空白台账.xlsx", fmt))
    rows = [[c.value for c in row] for row in book[template_text.INSTRUCTIONS_SHEET].iter_rows()]
    start = rows.index(list(template_text.INSTRUCTIONS_HEADINGS))
    explained = {
        (r[0].removesuffix(template_text.REQUIRED_SHEET), r[1]): r for r in rows[start + 1 :]
    }
    for sheet in fmt.sheets:
        for column in sheet.columns:
            row = explained[(sheet.sheet_names[0], column.header)]
            assert row[2] and template_text.TYPE_HINTS[column.type.value] in row[2]
            assert row[3] == (template_text.REQUIRED if column.required else template_text.OPTIONAL)
            assert (row[4] or "") == "、".join(accepted_words(column))
            assert (row[5] or "") == "、".join(column.headers[1:])
    assert len(explained) == sum(len(s.columns) for s in fmt.sheets)


@pytest.mark.parametrize("adapter", BUILT_IN)
def test_the_template_reads_back_as_an_empty_ledger_without_any_issue(
    adapter: str, plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, adapter)
    path = write_template(tmp_path / "空白台账.xlsx", fmt)
    result = load_ledger(path, fmt)
    assert result.issues == ()
    assert result.ledger.recipients == ()
    found = plugins.detect_workbook_format(path)
    assert found is not None and found.adapter == adapter


def test_a_filled_in_template_reads_back_as_the_rows_typed_into_it(
    plugins: Plugins, tmp_path: Path
) -> None:
    fmt = built_in_format(plugins, "national")
    path = write_template(tmp_path / "空白台账.xlsx", fmt)
    book = openpyxl.load_workbook(path)
    register = fmt.sheets[0]
    sheet = book[register.sheet_names[0]]
    number = resident_id.compose("330784", date(1950, 3, 1), 12)
    typed = {"key": "A001", "name": "张秀英", "resident_id": number, "categories": "低保对象"}
    for index, column in enumerate(register.columns, start=1):
        if column.field in typed:
            sheet.cell(2, index).value = typed[column.field]
    book.save(path)
    result = load_ledger(path, fmt)
    assert result.errors == ()
    (person,) = result.ledger.recipients
    assert (person.key, person.name, person.resident_id) == ("A001", "张秀英", number)
    assert person.categories == frozenset({"subsistence_allowance"})


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_the_template_opens_in_libreoffice(plugins: Plugins, tmp_path: Path) -> None:
    path = write_template(tmp_path / "template.xlsx", built_in_format(plugins, "guangdong"))
    done = subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "template.pdf"
    assert pdf.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")
