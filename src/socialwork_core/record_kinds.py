"""The record kinds of a ledger, in one table: every module that treats kinds alike reads it.

A ``RecordKindSpec`` holds what the rest of the library needs to know of a kind: its record class,
the ``Ledger`` attribute holding its records, the field that identifies a record, the field that
names register people and workers, the field placing it at a station, where it comes in the load
order, and its Chinese name (from ``glossary.records_text``). The code of a kind
(``RecordKind.CONTACTS == "contacts"``) is a code only: attribute names come from this table.

Adding a kind: its record class, its member of ``glossary.records_text.RecordKind`` with its
labels, and a row here (see ``docs/architecture.md``, "Record kinds").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .campaigns import Campaign
from .casework import Activity, Case
from .contacts import Contact
from .glossary.records_text import RECORDS_IN_REASONS, RecordKind
from .handouts import Handout
from .recipients import Recipient
from .resources import ResourceLink
from .stations import SocialWorker, Station

__all__ = ["RECORD_KINDS", "RecordKind", "RecordKindSpec", "spec_of"]


def _field_of(instance: RecordKindSpec, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value not in attrs.fields_dict(instance.record_class):
        raise ValueError(
            f"{instance.kind}: {attribute.name} {value!r} is not a field of "
            f"{instance.record_class.__name__}"
        )


@attrs.frozen(kw_only=True)
class RecordKindSpec:
    """The facts of one record kind."""

    kind: RecordKind
    record_class: type[Any]
    """The attrs class of its records (built through the one converter)."""
    attribute: str
    """The ``Ledger`` (and ``indicators.RecordSet``) attribute holding its records, in order."""
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
    """A record naming no station belongs with the people it names or the workers who made it
    (visits); other kinds without a station belong to none."""

    @property
    def label(self) -> str:
        """The kind's Chinese name (服务对象, 探访记录 …), for sheets and messages."""
        return self.kind.label

    @property
    def in_reasons(self) -> str:
        """How a not-computable reason names the kind (台账中没有{}记录)."""
        return RECORDS_IN_REASONS[self.kind]

    def records_of(self, holder: Any) -> Any:
        """The records of this kind held by a ``Ledger`` or any ``LedgerLike``."""
        return getattr(holder, self.attribute)


def _table(specs: Iterable[RecordKindSpec]) -> tuple[RecordKindSpec, ...]:
    ordered = tuple(sorted(specs, key=lambda s: s.load_order))
    kinds = [s.kind for s in ordered]
    if sorted(kinds) != sorted(RecordKind) or len(set(kinds)) != len(kinds):
        raise ValueError(f"every record kind needs exactly one row: {kinds}")
    return ordered


RECORD_KINDS: tuple[RecordKindSpec, ...] = _table(
    (
        RecordKindSpec(
            kind=RecordKind.RECIPIENTS,
            record_class=Recipient,
            attribute="recipients",
            id_field="key",
            load_order=0,
            worker_field="worker_id",
        ),
        RecordKindSpec(
            kind=RecordKind.STATIONS,
            record_class=Station,
            attribute="stations",
            id_field="code",
            load_order=1,
            station_field="code",
        ),
        RecordKindSpec(
            kind=RecordKind.WORKERS,
            record_class=SocialWorker,
            attribute="workers",
            id_field="id",
            load_order=2,
        ),
        RecordKindSpec(
            kind=RecordKind.CONTACTS,
            record_class=Contact,
            attribute="contacts",
            id_field="id",
            load_order=3,
            people_field="recipient_keys",
            worker_field="worker_ids",
            placed_by_people=True,
        ),
        RecordKindSpec(
            kind=RecordKind.RESOURCE_LINKS,
            record_class=ResourceLink,
            attribute="resource_links",
            id_field="id",
            load_order=4,
            people_field="recipient_keys",
            worker_field="worker_ids",
        ),
        RecordKindSpec(
            kind=RecordKind.CASES,
            record_class=Case,
            attribute="cases",
            id_field="id",
            load_order=5,
            people_field="recipient_keys",
            worker_field="worker_id",
        ),
        RecordKindSpec(
            kind=RecordKind.ACTIVITIES,
            record_class=Activity,
            attribute="activities",
            id_field="id",
            load_order=6,
            people_field="participant_keys",
            worker_field="worker_ids",
        ),
        RecordKindSpec(
            kind=RecordKind.CAMPAIGNS,
            record_class=Campaign,
            attribute="campaigns",
            id_field="id",
            load_order=7,
        ),
        RecordKindSpec(
            kind=RecordKind.HANDOUTS,
            record_class=Handout,
            attribute="handouts",
            id_field="id",
            load_order=8,
            worker_field="worker_ids",
        ),
    )
)
"""Every record kind, in load order."""

_BY_KIND: Mapping[RecordKind, RecordKindSpec] = MappingProxyType({s.kind: s for s in RECORD_KINDS})


def spec_of(kind: RecordKind | str) -> RecordKindSpec:
    """The table row of ``kind`` (a member or its code)."""
    return _BY_KIND[RecordKind.from_code(kind)]
