"""Running the ``socialwork`` command in-process through ``main(argv)``."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from socialwork_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
BUILT_IN = {"national", "guangdong", "henan", "anhui"}
TODAY = date(2023, 4, 10)
"""What the tests pass as the wall-clock date (the command's default ``--as-of``)."""


@attrs.frozen
class Run:
    status: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run_command(*argv: str | Path, tty: bool = False) -> Run:
    out = io.StringIO()
    err: io.StringIO = Terminal() if tty else io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err, today=TODAY)
    result = Run(status, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.err, result.err
    return result


@pytest.fixture
def run() -> Callable[..., Run]:
    return run_command


def example(region: str) -> Path:
    return DATA / f"{region}_example_ledger.xlsx"
