"""The one distribution ships the core and every adapter as top-level, typed packages."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
WHEEL = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]


def package_dirs() -> list[Path]:
    adapters = sorted(p.parent for p in (ROOT / "src" / "adapters").glob("*/__init__.py"))
    return [ROOT / "src" / "socialwork_core", *adapters]


def test_every_package_is_shipped_top_level() -> None:
    for package in package_dirs():
        relative = package.relative_to(ROOT).as_posix()
        assert relative in WHEEL["only-include"], relative
        assert WHEEL["sources"][relative] == package.name, relative


def test_every_adapter_is_named_socialwork_region_and_registered_by_entry_point() -> None:
    entry_points = PYPROJECT["project"]["entry-points"]["socialwork_core"]
    for package in package_dirs()[1:]:
        assert package.name.startswith("socialwork_")
        region = package.name.removeprefix("socialwork_")
        assert entry_points[region] == f"{package.name}.plugin"


def test_every_package_is_marked_typed() -> None:
    for package in package_dirs():
        assert (package / "py.typed").is_file(), package


def test_runtime_dependencies_carry_version_ranges() -> None:
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert ">=" in requirement and "<" in requirement, requirement


def test_the_version_is_written_in_one_place() -> None:
    """pyproject.toml reads the version from the core's ``__version__``; the built-in adapters,
    shipped in the same distribution, take it from there too."""
    import importlib

    import socialwork_core

    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/socialwork_core/__init__.py"
    for package in package_dirs()[1:]:
        adapter = importlib.import_module(package.name)
        assert adapter.__version__ == socialwork_core.__version__, package.name


def test_the_installed_distribution_has_the_version_of_the_source() -> None:
    from importlib.metadata import version

    import socialwork_core

    assert version("socialwork-core") == socialwork_core.__version__


def test_the_sdist_carries_the_license_and_the_changelog() -> None:
    sdist = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert {"LICENSE", "CHANGELOG.md", "README.md"} <= set(sdist)
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["license"] == "MIT"


def test_importing_the_package_does_not_load_the_excel_machinery() -> None:
    import subprocess
    import sys

    code = "import sys, socialwork_core; print('openpyxl' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
