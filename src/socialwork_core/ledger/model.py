"""The ledger: every record of a station or county in memory, with lookups and its issues."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..contacts import Contact
from ..recipients import Recipient
from ..record_kinds import RecordsByKind, records_by_kind, spec_of
from ..stations import SocialWorker, Station
from ..tabular import Issue
from ..visit_history import VisitHistory
from .format import RecordKind

ExtrasByRecord = Mapping[str, Mapping[str, str]]


def _extras_map(value: Mapping[Any, ExtrasByRecord]) -> Mapping[RecordKind, ExtrasByRecord]:
    return MappingProxyType(
        {
            RecordKind(kind): MappingProxyType(
                {rid: MappingProxyType(dict(ex)) for rid, ex in by_id.items()}
            )
            for kind, by_id in value.items()
        }
    )


def _issues(value: Iterable[Issue]) -> tuple[Issue, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, init=False)
class Ledger(RecordsByKind):
    """All records of a station or county, in ledger order, with the issues found building them.

    Records are held by kind: ``records(kind)`` for any kind of the table
    (``record_kinds.RECORD_KINDS``), and, for the built-in kinds, typed attributes
    (``ledger.contacts``). A ledger is made with records by attribute name
    (``Ledger(recipients=…, contacts=…)``, any kind's ``RecordKindSpec.attribute``) or by kind
    (``Ledger(by_kind={kind: records})``, ``ledger_of``).

    Lookups: ``recipient(key)``, ``by_resident_id(number)``, ``contacts_of(key)`` (and
    ``station(code)``, ``worker(id)``). Unknown ledger columns are kept: on the recipient itself
    (``Recipient.extras``), for other kinds in ``extras[kind][record id]``.
    """

    _records: Mapping[RecordKind, tuple[Any, ...]] = attrs.field(alias="by_kind")
    """Each kind holding records → its records, in load order (a kind without records is absent,
    so ledgers with equal records are equal whatever kinds were named empty)."""
    issues: tuple[Issue, ...] = attrs.field(default=(), converter=_issues, eq=False)
    """How the ledger was read (not part of equality: two ledgers with equal records are equal)."""
    extras: Mapping[RecordKind, ExtrasByRecord] = attrs.field(factory=dict, converter=_extras_map)
    visit_history: VisitHistory | None = attrs.field(default=None, eq=False, repr=False)
    """The days people were reached and how, when the ledger holds them instead of the contacts
    of those days (a roll-up's ledger: its contacts are the report's window, its history reaches
    back as far as the template's visit rates read, ``ReportTemplate.history_days``). ``None``:
    the history is the contacts' own (``indicators.visit_history``)."""
    held_kinds: frozenset[RecordKind] = attrs.field(default=frozenset(), eq=False, repr=False)
    """Kinds of record the ledger's files hold beyond those it keeps (a roll-up's ledger cut to a
    report's window: a week without visits has 0 visits, not "no visit records";
    ``indicators.has_records``)."""
    _by_key: Mapping[str, Recipient] = attrs.field(init=False, eq=False, repr=False)
    _by_id: Mapping[str, Recipient] = attrs.field(init=False, eq=False, repr=False)
    _contacts_by_key: Mapping[str, tuple[Contact, ...]] | None = attrs.field(
        init=False, default=None, eq=False, repr=False
    )
    """Built on the first ``contacts_of`` call: loading need not pay for an index that many uses
    (converting, validating) never consult."""
    _stations: Mapping[str, Station] = attrs.field(init=False, eq=False, repr=False)
    _workers: Mapping[str, SocialWorker] = attrs.field(init=False, eq=False, repr=False)

    def __init__(
        self,
        *,
        by_kind: Mapping[Any, Iterable[Any]] | None = None,
        issues: Iterable[Issue] = (),
        extras: Mapping[Any, ExtrasByRecord] | None = None,
        visit_history: VisitHistory | None = None,
        held_kinds: Iterable[RecordKind] = frozenset(),
        **records: Iterable[Any],
    ) -> None:
        self.__attrs_init__(
            by_kind=records_by_kind("Ledger", by_kind, records),
            issues=issues,
            extras=extras if extras is not None else {},
            visit_history=visit_history,
            held_kinds=frozenset(held_kinds),
        )

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, Recipient] = {}
        by_id: dict[str, Recipient] = {}
        for person in self.recipients:
            if person.key in by_key:
                raise ValueError(f"two recipients share the key {person.key!r}")
            by_key[person.key] = person
            if person.resident_id is not None:
                if person.resident_id in by_id:
                    raise ValueError("two recipients share a resident ID number")
                by_id[person.resident_id] = person
        object.__setattr__(self, "_stations", MappingProxyType({s.code: s for s in self.stations}))
        object.__setattr__(self, "_workers", MappingProxyType({w.id: w for w in self.workers}))
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def recipient(self, key: str) -> Recipient | None:
        """The recipient with register key ``key``."""
        return self._by_key.get(key)

    def by_resident_id(self, number: str) -> Recipient | None:
        """The recipient with this 18-character resident ID number."""
        return self._by_id.get(number)

    def contacts_of(self, key: str) -> tuple[Contact, ...]:
        """The contacts that reached the recipient ``key``, in ledger order."""
        index = self._contacts_by_key
        if index is None:
            # two threads may both build it: the same index either way
            contacts: dict[str, list[Contact]] = {}
            for contact in self.contacts:
                for person in contact.recipient_keys:
                    contacts.setdefault(person, []).append(contact)
            index = MappingProxyType({k: tuple(v) for k, v in contacts.items()})
            object.__setattr__(self, "_contacts_by_key", index)
        return index.get(key, ())

    def station(self, code: str) -> Station | None:
        return self._stations.get(code)

    def worker(self, worker_id: str) -> SocialWorker | None:
        return self._workers.get(worker_id)

    def extras_of(self, kind: RecordKind, record_id: str) -> Mapping[str, str]:
        """Unknown columns of one record (recipients: ``Recipient.extras``)."""
        if kind is RecordKind.RECIPIENTS:
            person = self.recipient(record_id)
            return person.extras if person is not None else MappingProxyType({})
        return self.extras.get(kind, {}).get(record_id, MappingProxyType({}))


def record_id(kind: RecordKind, record: Any) -> str:
    """The identifying value of a record: ``key`` for recipients, ``code`` for stations, else ``id``
    (``RecordKindSpec.id_field``)."""
    return str(getattr(record, spec_of(kind).id_field))


def ledger_of(records: Mapping[RecordKind, Iterable[Any]], **kwargs: Any) -> Ledger:
    """A ``Ledger`` from records grouped by kind (``issues``, ``extras`` as keywords)."""
    return Ledger(by_kind=records, **kwargs)


def with_records(
    ledger: Ledger,
    records: Mapping[RecordKind, Iterable[Any]],
    *,
    issues: Iterable[Issue] | None = None,
) -> Ledger:
    """``ledger`` with the records of some kinds replaced (and its issues, when given). Its
    visit history stays unless the contacts are replaced."""
    return Ledger(
        by_kind={**{k: ledger.records(k) for k in RecordKind}, **records},
        issues=ledger.issues if issues is None else issues,
        extras=ledger.extras,
        visit_history=None if RecordKind.CONTACTS in records else ledger.visit_history,
        held_kinds=ledger.held_kinds,
    )
