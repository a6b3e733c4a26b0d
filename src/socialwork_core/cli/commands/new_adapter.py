"""``socialwork new-adapter``: a new adapter package for a region, ready to install and test."""

from __future__ import annotations

import argparse
from datetime import date

from ...glossary.scaffold_text import DEFAULT_PROVINCE
from ...scaffold import ScaffoldError, core_source, write_adapter
from ..console import CliError, Console
from ..options import common_options
from ..session import EXIT_OK, EXIT_USAGE

NAME = "new-adapter"
DETAILS = (
    "Writes the package socialwork-NAME (pyproject with the entry point, region, ledger "
    "format, a local category, rule set, monthly report, example ledger generator, the "
    "conformance kit's tests, README) into DIR; it passes its own tests as written. Then: "
    'cd socialwork-NAME && pip install -e ".[test]" && python -m pytest (a socialwork-core '
    "installed from a checkout rather than a package index: pip install -e CHECKOUT first, in "
    "the same environment)."
)
"""Said under the command's summary in ``socialwork new-adapter --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork new-adapter``."""
    parser.add_argument("name", metavar="NAME", help="the region code in lower case, e.g. sichuan")
    parser.add_argument(
        "--province",
        default=DEFAULT_PROVINCE,
        help="the region's Chinese name, e.g. Sichuan's (default: a placeholder to change)",
    )
    parser.add_argument(
        "--division", default="99", help="its GB/T 2260 division code prefix, e.g. 51"
    )
    parser.add_argument(
        "-o", "--directory", default=".", metavar="DIR", help="where to write it (default: here)"
    )
    common_options(parser)


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork new-adapter NAME [--province 四川省 --division 51] [-o DIR]``."""
    try:
        root = write_adapter(
            args.name, province=args.province, division=args.division, directory=args.directory
        )
    except ScaffoldError as exc:
        raise CliError(
            "cli.scaffold_refused", EXIT_USAGE, problem=str(exc), code=exc.code
        ) from None
    console.done()
    if console.json_output:
        console.emit_json({"adapter": args.name, "path": str(root)})
    else:
        console.out(str(root))
    console.note("cli.adapter_written", path=str(root))
    source = core_source()
    if source is not None:
        # The package pins socialwork-core; from a checkout, pip would look for it on the index.
        console.note("cli.adapter_core_local", source=source)
    return EXIT_OK
