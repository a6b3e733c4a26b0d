"""Hostile or wrong files: each ends in one WorkbookError with a stable code; nothing crashes."""

from __future__ import annotations

import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from socialwork_core.tabular import (
    ColumnSpec,
    ReadLimits,
    TableSpec,
    WorkbookError,
    load_openpyxl,
    open_workbook,
    read_table,
    require_defused_openpyxl,
)

SPEC = TableSpec(columns=[ColumnSpec("name", ("姓名",), required=True)], sheet_names=("服务对象",))
MakeXlsx = Callable[..., Path]


def error_code(path: Path, limits: ReadLimits | None = None) -> str:
    with pytest.raises(WorkbookError) as error:
        list(read_table(path, SPEC, limits=limits or ReadLimits()))
    assert error.value.message and error.value.path == str(path)
    return error.value.code


def billion_laughs(levels: int = 9) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    ]
    return f"<!DOCTYPE worksheet [{''.join(entities)}]>"


def test_an_encrypted_workbook_is_reported_as_such(
    tmp_path: Path, cfb: Callable[..., bytes]
) -> None:
    path = tmp_path / "加密台账.xlsx"
    path.write_bytes(
        cfb({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x9a" * 5000})
    )
    assert error_code(path) == "tabular.workbook_encrypted"


@pytest.mark.parametrize(
    ("content", "kind_word"),
    [
        (
            b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>",
            "HTML",
        ),
        ("姓名,村居\n张三,东村\n".encode("gb18030"), "CSV"),
    ],
)
def test_html_or_csv_renamed_to_xlsx_is_not_a_workbook(
    tmp_path: Path, content: bytes, kind_word: str
) -> None:
    path = tmp_path / "导出.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookError) as error:
        open_workbook(path)
    assert error.value.code == "tabular.not_a_workbook"
    assert kind_word in error.value.message


def test_another_zip_renamed_to_xlsx_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    assert error_code(path) == "tabular.not_a_workbook"


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_a_truncated_workbook_is_reported_as_damaged(
    xlsx: MakeXlsx, tmp_path: Path, keep: float
) -> None:
    whole = xlsx([["姓名"], ["甲"]], name="服务对象").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(whole[: int(len(whole) * keep)])
    assert error_code(path) == "tabular.workbook_truncated"


def test_an_empty_file_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert error_code(path) == "tabular.workbook_truncated"


def bomb_workbook(source: Path, target: Path, rewrite: Callable[..., Path]) -> Path:
    def inject(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        text = data.decode().replace("<t>甲</t>", "<t>&lol9;</t>")
        return (billion_laughs() + text).encode()

    return rewrite(source, target, inject)


def test_an_xml_entity_bomb_is_refused_before_parsing(
    xlsx: MakeXlsx, tmp_path: Path, zip_rewriter: Callable[..., Path]
) -> None:
    path = bomb_workbook(
        xlsx([["姓名"], ["甲"]], name="服务对象"), tmp_path / "bomb.xlsx", zip_rewriter
    )
    assert error_code(path) == "tabular.xml_entities"


def test_calamine_itself_does_not_expand_entities(
    xlsx: MakeXlsx, tmp_path: Path, zip_rewriter: Callable[..., Path]
) -> None:
    """The second line of defence: calamine (quick-xml) stops at the first undeclared entity."""
    path = bomb_workbook(
        xlsx([["姓名"], ["甲"]], name="服务对象"), tmp_path / "bomb.xlsx", zip_rewriter
    )
    tracemalloc.start()
    with pytest.raises(python_calamine.CalamineError, match="entity"):
        python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("服务对象")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 10 * 1024 * 1024  # 10**9 "lol"s would be 3 GB


def test_a_zip_bomb_is_refused_from_its_directory_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    limits = ReadLimits(max_uncompressed_bytes=2 * 1024 * 1024)
    assert error_code(path, limits) == "tabular.workbook_too_large"


def test_the_zip_size_limit_defaults_to_500_mb() -> None:
    assert ReadLimits().max_uncompressed_bytes == 500 * 1024 * 1024


def test_a_missing_sheet_with_no_matching_headers_lists_the_sheets_found(xlsx: MakeXlsx) -> None:
    path = xlsx([["序号", "金额"], [1, 2]], name="资金")
    with pytest.raises(WorkbookError) as error:
        read_table(path, SPEC)
    assert error.value.code == "tabular.sheet_not_found"
    assert "资金" in error.value.message


def test_a_missing_required_column_is_a_coded_error(xlsx: MakeXlsx) -> None:
    spec = TableSpec(
        columns=[
            ColumnSpec("name", ("姓名",), required=True),
            ColumnSpec("id", ("身份证号",), required=True),
        ],
        sheet_names=("服务对象",),
    )
    path = xlsx([["姓名", "电话"], ["甲", "1"]], name="服务对象")
    with pytest.raises(WorkbookError) as error:
        read_table(path, spec)
    assert error.value.code == "tabular.required_columns_missing"
    assert "身份证号" in error.value.message and "电话" in error.value.message


def test_a_file_that_does_not_exist_or_has_another_type(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as missing:
        open_workbook(tmp_path / "nope.xlsx")
    (tmp_path / "a.docx").write_bytes(b"x")
    with pytest.raises(WorkbookError) as other:
        open_workbook(tmp_path / "a.docx")
    assert (missing.value.code, other.value.code) == (
        "tabular.file_not_found",
        "tabular.unsupported_format",
    )


def test_openpyxl_is_only_used_with_defusedxml(
    xlsx: MakeXlsx, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert openpyxl.DEFUSEDXML is True
    path = xlsx([["姓名"]])
    load_openpyxl(path).close()
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(WorkbookError) as error:
        require_defused_openpyxl(path)
    assert error.value.code == "tabular.unsafe_xml_parser"
    with pytest.raises(WorkbookError):
        load_openpyxl(path)
