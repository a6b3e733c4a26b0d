"""Which files a roll-up reads: the files named, and every ledger file inside the folders named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..tabular.sources import WORKBOOK_SUFFIXES

__all__ = ["ISSUES_SUFFIX", "ledger_files"]

ISSUES_SUFFIX = "_issues"
"""The issues workbook ``socialwork validate`` writes beside a ledger (``<name>_issues.xlsx``):
a folder's roll-up skips it, it is no ledger."""


def _is_ledger(path: Path) -> bool:
    name = path.name
    return (
        path.suffix.lower() in WORKBOOK_SUFFIXES
        and not name.startswith(("~$", ".~lock", "."))  # Excel's and LibreOffice's lock files
        and not path.stem.endswith(ISSUES_SUFFIX)
    )


def ledger_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to read, in a stable order: each file named (whatever its kind: the reader says
    what is wrong with it), then for each folder every workbook inside it, recursively, sorted by
    path. A file named twice is read once. A folder holds workbooks only (.xlsx, .xlsm, .xls,
    .ods); a CSV ledger is named as a file."""
    found: dict[Path, None] = {}
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for inside in sorted(p for p in path.rglob("*") if p.is_file() and _is_ledger(p)):
                found.setdefault(inside, None)
        else:
            found.setdefault(path, None)
    return list(found)
