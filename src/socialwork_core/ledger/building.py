"""Building records from ledger rows, through the one converter (never ``Cls(**row)``).

A row's typed values (from the tabular reader) are turned into plain data (ISO dates, Decimal as
text, codes) and structured with ``serialize.make_converter()``, so every record is built and
validated the same way as one loaded from JSON. Ledger-side fields are combined here: disability in
several columns, people named by resident ID, the money flag, the register key.

The documented equivalent (speed: most ledger rows take it): with the library's own converter (no
hooks added; ``load_ledger`` without ``converter=``), a row whose every value is already what the
converter's hook for its field would give back (text for a ``str`` field, a ``date`` for a
``date`` field, a tuple of text for ``tuple[str, ...]``, a code for an enum field …; see
``_route``) is passed to the record class as it is, skipping the hooks' round trip (date → ISO
text → date). The class still runs its own converters and validators on every field. Any other
value and any refusal by the class go through the hook, so a refused row is refused in the
converter's words, exactly as before. With a converter given by the caller (the general way) the
same holds field by field: only a field whose hook in that converter is the library's own by
construction (``same_hooks``) may skip it; a row with any other field takes the caller's hooks.
"""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections import abc
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum, IntEnum
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError

from ..construct import quick_init
from ..dates import age_at
from ..findings import Finding
from ..glossary import vocabulary as words
from ..glossary.meaning import ByAge
from ..glossary.terms import RegisterStatus, Severity, Sex
from ..identity import resident_id
from ..recipients import Disability, Recipient, birth_dates_agree
from ..record_kinds import column, spec_of
from ..tabular import Money, split_values
from ..tabular.context import reading_span
from ..tabular.rows import derived_id
from .format import RecordKind
from .same_hooks import same_fields

RECORD_CLASSES: Mapping[RecordKind, type[Any]] = column(lambda s: s.record_class)
"""The record class of each kind (``RecordKindSpec.record_class``), read from the table."""

DISABILITY_PARTS = ("disability_kind", "disability_grade", "disability_certificate")
PEOPLE_BY_ID = "recipient_resident_ids"
PEOPLE_BY_NAME = "recipient_names"
"""A ledger-side field: the person's name, for logs that name people and give no key."""
PEOPLE_VILLAGE = "recipient_village"
"""A ledger-side field: the person's village, which tells two people of one name apart."""
PEOPLE_FIELDS: Mapping[RecordKind, str] = column(lambda s: s.people_field)
"""The field naming register people, by kind (``RecordKindSpec.people_field``)."""


def approximate_flag(field: str) -> str:
    """The record field that keeps whether the money field ``field`` was an approximate figure
    (``value_yuan`` → ``value_is_approximate``): filled on reading, read back on writing."""
    return field.removesuffix("_yuan") + "_is_approximate"


@attrs.frozen
class Placed:
    """A finding about a row, optionally tied to the field whose column it concerns."""

    finding: Finding
    field: str | None = None


def _plain(value: Any, converter: cattrs.Converter) -> Any:
    if isinstance(value, str | int):  # codes are str enums: their value is themselves
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Money):
        return format(value.amount, "f")
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(v, converter) for v in value]
    if attrs.has(type(value)):
        return converter.unstructure(value)
    return value


def _leaf_messages(error: BaseException) -> list[str]:
    """The messages of the exceptions inside cattrs' exception groups (the validators' own words)."""
    if isinstance(error, BaseExceptionGroup):
        return [m for inner in error.exceptions for m in _leaf_messages(inner)]
    return [str(error)]


def _field_names(cls: type[Any]) -> set[str]:
    return {a.name for a in attrs.fields(cls)}


_COLLECTION_FIELDS: dict[type[Any], frozenset[str]] = {}


def _collection_fields(cls: type[Any]) -> frozenset[str]:
    """Fields typed as tuples or frozensets (several values), per record class."""
    found = _COLLECTION_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = frozenset(
            name for name, hint in hints.items() if typing.get_origin(hint) in (tuple, frozenset)
        )
        _COLLECTION_FIELDS[cls] = found
    return found


SET_ASIDE = frozenset((*DISABILITY_PARTS, PEOPLE_BY_ID, PEOPLE_BY_NAME, PEOPLE_VILLAGE))
"""Ledger-side fields combined by the builder rather than passed on as they are."""


class Route(IntEnum):
    """How a value already of its field's final type reaches the field, for ``_direct`` and the
    compiled rows: the same result the converter's hook for that field gives (see ``_route``)."""

    SAME = 0
    TUPLE = 1
    FROZENSET = 2
    ENUM = 3
    MAPPING = 4
    ENUM_SELF = 5
    DECIMAL = 6


def _route(hint: Any) -> tuple[Route, Any] | None:
    """How the converter's hook for a field of type ``hint`` treats a value that is already of
    the type it produces. ``(SAME, t)``: a value of exactly type ``t`` comes out as it went in
    (``str``: ``str(v)``; ``int``: ``int(v)``; ``bool``: itself; ``date``/``time``: parsed back
    from its own ISO text; an attrs class such as ``Disability``: unstructured and structured back
    to an equal value). ``TUPLE`` and ``FROZENSET``: a tuple of ``str`` comes out as ``tuple``/``frozenset``
    of the same items. ``ENUM``: a member of ``E`` comes out as itself, a ``str`` code ``v`` as
    ``E(v)``. ``MAPPING``: a dict of text comes out as an equal dict. ``DECIMAL``: a ``Decimal``
    comes out as the Decimal of its plain text (``format(v, "f")``, so ``1E+2`` becomes ``100``).
    (``ENUM_SELF`` is ``ENUM`` for a field whose converter is the enumeration itself: a code or a
    member goes to the class as it is; see ``_field_routes``.) ``None``: no shortcut, the hook is
    used."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            return None
        hint, args = rest[0], typing.get_args(rest[0])
    origin = typing.get_origin(hint)
    if hint in (str, date, time, int, bool) or (isinstance(hint, type) and attrs.has(hint)):
        return Route.SAME, hint
    if hint is Decimal:
        return Route.DECIMAL, Decimal
    if isinstance(hint, type) and issubclass(hint, Enum) and issubclass(hint, str):
        return Route.ENUM, hint
    if origin is tuple and args == (str, Ellipsis):
        return Route.TUPLE, None
    if origin is frozenset and args == (str,):
        return Route.FROZENSET, None
    if origin in (Mapping, abc.Mapping, dict) and args == (str, str):
        return Route.MAPPING, None
    return None


def _field_routes(cls: type[Any]) -> Mapping[str, tuple[Route, Any]]:
    hints = typing.get_type_hints(cls)
    routes: dict[str, tuple[Route, Any]] = {}
    for a in attrs.fields(cls):
        if not a.init or a.alias != a.name:
            continue
        route = _route(hints[a.name])
        if route is not None and route[0] == Route.ENUM and a.converter is route[1]:
            # the field converts with the enum itself: E(code) there is what E(E(code)) gives
            route = (Route.ENUM_SELF, route[1])
        if route is not None:
            routes[a.name] = route
    return routes


@attrs.frozen
class _KindPlan:
    """What ``build`` needs to know about one record class, worked out once per builder."""

    cls: type[Any]
    names: frozenset[str]
    collections: frozenset[str]
    hook: Callable[[Any, type[Any]], Any]
    """The converter's structure hook for ``cls`` (what ``converter.structure`` dispatches to)."""
    recipients: bool
    """Recipients (keyed by ``key``, with their extras)."""
    names_people: bool
    """The kind names recipients (``PEOPLE_FIELDS``)."""
    id_prefix: str
    """``"contacts-"`` …: what a generated id starts with ("" when the class has no ``id``)."""
    routes: Mapping[str, tuple[Route, Any]]
    """Fields whose values may skip the hook (``_direct``): those the converter structures as
    the library's own does (``same_hooks``); none without the library's converter to compare."""
    same: Mapping[str, type[Any]]
    """The ``Route.SAME`` routes: field → the exact type that goes to the class as it is."""
    checks: Mapping[str, tuple[int, Any]]
    """``routes`` with each route as its number, for ``_direct``."""
    init: Callable[..., Any]
    """The class's own ``__init__`` written out (``construct.quick_init``), for ``_direct``."""
    people_field: str
    """The field naming register people (``PEOPLE_FIELDS``), or ""."""
    times_of_day: Mapping[str, str]
    """A date field → the field keeping a time of day its cell gives (``RecordKindSpec``)."""


def _date_cell_times_first(
    times_of_day: Mapping[str, str],
    values: Mapping[str, Any],
    data: dict[str, Any],
    from_span_ends: frozenset[str],
) -> None:
    """The time a date cell writes (2024-7-5 9:30) into ``data`` over one read from an end-time
    column (结束时间): the start the worker wrote is the visit's time, the end only stands in
    for it where nothing gives it."""
    for field, timed in times_of_day.items():
        value = values.get(field)
        if timed in from_span_ends and isinstance(value, datetime):
            data[timed] = value.time()


# the routes as plain numbers, for ``_direct``'s loop (an IntEnum compares more slowly)
_SAME, _TUPLE, _FROZENSET, _ENUM, _MAPPING, _ENUM_SELF = (
    int(Route.SAME),
    int(Route.TUPLE),
    int(Route.FROZENSET),
    int(Route.ENUM),
    int(Route.MAPPING),
    int(Route.ENUM_SELF),
)


def _direct(plan: _KindPlan, data: dict[str, Any]) -> Any:
    """The record built from ``data`` as the converter would build it, without its hooks, when
    every value is already what the hook for its field gives back (``_route``): the record class
    itself still converts and validates every field (its ``__init__`` written out,
    ``construct.quick_init``). ``None`` when a value needs the converter or the record refuses
    the values: the caller then builds (or refuses) it through the hook, which says why in the
    converter's words."""
    checks = plan.checks
    changed: dict[str, Any] | None = None
    for name, value in data.items():
        check = checks.get(name)
        if check is None:
            return None
        how, target = check
        t = type(value)
        if how == _SAME:
            if t is target:
                continue
            return None
        if how in (_TUPLE, _FROZENSET):
            if t is not tuple:
                return None
            for item in value:
                if type(item) is not str:
                    return None
            if how == _TUPLE:
                continue
            converted: Any = frozenset(value)
        elif how == _ENUM:
            if t is target:
                continue
            if t is not str:
                return None
            # E(code) looks the code up in this table first; a code not in it takes the call
            converted = target._value2member_map_.get(value)
            if converted is None:
                try:
                    converted = target(value)
                except ValueError:
                    return None
        elif how == _ENUM_SELF:
            if t is str or t is target:
                continue
            return None
        elif how == _MAPPING:
            if t is not dict or not all(
                type(k) is str and type(v) is str for k, v in value.items()
            ):
                return None
            converted = dict(value)
        else:
            return None
        if changed is None:
            changed = {}
        changed[name] = converted
    try:
        return plan.init(**(data if changed is None else {**data, **changed}))
    except Exception:  # the hook reports it (it catches every exception the class raises)
        return None


class RecordBuilder:
    """Builds records of every kind; remembers recipients so later sheets can refer to them."""

    def __init__(
        self,
        converter: cattrs.Converter,
        *,
        library_converter: bool = False,
        reference: cattrs.Converter | None = None,
    ) -> None:
        """``library_converter``: ``converter`` is ``serialize.make_converter()`` as it comes (no
        hooks added), so values already of a field's final type may skip its hook (``_direct``).
        Otherwise, given the library's converter as ``reference``, only the fields whose hooks
        in ``converter`` are the library's own by construction may (``same_hooks``); without
        it, every record goes through ``converter``'s hooks."""
        self.converter = converter
        self.library_converter = library_converter
        self.reference = reference
        self.key_by_resident_id: dict[str, str] = {}
        self.keys: set[str] = set()
        self.people = PeopleIndex()
        """The register's people by name (and village), for rows that name them only."""
        self.died: dict[str, date] = {}
        """The day each person the register says died (死亡, with its date) died, by key: a visit
        after it is flagged (``_after_death``)."""
        self.recipients_loaded = False
        self._plans: dict[RecordKind, _KindPlan] = {}

    def remember(self, person: Recipient) -> None:
        self.keys.add(person.key)
        if person.status is RegisterStatus.DECEASED and person.status_since is not None:
            self.died[person.key] = person.status_since
        if person.resident_id is not None:
            self.key_by_resident_id[person.resident_id] = person.key
        self.people.add(person.key, person.name, person.village)

    def plan(self, kind: RecordKind) -> _KindPlan:
        """What building records of ``kind`` needs to know, worked out once."""
        plan = self._plans.get(kind)
        if plan is None:
            cls = RECORD_CLASSES[kind]
            routes = _field_routes(cls) if self.library_converter or self.reference else {}
            if not self.library_converter:
                # a caller's converter: only the fields it structures as the library does
                same = (
                    same_fields(cls, self.converter, self.reference)
                    if self.reference is not None
                    else frozenset()
                )
                routes = {name: route for name, route in routes.items() if name in same}
            plan = _KindPlan(
                cls,
                frozenset(_field_names(cls)),
                _collection_fields(cls),
                self.converter.get_structure_hook(cls),
                kind is RecordKind.RECIPIENTS,
                kind in PEOPLE_FIELDS,
                f"{kind.value}-" if "id" in _field_names(cls) else "",
                routes,
                {name: target for name, (how, target) in routes.items() if how == Route.SAME},
                {name: (int(how), target) for name, (how, target) in routes.items()},
                quick_init(cls),
                PEOPLE_FIELDS.get(kind, ""),
                spec_of(kind).times_of_day,
            )
            self._plans[kind] = plan
        return plan

    def build(
        self,
        kind: RecordKind,
        values: Mapping[str, Any],
        extras: Mapping[str, str],
        position: int,
        from_span_ends: frozenset[str] = frozenset(),
    ) -> tuple[Any | None, list[Placed]]:
        """The record for one row (or ``None``) and the findings that explain a refusal.
        ``from_span_ends``: fields read from an end-of-span column (``Layout.read_from_span_ends``),
        which give way to a time the date cell writes."""
        plan = self._plans.get(kind) or self.plan(kind)
        cls, names = plan.cls, plan.names
        data: dict[str, Any] = {}
        problems: list[Placed] = []
        notes: list[Placed] = []
        collections = plan.collections
        set_aside = False
        for field, value in values.items():
            if value is None:
                continue
            if field in SET_ASIDE:
                set_aside = True
                continue
            t = type(value)
            if t is str or isinstance(value, str):  # the common cases first
                if field in collections:
                    # a plain text column feeding a field of several values: split it as a
                    # multi-valued cell (the writer joins such fields with the same separators),
                    # never letting the converter read the text as a sequence of characters
                    data[field] = tuple(split_values(value))
                else:
                    data[field] = value
                continue
            if t is date or (t is tuple and value):
                data[field] = value
                continue
            if t is datetime and field in plan.times_of_day:
                # a day with the time of day (2024年7月5日上午9:30): the time in its own field,
                # unless the row's own time column gives one (read in this loop, it wins)
                data[field] = value.date()
                data.setdefault(plan.times_of_day[field], value.time())
                continue
            if value == ():
                continue
            if isinstance(value, Money):
                data[field] = value.amount
                flag = approximate_flag(field)
                if flag in names:
                    data[flag] = value.approximate
                continue
            data[field] = value
        if from_span_ends:
            _date_cell_times_first(plan.times_of_day, values, data, from_span_ends)
        if set_aside:
            self._disability(values, data)
        if plan.recipients:
            if "resident_id" not in data and type(data.get("name")) is str:
                _id_from_name(data, notes)
            if CATEGORIES in data:
                _settle_by_age(data, notes)
            if SEX in data:
                _sex_against_id(data, notes)
            if BIRTH_DATE in data:
                _birth_date_against_id(data, notes)
        if plan.names_people:
            named = data.get(plan.people_field)
            if (
                kind is RecordKind.ACTIVITIES
                or type(named) is not tuple
                or len(named) != 1
                or (self.recipients_loaded and named[0] not in self.keys)
                or values.get(PEOPLE_BY_ID)
            ):
                self._people(kind, plan.people_field, values, data, problems, notes)
            # else the common case: one person, by a key the register has (or has not read yet)
            name = values.get(PEOPLE_BY_NAME)
            if name.__class__ is str and kind is not RecordKind.ACTIVITIES and not problems:
                linked = data.get(plan.people_field)
                if type(linked) is tuple and len(linked) == 1 and len(split_names(name)) == 1:
                    # one person, by their key, ID number or name: a remark beside the name
                    notes.extend(self._remark_in(name, linked[0]))
        if plan.recipients:
            if "key" not in data:
                # no 档案号: the ID number keys the person, else the name (and village)
                if "resident_id" in data:
                    data["key"] = data["resident_id"]
                elif "name" in data:
                    village = data.get("village")
                    name = compact_name(data["name"])
                    data["key"] = f"{name}·{compact_name(village)}" if village else name
                else:
                    missing = Finding.of("ledger.recipient_without_key", Severity.ERROR)
                    return None, [Placed(missing)]
            data["extras"] = dict(extras)
        elif plan.id_prefix and "id" not in data:
            data["id"] = derived_id(plan.id_prefix, position)
        if problems:
            return None, problems
        if self.died and kind is RecordKind.CONTACTS:
            _after_death(data, plan.people_field, self.died, self.people, notes)
        if not names.issuperset(data):
            unknown = set(data) - names
            raise ValueError(f"{kind}: the format names fields {sorted(unknown)} that {cls} lacks")
        if plan.routes:
            record = _direct(plan, data)
            if record is not None:
                return record, notes
        # plain data, as ``serialize.structure`` takes it (``_plain``, with its common cases first)
        converter = self.converter
        plain: dict[str, Any] = {}
        for k, v in data.items():
            t = type(v)
            if t is str:
                plain[k] = v
            elif t is date:
                plain[k] = v.isoformat()
            elif t is tuple:
                plain[k] = [x if type(x) is str else _plain(x, converter) for x in v]
            else:
                plain[k] = _plain(v, converter)
        try:
            record = plan.hook(plain, cls)
        except (ClassValidationError, IterableValidationError, TypeError, ValueError) as error:
            # what serialize.structure raises as ConversionError, in the validators' own words
            invalid = Finding.of(
                "ledger.record_invalid", Severity.ERROR, problems="; ".join(_leaf_messages(error))
            )
            return None, [Placed(invalid)]
        return record, notes

    @staticmethod
    def _disability(values: Mapping[str, Any], data: dict[str, Any]) -> None:
        kind, grade = values.get("disability_kind"), values.get("disability_grade")
        certificate = values.get("disability_certificate")
        if kind is not None and grade is not None:
            data["disability"] = Disability(kind=kind, grade=grade, certificate=certificate)
        elif certificate is not None and isinstance(data.get("disability"), Disability):
            data["disability"] = attrs.evolve(data["disability"], certificate=certificate)

    def _people(
        self,
        kind: RecordKind,
        target: str,
        values: Mapping[str, Any],
        data: dict[str, Any],
        problems: list[Placed],
        notes: list[Placed],
    ) -> None:
        """Who a row names: by register key, else by ID number, else by name (and village). A key
        the register lacks is linked by the row's ID number when the register holds it, and a key
        or ID number it lacks by the row's name when that names exactly one person (each with a
        warning); a name that matches no one but sounds like someone is reported
        with the likely person, never linked silently."""
        if kind is RecordKind.ACTIVITIES:
            self._participants(values, data, notes)
            return
        named: Any = data.get(target, ())
        keys: list[str] = []
        unknown: list[tuple[str, str]] = []  # (value, field)
        for key in named:
            if not self.recipients_loaded or key in self.keys:
                keys.append(key)
            else:
                unknown.append((key, target))
        by_id: list[str] = []  # people the row's ID numbers name, beside its keys
        for number in values.get(PEOPLE_BY_ID) or ():
            key = self.key_by_resident_id.get(number)
            if key is None:
                unknown.append((number, PEOPLE_BY_ID))
            elif key not in keys:
                keys.append(key)
                by_id.append(key)
        if by_id and unknown and all(field == target for _value, field in unknown):
            # a key the register lacks (a typo, a register keyed by ID number) beside an ID
            # number it holds: the visit is that person's, with a warning at the key
            for value, field in unknown:
                linked = Finding.of(
                    "ledger.linked_by_resident_id",
                    Severity.WARNING,
                    value=value,
                    key=words.LIST_JOINER.join(by_id),
                )
                notes.append(Placed(linked, field))
            unknown = []
        name = values.get(PEOPLE_BY_NAME)
        several = (
            isinstance(name, str)
            and not keys
            and self.recipients_loaded
            and not _ID_IN_NAME.search(compact_name(name).upper())  # 张三/4401…: one person
        )
        parts = split_names(name) if several and isinstance(name, str) else []
        if len(parts) > 1:
            # a household visited together (陈大明、李秀英): each name one person; one not
            # found is flagged and the visit kept for the others
            village = values.get(PEOPLE_VILLAGE)
            for part in parts:
                key, finding = self.people.find(part, village)
                if key is not None and key not in keys:
                    keys.append(key)
                    notes.extend(self._remark_in(part, key))
                elif finding is not None:
                    problems.append(Placed(finding, PEOPLE_BY_NAME))
            if keys and problems:
                notes.extend(
                    Placed(attrs.evolve(p.finding, severity=Severity.WARNING), p.field)
                    for p in problems
                )
                problems.clear()
            if not keys:
                return
        elif name and not keys and self.recipients_loaded:
            village = values.get(PEOPLE_VILLAGE)
            if _ID_IN_NAME.search(compact_name(name).upper()):
                # a number beside the name says who it is: the name alone does not
                key = self._by_id_in_name(name, village)
                finding = None
                if key is None:
                    finding = Finding.of(
                        "ledger.recipient_not_registered", Severity.ERROR, name=compact_name(name)
                    )
            else:
                key, finding = self.people.find(name, village)
            if key is not None:
                keys.append(key)
                for value, field in unknown:
                    linked = Finding.of(
                        "ledger.linked_by_name",
                        Severity.WARNING,
                        value=value,
                        name=compact_name(name),
                        key=key,
                    )
                    notes.append(Placed(linked, field))
                unknown = []
            elif finding is not None:
                problems.append(Placed(finding, PEOPLE_BY_NAME))
                return
        for value, field in unknown:
            missing = Finding.of("ledger.unknown_recipient", Severity.ERROR, value=value)
            problems.append(Placed(missing, field))
        if unknown:
            return
        if not keys and self.recipients_loaded and kind is RecordKind.CONTACTS:
            nobody = Finding.of("ledger.record_without_person", Severity.ERROR)
            problems.append(Placed(nobody))
            return
        if keys and (len(keys) != len(named) or type(named) is not tuple or keys != list(named)):
            data[target] = tuple(keys)

    def _remark_in(self, written: str, key: str) -> list[Placed]:
        """The finding at a name cell that links ``key`` by the name without the bracketed remark
        it carries (张三（已故）, 李四(户主) on a visit log whose register writes 张三, 李四): the
        remark is never dropped unsaid. A remark saying the person left the register (已故, 迁出)
        is a warning, the register's status left as it says; any other an info."""
        remark = self.people.remark(written)
        registered = self.people.name_of(key)
        compared = compact_name(written)
        if remark is None or registered is None or bare_name(compared) != bare_name(registered):
            return []  # no remark, or a name that is not the person's (said elsewhere, if at all)
        from .name_status import status_in_name  # it reads names as the register does

        said = status_in_name(compared)
        if said is None or said[0].is_on_register:
            note = Finding.of(
                "ledger.visit_name_remark",
                Severity.INFO,
                value=compared,
                remark=remark,
                name=registered,
            )
        else:
            status, word = said
            note = Finding.of(
                "ledger.visit_name_status",
                Severity.WARNING,
                value=compared,
                remark=word,
                status=status.label,
                name=registered,
            )
        return [Placed(note, PEOPLE_BY_NAME)]

    def _by_id_in_name(self, name: str, village: str | None) -> str | None:
        """The person a name cell names with their ID number beside the name (“张三/4401…”, “李四
        4401…”): the register's holder of that number, when the name beside it is theirs or
        there is none."""
        compared = compact_name(name).upper()
        found = _ID_IN_NAME.search(compared)
        if found is None:
            return None
        number = resident_id.check(found[0]).number
        key = self.key_by_resident_id.get(number) if number is not None else None
        if key is None:
            return None
        rest = bare_name(compared.replace(found[0], "")).strip(_NAME_ID_JOINERS)
        if not rest:
            return key
        named, _finding = self.people.find(rest, village)
        return key if named == key else None

    def _participants(
        self, values: Mapping[str, Any], data: dict[str, Any], notes: list[Placed]
    ) -> None:
        """An activity's 参与对象 (and its people named in an ID-number or a name column): each
        entry a register key, else an ID number, else the name of exactly one registered person.
        An entry that links no one (an unknown name or number, two people of that name, a
        homophone) is flagged and kept on the activity as written (``unlinked_participants``):
        the activity is always kept."""
        named: Any = (
            *data.get("participant_keys", ()),
            *(values.get(PEOPLE_BY_ID) or ()),
            *split_values(values.get(PEOPLE_BY_NAME) or ""),
        )
        if not named or not self.recipients_loaded:
            return
        keys: list[str] = []
        unlinked: list[str] = []
        for entry in named:
            key = entry if entry in self.keys else self.key_by_resident_id.get(entry.upper())
            finding = None
            if key is None:
                key, finding = self.people.find(entry, None)
            if key is not None:
                if key not in keys:
                    keys.append(key)
                continue
            written = compact_name(entry)
            if written not in unlinked:
                unlinked.append(written)
            if finding is not None:
                # the register's reason, in words that say the activity is kept
                code = finding.code.replace(".recipient_", ".participant_", 1)
                params = {k: v for k, v in finding.params.items() if k != "name"}
                flagged = Finding.of(code, Severity.WARNING, value=written, **params)
                notes.append(Placed(flagged, "participant_keys"))
        data["participant_keys"] = tuple(keys)
        if unlinked:
            data["unlinked_participants"] = tuple(unlinked)


def _after_death(
    data: Mapping[str, Any],
    people_field: str,
    died: Mapping[str, date],
    people: PeopleIndex,
    notes: list[Placed],
) -> None:
    """A warning at the date cell of a visit made after a person it names died, as the register
    says (死亡 with its date): a slip in the date or in the person, or a visit to the family
    recorded under the dead person's name. The visit is kept as written."""
    on = data.get("on")
    if not isinstance(on, date):
        return
    for key in data.get(people_field) or ():
        since = died.get(key)
        if since is not None and on > since:
            late = Finding.of(
                "ledger.visit_after_death",
                Severity.WARNING,
                on=on.isoformat(),
                name=people.name_of(key) or key,
                since=since.isoformat(),
            )
            notes.append(Placed(late, "on"))


CATEGORIES = "categories"
SEX = "sex"
SEX_DISAGREES = "recipient.sex_disagrees_with_id"


BIRTH_DATE = "birth_date"
BIRTH_DATE_DISAGREES = "recipient.birth_date_disagrees_with_id"
AT_THE_CELL = frozenset({SEX_DISAGREES, BIRTH_DATE_DISAGREES})
"""Findings of a cell against the ID number, reported at the cell when the ledger is read."""


def disagrees_with_id(person: Recipient) -> bool:
    """Whether ``person``'s sex or birth date as written disagrees with their ID number's."""
    number = person.resident_id
    if number is None or not resident_id.is_valid(number):
        return False
    if person.sex is not None and resident_id.sex(number) is not person.sex:
        return True
    born = person.birth_date
    return born is not None and not birth_dates_agree(born, resident_id.birth_date(number))


def _sex_against_id(data: Mapping[str, Any], notes: list[Placed]) -> None:
    """A sex cell that disagrees with the ID number's sex digit: a warning at the cell, both
    kept as written (``Recipient.effective_sex`` takes the ID's)."""
    number = data.get("resident_id")
    if not isinstance(number, str) or not resident_id.is_valid(number):
        return
    derived = resident_id.sex(number)
    declared = data[SEX]
    if getattr(declared, "value", declared) != derived.value:
        written = Sex.from_code(getattr(declared, "value", declared))
        said = Finding.of(
            SEX_DISAGREES, Severity.WARNING, declared=written.label, derived=derived.label
        )
        notes.append(Placed(said, SEX))


def _birth_date_against_id(data: Mapping[str, Any], notes: list[Placed]) -> None:
    """A birth date cell that disagrees with the ID number's: a warning at the cell (a date
    typed wrong, or the ID's), both kept as written."""
    number, written = data.get("resident_id"), data[BIRTH_DATE]
    if not isinstance(number, str) or not isinstance(written, date):
        return
    if not resident_id.is_valid(number):
        return
    derived = resident_id.birth_date(number)
    if not birth_dates_agree(written, derived):
        said = Finding.of(
            BIRTH_DATE_DISAGREES,
            Severity.WARNING,
            declared=written.isoformat(),
            derived=derived.isoformat(),
        )
        notes.append(Placed(said, BIRTH_DATE))


def _settle_by_age(data: dict[str, Any], notes: list[Placed]) -> None:
    """A category word only the age settles (留守: ``glossary.meaning.ByAge``) read with the
    person's birth date (written, else from the ID number) at the end of the period the sheet is
    read in (its title's year: ``tabular.reading_span``), else on the person's registration
    date, reported either way; without them, or at an age between the two, left unread and
    flagged (the person is kept). Never the wall clock: the same ledger reads the same."""
    found = data[CATEGORIES]
    if not any(isinstance(value, ByAge) for value in found):
        return
    written = data.get("birth_date")
    born: date | None = written if isinstance(written, date) else None
    if born is None:
        number = data.get("resident_id")
        if isinstance(number, str) and resident_id.is_valid(number):
            born = resident_id.birth_date(number)
    span = reading_span()
    registered = data.get("registered_on")
    on = span[1] if span is not None else registered if isinstance(registered, date) else None
    codes: list[str] = []
    for value in found:
        if not isinstance(value, ByAge):
            codes.append(value)
            continue
        settled = value.settle(born, on) if born is not None and on is not None else None
        if settled is not None and born is not None and on is not None:
            said = Finding.of(
                "ledger.category_by_age",
                Severity.INFO,
                word=value.word,
                age=age_at(born, on),
                category=settled.label,
            )
            notes.append(Placed(said, CATEGORIES))
            if settled.value not in codes:
                codes.append(settled.value)
            continue
        if born is None:
            why = words.AGE_UNKNOWN
        elif on is None:
            why = words.AGE_NO_YEAR
        else:
            why = words.AGE_BETWEEN.format(age=age_at(born, on))
        unsettled = Finding.of(
            "ledger.category_age_unsettled",
            Severity.WARNING,
            word=value.word,
            child=value.child.label,
            elderly=value.elderly.label,
            why=why,
        )
        notes.append(Placed(unsettled, CATEGORIES))
    if codes:
        data[CATEGORIES] = tuple(codes)
    else:
        del data[CATEGORIES]


_ID_IN_NAME: Final = re.compile(r"(?<!\d)(?:\d{17}[\dX]|\d{15})(?![\dX])")
"""An ID number written in a name cell (after ``compact_name`` and upper-casing)."""
_NAME_ID_JOINERS: Final = words.LIST_SEPARATORS + ":-—"
"""What stands between a name and the ID number beside it in one cell (“张三/4401…”)."""


def _id_from_name(data: dict[str, Any], notes: list[Placed]) -> None:
    """A register name cell that holds the person's ID number too (张三（4104…）, 张三 4104…),
    on a row with no ID number of its own: the number is the person's, the rest their name,
    said at the cell. A number that cannot be used leaves the cell as written."""
    written: str = data["name"]
    compared = compact_name(written).upper()
    found = _ID_IN_NAME.search(compared)
    if found is None:
        return
    checked = resident_id.check(found[0])
    rest = bare_name(compared.replace(found[0], "")).strip(_NAME_ID_JOINERS)
    if checked.number is None or not rest:
        return
    data["resident_id"], data["name"] = checked.number, rest
    said = Finding.of("ledger.id_from_name", Severity.INFO, name=rest, number=checked.number)
    notes.append(Placed(said, "name"))
    notes.extend(Placed(finding, "name") for finding in checked.findings)


def split_names(text: str) -> list[str]:
    """The names a cell of names holds (陈大明、李秀英): split at list marks, never at spaces (陈
    大明 is one name written with a space)."""
    parts = [p.strip() for p in _NAME_SEPARATORS.split(text)]
    return [p for p in parts if p]


_NAME_SEPARATORS = re.compile("[" + re.escape(words.NAME_SEPARATORS) + "]")


def compact_name(name: str) -> str:
    """A name as compared: every space removed (“王 兰英” is “王兰英”), full-width made half-width."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def bare_name(name: str) -> str:
    """A compared name without a bracketed remark (“张三（户主）”, “李四(已故)” are 张三, 李四)."""
    return words.HEADER_BRACKETS.sub("", name)


class PeopleIndex:
    """The register's people by name, to find the person a log names without a key or ID. A
    name written with a bracketed remark on one sheet and without it on the other is the same
    name, when no one is called exactly so."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[tuple[str, str | None]]] = {}
        self._by_bare: dict[str, list[tuple[str, str | None]]] = {}
        self._by_sound: dict[str, list[tuple[str, str]]] | None = None
        self._names: dict[str, str] = {}
        self.remarked: list[tuple[str, str]] = []
        """(key, compared name) of each person whose name carries a bracketed remark, in the
        order added (``ledger.name_status`` reads a status there)."""

    def add(self, key: str, name: str, village: str | None) -> None:
        compared = compact_name(name)
        self._names[key] = compared
        self._by_name.setdefault(compared, []).append((key, village))
        bare = bare_name(compared)
        if bare and bare != compared:
            self._by_bare.setdefault(bare, []).append((key, village))
            self.remarked.append((key, compared))
        self._by_sound = None

    def name_of(self, key: str) -> str | None:
        """The name the register writes for ``key`` (compared form)."""
        return self._names.get(key)

    def remark(self, name: str) -> str | None:
        """The bracketed remark of ``name`` (张三（已故） gives 已故) when it finds its person only
        without it (no one is registered under the name as written), else ``None``."""
        compared = compact_name(name)
        if compared in self._by_name:
            return None
        remarks = [found[1:-1] for found in words.HEADER_BRACKETS.findall(compared)]
        remarks = [r for r in remarks if r]
        return words.LIST_JOINER.join(remarks) if remarks else None

    def _named(self, wanted: str) -> list[tuple[str, str | None]]:
        found = self._by_name.get(wanted)
        if found:
            return found
        bare = bare_name(wanted)
        return self._by_bare.get(wanted) or (self._by_name.get(bare, []) if bare else [])

    def find(self, name: str, village: str | None) -> tuple[str | None, Finding | None]:
        """The key of the one person called ``name`` (in ``village`` when given and needed), or
        ``None`` and the finding that says why not."""
        wanted = compact_name(name)
        found = self._named(wanted)
        if village and len(found) > 1:
            place = compact_name(village)
            found = [
                (k, v)
                for k, v in found
                if v and (place in compact_name(v) or compact_name(v) in place)
            ] or found
        if len(found) == 1:
            return found[0][0], None
        if len(found) > 1:
            where = words.IN_VILLAGE.format(village=village) if village else ""
            return None, Finding.of(
                "ledger.recipient_ambiguous",
                Severity.ERROR,
                name=wanted,
                count=len(found),
                village=where,
            )
        likely = self._sounds_like(wanted)
        if likely is not None:
            return None, Finding.of(
                "ledger.recipient_sounds_like",
                Severity.ERROR,
                name=wanted,
                likely=likely[1],
                key=likely[0],
            )
        return None, Finding.of("ledger.recipient_not_registered", Severity.ERROR, name=wanted)

    def _sounds_like(self, name: str) -> tuple[str, str] | None:
        """The one registered person whose name is read the same (同音字), if there is one."""
        from pypinyin import lazy_pinyin  # only when a name matches no one

        if self._by_sound is None:
            self._by_sound = {}
            for known, people in self._by_name.items():
                sound = " ".join(lazy_pinyin(known))
                for key, _village in people:
                    self._by_sound.setdefault(sound, []).append((key, known))
        candidates = self._by_sound.get(" ".join(lazy_pinyin(name)), [])
        return candidates[0] if len(candidates) == 1 else None
