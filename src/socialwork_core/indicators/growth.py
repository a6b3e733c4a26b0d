"""Growth figures from dates: stations set up in a period, certified workers at its start and end,
and the growth on the same day a year before (docs/domain.md section 1: Dongzhi's 持证社工由13人提升
至103人, Yuxi's 同比增长40%; section 6: 新增镇级社会工作站7家).

Counts at a day are stocks: a worker certified on a day is in post then (:meth:`SocialWorker.in_post
<socialwork_core.stations.SocialWorker.in_post>`) and holds a certificate obtained by then. A
period's start figure is the stock on the day before its first day, so one period's start is the
previous period's end. A certificate without its date (取证日期) cannot be placed on a past day: a
count that needs it is not computable, with the number of workers missing the date; the end of
period count (:func:`~.compute.certified_workers`) takes such a certificate as held.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..glossary.indicators_text import FigureCode, FigureFamily, FigureUnit
from ..glossary.terms import StationTier
from ..periods import Period, stock_date
from ..record_kinds import RecordKind, spec_of
from ..stations import SocialWorker
from .compute import certified_workers, percent
from .figures import Figure, computed, not_computable
from .records import LedgerLike, has_records

__all__ = [
    "certified_at",
    "certified_at_start",
    "certified_growth",
    "new_stations",
    "newly_certified",
    "same_day_a_year_before",
]


def same_day_a_year_before(day: date) -> date:
    """The same date a year earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _missing(code: str, records: RecordKind) -> Figure:
    return not_computable(
        code, FigureUnit.PEOPLE, "reports.no_records", records=spec_of(records).in_reasons
    )


def _undated(workers: Iterable[SocialWorker], day: date) -> int:
    return sum(1 for w in workers if w.in_post(day) and w.certified_by(day) is None)


def certified_at(ledger: LedgerLike, day: date, code: str = FigureCode.WORKERS_CERTIFIED) -> Figure:
    """持证社工 on a past ``day``: workers in post then with a certificate obtained by then; not
    computable when a worker in post then is certified without a 取证日期."""
    if not has_records(ledger, RecordKind.WORKERS):
        return _missing(code, RecordKind.WORKERS)
    undated = _undated(ledger.workers, day)
    if undated:
        return not_computable(
            code,
            FigureUnit.PEOPLE,
            "reports.no_certificate_dates",
            count=str(undated),
            day=day.isoformat(),
        )
    count = sum(1 for w in ledger.workers if w.in_post(day) and w.certified_by(day))
    return computed(code, count, FigureUnit.PEOPLE)


def certified_at_start(ledger: LedgerLike, period: Period) -> Figure:
    """期初持证社工: certified workers on the day before the period's first day."""
    return certified_at(
        ledger, period.start - timedelta(days=1), FigureCode.WORKERS_CERTIFIED_AT_START
    )


def newly_certified(ledger: LedgerLike, period: Period) -> Figure:
    """新增持证社工: workers whose certificate was obtained within the period (in post or not);
    not computable when no certified worker carries a 取证日期."""
    code = FigureCode.WORKERS_NEWLY_CERTIFIED
    if not has_records(ledger, RecordKind.WORKERS):
        return _missing(code, RecordKind.WORKERS)
    certified = [w for w in ledger.workers if w.certificate.is_certified]
    undated = sum(1 for w in certified if w.certified_on is None)
    if undated:
        return not_computable(
            code,
            FigureUnit.PEOPLE,
            "reports.no_certificate_dates",
            count=str(undated),
            day=period.label,
        )
    count = sum(
        1 for w in certified if w.certified_on is not None and period.contains(w.certified_on)
    )
    return computed(code, count, FigureUnit.PEOPLE)


def certified_growth(ledger: LedgerLike, period: Period, as_of: date) -> tuple[Figure, Figure]:
    """持证社工同比增长: certified workers at the period's end (its stock date) against the same day
    a year before, as a percentage; with the year-before count (上年同期持证社工) it rests on."""
    end = stock_date(period, as_of)
    before = certified_at(
        ledger, same_day_a_year_before(end), FigureCode.WORKERS_CERTIFIED_YEAR_BEFORE
    )
    now = certified_workers(ledger, end)
    code = FigureCode.WORKERS_CERTIFIED_GROWTH
    for part in (now, before):
        if part.value is None:
            return (
                not_computable(code, FigureUnit.PERCENT, "reports.depends_on", what=part.label),
                before,
            )
    assert isinstance(now.value, int) and isinstance(before.value, int)
    if before.value == 0:
        return not_computable(code, FigureUnit.PERCENT, "reports.no_base"), before
    return computed(
        code, percent(now.value - before.value, before.value), FigureUnit.PERCENT
    ), before


def new_stations(ledger: LedgerLike, period: Period) -> dict[StationTier, Figure]:
    """新增社工站(点) per tier (``stations.new.<tier>``): stations of the tier set up within the
    period. Not computable for a tier with stations none of which carries a 建站日期; a station
    of the tier without one is taken as set up before the ledger's dates (not new)."""
    result: dict[StationTier, Figure] = {}
    for tier in StationTier:
        code = f"{FigureFamily.STATIONS_NEW}.{tier.value}"
        if not has_records(ledger, RecordKind.STATIONS):
            result[tier] = not_computable(
                code,
                FigureUnit.COUNT,
                "reports.no_records",
                records=spec_of(RecordKind.STATIONS).in_reasons,
            )
            continue
        of_tier = [s for s in ledger.stations if s.tier is tier]
        dated = [s.established_on for s in of_tier if s.established_on is not None]
        if of_tier and not dated:
            result[tier] = not_computable(
                code, FigureUnit.COUNT, "reports.no_established_dates", tier=tier.label
            )
            continue
        result[tier] = computed(
            code, sum(1 for day in dated if period.contains(day)), FigureUnit.COUNT
        )
    return result
