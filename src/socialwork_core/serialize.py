"""The one cattrs converter: how every record becomes JSON-ready data and back.

Shape follows cattrs' ``preconf`` modules: :func:`make_converter` builds a fresh converter (there is
no module-level global), :func:`configure_converter` adds our rules to any converter.

Rules:

- ``date``, ``datetime`` and ``time`` as ISO 8601 text;
- ``Decimal`` as text (``Decimal("0.10")`` → ``"0.10"``), never a float; cattrs has no built-in
  Decimal hook, so we register one;
- enumerations by their stable code (their value);
- ``frozenset`` as a sorted list, so output is stable;
- a text where a list is expected is refused (cattrs would split it into characters), and
  anything but true or false where a yes/no is expected (cattrs would read the text "否" as true);
- unknown keys on input are rejected (``forbid_extra_keys``).

Errors on input surface through :func:`structure`, which turns cattrs' exception groups into one
:class:`ConversionError` listing every problem with its path (``cattrs.transform_error``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

__all__ = [
    "ConversionError",
    "configure_converter",
    "dumps",
    "loads",
    "make_converter",
    "structure",
]

T = TypeVar("T")


class ConversionError(ValueError):
    """Input data that does not fit a record; ``problems`` lists each with its path."""

    def __init__(self, cls: type[Any], problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"cannot build {cls.__name__}: " + "; ".join(problems))


def _structure_decimal(value: Any, _type: type[Any]) -> Decimal:
    if isinstance(value, float):
        # A float has already lost the exact amount; money must arrive as text or int.
        raise TypeError(f"money must be given as text, not the float {value!r}")
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise TypeError(f"expected a decimal number as text, got {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite amount: {value!r}")
    return result


def _structure_bool(value: Any, _type: type[Any]) -> bool:
    # cattrs' default is bool(value): the text "否" (or "false") would become True.
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _iso(parse: Callable[[str], T]) -> Callable[[Any, type[Any]], T]:
    def hook(value: Any, _type: type[Any]) -> T:
        if not isinstance(value, str):
            raise TypeError(f"expected ISO 8601 text, got {value!r}")
        return parse(value)

    return hook


# made once, so that every converter holds the same hooks (``ledger.same_hooks`` tells a caller's
# converter from the library's by them)
_structure_date = _iso(date.fromisoformat)
_structure_datetime = _iso(datetime.fromisoformat)
_structure_time = _iso(time.fromisoformat)


def _is_frozenset(tp: Any) -> bool:
    return getattr(tp, "__origin__", tp) is frozenset


def _is_homogeneous_collection(tp: Any) -> bool:
    origin = getattr(tp, "__origin__", None)
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in (frozenset, list)


def _collection_hook(converter: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    origin = tp.__origin__
    item = tp.__args__[0]
    item_hook = converter.get_structure_hook(item)

    def hook(value: Any, _type: Any) -> Any:
        # cattrs would iterate a string character by character: '家庭关系紧张' → 6 items.
        if isinstance(value, str):
            raise TypeError(f"expected a list of items, got the text {value!r}")
        return origin(item_hook(v, item) for v in value)

    return hook


def configure_converter(converter: cattrs.Converter) -> None:
    """Add the library's rules (the module docstring's list) to ``converter``: ISO dates and
    times, Decimal as text, lists, tuples and frozensets that refuse a bare text, frozensets
    unstructured sorted, mappings as plain dicts."""
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_unstructure_hook(time, time.isoformat)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_structure_hook(time, _structure_time)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook_factory(
        _is_homogeneous_collection, lambda tp: _collection_hook(converter, tp)
    )
    converter.register_unstructure_hook_func(
        _is_frozenset,
        lambda value: sorted(converter.unstructure(item) for item in value),
    )
    converter.register_unstructure_hook_func(
        lambda tp: (
            getattr(tp, "__origin__", tp) in (Mapping, dict)
            or tp.__class__.__name__ == "mappingproxy"
        ),
        lambda value: {str(k): converter.unstructure(v) for k, v in value.items()},
    )


def make_converter(
    *, configure: Callable[[cattrs.Converter], None] | None = None
) -> cattrs.Converter:
    """A new converter with the library's rules; ``configure`` may add more (an adapter's hook).

    Unknown keys on input are rejected.
    """
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    if configure is not None:
        configure(converter)
    return converter


def structure(converter: cattrs.Converter, data: Any, cls: type[T]) -> T:
    """Build ``cls`` from ``data``; raise :class:`ConversionError` listing every problem."""
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise ConversionError(cls, cattrs.transform_error(exc)) from exc
    except (TypeError, ValueError) as exc:
        raise ConversionError(cls, [str(exc)]) from exc


def dumps(converter: cattrs.Converter, value: Any) -> str:
    """JSON text of a record (or a list of records), keys in field order, non-ASCII kept."""
    return json.dumps(converter.unstructure(value), ensure_ascii=False)


def loads(converter: cattrs.Converter, text: str, cls: type[T]) -> T:
    """A record from JSON text, through :func:`structure`."""
    return structure(converter, json.loads(text), cls)
