"""Grading and schedule records round-trip through the one converter as JSON."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.glossary.rules_text import AbsenceKind, AlertKind, DueStatus, RiskFlag
from socialwork_core.glossary.terms import Category, ContactMode, SelfCareTask, ServiceLevel
from socialwork_core.grading import Assessment, GradeResult, Override, Reason, grade
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, Absence, Alert, DueEntry, VisitRate
from socialwork_core.serialize import dumps, loads, make_converter

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
keys = st.text(alphabet="abcdefghij0123456789-", min_size=1, max_size=12)
texts = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
levels = st.sampled_from(list(ServiceLevel))
inputs = st.dictionaries(st.sampled_from(["age", "as_of", "category"]), texts, max_size=3)

assessments = st.builds(
    Assessment,
    recipient_key=keys,
    on=dates,
    failed_tasks=st.frozensets(st.sampled_from(list(SelfCareTask))),
    risk_flags=st.frozensets(st.sampled_from(list(RiskFlag))),
    assessor_id=st.none() | keys,
    notes=st.none() | texts,
)
overrides = st.builds(Override, recipient_key=keys, level=levels, reason=texts, by=keys, on=dates)
reasons = st.builds(
    Reason,
    rule_id=keys,
    level=levels,
    description=texts,
    description_en=st.just("English"),
    inputs=inputs,
    rule_set_name=keys,
    rule_set_version=keys,
)
grade_results = st.builds(
    GradeResult,
    recipient_key=keys,
    as_of=dates,
    level=levels,
    reasons=st.lists(reasons, max_size=3).map(tuple),
    rule_set_name=keys,
    rule_set_version=keys,
    override=st.none() | overrides,
)


@st.composite
def alerts(draw: st.DrawFn) -> Alert:
    start = draw(dates)
    end = draw(st.dates(min_value=start, max_value=date(2041, 12, 31)))
    return Alert(
        id=draw(keys),
        kind=draw(st.sampled_from(list(AlertKind))),
        title=draw(st.none() | texts),
        start=start,
        end=end,
        issued_at=draw(st.none() | st.times().map(lambda t: t.replace(microsecond=0))),
        station_codes=draw(st.frozensets(keys, max_size=3)),
        village_codes=draw(st.frozensets(keys, max_size=3)),
        levels=draw(st.frozensets(levels)),
        categories=draw(st.frozensets(st.sampled_from([c.value for c in Category]))),
        deadline_hours=draw(st.none() | st.integers(min_value=1, max_value=240)),
        modes=draw(st.frozensets(st.sampled_from(list(ContactMode)), min_size=1)),
        affected_keys=draw(st.frozensets(keys, max_size=3)),
    )


@st.composite
def absences(draw: st.DrawFn) -> Absence:
    start = draw(dates)
    end = draw(st.none() | st.dates(min_value=start, max_value=date(2041, 12, 31)))
    kind = draw(st.sampled_from(list(AbsenceKind)))
    return Absence(recipient_key=draw(keys), kind=kind, start=start, end=end)


due_entries = st.builds(
    DueEntry,
    recipient_key=keys,
    level=levels,
    requirement_id=keys,
    description=texts,
    status=st.sampled_from(list(DueStatus)),
    due_on=st.none() | dates,
    days_overdue=st.integers(min_value=0, max_value=999),
    last_contact_on=st.none() | dates,
    last_contact_id=st.none() | keys,
    alert_id=st.none() | keys,
    worker_id=st.none() | keys,
    station_code=st.none() | keys,
    village=st.none() | keys,
)


@st.composite
def visit_rates(draw: st.DrawFn) -> VisitRate:
    due = draw(st.integers(min_value=0, max_value=500))
    met = draw(st.integers(min_value=0, max_value=due))
    return VisitRate(group=draw(keys), period="2022-03", due=due, met=met)


records = st.one_of(
    assessments,
    overrides,
    reasons,
    grade_results,
    alerts(),
    absences(),
    due_entries,
    visit_rates(),
)


@given(record=records)
def test_every_record_round_trips_through_json(record: Any) -> None:
    converter = make_converter()
    text = dumps(converter, record)
    json.loads(text)  # plain JSON
    assert loads(converter, text, type(record)) == record


def test_a_real_grade_round_trips_with_its_reasons_and_chinese_text() -> None:
    recipient = Recipient(
        key="p1",
        name="Test Person",
        birth_date=date(1939, 1, 1),
        categories={"elderly_living_alone", "extreme_poverty_dispersed"},
    )
    override = Override(
        recipient_key="p1", level="level_2", reason="r", by="w1", on=date(2022, 3, 1)
    )
    result = grade(recipient, date(2022, 3, 31), NATIONAL_DEFAULT, overrides=[override])
    converter = make_converter()
    data = converter.unstructure(result)
    assert data["level"] == "level_1"
    assert data["reasons"][0]["inputs"] == {
        "age": "83",
        "as_of": "2022-03-31",
        "category": "独居老人",
    }
    assert data["override"]["level"] == "level_2"
    assert loads(converter, dumps(converter, result), GradeResult) == result


def test_an_alert_keeps_its_issue_time() -> None:
    alert = Alert(
        id="a1",
        kind="typhoon",
        start=date(2022, 9, 1),
        end=date(2022, 9, 3),
        issued_at=time(18, 30),
        deadline_hours=24,
    )
    converter = make_converter()
    assert converter.unstructure(alert)["issued_at"] == "18:30:00"
    assert loads(converter, dumps(converter, alert), Alert) == alert
