"""``socialwork changes OLD NEW``: who entered, left or changed between two ledgers (动态监测)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ...glossary import RegisterStatus, ServiceLevel, cli_text
from ...glossary.rules_text import category_label
from ...glossary.vocabulary import LIST_JOINER
from ...reports import mask_name, mask_text
from ...rollup import ledger_files
from ...rollup.changes import ABSENT, Changes, NoDatedRecords, compare
from ..console import CliError, Console
from ..options import common_options, ledger_settings
from ..output import writable
from ..people import emit_table, iso
from ..session import EXIT_USAGE, open_ledger_of, parse_as_of, refused_note, start_plugins

NAME = "changes"
DETAILS = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork changes``."""
    parser.add_argument("old", metavar="OLD", help="the earlier ledger: a file or a folder")
    parser.add_argument("new", metavar="NEW", help="the later ledger: a file or a folder")
    ledger_settings(parser)
    parser.add_argument("--old-as-of", metavar="DATE", help="default: OLD's latest month's end")
    parser.add_argument("--new-as-of", metavar="DATE", help="default: NEW's latest month's end")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="also write the changes to FILE (.xlsx or .json)"
    )
    parser.add_argument(
        "--full-names", action="store_true", help="print full names (default: masked)"
    )
    common_options(parser)


def _change_rows(changes: Changes, names: dict[str, str], full: bool) -> list[list[str]]:
    def who(name: str) -> str:
        return name if full else mask_name(name)

    rows: list[list[str]] = []
    for kind, entries in (("entered", changes.entered), ("left", changes.left)):
        for e in entries:
            status = (
                cli_text.CHANGE_ITEMS[e.status]
                if e.status == ABSENT
                else RegisterStatus(e.status).label
            )
            station = names.get(e.station_code or "", e.station_code or "")
            since = iso(e.since) or ""
            rows.append(
                [cli_text.CHANGE_KINDS[kind], e.key, who(e.name), station, status, "", since]
            )
    for c in changes.changed:
        station = names.get(c.station_code or "", c.station_code or "")
        item = cli_text.CHANGE_ITEMS[c.field]
        before, after = _change_value(c.field, c.before), _change_value(c.field, c.after)
        rows.append(
            [cli_text.CHANGE_KINDS["changed"], c.key, who(c.name), station, item, before, after]
        )
    return rows


def _change_value(field: str, value: str) -> str:
    if field == "categories":
        return cli_text.JOINER.join(
            category_label(code) for code in value.split(LIST_JOINER) if code
        )
    if field == "level" and value:
        return ServiceLevel(value).label
    return value


def _changes_data(changes: Changes, full: bool) -> dict[str, Any]:
    def person(e: Any) -> dict[str, Any]:
        return {
            "key": e.key,
            "name": e.name if full else mask_name(e.name),
            "resident_id": None if e.resident_id is None else mask_text(e.resident_id),
            "station_code": e.station_code,
        }

    return {
        "old_as_of": changes.old_as_of.isoformat(),
        "new_as_of": changes.new_as_of.isoformat(),
        "entered": [
            {**person(e), "status": e.status, "since": iso(e.since)} for e in changes.entered
        ],
        "left": [{**person(e), "status": e.status, "since": iso(e.since)} for e in changes.left],
        "changed": [
            {**person(c), "field": c.field, "before": c.before, "after": c.after}
            for c in changes.changed
        ],
        "overdue": {"then": changes.overdue_then, "now": changes.overdue_now},
    }


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork changes OLD NEW``: month-to-month changes (动态监测)."""
    old_as_of = None if args.old_as_of is None else parse_as_of(args.old_as_of, today=today)
    new_as_of = None if args.new_as_of is None else parse_as_of(args.new_as_of, today=today)
    inputs = [*ledger_files([args.old, args.new])]
    if args.output is not None:
        writable(Path(args.output), (".xlsx", ".json"), inputs)
    plugins = start_plugins(console)
    opened = [
        open_ledger_of(plugins, console, argparse.Namespace(**{**vars(args), "ledger": [path]}))
        for path in (args.old, args.new)
    ]
    console.progress("cli.progress.computing")
    try:
        changes = compare(
            opened[0].result.ledger,
            opened[1].result.ledger,
            rule_sets=opened[1].rule_sets,
            old_as_of=old_as_of,
            new_as_of=new_as_of,
        )
    except NoDatedRecords:
        # both dates default to the ledgers' latest dated record: a register alone has none
        raise CliError("cli.changes_no_dates", EXIT_USAGE, old=args.old, new=args.new) from None
    names = {s.code: s.name for o in opened for s in o.result.ledger.stations}
    columns = ("change", "key", "name", "station", "item", "before", "after")
    rows = _change_rows(changes, names, args.full_names)
    payload = {
        "old": opened[0].describe(),
        "new": opened[1].describe(),
        **_changes_data(changes, args.full_names),
    }
    emit_table(console, args.output, "changes", changes.new_as_of, columns, rows, payload, inputs)
    console.note(
        "cli.changes_summary",
        old=changes.old_as_of.isoformat(),
        new=changes.new_as_of.isoformat(),
        entered=len(changes.entered),
        left=len(changes.left),
        changed=len(changes.changed),
        overdue_then=changes.overdue_then,
        overdue_now=changes.overdue_now,
    )
    return max(refused_note(console, opened[0]), refused_note(console, opened[1]))
