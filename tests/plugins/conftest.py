"""Fixtures for plugin tests: throwaway plugins installed as fake distributions.

A fake distribution is a ``<name>-<version>.dist-info`` folder (METADATA + entry_points.txt) and a
plugin module in a temporary folder put on ``sys.path``: ``importlib.metadata`` finds it exactly as
it finds a package installed with pip, so the plugin is discovered through its entry point.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

InstallPlugin = Callable[..., str]


@pytest.fixture
def install_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[InstallPlugin]:
    """Install a fake distribution declaring one ``socialwork_core`` entry point.

    ``install_plugin(entry_name, source, distribution="socialwork-x", version="1.0")`` writes
    ``source`` as the module the entry point names and returns the module name.
    """
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    modules: list[str] = []

    def install(
        entry_name: str, source: str, *, distribution: str = "", version: str = "1.0"
    ) -> str:
        dist = distribution or f"socialwork-test-{entry_name}".replace("_", "-")
        module = f"{dist.replace('-', '_')}_plugin"
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[socialwork_core]\n{entry_name} = {module}\n", encoding="utf-8"
        )
        modules.append(module)
        return module

    yield install
    for module in modules:
        sys.modules.pop(module, None)
