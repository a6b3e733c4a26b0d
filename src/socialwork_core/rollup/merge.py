"""The reduce step: the shares of many files → one ledger of the county or city, merged exactly.

The same person (by ID number; by namespaced register key where there is none) on several files
is one person:

- on the registers of two stations in the same month: a cross-station duplicate
  (``rollup.cross_station_duplicate``, naming both stations and files); the person is kept once,
  as the first file (by path) has them, so every distinct count counts them once; each station's
  visits to them stay that station's;
- over several months (or after a move): the latest register row wins (files are taken by the
  latest month they reach, then by path), under the key the person first had.

Visit days (``FileShare.history``: the days a template's visit rates read before its window,
kept as which days each person was reached and how) are united into the merged ledger's
``visit_history``, which holds no visit: a day repeated in two files is set once.

Visits are united: a visit present in two files (a cumulative ledger repeats last month's) is the
same visit when its station, day, time, mode, people, workers, case, alert and notes agree, and
is counted once. Every other kind of the kinds table is kept by its ID: a shared kind's
(``RecordKindSpec.shared``: stations by code, campaigns by their never namespaced ID) the first
listing winning, any other's (cases, resource links, activities, handouts, workers …: namespaced
ids) the latest file's row winning, its people renamed with the person they are.

The merge is a pure function of the shares, whatever order they arrive in: a serial run, a
process pool and a Dask cluster give the same ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..findings import Finding
from ..glossary.terms import Severity
from ..ledger import Ledger, LoadResult, RecordKind, RejectedRow, ledger_of, record_id
from ..ledger.collector import collector_paused
from ..recipients import Recipient
from ..record_kinds import RECORD_KINDS
from ..tabular import Issue
from ..visit_history import VisitHistory
from .share import FileShare, _with

__all__ = ["RollUp", "merge_shares"]


@attrs.frozen(kw_only=True)
class RollUp:
    """Many files read as one: the merged ledger with every file's issues and refused rows
    (``result``, as ``load_ledger`` gives for one file), and which files were read."""

    result: LoadResult
    files: tuple[str, ...]
    """Every file, in the order given."""
    unreadable: tuple[str, ...] = ()
    """Files that could not be read at all (each has an error issue)."""
    adapters: tuple[str, ...] = ()
    """The adapters the files were read with, each once, first seen first."""

    @property
    def ledger(self) -> Ledger:
        return self.result.ledger


@attrs.define
class _Seen:
    key: str
    station: str | None
    month: str
    path: str


def _contact_signature(contact: Any) -> tuple[Any, ...]:
    return (
        contact.station_code,
        contact.on,
        contact.at,
        contact.mode,
        tuple(sorted(contact.recipient_keys)),
        tuple(sorted(contact.worker_ids)),
        contact.case_id,
        contact.alert_id,
        contact.relocated,
        contact.notes,
    )


def _fresh_id(taken: dict[str, Any], wanted: str) -> str:
    """``wanted``, or ``wanted#2``, ``#3`` … when another record holds it already."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}#{number}" in taken:
        number += 1
    return f"{wanted}#{number}"


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def merge_shares(shares: Sequence[FileShare]) -> RollUp:
    """One ledger from the shares of many files (see the module docstring).

    Python's cyclic garbage collector is paused while the county's records are gathered, as
    while the shares are taken in (``map_shares``)."""
    with collector_paused():
        return _merged(shares)


def _merged(shares: Sequence[FileShare]) -> RollUp:
    files = tuple(s.path for s in shares)
    ordered = sorted(shares, key=lambda s: (s.month, s.path))
    people: dict[str, Recipient] = {}
    seen: dict[str, _Seen] = {}
    contacts: dict[str, Any] = {}
    signatures: set[tuple[Any, ...]] = set()
    # every other kind of the table by its ID: a shared kind's first record, another's latest
    others = [s for s in RECORD_KINDS if s.kind not in (RecordKind.RECIPIENTS, RecordKind.CONTACTS)]
    by_id: dict[RecordKind, dict[str, Any]] = {spec.kind: {} for spec in others}
    extras: dict[RecordKind, dict[str, dict[str, str]]] = {}
    rows: dict[str, tuple[str, int]] = {}
    duplicates: list[tuple[str, _Seen, str | None, str, tuple[str, int] | None]] = []
    histories: list[VisitHistory] = []
    for share in ordered:
        alias: dict[str, str] = {}
        for person in share.recipients:
            identity = person.resident_id or person.key
            prior = seen.get(identity)
            if prior is None:
                key = _fresh_id(people, person.key)
                if key != person.key:
                    alias[person.key] = key
                    person = _with(person, key=key)
                people[key] = person
                seen[identity] = _Seen(key, person.station_code, share.month, share.path)
                if person.key in share.recipient_rows:
                    rows[key] = share.recipient_rows[person.key]
                continue
            alias[person.key] = prior.key
            if prior.station != person.station_code and prior.month == share.month:
                place = share.recipient_rows.get(person.key)
                duplicates.append((identity, prior, person.station_code, share.path, place))
                continue
            people[prior.key] = _with(person, key=prior.key)
            prior.station, prior.month, prior.path = person.station_code, share.month, share.path
            if person.key in share.recipient_rows:
                rows[prior.key] = share.recipient_rows[person.key]

        def keys(values: Iterable[str], alias: dict[str, str] = alias) -> tuple[str, ...]:
            return tuple(dict.fromkeys(alias.get(v, v) for v in values))

        if share.history is not None:
            histories.append(share.history.renamed(alias))
        renamed: dict[str, str] = {}
        for contact in share.contacts:
            if alias and any(k in alias for k in contact.recipient_keys):
                contact = _with(contact, recipient_keys=keys(contact.recipient_keys))
            signature = _contact_signature(contact)
            if signature in signatures:
                continue
            signatures.add(signature)
            new_id = _fresh_id(contacts, contact.id)
            if new_id != contact.id:
                renamed[contact.id] = new_id
                contact = _with(contact, id=new_id)
            contacts[new_id] = contact
        for spec in others:
            field, into = spec.people_field, by_id[spec.kind]
            for record in share.records(spec.kind):
                if alias and field is not None:
                    record = _with(record, **{field: keys(getattr(record, field))})
                if spec.shared:
                    into.setdefault(record_id(spec.kind, record), record)
                else:
                    into[record_id(spec.kind, record)] = record
        for kind, found in share.extras.items():
            into = extras.setdefault(kind, {})
            for rid, columns in found.items():
                into[renamed.get(rid, rid) if kind is RecordKind.CONTACTS else rid] = columns
    names = {code: station.name for code, station in by_id[RecordKind.STATIONS].items()}
    remarks = [_duplicate_issue(d, names) for d in duplicates]
    issues = tuple(i for s in shares for i in s.issues) + tuple(remarks)
    rejected: tuple[RejectedRow, ...] = tuple(r for s in shares for r in s.rejected)
    held: dict[RecordKind, dict[str, Any]] = {**by_id, RecordKind.CONTACTS: contacts}
    kept_extras = {
        kind: {rid: columns for rid, columns in found.items() if rid in held.get(kind, {})}
        for kind, found in extras.items()
        if kind not in (RecordKind.RECIPIENTS, RecordKind.STATIONS)
    }
    ledger = ledger_of(
        {
            RecordKind.RECIPIENTS: people.values(),
            RecordKind.CONTACTS: contacts.values(),
            **{kind: records.values() for kind, records in by_id.items()},
        },
        issues=issues,
        extras={k: v for k, v in kept_extras.items() if v},
        # every file's visit days (``ShareRequest.history``), one day once however many files
        # repeat it; shares read without a history leave the ledger's contacts as its history
        visit_history=VisitHistory.merged(histories) if histories else None,
        held_kinds=frozenset(kind for share in shares for kind in share.held_kinds),
    )
    result = LoadResult(ledger, issues, rejected, rows)
    adapters = tuple(dict.fromkeys(s.adapter for s in shares if s.adapter is not None))
    unreadable = tuple(s.path for s in shares if s.unreadable)
    return RollUp(result=result, files=files, unreadable=unreadable, adapters=adapters)


def _duplicate_issue(
    duplicate: tuple[str, _Seen, str | None, str, tuple[str, int] | None],
    names: dict[str, str],
) -> Issue:
    identity, first, second_station, second_path, place = duplicate
    finding = Finding.of(
        "rollup.cross_station_duplicate",
        Severity.WARNING,
        resident_id=identity,
        first=names.get(first.station or "", first.station or "-"),
        first_file=_file_name(first.path),
        second=names.get(second_station or "", second_station or "-"),
        second_file=_file_name(second_path),
    )
    if place is None:
        return Issue(finding, _file_name(second_path))
    return Issue(finding, place[0], place[1])
