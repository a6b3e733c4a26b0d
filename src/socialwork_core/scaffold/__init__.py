"""A new adapter package, written from a template (``socialwork new-adapter NAME``).

:func:`write_adapter` writes an installable package for a region: pyproject with the
``socialwork_core`` entry point, the region, a ledger format built on the national sheets, a local
category, a rule set (the ledger's own level honoured, a two-month visit policy), a monthly report
with its groups and a per-station table, an example ledger generator, the conformance kit's test
file, a README and a ``.gitignore``. It passes its own tests as written, so a regional team starts from green and
changes what differs. The template files are in ``scaffold/template/`` (``$name`` style fields).
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shlex
from importlib import resources
from pathlib import Path
from string import Template
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from .. import __version__
from ..glossary.messages import render_message
from ..glossary.scaffold_text import PROVINCE_SUFFIXES

__all__ = ["ScaffoldError", "adapter_files", "core_source", "source_of", "write_adapter"]

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
_DIVISION = re.compile(r"^\d{2}(\d{2}){0,2}$")

_LAYOUT: dict[str, str] = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "src/socialwork_$name/__init__.py": "__init__.py.tmpl",
    "src/socialwork_$name/py.typed": "",
    "src/socialwork_$name/region.py": "region.py.tmpl",
    "src/socialwork_$name/categories.py": "categories.py.tmpl",
    "src/socialwork_$name/formats.py": "formats.py.tmpl",
    "src/socialwork_$name/rules.py": "rules.py.tmpl",
    "src/socialwork_$name/reports.py": "reports.py.tmpl",
    "src/socialwork_$name/plugin.py": "plugin.py.tmpl",
    "examples/make_example_ledger.py": "make_example_ledger.py.tmpl",
    "tests/test_conformance.py": "test_conformance.py.tmpl",
    "tests/test_example.py": "test_example.py.tmpl",
    ".gitignore": "gitignore.tmpl",
}
"""Path in the new package → template file (empty: an empty file)."""


class ScaffoldError(ValueError):
    """The name, province or division code cannot make an adapter, or its folder exists; the
    message (Chinese, from ``glossary/messages/scaffold.py``) says why."""

    def __init__(self, code: str, /, **params: str) -> None:
        self.code = code
        self.params = params
        super().__init__(render_message(code, **params))


def _core_requirement() -> str:
    major, minor = (int(p) for p in __version__.split(".")[:2])
    if major == 0:
        return f"socialwork-core>={major}.{minor},<{major}.{minor + 1}"
    return f"socialwork-core>={major}.{minor},<{major + 1}"


def _short(province: str) -> str:
    """四川省 → 四川, 广西壮族自治区 → 广西, 北京市 → 北京 (the name ledgers put in titles)."""
    for suffix in PROVINCE_SUFFIXES:
        if province.endswith(suffix) and len(province) > len(suffix):
            return province[: -len(suffix)]
    return province


def adapter_files(name: str, *, province: str, division: str) -> dict[str, str]:
    """Path within the package → text, for the adapter ``name``."""
    if not _NAME.match(name) or name == "national":
        raise ScaffoldError("scaffold.bad_name", name=name)
    if not _DIVISION.match(division):
        raise ScaffoldError("scaffold.bad_division", division=division)
    if not re.search(r"[\u3400-\u9fff]", province):
        raise ScaffoldError("scaffold.bad_province", province=province)
    fields = {
        "name": name,
        "Title": "".join(part.capitalize() for part in name.split("_")),
        "province": province,
        "short": _short(province),
        "division": division,
        "core_requirement": _core_requirement(),
    }
    folder = resources.files(__package__).joinpath("template")
    files = {}
    for path, template in _LAYOUT.items():
        text = folder.joinpath(template).read_text(encoding="utf-8") if template else ""
        files[Template(path).substitute(fields)] = Template(text).substitute(fields)
    return files


def write_adapter(name: str, *, province: str, division: str, directory: str | Path = ".") -> Path:
    """Write the package ``socialwork-<name>`` into ``directory`` and return its folder.

    :raises ScaffoldError: a bad name, province or division code, or the folder exists already
        (nothing is overwritten).
    """
    files = adapter_files(name, province=province, division=division)
    root = Path(directory) / f"socialwork-{name}"
    if root.exists():
        raise ScaffoldError("scaffold.exists", path=str(root))
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def source_of(direct_url: str | None) -> str | None:
    """What ``pip install`` needs to install a distribution again from where it came, given its
    PEP 610 ``direct_url.json``: ``-e DIR`` for an editable checkout, the path of a local folder
    or file; ``None`` for one from a package index (no such file) or a remote URL."""
    if not direct_url:
        return None
    try:
        data = json.loads(direct_url)
    except ValueError:
        return None
    url = data.get("url", "") if isinstance(data, dict) else ""
    if not url.startswith("file:"):
        return None
    path = shlex.quote(url2pathname(unquote(urlparse(url).path)))
    editable = isinstance(data.get("dir_info"), dict) and data["dir_info"].get("editable", False)
    return f"-e {path}" if editable else path


def core_source() -> str | None:
    """``source_of`` this socialwork-core: set when it was installed from a checkout or a local
    file, which the new adapter's ``pip install`` cannot find on a package index."""
    try:
        dist = importlib.metadata.distribution("socialwork-core")
    except importlib.metadata.PackageNotFoundError:
        return None
    return source_of(dist.read_text("direct_url.json"))
