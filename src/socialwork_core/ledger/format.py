"""Ledger formats: data that says where each record kind lives in a workbook and how its columns
read. An adapter's ledger layout is an instance of ``LedgerFormat``; no code is needed.

Field names are the record's attribute names (``Recipient.name``, ``Contact.on`` …) plus a few
ledger-side fields that the record builder combines (see ``socialwork_core.ledger``):
``disability_kind``, ``disability_grade``, ``disability_certificate`` (a disability written in
several columns) and ``recipient_resident_ids`` (contacts, resource links, cases and activities
that name people by ID number instead of register key).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from enum import StrEnum

import attrs

from ..glossary import LabelledEnum
from ..glossary.meaning import WordMeaning, meaning_for
from ..record_kinds import RecordKind
from ..validation import to_mapping, to_tuple

__all__ = ["FieldColumn", "LedgerFormat", "RecordKind", "SheetFormat", "ValueType"]


class ValueType(StrEnum):
    """How a ledger cell is read (and written back)."""

    TEXT = "text"
    RESIDENT_ID = "resident_id"
    """Through ``identity.resident_id.check``: a number-typed cell is an error, never repaired."""
    PHONES = "phones"
    """Through ``identity.phone.split_phones``: one cell, several numbers."""
    PHONE = "phone"
    """The same, for a field that holds one text (a guardian's phone): the numbers found,
    normalised, joined by 、; a piece that is not a number is flagged."""
    DATE = "date"
    TIME = "time"
    """A time of day (``Contact.at``)."""
    MONEY = "money"
    """``Money`` (Decimal, approximate flag)."""
    DECIMAL = "decimal"
    """A quantity: a ``Decimal``, from a number or text."""
    INTEGER = "integer"
    YES_NO = "yes_no"
    LABEL = "label"
    """Text mapped to a code through the column's enum labels plus its own ``labels``."""
    DISABILITY = "disability"
    """“精神三级”, “肢体二级” … through ``recipients.parse_label``."""


@attrs.frozen
class FieldColumn:
    """One ledger column: the record field it fills, the headers it goes by, how it reads."""

    field: str
    headers: tuple[str, ...] = attrs.field(converter=to_tuple)
    """Accepted headers; the first is written by ``write_ledger``. Synonyms follow."""
    type: ValueType = ValueType.TEXT
    required: bool = False
    multi: bool = False
    """Several values in one cell (categories, workers …)."""
    enum: builtins.type[LabelledEnum] | None = None
    """For ``LABEL`` columns: the enumeration whose ``.label``\\ s are accepted by default."""
    labels: Mapping[str, str] = attrs.field(factory=dict, converter=to_mapping)
    """For ``LABEL`` columns: more ledger texts → codes (synonyms, local categories). The first
    text given for a code is the one written back when the code is not in ``enum``."""
    stands_in_for: str = ""
    """Another field this column fills too when the sheet has no column for it (the national
    register's 户主 for 姓名: a list of households, each named by its head)."""
    meaning: WordMeaning | None = None
    """For ``LABEL`` columns: how a text that is none of the labels is read (a code, or ``None``
    for a text not understood). By default the glossary's reading for ``enum``
    (``glossary.meaning.meaning_for``: contact modes, categories, service levels and sex by their
    words); an adapter gives its own, e.g. a ``glossary.meaning.LevelScale`` of its words."""

    @property
    def header(self) -> str:
        """The header ``write_ledger`` writes."""
        return self.headers[0]

    def label_map(self) -> dict[str, str]:
        """Every accepted text → code: the enum's labels, then this column's own."""
        mapping: dict[str, str] = (
            {m.label: m.value for m in self.enum} if self.enum is not None else {}
        )
        mapping.update(self.labels)
        return mapping

    def word_meaning(self) -> WordMeaning | None:
        """How this column reads a text that is none of its labels: its own ``meaning``, else the
        glossary's for its enum (``None``: labels only)."""
        return self.meaning if self.meaning is not None else meaning_for(self.enum)

    def label_of(self, code: str) -> str:
        """The text ``write_ledger`` writes for ``code``."""
        if self.enum is not None:
            for member in self.enum:
                if member.value == code:
                    return member.label
        return next((text for text, c in self.labels.items() if c == code), code)


def _field_columns(value: Iterable[FieldColumn]) -> tuple[FieldColumn, ...]:
    return tuple(value)


@attrs.frozen
class SheetFormat:
    """Where one record kind lives: accepted sheet names and its columns."""

    kind: RecordKind = attrs.field(converter=RecordKind)
    sheet_names: tuple[str, ...] = attrs.field(converter=to_tuple)
    """Tried first (the first is written by ``write_ledger``); otherwise sheets are matched by
    their headers."""
    columns: tuple[FieldColumn, ...] = attrs.field(converter=_field_columns)
    required: bool = False
    """A ledger without this sheet is an error (otherwise the kind is simply absent)."""

    @columns.validator
    def _check(self, _attribute: object, value: tuple[FieldColumn, ...]) -> None:
        fields = [c.field for c in value]
        if len(set(fields)) != len(fields):
            raise ValueError(f"{self.kind}: a field appears in two columns: {fields}")


def _sheet_formats(value: Iterable[SheetFormat]) -> tuple[SheetFormat, ...]:
    return tuple(value)


@attrs.frozen
class LedgerFormat:
    """A ledger layout: one ``SheetFormat`` per record kind it holds."""

    name: str
    sheets: tuple[SheetFormat, ...] = attrs.field(converter=_sheet_formats)

    @sheets.validator
    def _check(self, _attribute: object, value: tuple[SheetFormat, ...]) -> None:
        kinds = [s.kind for s in value]
        if len(set(kinds)) != len(kinds):
            raise ValueError(f"format {self.name!r} defines a record kind twice: {kinds}")

    def sheet_for(self, kind: RecordKind) -> SheetFormat | None:
        return next((s for s in self.sheets if s.kind is kind), None)
