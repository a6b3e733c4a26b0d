"""Small attrs validators and converters shared by the domain records (kept in one place)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from .construct import checks_value_only, keeps
from .derived_ids import accepts_non_blank_text


def non_blank(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Reject empty or whitespace-only text."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be non-empty text, got {value!r}")


def optional_non_blank(
    _instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    """Reject empty text but allow ``None``."""
    if value is not None:
        non_blank(_instance, attribute, value)


def non_negative(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Reject negative counts (``None`` allowed)."""
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def non_negative_decimal(
    _instance: object, attribute: attrs.Attribute[Any], value: Decimal | None
) -> None:
    """Reject negative or non-finite money and quantities (``None`` allowed)."""
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise TypeError(f"{attribute.name} must be a Decimal (never a float), got {value!r}")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{attribute.name} must be a finite amount >= 0, got {value!r}")


def to_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Tuples keep order and are immutable; a bare string is one item, not its characters."""
    if type(value) is tuple:  # the common case, first
        return value
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def to_frozenset(value: Iterable[str]) -> frozenset[str]:
    """Sets of codes; a bare string is one code."""
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value)


keeps(to_tuple, tuple)
keeps(to_frozenset, frozenset)


def to_mapping(value: Mapping[str, str]) -> Mapping[str, str]:
    """A read-only copy, so a frozen record cannot be changed through its mapping."""
    return MappingProxyType(dict(value))


def unique_items(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    """Reject repeated identifiers in a tuple."""
    if len(value) > 1 and len(set(value)) != len(value):
        raise ValueError(f"{attribute.name} has repeated items: {value!r}")


EnumT = TypeVar("EnumT", bound=Enum)


def member_of(kind: type[EnumT], value: object) -> EnumT:
    """``kind(value)`` for an attrs converter: a code becomes its member, an unknown value raises
    ``ValueError``; a member of ``kind`` is kept as it is, without the lookup (for records built
    in bulk, such as contacts)."""
    if type(value) is kind:
        return value
    return kind(value)


checks_value_only(non_blank, optional_non_blank, non_negative, non_negative_decimal, unique_items)
accepts_non_blank_text(non_blank)
