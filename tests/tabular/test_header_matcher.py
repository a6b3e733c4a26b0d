"""The header matcher's shortcut decides nothing ``text_score`` would decide otherwise: a column's
score for a field is the best ``text_score`` over the column's readings and the field's accepted
headers (the first best on a tie), weighed as ``tabular.headers`` describes, whichever accepted
headers the matcher passes over as unable to score."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork_core.glossary import vocabulary as words
from socialwork_core.tabular.headers import (
    GENERIC_LENGTH,
    PROSE_LENGTH,
    FieldWords,
    HeaderColumn,
    Score,
    field_words,
    normalise_header,
    score_column,
    text_score,
)

WORDS = field_words(
    [
        ("key", ("档案号", "编号", "序号"), False, 2.0),
        ("name", ("姓名", "服务对象姓名"), False, 2.0),
        ("resident_id", ("身份证号", "身份证号码", "公民身份号码"), False, 1.0),
        ("village", ("村居", "村（社区）", "所在村", "户籍地址/村"), False, 1.0),
        ("phones", ("联系电话", "电话", "手机号"), True, 1.0),
        ("guardian", ("监护人", "监护人姓名"), False, 1.0),
        ("guardian_phone", ("监护人电话", "监护人联系电话"), False, 1.0),
        ("on", ("探访日期", "日期", "服务时间"), False, 2.0),
        ("next_visit", ("下次探访日期",), False, 1.0),
        ("categories", ("对象类别", "类别", "对象类别（2022年）"), True, 1.0),
        ("station", ("所属社工站", "站点编码", "社工站"), False, 1.0),
    ]
)
FOREIGN = frozenset({"出生日期", "个案编号"})
FRAGMENTS = sorted(
    {a for f in WORDS for a in f.accepted}
    | {"（", "）", "(", ")", "＊", " ", "\n", "：", "2023", "岁", "情况", "张三", "441823"}
    | set(words.HEADER_QUALIFIERS)
    | FOREIGN
)
ALPHABET = "".join(sorted({ch for text in FRAGMENTS for ch in text}))

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map("".join),
    st.text(ALPHABET, min_size=1, max_size=12),
)


def brute_force(column: HeaderColumn, fields: Sequence[FieldWords]) -> list[Score]:
    """The rule as the module docstring states it, every accepted header scored."""
    leaf = normalise_header(column.leaf)
    if len(leaf) > PROSE_LENGTH:
        return []
    parent_fields = {
        f.field
        for heading in column.parent
        for f in fields
        if any(text_score(normalise_header(heading), a)[0] >= 80.0 for a in f.accepted)
    }
    scores = []
    for f in fields:
        best = Score(f.field, 0.0, "", "")
        for text, grouped in column.readings():
            for accepted in f.accepted:
                value, how = text_score(text, accepted)
                if value <= 0:
                    continue
                if not grouped and len(leaf) <= GENERIC_LENGTH and parent_fields:
                    value -= 0.0 if f.field in parent_fields else 30.0
                if value > best.score:
                    best = Score(f.field, value, how, accepted)
        if best.score > 0 and leaf in FOREIGN and best.how != "exact":
            best = Score(f.field, best.score - 40.0, best.how, best.accepted)
        if best.score > 0:
            scores.append(best)
    return sorted(scores, key=lambda s: -s.score)


@settings(max_examples=400, deadline=None)
@given(path=st.lists(texts, min_size=1, max_size=3))
def test_a_column_scores_as_if_every_accepted_header_were_compared(path: list[str]) -> None:
    column = HeaderColumn(0, tuple(path))
    assert score_column(column, WORDS, FOREIGN) == brute_force(column, WORDS)


def test_a_data_cell_scores_nothing_and_a_header_its_field() -> None:
    cells = [HeaderColumn(0, ("身体状况良好，生活正常",)), HeaderColumn(1, ("张三",))]
    assert [score_column(c, WORDS, FOREIGN) for c in cells] == [[], []]
    (best, *_rest) = score_column(HeaderColumn(2, ("探访日期",)), WORDS, FOREIGN)
    assert (best.field, best.score, best.how) == ("on", 100.0, "exact")
