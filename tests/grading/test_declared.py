"""The ledger's own level (服务等级 / 跟进级别): honoured with its reason, by a region always, by the
national default once the worker has assessed the person."""

from __future__ import annotations

from datetime import date

import attrs

from socialwork_core.glossary import ServiceLevel
from socialwork_core.grading import Assessment, grade, honouring_declared_level
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT

AS_OF = date(2024, 6, 30)
L1, L2, L3 = ServiceLevel.LEVEL_1, ServiceLevel.LEVEL_2, ServiceLevel.LEVEL_3
REGION = honouring_declared_level(
    attrs.evolve(
        NATIONAL_DEFAULT, name="sichuan", version="2024.1", effective_from=date(2024, 1, 1)
    )
)


def person(declared: ServiceLevel | None, *, age: int = 45) -> Recipient:
    return Recipient(
        key="P1", name="李某", birth_date=date(AS_OF.year - age, 1, 1), declared_level=declared
    )


def test_a_region_honouring_the_ledger_grades_the_declared_level_with_the_reason() -> None:
    result = grade(person(L1), AS_OF, REGION)
    assert result.level is L1
    assert result.fired_rule_ids == ("declared_level_1",)
    assert result.explain()[0].startswith("一级：台账登记的服务等级为一级")
    assert dict(result.reasons[0].inputs) == {"declared_level": "一级"}


def test_the_declared_level_is_a_floor_a_more_urgent_rule_still_wins() -> None:
    result = grade(person(L3, age=85), AS_OF, REGION)  # 85 alone: no rule; declared 三级
    assert result.level is L3
    lost = attrs.evolve(person(L3, age=70), self_care="fully_lost")
    assert grade(lost, AS_OF, REGION).level is L2


def test_the_national_default_honours_it_only_once_the_person_is_assessed() -> None:
    unassessed = grade(person(L1), AS_OF, NATIONAL_DEFAULT)
    assert unassessed.level is L3 and unassessed.fired_rule_ids == ("default_level",)
    assessed = grade(
        person(L1), AS_OF, NATIONAL_DEFAULT, assessments=[Assessment(recipient_key="P1", on=AS_OF)]
    )
    assert assessed.level is L1
    assert assessed.reasons[0].text.startswith("一级：社工评估后，台账登记的服务等级为一级")
    assert dict(assessed.reasons[0].inputs)["assessed_on"] == AS_OF.isoformat()


def test_a_level_the_policy_lacks_is_not_honoured() -> None:
    assert grade(person(ServiceLevel.LEVEL_5), AS_OF, REGION).level is L3
