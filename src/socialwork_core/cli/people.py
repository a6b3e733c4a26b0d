"""What the people lists (``grade`` and ``due``) share: names, levels, reasons, the table output."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..glossary import ServiceLevel, cli_text
from ..grading import GradeResult, Reason
from ..reports import (
    mask_name,
    person_label,
)
from ..tabular import (
    CellKind,
    Column,
    SheetSpec,
    TitleBlock,
    write_workbook,
)
from .console import Console, format_table
from .output import (
    both,
    record_data,
    writable,
    write_file,
    write_text,
)
from .session import (
    OpenedLedger,
)
from .text import heading


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def reason_data(reason: Reason) -> dict[str, Any]:
    return {**record_data(reason), "text": reason.text}


def level_text(level: ServiceLevel | None) -> str:
    return "" if level is None else both(level.label, level.value)


def person_name(opened: OpenedLedger, key: str, full_names: bool) -> str:
    person = opened.result.ledger.recipient(key)
    if person is None:
        return ""
    return person.name if full_names else mask_name(person.name)


def contact_details(opened: OpenedLedger, key: str) -> dict[str, str]:
    """What a worker needs to reach a person: phone numbers, address, village (``--internal``
    only: these never leave the station)."""
    person = opened.result.ledger.recipient(key)
    if person is None:
        return {"phone": "", "address": "", "village": ""}
    return {
        "phone": cli_text.PHONE_JOINER.join(
            (*person.phones, *((person.guardian_phone,) if person.guardian_phone else ()))
        ),
        "address": person.residence_address or person.household_address or "",
        "village": person.village or "",
    }


def last_contact(opened: OpenedLedger, key: str) -> date | None:
    days = [c.on for c in opened.result.ledger.contacts_of(key)]
    return max(days, default=None)


def printed_key(key: str, full_names: bool, internal: bool = False) -> str:
    """A register key as printed: an ID or phone number in it masked, and a name typed where
    the key belongs shortened unless full names were asked for; whole in the internal list."""
    return key if internal else person_label(None, key, full_names=full_names)


def reasons_cell(result: GradeResult) -> str:
    return cli_text.REASON_JOINER.join(result.explain())


def declared_level(opened: OpenedLedger, key: str) -> ServiceLevel | None:
    person = opened.result.ledger.recipient(key)
    return None if person is None else person.declared_level


def grade_data(opened: OpenedLedger, result: GradeResult, full_names: bool) -> dict[str, Any]:
    override = result.override
    declared = declared_level(opened, result.recipient_key)
    return {
        "recipient_key": printed_key(result.recipient_key, full_names),
        "name": person_name(opened, result.recipient_key, full_names),
        "level": result.effective_level.value,
        "level_label": result.effective_level.label,
        "computed_level": result.level.value,
        "declared_level": None if declared is None else declared.value,
        "declared_differs": declared is not None and declared is not result.level,
        "override": None if override is None else record_data(override),
        "reasons": [reason_data(r) for r in result.reasons],
        "explanation": list(result.explain()),
        "rule_set": {"name": result.rule_set_name, "version": result.rule_set_version},
    }


_COLUMN_KINDS = {
    "key": CellKind.ID,
    "phone": CellKind.PHONE,
    "due_on": CellKind.ID,
    "last_contact_on": CellKind.ID,
}
"""Columns written as codes: never wrapped on the printed page (a phone number cut in two is
misdialled)."""


def table_output(
    console: Console,
    path: Path,
    *,
    sheet: str,
    title: str,
    subtitle: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    data: Any,
    inputs: Sequence[str | Path],
) -> None:
    target = writable(path, (".xlsx", ".json"), inputs)
    if target.suffix.lower() == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2)
        write_text(console, target, text)
    else:
        spec = SheetSpec(
            name=sheet,
            columns=tuple(
                Column(cli_text.HEADINGS[c], _COLUMN_KINDS.get(c, CellKind.TEXT)) for c in columns
            ),
            rows=rows,
            title=TitleBlock(title=title, period=subtitle, period_label=cli_text.AS_OF_LABEL),
        )
        write_file(console, target, lambda: write_workbook(target, [spec]))
    console.note("cli.table_written", path=str(target))


def level_counts(levels: Counter[ServiceLevel]) -> str:
    return cli_text.JOINER.join(
        f"{level.label}{levels[level]}" for level in ServiceLevel if levels[level]
    )


def emit_table(
    console: Console,
    output: str | None,
    kind: str,
    as_of: date,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    payload: dict[str, Any],
    inputs: Sequence[str | Path],
    internal: bool = False,
) -> None:
    """Write the table to ``output`` if asked, then print it (or its JSON form) on stdout. An
    ``internal`` list (full names, phones, addresses) is titled 内部使用 and said to be so."""
    title = cli_text.SHEET_TITLES[kind]
    if internal:
        title = cli_text.INTERNAL_TITLE.format(title=title)
        console.note("cli.internal_list")
    if output is not None:
        table_output(
            console,
            Path(output),
            sheet=title,
            title=title,
            subtitle=as_of.isoformat(),
            columns=columns,
            rows=rows,
            data=payload,
            inputs=inputs,
        )
    console.done()
    if console.json_output:
        console.emit_json(payload)
    else:
        for line in format_table([heading(c) for c in columns], rows):
            console.out(line)
