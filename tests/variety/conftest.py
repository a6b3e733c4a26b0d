"""Every style is written once per test session, into a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .generate import write_styles


@pytest.fixture(scope="session")
def variety_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("variety")
    write_styles(out)
    return out


def keys_in(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.key.json"))]
