"""The ``socialwork`` command: a thin layer over the public API.

Commands (``socialwork COMMAND --help`` for each)::

    socialwork adapters
    socialwork validate LEDGER [--adapter NAME] [--issues-out FILE.xlsx]
    socialwork grade LEDGER [--as-of DATE] [--alert FILE] [-o FILE]
    socialwork due LEDGER [--as-of DATE] [--alert FILE] [--all] [-o FILE]
    socialwork report TEMPLATE LEDGER --period PERIOD -o FILE.xlsx [--as-of DATE] [--unit TEXT]
    socialwork convert LEDGER --to json|xlsx [--layout FORMAT] [-o FILE]

Every command takes ``--format json`` (one JSON document on stdout) and ``--adapter NAME``
where it reads a ledger; without it the adapter is detected from the ledger's headers and the
command says which it chose (on stderr). Exit status: 0 ok; 1 the ledger has errors (rows were
refused; any output covers the accepted rows); 2 a usage problem or a file that cannot be read
or written; 3 an internal error. Bad input never prints a traceback. Progress is shown on stderr
only when it is a terminal.

This is the only part of the library that reads the wall clock: ``--as-of`` defaults to today.
Programs can call :func:`main` with an argument list and get the exit status back.
"""

from __future__ import annotations

from .main import build_parser, main
from .session import EXIT_DATA, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_DATA", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]
