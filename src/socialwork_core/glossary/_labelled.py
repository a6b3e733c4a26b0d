"""The base of every enumeration: a stable English code plus the Chinese label users see."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol, Self, TypeVar


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...


L = TypeVar("L", bound=_Labelled)


def by_label(members: Iterable[L], label: str, name: str) -> L:
    """The member whose Chinese label is exactly ``label`` (surrounding spaces ignored);
    ``ValueError`` naming ``name`` and the known labels otherwise."""
    text = label.strip()
    found = list(members)
    for member in found:
        if member.label == text:
            return member
    known = "、".join(m.label for m in found)
    raise ValueError(f"unknown {name} label {label!r}; known: {known}")


class LabelledEnum(StrEnum):
    """A string enumeration whose value is a stable English code and which carries a Chinese label.

    The value (the code) is what is stored, serialised and compared; the label is what a station
    worker reads. ``Member == "code"`` holds, so codes can be used wherever plain strings are.
    """

    label: str

    def __new__(cls, code: str, label: str = "") -> Self:
        # ``label`` has a default only so that ``Kind("code")`` (a value lookup) type-checks.
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def from_code(cls, code: str) -> Self:
        """Return the member with this code (a member is returned as is); raise ``ValueError``
        naming the known codes. Used as the attrs converter of every enum-typed field."""
        if isinstance(code, cls):
            return code
        member = cls._value2member_map_.get(code)
        if member is None:
            known = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown {cls.__name__} code {code!r}; known: {known}")
        return member  # type: ignore[return-value]

    @classmethod
    def from_label(cls, label: str) -> Self:
        """Return the member whose Chinese label is exactly ``label`` (surrounding spaces ignored)."""
        return by_label(cls, label, cls.__name__)
