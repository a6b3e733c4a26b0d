"""探访率 as report figures, from :func:`socialwork_core.schedule.visit_rate`.

For each service level of the rule set in effect at the period's end: people due a contact in the
period (应探访), people whose requirements were met (已探访) and the rate (percent, one decimal).
A level nobody was due in has no rate: it is not computable (never 0 % nor 100 %).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..glossary.indicators_text import (
    INDICATOR_LABELS,
    VISIT_RATE_DUE_LABEL,
    VISIT_RATE_LEVEL_LABEL,
    VISIT_RATE_MET_LABEL,
    FigureCode,
    FigureFamily,
    FigureUnit,
)
from ..glossary.terms import ServiceLevel
from ..grading.records import Assessment, Override
from ..grading.rules import RuleSet, choose_rule_set
from ..periods import Period
from ..record_kinds import RecordKind, spec_of
from ..schedule import NATIONAL_DEFAULT, Absence, Alert, VisitRate, visit_rate
from .compute import percent
from .figures import Figure, computed, not_computable
from .records import LedgerLike, has_records, visit_history

__all__ = ["overall_visit_rate", "visit_rates_by_level"]


def _rate_figure(code: str, label: str, rate: VisitRate | None) -> Figure:
    if rate is None or rate.due == 0:
        return not_computable(
            code, FigureUnit.PERCENT, "reports.no_visit_requirements", label=label
        )
    return computed(code, percent(rate.met, rate.due), FigureUnit.PERCENT, label=label)


def _missing(ledger: LedgerLike) -> RecordKind | None:
    if not has_records(ledger, RecordKind.RECIPIENTS):
        return RecordKind.RECIPIENTS
    if not has_records(ledger, RecordKind.CONTACTS):
        return RecordKind.CONTACTS
    return None


def visit_rates_by_level(
    ledger: LedgerLike,
    period: Period,
    *,
    rule_sets: RuleSet | Iterable[RuleSet] = NATIONAL_DEFAULT,
    alerts: Iterable[Alert] = (),
    assessments: Iterable[Assessment] = (),
    absences: Iterable[Absence] = (),
    overrides: Iterable[Override] = (),
) -> tuple[tuple[str, tuple[Figure, Figure, Figure]], ...]:
    """One row per level of the rule set: (level label, (应探访, 已探访, 探访率))."""
    rule_sets = rule_sets if isinstance(rule_sets, RuleSet) else tuple(rule_sets)
    levels = sorted(choose_rule_set(rule_sets, period.end).policy, key=lambda lv: lv.rank)
    missing = _missing(ledger)
    rates: dict[str, VisitRate] = {}
    if missing is None:
        rates = {
            r.group: r
            for r in visit_rate(
                ledger.recipients,
                visit_history(ledger),
                rule_sets,
                period,
                group_by="level",
                alerts=alerts,
                assessments=assessments,
                absences=absences,
                overrides=overrides,
            )
        }
    rows = []
    for level in levels:
        rows.append((level.label, _level_row(level, rates.get(level.value), missing)))
    return tuple(rows)


def _level_row(
    level: ServiceLevel, rate: VisitRate | None, missing: RecordKind | None
) -> tuple[Figure, Figure, Figure]:
    due_code, due_label = (
        f"{FigureFamily.VISIT_RATE_DUE}.{level.value}",
        VISIT_RATE_DUE_LABEL.format(level=level.label),
    )
    met_code, met_label = (
        f"{FigureFamily.VISIT_RATE_MET}.{level.value}",
        VISIT_RATE_MET_LABEL.format(level=level.label),
    )
    rate_code, rate_label = (
        f"{FigureFamily.VISIT_RATE_LEVEL}.{level.value}",
        VISIT_RATE_LEVEL_LABEL.format(level=level.label),
    )
    if missing is not None:
        due_fig, met_fig, rate_fig = (
            not_computable(
                code, unit, "reports.no_records", label=label, records=spec_of(missing).in_reasons
            )
            for code, unit, label in (
                (due_code, FigureUnit.PEOPLE, due_label),
                (met_code, FigureUnit.PEOPLE, met_label),
                (rate_code, FigureUnit.PERCENT, rate_label),
            )
        )
        return due_fig, met_fig, rate_fig
    due = rate.due if rate is not None else 0
    met = rate.met if rate is not None else 0
    return (
        computed(due_code, due, FigureUnit.PEOPLE, label=due_label),
        computed(met_code, met, FigureUnit.PEOPLE, label=met_label),
        _rate_figure(rate_code, rate_label, rate),
    )


def overall_visit_rate(
    ledger: LedgerLike,
    period: Period,
    *,
    rule_sets: RuleSet | Iterable[RuleSet] = NATIONAL_DEFAULT,
    alerts: Iterable[Alert] = (),
    absences: Iterable[Absence] = (),
) -> Figure:
    """探访率 of everyone due in the period, each person once."""
    code = FigureCode.VISIT_RATE_OVERALL
    missing = _missing(ledger)
    if missing is not None:
        return not_computable(
            code, FigureUnit.PERCENT, "reports.no_records", records=spec_of(missing).in_reasons
        )
    rates = visit_rate(
        ledger.recipients,
        visit_history(ledger),
        rule_sets,
        period,
        group_by="all",
        alerts=alerts,
        absences=absences,
    )
    return _rate_figure(code, INDICATOR_LABELS[code], rates[0] if rates else None)
