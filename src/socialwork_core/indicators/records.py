"""What the indicators read: the seven kinds of record of a ledger, and a ledger cut to stations.

Indicators accept any object with the seven record collections (:class:`LedgerLike`):
``socialwork_core.ledger.Ledger`` is one, :class:`RecordSet` is another (handy in tests and for
one station's share of a county ledger, see :func:`scoped`).

An *empty* collection is read as "the ledger has no such records" (no stations sheet, no activity
sheet): figures drawn from it are not computable, not zero.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

import attrs

from ..casework import Activity, Case
from ..contacts import Contact
from ..glossary.indicators_text import RecordKind
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
    a contact is kept when it reaches a kept recipient or was made by a kept worker. Stations kept
    are the station and its descendants.
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
            if keys.intersection(c.recipient_keys) or worker_ids.intersection(c.worker_ids)
        ),
        resource_links=tuple(x for x in ledger.resource_links if x.station_code in codes),
        cases=tuple(x for x in ledger.cases if x.station_code in codes),
        activities=tuple(x for x in ledger.activities if x.station_code in codes),
        held_kinds=frozenset(k for k in RecordKind if has_records(ledger, k)),
    )


def unattributed(ledger: LedgerLike) -> RecordSet | None:
    """The share of ``ledger`` that no station on it holds, or ``None`` when there is none.

    A per-station table adds this as its own row, so the rows add up to the total: recipients,
    workers, cases, activities and links whose ``station_code`` names no listed station, and the
    contacts that reach none of the attributed recipients and were made by none of the attributed
    workers.
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
            if not placed_keys.intersection(c.recipient_keys)
            and not placed_workers.intersection(c.worker_ids)
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
