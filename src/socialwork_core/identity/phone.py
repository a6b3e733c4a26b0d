"""Phone numbers (联系电话): split cells holding several numbers, normalise, validate, mask.

Ledgers mix mobiles and landlines in one cell (``13812345678/0763-1234567``). Accepted forms:

- mobile: 11 digits starting ``1[3-9]``, optionally after ``+86``/``86``; kept as the 11 digits;
- landline with area code: ``010``/``02x`` or ``0`` + 3 digits, then 7–8 digits, any separator; kept as
  ``0763-1234567``; an extension (``-123``, ``转123``) is kept after ``-``;
- local landline: 7–8 digits without area code, written as one group or two (8123 4567); kept as
  written.

Finding codes: ``phone.invalid`` [error] for a piece that is none of these.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from ..findings import Finding
from ..glossary.terms import Severity
from ..glossary.value_words import PHONE_EXTENSION_MARKERS, PHONE_SEPARATORS

__all__ = ["PhoneSplit", "is_mobile", "mask", "normalise", "split_phones"]

_STRONG_SEPARATORS = re.compile(f"[{re.escape(PHONE_SEPARATORS)}]+|\\s{{2,}}")
_NOISE = re.compile(r"[\s\-().]")  # applied after NFKC, which turns full-width brackets into ASCII
_MOBILE = re.compile(r"^(?:\+?86)?(1[3-9]\d{9})$")
_EXTENSION = "|".join(re.escape(m) for m in PHONE_EXTENSION_MARKERS)
_LANDLINE = re.compile(rf"^(0[12]\d|0[3-9]\d{{2}})(\d{{7,8}})(?:(?:{_EXTENSION})(\d{{1,5}}))?$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
_LOCAL_WRITTEN = re.compile(r"\d{3,4}[\s-]?\d{4}\Z")
"""A local number as it is written: one group of digits or two (8123 4567, 8123-4567); a date
typed in the phone column (2024.13.45, 2024-03-05) is none."""


@attrs.frozen
class PhoneSplit:
    """The numbers found in one cell, normalised, plus a finding per piece that is not a number."""

    numbers: tuple[str, ...]
    findings: tuple[Finding, ...]


_PLAIN_MOBILE = re.compile(r"1[3-9]\d{9}\Z", re.ASCII)
"""A mobile number as most cells hold it: 11 ASCII digits, already in normalised form."""


def normalise(piece: str) -> str | None:
    """The normalised form of one number, or ``None`` if it is not a phone number."""
    if _PLAIN_MOBILE.match(piece):  # what the steps below give back for it, without them
        return piece
    text = unicodedata.normalize("NFKC", piece).strip().upper()
    digits = _NOISE.sub("", text)
    if m := _MOBILE.match(digits):
        return m.group(1)
    if m := _LANDLINE.match(digits):
        area, local, ext = m.groups()
        return f"{area}-{local}" + (f"-{ext}" if ext else "")
    if _LOCAL.match(digits) and _LOCAL_WRITTEN.match(text):
        return digits
    return None


def split_phones(cell: object) -> PhoneSplit:
    """Split a cell into numbers. Pieces are separated by 、，,/;； or line breaks; a piece that is
    not one number is tried again split on single spaces (``13812345678 13987654321``).
    """
    if cell is None:
        return PhoneSplit((), ())
    if type(cell) is str and _PLAIN_MOBILE.match(cell):  # one mobile, the common cell
        return PhoneSplit((cell,), ())
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        cell = format(cell, ".0f") if isinstance(cell, float) else str(cell)
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    numbers: list[str] = []
    findings: list[Finding] = []
    for piece in _STRONG_SEPARATORS.split(text):
        piece = piece.strip()
        if not piece:
            continue
        whole = normalise(piece)
        if whole is not None:
            numbers.append(whole)
            continue
        parts = [normalise(p) for p in piece.split()]
        if len(parts) > 1 and all(p is not None for p in parts):
            numbers.extend(p for p in parts if p is not None)
            continue
        findings.append(Finding.of("phone.invalid", Severity.ERROR, value=piece))
    return PhoneSplit(tuple(numbers), tuple(findings))


def is_mobile(number: str) -> bool:
    """True for an 11-digit mobile number in normalised form."""
    return _MOBILE.match(number) is not None


def mask(number: str) -> str:
    """Mask for display outside the station: the first 3 and last 4 digits kept.

    Separators are dropped in the masked form (``0763-1234567`` → ``076****4567``).
    """
    digits = re.sub(r"\D", "", number)
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
