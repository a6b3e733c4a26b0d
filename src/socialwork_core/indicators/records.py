"""What the indicators read: the records of a ledger by kind, and a ledger cut to stations.

Indicators accept any object holding records by kind (:class:`LedgerLike`):
``socialwork_core.ledger.Ledger`` is one, :class:`RecordSet` is another (handy in tests and for
one station's share of a county ledger, see :func:`scoped`).

An *empty* collection is read as "the ledger has no such records" (no stations sheet, no activity
sheet): figures drawn from it are not computable, not zero.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol

import attrs

from ..campaigns import Campaign
from ..casework import Activity, Case
from ..contacts import Contact
from ..glossary.terms import StationTier
from ..handouts import Handout
from ..recipients import Recipient
from ..record_kinds import (
    RECORD_KINDS,
    RecordKind,
    RecordKindSpec,
    RecordsByKind,
    records_by_kind,
    spec_of,
)
from ..resources import ResourceLink
from ..stations import SocialWorker, Station
from ..visit_history import VisitDays, VisitHistory
from .per_ledger import derived

__all__ = [
    "LedgerLike",
    "RecordSet",
    "descendant_codes",
    "has_records",
    "kept_history",
    "recipients_by_key",
    "scoped",
    "station_shares",
    "tier_share",
    "visit_history",
]


class LedgerLike(Protocol):
    """The records a ledger holds: those of any kind of the table through ``records(kind)``, and
    the built-in kinds' as typed attributes; each a collection (order kept where it matters)."""

    def records(self, kind: RecordKind) -> Collection[Any]: ...
    @property
    def recipients(self) -> Collection[Recipient]: ...
    @property
    def stations(self) -> Collection[Station]: ...
    @property
    def workers(self) -> Collection[SocialWorker]: ...
    @property
    def contacts(self) -> Collection[Contact]: ...
    @property
    def resource_links(self) -> Collection[ResourceLink]: ...
    @property
    def cases(self) -> Collection[Case]: ...
    @property
    def activities(self) -> Collection[Activity]: ...
    @property
    def campaigns(self) -> Collection[Campaign]: ...
    @property
    def handouts(self) -> Collection[Handout]: ...


@attrs.frozen(kw_only=True, init=False)
class RecordSet(RecordsByKind):
    """A plain set of records satisfying :class:`LedgerLike`: records by attribute name
    (``RecordSet(contacts=…)``, any kind's ``RecordKindSpec.attribute``) or by kind
    (``RecordSet(by_kind={kind: records})``)."""

    _records: Mapping[RecordKind, tuple[Any, ...]] = attrs.field(alias="by_kind")
    held_kinds: frozenset[RecordKind] = frozenset()
    """Kinds of record the ledger this set was cut from holds, even where this share has none
    (one station's share of a county ledger with cases, but none of its own, has 0 cases, not
    "no case records")."""
    visit_history: VisitHistory | None = attrs.field(default=None, eq=False, repr=False)
    """As ``Ledger.visit_history``: the share of the history of the ledger it was cut from, cut
    by the same rule as its contacts; ``None``: its contacts' own."""

    def __init__(
        self,
        *,
        by_kind: Mapping[Any, Iterable[Any]] | None = None,
        held_kinds: Iterable[RecordKind] = frozenset(),
        visit_history: VisitHistory | None = None,
        **records: Iterable[Any],
    ) -> None:
        self.__attrs_init__(
            by_kind=records_by_kind("RecordSet", by_kind, records),
            held_kinds=frozenset(held_kinds),
            visit_history=visit_history,
        )

    @classmethod
    def of(cls, ledger: LedgerLike) -> RecordSet:
        """A record set holding the same records as ``ledger``."""
        return cls(
            by_kind={s.kind: s.records_of(ledger) for s in RECORD_KINDS},
            visit_history=kept_history(ledger),
        )


def kept_history(ledger: LedgerLike) -> VisitHistory | None:
    """The visit history ``ledger`` holds in place of contacts (a roll-up's), or ``None`` when its
    contacts are its history. A ledger of the caller's own (any :class:`LedgerLike`) has none."""
    history = getattr(ledger, "visit_history", None)
    return history if isinstance(history, VisitHistory) else None


def visit_history(ledger: LedgerLike) -> VisitHistory:
    """The days each person of ``ledger`` was reached, and how: the history it holds (a
    roll-up's), else its contacts' (made once per ledger: ``indicators.per_ledger``). What every
    visit rate reads (``schedule.visit_rate``)."""
    held = kept_history(ledger)
    if held is not None:
        return held
    contacts = ledger.contacts
    return derived(ledger, contacts, "visit_history", lambda: VisitHistory.of(contacts))


def _cut_history(
    ledger: LedgerLike, keep: Callable[[RecordKindSpec, Any], bool]
) -> VisitHistory | None:
    """The ledger's kept history cut by the rule that keeps its contacts (``keep`` applied with
    the contacts' kind: a visit days entry carries the fields a contact is placed by)."""
    held = kept_history(ledger)
    if held is None:
        return None
    spec = spec_of(RecordKind.CONTACTS)
    return held.where(lambda entry: keep(spec, entry))


def has_records(ledger: LedgerLike, kind: RecordKind) -> bool:
    """True when the ledger holds records of ``kind`` (or was cut from one that does: a share of a
    ledger, ``RecordSet.held_kinds``; a roll-up's ledger cut to a window, ``Ledger.held_kinds``)."""
    if spec_of(kind).records_of(ledger):
        return True
    # a share of a ledger, or a roll-up's ledger cut to a report's window
    return kind in getattr(ledger, "held_kinds", ())


def recipients_by_key(ledger: LedgerLike) -> Mapping[str, Recipient]:
    """The register keyed by recipient key (made once per ledger: ``indicators.per_ledger``)."""
    people = ledger.recipients
    return derived(ledger, people, "register", lambda: MappingProxyType({r.key: r for r in people}))


def descendant_codes(stations: Iterable[Station], code: str) -> frozenset[str]:
    """``code`` and the codes of every station below it (points under a station, stations under a
    county centre)."""
    children: dict[str, list[str]] = {}
    for station in stations:
        if station.parent_code is not None:
            children.setdefault(station.parent_code, []).append(station.code)
    found: set[str] = set()
    todo = [code]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(children.get(current, ()))
    return frozenset(found)


def scoped(ledger: LedgerLike, station_code: str) -> RecordSet:
    """The share of ``ledger`` belonging to one station and the stations below it.

    Recipients, workers, cases, activities and resource links are kept by their ``station_code``;
    so is a contact that names its station (a visit by this station to someone on another
    station's register is this station's work); a contact naming none is kept when it reaches a
    kept recipient or was made by a kept worker. Stations kept are the station and its
    descendants.
    """
    codes = descendant_codes(ledger.stations, station_code)
    keys = {r.key for r in ledger.recipients if r.station_code in codes}
    worker_ids = {w.id for w in ledger.workers if w.station_code in codes}

    def kept(spec: RecordKindSpec, record: Any) -> bool:
        station = getattr(record, spec.station_field)
        if station in codes:
            return True
        return (
            spec.placed_by_people
            and station is None
            and bool(
                keys.intersection(_named(record, spec.people_field))
                or worker_ids.intersection(_named(record, spec.worker_field))
            )
        )

    return RecordSet(
        by_kind={
            spec.kind: [r for r in spec.records_of(ledger) if kept(spec, r)]
            for spec in RECORD_KINDS
        },
        held_kinds=_held(ledger),
        visit_history=_cut_history(ledger, kept),
    )


def _named(record: Any, field: str | None) -> tuple[str, ...]:
    """The people or workers a record names in ``field`` (one value or several)."""
    if field is None:
        return ()
    value = getattr(record, field)
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _held(ledger: LedgerLike) -> frozenset[RecordKind]:
    return frozenset(k for k in RecordKind if has_records(ledger, k))


def station_shares(ledger: LedgerLike, codes: Sequence[str]) -> dict[str, RecordSet]:
    """``scoped(ledger, code)`` for every code of ``codes``, in one pass over the records: a
    city's table of a hundred stations reads its 200,000 people and their visits once, not once
    per station."""
    under: dict[str, list[str]] = {}
    for code in codes:
        for below in descendant_codes(ledger.stations, code):
            under.setdefault(below, []).append(code)
    held = _held(ledger)
    parts: dict[str, dict[RecordKind, list[Any]]] = {
        code: {spec.kind: [] for spec in RECORD_KINDS} for code in codes
    }
    # people and workers first: a record naming no station follows those it names
    person_codes: dict[str, list[str]] = {}
    worker_codes: dict[str, list[str]] = {}
    first = (spec_of(RecordKind.RECIPIENTS), spec_of(RecordKind.WORKERS))

    def placed(spec: RecordKindSpec, record: Any) -> list[str]:
        station = getattr(record, spec.station_field)
        if station is None and spec.placed_by_people:
            reached: dict[str, None] = {}
            for key in _named(record, spec.people_field):
                reached.update(dict.fromkeys(person_codes.get(key, ())))
            for worker_id in _named(record, spec.worker_field):
                reached.update(dict.fromkeys(worker_codes.get(worker_id, ())))
            return list(reached)
        return under.get(station, []) if station is not None else []

    for spec in (*first, *(s for s in RECORD_KINDS if s not in first)):
        for record in spec.records_of(ledger):
            found = placed(spec, record)
            for code in found:
                parts[code][spec.kind].append(record)
            if spec.kind is RecordKind.RECIPIENTS:
                person_codes[record.key] = found
            elif spec.kind is RecordKind.WORKERS:
                worker_codes[record.id] = found
    histories: dict[str, VisitHistory | None] = dict.fromkeys(codes)
    history = kept_history(ledger)
    if history is not None:
        # a visit days entry is placed as the contacts it stands for
        entries: dict[str, list[VisitDays]] = {code: [] for code in codes}
        contacts = spec_of(RecordKind.CONTACTS)
        for entry in history.entries:
            for code in placed(contacts, entry):
                entries[code].append(entry)
        histories = {code: attrs.evolve(history, entries=found) for code, found in entries.items()}
    return {
        code: RecordSet(by_kind=part, held_kinds=held, visit_history=histories[code])
        for code, part in parts.items()
    }


def unattributed(ledger: LedgerLike) -> RecordSet | None:
    """The share of ``ledger`` that no station on it holds, or ``None`` when there is none.

    A per-station table adds this as its own row, so the rows add up to the total: recipients,
    workers, cases, activities and links whose ``station_code`` names no listed station, contacts
    naming an unlisted station, and the contacts naming none that reach none of the attributed
    recipients and were made by none of the attributed workers.
    """
    codes = {s.code for s in ledger.stations}
    placed_keys = {r.key for r in ledger.recipients if r.station_code in codes}
    placed_workers = {w.id for w in ledger.workers if w.station_code in codes}

    def left(spec: RecordKindSpec, record: Any) -> bool:
        station = getattr(record, spec.station_field)
        if station in codes:
            return False
        return not (
            spec.placed_by_people
            and station is None
            and (
                placed_keys.intersection(_named(record, spec.people_field))
                or placed_workers.intersection(_named(record, spec.worker_field))
            )
        )

    share = RecordSet(
        by_kind={
            spec.kind: [r for r in spec.records_of(ledger) if left(spec, r)]
            for spec in RECORD_KINDS
            if spec.kind is not RecordKind.STATIONS
        },
        held_kinds=_held(ledger),
        visit_history=_cut_history(ledger, left),
    )
    # workers alone make no row: the row is for records of the stations' work (visits held as
    # visit days among them, as their contacts would be)
    empty = not any(
        spec.records_of(share)
        for spec in RECORD_KINDS
        if spec.kind not in (RecordKind.STATIONS, RecordKind.WORKERS)
    ) and not (share.visit_history is not None and share.visit_history.entries)
    return None if empty else share


def tier_share(ledger: LedgerLike, tier: StationTier) -> RecordSet:
    """The share of ``ledger`` held at stations of one tier (county centres, township stations or
    village points): every record whose ``station_code`` is such a station's, contacts naming
    one too. Computed from the records, so a per-tier table needs no adding up of reports."""
    codes = frozenset(s.code for s in ledger.stations if s.tier is tier)
    return RecordSet(
        by_kind={
            spec.kind: [
                r for r in spec.records_of(ledger) if getattr(r, spec.station_field) in codes
            ]
            for spec in RECORD_KINDS
        },
        held_kinds=_held(ledger),
        visit_history=_cut_history(
            ledger, lambda spec, record: getattr(record, spec.station_field) in codes
        ),
    )
