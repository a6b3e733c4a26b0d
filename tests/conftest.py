"""Shared test settings. Hypothesis profiles: ``ci`` (default, bounded) and ``dev``."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _load_fixture_module(name: str) -> ModuleType:
    """``tests/fixtures/NAME.py`` as the module ``NAME``, importable by any test (the tests are
    not a package: ``--import-mode=importlib``)."""
    path = Path(__file__).parent / "fixtures" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


hostile_files: ModuleType = _load_fixture_module("hostile_files")
"""Builders of hand-made hostile files (``tests/fixtures/hostile_files.py``), for any test."""

_load_fixture_module("workbooks")  # ``from workbooks import workbook``: the shared small factory
_load_fixture_module("compound_file")  # ``from compound_file import …``: an .xls's container
_load_fixture_module("report_json")  # ``from report_json import figures``: a report's figures


@pytest.fixture(scope="session")
def hostile() -> ModuleType:
    """The hostile-file builders and ``measure_load``."""
    return hostile_files
