"""How one true value is written in a cell, in the forms stations use: IDs, dates, phones, sex,
categories, levels and visit modes. Each writer returns the cell and what the answer key says."""

from __future__ import annotations

import unicodedata
from datetime import date

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
    Person,
    wrong_check,
)
from .sheets import Cell, Wrong, shown_text

# --- resident IDs -------------------------------------------------------------------------------

ID_FORMS = (
    "text",
    "lower_x",
    "fullwidth",
    "spaced",
    "trailing_space",
    "old15",
    "number",
    "bad_check",
    "apostrophe",
    "times_sign",
)
"""How an ID cell is written; the last two lose the number (the key's ``id`` is null); an old
15-digit number is upgraded (the key holds the 18-digit one) and flagged."""


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def id_cell(number: str, form: str, *, csv: bool = False) -> tuple[Cell, str | None]:
    """The cell, and the ID a careful reader recovers from it (None when it cannot be). In a CSV
    an ID stored as a number is saved as Excel shows it, in scientific form."""
    if form == "text":
        return Cell(number, "text"), number
    if form == "lower_x":
        return Cell(number.lower(), "text"), number
    if form == "fullwidth":
        return Cell(fullwidth(number), "text"), number
    if form == "spaced":
        return Cell(f"{number[:6]} {number[6:14]} {number[14:]}", "text"), number
    if form == "trailing_space":
        return Cell(number + "  ", "text"), number
    if form == "old15":
        if not number[6:8] == "19":
            raise ValueError("a 15-digit number holds a birth year of the 1900s only")
        old = number[:6] + number[8:17]
        return Cell(
            old, "text", wrong=Wrong("an old 15-digit number: upgraded to 18 digits")
        ), number
    if form == "number":
        kept = int(number[:15] + "000")
        return Cell(
            kept,
            "0",
            shown=shown_text(kept) if csv else str(kept),
            wrong=Wrong(
                "ID typed as a number: Excel kept 15 significant digits, the last three are lost"
            ),
        ), None
    if form == "apostrophe":  # Excel's text mark, kept in the cell by a system's export
        return Cell("'" + number, "text"), number
    if form == "times_sign":  # the input method's × typed for the check character X
        if not number.endswith("X"):
            raise ValueError("× stands for a check character X only")
        return Cell(number[:-1] + "×", "text"), number
    if form == "bad_check":
        bad = wrong_check(number)
        return Cell(bad, "text", wrong=Wrong("the check character does not match")), None
    raise ValueError(form)


def normalised_id(text: str) -> str:
    number = "".join(unicodedata.normalize("NFKC", text).split()).upper().lstrip("'")
    return number[:-1] + "X" if number.endswith("×") else number


# --- dates --------------------------------------------------------------------------------------

DATE_FORMS = (
    "date",  # a real date cell shown 2023/1/5
    "date_cn",  # a real date cell shown 1月5日
    "dot",  # text 2023.1.5
    "slash",  # text 2023/1/5
    "cn",  # text 2023年1月5日
    "digits",  # text 20230105
    "digits_number",  # the number 20230105
    "serial_text",  # an Excel serial typed into a text cell: 44931
    "month_day",  # text 1月5日, the year from the title
    "iso",  # text 2023-01-05
    "dash",  # text 2023-1-5
    "dot_padded",  # text 2023.01.05
    "short_year",  # text 23.1.5, typed as '23.1.5 so Excel keeps it as text
    "dash_halfday",  # text 2023-1-5 上午 (or 下午): the half-day the visit took place
    "month_slash",  # text 1/5, the year from the sheet's name
    "cn_weekday_time",  # text 2023年1月5日（星期四）上午9:30-10:30
    "cn_numerals",  # text 二〇二三年一月五日, as a letter or a handwritten form dates
    "cn_numerals_md",  # text 一月五日, the year from the title
)

DIGIT_WORDS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """A count below 100 in Chinese numerals: 五, 十二, 二十, 六十五."""
    tens, ones = divmod(n, 10)
    if not tens:
        return DIGIT_WORDS[ones]
    return (DIGIT_WORDS[tens] if tens > 1 else "") + "十" + (DIGIT_WORDS[ones] if ones else "")


def cn_date(day: date, *, year: bool = True) -> str:
    """二〇二四年三月五日 (the year digit by digit), or 三月五日."""
    head = "".join(DIGIT_WORDS[int(d)] for d in str(day.year)) + "年" if year else ""
    return f"{head}{cn_number(day.month)}月{cn_number(day.day)}日"


def excel_serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


def date_cell(day: date, form: str) -> Cell:
    if form == "date":
        return Cell(day, "yyyy/m/d", shown=f"{day.year}/{day.month}/{day.day}")
    if form == "date_cn":
        return Cell(day, 'm"月"d"日"', shown=f"{day.month}月{day.day}日")
    if form == "dot":
        return Cell(f"{day.year}.{day.month}.{day.day}", "text")
    if form == "slash":
        return Cell(f"{day.year}/{day.month}/{day.day}", "text")
    if form == "cn":
        return Cell(f"{day.year}年{day.month}月{day.day}日", "text")
    if form == "digits":
        return Cell(f"{day:%Y%m%d}", "text")
    if form == "digits_number":
        return Cell(int(f"{day:%Y%m%d}"), "0")
    if form == "serial_text":
        return Cell(str(excel_serial(day)), "text")
    if form == "month_day":
        return Cell(f"{day.month}月{day.day}日", "text")
    if form == "iso":
        return Cell(day.isoformat(), "text")
    if form == "dash":
        return Cell(f"{day.year}-{day.month}-{day.day}", "text")
    if form == "dot_padded":
        return Cell(f"{day:%Y.%m.%d}", "text")
    if form == "short_year":
        return Cell(f"{day.year % 100:02d}.{day.month}.{day.day}", "text")
    if form == "dash_halfday":
        half = "上午" if day.toordinal() % 3 else "下午"
        return Cell(f"{day.year}-{day.month}-{day.day} {half}", "text")
    if form == "month_slash":
        return Cell(f"{day.month}/{day.day}", "text")
    if form == "cn_weekday_time":
        weekday = "一二三四五六日"[day.weekday()]
        when = "上午9:30-10:30" if day.toordinal() % 2 else "下午3时"
        return Cell(f"{day.year}年{day.month}月{day.day}日（星期{weekday}）{when}", "text")
    if form == "cn_numerals":
        return Cell(cn_date(day), "text")
    if form == "cn_numerals_md":
        return Cell(cn_date(day, year=False), "text")
    raise ValueError(form)


def birth_cell(day: date, form: str) -> Cell:
    """Birth columns: a real date, text 1950.03.12, text year.month, or the number 19500312."""
    if form == "date":
        return Cell(day, "yyyy-mm-dd", shown=day.isoformat())
    if form == "dot":
        return Cell(f"{day:%Y.%m.%d}", "text")
    if form == "year_month":
        return Cell(f"{day:%Y.%m}", "text")
    if form == "digits_number":
        return Cell(int(f"{day:%Y%m%d}"), "0")
    raise ValueError(form)


# --- phones and sex -------------------------------------------------------------------------------


def phone_cell(phone: str, form: str) -> tuple[Cell, str | None]:
    if form == "text":
        return Cell(phone, "text"), phone
    if form == "number":
        return Cell(int(phone), "0"), phone
    if form == "dashed":
        return Cell(f"{phone[:3]}-{phone[3:7]}-{phone[7:]}", "text"), phone
    if form == "ten":
        return Cell(phone[:10], "text", wrong=Wrong("a mobile of 10 digits: one is missing")), None
    if form == "blank":
        return Cell(None), None
    raise ValueError(form)


def sex_word(person: Person) -> str:
    return "男" if person.sex == "male" else "女"


# --- categories, levels, modes ----------------------------------------------------------------------

PLAIN_WORDS: dict[str, str] = {
    SA: "低保",
    NS: "低保边缘",
    EP: "特困",
    ORPHAN: "孤儿",
    DFU: "事实无人抚养儿童",
    DIS: "残疾人",
    LBC: "留守儿童",
    CID: "困境儿童",
    ALONE: "独居老人",
    LBE: "留守老人",
    AGED: "高龄老人",
}
"""Category words as most registers write them."""

PREFIXED_WORDS: dict[str, str] = {
    SA: "农村低保",
    NS: "低边户",
    EP: "五保户",
    ORPHAN: "孤儿",
    DFU: "事实孤儿",
    DIS: "重度残疾",
    LBC: "农村留守儿童",
    CID: "困境儿童",
    ALONE: "空巢老人",
    LBE: "农村留守老人",
    AGED: "高龄老人",
}
"""Category words with prefixes and old names (五保户 is 特困 since 2016; 事实孤儿 is the common name
of 事实无人抚养儿童)."""

URBAN_WORDS: dict[str, str] = {**PREFIXED_WORDS, SA: "城乡低保", EP: "特困供养", DIS: "残疾"}

OBJECT_WORDS: dict[str, str] = {
    **PLAIN_WORDS,
    SA: "低保对象",
    NS: "低保边缘家庭",
    EP: "特困供养人员",
    DIS: "重度残疾人",
    ALONE: "独居老人",
    LBE: "农村留守老年人",
    AGED: "高龄老人",
}
"""Category words as a Guangdong 双百 workbook's drop-down list writes them: the person's status
(低保对象, 特困供养人员, 重度残疾人)."""

TYPOS: dict[str, str] = {"低保": "底保", "特困": "特因", "孤儿": "孤尔", "残疾": "残积"}
"""A typo for a category word (the first key found inside the word is replaced)."""


def typo_of(word: str) -> str:
    for right, wrong in TYPOS.items():
        if right in word:
            return word.replace(right, wrong)
    return word + "户户"


LEVEL_SCALES: dict[str, tuple[str, ...]] = {
    "digit": ("1级", "2级", "3级"),
    "chinese": ("一级", "二级", "三级"),
    "letter": ("A", "B", "C"),
    "letter_class": ("A类", "B类", "C类"),
    "attention": ("重点", "一般", "关注"),
    "colour": ("红", "黄", "绿"),
    "class": ("一类", "二类", "三类"),
    "roman": ("Ⅰ级", "Ⅱ级", "Ⅲ级"),
    "stars": ("★★★", "★★", "★"),
    "high_low": ("高", "中", "低"),
}
"""Service levels as registers write them, highest first."""

MODE_WORDS: dict[str, tuple[str, ...]] = {
    HOME: ("入户走访", "实地走访", "上门", "入户"),
    PHONE: ("电话回访", "电话"),
    VIDEO: ("微信视频", "视频"),
    IM: ("微信",),
    STATION: ("来站咨询", "来访"),
}
"""The words a visit log uses for each mode."""

PLAIN_MODE_WORDS: dict[str, tuple[str, ...]] = {
    HOME: ("走访", "上门探视", "入户探访"),
    PHONE: ("电话联系", "电话探访"),
    VIDEO: ("视频通话",),
    IM: ("微信联系",),
    STATION: ("到站",),
}
"""Other words for the same modes: 走访 alone, 上门探视, 电话联系, 视频通话, 微信联系, 到站."""


def mode_typo(word: str) -> str:
    """A mode word with a slip of the input method (入户 → 入护, 电话 → 电活)."""
    for right, wrong in (("户", "护"), ("话", "活"), ("视", "事"), ("访", "仿"), ("站", "占")):
        if right in word:
            return word.replace(right, wrong, 1)
    return word + "了"
