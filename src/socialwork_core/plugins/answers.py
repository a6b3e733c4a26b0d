"""Checking a hook's answer against the type its specification declares.

The expected type is read from the specification's return annotation, so a new hook is checked
without a line here. A plugin returning one ``RuleSet`` where the hook wants a list of them is then
told so, naming itself and the hook, instead of failing later in the library with a bare
``TypeError``.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any

__all__ = ["expected_answer", "mismatch", "spelled", "spoken"]


@functools.cache
def expected_answer(spec: Callable[..., object]) -> Any:
    """The return type the hook specification ``spec`` declares, resolved."""
    # the specifications name these only for type checkers; by the time a hook is called they are
    # importable (a plugin that returns one has imported it)
    import cattrs

    from ..findings import Finding
    from ..grading import RuleSet
    from ..ledger import LedgerFormat
    from ..recipients import Recipient
    from ..reports import ReportTemplate
    from . import hookspecs
    from .values import CategoryDefinition, Region

    names = {
        "cattrs": cattrs,
        "Finding": Finding,
        "RuleSet": RuleSet,
        "LedgerFormat": LedgerFormat,
        "Recipient": Recipient,
        "ReportTemplate": ReportTemplate,
        "CategoryDefinition": CategoryDefinition,
        "Region": Region,
    }
    return typing.get_type_hints(spec, globalns={**vars(hookspecs), **names})["return"]


def spoken(hint: Any) -> str:
    """A type as a sentence part: ``a list of RuleSet``, ``a Region or nothing``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is type(None) or hint is None:
        return "nothing (None)"
    if origin in (types.UnionType, typing.Union):
        return " or ".join(spoken(arg) for arg in args)
    if origin is list:
        return f"a list of {_name(args[0])}"
    if origin is dict:
        return f"a dict of {_name(args[0])} to {_name(args[1])}"
    return f"a {_name(hint)}"


def spelled(hint: Any) -> str:
    """A type as it is written in code: ``list[RuleSet]``, ``Region | None``."""
    if isinstance(hint, type):
        return "None" if hint is type(None) else hint.__name__
    return re.sub(r"[\w.]+\.(\w+)", r"\1", str(hint)).replace("NoneType", "None")


def mismatch(value: object, hint: Any) -> str | None:
    """``None`` when ``value`` is of type ``hint``, else what it is instead (for a message)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is type(None) or hint is None:
        return None if value is None else _what(value)
    if origin in (types.UnionType, typing.Union):
        if any(mismatch(value, arg) is None for arg in args):
            return None
        return _what(value)
    if origin is list:
        # a tuple serves as well as a list: the answer is only read
        if not isinstance(value, list | tuple):
            return _what(value)
        for index, item in enumerate(value):
            if mismatch(item, args[0]) is not None:
                return f"a list whose item {index} is {_what(item)}"
        return None
    if origin is dict:
        if not isinstance(value, dict):
            return _what(value)
        for key, item in value.items():
            if mismatch(key, args[0]) is not None or mismatch(item, args[1]) is not None:
                return f"a dict with the entry {key!r}: {item!r}"
        return None
    if isinstance(hint, type):
        return None if isinstance(value, hint) else _what(value)
    return None  # an annotation this check does not read (Any, a Protocol) accepts anything


def _name(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint)


def _what(value: object) -> str:
    text = repr(value)
    shown = text if len(text) <= 60 else text[:57] + "..."
    return f"a {type(value).__name__} ({shown})"
