"""CSV files are read in strict mode: a damaged file is refused whole, naming the line, rather
than read with people silently merged into one cell (issue #16)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from socialwork_core.tabular import ColumnSpec, TableSpec, WorkbookError, read_table

SPEC = TableSpec(
    columns=[
        ColumnSpec("name", ("姓名",), required=True),
        ColumnSpec("phone", ("联系电话",)),
        ColumnSpec("needs", ("服务需求",)),
    ]
)


def people(count: int) -> list[str]:
    return [f"人{i},1380000{i:04d},送餐" for i in range(count)]


def write(path: Path, lines: list[str], *, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(["姓名,联系电话,服务需求", *lines]) + "\n", encoding=encoding)
    return path


def names(path: Path) -> list[str]:
    with read_table(path, SPEC) as table:
        return [str(row.values["name"]) for row in table]


def refusal(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as error:
        names(path)
    return error.value


def test_a_quote_that_never_closes_is_refused_naming_its_line(tmp_path: Path) -> None:
    lines = people(30)
    lines[4] = '人4,13800000004,"需要送餐,助浴'  # line 6 of the file (the header is line 1)
    error = refusal(write(tmp_path / "花名册.csv", lines))
    assert error.code == "tabular.csv_quote_unclosed"
    assert "第6行" in error.message


def test_a_quote_that_closes_rows_later_is_refused_too(tmp_path: Path) -> None:
    lines = people(30)
    lines[4] = '人4,13800000004,"需要送餐'
    lines[9] = '人9,13800000009,助浴"'
    error = refusal(write(tmp_path / "花名册.csv", lines))
    assert error.code == "tabular.csv_quote_unclosed" and "第6行" in error.message


def test_a_cell_of_several_lines_is_read(tmp_path: Path) -> None:
    lines = [*people(3), '人3,13800000003,"送餐\n助浴\n陪同就医"', *people(2)]
    assert names(write(tmp_path / "花名册.csv", lines)) == [
        "人0", "人1", "人2", "人3", "人0", "人1",
    ]  # fmt: skip


def test_text_after_a_closing_quote_is_refused(tmp_path: Path) -> None:
    lines = [*people(3), '人3,13800000003,"送餐"和助浴', *people(2)]
    error = refusal(write(tmp_path / "花名册.csv", lines))
    assert error.code == "tabular.csv_quote_misplaced" and "第5行" in error.message


def test_a_field_over_the_csv_limit_is_a_coded_error(tmp_path: Path) -> None:
    lines = [*people(2), f"人2,13800000002,{'需' * 140_000}"]
    error = refusal(write(tmp_path / "花名册.csv", lines))
    assert error.code == "tabular.csv_field_too_long" and "第4行" in error.message


def test_a_bom_followed_by_an_invalid_byte_names_the_line(tmp_path: Path) -> None:
    body = "\n".join(["姓名,联系电话,服务需求", *people(3)]).encode("utf-8")
    path = tmp_path / "花名册.csv"
    path.write_bytes(codecs.BOM_UTF8 + body + b"\n\xff\xfe,1,2\n")
    error = refusal(path)
    assert error.code == "tabular.csv_invalid_byte" and "第5行" in error.message


def test_gbk_and_utf8_with_a_bom_still_read(tmp_path: Path) -> None:
    assert names(write(tmp_path / "a.csv", people(2), encoding="gb18030")) == ["人0", "人1"]
    assert names(write(tmp_path / "b.csv", people(2), encoding="utf-8-sig")) == ["人0", "人1"]
