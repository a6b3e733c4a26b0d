"""``socialwork due``: who must be visited or called, and when (the due list)."""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from ...glossary import cli_text
from ...grading import GradeResult
from ...schedule import DueEntry, DueStatus, due_list, grade_all
from ..console import Console
from ..options import as_of_option, common_options, ledger_options, people_options
from ..output import (
    MONTH_DAYS,
    both,
    inputs_of,
    record_data,
    writable,
)
from ..people import (
    contact_details,
    emit_table,
    iso,
    level_text,
    person_name,
    printed_key,
    reason_data,
    reasons_cell,
)
from ..session import (
    OpenedLedger,
    check_alert_areas,
    open_ledger_of,
    parse_as_of,
    read_alerts,
    refused_note,
    start_plugins,
    warn_stale_as_of,
)

NAME = "due"
DETAILS = (
    "Lists what needs action (never contacted, overdue, due soon) unless --all is given. An "
    "alert file is JSON: one alert or a list, in the converter's form of "
    'socialwork_core.schedule.Alert, e.g. {"id": "HC-2023-01", "kind": "cold_wave", "start": '
    '"2023-01-12", "end": "2023-01-15", "village_codes": ["..."], "deadline_hours": 24}.'
)
"""Said under the command's summary in ``socialwork due --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork due``."""
    ledger_options(parser)
    as_of_option(parser)
    people_options(parser)
    parser.add_argument(
        "--all", action="store_true", help="also list lines that are ok or suspended"
    )
    common_options(parser)


def _due_data(
    opened: OpenedLedger, entry: DueEntry, grade: GradeResult | None, full_names: bool
) -> dict[str, Any]:
    # the entry as the converter writes it, with what a reader of the output needs beside it
    return {
        **record_data(entry),
        "recipient_key": printed_key(entry.recipient_key, full_names),
        "name": person_name(opened, entry.recipient_key, full_names),
        "level_label": entry.level.label,
        "reasons": [] if grade is None else [reason_data(r) for r in grade.reasons],
        "requirement": entry.description,
        "status_label": entry.status.label,
    }


def last_contact_text(entry: DueEntry) -> str:
    """The last qualifying contact's day, and a later contact the requirement does not count."""
    last = iso(entry.last_contact_on) or "-"
    if entry.other_contact_on is None or entry.other_contact_mode is None:
        return last
    return cli_text.DUE_OTHER_CONTACT.format(
        last=last, mode=entry.other_contact_mode.label, on=iso(entry.other_contact_on)
    )


def _status_counts(statuses: Counter[DueStatus]) -> str:
    return cli_text.JOINER.join(
        f"{status.label}{statuses[status]}" for status in DueStatus if statuses[status]
    )


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork due LEDGER --as-of DATE [--alert FILE]``."""
    as_of = parse_as_of(args.as_of, today=today)
    if args.output is not None:
        writable(Path(args.output), (".xlsx", ".json"), inputs_of(args))
    plugins = start_plugins(console)
    alerts = read_alerts(plugins, args.alert or ())
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, MONTH_DAYS)
    check_alert_areas(alerts, opened.result.ledger)
    ledger = opened.result.ledger
    console.progress("cli.progress.computing")
    grades = grade_all(ledger.recipients, as_of, opened.rule_sets, alerts=alerts)
    entries = due_list(
        ledger.recipients, ledger.contacts, opened.rule_sets, as_of, alerts=alerts, grades=grades
    )
    shown = [e for e in entries if args.all or e.status.needs_action]
    columns: tuple[str, ...] = (
        "level",
        "key",
        "name",
        "requirement",
        "status",
        "due_on",
        "days_overdue",
        "last_contact_on",
        "village",
        "worker",
        "reasons",
    )
    rows = []
    for e in shown:
        grade = grades.get(e.recipient_key)
        rows.append(
            [
                level_text(e.level),
                printed_key(e.recipient_key, args.full_names),
                person_name(opened, e.recipient_key, args.full_names),
                e.description or e.requirement_id,
                both(e.status.label, e.status.value),
                iso(e.due_on) or "-",
                str(e.days_overdue) if e.days_overdue else "",
                last_contact_text(e),
                e.village or "",
                e.worker_id or "",
                "" if grade is None else reasons_cell(grade),
            ]
        )
    full = args.full_names or args.internal
    entries_data = [_due_data(opened, e, grades.get(e.recipient_key), full) for e in shown]
    if args.internal:
        columns = (
            "level",
            "name",
            "key",
            "phone",
            "address",
            "village",
            "last_contact_on",
            "requirement",
            "status",
            "due_on",
            "days_overdue",
            "worker",
        )
        rows = []
        for e, item in zip(shown, entries_data, strict=True):
            details = contact_details(opened, e.recipient_key)
            item.update(phone=details["phone"], address=details["address"])
            rows.append(
                [
                    level_text(e.level),
                    person_name(opened, e.recipient_key, True),
                    e.recipient_key,
                    details["phone"],
                    details["address"],
                    e.village or details["village"],
                    last_contact_text(e),
                    e.description or e.requirement_id,
                    e.status.label,
                    iso(e.due_on) or "-",
                    str(e.days_overdue) if e.days_overdue else "",
                    e.worker_id or "",
                ]
            )
    statuses = Counter(e.status for e in entries)
    payload = {
        **opened.describe(),
        "as_of": as_of.isoformat(),
        "alerts": [a.id for a in alerts],
        "counts": {s.value: statuses[s] for s in DueStatus},
        "all": bool(args.all),
        "entries": entries_data,
    }
    emit_table(
        console,
        args.output,
        "due",
        as_of,
        columns,
        rows,
        payload,
        inputs_of(args),
        internal=args.internal,
    )
    console.note(
        "cli.due_summary",
        as_of=as_of.isoformat(),
        count=len(entries),
        statuses=_status_counts(statuses) or "-",
    )
    hidden = len(entries) - len(shown)
    if hidden:
        console.note("cli.due_hidden", count=hidden)
    return refused_note(console, opened)
