"""Moving a ledger to another layout: local categories the target layout has no words for.

Layouts fill the same records, so most of a ledger carries over as it is. A region's *local*
category (Henan's 农村留守妇女) is a code the target layout cannot write or read back: written as
is, the person would be refused on reading, with every contact naming them. :func:`fit_categories`
maps each such code to its national parent where the adapter declares one, else to
其他困难群众 (``other_in_difficulty``), and keeps the original labels in an extra column
(:data:`~socialwork_core.glossary.vocabulary.ORIGINAL_CATEGORY_HEADER`), so nothing is lost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, Protocol

import attrs

from ..glossary.terms import Category
from ..glossary.vocabulary import LIST_JOINER, ORIGINAL_CATEGORY_HEADER
from .format import LedgerFormat, RecordKind
from .model import Ledger

__all__ = ["CategoryChange", "LocalCategory", "accepted_categories", "fit_categories"]


class LocalCategory(Protocol):
    """What a conversion needs of a local category (``plugins.CategoryDefinition`` fits)."""

    @property
    def code(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def parent(self) -> str | None: ...


@attrs.frozen
class CategoryChange:
    """One local category replaced in a conversion, and how many people held it."""

    code: str
    label: str
    replacement: str
    people: int


def accepted_categories(fmt: LedgerFormat) -> frozenset[str] | None:
    """The category codes ``fmt`` can write and read back; ``None`` if it has no category column
    (then categories are not written at all and nothing needs mapping)."""
    sheet = fmt.sheet_for(RecordKind.RECIPIENTS)
    column = (
        None if sheet is None else next((c for c in sheet.columns if c.field == "categories"), None)
    )
    return None if column is None else frozenset(column.label_map().values())


def fit_categories(
    ledger: Ledger, target: LedgerFormat, local: Iterable[LocalCategory]
) -> tuple[Ledger, tuple[CategoryChange, ...]]:
    """The ledger with every category ``target`` cannot hold replaced, and what was replaced.

    ``local`` are the local categories known to the installed adapters (their parents say where
    each maps). People whose categories all fit are returned unchanged.
    """
    accepted = accepted_categories(target)
    if accepted is None:
        return ledger, ()
    definitions = {d.code: d for d in local}
    counts: Counter[tuple[str, str, str]] = Counter()
    people = []
    for person in ledger.recipients:
        foreign = sorted(code for code in person.categories if code not in accepted)
        if not foreign:
            people.append(person)
            continue
        kept = set(person.categories) - set(foreign)
        labels = []
        for code in foreign:
            definition = definitions.get(code)
            parent = definition.parent if definition is not None else None
            replacement = parent if parent in accepted else Category.OTHER_IN_DIFFICULTY.value
            kept.add(replacement)
            label = definition.label if definition is not None else code
            labels.append(label)
            counts[(code, label, replacement)] += 1
        extras = {**person.extras, ORIGINAL_CATEGORY_HEADER: LIST_JOINER.join(labels)}
        people.append(attrs.evolve(person, categories=frozenset(kept), extras=extras))
    changes = tuple(
        CategoryChange(code=code, label=label, replacement=replacement, people=n)
        for (code, label, replacement), n in sorted(counts.items())
    )
    # (keyword dict: attrs' mypy plugin cannot type the Ledger fields' generic tuple converter)
    fitted: dict[str, Any] = {"recipients": tuple(people)}
    return attrs.evolve(ledger, **fitted), changes
