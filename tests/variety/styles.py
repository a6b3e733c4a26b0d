"""The styles: one small function per ledger, each composing the factories of ``build`` with the
parameters its author would choose. ``STYLES`` lists them; ``README.md`` describes each.

Every style is deterministic (its own seeded ``random.Random``) and made up: real county area codes,
made-up townships' villages, names and numbers.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs
from openpyxl.utils import get_column_letter

from .build import (
    LedgerPlan,
    LogSpec,
    RegisterSpec,
    VisitGroups,
    VisitSpec,
    log_sheet,
    person_entry,
    register_sheet,
    register_with_visits,
    visit_sheet,
)
from .people import (
    AGED,
    ALONE,
    CID,
    DFU,
    DIS,
    EP,
    HOME,
    IM,
    LBC,
    LBE,
    NS,
    ORPHAN,
    PHONE,
    SA,
    STATION,
    VIDEO,
    County,
    Person,
    Visit,
    make_id,
    make_people,
    make_visits,
)
from .sheets import Cell, Column, Line, OtherSheet, SheetPlan, Wrong, paginate, rows_taken
from .written import (
    LEVEL_SCALES,
    MODE_WORDS,
    OBJECT_WORDS,
    PLAIN_WORDS,
    PREFIXED_WORDS,
    URBAN_WORDS,
    id_cell,
)

C = Column


@attrs.frozen
class Style:
    """A named way of keeping a ledger; ``build`` makes its plan from a seeded generator."""

    slug: str
    build: Callable[[random.Random], LedgerPlan]
    exercises: str


def modes(**chosen: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Mode words by mode code: the chosen ones, else the first of MODE_WORDS."""
    return {m: chosen.get(m, MODE_WORDS[m][:1]) for m in MODE_WORDS}


def stranger_factory(rng: random.Random, county: County, year: int) -> Callable[[], Person]:
    def make() -> Person:
        birth = date(year - rng.randint(62, 85), rng.randint(1, 12), rng.randint(1, 28))
        number = make_id(county.code, birth, rng.randint(500, 998))
        return Person(
            name="欧阳" + rng.choice("满仓福来桂香"),
            resident_id=number,
            sex="male" if int(number[16]) % 2 else "female",
            birth_date=birth,
            village=county.villages[0],
            categories=(SA,),
            phone="13900000000",
        )

    return make


def id_form_of(spec: RegisterSpec, index: int) -> str:
    odd = spec.oddities.get(index, "")
    return odd.split(":")[1] if odd.startswith("id:") else spec.id_form


def two_sheets(
    *,
    slug: str,
    file: str,
    county: County,
    station: str,
    period: tuple[date, date],
    style: str,
    exercises: str,
    rng: random.Random,
    people: Sequence[Person],
    register: RegisterSpec,
    visits: VisitSpec,
    visit_list: Sequence[Visit],
    others_before: Sequence[OtherSheet] = (),
    others_after: Sequence[OtherSheet] = (),
    order: Sequence[str] | None = None,
    fmt: str = "xlsx",
    finish: Callable[[SheetPlan, SheetPlan], tuple[SheetPlan, SheetPlan]] | None = None,
) -> LedgerPlan:
    """A ledger of a register and a visit log (plus other sheets); ``finish`` reshapes the two
    sheets as written (pages, merged cells, both tables on one sheet)."""
    reg, people_entries, quirks, category_words = register_sheet(
        register, people, rng, town=county.township
    )
    by_id = {
        p.resident_id: e
        for p, e in zip(
            [p for i, p in enumerate(people) if register.oddities.get(i) != "no_name"],
            people_entries,
            strict=True,
        )
    }
    id_cells: dict[str, Cell] = {}
    for i, person in enumerate(people):
        cell, _ = id_cell(person.resident_id, id_form_of(register, i))
        if cell.wrong is not None:
            cell = attrs.evolve(
                cell,
                wrong=attrs.evolve(cell.wrong, why=f"as on the register: {cell.wrong.why}"),
            )
        id_cells[person.resident_id] = cell
    log, visit_entries, mode_words = visit_sheet(
        visits, visit_list, by_id, id_cells, rng, stranger_factory(rng, county, period[0].year)
    )
    if finish is not None:
        reg, log = finish(reg, log)
    sheets: list[SheetPlan | OtherSheet] = [*others_before, reg, log, *others_after]
    if order is not None:
        sheets.sort(key=lambda s: order.index(s.name))
    return LedgerPlan(
        slug=slug,
        file=file,
        region=f"{county.province}{county.county}{county.township}",
        station=station,
        period=period,
        style=style,
        exercises=exercises,
        sheets=sheets,
        people_sheet=reg.name,
        visit_sheet=log.name,
        people=people_entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
        format=fmt,
    )


def visitable(people: Sequence[Person], register: RegisterSpec) -> list[Person]:
    return [p for i, p in enumerate(people) if register.oddities.get(i) != "no_name"]


INSTRUCTIONS = OtherSheet(
    "填表说明",
    (
        ("填表说明",),
        ("1. 身份证号请设置为文本格式。",),
        ("2. 对象类别可多选，用顿号分隔。",),
        ("3. 每月5日前报镇社工站。",),
    ),
)


# --- 01 湖南: a county template with two-row header, instructions and hidden options ---------------

HUNAN = County("430321", "湖南省", "湘潭县", "花石镇", ("金坪村", "石鼓村", "龙口村", "白沙村"))


def hunan(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, HUNAN, 32, year=2024, record_prefix="HS-")
    register = RegisterSpec(
        sheet="服务对象名册",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("基本信息", "档案编号")),
            C("name", ("基本信息", "姓名")),
            C("sex", ("基本信息", "性  别")),
            C("id", ("基本信息", "证件号码＊")),
            C("birth_date", ("基本信息", "出生日期")),
            C("village", ("所属村(居)",)),
            C("categories", ("救助类别",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系方式", "手机号")),
            C("address", ("联系方式", "家庭住址")),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["attention"],
        title="花石镇2024年第一季度特殊困难群体关爱服务对象名册",
        meta="填报单位：花石镇社会工作服务站　　　　统计时间：2024年3月31日",
        blank_rows=4,
        signature="填表人：　　　　审核人：　　　　填报日期：",
    )
    visits = VisitSpec(
        sheet="探访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案编号",)),
            C("name", ("姓名",)),
            C("date", ("探访日期",)),
            C("mode", ("探访方式",)),
            C("content", ("探访内容",)),
            C("worker", ("探访人",)),
        ),
        mode_words=modes(home_visit=("入户走访",), phone=("电话回访",)),
    )
    options = OtherSheet(
        "选项",
        (("救助类别", "关爱等级"), ("低保", "重点"), ("特困", "一般"), ("孤儿", "关注")),
        hidden=True,
    )
    return two_sheets(
        slug="hunan",
        file="01_湖南_花石镇特殊困难群体关爱台账（2024年一季度）.xlsx",
        county=HUNAN,
        station="湘潭县花石镇社会工作服务站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="county template: instructions first, two-row header, hidden options, signature",
        exercises=(
            "two-row header; 证件号码＊, 性  别, 所属村(居), 手机号, 救助类别, "
            "关爱等级 重点/一般/关注; instruction and hidden option sheets; "
            "visits keyed by 档案编号 without record numbers"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 3, 29), modes=(HOME, HOME, PHONE)
        ),
        others_before=(INSTRUCTIONS,),
        others_after=(options,),
    )


def one_sheet(
    *,
    slug: str,
    file: str,
    county: County,
    station: str,
    period: tuple[date, date],
    style: str,
    exercises: str,
    rng: random.Random,
    log: LogSpec,
    visit_list: Sequence[Visit],
    others: Sequence[OtherSheet] = (),
    fmt: str = "xlsx",
) -> LedgerPlan:
    """A ledger whose one data sheet is a log: every row a visit repeating the person."""
    sheet, people, visits, category_words, mode_words = log_sheet(log, visit_list, rng)
    return LedgerPlan(
        slug=slug,
        file=file,
        region=f"{county.province}{county.county}{county.township}",
        station=station,
        period=period,
        style=style,
        exercises=exercises,
        sheets=[*others, sheet],
        people_sheet=sheet.name,
        visit_sheet=sheet.name,
        people=people,
        visits=visits,
        category_words=category_words,
        mode_words=mode_words,
        format=fmt,
    )


def register_only(
    *,
    slug: str,
    file: str,
    county: County,
    station: str,
    period: tuple[date, date],
    style: str,
    exercises: str,
    rng: random.Random,
    people: Sequence[Person],
    register: RegisterSpec,
    fmt: str = "xlsx",
) -> LedgerPlan:
    reg, entries, quirks, category_words = register_sheet(
        register, people, rng, town=county.township
    )
    return LedgerPlan(
        slug=slug,
        file=file,
        region=f"{county.province}{county.county}{county.township}",
        station=station,
        period=period,
        style=style,
        exercises=exercises,
        sheets=[reg],
        people_sheet=reg.name,
        visit_sheet=None,
        people=entries,
        visits=[],
        quirks=quirks,
        category_words=category_words,
        format=fmt,
    )


# --- 02 四川: village sections, subtotals, keyed by ID ----------------------------------------------

SICHUAN = County(
    "510121", "四川省", "金堂县", "竹篙镇", ("金坪村", "万兴村", "青龙村", "黄家湾社区")
)


def sichuan(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SICHUAN, 34, year=2024)
    register = RegisterSpec(
        sheet="花名册",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("age", ("年龄（岁）",)),
            C("categories", ("分类",)),
            C("phone", ("联系电话",)),
            C("note", ("备注",)),
        ),
        category_words=PREFIXED_WORDS,
        title="竹篙镇2024年二季度困难群众关爱花名册",
        meta="填报单位（盖章）：竹篙镇民政办　　统计时间：2024年6月30日",
        sections=True,
        subtotals=True,
        total=True,
        notes=("说明：1.本表按村（社区）分组填写；", "2.五保户即特困供养人员。"),
        signature="制表人：　　　　　分管领导：",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("id", ("身份证号码",)),
            C("date", ("走访时间",)),
            C("mode", ("走访方式",)),
            C("content", ("走访情况",)),
            C("worker", ("走访人员",)),
        ),
        date_forms=("dot",),
        mode_words=modes(home_visit=("实地走访",), phone=("电话",)),
        title="2024年二季度走访记录",
    )
    return two_sheets(
        slug="sichuan",
        file="02_四川_竹篙镇困难群众关爱花名册及走访记录（二季度）.xlsx",
        county=SICHUAN,
        station="金堂县竹篙镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="village sections with 小计, 合计, 说明 and signature; no 档案号, no village column",
        exercises=(
            "section rows 一、金坪村（9人） carry the village; "
            "小计/合计/说明/signature rows; register keyed by ID; "
            "分类 with 五保户/农村低保/重度残疾/事实孤儿/空巢老人; 年龄（岁）; dates 2024.4.5"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 4, 1), date(2024, 6, 28)),
    )


# --- 03 陕西: Sheet1/Sheet2, serials in text cells ---------------------------------------------------

SHAANXI = County("610323", "陕西省", "岐山县", "蔡家坡镇", ("东坡村", "西岭村", "北塬村"))


def shaanxi(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SHAANXI, 30, year=2024)
    register = RegisterSpec(
        sheet="Sheet1",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("age", ("年龄（岁）",)),
            C("village", ("所在村",)),
            C("categories", ("人员类别",)),
            C("level", ("分级",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["digit"],
        phone_form="number",
    )
    visits = VisitSpec(
        sheet="Sheet2",
        columns=(
            C("name", ("姓名",)),
            C("id", ("身份证号",)),
            C("date", ("日期",)),
            C("mode", ("方式",)),
            C("content", ("内容",)),
        ),
        date_forms=("serial_text", "digits", "date"),
        mode_words=modes(home_visit=("入户",), phone=("电话",), video=("视频",)),
    )
    return two_sheets(
        slug="shaanxi",
        file="03_陕西_蔡家坡镇服务对象.xlsx",
        county=SHAANXI,
        station="岐山县蔡家坡镇社工站",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style="unrenamed Sheet1/Sheet2/Sheet3, no title, phones stored as numbers",
        exercises=(
            "data on Sheet1 and Sheet2 beside an empty Sheet3; "
            "no 档案号 (keyed by ID); levels 1级/2级/3级 under 分级; "
            "dates as Excel serials typed into text cells and 20240705 text"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 7, 1), date(2024, 9, 30), modes=(HOME, PHONE, VIDEO)
        ),
        others_after=(OtherSheet("Sheet3"),),
    )


# --- 04 山西: three-row header, guardian and disability groups, line breaks -------------------------

SHANXI = County("140121", "山西省", "清徐县", "徐沟镇", ("东南坊村", "西楚王村", "南尹村"))


def shanxi(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SHANXI, 30, year=2024, record_prefix="XG2024")
    top = "服务对象基本情况"
    register = RegisterSpec(
        sheet="服务对象台账",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", (top, "个人信息", "姓名")),
            C("sex", (top, "个人信息", "性别")),
            C("id", (top, "个人信息", "公民身份\n号码")),
            C("birth_date", (top, "个人信息", "出生\n日期")),
            C("disability_card", ("残疾人证号",)),
            C("village", (top, "家庭情况", "村（社区）")),
            C("address", (top, "家庭情况", "户籍地址")),
            C("categories", ("保障类型",)),
            C("disability_kind", ("残疾情况", "类别")),
            C("disability_grade", ("残疾情况", "等级")),
            C("guardian", ("监护人", "姓名")),
            C("guardian_phone", ("监护人", "电话")),
            C("phone", ("联系\n电话",)),
            C("level", ("服务\n等级",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["chinese"],
        title="徐沟镇社工站服务对象台账",
        meta="单位：徐沟镇社会工作服务站　　　　　　　　　　　　时间：2024年12月",
    )
    visits = VisitSpec(
        sheet="探访台账",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("服务对象",)),
            C("date", ("探访日期",)),
            C("mode", ("探访方式",)),
            C("worker", ("社工",)),
        ),
        date_forms=("cn",),
        mode_words=modes(home_visit=("入户走访", "上门"), phone=("电话回访",)),
        title="徐沟镇社工站探访台账（2024年四季度）",
    )
    return two_sheets(
        slug="shanxi",
        file="04_山西_徐沟镇社工站服务对象台账（2024年四季度）.xlsx",
        county=SHANXI,
        station="清徐县徐沟镇社会工作服务站",
        period=(date(2024, 10, 1), date(2024, 12, 31)),
        style="three-row header with parent groups, line breaks inside header cells",
        exercises=(
            "three-row header (服务对象基本情况 › 个人信息 › 姓名 …); 残疾情况 over 类别|等级; "
            "监护人 over 姓名|电话 beside the person's own 姓名; "
            "line breaks in 公民身份\\n号码; 残疾人证号 beside the ID; 保障类型; "
            "服务等级 一级/二级/三级; "
            "dates 2024年10月8日"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 10, 1), date(2024, 12, 31)),
    )


# --- 05 浙江: tick columns, hidden column, visits by name and village --------------------------------

ZHEJIANG = County("330122", "浙江省", "桐庐县", "分水镇", ("儒桥村", "后岩村", "东溪村", "玉华村"))


def zhejiang(rng: random.Random) -> LedgerPlan:
    mix = (
        (SA,),
        (NS,),
        (EP,),
        (EP, DIS),
        (SA, DIS),
        (ALONE,),
        (ALONE, AGED),
        (ORPHAN,),
        (DFU,),
        (AGED,),
    )
    people = make_people(rng, ZHEJIANG, 36, year=2024, mix=mix, record_prefix="FS")
    parent = "人员类别（在对应栏打√）"
    ticks = {
        "低保": SA,
        "低边": NS,
        "特困": EP,
        "孤儿": ORPHAN,
        "事实无人抚养儿童": DFU,
        "残疾": DIS,
        "独居": ALONE,
        "高龄": AGED,
    }
    register = RegisterSpec(
        sheet="对象名册",
        columns=(
            C("record_no", ("编号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("village", ("村别",)),
            C("guardian", ("户主",), hidden=True),
            *[C(f"tick:{w}", (parent, w), width=5) for w in ticks],
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        ticks=ticks,
        tick_marks=("√", "✓"),
        title="分水镇2024年第一季度困难群众对象名册",
        oddities={4: "name_remark:已故"},
    )
    visits = VisitSpec(
        sheet="走访登记",
        columns=(
            C("date_month", ("走访时间", "月")),
            C("date_day", ("走访时间", "日")),
            C("village", ("村别",)),
            C("name", ("姓名",)),
            C("mode", ("方式",)),
            C("content", ("走访内容",)),
        ),
        mode_words=modes(
            home_visit=("上门", "上门、电话"), phone=("电话",), instant_message=("微信",)
        ),
        title="分水镇2024年1-3月走访登记",
    )
    return two_sheets(
        slug="zhejiang",
        file="05_浙江_分水镇困难群众名册及1-3月走访登记.xlsx",
        county=ZHEJIANG,
        station="桐庐县分水镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="categories as tick columns, a hidden column, a visit book by village and name",
        exercises=(
            "categories as √/✓ under a merged 人员类别 parent; "
            "hidden 户主 column; 编号 as the record number; "
            "visits name the person by 村别 and 姓名 only, "
            "the visit date over 月 | 日 columns under a merged 走访时间 with the year from the "
            "title; a mode cell naming two modes (上门、电话: a home visit); a name marked 已故"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 3, 30), modes=(HOME, PHONE, IM)
        ),
    )


# --- 06 宁夏: one-sheet log ---------------------------------------------------------------------------

NINGXIA = County("640221", "宁夏回族自治区", "平罗县", "姚伏镇", ("姚伏村", "小店子村", "新丰村"))


def ningxia(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, NINGXIA, 26, year=2024)
    log = LogSpec(
        sheet="走访台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("id", ("身份证号",)),
            C("sex", ("性别",)),
            C("village", ("村居",)),
            C("categories", ("对象类别",)),
            C("phone", ("联系电话",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        category_words=PLAIN_WORDS,
        date_forms=("digits", "digits_number"),
        mode_words=modes(
            home_visit=("入户走访",),
            phone=("电话",),
            video=("微信视频",),
            station_visit=("来站咨询",),
        ),
        title="姚伏镇社工站2024年5月走访台账",
        total=True,
        sex_blank=frozenset({people[3].name}),
    )
    return one_sheet(
        slug="ningxia",
        file="06_宁夏_姚伏镇社工站2024年5月走访台账.xlsx",
        county=NINGXIA,
        station="平罗县姚伏镇社工站",
        period=(date(2024, 5, 1), date(2024, 5, 31)),
        style=(
            "one sheet: every row a visit repeating the person; 8-digit dates as text and numbers"
        ),
        exercises=(
            "one-sheet log (the register comes from the visit rows, "
            "one person per ID); modes 微信视频, 来站咨询, 入户走访; "
            "dates 20240505 as text and as a number; a 合计 row"
        ),
        rng=rng,
        log=log,
        visit_list=make_visits(
            rng,
            people,
            date(2024, 5, 1),
            date(2024, 5, 31),
            per_person=(1, 3),
            modes=(HOME, HOME, PHONE, VIDEO, STATION),
        ),
    )


# --- 07 新疆: one-sheet log saved as GB18030 CSV -----------------------------------------------------

XINJIANG = County(
    "650121", "新疆维吾尔自治区", "乌鲁木齐县", "水西沟镇", ("平西梁村", "东湾村", "方家庄村")
)


def xinjiang(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, XINJIANG, 24, year=2024)
    log = LogSpec(
        sheet="走访明细",
        columns=(
            C("name", ("服务对象",)),
            C("id", ("证件号码",)),
            C("sex", ("性  别",)),
            C("village", ("所属村(居)",)),
            C("categories", ("救助类别",)),
            C("phone", ("手机号",)),
            C("date", ("日期",)),
            C("mode", ("方式",)),
        ),
        category_words=URBAN_WORDS,
        date_forms=("date",),
        mode_words=modes(home_visit=("入户",), phone=("电话回访",), video=("视频",)),
        title="水西沟镇2024年8月困难群众走访明细",
        oddities={7: "bad_date"},
    )
    visits = make_visits(
        rng,
        people,
        date(2024, 8, 1),
        date(2024, 8, 31),
        per_person=(1, 2),
        modes=(HOME, PHONE, VIDEO),
    )
    return one_sheet(
        slug="xinjiang",
        file="07_新疆_水西沟镇2024年8月走访明细.csv",
        county=XINJIANG,
        station="乌鲁木齐县水西沟镇社工站",
        period=(date(2024, 8, 1), date(2024, 8, 31)),
        style=(
            "a one-sheet log saved by Excel on Chinese Windows as CSV (GB18030, "
            "CRLF, displayed values)"
        ),
        exercises=(
            "GB18030 CSV; one-sheet log; 服务对象, 证件号码, 所属村(居), 手机号, "
            "救助类别 with 城乡低保/特困供养; dates as Excel shows them (2024/8/5); "
            "an impossible date 2024/2/30 refused"
        ),
        rng=rng,
        log=log,
        visit_list=visits,
        fmt="csv",
    )


# --- 08 内蒙古: a register saved as CSV, two-row header ---------------------------------------------

NEIMENGGU = County(
    "150121", "内蒙古自治区", "土默特左旗", "察素齐镇", ("北只图村", "把什村", "毕克齐嘎查")
)


def neimenggu(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, NEIMENGGU, 28, year=2024, record_prefix="TZ-")
    register = RegisterSpec(
        sheet="花名册",
        columns=(
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("birth_date", ("出生年月",)),
            C("village", ("嘎查村",)),
            C("categories", ("保障类型",)),
            C("disability_kind", ("残疾情况", "类别")),
            C("disability_grade", ("残疾情况", "等级")),
            C("phone", ("联系电话",)),
            C("note", ("备注",)),
        ),
        category_words=PLAIN_WORDS,
        birth_form="year_month",
        csv=True,
        title="察素齐镇困难群众花名册",
        meta="填报单位：察素齐镇民政办　　统计时间：2024年9月",
        oddities={4: "id:number", 11: "phone:ten", 17: "sex_blank"},
        total=True,
    )
    return register_only(
        slug="neimenggu",
        file="08_内蒙古_察素齐镇困难群众花名册.csv",
        county=NEIMENGGU,
        station="土默特左旗察素齐镇民政办",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style=(
            "a register saved as CSV: two-row header  whose parent stands in its first column  only"
        ),
        exercises=(
            "GB18030 CSV register (no visits); "
            "残疾情况 over 类别|等级 as the CSV keeps it; 嘎查村; 出生年月 1950.03; "
            "an ID stored as a number (shown 1.50121E+17, unrecoverable); "
            "a 10-digit phone; a blank sex cell"
        ),
        rng=rng,
        people=people,
        register=register,
        fmt="csv",
    )


# --- 09 辽宁: colour levels, prefixed category words and typos ----------------------------------------

LIAONING = County("210224", "辽宁省", "长海县", "大长山岛镇", ("杨家村", "小盐场村", "哈仙岛村"))


def liaoning(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, LIAONING, 30, year=2024, record_prefix="DCS")
    register = RegisterSpec(
        sheet="关爱对象",
        columns=(
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("village", ("村（社区）",)),
            C("old_categories", ("对象类别（2022年）",)),
            C("categories", ("对象类别",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系电话",)),
            C("guardian", ("监护人",)),
            C("guardian_phone", ("监护人电话",)),
        ),
        category_words=URBAN_WORDS,
        joiner="，",
        levels=LEVEL_SCALES["colour"],
        title="大长山岛镇2024年重点关爱对象台账",
        oddities={5: "category_typo", 21: "category_typo"},
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访情况",)),
        ),
        date_forms=("date", "slash", "iso"),
        mode_words=modes(home_visit=("入户走访",), phone=("电话回访",), video=("微信视频",)),
        oddities={11: "mode_typo", 40: "mode_typo"},
    )
    return two_sheets(
        slug="liaoning",
        file="09_辽宁_大长山岛镇重点关爱对象台账（2024年三季度）.xlsx",
        county=LIAONING,
        station="长海县大长山岛镇社工站",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style="traffic-light levels, category words with prefixes and old names, two typos",
        exercises=(
            "关爱等级 红/黄/绿; 城乡低保, 低边户, 特困供养, 空巢老人, 事实孤儿 joined by ，; "
            "对象类别（2022年） beside 对象类别; typos 底保/特因 (warn: person kept) and in two "
            "mode words (warn: the visit kept without a mode); dates real, "
            "2024/7/5 and 2024-07-05 as text"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 7, 1), date(2024, 9, 30), modes=(HOME, PHONE, VIDEO)
        ),
    )


# --- 10 安徽: every kind of odd ID and phone ---------------------------------------------------------

ANHUI = County("340421", "安徽省", "凤台县", "刘集乡", ("刘集村", "大兴村", "赵集村"))


def anhui(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, ANHUI, 34, year=2024, record_prefix="LJ-", x_checks=3)
    oddities = {
        6: "id:fullwidth",
        9: "id:spaced",
        12: "id:trailing_space",
        15: "id:number",
        19: "id:bad_check",
        23: "phone:ten",
        25: "phone:dashed",
        27: "sex_blank",
        28: "sex_blank",
        30: "phone:number",
        31: "sex_wrong",
    }
    with_x = [i for i, p in enumerate(people) if p.resident_id.endswith("X") and i not in oddities]
    oddities.update({i: "id:lower_x" for i in with_x[:2]})
    old = next(i for i, p in enumerate(people) if i not in oddities and p.birth_date.year < 2000)
    oddities[old] = "id:old15"
    register = RegisterSpec(
        sheet="服务对象台账",
        columns=(
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("birth_date", ("出生日期",)),
            C("village", ("村居",)),
            C("categories", ("对象类别",)),
            C("level", ("服务等级",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["letter_class"],
        birth_form="dot",
        title="刘集乡社工站服务对象台账",
        oddities=oddities,
    )
    visits = VisitSpec(
        sheet="探访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("id", ("身份证号",)),
            C("date", ("探访日期",)),
            C("mode", ("探访方式",)),
        ),
        date_forms=("slash", "date"),
        mode_words=modes(home_visit=("入户",), phone=("电话",)),
    )
    return two_sheets(
        slug="anhui",
        file="10_安徽_刘集乡社工站服务对象台账.xlsx",
        county=ANHUI,
        station="凤台县刘集乡社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="a clerk's register with every kind of odd ID and phone",
        exercises=(
            "IDs with lowercase x, full-width digits, spaces, "
            "trailing spaces, an old 15-digit number (upgraded: warn), "
            "stored as a number (lost: warn), "
            "a bad check character (warn, repeated on the visit log); "
            "a 10-digit phone (warn), dashed and number phones; "
            "blank sex cells, a sex cell that disagrees with the ID (warn); "
            "levels A类/B类/C类; birth dates 1950.03.12"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 1, 2), date(2024, 6, 28)),
    )


# --- 11 黑龙江: no 档案号, no ID: keyed by name and village -------------------------------------------

HEILONGJIANG = County("230722", "黑龙江省", "嘉荫县", "朝阳镇", ("朝阳村", "保兴村", "红光村"))


def heilongjiang(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, HEILONGJIANG, 27, year=2024)
    # two people of one name in two villages: the village tells them apart
    people[20] = attrs.evolve(people[20], name=people[2].name)
    register = RegisterSpec(
        sheet="名单",
        columns=(
            C("seq", ("序号",)),
            C("village", ("村屯",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("birth_date", ("出生年月",)),
            C("categories", ("类别",)),
            C("level", ("等级",)),
            C("phone", ("电话",)),
        ),
        category_words=PREFIXED_WORDS,
        levels=LEVEL_SCALES["letter"],
        birth_form="year_month",
        title="朝阳镇留守空巢老人及困境儿童名单",
    )
    visits = VisitSpec(
        sheet="巡访记录",
        columns=(
            C("seq", ("序号",)),
            C("village", ("村屯",)),
            C("name", ("姓名",)),
            C("date", ("巡访日期",)),
            C("mode", ("巡访方式",)),
        ),
        date_forms=("cn", "date"),
        mode_words=modes(home_visit=("入户", "实地走访"), phone=("电话",)),
    )
    visit_list = make_visits(rng, people, date(2024, 10, 1), date(2024, 12, 30))
    shared = people[2].name
    no_village = next(i for i, v in enumerate(visit_list) if i > 2 and v.person.name != shared)
    visits = attrs.evolve(
        visits, oddities={no_village: "no_village", 10: "stranger", 14: "no_date"}
    )
    return two_sheets(
        slug="heilongjiang",
        file="11_黑龙江_朝阳镇留守空巢老人及困境儿童名单和巡访记录.xlsx",
        county=HEILONGJIANG,
        station="嘉荫县朝阳镇社工站",
        period=(date(2024, 10, 1), date(2024, 12, 31)),
        style="a list with neither 档案号 nor ID: people are known by village and name",
        exercises=(
            "register keyed by name and village (no record number, "
            "no ID column; two people of one name in two villages); "
            "visits by 村屯 + 姓名 (one with the village blank); "
            "a visit to someone on no register and one without a date (refuse); "
            "levels A/B/C; 出生年月 1950.03"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=visit_list,
    )


# --- 12 湖北: every date form, rows to refuse ----------------------------------------------------------

HUBEI = County("422823", "湖北省", "巴东县", "野三关镇", ("石桥坪村", "穿心岩村", "庙坪村"))


def hubei(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, HUBEI, 30, year=2024, record_prefix="YSG-")
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("village", ("村居",)),
            C("categories", ("对象类别",)),
            C("level", ("探访等级",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["digit"],
        oddities={8: "no_name"},
        blank_rows=3,
    )
    visits = VisitSpec(
        sheet="探访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("date", ("探访日期",)),
            C("next_date", ("下次探访日期",)),
            C("mode", ("探访方式",)),
            C("content", ("探访情况",)),
        ),
        date_forms=(
            "date",
            "date_cn",
            "dot",
            "slash",
            "cn",
            "digits",
            "digits_number",
            "serial_text",
            "iso",
        ),
        mode_words={
            HOME: ("入户走访", "实地走访", "上门"),
            PHONE: ("电话回访", "电话"),
            VIDEO: ("微信视频",),
            IM: ("微信",),
            STATION: ("来站咨询", "来访"),
        },
        oddities={2: "bad_date", 17: "no_date", 30: "stranger"},
        notes=("注：探访日期以实际入户时间为准。",),
    )
    return two_sheets(
        slug="hubei",
        file="12_湖北_野三关镇服务对象及探访记录.xlsx",
        county=HUBEI,
        station="巴东县野三关镇社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="a visit log with every date form and every mode word, rows to refuse",
        exercises=(
            "dates as real dates, 1月5日 display, 2024.1.5, 2024/1/5, "
            "2024年1月5日, 20240105 text and number, serials in text, ISO; "
            "下次探访日期 beside 探访日期; "
            "modes 入户走访/实地走访/上门/电话回访/微信视频/微信/来站咨询/来访; "
            "a register row with no name, a visit on 2月30日, "
            "one without a date, one to a stranger (all refuse_row)"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng,
            visitable(people, register),
            date(2024, 1, 2),
            date(2024, 6, 28),
            modes=(HOME, HOME, PHONE, VIDEO, IM, STATION),
        ),
    )


# --- 13 甘肃: a statistics sheet first, a hidden dictionary, visits by ID only -----------------------

GANSU = County("620123", "甘肃省", "榆中县", "金崖镇", ("金崖村", "岘口村", "黄家庄村"))


def gansu(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, GANSU, 28, year=2024)
    register = RegisterSpec(
        sheet="名单",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓  名",)),
            C("sex", ("性  别",)),
            C("id", ("身份证号码",)),
            C("village", ("村组",)),
            C("categories", ("救助类别",)),
            C("level", ("分级",)),
            C("phone", ("联系方式",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["attention"],
        title="金崖镇社会救助对象名单",
        total=True,
    )
    visits = VisitSpec(
        sheet="走访情况",
        columns=(
            C("id", ("身份证号码",)),
            C("date", ("走访时间",)),
            C("mode", ("走访形式",)),
            C("content", ("走访情况",)),
        ),
        date_forms=("dot", "iso"),
        mode_words=modes(home_visit=("入户",), phone=("电话",), station_visit=("来访",)),
    )
    stats = OtherSheet("统计表", (("类别", "人数"), ("低保", "12"), ("特困", "6"), ("合计", "28")))
    dictionary = OtherSheet("字典", (("救助类别",), ("低保",), ("特困",), ("孤儿",)), hidden=True)
    return two_sheets(
        slug="gansu",
        file="13_甘肃_金崖镇社会救助对象名单及走访情况.xlsx",
        county=GANSU,
        station="榆中县金崖镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style=(
            "a statistics sheet before the data, a hidden dictionary sheet, a visit log by ID only"
        ),
        exercises=(
            "统计表 first (counts, not people); hidden 字典 sheet; "
            "headers 姓  名/性  别 padded with spaces, 村组, 联系方式, 救助类别, "
            "分级 重点/一般/关注; visits name the person by ID only; a 合计 row"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 4, 1), date(2024, 6, 30), modes=(HOME, PHONE, STATION)
        ),
        others_before=(stats,),
        others_after=(dictionary,),
    )


# --- 14 青海: children with their guardians --------------------------------------------------------------

QINGHAI = County("632222", "青海省", "祁连县", "八宝镇", ("冰沟村", "拉洞村", "麻拉河村"))


def qinghai(rng: random.Random) -> LedgerPlan:
    mix = ((ORPHAN,), (DFU,), (CID,), (LBC,), (DFU, DIS), (CID, SA))
    people = make_people(rng, QINGHAI, 26, year=2024, mix=mix, record_prefix="BB")
    register = RegisterSpec(
        sheet="儿童台账",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("编号",)),
            C("name", ("儿童信息", "姓名")),
            C("sex", ("儿童信息", "性别")),
            C("id", ("儿童信息", "身份证号")),
            C("birth_date", ("儿童信息", "出生日期")),
            C("village", ("村（社区）",)),
            C("categories", ("儿童类别",)),
            C("guardian", ("监护人", "姓名")),
            C("guardian_phone", ("监护人", "联系电话")),
        ),
        category_words=PREFIXED_WORDS,
        title="八宝镇困境儿童关爱服务台账（2024年）",
        meta="填报单位：八宝镇儿童督导员　　　填报时间：2024年3月",
        signature="儿童督导员：　　　　　　镇社工站负责人：",
    )
    visits = VisitSpec(
        sheet="探访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("儿童姓名",)),
            C("id", ("身份证号",)),
            C("date", ("探访日期",)),
            C("mode", ("探访方式",)),
            C("content", ("探访内容",)),
        ),
        date_forms=("month_day",),
        mode_words=modes(home_visit=("入户",), video=("视频",)),
        title="八宝镇困境儿童探访记录（2024年1—3月）",
    )
    return two_sheets(
        slug="qinghai",
        file="14_青海_八宝镇困境儿童关爱服务台账.xlsx",
        county=QINGHAI,
        station="祁连县八宝镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="a children's ledger with the guardian's name and phone under one parent",
        exercises=(
            "two-row header with 儿童信息 › 姓名 and 监护人 › 姓名|联系电话 (two 姓名 columns); "
            "no phone of the child's own; 儿童类别 事实孤儿/农村留守儿童/困境儿童; "
            "编号 as record number; visits by name and ID, "
            "dates 1月5日 with the year from the title"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 3, 29), modes=(HOME, HOME, VIDEO)
        ),
    )


# --- 15 上海: a street office's list: merged 居委 cells, a visit book by name only ----------------------

SHANGHAI = County(
    "310104", "上海市", "徐汇区", "康健街道", ("康健居委", "寿祥居委", "长虹居委", "茶花居委")
)


def shanghai(rng: random.Random) -> LedgerPlan:
    mix = ((SA,), (ALONE,), (ALONE, AGED), (LBE,), (NS,), (DIS,), (SA, DIS), (AGED,))
    people = make_people(rng, SHANGHAI, 32, year=2024, mix=mix)
    register = RegisterSpec(
        sheet="重点对象",
        columns=(
            C("village", ("所属居委",)),
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("categories", ("人员类别",)),
            C("level", ("关爱等级",)),
            C("old_phone", ("联系电话",), hidden=True),
            C("phone", ("手机号码",)),
        ),
        category_words=URBAN_WORDS,
        levels=("重点", "一般"),
        merged_villages=True,
        title="康健街道2024年5月独居困难老人等重点对象名单",
        meta="填报单位：康健街道社区事务受理服务中心　　统计时间：2024年5月",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("date", ("日期",)),
            C("name", ("姓名",)),
            C("mode", ("方式",)),
            C("content", ("内容",)),
            C("worker", ("社工",)),
        ),
        date_forms=("dash",),
        mode_words=modes(home_visit=("上门",), phone=("电话",), station_visit=("来访",)),
    )
    return two_sheets(
        slug="shanghai",
        file="15_上海_康健街道重点对象名单及5月走访记录.xlsx",
        county=SHANGHAI,
        station="徐汇区康健街道社工站",
        period=(date(2024, 5, 1), date(2024, 5, 31)),
        style="a street office's list: 居委 cells merged down each block, a visit book by name only",
        exercises=(
            "所属居委 merged down each block of people (the first column); a hidden 联系电话 "
            "of old landlines beside the visible 手机号码; levels 重点/一般; "
            "visits name the person by 姓名 only, dates 2024-5-6; modes 上门/电话/来访"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 5, 1), date(2024, 5, 31), modes=(HOME, PHONE, STATION)
        ),
    )


# --- 16 广东: a 双百 station workbook: 镇街 and 村居 merged down, 服务时长 and 服务人员 ------------------

GUANGDONG = County(
    "440221",
    "广东省",
    "韶关市曲江区",
    "马坝镇",
    ("龙岗村", "安山村", "新村居委"),
    successor=("440205", 2004),
)


def guangdong(rng: random.Random) -> LedgerPlan:
    mix = ((SA,), (EP,), (ORPHAN,), (DFU,), (DIS,), (ALONE,), (SA, DIS), (EP, DIS))
    people = make_people(rng, GUANGDONG, 30, year=2024, mix=mix)
    register = RegisterSpec(
        sheet="服务对象台账",
        columns=(
            C("seq", ("序号",)),
            C("town", ("镇街",)),
            C("village", ("村居",)),
            C("name", ("服务对象姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("categories", ("对象类别",)),
            C("level", ("帮扶等级",)),
            C("phone", ("联系电话",)),
            C("address", ("家庭住址",)),
            C("note", ("备注",)),
        ),
        category_words=OBJECT_WORDS,
        joiner="；",
        levels=LEVEL_SCALES["class"],
        merged_villages=True,
        title="曲江区马坝镇社会工作服务站服务对象台账（2024年上半年）",
        meta="填报单位：马坝镇社工站　　　　　　填报时间：2024年6月30日",
    )
    visits = VisitSpec(
        sheet="服务记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("服务对象姓名",)),
            C("id", ("身份证号码",)),
            C("date", ("服务日期",)),
            C("mode", ("服务方式",)),
            C("hours", ("服务时长（小时）",)),
            C("content", ("服务内容",)),
            C("worker_name", ("服务人员",)),
        ),
        date_forms=("date", "iso"),
        mode_words=modes(home_visit=("入户探访",), phone=("电话探访",)),
        title="马坝镇社工站2024年上半年探访服务记录",
    )
    return two_sheets(
        slug="guangdong",
        file="16_广东_马坝镇社工站服务对象台账及服务记录（2024年上半年）.xlsx",
        county=GUANGDONG,
        station="曲江区马坝镇社会工作服务站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="a 双百 station workbook: 镇街 and 村居 merged down, 服务时长 and 服务人员",
        exercises=(
            "镇街 merged down the whole sheet and 村居 down each village; 服务对象姓名; "
            "对象类别 低保对象/特困供养人员/孤儿/事实无人抚养儿童/重度残疾人/独居老人 joined by ；; "
            "帮扶等级 一类/二类/三类; visits 服务日期, 服务方式 入户探访/电话探访, "
            "服务时长（小时）, 服务人员 (a name); children's IDs on the district's new area code"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 6, 28), modes=(HOME, HOME, PHONE)
        ),
    )


# --- 17 江西: the table at C8 under a title block over three rows, signatures under it ---------------

JIANGXI = County("360121", "江西省", "南昌县", "莲塘镇", ("莲西村", "洪燕村", "三村村", "澄湖村"))


def jiangxi(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, JIANGXI, 30, year=2024, record_prefix="LT")
    register = RegisterSpec(
        sheet="关爱对象台账",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("age", ("年龄",)),
            C("village", ("村（居）",)),
            C("categories", ("对象类型",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系电话",)),
            C("address", ("家庭住址",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["roman"],
        left=2,
        title="南昌县莲塘镇社会工作服务站关爱服务对象台账",
        title_span=3,
        meta="填报单位：莲塘镇社工站　　　　　　　　填报时间：2024年6月30日",
        blank_before=2,
        blank_rows=2,
        signature="审核人：　　　　　　　　填表人：　　　　　　　　联系电话：",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("档案号",)),
            C("name", ("姓名",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("dot_padded", "short_year"),
        mode_words=modes(home_visit=("走访",), phone=("电话联系",)),
        left=1,
        title="莲塘镇社工站走访记录（2024年4—6月）",
        title_span=2,
        blank_before=1,
        signature="审核人：　　　　　　填表人：",
    )
    return two_sheets(
        slug="jiangxi",
        file="17_江西_莲塘镇社工站关爱服务对象台账.xlsx",
        county=JIANGXI,
        station="南昌县莲塘镇社会工作服务站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="the table at C8 under a title block merged over three rows, signatures under it",
        exercises=(
            "register from column C and row 8 (two empty columns before it), the title merged "
            "over A1:M3, a 填报单位…填报时间 line, empty rows, 审核人/填表人 at the end; visits "
            "from column B; levels Ⅰ级/Ⅱ级/Ⅲ级; dates 2024.06.05 and '24.6.5; modes 走访/电话联系"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 4, 1), date(2024, 6, 28)),
    )


# --- 18 云南: a wide register of 33 columns, the wanted ones scattered and abbreviated --------------

YUNNAN = County("530124", "云南省", "富民县", "永定街道", ("大营社区", "小水井村", "核桃箐村"))


def yunnan(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, YUNNAN, 30, year=2024)
    register = RegisterSpec(
        sheet="基础信息",
        columns=(
            C("seq", ("序号",)),
            C("town", ("乡镇（街道）",)),
            C("village", ("村",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("nation", ("民族",)),
            C("id", ("身份证",)),
            C("age", ("年龄",)),
            C("filler:hukou", ("户口性质",)),
            C("filler:marital", ("婚姻状况",)),
            C("filler:health", ("健康状况",)),
            C("filler:self_care", ("自理能力",)),
            C("disability_kind", ("残疾类别",)),
            C("disability_grade", ("残疾等级",)),
            C("categories", ("类别",)),
            C("filler:since", ("纳入时间",)),
            C("filler:amount", ("月保障金额（元）",)),
            C("filler:household", ("家庭人口数",)),
            C("filler:income", ("月人均收入（元）",)),
            C("filler:income_source", ("主要收入来源",)),
            C("filler:housing", ("住房情况",)),
            C("filler:address", ("户籍地址",)),
            C("address", ("现居住地址",)),
            C("phone", ("电话",)),
            C("guardian", ("赡养（抚养）人",)),
            C("guardian_phone", ("赡养人电话",)),
            C("filler:bank", ("银行卡号",)),
            C("filler:yes_no:1", ("是否享受残疾人两项补贴",)),
            C("filler:yes_no:2", ("是否享受高龄津贴",)),
            C("filler:yes_no:3", ("是否签约家庭医生",)),
            C("filler:yes_no:4", ("是否参加城乡居民医保",)),
            C("level", ("关爱等级",)),
            C("filler:note", ("备注",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["high_low"],
        title="永定街道困难群众基础信息台账",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("id", ("身份证",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("dash_halfday",),
        mode_words={
            HOME: ("走访", "上门探视"),
            PHONE: ("电话联系",),
            VIDEO: ("视频通话",),
            IM: ("微信联系",),
            STATION: ("到站",),
        },
    )
    return two_sheets(
        slug="yunnan",
        file="18_云南_永定街道困难群众基础信息台账.xlsx",
        county=YUNNAN,
        station="富民县永定街道社工站",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style="a wide register of 33 columns: the ledger's scattered among the county's others",
        exercises=(
            "33 columns (户口性质, 婚姻状况, 纳入时间, 月保障金额（元）, 月人均收入（元）, 住房情况, "
            "户籍地址 and 现居住地址, a 19-digit 银行卡号, four 是否享受… columns of 是/否); "
            "headers abbreviated 身份证, 电话, 村, 类别; levels 高/中/低; dates 2024-7-5 上午; "
            "modes 走访/上门探视/电话联系/视频通话/微信联系/到站"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng,
            people,
            date(2024, 7, 1),
            date(2024, 9, 28),
            modes=(HOME, HOME, PHONE, VIDEO, IM, STATION),
        ),
    )


# --- 19 贵州: visits in the register's width, groups of date and mode columns ----------------------

GUIZHOU = County("522727", "贵州省", "平塘县", "掌布镇", ("掌布村", "新营村", "岩上村"))


def guizhou(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, GUIZHOU, 28, year=2024)
    groups = VisitGroups(
        count=4,
        date_forms=("date", "dot"),
        mode_words={HOME: ("走访",), PHONE: ("电话联系",), VIDEO: ("视频通话",)},
    )
    register = RegisterSpec(
        sheet="关爱台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("village", ("所在村",)),
            C("categories", ("人员类别",)),
            C("level", ("帮扶等级",)),
            C("phone", ("联系电话",)),
            *groups.columns(),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["stars"],
        title="掌布镇2024年困难群众关爱台账",
    )
    visit_list = make_visits(
        rng,
        people,
        date(2024, 1, 2),
        date(2024, 12, 20),
        per_person=(1, 4),
        modes=(HOME, PHONE, VIDEO),
    )
    sheet, entries, visit_entries, quirks, category_words, mode_words = register_with_visits(
        register, groups, people, visit_list, rng
    )
    return LedgerPlan(
        slug="guizhou",
        file="19_贵州_掌布镇2024年困难群众关爱台账.xlsx",
        region=f"{GUIZHOU.province}{GUIZHOU.county}{GUIZHOU.township}",
        station="平塘县掌布镇社工站",
        period=(date(2024, 1, 1), date(2024, 12, 31)),
        style="one sheet for a year: each person's visits in groups of columns across the row",
        exercises=(
            "visits as four repeating column groups 第1次走访日期 | 走访方式 | 第2次走访日期 | … "
            "in the register's own rows; levels ★★★/★★/★; dates real and 2024.3.5; "
            "modes 走访/电话联系/视频通话"
        ),
        sheets=[sheet],
        people_sheet=sheet.name,
        visit_sheet=sheet.name,
        people=entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 20 福建: an OpenDocument workbook, dates 6/5 with the year in the sheet's name ------------------

FUJIAN = County("350121", "福建省", "闽侯县", "上街镇", ("厚美村", "榕桥村", "新峰村"))


def fujian(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, FUJIAN, 28, year=2024, record_prefix="SJ")
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("对象编号",)),
            C("name", ("基本情况", "姓名")),
            C("sex", ("基本情况", "性别")),
            C("id", ("基本情况", "身份证号码")),
            C("birth_date", ("基本情况", "出生日期")),
            C("village", ("基本情况", "村居")),
            C("categories", ("对象类别",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系电话",)),
            C("guardian", ("紧急联系人",), hidden=True),
        ),
        category_words=PREFIXED_WORDS,
        levels=LEVEL_SCALES["stars"],
        title="上街镇社工站服务对象名册",
    )
    visits = VisitSpec(
        sheet="2024年走访记录",
        columns=(
            C("seq", ("序号",)),
            C("record_no", ("对象编号",)),
            C("name", ("姓名",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访情况",)),
        ),
        date_forms=("month_slash",),
        mode_words=modes(
            home_visit=("上门探视",), phone=("电话联系",), instant_message=("微信联系",)
        ),
        title="走访记录（上半年）",
    )
    return two_sheets(
        slug="fujian",
        file="20_福建_上街镇社工站服务对象名册.ods",
        county=FUJIAN,
        station="闽侯县上街镇社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="an OpenDocument workbook from WPS or LibreOffice, the year only in a sheet's name",
        exercises=(
            ".ods; two-row header under 基本情况; 对象编号 as the record number; a hidden "
            "紧急联系人 column; levels ★★★/★★/★; visits on the sheet 2024年走访记录 with dates 6/5 "
            "(the year from the sheet's name, not the title); modes 上门探视/电话联系/微信联系"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 6, 28), modes=(HOME, HOME, PHONE, IM)
        ),
        others_after=(
            OtherSheet("下拉选项", (("对象类别",), ("农村低保",), ("五保户",)), hidden=True),
        ),
        fmt="ods",
    )


# --- 21 云南: a one-sheet log saved as CSV UTF-8 (with a BOM) ---------------------------------------

PINGBIAN = County("532523", "云南省", "屏边苗族自治县", "玉屏镇", ("白沙坡村", "新现村", "龙保村"))


def pingbian(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, PINGBIAN, 24, year=2024)
    log = LogSpec(
        sheet="走访台账",
        columns=(
            C("seq", ("序号",)),
            C("village", ("村委会",)),
            C("name", ("姓名",)),
            C("id", ("身份证号",)),
            C("sex", ("性别",)),
            C("categories", ("类别",)),
            C("phone", ("电话",)),
            C("date", ("走访时间",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        category_words=PLAIN_WORDS,
        joiner="/",
        date_forms=("dot_padded", "dash_halfday"),
        mode_words={
            HOME: ("上门探视", "走访"),
            PHONE: ("电话联系",),
            VIDEO: ("视频通话",),
            IM: ("微信联系",),
            STATION: ("到站",),
        },
        title="玉屏镇社工站2024年10月走访台账",
        signature="填表人：　　　　审核人：",
    )
    plan = one_sheet(
        slug="pingbian",
        file="21_云南_玉屏镇社工站2024年10月走访台账.csv",
        county=PINGBIAN,
        station="屏边县玉屏镇社工站",
        period=(date(2024, 10, 1), date(2024, 10, 31)),
        style="a one-sheet log saved as Excel's CSV UTF-8, with its BOM",
        exercises=(
            "UTF-8 CSV with a BOM; one-sheet log; 村委会 first, 类别 joined by /; dates 2024.10.05 "
            "and 2024-10-5 上午; modes 上门探视/走访/电话联系/视频通话/微信联系/到站; "
            "a 填表人/审核人 line"
        ),
        rng=rng,
        log=log,
        visit_list=make_visits(
            rng,
            people,
            date(2024, 10, 1),
            date(2024, 10, 31),
            per_person=(1, 2),
            modes=(HOME, HOME, PHONE, VIDEO, IM, STATION),
        ),
        fmt="csv",
    )
    plan.encoding = "utf-8-sig"
    return plan


# --- 22 贵州: a register exported as GBK text with semicolons ---------------------------------------

SHIBING = County("522623", "贵州省", "施秉县", "城关镇", ("白塘村", "金钟村", "两路口村"))


def shibing(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SHIBING, 26, year=2024)
    register = RegisterSpec(
        sheet="花名册",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("公民身份号码",)),
            C("birth_date", ("出生年月",)),
            C("village", ("村（社区）",)),
            C("categories", ("保障类别",)),
            C("level", ("等级",)),
            C("phone", ("手机",)),
        ),
        category_words=URBAN_WORDS,
        levels=LEVEL_SCALES["roman"],
        birth_form="year_month",
        title="城关镇困难群众花名册",
        total=True,
        csv=True,
    )
    plan = register_only(
        slug="shibing",
        file="22_贵州_城关镇困难群众花名册.csv",
        county=SHIBING,
        station="施秉县城关镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="a register exported from a county system as GBK text separated by semicolons",
        exercises=(
            "GBK CSV with semicolons; 公民身份号码, 出生年月 1950.03, 保障类别 城乡低保/特困供养, "
            "手机; levels Ⅰ级/Ⅱ级/Ⅲ级; a 合计 row"
        ),
        rng=rng,
        people=people,
        register=register,
        fmt="csv",
    )
    plan.encoding = "gbk"
    plan.delimiter = ";"
    return plan


# --- 23 云南: a register kept one sheet per village, a visit log one sheet per month ------------------

YUANMOU = County("532328", "云南省", "元谋县", "元马镇", ("能禹村", "丙月村", "虎溪村"))


def yuanmou(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, YUANMOU, 27, year=2024)
    columns = (
        C("seq", ("序号",)),
        C("name", ("姓名",)),
        C("sex", ("性别",)),
        C("id", ("身份证号码",)),
        C("birth_date", ("出生日期",)),
        C("categories", ("对象类别",)),
        C("level", ("关爱等级",)),
        C("phone", ("联系电话",)),
    )
    sheets: list[SheetPlan | OtherSheet] = []
    people_entries: list[dict[str, Any]] = []
    quirks: list[dict[str, Any]] = []
    category_words: dict[str, list[str]] = {}
    id_cells: dict[str, Cell] = {}
    for number, village in enumerate(YUANMOU.villages):
        group = [p for p in people if p.village == village]
        register = RegisterSpec(
            sheet=village,
            columns=columns,
            category_words=PLAIN_WORDS,
            levels=LEVEL_SCALES["attention"],
            title=f"元马镇{village}困难群众关爱对象名单",
            oddities={2: "id:bad_check"} if number == 1 else {},
        )
        sheet, entries, found, words = register_sheet(register, group, rng)
        for entry in entries:
            entry["sheet"] = village
        for i, person in enumerate(group):
            cell, _ = id_cell(person.resident_id, id_form_of(register, i))
            if cell.wrong is not None:
                why = f"as on the register: {cell.wrong.why}"
                cell = attrs.evolve(cell, wrong=attrs.evolve(cell.wrong, why=why))
            id_cells[person.resident_id] = cell
        sheets.append(sheet)
        people_entries.extend(entries)
        quirks.extend(found)
        for word, codes in words.items():
            category_words.setdefault(word, codes)
    by_id = {p.resident_id: e for p, e in zip(people, people_entries, strict=True)}
    visit_entries: list[dict[str, Any]] = []
    mode_words: dict[str, str] = {}
    all_visits = make_visits(rng, people, date(2024, 4, 1), date(2024, 6, 28))
    stranger = stranger_factory(rng, YUANMOU, 2024)
    for month in (4, 5, 6):
        spec = VisitSpec(
            sheet=f"{month}月走访",
            columns=(
                C("seq", ("序号",)),
                C("name", ("姓名",)),
                C("id", ("身份证号码",)),
                C("date", ("走访日期",)),
                C("mode", ("走访方式",)),
                C("content", ("走访内容",)),
                C("worker", ("走访人",)),
            ),
            date_forms=("date", "cn"),
            mode_words=modes(home_visit=("入户走访",), phone=("电话",)),
            title=f"元马镇2024年{month}月走访记录",
            oddities={3: "stranger"} if month == 5 else {},
        )
        log, entries, words_used = visit_sheet(
            spec, [v for v in all_visits if v.on.month == month], by_id, id_cells, rng, stranger
        )
        for entry in entries:
            entry["sheet"] = spec.sheet
        sheets.append(log)
        visit_entries.extend(entries)
        mode_words.update(words_used)
    return LedgerPlan(
        slug="yuanmou",
        file="23_云南_元马镇困难群众名单及4-6月走访记录.xlsx",
        region=f"{YUANMOU.province}{YUANMOU.county}{YUANMOU.township}",
        station="元谋县元马镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="a register kept one sheet per village and a visit log one sheet per month",
        exercises=(
            "three village sheets (能禹村, 丙月村, 虎溪村) headed alike, no village column; "
            "three month sheets 4月走访, 5月走访, 6月走访 headed alike; a bad check character on "
            "the second village's sheet (warn, repeated on the visit log); a visit in May to "
            "someone on no register (refuse)"
        ),
        sheets=sheets,
        people_sheet=YUANMOU.villages[0],
        visit_sheet="4月走访",
        people=people_entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 24 贵州: a civil-affairs system's .xls export, one row per household member --------------------

HUANGPING = County("522622", "贵州省", "黄平县", "新州镇", ("城关社区", "枫香村", "马场村"))


def huangping(rng: random.Random) -> LedgerPlan:
    mix = ((SA,), (SA,), (EP,), (NS,), (SA, DIS), (EP, DIS))
    people = make_people(rng, HUANGPING, 30, year=2024, mix=mix)
    # households of one to three neighbours on the list: the first is the head
    heads: dict[str, str] = {}
    relations: dict[str, str] = {}
    i = 0
    while i < len(people):
        size = rng.choice((1, 2, 2, 3))
        members = [p for p in people[i : i + size] if p.village == people[i].village]
        for n, member in enumerate(members):
            heads[member.resident_id] = members[0].name
            relations[member.resident_id] = "本人" if n == 0 else rng.choice(("配偶", "子女"))
        i += len(members)
    register = RegisterSpec(
        sheet="保障对象",
        columns=(
            C("seq", ("序号",)),
            C("head", ("户主姓名",)),
            C("name", ("成员姓名",)),
            C("relation", ("与户主关系",)),
            C("id_kind", ("证件类型",)),
            C("id", ("证件号码",)),
            C("sex", ("性别",)),
            C("birth_date", ("出生日期",)),
            C("categories", ("保障类型",)),
            C("town", ("所属乡镇",)),
            C("village", ("所属村（社区）",)),
            C("filler:amount", ("月保障金额",)),
            C("phone", ("联系电话",)),
        ),
        category_words={**PREFIXED_WORDS, EP: "农村特困", DIS: "重度残疾人"},
        meta="导出时间：2024-03-31 10:22:15　　导出人：xinzhou01",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("date", ("走访日期",)),
            C("name", ("被走访人",)),
            C("id", ("身份证号",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("dot", "date"),
        mode_words=modes(home_visit=("入户",), phone=("电话",)),
    )
    reg, people_entries, quirks, category_words = register_sheet(
        register, people, rng, town=HUANGPING.township, heads=heads, relations=relations
    )
    by_id = {p.resident_id: e for p, e in zip(people, people_entries, strict=True)}
    log, visit_entries, mode_words = visit_sheet(
        visits,
        make_visits(rng, people, date(2024, 1, 2), date(2024, 3, 29)),
        by_id,
        {},
        rng,
        stranger_factory(rng, HUANGPING, 2024),
    )
    return LedgerPlan(
        slug="huangping",
        file="24_贵州_新州镇保障对象及走访记录.xls",
        region=f"{HUANGPING.province}{HUANGPING.county}{HUANGPING.township}",
        station="黄平县新州镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="a civil-affairs system's export as Excel 97-2003 (.xls): a row per household member",
        exercises=(
            ".xls (BIFF8); an 导出时间 line; 户主姓名 beside 成员姓名 (the member is the person), "
            "与户主关系, 证件类型 beside 证件号码; 保障类型 农村低保/农村特困/低边户/重度残疾人; "
            "所属乡镇 and 所属村（社区）; visits name the person as 被走访人 with 身份证号; "
            "dates 2024.1.5 and real dates"
        ),
        sheets=[reg, log],
        people_sheet=reg.name,
        visit_sheet=log.name,
        people=people_entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
        format="xls",
    )


# --- 25 贵州: categories asked as 是否低保 | 是否特困 …, IDs with Excel's apostrophe and × for X -----

PUAN = County("522323", "贵州省", "普安县", "江西坡镇", ("江西坡村", "细寨村", "联盟村"))


def puan(rng: random.Random) -> LedgerPlan:
    mix = ((SA,), (EP,), (SA, DIS), (ALONE,), (LBC,), (EP, DIS), (ALONE, SA))
    people = make_people(rng, PUAN, 28, year=2024, mix=mix, x_checks=3)
    ticks = {"低保": SA, "特困": EP, "残疾人": DIS, "独居老人": ALONE, "留守儿童": LBC}
    with_x = [i for i, p in enumerate(people) if p.resident_id.endswith("X")]
    oddities = {i: "id:times_sign" for i in with_x[:2]}
    oddities.update({i: "id:apostrophe" for i in (4, 11, 19) if i not in oddities})
    register = RegisterSpec(
        sheet="关爱对象",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("village", ("村（社区）",)),
            *[C(f"tick:{w}", (f"是否{w}",), width=6) for w in ticks],
            C("phone", ("联系电话",)),
            C("note", ("备注",)),
        ),
        category_words=PLAIN_WORDS,
        ticks=ticks,
        tick_marks=("是",),
        untick="否",
        title="江西坡镇2024年二季度关爱对象花名册",
        oddities=oddities,
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("id", ("身份证号码",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
        ),
        date_forms=("short_year", "cn"),
        mode_words={
            HOME: ("上门探视", "走访"),
            PHONE: ("电话联系",),
            VIDEO: ("视频通话",),
            IM: ("微信联系",),
            STATION: ("到站",),
        },
        title="江西坡镇2024年二季度走访记录",
    )
    return two_sheets(
        slug="puan",
        file="25_贵州_江西坡镇关爱对象花名册及走访记录.xlsx",
        county=PUAN,
        station="普安县江西坡镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="categories asked one by one (是否低保 …) with 是/否, IDs as a system exports them",
        exercises=(
            "categories only as questions 是否低保 | 是否特困 | 是否残疾人 | 是否独居老人 | "
            "是否留守儿童 answered 是/否; IDs with Excel's apostrophe left in ('4403…) and × typed "
            "for the check character X (also on the visit log); dates '24.4.5 and 2024年4月5日; "
            "modes 上门探视/走访/电话联系/视频通话/微信联系/到站"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng,
            people,
            date(2024, 4, 1),
            date(2024, 6, 28),
            modes=(HOME, HOME, PHONE, VIDEO, IM, STATION),
        ),
    )


# --- 26 贵州: a county template filled in: hints and an example under the header, 人员状态 --------

SANSUI = County("522624", "贵州省", "三穗县", "八弓镇", ("桐林村", "颇洞村", "寨头村"))


def sansui(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SANSUI, 27, year=2024)
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("birth_date", ("出生日期",)),
            C("village", ("村（社区）",)),
            C("categories", ("对象类别",)),
            C("status", ("人员状态",)),
            C("phone", ("联系电话",)),
            C("note", ("备注",)),
        ),
        category_words=PLAIN_WORDS,
        hints={
            "name": "必填",
            "id": "必填，18位，请设为文本格式",
            "categories": "可多选，用顿号分隔",
            "status": "下拉选择",
            "phone": "手机号，必填",
        },
        example={
            "seq": "示例",
            "name": "张某某",
            "sex": "男",
            "id": "110105194912310021",
            "birth_date": "1949-12-31",
            "village": "某某村",
            "categories": "低保、残疾人",
            "status": "正常",
            "phone": "13800000000",
        },
        title="三穗县八弓镇社工站服务对象登记表",
        oddities={
            2: "name_remark:户主",
            9: "name_remark:户主",
            17: "name_remark:已故",
            5: "status:已故",
            21: "status:已迁出",
        },
    )
    visits = VisitSpec(
        sheet="探访记录",
        columns=(
            C("seq", ("序号",)),
            C("date", ("探访日期",)),
            C("village", ("村（社区）",)),
            C("name", ("姓名",)),
            C("mode", ("探访方式",)),
            C("content", ("探访内容",)),
            C("worker", ("探访人",)),
        ),
        date_forms=("date", "iso"),
        mode_words=modes(home_visit=("入户探访",), phone=("电话探访",)),
    )
    return two_sheets(
        slug="sansui",
        file="26_贵州_八弓镇社工站服务对象登记表.xlsx",
        county=SANSUI,
        station="三穗县八弓镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="a county template filled in: its hints and example row left under the header",
        exercises=(
            "a row of hints under the header (必填, 可多选，用顿号分隔, 下拉选择) and an example row "
            "(示例 | 张某某 | …), neither a person; 人员状态 正常/已故/已迁出; names with a remark "
            "(张三（户主）) on the register and without it on the visit log, which names people by "
            "村（社区） and 姓名 only"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 1, 2), date(2024, 3, 29)),
    )


# --- 27 云南: a work log saved as Excel's Unicode text, dates with the weekday and the time ----------

GEJIU = County("532501", "云南省", "个旧市", "鸡街镇", ("鸡街村", "乍甸村", "石榴坝村"))


def gejiu(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, GEJIU, 24, year=2024)
    log = LogSpec(
        sheet="工作日志",
        columns=(
            C("seq", ("序号",)),
            C("date", ("日期",)),
            C("name", ("服务对象",)),
            C("id", ("身份证号",)),
            C("sex", ("性别",)),
            C("village", ("村（社区）",)),
            C("categories", ("类别",)),
            C("phone", ("联系电话",)),
            C("mode", ("服务方式",)),
            C("content", ("服务内容",)),
            C("worker", ("社工",)),
        ),
        category_words=PLAIN_WORDS,
        date_forms=("cn_weekday_time", "dash_halfday"),
        mode_words=modes(home_visit=("入户探访",), phone=("电话探访",), video=("视频通话",)),
        title="鸡街镇社工站2024年7月工作日志",
    )
    plan = one_sheet(
        slug="gejiu",
        file="27_云南_鸡街镇社工站2024年7月工作日志.txt",
        county=GEJIU,
        station="个旧市鸡街镇社工站",
        period=(date(2024, 7, 1), date(2024, 7, 31)),
        style="a work log saved as Excel's Unicode text (.txt): UTF-16, tab-separated",
        exercises=(
            "UTF-16 text behind its byte-order mark, tabs between cells, a .txt name; one-sheet "
            "log; dates 2024年7月5日（星期五）上午9:30-10:30, 2024年7月5日（星期五）下午3时 and "
            "2024-7-5 上午; 服务对象, 服务方式 入户探访/电话探访/视频通话"
        ),
        rng=rng,
        log=log,
        visit_list=make_visits(
            rng,
            people,
            date(2024, 7, 1),
            date(2024, 7, 31),
            per_person=(1, 3),
            modes=(HOME, HOME, PHONE, VIDEO),
        ),
        fmt="csv",
    )
    plan.encoding = "utf-16"
    plan.delimiter = "\t"
    return plan


# --- 28 陕西: printed page by page: the header again on every page, 第 1 页 共 3 页 between -------

FUFENG = County("610324", "陕西省", "扶风县", "天度镇", ("天度村", "北吴村", "三联村", "上宋村"))


def fufeng(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, FUFENG, 34, year=2024)
    register = RegisterSpec(
        sheet="关爱对象花名册",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("birth_date", ("出生日期",)),
            C("village", ("村别",)),
            C("categories", ("人员类别",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["chinese"],
        title="天度镇2024年关爱服务对象花名册",
        signature="制表人：　　　　　审核人：　　　　　（盖章）",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("date", ("走访日期",)),
            C("name", ("姓名",)),
            C("id", ("身份证号码",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("date",),
        mode_words=modes(home_visit=("入户走访",), phone=("电话",)),
        title="天度镇2024年三季度走访记录",
        oddities={9: "stranger"},
    )

    def pages(reg: SheetPlan, log: SheetPlan) -> tuple[SheetPlan, SheetPlan]:
        # the date merged down the visits of one day; both printed 15 and 25 rows a page
        return paginate(reg, 15), paginate(attrs.evolve(log, merged_down=("date",)), 25)

    return two_sheets(
        slug="fufeng",
        file="28_陕西_天度镇关爱服务对象花名册及走访记录（打印版）.xlsx",
        county=FUFENG,
        station="扶风县天度镇社工站",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style="a workbook typed from printed pages: the header on every page, page footers between",
        exercises=(
            "the header row repeated on every printed page (every 15 register rows, every 25 "
            "visit rows) and a page footer 第 1 页 共 3 页 under each page; the visit date merged "
            "down over all the visits of its day; a visit to someone on no register (refuse); "
            "levels 一级/二级/三级"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 7, 1), date(2024, 9, 27), per_person=(1, 3)),
        finish=pages,
    )


# --- 29 山西: the register and the visit log on one sheet, the log stacked under the register ------

YANGQU = County("140122", "山西省", "阳曲县", "黄寨镇", ("黄寨村", "大盂村", "北小店村"))


def yangqu(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, YANGQU, 26, year=2024)
    register = RegisterSpec(
        sheet="台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("age", ("年龄",)),
            C("village", ("所在村",)),
            C("categories", ("困难类别",)),
            C("phone", ("联系电话",)),
            C("address", ("家庭住址",)),
        ),
        category_words=PLAIN_WORDS,
        title="一、黄寨镇困难群众花名册",
    )
    visits = VisitSpec(
        sheet="台账",
        columns=(
            C("seq", ("序号",)),
            C("date", ("走访时间",)),
            C("name", ("姓名",)),
            C("id", ("身份证号码",)),
            C("mode", ("走访形式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人员",)),
        ),
        date_forms=("dot", "cn"),
        mode_words=modes(home_visit=("入户",), phone=("电话",), video=("视频",)),
        title="二、2024年上半年走访记录",
        signature="填表人：　　　　　联系电话：",
    )

    def stacked(reg: SheetPlan, log: SheetPlan) -> tuple[SheetPlan, SheetPlan]:
        return reg, attrs.evolve(log, top=rows_taken(reg) + 2)  # two empty rows between

    return two_sheets(
        slug="yangqu",
        file="29_山西_黄寨镇困难群众台账.xlsx",
        county=YANGQU,
        station="阳曲县黄寨镇社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="one sheet: the register, and under it the visit log with its own title and header",
        exercises=(
            "one sheet 台账 holding the register (title 一、黄寨镇困难群众花名册) and, two empty "
            "rows below, the visit log (title 二、2024年上半年走访记录, its own header 序号 | 走访时间 "
            "| 姓名 | 身份证号码 | 走访形式 …, fewer columns); 年龄; dates 2024.3.5 and 2024年3月5日; "
            "modes 入户/电话/视频"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 1, 2), date(2024, 6, 28), modes=(HOME, HOME, PHONE, VIDEO)
        ),
        finish=stacked,
    )


# --- 30 吉林: a log by person, the person's cells merged over their visits, dates in Chinese numerals

YANJI = County("222401", "吉林省", "延吉市", "依兰镇", ("依兰村", "春兴村", "鸡林村"))


def yanji(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, YANJI, 22, year=2024)
    person_cells = ("name", "sex", "age_cn", "id", "village", "categories", "phone")
    log = LogSpec(
        sheet="走访登记",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("age_cn", ("年龄",)),
            C("id", ("身份证号码",)),
            C("village", ("村屯",)),
            C("categories", ("人员类别",)),
            C("phone", ("联系电话",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        category_words=PREFIXED_WORDS,
        date_forms=("cn_numerals", "cn_numerals_md"),
        mode_words=modes(home_visit=("入户走访",), phone=("电话回访",)),
        title="依兰镇2024年二季度困难群众走访登记表",
    )
    visits = make_visits(rng, people, date(2024, 4, 1), date(2024, 6, 28), per_person=(1, 4))
    visits.sort(key=lambda v: (people.index(v.person), v.on))  # the log goes person by person
    plan = one_sheet(
        slug="yanji",
        file="30_吉林_依兰镇困难群众走访登记表（二季度）.xlsx",
        county=YANJI,
        station="延吉市依兰镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="a one-sheet log person by person: the person's cells merged over their visits",
        exercises=(
            "one-sheet log written person by person: 姓名, 性别, 年龄, 身份证号码, 村屯, 人员类别 "
            "and 联系电话 merged down over the person's visit rows; dates in Chinese numerals "
            "二〇二四年四月五日 and 四月五日 (the year from the title); ages 六十五岁"
        ),
        rng=rng,
        log=log,
        visit_list=visits,
    )
    (sheet,) = plan.sheets
    assert isinstance(sheet, SheetPlan)
    plan.sheets = [attrs.evolve(sheet, merged_down=person_cells, merged_within="name")]
    return plan


# --- 31 陕西: a system export with coded headers and coded values, a legend sheet beside ----------

LONGXIAN = County("610327", "陕西省", "陇县", "东风镇", ("东风村", "杜阳村", "咸宜村"))

CODED_CATEGORIES: dict[str, str] = {
    SA: "01",
    EP: "02",
    NS: "03",
    DIS: "04",
    ALONE: "05",
    LBE: "06",
    AGED: "07",
    ORPHAN: "08",
    DFU: "09",
    LBC: "10",
    CID: "11",
}
"""Category codes of a made-up provincial system, with the legend in the workbook."""


def longxian(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, LONGXIAN, 28, year=2024)
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号", "XH")),
            C("name", ("姓名(必填)", "XM")),
            C("sex", ("性别(必填)", "XB")),
            C("id", ("公民身份号码(必填)", "SFZHM")),
            C("birth_date", ("出生日期", "CSRQ")),
            C("village", ("所在村(社区)", "SZCSQ")),
            C("categories", ("人员类别(必填)", "RYLB")),
            C("phone", ("联系电话", "LXDH")),
            C("address", ("现住址", "XZZ")),
        ),
        category_words=CODED_CATEGORIES,
        joiner=",",
        sex_words=("1", "2"),
        meta="导出时间：2024-06-30 16:05:41　数据来源：困难群众关爱服务信息系统",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号", "XH")),
            C("name", ("姓名", "XM")),
            C("id", ("公民身份号码", "SFZHM")),
            C("date", ("走访日期", "ZFRQ")),
            C("mode", ("走访方式", "ZFFS")),
            C("content", ("走访内容", "ZFNR")),
        ),
        date_forms=("iso",),
        mode_words={HOME: ("1",), PHONE: ("2",), VIDEO: ("3",)},
        meta="导出时间：2024-06-30 16:06:02",
    )
    legend = OtherSheet(
        "代码说明",
        (
            ("字段", "代码", "名称"),
            ("性别(XB)", "1", "男"),
            ("", "2", "女"),
            *[
                ("人员类别(RYLB)" if i == 0 else "", code, PLAIN_WORDS[category])
                for i, (category, code) in enumerate(CODED_CATEGORIES.items())
            ],
            ("走访方式(ZFFS)", "1", "入户走访"),
            ("", "2", "电话"),
            ("", "3", "视频"),
        ),
    )
    return two_sheets(
        slug="longxian",
        file="31_陕西_东风镇关爱服务对象导出数据.xlsx",
        county=LONGXIAN,
        station="陇县东风镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="a provincial system's export: headers with their field codes, values as codes",
        exercises=(
            "two-row header of the names with (必填) over the field codes (姓名(必填) › XM, "
            "公民身份号码(必填) › SFZHM, 人员类别(必填) › RYLB, 联系电话 › LXDH); sex as 1/2, "
            "categories as codes 01,05 and modes as 1/2/3, explained on a 代码说明 sheet after "
            "the data; an 导出时间 line; ISO dates"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(
            rng, people, date(2024, 4, 1), date(2024, 6, 28), modes=(HOME, HOME, PHONE, VIDEO)
        ),
        others_after=(legend,),
    )


# --- 32 陕西: no category column: the categories are words in a free-text 情况说明 -----------------

MEIXIAN = County("610326", "陕西省", "眉县", "首善镇", ("第五村", "西街村", "东关村"))

REMARK_WORDS: dict[str, str] = {
    SA: "低保户",
    NS: "低保边缘户",
    EP: "特困供养",
    DIS: "残疾",
    ALONE: "独居",
    LBE: "留守老人",
    AGED: "高龄",
    ORPHAN: "孤儿",
    DFU: "事实无人抚养",
    LBC: "留守儿童",
    CID: "困境儿童",
}
"""Category words as a worker writes them into a sentence about the person."""

CIRCUMSTANCES = (
    "腿脚不便",
    "患高血压",
    "住房老旧",
    "需定期送药",
    "视力较差",
    "家中无劳动力",
    "靠种地为生",
)
"""What a 情况说明 says beside the categories: no category."""


def meixian(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, MEIXIAN, 27, year=2024)
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("age_formula", ("年龄",)),
            C("village", ("村组",)),
            C("phone", ("联系电话",)),
            C("categories", ("情况说明",), width=30),
        ),
        category_words=REMARK_WORDS,
        joiner="，",
        remarks=CIRCUMSTANCES,
        title="首善镇社工站服务对象基本情况",
    )
    visits = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("village", ("村组",)),
            C("date", ("走访日期",)),
            C("mode", ("走访方式",)),
            C("content", ("走访情况",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("date", "slash"),
        mode_words=modes(home_visit=("上门",), phone=("电话",)),
    )
    plan = two_sheets(
        slug="meixian",
        file="32_陕西_首善镇社工站服务对象及走访记录.xlsx",
        county=MEIXIAN,
        station="眉县首善镇社工站",
        period=(date(2024, 1, 1), date(2024, 3, 31)),
        style="no category column: the categories are words in a free-text 情况说明",
        exercises=(
            "no category column: 情况说明 says 独居，低保户，腿脚不便 (the categories among the "
            "person's circumstances, in any order); 年龄 as a formula =2024-MID(D4,7,4) with its "
            "value saved; visits by 姓名 and 村组"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 1, 2), date(2024, 3, 29)),
    )
    plan.categories_in_text = True
    return plan


# --- 33 山西: a register, and each social worker's visits on a sheet named after them ------------

LOUFAN = County("140123", "山西省", "娄烦县", "杜家庄乡", ("杜家庄村", "南石村", "罗家岔村"))

WORKERS = ("王丽华", "郭志强", "任晓燕")


def loufan(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, LOUFAN, 27, year=2024)
    register = RegisterSpec(
        sheet="服务对象",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("age_formula", ("年龄",)),
            C("village", ("村",)),
            C("categories", ("对象类别",)),
            C("level", ("等级",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["attention"],
        title="杜家庄乡社工站服务对象名册",
    )
    reg, people_entries, quirks, category_words = register_sheet(
        register, people, rng, town=LOUFAN.township
    )
    by_id = {p.resident_id: e for p, e in zip(people, people_entries, strict=True)}
    stranger = stranger_factory(rng, LOUFAN, 2024)
    all_visits = make_visits(rng, people, date(2024, 1, 2), date(2024, 6, 28), per_person=(1, 4))
    sheets: list[SheetPlan | OtherSheet] = [reg]
    visit_entries: list[dict[str, Any]] = []
    mode_words: dict[str, str] = {}
    for n, worker in enumerate(WORKERS):
        # each worker visits the people of one village; a few visits cover for a colleague
        mine = [
            v
            for v in all_visits
            if (LOUFAN.villages.index(v.person.village) == n) != (v.on.day == 13)
        ]
        spec = VisitSpec(
            sheet=worker,
            columns=(
                C("seq", ("序号",)),
                C("date", ("走访日期",)),
                C("village", ("村",)),
                C("name", ("走访对象",)),
                C("mode", ("走访方式",)),
                C("content", ("走访内容及需求",)),
            ),
            date_forms=("dot", "date_cn"),
            mode_words=modes(home_visit=("入户",), phone=("电话",)),
            title=f"社工{worker}走访记录（2024年1-6月）",
            oddities={2: "no_date"} if n == 1 else {},
        )
        log, entries, words = visit_sheet(spec, mine, by_id, {}, rng, stranger)
        for entry in entries:
            entry["sheet"] = worker
        sheets.append(log)
        visit_entries.extend(entries)
        mode_words.update(words)
    return LedgerPlan(
        slug="loufan",
        file="33_山西_杜家庄乡社工站服务对象及社工走访记录.xlsx",
        region=f"{LOUFAN.province}{LOUFAN.county}{LOUFAN.township}",
        station="娄烦县杜家庄乡社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="a register and a visit sheet per social worker, each named after the worker",
        exercises=(
            "visits kept one sheet per social worker, named after the worker (王丽华, 郭志强, "
            "任晓燕), no worker column; visits by 村 and 走访对象; 年龄 as a formula with its "
            "value saved; dates 2024.1.5 and 1月5日 (the year from the title); a visit without "
            "a date (refuse)"
        ),
        sheets=sheets,
        people_sheet=reg.name,
        visit_sheet=WORKERS[0],
        people=people_entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 34 陕西: the register and the visit log side by side on one sheet, empty columns between ------

QIANYANG = County("610328", "陕西省", "千阳县", "城关镇", ("东关村", "西关村", "南寨村"))


def qianyang(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, QIANYANG, 26, year=2024)
    register = RegisterSpec(
        sheet="关爱台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("village", ("村",)),
            C("categories", ("类别",)),
            C("phone", ("联系电话",)),
        ),
        category_words=PLAIN_WORDS,
        title="城关镇2024年二季度困难群众关爱台账",
    )
    visits = VisitSpec(
        sheet="关爱台账",
        columns=(
            C("seq", ("序号",)),
            C("date", ("走访日期",)),
            C("name", ("姓名",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
        ),
        date_forms=("dash", "date_cn"),
        mode_words=modes(home_visit=("入户",), phone=("电话",)),
    )

    def beside(reg: SheetPlan, log: SheetPlan) -> tuple[SheetPlan, SheetPlan]:
        # two empty columns between; the log's header on the register's header row
        return reg, attrs.evolve(log, left=len(reg.columns) + 2, top=1)

    return two_sheets(
        slug="qianyang",
        file="34_陕西_城关镇困难群众关爱台账（二季度）.xlsx",
        county=QIANYANG,
        station="千阳县城关镇社工站",
        period=(date(2024, 4, 1), date(2024, 6, 30)),
        style="one sheet: the register and, past two empty columns, the visit log beside it",
        exercises=(
            "the register (A:G) and the visit log (J:N) side by side on one sheet 关爱台账, "
            "two empty columns between, both headed on row 2 (序号 and 姓名 in both); the log "
            "longer than the register, naming people by 姓名 only; dates 2024-4-5 and 4月5日"
        ),
        rng=rng,
        people=people,
        register=register,
        visits=visits,
        visit_list=make_visits(rng, people, date(2024, 4, 1), date(2024, 6, 28)),
        finish=beside,
    )


# --- 35 河北: the same register kept one sheet per year, the rows changed between the years -------

HEBEI = County(
    "133023", "河北省", "枣强县", "南堡乡", ("南堡村", "西小屯村", "东店子村"), ("131121", 1996)
)


def _year_sheet(
    year: int,
    people: Sequence[Person],
    visits: Sequence[Visit],
    rng: random.Random,
) -> tuple[
    SheetPlan,
    list[dict[str, Any]],
    list[dict[str, Any]],
    list[dict[str, Any]],
    dict[str, list[str]],
    dict[str, str],
]:
    groups = VisitGroups(
        count=3,
        date_forms=("date", "dot"),
        mode_words={HOME: ("入户走访",), PHONE: ("电话回访",)},
    )
    register = RegisterSpec(
        sheet=f"{year}年台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("village", ("村别",)),
            C("categories", ("人员类别",)),
            C("level", ("关爱等级",)),
            C("phone", ("联系电话",)),
            *groups.columns(),
        ),
        category_words=PLAIN_WORDS,
        levels=LEVEL_SCALES["chinese"],
        title=f"南堡乡{year}年困难群众关爱台账",
    )
    return register_with_visits(register, groups, people, visits, rng)


def hebei(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, HEBEI, 28, year=2024)
    # the person last in the list came in 2024; the sixth moved away at the end of 2023; a few
    # rows changed: a new phone, a category gained or lost
    earlier = [p for i, p in enumerate(people) if i != len(people) - 1]
    later = []
    for i, person in enumerate(people):
        if i == 5:
            continue
        if i % 7 == 2:
            person = attrs.evolve(person, phone="139" + f"{rng.randrange(10**8):08d}")
        if i % 9 == 4:  # certified disabled in 2024
            more = (DIS,) if DIS not in person.categories else ()
            person = attrs.evolve(person, categories=(*person.categories, *more))
        later.append(person)
    sheets: list[SheetPlan | OtherSheet] = []
    entries_by_year: dict[int, dict[str, dict[str, Any]]] = {}
    visit_entries: list[dict[str, Any]] = []
    category_words: dict[str, list[str]] = {}
    mode_words: dict[str, str] = {}
    quirks: list[dict[str, Any]] = []
    for year, group in ((2023, earlier), (2024, later)):
        visits = make_visits(rng, group, date(year, 1, 3), date(year, 12, 20), per_person=(1, 3))
        sheet, entries, year_visits, found, words, used = _year_sheet(year, group, visits, rng)
        for entry in entries:
            entry["sheet"] = sheet.name
        entries_by_year[year] = {e["id"]: e for e in entries}
        for visit in year_visits:
            visit["sheet"] = sheet.name
        visit_entries.extend(year_visits)
        sheets.append(sheet)
        quirks.extend(found)
        for word, codes in words.items():
            category_words.setdefault(word, codes)
        mode_words.update(used)
    # one person each: the latest year's row; a visit of 2023 stays on its own row
    latest = {**entries_by_year[2023], **entries_by_year[2024]}
    for visit in visit_entries:
        own = visit["_owner"]
        if latest[own["id"]] is not own:
            visit["_owner"], visit["_row_of"] = latest[own["id"]], own
            del visit["_on_owner_row"]
            visit["person_name"] = own["name"]
    kept = [e for e in entries_by_year[2024].values()]
    gone = [e for i, e in entries_by_year[2023].items() if i not in entries_by_year[2024]]
    quirks.append(
        {
            "kind": "rows_changed_between_years",
            "sheet": "2024年台账",
            "cells": [],
            "note": "the same people on 2023年台账 and 2024年台账: the 2024 row is the person",
        }
    )
    return LedgerPlan(
        slug="hebei",
        file="35_河北_南堡乡困难群众关爱台账（2023-2024年）.xlsx",
        region=f"{HEBEI.province}{HEBEI.county}{HEBEI.township}",
        station="邯郸县南堡乡社工站",
        period=(date(2023, 1, 1), date(2024, 12, 31)),
        style="the register copied to a new sheet each year, visits across each year's rows",
        exercises=(
            "sheets 2023年台账 and 2024年台账 headed alike, the same people on both (one left at "
            "the end of 2023, one came in 2024; new phones, 残疾人 added): one person each, "
            "the 2024 row; visits as 第1次走访日期 | 走访方式 groups on both sheets, all kept; "
            "dates real and 2024.3.5; levels 一级/二级/三级"
        ),
        sheets=sheets,
        people_sheet="2024年台账",
        visit_sheet="2024年台账",
        people=kept + gone,
        visits=sorted(visit_entries, key=lambda v: (v["date"], v["person_name"])),
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 36 山东: several visits written in one 走访情况 cell of the register ----------------------------

SHANDONG = County(
    "370421", "山东省", "滕州市", "级索镇", ("千佛阁村", "东曹村", "西曹村"), ("370481", 1989)
)


def shandong(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, SHANDONG, 28, year=2024)
    words = {HOME: ("入户", "入户走访"), PHONE: ("电话回访", "电话")}
    visits = make_visits(rng, people, date(2024, 1, 5), date(2024, 6, 25), per_person=(1, 4))
    by_person: dict[str, list[Visit]] = {}
    for visit in visits:
        by_person.setdefault(visit.person.resident_id, []).append(visit)
    written: dict[str, list[tuple[Visit, str, str]]] = {}
    remark_of = {people[3].resident_id: "4月住院未走访", people[17].resident_id: "家属外出"}

    def visit_cell(person: Person) -> dict[str, Cell]:
        parts = []
        for visit in by_person.get(person.resident_id, ()):
            day = f"{visit.on.month}月{visit.on.day}日"
            word = rng.choice(words[visit.mode])
            written.setdefault(person.resident_id, []).append((visit, day, word))
            parts.append(day + word)
        remark = remark_of.get(person.resident_id)
        wrong = None
        if remark is not None:  # a part that is no visit: a remark, flagged
            parts.insert(1, remark)
            wrong = Wrong("a part of the cell is no visit (no date): kept as a remark")
        return {"visits_text": Cell(rng.choice(("；", "；", ";")).join(parts), wrong=wrong)}

    register = RegisterSpec(
        sheet="关爱台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号",)),
            C("village", ("村居",)),
            C("categories", ("救助类别",)),
            C("phone", ("联系电话",)),
            C("visits_text", ("走访情况",), width=40),
        ),
        category_words=PLAIN_WORDS,
        title="级索镇2024年上半年困难群众关爱台账",
    )
    sheet, entries, quirks, category_words = register_sheet(register, people, rng, visit_cell)
    owners = {p.resident_id: e for p, e in zip(people, entries, strict=True)}
    letter = sheet.letter("visits_text")
    visit_entries = []
    mode_words: dict[str, str] = {}
    for resident_id, items in written.items():
        owner = owners[resident_id]
        offset = 0
        for part, (visit, day, word) in enumerate(items):
            if part == 1 and resident_id in remark_of:
                offset = 1
            mode_words[word] = visit.mode
            visit_entries.append(
                {
                    "row": 0,
                    "person": owner["id"],
                    "person_name": owner["name"],
                    "person_row": None,
                    "date": visit.on.isoformat(),
                    "date_as_written": day,
                    "mode": visit.mode,
                    "mode_as_written": word,
                    "valid": True,
                    "date_column": letter,
                    "mode_column": letter,
                    "part": part + offset,
                    "_owner": owner,
                    "_on_owner_row": True,
                }
            )
    visit_entries.sort(key=lambda v: (v["date"], v["person_name"]))
    return LedgerPlan(
        slug="shandong",
        file="36_山东_级索镇困难群众关爱台账（2024年上半年）.xlsx",
        region=f"{SHANDONG.province}{SHANDONG.county}{SHANDONG.township}",
        station="滕州市级索镇社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="one sheet: every visit of the half-year written into one 走访情况 cell of the row",
        exercises=(
            "走访情况 holds the person's visits as 3月5日入户；3月20日电话回访 (separated by ； or ;, "
            "the year from the title), each a visit; two cells hold a part that is no visit "
            "(4月住院未走访, 家属外出: a remark, flagged)"
        ),
        sheets=[sheet],
        people_sheet=sheet.name,
        visit_sheet=sheet.name,
        people=entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 37 江苏: visits as a month matrix, a column per month holding the day and the mode -------------

JIANGSU = County(
    "322523", "江苏省", "如东县", "掘港街道", ("青园社区", "东渔村", "江堤村"), ("320623", 1983)
)


def jiangsu(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, JIANGSU, 28, year=2024)
    words = {HOME: ("入户",), PHONE: ("电话",)}
    drawn = make_visits(rng, people, date(2024, 1, 2), date(2024, 6, 28), per_person=(2, 5))
    one_a_month: dict[tuple[str, int], Visit] = {}
    for visit in drawn:  # a month's cell holds one visit
        one_a_month.setdefault((visit.person.resident_id, visit.on.month), visit)
    written: list[tuple[str, int, Visit, str, str]] = []

    def month_cells(person: Person) -> dict[str, Cell]:
        cells = {}
        for month in range(1, 7):
            visit = one_a_month.get((person.resident_id, month))
            if visit is None:
                continue
            day = rng.choice((f"{visit.on.day}日", f"{visit.on.day}号"))
            word = rng.choice(words[visit.mode])
            cells[f"month:{month}"] = Cell(day + word)
            written.append((person.resident_id, month, visit, day, word))
        return cells

    register = RegisterSpec(
        sheet="走访台账",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("sex", ("性别",)),
            C("id", ("身份证号码",)),
            C("village", ("村（社区）",)),
            C("categories", ("对象类别",)),
            C("phone", ("联系电话",)),
            *(C(f"month:{m}", ("2024年走访情况", f"{m}月"), width=8) for m in range(1, 7)),
        ),
        category_words=PLAIN_WORDS,
        title="掘港街道困难群众2024年1-6月走访台账",
    )
    sheet, entries, quirks, category_words = register_sheet(register, people, rng, month_cells)
    owners = {p.resident_id: e for p, e in zip(people, entries, strict=True)}
    letters = sheet.letters()
    visit_entries = []
    mode_words: dict[str, str] = {}
    for resident_id, month, visit, day, word in written:
        owner = owners[resident_id]
        mode_words[word] = visit.mode
        visit_entries.append(
            {
                "row": 0,
                "person": owner["id"],
                "person_name": owner["name"],
                "person_row": None,
                "date": visit.on.isoformat(),
                "date_as_written": day,
                "mode": visit.mode,
                "mode_as_written": word,
                "valid": True,
                "date_column": letters[f"month:{month}"],
                "mode_column": letters[f"month:{month}"],
                "month": month,
                "_owner": owner,
                "_on_owner_row": True,
            }
        )
    visit_entries.sort(key=lambda v: (v["date"], v["person_name"]))
    return LedgerPlan(
        slug="jiangsu",
        file="37_江苏_掘港街道困难群众走访台账（1-6月）.xlsx",
        region=f"{JIANGSU.province}{JIANGSU.county}{JIANGSU.township}",
        station="如东县掘港街道社工站",
        period=(date(2024, 1, 1), date(2024, 6, 30)),
        style="a month matrix: one row per person, a column per month holding that month's visit",
        exercises=(
            "visits as a month matrix under 2024年走访情况 › 1月 | 2月 | … | 6月, each filled cell "
            "one visit of its month written as the day and the mode (5日入户, 12号电话), the year "
            "from the heading and the title"
        ),
        sheets=[sheet],
        people_sheet=sheet.name,
        visit_sheet=sheet.name,
        people=entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 38 广西: one row per household, its members side by side ----------------------------------

GUANGXI = County(
    "452524", "广西壮族自治区", "平南县", "大安镇", ("大安村", "思和村", "新和村"), ("450821", 1995)
)


class _Household(dict[str, Any]):
    """A household row's ref: the row is every member's."""

    def __init__(self, members: Sequence[dict[str, Any]]) -> None:
        super().__init__()
        self.members = members

    def __setitem__(self, key: str, value: Any) -> None:
        for member in self.members:
            member[key] = value


def guangxi(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, GUANGXI, 30, year=2024, mix=((SA,), (SA,), (EP,), (SA, DIS)))
    households: list[list[Person]] = []
    for village in GUANGXI.villages:
        rest = [p for p in people if p.village == village]
        while rest:
            size = min(len(rest), rng.choice((1, 2, 2, 3)))
            head, *members = rest[:size]
            households.append(
                [head, *(attrs.evolve(m, categories=head.categories) for m in members)]
            )
            rest = rest[size:]
    slots = (("name", "id"), ("member1", "member1_id"), ("member2", "member2_id"))
    columns = (
        C("seq", ("序号",)),
        C("village", ("村委会",)),
        C("name", ("户主姓名",)),
        C("id", ("户主身份证号",)),
        C("member1", ("成员1姓名",)),
        C("member1_id", ("成员1身份证号",)),
        C("member2", ("成员2姓名",)),
        C("member2_id", ("成员2身份证号",)),
        C("household", ("家庭人口",)),
        C("categories", ("保障类别",)),
        C("phone", ("户主电话",)),
    )
    letters = {c.field: get_column_letter(j + 1) for j, c in enumerate(columns)}
    lines: list[Line] = [Line("title", text="大安镇2024年低保特困家庭花名册")]
    entries: list[dict[str, Any]] = []
    category_words: dict[str, list[str]] = {}
    for number, household in enumerate(households, start=1):
        head = household[0]
        words = [PLAIN_WORDS[c] for c in head.categories]
        for word, code in zip(words, head.categories, strict=True):
            category_words.setdefault(word, [code])
        cells = {
            "seq": Cell(number),
            "village": Cell(head.village),
            "household": Cell(len(household)),
            "categories": Cell("、".join(words)),
            "phone": Cell(head.phone, "text"),
        }
        members = []
        for (name_field, id_field), person in zip(slots, household, strict=False):
            cells[name_field] = Cell(person.name)
            cells[id_field] = Cell(person.resident_id, "text")
            entry = person_entry(
                person,
                person.resident_id,
                person.resident_id,
                head.categories,
                "、".join(words),
                None,
                head.phone if person is head else None,
                None,
            )
            entry["household"] = head.name
            if person is not head:  # a member's name and ID stand in the member's columns
                entry["columns"] = {"name": letters[name_field], "id": letters[id_field]}
            members.append(entry)
        entries.extend(members)
        lines.append(Line("data", cells=cells, ref=_Household(members)))
    lines.append(Line("signature", text="填表人：            审核人：            填表日期："))
    register = SheetPlan("花名册", columns, tuple(lines))
    everyone = [p for h in households for p in h]
    by_id = {p.resident_id: e for p, e in zip(everyone, entries, strict=True)}
    spec = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("date", ("走访日期",)),
            C("name", ("被走访人",)),
            C("id", ("身份证号",)),
            C("mode", ("走访方式",)),
            C("content", ("走访内容",)),
            C("worker", ("走访人",)),
        ),
        date_forms=("date", "dot"),
        mode_words=modes(home_visit=("入户走访",), phone=("电话",)),
        title="大安镇2024年三季度走访记录",
    )
    visits = make_visits(rng, everyone, date(2024, 7, 1), date(2024, 9, 27), per_person=(1, 3))
    id_cells = {p.resident_id: Cell(p.resident_id, "text") for p in everyone}
    log, visit_entries, mode_words = visit_sheet(
        spec, visits, by_id, id_cells, rng, stranger_factory(rng, GUANGXI, 2024)
    )
    return LedgerPlan(
        slug="guangxi",
        file="38_广西_大安镇低保特困家庭花名册及三季度走访记录.xlsx",
        region=f"{GUANGXI.province}{GUANGXI.county}{GUANGXI.township}",
        station="平南县大安镇社工站",
        period=(date(2024, 7, 1), date(2024, 9, 30)),
        style="a register of households: one row a household, its members side by side",
        exercises=(
            "户主姓名 | 户主身份证号 | 成员1姓名 | 成员1身份证号 | 成员2姓名 | 成员2身份证号 on one "
            "row (every member a person of the household's village and 保障类别; 家庭人口); "
            "visits by 被走访人 and 身份证号, to heads and members alike"
        ),
        sheets=[register, log],
        people_sheet="花名册",
        visit_sheet="走访记录",
        people=entries,
        visits=visit_entries,
        category_words=category_words,
        mode_words=mode_words,
    )


# --- 39 河南: the name and the ID number in one cell; a visit log pasted from a CSV --------------

HENAN = County(
    "412630", "河南省", "叶县", "龚店镇", ("龚店村", "井庄村", "大湾村"), ("410422", 1983)
)


def henan(rng: random.Random) -> LedgerPlan:
    people = make_people(rng, HENAN, 28, year=2024)
    forms = ("{name}（{id}）", "{name}（{id}）", "{name}({id})", "{name} {id}")

    def name_with_id(person: Person) -> dict[str, Cell]:
        form = forms[people.index(person) % len(forms)]
        return {"name": Cell(form.format(name=person.name, id=person.resident_id))}

    register = RegisterSpec(
        sheet="花名册",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名（身份证号）",), width=30),
            C("sex", ("性别",)),
            C("village", ("村",)),
            C("categories", ("类别",)),
            C("level", ("等级",)),
            C("phone", ("电话",)),
        ),
        category_words=PREFIXED_WORDS,
        levels=LEVEL_SCALES["attention"],
        title="龚店镇困难群众花名册",
    )
    sheet, entries, quirks, category_words = register_sheet(register, people, rng, name_with_id)
    for person, entry in zip(people, entries, strict=True):
        entry["id"] = person.resident_id
        entry["id_as_written"] = person.resident_id
    by_id = {p.resident_id: e for p, e in zip(people, entries, strict=True)}
    damaged = {people[i].resident_id for i in (2, 11, 20)}
    id_cells = {}
    for person in people:
        if person.resident_id in damaged:  # the log went through a CSV: 15 digits, then E+17
            shown = f"{int(person.resident_id[:6]) / 10**5:.5f}E+17"
            why = "ID shown in scientific notation (the digits are lost): found by name"
            id_cells[person.resident_id] = Cell(shown, "text", wrong=Wrong(why))
        else:
            id_cells[person.resident_id] = Cell(person.resident_id, "text")
    spec = VisitSpec(
        sheet="走访记录",
        columns=(
            C("seq", ("序号",)),
            C("name", ("姓名",)),
            C("id", ("身份证号",)),
            C("village", ("村",)),
            C("date", ("走访时间",)),
            C("mode", ("方式",)),
            C("content", ("情况",)),
        ),
        date_forms=("slash", "dash"),
        mode_words=modes(home_visit=("入户",), phone=("电话",)),
        title="龚店镇2024年10-12月走访记录",
    )
    visits = make_visits(rng, people, date(2024, 10, 8), date(2024, 12, 26))
    log, visit_entries, mode_words = visit_sheet(
        spec, visits, by_id, id_cells, rng, stranger_factory(rng, HENAN, 2024)
    )
    return LedgerPlan(
        slug="henan",
        file="39_河南_龚店镇困难群众花名册及四季度走访记录.xlsx",
        region=f"{HENAN.province}{HENAN.county}{HENAN.township}",
        station="叶县龚店镇社工站",
        period=(date(2024, 10, 1), date(2024, 12, 31)),
        style="the name and the ID number in one cell; a visit log pasted back from a CSV",
        exercises=(
            "姓名（身份证号） holds 张三（410422…）, 张三(410422…) or 张三 410422… (no ID column); "
            "categories 农村低保/低边户/…; levels 重点/一般/关注; the visit log's 身份证号 shown as "
            "4.10422E+17 text for three people (unrecoverable: found by name, flagged); dates "
            "2024/10/8 and 2024-10-8 as text"
        ),
        sheets=[sheet, log],
        people_sheet="花名册",
        visit_sheet="走访记录",
        people=entries,
        visits=visit_entries,
        quirks=quirks,
        category_words=category_words,
        mode_words=mode_words,
        name_with_id=True,
    )


STYLES: tuple[Style, ...] = (
    Style("hunan", hunan, "two-row header, starred/spaced headers, option sheets"),
    Style("sichuan", sichuan, "village sections, subtotals, keyed by ID"),
    Style("shaanxi", shaanxi, "Sheet1/Sheet2, serials in text cells"),
    Style("shanxi", shanxi, "three-row header, guardian and disability groups"),
    Style("zhejiang", zhejiang, "tick columns, hidden column, visits by name and village"),
    Style("ningxia", ningxia, "one-sheet log, 8-digit dates"),
    Style("xinjiang", xinjiang, "one-sheet log as GB18030 CSV"),
    Style("neimenggu", neimenggu, "register as GB18030 CSV, two-row header"),
    Style("liaoning", liaoning, "colour levels, prefixed category words, typos"),
    Style("anhui", anhui, "odd IDs and phones"),
    Style("heilongjiang", heilongjiang, "keyed by name and village"),
    Style("hubei", hubei, "every date form, rows to refuse"),
    Style("gansu", gansu, "statistics and dictionary sheets, visits by ID"),
    Style("qinghai", qinghai, "children and guardians"),
    Style("shanghai", shanghai, "merged village cells, visits by name only"),
    Style("guangdong", guangdong, "双百 workbook: merged 镇街/村居, 服务时长, 服务人员"),
    Style("jiangxi", jiangxi, "table at C8 under a three-row title block, signatures"),
    Style("yunnan", yunnan, "33 columns, wanted ones scattered and abbreviated"),
    Style("guizhou", guizhou, "visits as repeating column groups in the register"),
    Style("fujian", fujian, "OpenDocument, dates 6/5 with the year in the sheet name"),
    Style("pingbian", pingbian, "one-sheet log as UTF-8 CSV with a BOM"),
    Style("shibing", shibing, "register as GBK CSV with semicolons"),
    Style("yuanmou", yuanmou, "a register per village, a visit log per month"),
    Style("huangping", huangping, ".xls export, a row per household member"),
    Style("puan", puan, "categories as 是否 questions, IDs with ' and ×"),
    Style("sansui", sansui, "template hints and example under the header, 人员状态"),
    Style("gejiu", gejiu, "Unicode text (.txt, UTF-16, tabs), dates with weekday and time"),
    Style("fufeng", fufeng, "printed pages: header on every page, page footers, merged dates"),
    Style("yangqu", yangqu, "register and visit log stacked on one sheet"),
    Style("yanji", yanji, "log by person, person cells merged, dates in Chinese numerals"),
    Style("longxian", longxian, "system export: coded headers and values, a legend sheet"),
    Style("meixian", meixian, "categories only in a free-text 情况说明, age by formula"),
    Style("loufan", loufan, "a visit sheet per social worker"),
    Style("qianyang", qianyang, "register and visit log side by side on one sheet"),
    Style("hebei", hebei, "a sheet per year, the same people with changed rows"),
    Style("shandong", shandong, "several visits written in one 走访情况 cell"),
    Style("jiangsu", jiangsu, "visits as a month matrix 1月 … 6月"),
    Style("guangxi", guangxi, "one row per household, members side by side"),
    Style("henan", henan, "name and ID in one cell, IDs in scientific notation on the log"),
)
"""Every style, in file order."""
