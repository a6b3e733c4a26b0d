"""What the indicators read: the seven kinds of record of a ledger, and a ledger cut to stations.

Indicators accept any object with the seven record collections (:class:`LedgerLike`):
``socialwork_core.ledger.Ledger`` is one, :class:`RecordSet` is another (handy in tests and for
one station's share of a county ledger, see :func:`scoped`).

An *empty* collection is read as "the ledger has no such records" (no stations sheet, no activity
sheet): figures drawn from it are not computable, not zero.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from ..casework import Activity, Case
from ..contacts import Contact
from ..glossary.indicators_text import RecordKind
from ..glossary.terms import StationTier
from ..recipients import Recipient
from ..resources import ResourceLink
from ..stations import SocialWorker, Station

__all__ = [
    "LedgerLike",
    "RecordSet",
    "descendant_codes",
    "has_records",
    "recipients_by_key",
    "scoped",
    "station_shares",
    "tier_share",
]


class LedgerLike(Protocol):
    """The records a ledger holds; each a collection of records (order kept where it matters)."""

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


@attrs.frozen(kw_only=True)
class RecordSet:
    """A plain set of records satisfying :class:`LedgerLike`."""

    recipients: tuple[Recipient, ...] = ()
    stations: tuple[Station, ...] = ()
    workers: tuple[SocialWorker, ...] = ()
    contacts: tuple[Contact, ...] = ()
    resource_links: tuple[ResourceLink, ...] = ()
    cases: tuple[Case, ...] = ()
    activities: tuple[Activity, ...] = ()
    held_kinds: frozenset[RecordKind] = frozenset()
    """Kinds of record the ledger this set was cut from holds, even where this share has none
    (one station's share of a county ledger with cases, but none of its own, has 0 cases, not
    "no case records")."""

    @classmethod
    def of(cls, ledger: LedgerLike) -> RecordSet:
        """A record set holding the same records as ``ledger``."""
        return cls(
            recipients=tuple(ledger.recipients),
            stations=tuple(ledger.stations),
            workers=tuple(ledger.workers),
            contacts=tuple(ledger.contacts),
            resource_links=tuple(ledger.resource_links),
            cases=tuple(ledger.cases),
            activities=tuple(ledger.activities),
        )


def has_records(ledger: LedgerLike, kind: RecordKind) -> bool:
    """True when the ledger holds records of ``kind`` (or was cut from one that does)."""
    if getattr(ledger, kind.value):
        return True
    return isinstance(ledger, RecordSet) and kind in ledger.held_kinds


def recipients_by_key(ledger: LedgerLike) -> Mapping[str, Recipient]:
    """The register keyed by recipient key."""
    return {r.key: r for r in ledger.recipients}


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
    recipients = tuple(r for r in ledger.recipients if r.station_code in codes)
    workers = tuple(w for w in ledger.workers if w.station_code in codes)
    keys = {r.key for r in recipients}
    worker_ids = {w.id for w in workers}
    return RecordSet(
        recipients=recipients,
        stations=tuple(s for s in ledger.stations if s.code in codes),
        workers=workers,
        contacts=tuple(
            c
            for c in ledger.contacts
            if c.station_code in codes
            or (
                c.station_code is None
                and (keys.intersection(c.recipient_keys) or worker_ids.intersection(c.worker_ids))
            )
        ),
        resource_links=tuple(x for x in ledger.resource_links if x.station_code in codes),
        cases=tuple(x for x in ledger.cases if x.station_code in codes),
        activities=tuple(x for x in ledger.activities if x.station_code in codes),
        held_kinds=frozenset(k for k in RecordKind if has_records(ledger, k)),
    )


def station_shares(ledger: LedgerLike, codes: Sequence[str]) -> dict[str, RecordSet]:
    """``scoped(ledger, code)`` for every code of ``codes``, in one pass over the records: a
    city's table of a hundred stations reads its 200,000 people and their visits once, not once
    per station."""
    under: dict[str, list[str]] = {}
    for code in codes:
        for below in descendant_codes(ledger.stations, code):
            under.setdefault(below, []).append(code)
    held = frozenset(k for k in RecordKind if has_records(ledger, k))
    parts: dict[str, dict[str, list[Any]]] = {
        code: {kind.value: [] for kind in RecordKind} for code in codes
    }

    def place(kind: str, record: Any, station: str | None) -> list[str]:
        found = under.get(station, []) if station is not None else []
        for code in found:
            parts[code][kind].append(record)
        return found

    person_codes: dict[str, list[str]] = {}
    worker_codes: dict[str, list[str]] = {}
    for person in ledger.recipients:
        person_codes[person.key] = place("recipients", person, person.station_code)
    for worker in ledger.workers:
        worker_codes[worker.id] = place("workers", worker, worker.station_code)
    for station in ledger.stations:
        place("stations", station, station.code)
    for contact in ledger.contacts:
        if contact.station_code is not None:
            place("contacts", contact, contact.station_code)
            continue
        reached: dict[str, None] = {}
        for key in contact.recipient_keys:
            reached.update(dict.fromkeys(person_codes.get(key, ())))
        for worker_id in contact.worker_ids:
            reached.update(dict.fromkeys(worker_codes.get(worker_id, ())))
        for code in reached:
            parts[code]["contacts"].append(contact)
    for link in ledger.resource_links:
        place("resource_links", link, link.station_code)
    for case in ledger.cases:
        place("cases", case, case.station_code)
    for activity in ledger.activities:
        place("activities", activity, activity.station_code)
    return {
        code: RecordSet(**{kind: tuple(items) for kind, items in part.items()}, held_kinds=held)
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
    recipients = tuple(r for r in ledger.recipients if r.station_code not in codes)
    workers = tuple(w for w in ledger.workers if w.station_code not in codes)
    placed_keys = {r.key for r in ledger.recipients if r.station_code in codes}
    placed_workers = {w.id for w in ledger.workers if w.station_code in codes}
    share = RecordSet(
        recipients=recipients,
        stations=(),
        workers=workers,
        contacts=tuple(
            c
            for c in ledger.contacts
            if c.station_code not in codes
            and (
                c.station_code is not None
                or (
                    not placed_keys.intersection(c.recipient_keys)
                    and not placed_workers.intersection(c.worker_ids)
                )
            )
        ),
        resource_links=tuple(x for x in ledger.resource_links if x.station_code not in codes),
        cases=tuple(x for x in ledger.cases if x.station_code not in codes),
        activities=tuple(x for x in ledger.activities if x.station_code not in codes),
        held_kinds=frozenset(k for k in RecordKind if has_records(ledger, k)),
    )
    empty = not any(
        (share.recipients, share.contacts, share.resource_links, share.cases, share.activities)
    )
    return None if empty else share


def tier_share(ledger: LedgerLike, tier: StationTier) -> RecordSet:
    """The share of ``ledger`` held at stations of one tier (county centres, township stations or
    village points): every record whose ``station_code`` is such a station's, contacts naming
    one too. Computed from the records, so a per-tier table needs no adding up of reports."""
    codes = frozenset(s.code for s in ledger.stations if s.tier is tier)
    return RecordSet(
        recipients=tuple(r for r in ledger.recipients if r.station_code in codes),
        stations=tuple(s for s in ledger.stations if s.code in codes),
        workers=tuple(w for w in ledger.workers if w.station_code in codes),
        contacts=tuple(c for c in ledger.contacts if c.station_code in codes),
        resource_links=tuple(x for x in ledger.resource_links if x.station_code in codes),
        cases=tuple(x for x in ledger.cases if x.station_code in codes),
        activities=tuple(x for x in ledger.activities if x.station_code in codes),
        held_kinds=frozenset(k for k in RecordKind if has_records(ledger, k)),
    )
