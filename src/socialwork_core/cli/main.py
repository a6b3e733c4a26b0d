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
from .commands import COMMANDS, MODULES
from .console import CliError, Console
from .session import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from .text import COMMAND_SUMMARIES_EN, EXIT_CODES_EN, bilingual

__all__ = ["build_parser", "main"]

DEBUG_ENV = "SOCIALWORK_DEBUG"
"""Set to 1 to see the traceback of an internal error."""


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

    def add(name: str, detail: str) -> argparse.ArgumentParser:
        description = _help(name) + (f"\n\n{detail}" if detail else "")
        return sub.add_parser(
            name,
            help=_help(name),
            description=description,
            epilog=epilog,
            formatter_class=formatter,
        )

    for module in MODULES:
        module.add_arguments(add(module.NAME, module.DETAILS))
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
