"""A record class's own ``__init__``, written out without attrs' per-field calls, for bulk loads.

A frozen slotted attrs class sets each field through ``object.__setattr__`` and calls every
converter, even on a value it leaves as it is (``to_tuple`` on a tuple, ``ContactMode`` on a
member). For the 300,000 visits of a county ledger that is 0.3 s of the load, a tenth of it
(``benchmarks/README.md``). ``quick_init(cls)`` writes, from the same attrs field definitions,
a function taking the same keywords that:

- calls a field's converter unless the value's class is one the converter declares it keeps
  unchanged (``keeps``; an ``Enum`` class keeps its own members), which is the converter's own
  first test, moved before the call;
- runs every validator of the class, in field order, after every field is set (as attrs does,
  and not when ``attrs.validators.set_disabled(True)`` is in force);
- sets the slots directly.

So it builds the record the class would build, or raises what the class would raise
(``tests/foundation/test_construct.py`` compares both on every record kind). A class it cannot
write out faithfully (not slotted, a ``__attrs_pre_init__`` or ``__attrs_post_init__``, a field
outside ``__init__``, a factory taking ``self``, a cached hash) gets its own constructor back.
The source is kept in ``linecache`` (``tabular.rowcode.compiled``), so a traceback shows it.
"""

from __future__ import annotations

import importlib
import linecache
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Final

import attrs

__all__ = ["keeps", "kept_classes", "quick_init"]

_KEEPS: Final = "__socialwork_keeps__"


def keeps(converter: Callable[..., Any], *classes: type) -> None:
    """Declare that ``converter`` returns a value of any of ``classes`` unchanged (the same
    object), so ``quick_init`` may skip the call for such a value. (A statement after the
    converter, not a decorator: attrs' type checking takes only plain functions as converters.)"""
    setattr(converter, _KEEPS, tuple(classes))


def kept_classes(converter: Callable[..., Any]) -> tuple[type, ...]:
    """The classes ``converter`` keeps unchanged: what it declared, an ``Enum`` class its own
    members; nothing otherwise (the converter is always called)."""
    if isinstance(converter, type) and issubclass(converter, Enum):
        return (converter,)
    declared: tuple[type, ...] = getattr(converter, _KEEPS, ())
    return declared


_CACHE: Final[dict[type, Callable[..., Any]]] = {}
_SOURCES: Final[dict[type, tuple[int, None, list[str], str]]] = {}
"""Each written-out ``__init__``'s ``linecache`` entry, to put back if the cache is cleared."""

# The switch attrs' own generated ``__init__`` reads (``attrs.validators.set_disabled``): read
# the same way, an attribute, not through ``get_disabled()`` (a call per record: 0.05 s a county)
_attrs_config: Any = importlib.import_module("attr._config")


def quick_init(cls: type) -> Callable[..., Any]:
    """A function building ``cls`` from the keywords its ``__init__`` takes, as ``cls`` would
    (``cls`` itself when it cannot be written out faithfully). Made once per class."""
    made = _CACHE.get(cls)
    if made is None:
        made = _CACHE[cls] = _write(cls)
    elif made is not cls and made.__code__.co_filename not in linecache.cache:
        # linecache was cleared since: its source is shown again (as ``rowcode`` does)
        linecache.cache[made.__code__.co_filename] = _SOURCES[cls]
    return made


def _write(cls: type) -> Callable[..., Any]:
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return cls
    if any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        return cls
    fields = attrs.fields(cls)
    if "__attrs_cached_hash" in getattr(cls, "__slots__", ()):
        return cls
    namespace: dict[str, Any] = {
        "new": object.__new__,
        "cls": cls,
        "NOTHING": attrs.NOTHING,
        "attrs_config": _attrs_config,
    }
    parameters: list[str] = []
    lines: list[str] = []
    checks: list[str] = []
    sets: list[str] = []
    for number, field in enumerate(fields):
        slot = cls.__dict__.get(field.name)
        if not field.init or not isinstance(slot, types.MemberDescriptorType):
            return cls
        name = f"a{number}"
        namespace[f"set_{number}"] = slot.__set__
        default = field.default
        if default is attrs.NOTHING:
            parameters.append(f"{field.alias}")
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return cls
            namespace[f"factory_{number}"] = default.factory
            parameters.append(f"{field.alias}=NOTHING")
            lines.append(f"if {field.alias} is NOTHING: {field.alias} = factory_{number}()")
        else:
            namespace[f"default_{number}"] = default
            parameters.append(f"{field.alias}=default_{number}")
        lines.append(f"{name} = {field.alias}")
        if field.converter is not None:
            converter = field.converter
            if not callable(converter):  # an attrs Converter taking self or the field
                return cls
            namespace[f"convert_{number}"] = converter
            kept = kept_classes(converter)
            if kept:
                namespace[f"kept_{number}"] = frozenset(kept)
                lines.append(
                    f"if {name}.__class__ not in kept_{number}: {name} = convert_{number}({name})"
                )
            else:
                lines.append(f"{name} = convert_{number}({name})")
        sets.append(f"set_{number}(self, {name})")
        if field.validator is not None:
            namespace[f"validate_{number}"] = field.validator
            namespace[f"field_{number}"] = field
            checks.append(f"    validate_{number}(self, field_{number}, {name})")
    source = "\n".join(
        [
            f"def init(*, {', '.join(parameters)}):" if parameters else "def init():",
            *("    " + line for line in lines),
            "    self = new(cls)",
            *("    " + line for line in sets),
            *(
                ["    if attrs_config._run_validators:", *("    " + c for c in checks)]
                if checks
                else []
            ),
            "    return self",
        ]
    )
    from .tabular import rowcode  # here: the domain records import this module

    label = f"init {cls.__module__}.{cls.__qualname__}"
    made = rowcode.compiled("init", source + "\n", namespace, label)
    _SOURCES[cls] = linecache.cache[made.__code__.co_filename]  # type: ignore[assignment]
    return made
