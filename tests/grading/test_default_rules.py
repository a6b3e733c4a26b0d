"""The national default rule set (docs/domain.md section 3), pinned rule by rule, with its boundaries."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from socialwork_core.glossary.rules_text import RULE_TEXT, AlertKind, RiskFlag
from socialwork_core.glossary.terms import (
    Category,
    DisabilityGrade,
    DisabilityKind,
    SelfCareLevel,
    SelfCareTask,
    ServiceLevel,
)
from socialwork_core.grading import Assessment, GradeResult, grade
from socialwork_core.grading.national import NATIONAL_RULES
from socialwork_core.identity.resident_id import compose
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, Alert

AS_OF = date(2022, 3, 31)
L1, L2, L3 = ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_2, ServiceLevel.LEVEL_3
TASKS = list(SelfCareTask)


def born_aged(years: int, as_of: date = AS_OF) -> date:
    """A birth date giving exactly ``years`` completed years on ``as_of``."""
    return date(as_of.year - years, as_of.month, as_of.day)


def person(key: str = "p1", *, age: int | None = 45, **fields: Any) -> Recipient:
    birth = None if age is None else born_aged(age)
    return Recipient(
        key=key, name="Test Person", birth_date=birth, registered_on=date(2020, 1, 1), **fields
    )


def assessed(key: str = "p1", *, failed: int = 0, flags: tuple[RiskFlag, ...] = ()) -> Assessment:
    return Assessment(
        recipient_key=key, on=date(2022, 2, 1), failed_tasks=TASKS[:failed], risk_flags=flags
    )


def graded(recipient: Recipient, **kwargs: Any) -> GradeResult:
    return grade(recipient, AS_OF, NATIONAL_DEFAULT, **kwargs)


def test_every_default_rule_has_chinese_and_english_text_and_a_level_of_one_or_two() -> None:
    for rule in NATIONAL_RULES:
        if rule.id.startswith("declared_"):  # the ledger's own level: every level (test_declared)
            continue
        assert rule.description == RULE_TEXT[rule.id]
        assert rule.description_en
        assert rule.level in (L1, L2)
    assert NATIONAL_DEFAULT.default_level is L3


# 一级 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "category",
    [Category.ELDERLY_LIVING_ALONE, Category.EMPTY_NEST_ELDERLY, Category.LEFT_BEHIND_ELDERLY],
)
def test_l1_aged_80_living_alone_fires_at_80_not_79(category: Category) -> None:
    at_80 = graded(person(age=80, categories={category}))
    assert at_80.level is L1
    assert at_80.fired_rule_ids == ("l1_aged_80_living_alone",)
    assert at_80.reasons[0].inputs == {
        "age": "80",
        "as_of": "2022-03-31",
        "category": category.label,
    }
    at_79 = graded(person(age=79, categories={category}))
    assert at_79.level is L3
    assert "l1_aged_80_living_alone" not in at_79.fired_rule_ids


def test_l1_aged_80_living_alone_turns_80_on_the_birthday() -> None:
    birthday = date(1942, 3, 31)
    recipient = Recipient(
        key="p1", name="Test Person", birth_date=birthday, categories={"elderly_living_alone"}
    )
    assert grade(recipient, date(2022, 3, 30), NATIONAL_DEFAULT).level is L3
    assert grade(recipient, date(2022, 3, 31), NATIONAL_DEFAULT).level is L1


def test_l1_aged_80_living_alone_reads_the_age_from_the_resident_id() -> None:
    number = compose("110105", date(1939, 5, 1), 21)
    recipient = Recipient(
        key="p1", name="Test Person", resident_id=number, categories={"empty_nest_elderly"}
    )
    result = graded(recipient)
    assert result.level is L1
    assert result.reasons[0].inputs["age"] == "82"


def test_l1_aged_80_needs_the_living_alone_category_too() -> None:
    assert graded(person(age=90, categories={"advanced_age_elderly"})).level is L3


@pytest.mark.parametrize(
    ("flag", "rule_id"),
    [
        (RiskFlag.SELF_HARM, "l1_risk_self_harm"),
        (RiskFlag.VIOLENCE_OR_ABUSE, "l1_risk_violence_or_abuse"),
        (RiskFlag.LIFE_THREATENING_ILLNESS, "l1_risk_life_threatening_illness"),
        (RiskFlag.DANGEROUS_HOUSING, "l1_risk_dangerous_housing"),
    ],
)
def test_l1_risk_flag_of_the_latest_assessment(flag: RiskFlag, rule_id: str) -> None:
    result = graded(person(age=30), assessments=[assessed(flags=(flag,))])
    assert result.level is L1
    assert result.fired_rule_ids == (rule_id,)
    assert result.reasons[0].inputs == {"risk_flag": flag.label, "assessed_on": "2022-02-01"}


def test_l1_risk_flag_from_an_older_assessment_no_longer_counts() -> None:
    old = Assessment(recipient_key="p1", on=date(2021, 6, 1), risk_flags={RiskFlag.SELF_HARM})
    newer = Assessment(recipient_key="p1", on=date(2022, 1, 5))
    assert graded(person(), assessments=[old, newer]).level is L3
    assert graded(person(), assessments=[old]).level is L1


def test_an_assessment_after_the_as_of_date_does_not_count() -> None:
    later = Assessment(recipient_key="p1", on=AS_OF + timedelta(days=1), risk_flags={"self_harm"})
    assert graded(person(), assessments=[later]).level is L3


def test_someone_elses_assessment_does_not_count() -> None:
    theirs = Assessment(recipient_key="p2", on=date(2022, 1, 5), risk_flags={"self_harm"})
    assert graded(person(), assessments=[theirs]).level is L3


def test_l1_risk_no_carer_fully_dependent_needs_four_failed_tasks_not_three() -> None:
    elderly = person(age=70)
    four = graded(elderly, assessments=[assessed(failed=4, flags=(RiskFlag.NO_CARER,))])
    assert four.level is L1
    assert four.fired_rule_ids[0] == "l1_risk_no_carer_fully_dependent"
    assert four.reasons[0].inputs["failed_tasks"] == "4"
    assert four.reasons[0].inputs["self_care"] == SelfCareLevel.FULLY_LOST.label
    three = graded(elderly, assessments=[assessed(failed=3, flags=(RiskFlag.NO_CARER,))])
    assert three.level is L2
    assert three.fired_rule_ids == ("l2_aged_60_self_care_lost",)


def disaster(**fields: Any) -> Alert:
    values: dict[str, Any] = {
        "id": "cold-2022-01",
        "kind": AlertKind.COLD_WAVE,
        "start": date(2022, 3, 25),
        "end": AS_OF,
        "affected_keys": {"p1"},
    }
    values.update(fields)
    return Alert(**values)


def test_l1_affected_by_disaster_alert_while_it_is_active() -> None:
    result = graded(person(), alerts=[disaster()])
    assert result.level is L1
    assert result.fired_rule_ids == ("l1_affected_by_disaster_alert",)
    assert result.reasons[0].inputs["alert"] == "cold-2022-01"
    assert result.reasons[0].inputs["alert_kind"] == AlertKind.COLD_WAVE.label


def test_l1_affected_by_disaster_alert_that_ended_yesterday_no_longer_fires() -> None:
    ended_yesterday = disaster(end=AS_OF - timedelta(days=1))
    assert graded(person(), alerts=[ended_yesterday]).level is L3


def test_l1_affected_by_disaster_alert_not_yet_started_does_not_fire() -> None:
    tomorrow = AS_OF + timedelta(days=1)
    assert graded(person(), alerts=[disaster(start=tomorrow, end=tomorrow)]).level is L3


def test_l1_affected_needs_the_person_listed_and_a_disaster_not_a_campaign() -> None:
    assert graded(person(), alerts=[disaster(affected_keys={"p2"})]).level is L3
    campaign = disaster(kind=AlertKind.CAMPAIGN)
    assert graded(person(), alerts=[campaign]).level is L3


# 二级 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("failed", [1, 3, 4, 6])
def test_l2_aged_60_self_care_lost_partly_or_fully(failed: int) -> None:
    result = graded(person(age=60), assessments=[assessed(failed=failed)])
    assert result.level is L2
    assert result.fired_rule_ids == ("l2_aged_60_self_care_lost",)


def test_l2_aged_60_self_care_lost_boundaries() -> None:
    assert graded(person(age=59), assessments=[assessed(failed=6)]).level is L3
    assert graded(person(age=75), assessments=[assessed(failed=0)]).level is L3


def test_l2_aged_60_self_care_lost_falls_back_to_the_ledger_without_assessment() -> None:
    result = graded(person(age=66, self_care=SelfCareLevel.PARTLY_LOST))
    assert result.level is L2
    assert result.reasons[0].inputs == {
        "age": "66",
        "as_of": "2022-03-31",
        "self_care": SelfCareLevel.PARTLY_LOST.label,
    }


def test_the_latest_assessment_outweighs_the_ledgers_self_care() -> None:
    recovered = person(age=66, self_care=SelfCareLevel.FULLY_LOST)
    assert graded(recovered, assessments=[assessed(failed=0)]).level is L3


@pytest.mark.parametrize(
    ("categories", "age", "rule_id"),
    [
        ({"extreme_poverty_dispersed"}, 50, "l2_extreme_poverty_dispersed"),
        ({"family_planning_special_elderly"}, 60, "l2_family_planning_special_elderly"),
        ({"orphan"}, 9, "l2_orphan_or_unsupported_child"),
        ({"de_facto_unsupported_child"}, 12, "l2_orphan_or_unsupported_child"),
        ({"child_in_difficulty"}, 7, "l2_child_in_difficulty"),
    ],
)
def test_l2_category_rules(categories: set[str], age: int, rule_id: str) -> None:
    result = graded(person(age=age, categories=categories))
    assert result.level is L2
    assert result.fired_rule_ids == (rule_id,)


def test_l2_extreme_poverty_centralised_is_not_graded_two() -> None:
    assert graded(person(categories={"extreme_poverty_centralised"})).level is L3


def test_l2_family_planning_special_elderly_from_60() -> None:
    assert graded(person(age=59, categories={"family_planning_special_elderly"})).level is L3


@pytest.mark.parametrize(
    ("grade_", "level"),
    [
        (DisabilityGrade.GRADE_1, L2),
        (DisabilityGrade.GRADE_2, L2),
        (DisabilityGrade.GRADE_3, L3),
        (DisabilityGrade.GRADE_4, L3),
    ],
)
def test_l2_severe_disability_is_grade_one_or_two(
    grade_: DisabilityGrade, level: ServiceLevel
) -> None:
    disability = Disability(kind=DisabilityKind.PHYSICAL, grade=grade_)
    result = graded(person(disability=disability))
    assert result.level is level
    if level is L2:
        assert result.reasons[0].inputs == {"disability": disability.label}


# 三级 ------------------------------------------------------------------------------------------


def test_l3_everyone_else_with_a_default_reason() -> None:
    result = graded(person(categories={"subsistence_allowance"}))
    assert result.level is L3
    assert result.fired_rule_ids == ("default_level",)
    assert result.reasons[0].description == RULE_TEXT["default_level"]


def test_unknown_age_fires_no_age_rule() -> None:
    result = graded(person(age=None, categories={"elderly_living_alone"}))
    assert result.level is L3
