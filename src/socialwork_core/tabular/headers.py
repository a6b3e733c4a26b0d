"""Headers by meaning: finding a table's header block and deciding what each column holds.

Headers are written by people: “所属村(居)”, “证件号码＊”, “性  别”, a line break inside a cell, a
unit in brackets (“年龄（岁）”), two or three rows of group headings over the real ones. This module
has no domain knowledge; the column specifications (``TableSpec``) bring the accepted headers, and
this module scores every column against every field:

1. the header is normalised (``normalise_header``: NFKC, spaces and line breaks inside removed,
   required-field marks and colons at either end removed);
2. each of a column's readings (its lowest header alone, the whole path of group headings down to
   it, a group heading joined to the header) is compared with each accepted header of a field:
   equal (100), equal once bracketed parts are dropped (96), one containing the other (60–95, by
   how much of the longer one the shorter covers), else a similarity of their characters
   (rapidfuzz's indel ratio, counted at 80% and only from 60 up);
3. a reading that carries a qualifier the accepted header lacks (下次, 计划 …) loses 40 points; a
   short lowest header whose group heading is itself another field's header (监护人 over 姓名)
   loses 30 points; a header that is another record kind's exact header (出生日期 on a visit
   sheet) loses 40; a header cell as long as a sentence is no header;
   a header equal to an accepted one once the table's own context words are set aside (走访对象
   and 服务对象 are both 对象 in a visit log; see ``context_words``) scores ``CONTEXT_SCORE``;
4. the sample of values below the header can confirm a field whose cells have a shape (an ID
   number, a phone, a date, a coded word): the share of cells the field's own coercer accepts adds
   up to 25 points, or takes 25 away when few fit;
5. columns are given to fields best first, each column and each field once; a field wanted by two
   columns goes to the better one and the other is kept as an extra (named in a finding); a column
   whose two best fields score within ``TIE_MARGIN`` of each other is not guessed: it is kept as an
   extra and the candidates are named. For a field of several values, columns under the same group
   heading as the winner join it (tick columns, 主类别/兼类别).

A header naming the end of a span (结束时间) reads as the accepted header naming its start
(开始时间, ``SPAN_ENDS``) less ``SPAN_END_PENALTY``: it takes the start's field only when the table
has no column of its own for it, and is never named a duplicate of that column (``how`` =
``span_end``). A visit log that writes only when a visit ended keeps that time rather than none;
a start written in the row's date cell wins over it (``Layout.read_from_span_ends``).

A header row of a system's field codes only (XM | XB | SFZHM, the pinyin initials of 姓名 性别
身份证号码), where no header scores as words, is read by those initials: each code is compared with
the initials of every accepted header (``initials_score``, ``INITIALS_SHARE`` of a text's score),
and the choice is said as any other reading is (``how`` = ``initials``).

Every choice keeps its reason (``ColumnChoice``), so a command can show how a sheet was understood.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..glossary import vocabulary as words

ACCEPT: float = 65.0
GENERIC_LENGTH: int = 2
"""A lowest header this short (姓名, 电话) says little alone: under a group heading that is another
field's header (监护人 over 姓名) it is read as that group's."""
PROSE_LENGTH: int = 24
"""A header cell longer than this is a sentence (an instruction), not a column's name."""
"""The score from which a column is taken for a field."""
CONTEXT_SCORE: float = 90.0
"""A header equal to an accepted one but for the table's context words (``context_words``)."""
CONTEXT_FIELDS: int = 2
"""Two header starts naming this many fields alike (探访日期/走访日期, 探访方式/走访方式) are
synonyms in the table (``context_words``)."""
TIE_MARGIN: float = 3.0
"""Two fields within this many points for one column (and neither an exact header): not guessed."""
QUALIFIERS: tuple[str, ...] = words.HEADER_QUALIFIERS
"""Words that turn a header into another thing (下次探访时间 is not the visit's date)."""
_MARKS = words.HEADER_MARKS
_BRACKETS = words.HEADER_BRACKETS
_SPACE = re.compile(r"\s+")
_DATED = re.compile(r"[(\[](?:19|20)\d\d")
SPAN_ENDS = words.SPAN_ENDS
SPAN_END_PENALTY: float = 30.0
"""What an end-of-span header (结束时间) loses against its start's header (开始时间): above
``ACCEPT`` when that is exact, below any column written for the field itself."""


@functools.lru_cache(maxsize=16384)
def normalise_header(text: str) -> str:
    """The form headers are compared in: NFKC (full-width to half-width), every space and line
    break removed, required-field marks and colons stripped at both ends, ASCII lower-cased."""
    value = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    return value.strip(_MARKS).lower()


@functools.lru_cache(maxsize=16384)
def without_brackets(header: str) -> str:
    """A normalised header without its bracketed parts (“年龄(岁)” → “年龄”)."""
    previous = None
    value = header
    while previous != value:  # nested brackets, innermost first
        previous, value = value, _BRACKETS.sub("", value)
    return value.strip(_MARKS)


@functools.lru_cache(maxsize=65536)
def text_score(header: str, accepted: str) -> tuple[float, str]:
    """How well the normalised ``header`` reads as the normalised ``accepted`` header (0–100) and
    how (``exact``, ``brackets``, ``contains``, ``within``, ``similar``)."""
    if not header or not accepted:
        return 0.0, ""
    if header == accepted:
        return 100.0, "exact"
    h, a = without_brackets(header), without_brackets(accepted)
    if not h or not a:
        return 0.0, ""
    if h == a:
        # a bracketed year dates the column (对象类别（2022年）): the undated one is today's
        return (88.0 if _DATED.search(header) else 96.0), "brackets"
    penalty = 40.0 if any(q in h and q not in a for q in QUALIFIERS) else 0.0
    best = (0.0, "")
    # the header without its bracketed part, and with only the brackets dropped (所属村(居) →
    # 所属村居, which contains 村居)
    for text in dict.fromkeys((h, unbracketed(header))):
        if len(a) >= 2 and a in text:
            found = (70.0 + 25.0 * len(a) / len(text) - penalty, "contains")
        elif len(text) >= 2 and text in a:
            found = (60.0 + 30.0 * len(text) / len(a) - penalty, "within")
        else:
            ratio = 100.0 * Indel.normalized_similarity(text, a)
            found = (0.8 * ratio - penalty, "similar") if ratio >= 60.0 else (0.0, "")
        if found[0] > best[0]:
            best = found
    return best


@functools.lru_cache(maxsize=16384)
def unbracketed(header: str) -> str:
    """A normalised header with its bracket characters dropped and their words kept."""
    return header.translate(_BRACKET_CHARACTERS).strip(_MARKS)


_BRACKET_CHARACTERS = str.maketrans("", "", words.HEADER_BRACKET_CHARACTERS)

INITIALS_SHARE: float = 0.85
"""A field code read by the pinyin initials of an accepted header (XM for 姓名) scores this share
of a header written in words: an abbreviation says less, but its exact one is still taken."""
_INITIALS_READINGS: int = 8
"""At most this many initials of one header (a character read two ways gives two)."""
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def pinyin_initials(header: str) -> tuple[str, ...]:
    """The pinyin initials a normalised accepted header is abbreviated to, as a system names its
    field codes (姓名 → xm, 身份证号码 → sfzhm; bracketed parts left out; a character of several
    readings gives each, ``_INITIALS_READINGS`` at most); letters and figures kept as written."""
    from pypinyin import Style, pinyin  # only for a header row of field codes

    bare = without_brackets(header)
    letters = pinyin(bare, style=Style.FIRST_LETTER, heteronym=True, errors="default")
    options = [
        sorted({_NOT_ASCII_WORD.sub("", r.lower()) for r in readings}) for readings in letters
    ]
    options = [[r for r in o if r] for o in options]
    options = [o for o in options if o]
    found = ("".join(p) for p in itertools.product(*options))
    return tuple(i for i in itertools.islice(found, _INITIALS_READINGS) if len(i) >= 2)


def initials_score(code: str, initials: str) -> float:
    """How well the lower-cased field ``code`` reads as an accepted header of ``initials``
    (0–100, before ``INITIALS_SHARE``): equal (100), or one the start or the end of the other
    covering half of it or more (60–90: SFZH for 身份证号码's sfzhm), else nothing."""
    if code == initials:
        return 100.0
    short, long = sorted((code, initials), key=len)
    if (
        len(short) >= 2
        and 2 * len(short) >= len(long)
        and (long.startswith(short) or long.endswith(short))
    ):
        return 60.0 + 30.0 * len(short) / len(long)
    return 0.0


def _code_of(column: HeaderColumn) -> str | None:
    """The field code a column is headed with alone (XM), lower-cased, or ``None``."""
    path = column.path
    if len(path) != 1 or not path[0].isascii():  # words and most data fail here, cheaply
        return None
    text = path[0].strip()
    return text.lower() if _FIELD_CODE.fullmatch(text) else None


_FIELD_CODE = words.FIELD_CODE


@attrs.frozen
class HeaderColumn:
    """One column of a header block: its 0-based index and its headings, top to bottom."""

    index: int
    path: tuple[str, ...]
    """The distinct non-empty headings over the column, outermost first (as written, trimmed)."""

    @property
    def display(self) -> str:
        """How the column is named to people: its headings joined by “/”."""
        return "/".join(" ".join(p.split()) for p in self.path)

    @property
    def leaf(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def parent(self) -> tuple[str, ...]:
        return self.path[:-1]

    def readings(self) -> tuple[tuple[str, bool], ...]:
        """The normalised texts the column can be read as, each with whether it involves a group
        heading (then the group heading's own meaning is weighed, see ``score_column``)."""
        leaf = normalise_header(self.leaf)
        found: list[tuple[str, bool]] = [(leaf, False)] if leaf else []
        if len(self.path) > 1:
            whole = "".join(normalise_header(p) for p in self.path)
            found.append((whole, True))
            joined = normalise_header(self.path[-2]) + leaf
            if joined != whole:
                found.append((joined, True))
        return tuple(found)


@attrs.frozen
class FieldWords:
    """What the matcher knows of one field: its accepted headers (normalised) and whether a column
    of it may hold several values (then sibling columns under one group heading join it)."""

    field: str
    accepted: tuple[str, ...]
    multi: bool = False
    weight: float = 1.0
    """How much finding this field says the block is the table's header (keys and names more)."""


@attrs.frozen
class Score:
    field: str
    score: float
    how: str
    accepted: str
    """The normalised accepted header the column was matched with."""


def score_column(
    column: HeaderColumn,
    fields: Sequence[FieldWords],
    foreign: frozenset[str] = frozenset(),
) -> list[Score]:
    """Every field's score for ``column`` (best first, zeros left out).

    A field's score is its best over the column's readings and the field's accepted headers
    (``text_score``), the first best kept on a tie; the matcher gives each reading's best per
    field at once (``_Matcher``)."""
    leaf = normalise_header(column.leaf)
    if len(leaf) > PROSE_LENGTH:
        return []
    matcher = _matcher(fields)
    # what the group headings alone read as: a heading that is itself a field's header (监护人
    # over 姓名) says the column is about that field, not about the one its lowest header names
    parent_fields: set[str] = set()
    for heading in column.parent:
        for i, (value, _how, _accepted) in matcher.bests(normalise_header(heading)).items():
            if value >= 80.0:
                parent_fields.add(fields[i].field)
    generic = len(leaf) <= GENERIC_LENGTH and bool(parent_fields)
    found = [(matcher.bests(text), grouped) for text, grouped in column.readings()]
    scores: list[Score] = []
    for i in sorted({i for bests, _grouped in found for i in bests}):
        candidate = fields[i]
        score, how, accepted = 0.0, "", ""
        for bests, grouped in found:
            hit = bests.get(i)
            if hit is None:
                continue
            value = hit[0]
            if not grouped and generic and candidate.field not in parent_fields:
                value -= 30.0
            if value > score:
                score, how, accepted = value, hit[1], hit[2]
        # a header that is this table's own but for its context words is no other table's
        if score > 0 and leaf in foreign and how not in ("exact", "context"):
            score -= 40.0
        if score > 0:
            scores.append(Score(candidate.field, score, how, accepted))
    if not any(s.score >= ACCEPT for s in scores):
        scores = _span_start(leaf, matcher, fields, scores)
    scores.sort(key=lambda s: -s.score)
    return scores


def _span_start(
    leaf: str, matcher: _Matcher, fields: Sequence[FieldWords], scores: list[Score]
) -> list[Score]:
    """``scores`` with, for a header naming the end of a span (结束时间), the fields its start
    (开始时间) names, ``SPAN_END_PENALTY`` less (``how`` = ``span_end``)."""
    for end, start in SPAN_ENDS.items():
        if end not in leaf:
            continue
        best = {s.field: s for s in scores}
        for i, (value, _how, accepted) in matcher.bests(leaf.replace(end, start)).items():
            value -= SPAN_END_PENALTY
            field = fields[i].field
            if value > 0 and (field not in best or value > best[field].score):
                best[field] = Score(field, value, "span_end", accepted)
        return list(best.values())
    return scores


_SIMILAR_CUTOFF: float = 0.59
"""Below ``text_score``'s 60% similarity, with room for rounding: a text this far from an
accepted header that neither contains it nor lies within it scores nothing against it."""
_MATCHED_TEXTS: int = 8192
"""How many texts a matcher remembers before it starts afresh (a sheet's top rows hold data
too, different in every file)."""


class _Matcher:
    """One table's fields against any text: per field, the best of ``text_score`` over its
    accepted headers (first best on a tie), as ``score_column`` weighs them.

    A header sheet is searched row by row, two and three rows deep, so each text is compared
    with every accepted header of every field: mostly data, which matches nothing. The matcher
    calls ``text_score`` only for the accepted headers a text could score with at all (equal to
    it, containing it or within it, or similar enough by rapidfuzz's indel ratio, computed for
    all of them in one call) and remembers each text's result."""

    def __init__(self, fields: tuple[FieldWords, ...]) -> None:
        self.fields = fields
        self.accepted = [(i, a) for i, f in enumerate(fields) for a in f.accepted]
        self.bare = [without_brackets(a) for _i, a in self.accepted]
        self.exact: dict[str, list[int]] = {}
        for j, (_i, a) in enumerate(self.accepted):
            self.exact.setdefault(a, []).append(j)
            self.exact.setdefault(self.bare[j], []).append(j)
        self.group = context_words(fields)
        self.cores: dict[str, list[tuple[int, str]]] = {}
        for j, a in enumerate(self.bare):
            start, core = self.split(a)
            self.cores.setdefault(core, []).append((j, start))
        self.known: dict[str, dict[int, tuple[float, str, str]]] = {}
        self.initials: list[tuple[int, str]] | None = None
        """(accepted header by position, its initials), made on the first row of codes."""

    def code_scores(self, code: str) -> list[Score]:
        """Every field's score for a column headed with the field code ``code`` (lower-cased)
        by the pinyin initials of its accepted headers, best first (first best on a tie)."""
        if self.initials is None:
            self.initials = [
                (j, i) for j, (_f, a) in enumerate(self.accepted) for i in pinyin_initials(a)
            ]
        found: dict[int, Score] = {}
        for j, letters in self.initials:
            value = INITIALS_SHARE * initials_score(code, letters)
            i, accepted = self.accepted[j]
            if value > 0 and (i not in found or value > found[i].score):
                found[i] = Score(self.fields[i].field, value, "initials", accepted)
        return sorted(found.values(), key=lambda s: -s.score)

    def split(self, text: str) -> tuple[str, str]:
        """``text`` as (the context word it starts with, the rest), ``("", text)`` without one
        (``context_words``; two characters or more are left)."""
        if len(text) >= 4 and text[:2] in self.group:
            return text[:2], text[2:]
        return "", text

    def interchangeable(self, one: str, other: str) -> bool:
        """Whether headers starting with context words ``one`` and ``other`` (``""``: none) may
        read alike: both of one group, or one of them none."""
        if not one or not other:
            return bool(one or other)
        return self.group.get(one) == self.group.get(other)

    def bests(self, text: str) -> dict[int, tuple[float, str, str]]:
        """Field index → (score, how, accepted header) for the fields ``text`` scores with."""
        found = self.known.get(text)
        if found is None:
            found = {}
            for j in self._could_score(text):
                i, accepted = self.accepted[j]
                value, how = text_score(text, accepted)
                if value > 0 and (i not in found or value > found[i][0]):
                    found[i] = (value, how, accepted)
            start, core = self.split(without_brackets(text))
            for j, other in self.cores.get(core, ()) if core else ():
                if not self.interchangeable(start, other):
                    continue  # 对象类别 and 残疾类别 are not one thing: only synonyms are set aside
                i, accepted = self.accepted[j]
                if i not in found or found[i][0] < CONTEXT_SCORE:
                    found[i] = (CONTEXT_SCORE, "context", accepted)
            if len(self.known) >= _MATCHED_TEXTS:
                self.known.clear()
            self.known[text] = found
        return found

    def _could_score(self, text: str) -> list[int]:
        """The accepted headers (by position) ``text_score`` may give ``text`` more than zero,
        in their order: a superset, each then scored as it is."""
        if not text:
            return []
        h = without_brackets(text)
        could = set(self.exact.get(text, ()))
        if h:
            could.update(self.exact.get(h, ()))
            bare = self.bare
            for t in dict.fromkeys((h, unbracketed(text))):
                could.update(j for j, a in enumerate(bare) if a and (a in t or t in a))
                similar = process.extract(
                    t,
                    bare,
                    scorer=Indel.normalized_similarity,
                    processor=None,
                    limit=None,
                    score_cutoff=_SIMILAR_CUTOFF,
                )
                could.update(j for _a, _score, j in similar)
        return sorted(could)


def context_words(fields: Iterable[FieldWords]) -> dict[str, int]:
    """The words a table's headers start with that say the same thing, each with its group: two
    two-character starts are one group when the table's accepted headers give ``CONTEXT_FIELDS``
    fields or more under both with the same rest (探访日期 and 走访日期, 探访方式 and 走访方式 …: 探访,
    走访 and 服务 in a visit log). A header is compared without such a word, so 走访对象 reads as
    服务对象 and 内容 as 探访内容; 对象类别 and 残疾类别 stay two things (对象 and 残疾 name no field
    alike)."""
    field_of: dict[tuple[str, str], str] = {}
    for field in fields:
        for accepted in field.accepted:
            bare = without_brackets(accepted)
            if len(bare) >= 4:
                field_of.setdefault((bare[:2], bare[2:]), field.field)
    starts = sorted({start for start, _rest in field_of})
    group = {start: number for number, start in enumerate(starts)}
    for one in starts:
        for other in starts:
            if one >= other:
                continue
            alike = sum(
                1
                for (start, rest), field in field_of.items()
                if start == one and field_of.get((other, rest)) == field
            )
            if alike >= CONTEXT_FIELDS:
                old, new = group[other], group[one]
                group = {s: (new if g == old else g) for s, g in group.items()}
    sizes: dict[int, int] = {}
    for number in group.values():
        sizes[number] = sizes.get(number, 0) + 1
    return {start: number for start, number in group.items() if sizes[number] > 1}


_MATCHERS: dict[tuple[FieldWords, ...], _Matcher] = {}


_LAST: tuple[object, _Matcher | None] = (None, None)


def _matcher(fields: Sequence[FieldWords]) -> _Matcher:
    """The matcher of ``fields`` (one per distinct table of fields, kept for the process)."""
    global _LAST
    last, found = _LAST
    if last is fields and found is not None and type(fields) is tuple:  # a block's columns
        return found
    key = tuple(fields)
    found = _MATCHERS.get(key)
    if found is None:
        if len(_MATCHERS) >= 256:
            _MATCHERS.clear()
        found = _MATCHERS[key] = _Matcher(key)
    _LAST = (fields, found)
    return found


@attrs.frozen
class ColumnChoice:
    """Why a column was taken for a field: the score, how the header matched, what it matched."""

    field: str
    column: int
    header: str
    score: float
    how: str
    accepted: str
    evidence: float | None = None
    """Share of the sampled cells the field's coercer accepted (``None``: not weighed)."""


@attrs.frozen
class Assignment:
    """The outcome of matching a header block's columns with a table's fields."""

    chosen: Mapping[str, ColumnChoice]
    """Field → the column taken for it."""
    joined: Mapping[str, tuple[tuple[int, str], ...]] = attrs.field(factory=dict)
    """Field of several values → further (column, lowest header) joining it."""
    displaced: tuple[tuple[ColumnChoice, int], ...] = ()
    """A column that wanted a field another column won: (its choice, the winner's column)."""
    undecided: tuple[tuple[int, str, tuple[Score, ...]], ...] = ()
    """(column, header, candidates) of columns not guessed because two fields tie."""

    @property
    def total(self) -> float:
        return sum(c.score for c in self.chosen.values())


Evidence = Callable[[str, int], float | None]
"""(field, 0-based column) → the share of sampled cells the field's coercer accepts, or ``None``."""


def assign(
    columns: Sequence[HeaderColumn],
    fields: Sequence[FieldWords],
    *,
    foreign: frozenset[str] = frozenset(),
    evidence: Evidence | None = None,
    forced: Mapping[int, str | None] | None = None,
) -> Assignment:
    """Give columns to fields, best first (see the module docstring). ``forced``: columns whose
    field a mapping file settles (``None``: not read), taken before anything is guessed."""
    by_field = {f.field: f for f in fields}
    forced = {i: f for i, f in (forced or {}).items() if f is None or f in by_field}
    settled = {f for f in forced.values() if f is not None}
    if forced:
        columns = [c for c in columns if c.index not in forced]
        fields = [f for f in fields if f.field not in settled]
    candidates: list[tuple[float, int, Score, float | None]] = []
    undecided: list[tuple[int, str, tuple[Score, ...]]] = []
    tied: list[tuple[HeaderColumn, list[tuple[Score, float | None]]]] = []
    scores_of: dict[int, list[Score]] = {}
    scored = [(column, score_column(column, fields, foreign)) for column in columns]
    coded = _codes_read(scored, fields)
    for column, scores in scored:
        scores = scores or coded.get(column.index, [])
        weighed: list[tuple[Score, float | None]] = []
        for s in scores:
            share = evidence(s.field, column.index) if evidence is not None else None
            value = s.score
            if share is not None:
                if share >= 0.8:
                    value += 25.0 * share
                elif share < 0.3:
                    value -= 25.0
            weighed.append((attrs.evolve(s, score=value), share))
        weighed.sort(key=lambda item: -item[0].score)
        scores_of[column.index] = [s for s, _ in weighed]
        good = [(s, share) for s, share in weighed if s.score >= ACCEPT]
        if (
            len(good) >= 2
            and good[0][0].score - good[1][0].score < TIE_MARGIN
            and good[0][0].how != "exact"
            and not _same_meaning(good[0][0], good[1][0], by_field)
        ):
            # decided after the others: a field another column takes is no longer a candidate
            tied.append((column, good))
            continue
        for s, share in good:
            candidates.append((s.score, column.index, s, share))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    chosen: dict[str, ColumnChoice] = {}
    taken: set[int] = set(forced)
    for index, field in forced.items():
        if field is not None:
            chosen[field] = ColumnChoice(field, index, "", 100.0, "mapping", "")
    displaced: list[tuple[ColumnChoice, int]] = []
    display = {c.index: c.display for c in columns}
    for value, index, s, share in candidates:
        if index in taken:
            continue
        choice = ColumnChoice(s.field, index, display[index], value, s.how, s.accepted, share)
        if s.field in chosen:
            # the column's best field went to a better column; it may still be the best column
            # for a field of its own lower down the list, so only its best counts as displaced
            if scores_of[index] and scores_of[index][0].field == s.field and s.how != "span_end":
                displaced.append((choice, chosen[s.field].column))
            continue
        chosen[s.field] = choice
        taken.add(index)
    for column, good in tied:
        left = [(s, share) for s, share in good if s.field not in chosen]
        if left and (len(left) == 1 or left[0][0].score - left[1][0].score >= TIE_MARGIN):
            s, share = left[0]
            chosen[s.field] = ColumnChoice(
                s.field, column.index, column.display, s.score, s.how, s.accepted, share
            )
            taken.add(column.index)
        else:
            undecided.append((column.index, column.display, tuple(s for s, _ in good[:3])))
    joined: dict[str, tuple[tuple[int, str], ...]] = {}
    by_index = {c.index: c for c in columns}
    kept_displaced: list[tuple[ColumnChoice, int]] = []
    for choice, winner in displaced:
        wanted = by_field[choice.field]
        winner_column, column = by_index[winner], by_index[choice.column]
        if (
            wanted.multi
            and column.index not in taken
            and column.parent
            and column.parent == winner_column.parent
        ):
            joined[choice.field] = (*joined.get(choice.field, ()), (column.index, column.leaf))
            taken.add(column.index)
        else:
            kept_displaced.append((choice, winner))
    return Assignment(chosen, joined, tuple(kept_displaced), tuple(undecided))


def _codes_read(
    scored: Sequence[tuple[HeaderColumn, list[Score]]], fields: Sequence[FieldWords]
) -> dict[int, list[Score]]:
    """Column → its fields by pinyin initials (``Matcher.code_scores``) when the block is one row
    of field codes (``FIELD_CODES_AT_LEAST`` at least, half its headers or more) and none of its
    headers reads as words; else nothing (the common case, decided by a pattern alone)."""
    if len(scored) < words.FIELD_CODES_AT_LEAST:
        return {}
    codes: dict[int, str] = {}
    others = 0
    for column, _scores in scored:
        code = _code_of(column)
        if code is not None:
            codes[column.index] = code
        elif 2 * (others := others + 1) > len(scored):
            return {}  # a row of data or of words: given up at its first columns
    if len(codes) < words.FIELD_CODES_AT_LEAST:
        return {}
    if any(s.score >= ACCEPT for _c, scores in scored for s in scores):
        return {}
    matcher = _matcher(fields)
    return {index: matcher.code_scores(code) for index, code in codes.items()}


def _same_meaning(a: Score, b: Score, fields: Mapping[str, FieldWords]) -> bool:
    """Two fields matched through the same accepted header (one header listed for both, such as a
    register key and a record number): the first listed wins, as the specification orders them."""
    return a.accepted == b.accepted


# --- header blocks --------------------------------------------------------------------------------


def compose(
    rows: Sequence[Sequence[str]],
    merged_fill: Mapping[tuple[int, int], str],
    first: int,
    depth: int,
    width: int,
) -> list[HeaderColumn]:
    """The columns of a header block of ``depth`` rows starting at buffered row ``first``.

    ``rows[r][c]`` is the text of buffered row ``r``, column ``c`` (``""`` when empty) and
    ``merged_fill`` the text of merged areas by (row, column). A group heading reaches the
    columns its merge spans; without a merge (a CSV, a careless copy), an empty cell in a group
    row takes the heading on its left when the row below has a header there and the column on
    the left had one under the same heading.
    """

    def cell(r: int, c: int) -> str:
        if (r, c) in merged_fill:
            return merged_fill[(r, c)]
        row = rows[r] if r < len(rows) else ()
        return row[c] if c < len(row) else ""

    grid = [[cell(first + d, c) for c in range(width)] for d in range(depth)]
    for d in range(depth - 1):
        row, below = grid[d], grid[d + 1]
        for c in range(1, width):
            if (
                not row[c]
                and row[c - 1]
                and below[c]
                and below[c - 1]
                and (first + d, c) not in merged_fill
                and (first + d, c - 1) not in merged_fill
            ):
                row[c] = row[c - 1]
    columns: list[HeaderColumn] = []
    for c in range(width):
        path: list[str] = []
        for d in range(depth):
            text = " ".join(grid[d][c].split())
            if text and (not path or normalise_header(path[-1]) != normalise_header(text)):
                path.append(text)
        if path:
            columns.append(HeaderColumn(c, tuple(path)))
    return columns


def _accepted(header: str) -> str:
    """An accepted header as compared: a “group/sub” header reads as its two parts joined, as a
    column under a group heading is read (``HeaderColumn.readings``)."""
    return normalise_header(header.replace("/", ""))


def field_words(specs: Iterable[tuple[str, Sequence[str], bool, float]]) -> tuple[FieldWords, ...]:
    """``FieldWords`` from (field, accepted headers, several values, weight)."""
    return tuple(
        FieldWords(field, tuple(dict.fromkeys(_accepted(h) for h in headers)), multi, w)
        for field, headers, multi, w in specs
    )
