"""A register status written as a remark in the name (张三（已故）, 李四(已迁出), 王五（注销）).

Registers without a 人员状态 column mark the dead and the moved away in the name cell. The person
is linked by the name without its remark already (``building.PeopleIndex``); here the remark is
read as the 人员状态 column would read it (``glossary.meaning.status_of``), so a person the
register says left it is not due a visit, with an info at the name cell. A remark that is no
status (户主, 低保户) says nothing of it.

The row's own 人员状态 cell, when it holds a readable word, wins: the remark changes nothing, and
a remark saying otherwise is a warning at the name cell.

Only people whose name carries a bracketed remark are looked at (the register's index keeps
them as it reads: ``PeopleIndex.remarked``), and the sheet is read again for their 人员状态
cells only when it has such a column and one of them names a status: a register of plain names
costs nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.meaning import status_of
from ..glossary.terms import RegisterStatus, Severity
from ..tabular import Issue, Table, Workbook, WorkbookError, column_letter
from ..tabular.cells import Coerced, raw_text
from ..tabular.rows import is_blank

__all__ = ["status_from_names", "status_in_name"]

_FROM_NAME: Final = "ledger.status_from_name"
_DISAGREES: Final = "ledger.status_name_disagrees"


def status_in_name(name: str) -> tuple[RegisterStatus, str] | None:
    """The register status a bracketed remark of ``name`` (compared form, after NFKC) names, and
    the remark as written (张三(已故) gives 死亡 and 已故), or ``None``."""
    for found in words.HEADER_BRACKETS.finditer(name):
        remark = found[0][1:-1].strip()
        status = (status_of(remark) or _LABELS.get(remark)) if remark else None
        if status is not None:
            return status, remark
    return None


_LABELS: Final = {status.label: status for status in RegisterStatus}
"""The statuses by the 人员状态 column's own words (死亡, 迁出, 退出), which a remark writes too."""


def status_from_names(
    workbook: Workbook,
    table: Table,
    people: list[Any],
    where: Mapping[str, tuple[str, int, int]],
    remarked: Iterable[tuple[str, str]],
) -> list[Issue]:
    """Set the status of each person of ``table`` whose name (``remarked``: key and compared
    name) carries a status remark, in ``people`` (their places in it: ``where``, key → sheet,
    Excel row, index), unless their row's 人员状态 cell says it; the findings at the name cells."""
    named: list[tuple[int, int, RegisterStatus, str]] = []  # (index, Excel row, status, remark)
    for key, name in remarked:
        said = status_in_name(name)
        place = where.get(key)
        if said is None or place is None or place[0] != table.sheet:
            continue
        named.append((place[2], place[1], *said))
    if not named:
        return []
    layout = table.layout
    own = _status_cells(workbook, table, {row for _, row, _, _ in named})
    if own is None:
        return []  # the sheet was read once already: a second read failing sets nothing
    letter = header = ""
    if "name" in layout.fields:
        letter, header = column_letter(layout.fields["name"]), layout.header_of("name")
    issues: list[Issue] = []
    for at, row, status, remark in named:
        person = people[at]
        if own.get(row) is not None:
            if person.status is status:
                continue
            finding = Finding.of(
                _DISAGREES,
                Severity.WARNING,
                value=person.name,
                remark=remark,
                written=own[row],
                status=person.status.label,
            )
        else:
            people[at] = attrs.evolve(person, status=status)
            finding = Finding.of(
                _FROM_NAME, Severity.INFO, value=person.name, remark=remark, status=status.label
            )
        issues.append(Issue(finding, table.sheet, row, letter, header, person.name))
    return issues


def _status_cells(workbook: Workbook, table: Table, rows: set[int]) -> dict[int, str] | None:
    """Excel row → the text of its 人员状态 cell, for ``rows`` whose cell holds a word the column
    reads (a blank or unreadable cell leaves the name's remark to say the status)."""
    layout = table.layout
    column = layout.fields.get("status")
    if column is None:
        return {}
    coerce = next(c.coerce for c in table.spec.columns if c.field == "status")
    last = max(rows)
    found: dict[int, str] = {}
    try:
        for index, cells in workbook.sheet(table.sheet).rows:
            if index + 1 > last:
                break
            raw = cells[column] if column < len(cells) else None
            if index + 1 not in rows or raw is None or is_blank(raw):
                continue
            try:
                value = coerce(raw)
            except FindingError:
                continue
            if isinstance(value, Coerced):
                value = value.value
            if value is not None:
                found[index + 1] = raw_text(raw)
    except WorkbookError:
        return None
    return found
