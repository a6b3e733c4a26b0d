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
  ``.xls`` files are not inspected for this (BIFF records; documented limitation). The same pass
  finds Excel's error values (``<c t="e"><v>#N/A</v></c>``), which calamine gives as empty
  cells; a CSV holds them as their text (``#N/A``), found when the file is checked;
- a legacy .xls workbook's sheets are measured from their BIFF records before calamine opens it
  (calamine parses every sheet of an .xls file on opening): the last row and column holding a
  value and the shared text its cells quote, checked against the same limits (``tabular.biff``);
- a sheet whose box would cost far more than its content (a stray cell far from the data) is read
  through the sparse path (xlsx, ``tabular.sparse``) or refused naming the cell (ods, xls);
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
import functools
import re
import threading
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, cast

import attrs
import openpyxl
import python_calamine
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from ..glossary.messages.tabular import FILE_KIND_LABELS
from . import biff, sparse
from .cells import RawValue
from .error_cells import ERROR_CELL, ErrorCells
from .errors import WorkbookError

EXCEL_ERRORS: Final = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")
)
"""The error values Excel shows in a cell whose formula failed (and a CSV saved from it holds)."""

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
    min_sheet_box_cells: int = 2_000_000
    """A sheet is read as a dense box from A1 to its last row and column (calamine holds about
    32 bytes per cell of that box). A box up to this many cells is always read (64 MB) …"""
    box_cells_per_byte: int = 1
    """… a larger one only up to this many box cells per byte of the sheet's XML (its real
    content, as decompressed: an ordinary ledger has 20 to 40 bytes per cell, so a sheet a
    twentieth full still reads); beyond that the sheet is read through the sparse path
    (``tabular.sparse``: the cells far from the data named, the box between them not filled),
    whose compact box is held to the same bound, else ``tabular.cell_far_from_data``.
    calamine's memory stays within 32 times the content."""
    far_gap_rows: int = 1000
    """On the sparse path, a sheet's data ends before a run of more empty rows than this …"""
    far_gap_columns: int = 100
    """… or of more empty columns than this; cells past it are far from the data."""
    max_sheet_box_cells: int = 25_000_000
    """And never more than this many box cells, however full (``tabular.sheet_too_large``)."""
    max_text_chars: int = 100_000_000
    """Characters of shared text a sheet's cells may refer to in all (a long shared string used
    by many cells is copied into each): ``tabular.text_too_large``."""
    max_merged_cells: int = 5_000_000
    """Cells covered by a sheet's merged ranges, once cut to the part of the sheet holding data
    (``tabular.too_many_merged_cells``)."""


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
    """Merged ranges, cut to the part of the sheet that holds cells (a range reaching column XFD
    or row 1,048,576 past the data is cut there, so filling it costs only the data's size)."""
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()
    error_values: Mapping[tuple[int, int], str] = attrs.field(factory=dict)
    """(row, column) → the error value Excel shows there (``#N/A``, ``#VALUE!`` …): a cell whose
    formula failed, given in ``rows`` as empty."""
    hidden: bool = False
    """The sheet is hidden (or “very hidden”) in the workbook."""
    hidden_rows: frozenset[int] = frozenset()
    """0-based indices of rows hidden in the sheet (xlsx ``<row hidden="1">``, ods
    ``table:visibility``); legacy .xls and CSV have none."""
    far_cells: tuple[sparse.FarCell, ...] = ()
    """Cells far from the sheet's data, when it was read through the sparse path."""
    far_unnamed: int = 0
    """Far cells past those named in ``far_cells``."""


def _actual_kind(head: bytes) -> str:
    if head.startswith(OLE_MAGIC):
        return "xls"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(_UTF16_MARKS):  # Excel's “Unicode 文本”: UTF-16 text, tab-separated
        return "csv"
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


def _stream_contains(stream: IO[bytes], *needles: bytes) -> bool:
    """True if any of ``needles`` occurs in ``stream``, read in chunks (memory stays flat)."""
    tail = b""
    longest = max(len(n) for n in needles)
    while chunk := stream.read(1 << 20):
        window = tail + chunk
        if any(needle in window for needle in needles):
            return True
        tail = chunk[-longest:]
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
        try:
            entities = info.filename.endswith((".xml", ".rels")) and _declares_doctype(
                archive, info, limits
            )
        except zlib.error:  # a damaged deflate stream
            archive.close()
            raise WorkbookError("tabular.workbook_truncated", path) from None
        if entities:
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
        self._lock_shared = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None
        self._prefetched: dict[str, Future[SheetData]] = {}
        # set once a prefetched sheet is measured (or its task ended): see ``sheet``
        self._measured: dict[str, threading.Event] = {}
        self._background: _Calamine | None = None
        # the sheet XML scan (formulas without a value, ods merges) runs beside calamine's parse
        # of the same sheet; its own single thread, started on first use
        self._scanner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheet-scanner")
        self._csv_encoding = ""
        self.hidden_sheets: frozenset[str] = frozenset()
        """Names of the sheets hidden in the workbook: a reader prefers any visible sheet."""
        self._shared_lengths: list[int] | None = None  # xlsx shared strings' sizes, read once
        self._xls_book: biff.BookExtent | None = None  # .xls sheets' extents, read once
        self._csv_errors: dict[tuple[int, int], str] = {}
        if kind == "csv":
            self._csv_encoding = detect_csv_encoding(path)
            self._csv_errors = check_csv(path, self._csv_encoding, limits)
            self.sheet_names: list[str] = [path.stem]
            return
        try:
            if kind == "xls":
                # calamine parses every sheet of an .xls file when it opens it
                self._check_xls()
            self._calamine = _Calamine.open(path, kind)
            self.sheet_names = list(self._calamine.book.sheet_names)
            self.hidden_sheets = frozenset(
                meta.name
                for meta in self._calamine.book.sheets_metadata
                if meta.visible != python_calamine.SheetVisibleEnum.Visible
            )
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
            self._measured.clear()
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
        measured = self._measured[name] = threading.Event()
        self._prefetched[name] = self._executor.submit(self._background_sheet, name, measured)

    def sheet(self, name: str) -> SheetData:
        """The sheet called ``name`` (exactly as in ``sheet_names``)."""
        if self.kind == "csv":
            errors = self._csv_errors
            rows = _csv_rows(self.path, self._csv_encoding, errors)
            return SheetData(name=name, rows=rows, error_values=errors)
        future = self._prefetched.pop(name, None)
        if future is not None:
            self._measured.pop(name, None)
            return future.result()  # the sheet, or the error reading it raised
        # A prefetched sheet still being measured (``_measure``: byte and pattern searches, which
        # hold Python's lock) would run by turns with this sheet's measuring and rows, which hold
        # it too, and calamine's parse of it, which runs beside Python, would start late. So this
        # sheet waits for that measuring: in a county load the visits sheet is measured at full
        # speed, then parsed while the register is measured, parsed and read (measured, the
        # visits are ready 0.08 s sooner than when the register's measuring took turns with it).
        for measured in self._measured.values():
            measured.wait()
        return self._calamine_sheet(name)

    def _background_sheet(self, name: str, measured: threading.Event) -> SheetData:
        """``prefetch``'s task, run by its one worker thread on the worker's own handle."""
        try:
            if self._background is None:
                try:
                    self._background = _Calamine.open(self.path, self.kind)
                except BaseException as error:
                    raise _translate(error, self.path) from None
            return self._sheet_data(self._background, name, measured)
        finally:
            measured.set()

    def _calamine_sheet(self, name: str) -> SheetData:
        with self._lock:
            if self._calamine is None:
                raise WorkbookError("tabular.workbook_unreadable", self.path, detail="closed")
            return self._sheet_data(self._calamine, name)

    def _sheet_data(
        self, handle: _Calamine, name: str, measured: threading.Event | None = None
    ) -> SheetData:
        # the sheet's real extent is known before calamine allocates its dense box
        try:
            extent, ods = self._measure(name)
        finally:
            if measured is not None:
                measured.set()
        # the formula scan runs while calamine parses the sheet (ods: measured with it); an
        # xlsx sheet the extent pass found no formula element in needs none
        wanted = ods is None and (extent is None or extent.formulas)
        scan = self._scanner.submit(self._scan_xml, name) if wanted else None
        if extent is not None and extent.compact is not None:
            return self._sparse_sheet(name, extent, extent.compact, scan)
        try:
            sheet = handle.book.get_sheet_by_name(name)
            merged = tuple(sheet.merged_cell_ranges or ())
            offset = sheet.start[1] if sheet.start is not None else 0
        except python_calamine.CalamineError as error:
            raise _translate(error, self.path) from None
        xml_merged, formulas = ods or ((), frozenset())
        errors: dict[tuple[int, int], str] = {}
        if scan is not None:
            xml_merged, formulas, errors = scan.result()
        return SheetData(
            name=name,
            rows=_calamine_rows(sheet, offset, self.path),
            merged=_cut_merges(merged or xml_merged, extent, self.limits, self.path, name),
            formulas_without_value=formulas,
            error_values=errors,
            hidden=name in self.hidden_sheets,
            hidden_rows=extent.hidden_rows if extent is not None else frozenset(),
        )

    def _sparse_sheet(
        self,
        name: str,
        extent: _Extent,
        layout: sparse.SparseLayout,
        scan: Future[_Scanned] | None,
    ) -> SheetData:
        """The sheet through the sparse path (``tabular.sparse``)."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                part = _xlsx_sheet_part(archive, name)
            if part is None:
                raise WorkbookError("tabular.workbook_unreadable", self.path, detail=name)
            read = sparse.read(self.path, part, name, layout)
        except _DAMAGED as error:
            raise _damaged(error, self.path) from None
        except python_calamine.CalamineError as error:
            raise _translate(error, self.path) from None
        _, formulas, errors = scan.result() if scan is not None else ((), frozenset(), {})
        data = _Extent(layout.data_rows, layout.data_columns, extent.content)
        return SheetData(
            name=name,
            rows=read.rows,
            merged=_cut_merges(read.merged, data, self.limits, self.path, name),
            formulas_without_value=formulas,
            error_values=errors,
            hidden=name in self.hidden_sheets,
            hidden_rows=extent.hidden_rows,
            far_cells=read.far_cells,
            far_unnamed=read.far_unnamed,
        )

    def _measure(
        self, name: str
    ) -> tuple[_Extent | None, tuple[tuple[Merge, ...], frozenset[tuple[int, int]]] | None]:
        """The sheet's extent, checked against the limits (.xls: measured and checked when the
        workbook was opened; ``None`` if its records name no such sheet); for ods also the
        merges and formula cells, read in the same pass. An xlsx sheet whose box would cost far
        more than its content comes back with ``compact`` set: it is read through the sparse
        path."""
        if self.kind == "xlsx":
            extent = _xlsx_extent(self.path, name, self._shared_string_lengths, self.limits)
            if _too_sparse(extent, self.limits):
                extent = attrs.evolve(extent, compact=self._sparse_layout(name, extent))
            _check_extent(
                extent,
                self.limits,
                self.path,
                name,
                lambda: _xlsx_far_cell(self.path, name, extent),
            )
            return extent, None
        if self.kind == "xls":
            return self._xls_extent(name), None  # checked when the workbook was opened
        if self.kind == "ods":
            merged, formulas, extent = _ods_scan(self.path, name)
            _check_extent(extent, self.limits, self.path, name, lambda: extent.far_cell)
            return extent, (merged, formulas)
        return None, None

    def _sparse_layout(self, name: str, extent: _Extent) -> sparse.SparseLayout:
        """Where the data of a sheet too sparse for calamine's box ends; refused when even the
        compact box would cost more than an ordinary sheet of its content."""
        limits = self.limits
        try:
            with zipfile.ZipFile(self.path) as archive:
                part = _xlsx_sheet_part(archive, name)
                if part is None:
                    raise WorkbookError("tabular.workbook_unreadable", self.path, detail=name)
                layout = sparse.measure(archive, part, limits.far_gap_rows, limits.far_gap_columns)
        except _DAMAGED as error:
            raise _damaged(error, self.path) from None
        budget = max(limits.min_sheet_box_cells, extent.content * limits.box_cells_per_byte)
        if layout.box > min(budget, limits.max_sheet_box_cells):
            first = layout.far_cells[0].ref if layout.far_cells else ""
            raise WorkbookError(
                "tabular.cell_far_from_data",
                self.path,
                sheet=name,
                cell=first or _xlsx_far_cell(self.path, name, extent),
                rows=extent.rows,
                columns=extent.columns,
                size_kb=max(1, extent.content // 1024),
            )
        return layout

    def _check_xls(self) -> None:
        """Every sheet of an .xls workbook checked against the limits from its BIFF records
        (``tabular.biff``) before calamine opens it: calamine parses all its sheets at once."""
        try:
            self._xls_book = biff.read_extent(self.path)
        except (biff.BiffError, OSError) as error:
            raise WorkbookError(
                "tabular.workbook_unreadable", self.path, detail=str(error)[:200]
            ) from None
        for name, sheet in zip(self._xls_book.names, self._xls_book.sheets, strict=True):
            extent = _xls_extent(sheet)
            _check_extent(extent, self.limits, self.path, name, extent.far_cell.__str__)

    def _xls_extent(self, name: str) -> _Extent | None:
        """An .xls sheet's extent, read when the workbook was opened; ``None`` when no sheet of
        the records can be matched to ``name``."""
        if self._xls_book is None:
            return None
        position = self.sheet_names.index(name) if name in self.sheet_names else -1
        found = self._xls_book.of(name, position, len(self.sheet_names))
        return _xls_extent(found) if found is not None else None

    def _shared_string_lengths(self) -> list[int]:
        with self._lock_shared:
            if self._shared_lengths is None:
                self._shared_lengths = _xlsx_shared_string_lengths(self.path)
            return self._shared_lengths

    def _scan_xml(self, name: str) -> _Scanned:
        """What calamine's API does not tell: formula cells without a value and error values
        (xlsx)."""
        if self.kind == "xlsx":
            return ((), *_xlsx_unread_cells(self.path, name))
        return (), frozenset(), {}


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
    if isinstance(error, DefusedXmlException):
        return WorkbookError("tabular.xml_entities", path, part=type(error).__name__)
    if isinstance(error, python_calamine.ZipError | zipfile.BadZipFile | EOFError | zlib.error):
        return WorkbookError("tabular.workbook_truncated", path)
    if isinstance(error, python_calamine.CalamineError | OSError | ValueError):
        return WorkbookError("tabular.workbook_unreadable", path, detail=str(error)[:200])
    if isinstance(error, Exception):
        return WorkbookError("tabular.workbook_unreadable", path, detail=type(error).__name__)
    raise error


_DAMAGED: Final = (
    KeyError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    SafeET.ParseError,
    DefusedXmlException,
)
"""What reading a damaged or hostile zip part can raise (a bad deflate stream is ``zlib.error``,
a bad CRC ``BadZipFile``, a bypassed DOCTYPE check one of defusedxml's own errors)."""


def _damaged(error: BaseException, path: Path) -> WorkbookError:
    if isinstance(error, DefusedXmlException):
        return WorkbookError("tabular.xml_entities", path, part=type(error).__name__)
    if isinstance(error, zlib.error | zipfile.BadZipFile | EOFError):
        return WorkbookError("tabular.workbook_truncated", path)
    return WorkbookError("tabular.workbook_unreadable", path, detail=str(error)[:200])


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


# --- the extent of a sheet, before it is parsed ---------------------------------------------------


@attrs.frozen
class _Extent:
    """What a sheet really holds, from its XML, whatever its ``dimension`` element says."""

    rows: int
    """Rows of the box calamine fills, from the first row to the last row with a cell."""
    columns: int
    """Columns of that box, from column A."""
    content: int
    """Bytes of the sheet's XML (ods: of the whole ``content.xml``)."""
    text_chars: int = 0
    """At most this many characters of shared strings are copied into the sheet's cells."""
    hidden_rows: frozenset[int] = frozenset()
    far_cell: str = ""
    """A cell on the box's far edge (its last row or column), named in errors."""
    compact: sparse.SparseLayout | None = None
    """Set when the sheet is read through the sparse path: where its data ends."""
    formulas: bool = True
    """Whether the sheet's XML holds a formula element (``<f>``, ``<f …>``) or an error value
    (``t="e"``): only then is it read again for formulas without a value and error values
    (xlsx: told by the same pass; otherwise assumed)."""


_PREFIX: Final = rb"(?:[A-Za-z_][\w.\-]*:)?"
_QUOTE: Final = rb"[\"']"
# a cell with content: an opening (not self-closing) <c> tag with a reference; a styled empty
# cell (<c r="XFD9" s="1"/>) holds nothing and calamine allocates nothing for it
_CELL_COLUMN: Final = re.compile(
    rb"<"
    + _PREFIX
    + rb"c\s[^>]*?\br\s*=\s*"
    + _QUOTE
    + rb"([A-Za-z]{1,3})[0-9]+"
    + _QUOTE
    + rb"[^>]*(?<!/)>"
)
_CELL_ROW: Final = re.compile(
    rb"<"
    + _PREFIX
    + rb"c\s[^>]*?\br\s*=\s*"
    + _QUOTE
    + rb"[A-Za-z]{1,3}([0-9]{1,10})"
    + _QUOTE
    + rb"[^>]*(?<!/)>"
)
_CELL_OPEN: Final = re.compile(rb"<" + _PREFIX + rb"c(?:\s[^>]*)?(?<!/)>")
_ROW_NUMBER: Final = re.compile(
    rb"<" + _PREFIX + rb"row\s[^>]*?\br\s*=\s*" + _QUOTE + rb"([0-9]{1,10})" + _QUOTE
)
_HIDDEN_ROW: Final = re.compile(
    rb"<" + _PREFIX + rb"row\s[^>]*?\bhidden\s*=\s*" + _QUOTE + rb"(?:1|true)" + _QUOTE + rb"[^>]*>"
)
_SHARED_CELL: Final = re.compile(
    rb"<"
    + _PREFIX
    + rb"c\s[^>]*?\bt\s*=\s*"
    + _QUOTE
    + rb"s"
    + _QUOTE
    + rb"[^>]*(?<!/)>\s*<"
    + _PREFIX
    + rb"v>\s*([0-9]{1,10})\s*<"
)
_SHARED_ITEM: Final = re.compile(rb"<" + _PREFIX + rb"si[\s>/]")
_CHUNK: Final = 1 << 22


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _chunks(stream: IO[bytes], first: int = _CHUNK) -> Iterator[bytes]:
    """The part in pieces that end just before a ``<``, so no tag is cut in two; the first
    piece is about ``first`` bytes long, the others about 4 MiB."""
    tail = b""
    size = first
    while chunk := stream.read(size):
        size = _CHUNK
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0:
            tail = data
            continue
        tail = data[cut:]
        yield data[:cut]
    if tail:
        yield tail


def _xlsx_shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    rels = SafeET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{_PKG_REL_NS}Relationship"):
        if rel.get("Type", "").endswith("/sharedStrings"):
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in archive.namelist() else None


def _xlsx_shared_string_lengths(path: Path) -> list[int]:
    """An upper bound of each shared string's length in characters: the bytes its ``<si>``
    element takes in the file (UTF-8 and markup take at least one byte per character)."""
    try:
        with zipfile.ZipFile(path) as archive:
            part = _xlsx_shared_strings_part(archive)
            if part is None or part not in archive.namelist():
                return []
            starts: list[int] = []
            position = 0
            with archive.open(part) as stream:
                for piece in _chunks(stream):
                    starts.extend(position + m.start() for m in _SHARED_ITEM.finditer(piece))
                    position += len(piece)
    except _DAMAGED as error:
        raise _damaged(error, path) from None
    return [end - start for start, end in zip(starts, [*starts[1:], position], strict=True)]


def _xlsx_extent(
    path: Path, name: str, shared_lengths: Callable[[], list[int]], limits: ReadLimits
) -> _Extent:
    """The sheet's real extent from the cell references of its XML, read as a stream."""
    tally = _Tally()
    try:
        with zipfile.ZipFile(path) as archive:
            part = _xlsx_sheet_part(archive, name)
            if part is None:
                return _Extent(0, 0, 0)
            with archive.open(part) as stream:
                for piece in _chunks(stream, first=1 << 16):  # the exact read of the header
                    tally.add(piece)
            text = 0
            lengths = shared_lengths()
            # a quick bound (each cell takes at least 12 bytes), counted when over the limit
            if tally.bytes // 12 * max(lengths, default=0) > limits.max_text_chars:
                text = _shared_text(archive, part, lengths)
    except _DAMAGED as error:
        raise _damaged(error, path) from None
    hidden = frozenset(r for r in tally.hidden if r < tally.rows)
    return _Extent(tally.rows, tally.columns, tally.bytes, text, hidden, formulas=tally.formulas)


class _Tally:
    """The running extent of a sheet's XML, piece by piece.

    Reading every cell reference with a regular expression costs about as much as calamine's
    whole parse, so most pieces are only checked: the first piece is read exactly (it holds the
    header and sets the columns), and each later one is searched once for a cell reference past
    the columns seen so far or past the piece's last ``<row r="…">``, or a cell written another
    way than ``<c r="…"`` (no reference, another attribute first, a namespace prefix); in an
    ordinary sheet that search finds nothing. A piece where it finds something is read exactly
    (and, for the other ways of writing a cell, every piece after it)."""

    __slots__ = (
        "bytes",
        "cells",
        "columns",
        "errors",
        "exact",
        "formulas",
        "hidden",
        "row_tags",
        "rows",
        "shared",
    )

    def __init__(self) -> None:
        self.rows = self.columns = self.cells = self.row_tags = self.shared = self.bytes = 0
        self.hidden: set[int] = set()
        self.exact = False
        self.errors = ErrorCells()
        self.formulas = False
        """A formula element or an error cell seen: told here so the sheet is not inflated a
        second time to look for one (pieces end before a ``<``, so no element is cut in two)."""

    def add(self, piece: bytes) -> None:
        self.bytes += len(piece)
        # the pattern engine's search for a literal start is faster here than ``bytes in``
        # (0.024 against 0.064 s over a county visits sheet's 78 MB: ``<`` is in every cell)
        # an error cell is looked for only in a piece holding a ``#`` (``error_cells``)
        if not self.formulas and (self.errors.add(piece) or _FORMULA.search(piece) is not None):
            self.formulas = True
        if _HIDDEN.search(piece) is not None:
            for tag in _HIDDEN_ROW.findall(piece):
                number = _ROW_NUMBER.search(tag)
                if number is not None:
                    self.hidden.add(int(number[1]) - 1)
        if self.exact or not self.columns or not self._quick(piece):
            self._exact(piece)

    def _quick(self, piece: bytes) -> bool:
        # ``:`` is one byte (the quickest search there is) and rare in a sheet's cells
        if b":" in piece and b":c" in piece and _PREFIXED_CELL.search(piece) is not None:
            self.exact = True
            return False
        last_row = self.rows
        tag = piece.rfind(b'<row r="')
        if tag >= 0:
            number = _DIGITS.match(piece, tag + 8)
            if number is not None:
                last_row = max(last_row, int(number[0]))
        # two searches, each with a literal start the pattern engine looks for quickly: one
        # pattern with both (``<c`` and a choice) cost twice as much on a county sheet
        if _OTHER_WAY.search(piece) is not None:
            self.exact = True  # cells written another way: read them exactly from here on
            return False
        if _beyond(last_row, self.columns).search(piece) is None:
            self.rows = last_row
            return True
        return False

    def _exact(self, piece: bytes) -> None:
        columns = _CELL_COLUMN.findall(piece)
        if columns:
            self.cells += len(columns)
            widest = max({c.upper() for c in columns}, key=lambda c: (len(c), c))
            self.columns = max(self.columns, _column_number(widest))
            self.rows = max(self.rows, max(map(int, set(_CELL_ROW.findall(piece)))))
        opened = len(_CELL_OPEN.findall(piece))
        if opened > len(columns):  # cells without a reference sit in their row's place
            rows = _ROW_NUMBER.findall(piece)
            self.row_tags += len(rows)
            if rows:
                self.rows = max(self.rows, max(map(int, rows)), self.row_tags)
            self.columns = max(self.columns, opened - len(columns))


_PREFIXED_CELL: Final = re.compile(rb"<[A-Za-z_][\w.\-]*:c[\s>]")
_DIGITS: Final = re.compile(rb"[0-9]{1,10}")


_FORMULA: Final = re.compile(rb"<f[\s>]")
_HIDDEN: Final = re.compile(rb"hidden")
_OTHER_WAY: Final = re.compile(rb'<c(?:>|(?! r=")\s)')
"""A cell written otherwise than ``<c r="…"`` (``<c>``, ``<c s="1" r="…"``, ``<c\tr="…"``)."""


@functools.lru_cache(maxsize=64)
def _beyond(last_row: int, last_column: int) -> re.Pattern[bytes]:
    """A cell written ``<c r="…"`` past ``last_row`` or ``last_column``."""
    letters = _greater_letters(sparse.column_letters(last_column))
    digits = _greater_digits(last_row)
    return re.compile(rb'<c r="(?:' + letters + rb"[0-9]|[A-Za-z]{1,3}" + digits + rb'")')


def _greater_digits(number: int) -> bytes:
    """A pattern for a decimal number greater than ``number`` (leading zeros count as more)."""
    text = str(number)
    options = [b"[0-9]{%d,}" % (len(text) + 1)]
    for i, digit in enumerate(text):
        if digit != "9":
            rest = len(text) - i - 1
            options.append(
                text[:i].encode()
                + b"[%d-9]" % (int(digit) + 1)
                + (b"[0-9]{%d}" % rest if rest else b"")
            )
    return b"(?:" + b"|".join(options) + b")"


def _greater_letters(letters: str) -> bytes:
    """A pattern for column letters (either case) after ``letters``."""
    options = [b"[A-Za-z]{%d,}" % (len(letters) + 1)]
    for i, letter in enumerate(letters):
        if letter != "Z":
            after = chr(ord(letter) + 1)
            same = b"".join(f"[{c}{c.lower()}]".encode() for c in letters[:i])
            rest = len(letters) - i - 1
            options.append(
                same
                + f"[{after}-Z{after.lower()}-z]".encode()
                + (b"[A-Za-z]{%d}" % rest if rest else b"")
            )
    return b"(?:" + b"|".join(options) + b")"


def _shared_text(archive: zipfile.ZipFile, part: str, lengths: list[int]) -> int:
    """The characters of shared strings the sheet's cells refer to (upper bound, exact count
    of references)."""
    total = 0
    count = len(lengths)
    with archive.open(part) as stream:
        for piece in _chunks(stream):
            for index in map(int, _SHARED_CELL.findall(piece)):
                if index < count:
                    total += lengths[index]
    return total


def _xlsx_far_cell(path: Path, name: str, extent: _Extent) -> str:
    """A cell with content in the box's last row or last column (for the error message)."""
    row, column = str(extent.rows).encode(), sparse.column_letters(extent.columns).encode()
    by_row = extent.rows >= extent.columns
    try:
        with zipfile.ZipFile(path) as archive:
            part = _xlsx_sheet_part(archive, name)
            if part is not None:
                with archive.open(part) as stream:
                    for piece in _chunks(stream):
                        for match in _CELL_REF_BYTES.finditer(piece):
                            # the longer side of the box is the one a stray cell stretched
                            if (match[2] if by_row else match[1].upper()) == (
                                row if by_row else column
                            ):
                                return (match[1] + match[2]).decode()
    except _DAMAGED as error:
        raise _damaged(error, path) from None
    return f"{sparse.column_letters(extent.columns)}{extent.rows}"


_CELL_REF_BYTES: Final = re.compile(
    rb"<" + _PREFIX + rb"c\s[^>]*?\br\s*=\s*" + _QUOTE + rb"([A-Za-z]{1,3})([0-9]{1,10})" + _QUOTE
)


def _check_extent(
    extent: _Extent, limits: ReadLimits, path: Path, sheet: str, far: Callable[[], str]
) -> None:
    """Refuse a sheet whose box would cost far more than its content (a stray far cell) and
    that is not read through the sparse path, or more than the limit however full, or whose
    shared text would be copied past the limit."""
    box = extent.rows * extent.columns
    if extent.compact is not None:
        box = extent.compact.box  # checked against the same bounds when it was measured
    if box > limits.min_sheet_box_cells:
        if box > extent.content * limits.box_cells_per_byte:
            raise WorkbookError(
                "tabular.cell_far_from_data",
                path,
                sheet=sheet,
                cell=far(),
                rows=extent.rows,
                columns=extent.columns,
                size_kb=max(1, extent.content // 1024),
            )
        if box > limits.max_sheet_box_cells:
            raise WorkbookError(
                "tabular.sheet_too_large",
                path,
                sheet=sheet,
                rows=extent.rows,
                columns=extent.columns,
                limit=limits.max_sheet_box_cells,
            )
    if extent.text_chars > limits.max_text_chars:
        raise WorkbookError(
            "tabular.text_too_large",
            path,
            sheet=sheet,
            chars=extent.text_chars,
            limit=limits.max_text_chars,
        )


def _xls_extent(sheet: biff.SheetExtent) -> _Extent:
    return _Extent(
        sheet.rows, sheet.columns, sheet.content, sheet.text_chars, far_cell=sheet.far_cell
    )


def _too_sparse(extent: _Extent, limits: ReadLimits) -> bool:
    """Whether the sheet's box would cost far more than its content: a stray cell far away."""
    box = extent.rows * extent.columns
    return box > limits.min_sheet_box_cells and box > extent.content * limits.box_cells_per_byte


def _cut_merges(
    merged: tuple[Merge, ...], extent: _Extent | None, limits: ReadLimits, path: Path, sheet: str
) -> tuple[Merge, ...]:
    """Merged ranges cut to the sheet's extent (no cell past it holds anything to fill), then
    held to ``limits.max_merged_cells``."""
    if extent is None:
        if not merged:
            return merged
        last_row, last_column = 65_536, 256  # .xls: the format's own bounds
    else:
        last_row, last_column = extent.rows - 1, extent.columns - 1
    cut: list[Merge] = []
    covered = 0
    for (r0, c0), (r1, c1) in merged:
        if r0 > last_row or c0 > last_column or r1 < r0 or c1 < c0 or r0 < 0 or c0 < 0:
            continue
        r1, c1 = min(r1, last_row), min(c1, last_column)
        if r1 == r0 and c1 == c0:
            continue  # cut down to its own cell: nothing to fill
        covered += (r1 - r0 + 1) * (c1 - c0 + 1)
        cut.append(((r0, c0), (r1, c1)))
    if covered > limits.max_merged_cells:
        raise WorkbookError(
            "tabular.too_many_merged_cells",
            path,
            sheet=sheet,
            cells=covered,
            limit=limits.max_merged_cells,
        )
    return tuple(cut)


# --- CSV ------------------------------------------------------------------------------------------


_UTF16_MARKS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def detect_csv_encoding(path: Path) -> str:
    """``utf-8-sig`` (with BOM), ``utf-8`` or ``gb18030`` (which covers GBK), or ``utf-16`` for a
    file that starts with its mark (Excel's “Unicode 文本”), by decoding the whole file
    incrementally (memory stays flat); ``WorkbookError('tabular.csv_undecodable')`` if none,
    ``tabular.csv_invalid_byte`` (naming the line) for a file marked UTF-8 by its BOM that is
    not."""
    with path.open("rb") as stream:
        head = stream.read(3)
    marked = head == codecs.BOM_UTF8
    wide = head.startswith(_UTF16_MARKS)
    candidates = ("utf-8-sig",) if marked else ("utf-16",) if wide else ("utf-8", "gb18030")
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as stream:
                while chunk := stream.read(1 << 16):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if marked:
                raise WorkbookError(
                    "tabular.csv_invalid_byte", path, line=_first_undecodable_line(path)
                ) from None
            continue
        return encoding
    raise WorkbookError("tabular.csv_undecodable", path)


def _first_undecodable_line(path: Path) -> int:
    """The 1-based number of the first line that is not UTF-8 (a UTF-8 sequence never holds a
    newline byte, so lines can be decoded one by one)."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def _csv_dialect(stream: IO[str]) -> Any:
    """Excel's CSV dialect with the delimiter the file uses (comma, tab or semicolon). Only the
    delimiter is taken from ``csv.Sniffer``: its guesses about quoting (``doublequote=False``
    on a stray quote) would let a damaged file through strict mode."""
    sample = stream.read(8192)
    stream.seek(0)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ","
    # the sniffer trusts a quoted field first: one cell quoting a comma (=IF(D5="","",D5), a
    # remark) in a semicolon file made it read the file by commas, and the register was lost.
    # The delimiter that splits the sample's lines into the most cells alike wins; the
    # sniffer's guess where none splits them or two do equally well.
    lines = sample.splitlines()[:-1] if len(sample) >= 8192 else sample.splitlines()
    best, delimiter = _table_shape(lines, sniffed), sniffed
    for other in _DELIMITERS:
        shape = _table_shape(lines, other)
        if shape > best:
            best, delimiter = shape, other
    return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


_DELIMITERS: Final = ",\t;"


def _table_shape(lines: list[str], delimiter: str) -> int:
    """How well ``delimiter`` cuts ``lines`` into a table: the rows of the commonest width (two
    cells or more) times the cells past the first."""
    try:
        widths = Counter(len(cells) for cells in csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return 0
    width, rows = max(widths.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
    return rows * (width - 1) if width > 1 else 0


def check_csv(
    path: Path, encoding: str, limits: ReadLimits = DEFAULT_LIMITS
) -> dict[tuple[int, int], str]:
    """Read the whole CSV file once in strict mode before any row is used, so a damaged file is
    refused whole rather than read wrong: a quote that opens and never closes
    (``tabular.csv_quote_unclosed``, naming the line where it opens), a quoted field that
    swallows lines shaped like rows (the same code), text after a closing quote
    (``tabular.csv_quote_misplaced``) and a field over the csv module's limit
    (``tabular.csv_field_too_long``). Returns the cells holding an Excel error value as Excel
    saves it (``#N/A``), by (row, column)."""
    del limits  # the csv module's own field limit (128 KiB) holds: no Excel cell is longer
    with path.open(encoding=encoding, newline="") as stream:
        dialect = _csv_dialect(stream)
        reader = csv.reader(stream, dialect, strict=True)
        delimiter = getattr(dialect, "delimiter", ",")
        width = 0
        start = 1
        errors: dict[tuple[int, int], str] = {}
        try:
            for index, cells in enumerate(reader):
                if not width:
                    width = len(cells)
                if "#" in "".join(cells):  # rare: each cell is looked at only then
                    for column, cell in enumerate(cells):
                        if cell.strip() in EXCEL_ERRORS:
                            errors[(index, column)] = cell.strip()
                if width > 2:
                    for cell in cells:
                        if "\n" in cell and _swallows_rows(cell, delimiter, width):
                            raise WorkbookError("tabular.csv_quote_unclosed", path, line=start)
                start = reader.line_num + 1
        except csv.Error as error:
            text = str(error)
            if "field larger" in text:
                raise WorkbookError("tabular.csv_field_too_long", path, line=start) from None
            if "unexpected end of data" in text or "EOF" in text:
                raise WorkbookError("tabular.csv_quote_unclosed", path, line=start) from None
            raise WorkbookError("tabular.csv_quote_misplaced", path, line=reader.line_num) from None
    return errors


def _swallows_rows(cell: str, delimiter: str, width: int) -> bool:
    """A quoted field with lines holding nearly a row's worth of delimiters: a quote left open
    that took the following rows into one cell."""
    return any(line.count(delimiter) >= width - 2 for line in cell.split("\n")[1:])


def _csv_rows(
    path: Path, encoding: str, errors: Mapping[tuple[int, int], str]
) -> Iterator[tuple[int, list[RawValue | None]]]:
    """The rows, an error value's cell given as empty (as calamine gives it from a workbook)."""
    rows = {row for row, _ in errors}
    with path.open(encoding=encoding, newline="") as stream:
        dialect = _csv_dialect(stream)
        for index, cells in enumerate(csv.reader(stream, dialect)):
            row: list[RawValue | None] = list(cells)
            if index in rows:
                for column, _ in enumerate(cells):
                    if (index, column) in errors:
                        row[column] = None
            yield index, row


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


_Scanned = tuple[tuple[Merge, ...], frozenset[tuple[int, int]], dict[tuple[int, int], str]]
"""What a sheet's XML scan finds: merged ranges (ods), formula cells without a value and error
values by cell."""


def _xlsx_unread_cells(
    path: Path, name: str
) -> tuple[frozenset[tuple[int, int]], dict[tuple[int, int], str]]:
    """The formula cells without a cached value and the cells holding an error value."""
    found: set[tuple[int, int]] = set()
    errors: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            part = _xlsx_sheet_part(archive, name)
            if part is None:
                return frozenset(), errors
            with archive.open(part) as stream:
                # a formula element, not any tag starting with f (<firstHeader> of a print set-up)
                if not _stream_contains(stream, b"<f>", b"<f ", ERROR_CELL):
                    return frozenset(), errors
            with archive.open(part) as stream:
                for _event, element in SafeET.iterparse(stream, events=("end",)):
                    if element.tag == f"{_MAIN_NS}c":
                        formula = element.find(f"{_MAIN_NS}f")
                        cached = element.find(f"{_MAIN_NS}v")
                        shown = (cached.text or "") if cached is not None else ""
                        index = _cell_index(element.get("r", ""))
                        if index is not None:
                            if element.get("t") == "e" and shown:
                                errors[index] = shown.strip()
                            elif formula is not None and not shown:
                                found.add(index)
                        element.clear()
                    elif element.tag == f"{_MAIN_NS}row":
                        element.clear()
    except _DAMAGED as error:
        raise _damaged(error, path) from None
    return frozenset(found), errors


_TABLE_NS: Final = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS: Final = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_scan(
    path: Path, name: str
) -> tuple[tuple[Merge, ...], frozenset[tuple[int, int]], _Extent]:
    """Merged ranges, formula cells without a value and the extent of one sheet of an ods file.

    Repeated cells and rows (``number-columns-repeated``, ``number-rows-repeated``) count in the
    extent only when they hold something: LibreOffice pads every sheet with empty repeats."""
    merged: list[Merge] = []
    formulas: set[tuple[int, int]] = set()
    hidden: set[int] = set()
    table, row_tag = f"{_TABLE_NS}table", f"{_TABLE_NS}table-row"
    cell_tags = {f"{_TABLE_NS}table-cell", f"{_TABLE_NS}covered-table-cell"}
    value_type = f"{_OFFICE_NS}value-type"
    inside, depth, row, column, repeat = False, 0, 0, 0, 1
    last_row = last_column = content = 0
    far = ""
    row_has_content = False
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            content = archive.getinfo("content.xml").file_size
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
                        column, row_has_content = 0, False
                        repeat = int(element.get(f"{_TABLE_NS}number-rows-repeated", "1"))
                        if element.get(f"{_TABLE_NS}visibility", "visible") != "visible":
                            hidden.update(range(row, row + min(repeat, 1_000)))
                    else:
                        if row_has_content and row + repeat > last_row:
                            last_row = row + repeat
                        row += repeat
                        element.clear()
                elif tag in cell_tags and event == "end":
                    columns = int(element.get(f"{_TABLE_NS}number-columns-repeated", "1"))
                    span_rows = int(element.get(f"{_TABLE_NS}number-rows-spanned", "1"))
                    span_cols = int(element.get(f"{_TABLE_NS}number-columns-spanned", "1"))
                    if span_rows > 1 or span_cols > 1:
                        merged.append(
                            ((row, column), (row + span_rows - 1, column + span_cols - 1))
                        )
                    if element.get(f"{_TABLE_NS}formula") and not element.get(value_type):
                        formulas.add((row, column))
                    if element.get(value_type) or len(element):
                        row_has_content = True
                        if column + columns > last_column:
                            last_column = column + columns
                            far = f"{sparse.column_letters(last_column)}{row + 1}"
                    column += columns
                    element.clear()
    except _DAMAGED as error:
        raise _damaged(error, path) from None
    held = frozenset(r for r in hidden if r < last_row)  # not the empty repeats below
    extent = _Extent(last_row, last_column, content, 0, held, far)
    return tuple(merged), frozenset(formulas), extent
