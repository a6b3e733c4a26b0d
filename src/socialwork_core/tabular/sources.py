"""Opening files safely: workbooks through python-calamine, CSV through the csv module.

Every way a file can be wrong ends in one ``WorkbookError`` with a stable code (see the package
docstring); nothing else escapes. Checks made before a parser sees the file:

- the real kind is taken from the content, not the name: an OLE (CFB) container named ``.xlsx``
  holding an ``EncryptedPackage`` stream is an encrypted workbook; HTML or text named ``.xlsx`` is
  not a workbook;
- a zip-based workbook (xlsx, ods) is checked from its central directory before anything is
  decompressed: the total uncompressed size must stay under ``ReadLimits.max_uncompressed_bytes``
  (zip bombs), and no XML part may declare a DOCTYPE (entity expansion, “billion laughs”). calamine
  itself does not expand entities (it stops with an XML error: tested), so the check gives a clear
  code rather than being the only defence;
- formula cells without a cached value cannot be told from empty cells through calamine's API, so
  the sheet XML (xlsx: ``<c><f>…</f></c>`` with no or empty ``<v>``; ods: ``table:formula`` without
  ``office:value-type``) is streamed once with defusedxml when it contains a formula at all. Legacy
  ``.xls`` files are not inspected for this (BIFF records; documented limitation);
- merged ranges come from calamine for xlsx and xls; for ods calamine gives none, so they are read
  from ``content.xml`` in the same streamed pass.

Speed: calamine parses a whole sheet into its own memory before the first row is given, and does so
without holding Python's global lock. ``Workbook.prefetch`` starts that parse on a background thread
(one at a time, one thread per workbook, with a calamine handle of its own), so a loader can read
one sheet while the next is parsed on another core. The sheet XML scan above runs on a thread of
its own beside calamine's parse of the same sheet. ``sheet`` gives the same ``SheetData`` and
raises the same errors either way.
"""

from __future__ import annotations

import codecs
import csv
import re
import threading
import zipfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, cast

import attrs
import openpyxl
import python_calamine
from defusedxml import ElementTree as SafeET

from ..glossary.messages.tabular import FILE_KIND_LABELS
from .cells import RawValue
from .errors import WorkbookError

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC: Final = (b"PK\x03\x04", b"PK\x05\x06")
WORKBOOK_SUFFIXES: Final = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
CSV_SUFFIXES: Final = frozenset({".csv", ".txt"})

Merge = tuple[tuple[int, int], tuple[int, int]]
"""A merged range as ((first row, first column), (last row, last column)), 0-based, inclusive."""


@attrs.frozen
class ReadLimits:
    """Bounds applied before a file is parsed. All sizes in bytes."""

    max_uncompressed_bytes: int = 500 * 1024 * 1024
    """Total uncompressed size of a zip-based workbook, from its central directory."""
    max_prolog_bytes: int = 64 * 1024
    """How far into an XML part the root element must start (the DOCTYPE check reads this much)."""
    header_search_rows: int = 15
    """How many rows at the top of a sheet are searched for the header."""


DEFAULT_LIMITS: Final = ReadLimits()


@attrs.frozen
class SheetData:
    """One sheet: its rows as an iterator plus what the reader needs besides values.

    ``rows`` yields ``(row_index, cells)`` with 0-based row indices and ``cells[i]`` the value of
    0-based column ``i``; ``None`` or blank text means empty. Rows are produced lazily.
    """

    name: str
    rows: Iterator[tuple[int, list[RawValue | None]]]
    merged: tuple[Merge, ...] = ()
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()


def _actual_kind(head: bytes) -> str:
    if head.startswith(OLE_MAGIC):
        return "xls"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    sample = head[:4096].lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    if any(tag in sample for tag in (b"<html", b"<table", b"<!doctype html", b"<meta")):
        return "html"
    if b"\x00" not in sample:
        for encoding in ("utf-8", "gb18030"):
            try:
                sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            return "csv"
    return "unknown"


def _ole_is_encrypted(path: Path) -> bool:
    """An Office-encrypted xlsx is a CFB container with an ``EncryptedPackage`` stream."""
    with path.open("rb") as stream:
        return _stream_contains(stream, "EncryptedPackage".encode("utf-16-le"))


def _stream_contains(stream: IO[bytes], needle: bytes) -> bool:
    """True if ``needle`` occurs in ``stream``, read in chunks (memory stays flat)."""
    tail = b""
    while chunk := stream.read(1 << 20):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle) :]
    return False


def _check_zip(path: Path, limits: ReadLimits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise WorkbookError("tabular.workbook_truncated", path) from None
    total = sum(info.file_size for info in archive.infolist())
    if total > limits.max_uncompressed_bytes:
        archive.close()
        raise WorkbookError(
            "tabular.workbook_too_large",
            path,
            size_mb=total // (1024 * 1024),
            limit_mb=limits.max_uncompressed_bytes // (1024 * 1024),
        )
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")) and _declares_doctype(archive, info, limits):
            archive.close()
            raise WorkbookError("tabular.xml_entities", path, part=info.filename)
    return archive


_ROOT_START = re.compile(rb"<(?![?!])")


def _declares_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits) -> bool:
    """True if the part has a DOCTYPE before its root element, or no root within the limit."""
    try:
        with archive.open(info) as part:
            prolog = part.read(limits.max_prolog_bytes)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return False  # unreadable members are reported by the parser as a damaged file
    root = _ROOT_START.search(prolog)
    head = prolog if root is None else prolog[: root.start()]
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        return True
    return root is None and len(prolog) >= limits.max_prolog_bytes


def require_defused_openpyxl(path: object = "") -> None:
    """Raise ``WorkbookError('tabular.unsafe_xml_parser')`` unless openpyxl parses with defusedxml.

    Call before ``openpyxl.load_workbook`` on any file that came from outside.
    """
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise WorkbookError("tabular.unsafe_xml_parser", path)


def load_openpyxl(path: str | Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Any:
    """``openpyxl.load_workbook`` read-only and values-only, after the same safety checks."""
    source = Path(path)
    require_defused_openpyxl(source)
    _check_zip(source, limits).close()
    return openpyxl.load_workbook(source, read_only=True, data_only=True, keep_links=False)


class Workbook:
    """An open workbook or CSV file; use as a context manager, or call ``close``."""

    def __init__(self, path: Path, kind: str, limits: ReadLimits) -> None:
        self.path = path
        self.kind = kind
        """``xlsx``, ``xls``, ``ods`` or ``csv``: what the content is, whatever the name says."""
        self.limits = limits
        self._calamine: _Calamine | None = None
        # calamine's workbook must not be used by two threads at once: the caller's ``sheet``
        # goes through this lock; ``prefetch`` parses on a handle of its own (``_background``),
        # opened and used only by its one worker thread, so both sheets parse at the same time
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._prefetched: dict[str, Future[SheetData]] = {}
        self._background: _Calamine | None = None
        # the sheet XML scan (formulas without a value, ods merges) runs beside calamine's parse
        # of the same sheet; its own single thread, started on first use
        self._scanner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheet-scanner")
        self._csv_encoding = ""
        if kind == "csv":
            self._csv_encoding = detect_csv_encoding(path)
            self.sheet_names: list[str] = [path.stem]
            return
        try:
            self._calamine = _Calamine.open(path, kind)
            self.sheet_names = list(self._calamine.book.sheet_names)
        except BaseException as error:
            self.close()
            raise _translate(error, path) from None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            for future in self._prefetched.values():
                future.cancel()
            self._executor.shutdown(wait=True)  # a parse under way ends before calamine closes
            self._executor = None
            self._prefetched.clear()
        self._scanner.shutdown(wait=True)
        for handle in (self._background, self._calamine):
            if handle is not None:
                handle.close()
        self._background = self._calamine = None

    def prefetch(self, name: str) -> None:
        """Start reading the sheet called ``name`` in the background, so that a later
        ``sheet(name)`` finds it parsed. Does nothing for CSV, for a name not in ``sheet_names``
        or one already asked for. Each prefetched sheet holds its parsed cells until ``sheet``
        takes it or the workbook closes: ask only for the sheets about to be read."""
        if self.kind == "csv" or self._calamine is None or name in self._prefetched:
            return
        if name not in self.sheet_names:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheet-reader")
        self._prefetched[name] = self._executor.submit(self._background_sheet, name)

    def sheet(self, name: str) -> SheetData:
        """The sheet called ``name`` (exactly as in ``sheet_names``)."""
        if self.kind == "csv":
            return SheetData(name=name, rows=_csv_rows(self.path, self._csv_encoding))
        future = self._prefetched.pop(name, None)
        if future is not None:
            return future.result()  # the sheet, or the error reading it raised
        return self._calamine_sheet(name)

    def _background_sheet(self, name: str) -> SheetData:
        """``prefetch``'s task, run by its one worker thread on the worker's own handle."""
        if self._background is None:
            try:
                self._background = _Calamine.open(self.path, self.kind)
            except BaseException as error:
                raise _translate(error, self.path) from None
        return self._sheet_data(self._background, name)

    def _calamine_sheet(self, name: str) -> SheetData:
        with self._lock:
            if self._calamine is None:
                raise WorkbookError("tabular.workbook_unreadable", self.path, detail="closed")
            return self._sheet_data(self._calamine, name)

    def _sheet_data(self, handle: _Calamine, name: str) -> SheetData:
        scan = self._scanner.submit(self._scan_xml, name)  # while calamine parses the sheet
        try:
            sheet = handle.book.get_sheet_by_name(name)
            merged = tuple(sheet.merged_cell_ranges or ())
            offset = sheet.start[1] if sheet.start is not None else 0
        except python_calamine.CalamineError as error:
            raise _translate(error, self.path) from None
        xml_merged, formulas = scan.result()
        return SheetData(
            name=name,
            rows=_calamine_rows(sheet, offset, self.path),
            merged=merged or xml_merged,
            formulas_without_value=formulas,
        )

    def _scan_xml(self, name: str) -> tuple[tuple[Merge, ...], frozenset[tuple[int, int]]]:
        """What calamine's API does not tell: formula cells without a value (xlsx, ods) and
        merged ranges (ods)."""
        if self.kind == "xlsx":
            return (), _xlsx_formulas_without_value(self.path, name)
        if self.kind == "ods":
            return _ods_scan(self.path, name)
        return (), frozenset()


@attrs.frozen
class _Calamine:
    """An open calamine workbook and the file object it reads, when it reads one."""

    book: python_calamine.CalamineWorkbook
    stream: IO[bytes] | None = None

    @classmethod
    def open(cls, path: Path, kind: str) -> _Calamine:
        if _suffix_fits(path, kind):
            return cls(python_calamine.CalamineWorkbook.from_path(str(path)))
        stream = path.open("rb")  # calamine picks its reader by the name: give it the content
        try:
            return cls(python_calamine.CalamineWorkbook.from_filelike(stream), stream)
        except BaseException:
            stream.close()
            raise

    def close(self) -> None:
        self.book.close()
        if self.stream is not None:
            self.stream.close()


def _suffix_fits(path: Path, kind: str) -> bool:
    suffix = path.suffix.lower()
    return {"xls": suffix == ".xls", "ods": suffix == ".ods"}.get(
        kind, suffix in {".xlsx", ".xlsm"}
    )


def _calamine_rows(
    sheet: python_calamine.CalamineSheet, offset: int, path: Path
) -> Iterator[tuple[int, list[RawValue | None]]]:
    # calamine 0.9 iter_rows yields every row from the first (row 0), each starting at the first
    # used column; tests pin this (tests/tabular/test_calamine_behaviour.py).
    pad: list[RawValue | None] = [None] * offset
    rows = cast(Iterator[list[RawValue | None]], sheet.iter_rows())
    try:
        if not offset:
            yield from enumerate(rows)
        else:
            for index, cells in enumerate(rows):
                yield index, [*pad, *cells]
    except python_calamine.CalamineError as error:
        raise _translate(error, path) from None


def _translate(error: BaseException, path: Path) -> WorkbookError:
    if isinstance(error, WorkbookError):
        return error
    if isinstance(error, python_calamine.PasswordError):
        return WorkbookError("tabular.workbook_encrypted", path)
    if isinstance(error, python_calamine.ZipError | zipfile.BadZipFile | EOFError):
        return WorkbookError("tabular.workbook_truncated", path)
    if isinstance(error, python_calamine.CalamineError | OSError | ValueError):
        return WorkbookError("tabular.workbook_unreadable", path, detail=str(error)[:200])
    if isinstance(error, Exception):
        return WorkbookError("tabular.workbook_unreadable", path, detail=type(error).__name__)
    raise error


def open_workbook(path: str | Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Workbook:
    """Open ``path`` (.xlsx, .xlsm, .xls, .ods or .csv) after the safety checks above.

    Raises ``WorkbookError`` for every file that cannot be read.
    """
    source = Path(path)
    suffix = source.suffix.lower()
    if not source.is_file():
        raise WorkbookError("tabular.file_not_found", source)
    if suffix not in WORKBOOK_SUFFIXES | CSV_SUFFIXES:
        raise WorkbookError("tabular.unsupported_format", source, suffix=suffix or "?")
    if suffix in CSV_SUFFIXES:
        return Workbook(source, "csv", limits)
    with source.open("rb") as stream:
        head = stream.read(4096)
    actual = _actual_kind(head)
    if actual == "xls":
        if suffix != ".xls" and _ole_is_encrypted(source):
            raise WorkbookError("tabular.workbook_encrypted", source)
        return Workbook(source, "xls", limits)
    if actual == "zip":
        with _check_zip(source, limits) as archive:
            names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            return Workbook(source, "xlsx", limits)
        if "content.xml" in names:
            return Workbook(source, "ods", limits)
        raise WorkbookError("tabular.not_a_workbook", source, actual=FILE_KIND_LABELS["zip"])
    if not head:
        raise WorkbookError("tabular.workbook_truncated", source)
    raise WorkbookError("tabular.not_a_workbook", source, actual=FILE_KIND_LABELS[actual])


# --- CSV ------------------------------------------------------------------------------------------


def detect_csv_encoding(path: Path) -> str:
    """``utf-8-sig`` (with BOM), ``utf-8`` or ``gb18030`` (which covers GBK), by decoding the whole
    file incrementally (memory stays flat); ``WorkbookError('tabular.csv_undecodable')`` if none."""
    with path.open("rb") as stream:
        if stream.read(3) == codecs.BOM_UTF8:
            return "utf-8-sig"
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 16):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise WorkbookError("tabular.csv_undecodable", path)


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, list[RawValue | None]]]:
    with path.open(encoding=encoding, newline="") as stream:
        sample = stream.read(8192)
        stream.seek(0)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel
        for index, cells in enumerate(csv.reader(stream, dialect)):
            yield index, list(cells)


# --- sheet XML: formulas without a cached value, ods merges ---------------------------------------

_MAIN_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF: Final = re.compile(r"([A-Z]+)(\d+)")


def _cell_index(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.fullmatch(ref)
    if match is None:
        return None
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match[2]) - 1, column - 1


def _xlsx_sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    workbook = SafeET.fromstring(archive.read("xl/workbook.xml"))
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_PKG_REL_NS}Relationship")
    }
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        if sheet.get("name") == name:
            target = targets.get(sheet.get(f"{_REL_NS}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _xlsx_formulas_without_value(path: Path, name: str) -> frozenset[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            part = _xlsx_sheet_part(archive, name)
            if part is None:
                return frozenset()
            with archive.open(part) as stream:
                if not _stream_contains(stream, b"<f"):
                    return frozenset()
            with archive.open(part) as stream:
                for _event, element in SafeET.iterparse(stream, events=("end",)):
                    if element.tag == f"{_MAIN_NS}c":
                        formula = element.find(f"{_MAIN_NS}f")
                        cached = element.find(f"{_MAIN_NS}v")
                        if formula is not None and (cached is None or not (cached.text or "")):
                            index = _cell_index(element.get("r", ""))
                            if index is not None:
                                found.add(index)
                        element.clear()
                    elif element.tag == f"{_MAIN_NS}row":
                        element.clear()
    except (KeyError, zipfile.BadZipFile, SafeET.ParseError, OSError) as error:
        raise WorkbookError("tabular.workbook_unreadable", path, detail=str(error)[:200]) from None
    return frozenset(found)


_TABLE_NS: Final = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS: Final = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_scan(path: Path, name: str) -> tuple[tuple[Merge, ...], frozenset[tuple[int, int]]]:
    """Merged ranges and formula cells without a value of one sheet of an ods file."""
    merged: list[Merge] = []
    formulas: set[tuple[int, int]] = set()
    table, row_tag = f"{_TABLE_NS}table", f"{_TABLE_NS}table-row"
    cell_tags = {f"{_TABLE_NS}table-cell", f"{_TABLE_NS}covered-table-cell"}
    inside, depth, row, column, repeat = False, 0, 0, 0, 1
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            for event, element in SafeET.iterparse(stream, events=("start", "end")):
                tag = element.tag
                if tag == table:
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            inside = element.get(f"{_TABLE_NS}name") == name
                    else:
                        depth -= 1
                        if inside and depth == 0:
                            break
                    continue
                if not inside or depth != 1:
                    continue
                if tag == row_tag:
                    if event == "start":
                        column = 0
                        repeat = int(element.get(f"{_TABLE_NS}number-rows-repeated", "1"))
                    else:
                        row += repeat
                        element.clear()
                elif tag in cell_tags and event == "start":
                    span_rows = int(element.get(f"{_TABLE_NS}number-rows-spanned", "1"))
                    span_cols = int(element.get(f"{_TABLE_NS}number-columns-spanned", "1"))
                    if span_rows > 1 or span_cols > 1:
                        merged.append(
                            ((row, column), (row + span_rows - 1, column + span_cols - 1))
                        )
                    if element.get(f"{_TABLE_NS}formula") and not element.get(
                        f"{_OFFICE_NS}value-type"
                    ):
                        formulas.add((row, column))
                    column += int(element.get(f"{_TABLE_NS}number-columns-repeated", "1"))
    except (KeyError, zipfile.BadZipFile, SafeET.ParseError, OSError, ValueError) as error:
        raise WorkbookError("tabular.workbook_unreadable", path, detail=str(error)[:200]) from None
    return tuple(merged), frozenset(formulas)
