"""A register with no category column whose free-text column says the categories among other
things (情况说明: 独居，低保户，腿脚不便): the column is found by what its cells mean, each person's
categories are the category words in it, and a finding says so. The rest of the text stays in the
column as written (the person's extras).

A word one slip away from a category word and from no other (低宝户, 特因: the category column's
``tabular.label_likely_slip``) is read as that category, and the cell is flagged with the word
read (``ledger.category_slip_read``); a person whose text names no category at all is kept with
none, the cell flagged (``ledger.categories_text_unread``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
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


def categories_from_text(
    table: Table,
    people: list[Any],
    start: int,
    rows: Mapping[str, tuple[str, int, int]] | None = None,
) -> list[Issue]:
    """The register read from ``table`` (its people from ``start``) has no category column:
    the column of extras whose text names categories for at least half the people who have any
    text in it (and three at least) gives each person without categories the ones it names. A
    finding names the column and an example; a slip read as a category and a text naming none
    are flagged at the person's cell (``rows``: key → sheet, row, position, as the loader keeps
    them; without it, at the column)."""
    column = next((c for c in table.spec.columns if c.field == "categories"), None)
    if column is None or "categories" in table.layout.fields:
        return []
    best: tuple[int, str] | None = None
    for _index, header in table.layout.extras:
        texts = [p.extras.get(header, "") for p in people[start:]]
        written = [t for t in texts if t.strip()]
        named = sum(1 for t in written if _read(column.coerce, t)[0])
        if named >= MIN_PEOPLE and 2 * named >= len(written) and (best is None or named > best[0]):
            best = (named, header)
    if best is None:
        return []
    header = best[1]
    letter = _letter_of(table, header)
    given = 0
    example: tuple[str, tuple[str, ...], str] | None = None
    flagged: list[Issue] = []
    for at in range(start, len(people)):
        person = people[at]
        if person.categories:
            continue
        text = person.extras.get(header, "")
        codes, others, slips = _read(column.coerce, text)
        place = (rows or {}).get(person.key)
        row = place[1] if place is not None and place[0] == table.sheet else None
        for word, meant in slips:
            slip = Finding.of(
                "ledger.category_slip_read",
                Severity.WARNING,
                header=header,
                value=word,
                likely=meant,
            )
            flagged.append(Issue(slip, table.sheet, row, letter, header, text.strip()))
        if not codes:
            if text.strip():
                unread = Finding.of(
                    "ledger.categories_text_unread",
                    Severity.WARNING,
                    header=header,
                    value=text.strip(),
                )
                flagged.append(Issue(unread, table.sheet, row, letter, header, text.strip()))
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
    return [Issue(finding, table.sheet, row, letter, header), *flagged]


def _read(
    coerce: Any, text: str, *, slips: bool = True
) -> tuple[tuple[str, ...], list[str], list[tuple[str, str]]]:
    """The category codes the words of ``text`` name, the words that name none, and (with
    ``slips``) the words read as the category word they are one slip from: (word, that word)."""
    codes: dict[str, None] = {}
    others: list[str] = []
    read_as: list[tuple[str, str]] = []
    for word in _CLAUSES.split(text):
        if not word.strip():
            continue
        try:
            value = coerce(word)
        except FindingError as error:
            meant = _likely(error) if slips else None
            if meant is None:
                others.append(word)
                continue
            try:
                value = coerce(meant)
            except (FindingError, ValueError):
                others.append(word)
                continue
            read_as.append((word.strip(), meant))
        except ValueError:
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
    return tuple(codes), others, read_as


def _likely(error: FindingError) -> str | None:
    """The category word a refused word is one slip from (``tabular.label_likely_slip``)."""
    for finding in error.findings:
        if finding.code == _SLIP:
            return str(finding.params["likely"])
    return None


_SLIP: Final = "tabular.label_likely_slip"


def _letter_of(table: Table, header: str) -> str | None:
    wanted = normalise_label(header)
    for index, name in table.layout.extras:
        if normalise_label(name) == wanted:
            return column_letter(index)
    return None
