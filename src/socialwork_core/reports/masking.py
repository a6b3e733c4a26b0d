"""Masking personal data in anything a report prints (PIPL; docs/domain.md section 7).

Resident IDs keep their first 6 and last 4 characters, phone numbers their first 3 and last 4
digits (:mod:`socialwork_core.identity`). Free text from a ledger (notes, titles) is scanned for
anything that looks like an ID or a phone number, so a note that quotes one is masked too.
Names are shortened to the family name followed by ``*`` unless the caller asks for full names.
"""

from __future__ import annotations

import re

from ..identity import phone, resident_id
from ..recipients import Recipient

__all__ = ["mask_name", "mask_text", "person_label"]

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_PHONE_LIKE = re.compile(
    r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-?\d{7,8})(?!\d)"
)


def _mask_id(match: re.Match[str]) -> str:
    return resident_id.mask(match.group(1).upper())  # 18 or 15 characters alike


def _mask_phone(match: re.Match[str]) -> str:
    return phone.mask(match.group(1))


def mask_text(text: str) -> str:
    """``text`` with every ID-like and phone-like number masked."""
    return _PHONE_LIKE.sub(_mask_phone, _ID_LIKE.sub(_mask_id, text))


def mask_name(name: str) -> str:
    """The family name and one ``*`` per other character: 张有才 → 张**. Two-character family
    names are not guessed (欧阳娜娜 → 欧***)."""
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def person_label(person: Recipient | None, key: str, *, full_names: bool = False) -> str:
    """How an entry names a person: the (masked) name, or the register key when not on it."""
    if person is None:
        return mask_text(key)
    return person.name if full_names else mask_name(person.name)
