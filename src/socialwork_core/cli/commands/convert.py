"""``socialwork convert``: a ledger as JSON records, or in another adapter's layout."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from ...glossary.rules_text import category_label
from ...glossary.vocabulary import ORIGINAL_CATEGORY_HEADER
from ...ledger import (
    RecordKind,
    fit_categories,
    record_id,
    write_ledger,
)
from ...plugins import Plugins
from ...tabular import (
    Issue,
)
from ..console import CliError, Console
from ..options import common_options, ledger_options
from ..output import (
    inputs_of,
    issue_data,
    record_counts,
    writable,
    write_file,
    write_text,
)
from ..session import (
    EXIT_DATA,
    EXIT_USAGE,
    OpenedLedger,
    open_ledger_of,
    refused_note,
    start_plugins,
)

NAME = "convert"
DETAILS = (
    "--to json writes the records in the converter's form (to stdout without -o); --to xlsx "
    "writes the ledger in --layout (default: its own). The output keeps full personal data: "
    "it is for use inside the station."
)
"""Said under the command's summary in ``socialwork convert --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork convert``."""
    ledger_options(parser)
    parser.add_argument("--to", required=True, choices=("json", "xlsx"), help="the output kind")
    parser.add_argument(
        "--layout", metavar="FORMAT", help="for --to xlsx: the ledger format to write"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="the file to write")
    common_options(parser)


def ledger_data(plugins: Plugins, opened: OpenedLedger) -> dict[str, Any]:
    """The ledger in the converter's form: records by kind, other kinds' unknown columns, issues."""
    converter = plugins.make_converter()
    ledger = opened.result.ledger
    records = {
        kind.value: [converter.unstructure(r) for r in ledger.records(kind)] for kind in RecordKind
    }
    extras = {
        kind.value: {
            record_id(kind, r): dict(ledger.extras_of(kind, record_id(kind, r)))
            for r in ledger.records(kind)
            if ledger.extras_of(kind, record_id(kind, r))
        }
        for kind in RecordKind
        if kind is not RecordKind.RECIPIENTS
    }
    return {
        **opened.describe(),
        "records": records,
        "extras": {k: v for k, v in extras.items() if v},
        "issues": [issue_data(i) for i in opened.result.issues],
    }


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork convert LEDGER --to json|xlsx``."""
    plugins = start_plugins(console)
    layouts = {fmt.name: fmt for fmt in plugins.ledger_formats()}
    if args.layout is not None and args.layout not in layouts:
        raise CliError(
            "cli.unknown_layout", EXIT_USAGE, name=args.layout, known=", ".join(layouts) or "-"
        )
    if args.output is not None:
        writable(
            Path(args.output), (".json",) if args.to == "json" else (".xlsx",), inputs_of(args)
        )
    opened = open_ledger_of(plugins, console, args)
    recheck: tuple[Issue, ...] = ()
    if args.to == "json":
        data = ledger_data(plugins, opened)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if args.output is None:
            console.done()
            console.out(text)
            return refused_note(console, opened)
        target = Path(args.output)
        write_text(console, target, text)
        layout_name = "json"
    else:
        fmt = layouts[args.layout] if args.layout is not None else opened.format
        layout_name = fmt.name
        default = Path(f"{opened.path.stem}.{fmt.name}.xlsx")
        target = writable(
            Path(args.output) if args.output is not None else default, (".xlsx",), inputs_of(args)
        )
        ledger = opened.result.ledger
        if fmt.name != opened.format.name:
            ledger, changes = fit_categories(ledger, fmt, plugins.extra_categories())
            for change in changes:
                console.note(
                    "cli.category_mapped",
                    label=change.label,
                    replacement=category_label(change.replacement),
                    people=change.people,
                    column=ORIGINAL_CATEGORY_HEADER,
                )
        write_file(console, target, lambda: write_ledger(target, ledger, fmt))
        console.progress("cli.progress.reading", path=str(target))
        recheck = plugins.load_ledger(target, fmt).errors
    console.done()
    if console.json_output:
        console.emit_json(
            {
                **opened.describe(),
                "to": args.to,
                "layout": layout_name,
                "output": str(target),
                "records": record_counts(opened.result.ledger),
                "read_back_errors": dict(Counter(i.code for i in recheck)),
            }
        )
    else:
        console.out(str(target))
    console.note("cli.ledger_written", layout=layout_name, path=str(target))
    status = refused_note(console, opened)
    if recheck:
        codes = Counter(i.code for i in recheck)
        console.note(
            "cli.convert_lossy",
            errors=len(recheck),
            codes=", ".join(f"{code} ×{n}" for code, n in codes.most_common()),
        )
        status = EXIT_DATA
    return status
