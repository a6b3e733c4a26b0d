"""A record class's own ``__init__``, written out without attrs' per-field calls, for bulk loads.

A frozen slotted attrs class sets each field through ``object.__setattr__`` and calls every
converter, even on a value it leaves as it is (``to_tuple`` on a tuple, ``ContactMode`` on a
member). For the 300,000 visits of a county ledger that is 0.3 s of the load, a tenth of it
(``benchmarks/README.md``). ``init_code(cls, given)`` writes, from the same attrs field
definitions, the statements that build a record from given values, and ``quick_init(cls)`` a
function of them taking the same keywords as ``__init__`` (``ledger.compiled`` puts the
statements in its generated row functions themselves, so a clean row makes no call). They:

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
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, Final

import attrs

__all__ = [
    "InitCode",
    "accepts",
    "checks_value_only",
    "init_code",
    "keeps",
    "kept_classes",
    "quick_init",
]

_KEEPS: Final = "__socialwork_keeps__"


def keeps(converter: Callable[..., Any], *classes: type) -> None:
    """Declare that ``converter`` returns a value of any of ``classes`` unchanged (the same
    object), so ``quick_init`` may skip the call for such a value. (A statement after the
    converter, not a decorator: attrs' type checking takes only plain functions as converters.)"""
    setattr(converter, _KEEPS, tuple(classes))


_VALUE_ONLY: Final[dict[int, object]] = {}


def checks_value_only(*validators: object) -> None:
    """Declare that each of ``validators`` decides by the value alone (not by the instance or its
    other fields): then a field left at its default, the same object in every record, is checked
    once when the statements are written, not for every record (``init_code``)."""
    for validator in validators:
        _VALUE_ONLY[id(validator)] = validator


def _checks_value_only(validator: object) -> bool:
    return _VALUE_ONLY.get(id(validator)) is validator


def accepts(cls: type, alias: str) -> Callable[[object], bool] | None:
    """For the field of ``cls`` taking the keyword ``alias``, when its validator decides by the
    value alone (``checks_value_only``): a test of whether a value given for it would be stored as
    it stands (no converter, or one that keeps the value's class) and pass the validator. A caller
    sharing one such value between many records (``ledger.compiled``'s one-key tuples) tests it
    once and tells ``init_code`` through ``accepted``. ``None`` for any other field."""
    field = next((f for f in attrs.fields(cls) if f.alias == alias), None)
    if field is None or field.validator is None or not _checks_value_only(field.validator):
        return None
    validator, converter = field.validator, field.converter
    if converter is not None and not callable(converter):
        return None
    kept = kept_classes(converter) if converter is not None else ()

    def test(value: object) -> bool:
        if converter is not None and value.__class__ not in kept:
            return False  # the record would hold what the converter makes of it
        try:
            validator(None, field, value)
        except Exception:
            return False
        return True

    return test


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


@attrs.frozen
class InitCode:
    """A class's ``__init__`` written out as statements (``init_code``): they leave the record in
    the local ``self`` (with ``prefix``: ``<prefix>self``), its names in ``namespace``."""

    lines: tuple[str, ...]
    namespace: dict[str, Any]


def init_code(
    cls: type,
    given: Mapping[str, str],
    prefix: str = "",
    accepted: Mapping[str, str] | None = None,
) -> InitCode | None:
    """Statements building ``cls`` as its ``__init__`` would, from ``given`` (a field's
    ``__init__`` keyword → the expression of its value; a field not given takes its default);
    ``None`` when the class cannot be written out faithfully (see the module docstring). Every
    name the statements use starts with ``prefix``, so a generated function may hold them beside
    its own (``ledger.compiled`` builds its clean rows' records so, without a call).

    ``accepted`` (keyword → an expression): for a field with a value-only validator, an
    expression true only when the given value is one ``accepts(cls, keyword)`` said yes to; its
    validator is then not called again for that value."""
    accepted = accepted or {}
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return None
    if any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        return None
    if "__attrs_cached_hash" in getattr(cls, "__slots__", ()):
        return None
    p = prefix
    namespace: dict[str, Any] = {
        f"{p}new": object.__new__,
        f"{p}cls": cls,
        f"{p}config": _attrs_config,
    }
    lines: list[str] = []
    checks: list[str] = []
    sets: list[str] = []
    for number, field in enumerate(attrs.fields(cls)):
        slot = cls.__dict__.get(field.name)
        if not field.init or not isinstance(slot, types.MemberDescriptorType):
            return None
        name = f"{p}a{number}"
        namespace[f"{p}set_{number}"] = slot.__set__
        default = field.default
        if field.alias in given:
            lines.append(f"{name} = {given[field.alias]}")
        elif default is attrs.NOTHING:
            raise TypeError(f"{cls.__name__}: the required field {field.alias!r} is not given")
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return None
            namespace[f"{p}factory_{number}"] = default.factory
            lines.append(f"{name} = {p}factory_{number}()")
        else:
            namespace[f"{p}default_{number}"] = default
            lines.append(f"{name} = {p}default_{number}")
        if field.converter is not None:
            converter = field.converter
            if not callable(converter):  # an attrs Converter taking self or the field
                return None
            # the default itself, of a class the converter keeps, has nothing to convert
            if not (
                field.alias not in given
                and not isinstance(default, attrs.Factory)  # type: ignore[arg-type]
                and default.__class__ in kept_classes(converter)
            ):
                namespace[f"{p}convert_{number}"] = converter
                kept = kept_classes(converter)
                if kept:
                    namespace[f"{p}kept_{number}"] = frozenset(kept)
                    lines.append(
                        f"if {name}.__class__ not in {p}kept_{number}: "
                        f"{name} = {p}convert_{number}({name})"
                    )
                else:
                    lines.append(f"{name} = {p}convert_{number}({name})")
        sets.append(f"{p}set_{number}({p}self, {name})")
        if field.validator is not None and _default_passes(field, given):
            continue  # left at a default its value-only validator accepted once, here
        if field.validator is not None:
            namespace[f"{p}validate_{number}"] = field.validator
            namespace[f"{p}field_{number}"] = field
            check = f"{p}validate_{number}({p}self, {p}field_{number}, {name})"
            if field.alias in accepted and field.alias in given:
                if not _checks_value_only(field.validator):
                    raise TypeError(
                        f"{cls.__name__}.{field.name}: only a value-only validator's answer "
                        "can be reused (checks_value_only)"
                    )
                check = f"if not ({accepted[field.alias]}): {check}"
            checks.append(f"    {check}")
    return InitCode(
        (
            *lines,
            f"{p}self = {p}new({p}cls)",
            *sets,
            *([f"if {p}config._run_validators:", *checks] if checks else []),
        ),
        namespace,
    )


def _default_passes(field: attrs.Attribute[Any], given: Mapping[str, str]) -> bool:
    """Whether ``field``, not given, holds in every record the same default object, which its
    value-only validator accepts (checked now, once)."""
    default = field.default
    if field.alias in given or default is attrs.NOTHING or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return False
    if not _checks_value_only(field.validator):
        return False
    if field.converter is not None and not (
        callable(field.converter) and default.__class__ in kept_classes(field.converter)
    ):
        return False  # the record holds what the converter makes of it: checked per record
    try:
        field.validator(None, field, default)  # type: ignore[misc]
    except Exception:
        return False  # the class refuses its own default: each record says so, as attrs would
    return True


def _write(cls: type) -> Callable[..., Any]:
    if not attrs.has(cls):
        return cls
    # the keywords ``__init__`` takes: a default given as NOTHING is made in the body
    parameters: list[str] = []
    given: dict[str, str] = {}
    for field in attrs.fields(cls):
        default = field.default
        if default is attrs.NOTHING:
            parameters.append(field.alias)
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            parameters.append(f"{field.alias}=NOTHING")
        else:
            parameters.append(f"{field.alias}=DEFAULTS[{field.alias!r}]")
        given[field.alias] = field.alias
    code = init_code(cls, given, prefix="_")
    if code is None:
        return cls
    factories = [
        f"    if {f.alias} is NOTHING: {f.alias} = FACTORIES[{f.alias!r}]()"
        for f in attrs.fields(cls)
        if isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
    ]
    namespace = {
        **code.namespace,
        "NOTHING": attrs.NOTHING,
        "DEFAULTS": {f.alias: f.default for f in attrs.fields(cls)},
        "FACTORIES": {
            f.alias: f.default.factory
            for f in attrs.fields(cls)
            if isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        },
    }
    source = "\n".join(
        [
            f"def init(*, {', '.join(parameters)}):" if parameters else "def init():",
            *factories,
            *("    " + line for line in code.lines),
            "    return _self",
        ]
    )
    from .tabular import rowcode  # here: the domain records import this module

    label = f"init {cls.__module__}.{cls.__qualname__}"
    made = rowcode.compiled("init", source + "\n", namespace, label)
    _SOURCES[cls] = linecache.cache[made.__code__.co_filename]  # type: ignore[assignment]
    return made
