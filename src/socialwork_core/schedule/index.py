"""Indexes built in one pass over the records, so no computation scans all contacts per person."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import NamedTuple

from ..contacts import Contact
from ..glossary.terms import ContactMode
from .records import Absence

__all__ = ["AbsenceIndex", "ContactIndex", "LastContact"]


class LastContact(NamedTuple):
    """The latest contact of a kind: its date, its time (00:00 when not recorded) and id.

    Tuples compare in that order, so "latest" is the same whatever order contacts arrive in.
    """

    on: date
    at: time
    id: str


class ContactIndex:
    """The latest contact per (recipient, mode) on or before an as-of date, built in one pass.

    The latest contact in a set of modes is the latest of the per-mode ones, so every requirement
    (rolling, calendar or alert deadline) is answered from this index without rescanning contacts.
    Contacts after ``as_of`` are ignored.
    """

    __slots__ = ("_latest", "as_of", "contacts_read")

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.contacts_read = 0
        self._latest: dict[str, dict[ContactMode, tuple[date, time, str]]] = {}

    @classmethod
    def build(cls, contacts: Iterable[Contact], as_of: date) -> ContactIndex:
        """Read ``contacts`` once."""
        index = cls(as_of)
        index.add_all(contacts)
        return index

    def add_all(self, contacts: Iterable[Contact]) -> None:
        """Read more contacts (one pass; any order gives the same index)."""
        as_of = self.as_of
        latest = self._latest
        midnight = time.min
        read = 0
        for contact in contacts:
            read += 1
            on = contact.on
            if on > as_of:
                continue
            mode = contact.mode
            if mode is None:  # a mode not known meets no requirement
                continue
            for key in contact.recipient_keys:
                per_mode = latest.get(key)
                if per_mode is None:
                    latest[key] = {mode: (on, contact.at or midnight, contact.id)}
                    continue
                current = per_mode.get(mode)
                # Plain tuples compare (date, time, id): the latest wins, ties by id, in any order.
                # The date alone settles most comparisons, so the tuple is built only when needed.
                if (
                    current is None
                    or current[0] < on
                    or (current[0] == on and current < (on, contact.at or midnight, contact.id))
                ):
                    per_mode[mode] = (on, contact.at or midnight, contact.id)
        self.contacts_read += read

    def latest(self, key: str, modes: Iterable[ContactMode]) -> LastContact | None:
        """The latest contact with ``key`` in any of ``modes``, or ``None``."""
        per_mode = self._latest.get(key)
        if per_mode is None:
            return None
        best: tuple[date, time, str] | None = None
        for mode in modes:
            found = per_mode.get(mode)
            if found is not None and (best is None or best < found):
                best = found
        return None if best is None else LastContact(*best)

    def latest_outside(
        self, key: str, modes: Iterable[ContactMode]
    ) -> tuple[LastContact, ContactMode] | None:
        """The latest contact with ``key`` in a mode *not* in ``modes``, with its mode, or
        ``None``: a phone call under a home-visit requirement (the person was reached, though
        not the way the requirement asks)."""
        per_mode = self._latest.get(key)
        if per_mode is None:
            return None
        counted = frozenset(modes)
        best: tuple[tuple[date, time, str], ContactMode] | None = None
        for mode, found in per_mode.items():
            if mode not in counted and (best is None or best[0] < found):
                best = (found, mode)
        return None if best is None else (LastContact(*best[0]), best[1])

    def __len__(self) -> int:
        """The number of people with at least one contact."""
        return len(self._latest)


class AbsenceIndex:
    """Each person's absences that began on or before an as-of date, merged into sorted spans.

    An absence still open (no end) is taken to last until the as-of date.
    """

    __slots__ = ("_spans", "as_of")

    def __init__(self, absences: Iterable[Absence], as_of: date) -> None:
        self.as_of = as_of
        raw: dict[str, list[tuple[date, date]]] = {}
        for absence in absences:
            if absence.start > as_of:
                continue
            end = absence.end if absence.end is not None else as_of
            raw.setdefault(absence.recipient_key, []).append((absence.start, end))
        self._spans = {key: _merge(spans) for key, spans in raw.items()}

    def spans(self, key: str) -> tuple[tuple[date, date], ...]:
        """The merged spans (start, end both included) of ``key``, in order."""
        return self._spans.get(key, ())


def _merge(spans: list[tuple[date, date]]) -> tuple[tuple[date, date], ...]:
    merged: list[tuple[date, date]] = []
    for start, end in sorted(spans):
        if merged and start.toordinal() <= merged[-1][1].toordinal() + 1:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def absent_days(spans: tuple[tuple[date, date], ...], first: date, last: date) -> int:
    """Days from ``first`` to ``last`` (both included) covered by ``spans``."""
    total = 0
    for start, end in spans:
        lo = start if start > first else first
        hi = end if end < last else last
        if lo <= hi:
            total += (hi - lo).days + 1
    return total


def covered(spans: tuple[tuple[date, date], ...], day: date) -> bool:
    """True when ``day`` falls in one of ``spans``."""
    return any(start <= day <= end for start, end in spans)
