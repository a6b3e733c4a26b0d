"""Recipient groups a report breaks figures down by (低保, 特困, 老年人 …).

A group matches a person holding any of its categories, or (when set) of at least ``min_age`` at
the as-of date, or (when set) with a recorded disability. A person may match several groups: each
group's row counts them, the total counts them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from ..glossary.indicators_text import VISIT_GROUP_LABELS
from ..glossary.terms import EXTREME_POVERTY_CATEGORIES, Category
from ..grading.national import ELDERLY_AGE
from ..recipients import Recipient

__all__ = [
    "ELDERLY_AGE",
    "SERVICE_GROUPS",
    "VISIT_GROUPS",
    "RecipientGroup",
]


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v) for v in value)


@attrs.frozen(kw_only=True)
class RecipientGroup:
    """A row of a by-group breakdown."""

    code: str
    """Stable English code, used in figure codes (``visits.group.<code>``)."""
    label: str
    """The row label (Chinese)."""
    categories: frozenset[str] = attrs.field(factory=frozenset, converter=_codes)
    """Category codes, any one of which puts a person in the group."""
    min_age: int | None = None
    """Anyone at least this old at the as-of date is in the group."""
    with_disability: bool = False
    """Anyone with a recorded disability is in the group."""

    def matches(self, person: Recipient, as_of: date) -> bool:
        """True if ``person`` belongs to the group at ``as_of``."""
        if self.categories & person.categories:
            return True
        if self.with_disability and person.disability is not None:
            return True
        if self.min_age is not None:
            age = person.age(as_of)
            return age is not None and age >= self.min_age
        return False


def _group(code: str, categories: Iterable[str], **kwargs: object) -> RecipientGroup:
    return RecipientGroup(
        code=code,
        label=VISIT_GROUP_LABELS[code],
        categories=frozenset(categories),
        **kwargs,  # type: ignore[arg-type]
    )


VISIT_GROUPS: tuple[RecipientGroup, ...] = (
    _group("subsistence", [Category.SUBSISTENCE_ALLOWANCE]),
    _group("extreme_poverty", EXTREME_POVERTY_CATEGORIES),
    _group("orphans_and_unsupported", [Category.DE_FACTO_UNSUPPORTED_CHILD, Category.ORPHAN]),
    _group("other_in_difficulty", [Category.OTHER_IN_DIFFICULTY]),
)
"""The visit rows of the Yunfu newsletter (seed 000): 低保, 特困, 事实无人抚养儿童及孤儿,
其他困难群众 (the last is the ledger category 其他困难群众, not "everyone else")."""

SERVICE_GROUPS: tuple[RecipientGroup, ...] = (
    _group(
        "subsistence_or_extreme_poverty",
        [Category.SUBSISTENCE_ALLOWANCE, *EXTREME_POVERTY_CATEGORIES],
    ),
    _group("disabled", [Category.DISABLED_PERSON], with_disability=True),
    _group("children_in_difficulty", [Category.CHILD_IN_DIFFICULTY]),
    _group("elderly", [], min_age=ELDERLY_AGE),
)
"""The "of which" rows of the Weishi county figures (seed 003): 低保特困, 残疾人, 困境儿童, 老年人."""
