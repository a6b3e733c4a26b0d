"""A record kind kept over several sheets: the register split by category (低保户, 特困人员,
留守儿童 …) or by village, the visits split by month (1月走访, 2月走访 …).

After the best sheet of a kind (``read_table``) is read, every other visible sheet not read as
another kind is a further sheet of the same kind when it holds the kind's required columns and

- it is the same table continued (its header gives at least ``SAME_TABLE`` of the fields the
  first sheet's header gives), or, for the register, its name reads as a category (the category
  then goes to each person the sheet leaves without one: ``sheet_names``);
- it does not look like another kind's table more than the first sheet does: a sheet holding the
  required columns of another kind of the layout (a visit log's date beside its 姓名) is taken
  only when the first sheet holds them too (a one-sheet log continued month by month);
- for the register, its name does not name another year than the first sheet's (2023年 beside
  2024年: the older register is superseded, not read, and a finding says so; visits of another
  year are read), nor call it a copy (名单备份, 旧名单, Excel's
  花名册 (2): each person on it would be a duplicate).

The register's first sheet is the latest year's: where the sheet found best names a year and a
sheet of the same table names a later one, that one is read first (``later_year_sheet``), said by
``ledger.later_year_sheet_read``, whatever the order of the sheets.

A sheet the layout names for the kind (服务对象 in the national layout) is the whole of it: the
layout says where its table is, and a sheet beside it is a copy or another table.

Nothing is taken silently: each further sheet read, and each one passed over for its year, has
its finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from ..findings import Finding
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from ..tabular import Issue, WorkbookError
from ..tabular.reader import named_sheet, sheet_fields
from ..tabular.spec import TableSpec
from .format import LedgerFormat, RecordKind, SheetFormat
from .sheet_names import category_of_sheet

__all__ = ["SAME_TABLE", "further_sheets", "later_year_sheet", "named_for_others"]

SAME_TABLE: Final = 0.8
"""The share of the first sheet's fields a sheet's header must give to continue its table."""


def named_for_others(workbook: Any, fmt: LedgerFormat, sheet: SheetFormat) -> list[str]:
    """The workbook's sheets that another kind of the layout names (活动 for activities): never
    searched by headers for this kind, so a ledger without visits keeps its activities."""
    own = set(sheet.sheet_names)
    names = (named_sheet(workbook, other.sheet_names) for other in fmt.sheets if other is not sheet)
    return [name for name in names if name is not None and name not in own]


def _year(name: str) -> str | None:
    found = words.SHEET_NAME_YEAR.search(name)
    return found.group(1) if found else None


def further_sheets(
    workbook: Any,
    kind: RecordKind,
    spec: TableSpec,
    first: str,
    skip: Iterable[str],
    others: Sequence[TableSpec],
) -> tuple[list[str], list[Issue]]:
    """The sheets that continue ``kind``'s table begun on the sheet ``first`` (in workbook order)
    and the findings on sheets passed over for their year. ``skip``: sheets read or named as
    another kind; ``others``: the other kinds' tables of the layout."""
    skipped = set(skip) | {first}
    candidates = [
        name
        for name in workbook.sheet_names
        if name not in skipped and name not in workbook.hidden_sheets
    ]
    if not candidates:
        return [], []
    try:
        first_fields = sheet_fields(workbook, spec, first)
    except WorkbookError:
        return [], []
    if first_fields is None:
        return [], []
    first_year = _year(first)
    first_holds = {id(other) for other in others if _holds(workbook, other, first)}
    found: list[str] = []
    issues: list[Issue] = []
    for name in candidates:
        try:
            fields = sheet_fields(workbook, spec, name)
        except WorkbookError:
            continue  # a sheet that cannot be read is not this table (its kind reports it)
        if fields is None:
            continue
        continued = len(fields & first_fields) >= SAME_TABLE * len(first_fields)
        named = kind is RecordKind.RECIPIENTS and bool(category_of_sheet(spec, name))
        if not (continued or named):
            continue
        if any(id(other) not in first_holds and _holds(workbook, other, name) for other in others):
            continue  # more another kind's table than this one's
        if _copy(name):
            copy = Finding.of(
                "ledger.copy_sheet_skipped", Severity.INFO, kind=kind.label, sheet=name
            )
            issues.append(Issue(copy, name))
            continue
        year = _year(name)
        # a register of another year is superseded; visits of another year are history, read
        # (a report takes its own period from them, a visit rate its months across the new year)
        superseded = kind is RecordKind.RECIPIENTS and year is not None and year != first_year
        if first_year is not None and superseded:
            other_year = Finding.of(
                "ledger.other_year_sheet_skipped",
                Severity.INFO,
                kind=kind.label,
                sheet=name,
                read=first,
            )
            issues.append(Issue(other_year, name))
            continue
        found.append(name)
    return found, issues


def later_year_sheet(workbook: Any, spec: TableSpec, first: str, skip: Iterable[str]) -> str | None:
    """The visible sheet holding the same table as ``first`` (the register found best) under the
    latest year its name names, when that year is later than ``first``'s (2024年台账 beside
    2023年台账, in either order): the register is the latest year's, the older one superseded.
    ``None`` when ``first`` names no year or no sheet names a later one."""
    first_year = _year(first)
    if first_year is None:
        return None
    try:
        first_fields = sheet_fields(workbook, spec, first)
    except WorkbookError:
        return None
    if not first_fields:
        return None
    skipped = set(skip) | {first}
    best: tuple[int, str] | None = None
    for name in workbook.sheet_names:
        year = _year(name)
        if name in skipped or name in workbook.hidden_sheets or year is None or _copy(name):
            continue
        if int(year) <= int(first_year) or (best is not None and int(year) <= best[0]):
            continue
        try:
            fields = sheet_fields(workbook, spec, name)
        except WorkbookError:
            continue
        if fields is not None and len(fields & first_fields) >= SAME_TABLE * len(first_fields):
            best = (int(year), name)
    return best[1] if best is not None else None


def _copy(name: str) -> bool:
    return bool(words.SHEET_COPY_NUMBER.search(name)) or any(
        word in name for word in words.SHEET_COPY_WORDS
    )


def _holds(workbook: Any, spec: TableSpec, name: str) -> bool:
    try:
        return sheet_fields(workbook, spec, name) is not None
    except WorkbookError:
        return False
