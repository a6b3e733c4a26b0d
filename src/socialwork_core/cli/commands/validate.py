"""``socialwork validate``: read a ledger, check its records, write the issues workbook."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ...glossary import Severity, cli_text
from ...ledger import (
    check_recipients,
    write_issues_workbook,
)
from ...plugins import category_parents
from ...reports import (
    mask_text,
    people_names,
)
from ...tabular import (
    Issue,
)
from ..console import Console, format_table
from ..options import as_of_option, common_options, ledger_options
from ..output import (
    MONTH_DAYS,
    both,
    inputs_of,
    issue_data,
    record_counts,
    writable,
    write_file,
)
from ..session import (
    EXIT_DATA,
    EXIT_OK,
    open_ledger_of,
    parse_as_of,
    start_plugins,
    warn_stale_as_of,
)
from ..text import heading

NAME = "validate"
DETAILS = (
    "Without --issues-out, the issues workbook is written beside the ledger as "
    "<name>_issues.xlsx when the ledger has errors. The records are also checked at the --as-"
    "of date: category rules (an orphan aged 18, an advanced-age elder under 80 ...), sex and"
    " birth date against the ID number, and the adapter's own checks; these are warnings at "
    "the person's row and refuse nothing."
)
"""Said under the command's summary in ``socialwork validate --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork validate``."""
    ledger_options(parser)
    parser.add_argument(
        "--issues-out", metavar="FILE.xlsx", help="where to write the issues workbook"
    )
    as_of_option(parser)
    common_options(parser)


def _place(issue: Issue) -> str:
    """Where an issue is, in a worker's words: 服务对象 第5行 C列（身份证号）."""
    parts = [issue.sheet] if issue.sheet else []
    if issue.row is not None:
        parts.append(cli_text.PLACE_ROW.format(row=issue.row))
    if issue.column:
        column = cli_text.PLACE_COLUMN.format(column=issue.column)
        if issue.header:
            column += cli_text.PLACE_HEADER.format(header=issue.header)
        parts.append(column)
    return " ".join(parts) or "-"


def _places(items: Sequence[Issue], shown: int = 3) -> str:
    """The first few places of a code's issues, and how many more."""
    places = [_place(i) for i in items[:shown]]
    more = len(items) - shown
    text = cli_text.REASON_JOINER.join(places)
    return text + cli_text.PLACES_MORE.format(count=more) if more > 0 else text


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork validate LEDGER``."""
    if args.issues_out is not None:
        writable(Path(args.issues_out), (".xlsx",), inputs_of(args))  # fail before the work
    as_of = parse_as_of(args.as_of, today=today)
    plugins = start_plugins(console)
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, MONTH_DAYS)
    result = opened.result
    region = opened.region
    record_issues = check_recipients(
        result,
        as_of,
        parents={}
        if region is None
        else category_parents(plugins.categories_for_region(region.code)),
        extra=None
        if region is None
        else lambda person, day: plugins.check_recipient_for_region(person, day, region.code),
    )
    every_issue = (*result.issues, *record_issues)
    by_severity = Counter(i.severity for i in every_issue)
    by_code: dict[tuple[Severity, str], list[Issue]] = {}
    for issue in every_issue:
        by_code.setdefault((issue.severity, issue.code), []).append(issue)
    ordered = sorted(by_code.items(), key=lambda kv: (-kv[0][0].weight, -len(kv[1]), kv[0][1]))

    issues_path: Path | None = None
    if args.issues_out is not None:
        issues_path = Path(args.issues_out)
    elif result.errors:
        issues_path = opened.path.with_name(f"{opened.path.stem}_issues.xlsx")
    if issues_path is not None:
        target = writable(issues_path, (".xlsx",), inputs_of(args))
        write_file(
            console,
            target,
            lambda: write_issues_workbook(
                target, result, ledger=opened.path, on=today, issues=record_issues
            ),
        )
    console.done()

    errors, warnings, infos = (by_severity[s] for s in Severity)
    # a message may name the person (a duplicate, an adapter's check, someone not registered) or
    # quote an ID as written: printed, names are shortened and numbers masked
    names = people_names(result.ledger, (i.finding for i in every_issue))
    if console.json_output:
        console.emit_json(
            {
                **opened.describe(),
                "ok": not result.errors,
                "counts": {s.value: by_severity[s] for s in Severity},
                "rejected_rows": len(result.rejected),
                "records": record_counts(result.ledger),
                "by_code": [
                    {
                        "severity": sev.value,
                        "code": code,
                        "count": len(items),
                        "message": mask_text(items[0].message, names),
                    }
                    for (sev, code), items in ordered
                ],
                "issues_workbook": None if issues_path is None else str(issues_path),
                "as_of": as_of.isoformat(),
                "issues": [issue_data(i, names) for i in every_issue],
            }
        )
    else:
        rows = [
            [
                both(sev.label, sev.value),
                code,
                str(len(items)),
                _places(items),
                mask_text(items[0].message, names),
            ]
            for (sev, code), items in ordered
        ]
        headers = [heading(h) for h in ("severity", "code", "count", "place", "example")]
        for line in format_table(headers, rows):
            console.out(line)
        if rows:
            console.out()
    if result.errors:
        console.note(
            "cli.validate_errors",
            errors=errors,
            rejected=len(result.rejected),
            warnings=warnings,
            infos=infos,
        )
    else:
        console.note("cli.validate_clean", warnings=warnings, infos=infos)
    if issues_path is not None:
        console.note("cli.issues_written", path=str(issues_path))
    return EXIT_DATA if result.errors else EXIT_OK
