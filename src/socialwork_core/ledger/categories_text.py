"""A register with no category column whose free-text column says the categories among other
things (情况说明: 独居，低保户，腿脚不便): the column is found by what its cells mean, each person's
categories are the category words in it, and a finding says so. The rest of the text is no
category and no typo: it stays in the column as written (the person's extras)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.rules_text import category_label
from ..glossary.terms import Severity
from ..tabular import Issue, Table, column_letter
from ..tabular.cells import Coerced, normalise_label

__all__ = ["categories_from_text"]

_CLAUSES: Final = re.compile(
    "[" + re.escape(words.LIST_SEPARATORS + words.TEXT_CLAUSE_MARKS) + "]+"
)

MIN_PEOPLE: Final = 3
"""People whose text must name a category before a column counts as the categories' (fewer say
nothing of a column: a 备注 that once mentions 低保)."""


def categories_from_text(table: Table, people: list[Any], start: int) -> list[Issue]:
    """The register read from ``table`` (its people from ``start``) has no category column:
    the column of extras whose text names categories for at least half the people who have any
    text in it (and three at least) gives each person without categories the ones it names. A
    finding names the column and an example; nothing else changes."""
    column = next((c for c in table.spec.columns if c.field == "categories"), None)
    if column is None or "categories" in table.layout.fields:
        return []
    best: tuple[int, str] | None = None
    for _index, header in table.layout.extras:
        texts = [p.extras.get(header, "") for p in people[start:]]
        written = [t for t in texts if t.strip()]
        named = sum(1 for t in written if _categories_in(column.coerce, t)[0])
        if named >= MIN_PEOPLE and 2 * named >= len(written) and (best is None or named > best[0]):
            best = (named, header)
    if best is None:
        return []
    header = best[1]
    given = 0
    example: tuple[str, tuple[str, ...], str] | None = None
    for at in range(start, len(people)):
        person = people[at]
        if person.categories:
            continue
        text = person.extras.get(header, "")
        codes, others = _categories_in(column.coerce, text)
        if not codes:
            continue
        people[at] = attrs.evolve(person, categories=frozenset(codes))
        given += 1
        if example is None or (others and not example[2]):
            example = (text.strip(), codes, others[0] if others else "")
    assert example is not None  # at least MIN_PEOPLE texts named categories
    text, codes, other = example
    finding = Finding.of(
        "ledger.categories_from_text",
        Severity.INFO,
        sheet=table.sheet,
        header=header,
        count=given,
        example=text,
        read=words.LIST_JOINER.join(category_label(c) for c in codes),
        other=other or "-",
    )
    row = table.layout.header_rows[-1]
    return [Issue(finding, table.sheet, row, _letter_of(table, header), header)]


def _categories_in(coerce: Any, text: str) -> tuple[tuple[str, ...], list[str]]:
    """The category codes the words of ``text`` name, read as the register's category column
    reads a word (no near word guessed), and the words that name none."""
    codes: dict[str, None] = {}
    others: list[str] = []
    for word in _CLAUSES.split(text):
        if not word.strip():
            continue
        try:
            value = coerce(word)
        except (FindingError, ValueError):
            others.append(word)
            continue
        if isinstance(value, Coerced):
            if value.findings:  # read only with remarks: a sentence is no place to guess
                others.append(word)
                continue
            value = value.value
        found: Sequence[Any] = value if isinstance(value, tuple) else (value,)
        for v in found:
            if v is not None:
                codes[str(getattr(v, "value", v))] = None
    return tuple(codes), others


def _letter_of(table: Table, header: str) -> str | None:
    wanted = normalise_label(header)
    for index, name in table.layout.extras:
        if normalise_label(name) == wanted:
            return column_letter(index)
    return None
