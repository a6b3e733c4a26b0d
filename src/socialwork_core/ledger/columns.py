"""From a ledger format's columns to the tabular reader's column specs (coercers per value type)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.meaning import WordMeaning, likely_for, modes_named
from ..glossary.terms import ContactMode, Severity
from ..identity import phone, resident_id
from ..recipients import parse_label
from ..record_kinds import RecordKind, spec_of
from ..tabular import (
    Coerced,
    Coercer,
    ColumnSpec,
    RawValue,
    TableSpec,
    choice,
    date_and_time,
    date_value,
    decimal_value,
    integer,
    money,
    raw_text,
    text,
    time_value,
    yes_no,
)
from ..tabular.headers import normalise_header
from .format import FieldColumn, SheetFormat, ValueType


def resident_id_cell(raw: RawValue) -> Any:
    """A resident ID cell: the 18-character number (warnings attached) or ``FindingError``.

    A number-typed cell is ``resident_id.stored_as_number``: the digits Excel dropped are gone.
    """
    result = resident_id.check(raw)
    if result.number is None:
        raise FindingError(result.findings)
    return Coerced(result.number, result.findings) if result.findings else result.number


def phones_cell(raw: RawValue) -> tuple[str, ...]:
    """A phone cell: every number in it, normalised; any piece that is not a number is an error."""
    split = phone.split_phones(raw)
    if split.findings:
        raise FindingError(split.findings)
    return split.numbers


def phone_cell(raw: RawValue) -> str | None:
    """A phone cell read into one text (``ValueType.PHONE``): its numbers, normalised, joined."""
    return words.LIST_JOINER.join(phones_cell(raw)) or None


def disability_cell(raw: RawValue) -> Any:
    """“精神三级”, “肢体二级” … as a ``Disability``."""
    return parse_label(raw_text(raw))


_COERCERS: dict[ValueType, Coercer] = {
    ValueType.TEXT: text,
    ValueType.RESIDENT_ID: resident_id_cell,
    ValueType.PHONES: phones_cell,
    ValueType.PHONE: phone_cell,
    ValueType.DATE: date_value,
    ValueType.TIME: time_value,
    ValueType.MONEY: money,
    ValueType.DECIMAL: decimal_value,
    ValueType.INTEGER: integer,
    ValueType.YES_NO: yes_no,
    ValueType.DISABILITY: disability_cell,
}
"""The coercer of every value type but ``LABEL`` (built per column from its labels)."""


def coercer_for(column: FieldColumn, kind: RecordKind | None = None) -> Coercer:
    """The coercer that reads ``column``'s cells (on a sheet of ``kind``: a date field whose
    record keeps the time of day, ``RecordKindSpec.times_of_day``, reads a time beside the day
    too: ``tabular.date_and_time``)."""
    if (
        column.type is ValueType.DATE
        and kind is not None
        and column.field in spec_of(kind).times_of_day
    ):
        return date_and_time
    if column.type is ValueType.LABEL:
        labels = column.label_map()
        meaning: Any = column.word_meaning()
        if column.enum is ContactMode and meaning is not None:
            meaning = _most_counting_mode(meaning)
        return choice(labels, meaning, likely_for(column.enum, labels))
    return _COERCERS[column.type]


def _most_counting_mode(meaning: WordMeaning) -> Any:
    """``meaning``, and for a cell it leaves unread that names two modes (入户走访、电话): the mode
    that counts most (``glossary.meaning.MODE_PRECEDENCE``: a home visit before a call), with an
    info naming the words. Asked only of a cell no label reads as it stands."""

    def read(word: str) -> Any:
        found = meaning(word)
        if found is not None:
            return found
        modes = modes_named(word)
        if not modes:
            return None
        said = Finding.of(
            "ledger.mode_of_several",
            Severity.INFO,
            value=word,
            modes=words.LIST_JOINER.join(m.label for m in modes),
            mode=modes[0].label,
        )
        return Coerced(modes[0].value, (said,))

    return read


SECTION_FIELDS: dict[str, str] = {"village": words.VILLAGE_NAME}
"""Fields a section-heading row (“一、金坪村（10人）”) may carry to the rows below it, and what
the heading's name must end with to be read so (a village's name)."""


def table_spec(sheet: SheetFormat, others: Iterable[SheetFormat] = ()) -> TableSpec:
    """The reader's view of one sheet format. ``others``: the format's other sheets, whose headers
    (those this sheet does not share) are not taken here by a partial match."""
    own = {normalise_header(h) for c in sheet.columns for h in c.headers}
    foreign = {
        normalise_header(h)
        for other in others
        if other is not sheet
        for c in other.columns
        for h in c.headers
    } - own
    fields = {c.field for c in sheet.columns}
    section = next((f for f in SECTION_FIELDS if f in fields), None)
    if section is None:
        section = next((f for f in fields if f.endswith("_village")), None)
    return TableSpec(
        columns=[
            ColumnSpec(
                c.field,
                c.headers,
                coerce=coercer_for(c, sheet.kind),
                required=c.required,
                multi=c.multi and c.type is not ValueType.PHONES,
                stands_in_for=c.stands_in_for,
            )
            for c in sheet.columns
        ],
        sheet_names=sheet.sheet_names,
        foreign_headers=frozenset[str](foreign),
        section_field=section,
        section_pattern=SECTION_FIELDS["village"] if section else "",
    )
