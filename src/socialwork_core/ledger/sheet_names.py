"""What a register sheet's name says of the people on it: a category (低保户, 特困人员名单,
留守儿童) or a village (东湖村, 西湖村名单), for a register split by category or kept one sheet
per village. The name is read as the sheet's own columns would read it (the category column's
reader; a village's name ending), without a year or a list word (名单, 花名册 …). A person the
sheet leaves without one takes it, and a finding says how many (nothing is changed silently).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.rules_text import category_label
from ..glossary.terms import Severity
from ..tabular import Issue, Table
from ..tabular.cells import Coerced
from ..tabular.spec import TableSpec

__all__ = ["category_of_sheet", "give_sheet_category", "give_sheet_village", "village_of_sheet"]


def category_of_sheet(spec: TableSpec, name: str) -> tuple[Any, ...]:
    """The categories a register sheet's name says (低保户, 特困人员花名册, 2024年留守儿童名单),
    read by the register's own category column reader; ``()`` when the name says none."""
    column = next((c for c in spec.columns if c.field == "categories"), None)
    if column is None:
        return ()
    text = words.SHEET_NAME_YEAR.sub("", name).strip()
    candidates = [text]
    for suffix in words.SHEET_NAME_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            candidates.append(text[: -len(suffix)].strip())
    for candidate in candidates:
        if not candidate:
            continue
        try:
            value = column.coerce(candidate)
        except (FindingError, ValueError):
            continue
        if isinstance(value, Coerced):
            if value.findings:
                continue  # read only with remarks (a near word): a name is no place to guess
            value = value.value
        found = value if isinstance(value, tuple) else (value,)
        return tuple(str(getattr(v, "value", v)) for v in found if v is not None)
    return ()


def village_of_sheet(name: str) -> str | None:
    """The village a register sheet's name says (东湖村, 城关社区, 东村名单, 2024年西湖村花名册):
    its name, without a year or a list word, when it ends as a village's name does; ``None``
    otherwise."""
    text = words.SHEET_NAME_YEAR.sub("", name).strip()
    for suffix in words.SHEET_NAME_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)].strip()
            break
    if len(text) >= 2 and re.search(words.VILLAGE_NAME, text):
        return text
    return None


def give_sheet_category(
    table: Table, categories: tuple[str, ...], people: list[Any], start: int
) -> list[Issue]:
    """A register sheet named by a category (低保户, 特困人员名单): each person it leaves
    without a category takes the sheet's, and a finding says how many."""
    label = words.LIST_JOINER.join(category_label(c) for c in categories)
    said = ("ledger.category_from_sheet_name", "category", label)
    return _give(table, people, start, "categories", categories, said)


def give_sheet_village(table: Table, people: list[Any], start: int) -> list[Issue]:
    """A register kept one sheet per village with no village column (东湖村, 西湖村名单): each
    person on the sheet without a village (a section heading may have given one) takes the
    village the sheet's name says, and a finding says how many."""
    village = village_of_sheet(table.sheet)
    if village is None:
        return []
    said = ("ledger.village_from_sheet_name", "village", village)
    return _give(table, people, start, "village", village, said)


def _give(
    table: Table,
    people: list[Any],
    start: int,
    field: str,
    value: Any,
    said: tuple[str, str, str],
) -> list[Issue]:
    """``value`` to the ``field`` of each person read from ``table`` (from ``start``) who has
    none; the finding ``said`` (code, name of the parameter, what it shows) says how many."""
    code, parameter, shown = said
    given = 0
    for at in range(start, len(people)):
        if not getattr(people[at], field):
            people[at] = attrs.evolve(people[at], **{field: value})
            given += 1
    if not given:
        return []
    finding = Finding.of(code, Severity.INFO, sheet=table.sheet, count=given, **{parameter: shown})
    return [Issue(finding, table.sheet)]
