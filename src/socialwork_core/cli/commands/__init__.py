"""The commands, one module each: its name, its help text, its options and ``run``.

Each ``cli/commands/<name>.py`` holds everything of one command (``NAME``, ``DETAILS``,
``add_arguments(parser)``, ``run(args, console, today) -> exit status``); adding a command is a
module here, a line in :data:`MODULES`, and its summary and messages in the glossary
(``glossary/cli_text.py``, ``glossary/messages/cli.py``) and ``cli/text.py``. Every command is thin:
it calls the public API (``plugins``, ``ledger``, ``grading``, ``schedule``, ``periods``,
``reports``) and prints what came back.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from types import ModuleType

from ..console import Console
from . import (
    adapters,
    changes,
    convert,
    due,
    grade,
    map,
    new_adapter,
    report,
    template,
    validate,
)

__all__ = ["COMMANDS", "MODULES", "Command"]

Command = Callable[[argparse.Namespace, Console, date], int]

MODULES: tuple[ModuleType, ...] = (
    adapters,
    validate,
    grade,
    due,
    report,
    convert,
    template,
    changes,
    new_adapter,
    map,
)
"""The commands in the order ``socialwork --help`` lists them."""

COMMANDS: dict[str, Command] = {module.NAME: module.run for module in MODULES}
"""Command name → its ``run``."""
