"""Coded words read by their meaning: modes, categories, levels and sex as ledgers write them.

A word is read when the glossary knows it, and only then: an unknown word is ``None``, never a
guess.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.glossary import (
    Category,
    ContactMode,
    RegisterStatus,
    SelfCareLevel,
    ServiceLevel,
    Sex,
)
from socialwork_core.glossary.meaning import (
    CATEGORY_WORDS,
    MODE_FILLERS,
    MODE_PRECEDENCE,
    NATIONAL_LEVELS,
    ByAge,
    LevelScale,
    categories_of,
    category_of,
    category_reading,
    contact_mode_of,
    level_of,
    likely_category,
    likely_mode,
    likely_word,
    meaning_for,
    modes_named,
    self_care_of,
    sex_of,
    status_of,
)

# --- contact modes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "mode"),
    [
        ("微信视频", ContactMode.VIDEO),
        ("视频通话", ContactMode.VIDEO),
        ("视频探访", ContactMode.VIDEO),
        ("电话", ContactMode.PHONE),
        ("电话回访", ContactMode.PHONE),
        ("电话探访", ContactMode.PHONE),
        ("电访", ContactMode.PHONE),
        ("微信语音", ContactMode.PHONE),
        ("微信", ContactMode.INSTANT_MESSAGE),
        ("QQ", ContactMode.INSTANT_MESSAGE),
        ("qq留言", ContactMode.INSTANT_MESSAGE),
        ("短信", ContactMode.INSTANT_MESSAGE),
        ("来站", ContactMode.STATION_VISIT),
        ("来访咨询", ContactMode.STATION_VISIT),
        ("来所", ContactMode.STATION_VISIT),
        ("咨询", ContactMode.STATION_VISIT),
        ("入户", ContactMode.HOME_VISIT),
        ("入户走访", ContactMode.HOME_VISIT),
        ("实地走访", ContactMode.HOME_VISIT),
        ("上门", ContactMode.HOME_VISIT),
        ("探访", ContactMode.HOME_VISIT),
        ("入户 走访", ContactMode.HOME_VISIT),
        ("活动中见面", ContactMode.MET_AT_ACTIVITY),
    ],
)
def test_a_contact_mode_is_read_by_its_words(word: str, mode: ContactMode) -> None:
    assert contact_mode_of(word) is mode


_AROUND = st.lists(st.sampled_from([*MODE_FILLERS, "微信", "QQ", "钉钉"]), max_size=2).map("".join)


@given(_AROUND, _AROUND)
def test_a_word_of_mode_words_holding_video_is_a_video_call(before: str, after: str) -> None:
    assert contact_mode_of(f"{before}视频{after}") is ContactMode.VIDEO


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("入护走访", "入户走访"),
        ("微信事频", "微信视频"),
        ("电话回仿", "电话回访"),
        ("来占咨询", "来站咨询"),
    ],
)
def test_a_mode_word_with_a_slip_is_not_read_and_the_word_meant_is_named(
    word: str, meant: str
) -> None:
    assert contact_mode_of(word) is None
    assert likely_mode(word) == meant


def test_a_slip_two_mode_words_are_as_near_to_is_not_read_and_nothing_is_named() -> None:
    assert contact_mode_of("电活回访") is None  # 电话 or 电访
    assert likely_mode("电活回访") is None


@pytest.mark.parametrize("word", ["电话询问", "入户慰问", "微信联系", "电话关怀", "上门了解"])
def test_a_mode_word_with_a_remark_of_its_own_is_still_read(word: str) -> None:
    assert contact_mode_of(word) is not None
    assert likely_mode(word) is None


@pytest.mark.parametrize("word", ["回访", "其他", "入户/电话", "电话、入户", "", "   "])
def test_a_mode_word_that_says_nothing_or_two_things_is_not_read(word: str) -> None:
    assert contact_mode_of(word) is None


@pytest.mark.parametrize(
    ("word", "modes"),
    [
        ("入户走访、电话", (ContactMode.HOME_VISIT, ContactMode.PHONE)),
        ("电话/上门", (ContactMode.HOME_VISIT, ContactMode.PHONE)),
        ("微信，视频通话", (ContactMode.VIDEO, ContactMode.INSTANT_MESSAGE)),
        ("来站咨询 电话回访", (ContactMode.STATION_VISIT, ContactMode.PHONE)),
    ],
)
def test_a_cell_naming_two_modes_names_them_most_counting_first(
    word: str, modes: tuple[ContactMode, ...]
) -> None:
    assert modes_named(word) == modes


@pytest.mark.parametrize("word", ["入户走访", "入户、上门", "入户、其他", "回访、电话", ""])
def test_a_cell_naming_one_mode_or_a_word_of_none_names_no_several(word: str) -> None:
    assert modes_named(word) == ()


def test_the_precedence_orders_every_mode_once() -> None:
    assert sorted(MODE_PRECEDENCE, key=str) == sorted(ContactMode, key=str)
    assert MODE_PRECEDENCE[0] is ContactMode.HOME_VISIT


# --- categories -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("城乡低保", Category.SUBSISTENCE_ALLOWANCE),
        ("农村低保", Category.SUBSISTENCE_ALLOWANCE),
        ("城市低保", Category.SUBSISTENCE_ALLOWANCE),
        ("低保户", Category.SUBSISTENCE_ALLOWANCE),
        ("低保一类", Category.SUBSISTENCE_ALLOWANCE),
        ("低保二类", Category.SUBSISTENCE_ALLOWANCE),
        ("A类低保", Category.SUBSISTENCE_ALLOWANCE),
        ("低保家庭", Category.SUBSISTENCE_ALLOWANCE),
        ("五保", Category.EXTREME_POVERTY),
        ("五保户", Category.EXTREME_POVERTY),
        ("农村五保户", Category.EXTREME_POVERTY),
        ("三无", Category.EXTREME_POVERTY),
        ("三无人员", Category.EXTREME_POVERTY),
        ("特困", Category.EXTREME_POVERTY),
        ("特困供养人员", Category.EXTREME_POVERTY),
        ("分散供养特困", Category.EXTREME_POVERTY_DISPERSED),
        ("分散供养特困人员", Category.EXTREME_POVERTY_DISPERSED),
        ("特困人员（分散）", Category.EXTREME_POVERTY_DISPERSED),
        ("分散五保户", Category.EXTREME_POVERTY_DISPERSED),
        ("集中供养特困", Category.EXTREME_POVERTY_CENTRALISED),
        ("特困(集中供养)", Category.EXTREME_POVERTY_CENTRALISED),
        ("低边", Category.NEAR_SUBSISTENCE),
        ("低边户", Category.NEAR_SUBSISTENCE),
        ("低保边缘", Category.NEAR_SUBSISTENCE),
        ("低保边缘家庭", Category.NEAR_SUBSISTENCE),
        ("重度残疾", Category.DISABLED_PERSON),
        ("残疾人", Category.DISABLED_PERSON),
        ("持证残疾", Category.DISABLED_PERSON),
        ("持证残疾人", Category.DISABLED_PERSON),
        ("事实孤儿", Category.DE_FACTO_UNSUPPORTED_CHILD),
        ("事实无人抚养儿童", Category.DE_FACTO_UNSUPPORTED_CHILD),
        ("事实无人扶养儿童", Category.DE_FACTO_UNSUPPORTED_CHILD),
        ("孤儿", Category.ORPHAN),
        ("散居孤儿", Category.ORPHAN),
        ("困境儿童", Category.CHILD_IN_DIFFICULTY),
        ("困境儿童（重病）", Category.CHILD_IN_DIFFICULTY),
        ("困难残疾人生活补贴", Category.DISABLED_PERSON),
        ("重度残疾人护理补贴", Category.DISABLED_PERSON),
        ("重度残疾护理补贴", Category.DISABLED_PERSON),
        ("残疾人两项补贴", Category.DISABLED_PERSON),
        ("失能", Category.DEPENDENT_ELDERLY),
        ("其他（高龄）", Category.ADVANCED_AGE_ELDERLY),
        ("其他（重病）", Category.OTHER_IN_DIFFICULTY),
        ("留守儿童", Category.LEFT_BEHIND_CHILD),
        ("留守老人", Category.LEFT_BEHIND_ELDERLY),
        ("独居老人", Category.ELDERLY_LIVING_ALONE),
        ("空巢老人", Category.EMPTY_NEST_ELDERLY),
        ("空巢", Category.EMPTY_NEST_ELDERLY),
        ("高龄老人", Category.ADVANCED_AGE_ELDERLY),
        ("重残老人", Category.SEVERELY_DISABLED_ELDERLY),
        ("计生特殊家庭", Category.FAMILY_PLANNING_SPECIAL_ELDERLY),
        ("计划生育特殊家庭老人", Category.FAMILY_PLANNING_SPECIAL_ELDERLY),
        ("临时救助对象", Category.TEMPORARY_ASSISTANCE),
    ],
)
def test_a_category_is_read_with_its_usual_prefixes_suffixes_and_old_names(
    word: str, category: Category
) -> None:
    assert category_of(word) is category


@pytest.mark.parametrize("category", list(Category))
def test_every_national_label_reads_as_its_own_category(category: Category) -> None:
    assert category_of(category.label) is category


@pytest.mark.parametrize(
    "word", ["非低保", "原低保户", "低保退出", "已脱贫户", "困难", "其他", "低", "儿童", "老人"]
)
def test_a_category_word_not_in_the_lists_is_unknown_never_guessed(word: str) -> None:
    assert category_of(word) is None


_KNOWN = st.sampled_from([(c, w) for w in CATEGORY_WORDS for c in w.cores])


@given(_KNOWN, st.sampled_from(["非", "原", "无", "不是"]))
def test_a_negated_or_former_category_is_never_read_as_the_category(
    core: tuple[str, object], negation: str
) -> None:
    word, _ = core
    assert category_of(negation + word) is None


@given(_KNOWN, st.sampled_from(["退出", "已取消", "(待审)", "？"]))
def test_a_category_word_with_an_unknown_tail_is_not_read(
    core: tuple[str, object], tail: str
) -> None:
    word, _ = core
    assert category_of(word + tail) is None


@given(
    st.lists(
        st.sampled_from(["城乡低保", "五保户", "重度残疾", "事实孤儿", "低边户", "空巢老人"]),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(["、", "，", ",", "/", "+", "；", " ", "＋", " / ", "|", "｜", "&", "\n"]),
)
def test_a_cell_of_several_categories_reads_each_once(words: list[str], separator: str) -> None:
    read = categories_of(separator.join(words))
    assert read.unknown == ()
    assert read.codes == tuple(dict.fromkeys(category_of(w) for w in words))


@pytest.mark.parametrize("scheme", ["低保", "城乡低保", "低保边缘", "低边户"])
@pytest.mark.parametrize("child", ["家庭儿童", "户儿童", "儿童"])
def test_a_child_named_by_the_familys_scheme_holds_the_scheme_and_is_a_child_in_difficulty(
    scheme: str, child: str
) -> None:
    read = categories_of(scheme + child)
    assert read.unknown == ()
    assert set(read.codes) == {category_of(scheme), Category.CHILD_IN_DIFFICULTY}


@pytest.mark.parametrize("word", ["留守", "留守人员", "农村留守"])
def test_left_behind_alone_is_settled_by_the_persons_age(word: str) -> None:
    reading = category_reading(word)
    assert isinstance(reading, ByAge)
    today = date(2024, 7, 1)
    assert reading.settle(date(2015, 3, 1), today) is Category.LEFT_BEHIND_CHILD
    assert reading.settle(date(1950, 3, 1), today) is Category.LEFT_BEHIND_ELDERLY
    assert reading.settle(date(1990, 3, 1), today) is None  # neither a child nor elderly
    assert reading.settle(None, today) is None
    assert category_of(word) is None
    assert categories_of(word).unknown == (word,)


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("底保", "低保"),
        ("特因", "特困"),
        ("孤尔", "孤儿"),
        ("残积", "残疾"),
        ("空巢老人户户", "空巢老人"),
    ],
)
def test_a_category_word_with_a_slip_is_unknown_and_the_word_meant_is_named(
    word: str, meant: str
) -> None:
    assert category_reading(word) is None
    assert likely_category(word) == meant


def test_a_likely_word_is_named_only_when_one_known_word_is_nearest() -> None:
    assert likely_word("甲乙", ["甲丙", "甲丁"]) is None  # two as near, neither sounds the same
    assert likely_word("甲乙丙丁戊", ["甲乙丙"]) == "甲乙丙"  # two off for a longer word
    assert likely_word("甲乙", ["丙丁"]) is None
    assert likely_word("甲", ["乙"]) is None  # one character says too little


def test_the_unknown_words_of_a_category_cell_are_returned_as_written() -> None:
    read = categories_of("城乡低保、退役军人、五保户")
    assert read.codes == (Category.SUBSISTENCE_ALLOWANCE, Category.EXTREME_POVERTY)
    assert read.unknown == ("退役军人",)


# --- service levels -------------------------------------------------------------------------------

_ORDINAL_FORMS = [
    "{n}",
    "{n}级",
    "{zh}级",
    "{zh}",
    "{roman}级",
    "{letter}",
    "{letter}类",
    "第{zh}级",
    "{n} 级",
    "{fullwidth}级",
]


@given(st.integers(min_value=1, max_value=6), st.sampled_from(_ORDINAL_FORMS))
def test_a_level_is_read_from_every_ordinal_form(rank: int, form: str) -> None:
    word = form.format(
        n=rank,
        zh="一二三四五六"[rank - 1],
        roman="ⅠⅡⅢⅣⅤⅥ"[rank - 1],
        letter="ABCDEF"[rank - 1],
        fullwidth="１２３４５６"[rank - 1],
    )
    assert level_of(word) is list(ServiceLevel)[rank - 1]


@pytest.mark.parametrize(
    ("words", "level"),
    [
        (
            ["红", "红色", "重点", "重点关注", "高风险", "重点户", "红色预警", "重点关爱", "★★★"],
            ServiceLevel.LEVEL_1,
        ),
        (["黄", "黄色", "关注", "中风险", "★★"], ServiceLevel.LEVEL_2),
        (["绿", "绿色", "一般", "低风险", "一般关爱", "★"], ServiceLevel.LEVEL_3),
    ],
)
def test_the_national_scale_knows_the_common_words(words: list[str], level: ServiceLevel) -> None:
    assert {level_of(w) for w in words} == {level}


@pytest.mark.parametrize(
    "word", ["七级", "G", "橙", "IIV", "一级（一般）", "紧急", "", "★★★★", "☆"]
)
def test_a_level_word_off_the_scale_or_saying_two_levels_is_not_read(word: str) -> None:
    assert level_of(word) is None


def test_a_bracketed_note_that_agrees_is_read() -> None:
    assert level_of("一级（重点）") is ServiceLevel.LEVEL_1
    assert level_of("绿(三级)") is ServiceLevel.LEVEL_3


def test_an_adapter_declares_a_frequency_scale_in_order_of_urgency() -> None:
    frequency = LevelScale.in_order(
        "探访频次", ["每半月一次", "每月一次", ["每季度一次", "每季一次"]]
    )
    assert frequency.level_of("每半月一次") is ServiceLevel.LEVEL_1
    assert frequency.level_of("每月1次") is ServiceLevel.LEVEL_2  # numerals as digits
    assert frequency.level_of("每季一次") is ServiceLevel.LEVEL_3
    assert frequency("每月一次") == "level_2"  # a scale is a column's meaning: it gives codes
    assert frequency.level_of("一级") is None  # ordinals only when the scale says so


def test_a_scale_is_extended_with_an_adapters_own_words() -> None:
    four_colours = NATIONAL_LEVELS.extended(
        "四色", {"红": "level_1", "橙": "level_2", "黄": "level_3", "绿": "level_4"}
    )
    assert [four_colours.level_of(w) for w in "红橙黄绿"] == list(ServiceLevel)[:4]
    assert four_colours.level_of("2级") is ServiceLevel.LEVEL_2  # the ordinals stay
    assert NATIONAL_LEVELS.level_of("黄") is ServiceLevel.LEVEL_2  # the default is unchanged


def test_a_scale_has_at_most_six_levels() -> None:
    with pytest.raises(ValueError, match="at most 6"):
        LevelScale.in_order("太多", [str(n) for n in range(7)])


# --- sex ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "sex"),
    [
        *[("男", Sex.MALE), ("男性", Sex.MALE), ("M", Sex.MALE), ("m", Sex.MALE), ("1", Sex.MALE)],
        *[("女", Sex.FEMALE), ("女性", Sex.FEMALE), ("F", Sex.FEMALE), ("２", Sex.FEMALE)],
    ],
)
def test_sex_is_read_from_its_words_and_national_codes(word: str, sex: Sex) -> None:
    assert sex_of(word) is sex


@pytest.mark.parametrize("word", ["0", "9", "未知", "男女"])
def test_a_sex_word_that_says_nothing_is_not_read(word: str) -> None:
    assert sex_of(word) is None


# --- self-care ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "level"),
    [
        (["自理", "能自理", "生活自理", "完全自理", "具备"], SelfCareLevel.FULL),
        (["半自理", "部分自理", "半失能", "部分丧失"], SelfCareLevel.PARTLY_LOST),
        (
            ["不能自理", "生活不能自理", "完全不能自理", "失能", "完全丧失"],
            SelfCareLevel.FULLY_LOST,
        ),
    ],
)
def test_self_care_is_read_from_everyday_words_and_its_own_labels(
    words: list[str], level: SelfCareLevel
) -> None:
    """A register's 自理能力 column writes 自理/半自理/不能自理; the labels are read as well."""
    reading = meaning_for(SelfCareLevel)
    assert reading is not None
    assert {self_care_of(w) or SelfCareLevel.from_label(w) for w in words} == {level}
    assert {reading(w) for w in words if self_care_of(w)} <= {level.value}


@pytest.mark.parametrize("word", ["自", "良好", "一般", "自理？"])
def test_a_self_care_word_that_says_nothing_clear_is_not_read(word: str) -> None:
    assert self_care_of(word) is None


# --- register status ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "status"),
    [
        (["正常", "在保", "正常享受"], RegisterStatus.ACTIVE),
        (["已故", "去世", "已去世", "已死亡", "病故"], RegisterStatus.DECEASED),
        (["已迁出", "户籍迁出"], RegisterStatus.MOVED_OUT),
        (["注销", "已注销", "取消", "已退出"], RegisterStatus.EXITED),
    ],
)
def test_a_register_status_is_read_from_the_words_registers_use(
    words: list[str], status: RegisterStatus
) -> None:
    assert {status_of(w) for w in words} == {status}
    assert {meaning_for(RegisterStatus)(w) for w in words} == {status.value}  # type: ignore[misc]


@pytest.mark.parametrize("word", ["停保", "待核实", "暂停", ""])
def test_a_status_word_that_does_not_say_whether_the_person_is_on_the_register_is_not_read(
    word: str,
) -> None:
    assert status_of(word) is None


# --- by enumeration -------------------------------------------------------------------------------


def test_each_read_by_meaning_enumeration_has_its_reading_giving_codes() -> None:
    assert meaning_for(ContactMode)("微信视频") == "video"  # type: ignore[misc]
    assert meaning_for(Category)("五保户") == "extreme_poverty"  # type: ignore[misc]
    assert meaning_for(ServiceLevel)("A类") == "level_1"  # type: ignore[misc]
    assert meaning_for(Sex)("女性") == "female"  # type: ignore[misc]
    assert meaning_for(None) is None


def test_an_enumeration_read_by_its_labels_only_has_no_reading() -> None:
    from socialwork_core.glossary import CaseStage

    assert meaning_for(CaseStage) is None
