"""The kit's pytest plugin, opt-in: ``pytest_plugins = ["socialwork_core.testing.plugin"]`` in the
adapter's root ``conftest.py`` (or ``-p socialwork_core.testing.plugin``).

It adds a header line naming every adapter loaded (name, version, distribution) so a failing run
shows which copy was tested, and session fixtures: ``socialwork_plugins`` (the plugins, loaded
once) and ``socialwork_synthetic_ledger`` (a made-up ledger for a format).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ..ledger import Ledger, LedgerFormat
from ..plugins import Plugins, load_plugins
from .synthetic import synthetic_ledger


def pytest_report_header(config: pytest.Config) -> list[str]:
    plugins = load_plugins()
    adapters = ", ".join(
        f"{a.name} {a.version or '?'} ({a.origin.distribution or a.origin.module})"
        for a in plugins.adapters()
    )
    lines = [f"socialwork_core adapters: {adapters or 'none'}"]
    lines += [f"socialwork_core load problem: {p.plugin}: {p.code}" for p in plugins.problems]
    return lines


@pytest.fixture(scope="session")
def socialwork_plugins() -> Plugins:
    """Every installed plugin, loaded through the entry points."""
    return load_plugins()


@pytest.fixture(scope="session")
def socialwork_synthetic_ledger() -> Callable[..., Ledger]:
    """``make(fmt, **options)``: :func:`socialwork_core.testing.synthetic_ledger`."""

    def make(fmt: LedgerFormat, **options: Any) -> Ledger:
        return synthetic_ledger(fmt, **options)

    return make
