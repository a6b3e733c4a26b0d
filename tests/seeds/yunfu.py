"""Seed 000 (云浮 newsletter): a city ledger of the 2022 社工宣传周 built to match the article.

Every number comes from :data:`QUOTES`, each with the sentence it is taken from. The ledger holds
the city's 63 stations and 146 points, the week's publicity activities, the links to villages,
social organisations and charities, and the week's visits. What the article does not say is made
up and said so here:

- the week is 14–20 March 2022 (the article gives none), so the March report holds it;
- the visit rows are home visits (入户, "开展关爱探访入户送温暖服务"); the stations also phoned some
  people that week (:data:`PHONE_CALLS`), which the article's rows do not count;
- 336 of the 4637 visits reached people in none of the four rows: the article's rows add up to
  4301, not 4637. The form's 其他困难群众 row takes everyone else who holds a category (高龄, 独居,
  残疾 …), so these are people on the register with no category, the article's 边缘困难群体
  ("走访入户探访民政服务对象和边缘困难群体"), some of them old or disabled; the report counts them
  in the total and names them in a note;
- the special-group people at the activities (2561 people) came 2700 times; the rest of the
  participants are the 10675 person-times of 普通群众;
- some 特困 people are recorded under Guangdong's 三无人员 (a child category of 特困).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from factories import Quote, Seeded, cycle, days, spread, station

from socialwork_core.campaigns import Campaign
from socialwork_core.glossary import (
    ActivityKind,
    AlertKind,
    Category,
    ContactMode,
    ProviderKind,
    StationTier,
)
from socialwork_core.handouts import Handout
from socialwork_core.ledger import Ledger, RecordKind, ledger_of
from socialwork_core.periods import Period, month

QUOTES: dict[str, Quote] = {
    "stations": Quote(63, "全市63个社工站、146个社工点纷纷响应"),
    "points": Quote(146, "全市63个社工站、146个社工点纷纷响应"),
    "workers": Quote(951, "共计出动社工951人次"),
    "villages": Quote(387, "联动村居387个"),
    "social_organisations": Quote(66, "联动社会组织66个"),
    "volunteers": Quote(1164, "联动志愿者1164人次"),
    "charities": Quote(66, "联动慈善组织66个开展宣传活动134场次"),
    "activities": Quote(134, "联动慈善组织66个开展宣传活动134场次"),
    "general_reached": Quote(10675, "活动惠及普通群众10675人次"),
    "special_people": Quote(2561, "特殊群众2561人"),
    "cards": Quote(15787, "线下派发暖心卡15787张"),
    "visits": Quote(4637, "探访民政服务对象4637人次"),
    "subsistence": Quote(2899, "低保2899人次"),
    "extreme_poverty": Quote(791, "特困791人次"),
    "orphans_and_unsupported": Quote(168, "事实无人抚养儿童及孤儿168人次"),
    "other_in_difficulty": Quote(443, "其他困难群众443人次"),
}
"""The article's numbers (sentences from seed 000's publicity-week paragraph)."""

FIGURES: list[tuple[str, str, str]] = [
    ("stations", "stations.township_stations", "社工站"),
    ("points", "stations.village_points", "社工点"),
    ("workers", "activities.workers_dispatched", "出动社工"),
    ("villages", "links.villages", "联动村居"),
    ("social_organisations", "links.social_organisations", "联动社会组织"),
    ("volunteers", "activities.volunteers", "联动志愿者"),
    ("charities", "links.charities", "联动慈善组织"),
    ("activities", "activities.total", "开展活动"),
    ("general_reached", "activities.ordinary_reached", "其中普通群众"),
    ("special_people", "activities.special_group_people", "活动惠及特殊群众"),
    ("cards", "handouts.item.暖心卡", "暖心卡（张）"),
    ("visits", "visits.table.total", "探访民政服务对象"),
    ("subsistence", "visits.table.subsistence", "低保"),
    ("extreme_poverty", "visits.table.extreme_poverty", "特困"),
    ("orphans_and_unsupported", "visits.table.orphans_and_unsupported", "事实无人抚养儿童及孤儿"),
    ("other_in_difficulty", "visits.table.other_in_difficulty", "其他困难群众"),
]
"""Where the monthly form (``guangdong.monthly``) puts each quote: (quote, figure code, the
form's row label)."""

SEED = 20220314
AREA = "445302"  # 云城区
AS_OF = date(2022, 3, 31)
WEEK = days(date(2022, 3, 14), date(2022, 3, 20))
PERIOD: Period = month(2022, 3)

NOT_IN_A_ROW = 336
"""Home visits to people in none of the four rows (4637 − 2899 − 791 − 168 − 443): people with no
category on the register (边缘困难群体)."""
SPECIAL_VISITS = 2700
"""Person-times of the 2561 special-group people at the week's activities."""
CAMPAIGN = "XCZ2022"
"""The publicity week's ID in the 专项活动 sheet, which its activities and cards carry."""
PHONE_CALLS = 612
"""Phone calls the stations made that week (not home visits: the article's rows leave them out)."""
PEOPLE = {
    "subsistence": 2000,
    "extreme_poverty": 600,
    "orphans_and_unsupported": 120,
    "other_in_difficulty": 350,
    "not_in_a_row": 300,
}
"""People on the register by the row their visits count in (made up; fewer than the visits)."""
THREE_NOS = "guangdong.three_nos"


def _categories(row: str, n: int) -> set[str]:
    if row == "subsistence":
        return {Category.SUBSISTENCE_ALLOWANCE} | (
            {Category.DISABLED_PERSON} if n % 5 == 0 else set()
        )
    if row == "extreme_poverty":
        if n % 10 == 0:
            return {THREE_NOS}
        return {
            Category.EXTREME_POVERTY_DISPERSED if n % 3 else Category.EXTREME_POVERTY_CENTRALISED
        }
    if row == "orphans_and_unsupported":
        return {Category.ORPHAN if n % 4 == 0 else Category.DE_FACTO_UNSUPPORTED_CHILD}
    if row == "other_in_difficulty":
        return {Category.OTHER_IN_DIFFICULTY}
    return set()  # 边缘困难群体: on the register with no category


def _age(row: str, n: int) -> int:
    if row == "orphans_and_unsupported":
        return 4 + n % 13
    if row == "not_in_a_row" and n % 3 == 0:
        return 80 + n % 12
    return 30 + (n * 7) % 55


def build() -> Ledger:
    """The city's ledger for the publicity week."""
    g = Seeded(SEED, area=AREA, as_of=AS_OF)
    q = {name: quote.number for name, quote in QUOTES.items()}
    towns = [f"云{n + 1:02d}镇" for n in range(q["stations"])]
    stations = [
        station(f"{AREA}{n + 1:03d}", f"{town}社工站", StationTier.TOWNSHIP_STATION, township=town)
        for n, town in enumerate(towns)
    ]
    points = []
    for s, count in zip(stations, spread(q["points"], len(stations)), strict=True):
        for k in range(count):
            village = f"{s.township}{k + 1}村"
            points.append(
                station(
                    f"{s.code}{k + 1:02d}",
                    f"{village}社工点",
                    StationTier.VILLAGE_POINT,
                    parent=s.code,
                    township=s.township,
                    village=village,
                )
            )
    workers = {s.code: [g.worker(s.code) for _ in range(5)] for s in stations}

    # the register, row by row, spread over the stations
    people_of: dict[str, list[str]] = {s.code: [] for s in stations}
    people = []
    visits_per_person: list[tuple[str, str, int]] = []
    for row, count in PEOPLE.items():
        visits = NOT_IN_A_ROW if row == "not_in_a_row" else q[row]
        for n in range(count):
            s = stations[n % len(stations)]
            person = g.person(
                age=_age(row, n),
                categories=_categories(row, n),
                station_code=s.code,
                township=s.township or "",
                village=f"{s.township}1村",
                disabled=row == "not_in_a_row" and n % 3 == 2,
            )
            people.append(person)
            people_of[s.code].append(person.key)
            times = 1 + (1 if n < visits - count else 0)
            visits_per_person.append((person.key, s.code, times))

    contacts = []
    for key, code, times in visits_per_person:
        for _ in range(times):
            contacts.append(
                g.contact(
                    g.rng.choice(WEEK),
                    [key],
                    station_code=code,
                    worker_ids=(g.rng.choice(workers[code]).id,),
                )
            )
    for _ in range(PHONE_CALLS):
        key, code, _times = g.rng.choice(visits_per_person)
        contacts.append(
            g.contact(g.rng.choice(WEEK), [key], mode=ContactMode.PHONE, station_code=code)
        )

    # the week's publicity activities: two or three per station
    activity_stations = [stations[n % len(stations)] for n in range(q["activities"])]
    workers_at = spread(q["workers"], q["activities"])
    volunteers_at = spread(q["volunteers"], q["activities"])
    general_at = spread(q["general_reached"], q["activities"])
    special_distinct = spread(q["special_people"], len(stations))
    special_repeats = spread(SPECIAL_VISITS - q["special_people"], len(stations))
    participants: dict[int, list[str]] = {n: [] for n in range(q["activities"])}
    for i, s in enumerate(stations):
        own = [n for n, at in enumerate(activity_stations) if at is s]
        chosen = people_of[s.code][: special_distinct[i]]
        for j, key in enumerate(chosen):
            participants[own[j % len(own)]].append(key)
        for j, key in enumerate(chosen[: special_repeats[i]]):
            participants[own[(j + 1) % len(own)]].append(key)
    activities = []
    for n, s in enumerate(activity_stations):
        index = stations.index(s)
        nearby = [
            w.id for k in range(3) for w in workers[stations[(index + k) % len(stations)].code]
        ]
        activities.append(
            g.activity(
                WEEK[n % len(WEEK)],
                kind=ActivityKind.PUBLICITY,
                title="五社联动聚合力 社工服务暖基层",
                campaign_id=CAMPAIGN,
                station_code=s.code,
                participants=general_at[n] + len(participants[n]),
                special=len(participants[n]),
                volunteers=volunteers_at[n],
                participant_keys=participants[n],
                worker_ids=g.rng.sample(nearby, workers_at[n]),
            )
        )

    links = []
    town_of = cycle([s.code for s in stations])
    for kind, count, name in (
        (ProviderKind.VILLAGE_COMMITTEE, q["villages"], "第{n}村村委会"),
        (
            ProviderKind.SOCIAL_ORGANISATION,
            q["social_organisations"],
            "云浮市第{n}社会工作服务中心",
        ),
        (ProviderKind.CHARITY, q["charities"], "第{n}慈善会"),
    ):
        for n in range(count):
            links.append(
                g.link(
                    g.rng.choice(WEEK),
                    provider=name.format(n=n + 1),
                    provider_kind=kind,
                    description="社工宣传周联动",
                    head_count=g.rng.randrange(5, 40),
                    station_code=next(town_of),
                )
            )

    week = Campaign(
        id=CAMPAIGN,
        kind=AlertKind.CAMPAIGN,
        title="2022年云浮市“双百工程”社工宣传周",
        start=WEEK[0],
        end=WEEK[-1],
    )
    cards = [
        Handout(
            id=g.next_id("H"),
            on=WEEK[n % len(WEEK)],
            item="暖心卡",
            quantity=Decimal(count),
            unit="张",
            campaign_id=CAMPAIGN,
            station_code=s.code,
        )
        for n, (s, count) in enumerate(
            zip(stations, spread(q["cards"], len(stations)), strict=True)
        )
    ]

    return ledger_of(
        {
            RecordKind.CAMPAIGNS: [week],
            RecordKind.HANDOUTS: cards,
            RecordKind.STATIONS: [*stations, *points],
            RecordKind.WORKERS: [w for ws in workers.values() for w in ws],
            RecordKind.RECIPIENTS: people,
            RecordKind.CONTACTS: contacts,
            RecordKind.ACTIVITIES: activities,
            RecordKind.RESOURCE_LINKS: links,
        }
    )
