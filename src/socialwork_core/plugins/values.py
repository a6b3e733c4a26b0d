"""The values plugins contribute that are not records of another module: the region an adapter
serves and the local categories it adds."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from ..glossary.terms import Category, StationTier
from ..validation import non_blank, non_negative, to_tuple

__all__ = ["AgeRule", "CategoryDefinition", "Region", "category_labels", "category_parents"]

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_DIVISION = re.compile(r"^\d{2}(\d{2}){0,2}$")


def _code(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _CODE.match(value):
        raise ValueError(
            f"{attribute.name} must be a lower-case English code such as 'guangdong' or "
            f"'guangdong.low_income_elderly', got {value!r}"
        )


def _division_codes(
    _instance: object, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for code in value:
        if not _DIVISION.match(code):
            raise ValueError(
                f"division code {code!r} must be a GB/T 2260 prefix of 2, 4 or 6 digits"
            )
    if len(set(value)) != len(value):
        raise ValueError(f"division codes repeat: {value!r}")


def _weekday(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= value <= 6:
        raise ValueError(f"first_weekday must be 0 (Monday) to 6 (Sunday), got {value}")


def _tier_labels(value: Mapping[StationTier | str, str]) -> Mapping[StationTier, str]:
    return MappingProxyType({StationTier.from_code(k): v for k, v in value.items()})


def _tiers(value: tuple[StationTier | str, ...]) -> tuple[StationTier, ...]:
    return tuple(sorted((StationTier.from_code(t) for t in value), key=lambda t: t.depth))


def _labels_cover_tiers(
    instance: Region,
    _attribute: attrs.Attribute[Mapping[StationTier, str]],
    value: Mapping[StationTier, str],
) -> None:
    stray = set(value) - set(instance.tiers)
    if stray:
        raise ValueError(f"tier labels given for tiers the region does not use: {sorted(stray)}")


@attrs.frozen(kw_only=True)
class Region:
    """The region an adapter serves: returned by ``socialwork_region``.

    A region owns the administrative divisions whose GB/T 2260 codes start with one of
    ``division_codes`` (``"44"`` is all of Guangdong, ``"4453"`` Yunfu). A region with no division
    codes is the national default: it serves every division no other region claims.
    """

    code: str = attrs.field(validator=_code)
    """Stable English code, e.g. ``guangdong``."""
    name: str = attrs.field(validator=non_blank)
    """The Chinese name users see, e.g. 广东省."""
    division_codes: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_division_codes
    )
    """GB/T 2260 code prefixes the region covers; empty for the national default."""
    adapter: str = attrs.field(validator=non_blank)
    """The adapter's name (its distribution or package name)."""
    adapter_version: str = attrs.field(validator=non_blank)
    """The adapter's version."""
    first_weekday: int = attrs.field(default=0, validator=_weekday)
    """The first day of a reporting week, as ``date.weekday()`` counts (0 Monday … 6 Sunday); pass
    it to :mod:`socialwork_core.periods` as ``first_weekday``. *Default* Monday; Kaifeng's weekly
    report runs Friday to Thursday (4)."""
    tiers: tuple[StationTier, ...] = attrs.field(default=tuple(StationTier), converter=_tiers)
    """The station tiers the region's network uses (Guangdong 双百: station and point only)."""
    tier_labels: Mapping[StationTier, str] = attrs.field(
        factory=dict, converter=_tier_labels, validator=_labels_cover_tiers
    )
    """Local names of the tiers (Anhui: 社工总站, 社工站, 社工室); missing ones use the national
    label."""

    @property
    def is_national_default(self) -> bool:
        """True when the region claims no division: it serves whatever no other region claims."""
        return not self.division_codes

    def covers(self, division_code: str) -> int:
        """How specifically the region covers ``division_code``: the length of its longest
        matching prefix, 0 when it does not cover it (the national default covers everything
        with 0 as well; see :meth:`Plugins.region_for_division`)."""
        return max((len(p) for p in self.division_codes if division_code.startswith(p)), default=0)

    def tier_label(self, tier: StationTier) -> str:
        """The local name of a tier, else its national label."""
        return self.tier_labels.get(tier, tier.label)


@attrs.frozen(kw_only=True)
class AgeRule:
    """An age condition a category holds under, checked at an as-of date: ``min_age <= age`` and
    ``age < under_age`` (either bound may be absent)."""

    min_age: int | None = attrs.field(default=None, validator=non_negative)
    under_age: int | None = attrs.field(default=None, validator=non_negative)

    def __attrs_post_init__(self) -> None:
        if self.min_age is None and self.under_age is None:
            raise ValueError("an age rule needs min_age, under_age or both")
        if (
            self.min_age is not None
            and self.under_age is not None
            and self.min_age >= self.under_age
        ):
            raise ValueError(f"no age satisfies {self.min_age} <= age < {self.under_age}")


def _parent(value: Category | str | None) -> Category | None:
    return None if value is None else Category.from_code(value)


def _not_national(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if value in Category._value2member_map_:
        raise ValueError(f"{value!r} is a national category code; a local category needs its own")


@attrs.frozen(kw_only=True)
class CategoryDefinition:
    """A local recipient category an adapter adds (``socialwork_extra_categories``).

    ``code`` is what a recipient's ``categories`` holds; prefix it with the region code
    (``guangdong.low_income_elderly``) so that two adapters cannot collide. A local category may
    refine a national one (``parent``): reports that count the parent count it too. An
    ``age_rule`` is checked like the national ones (a warning at the as-of date, never a drop).
    """

    code: str = attrs.field(validator=[_code, _not_national])
    label: str = attrs.field(validator=non_blank)
    """The Chinese label, as the region's ledgers write it."""
    parent: Category | None = attrs.field(default=None, converter=_parent)
    """The national category it refines, if any."""
    age_rule: AgeRule | None = None
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    """Other spellings the region's ledgers use for the label."""


def category_labels(definitions: Iterable[CategoryDefinition]) -> dict[str, str]:
    """Ledger text → code for local categories: each one's label, then its synonyms. What a
    ledger format's categories column needs in its ``labels`` to read and write them (the first
    text for a code is the one written back)::

        labels={"categories": {**category_labels(CATEGORIES), "低保户": Category.SUBSISTENCE_ALLOWANCE}}
    """
    return {
        text: definition.code
        for definition in definitions
        for text in (definition.label, *definition.synonyms)
    }


def category_parents(definitions: Iterable[CategoryDefinition]) -> dict[str, str]:
    """Local category code → the national category it refines, for those with a ``parent``: what
    ``ReportSettings.category_parents`` and the by-group indicators take, so that reports
    counting the parent count the local category too::

        settings = ReportSettings(category_parents=category_parents(CATEGORIES))
    """
    return {d.code: d.parent.value for d in definitions if d.parent is not None}
