"""Grading explains itself: the highest level wins, every fired rule is a reason, overrides are kept
beside the computed grade, and the rule set in effect on the as-of date is the one applied."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import FindingError
from socialwork_core.glossary.rules_text import RiskFlag
from socialwork_core.glossary.terms import (
    Category,
    DisabilityGrade,
    DisabilityKind,
    SelfCareLevel,
    SelfCareTask,
    ServiceLevel,
)
from socialwork_core.grading import (
    Assessment,
    GradingContext,
    Override,
    Rule,
    RuleSet,
    choose_rule_set,
    grade,
    grade_with,
    level_of,
)
from socialwork_core.grading.predicates import aged_at_least, all_of, any_of, holds_any
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, NATIONAL_POLICY

AS_OF = date(2022, 3, 31)
L1, L2, L3 = ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_2, ServiceLevel.LEVEL_3


def person(**fields: Any) -> Recipient:
    values: dict[str, Any] = {"key": "p1", "name": "Test Person", "birth_date": date(1939, 1, 1)}
    values.update(fields)
    return Recipient(**values)


def test_the_most_urgent_level_wins_and_every_fired_rule_is_a_reason() -> None:
    recipient = person(categories={"elderly_living_alone", "extreme_poverty_dispersed"})
    result = grade(recipient, AS_OF, NATIONAL_DEFAULT)
    assert result.level is L1
    assert result.fired_rule_ids == ("l1_aged_80_living_alone", "l2_extreme_poverty_dispersed")
    assert all(r.rule_set_name == "national-default" for r in result.reasons)
    assert all(r.rule_set_version == "2022.1" for r in result.reasons)
    assert (result.rule_set_name, result.rule_set_version) == ("national-default", "2022.1")


def test_a_reason_reads_as_one_chinese_sentence_with_its_inputs() -> None:
    result = grade(person(categories={"elderly_living_alone"}), AS_OF, NATIONAL_DEFAULT)
    text = result.explain()[0]
    assert "83" in text and "2022-03-31" in text and "独居老人" in text
    assert "national-default 2022.1" in text


def test_an_override_is_kept_beside_the_computed_grade() -> None:
    override = Override(
        recipient_key="p1",
        level=L1,
        reason="family conflict reported",
        by="w7",
        on=date(2022, 3, 2),
    )
    result = grade(person(), AS_OF, NATIONAL_DEFAULT, overrides=[override])
    assert result.level is L3
    assert result.override == override
    assert result.effective_level is L1 and result.is_overridden
    assert result.fired_rule_ids == ("default_level",)
    assert "family conflict reported" in result.explain()[-1]


def test_an_override_made_after_the_as_of_date_is_not_in_force() -> None:
    later = Override(recipient_key="p1", level=L1, reason="r", by="w7", on=date(2022, 4, 1))
    result = grade(person(), AS_OF, NATIONAL_DEFAULT, overrides=[later])
    assert result.override is None and result.effective_level is L3


def test_the_latest_override_on_or_before_the_as_of_date_counts() -> None:
    first = Override(recipient_key="p1", level=L1, reason="r", by="w7", on=date(2022, 1, 1))
    second = Override(recipient_key="p1", level=L2, reason="r", by="w7", on=date(2022, 2, 1))
    result = grade(person(), AS_OF, NATIONAL_DEFAULT, overrides=[second, first])
    assert result.effective_level is L2


def test_choose_rule_set_picks_the_newest_in_effect_on_the_date() -> None:
    newer = attrs.evolve(NATIONAL_DEFAULT, version="2023.1", effective_from=date(2023, 1, 1))
    assert choose_rule_set([newer, NATIONAL_DEFAULT], date(2022, 12, 31)) is NATIONAL_DEFAULT
    assert choose_rule_set([newer, NATIONAL_DEFAULT], date(2023, 1, 1)) is newer


def test_a_march_grade_uses_marchs_rules() -> None:
    strict = attrs.evolve(
        NATIONAL_DEFAULT,
        name="strict",
        version="1",
        effective_from=date(2022, 4, 1),
        default_level=L2,
    )
    march = grade(person(), AS_OF, [NATIONAL_DEFAULT, strict])
    april = grade(person(), date(2022, 4, 1), [NATIONAL_DEFAULT, strict])
    assert (march.level, march.rule_set_name) == (L3, "national-default")
    assert (april.level, april.rule_set_name) == (L2, "strict")


def test_no_rule_set_in_effect_is_a_finding() -> None:
    later = attrs.evolve(NATIONAL_DEFAULT, effective_from=date(2030, 1, 1))
    with pytest.raises(FindingError) as caught:
        choose_rule_set([later], AS_OF)
    assert caught.value.codes == ("rules.no_rule_set_in_effect",)


def test_two_rule_sets_taking_effect_the_same_day_are_ambiguous() -> None:
    twin = attrs.evolve(NATIONAL_DEFAULT, version="other")
    with pytest.raises(ValueError, match="several rule sets"):
        choose_rule_set([twin, NATIONAL_DEFAULT], AS_OF)


def test_a_region_builds_its_own_rule_set_from_the_building_blocks() -> None:
    # Guangzhou-like: advanced age from 70 is 二级; the self-care rule is dropped.
    seventy = Rule(
        id="gz_aged_70",
        level=L2,
        predicate=all_of(aged_at_least(70), holds_any("advanced_age_elderly")),
        description_en="Aged 70 or over with the advanced-age allowance.",
    )
    regional = NATIONAL_DEFAULT.adding(seventy).without("l2_aged_60_self_care_lost")
    regional = attrs.evolve(regional, name="gz", version="2024.1")
    old = person(birth_date=date(1950, 1, 1), categories={"advanced_age_elderly"})
    assert grade(old, AS_OF, regional).fired_rule_ids == ("gz_aged_70",)
    assert grade(old, AS_OF, NATIONAL_DEFAULT).level is L3
    with pytest.raises(KeyError):
        regional.rule("l2_aged_60_self_care_lost")


def test_a_predicate_may_answer_true_false_or_inputs() -> None:
    ctx = GradingContext.of(person(), AS_OF)
    always = Rule(id="always", level=L1, predicate=lambda _c: True)
    never = Rule(id="never", level=L1, predicate=lambda _c: False)
    assert always.evaluate(ctx) == {}
    assert never.evaluate(ctx) is None
    either = any_of(lambda _c: None, lambda _c: {"k": "v"})
    assert either(ctx) == {"k": "v"}


def test_rule_ids_must_be_unique_in_a_rule_set() -> None:
    rule = NATIONAL_DEFAULT.rules[0]
    with pytest.raises(ValueError, match="repeat"):
        attrs.evolve(NATIONAL_DEFAULT, rules=(rule, rule))


def test_a_rule_set_needs_a_policy_for_its_default_level() -> None:
    only_one = {L1: NATIONAL_POLICY[L1]}
    with pytest.raises(ValueError, match="default level"):
        RuleSet(name="x", version="1", effective_from=AS_OF, rules=(), policy=only_one)


def test_an_undefined_level_uses_the_nearest_policy() -> None:
    assert NATIONAL_DEFAULT.policy_for(ServiceLevel.LEVEL_5) is NATIONAL_POLICY[L3]
    assert NATIONAL_DEFAULT.policy_for(L2) is NATIONAL_POLICY[L2]


def test_assessment_self_care_follows_the_six_tasks() -> None:
    assessment = Assessment(
        recipient_key="p1", on=AS_OF, failed_tasks={"eating", "bathing"}, risk_flags={"no_carer"}
    )
    assert assessment.failed_count == 2
    assert assessment.self_care.value == "partly_lost"
    assert RiskFlag.NO_CARER in assessment.risk_flags
    with pytest.raises(ValueError, match="unknown SelfCareTask"):
        Assessment(recipient_key="p1", on=AS_OF, failed_tasks={"juggling"})


people = st.builds(
    Recipient,
    key=st.just("p1"),
    name=st.just("Test Person"),
    birth_date=st.none() | st.dates(date(1920, 1, 1), date(2020, 1, 1)),
    categories=st.frozensets(st.sampled_from([c.value for c in Category]), max_size=3),
    self_care=st.none() | st.sampled_from(list(SelfCareLevel)),
    disability=st.none()
    | st.builds(
        Disability,
        kind=st.sampled_from(list(DisabilityKind)),
        grade=st.sampled_from(list(DisabilityGrade)),
    ),
)
assessment_of_p1 = st.none() | st.builds(
    Assessment,
    recipient_key=st.just("p1"),
    on=st.just(date(2022, 1, 1)),
    failed_tasks=st.frozensets(st.sampled_from(list(SelfCareTask))),
    risk_flags=st.frozensets(st.sampled_from(list(RiskFlag))),
)


@given(
    recipient=people,
    assessment=assessment_of_p1,
    override_level=st.none() | st.sampled_from(list(ServiceLevel)),
)
def test_level_of_is_the_effective_level_of_the_full_grade(
    recipient: Recipient, assessment: Assessment | None, override_level: ServiceLevel | None
) -> None:
    override = (
        None
        if override_level is None
        else Override(recipient_key="p1", level=override_level, reason="r", by="w", on=AS_OF)
    )
    full = grade_with(recipient, AS_OF, NATIONAL_DEFAULT, assessment=assessment, override=override)
    fast = level_of(recipient, AS_OF, NATIONAL_DEFAULT, assessment=assessment, override=override)
    assert fast is full.effective_level
    assert full.level is min((r.level for r in full.reasons), key=lambda lv: lv.rank)
