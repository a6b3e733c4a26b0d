"""Category checks (对象类别核查) at an as-of date, per docs/domain.md section 2.

A category whose rule cannot hold at the as-of date (an 18-year-old 孤儿) yields a **warning** that
names the rule; the category is never dropped. Age thresholds are parameters
(:class:`CategoryThresholds`) a region may change; the defaults are the national rules, except where
marked *default* (docs/domain.md gives no national text for those).

A local category with a national parent (Guangdong's 三无人员, a child of 特困) is checked as
its parent when the caller passes the parents (``parents={local code: national code}``, from
:func:`socialwork_core.plugins.category_parents`).

Finding codes: ``category.too_old``, ``category.too_young``, ``category.age_unknown`` (info),
``category.extreme_poverty_work_capacity``, ``category.disabled_without_disability``,
``category.subsistence_and_near``, ``category.subsistence_and_extreme_poverty``,
``category.orphan_and_unsupported``, ``recipient.sex_disagrees_with_id``,
``recipient.birth_date_disagrees_with_id``.

Pairs that cannot both hold (docs/domain.md section 2): 低保 and 低保边缘 (低边 is defined as not
低保); 低保 and 特困 (one who meets both is supported as 特困); 孤儿 and 事实无人抚养儿童 (the
latter's parents are alive and not declared missing). Each is a warning on the person, who keeps
both categories.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

import attrs

from ..findings import Finding
from ..glossary.terms import (
    EXTREME_POVERTY_CATEGORIES,
    Category,
    DisabilityGrade,
    DisabilityKind,
    Severity,
)
from ..identity import resident_id
from .disability import Disability
from .recipient import Recipient

__all__ = ["CategoryThresholds", "check_categories", "has_no_work_capacity"]


@attrs.frozen(kw_only=True)
class CategoryThresholds:
    """Age limits used by the category rules. Each bound is stated as the rule reads and names its
    source in docs/domain.md section 2 (the categories table), or says it is a *default*."""

    child_under: int = 18
    """孤儿, 事实无人抚养儿童, 困境儿童: under 18 (the 2010 孤儿, 2019 事实无人抚养儿童 and 2016
    困境儿童 documents)."""
    left_behind_child_under: int = 16
    """农村留守儿童: under 16 (《国务院关于加强农村留守儿童关爱保护工作的意见》, 2016)."""
    elderly_from: int = 60
    """老年人 categories (独居, 空巢, 失能, 重残, 计生特殊家庭): 60+ (the 2022 visiting guidance);
    留守老人: *default*."""
    advanced_age_from: int = 80
    """高龄老人: 80+ (*default*; allowances are local, Guangzhou pays from 70)."""
    working_age_until: int = 60
    """特困: from this age there is no work capacity (《特困人员认定办法》, 2021)."""
    minor_support_until: int = 18
    """特困: under 16 there is no work capacity, and minors keep support until this age
    (《特困人员认定办法》, 2021), so every age below it qualifies."""


_NATIONAL_CODES = frozenset(c.value for c in Category)
"""Codes of the national categories; local ones are left to their adapter."""

_CHILD_CATEGORIES = (
    Category.ORPHAN,
    Category.DE_FACTO_UNSUPPORTED_CHILD,
    Category.CHILD_IN_DIFFICULTY,
)
_ELDERLY_CATEGORIES = (
    Category.LEFT_BEHIND_ELDERLY,
    Category.ELDERLY_LIVING_ALONE,
    Category.EMPTY_NEST_ELDERLY,
    Category.DEPENDENT_ELDERLY,
    Category.SEVERELY_DISABLED_ELDERLY,
    Category.FAMILY_PLANNING_SPECIAL_ELDERLY,
)

# 《特困人员认定办法》(2021), docs/domain.md section 2: disabilities that alone mean no work
# capacity (kind → grades that qualify).
_NO_WORK_CAPACITY_DISABILITIES: dict[DisabilityKind, frozenset[DisabilityGrade]] = {
    DisabilityKind.INTELLECTUAL: frozenset(
        {DisabilityGrade.GRADE_1, DisabilityGrade.GRADE_2, DisabilityGrade.GRADE_3}
    ),
    DisabilityKind.MENTAL: frozenset(
        {DisabilityGrade.GRADE_1, DisabilityGrade.GRADE_2, DisabilityGrade.GRADE_3}
    ),
    DisabilityKind.PHYSICAL: frozenset({DisabilityGrade.GRADE_1, DisabilityGrade.GRADE_2}),
    DisabilityKind.VISUAL: frozenset({DisabilityGrade.GRADE_1}),
}


def _disability_means_no_work_capacity(disability: Disability | None) -> bool:
    if disability is None:
        return False
    return disability.grade in _NO_WORK_CAPACITY_DISABILITIES.get(disability.kind, frozenset())


def has_no_work_capacity(
    age: int, disability: Disability | None, thresholds: CategoryThresholds
) -> bool:
    """特困 condition one (2021 rules): age 60+, under 16 (support kept to 18), or a qualifying
    disability (智力/精神 grade 1–3, 肢体 1–2, 视力 1)."""
    if age >= thresholds.working_age_until or age < thresholds.minor_support_until:
        return True
    return _disability_means_no_work_capacity(disability)


def _warn(code: str, **params: object) -> Finding:
    return Finding.of(code, Severity.WARNING, **params)


def birth_dates_agree(written: date, derived: date) -> bool:
    """Whether a birth date as written agrees with the ID number's: the same day, or the same
    month where the ledger wrote the month only (出生年月 1950.03, read as the 1st)."""
    if written == derived:
        return True
    return written.day == 1 and (written.year, written.month) == (derived.year, derived.month)


def _identity_findings(recipient: Recipient) -> list[Finding]:
    findings: list[Finding] = []
    if recipient.resident_id is None:
        return findings
    derived_sex = resident_id.sex(recipient.resident_id)
    if recipient.sex is not None and recipient.sex is not derived_sex:
        findings.append(
            _warn(
                "recipient.sex_disagrees_with_id",
                declared=recipient.sex.label,
                derived=derived_sex.label,
            )
        )
    derived_birth = resident_id.birth_date(recipient.resident_id)
    if recipient.birth_date is not None and not birth_dates_agree(
        recipient.birth_date, derived_birth
    ):
        findings.append(
            _warn(
                "recipient.birth_date_disagrees_with_id",
                declared=recipient.birth_date.isoformat(),
                derived=derived_birth.isoformat(),
            )
        )
    return findings


_NO_PARENTS: Mapping[str, str] = MappingProxyType({})


def check_categories(
    recipient: Recipient,
    as_of: date,
    thresholds: CategoryThresholds | None = None,
    *,
    parents: Mapping[str, str] = _NO_PARENTS,
) -> tuple[Finding, ...]:
    """Check every national category the person holds against its rule at ``as_of``, a local
    category in ``parents`` (local code → national parent) as its parent.

    Returns warnings (and an info where age is unknown); never raises for a failing rule and never
    changes the recipient. Local categories without a national parent are the adapter's to check.
    """
    limits = thresholds or CategoryThresholds()
    findings = _identity_findings(recipient)
    codes = set(recipient.categories) | {parents[c] for c in recipient.categories if c in parents}
    held = [Category(c) for c in sorted(codes) if c in _NATIONAL_CODES]
    age = recipient.age(as_of)
    day = as_of.isoformat()

    if Category.SUBSISTENCE_ALLOWANCE in held and Category.NEAR_SUBSISTENCE in held:
        findings.append(_warn("category.subsistence_and_near"))
    extreme = [c for c in held if c in EXTREME_POVERTY_CATEGORIES]
    if Category.SUBSISTENCE_ALLOWANCE in held and extreme:
        findings.append(
            _warn("category.subsistence_and_extreme_poverty", category=extreme[0].label)
        )
    if Category.ORPHAN in held and Category.DE_FACTO_UNSUPPORTED_CHILD in held:
        findings.append(_warn("category.orphan_and_unsupported"))
    if Category.DISABLED_PERSON in held and recipient.disability is None:
        findings.append(
            _warn("category.disabled_without_disability", category=Category.DISABLED_PERSON.label)
        )

    age_rules: list[tuple[Category, int | None, int | None]] = []  # (category, min age, under age)
    age_rules += [(c, None, limits.child_under) for c in _CHILD_CATEGORIES]
    age_rules.append((Category.LEFT_BEHIND_CHILD, None, limits.left_behind_child_under))
    age_rules += [(c, limits.elderly_from, None) for c in _ELDERLY_CATEGORIES]
    age_rules.append((Category.ADVANCED_AGE_ELDERLY, limits.advanced_age_from, None))

    for category, minimum, under in age_rules:
        if category not in held:
            continue
        if age is None:
            findings.append(
                Finding.of("category.age_unknown", Severity.INFO, category=category.label)
            )
            continue
        if under is not None and age >= under:
            findings.append(
                _warn(
                    "category.too_old",
                    category=category.label,
                    rule=f"< {under}",
                    as_of=day,
                    age=age,
                )
            )
        if minimum is not None and age < minimum:
            findings.append(
                _warn(
                    "category.too_young",
                    category=category.label,
                    rule=f">= {minimum}",
                    as_of=day,
                    age=age,
                )
            )

    for category in (c for c in held if c in EXTREME_POVERTY_CATEGORIES):
        if age is None:
            findings.append(
                Finding.of("category.age_unknown", Severity.INFO, category=category.label)
            )
        elif not has_no_work_capacity(age, recipient.disability, limits):
            findings.append(
                _warn(
                    "category.extreme_poverty_work_capacity",
                    category=category.label,
                    rule=f">= {limits.working_age_until} | < {limits.minor_support_until}",
                    as_of=day,
                    age=age,
                    disability=recipient.disability.label if recipient.disability else "-",
                )
            )
    return tuple(findings)
