"""MkDocs hooks (``hooks:`` in mkdocs.yml): pages that come from files outside ``docs/``.

- ``changelog.md`` is ``CHANGELOG.md`` at the repository's root, one text for the sdist and the site;
  a page links to it as ``../CHANGELOG.md`` (right on the repository too) and the link is pointed at
  the site's page.
- A page may link to a repository file outside ``docs/`` (an adapter's ``plugin.py``, an example
  script). Such a file is copied into the site under ``repository/`` and the link points there, so
  the link works on the built site. A link to a file that does not exist, to a folder or to a
  markdown file outside ``docs/`` (it would be a page outside the navigation) is left as written,
  and ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
COPIED = "repository"
PAGES_FROM_ROOT = {"CHANGELOG.md": "changelog.md"}
"""Markdown files outside ``docs/`` that the site shows as pages: repository path → page."""

_LINK = re.compile(r"\]\((?P<target>(?:\.\./)+[^)#\s]+)(?P<anchor>#[^)\s]*)?\)")


def _outside_target(page_src: str, target: str) -> str | None:
    """The repository file a link from ``page_src`` points at, if it leaves ``docs/`` for a file
    that exists and is not markdown."""
    joined = posixpath.normpath(posixpath.join("docs", posixpath.dirname(page_src), target))
    if joined.startswith(("docs/", "..")) or joined.endswith(".md"):
        return None
    return joined if (ROOT / joined).is_file() else None


def on_files(files: Files, config: Any) -> Files:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    files.append(File.generated(config, PAGES_FROM_ROOT["CHANGELOG.md"], content=changelog))
    wanted: set[str] = set()
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        for match in _LINK.finditer(text):
            outside = _outside_target(file.src_uri, match["target"])
            if outside is not None:
                wanted.add(outside)
    for path in sorted(wanted):
        content = (ROOT / path).read_bytes()
        files.append(File.generated(config, f"{COPIED}/{path}", content=content))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    def relink(match: re.Match[str]) -> str:
        here = posixpath.dirname(page.file.src_uri)
        joined = posixpath.normpath(posixpath.join("docs", here, match["target"]))
        if joined in PAGES_FROM_ROOT:
            new = posixpath.relpath(PAGES_FROM_ROOT[joined], here or ".")
            return f"]({new}{match['anchor'] or ''})"
        outside = _outside_target(page.file.src_uri, match["target"])
        if outside is None:
            return match[0]
        new = posixpath.relpath(f"{COPIED}/{outside}", here or ".")
        return f"]({new}{match['anchor'] or ''})"

    return _LINK.sub(relink, markdown)
