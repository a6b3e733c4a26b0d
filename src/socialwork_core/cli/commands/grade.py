"""``socialwork grade``: each person's service level with its reasons, beside the declared one."""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path

from ...schedule import grade_all
from ..console import Console
from ..options import as_of_option, common_options, ledger_options, people_options
from ..output import (
    MONTH_DAYS,
    inputs_of,
    writable,
)
from ..people import (
    contact_details,
    declared_level,
    emit_table,
    grade_data,
    iso,
    last_contact,
    level_counts,
    level_text,
    person_name,
    printed_key,
    reasons_cell,
)
from ..session import (
    check_alert_areas,
    open_ledger_of,
    parse_as_of,
    read_alerts,
    refused_note,
    start_plugins,
    warn_stale_as_of,
)

NAME = "grade"
DETAILS = "Names are masked (family name and *) unless --full-names is given."
"""Said under the command's summary in ``socialwork grade --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork grade``."""
    ledger_options(parser)
    as_of_option(parser)
    people_options(parser)
    common_options(parser)


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork grade LEDGER --as-of DATE``."""
    as_of = parse_as_of(args.as_of, today=today)
    if args.output is not None:
        writable(Path(args.output), (".xlsx", ".json"), inputs_of(args))
    plugins = start_plugins(console)
    alerts = read_alerts(plugins, args.alert or ())
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, MONTH_DAYS)
    check_alert_areas(alerts, opened.result.ledger)
    console.progress("cli.progress.computing")
    grades = grade_all(opened.result.ledger.recipients, as_of, opened.rule_sets, alerts=alerts)
    ordered = sorted(grades.values(), key=lambda g: (g.effective_level.rank, g.recipient_key))
    full = args.full_names or args.internal
    items = [grade_data(opened, g, full) for g in ordered]
    declared = {g.recipient_key: declared_level(opened, g.recipient_key) for g in ordered}
    columns: tuple[str, ...] = (
        "key",
        "name",
        "level",
        "declared_level",
        "computed_level",
        "reasons",
    )
    rows = [
        [
            printed_key(g.recipient_key, full, args.internal),
            person_name(opened, g.recipient_key, full),
            level_text(g.effective_level),
            level_text(declared[g.recipient_key]),
            level_text(g.level),
            reasons_cell(g),
        ]
        for g in ordered
    ]
    if args.internal:
        columns = ("key", "name", "phone", "address", "village", "last_contact_on", "level")
        rows = []
        for g, item in zip(ordered, items, strict=True):
            details = contact_details(opened, g.recipient_key)
            last = iso(last_contact(opened, g.recipient_key))
            item.update(details, last_contact_on=last)
            rows.append(
                [
                    g.recipient_key,
                    person_name(opened, g.recipient_key, True),
                    details["phone"],
                    details["address"],
                    details["village"],
                    last or "-",
                    level_text(g.effective_level),
                ]
            )
    declared_count = sum(1 for level in declared.values() if level is not None)
    differ = sum(1 for g in ordered if declared[g.recipient_key] not in (None, g.level))
    rule_set = (ordered[0].rule_set_name, ordered[0].rule_set_version) if ordered else ("-", "-")
    payload = {
        **opened.describe(),
        "as_of": as_of.isoformat(),
        "rule_set": {"name": rule_set[0], "version": rule_set[1]},
        "declared": {"count": declared_count, "differ": differ},
        "grades": items,
    }
    emit_table(
        console,
        args.output,
        "grades",
        as_of,
        columns,
        rows,
        payload,
        inputs_of(args),
        internal=args.internal,
    )
    console.note(
        "cli.graded",
        as_of=as_of.isoformat(),
        count=len(ordered),
        rule_set=rule_set[0],
        version=rule_set[1],
        levels=level_counts(Counter(g.effective_level for g in ordered)) or "-",
    )
    if declared_count:
        console.note("cli.graded_declared", declared=declared_count, differ=differ)
    return refused_note(console, opened)
