"""Issue #4 acceptance: the test ledger loads with exactly the expected records, extras, issues.

Since the reader keeps the person and flags the cell (issue #11), the row whose ID number was
stored as a number is kept: its ID is left empty and the cell is a warning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from socialwork_core.glossary import Category, DisabilityGrade, DisabilityKind
from socialwork_core.ledger import LedgerFormat, LedgerLoadError, load_ledger
from socialwork_core.recipients import Disability

SHEET = "2022年3月台账"


def test_the_acceptance_ledger_gives_exactly_the_expected_records(
    acceptance_ledger: Path, fmt: LedgerFormat, acceptance_ids: dict[str, str]
) -> None:
    ledger = load_ledger(acceptance_ledger, fmt).ledger
    got = {
        r.key: (
            r.name,
            r.resident_id,
            r.birth_date,
            r.village,
            r.categories,
            r.disability,
            r.registered_on,
        )
        for r in ledger.recipients
    }
    march_18 = date(2022, 3, 18)
    assert got == {
        "A001": (
            "张三",
            acceptance_ids["A001"],
            date(1950, 1, 2),
            "东村",
            frozenset({Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY_DISPERSED}),
            Disability(DisabilityKind.PHYSICAL, DisabilityGrade.GRADE_2),
            march_18,
        ),
        "A002": (
            "李四",
            None,  # typed as a number: the digits Excel dropped are gone, so the cell is flagged
            date(1948, 5, 6),
            "东村",
            frozenset({Category.SUBSISTENCE_ALLOWANCE}),
            None,
            march_18,
        ),
        "A003": (
            "王五",
            acceptance_ids["A003"],
            date(1962, 7, 8),
            "东村",  # from the merged village cell E4:E6
            frozenset({Category.ELDERLY_LIVING_ALONE, Category.SUBSISTENCE_ALLOWANCE}),
            None,
            march_18,  # Excel serial number 44638
        ),
        "A004": (
            "赵六",
            acceptance_ids["A004"],
            date(1939, 12, 1),
            "西村",
            frozenset({Category.ADVANCED_AGE_ELDERLY}),
            Disability(DisabilityKind.VISUAL, DisabilityGrade.GRADE_1),
            march_18,  # "20220318"
        ),
        "A005": (
            "孙七",
            acceptance_ids["A005"],
            date(2010, 3, 4),  # the number 20100304
            "西村",
            frozenset({Category.CHILD_IN_DIFFICULTY}),
            None,
            march_18,  # a date cell
        ),
    }


def test_unknown_columns_are_kept_as_extras_on_the_recipient(
    acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    ledger = load_ledger(acceptance_ledger, fmt).ledger
    assert {r.key: dict(r.extras) for r in ledger.recipients} == {
        "A001": {"微信号": "wx_zhang"},
        "A002": {},
        "A003": {},
        "A004": {},
        "A005": {"微信号": "wx_sun"},
    }


def test_the_issues_name_sheet_row_column_and_code(
    acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    result = load_ledger(acceptance_ledger, fmt)
    placed = sorted(
        (i.sheet, i.row or 0, i.column or "", i.code, i.severity.value) for i in result.issues
    )
    assert placed == [
        ("", 0, "", "ledger.sheet_missing", "info"),  # no 探访记录 sheet
        ("", 0, "", "ledger.sheet_missing", "info"),  # no 资源链接 sheet
        (SHEET, 0, "", "tabular.sheet_found_by_headers", "info"),
        (SHEET, 2, "", "tabular.extra_columns_kept", "info"),
        (SHEET, 5, "C", "resident_id.stored_as_number", "warning"),
        (SHEET, 10, "", "tabular.footer_row_skipped", "info"),
        (SHEET, 11, "", "tabular.footer_row_skipped", "info"),
    ]
    stored = next(i for i in result.issues if i.code == "resident_id.stored_as_number")
    assert stored.header == "身份证号"
    assert stored.raw.startswith("1.10101194805")
    assert "文本" in stored.message


def test_the_person_whose_id_was_stored_as_a_number_is_kept_and_the_cell_flagged(
    acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    result = load_ledger(acceptance_ledger, fmt)
    assert result.rejected == ()
    person = result.ledger.recipient("A002")
    assert person is not None and person.name == "李四" and person.resident_id is None
    (flagged,) = [i for i in result.issues if i.code == "resident_id.stored_as_number"]
    assert (flagged.sheet, flagged.row, flagged.column) == (SHEET, 5, "C")


def test_strict_mode_raises_one_exception_holding_every_issue(
    acceptance_ledger: Path, fmt: LedgerFormat
) -> None:
    import openpyxl

    book = openpyxl.load_workbook(acceptance_ledger)
    book[SHEET]["B5"] = None  # 李四's name: a row that names no one is refused
    book.save(acceptance_ledger)
    with pytest.raises(LedgerLoadError) as error:
        load_ledger(acceptance_ledger, fmt, strict=True)
    assert "tabular.required_value_missing" in [i.code for i in error.value.issues]
    assert len(error.value.result.ledger.recipients) == 4


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_the_same_ledger_saved_by_libreoffice_gives_the_same_records(
    acceptance_ledger: Path, fmt: LedgerFormat, fixture_path: Callable[[str], Path], suffix: str
) -> None:
    expected = load_ledger(acceptance_ledger, fmt)
    converted = load_ledger(fixture_path(f"acceptance_ledger.{suffix}"), fmt)
    assert converted.ledger.recipients == expected.ledger.recipients
    assert [(i.row, i.column, i.code) for i in converted.issues] == [
        (i.row, i.column, i.code) for i in expected.issues
    ]


def test_a_legacy_xls_saved_with_an_xlsx_name_is_read_by_its_content(
    acceptance_ledger: Path, fmt: LedgerFormat, fixture_path: Callable[[str], Path], tmp_path: Path
) -> None:
    renamed = tmp_path / "misnamed.xlsx"
    renamed.write_bytes(fixture_path("acceptance_ledger.xls").read_bytes())
    expected = load_ledger(acceptance_ledger, fmt).ledger.recipients
    assert load_ledger(renamed, fmt).ledger.recipients == expected
