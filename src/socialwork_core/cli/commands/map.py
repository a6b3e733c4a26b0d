"""``socialwork map``: how each sheet, column and coded word of a ledger is read, and the mapping
file (TOML) a worker edits and passes back with ``--mapping`` to every command."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ...ledger import explain, mapping_text
from ...serialize import make_converter
from ..console import CliError, Console
from ..options import common_options
from ..output import writable, write_text
from ..session import (
    EXIT_OK,
    EXIT_USAGE,
    choose_format,
    read_mapping_option,
    start_plugins,
    workbook_readable,
)

NAME = "map"
DETAILS = (
    "Shows, per record kind, the sheet taken, its header rows, each column with the field it is "
    "read as and why, and every word of a coded column with the code it became (an empty code: "
    "not understood). -o writes it as a TOML file: edit a column's field or a word's code and "
    "pass the file to any command with --mapping FILE."
)
"""Said under the command's summary in ``socialwork map --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork map``."""
    parser.add_argument("ledger", metavar="LEDGER", help="the ledger workbook")
    parser.add_argument(
        "--adapter",
        metavar="NAME",
        help="the adapter whose layout the ledger uses (default: detected from the headers)",
    )
    parser.add_argument(
        "--mapping", metavar="FILE.toml", help="an edited mapping whose effect to show"
    )
    parser.add_argument("-o", "--output", metavar="FILE.toml", help="write the mapping file")
    common_options(parser)


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork map LEDGER [--adapter NAME] [--mapping FILE] [-o FILE.toml]``."""
    plugins = start_plugins(console)
    path = Path(args.ledger)
    if path.is_dir():
        raise CliError("cli.input_is_directory", EXIT_USAGE, path=str(path))
    target = writable(Path(args.output), (".toml",), [path]) if args.output else None
    with workbook_readable(path):
        name, fmt, detected = choose_format(plugins, path, args.adapter)
        mapping = read_mapping_option(args.mapping, fmt)
        explained = explain(path, fmt, mapping)
    console.note(
        "cli.adapter_detected" if detected else "cli.adapter_given", adapter=name, format=fmt.name
    )
    text = mapping_text(explained)
    if target is not None:
        write_text(console, target, text)
        console.note("cli.mapping_written", path=str(target))
    console.done()
    if console.json_output:
        converter = make_converter()
        console.emit_json(
            {
                "ledger": str(path),
                "adapter": name,
                "format": fmt.name,
                "sheets": [converter.unstructure(sheet) for sheet in explained],
            }
        )
    elif target is None:
        console.out(text.rstrip("\n"))
    return EXIT_OK
