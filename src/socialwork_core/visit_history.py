"""Visit history: the days people were reached and how, without the visits themselves.

A visit rate asks one thing of the contacts: did this person have a contact in a qualifying mode
between two days (``schedule.visit_rate``). That answer needs neither the contact's notes nor its
time, case, ID or how many contacts fell on one day. A :class:`VisitHistory` keeps exactly what
it needs: contacts alike in everything a visit rate or a scoping of the ledger looks at (their
station, people and alert; their workers where no station is given) become one
:class:`VisitDays`, whose days are the bits of one integer per contact mode.

Why: a county report that reads a year back (a visit rate with quarterly and yearly requirement
periods) from a hundred station files would otherwise hold the year's 1.8 million visits in one
process (docs/scale.md). Held as visit days, what it holds grows with the people, not with the
visits: a person visited every week of a year by one station, at home and by phone, is one
entry. Merging is exact and needs no knowledge of which visits repeat: a visit present in two
files (a cumulative ledger) sets the same bit twice.

The same definition serves one ledger and many: ``visit_rate`` always reads a history, made from
a ledger's contacts (:meth:`VisitHistory.of`) or merged from the files of a roll-up
(:meth:`VisitHistory.merged`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, timedelta

import attrs

from .contacts import Contact
from .glossary.terms import ContactMode

__all__ = ["MODES", "HistoryTooShort", "VisitDays", "VisitHistory"]

_Signature = tuple[str | None, tuple[str, ...], tuple[str, ...], str | None]
"""Station, people, workers (only without a station), alert: what makes contacts alike."""

MODES: tuple[ContactMode, ...] = tuple(ContactMode)
"""The order of :attr:`VisitDays.days`."""
_PLACE = {mode: place for place, mode in enumerate(MODES)}


def _bits(start: int, end: int) -> int:
    """Bits ``start`` … ``end`` set (both inclusive)."""
    return ((1 << (end - start + 1)) - 1) << start


@attrs.frozen(kw_only=True)
class VisitDays:
    """The days on which contacts alike in all else fell, per mode: bit ``i`` of ``days[m]`` is
    ``first + i`` for the mode ``MODES[m]``.

    The attributes a scoping of the ledger reads have a contact's names (``station_code``,
    ``recipient_keys``, ``worker_ids``, ``alert_id``), so the same rule keeps a contact and its
    visit days (``indicators.scoped``). ``worker_ids`` are kept only where ``station_code`` is
    ``None``: a contact with a station is placed by it alone. One entry holds every mode: a
    person reached at home and by phone all year is one entry of a few hundred bits."""

    station_code: str | None
    recipient_keys: tuple[str, ...]
    worker_ids: tuple[str, ...]
    alert_id: str | None
    first: date
    """The day of bit 0."""
    days: tuple[int, ...] = attrs.field()
    """Per mode (in :data:`MODES` order) the days as bits from ``first``; some mode has bit 0."""

    @days.validator
    def _starts_on_first(self, _attribute: object, value: tuple[int, ...]) -> None:
        if len(value) != len(MODES) or min(value) < 0:
            raise ValueError(f"visit days are {len(MODES)} bit sets, one a mode")
        if not any(bits & 1 for bits in value):
            raise ValueError("visit days start on their first day (bit 0 set)")

    @classmethod
    def of_days(
        cls,
        on: Iterable[tuple[date, ContactMode]],
        *,
        station_code: str | None,
        recipient_keys: tuple[str, ...],
        worker_ids: tuple[str, ...] = (),
        alert_id: str | None = None,
    ) -> VisitDays:
        """The entry of the (day, mode) pairs ``on`` (at least one)."""
        pairs = list(on)
        first = min(day for day, _ in pairs)
        days = [0] * len(MODES)
        for day, mode in pairs:
            days[_PLACE[mode]] |= 1 << (day - first).days
        return cls(
            station_code=station_code,
            recipient_keys=recipient_keys,
            worker_ids=worker_ids,
            alert_id=alert_id,
            first=first,
            days=tuple(days),
        )

    @property
    def modes(self) -> frozenset[ContactMode]:
        return frozenset(mode for mode, bits in zip(MODES, self.days, strict=True) if bits)

    def pairs(self) -> Iterator[tuple[date, ContactMode]]:
        """Every (day, mode), by mode then day."""
        for mode, bits in zip(MODES, self.days, strict=True):
            index = 0
            while bits:
                if bits & 1:
                    yield self.first + timedelta(days=index), mode
                bits >>= 1
                index += 1

    def any_between(
        self, start: date, end: date, modes: Collection[ContactMode] | None = None
    ) -> bool:
        """Whether a contact (in one of ``modes``; ``None``: any) fell on a day from ``start`` to
        ``end`` (inclusive)."""
        low = max((start - self.first).days, 0)
        high = (end - self.first).days
        if high < low:
            return False
        window = _bits(low, high)
        return any(
            bits & window
            for mode, bits in zip(MODES, self.days, strict=True)
            if modes is None or mode in modes
        )

    def between(self, start: date, end: date) -> VisitDays | None:
        """These visit days cut to ``start`` … ``end`` (inclusive), or ``None`` if none is left."""
        low = max((start - self.first).days, 0)
        high = (end - self.first).days
        if high < low:
            return None
        window = _bits(low, high)
        days = [bits & window for bits in self.days]
        union = 0
        for bits in days:
            union |= bits
        if not union:
            return None
        skip = (union & -union).bit_length() - 1
        return attrs.evolve(
            self,
            first=self.first + timedelta(days=skip),
            days=tuple(bits >> skip for bits in days),
        )

    @property
    def signature(self) -> _Signature:
        """What makes two entries one: everything but the days."""
        return (self.station_code, self.recipient_keys, self.worker_ids, self.alert_id)

    def with_people(self, recipient_keys: tuple[str, ...]) -> VisitDays:
        return attrs.evolve(self, recipient_keys=recipient_keys)


def _united(entries: Iterable[VisitDays]) -> tuple[VisitDays, ...]:
    """Entries of one signature united (their days ORed, mode by mode), first seen first."""
    found: dict[_Signature, tuple[VisitDays, date, list[int]]] = {}
    for entry in entries:
        signature = entry.signature
        held = found.get(signature)
        if held is None:
            found[signature] = (entry, entry.first, list(entry.days))
            continue
        model, first, days = held
        if entry.first < first:
            shift = (first - entry.first).days
            days = [(a << shift) | b for a, b in zip(days, entry.days, strict=True)]
            first = entry.first
        else:
            shift = (entry.first - first).days
            days = [a | (b << shift) for a, b in zip(days, entry.days, strict=True)]
        found[signature] = (model, first, days)
    return tuple(
        model
        if model.first == first and model.days == tuple(days)
        else attrs.evolve(model, first=first, days=tuple(days))
        for model, first, days in found.values()
    )


def _entries(value: Iterable[VisitDays]) -> tuple[VisitDays, ...]:
    return tuple(value)


class HistoryTooShort(ValueError):
    """A visit rate asked about days before the history a roll-up kept (a template must declare
    how far back it reads: ``ReportTemplate.history_days``)."""

    def __init__(self, wanted: date, start: date) -> None:
        self.wanted, self.start = wanted, start
        super().__init__(
            f"the visit history kept starts on {start.isoformat()}, but the visit rate reads"
            f" from {wanted.isoformat()}: declare a longer history_days on the report template"
        )


@attrs.frozen(kw_only=True)
class VisitHistory:
    """The visit days of a ledger over ``span`` (both days inclusive; ``None``: all its days)."""

    entries: tuple[VisitDays, ...] = attrs.field(converter=_entries)
    span: tuple[date, date] | None = None
    """The days the history covers: contacts outside them were not kept."""

    @classmethod
    def of(cls, contacts: Iterable[Contact], span: tuple[date, date] | None = None) -> VisitHistory:
        """The history of ``contacts`` (within ``span`` when given). Contacts with no mode are
        left out: they satisfy no requirement (``Contact.mode``)."""
        first_day, last_day = span if span is not None else (date.min, date.max)
        found: dict[_Signature, list[tuple[date, ContactMode]]] = {}
        for contact in contacts:
            mode = contact.mode
            if mode is None or not first_day <= contact.on <= last_day:
                continue
            station = contact.station_code
            workers = contact.worker_ids if station is None else ()
            signature = (station, contact.recipient_keys, workers, contact.alert_id)
            on = found.get(signature)
            if on is None:
                found[signature] = [(contact.on, mode)]
            else:
                on.append((contact.on, mode))
        entries = [
            VisitDays.of_days(
                on, station_code=station, recipient_keys=keys, worker_ids=workers, alert_id=alert
            )
            for (station, keys, workers, alert), on in found.items()
        ]
        return cls(entries=entries, span=span)

    @classmethod
    def merged(cls, histories: Iterable[VisitHistory]) -> VisitHistory:
        """One history from several (the files of a roll-up): entries alike are united, so a
        visit in two files is one day, once. The span is the days all of them cover."""
        taken = list(histories)
        spans = [h.span for h in taken]
        span: tuple[date, date] | None = None
        if taken and all(s is not None for s in spans):
            starts = [s[0] for s in spans if s is not None]
            ends = [s[1] for s in spans if s is not None]
            span = (max(starts), min(ends))
        return cls(
            entries=_united(e for h in taken for e in h.entries),
            span=span,
        )

    def renamed(self, people: Mapping[str, str]) -> VisitHistory:
        """The history with people renamed (``people``: old key → new key); entries that become
        alike are united."""
        if not people:
            return self
        moved = []
        for entry in self.entries:
            keys = entry.recipient_keys
            if any(k in people for k in keys):
                entry = entry.with_people(tuple(dict.fromkeys(people.get(k, k) for k in keys)))
            moved.append(entry)
        return attrs.evolve(self, entries=_united(moved))

    def where(self, keep: Callable[[VisitDays], bool]) -> VisitHistory:
        """The entries ``keep`` accepts (a scoping of the ledger: ``indicators.scoped``)."""
        return attrs.evolve(self, entries=tuple(e for e in self.entries if keep(e)))

    def between(self, start: date, end: date) -> VisitHistory:
        """The history cut to ``start`` … ``end``, as a ledger's contacts are cut to a campaign's
        days: the days left out are known to hold no visit of the cut, so the span stays."""
        cut = (e.between(start, end) for e in self.entries)
        return attrs.evolve(self, entries=tuple(e for e in cut if e is not None))

    def by_person(self, start: date, end: date) -> dict[str, list[VisitDays]]:
        """Each person's entries with a day from ``start`` to ``end``.

        :raises HistoryTooShort: the history does not reach back to ``start``."""
        if self.span is not None and start < self.span[0]:
            raise HistoryTooShort(start, self.span[0])
        found: dict[str, list[VisitDays]] = {}
        for entry in self.entries:
            if entry.any_between(start, end):
                for key in entry.recipient_keys:
                    found.setdefault(key, []).append(entry)
        return found
