"""Masking personal data in anything that leaves the station (PIPL; docs/domain.md section 7).

One function, :func:`mask_text`, is used by every such output: report workbooks and their JSON,
and everything the command line prints. It finds numbers however they are written:

- a run of digits (ASCII or full-width) with up to two separators between digits (spaces, ``-``,
  ``.``, ``·``, ``/``, brackets, ``—``), glued to letters or not (``ID4101…``, ``(0763)1234567``,
  ``138 0000 5678``, ``138.0000.5678``), is read as one number;
- 15 digits or more (an ID, with or without its check character ``X``, also mistyped with 17 or
  19 digits, a 残疾人证 number, two numbers run together) keeps its first 6 and last 4
  characters (:func:`socialwork_core.identity.resident_id.mask`);
- 11 to 14 digits starting with ``1`` (a mobile, a mistyped one, ``86`` before one) and 10 to 14
  starting with ``0`` (a landline with its area code) keep their first 3 and last 4 digits
  (:func:`socialwork_core.identity.phone.mask`);
- a run whose digit groups read as a date or a range of dates (``2023.03.01-2023.03.31``,
  ``20230301-20230331``) is left alone, and so are shorter numbers (档案号2022031800) and codes
  of 12 digits not starting with 0 or 1 (a village's statistical code).

Separators inside a masked number are dropped, as the identity masks drop them. With
:class:`PeopleNames` (the names of a ledger's people, :func:`people_names`), every occurrence of
a full name in the text is shortened to the family name followed by ``*``; given findings, also
the names their messages hold (a person not on the ledger) and the ID and phone numbers they
quote as written, typos and all. What each form looks like and the test that proves it:
``docs/data-protection.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Protocol

import attrs

from ..findings import Finding
from ..glossary import vocabulary as words
from ..glossary.messages import NUMBER_FIELDS, PERSON_FIELDS
from ..identity import phone, resident_id
from ..recipients import Recipient

__all__ = ["PeopleNames", "mask_name", "mask_text", "people_names", "person_label"]

# character classes built from code points: full-width digits U+FF10-U+FF19; separators: space,
# no-break space, ideographic space, - . · / ( ) and their full-width forms U+FF08 U+FF09, dashes
_DIGIT: Final = f"0-9{chr(0xFF10)}-{chr(0xFF19)}"
_SEPARATOR: Final = " \u00a0\\-.\u00b7/()\u2014\u2013_" + chr(0x3000) + chr(0xFF08) + chr(0xFF09)
_RUN: Final = re.compile(f"[{_DIGIT}](?:[{_SEPARATOR}]{{0,2}}[{_DIGIT}])*(?:[Xx](?![A-Za-z]))?")
_GROUPS: Final = re.compile(f"[{_DIGIT}]+")
_FULL_WIDTH: Final = str.maketrans({0xFF10 + d: str(d) for d in range(10)})


def _is_date(year: str, month: str, day: str | None = None) -> bool:
    if len(year) != 4 or not 1900 <= int(year) <= 2100 or not 1 <= len(month) <= 2:
        return False
    if not 1 <= int(month) <= 12:
        return False
    return day is None or (1 <= len(day) <= 2 and 1 <= int(day) <= 31)


def _is_compact_date(group: str) -> bool:
    return len(group) == 8 and _is_date(group[:4], group[4:6], group[6:])


def _dates_only(groups: list[str]) -> bool:
    """The digit groups are one date or a range of two (year-month-day or 8 digits each)."""
    if all(_is_compact_date(g) for g in groups) and len(groups) <= 2:
        return True
    if len(groups) in (3, 6) and all(
        _is_date(*groups[i : i + 3]) for i in range(0, len(groups), 3)
    ):
        return True
    if len(groups) == 4 and all(_is_date(*groups[i : i + 2]) for i in (0, 2)):
        return True  # 2023.03-2023.05
    return len(groups) == 4 and _is_date(*groups[:3]) and _is_compact_date(groups[3])


def _mask_number(match: re.Match[str]) -> str:
    run = match[0]
    check = run[-1] in "Xx"
    groups = _GROUPS.findall(run)
    digits = "".join(groups).translate(_FULL_WIDTH)
    count = len(digits)
    if check and count not in (14, 17):  # an X after a number that is no ID: not a check digit
        masked = _mask_digits(digits, groups, run[:-1])
        return masked + run[-1]
    if check:
        return resident_id.mask(digits + "X")
    return _mask_digits(digits, groups, run)


def _mask_digits(digits: str, groups: list[str], run: str) -> str:
    count = len(digits)
    if _dates_only(groups):
        return run
    if count >= 15:
        return resident_id.mask(digits)
    if count >= 11 and digits[0] == "1":
        return phone.mask(digits)
    if count >= 13 and digits.startswith("861"):
        return phone.mask(digits[2:])
    if 10 <= count <= 14 and digits[0] == "0":
        return phone.mask(digits)
    return run


@attrs.frozen
class PeopleNames:
    """Full names to find in free text (two characters or more; one character is no name), and
    numbers as written (an ID with a letter among its digits, a mobile short of a digit) that the
    number forms of :func:`mask_text` would not know, to be masked whole."""

    names: frozenset[str]
    lengths: tuple[int, ...]
    """The lengths of the names and numbers, longest first (a longer one wins where two overlap)."""
    numbers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, names: Iterable[str], numbers: Iterable[str] = ()) -> PeopleNames:
        kept = frozenset(n.strip() for n in names if len(n.strip()) >= 2)
        written = frozenset(n.strip() for n in numbers if len(n.strip()) >= _NUMBER_SHOWN)
        lengths = {len(n) for n in kept | written}
        return cls(kept, tuple(sorted(lengths, reverse=True)), written)

    def mask(self, text: str) -> str:
        """``text`` with each of the names in it shortened (张有才 → 张**) and each of the
        numbers masked whole."""
        if not self.lengths or not text:
            return text
        names, numbers, lengths = self.names, self.numbers, self.lengths
        out: list[str] = []
        i, end = 0, len(text)
        while i < end:
            for length in lengths:
                found = text[i : i + length]
                if found in names:
                    out.append(mask_name(found))
                elif found in numbers:
                    out.append(_mask_written(found))
                else:
                    continue
                i += length
                break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)


_NUMBER_SHOWN: Final = 10
"""A number as written shorter than this identifies no one (free text leaves such numbers too)."""


def _mask_written(number: str) -> str:
    """A number as written masked by its length as an ID or a phone is: 15 characters or more keep
    their first 6 and last 4, fewer their first 3 and last 4."""
    head = 6 if len(number) >= 15 else 3
    return number[:head] + "*" * (len(number) - head - 4) + number[-4:]


NO_NAMES: Final = PeopleNames.of(())


class _HasRecipients(Protocol):
    @property
    def recipients(self) -> Iterable[Recipient]: ...


def people_names(ledger: _HasRecipients, findings: Iterable[Finding] = ()) -> PeopleNames:
    """The names of a ledger's people: its recipients, and the guardians and carers named on
    their records; and what ``findings`` about it quote: the people their messages name, on the
    ledger or not (a visit to someone not registered), a name typed in a cell of another column
    that a cell's message quotes (``_typed_name``), and the ID and phone numbers as written
    (``glossary.messages.PERSON_FIELDS`` and ``NUMBER_FIELDS`` say which fields hold them)."""
    names: set[str] = set()
    for person in ledger.recipients:
        names.add(person.name)
        if person.guardian:
            names.add(person.guardian)
    numbers: set[str] = set()
    for finding in findings:
        typed = _typed_name(finding.params.get(CELL_FIELD, ""))
        if typed:
            names.add(typed)
        for field in PERSON_FIELDS.get(finding.code, ()):
            name = _name_written(finding.params.get(field, ""))
            if name:
                names.add(name)
        for field in NUMBER_FIELDS.get(finding.code, ()):
            number = finding.params.get(field, "")
            # 不详 holds no number, and a date typed in a phone cell identifies no one
            if _DIGITS.search(number) and not _dates_only(_GROUPS.findall(number)):
                numbers.add(number)
    return PeopleNames.of(names, numbers)


_REMARK: Final = re.compile(f"[(\\[{chr(0xFF08)}{chr(0x3010)}]")
"""A bracket opening a remark: ( [ and the full-width ones."""
_DIGITS: Final = re.compile(f"[{_DIGIT}]")


CELL_FIELD: Final = "value"
"""The field a cell's message quotes the cell by, whatever its column (内容“{value}”不是有效日期)."""
_NAME_LENGTHS: Final = range(2, 5)


def _typed_name(value: str) -> str:
    """The person's name a quoted cell holds, typed in a column where no name belongs (张三 in a
    date cell, 钱小蕙（已故） in a phone cell): two to four Chinese characters, a remark in
    brackets set aside, starting with a common family name (``COMMON_SURNAMES``); else ``""``."""
    name = _name_written(value)
    if len(name) not in _NAME_LENGTHS or not all(_CJK.fullmatch(ch) for ch in name):
        return ""
    if name[0] in words.COMMON_SURNAMES or name[:2] in words.COMPOUND_SURNAMES:
        return name
    return ""


def _name_written(value: str) -> str:
    """The name in a field that holds one as written: the text before a bracketed remark
    (张三（已故） → 张三); nothing when it holds a number (a key or ID not found: masked, if at
    all, as a number)."""
    name = _REMARK.split(value, maxsplit=1)[0].strip()
    return "" if _DIGITS.search(name) else name


def mask_text(text: str, names: PeopleNames = NO_NAMES) -> str:
    """``text`` with every ID-like and phone-like number masked (the forms in the module
    docstring) and, given ``names``, every one of those names shortened."""
    if not text:
        return text
    return _RUN.sub(_mask_number, names.mask(text))


def mask_name(name: str) -> str:
    """The family name and one ``*`` per other character: 张有才 → 张**. Two-character family
    names are not guessed (欧阳娜娜 → 欧***)."""
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


_CJK: Final = re.compile(f"[{chr(0x3400)}-{chr(0x9FFF)}{chr(0xF900)}-{chr(0xFAFF)}]")
"""Chinese characters (CJK unified ideographs, extension A, compatibility ideographs)."""


def person_label(
    person: Recipient | None, key: str, *, full_names: bool = False, names: PeopleNames = NO_NAMES
) -> str:
    """How an entry names a person: the (masked) name, or the register key when not on it (a
    key that holds Chinese characters is a name typed where a number belongs: masked as one)."""
    if person is None:
        if not full_names and _CJK.search(key) and not _RUN.search(key):
            return mask_name(key)
        return mask_text(key, NO_NAMES if full_names else names)
    return person.name if full_names else mask_name(person.name)
