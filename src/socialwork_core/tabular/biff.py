"""The extent of a legacy .xls sheet, read from its BIFF records before calamine parses it.

An .xls workbook is a compound file (CFB, “OLE2”) holding a ``Workbook`` stream of BIFF records
(``Book`` in BIFF5). calamine fills a dense box per sheet from A1 to the last cell, about 32
bytes a cell: the format's own bound (65,536 × 256 cells) is 537 MB, asked for by one value in
IV65536 of a 5 KB file, and a long shared string is copied into every cell that quotes it. So the
stream is read here first, record by record, with no cell value decoded:

- the sheets (``BOUNDSHEET``) and where each starts in the stream;
- each sheet's cells (``NUMBER``, ``RK``, ``MULRK``, ``LABELSST``, ``LABEL``, ``RSTRING``,
  ``FORMULA``, ``BOOLERR``; blank cells, which calamine leaves out, are not counted): the last
  row and column that hold something, the bytes of the sheet's records (its content), and the
  characters of shared strings its cells quote, from the shared string table's lengths (``SST``
  and its ``CONTINUE`` records).

``tabular.sources`` checks that extent against the same ``ReadLimits`` as an xlsx sheet. There
is no sparse path for .xls (the file would have to be written again as BIFF): a stray cell far
from the data is refused naming it (``tabular.cell_far_from_data``). A compound file or BIFF
stream this reader cannot follow is a damaged file (``BiffError``); every loop is bounded by the
file's size.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import attrs

_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LAST_SECTOR: Final = 0xFFFFFFFA  # sector numbers from here up are markers, not sectors
_STREAM: Final = 2
_ROOT: Final = 5

_EOF: Final = 0x000A
_BOF: Final = 0x0809
_BIFF8: Final = 0x0600
_BOUNDSHEET: Final = 0x0085
_SST: Final = 0x00FC
_CONTINUE: Final = 0x003C
_LABELSST: Final = 0x00FD
_MULRK: Final = 0x00BD
_CELLS: Final = frozenset({0x0203, 0x027E, 0x0204, 0x00D6, 0x0006, 0x0205, _LABELSST, _MULRK})
"""NUMBER, RK, LABEL, RSTRING, FORMULA, BOOLERR, LABELSST, MULRK: the records holding a value."""


class BiffError(ValueError):
    """The compound file or its BIFF stream cannot be followed (a damaged file)."""


@attrs.frozen
class SheetExtent:
    """What one .xls sheet holds, from its records."""

    rows: int
    """Rows of calamine's box: the last row with a value, 1-based."""
    columns: int
    """Its columns: the last column with a value, 1-based."""
    content: int
    """Bytes of the sheet's records."""
    text_chars: int
    """Characters of shared strings its cells quote, in all."""
    far_cell: str
    """A cell on the box's far edge (its last row or, when wider than long, last column)."""


@attrs.frozen
class BookExtent:
    """Every sheet of an .xls workbook, in the order of its ``BOUNDSHEET`` records."""

    names: tuple[str, ...]
    sheets: tuple[SheetExtent, ...]

    def of(self, name: str, position: int, count: int) -> SheetExtent | None:
        """The sheet called ``name``, else the one at ``position`` when the workbook has as many
        sheets as calamine lists (``count``); a name written in an old code page may read
        differently here)."""
        if name in self.names:
            return self.sheets[self.names.index(name)]
        if len(self.sheets) == count and 0 <= position < count:
            return self.sheets[position]
        return None


def read_extent(path: Path) -> BookExtent:
    """The extent of every sheet of the .xls file at ``path`` (see the module docstring)."""
    try:
        stream = _workbook_stream(path.read_bytes())
        return _scan(stream)
    except (struct.error, IndexError, OverflowError, UnicodeDecodeError) as error:
        raise BiffError(type(error).__name__) from None


# --- the compound file ----------------------------------------------------------------------------


def _workbook_stream(data: bytes) -> bytes:
    if not data.startswith(_MAGIC) or len(data) < 512:
        raise BiffError("not a compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise BiffError("sector size")
    size = 1 << shift
    (fat_count, directory, cutoff, mini_fat, mini_fat_count, difat_next, difat_count) = (
        struct.unpack_from("<I", data, 44)[0],
        *struct.unpack_from("<I", data, 48),
        *struct.unpack_from("<IIIII", data, 56),
    )
    sectors = (len(data) + size - 1) // size - 1  # the header takes the first sector's place

    def sector(number: int) -> bytes:
        start = (number + 1) * size
        if number >= sectors:
            raise BiffError("sector past the end")
        return data[start : start + size]

    difat = list(struct.unpack_from("<109I", data, 76))
    for _ in range(min(difat_count, sectors)):
        if difat_next >= _LAST_SECTOR:
            break
        links = struct.unpack(f"<{size // 4}I", sector(difat_next).ljust(size, b"\0"))
        difat += links[:-1]
        difat_next = links[-1]
    fat = array("I")
    for number in [n for n in difat if n < _LAST_SECTOR][:fat_count]:
        fat.frombytes(sector(number).ljust(size, b"\0"))
    if fat.itemsize != 4:
        raise BiffError("platform")

    def chain(start: int, table: array[int]) -> Iterator[int]:
        number, steps = start, 0
        while number < _LAST_SECTOR:
            if number >= len(table) or steps > len(table):
                raise BiffError("broken sector chain")
            yield number
            number, steps = table[number], steps + 1

    directory_bytes = b"".join(sector(n) for n in chain(directory, fat))
    entries = [directory_bytes[i : i + 128] for i in range(0, len(directory_bytes) - 127, 128)]
    if not entries or entries[0][66] != _ROOT:
        raise BiffError("no root entry")
    found = None
    for wanted in ("Workbook", "Book"):
        for entry in entries:
            length = min(struct.unpack_from("<H", entry, 64)[0], 64)
            if (
                entry[66] == _STREAM
                and entry[: max(0, length - 2)].decode("utf-16-le", "replace") == wanted
            ):
                found = entry
                break
        if found is not None:
            break
    if found is None:
        raise BiffError("no workbook stream")
    start, length = struct.unpack_from("<II", found, 116)
    if length > len(data):
        raise BiffError("stream longer than the file")
    if length >= cutoff:
        return b"".join(sector(n) for n in chain(start, fat))[:length]
    # a small stream lives in the mini stream, in 64-byte pieces listed by the mini FAT
    root_start = struct.unpack_from("<I", entries[0], 116)[0]
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat))
    mini = array("I")
    for number in list(chain(mini_fat, fat))[:mini_fat_count]:
        mini.frombytes(sector(number).ljust(size, b"\0"))
    pieces = [mini_stream[n * 64 : n * 64 + 64] for n in chain(start, mini)]
    return b"".join(pieces)[:length]


# --- BIFF records ---------------------------------------------------------------------------------


def _records(stream: bytes, start: int) -> Iterator[tuple[int, int, int]]:
    """(type, offset of the body, length) of each record from ``start`` to its ``EOF``."""
    position = start
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        if body + length > len(stream):
            raise BiffError("record past the end")
        yield kind, body, length
        if kind == _EOF:
            return
        position = body + length


def _scan(stream: bytes) -> BookExtent:
    names: list[str] = []
    starts: list[int] = []
    pieces: list[bytes] = []
    biff8 = in_table = False
    for kind, body, length in _records(stream, 0):
        if in_table and kind == _CONTINUE:
            pieces.append(stream[body : body + length])
            continue
        in_table = False
        if kind == _BOF and length >= 2:
            biff8 = struct.unpack_from("<H", stream, body)[0] == _BIFF8
        elif kind == _BOUNDSHEET and length >= 7:
            offset, _state, _type, count = struct.unpack_from("<IBBB", stream, body)
            if biff8:  # BIFF8 names say whether their characters take one byte or two
                wide = length >= 8 and stream[body + 7] & 1
                raw = stream[body + 8 : body + 8 + count * (2 if wide else 1)]
                names.append(raw.decode("utf-16-le" if wide else "latin-1", "replace"))
            else:  # BIFF5: bytes in the workbook's code page, matched by position instead
                names.append(stream[body + 7 : body + 7 + count].decode("latin-1"))
            starts.append(offset)
        elif kind == _SST:
            pieces, in_table = [stream[body : body + length]], True
    lengths = _shared_lengths(pieces)
    sheets = tuple(_sheet(stream, start, lengths) for start in starts)
    return BookExtent(tuple(names), sheets)


def _shared_lengths(pieces: list[bytes]) -> list[int]:
    """The length in characters of each string of the shared string table, whose records are
    ``pieces`` (the SST's body and its CONTINUEs; a string's characters may run on into the
    next, which then starts with a byte saying how wide they are)."""
    if not pieces or len(pieces[0]) < 8:
        return []
    unique = struct.unpack_from("<I", pieces[0], 4)[0]
    lengths: list[int] = []
    piece, at = 0, 8

    def skip(count: int) -> None:
        nonlocal piece, at
        while count:
            if piece >= len(pieces):
                raise BiffError("shared strings past their records")
            step = min(count, len(pieces[piece]) - at)
            at += step
            count -= step
            if at >= len(pieces[piece]) and count:
                piece, at = piece + 1, 0

    while len(lengths) < unique and piece < len(pieces):
        if at >= len(pieces[piece]):
            piece, at = piece + 1, 0
            continue
        data = pieces[piece]
        chars, flags = struct.unpack_from("<HB", data, at)
        at += 3
        runs = struct.unpack_from("<H", data, at)[0] if flags & 0x08 else 0
        at += 2 if flags & 0x08 else 0
        extra = struct.unpack_from("<I", data, at)[0] if flags & 0x04 else 0
        at += 4 if flags & 0x04 else 0
        width, left = (2 if flags & 1 else 1), chars
        while left:
            room = (len(pieces[piece]) - at) // width
            if room <= 0:
                piece += 1
                if piece >= len(pieces):
                    raise BiffError("shared string past its records")
                width, at = (2 if pieces[piece][0] & 1 else 1), 1
                continue
            taken = min(room, left)
            at += taken * width
            left -= taken
        skip(4 * runs + extra)
        lengths.append(chars)
    return lengths


def _sheet(stream: bytes, start: int, shared: list[int]) -> SheetExtent:
    last_row = last_column = 0
    row_cell = column_cell = (0, 0)
    text = 0
    end = start
    for kind, body, length in _records(stream, start):
        end = body + length
        if kind not in _CELLS or length < 4:
            continue
        row, column = struct.unpack_from("<HH", stream, body)
        if kind == _MULRK and length >= 6:
            column = struct.unpack_from("<H", stream, body + length - 2)[0]
        elif kind == _LABELSST and length >= 10:
            index = struct.unpack_from("<I", stream, body + 6)[0]
            text += shared[index] if index < len(shared) else 0
        if row + 1 > last_row:
            last_row, row_cell = row + 1, (row, column)
        if column + 1 > last_column:
            last_column, column_cell = column + 1, (row, column)
    far_row, far_column = row_cell if last_row >= last_column else column_cell
    far = f"{_letters(far_column + 1)}{far_row + 1}" if last_row else ""
    return SheetExtent(last_row, last_column, end - start, text, far)


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
