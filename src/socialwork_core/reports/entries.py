"""Dated entries for narrative sections (a weekly report's 走访调研, 个案服务 …), drawn from the
ledger's records. Each entry names its station and date; people are named masked (family name and
``*``) unless the caller asks for full names, and ledger text is scanned for IDs and phones.

Which records feed which section is the adapter's choice (its ``reports.py``); the functions here
select by period and kind and word one entry per record.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from ..casework import Activity
from ..contacts import Contact
from ..glossary import vocabulary as words
from ..glossary.indicators_text import ENTRY_NOTES_JOINER, UNKNOWN_STATION_LABEL
from ..glossary.messages import render_message
from ..glossary.terms import ActivityKind, ContactMode
from ..indicators.per_ledger import derived
from ..indicators.records import LedgerLike, recipients_by_key
from ..periods import Period
from ..recipients import Recipient
from .masking import NO_NAMES, PeopleNames, mask_text, people_names, person_label
from .model import Entry

__all__ = [
    "MAX_NAMES",
    "activity_entries",
    "case_entries",
    "contact_entries",
    "resource_entries",
    "sort_entries",
]

MAX_NAMES = 3
"""An entry names at most this many people, then says how many in all."""

ContactFilter = Callable[[Contact], bool]


class _Names:
    """Station names and the register, looked up once per report."""

    def __init__(self, ledger: LedgerLike, full_names: bool) -> None:
        self.stations: Mapping[str, str] = {s.code: s.name for s in ledger.stations}
        self.worker_stations: Mapping[str, str | None] = {
            w.id: w.station_code for w in ledger.workers
        }
        self.register: Mapping[str, Recipient] = recipients_by_key(ledger)
        self.full_names = full_names
        self.masking = (
            NO_NAMES
            if full_names
            else derived(ledger, ledger.recipients, "names", lambda: people_names(ledger))
        )
        """The register's names, shortened wherever ledger text quotes them."""

    def station(self, code: str | None) -> str:
        if code is None:
            return UNKNOWN_STATION_LABEL
        return self.stations.get(code, code)

    def station_of(
        self, keys: Iterable[str], worker_ids: Iterable[str], code: str | None = None
    ) -> str:
        """The record's own station where it names one, else its people's, else its workers'."""
        if code:
            return self.station(code)
        for key in keys:
            person = self.register.get(key)
            if person is not None and person.station_code is not None:
                return self.station(person.station_code)
        for worker in worker_ids:
            code = self.worker_stations.get(worker)
            if code is not None:
                return self.station(code)
        return UNKNOWN_STATION_LABEL

    def people(self, keys: Collection[str]) -> str:
        labels = [person_label(self.register.get(k), k, full_names=self.full_names) for k in keys]
        if len(labels) <= MAX_NAMES:
            return words.LIST_JOINER.join(labels)
        return render_message(
            "reports.entry.people_more",
            names=words.LIST_JOINER.join(labels[:MAX_NAMES]),
            count=len(labels),
        )


def _with_notes(text: str, notes: str | None, masking: PeopleNames) -> str:
    return mask_text(text if not notes else ENTRY_NOTES_JOINER.join((text, notes)), masking)


def contact_entries(
    ledger: LedgerLike,
    period: Period,
    *,
    modes: Collection[ContactMode] | None = None,
    which: ContactFilter = lambda c: True,
    message: str = "reports.entry.contact",
    full_names: bool = False,
) -> list[Entry]:
    """One entry per contact in the period of the given modes that ``which`` accepts."""
    names = _Names(ledger, full_names)
    entries = []
    for c in ledger.contacts:
        if c.on not in period or (modes is not None and c.mode not in modes) or not which(c):
            continue
        mode = c.mode.label if c.mode is not None else ""
        text = render_message(message, mode=mode, people=names.people(c.recipient_keys))
        entries.append(
            Entry(
                station=names.station_of(c.recipient_keys, c.worker_ids),
                on=c.on,
                text=_with_notes(text, c.notes, names.masking),
            )
        )
    return entries


def case_entries(ledger: LedgerLike, period: Period, *, full_names: bool = False) -> list[Entry]:
    """An entry for each case opened and each case closed in the period."""
    names = _Names(ledger, full_names)
    entries = []
    for case in ledger.cases:
        station = names.station_of(case.recipient_keys, [case.worker_id or ""], case.station_code)
        people = names.people(case.recipient_keys)
        if case.opened_on in period:
            text = render_message("reports.entry.case_opened", people=people)
            entries.append(
                Entry(station=station, on=case.opened_on, text=mask_text(text, names.masking))
            )
        if case.closed_on is not None and case.closed_on in period:
            text = render_message("reports.entry.case_closed", people=people)
            entries.append(
                Entry(station=station, on=case.closed_on, text=mask_text(text, names.masking))
            )
    return entries


def activity_entries(
    ledger: LedgerLike, period: Period, kinds: Collection[ActivityKind]
) -> list[Entry]:
    """One entry per activity of the given kinds in the period (group sessions say which 节)."""
    names = _Names(ledger, False)
    entries = []
    for a in ledger.activities:
        if a.on not in period or a.kind not in kinds:
            continue
        entries.append(
            Entry(
                station=names.station(a.station_code),
                on=a.on,
                text=_activity_text(a, names.masking),
            )
        )
    return entries


def _activity_text(a: Activity, masking: PeopleNames) -> str:
    if a.kind is ActivityKind.GROUP_SESSION and a.session_number is not None:
        text = render_message(
            "reports.entry.group_session",
            group=a.group_name or a.title,
            session=a.session_number,
            title=a.title,
            participants=a.participants,
        )
    else:
        text = render_message(
            "reports.entry.activity", title=a.title, kind=a.kind.label, participants=a.participants
        )
    return _with_notes(text, a.summary, masking)


def resource_entries(
    ledger: LedgerLike,
    period: Period,
    *,
    with_case: bool | None = None,
    full_names: bool = False,
) -> list[Entry]:
    """One entry per resource link in the period; ``with_case`` keeps only links tied to a case
    (True), only those not (False), or all (None)."""
    names = _Names(ledger, full_names)
    entries = []
    for x in ledger.resource_links:
        if x.on not in period or (with_case is not None and (x.case_id is not None) != with_case):
            continue
        value = (
            render_message("reports.entry.resource_value", value=format(x.value_yuan, "f"))
            if x.value_yuan is not None
            else ""
        )
        people = names.people(x.recipient_keys) if x.recipient_keys else str(x.head_count or 0)
        text = render_message(
            "reports.entry.resource",
            kind=x.kind.label,
            description=x.description,
            value=value,
            people=people,
        )
        station = names.station_of(x.recipient_keys, x.worker_ids, x.station_code)
        entries.append(Entry(station=station, on=x.on, text=mask_text(text, names.masking)))
    return entries


def sort_entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries ordered by station name, then by date."""
    return tuple(sorted(entries, key=lambda e: (e.station, e.on)))
