"""Factories for the tabular tests: small workbooks built with openpyxl, and hostile files."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

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


def cfb_container(streams: dict[str, bytes]) -> bytes:
    """A minimal valid OLE compound file (CFB v3, 512-byte sectors) holding ``streams``.

    Streams are padded to at least 4096 bytes so they live in regular sectors (no mini stream).
    This is the container an Office-encrypted .xlsx is (streams EncryptionInfo, EncryptedPackage).
    """
    sector = 512
    end, free, fat_mark, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    datas = [data.ljust(4096, b"\0") for data in streams.values()]
    fat = [fat_mark, end]  # sector 0: FAT, sector 1: directory
    starts = []
    for data in datas:
        count = -(-len(data) // sector)
        start = len(fat)
        starts.append(start)
        fat.extend(range(start + 1, start + count))
        fat.append(end)
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat).ljust(sector, b"\xff")

    def entry(
        name: str, kind: int, left: int, right: int, child: int, start: int, size: int
    ) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", left, right, child)
            + b"\0" * 16
            + struct.pack("<I", 0)
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    names = list(streams)
    directory = entry("Root Entry", 5, no_stream, no_stream, 1, end, 0)
    for index, (name, data) in enumerate(zip(names, datas, strict=True)):
        right = index + 2 if index + 1 < len(names) else no_stream
        directory += entry(name, 2, no_stream, right, no_stream, starts[index], len(data))
    while len(directory) % sector:
        directory += entry("", 0, no_stream, no_stream, no_stream, 0, 0)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    assert len(header) == sector
    return (
        header
        + fat_bytes
        + directory
        + b"".join(d.ljust(-(-len(d) // sector) * sector, b"\0") for d in datas)
    )


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
    return cfb_container


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
