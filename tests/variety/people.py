"""The truth behind a generated ledger: made-up people and their visits, before any writing style.

Everything is synthetic. Names are drawn from common surnames and given-name characters; resident ID
numbers use a real county area code that was in force for the whole of 1936-2015 (so python-stdnum
accepts it for any birth year used here), a birth date, a sequence number (odd for men) and the
check character stdnum computes. Phones are random 11-digit mobiles.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import attrs
from stdnum.cn import ric

SA, NS, EP, ORPHAN, DFU, DIS, LBC, CID, ALONE, LBE, AGED, OTHER = (
    "subsistence_allowance",
    "near_subsistence",
    "extreme_poverty",
    "orphan",
    "de_facto_unsupported_child",
    "disabled",
    "left_behind_child",
    "child_in_difficulty",
    "elderly_living_alone",
    "left_behind_elderly",
    "advanced_age",
    "other",
)
"""The national category codes of the answer keys (the corpus's key schema)."""

HOME, PHONE, VIDEO, IM, STATION = "home_visit", "phone", "video", "instant_message", "station_visit"
"""The visit modes of the answer keys."""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余"
    "杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "秀英桂兰玉珍凤芝淑华建国志明德福春梅翠花金山海成永红小平秋菊冬生长顺水莲兴旺家俊"
    "雪梅晓东子涵思远雨欣浩然梓轩一诺欣怡宇航佳琪"
)


@attrs.frozen
class County:
    """Where a ledger's people live: a county's real area code and made-up villages."""

    code: str
    province: str
    county: str
    township: str
    villages: tuple[str, ...]
    successor: tuple[str, int] | None = None
    """The code the county took when it became a district, and the first birth year that carries
    it (a child born after the change holds the new code, the parents the old one)."""

    def code_for(self, birth_year: int) -> str:
        if self.successor is not None and birth_year >= self.successor[1]:
            return self.successor[0]
        return self.code


@attrs.frozen
class Person:
    """One person on a register, as they really are (the key's values, before any writing)."""

    name: str
    resident_id: str
    sex: str
    birth_date: date
    village: str
    categories: tuple[str, ...]
    phone: str
    record_no: str | None = None


@attrs.frozen
class Visit:
    """One visit as it really happened."""

    person: Person
    on: date
    mode: str


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character, as stdnum computes it."""
    return str(ric.calc_check_digit(first17 + "0"))


def make_id(code: str, birth: date, sequence: int) -> str:
    """A valid made-up resident ID; ``sequence`` odd for a man, even for a woman."""
    number = f"{code}{birth:%Y%m%d}{sequence:03d}"
    number += check_character(number)
    if not ric.is_valid(number):
        raise ValueError(f"{number} is not valid for stdnum: choose another area code")
    return number


def wrong_check(number: str) -> str:
    """The same number with a check character that fails."""
    good = number[-1]
    return number[:-1] + ("1" if good != "1" else "2")


def unique_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        given = "".join(rng.sample(GIVEN, rng.choice((1, 2, 2))))
        name = rng.choice(SURNAMES) + given
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def birth_for(rng: random.Random, categories: tuple[str, ...], year: int) -> date:
    """A birth date that fits the categories (children under 16, the elderly 60+)."""
    if {ORPHAN, DFU, LBC, CID} & set(categories):
        age = rng.randint(4, 15)
    elif {ALONE, LBE, AGED} & set(categories):
        age = rng.randint(81, 88) if AGED in categories else rng.randint(62, 86)
    else:
        age = rng.randint(30, 75)
    return date(year - age, 1, 1) + timedelta(days=rng.randint(0, 364))


CATEGORY_MIX: tuple[tuple[str, ...], ...] = (
    (SA,),
    (SA,),
    (EP,),
    (EP, DIS),
    (SA, DIS),
    (NS,),
    (ALONE,),
    (ALONE, SA),
    (LBE,),
    (AGED,),
    (DFU,),
    (ORPHAN,),
    (LBC,),
    (CID,),
)
"""Category combinations people are drawn from (a person may hold several)."""


def make_people(
    rng: random.Random,
    county: County,
    count: int,
    *,
    year: int,
    mix: tuple[tuple[str, ...], ...] = CATEGORY_MIX,
    record_prefix: str | None = None,
    x_checks: int = 0,
) -> list[Person]:
    """``count`` people spread over the county's villages, in village order; ``x_checks`` of them
    get an ID whose check character is X (so a lowercase x can be written)."""
    names = unique_names(rng, count)
    people: list[Person] = []
    for i, name in enumerate(names):
        categories = mix[rng.randrange(len(mix))]
        birth = birth_for(rng, categories, year)
        want_x = i < x_checks
        sequence = rng.randint(1, 499) * 2 - rng.randint(0, 1)
        number = make_id(county.code_for(birth.year), birth, sequence)
        while want_x and not number.endswith("X"):
            sequence = sequence % 997 + 1
            number = make_id(county.code_for(birth.year), birth, sequence)
        village = county.villages[i * len(county.villages) // count]
        people.append(
            Person(
                name=name,
                resident_id=number,
                sex="male" if int(number[16]) % 2 else "female",
                birth_date=birth,
                village=village,
                categories=categories,
                phone=rng.choice(("13", "15", "18", "17", "19")) + f"{rng.randrange(10**9):09d}",
                record_no=None if record_prefix is None else f"{record_prefix}{i + 1:03d}",
            )
        )
    rng.shuffle(people)
    people.sort(key=lambda p: county.villages.index(p.village))
    if record_prefix is not None:
        people = [
            attrs.evolve(p, record_no=f"{record_prefix}{i + 1:03d}") for i, p in enumerate(people)
        ]
    return people


def make_visits(
    rng: random.Random,
    people: list[Person],
    start: date,
    end: date,
    *,
    per_person: tuple[int, int] = (1, 3),
    modes: tuple[str, ...] = (HOME, HOME, PHONE),
) -> list[Visit]:
    """Visits inside ``start..end``, in date order, at most one per person and day."""
    span = (end - start).days
    visits: list[Visit] = []
    for person in people:
        days = rng.sample(range(span + 1), rng.randint(*per_person))
        visits.extend(
            Visit(person=person, on=start + timedelta(days=d), mode=rng.choice(modes)) for d in days
        )
    visits.sort(key=lambda v: (v.on, v.person.resident_id))
    return visits
