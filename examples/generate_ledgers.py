"""Generate the example ledgers in ``examples/data/``: one workbook per built-in adapter.

Everything is synthetic: generated names, made-up (but valid) resident ID numbers, invented
villages. Each region has a fixed seed, so a run gives the same rows every time::

    python examples/generate_ledgers.py            # writes examples/data/<region>_example_ledger.xlsx
    python examples/generate_ledgers.py --out DIR

Each workbook holds a year (2023) of a township station's work: the register, stations, workers,
contacts, resource links, cases, group sessions and activities, campaigns and handouts, in the region's own headers and
value words (see ``socialwork_<region>.formats``). It also carries the mess real ledgers have and the
reader is built to handle: a title row and a 填报单位 row above the header, village cells merged
over their rows, a 合计 row and a 填表人 footer, dates written six different ways, a column the
format does not know, two phone numbers in one cell, an ID typed with a lowercase ``x`` or spaces,
and one “孤儿” who turned 18 during the year (a category warning, kept, not dropped).
"""

from __future__ import annotations

import argparse
import io
import random
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from socialwork_core.identity.resident_id import compose

YEAR = 2023
START = date(YEAR, 1, 1)
END = date(YEAR, 12, 31)
DATA = Path(__file__).resolve().parent / "data"

# --- people ----------------------------------------------------------------------------------------

GIVEN_MALE = "建国志强伟明德华国庆永福海军文斌俊杰振东家豪子轩浩然金水树根炳坤荣"
GIVEN_FEMALE = "秀英桂兰玉梅淑珍凤英美玲丽娟春花翠萍雅婷欣怡紫涵佩华月娥素芬惠芳"
CHILD_MALE = "子轩浩宇梓睿俊熙宇航沐阳一诺晨阳"
CHILD_FEMALE = "梓涵欣妍诗琪雨桐可馨语嫣思彤若汐"
MOBILE_PREFIXES = ("138", "139", "135", "137", "150", "151", "158", "159", "186", "187", "188")


@dataclass
class RegionStyle:
    """What makes one region's workbook look like its own."""

    code: str
    seed: int
    area: str
    county: str
    township: str
    villages: Sequence[str]
    surnames: str
    landline_prefix: str
    key_prefix: str
    people: int
    workers: Sequence[str]
    title: str
    register_sheet: str
    register_headers: Sequence[tuple[str, str]]
    """(field, header) in sheet order; field ``serial`` is 序号, ``extra`` the unknown column."""
    extra_values: Sequence[str]
    contacts_sheet: str
    contact_headers: Sequence[tuple[str, str]]
    stations_sheet: str
    levels: Sequence[str]
    """Written service levels, most urgent first."""
    modes: dict[str, str]
    """Contact mode code → written word."""
    tier_words: dict[str, str]
    category_words: dict[str, str] = field(default_factory=dict)
    """Category code → how the region writes it (national label otherwise)."""
    local_categories: dict[str, str] = field(default_factory=dict)
    """Local category code → label, with the age band it suits ("elderly", "adult", "child")."""
    local_bands: dict[str, str] = field(default_factory=dict)
    county_centre: str | None = None
    village_points: bool = True
    alert: tuple[str, date, str] | None = None
    """(alert id, first day, note) of a disaster alert that triggered visits to the elderly."""


NATIONAL_LABELS = {
    "subsistence_allowance": "低保对象",
    "near_subsistence": "低保边缘",
    "extreme_poverty_dispersed": "特困人员(分散供养)",
    "orphan": "孤儿",
    "de_facto_unsupported_child": "事实无人抚养儿童",
    "child_in_difficulty": "困境儿童",
    "left_behind_child": "农村留守儿童",
    "left_behind_elderly": "农村留守老人",
    "elderly_living_alone": "独居老人",
    "empty_nest_elderly": "空巢老人",
    "dependent_elderly": "失能老人",
    "family_planning_special_elderly": "计划生育特殊家庭老年人",
    "advanced_age_elderly": "高龄老人",
    "disabled_person": "残疾人",
    "temporary_assistance": "临时救助对象",
    "expenditure_hardship_family": "支出型困难家庭",
    "other_in_difficulty": "其他困难群众",
}

COMMON_CONTACTS = [
    ("id", "记录编号"),
    ("on", "探访日期"),
    ("key", "档案号"),
    ("name", "姓名"),
    ("mode", "探访方式"),
    ("worker", "探访社工"),
    ("notes", "探访情况"),
    ("case_id", "个案编号"),
    ("station", "站点编码"),
]

REGIONS: dict[str, RegionStyle] = {
    "national": RegionStyle(
        code="national",
        seed=330784,
        area="330784",
        county="永康市",
        township="溪口镇",
        villages=("上塘村", "下宅村", "新楼村", "溪口社区", "岭头村"),
        surnames="胡应徐陈王李朱吕周楼程施",
        landline_prefix="0579",
        key_prefix="XK",
        people=70,
        workers=("应晓燕", "胡志刚", "徐佳琪"),
        title="溪口镇社工站服务对象台账（2023年）",
        register_sheet="服务对象台账",
        register_headers=(
            ("serial", "序号"),
            ("key", "档案号"),
            ("name", "姓名"),
            ("resident_id", "身份证号"),
            ("sex", "性别"),
            ("birth_date", "出生日期"),
            ("ethnicity", "民族"),
            ("phones", "联系电话"),
            ("household_address", "户籍地址"),
            ("residence_address", "居住地址"),
            ("township", "镇街"),
            ("village", "村居"),
            ("categories", "对象类别"),
            ("disability", "残疾类别等级"),
            ("self_care", "自理能力"),
            ("level", "服务等级"),
            ("worker", "负责社工"),
            ("registered_on", "建档日期"),
            ("status", "状态"),
            ("status_since", "状态变更日期"),
            ("needs", "服务需求"),
            ("station", "所属社工站"),
            ("extra", "医保类型"),
        ),
        extra_values=("城乡居民医保", "职工医保", "", "城乡居民医保"),
        contacts_sheet="探访记录",
        contact_headers=COMMON_CONTACTS,
        stations_sheet="社工站点",
        levels=("一级", "二级", "三级"),
        modes={
            "home_visit": "入户",
            "phone": "电话",
            "video": "视频",
            "instant_message": "即时通讯",
            "station_visit": "来访",
        },
        tier_words={
            "township_station": "乡镇(街道)社工站",
            "village_point": "村(社区)社工点",
        },
    ),
    "guangdong": RegionStyle(
        code="guangdong",
        seed=445321,
        area="445321",
        county="新兴县",
        township="石城镇",
        villages=("大塘村", "新岗村", "石城社区", "龙门村", "横洞村", "罗田村"),
        surnames="陈黄梁李林罗何冯邓谭苏叶",
        landline_prefix="0766",
        key_prefix="XX-SC",
        people=110,
        workers=("梁嘉欣", "陈伟强", "黄丽华", "苏文杰"),
        title="新兴县石城镇“双百工程”社工站服务对象台账",
        register_sheet="服务对象台账",
        register_headers=(
            ("serial", "序号"),
            ("key", "档案号"),
            ("name", "姓名"),
            ("resident_id", "身份证号码"),
            ("sex", "性别"),
            ("phones", "联系电话"),
            ("household_address", "户籍地址"),
            ("residence_address", "居住地址"),
            ("village", "村居"),
            ("categories", "困境类型"),
            ("level", "跟进级别"),
            ("worker", "负责社工"),
            ("disability", "残疾类型等级"),
            ("self_care", "自理能力"),
            ("registered_on", "建档日期"),
            ("status", "状态"),
            ("status_since", "状态变更日期"),
            ("station", "所属社工站"),
            ("extra", "是否签约家庭医生"),
        ),
        extra_values=("是", "否", "是", ""),
        contacts_sheet="探访记录",
        contact_headers=(
            *COMMON_CONTACTS[:6],
            ("notes", "探访内容"),
            ("case_id", "个案编号"),
            ("alert_id", "预警编号"),
            ("relocated", "协助转移"),
            ("station", "站点编码"),
        ),
        stations_sheet="站点信息",
        levels=("一级跟进", "二级跟进", "三级", "四级", "五级", "六级"),
        modes={
            "home_visit": "入户",
            "phone": "电话",
            "video": "微信视频",
            "instant_message": "微信语音",
            "station_visit": "来访",
        },
        tier_words={"township_station": "社工站", "village_point": "社工点"},
        category_words={
            "subsistence_allowance": "低保户",
            "near_subsistence": "低收入家庭",
            "extreme_poverty_dispersed": "分散特困",
            "de_facto_unsupported_child": "事实孤儿",
        },
        local_categories={
            "guangdong.moderate_universal": "适度普惠对象",
            "guangdong.advanced_age_70": "高龄老人（70周岁以上）",
            "guangdong.three_nos": "三无人员",
            "guangdong.relatively_poor_household": "相对贫困户",
        },
        local_bands={
            "guangdong.moderate_universal": "adult",
            "guangdong.advanced_age_70": "old70",
            "guangdong.three_nos": "elderly",
            "guangdong.relatively_poor_household": "adult",
        },
        alert=("HC-2023-01", date(YEAR, 1, 12), "寒潮预警入户探访，送棉被，检查取暖用电安全"),
    ),
    "henan": RegionStyle(
        code="henan",
        seed=410223,
        area="410223",
        county="尉氏县",
        township="十八里镇",
        villages=("东岗村", "西湖村", "小李庄村", "王庄村", "柳园村", "河口村"),
        surnames="王李张刘陈杨赵黄周吴孙马",
        landline_prefix="0371",
        key_prefix="WS18",
        people=90,
        workers=("王晓丽", "张鹏飞", "李静"),
        title="尉氏县十八里镇社工站服务对象名册",
        register_sheet="服务对象名册",
        register_headers=(
            ("serial", "序号"),
            ("key", "编号"),
            ("name", "服务对象姓名"),
            ("resident_id", "身份证号"),
            ("sex", "性别"),
            ("phones", "联系方式"),
            ("household_address", "户籍所在地"),
            ("residence_address", "现居住地"),
            ("village", "所在村（社区）"),
            ("categories", "对象类型"),
            ("level", "服务等级"),
            ("worker", "驻站社工"),
            ("disability", "残疾类别及等级"),
            ("self_care", "生活自理能力"),
            ("registered_on", "建档时间"),
            ("status", "在册状态"),
            ("status_since", "状态变更日期"),
            ("station", "所属社工站"),
            ("extra", "低保证号"),
        ),
        extra_values=("豫低保-0231", "", "豫低保-0417", ""),
        contacts_sheet="走访记录",
        contact_headers=(
            ("id", "记录编号"),
            ("on", "走访日期"),
            ("key", "对象编号"),
            ("name", "服务对象"),
            ("mode", "走访方式"),
            ("worker", "走访社工"),
            ("notes", "走访情况"),
            ("case_id", "个案编号"),
            ("station", "服务站点"),
        ),
        stations_sheet="社工站点",
        levels=("一级", "二级", "三级"),
        modes={
            "home_visit": "入户走访",
            "phone": "电话回访",
            "video": "视频",
            "instant_message": "微信回访",
            "station_visit": "来访咨询",
        },
        tier_words={"county_centre": "县级社工总站", "township_station": "乡镇(街道)社工站"},
        category_words={"de_facto_unsupported_child": "事实无人扶养儿童"},
        local_categories={
            "henan.childless_elderly": "孤寡老人",
            "henan.disabled_in_difficulty": "困难残疾人",
            "henan.left_behind_woman": "农村留守妇女",
        },
        local_bands={
            "henan.childless_elderly": "elderly",
            "henan.disabled_in_difficulty": "adult",
            "henan.left_behind_woman": "woman",
        },
        county_centre="尉氏县社工总站",
        village_points=False,
    ),
    "anhui": RegionStyle(
        code="anhui",
        seed=341721,
        area="341721",
        county="东至县",
        township="东湖镇",
        villages=("青山村", "柳湾村", "桃园村", "新河社区", "白石村"),
        surnames="汪吴王程方胡余章徐陈叶江",
        landline_prefix="0566",
        key_prefix="DZ-DH",
        people=80,
        workers=("汪雨晴", "程志远", "方丽"),
        title="东至县东湖镇社工站服务对象花名册",
        register_sheet="服务对象花名册",
        register_headers=(
            ("serial", "序号"),
            ("key", "档案编号"),
            ("name", "姓名"),
            ("resident_id", "公民身份号码"),
            ("sex", "性别"),
            ("phones", "联系电话"),
            ("household_address", "户籍地"),
            ("residence_address", "居住地"),
            ("village", "村（社区）"),
            ("categories", "对象类别"),
            ("level", "关注等级"),
            ("worker", "责任社工"),
            ("disability", "残疾情况"),
            ("self_care", "自理情况"),
            ("registered_on", "登记日期"),
            ("status", "状态"),
            ("status_since", "状态变更日期"),
            ("station", "所属社工站"),
            ("extra", "帮扶责任人"),
        ),
        extra_values=("村干部汪某", "", "镇干部程某", ""),
        contacts_sheet="探访台账",
        contact_headers=(
            ("id", "记录编号"),
            ("on", "探访时间"),
            ("key", "档案编号"),
            ("name", "对象姓名"),
            ("mode", "探访方式"),
            ("worker", "责任社工"),
            ("notes", "情况记录"),
            ("case_id", "个案编号"),
            ("station", "站点编码"),
        ),
        stations_sheet="三级站点",
        levels=("重点关注", "定期关注", "一般关注"),
        modes={
            "home_visit": "入户",
            "phone": "电话",
            "video": "视频",
            "instant_message": "即时通讯",
            "station_visit": "来访",
        },
        tier_words={
            "county_centre": "县级社工总站",
            "township_station": "乡镇社工站",
            "village_point": "社工室",
        },
        local_categories={
            "anhui.relapse_monitoring": "防返贫监测对象",
            "anhui.ex_poverty_household": "脱贫户",
        },
        local_bands={"anhui.relapse_monitoring": "adult", "anhui.ex_poverty_household": "elderly"},
        county_centre="东至县社工总站",
    ),
}

# --- the people and their year -------------------------------------------------------------------


@dataclass
class Person:
    key: str
    name: str
    resident_id: str
    male: bool
    born: date
    village: str
    phones: str
    categories: list[str]
    level: int
    """0 most urgent."""
    worker: str
    disability: str
    self_care: str
    registered_on: date
    status: str = "在册"
    status_since: date | None = None
    needs: str = ""
    extra: str = ""

    def age(self, on: date) -> int:
        years = on.year - self.born.year
        return years - ((on.month, on.day) < (self.born.month, self.born.day))


def _name(rng: random.Random, style: RegionStyle, male: bool, child: bool) -> str:
    pool = (
        (CHILD_MALE if male else CHILD_FEMALE) if child else (GIVEN_MALE if male else GIVEN_FEMALE)
    )
    start = rng.randrange(0, len(pool) - 1, 2)
    given = pool[start : start + 2] if rng.random() < 0.8 else pool[start]
    return rng.choice(style.surnames) + given


def _phone(rng: random.Random, style: RegionStyle) -> str:
    mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    roll = rng.random()
    if roll < 0.12:
        return f"{mobile}/{style.landline_prefix}-{rng.randrange(2000000, 8999999)}"
    if roll < 0.18:
        return f"{style.landline_prefix}-{rng.randrange(2000000, 8999999)}"
    if roll < 0.22:
        return ""
    return mobile


def _band(age: int) -> str:
    if age < 18:
        return "child"
    return "elderly" if age >= 60 else "adult"


def _categories(rng: random.Random, style: RegionStyle, person_age: int, male: bool) -> list[str]:
    band = _band(person_age)
    if band == "child":
        options = ["orphan", "de_facto_unsupported_child", "child_in_difficulty"]
        if person_age < 16:
            options += ["left_behind_child", "left_behind_child"]
        chosen = {rng.choice(options)}
        if rng.random() < 0.3:
            chosen.add("subsistence_allowance")
    elif band == "elderly":
        options = [
            "elderly_living_alone",
            "empty_nest_elderly",
            "left_behind_elderly",
            "extreme_poverty_dispersed",
            "subsistence_allowance",
        ]
        chosen = set(rng.sample(options, rng.choice((1, 1, 2))))
        if person_age >= 80:
            chosen.add("advanced_age_elderly")
        if rng.random() < 0.05:
            chosen.add("family_planning_special_elderly")
    else:
        options = [
            "subsistence_allowance",
            "near_subsistence",
            "disabled_person",
            "temporary_assistance",
            "expenditure_hardship_family",
            "other_in_difficulty",
        ]
        chosen = {rng.choice(options)}
    for code, suits in style.local_bands.items():
        fits = {
            "old70": 70 <= person_age < 80,
            "woman": band == "adult" and not male,
        }.get(suits, suits == band)
        if fits and rng.random() < 0.25:
            chosen.add(code)
    return sorted(chosen)


def _disability(rng: random.Random, categories: list[str]) -> str:
    if "disabled_person" in categories or rng.random() < 0.08:
        kind = rng.choice(("肢体", "肢体", "视力", "听力", "智力", "精神", "多重"))
        return kind + rng.choice(("一级", "二级", "三级", "四级"))
    return ""


def _level(person: Person, style: RegionStyle) -> int:
    old = person.age(END) >= 80 and {"elderly_living_alone", "empty_nest_elderly"} & set(
        person.categories
    )
    if old or person.self_care == "完全丧失":
        level = 0
    elif (
        person.self_care == "部分丧失"
        or {"extreme_poverty_dispersed", "orphan", "de_facto_unsupported_child"}
        & set(person.categories)
        or person.disability[-2:] in ("一级", "二级")
    ):
        level = 1
    else:
        level = 2
    if len(style.levels) == 6 and level == 2:
        # Guangzhou-style 跟进级别: the general group is spread over 三级 to 六级.
        level = 2 + int(person.key[-1]) % 4
    return level


def make_people(rng: random.Random, style: RegionStyle) -> list[Person]:
    people: list[Person] = []
    for index in range(style.people):
        roll = rng.random()
        if roll < 0.55:
            years = rng.randint(60, 94)
        elif roll < 0.78:
            years = rng.randint(19, 59)
        else:
            years = rng.randint(3, 17)
        born = date(YEAR - years, rng.randint(1, 12), rng.randint(1, 28))
        male = rng.random() < 0.48
        sequence = rng.randrange(0, 500) * 2 + (1 if male else 0)
        key = f"{style.key_prefix}-{index + 1:04d}"
        age_at_end = END.year - born.year
        categories = _categories(rng, style, age_at_end, male)
        disability = _disability(rng, categories)
        if disability and "disabled_person" not in categories and age_at_end >= 18:
            categories.append("disabled_person")
        self_care = (
            rng.choices(("具备", "部分丧失", "完全丧失"), (7, 2, 1))[0]
            if years >= 60
            else ("具备" if not disability else rng.choice(("具备", "部分丧失")))
        )
        registered = date(
            rng.choice((2020, 2021, 2022, 2022, 2023)), rng.randint(1, 12), rng.randint(1, 28)
        )
        person = Person(
            key=key,
            name=_name(rng, style, male, years < 18),
            resident_id=compose(style.area, born, sequence),
            male=male,
            born=born,
            village=rng.choice(style.villages),
            phones=_phone(rng, style),
            categories=categories,
            level=2,
            worker=rng.choice(style.workers),
            disability=disability,
            self_care=self_care,
            registered_on=registered,
            needs=rng.choice(("", "生活照料", "精神慰藉", "政策咨询", "康复服务", "学业辅导")),
            extra=rng.choice(style.extra_values),
        )
        person.level = _level(person, style)
        if rng.random() < 0.06:
            person.status = rng.choice(("死亡", "迁出", "退出"))
            person.status_since = date(YEAR, rng.randint(3, 11), rng.randint(1, 28))
            if person.status_since < person.registered_on:
                person.status_since = person.registered_on + timedelta(days=30)
        people.append(person)
    # One 孤儿 who turned 18 during the year: a category warning, never a dropped row.
    orphan = people[-1]
    orphan.born = date(YEAR - 18, 5, 20)
    orphan.resident_id = compose(style.area, orphan.born, 2 * 77 + (1 if orphan.male else 0))
    orphan.categories = ["orphan"]
    orphan.name = _name(rng, style, orphan.male, True)
    return people


@dataclass
class Contact:
    id: str
    on: date
    person: Person
    mode: str
    worker: str
    notes: str
    case_id: str = ""
    alert_id: str = ""
    relocated: str = ""
    """协助转移 on an alert visit: 是 or 否 (empty on other visits)."""


HOME_NOTES = (
    "入户了解近况，身体状况稳定，生活基本正常",
    "入户探访，协助整理房间，提醒注意用电用气安全",
    "上门送慰问品，了解服药情况",
    "入户评估自理能力，与照顾者沟通照护安排",
    "陪同老人聊天，舒缓孤独情绪",
)
PHONE_NOTES = (
    "电话问候，了解近期身体和饮食情况",
    "电话提醒按时服药，注意保暖",
    "电话回访，对象表示一切安好",
)


def make_contacts(rng: random.Random, style: RegionStyle, people: list[Person]) -> list[Contact]:
    contacts: list[Contact] = []
    modes = style.modes

    def add(on: date, person: Person, mode: str, alert_id: str = "", notes: str = "") -> None:
        text = notes or (
            rng.choice(HOME_NOTES) if mode == "home_visit" else rng.choice(PHONE_NOTES)
        )
        # in the alert, the highest-risk people (一级) are moved to the village's warm shelter
        moved = ("是" if person.level == 0 else "否") if alert_id else ""
        contacts.append(
            Contact(
                "", on, person, modes[mode], person.worker, text, alert_id=alert_id, relocated=moved
            )
        )

    for person in people:
        first = max(START, person.registered_on + timedelta(days=rng.randint(0, 20)))
        last = person.status_since or END
        day = first
        if person.level == 0:
            step = (5, 9)
        elif person.level == 1:
            step = (20, 38)
        elif person.level <= 3:
            step = (60, 95)
        else:
            step = (80, 130)
        count = 0
        while day <= last and day <= END:
            home = person.level > 1 or count % 3 == 0
            mode = (
                "home_visit" if home else rng.choice(("phone", "phone", "instant_message", "video"))
            )
            add(day, person, mode)
            count += 1
            day += timedelta(days=rng.randint(*step))
    if style.alert is not None:
        alert_id, first_day, note = style.alert
        for person in people:
            if (
                person.age(first_day) >= 70
                and person.registered_on < first_day
                and rng.random() < 0.7
            ):
                add(
                    first_day + timedelta(days=rng.randint(0, 1)),
                    person,
                    "home_visit",
                    alert_id,
                    note,
                )
    contacts.sort(key=lambda c: (c.on, c.person.key))
    for number, contact in enumerate(contacts, start=1):
        contact.id = f"TF{YEAR}{number:05d}"
    return contacts


# --- cells ----------------------------------------------------------------------------------------


def written_date(rng: random.Random, day: date) -> Any:
    """A date the way different hands write it: a real date cell or five kinds of text/number."""
    form = rng.randrange(8)
    if form <= 2:
        return datetime(day.year, day.month, day.day)
    if form == 3:
        return day.isoformat()
    if form == 4:
        return f"{day.year}/{day.month}/{day.day}"
    if form == 5:
        return f"{day.year}.{day.month}.{day.day}"
    if form == 6:
        return f"{day.year}年{day.month}月{day.day}日"
    return int(day.strftime("%Y%m%d"))


def written_id(rng: random.Random, number: str) -> str:
    """Mostly as is; sometimes a lowercase x or spaces, as typed by hand (normalised on reading)."""
    if number.endswith("X") and rng.random() < 0.5:
        return number[:-1] + "x"
    if rng.random() < 0.04:
        return f"{number[:6]} {number[6:14]} {number[14:]}"
    return number


# --- workbook --------------------------------------------------------------------------------------


def _title(ws: Worksheet, width: int, title: str, unit: str) -> None:
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append([unit])  # left unmerged: a merged row right above the header reads as a group heading


def _header(ws: Worksheet, headers: Sequence[str]) -> None:
    ws.append(list(headers))
    for column in range(1, len(headers) + 1):
        ws.cell(ws.max_row, column).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(column)].width = 14


def write_register(
    ws: Worksheet, rng: random.Random, style: RegionStyle, people: list[Person]
) -> None:
    headers = [h for _, h in style.register_headers]
    fields = [f for f, _ in style.register_headers]
    _title(
        ws,
        len(headers),
        style.title,
        f"填报单位：{style.township}社工站    统计截至：{YEAR}年12月31日",
    )
    _header(ws, headers)
    people = sorted(people, key=lambda p: (style.villages.index(p.village), p.key))

    def label(code: str) -> str:
        if code in style.local_categories:
            return style.local_categories[code]
        return style.category_words.get(code, NATIONAL_LABELS[code])

    values: dict[str, Callable[[Person], Any]] = {
        "key": lambda p: p.key,
        "name": lambda p: p.name,
        "resident_id": lambda p: written_id(rng, p.resident_id),
        "sex": lambda p: "男" if p.male else "女",
        "birth_date": lambda p: written_date(rng, p.born),
        "ethnicity": lambda p: "汉族",
        "phones": lambda p: p.phones,
        "household_address": lambda p: f"{style.county}{style.township}{p.village}",
        "residence_address": lambda p: f"{style.township}{p.village}{rng.randint(1, 99)}号",
        "township": lambda p: style.township,
        "village": lambda p: p.village,
        "categories": lambda p: "、".join(label(c) for c in p.categories),
        "disability": lambda p: p.disability,
        "self_care": lambda p: p.self_care,
        "level": lambda p: style.levels[p.level],
        "worker": lambda p: p.worker,
        "registered_on": lambda p: written_date(rng, p.registered_on),
        "status": lambda p: p.status,
        "status_since": lambda p: written_date(rng, p.status_since) if p.status_since else "",
        "needs": lambda p: p.needs,
        "extra": lambda p: p.extra,
        "station": lambda p: station_name(style),
    }
    first_data = ws.max_row + 1
    for serial, person in enumerate(people, start=1):
        row = [serial if f == "serial" else values[f](person) for f in fields]
        ws.append([None if v == "" else v for v in row])
    last_data = ws.max_row
    # Merge each village's cells, as a person tidying the sheet by hand does.
    column = fields.index("village") + 1
    start = first_data
    for row in range(first_data + 1, last_data + 2):
        same = row <= last_data and ws.cell(row, column).value == ws.cell(start, column).value
        if not same:
            if row - 1 > start:
                for blank in range(start + 1, row):
                    ws.cell(blank, column).value = None
                ws.merge_cells(
                    start_row=start, start_column=column, end_row=row - 1, end_column=column
                )
            start = row
    ws.append(["合计", f"共{len(people)}人"])
    ws.append(
        [
            f"填表人：{style.workers[0]}    审核人：{style.workers[1]}    填报日期：{YEAR + 1}年1月5日"
        ]
    )


def write_contacts(
    ws: Worksheet, rng: random.Random, style: RegionStyle, contacts: list[Contact]
) -> None:
    headers = [h for _, h in style.contact_headers]
    _title(
        ws,
        len(headers),
        f"{style.township}社工站{YEAR}年探访记录",
        f"填报单位：{style.township}社工站",
    )
    _header(ws, headers)
    for contact in contacts:
        cell = {
            "id": contact.id,
            "on": written_date(rng, contact.on),
            "key": contact.person.key,
            "name": contact.person.name,
            "mode": contact.mode,
            "worker": contact.worker,
            "notes": contact.notes,
            "case_id": contact.case_id or None,
            "alert_id": contact.alert_id or None,
            "relocated": contact.relocated or None,
            "station": station_code(style),
        }
        ws.append([cell[f] for f, _ in style.contact_headers])


def station_code(style: RegionStyle) -> str:
    """The township station's code: the county's GB/T 2260 code and a station number."""
    return f"{style.area}101"


def station_name(style: RegionStyle) -> str:
    return f"{style.township}社工站"


def station_rows(style: RegionStyle) -> list[list[Any]]:
    township_code = station_code(style)
    rows: list[list[Any]] = []
    if style.county_centre:
        rows.append(
            [
                style.area,
                style.county_centre,
                style.tier_words["county_centre"],
                None,
                style.area,
                None,
                None,
                3,
                "2020年6月18日",
            ]
        )
    parent = style.area if style.county_centre else None
    rows.append(
        [
            township_code,
            station_name(style),
            style.tier_words["township_station"],
            parent,
            township_code,
            style.township,
            None,
            len(style.workers) + 1,
            date(2021, 3, 26),
        ]
    )
    if style.village_points:
        for number, village in enumerate(style.villages, start=1):
            suffix = "社工室" if style.code == "anhui" else "社工点"
            rows.append(
                [
                    f"{township_code}{number:03d}",
                    f"{village}{suffix}",
                    style.tier_words["village_point"],
                    township_code,
                    None,
                    style.township,
                    village,
                    None,
                    # set up over two years; the last one within the ledger's year (新增)
                    date(2022 if number < len(style.villages) else YEAR, 1 + number, 15),
                ]
            )
    return rows


def write_stations(ws: Worksheet, style: RegionStyle) -> None:
    _header(
        ws,
        [
            "站点编码",
            "站点名称",
            "层级",
            "上级站点编码",
            "区划代码",
            "镇街",
            "村居",
            "岗位数",
            "建站日期",
        ],
    )
    for row in station_rows(style):
        ws.append(row)


def write_workers(ws: Worksheet, rng: random.Random, style: RegionStyle) -> None:
    _header(
        ws,
        [
            "社工编号",
            "姓名",
            "所属站点编码",
            "职业水平",
            "取证日期",
            "联系电话",
            "入职日期",
            "离职日期",
        ],
    )
    levels = ("助理社会工作师", "社会工作师", "未持证", "助理社会工作师")
    for number, name in enumerate(style.workers, start=1):
        level = levels[(number - 1) % len(levels)]
        # certificates of 2020-2023 (the exam's results come out in the autumn): no rng draw, so
        # the rest of the ledger stays as it was
        certified = None if level == "未持证" else date(2019 + number, 10, 20)
        ws.append(
            [
                f"SG{number:02d}",
                name,
                station_code(style),
                level,
                certified,
                rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}",
                written_date(rng, date(rng.choice((2020, 2021, 2022)), rng.randint(1, 12), 1)),
                None,
            ]
        )


RESOURCES = (
    ("物资", "冬季棉被", "床", "爱心企业", "企业", 120),
    ("物资", "大米和食用油", "份", "镇慈善会", "慈善组织", 80),
    ("物资", "助行器", "台", "县残联", "政府部门", 350),
    ("资金", "慈善救助金", "元", "县慈善会", "慈善组织", 2000),
    ("服务", "上门义诊", "次", "镇卫生院", "政府部门", None),
    ("服务", "康复训练", "次", "康复服务中心", "社会组织", None),
    ("服务", "家政清洁", "次", "志愿服务队", "志愿者", None),
    ("政策", "协助申请低保", "件", "镇民政办", "政府部门", None),
    ("政策", "协助申请临时救助", "件", "镇民政办", "政府部门", 1500),
    ("政策", "协助申请重度残疾人护理补贴", "件", "县残联", "政府部门", None),
    ("志愿", "志愿者陪伴服务", "小时", "青年志愿者协会", "志愿者", None),
    ("物资", "学习用品", "份", "爱心人士", "爱心人士", 60),
)


def write_resources(
    ws: Worksheet,
    rng: random.Random,
    style: RegionStyle,
    people: list[Person],
    cases: list[list[Any]],
) -> None:
    _header(
        ws,
        [
            "编号",
            "日期",
            "资源类型",
            "资源内容",
            "提供方",
            "提供方类型",
            "数量",
            "单位",
            "折合金额（元）",
            "受益对象档案号",
            "受益人数",
            "落实情况",
            "经办社工",
            "个案编号",
            "站点编码",
        ],
    )
    case_people = {row[1]: row[0] for row in cases}
    for number in range(1, 29):
        kind, what, unit, provider, provider_kind, each = rng.choice(RESOURCES)
        on = date(YEAR, rng.randint(1, 12), rng.randint(1, 28))
        if number % 7 == 0:
            keys, head_count = None, rng.randint(20, 60)
            quantity = head_count
        else:
            chosen = rng.sample(people, rng.choice((1, 1, 2, 3)))
            keys, head_count = "、".join(p.key for p in chosen), None
            quantity = len(chosen) if unit != "小时" else rng.randint(4, 20)
        if kind == "资金":
            value: Any = each * quantity
            quantity_cell: Any = None
        else:
            value = each * quantity if each else None
            quantity_cell = quantity
        if number == 12:
            value = "1500余元"
        status = "申请中" if kind == "政策" and rng.random() < 0.3 else "已落实"
        case_id = case_people.get(keys.split("、")[0]) if keys else None
        ws.append(
            [
                f"ZY{YEAR}{number:03d}",
                written_date(rng, on),
                kind,
                what,
                provider,
                provider_kind,
                quantity_cell,
                None if kind == "资金" else unit,
                value,
                keys,
                head_count,
                status,
                rng.choice(style.workers),
                case_id,
                station_code(style),
            ]
        )


def make_cases(rng: random.Random, style: RegionStyle, people: list[Person]) -> list[list[Any]]:
    serious = [p for p in people if p.level <= 1 and p.status == "在册"]
    rows: list[list[Any]] = []
    problems = (
        "独居缺乏照料",
        "家庭经济困难",
        "子女监护缺失",
        "残疾康复需求",
        "情绪低落社会支持不足",
    )
    goals = ("链接照料资源", "协助申请救助政策", "建立社会支持网络", "改善居住环境")
    for number, person in enumerate(rng.sample(serious, min(8, len(serious))), start=1):
        opened = date(YEAR, rng.randint(1, 9), rng.randint(1, 28))
        closed = number % 3 == 0
        rows.append(
            [
                f"GA{YEAR}{number:03d}",
                person.key,
                person.name,
                written_date(rng, opened),
                "结案" if closed else rng.choice(("预估", "计划", "介入", "评估")),
                person.worker,
                rng.choice(problems),
                rng.choice(goals),
                written_date(rng, opened + timedelta(days=rng.randint(40, 90))) if closed else None,
                "目标达成" if closed else None,
                station_name(style),
            ]
        )
    return rows


def write_cases(ws: Worksheet, rows: list[list[Any]]) -> None:
    _header(
        ws,
        [
            "个案编号",
            "档案号",
            "服务对象",
            "接案日期",
            "阶段",
            "负责社工",
            "主要问题",
            "服务目标",
            "结案日期",
            "结案原因",
            "服务站点",
        ],
    )
    for row in rows:
        ws.append(row)


ACTIVITY_TITLES = (
    ("社区活动", "长者生日会"),
    ("社区活动", "重阳敬老游园会"),
    ("宣传", "社工站服务宣传周"),
    ("宣传", "防诈骗知识宣传"),
    ("培训/督导", "社工督导培训会"),
    ("便民服务", "义剪义诊便民服务"),
    ("志愿服务", "志愿者入户清洁"),
    ("社区活动", "暑期儿童安全课堂"),
)


def write_activities(
    ws: Worksheet, rng: random.Random, style: RegionStyle, people: list[Person]
) -> None:
    _header(
        ws,
        [
            "活动编号",
            "活动类型",
            "活动名称",
            "活动日期",
            "活动地点",
            "小组名称",
            "节次",
            "参与人次",
            "特殊群体人次",
            "志愿者人次",
            "五社联动",
            "参与对象",
            "联动村居",
            "联动社会组织",
            "联动志愿服务队",
            "所属专项",
            "社工",
            "活动简介",
            "站点编码",
        ],
    )
    # who took part and who co-hosted: a generator of its own, so the other sheets stay as they were
    named = random.Random(style.seed + 1)
    # only names that tell one person: the data README promises a ledger that loads with infos
    names = [p.name for p in people]
    people = [p for p in people if names.count(p.name) == 1]
    elderly = [p for p in people if p.born.year <= YEAR - 60 and p.status == "在册"] or people
    number = 0
    group = "“乐龄同行”长者互助小组"
    for session in range(1, 5):
        number += 1
        on = date(YEAR, 4, 6) + timedelta(days=7 * (session - 1))
        participants = rng.randint(8, 12)
        ws.append(
            [
                f"HD{YEAR}{number:03d}",
                "小组",
                f"{group}第{session}节",
                written_date(rng, on),
                f"{style.villages[0]}活动室",
                group,
                session,
                participants,
                participants - 1,
                rng.randint(1, 3),
                "社区、社区志愿者",
                # members named by 档案号 or name, as workers write them
                "、".join(
                    p.key if i % 2 else p.name
                    for i, p in enumerate(named.sample(elderly, min(3, len(elderly))))
                ),
                style.villages[0],
                None,
                None,
                None,
                style.workers[0],
                "长者互助与情绪支持",
                station_code(style),
            ]
        )
    for _ in range(18):
        number += 1
        kind, title = rng.choice(ACTIVITY_TITLES)
        participants = rng.randint(15, 80)
        ws.append(
            [
                f"HD{YEAR}{number:03d}",
                kind,
                title,
                written_date(rng, date(YEAR, rng.randint(1, 12), rng.randint(1, 28))),
                rng.choice(style.villages),
                None,
                None,
                participants,
                rng.randint(0, participants // 2),
                rng.randint(0, 10),
                rng.choice(
                    ("社区、社会组织", "社区、社区志愿者、社会慈善资源", "社会工作者", None)
                ),
                "、".join(p.name for p in named.sample(people, named.randint(0, 3)))
                if kind != "培训/督导"
                else None,
                "、".join(named.sample(list(style.villages), named.randint(0, 2))) or None,
                named.choice((None, "合成社工服务中心", "乐善公益协会")),
                named.choice((None, "巾帼志愿服务队", "青年志愿服务队")),
                f"XCZ{YEAR}" if title == "社工站服务宣传周" else None,
                rng.choice(style.workers),
                None,
                station_code(style),
            ]
        )


PUBLICITY_WEEK = (f"XCZ{YEAR}", date(YEAR, 3, 13), date(YEAR, 3, 19))
"""The publicity week (社工宣传周) the activities' 所属专项 names."""


def write_campaigns(ws: Worksheet, style: RegionStyle) -> None:
    """The campaigns the visits and activities name: the region's alert, if any, and the
    publicity week."""
    _header(ws, ["专项编号", "专项类型", "专项名称", "开始日期", "结束日期", "站点编码"])
    if style.alert is not None:
        alert_id, first_day, _note = style.alert
        end = first_day + timedelta(days=6)
        ws.append([alert_id, "寒潮", "寒潮预警入户探访", first_day, end, station_code(style)])
    week, first, last = PUBLICITY_WEEK
    ws.append([week, "宣传周", "社工站服务宣传周", first, last, station_code(style)])


def write_handouts(ws: Worksheet, style: RegionStyle) -> None:
    """Goods and publicity material handed out: cards in the publicity week, quilts in the
    alert's days."""
    _header(ws, ["发放日期", "物品名称", "发放数量", "单位", "受益人次", "所属专项", "站点编码"])
    week, first, _last = PUBLICITY_WEEK
    ws.append([first, "暖心卡", 320, "张", 320, week, station_code(style)])
    ws.append([first + timedelta(days=2), "宣传单", 500, "张", None, week, station_code(style)])
    if style.alert is not None:
        alert_id, first_day, _note = style.alert
        ws.append([first_day, "棉被", 12, "床", 12, alert_id, station_code(style)])


def build(style: RegionStyle) -> Workbook:
    rng = random.Random(style.seed)
    people = make_people(rng, style)
    contacts = make_contacts(rng, style, people)
    cases = make_cases(rng, style, people)
    case_of = {row[1]: row[0] for row in cases}
    for contact in contacts:
        if contact.person.key in case_of and contact.on.month >= 6 and rng.random() < 0.5:
            contact.case_id = case_of[contact.person.key]
    wb = Workbook()
    register = wb.active
    assert register is not None
    register.title = style.register_sheet
    write_register(register, rng, style, people)
    write_stations(wb.create_sheet(style.stations_sheet), style)
    write_workers(wb.create_sheet("社工人员"), rng, style)
    write_contacts(wb.create_sheet(style.contacts_sheet), rng, style, contacts)
    write_resources(wb.create_sheet("资源链接"), rng, style, people, cases)
    write_cases(wb.create_sheet("个案"), cases)
    write_activities(wb.create_sheet("活动"), rng, style, people)
    write_campaigns(wb.create_sheet("专项活动"), style)
    write_handouts(wb.create_sheet("物资发放"), style)
    fixed = datetime(YEAR + 1, 1, 5, 9, 0)
    wb.properties.creator = "socialwork-core examples"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    return wb


def save_reproducibly(wb: Workbook, path: Path) -> None:
    """Save so that the same content gives the same bytes: openpyxl stamps the save time into
    ``docProps/core.xml`` and every zip entry, so both are rewritten with a fixed time."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
    fixed = rb"<dcterms:modified\1>%d-01-05T09:00:00Z</dcterms:modified>" % (YEAR + 1)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                data = stamp.sub(fixed, data)
            out.writestr(
                zipfile.ZipInfo(item.filename, (YEAR + 1, 1, 5, 9, 0, 0)),
                data,
                zipfile.ZIP_DEFLATED,
            )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument("regions", nargs="*", default=list(REGIONS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for code in args.regions:
        path = args.out / f"{code}_example_ledger.xlsx"
        save_reproducibly(build(REGIONS[code]), path)
        print(path)


if __name__ == "__main__":
    main()
