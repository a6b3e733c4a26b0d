"""Recipient groups: any or all of their criteria, an age range, and local categories counted in
their national parent's group."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core import indicators as ind
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category
from socialwork_core.indicators import GroupMatch, RecipientGroup
from socialwork_core.periods import month
from socialwork_core.plugins import CategoryDefinition, category_parents
from socialwork_core.recipients import Recipient
from socialwork_core.recipients.disability import Disability

AS_OF = date(2024, 6, 30)
SUBSISTENCE = Category.SUBSISTENCE_ALLOWANCE
LOCAL = CategoryDefinition(
    code="sichuan.mountain_household", label="高山移民户", parent=SUBSISTENCE
)


def person(key: str = "P1", *, age: int | None = 70, categories=(), disabled: bool = False):
    return Recipient(
        key=key,
        name="张某",
        birth_date=None if age is None else date(AS_OF.year - age, 1, 1),
        categories=frozenset(categories),
        disability=Disability(kind="physical", grade="grade_2") if disabled else None,
    )


SUBSISTENCE_ELDERLY = RecipientGroup(
    code="subsistence_elderly",
    label="低保老年人",
    categories={SUBSISTENCE},
    min_age=60,
    match=GroupMatch.ALL,
)


def test_by_default_any_criterion_puts_a_person_in_the_group() -> None:
    disabled = RecipientGroup(
        code="disabled", label="残疾人", categories={Category.DISABLED_PERSON}, with_disability=True
    )
    assert disabled.matches(person(disabled=True), AS_OF)
    assert disabled.matches(person(categories={Category.DISABLED_PERSON}), AS_OF)
    assert not disabled.matches(person(), AS_OF)


def test_with_all_of_every_criterion_must_hold() -> None:
    assert SUBSISTENCE_ELDERLY.matches(person(age=70, categories={SUBSISTENCE}), AS_OF)
    assert not SUBSISTENCE_ELDERLY.matches(person(age=40, categories={SUBSISTENCE}), AS_OF)
    assert not SUBSISTENCE_ELDERLY.matches(person(age=70), AS_OF)
    assert not SUBSISTENCE_ELDERLY.matches(person(age=None, categories={SUBSISTENCE}), AS_OF)


@given(age=st.integers(min_value=0, max_value=110))
def test_an_age_range_is_min_age_and_over_and_under_the_upper_age(age: int) -> None:
    children = RecipientGroup(code="children", label="儿童", under_age=18)
    working_age = RecipientGroup(code="working", label="劳动年龄", min_age=16, under_age=60)
    assert children.matches(person(age=age), AS_OF) == (age < 18)
    assert working_age.matches(person(age=age), AS_OF) == (16 <= age < 60)


def test_a_local_category_counts_in_its_parents_group_when_the_parents_are_given() -> None:
    mountain = person(categories={LOCAL.code})
    group = ind.VISIT_GROUPS[0]  # 低保
    assert not group.matches(mountain, AS_OF)
    assert group.matches(mountain, AS_OF, parents=category_parents([LOCAL]))
    assert SUBSISTENCE_ELDERLY.matches(mountain, AS_OF, parents={LOCAL.code: SUBSISTENCE})


def test_the_by_group_visits_count_a_local_category_in_its_parents_row() -> None:
    ledger = ind.RecordSet(
        recipients=(person("P1", categories={LOCAL.code}), person("P2", categories={SUBSISTENCE})),
        contacts=(
            Contact(id="V1", on=date(2024, 6, 3), mode="home_visit", recipient_keys=("P1",)),
            Contact(id="V2", on=date(2024, 6, 4), mode="home_visit", recipient_keys=("P2",)),
        ),
    )
    june = month(2024, 6)
    without = ind.visits_by_group(ledger, june, ind.VISIT_GROUPS, as_of=AS_OF)
    honoured = ind.visits_by_group(
        ledger, june, ind.VISIT_GROUPS, as_of=AS_OF, parents=category_parents([LOCAL])
    )
    assert without[0].value == 1
    assert honoured[0].value == 2


def test_a_group_without_a_criterion_or_with_an_empty_age_range_is_refused() -> None:
    with pytest.raises(ValueError, match="no criterion"):
        RecipientGroup(code="nobody", label="无")
    with pytest.raises(ValueError, match="no age satisfies"):
        RecipientGroup(code="never", label="无", min_age=60, under_age=18)
