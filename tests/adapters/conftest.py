"""Fixtures for the built-in adapters' tests: the plugins as installed, and each example ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialwork_core.ledger import LoadResult
from socialwork_core.plugins import Plugins, load_plugins

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REGIONS = ("national", "guangdong", "henan", "anhui")


def example_path(region: str) -> Path:
    return EXAMPLES / "data" / f"{region}_example_ledger.xlsx"


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    return load_plugins(environ={})


@pytest.fixture(scope="session")
def loaded(plugins: Plugins) -> dict[str, LoadResult]:
    """Each example ledger read with its own adapter's format, as the CLI reads it."""
    results = {}
    for region in REGIONS:
        (fmt,) = plugins.ledger_formats_for_region(region)
        results[region] = plugins.load_ledger(example_path(region), fmt)
    return results
