"""``socialwork template``: an empty ledger workbook in an adapter's layout."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ...ledger import (
    write_template,
)
from ...plugins import Plugins
from ..console import CliError, Console
from ..options import common_options
from ..output import (
    writable,
    write_file,
)
from ..session import (
    EXIT_OK,
    EXIT_USAGE,
    start_plugins,
)

NAME = "template"
DETAILS = (
    "Writes every sheet of the adapter's ledger format with the headers convert and the "
    "library write, drop-down lists for coded columns, ID and phone columns formatted as "
    "text, and an instructions sheet explaining each column. Without --adapter, the national "
    "default adapter's layout."
)
"""Said under the command's summary in ``socialwork template --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork template``."""
    parser.add_argument(
        "--adapter",
        metavar="NAME",
        help="the adapter whose layout to write (default: the national default adapter)",
    )
    parser.add_argument(
        "--layout",
        metavar="FORMAT",
        help="one of the adapter's ledger formats (default: its first)",
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="the file")
    common_options(parser)


def _template_adapter(plugins: Plugins, name: str | None) -> str:
    """The adapter whose layout ``template`` writes: the one named, else the national default."""
    known = ", ".join(plugins.names()) or "-"
    if name is None:
        default = plugins.national_default()
        name = next((i.name for i in plugins.adapters() if default and i.region == default), None)
        if name is None:
            raise CliError("cli.unknown_adapter", EXIT_USAGE, name="national", known=known)
    if name not in plugins.names():
        raise CliError("cli.unknown_adapter", EXIT_USAGE, name=name, known=known)
    return name


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork template [--adapter NAME] -o FILE.xlsx``."""
    plugins = start_plugins(console)
    target = writable(Path(args.output), (".xlsx",))
    adapter = _template_adapter(plugins, args.adapter)
    formats = {fmt.name: fmt for fmt in plugins.ledger_formats(adapter=adapter)}
    if not formats:
        raise CliError("cli.adapter_without_formats", EXIT_USAGE, name=adapter)
    if args.layout is not None and args.layout not in formats:
        raise CliError("cli.unknown_layout", EXIT_USAGE, name=args.layout, known=", ".join(formats))
    fmt = formats[args.layout] if args.layout is not None else next(iter(formats.values()))
    write_file(console, target, lambda: write_template(target, fmt))
    console.done()
    if console.json_output:
        console.emit_json(
            {
                "adapter": adapter,
                "format": fmt.name,
                "output": str(target),
                "sheets": [sheet.sheet_names[0] for sheet in fmt.sheets],
            }
        )
    else:
        console.out(str(target))
    console.note("cli.template_written", layout=fmt.name, path=str(target))
    return EXIT_OK
