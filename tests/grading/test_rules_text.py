"""The Chinese words of grading and scheduling live in ``glossary.rules_text``; the modules import
cleanly in any order."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from socialwork_core.glossary import LabelledEnum
from socialwork_core.glossary.rules_text import (
    REQUIREMENT_TEXT,
    RULE_TEXT,
    AbsenceKind,
    AlertKind,
    DueStatus,
    RiskFlag,
    category_label,
    describe_inputs,
    join_labels,
)
from socialwork_core.grading.national import NATIONAL_RULES
from socialwork_core.schedule import NATIONAL_POLICY

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.mark.parametrize("enum", [RiskFlag, AlertKind, AbsenceKind, DueStatus], ids=str)
def test_enumerations_have_snake_case_codes_and_unique_chinese_labels(
    enum: type[LabelledEnum],
) -> None:
    labels = [m.label for m in enum]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", m.value) for m in enum)
    assert all(CJK.search(label) for label in labels)
    assert len(set(labels)) == len(labels)
    for member in enum:
        assert enum.from_label(member.label) is member


def test_every_default_rule_and_requirement_has_chinese_text() -> None:
    own = {r.id for r in NATIONAL_RULES if not r.id.startswith("declared_")}
    assert own | {"default_level"} <= RULE_TEXT.keys()
    assert all(r.description for r in NATIONAL_RULES)
    ids = {req.id for policy in NATIONAL_POLICY.values() for req in policy.requirements}
    assert ids <= REQUIREMENT_TEXT.keys()
    for policy in NATIONAL_POLICY.values():
        for req in policy.requirements:
            assert req.description == REQUIREMENT_TEXT[req.id]


def test_inputs_read_as_a_chinese_phrase() -> None:
    assert describe_inputs({"age": "83", "as_of": "2022-03-31"}) == "年龄：83；截至日期：2022-03-31"
    assert describe_inputs({"local_input": "x"}) == "local_input：x"
    assert join_labels(["独居老人", "空巢老人"]) == "独居老人、空巢老人"
    assert category_label("orphan") == "孤儿"
    assert category_label("guangzhou_local") == "guangzhou_local"


def test_alert_kinds_know_which_are_disasters() -> None:
    assert AlertKind.COLD_WAVE.is_disaster and not AlertKind.CAMPAIGN.is_disaster
    assert DueStatus.OVERDUE.needs_action and not DueStatus.SUSPENDED.needs_action
    assert [s.urgency for s in DueStatus] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    "first",
    [
        "socialwork_core.grading",
        "socialwork_core.schedule",
        "socialwork_core.grading.national",
        "socialwork_core.schedule.due",
        "socialwork_core.schedule.rate",
    ],
)
def test_grading_and_schedule_import_in_any_order(first: str) -> None:
    code = f"import {first}; import socialwork_core.grading, socialwork_core.schedule"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
