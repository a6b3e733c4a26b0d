"""Options several commands take (ledger files, ``--as-of``, ``--format``, the people lists').

A command's own options live with it, in ``cli/commands/<name>.py``.
"""

from __future__ import annotations

import argparse


def common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text tables for people (default) or one JSON document on stdout for programs",
    )


def ledger_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ledger",
        metavar="LEDGER",
        nargs="+",
        help=(
            "the ledger workbook (.xlsx, .xls, .ods); several files and folders (read "
            "recursively) are read as one county or city ledger"
        ),
    )
    ledger_settings(parser)


def ledger_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--adapter",
        metavar="NAME",
        help="the adapter whose layout the ledger uses (default: detected from the headers)",
    )
    parser.add_argument(
        "--station",
        metavar="CODE_OR_NAME",
        help="the station of records that name none (no station column, worker or unit line)",
    )
    parser.add_argument(
        "--stations",
        metavar="FILE",
        help="a station list (code and name columns) to resolve stations written by name",
    )
    parser.add_argument(
        "--mapping",
        metavar="FILE.toml",
        help="a mapping file (from socialwork map, edited) that says how sheets, columns and "
        "words are read",
    )
    parser.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help="files read at once, in as many processes (default: the CPUs)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read the files on a Dask cluster, e.g. tcp://10.0.0.5:8786 (the dask extra)",
    )


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", metavar="DATE", help="the date to compute for, e.g. 2023-03-31 (default: today)"
    )


def people_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="also write the table to FILE (.xlsx or .json)"
    )
    parser.add_argument(
        "--full-names", action="store_true", help="print full names (default: masked)"
    )
    parser.add_argument(
        "--alert", action="append", metavar="FILE", help="an alert file (JSON); repeatable"
    )
    parser.add_argument(
        "--internal",
        action="store_true",
        help=(
            "a list for the station's own staff: full names, phone numbers, addresses, villages "
            "and the last contact, titled for internal use (default: masked)"
        ),
    )
