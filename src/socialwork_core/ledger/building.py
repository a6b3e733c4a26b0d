"""Building records from ledger rows, through the one converter (never ``Cls(**row)``).

A row's typed values (from the tabular reader) are turned into plain data (ISO dates, Decimal as
text, codes) and structured with ``serialize.make_converter()``, so every record is built and
validated the same way as one loaded from JSON. Ledger-side fields are combined here: disability in
several columns, people named by resident ID, the money flag, the register key.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import cattrs

from ..casework import Activity, Case
from ..contacts import Contact
from ..findings import Finding
from ..glossary.terms import Severity
from ..recipients import Disability, Recipient
from ..resources import ResourceLink
from ..serialize import ConversionError, structure
from ..stations import SocialWorker, Station
from ..tabular import Money, split_values
from .format import RecordKind

RECORD_CLASSES: Mapping[RecordKind, type[Any]] = {
    RecordKind.RECIPIENTS: Recipient,
    RecordKind.STATIONS: Station,
    RecordKind.WORKERS: SocialWorker,
    RecordKind.CONTACTS: Contact,
    RecordKind.RESOURCE_LINKS: ResourceLink,
    RecordKind.CASES: Case,
    RecordKind.ACTIVITIES: Activity,
}

DISABILITY_PARTS = ("disability_kind", "disability_grade", "disability_certificate")
PEOPLE_BY_ID = "recipient_resident_ids"
PEOPLE_FIELDS = {
    RecordKind.CONTACTS: "recipient_keys",
    RecordKind.RESOURCE_LINKS: "recipient_keys",
    RecordKind.CASES: "recipient_keys",
    RecordKind.ACTIVITIES: "participant_keys",
}


@attrs.frozen
class Placed:
    """A finding about a row, optionally tied to the field whose column it concerns."""

    finding: Finding
    field: str | None = None


def _plain(value: Any, converter: cattrs.Converter) -> Any:
    if isinstance(value, str | int):  # codes are str enums: their value is themselves
        return value.value if isinstance(value, Enum) else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Money):
        return format(value.amount, "f")
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(v, converter) for v in value]
    if attrs.has(type(value)):
        return converter.unstructure(value)
    return value


def _leaf_messages(error: BaseException | None) -> list[str]:
    """The messages of the exceptions inside cattrs' exception groups (the validators' own words)."""
    if error is None:
        return []
    if isinstance(error, BaseExceptionGroup):
        return [m for inner in error.exceptions for m in _leaf_messages(inner)]
    return [str(error)]


def _field_names(cls: type[Any]) -> set[str]:
    return {a.name for a in attrs.fields(cls)}


_COLLECTION_FIELDS: dict[type[Any], frozenset[str]] = {}


def _collection_fields(cls: type[Any]) -> frozenset[str]:
    """Fields typed as tuples or frozensets (several values), per record class."""
    found = _COLLECTION_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = frozenset(
            name for name, hint in hints.items() if typing.get_origin(hint) in (tuple, frozenset)
        )
        _COLLECTION_FIELDS[cls] = found
    return found


class RecordBuilder:
    """Builds records of every kind; remembers recipients so later sheets can refer to them."""

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.key_by_resident_id: dict[str, str] = {}
        self.keys: set[str] = set()
        self.recipients_loaded = False

    def remember(self, person: Recipient) -> None:
        self.keys.add(person.key)
        if person.resident_id is not None:
            self.key_by_resident_id[person.resident_id] = person.key

    def build(
        self,
        kind: RecordKind,
        values: Mapping[str, Any],
        extras: Mapping[str, str],
        position: int,
    ) -> tuple[Any | None, list[Placed]]:
        """The record for one row (or ``None``) and the findings that explain a refusal."""
        cls = RECORD_CLASSES[kind]
        names = _field_names(cls)
        data: dict[str, Any] = {}
        problems: list[Placed] = []
        for field, value in values.items():
            if value is None or value == () or field in DISABILITY_PARTS or field == PEOPLE_BY_ID:
                continue
            if isinstance(value, Money):
                data[field] = value.amount
                flag = field.removesuffix("_yuan") + "_is_approximate"
                if flag in names:
                    data[flag] = value.approximate
                continue
            if isinstance(value, str) and field in _collection_fields(cls):
                # a plain text column feeding a field of several values: split it as a
                # multi-valued cell (the writer joins such fields with the same separators),
                # never letting the converter read the text as a sequence of characters
                data[field] = tuple(split_values(value))
                continue
            data[field] = value
        self._disability(values, data)
        if kind in PEOPLE_FIELDS:
            self._people(kind, values, data, problems)
        if kind is RecordKind.RECIPIENTS:
            if "key" not in data:
                if "resident_id" not in data:
                    missing = Finding.of("ledger.recipient_without_key", Severity.ERROR)
                    return None, [Placed(missing)]
                data["key"] = data["resident_id"]
            data["extras"] = dict(extras)
        elif "id" in names and "id" not in data:
            data["id"] = f"{kind.value}-{position}"
        if problems:
            return None, problems
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{kind}: the format names fields {sorted(unknown)} that {cls} lacks")
        plain = {k: _plain(v, self.converter) for k, v in data.items()}
        try:
            record = structure(self.converter, plain, cls)
        except ConversionError as error:
            reasons = _leaf_messages(error.__cause__) or error.problems
            invalid = Finding.of(
                "ledger.record_invalid", Severity.ERROR, problems="; ".join(reasons)
            )
            return None, [Placed(invalid)]
        return record, []

    @staticmethod
    def _disability(values: Mapping[str, Any], data: dict[str, Any]) -> None:
        kind, grade = values.get("disability_kind"), values.get("disability_grade")
        certificate = values.get("disability_certificate")
        if kind is not None and grade is not None:
            data["disability"] = Disability(kind=kind, grade=grade, certificate=certificate)
        elif certificate is not None and isinstance(data.get("disability"), Disability):
            data["disability"] = attrs.evolve(data["disability"], certificate=certificate)

    def _people(
        self,
        kind: RecordKind,
        values: Mapping[str, Any],
        data: dict[str, Any],
        problems: list[Placed],
    ) -> None:
        target = PEOPLE_FIELDS[kind]
        keys = list(data.get(target, ()))
        if self.recipients_loaded:
            for key in keys:
                if key not in self.keys:
                    unknown = Finding.of("ledger.unknown_recipient", Severity.ERROR, value=key)
                    problems.append(Placed(unknown, target))
        for number in values.get(PEOPLE_BY_ID) or ():
            key = self.key_by_resident_id.get(number)
            if key is None:
                unknown = Finding.of("ledger.unknown_recipient", Severity.ERROR, value=number)
                problems.append(Placed(unknown, PEOPLE_BY_ID))
            elif key not in keys:
                keys.append(key)
        if keys:
            data[target] = tuple(keys)
