"""Category checks at an as-of date (docs/domain.md section 2): warnings that name the rule."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork_core.glossary import Category, DisabilityGrade, DisabilityKind, Severity, Sex
from socialwork_core.identity.resident_id import compose
from socialwork_core.recipients import CategoryThresholds, Disability, Recipient, check_categories

AS_OF = date(2022, 3, 31)


def person(
    born: date, *categories: str, disability: Disability | None = None, **kw: object
) -> Recipient:
    return Recipient(
        key="R1",
        name="测试甲",
        resident_id=compose("441823", born, 12),
        categories=frozenset(categories),
        disability=disability,
        **kw,  # type: ignore[arg-type]
    )


def codes(recipient: Recipient, thresholds: CategoryThresholds | None = None) -> list[str]:
    return [f.code for f in check_categories(recipient, AS_OF, thresholds)]


def test_an_orphan_aged_18_is_flagged_and_kept() -> None:
    orphan = person(date(2004, 3, 31), Category.ORPHAN)
    findings = check_categories(orphan, AS_OF)
    assert [(f.code, f.severity) for f in findings] == [("category.too_old", Severity.WARNING)]
    assert "孤儿" in findings[0].message and "< 18" in findings[0].message
    assert Category.ORPHAN in orphan.categories


def test_an_orphan_one_day_short_of_18_passes() -> None:
    assert codes(person(date(2004, 4, 1), Category.ORPHAN)) == []


def test_a_left_behind_child_aged_16_is_flagged() -> None:
    assert codes(person(date(2006, 3, 31), Category.LEFT_BEHIND_CHILD)) == ["category.too_old"]
    assert codes(person(date(2006, 4, 1), Category.LEFT_BEHIND_CHILD)) == []


def test_advanced_age_under_80_is_flagged() -> None:
    assert codes(person(date(1942, 4, 1), Category.ADVANCED_AGE_ELDERLY)) == ["category.too_young"]
    assert codes(person(date(1942, 3, 31), Category.ADVANCED_AGE_ELDERLY)) == []


def test_age_thresholds_are_parameters_a_region_can_change() -> None:
    # Guangzhou pays its advanced-age allowance from 70.
    seventy_five = person(date(1947, 1, 1), Category.ADVANCED_AGE_ELDERLY)
    assert codes(seventy_five) == ["category.too_young"]
    assert codes(seventy_five, CategoryThresholds(advanced_age_from=70)) == []


def test_a_working_age_extreme_poverty_adult_without_qualifying_disability_is_flagged() -> None:
    adult = person(date(1980, 1, 1), Category.EXTREME_POVERTY_DISPERSED)
    assert codes(adult) == ["category.extreme_poverty_work_capacity"]


@pytest.mark.parametrize(
    ("kind", "grade", "flagged"),
    [
        (DisabilityKind.INTELLECTUAL, DisabilityGrade.GRADE_3, False),
        (DisabilityKind.MENTAL, DisabilityGrade.GRADE_4, True),
        (DisabilityKind.PHYSICAL, DisabilityGrade.GRADE_2, False),
        (DisabilityKind.PHYSICAL, DisabilityGrade.GRADE_3, True),
        (DisabilityKind.VISUAL, DisabilityGrade.GRADE_1, False),
        (DisabilityKind.VISUAL, DisabilityGrade.GRADE_2, True),
    ],
)
def test_extreme_poverty_qualifying_disabilities_follow_the_2021_rules(
    kind: DisabilityKind, grade: DisabilityGrade, flagged: bool
) -> None:
    adult = person(
        date(1980, 1, 1), Category.EXTREME_POVERTY, disability=Disability(kind=kind, grade=grade)
    )
    assert ("category.extreme_poverty_work_capacity" in codes(adult)) is flagged


def test_minors_in_extreme_poverty_keep_support_until_18() -> None:
    assert codes(person(date(2005, 1, 1), Category.EXTREME_POVERTY)) == []


def test_elderly_categories_need_60() -> None:
    assert codes(person(date(1962, 4, 1), Category.ELDERLY_LIVING_ALONE)) == ["category.too_young"]
    assert codes(person(date(1962, 3, 31), Category.ELDERLY_LIVING_ALONE)) == []


def test_without_id_or_birth_date_the_age_rules_report_that_they_cannot_be_checked() -> None:
    unknown = Recipient(key="R2", name="测试乙", categories={Category.ORPHAN})
    findings = check_categories(unknown, AS_OF)
    assert [(f.code, f.severity) for f in findings] == [("category.age_unknown", Severity.INFO)]


def test_declared_sex_and_birth_date_that_disagree_with_the_id_are_warnings() -> None:
    # Sequence 012: the even 17th digit makes the ID holder female.
    declared_male = person(date(1950, 5, 6), sex=Sex.MALE, birth_date=date(1950, 5, 7))
    assert codes(declared_male) == [
        "recipient.sex_disagrees_with_id",
        "recipient.birth_date_disagrees_with_id",
    ]
    assert declared_male.effective_sex is Sex.FEMALE
    assert declared_male.sex is Sex.MALE


def test_subsistence_and_near_subsistence_cannot_both_hold() -> None:
    both = person(date(1960, 1, 1), Category.SUBSISTENCE_ALLOWANCE, Category.NEAR_SUBSISTENCE)
    assert codes(both) == ["category.subsistence_and_near"]


def test_a_disabled_person_without_a_disability_record_is_flagged() -> None:
    assert codes(person(date(1960, 1, 1), Category.DISABLED_PERSON)) == [
        "category.disabled_without_disability"
    ]


def test_local_categories_are_left_to_the_adapter() -> None:
    assert codes(person(date(1960, 1, 1), "guangzhou_moderate_universal")) == []


def test_subsistence_together_with_extreme_poverty_is_a_warning_and_both_are_kept() -> None:
    both = person(date(1950, 1, 1), Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY)
    findings = check_categories(both, AS_OF)
    assert [(f.code, f.severity) for f in findings] == [
        ("category.subsistence_and_extreme_poverty", Severity.WARNING)
    ]
    assert "特困人员" in findings[0].message
    assert both.categories == {Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY}


def test_an_orphan_who_is_also_a_de_facto_unsupported_child_is_a_warning() -> None:
    child = person(date(2015, 1, 1), Category.ORPHAN, Category.DE_FACTO_UNSUPPORTED_CHILD)
    assert codes(child) == ["category.orphan_and_unsupported"]


THREE_NOS = {"guangdong.three_nos": Category.EXTREME_POVERTY.value}


def test_a_local_child_of_extreme_poverty_is_checked_as_extreme_poverty() -> None:
    # 40 years old, no disability: has work capacity, so 特困 (and 三无 as 特困) cannot hold
    three_nos = person(date(1982, 1, 1), "guangdong.three_nos")
    assert codes(three_nos) == []  # without the parents: left to the adapter
    findings = check_categories(three_nos, AS_OF, parents=THREE_NOS)
    assert [f.code for f in findings] == ["category.extreme_poverty_work_capacity"]
    with_subsistence = person(
        date(1940, 1, 1), "guangdong.three_nos", Category.SUBSISTENCE_ALLOWANCE
    )
    assert [f.code for f in check_categories(with_subsistence, AS_OF, parents=THREE_NOS)] == [
        "category.subsistence_and_extreme_poverty"
    ]
