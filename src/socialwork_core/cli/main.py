"""The argument parser and the entry point ``main(argv) -> int``."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
import threading
import traceback
from collections.abc import Sequence
from datetime import date
from typing import NoReturn, TextIO

from .. import __version__
from ..findings import FindingError
from ..glossary import cli_text
from .commands import COMMANDS
from .console import CliError, Console
from .session import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from .text import COMMAND_SUMMARIES_EN, EXIT_CODES_EN, bilingual

__all__ = ["build_parser", "main"]

DEBUG_ENV = "SOCIALWORK_DEBUG"
"""Set to 1 to see the traceback of an internal error."""

_DETAILS = {
    "validate": (
        "Without --issues-out, the issues workbook is written beside the ledger as "
        "<name>_issues.xlsx when the ledger has errors. The records are also checked at the "
        "--as-of date: category rules (an orphan aged 18, an advanced-age elder under 80 ...), sex "
        "and birth date against the ID number, and the adapter's own checks; these are warnings at "
        "the person's row and refuse nothing."
    ),
    "grade": "Names are masked (family name and *) unless --full-names is given.",
    "due": (
        "Lists what needs action (never contacted, overdue, due soon) unless --all is given. "
        "An alert file is JSON: one alert or a list, in the converter's form of "
        "socialwork_core.schedule.Alert, e.g. "
        '{"id": "HC-2023-01", "kind": "cold_wave", "start": "2023-01-12", "end": "2023-01-15", '
        '"village_codes": ["..."], "deadline_hours": 24}.'
    ),
    "report": (
        "PERIOD is 2023-03, 2023-Q1, 2023-H1, 2023, 2023-W47 or 2023-03-01..2023-03-31; "
        "-o takes .xlsx (the styled form) or .json (the same figures). "
        "Personal data is masked in the report."
    ),
    "template": (
        "Writes every sheet of the adapter's ledger format with the headers convert and the "
        "library write, drop-down lists for coded columns, ID and phone columns formatted as text, "
        "and an instructions sheet explaining each column. Without --adapter, the national default "
        "adapter's layout."
    ),
    "convert": (
        "--to json writes the records in the converter's form (to stdout without -o); "
        "--to xlsx writes the ledger in --layout (default: its own). "
        "The output keeps full personal data: it is for use inside the station."
    ),
}


def _exit_codes_text() -> str:
    lines = [f"exit status / {cli_text.EXIT_HEADING}:"]
    for status, meaning in cli_text.EXIT_CODES.items():
        lines.append(f"  {status}  {EXIT_CODES_EN[status]} / {meaning}")
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage problems as a :class:`CliError` (exit 2), in both languages."""

    command_hint = ""
    """The command named on the line, for the top parser's errors (``unrecognized arguments``)."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.split(" ", 1)[1] if " " in self.prog else self.command_hint
        raise usage_error(message, command)


_REQUIRED = re.compile(r"the following arguments are required: (.+)")
_UNRECOGNISED = re.compile(r"unrecognized arguments: (.+)")
_CHOICE = re.compile(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.+)\)")
_ONE_VALUE = re.compile(r"argument (\S+): expected one argument")
_AMBIGUOUS = re.compile(r"ambiguous option: (\S+) could match (.+)")


def _names(text: str) -> str:
    """argparse's list of argument names, each with what it means in Chinese: 台账文件（LEDGER）."""
    named = []
    for name in (part.strip() for part in text.split(",")):
        meaning = cli_text.ARGUMENT_NAMES.get(name)
        named.append(
            cli_text.NAMED_ARGUMENT.format(meaning=meaning, name=name) if meaning else name
        )
    return cli_text.LIST_JOINER.join(named)


def usage_error(message: str, command: str) -> CliError:
    """argparse's English complaint as a usage error wholly in Chinese, with its English twin."""
    help_command = f"socialwork {command} --help" if command else "socialwork --help"
    found = _REQUIRED.fullmatch(message)
    if found:
        return CliError(
            "cli.usage_required",
            EXIT_USAGE,
            names=_names(found[1]),
            help=help_command,
            names_en=found[1],
        )
    found = _UNRECOGNISED.fullmatch(message)
    if found:
        return CliError("cli.usage_unrecognised", EXIT_USAGE, args=found[1], help=help_command)
    found = _CHOICE.fullmatch(message)
    if found:
        listed = [c.strip().strip("'") for c in found[3].split(",")]
        return CliError(
            "cli.usage_choice",
            EXIT_USAGE,
            option=_names(found[1]),
            option_en=found[1],
            value=found[2],
            choices=cli_text.LIST_JOINER.join(listed),
            choices_en=", ".join(listed),
            help=help_command,
        )
    found = _ONE_VALUE.fullmatch(message)
    if found:
        return CliError(
            "cli.usage_value_missing",
            EXIT_USAGE,
            option=_names(found[1]),
            option_en=found[1],
            help=help_command,
        )
    found = _AMBIGUOUS.fullmatch(message)
    if found:
        return CliError(
            "cli.usage_ambiguous", EXIT_USAGE, option=found[1], matches=found[2], help=help_command
        )
    return CliError("cli.usage", EXIT_USAGE, problem_en=message, help=help_command)


def _help(name: str) -> str:
    return f"{COMMAND_SUMMARIES_EN[name]} / {cli_text.COMMAND_SUMMARIES[name]}"


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text tables for people (default) or one JSON document on stdout for programs",
    )


def _ledger_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ledger",
        metavar="LEDGER",
        nargs="+",
        help=(
            "the ledger workbook (.xlsx, .xls, .ods); several files and folders (read "
            "recursively) are read as one county or city ledger"
        ),
    )
    _ledger_settings(parser)


def _ledger_settings(parser: argparse.ArgumentParser) -> None:
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
        "--jobs",
        type=_positive,
        metavar="N",
        help="files read at once, in as many processes (default: the CPUs)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read the files on a Dask cluster, e.g. tcp://10.0.0.5:8786 (the dask extra)",
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _as_of_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of", metavar="DATE", help="the date to compute for, e.g. 2023-03-31 (default: today)"
    )


def _people_options(parser: argparse.ArgumentParser) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    """The ``socialwork`` argument parser (every command, its options and exit codes)."""
    formatter = argparse.RawDescriptionHelpFormatter
    epilog = _exit_codes_text()
    parser = _Parser(
        prog="socialwork",
        description=(
            "Township social work station ledgers: check, grade, due list, reports, convert.\n"
            + cli_text.PROGRAM_SUMMARY
        ),
        epilog=epilog,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"socialwork-core {__version__}")

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str) -> argparse.ArgumentParser:
        detail = _DETAILS.get(name)
        description = _help(name) + (f"\n\n{detail}" if detail else "")
        return sub.add_parser(
            name,
            help=_help(name),
            description=description,
            epilog=epilog,
            formatter_class=formatter,
        )

    _common_options(add("adapters"))

    validate = add("validate")
    _ledger_options(validate)
    validate.add_argument(
        "--issues-out", metavar="FILE.xlsx", help="where to write the issues workbook"
    )
    _as_of_option(validate)
    _common_options(validate)

    grade = add("grade")
    _ledger_options(grade)
    _as_of_option(grade)
    _people_options(grade)
    _common_options(grade)

    due = add("due")
    _ledger_options(due)
    _as_of_option(due)
    _people_options(due)
    due.add_argument("--all", action="store_true", help="also list lines that are ok or suspended")
    _common_options(due)

    report = add("report")
    report.add_argument(
        "template", metavar="TEMPLATE", help="a report template, e.g. guangdong.monthly"
    )
    _ledger_options(report)
    report.add_argument("--period", required=True, metavar="PERIOD", help="the report period")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help=".xlsx or .json")
    _as_of_option(report)
    report.add_argument(
        "--unit",
        metavar="TEXT",
        help=f"{cli_text.OPTION_LABELS['unit']} (default: the ledger's township station)",
    )
    report.add_argument(
        "--preparer", default="", metavar="NAME", help=cli_text.OPTION_LABELS["preparer"]
    )
    report.add_argument(
        "--reviewer", default="", metavar="NAME", help=cli_text.OPTION_LABELS["reviewer"]
    )
    _common_options(report)

    convert = add("convert")
    _ledger_options(convert)
    convert.add_argument("--to", required=True, choices=("json", "xlsx"), help="the output kind")
    convert.add_argument(
        "--layout", metavar="FORMAT", help="for --to xlsx: the ledger format to write"
    )
    convert.add_argument("-o", "--output", metavar="FILE", help="the file to write")
    _common_options(convert)

    template = add("template")
    template.add_argument(
        "--adapter",
        metavar="NAME",
        help="the adapter whose layout to write (default: the national default adapter)",
    )
    template.add_argument(
        "--layout",
        metavar="FORMAT",
        help="one of the adapter's ledger formats (default: its first)",
    )
    template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="the file")
    _common_options(template)

    changes = add("changes")
    changes.add_argument("old", metavar="OLD", help="the earlier ledger: a file or a folder")
    changes.add_argument("new", metavar="NEW", help="the later ledger: a file or a folder")
    _ledger_settings(changes)
    changes.add_argument("--old-as-of", metavar="DATE", help="default: OLD's latest month's end")
    changes.add_argument("--new-as-of", metavar="DATE", help="default: NEW's latest month's end")
    changes.add_argument(
        "-o", "--output", metavar="FILE", help="also write the changes to FILE (.xlsx or .json)"
    )
    changes.add_argument(
        "--full-names", action="store_true", help="print full names (default: masked)"
    )
    _common_options(changes)
    return parser


def _wants_json(argv: Sequence[str]) -> bool:
    args = list(argv)
    return "--format=json" in args or any(
        a == "--format" and i + 1 < len(args) and args[i + 1] == "json" for i, a in enumerate(args)
    )


def _interrupted(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _end_like_ctrl_c() -> None:
    """SIGTERM and SIGHUP (a killed job, a closed terminal) end the command as Ctrl-C does, so
    the files being written are cleaned up on the way out (``tabular.writer.scratch_folder``,
    ``atomic_path``) instead of left in the temporary folder."""
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _interrupted)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    today: date | None = None,
) -> int:
    """Run ``socialwork`` with ``argv`` (default: the process arguments); return the exit status.

    ``stdout``, ``stderr`` and ``today`` default to the process streams and the wall-clock date;
    tests and embedding programs may pass their own. Bad input never prints a traceback: it is a
    message in Chinese and English and exit status 1 or 2.
    """
    if argv is None:  # the process's own command, not a call from a program
        _end_like_ctrl_c()
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    console = Console(out, err, json_output=_wants_json(args_list))
    parser = build_parser()
    assert isinstance(parser, _Parser)
    parser.command_hint = next((a for a in args_list if a in COMMANDS), "")
    try:
        try:
            # argparse prints --help and --version on sys.stdout: send them to our stream.
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        console.json_output = getattr(args, "format", "text") == "json"
        command = COMMANDS[args.command]
        try:
            return command(args, console, today if today is not None else date.today())
        except FindingError as exc:
            # a value the input gave that cannot be accepted at all (an as-of date before any
            # rule set takes effect): the user's to mend, not a bug
            problem = cli_text.REASON_JOINER.join(f.message for f in exc.findings)
            raise CliError("cli.input_refused", EXIT_USAGE, problem=problem) from exc
    except CliError as exc:
        console.done()
        if console.json_output:
            console.emit_json(
                {"error": {"code": exc.code, "exit_status": exc.exit_status, "message": str(exc)}}
            )
        console.error(str(exc))
        return exc.exit_status
    except BrokenPipeError:
        # The reader of stdout went away (``socialwork due … | head``): not an error of ours.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        console.done()
        return 130
    except Exception as exc:
        console.done()
        if os.environ.get(DEBUG_ENV):
            traceback.print_exc(file=err)
        console.error(bilingual("cli.internal_error", problem=f"{type(exc).__name__}: {exc}"))
        return EXIT_INTERNAL
