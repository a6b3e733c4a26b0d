"""The .xls pre-scan (``tabular.biff``) measures a sheet as calamine then fills it."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import python_calamine
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork_core.tabular import biff

FIXTURE = Path(__file__).parent.parent / "fixtures" / "acceptance_ledger.xls"


def calamine_box(path: Path, name: str) -> tuple[int, int]:
    """Rows and columns from A1 to the last cell calamine holds (the pre-scan's box: calamine's
    own starts at the first used cell, so it is never larger)."""
    with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
        end = book.get_sheet_by_name(name).end
        assert end is not None
        return end[0] + 1, end[1] + 1


def test_a_spreadsheet_program_s_xls_is_measured_as_calamine_fills_it() -> None:
    # written by LibreOffice: its Workbook stream (3.5 KB) lives in the compound file's mini stream
    book = biff.read_extent(FIXTURE)
    (name,) = book.names
    (sheet,) = book.sheets
    assert (sheet.rows, sheet.columns) == calamine_box(FIXTURE, name)
    assert sheet.text_chars > 0 and sheet.content > 0


@settings(max_examples=25, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.integers(0, 3000),
            st.integers(0, 255),
            st.one_of(st.text("张三东村需", min_size=1, max_size=5), st.floats(0, 1e6)),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_box_is_the_last_row_and_column_holding_a_value(
    tmp_path_factory: object, hostile: ModuleType, cells: list[tuple[int, int, object]]
) -> None:
    folder = tmp_path_factory.mktemp("xls")  # type: ignore[attr-defined]
    path = hostile.raw_xls(folder / "t.xls", hostile.xls_stream([("表", cells)]))
    (sheet,) = biff.read_extent(path).sheets
    assert (sheet.rows, sheet.columns) == calamine_box(path, "表")
    texts = sum(len(v) for _, _, v in cells if isinstance(v, str))
    assert sheet.text_chars == texts


def test_a_file_that_is_no_compound_file_is_a_biff_error(tmp_path: Path) -> None:
    (path := tmp_path / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    try:
        biff.read_extent(path)
    except biff.BiffError:
        return
    raise AssertionError("a compound file header alone was measured")
