"""The record kinds of a ledger, in one table: every module that treats kinds alike reads it.

A ``RecordKindSpec`` holds all the library needs to know of a kind: its code and Chinese names,
its record class, the attribute naming its records, the field that identifies a record, the fields
naming register people and workers, the field placing it at a station, how a roll-up treats it and
where it comes in the load order. ``RECORD_KINDS`` is the table, in load order.

A kind is a ``RecordKind``: a code (``RecordKind.CONTACTS == "contacts"``) with the names of its
row. The kinds are the table's rows, so the set is open: a row registered with
``register_record_kind`` (an adapter's own kind, a test's) is loaded, written, converted,
validated, scoped and rolled up like the built-in ones, and read through ``Ledger.records(kind)``.
The built-in kinds have typed constants (``RecordKind.CONTACTS``) and typed attributes
(``Ledger.contacts``) as conveniences.

The kinds' Chinese names are written in their rows, the one place a kind's facts live (the design's
rule); this table and the glossary are where the core's Chinese text lives.

Adding a kind: its record class and its row (see ``docs/architecture.md``, "Record kinds").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, overload

import attrs

from .campaigns import Campaign
from .casework import Activity, Case
from .contacts import Contact
from .glossary._labelled import by_label
from .handouts import Handout
from .recipients import Recipient
from .resources import ResourceLink
from .stations import SocialWorker, Station

__all__ = [
    "RECORDS_IN_REASONS",
    "RECORD_KINDS",
    "RecordKind",
    "RecordKindSpec",
    "RecordKindTable",
    "RecordsByKind",
    "records_by_kind",
    "register_record_kind",
    "registered_record_kind",
    "spec_of",
]

V = TypeVar("V")


class _TableKinds(type):
    """Iterating ``RecordKind`` gives the kinds of the table, in load order (as an enum's members)."""

    def __iter__(cls) -> Iterator[RecordKind]:
        return iter(tuple(spec.kind for spec in RECORD_KINDS))

    def __len__(cls) -> int:
        return len(RECORD_KINDS)

    def __contains__(cls, value: object) -> bool:
        return isinstance(value, str) and RECORD_KINDS.find(value) is not None


class RecordKind(str, metaclass=_TableKinds):
    """A kind of record a ledger holds: its stable code (the string itself) and Chinese name.

    Made by its ``RecordKindSpec`` row, never by hand: ``RecordKind("contacts")`` and
    ``RecordKind.from_code`` look the code up in the table, ``from_label`` the name. Like a
    ``LabelledEnum`` member it has ``value`` (the code), ``name`` and ``label``; iterating
    ``RecordKind`` gives the table's kinds in load order.
    """

    label: str
    """The kind's Chinese name (服务对象, 探访记录 …), for sheets and messages."""

    RECIPIENTS: ClassVar[RecordKind]
    STATIONS: ClassVar[RecordKind]
    WORKERS: ClassVar[RecordKind]
    CONTACTS: ClassVar[RecordKind]
    RESOURCE_LINKS: ClassVar[RecordKind]
    CASES: ClassVar[RecordKind]
    ACTIVITIES: ClassVar[RecordKind]
    CAMPAIGNS: ClassVar[RecordKind]
    HANDOUTS: ClassVar[RecordKind]

    def __new__(cls, code: str) -> RecordKind:
        return cls.from_code(code)

    @classmethod
    def _made(cls, code: str, label: str) -> RecordKind:
        kind = str.__new__(cls, code)
        kind.label = label
        return kind

    @classmethod
    def from_code(cls, code: str) -> RecordKind:
        """The kind with this code (a kind is returned as is); ``ValueError`` naming the known
        codes otherwise. Used as the attrs converter of every kind-typed field."""
        spec = RECORD_KINDS.find(code)
        if spec is None:
            known = ", ".join(RecordKind)
            raise ValueError(f"unknown RecordKind code {code!r}; known: {known}")
        return spec.kind

    @classmethod
    def from_label(cls, label: str) -> RecordKind:
        """The kind whose Chinese name is exactly ``label`` (surrounding spaces ignored)."""
        return by_label(RecordKind, label, "RecordKind")

    @property
    def value(self) -> str:
        """The code, as a plain string."""
        return str.__str__(self)

    @property
    def name(self) -> str:
        """The constant's name (``CONTACTS``)."""
        return self.value.upper()

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"RecordKind.{self.name}"

    def __reduce__(self) -> tuple[Callable[[str], RecordKind], tuple[str]]:
        # a kind crossing to a worker process is the worker's table row of the same code
        return RecordKind.from_code, (self.value,)

    def __copy__(self) -> RecordKind:
        return self

    def __deepcopy__(self, memo: object) -> RecordKind:
        return self


def _field_of(instance: RecordKindSpec, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value not in attrs.fields_dict(instance.record_class):
        raise ValueError(
            f"{instance.code}: {attribute.name} {value!r} is not a field of "
            f"{instance.record_class.__name__}"
        )


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _identifier(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.isidentifier() or not value.isascii() or value != value.lower():
        raise ValueError(f"{attribute.name} {value!r} is not a lower-case Python name")


@attrs.frozen(kw_only=True)
class RecordKindSpec:
    """The facts of one record kind: one row of the table."""

    code: str = attrs.field(validator=_identifier)
    """The stable code (``contacts``): stored, serialised, written in mapping files and JSON."""
    label: str = attrs.field(validator=attrs.validators.min_len(1))
    """Its Chinese name (探访记录), for sheets and messages."""
    in_reasons: str = attrs.field(validator=attrs.validators.min_len(1))
    """How a not-computable reason names it before 记录 (台账中没有探访记录)."""
    record_class: type[Any] = attrs.field(validator=lambda _i, _a, v: _attrs_class(v))
    """The attrs class of its records (built through the one converter)."""
    attribute: str = attrs.field(validator=_identifier)
    """The name of its records on a ledger and in keyword arguments: ``Ledger(contacts=…)``,
    ``RecordSet(contacts=…)``, and the typed ``ledger.contacts`` of a built-in kind."""
    id_field: str = attrs.field(validator=_field_of)
    """The field identifying a record: ``key`` for a person, ``code`` for a station, else ``id``."""
    load_order: int
    """Kinds are loaded in this order: the register first, so later sheets can name its people."""
    people_field: str | None = attrs.field(default=None, validator=_field_of)
    """The field naming register people by key (a visit's ``recipient_keys``), if any."""
    worker_field: str | None = attrs.field(default=None, validator=_field_of)
    """The field naming workers (``worker_id`` or ``worker_ids``), if any."""
    station_field: str = attrs.field(default="station_code", validator=_field_of)
    """The field holding the code of the station a record belongs to (a station's own ``code``)."""
    placed_by_people: bool = False
    """A record naming no station belongs, in one station's share, with the people it names or the
    workers who made it (visits); other kinds without a station belong to none."""
    station_from_people: bool = False
    """A record without a station is given the station of the first person it names, when its
    workers give none (attribution, rule 3: visits, cases, resource links)."""
    shared: bool = False
    """A record of the whole area, the same in every file: a station by its code, a campaign
    (宣传周) by its ID. A roll-up neither prefixes its ID with a station nor gives it one, and
    keeps the first file's record of an ID; other kinds are namespaced and the latest file wins."""
    references: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)
    """Fields holding the ID of a record of another kind (a visit's ``case_id`` → ``cases``, by
    code): a roll-up renames them with the record they name."""
    times_of_day: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)
    """A date field → the field keeping the time of day a ledger's date cell gives beside the
    day (a visit's ``on`` → ``at``: 2024年7月5日上午9:30). Without it such a time is dropped."""
    kind: RecordKind = attrs.field(init=False)
    """The kind this row makes (its code with its name)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "kind", RecordKind._made(self.code, self.label))
        fields = attrs.fields_dict(self.record_class)
        for name in self.references:
            if name not in fields:
                raise ValueError(
                    f"{self.code}: references {name!r} is not a field of "
                    f"{self.record_class.__name__}"
                )
        for name in (*self.times_of_day, *self.times_of_day.values()):
            if name not in fields:
                raise ValueError(
                    f"{self.code}: times_of_day names {name!r}, not a field of "
                    f"{self.record_class.__name__}"
                )

    def records_of(self, holder: Any) -> Any:
        """The records of this kind held by a ``Ledger``, a ``RecordSet``, a roll-up's share or
        any ``LedgerLike`` (through its ``records(kind)``)."""
        return holder.records(self.kind)


def _attrs_class(value: Any) -> None:
    if not attrs.has(value):
        raise TypeError(f"a record class is an attrs class, not {value!r}")


class RecordKindTable(Sequence[RecordKindSpec]):
    """The rows of the table, in load order; rows may be registered (an adapter's, a test's)."""

    def __init__(self, rows: Iterable[RecordKindSpec]) -> None:
        self._rows: tuple[RecordKindSpec, ...] = ()
        self._by_code: dict[str, RecordKindSpec] = {}
        self._by_attribute: dict[str, RecordKindSpec] = {}
        for row in rows:
            self.register(row)

    @overload
    def __getitem__(self, index: int) -> RecordKindSpec: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordKindSpec]: ...
    def __getitem__(self, index: int | slice) -> RecordKindSpec | Sequence[RecordKindSpec]:
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[RecordKindSpec]:
        return iter(self._rows)

    def find(self, code: str) -> RecordKindSpec | None:
        """The row of the kind with this code (a kind or a plain string), if there is one."""
        return self._by_code.get(code)

    def by_attribute(self, name: str) -> RecordKindSpec | None:
        """The row whose records are named ``name`` (``contacts``), if there is one."""
        return self._by_attribute.get(name)

    def register(self, spec: RecordKindSpec) -> RecordKindSpec:
        """Add a row; a code, attribute or load order another row has is refused."""
        for row in self._rows:
            if spec.code == row.code or spec.attribute == row.attribute:
                raise ValueError(f"the record kind {spec.code!r} clashes with {row.code!r}")
            if spec.load_order == row.load_order:
                raise ValueError(
                    f"the record kind {spec.code!r} has {row.code!r}'s load order {row.load_order}"
                )
        self._rows = tuple(sorted((*self._rows, spec), key=lambda s: s.load_order))
        self._by_code[spec.code] = spec
        self._by_attribute[spec.attribute] = spec
        return spec

    def unregister(self, spec: RecordKindSpec) -> None:
        """Take a registered row out again (the end of ``registered_record_kind``)."""
        if self._by_code.get(spec.code) is not spec:
            raise ValueError(f"the record kind {spec.code!r} is not this table's row")
        self._rows = tuple(row for row in self._rows if row is not spec)
        del self._by_code[spec.code]
        del self._by_attribute[spec.attribute]


class _Column(Mapping[RecordKind, V]):
    """One fact of every row, by kind, read from the table when asked (rows registered later
    included)."""

    def __init__(self, fact: Callable[[RecordKindSpec], V | None]) -> None:
        self._fact = fact

    def __getitem__(self, kind: RecordKind) -> V:
        spec = RECORD_KINDS.find(kind)
        value = None if spec is None else self._fact(spec)
        if value is None:
            raise KeyError(kind)
        return value

    def __iter__(self) -> Iterator[RecordKind]:
        return iter(tuple(s.kind for s in RECORD_KINDS if self._fact(s) is not None))

    def __len__(self) -> int:
        return sum(1 for _ in self)


RECORD_KINDS = RecordKindTable(
    (
        RecordKindSpec(
            code="recipients",
            label="服务对象",
            in_reasons="服务对象",
            record_class=Recipient,
            attribute="recipients",
            id_field="key",
            load_order=0,
            worker_field="worker_id",
        ),
        RecordKindSpec(
            code="stations",
            label="社工站点",
            in_reasons="社工站(点)",
            record_class=Station,
            attribute="stations",
            id_field="code",
            load_order=1,
            station_field="code",
            shared=True,
        ),
        RecordKindSpec(
            code="workers",
            label="社工人员",
            in_reasons="社工",
            record_class=SocialWorker,
            attribute="workers",
            id_field="id",
            load_order=2,
        ),
        RecordKindSpec(
            code="contacts",
            label="探访记录",
            in_reasons="探访",
            record_class=Contact,
            attribute="contacts",
            id_field="id",
            load_order=3,
            people_field="recipient_keys",
            worker_field="worker_ids",
            placed_by_people=True,
            station_from_people=True,
            references={"case_id": "cases"},
            times_of_day={"on": "at"},
        ),
        RecordKindSpec(
            code="resource_links",
            label="资源链接",
            in_reasons="资源链接",
            record_class=ResourceLink,
            attribute="resource_links",
            id_field="id",
            load_order=4,
            people_field="recipient_keys",
            worker_field="worker_ids",
            station_from_people=True,
            references={"case_id": "cases"},
        ),
        RecordKindSpec(
            code="cases",
            label="个案",
            in_reasons="个案",
            record_class=Case,
            attribute="cases",
            id_field="id",
            load_order=5,
            people_field="recipient_keys",
            worker_field="worker_id",
            station_from_people=True,
        ),
        RecordKindSpec(
            code="activities",
            label="活动",
            in_reasons="活动",
            record_class=Activity,
            attribute="activities",
            id_field="id",
            load_order=6,
            people_field="participant_keys",
            worker_field="worker_ids",
        ),
        RecordKindSpec(
            code="campaigns",
            label="专项活动",
            in_reasons="专项活动",
            record_class=Campaign,
            attribute="campaigns",
            id_field="id",
            load_order=7,
            shared=True,
        ),
        RecordKindSpec(
            code="handouts",
            label="物资发放",
            in_reasons="物资发放",
            record_class=Handout,
            attribute="handouts",
            id_field="id",
            load_order=8,
            worker_field="worker_ids",
        ),
    )
)
"""Every record kind, in load order."""

# the typed constants of the built-in kinds (RecordKind.CONTACTS): each row's kind
for _spec in RECORD_KINDS:
    setattr(RecordKind, _spec.kind.name, _spec.kind)
del _spec

RECORDS_IN_REASONS: Mapping[RecordKind, str] = _Column(lambda s: s.in_reasons)
"""How a not-computable reason names a kind: ``reports.no_records`` reads 台账中没有{records}记录."""


def spec_of(kind: RecordKind | str) -> RecordKindSpec:
    """The table row of ``kind`` (a kind or its code)."""
    spec = RECORD_KINDS.find(kind)
    if spec is None:
        RecordKind.from_code(kind)  # raises, naming the known codes
    assert spec is not None
    return spec


def register_record_kind(spec: RecordKindSpec) -> RecordKind:
    """Add a kind to the table for the rest of the process; its kind is returned."""
    return RECORD_KINDS.register(spec).kind


@contextlib.contextmanager
def registered_record_kind(spec: RecordKindSpec) -> Iterator[RecordKind]:
    """A kind in the table while the ``with`` block runs (a test's own kind)."""
    RECORD_KINDS.register(spec)
    try:
        yield spec.kind
    finally:
        RECORD_KINDS.unregister(spec)


class RecordsByKind:
    """What ``Ledger`` and ``indicators.RecordSet`` share: their records held by kind in
    ``_records``, read for any kind of the table (``records(kind)``) and, for the built-in kinds,
    through typed attributes (``ledger.contacts``). A kind added to the table needs no attribute
    here: ``records(kind)`` serves it."""

    __slots__ = ()
    _records: Mapping[RecordKind, tuple[Any, ...]]

    def records(self, kind: RecordKind | str) -> tuple[Any, ...]:
        """The records of one kind (any kind of the table), in ledger order."""
        return self._records.get(spec_of(kind).kind, ())

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        return self._records.get(RecordKind.RECIPIENTS, ())

    @property
    def stations(self) -> tuple[Station, ...]:
        return self._records.get(RecordKind.STATIONS, ())

    @property
    def workers(self) -> tuple[SocialWorker, ...]:
        return self._records.get(RecordKind.WORKERS, ())

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return self._records.get(RecordKind.CONTACTS, ())

    @property
    def resource_links(self) -> tuple[ResourceLink, ...]:
        return self._records.get(RecordKind.RESOURCE_LINKS, ())

    @property
    def cases(self) -> tuple[Case, ...]:
        return self._records.get(RecordKind.CASES, ())

    @property
    def activities(self) -> tuple[Activity, ...]:
        return self._records.get(RecordKind.ACTIVITIES, ())

    @property
    def campaigns(self) -> tuple[Campaign, ...]:
        return self._records.get(RecordKind.CAMPAIGNS, ())

    @property
    def handouts(self) -> tuple[Handout, ...]:
        return self._records.get(RecordKind.HANDOUTS, ())


def records_by_kind(
    owner: str,
    by_kind: Mapping[Any, Iterable[Any]] | None,
    by_attribute: Mapping[str, Iterable[Any]],
) -> Mapping[RecordKind, tuple[Any, ...]]:
    """Records given by kind (``by_kind``) and by attribute name (``contacts=…``, which wins),
    as one read-only mapping: a kind of the table with records → its tuple, in load order.
    ``owner`` names the class refusing an attribute no kind has."""
    found: dict[RecordKind, tuple[Any, ...]] = {}
    for kind, items in (by_kind or {}).items():
        found[spec_of(kind).kind] = tuple(items)
    for name, items in by_attribute.items():
        spec = RECORD_KINDS.by_attribute(name)
        if spec is None:
            raise TypeError(f"{owner}() got an unexpected keyword argument {name!r}")
        found[spec.kind] = tuple(items)
    return MappingProxyType({s.kind: found[s.kind] for s in RECORD_KINDS if found.get(s.kind)})


def column(fact: Callable[[RecordKindSpec], V | None]) -> Mapping[RecordKind, V]:
    """One fact of every row by kind (kinds whose fact is ``None`` left out), read live."""
    return _Column(fact)
