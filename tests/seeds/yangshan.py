"""Seed 002 (阳山, 南方日报): the county's year to 4 August 2024, built to match the article.

Every number comes from :data:`QUOTES`, each with the sentence it is taken from. Made up, and
said so here:

- the year is 2024 and 截至目前 is 4 August (the recruitment figures are "截至8月4日");
- a household is one or two people on the register; some households are visited twice or on
  both members, and some people are phoned too (neither makes another household);
- 12 050 of the 12 282 households were first visited in the first half (the article's "上半年
  ... 1.2万户"), the rest in July and August;
- the cold wave's visits fall on 22–31 January, the flood's on 22–30 April, each a campaign of its
  own in the 专项活动 sheet (寒潮, 暴雨洪涝); the people reached in both are different people; the
  warm clothing went out station by station, the quilt at one;
- the flood's visit log says for each of its visits whether the worker helped the people move to
  safety (协助转移 是/否): the first 222 of the 808 households in the register's order were moved;
  the other visits leave the column empty;
- 118 cases open at the end of June: 58 opened in 2023 and 60 of the 68 opened in the half year;
  six more cases open in July;
- 22 950 households on the register ("建档数近2.3万户"), all filed before the year;
- 13 township stations (the article's "全县13个社工站") hold the 196 posts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from factories import Quote, Seeded, days, spread, station

from socialwork_core.campaigns import Campaign
from socialwork_core.glossary import ActivityKind, AlertKind, Category, ContactMode, StationTier
from socialwork_core.handouts import Handout
from socialwork_core.ledger import Ledger, RecordKind, ledger_of
from socialwork_core.periods import Period, cumulative, date_range

QUOTES: dict[str, Quote] = {
    "households": Quote(12282, "截至目前,社工已累计入户探访12282户"),
    "activities": Quote(422, "开展各类活动422场"),
    "people_reached": Quote(8969, "惠及群众8969人(次)"),
    "new_cases": Quote(68, "上半年……新增服务个案68个"),
    "ongoing_cases": Quote(118, "正在跟进服务个案118个"),
    "posts": Quote(196, "阳山县“双百”社工岗位需求196人"),
    "in_post": Quote(142, "现在岗人员142人"),
    "vacant": Quote(54, "需招聘54人"),
    "cold_wave_villages": Quote(46, "全县“双百”社工共走访村居46个"),
    "cold_wave": Quote(387, "走访服务对象387人"),
    "warm_clothes": Quote(36, "送出防寒衣物36件"),
    "quilts": Quote(1, "棉被1张"),
    "flood": Quote(808, "共计走访困难群众808人"),
    "relocated": Quote(222, "协助政府转移受灾群众222人"),
    "stations": Quote(13, "全县13个社工站均积极参与"),
}
"""The article's numbers (seed 002)."""

SEED = 20240804
AREA = "441823"  # 阳山县
AS_OF = date(2024, 8, 4)
TO_DATE: Period = cumulative(date(2024, 1, 1), AS_OF)
FIRST_HALF: Period = date_range(date(2024, 1, 1), date(2024, 6, 30))
COLD_WAVE = days(date(2024, 1, 22), date(2024, 1, 31))
FLOOD = days(date(2024, 4, 22), date(2024, 4, 30))
COLD_WAVE_ALERT = "HC-2024-01"
FLOOD_ALERT = "HL-2024-04"

FIRST_HALF_HOUSEHOLDS = 12050
FILED_HOUSEHOLDS = 22950
""""建档数近2.3万户": households on the register (made up within "近")."""
VILLAGES_PER_TOWN = 12
LEFT = 9
"""Workers who left during the year (not in post on 4 August)."""
CASES_2023_OPEN = 58
CASES_2023_CLOSED = 30
CASES_CLOSED_IN_HALF = 8
CASES_JULY = 6


def build() -> Ledger:
    g = Seeded(SEED, area=AREA, as_of=AS_OF)
    q = {name: quote.number for name, quote in QUOTES.items()}
    towns = [f"阳{n + 1:02d}镇" for n in range(q["stations"])]
    stations = [
        station(
            f"{AREA}{n + 1:03d}",
            f"{town}社工站",
            StationTier.TOWNSHIP_STATION,
            township=town,
            posts=posts,
        )
        for n, (town, posts) in enumerate(zip(towns, spread(q["posts"], len(towns)), strict=True))
    ]
    workers = []
    for n, count in enumerate(spread(q["in_post"] + LEFT, len(stations))):
        for k in range(count):
            left = date(2024, 3, 1) + timedelta(days=13 * n) if k == 0 and n < LEFT else None
            workers.append(g.worker(stations[n].code, left_on=left))

    # households: one or two people; the first member is the one visited
    households: list[tuple[list[str], str, str, str]] = []  # members, station, village, town
    people = []
    total = FILED_HOUSEHOLDS
    for h in range(total):
        s = stations[h % len(stations)]
        village = f"{s.township}{(h // len(stations)) % VILLAGES_PER_TOWN + 1}村"
        categories = (
            {Category.SUBSISTENCE_ALLOWANCE},
            {Category.EXTREME_POVERTY_DISPERSED},
            {Category.CHILD_IN_DIFFICULTY},
            {Category.ELDERLY_LIVING_ALONE},
        )[h % 4]
        age = 9 + h % 8 if h % 4 == 2 else 35 + (h * 7) % 55
        head = g.person(
            age=age,
            categories=categories,
            station_code=s.code,
            township=s.township or "",
            village=village,
        )
        members = [head]
        if h % 3 == 0:
            members.append(
                g.person(
                    age=30 + h % 40,
                    categories={Category.SUBSISTENCE_ALLOWANCE},
                    station_code=s.code,
                    township=s.township or "",
                    village=village,
                    household_head=head.name,
                )
            )
        people += members
        households.append(([p.key for p in members], s.code, village, s.township or ""))

    visited = households[: q["households"]]
    # the cold wave's people: first members of households in 46 villages; the flood's: others
    villages = sorted({v for _, _, v, _ in visited})
    cold_villages = set(g.rng.sample(villages, q["cold_wave_villages"]))
    by_village: dict[str, list[tuple[list[str], str, str, str]]] = {}
    for h in visited:
        if h[2] in cold_villages:
            by_village.setdefault(h[2], []).append(h)
    # round the 46 villages, one household each, until 387 people are reached
    rounds = [h for column in zip(*by_village.values(), strict=False) for h in column]
    cold = rounds[: q["cold_wave"]]
    cold_ids = {id(h) for h in cold}
    flood = [h for h in visited if id(h) not in cold_ids][: q["flood"]]
    flood_ids = {id(h) for h in flood}
    later = days(date(2024, 7, 1), AS_OF)
    half = days(date(2024, 1, 1), date(2024, 6, 30))
    moved = {id(h) for h in flood[: q["relocated"]]}
    contacts = []
    for n, (members, code, _village, _town) in enumerate(visited):
        alert, relocated = None, None
        if id(visited[n]) in cold_ids:
            on, alert = g.rng.choice(COLD_WAVE), COLD_WAVE_ALERT
        elif id(visited[n]) in flood_ids:
            on, alert = g.rng.choice(FLOOD), FLOOD_ALERT
            relocated = id(visited[n]) in moved
        elif n < FIRST_HALF_HOUSEHOLDS:
            on = g.rng.choice([d for d in half if d not in COLD_WAVE and d not in FLOOD])
        else:
            on = g.rng.choice(later)
        contacts.append(
            g.contact(on, [members[0]], station_code=code, alert_id=alert, relocated=relocated)
        )
        if n % 5 == 0:  # visited again, on the other member where there is one
            again = on + timedelta(days=30)
            if again > AS_OF or again in COLD_WAVE or again in FLOOD:
                again = on + timedelta(days=1)
            if again <= AS_OF and again not in COLD_WAVE and again not in FLOOD:
                contacts.append(g.contact(again, [members[-1]], station_code=code))
        if n % 7 == 0:
            phoned = on + timedelta(days=3)
            if phoned <= AS_OF and phoned not in COLD_WAVE and phoned not in FLOOD:
                contacts.append(
                    g.contact(phoned, [members[0]], mode=ContactMode.PHONE, station_code=code)
                )

    year = days(date(2024, 1, 1), AS_OF)
    activities = [
        g.activity(
            g.rng.choice(year),
            kind=(
                ActivityKind.COMMUNITY_ACTIVITY,
                ActivityKind.PUBLICITY,
                ActivityKind.GROUP_SESSION,
            )[n % 3],
            title="社区活动",
            station_code=stations[n % len(stations)].code,
            participants=count,
        )
        for n, count in enumerate(spread(q["people_reached"], q["activities"]))
    ]

    keys = [members[0] for members, *_ in households]
    cases = []
    last_year = days(date(2023, 1, 1), date(2023, 12, 31))
    for n in range(CASES_2023_OPEN):
        cases.append(g.case(keys[n], opened_on=g.rng.choice(last_year)))
    for n in range(CASES_2023_CLOSED):
        cases.append(
            g.case(
                keys[100 + n],
                opened_on=date(2023, 9, 1) + timedelta(days=n),
                closed_on=date(2024, 2, 1) + timedelta(days=n),
            )
        )
    for n in range(q["new_cases"]):
        opened = date(2024, 1, 10) + timedelta(days=2 * n)
        closed = opened + timedelta(days=20) if n < CASES_CLOSED_IN_HALF else None
        cases.append(g.case(keys[200 + n], opened_on=opened, closed_on=closed))
    for n in range(CASES_JULY):
        cases.append(g.case(keys[300 + n], opened_on=date(2024, 7, 5) + timedelta(days=n)))

    campaigns = [
        Campaign(
            id=COLD_WAVE_ALERT,
            kind=AlertKind.COLD_WAVE,
            title="1月下旬强冷空气“送暖入户”",
            start=COLD_WAVE[0],
            end=COLD_WAVE[-1],
        ),
        Campaign(
            id=FLOOD_ALERT,
            kind=AlertKind.RAINSTORM_FLOOD,
            title="4月下旬暴雨洪涝灾后入户慰问",
            start=FLOOD[0],
            end=FLOOD[-1],
        ),
    ]
    # the cold wave's warm clothing, station by station, and the one quilt
    handouts = [
        Handout(
            id=g.next_id("H"),
            on=COLD_WAVE[n % len(COLD_WAVE)],
            item="防寒衣物",
            quantity=Decimal(count),
            unit="件",
            people_reached=count,
            campaign_id=COLD_WAVE_ALERT,
            station_code=stations[n].code,
        )
        for n, count in enumerate(spread(q["warm_clothes"], len(stations)))
    ]
    handouts.append(
        Handout(
            id=g.next_id("H"),
            on=COLD_WAVE[3],
            item="棉被",
            quantity=Decimal(q["quilts"]),
            unit="张",
            people_reached=1,
            campaign_id=COLD_WAVE_ALERT,
            station_code=stations[0].code,
        )
    )

    return ledger_of(
        {
            RecordKind.CAMPAIGNS: campaigns,
            RecordKind.HANDOUTS: handouts,
            RecordKind.STATIONS: stations,
            RecordKind.WORKERS: workers,
            RecordKind.RECIPIENTS: people,
            RecordKind.CONTACTS: contacts,
            RecordKind.ACTIVITIES: activities,
            RecordKind.CASES: cases,
        }
    )
