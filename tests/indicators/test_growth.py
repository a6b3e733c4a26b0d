"""Growth from dates: stations set up in a period, certified workers at its start and end, and the
growth on the same day a year before; 无法计算 where the ledger lacks the dates. Every figure is
worked out by hand from small factory-built ledgers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from workbooks import workbook

from socialwork_core import indicators as ind
from socialwork_core.glossary import StationTier
from socialwork_core.indicators import RecordSet
from socialwork_core.ledger import load_ledger
from socialwork_core.periods import date_range, month, quarter, year
from socialwork_core.plugins import load_plugins
from socialwork_core.stations import SocialWorker, Station


def _station(code: str, tier: str = "township_station", on: date | None = None) -> Station:
    parent = None if tier == "county_centre" else "C"
    return Station(code=code, name=f"{code}站", tier=tier, parent_code=parent, established_on=on)


def _worker(
    n: int,
    certified_on: date | None = None,
    *,
    level: str = "assistant",
    started: date | None = None,
    left: date | None = None,
) -> SocialWorker:
    return SocialWorker(
        id=f"w{n}",
        name=f"社工{n}",
        certificate=level,
        certified_on=certified_on,
        started_on=started,
        left_on=left,
    )


def test_new_stations_count_those_set_up_within_the_period_per_tier() -> None:
    ledger = RecordSet(
        stations=(
            _station("C", "county_centre", date(2020, 5, 1)),
            _station("S1", on=date(2021, 3, 1)),
            _station("S2", on=date(2023, 2, 10)),
            _station("S3", on=date(2023, 9, 30)),
            _station("S4"),  # no date: taken as set up before the ledger's dates
            _station("R1", "village_point"),
        )
    )

    new = ind.new_stations(ledger, year(2023))

    assert new[StationTier.TOWNSHIP_STATION].value == 2  # S2, S3
    assert new[StationTier.TOWNSHIP_STATION].code == "stations.new.township_station"
    assert new[StationTier.COUNTY_CENTRE].value == 0
    village = new[StationTier.VILLAGE_POINT]
    assert village.value is None and "建站日期" in (village.reason or "")
    assert ind.new_stations(ledger, quarter(2023, 1))[StationTier.TOWNSHIP_STATION].value == 1


def test_a_tier_without_stations_has_no_new_ones_and_no_stations_sheet_is_not_computable() -> None:
    ledger = RecordSet(stations=(_station("S1", on=date(2023, 2, 1)),))

    assert ind.new_stations(ledger, year(2023))[StationTier.VILLAGE_POINT].value == 0
    assert ind.new_stations(RecordSet(), year(2023))[StationTier.TOWNSHIP_STATION].value is None


def test_stations_set_up_after_the_period_are_not_in_its_network() -> None:
    ledger = RecordSet(
        stations=(_station("S1", on=date(2022, 6, 1)), _station("S2", on=date(2023, 4, 1)))
    )

    assert ind.station_counts(ledger, date(2023, 3, 31))[StationTier.TOWNSHIP_STATION].value == 1
    assert ind.station_counts(ledger)[StationTier.TOWNSHIP_STATION].value == 2


def _dongzhi() -> RecordSet:
    # 13 certified by the end of 2021, 90 more certified in 2022 and 2023: 103 in mid-2023
    early = [_worker(n, date(2019 + n % 3, 10, 20)) for n in range(13)]
    later = [_worker(100 + n, date(2022 + n % 2, 11, 5)) for n in range(90)]
    uncertified = [_worker(500 + n, level="none") for n in range(5)]
    return RecordSet(workers=(*early, *later, *uncertified))


def test_certified_workers_rise_from_thirteen_at_the_start_to_a_hundred_and_three_at_the_end() -> (
    None
):
    period = date_range(date(2022, 1, 1), date(2023, 12, 31))
    ledger = _dongzhi()

    assert ind.certified_at_start(ledger, period).value == 13  # on 31 December 2021
    assert ind.certified_workers(ledger, period.end).value == 103
    assert ind.newly_certified(ledger, period).value == 90
    assert ind.certified_at_start(ledger, period).code == "workers.certified_at_start"


def test_growth_on_the_same_day_a_year_before() -> None:
    # Yuxi's 同比增长40%: 10 certified at the end of 2022, 14 at the end of 2023
    workers = [_worker(n, date(2021, 11, 1)) for n in range(10)]
    workers += [_worker(20 + n, date(2023, 10, 8)) for n in range(4)]
    workers.append(_worker(40, date(2021, 11, 1), left=date(2023, 12, 31)))  # left on the day
    ledger = RecordSet(workers=tuple(workers))

    growth, before = ind.certified_growth(ledger, year(2023), as_of=date(2024, 1, 15))

    assert before.value == 11  # the ten and w40, on 31 December 2022
    assert ind.certified_workers(ledger, date(2023, 12, 31)).value == 14
    assert growth.value == Decimal("27.3")  # (14 − 11) / 11
    growth_q, before_q = ind.certified_growth(ledger, quarter(2023, 4), as_of=date(2023, 11, 30))
    assert before_q.value == 11  # on 30 November 2022: the stock date is the as-of date
    assert growth_q.value == Decimal("36.4")  # (15 − 11) / 11: w40 still in post on 30 November


def test_a_certificate_without_its_date_cannot_be_placed_on_a_past_day() -> None:
    ledger = RecordSet(
        workers=(
            _worker(1, date(2020, 1, 5)),
            _worker(2),  # certified, date unknown
            _worker(3, level="none"),
        )
    )

    start = ind.certified_at_start(ledger, year(2023))
    growth, before = ind.certified_growth(ledger, year(2023), as_of=date(2023, 12, 31))

    assert start.value is None and "1名持证社工未填写取证日期" in (start.reason or "")
    assert ind.certified_workers(ledger, date(2023, 12, 31)).value == 2  # taken as held now
    assert before.value is None and growth.value is None
    assert ind.newly_certified(ledger, year(2023)).value is None


def test_a_certificate_not_held_yet_on_the_day_does_not_count_at_the_end_either() -> None:
    ledger = RecordSet(workers=(_worker(1, date(2023, 3, 10)), _worker(2, date(2022, 1, 1))))

    assert ind.certified_workers(ledger, date(2023, 2, 28)).value == 1
    assert ind.certified_workers(ledger, date(2023, 3, 10)).value == 2


def test_growth_from_nobody_is_not_computable() -> None:
    ledger = RecordSet(workers=(_worker(1, date(2023, 3, 10)),))

    growth, before = ind.certified_growth(ledger, year(2023), as_of=date(2023, 12, 31))

    assert before.value == 0 and growth.value is None and "上年同期为0" in (growth.reason or "")


def test_the_same_day_a_year_before_a_leap_day_is_the_28th() -> None:
    assert ind.same_day_a_year_before(date(2024, 2, 29)) == date(2023, 2, 28)
    assert ind.same_day_a_year_before(date(2024, 3, 1)) == date(2023, 3, 1)


@given(
    st.lists(st.dates(min_value=date(2019, 1, 1), max_value=date(2024, 12, 31)), min_size=1),
    st.integers(min_value=2020, max_value=2024),
    st.integers(min_value=1, max_value=12),
)
def test_a_month_starts_with_what_the_month_before_ended_with_and_ends_with_its_new_ones(
    certified: list[date], y: int, m: int
) -> None:
    ledger = RecordSet(workers=tuple(_worker(n, day) for n, day in enumerate(certified)))
    this = month(y, m)
    start = ind.certified_at_start(ledger, this).value
    new = ind.newly_certified(ledger, this).value
    assert isinstance(start, int) and isinstance(new, int)

    assert start == ind.certified_workers(ledger, this.previous().end).value
    assert ind.certified_at_start(ledger, this.next()).value == start + new


def test_the_national_layout_reads_set_up_and_certificate_dates(tmp_path: Path) -> None:
    (fmt,) = load_plugins(environ={}).ledger_formats(adapter="national")
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "李雪"]],
            "社工站点": [
                ["站点编码", "站点名称", "层级", "建站日期"],
                ["S1", "东流镇社工站", "乡镇(街道)社工站", "2023年2月10日"],
            ],
            "社工人员": [
                ["社工编号", "姓名", "职业水平", "取证日期"],
                ["w1", "陈晓燕", "助理社会工作师", "2021-11-20"],
                ["w2", "周建国", "未持证", None],
            ],
        },
    )

    ledger = load_ledger(path, fmt).ledger

    assert [s.established_on for s in ledger.stations] == [date(2023, 2, 10)]
    assert [w.certified_on for w in ledger.workers] == [date(2021, 11, 20), None]
