"""Seed 004 (安徽东至, 东至县民政局): the county's three-tier network, its workers, the funds it pooled
and a year of each station's work, built to match the Dongzhi paragraph.

Every number comes from :data:`QUOTES`, each with the words it is taken from. Made up, and said so
here:

- "目前" is 31 March 2024; the evaluation is of 2023 (the article names no year);
- the county centre and every township station have workers and a small register of their own,
  visited every month (so each has a visit rate); villages have two 社工室 each;
- 103 certified workers in post: all 8 of the centre's, 4 each at 东流镇 and 大渡口镇, 87 at the
  other stations; 13 of them were certified by the end of 2021 (:data:`CERTIFIED_BY_2021`), the
  rest in October 2023;
- the 50余万元 are 23 fund links of the county centre from 2021 to March 2024, 506 400 yuan;
- "县社工总站和东流镇社工站、大渡口镇社工站分别在市级评比中获优秀和良好等次" is read as the centre
  优秀, the two township stations 良好; the library's evaluation is its own convention (weights
  25/25/25/15/10, bands 90/80/60), so the year's work of the three is made to earn those grades
  under it, and the panel's 一站一品 points (:data:`PROJECT_POINTS`) are given as settings.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs
from factories import Quote, Seeded, spread, station

from socialwork_core.glossary import (
    ActivityKind,
    Category,
    ProviderKind,
    ResourceKind,
    StationTier,
)
from socialwork_core.ledger import Ledger, RecordKind, ledger_of
from socialwork_core.periods import Period, date_range, quarter, year

QUOTES: dict[str, Quote] = {
    "township_stations": Quote(15, "目前已实现全县15个乡镇社工站建设全覆盖"),
    "certified_2021": Quote(13, "全县持证社工人数由2021年13人提升至现在103人"),
    "certified_now": Quote(103, "全县持证社工人数由2021年13人提升至现在103人"),
    "funds_wan": Quote(50, "围绕民政工作整合本领域资金50余万元"),
}
"""The Dongzhi paragraph of seed 004."""
GRADES = {"东至县社工总站": "优秀", "东流镇社工站": "良好", "大渡口镇社工站": "良好"}
""""县社工总站和东流镇社工站、大渡口镇社工站分别在市级评比中获优秀和良好等次"."""

SEED = 20240331
AREA = "341721"  # 东至县
AS_OF = date(2024, 3, 31)
QUARTER: Period = quarter(2024, 1)
SINCE_2021: Period = date_range(date(2021, 1, 1), AS_OF)
EVALUATED: Period = year(2023)
EVALUATED_ON = date(2023, 12, 31)
TOWNS = (
    "东流镇",
    "大渡口镇",
    "尧渡镇",
    "胜利镇",
    "张溪镇",
    "洋湖镇",
    "葛公镇",
    "香隅镇",
    "官港镇",
    "昭潭镇",
    "泥溪镇",
    "龙泉镇",
    "青山乡",
    "花园里乡",
    "木塔乡",
)
CENTRE = "东至县社工总站"
CERTIFIED_BY_2021 = 13
IN_POST_2021 = 40
FUND_LINKS = spread(506400, 23)
CERTIFIED_2021 = date(2021, 10, 24)
CERTIFIED_LATER = date(2023, 10, 22)
"""Certificate dates (made up: the days of the national examination)."""

PROJECT_POINTS: dict[str, Decimal] = {
    CENTRE: Decimal(9),
    "东流镇社工站": Decimal(8),
    "大渡口镇社工站": Decimal(9),
}
"""The panel's 一站一品 points out of 10 (made up); the other stations' projects got 6."""
OTHER_PROJECT_POINTS = Decimal(6)


def _work(name: str) -> tuple[int, int, int, int, int]:
    """Certified and uncertified workers in post, new cases, group sessions, other activities and
    fulfilled links in 2023, by station (made up)."""
    if name == CENTRE:
        return 8, 0, 12, 16, 24
    if name in ("东流镇社工站", "大渡口镇社工站"):
        return 4, 4, 6, 16, 24
    return 0, 1, 9, 12, 20


LINKS_2023 = {CENTRE: 20, "东流镇社工站": 10, "大渡口镇社工站": 10}
"""Fulfilled resource links in 2023 (the yardstick is 20); 8 at other stations."""


def build() -> Ledger:
    g = Seeded(SEED, area=AREA, as_of=AS_OF)
    centre = station(f"{AREA}000", CENTRE, StationTier.COUNTY_CENTRE, posts=8)
    others_certified = spread(
        QUOTES["certified_now"].number - 16, len(TOWNS) - 2
    )  # 87 at the other stations
    towns = []
    workers = [g.worker(centre.code, certified=True) for _ in range(8)]
    for n, town in enumerate(TOWNS):
        code = f"{AREA}{n + 1:03d}"
        certified, uncertified, *_ = _work(f"{town}社工站")
        if n >= 2:
            certified = others_certified[n - 2]
        towns.append(
            station(
                code,
                f"{town}社工站",
                StationTier.TOWNSHIP_STATION,
                parent=centre.code,
                township=town,
                posts=certified + uncertified,
            )
        )
        workers += [g.worker(code, certified=True) for _ in range(certified)]
        workers += [g.worker(code) for _ in range(uncertified)]
    rooms = [
        station(
            f"{s.code}{k + 1:02d}",
            f"{s.township}{k + 1}村社工室",
            StationTier.VILLAGE_POINT,
            parent=s.code,
            township=s.township,
            village=f"{s.township}{k + 1}村",
        )
        for s in towns
        for k in range(2)
    ]

    people = []
    contacts = []
    cases = []
    activities = []
    links = []
    months = [date(2023, m, 10) for m in range(1, 13)] + [date(2024, m, 10) for m in (1, 2, 3)]
    for s in [centre, *towns]:
        _c, _u, new_cases, sessions, others = _work(s.name)
        own = [
            g.person(
                age=40 + k * 3,
                categories={Category.SUBSISTENCE_ALLOWANCE},
                station_code=s.code,
                township=s.township or "尧渡镇",
                village=f"{s.township or '尧渡镇'}1村",
                registered_on=date(2022, 6, 1),
            )
            for k in range(12)
        ]
        people += own
        for person in own:
            for on in months:
                contacts.append(g.contact(on, [person.key], station_code=s.code))
        for k in range(new_cases):
            cases.append(
                g.case(own[k].key, opened_on=date(2023, 1 + k % 12, 15), station_code=s.code)
            )
        for k in range(sessions):
            activities.append(
                g.activity(
                    date(2023, 1 + k % 12, 20),
                    kind=ActivityKind.GROUP_SESSION,
                    title="一站一品小组",
                    station_code=s.code,
                    participants=8,
                )
            )
        for k in range(others):
            activities.append(
                g.activity(
                    date(2023, 1 + k % 12, 5),
                    kind=ActivityKind.COMMUNITY_ACTIVITY,
                    title="社区活动",
                    station_code=s.code,
                    participants=20,
                )
            )
        for k in range(LINKS_2023.get(s.name, 8)):
            links.append(
                g.link(
                    date(2023, 1 + k % 12, 25),
                    provider="东至县爱心企业",
                    provider_kind=ProviderKind.ENTERPRISE,
                    kind=ResourceKind.GOODS,
                    description="爱心物资",
                    station_code=s.code,
                    head_count=5,
                )
            )
    providers = ("共青团东至县委", "东至县妇联", "东至县司法局")
    start = date(2021, 3, 1)
    for k, amount in enumerate(FUND_LINKS):
        on = start + timedelta(days=47 * k)
        if on.year == 2023:  # the centre's 2023 links are its twenty above
            on = on.replace(year=2022)
        links.append(
            g.link(
                on,
                provider=providers[k % 3],
                provider_kind=ProviderKind.GOVERNMENT_DEPARTMENT,
                kind=ResourceKind.FUNDS,
                description="整合资金",
                station_code=centre.code,
                value_yuan=amount,
                head_count=30,
            )
        )

    certified = [w for w in workers if w.certificate.is_certified]
    by_2021 = {w.id for w in certified[:CERTIFIED_BY_2021]}
    # forty were in post in 2021, the 13 certified then among them; the rest came in 2022
    early = {w.id for w in workers[:IN_POST_2021]} | by_2021
    workers = [
        attrs.evolve(
            w,
            started_on=date(2021, 6, 1) if w.id in early else date(2022, 3, 1),
            certified_on=(CERTIFIED_2021 if w.id in by_2021 else CERTIFIED_LATER)
            if w.certificate.is_certified
            else None,
        )
        for w in workers
    ]
    return ledger_of(
        {
            RecordKind.STATIONS: [centre, *towns, *rooms],
            RecordKind.WORKERS: workers,
            RecordKind.RECIPIENTS: people,
            RecordKind.CONTACTS: contacts,
            RecordKind.CASES: cases,
            RecordKind.ACTIVITIES: activities,
            RecordKind.RESOURCE_LINKS: links,
        },
    )
