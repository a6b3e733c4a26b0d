"""Recipient groups a report breaks figures down by (低保, 特困, 老年人 …).

A group has criteria: categories (holding any one of them), an age range at the as-of date
(``min_age`` and over, under ``under_age``), a recorded disability. By default a person meeting
**any** criterion is in the group (``match=GroupMatch.ANY``, the shape of the seeds' rows: 残疾人 is
the category *or* a recorded disability); with ``match=GroupMatch.ALL`` every criterion given must
hold (低保 elderly: the category *and* 60 or over).

A local category counts in a group of its national parent (``CategoryDefinition.parent``) when
the caller passes the parents (``parents={local code: national code}``; reports get them as
``ReportSettings.category_parents``, see :func:`socialwork_core.plugins.category_parents`).

A person may match several groups: each group's row counts them, the total counts them once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum
from types import MappingProxyType

import attrs

from ..glossary.indicators_text import VISIT_GROUP_LABELS
from ..glossary.terms import EXTREME_POVERTY_CATEGORIES, Category
from ..grading.national import ELDERLY_AGE
from ..recipients import Recipient

__all__ = [
    "ELDERLY_AGE",
    "NO_PARENTS",
    "SERVICE_GROUPS",
    "VISIT_GROUPS",
    "GroupMatch",
    "RecipientGroup",
]

NO_PARENTS: Mapping[str, str] = MappingProxyType({})
"""No local category refines a national one."""


class GroupMatch(StrEnum):
    """How a group's criteria combine."""

    ANY = "any"
    """Any one criterion puts a person in the group (任一条件)."""
    ALL = "all"
    """Every criterion given must hold (同时满足)."""


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v) for v in value)


def _age(_instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value!r}")


@attrs.frozen(kw_only=True)
class RecipientGroup:
    """A row of a by-group breakdown."""

    code: str
    """Stable English code, used in figure codes (``visits.group.<code>``)."""
    label: str
    """The row label (Chinese)."""
    categories: frozenset[str] = attrs.field(factory=frozenset, converter=_codes)
    """Category codes, holding any one of which is the category criterion (a local category
    whose parent is among them counts too, when the parents are given)."""
    min_age: int | None = attrs.field(default=None, validator=_age)
    """At least this old at the as-of date."""
    under_age: int | None = attrs.field(default=None, validator=_age)
    """Younger than this at the as-of date (the upper age; 困境儿童 under 18: ``under_age=18``).
    With ``min_age`` too, the two make one criterion: the age range."""
    with_disability: bool = False
    """A recorded disability."""
    match: GroupMatch = attrs.field(default=GroupMatch.ANY, converter=GroupMatch)
    """Whether any criterion suffices (default) or all must hold."""

    def __attrs_post_init__(self) -> None:
        if not (
            self.categories
            or self.min_age is not None
            or self.under_age is not None
            or self.with_disability
        ):
            raise ValueError(
                f"group {self.code!r} has no criterion: give categories, min_age, under_age or "
                "with_disability"
            )
        if (
            self.min_age is not None
            and self.under_age is not None
            and self.min_age >= self.under_age
        ):
            raise ValueError(
                f"group {self.code!r}: no age satisfies {self.min_age} <= age < {self.under_age}"
            )

    def _criteria(self, person: Recipient, as_of: date, parents: Mapping[str, str]) -> list[bool]:
        results = []
        if self.categories:
            held = person.categories
            if parents:
                held = held | {parents[c] for c in held if c in parents}
            results.append(not self.categories.isdisjoint(held))
        if self.min_age is not None or self.under_age is not None:
            age = person.age(as_of)
            results.append(
                age is not None
                and (self.min_age is None or age >= self.min_age)
                and (self.under_age is None or age < self.under_age)
            )
        if self.with_disability:
            results.append(person.disability is not None)
        return results

    def matches(
        self, person: Recipient, as_of: date, *, parents: Mapping[str, str] = NO_PARENTS
    ) -> bool:
        """True if ``person`` belongs to the group at ``as_of``; ``parents`` maps a local
        category code to the national category it refines."""
        results = self._criteria(person, as_of, parents)
        return all(results) if self.match is GroupMatch.ALL else any(results)


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
