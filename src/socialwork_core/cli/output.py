"""What the commands share about their output: files they may write, records as JSON data."""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cattrs

from .. import serialize
from ..ledger import Ledger, RecordKind
from ..reports import (
    PeopleNames,
    mask_text,
)
from ..rollup import ledger_files
from ..tabular import (
    Issue,
    write_text_atomic,
)
from .console import CliError, Console
from .session import (
    EXIT_USAGE,
)

MONTH_DAYS = 31
"""The period a ledger's last record may lie behind --as-of before the command warns: a month,
the shortest visit cycle (a report's own period when longer)."""


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: the same path once links are resolved, or (both
    existing) the same file on disk, as a hard link is."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def writable(path: Path, allowed: Sequence[str], inputs: Sequence[str | Path] = ()) -> Path:
    """``path`` checked as an output before any work: never one of ``inputs`` (the ledger, an
    alert file), never a folder, of an allowed type, its folder made."""
    for given in inputs:
        if same_file(path, Path(given)):
            raise CliError("cli.output_is_input", EXIT_USAGE, path=str(path), input=str(given))
    if path.is_dir():
        raise CliError("cli.output_is_directory", EXIT_USAGE, path=str(path))
    if path.suffix.lower() not in allowed:
        raise CliError(
            "cli.unsupported_output", EXIT_USAGE, path=str(path), allowed=", ".join(allowed)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError("cli.output_unwritable", EXIT_USAGE, path=str(path), problem=exc) from None
    return path


def inputs_of(args: argparse.Namespace) -> list[Path]:
    """A command's input files: every ledger file (folders opened) and alert file."""
    return [*ledger_files(args.ledger), *map(Path, getattr(args, "alert", None) or ())]


def write_file(console: Console, path: Path, write: Callable[[], object]) -> None:
    console.progress("cli.progress.writing", path=str(path))
    try:
        write()
    except OSError as exc:
        raise CliError(
            "cli.output_unwritable", EXIT_USAGE, path=str(path), problem=exc.strerror or exc
        ) from None


def write_text(console: Console, path: Path, text: str) -> None:
    """Write ``text`` (a JSON document) to ``path`` as UTF-8, with a final newline."""
    write_file(console, path, lambda: write_text_atomic(path, text + "\n"))


@functools.cache
def records_converter() -> cattrs.Converter:
    return serialize.make_converter()


def record_data(record: object) -> dict[str, Any]:
    """A record as the library's converter writes it (the JSON the command prints is the records'
    own form, not a second one kept by hand beside them)."""
    data: dict[str, Any] = records_converter().unstructure(record)
    return data


def both(label: str, code: str) -> str:
    return f"{label} {code}"


def issue_data(issue: Issue, names: PeopleNames | None = None) -> dict[str, Any]:
    """An issue for stdout: ID and phone numbers in it masked, and the ``names`` given (the
    ledger's people) shortened; the issues workbook, a file for the station itself, keeps them
    whole so the row can be found and fixed."""
    place = {key: value for key, value in record_data(issue).items() if key != "finding"}
    people = names if names is not None else PeopleNames.of(())
    return {
        **place,
        "raw": mask_text(issue.raw, people),
        "code": issue.code,
        "severity": issue.severity.value,
        "message": mask_text(issue.message, people),
    }


def record_counts(ledger: Ledger) -> dict[str, int]:
    """How many records of each kind the ledger holds."""
    return {kind.value: len(ledger.records(kind)) for kind in RecordKind}
