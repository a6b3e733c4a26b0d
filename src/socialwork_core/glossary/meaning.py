"""Coded words read by their meaning: contact modes, categories, service levels and sex as
ledgers write them, beyond the enumerations' own labels.

A ledger column of one of these enumerations is read first by its exact labels (the enumeration's
and the ledger format's own synonyms: ``tabular.choice``); a word those do not hold is then read
here. Each reading answers a code, or ``None`` for a word it does not understand: a word is never
guessed, so an unknown one stays a finding at its cell.

Sources. The meanings follow ``docs/domain.md`` (sections 2 and 3: the categories, the
contact modes, the service levels); the spellings are the ones seen in station ledgers and the
provincial formats (issue #11 lists them). Where a mapping is this library's own choice rather than
a published rule, its block says it is a *default*: an adapter replaces it through the column's
``meaning`` (``FieldColumn.meaning``), e.g. with a ``LevelScale`` of its own words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Final, Protocol, TypeAlias, TypeVar

import attrs
from rapidfuzz.distance import Levenshtein

from ._labelled import LabelledEnum
from .terms import Category, ContactMode, RegisterStatus, SelfCareLevel, ServiceLevel, Sex
from .vocabulary import LIST_SEPARATORS


@attrs.frozen
class ByAge:
    """A category word only the person's age settles (docs/domain.md section 2): 留守 alone is a
    农村留守儿童 under 16 and a 农村留守老人 from 60. The ledger builder settles it with the
    person's birth date (written, or from the ID number) in the period the sheet is read in;
    between the two ages, or with no birth date or period, the word stays unread and its cell is
    flagged."""

    word: str
    child: Category
    elderly: Category
    child_under: int = 16
    elderly_from: int = 60

    def settle(self, born: date | None, on: date | None) -> Category | None:
        """The category for a person born on ``born``, aged on ``on``, or ``None``."""
        if born is None or on is None:
            return None
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if 0 <= age < self.child_under:
            return self.child
        if age >= self.elderly_from:
            return self.elderly
        return None


WordReading: TypeAlias = str | tuple[str, ...] | ByAge
"""What a word means: one code, several codes (低保家庭儿童 is 低保 and 困境儿童), or a category
the person's age settles (``ByAge``)."""


class WordMeaning(Protocol):
    """How a column reads a word its labels do not hold: what it means (``WordReading``: one
    code for every enumeration but the categories), or ``None``."""

    def __call__(self, word: str, /) -> WordReading | None: ...


WORD_SEPARATORS: Final = LIST_SEPARATORS
"""Characters that separate several words in one cell, as the reader splits multi-valued cells
(after NFKC, so ＋ and ／ count too); spaces separate as well."""

_T = TypeVar("_T")
_SPLIT: Final = re.compile("[" + re.escape(WORD_SEPARATORS) + r"\s]+")
_BRACKETED: Final = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")


def plain(word: str) -> str:
    """A word as compared here: NFKC (full-width forms half-width, ⅰ→i), spaces and a required
    mark (*) removed, ASCII letters upper-cased."""
    folded = unicodedata.normalize("NFKC", word)
    return re.sub(r"\s+", "", folded).strip("*").upper()


def split_words(cell: str) -> list[str]:
    """The words of a cell (“城乡低保、残疾人”, “低保+残疾”, “低保 特困”), empty parts dropped."""
    return [part for part in _SPLIT.split(unicodedata.normalize("NFKC", cell)) if part]


def _agreed(readings: Iterable[_T | None]) -> _T | None:
    """The one reading every part gives, or ``None`` if one is unknown or two disagree."""
    found = set(readings)
    if len(found) != 1:
        return None
    return found.pop()


# --- contact modes --------------------------------------------------------------------------------

CONTACT_MODE_WORDS: tuple[tuple[ContactMode, tuple[str, ...]], ...] = (
    (ContactMode.VIDEO, ("视频",)),
    (ContactMode.PHONE, ("电话", "电访", "致电", "来电", "电联", "通话", "语音")),
    (ContactMode.INSTANT_MESSAGE, ("微信", "QQ", "短信", "即时通讯", "钉钉", "WECHAT")),
    (ContactMode.MET_AT_ACTIVITY, ("活动",)),
    (ContactMode.STATION_VISIT, ("来站", "来访", "来所", "到站", "来中心", "咨询")),
    (ContactMode.HOME_VISIT, ("入户", "上门", "走访", "实地", "探访", "家访", "探视", "看望")),
)
"""Words that say how a worker reached a person, most specific first: the first mode one of whose
words a written word contains is its mode. So 微信视频 is a video call (视频 before 微信), 电话回访
and 电话探访 are calls (电话 before the visiting words 回访, 探访), 来访咨询 came to the station.
The modes are docs/domain.md section 3's; the word lists are a default from ledgers' usage. 回访 alone
says a follow-up without saying how, so it is not read (电话回访 and 入户回访 are)."""


@functools.lru_cache(maxsize=4096)
def contact_mode_of(word: str) -> ContactMode | None:
    """The contact mode ``word`` means (入户走访, 实地走访, 电话回访, 微信视频 …), or ``None``.

    A cell naming two different modes (“入户/电话”) is ``None``: one visit has one mode.
    """
    parts = split_words(word)
    return _agreed(_one_mode(plain(part)) for part in parts) if parts else None


MODE_PRECEDENCE: Final[tuple[ContactMode, ...]] = (
    ContactMode.HOME_VISIT,
    ContactMode.STATION_VISIT,
    ContactMode.MET_AT_ACTIVITY,
    ContactMode.VIDEO,
    ContactMode.PHONE,
    ContactMode.INSTANT_MESSAGE,
)
"""The modes by how much a visit in them counts (docs/domain.md section 3): a home visit satisfies
every requirement (the home-visit ones and any contact), the others only “a contact”; among those,
meeting in person before seeing each other on video, before a call, before a message."""


@functools.lru_cache(maxsize=1024)
def modes_named(word: str) -> tuple[ContactMode, ...]:
    """The different modes a cell names word by word (入户走访、电话 names a home visit and a
    call), most counting first (``MODE_PRECEDENCE``); empty when a word reads as no mode or the
    cell names one mode only (``contact_mode_of`` reads that)."""
    parts = split_words(word)
    found = [_one_mode(plain(part)) for part in parts]
    if len(parts) < 2 or None in found or len(set(found)) < 2:
        return ()
    return tuple(mode for mode in MODE_PRECEDENCE if mode in found)


_CLAUSE: Final = re.compile(r"[，,。.；;、！!？?\s]")


def mode_in_text(text: str) -> ContactMode | None:
    """The contact mode a visit's written account opens with (入户走访，老人身体良好 → home visit;
    电话询问近况 → phone), for a visit log with no mode column: the first clause's mode words,
    most specific first as ``CONTACT_MODE_WORDS`` orders them; ``None`` when it names none
    (送米油, 了解近况). Only the first clause: a later one may tell of another contact."""
    first = _CLAUSE.split(plain(text), maxsplit=1)[0]
    for mode, keys in CONTACT_MODE_WORDS:
        if any(plain(key) in first for key in keys):
            return mode
    return None


MODE_FILLERS: Final = (
    "回访",
    "随访",
    "巡访",
    "访视",
    "拜访",
    "关怀",
    "关爱",
    "询问",
    "了解",
    "慰问",
    "问候",
    "联系",
    "沟通",
    "交流",
    "服务",
    "通话",
    "连线",
    "留言",
    "消息",
    "中见面",
    "见面",
)
"""Words beside a mode's words that say nothing of the mode (电话关怀, 入户慰问, 微信联系):
with the modes' words, what a mode word is made of. A part that is neither, one character away
from a mode's word (入护走访, 微信事频), is a slip of the input method: the word is not read, and
``likely_mode`` names the word meant."""

_MODE_KEYS: Final = tuple(
    sorted(
        {plain(k) for _, keys in CONTACT_MODE_WORDS for k in keys} | set(MODE_FILLERS),
        key=len,
        reverse=True,
    )
)
_MODE_PIECES: Final = re.compile("|".join(re.escape(k) for k in _MODE_KEYS))


def _mode_slips(word: str) -> list[tuple[str, str | None]]:
    """The parts of ``word`` that are no mode word nor filler but one character away from one
    (入护 in 入护走访): (part, the word it is likely a slip for, ``None`` when two are as near)."""
    slips: list[tuple[str, str | None]] = []
    for part in _MODE_PIECES.split(word):
        if len(part) < 2:
            continue
        near = [k for k in _MODE_KEYS if len(k) == len(part) and Levenshtein.distance(part, k) == 1]
        if near:
            slips.append((part, likely_word(part, near)))
    return slips


def _one_mode(word: str) -> ContactMode | None:
    if _mode_slips(word):
        return None
    for mode, keys in CONTACT_MODE_WORDS:
        if any(key in word for key in keys):
            return mode
    return None


def likely_mode(word: str) -> str | None:
    """The mode word ``word`` is likely a slip for (入护走访 → 入户走访), or ``None``."""
    key = plain(word)
    slips = _mode_slips(key)
    if not slips:
        return None
    for part, meant in slips:
        if meant is None:
            return None
        key = key.replace(part, meant, 1)
    return key if _one_mode(key) is not None else None


# --- categories -----------------------------------------------------------------------------------


@attrs.frozen
class CategoryWords:
    """How ledgers write one category: core words, with the prefixes and suffixes that may stand
    around them (any number of each, in any order within their side)."""

    category: Category
    cores: tuple[str, ...]
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    """Words of which one must stand before or after the core (分散 in 分散供养特困人员, 特困(分散)):
    they set this category apart from the plain one."""


_PLACES: Final = ("城乡", "农村", "城市", "城镇", "乡村")
"""Where a scheme applies: 城乡低保, 农村五保, 城市三无 are the same category."""
_CLASSES: Final = tuple(f"{n}{unit}" for n in "一二三四1234ABCD" for unit in ("类", "档"))
"""Tiers within 低保 (低保一类, A类低保, 二档): still 低保."""
_PEOPLE: Final = ("户", "对象", "人员", "家庭", "成员", "群众")
"""The usual suffixes naming who holds a category (低保户, 特困人员, 低保家庭成员)."""
_SUPPORT_WORDS: Final = ("特困供养", "特困", "五保供养", "五保", "三无")
_ELDERLY: Final = ("老人", "老年人")
_DISABILITY_SUBSIDIES: Final = ("生活补贴", "护理补贴", "两项补贴", "补贴")
"""The two subsidies of 国发〔2015〕52号 (docs/domain.md section 2, 残疾人), as a register names
the person by the subsidy they receive: 困难残疾人生活补贴, 重度残疾人护理补贴, 残疾人两项补贴."""

CATEGORY_WORDS: tuple[CategoryWords, ...] = (
    # 特困 with its form of support, before plain 特困: 分散供养特困人员, 特困(分散供养), 分散五保户
    CategoryWords(
        Category.EXTREME_POVERTY_DISPERSED,
        _SUPPORT_WORDS,
        _PLACES,
        (*_PEOPLE, *_ELDERLY),
        marks=("分散供养", "分散", "(分散供养)", "(分散)"),
    ),
    CategoryWords(
        Category.EXTREME_POVERTY_CENTRALISED,
        _SUPPORT_WORDS,
        _PLACES,
        (*_PEOPLE, *_ELDERLY),
        marks=("集中供养", "集中", "(集中供养)", "(集中)"),
    ),
    # 五保 (rural) and 三无 (urban) were merged into 特困人员供养 in 2016 (国发〔2016〕14号).
    CategoryWords(Category.EXTREME_POVERTY, _SUPPORT_WORDS, _PLACES, (*_PEOPLE, *_ELDERLY, "儿童")),
    CategoryWords(
        Category.NEAR_SUBSISTENCE,
        ("低保边缘", "低边", "最低生活保障边缘"),
        _PLACES,
        _PEOPLE,
    ),
    CategoryWords(
        Category.SUBSISTENCE_ALLOWANCE,
        ("低保", "最低生活保障"),
        (*_PLACES, *_CLASSES),
        (*_PEOPLE, *_CLASSES, *_ELDERLY),
    ),
    CategoryWords(
        Category.DE_FACTO_UNSUPPORTED_CHILD,
        ("事实无人抚养儿童", "事实无人扶养儿童", "事实无人抚养", "事实无人扶养", "事实孤儿"),
    ),
    CategoryWords(
        Category.ORPHAN,
        ("孤儿",),
        ("社会散居", "散居", "集中养育", "机构养育", "福利机构"),
    ),
    CategoryWords(
        Category.CHILD_IN_DIFFICULTY,
        ("困境儿童",),
        suffixes=tuple(
            f"({why})"
            for why in (
                "重病",
                "家庭困难",
                "家庭经济困难",
                "自身困难",
                "监护缺失",
                "监护困难",
                "贫困",
            )
        ),
    ),
    CategoryWords(Category.LEFT_BEHIND_CHILD, ("留守儿童",), _PLACES),
    CategoryWords(Category.LEFT_BEHIND_ELDERLY, ("留守老人", "留守老年人"), _PLACES),
    CategoryWords(Category.ELDERLY_LIVING_ALONE, ("独居老人", "独居老年人", "独居")),
    CategoryWords(
        Category.EMPTY_NEST_ELDERLY, ("空巢老人", "空巢老年人", "空巢"), suffixes=("家庭",)
    ),
    CategoryWords(Category.DEPENDENT_ELDERLY, ("失能老人", "失能老年人", "失能")),
    CategoryWords(
        Category.SEVERELY_DISABLED_ELDERLY,
        ("重残老人", "重度残疾老人", "重残老年人", "重度残疾老年人"),
    ),
    CategoryWords(Category.ADVANCED_AGE_ELDERLY, ("高龄老人", "高龄老年人", "高龄")),
    CategoryWords(
        Category.FAMILY_PLANNING_SPECIAL_ELDERLY,
        ("计划生育特殊家庭", "计生特殊家庭", "计划生育特殊困难家庭", "计生特殊困难家庭", "失独"),
        suffixes=(*_ELDERLY, *_PEOPLE),
    ),
    # 困难残疾人生活补贴 and 重度残疾人护理补贴 (残疾人两项补贴) are paid to disabled people only
    CategoryWords(
        Category.DISABLED_PERSON,
        ("残疾人", "残疾", "重残", "残疾人员", "残"),
        ("重度", "持证", "困难", "视力", "听力", "言语", "肢体", "智力", "精神", "多重"),
        (*_PEOPLE, *(f"{n}级" for n in "一二三四1234"), *_DISABILITY_SUBSIDIES),
    ),
    CategoryWords(Category.TEMPORARY_ASSISTANCE, ("临时救助",), suffixes=_PEOPLE),
    CategoryWords(
        Category.EXPENDITURE_HARDSHIP_FAMILY,
        ("支出型困难", "支出型贫困"),
        suffixes=_PEOPLE,
    ),
    CategoryWords(Category.VAGRANT_OR_BEGGAR, ("流浪乞讨", "流浪"), suffixes=_PEOPLE),
    CategoryWords(Category.ENTITLED_GROUP, ("优抚",), suffixes=_PEOPLE),
    CategoryWords(Category.OTHER_IN_DIFFICULTY, ("其他困难", "困难群众"), suffixes=_PEOPLE),
)
"""How ledgers write the national categories (docs/domain.md section 2), most specific first. A word is
read as a category only when it is *exactly* prefixes + core + suffixes of that category: 城乡低保,
低保户, 低保一类, 低保家庭儿童, 五保户, 分散供养特困人员, 三无人员, 低边户, 持证残疾人, 事实孤儿,
困境儿童(重残), 计生特殊家庭 are read; 非低保, 原低保户, 低保退出 are not (nothing is guessed
from a part of a word). 五保 and 三无 are 特困 by 国发〔2016〕14号, which merged them; the rest of
the lists is a default from ledgers' usage."""


def _category_pattern(words: CategoryWords) -> re.Pattern[str]:
    def alternation(options: Iterable[str]) -> str:
        return "|".join(re.escape(plain(o)) for o in sorted(set(options), key=len, reverse=True))

    prefixes = f"(?:{alternation(words.prefixes)})*" if words.prefixes else ""
    suffixes = f"(?:{alternation(words.suffixes)})*" if words.suffixes else ""
    core = f"(?:{alternation(words.cores)})"
    if not words.marks:
        return re.compile(f"{prefixes}{core}{suffixes}")
    mark = f"(?:{alternation(words.marks)})"
    return re.compile(
        f"{prefixes}(?:{mark}{prefixes}{core}{suffixes}|{core}{suffixes}{mark}{suffixes})"
    )


_CATEGORY_PATTERNS: Final = tuple((w.category, _category_pattern(w)) for w in CATEGORY_WORDS)


@functools.lru_cache(maxsize=4096)
def _one_category(key: str) -> Category | None:
    for category, pattern in _CATEGORY_PATTERNS:
        if pattern.fullmatch(key):
            return category
    return None


_FAMILY_CHILD: Final = ("家庭儿童", "家庭子女", "家庭未成年人", "户儿童", "儿童")
"""How a register names a child by the family's scheme: 低保家庭儿童, 低边户儿童."""
_FAMILY_POVERTY: Final = frozenset(
    {
        Category.SUBSISTENCE_ALLOWANCE,
        Category.NEAR_SUBSISTENCE,
        Category.EXPENDITURE_HARDSHIP_FAMILY,
    }
)
"""Schemes of a family in poverty: a child of such a family is a 困境儿童 of the first kind
(docs/domain.md section 2, 困境儿童: family poverty), and the family's scheme stays."""

BY_AGE: Final[Mapping[str, ByAge]] = MappingProxyType(
    {
        plain(word): ByAge(word, Category.LEFT_BEHIND_CHILD, Category.LEFT_BEHIND_ELDERLY)
        for word in ("留守", "留守人员", "留守对象", "农村留守", "农村留守人员")
    }
)
"""Words only the person's age settles (``ByAge``)."""

_OTHER: Final = "其他"


@functools.lru_cache(maxsize=4096)
def category_reading(word: str) -> WordReading | None:
    """What one written word means as categories (``WordReading``), or ``None`` when it is not
    understood:

    - one category (城乡低保, 五保户, 重度残疾, 事实孤儿, 困难残疾人生活补贴 …: ``CATEGORY_WORDS``);
    - several: a child named by the family's scheme (低保家庭儿童 → 低保 and 困境儿童);
      其他(高龄), as a tick column's 其他 holds a word, is that word's category, and 其他(重病)
      with a word that is none is 其他困难群众;
    - one the person's age settles (留守 alone: ``BY_AGE``).

    Several words in one text: use ``categories_of``. A word with a bracketed remark that is
    none of these (特困（残）) is read by the reader as its word and its remark."""
    key = plain(word)
    one = _one_category(key)
    if one is not None:
        return one.value
    by_age = BY_AGE.get(key)
    if by_age is not None:
        return by_age
    for tail in _FAMILY_CHILD:
        if key.endswith(tail) and key != tail:
            scheme = _one_category(key[: -len(tail)])
            if scheme in _FAMILY_POVERTY:
                return (scheme.value, Category.CHILD_IN_DIFFICULTY.value)
    bracketed = _BRACKETED.fullmatch(key[len(_OTHER) :]) if key.startswith(_OTHER) else None
    if bracketed is not None:
        inner = category_reading(bracketed[1])
        return inner if inner is not None else Category.OTHER_IN_DIFFICULTY.value
    return None


def category_of(word: str) -> Category | None:
    """The one national category a written word means (城乡低保, 五保户, 重度残疾, 事实孤儿 …),
    or ``None`` when it means none, several or one only the age settles (see
    ``category_reading``)."""
    found = category_reading(word)
    return Category.from_code(found) if isinstance(found, str) else None


@attrs.frozen
class WordsRead:
    """What a cell of several words gave: the codes understood, in order and without repeats, and
    the words not understood, as written."""

    codes: tuple[str, ...]
    unknown: tuple[str, ...]


def categories_of(cell: str, meaning: WordMeaning | None = None) -> WordsRead:
    """Every category a cell names (“城乡低保、残疾人”, “低保+重度残疾”), split at
    ``WORD_SEPARATORS`` and spaces. ``meaning`` reads each word (``category_reading`` by
    default; pass a column's own to add its local words). A word only the age settles counts as
    unknown here (the ledger builder settles it)."""
    read = meaning or category_reading
    codes: dict[str, None] = {}
    unknown: list[str] = []
    for word in split_words(cell):
        found = read(word)
        if isinstance(found, str):
            codes[found] = None
        elif isinstance(found, tuple):
            codes.update(dict.fromkeys(found))
        else:
            unknown.append(word)
    return WordsRead(tuple(codes), tuple(unknown))


# --- likely words ---------------------------------------------------------------------------------


def likely_word(word: str, known: Iterable[str]) -> str | None:
    """The one word of ``known`` that ``word`` is likely a slip for (底保 → 低保, 空巢老人户户 →
    空巢老人), or ``None``: one character off for a word of up to four, two for a longer one,
    and no other known word as near. Named in the finding, never read in its place."""
    key = plain(word)
    if len(key) < 2:
        return None
    limit = 1 if len(key) <= 4 else 2
    best: list[str] = []
    best_distance = limit + 1
    for candidate in dict.fromkeys(known):
        folded = plain(candidate)
        if folded == key or len(folded) < 2:
            continue
        distance = Levenshtein.distance(key, folded, score_cutoff=limit)
        if distance > limit:
            continue
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance and plain(best[0]) != folded:
            best.append(candidate)
    if len(best) > 1:  # as near as each other: the one that sounds the same (底保 → 低保, not 五保)
        best = [c for c in best if _sound(plain(c)) == _sound(key)]
    return best[0] if len(best) == 1 else None


def _sound(word: str) -> str:
    from pypinyin import lazy_pinyin  # only for a word not understood

    return " ".join(lazy_pinyin(word))


_CATEGORY_SPELLINGS: Final = tuple(
    dict.fromkeys(
        [
            *(c.label for c in Category),
            *(core for w in CATEGORY_WORDS for core in w.cores),
            *(by_age.word for by_age in BY_AGE.values()),
        ]
    )
)


def likely_category(word: str) -> str | None:
    """The category word ``word`` is likely a slip for (底保 → 低保, 特因 → 特困), or ``None``."""
    return likely_word(word, _CATEGORY_SPELLINGS)


# --- service levels -------------------------------------------------------------------------------

_NUMERALS: Final = MappingProxyType(
    {"一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7"}
)
_LEVEL_ORDINALS: Final = ("1", "2", "3", "4", "5", "6")
_ROMAN: Final = MappingProxyType({"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6})
_ORDINAL: Final = re.compile(r"第?([1-6]|[IV]{1,3}|[A-F])(?:级别|等级|级|类|等|档)?")


def _scale_key(word: str) -> str:
    """A scale word as compared: ``plain``, with Chinese numerals as digits (每月一次 = 每月1次)."""
    return "".join(_NUMERALS.get(ch, ch) for ch in plain(word))


def _levels(value: Mapping[str, str | ServiceLevel]) -> Mapping[str, ServiceLevel]:
    return MappingProxyType({w: ServiceLevel.from_code(c) for w, c in value.items()})


@attrs.frozen(eq=False)  # compared (and cached) by identity: a scale is declared once
class LevelScale:
    """A service-level scale: the words a ledger grades people with, each → a level.

    ``ordinals``: also read plain ordinals (1级, 一级, Ⅰ级, 第一级, A, A类, 1) as that level. Words
    are compared after NFKC, without spaces, upper-cased, Chinese numerals read as digits, and a
    bracketed note is read too: “一级（重点）” is 一级 when both say so, nothing when they
    disagree. A scale is a ``WordMeaning``: calling it gives the level's code.
    """

    name: str
    words: Mapping[str, ServiceLevel] = attrs.field(converter=_levels)
    """Each word as the scale declares it → its level."""
    ordinals: bool = True
    suffixes: tuple[str, ...] = ("对象", "人员", "户", "预警", "关爱")
    """Tails that do not change a word's level (重点户, 红色预警, 重点关爱)."""
    _keys: Mapping[str, ServiceLevel] = attrs.field(init=False, repr=False)

    @_keys.default
    def _folded(self) -> Mapping[str, ServiceLevel]:
        return MappingProxyType({_scale_key(w): level for w, level in self.words.items()})

    @classmethod
    def in_order(
        cls, name: str, words: Sequence[str | Sequence[str]], *, ordinals: bool = False
    ) -> LevelScale:
        """A scale written as words from the most urgent: the first word (or group of words) is
        一级, the next 二级 … e.g. ``LevelScale.in_order("探访频次", ["每半月一次", "每月一次",
        "每季度一次"])``."""
        levels = list(ServiceLevel)
        if len(words) > len(levels):
            raise ValueError(f"a scale has at most {len(levels)} levels, got {len(words)}")
        table: dict[str, ServiceLevel] = {}
        for level, group in zip(levels, words, strict=False):
            for word in (group,) if isinstance(group, str) else group:
                table[word] = level
        return cls(name, table, ordinals=ordinals)

    def extended(self, name: str, words: Mapping[str, str | ServiceLevel]) -> LevelScale:
        """This scale with more words (a word given here replaces the same word's level)."""
        table: dict[str, str | ServiceLevel] = dict(self.words)
        table.update(words)
        return attrs.evolve(self, name=name, words=table)

    def level_of(self, word: str) -> ServiceLevel | None:
        """The level ``word`` means on this scale, or ``None``."""
        return _level_on(self, word)

    def __call__(self, word: str, /) -> str | None:
        level = self.level_of(word)
        return None if level is None else level.value


@functools.lru_cache(maxsize=4096)
def _level_on(scale: LevelScale, word: str) -> ServiceLevel | None:
    key = _scale_key(word)
    if not key:
        return None
    if _BRACKETED.search(key):
        outside = _BRACKETED.sub("", key)
        inside = _BRACKETED.findall(key)
        parts = [p for p in (outside, *inside) if p]
        return _agreed(_one_level(scale, p) for p in parts)
    return _one_level(scale, key)


def _one_level(scale: LevelScale, key: str) -> ServiceLevel | None:
    found = scale._keys.get(key)
    if found is not None:
        return found
    for tail in scale.suffixes:
        if key.endswith(tail) and key != tail:
            found = scale._keys.get(key[: -len(tail)])
            if found is not None:
                return found
    if scale.ordinals:
        match = _ORDINAL.fullmatch(key)
        if match:
            mark = match[1]
            if mark in _LEVEL_ORDINALS:
                rank = int(mark)
            elif mark in _ROMAN:
                rank = _ROMAN[mark]
            elif len(mark) == 1 and "A" <= mark <= "F":
                rank = ord(mark) - ord("A") + 1
            else:  # IIV and the like
                return None
            return list(ServiceLevel)[rank - 1]
    return None


NATIONAL_LEVELS: Final = LevelScale(
    "national",
    {
        "红": ServiceLevel.LEVEL_1,
        "红色": ServiceLevel.LEVEL_1,
        "黄": ServiceLevel.LEVEL_2,
        "黄色": ServiceLevel.LEVEL_2,
        "绿": ServiceLevel.LEVEL_3,
        "绿色": ServiceLevel.LEVEL_3,
        "重点": ServiceLevel.LEVEL_1,
        "重点关注": ServiceLevel.LEVEL_1,
        "特别关注": ServiceLevel.LEVEL_1,
        "关注": ServiceLevel.LEVEL_2,
        "一般关注": ServiceLevel.LEVEL_3,
        "一般": ServiceLevel.LEVEL_3,
        "高风险": ServiceLevel.LEVEL_1,
        "高危": ServiceLevel.LEVEL_1,
        "高": ServiceLevel.LEVEL_1,
        "中风险": ServiceLevel.LEVEL_2,
        "中": ServiceLevel.LEVEL_2,
        "低风险": ServiceLevel.LEVEL_3,
        "低": ServiceLevel.LEVEL_3,
        "★★★": ServiceLevel.LEVEL_1,
        "★★": ServiceLevel.LEVEL_2,
        "★": ServiceLevel.LEVEL_3,
    },
)
"""The national default scale (a *default*: docs/domain.md section 3 defines 一级 as high risk, 二级
as priority, 三级 as the rest, and publishes no words beyond the numbers): ordinals 1级/一级/Ⅰ级/
A/A类 → that level (up to 六级, which Guangzhou's platform uses); the traffic-light colours
红/黄/绿, 重点/关注/一般, 高/中/低风险 and stars ★★★/★★/★ (the more stars, the more attention) →
一级/二级/三级. A four-colour scale (红橙黄绿) is not the default's: an adapter declares it
(``LevelScale.in_order``)."""


def level_of(word: str, scale: LevelScale = NATIONAL_LEVELS) -> ServiceLevel | None:
    """The service level ``word`` means on ``scale`` (the national default unless given)."""
    return scale.level_of(word)


# --- sex ------------------------------------------------------------------------------------------

SEX_WORDS: Mapping[str, Sex] = MappingProxyType(
    {
        "男": Sex.MALE,
        "男性": Sex.MALE,
        "M": Sex.MALE,
        "MALE": Sex.MALE,
        "1": Sex.MALE,
        "女": Sex.FEMALE,
        "女性": Sex.FEMALE,
        "F": Sex.FEMALE,
        "FEMALE": Sex.FEMALE,
        "2": Sex.FEMALE,
    }
)
"""Ways ledgers write sex. 1 and 2 are the codes of GB/T 2261.1-2003 (人的性别代码), which
systems export; 0 (未知) and 9 (未说明) say nothing and are not read."""


def sex_of(word: str) -> Sex | None:
    """The sex ``word`` means (男, 女性, M, F, GB/T 2261.1 codes 1 and 2), or ``None``."""
    return SEX_WORDS.get(plain(word))


# --- self-care ------------------------------------------------------------------------------------

SELF_CARE_WORDS: Mapping[str, SelfCareLevel] = MappingProxyType(
    {
        "自理": SelfCareLevel.FULL,
        "能自理": SelfCareLevel.FULL,
        "可自理": SelfCareLevel.FULL,
        "生活自理": SelfCareLevel.FULL,
        "完全自理": SelfCareLevel.FULL,
        "半自理": SelfCareLevel.PARTLY_LOST,
        "部分自理": SelfCareLevel.PARTLY_LOST,
        "半失能": SelfCareLevel.PARTLY_LOST,
        "不能自理": SelfCareLevel.FULLY_LOST,
        "无法自理": SelfCareLevel.FULLY_LOST,
        "完全不能自理": SelfCareLevel.FULLY_LOST,
        "生活不能自理": SelfCareLevel.FULLY_LOST,
        "失能": SelfCareLevel.FULLY_LOST,
        "完全失能": SelfCareLevel.FULLY_LOST,
    }
)
"""How registers write 生活自理能力 in everyday words rather than its three labels: 自理 is 具备,
半自理 and 半失能 are 部分丧失, 不能自理 and 失能 are 完全丧失."""


def self_care_of(word: str) -> SelfCareLevel | None:
    """The self-care level ``word`` means (自理, 半自理, 不能自理 …), or ``None``."""
    return SELF_CARE_WORDS.get(plain(word))


# --- register status ------------------------------------------------------------------------------

STATUS_WORDS: Mapping[str, RegisterStatus] = MappingProxyType(
    {
        "正常": RegisterStatus.ACTIVE,
        "在保": RegisterStatus.ACTIVE,
        "正常享受": RegisterStatus.ACTIVE,
        "享受中": RegisterStatus.ACTIVE,
        "已故": RegisterStatus.DECEASED,
        "去世": RegisterStatus.DECEASED,
        "已去世": RegisterStatus.DECEASED,
        "已死亡": RegisterStatus.DECEASED,
        "病故": RegisterStatus.DECEASED,
        "亡故": RegisterStatus.DECEASED,
        "身故": RegisterStatus.DECEASED,
        "已迁出": RegisterStatus.MOVED_OUT,
        "户籍迁出": RegisterStatus.MOVED_OUT,
        "外迁": RegisterStatus.MOVED_OUT,
        "已退出": RegisterStatus.EXITED,
        "注销": RegisterStatus.EXITED,
        "已注销": RegisterStatus.EXITED,
        "取消": RegisterStatus.EXITED,
        "已取消": RegisterStatus.EXITED,
    }
)
"""How registers write a person's 状态 beside its four labels: 正常 is 在册, 已故 and 去世 are 死亡,
已迁出 is 迁出, 注销 and 取消 are 退出. 停保 (the allowance stopped) is not read: the person may
still be on the station's register."""


def status_of(word: str) -> RegisterStatus | None:
    """The register status ``word`` means (正常, 已故, 已迁出, 注销 …), or ``None``."""
    return STATUS_WORDS.get(plain(word))


# --- by enumeration -------------------------------------------------------------------------------


def _code(reading: Callable[[str], LabelledEnum | None]) -> WordMeaning:
    def meaning(word: str, /) -> str | None:
        found = reading(word)
        return None if found is None else found.value

    meaning.__doc__ = reading.__doc__
    meaning.__name__ = reading.__name__
    return meaning


_MEANINGS: Final[Mapping[type[LabelledEnum], WordMeaning]] = MappingProxyType(
    {
        ContactMode: _code(contact_mode_of),
        Category: category_reading,
        ServiceLevel: NATIONAL_LEVELS,
        Sex: _code(sex_of),
        SelfCareLevel: _code(self_care_of),
        RegisterStatus: _code(status_of),
    }
)


def meaning_for(enum: type[LabelledEnum] | None) -> WordMeaning | None:
    """How a column of ``enum`` reads a word its labels do not hold (a code or ``None``), or
    ``None`` for an enumeration read by its labels only."""
    return _MEANINGS.get(enum) if enum is not None else None


_LIKELY: Final[Mapping[type[LabelledEnum], Callable[[str], str | None]]] = MappingProxyType(
    {ContactMode: likely_mode, Category: likely_category}
)


def likely_for(
    enum: type[LabelledEnum] | None, labels: Iterable[str] = ()
) -> Callable[[str], str | None]:
    """For a column of ``enum`` accepting ``labels``: the word an unreadable word is likely a slip
    for (``likely_mode``, ``likely_category``, else the nearest label), or ``None``."""
    own = _LIKELY.get(enum) if enum is not None else None
    known = tuple(labels)

    def likely(word: str) -> str | None:
        found = own(word) if own is not None else None
        return found if found is not None else likely_word(word, known)

    return likely
