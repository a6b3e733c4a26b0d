"""Writing a ledger back in a format's column layout (through the safe writer).

Reading the written file with the same format gives equal records and the same extras.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..glossary import vocabulary as words
from ..recipients import Disability
from ..tabular import CellKind, Column, Money, SheetSpec, write_workbook
from .building import (
    DISABILITY_PARTS,
    PEOPLE_BY_ID,
    PEOPLE_BY_NAME,
    PEOPLE_FIELDS,
    PEOPLE_VILLAGE,
    approximate_flag,
)
from .format import FieldColumn, LedgerFormat, RecordKind, SheetFormat, ValueType
from .model import Ledger, record_id

PARTICIPANTS = PEOPLE_FIELDS[RecordKind.ACTIVITIES]
"""An activity's 参与对象: linked keys and unlinked names share the one column."""

_KINDS: dict[ValueType, CellKind] = {
    ValueType.RESIDENT_ID: CellKind.ID,
    ValueType.PHONES: CellKind.PHONE,
    ValueType.PHONE: CellKind.PHONE,
    ValueType.DATE: CellKind.DATE,
    ValueType.TIME: CellKind.TIME,
    ValueType.MONEY: CellKind.MONEY,
    ValueType.DECIMAL: CellKind.NUMBER,
    ValueType.INTEGER: CellKind.INTEGER,
    ValueType.YES_NO: CellKind.YES_NO,
}


def cell_kind(value_type: ValueType) -> CellKind:
    """How the writer writes a column whose cells read as ``value_type``."""
    return _KINDS.get(value_type, CellKind.TEXT)


def _cell(column: FieldColumn, kind: RecordKind, record: Any, ledger: Ledger) -> Any:
    field = column.field
    if field in DISABILITY_PARTS:
        disability: Disability | None = getattr(record, "disability", None)
        if disability is None:
            return None
        part = field.removeprefix("disability_")
        value = getattr(disability, part)
        return column.label_of(value.value) if part != "certificate" else value
    if field == PEOPLE_BY_ID:
        people_field = PEOPLE_FIELDS.get(kind)
        keys: tuple[str, ...] = getattr(record, people_field) if people_field else ()
        people = [ledger.recipient(k) for k in keys]
        numbers = [p.resident_id for p in people if p is not None and p.resident_id]
        return words.LIST_JOINER.join(numbers) or None
    if field in (PEOPLE_BY_NAME, PEOPLE_VILLAGE):
        # the people a record names, by name and village: what a worker reads on a visit log
        people_field = PEOPLE_FIELDS.get(kind)
        named: tuple[str, ...] = getattr(record, people_field) if people_field else ()
        found = [p for p in (ledger.recipient(k) for k in named) if p is not None]
        if field == PEOPLE_BY_NAME:
            return words.LIST_JOINER.join(p.name for p in found) or None
        return next((p.village for p in found if p.village), None)
    value = getattr(record, field)
    if field == PARTICIPANTS and kind is RecordKind.ACTIVITIES:
        # 参与对象 as the ledger had it: the linked people by key, the unlinked ones by name
        return words.LIST_JOINER.join((*value, *record.unlinked_participants)) or None
    if column.type is ValueType.MONEY and value is not None:
        return Money(value, bool(getattr(record, approximate_flag(field), False)))
    if column.type is ValueType.DISABILITY:
        return value.label if value is not None else None
    if column.type is ValueType.LABEL:
        if value is None:
            return None
        if isinstance(value, frozenset | set | tuple | list):
            labels = [column.label_of(str(v)) for v in value]
            return words.LIST_JOINER.join(
                sorted(labels) if not isinstance(value, tuple) else labels
            )
        return column.label_of(str(value))
    if isinstance(value, tuple | list):
        return words.LIST_JOINER.join(str(v) for v in value) or None
    return value


def _rows(sheet: SheetFormat, ledger: Ledger, extra_headers: Sequence[str]) -> Iterator[list[Any]]:
    for record in ledger.records(sheet.kind):
        extras = ledger.extras_of(sheet.kind, record_id(sheet.kind, record))
        yield [_cell(c, sheet.kind, record, ledger) for c in sheet.columns] + [
            extras.get(h) for h in extra_headers
        ]


def write_ledger(path: str | Path, ledger: Ledger, fmt: LedgerFormat) -> Path:
    """Write ``ledger`` in ``fmt``'s layout: per kind, its first sheet name, its columns under their
    first header, then one column per extra header (in order of first appearance)."""
    sheets: list[SheetSpec] = []
    for sheet in fmt.sheets:
        records = ledger.records(sheet.kind)
        if not records and not sheet.required:
            continue
        extra_headers = list(
            dict.fromkeys(
                h for r in records for h in ledger.extras_of(sheet.kind, record_id(sheet.kind, r))
            )
        )
        columns = [Column(c.header, cell_kind(c.type)) for c in sheet.columns]
        columns += [Column(h) for h in extra_headers]
        sheets.append(SheetSpec(sheet.sheet_names[0], columns, _rows(sheet, ledger, extra_headers)))
    return write_workbook(path, sheets)
