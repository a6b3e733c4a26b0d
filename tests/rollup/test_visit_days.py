"""A roll-up keeps the days a template's visit rates read back as visit days, not visits
(``ReportTemplate.history_days``): the figures are those of the visits themselves, the parent
holds the report's window as contacts and the year before it as one entry a person."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from socialwork_core.glossary.terms import StationTier
from socialwork_core.indicators import scoped, station_shares, tier_share
from socialwork_core.indicators.campaigns import for_campaign
from socialwork_core.indicators.records import LedgerLike, unattributed
from socialwork_core.periods import parse_period
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings, ReportTemplate, report_data
from socialwork_core.rollup import ShareRequest, map_shares, merge_shares
from socialwork_core.visit_history import VisitHistory

from ..cli.conftest import example
from .conftest import Person, StationBook, Visit, resident

PERIOD = parse_period("2023-03")
AS_OF = date(2023, 3, 31)


def template(name: str) -> ReportTemplate:
    return {t.name: t for t in load_plugins().report_templates()}[name]


def as_visits(kept: ReportTemplate) -> ReportTemplate:
    """The template made to read its history as visits (as the reduce held it before)."""
    return attrs.evolve(kept, lookback_days=kept.history_days, history_days=None)


def request_for(kept: ReportTemplate, **options: Any) -> ShareRequest:
    return ShareRequest(
        window=kept.records_window(PERIOD, AS_OF),
        history=kept.history_window(PERIOD, AS_OF),
        **options,
    )


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three stations, each filing a cumulative workbook every month (January to March: each
    repeats the months before), people numbered 1, 2, 3 … at every station, one person on two
    registers; visited at home in January and by phone after (so March's visit rate, with its
    quarterly home visits, reads January)."""
    folder = tmp_path_factory.mktemp("months")
    files = []
    for station in range(3):
        code = f"41022310{station + 1}"
        people = [
            Person(str(k), f"对象{station}{k}", resident(100 * station + k), level="一级")
            for k in range(1, 7)
        ]
        if station == 2:
            people.append(Person("9", "李秀莲", resident(22)))
        for last in (1, 2, 3):
            visits = [
                Visit(
                    f"T{m}{k}",
                    f"2023-{m:02d}-{k + 2:02d}",
                    str(1 + (k + station + m) % 6),
                    mode="入户" if m == 1 else "电话",
                )
                for m in range(1, last + 1)
                for k in range(1, 8)
            ]
            path = folder / f"station-{station + 1}-2023-{last:02d}.xlsx"
            StationBook(code, f"第{station + 1}镇社工站", people, visits).write(path)
            files.append(path)
    return files


@pytest.mark.parametrize("name", ["national.monthly", "anhui.station_evaluation"])
def test_a_report_reading_a_year_back_from_visit_days_equals_the_report_from_the_visits(
    months: list[Path], name: str
) -> None:
    kept = template(name)
    assert kept.history_days is not None and kept.lookback_days == 0
    period = parse_period("2023") if name.endswith("evaluation") else PERIOD
    requests = {
        "visit days": ShareRequest(
            adapter="national",
            window=kept.records_window(period, AS_OF),
            history=kept.history_window(period, AS_OF),
        ),
        "visits": ShareRequest(
            adapter="national", window=as_visits(kept).contact_window(period, AS_OF)
        ),
        # what the figures would be with neither: the quarter's earlier months unseen
        "the period alone": ShareRequest(
            adapter="national", window=kept.records_window(period, AS_OF)
        ),
    }
    built = {}
    for way, request in requests.items():
        ledger = merge_shares(map_shares(months, request, jobs=1)).ledger
        report = kept.build(ledger, period, as_of=AS_OF, unit="-", settings=ReportSettings())
        built[way] = report_data(report)
    assert built["visit days"] == built["visits"]
    if name == "national.monthly":  # its quarterly home visits read January and February
        assert built["the period alone"] != built["visits"]


def test_the_parent_holds_the_month_as_visits_and_the_months_before_as_visit_days(
    months: list[Path],
) -> None:
    kept = template("national.monthly")
    by_days = merge_shares(map_shares(months, request_for(kept, adapter="national"), jobs=2))
    by_visits = merge_shares(
        map_shares(
            months,
            ShareRequest(adapter="national", window=as_visits(kept).contact_window(PERIOD, AS_OF)),
            jobs=1,
        )
    )
    history = by_days.ledger.visit_history
    assert history is not None
    assert {c.on.month for c in by_days.ledger.contacts} == {3}
    assert {c.on.month for c in by_visits.ledger.contacts} == {1, 2, 3}
    # one entry a person and station, however many visits and repeating files
    people = len(by_days.ledger.recipients)
    assert len(history.entries) <= people < len(by_visits.ledger.contacts)
    # the days are the visits' days, each once
    assert {
        (key, day, mode)
        for e in history.entries
        for key in e.recipient_keys
        for day, mode in e.pairs()
    } == {(key, c.on, c.mode) for c in by_visits.ledger.contacts for key in c.recipient_keys}


def cuts(ledger: LedgerLike) -> dict[str, LedgerLike]:
    """Every way the library cuts a ledger into shares of stations, tiers and campaigns."""
    found: dict[str, LedgerLike] = {}
    codes = [s.code for s in ledger.stations]
    for code in codes:
        found[f"scoped {code}"] = scoped(ledger, code)
    for code, share in station_shares(ledger, codes).items():
        found[f"share {code}"] = share
    for tier in StationTier:
        found[f"tier {tier.value}"] = tier_share(ledger, tier)
    rest = unattributed(ledger)
    if rest is not None:
        found["unattributed"] = rest
    for campaign in ledger.campaigns:
        found[f"campaign {campaign.id}"] = for_campaign(ledger, campaign.id).records
    return found


def said(history: VisitHistory) -> set[tuple[object, ...]]:
    return {(e.signature, day, mode) for e in history.entries for day, mode in e.pairs()}


@pytest.mark.parametrize("region", ["national", "anhui", "guangdong", "henan"])
def test_every_cut_of_a_ledger_cuts_its_visit_days_as_it_cuts_its_visits(region: str) -> None:
    kept = template("national.monthly")
    span = kept.history_window(PERIOD, date(2023, 12, 31))
    assert span is not None
    source = [example(region)]
    whole = merge_shares(map_shares(source, ShareRequest(), jobs=1)).ledger
    with_days = merge_shares(map_shares(source, ShareRequest(window=span, history=span), jobs=1))
    assert with_days.ledger.visit_history is not None
    visits_cut, days_cut = cuts(whole), cuts(with_days.ledger)
    assert visits_cut.keys() == days_cut.keys()
    assert len(visits_cut) > 2
    for name, share in visits_cut.items():
        history = getattr(days_cut[name], "visit_history", None)
        assert history is not None, name
        assert said(history) == said(VisitHistory.of(share.contacts, span)), name


def test_a_dask_cluster_gives_the_same_visit_days_and_report(months: list[Path]) -> None:
    distributed = pytest.importorskip("distributed")
    kept = template("national.monthly")
    request = request_for(kept, adapter="national")
    serial = merge_shares(map_shares(months, request, jobs=1)).ledger
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_dask = merge_shares(map_shares(months, request, scheduler=cluster)).ledger
    assert serial.visit_history is not None and on_dask.visit_history is not None
    assert said(on_dask.visit_history) == said(serial.visit_history)
    assert on_dask == serial

    def built(ledger: LedgerLike) -> object:
        report = kept.build(ledger, PERIOD, as_of=AS_OF, unit="-", settings=ReportSettings())
        return report_data(report)

    assert built(on_dask) == built(serial)
