"""The map step: one ledger file → its share of the roll-up.

A share holds what the reduce step (``rollup.merge``) needs from one file and nothing more: the
file's records with every key namespaced by station (two stations may both number their people
1, 2, 3 …), contacts cut to the report's window, its issues and refused rows (placed in the file:
``甲站.xlsx:服务对象``), and the month it reaches. It is a plain picklable value, so the same
function runs in this process, in a process pool, or on a Dask worker.
"""

from __future__ import annotations

import copyreg
import functools
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from ..contacts import Contact
from ..findings import Finding
from ..glossary.terms import Severity
from ..ledger import LedgerFormat, LedgerMapping, LoadResult, RecordKind, RejectedRow, record_id
from ..ledger.collector import collector_paused
from ..ledger.window import latest_day_passed_over
from ..recipients import Recipient
from ..record_kinds import RECORD_KINDS, spec_of
from ..stations import Station
from ..tabular import Issue, WorkbookError
from ..visit_history import VisitHistory
from .attribution import attribute_stations
from .transfer import packed, unpacked

__all__ = ["FileShare", "ShareRequest", "contacts_kept", "read_share"]


def read_only(items: dict[Any, Any]) -> Mapping[Any, Any]:
    """A read-only view of ``items`` (what a pickled record's mapping is rebuilt with)."""
    return MappingProxyType(items)


def _mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return read_only, (dict(proxy),)


# Records keep read-only mappings (``Recipient.extras``); pickle cannot copy a mappingproxy by
# itself, and shares cross process boundaries (a pool, Dask workers) pickled.
copyreg.pickle(MappingProxyType, _mapping_proxy)


@attrs.frozen(kw_only=True)
class ShareRequest:
    """What every file of a roll-up is read with (picklable: it travels to the workers)."""

    adapter: str | None = None
    """The adapter whose layout the files use; ``None``: detected per file from its headers."""
    station: str | None = None
    """The station of records naming none (``--station``)."""
    station_list: tuple[Station, ...] = ()
    """Stations to resolve names with (``--stations``)."""
    window: tuple[date, date] | None = None
    """Contacts outside these days (inclusive) are left out of the share (those in a date cell
    not even read: ``load_ledger(window=…)``); ``None`` keeps all."""
    history: tuple[date, date] | None = None
    """Days whose visits the share keeps as visit days (``FileShare.history``) for the report's
    visit rates (``ReportTemplate.history_days``); ``None`` keeps none. The file is read over
    these days and the window's."""
    namespace: bool = True
    """Prefix every key and id with its station's code (``410223101:17``)."""
    mapping: LedgerMapping | None = None
    """A mapping file's settled sheets, columns and words (``--mapping``), for every file."""


@attrs.frozen(kw_only=True)
class FileShare:
    """One file's share of a roll-up (see the module docstring)."""

    path: str
    adapter: str | None = None
    format: LedgerFormat | None = None
    by_kind: dict[RecordKind, tuple[Any, ...]] = attrs.field(factory=dict)
    """The file's records of each kind of the table (namespaced), in ledger order."""
    extras: dict[RecordKind, dict[str, dict[str, str]]] = attrs.field(factory=dict)
    """Unknown columns of records other than recipients, by kind and (namespaced) record id."""
    issues: tuple[Issue, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    recipient_rows: dict[str, tuple[str, int]] = attrs.field(factory=dict)
    month: str = ""
    """The latest month (``2023-03``) any dated record of the file reaches: the files of one
    station are taken in this order, the latest register row winning."""
    unreadable: bool = False
    """The file could not be read at all (its one issue says why)."""
    history: VisitHistory | None = None
    """The days of ``ShareRequest.history`` on which each person was reached and how
    (namespaced as the records are): a person visited weekly all year is one entry."""
    held_kinds: frozenset[RecordKind] = frozenset()
    """The kinds of record the file holds, even where the window keeps none (``Ledger.held_kinds``)."""

    def records(self, kind: RecordKind) -> tuple[Any, ...]:
        """The share's records of one kind."""
        return self.by_kind.get(kind, ())

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        return self.records(RecordKind.RECIPIENTS)

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return self.records(RecordKind.CONTACTS)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (a pool, Dask), the records travel as rows of field values (``transfer``)
        state = {field.name: getattr(self, field.name) for field in attrs.fields(FileShare)}
        state["by_kind"] = {kind: packed(found) for kind, found in self.by_kind.items()}
        return _share_from, (state,)


def _share_from(state: dict[str, Any]) -> FileShare:
    """A share from ``FileShare.__reduce__``'s state."""
    by_kind = {kind: unpacked(*rows) for kind, rows in state.pop("by_kind").items()}
    return FileShare(by_kind=by_kind, **state)


@functools.cache
def _plugins() -> Any:
    # one plugin manager per process: a pool's worker reads many files with it
    from ..plugins import load_plugins

    return load_plugins()


def _format_of(plugins: Any, path: Path, adapter: str | None) -> tuple[str, LedgerFormat] | None:
    if adapter is not None:
        formats = plugins.ledger_formats(adapter=adapter)
        if not formats:
            return None
        if len(formats) > 1:
            found = plugins.detect_workbook_format(path)
            if found is not None and found.adapter == adapter:
                return adapter, found.format
        return adapter, formats[0]
    found = plugins.detect_workbook_format(path)
    return None if found is None else (found.adapter, found.format)


def _unreadable(path: Path, problem: str) -> FileShare:
    finding = Finding.of("rollup.file_unreadable", Severity.ERROR, path=path.name, problem=problem)
    return FileShare(path=str(path), issues=(Issue(finding, path.name),), unreadable=True)


def read_share(path: str | Path, request: ShareRequest) -> FileShare:
    """Read one ledger file into its share: load (the quick way when no plugin adds converter
    rules), give every record its station, namespace its keys, cut its contacts to the window.

    Never raises for a bad file: a file that cannot be read is a share with one error issue
    (``rollup.file_unreadable``) and no records, so the other files of a folder are still read.
    """
    source = Path(path)
    plugins = _plugins()
    try:
        chosen = _format_of(plugins, source, request.adapter)
        if chosen is None:
            from ..glossary.messages import render_message

            return _unreadable(source, render_message("rollup.format_not_detected"))
        adapter, fmt = chosen
        # visits outside the window are passed over unread: most of a year's ledger, for a month
        loaded = plugins.load_ledger(
            source, fmt, mapping=request.mapping, window=_reading_window(request)
        )
    except WorkbookError as error:
        return _unreadable(source, error.message)
    # the load's records are copied (stations, namespaced keys): with the collector paused, as
    # while they were built (``ledger.collector``), no full collection scans them all again
    with collector_paused():
        result = attribute_stations(
            loaded, path=source, fmt=fmt, station=request.station, station_list=request.station_list
        )
        return share_of(result, source, adapter=adapter, fmt=fmt, request=request)


def _reading_window(request: ShareRequest) -> tuple[date, date] | None:
    """The days whose contacts a file is read over: the window's and the history's."""
    window, history = request.window, request.history
    if window is None or history is None:
        return window
    return min(window[0], history[0]), max(window[1], history[1])


def contacts_kept(
    contacts: Sequence[Contact], request: ShareRequest
) -> tuple[tuple[Contact, ...], VisitHistory | None]:
    """What a share keeps of ``contacts`` for ``request``: the window's as contacts, and the
    history's days as visit days (``None`` without ``ShareRequest.history``). The conformance
    kit cuts a ledger with it to check a template's declared windows."""
    history = None
    if request.history is not None:
        history = VisitHistory.of(contacts, request.history)
    if request.window is None:
        return tuple(contacts), history
    first, last = request.window
    return tuple(c for c in contacts if first <= c.on <= last), history


def _month(result: LoadResult) -> str:
    ledger = result.ledger
    days: list[date] = [c.on for c in ledger.contacts]
    passed_over = latest_day_passed_over(result.issues)
    if passed_over is not None:
        days.append(passed_over)
    days += [d for r in ledger.recipients for d in (r.registered_on, r.status_since) if d]
    days += [d for c in ledger.cases for d in (c.opened_on, c.closed_on) if d]
    days += [a.on for a in ledger.activities] + [x.on for x in ledger.resource_links]
    days += [h.on for h in ledger.handouts]
    return max(days).strftime("%Y-%m") if days else ""


def _placed(name: str, sheet: str) -> str:
    return f"{name}:{sheet}" if sheet else name


def share_of(
    result: LoadResult,
    path: Path,
    *,
    adapter: str | None,
    fmt: LedgerFormat | None,
    request: ShareRequest,
) -> FileShare:
    """The share of an already loaded (and attributed) ledger."""
    ledger = result.ledger
    contacts = ledger.contacts
    window = _reading_window(request)
    if window is not None:
        first, last = window
        contacts = tuple(c for c in contacts if first <= c.on <= last)
    # every kind of the table travels (a kind missing here would vanish from every roll-up)
    records: dict[RecordKind, tuple[Any, ...]] = {
        spec.kind: tuple(spec.records_of(ledger)) for spec in RECORD_KINDS
    }
    records[RecordKind.CONTACTS] = contacts
    extras: dict[RecordKind, dict[str, dict[str, str]]] = {
        kind: {rid: dict(found) for rid, found in by_id.items()}
        for kind, by_id in ledger.extras.items()
    }
    rows = dict(result.recipient_rows)
    if request.namespace:
        records, extras, rows = _namespaced(records, extras, rows, path.stem)
    # kinds the file holds, even where the window keeps none of them (no visit this week is 0
    # visits, not "no visit records")
    held_kinds = frozenset(kind for kind, found in records.items() if found)
    records[RecordKind.CONTACTS], history = contacts_kept(records[RecordKind.CONTACTS], request)
    name = path.name
    return FileShare(
        path=str(path),
        adapter=adapter,
        format=fmt,
        by_kind={kind: found for kind, found in records.items() if found},
        extras=extras,
        issues=tuple(attrs.evolve(i, sheet=_placed(name, i.sheet)) for i in result.issues),
        rejected=tuple(attrs.evolve(r, sheet=_placed(name, r.sheet)) for r in result.rejected),
        recipient_rows={k: (_placed(name, sheet), row) for k, (sheet, row) in rows.items()},
        month=_month(result),
        history=history,
        held_kinds=held_kinds,
    )


def _with(record: Any, **changes: Any) -> Any:
    """``record`` with some reference fields replaced by their namespaced forms.

    Only identifiers change (text for text, a tuple of texts for a tuple of texts), so the
    record's checks hold as they did; a plain copy skips re-running them, which ``attrs.evolve``
    would do for every one of a file's tens of thousands of contacts."""
    cls = type(record)
    fresh = object.__new__(cls)
    for name in _field_names(cls):
        object.__setattr__(fresh, name, changes[name] if name in changes else getattr(record, name))
    return fresh


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def _relinked(
    items: tuple[Any, ...], links: Sequence[tuple[str, Mapping[str, str]]]
) -> tuple[Any, ...]:
    """``items`` with the IDs in each of the ``links`` fields renamed by its index: the records
    taken as rows of field values (``transfer``), the rows renamed, the records built from them
    (as ``_with`` copies one record, for a file's thousands at a time)."""
    cls, rows = packed(items)
    if cls is None:  # records of several classes: one by one
        return tuple(
            _with(r, **{field: _renamed(index, getattr(r, field)) for field, index in links})
            for r in items
        )
    names = _field_names(cls)
    # a tuple of IDs renamed once: the visits naming one person share one renamed tuple, as
    # their loaded records shared one (fewer objects to send, take in and merge)
    places: list[tuple[int, Mapping[str, str], dict[tuple[Any, ...], tuple[Any, ...]]]] = [
        (names.index(field), index, {}) for field, index in links
    ]
    fresh: list[list[Any]] = []
    for row in rows:
        values = list(row)
        for place, index, seen in places:
            value = values[place]
            if value is None:
                continue
            if isinstance(value, tuple):
                found = seen.get(value)
                if found is None:
                    found = seen[value] = tuple([index.get(v, v) for v in value])
                values[place] = found
            else:
                values[place] = index.get(value, value)
        fresh.append(values)
    return unpacked(cls, fresh)


def _renamed(index: Mapping[str, str], value: Any) -> Any:
    """``value`` (an ID, a tuple of IDs or nothing) with each ID ``index`` knows renamed."""
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(index.get(v, v) for v in value)
    return index.get(value, value)


def _namespaced(
    records: dict[RecordKind, tuple[Any, ...]],
    extras: dict[RecordKind, dict[str, dict[str, str]]],
    rows: dict[str, tuple[str, int]],
    file_tag: str,
) -> tuple[
    dict[RecordKind, tuple[Any, ...]],
    dict[RecordKind, dict[str, dict[str, str]]],
    dict[str, tuple[str, int]],
]:
    """Every key and id prefixed by its record's station code (the file's name where a record has
    no station), and every reference to one rewritten to match, as the kinds table says: the
    people field names recipients, the worker field workers, ``references`` other kinds. A shared
    kind's IDs (a station's code, a campaign's ID: the one every station's records carry, so
    ``--campaign`` names it over many files) stay as written."""

    def tag(station: str | None, value: str) -> str:
        return f"{station or file_tag}:{value}"

    new_ids: dict[RecordKind, dict[str, str]] = {}
    for spec in RECORD_KINDS:
        if not spec.shared:
            ids = new_ids[spec.kind] = {}
            for r in records.get(spec.kind, ()):
                rid = record_id(spec.kind, r)
                ids[rid] = tag(getattr(r, spec.station_field), rid)
    empty: dict[str, str] = {}
    renamed: dict[RecordKind, tuple[Any, ...]] = {}
    new_extras: dict[RecordKind, dict[str, dict[str, str]]] = {}
    for spec in RECORD_KINDS:
        kind = spec.kind
        items = records.get(kind, ())
        if spec.shared:
            renamed[kind] = items
            continue
        own_ids = new_ids[kind]
        # which fields name whom: the record's own ID, its people, its workers, other records
        links = [(spec.id_field, own_ids)]
        if spec.people_field is not None:
            links.append((spec.people_field, new_ids.get(RecordKind.RECIPIENTS, empty)))
        if spec.worker_field is not None:
            links.append((spec.worker_field, new_ids.get(RecordKind.WORKERS, empty)))
        links += [
            (field, new_ids.get(spec_of(code).kind, empty))
            for field, code in spec.references.items()
        ]
        renamed[kind] = _relinked(items, links)
        own = extras.get(kind)
        if own:
            moved = {own_ids[rid]: found for rid, found in own.items() if rid in own_ids}
            if moved:
                new_extras[kind] = moved
    people = new_ids[RecordKind.RECIPIENTS]
    new_rows = {people[k]: place for k, place in rows.items() if k in people}
    return renamed, new_extras, new_rows
