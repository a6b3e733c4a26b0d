"""Station evaluation (社工站评估): a score out of 100 from weighted indicator groups, and a grade.

**Convention, not a provincial text.** Anhui reports grades 优秀 and 良好 (seed 004) but no scoring
rule was found. The weights (:class:`EvaluationWeights`), the yardsticks (:class:`EvaluationTargets`)
and the grade bands 90 / 80 / 60 (:class:`GradeBands`) are this library's defaults; a region or an
evaluation panel replaces any of them.

Each group scores ``weight × ratio`` with ``ratio`` between 0 and 1:

- staffing (人员配备与持证): half for posts filled (in post / posts, at most 1), half for the share
  of workers in post who hold a certificate;
- visit rate (探访率): the rate at the period end, as a fraction;
- casework (个案、小组与活动): the mean of new cases / target, group sessions / target and other
  activities / target, each at most 1;
- resources (资源链接): fulfilled links / target, at most 1;
- distinctive project (特色项目): the points a panel gave, passed in (the ledger cannot know them).

A group whose inputs the ledger cannot support is not computable, and so is the total: a station
is never graded on a partial score.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import attrs

from ..glossary.indicators_text import (
    EVALUATION_GROUP_LABELS,
    EvaluationGrade,
    FigureCode,
    FigureFamily,
    FigureUnit,
)
from ..glossary.terms import ActivityKind
from ..indicators import compute
from ..indicators.figures import Figure, computed, not_computable
from ..indicators.records import LedgerLike
from ..periods import Period, stock_date

__all__ = [
    "EvaluationTargets",
    "EvaluationWeights",
    "GradeBands",
    "StationEvaluation",
    "evaluate_station",
]

_CENT = Decimal("0.01")
_ONE = Decimal(1)


def _decimal(value: int | str | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)


@attrs.frozen(kw_only=True)
class GradeBands:
    """Lowest score of each grade. *Default* 90 / 80 / 60: a common convention, configurable."""

    excellent: Decimal = attrs.field(default=Decimal(90), converter=_decimal)
    good: Decimal = attrs.field(default=Decimal(80), converter=_decimal)
    passing: Decimal = attrs.field(default=Decimal(60), converter=_decimal)

    def __attrs_post_init__(self) -> None:
        if not self.excellent >= self.good >= self.passing:
            raise ValueError("grade bands must not increase from excellent to passing")

    def grade(self, score: Decimal) -> EvaluationGrade:
        """The grade of a score: at or above a band's lowest score earns it."""
        if score >= self.excellent:
            return EvaluationGrade.EXCELLENT
        if score >= self.good:
            return EvaluationGrade.GOOD
        if score >= self.passing:
            return EvaluationGrade.PASS
        return EvaluationGrade.FAIL


@attrs.frozen(kw_only=True)
class EvaluationWeights:
    """Points of each group; *default* 25 / 25 / 25 / 15 / 10, which must add up to 100."""

    staffing: Decimal = attrs.field(default=Decimal(25), converter=_decimal)
    visit_rate: Decimal = attrs.field(default=Decimal(25), converter=_decimal)
    casework: Decimal = attrs.field(default=Decimal(25), converter=_decimal)
    resources: Decimal = attrs.field(default=Decimal(15), converter=_decimal)
    distinctive_project: Decimal = attrs.field(default=Decimal(10), converter=_decimal)

    def __attrs_post_init__(self) -> None:
        total = sum(attrs.astuple(self), Decimal(0))
        if total != 100:
            raise ValueError(f"evaluation weights must add up to 100, got {total}")

    def by_group(self) -> tuple[tuple[str, Decimal], ...]:
        """``(group code, weight)`` in the order a :class:`StationEvaluation` lists its groups; the
        codes key ``EVALUATION_GROUP_LABELS`` and name the figures ``evaluation.group.<code>``."""
        return tuple(attrs.asdict(self).items())


@attrs.frozen(kw_only=True)
class EvaluationTargets:
    """What earns a full casework and resources score over the evaluation period (*defaults* for a
    quarter: 3 new cases, 4 group sessions, 6 other activities, 5 fulfilled resource links)."""

    new_cases: int = 3
    group_sessions: int = 4
    activities: int = 6
    resource_links: int = 5

    def __attrs_post_init__(self) -> None:
        if min(attrs.astuple(self)) <= 0:
            raise ValueError("evaluation targets must be positive")


@attrs.frozen(kw_only=True)
class StationEvaluation:
    """The groups' scores, the total (out of 100) and the grade, or why they cannot be given."""

    groups: tuple[Figure, ...]
    """One figure per group, in points (``evaluation.group.<code>``)."""
    weights: tuple[Decimal, ...]
    """The weight of each group, in the same order."""
    total: Figure
    grade: EvaluationGrade | None


def _ratio(part: int, whole: int) -> Decimal:
    return min(Decimal(part) / Decimal(whole), _ONE)


def _points(code: str, weight: Decimal, ratio: Decimal) -> Figure:
    return computed(
        f"{FigureFamily.EVALUATION_GROUP}.{code}",
        (weight * ratio).quantize(_CENT, rounding=ROUND_HALF_UP),
        FigureUnit.POINTS,
        label=EVALUATION_GROUP_LABELS[code],
    )


def _blocked(code: str, cause: Figure) -> Figure:
    return not_computable(
        f"{FigureFamily.EVALUATION_GROUP}.{code}",
        FigureUnit.POINTS,
        "reports.depends_on",
        label=EVALUATION_GROUP_LABELS[code],
        what=cause.label,
    )


def _staffing(ledger: LedgerLike, as_of: date, weight: Decimal) -> Figure:
    posts = compute.posts_total(ledger)
    in_post = compute.workers_in_post(ledger, as_of)
    certified = compute.certified_workers(ledger, as_of)
    for part in (posts, in_post, certified):
        if part.value is None:
            return _blocked("staffing", part)
    assert isinstance(posts.value, int) and isinstance(in_post.value, int)
    assert isinstance(certified.value, int)
    filled = _ratio(in_post.value, posts.value) if posts.value else _ONE
    share = _ratio(certified.value, in_post.value) if in_post.value else Decimal(0)
    return _points("staffing", weight, (filled + share) / 2)


def _casework(ledger: LedgerLike, period: Period, weight: Decimal, t: EvaluationTargets) -> Figure:
    cases = compute.new_cases(ledger, period)
    sessions = compute.group_sessions(ledger, period)
    others = compute.activities_held(
        ledger, period, [k for k in ActivityKind if k is not ActivityKind.GROUP_SESSION]
    )
    for part in (cases, sessions, others):
        if part.value is None:
            return _blocked("casework", part)
    assert isinstance(cases.value, int) and isinstance(sessions.value, int)
    assert isinstance(others.value, int)
    ratios = (
        _ratio(cases.value, t.new_cases),
        _ratio(sessions.value, t.group_sessions),
        _ratio(others.value, t.activities),
    )
    return _points("casework", weight, sum(ratios, Decimal(0)) / 3)


def evaluate_station(
    ledger: LedgerLike,
    period: Period,
    *,
    as_of: date,
    visit_rate: Figure,
    distinctive_project_points: Decimal | None,
    weights: EvaluationWeights | None = None,
    targets: EvaluationTargets | None = None,
    bands: GradeBands | None = None,
) -> StationEvaluation:
    """Score one station's share of a ledger (see :func:`socialwork_core.indicators.scoped`).

    ``visit_rate`` is the station's overall visit rate (a percent figure) at the period end;
    ``distinctive_project_points`` the panel's points for its distinctive project, from 0 to that
    group's weight (``None``: not scored; outside 0 to the weight: not computable, the points
    named in the reason; either way the total is not computable). Staffing is counted at the
    period's end (:func:`~socialwork_core.periods.stock_date`).
    """
    w = weights or EvaluationWeights()
    t = targets or EvaluationTargets()
    b = bands or GradeBands()
    groups: list[Figure] = [_staffing(ledger, stock_date(period, as_of), w.staffing)]
    if visit_rate.value is None:
        groups.append(_blocked("visit_rate", visit_rate))
    else:
        groups.append(
            _points("visit_rate", w.visit_rate, min(Decimal(visit_rate.value) / 100, _ONE))
        )
    groups.append(_casework(ledger, period, w.casework, t))
    links = compute.resources_linked(ledger, period)
    if links.value is None:
        groups.append(_blocked("resources", links))
    else:
        groups.append(_points("resources", w.resources, _ratio(int(links.value), t.resource_links)))
    code = "distinctive_project"
    if distinctive_project_points is None:
        groups.append(
            not_computable(
                f"{FigureFamily.EVALUATION_GROUP}.{code}",
                FigureUnit.POINTS,
                "reports.not_scored",
                label=EVALUATION_GROUP_LABELS[code],
                what=EVALUATION_GROUP_LABELS[code],
            )
        )
    elif not 0 <= distinctive_project_points <= w.distinctive_project:
        # a panel's points from a settings file: flagged in the station's row, never capped
        groups.append(
            not_computable(
                f"{FigureFamily.EVALUATION_GROUP}.{code}",
                FigureUnit.POINTS,
                "reports.points_out_of_range",
                label=EVALUATION_GROUP_LABELS[code],
                what=EVALUATION_GROUP_LABELS[code],
                points=str(distinctive_project_points),
                weight=str(w.distinctive_project),
            )
        )
    else:
        groups.append(
            _points(code, w.distinctive_project, distinctive_project_points / w.distinctive_project)
        )
    missing = next((g for g in groups if g.value is None), None)
    if missing is not None:
        total = not_computable(
            FigureCode.EVALUATION_SCORE, FigureUnit.POINTS, "reports.depends_on", what=missing.label
        )
        grade = None
    else:
        score = sum((Decimal(g.value) for g in groups if g.value is not None), Decimal(0))
        total = computed(FigureCode.EVALUATION_SCORE, score, FigureUnit.POINTS)
        grade = b.grade(score)
    return StationEvaluation(
        groups=tuple(groups),
        weights=tuple(weight for _, weight in w.by_group()),
        total=total,
        grade=grade,
    )
