"""Seed 003 (开封 weekly report): the week of 18–24 November 2022 in 尉氏县 (and a little of 兰考县,
so that the county table has more than one county), built to match the 尉氏县 paragraph.

Every number comes from :data:`QUOTES`, each with the words it is taken from. Made up, and said
so here:

- how the 63 visits, 108 station visits and the activities' participants share out among the
  four 其中 groups (:data:`SHARES`); nobody is in two of the groups, and nobody met at an activity
  was visited that day;
- the 501 participants of the week's activities beyond the visits (672 − 63 − 108): the one
  community activity (十八里镇's gathering of 留守老人) and three convenience-service days;
- the county-wide training (共学, section 02) is recorded with its workers, who are no
  participants;
- 兰考县's 92 visits ("本周共走访了92人次", 兰阳、桐乡、东坝头) are its only records.
"""

from __future__ import annotations

from datetime import date

from factories import Quote, Seeded, days, spread, station

from socialwork_core.glossary import ActivityKind, Category, ContactMode, StationTier
from socialwork_core.ledger import Ledger, RecordKind, ledger_of

QUOTES: dict[str, Quote] = {
    "service": Quote(672, "本周尉氏县各乡镇驻站社工为辖区群众提供社工服务672人次"),
    "subsistence_or_extreme_poverty": Quote(69, "其中为低保、特困人员提供社工服务69人次"),
    "disabled": Quote(65, "为残疾人群体提供社工服务65人次"),
    "children_in_difficulty": Quote(76, "为困境儿童提供社工服务76人次"),
    "elderly": Quote(78, "为老年人群体提供社工服务78人次"),
    "community_activities": Quote(1, "开展社区活动1次"),
    "visits": Quote(63, "探访、走访民政服务对象63人次"),
    "station_visits": Quote(108, "接待来访群众咨询108人次"),
}
"""The 尉氏县 line of seed 003."""

LANKAO_VISITS = 92
"""兰考县: "本周共走访了92人次" (兰阳街道、桐乡街道、东坝头镇)."""

SEED = 20221118
AS_OF = date(2022, 11, 24)
WEEK = days(date(2022, 11, 18), date(2022, 11, 24))
COUNTY = "尉氏县社工总站"
AREA = "410223"  # 尉氏县
LANKAO_AREA = "410225"  # 兰考县
TOWNS = (
    "朱曲镇",
    "小陈乡",
    "两湖街道",
    "蔡庄镇",
    "南曹乡",
    "庄头镇",
    "水坡镇",
    "张市镇",
    "十八里镇",
)
LANKAO_TOWNS = ("兰阳街道", "桐乡街道", "东坝头镇")

SHARES: dict[str, tuple[int, int, int]] = {
    # group: (visits, station visits, participants named at the week's activities)
    "subsistence_or_extreme_poverty": (25, 22, 22),
    "disabled": (15, 20, 30),
    "children_in_difficulty": (13, 6, 57),
    "elderly": (10, 20, 48),
    "none": (0, 40, 0),
}
"""How the served people share out (made up); each group's three parts add up to its quote."""
COMMUNITY_ELDERLY = 12
"""Elderly people at the community activity (the rest of the named elderly come to the
convenience-service days)."""


def _person_data(group: str, n: int) -> tuple[int, set[str], bool]:
    """Age, categories and a recorded disability for someone in ``group`` (and no other)."""
    if group == "subsistence_or_extreme_poverty":
        category = Category.SUBSISTENCE_ALLOWANCE if n % 3 else Category.EXTREME_POVERTY_DISPERSED
        return 25 + n % 34, {category}, False
    if group == "disabled":
        return 20 + n % 39, {Category.DISABLED_PERSON}, n % 2 == 0
    if group == "children_in_difficulty":
        return 5 + n % 12, {Category.CHILD_IN_DIFFICULTY}, False
    if group == "elderly":
        return 60 + n % 30, ({Category.ELDERLY_LIVING_ALONE} if n % 4 == 0 else set()), False
    return 18 + n % 41, set(), False


def build() -> Ledger:
    """尉氏县's week (and 兰考县's visits)."""
    g = Seeded(SEED, area=AREA, as_of=AS_OF)
    q = {name: quote.number for name, quote in QUOTES.items()}
    county = station(f"{AREA}000", COUNTY, StationTier.COUNTY_CENTRE)
    towns = [
        station(
            f"{AREA}{n + 1:03d}",
            f"{t}社工站",
            StationTier.TOWNSHIP_STATION,
            parent=county.code,
            township=t,
        )
        for n, t in enumerate(TOWNS)
    ]
    lankao = station(f"{LANKAO_AREA}000", "兰考县社工总站", StationTier.COUNTY_CENTRE)
    lankao_towns = [
        station(
            f"{LANKAO_AREA}{n + 1:03d}",
            f"{t}社工站",
            StationTier.TOWNSHIP_STATION,
            parent=lankao.code,
            township=t,
        )
        for n, t in enumerate(LANKAO_TOWNS)
    ]
    workers = {s.code: g.worker(s.code) for s in [*towns, *lankao_towns]}

    people = []
    contacts = []
    named: dict[str, list[str]] = {}
    for group, (visits, station_visits, participants) in SHARES.items():
        # visited people: some twice, on two days
        visited = max(visits - 5, 0) if visits else 0
        for n, times in enumerate(spread(visits, visited) if visited else []):
            town = towns[n % len(towns)]
            age, categories, disabled = _person_data(group, n)
            person = g.person(
                age=age,
                categories=categories,
                disabled=disabled,
                station_code=town.code,
                township=town.township or "",
                village=f"{town.township}{n % 4 + 1}村",
            )
            people.append(person)
            for on in g.rng.sample(WEEK, times):
                mode = ContactMode.HOME_VISIT if n % 5 else ContactMode.PHONE
                contacts.append(
                    g.contact(
                        on,
                        [person.key],
                        mode=mode,
                        station_code=town.code,
                        worker_ids=(workers[town.code].id,),
                    )
                )
        for n in range(station_visits):
            town = towns[n % len(towns)]
            age, categories, disabled = _person_data(group, n + 100)
            person = g.person(
                age=age,
                categories=categories,
                disabled=disabled,
                station_code=town.code,
                township=town.township or "",
                village=f"{town.township}{n % 4 + 1}村",
            )
            people.append(person)
            contacts.append(
                g.contact(
                    g.rng.choice(WEEK),
                    [person.key],
                    mode=ContactMode.STATION_VISIT,
                    station_code=town.code,
                )
            )
        named[group] = []
        for n in range(participants):
            town = towns[n % len(towns)]
            age, categories, disabled = _person_data(group, n + 200)
            person = g.person(
                age=age,
                categories=categories,
                disabled=disabled,
                station_code=town.code,
                township=town.township or "",
                village=f"{town.township}{n % 4 + 1}村",
            )
            people.append(person)
            named[group].append(person.key)

    # the week's activities: 501 participants beyond the visits, 157 of them named
    beyond = q["service"] - q["visits"] - q["station_visits"]
    gathering = named["elderly"][:COMMUNITY_ELDERLY]
    rest = [k for group in SHARES for k in named[group] if k not in gathering]
    convenience = spread(beyond - len(gathering), 3)
    shares = [rest[n::3] for n in range(3)]
    shiba = next(t for t in towns if t.township == "十八里镇")
    activities = [
        g.activity(
            date(2022, 11, 23),
            kind=ActivityKind.COMMUNITY_ACTIVITY,
            title="留守老人谈心活动",
            station_code=shiba.code,
            participants=len(gathering),
            participant_keys=gathering,
            worker_ids=[workers[shiba.code].id],
        ),
        *(
            g.activity(
                date(2022, 11, 21 + n),
                kind=ActivityKind.CONVENIENCE_SERVICE,
                title="便民服务日",
                station_code=towns[n].code,
                participants=count,
                participant_keys=shares[n],
                worker_ids=[workers[towns[n].code].id],
            )
            for n, count in enumerate(convenience)
        ),
        g.activity(
            date(2022, 11, 23),
            kind=ActivityKind.TRAINING,
            title="社工小豫有话说共学活动",
            station_code=county.code,
            worker_ids=[workers[t.code].id for t in towns],
        ),
    ]

    # 兰考县: 92 visits, on people of its own (ID numbers of 兰考县)
    g.area = LANKAO_AREA
    for n, times in enumerate(spread(LANKAO_VISITS, 80)):
        town = lankao_towns[n % len(lankao_towns)]
        person = g.person(
            age=30 + n % 60,
            categories={Category.SUBSISTENCE_ALLOWANCE},
            station_code=town.code,
            township=town.township or "",
            village=f"{town.township}1村",
        )
        people.append(person)
        for on in g.rng.sample(WEEK, times):
            contacts.append(g.contact(on, [person.key], station_code=town.code))

    return ledger_of(
        {
            RecordKind.STATIONS: [county, *towns, lankao, *lankao_towns],
            RecordKind.WORKERS: list(workers.values()),
            RecordKind.RECIPIENTS: people,
            RecordKind.CONTACTS: contacts,
            RecordKind.ACTIVITIES: activities,
        }
    )
