"""Factories for the tabular tests: small workbooks built with openpyxl, and hostile files."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from compound_file import compound_file

SheetRows = Sequence[Sequence[Any]]


def build_xlsx(
    path: Path, sheets: dict[str, SheetRows], merges: dict[str, Sequence[str]] | None = None
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for ref in (merges or {}).get(name, ()):
            sheet.merge_cells(ref)
    workbook.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``xlsx(rows, merges=(), name="Sheet1", file="t.xlsx")`` → path of a one-sheet workbook."""

    def make(
        rows: SheetRows,
        merges: Sequence[str] = (),
        name: str = "Sheet1",
        file: str = "t.xlsx",
    ) -> Path:
        return build_xlsx(tmp_path / file, {name: rows}, {name: merges})

    return make


def rewrite_zip(source: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, change(name, data))
    return target


@pytest.fixture
def workbook_of() -> Callable[..., Path]:
    """``workbook_of(path, {sheet: rows}, {sheet: merges})`` → a multi-sheet workbook."""
    return build_xlsx


@pytest.fixture
def zip_rewriter() -> Callable[[Path, Path, Callable[[str, bytes], bytes]], Path]:
    """``zip_rewriter(source, target, change(name, data) -> data)`` → target."""
    return rewrite_zip


@pytest.fixture
def cfb() -> Callable[[dict[str, bytes]], bytes]:
    """``cfb({stream: data})`` → bytes of an OLE compound file."""
    return compound_file


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    '<office:body><office:spreadsheet><table:table table:name="{name}">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>"
)
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.3"><manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


@pytest.fixture
def ods(tmp_path: Path) -> Callable[[str, str], Path]:
    """``ods(name, rows_xml)`` → a minimal hand-written .ods (content.xml ``table:table-row``\\ s)."""

    def make(name: str, rows_xml: str) -> Path:
        path = tmp_path / "t.ods"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet",
                compress_type=zipfile.ZIP_STORED,
            )
            archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
            archive.writestr("content.xml", ODS_CONTENT.format(name=name, rows=rows_xml))
        return path

    return make
