"""Small factories that turn people and visits into sheets in a style, and a ledger plan into a
file and its answer key (the key schema of ``../shared/corpus/CORPUS.md``)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from openpyxl.utils import get_column_letter

from .people import Person, Visit
from .sheets import (
    Cell,
    Column,
    Line,
    OtherSheet,
    SheetPlan,
    Wrong,
    layout,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
)
from .written import (
    birth_cell,
    cn_number,
    date_cell,
    id_cell,
    mode_typo,
    phone_cell,
    sex_word,
    typo_of,
)

CHINESE_NUMBERS = "一二三四五六七八九十"

Oddities = Mapping[int, str]
"""Index of a person (or visit) in its list → the oddity written there."""


@attrs.frozen(kw_only=True)
class RegisterSpec:
    """How a register sheet is written. ``columns`` name key fields (``seq``, ``record_no``,
    ``name``, ``sex``, ``id``, ``birth_date``, ``age``, ``village``, ``categories``, ``level``,
    ``phone``, ``tick:<word>`` for a category tick column, and extras such as ``guardian``,
    ``guardian_phone``, ``disability_kind``, ``disability_grade``, ``nation``, ``address``,
    ``note``, ``age_cn`` (六十五岁), ``age_formula`` (=2024-MID(D5,7,4), its value saved); and
    columns that compete with a key field: ``old_categories``, last year's
    categories, and ``disability_card``, the 残疾人证号 beside the ID number)."""

    sheet: str
    columns: tuple[Column, ...]
    category_words: Mapping[str, str]
    ticks: Mapping[str, str] = attrs.field(factory=dict)
    """Tick column word → category code, for categories written as ticks."""
    tick_marks: tuple[str, ...] = ("√",)
    untick: str | None = None
    """What a tick column holds for a category the person lacks (否 under 是否低保), else empty."""
    joiner: str = "、"
    sex_words: tuple[str, str] = ("男", "女")
    """How the sex is written, the man's word first (a system's codes: 1 and 2)."""
    remarks: tuple[str, ...] = ()
    """Circumstances written among the category words when the categories live in a free-text
    情况说明 column (独居，低保户，腿脚不便): one or two of them per person, in any order."""
    levels: tuple[str, ...] = ()
    title: str | None = None
    meta: str | None = None
    sections: bool = False
    """Village heading rows (一、金坪村（10人）) instead of a village column."""
    subtotals: bool = False
    total: bool = False
    notes: tuple[str, ...] = ()
    signature: str | None = None
    merged_villages: bool = False
    """The village cell merged down each village's block of people."""
    blank_rows: int = 0
    """Empty bordered rows left under the data (before the notes)."""
    id_form: str = "text"
    csv: bool = False
    """Written for a CSV (an ID stored as a number is saved in scientific form)."""
    phone_form: str = "text"
    birth_form: str = "date"
    hints: Mapping[str, str] = attrs.field(factory=dict)
    """Field → the hint a template writes under its header (必填, 可多选): a row that is no data."""
    example: Mapping[str, str] = attrs.field(factory=dict)
    """Field → the cell of a template's example row (示例 | 张某某 | …) under the hints."""
    left: int = 0
    """Empty columns before the table (it starts at column C when 2)."""
    title_span: int = 1
    """Rows the title takes (a title block merged over A1:K3 beside a logo takes 3)."""
    blank_before: int = 0
    """Empty rows between the title and meta lines and the header."""
    oddities: Oddities = attrs.field(factory=dict)
    """Person index → ``id:<form>``, ``phone:<form>``, ``sex_blank``, ``sex_wrong`` (the cell
    disagrees with the ID), ``category_typo``, ``no_name`` (the row has everything but a name:
    refused), ``name_remark:<remark>`` (张三（户主）, kept so in the key) or ``status:<word>`` (the
    状态 cell, 正常 otherwise)."""


@attrs.frozen(kw_only=True)
class VisitSpec:
    """How a visit log is written: ``columns`` name ``seq``, ``visit_no`` (the visit's own
    number, which few logs have), ``record_no``, ``name``, ``id``,
    ``village``, ``date`` (or ``date_month`` and ``date_day``, after ``date_year`` or not: the
    date over part columns), ``next_date`` (the next visit planned: not a visit), ``mode``,
    ``content``, ``worker``."""

    sheet: str
    columns: tuple[Column, ...]
    date_forms: tuple[str, ...] = ("date",)
    mode_words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    title: str | None = None
    meta: str | None = None
    notes: tuple[str, ...] = ()
    signature: str | None = None
    total: bool = False
    left: int = 0
    title_span: int = 1
    blank_before: int = 0
    oddities: Oddities = attrs.field(factory=dict)
    """Visit index → ``bad_date`` (2月30日), ``no_date``, ``stranger`` (a person on no register),
    ``no_village`` (the village cell left empty), ``mode_typo`` (an unknown mode word: the visit is
    kept without a mode)."""


@attrs.define
class LedgerPlan:
    """One generated ledger: its sheets, and the answer key's entries."""

    slug: str
    file: str
    region: str
    station: str
    period: tuple[date, date]
    style: str
    exercises: str
    sheets: list[SheetPlan | OtherSheet]
    people_sheet: str
    visit_sheet: str | None
    people: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    quirks: list[dict[str, Any]] = attrs.field(factory=list)
    category_words: dict[str, list[str]] = attrs.field(factory=dict)
    mode_words: dict[str, str] = attrs.field(factory=dict)
    format: str = "xlsx"
    """``xlsx``, ``xls``, ``ods`` or ``csv``."""
    encoding: str = "gb18030"
    """A CSV's encoding (``utf-8-sig`` writes the BOM Excel's "CSV UTF-8" starts with)."""
    delimiter: str = ","
    """A CSV's delimiter."""
    name_with_id: bool = False
    """The register writes each person's name and ID number in one cell (张三（410422…））: the
    key says so, and gives the ID read from that cell."""
    categories_in_text: bool = False
    """The register's categories are words inside a free-text column (情况说明) among other
    circumstances: the key says so, and its words beside the categories are no typos."""


def ordinal(n: int) -> str:
    return CHINESE_NUMBERS[n - 1] if n <= 10 else str(n)


def person_entry(
    person: Person,
    row_id: str | None,
    id_written: str,
    categories: Sequence[str],
    categories_written: str,
    level: str | None,
    phone: str | None,
    record_no: str | None,
) -> dict[str, Any]:
    return {
        "row": 0,
        "record_no": record_no,
        "name": person.name,
        "id": row_id,
        "id_as_written": id_written,
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "village": person.village,
        "categories": sorted(set(categories)),
        "categories_as_written": categories_written,
        "level": level,
        "phone": phone,
    }


def _category_cells(
    spec: RegisterSpec, person: Person, oddity: str | None, rng: random.Random
) -> tuple[dict[str, Cell], list[tuple[str, str]], str]:
    """The category cells, the (word, code) pairs a reader should understand, the text as
    written (the key's ``categories_as_written``)."""
    if spec.ticks:
        cells: dict[str, Cell] = {}
        ticked = [w for w, code in spec.ticks.items() if code in person.categories]
        for word in spec.ticks:
            cells[f"tick:{word}"] = Cell(
                rng.choice(spec.tick_marks) if word in ticked else spec.untick
            )
        return cells, [(w, spec.ticks[w]) for w in ticked], "、".join(ticked)
    pairs = [(spec.category_words[c], c) for c in person.categories]
    words = [w for w, _ in pairs]
    wrong = None
    if oddity == "category_typo":
        words[0] = typo_of(words[0])
        pairs = pairs[1:]
        wrong = Wrong(f"unknown category word {words[0]} (a typo)")
    if spec.remarks:  # a 情况说明: the categories among the person's circumstances
        words = words + rng.sample(spec.remarks, rng.choice((1, 1, 2)))
        rng.shuffle(words)
    text = spec.joiner.join(words)
    return {"categories": Cell(text, wrong=wrong)}, pairs, text


FILLERS: Mapping[str, tuple[str, ...]] = {
    "hukou": ("农业", "非农业"),
    "marital": ("已婚", "丧偶", "未婚", "离异"),
    "health": ("良好", "一般", "慢性病", "大病"),
    "self_care": ("自理", "半自理", "不能自理"),
    "housing": ("自有住房", "租住", "危房改造", "借住亲属"),
    "income_source": ("低保金", "养老金", "务工", "子女赡养"),
    "yes_no": ("是", "否", "否"),
}
"""Values of the columns a wide register keeps beside the ones a ledger needs."""


def filler_cell(field: str, person: Person, rng: random.Random) -> Cell | None:
    """The cell of a column no ledger field wants (``filler:<kind>``, ``filler:<kind>:<n>`` when
    a kind repeats), or None for a field that is no filler."""
    if not field.startswith("filler:"):
        return None
    kind = field.split(":")[1]
    if kind in FILLERS:
        return Cell(rng.choice(FILLERS[kind]))
    if kind == "address":
        return Cell(f"{person.village}{rng.randint(1, 12)}组{rng.randint(1, 60)}号")
    if kind == "income":
        return Cell(round(rng.uniform(300, 1500), 1), "0.0")
    if kind == "amount":
        return Cell(rng.choice((420, 560, 680, 935)), "0")
    if kind == "household":
        return Cell(rng.randint(1, 6))
    if kind == "bank":  # 19 digits: never the person's ID
        return Cell("6217" + "".join(rng.choice("0123456789") for _ in range(15)), "text")
    if kind == "since":
        return Cell(date(rng.randint(2015, 2023), rng.randint(1, 12), 1), "yyyy/m/d")
    if kind == "note":
        return Cell(rng.choice((None, None, "动态管理", "2023年新增")))
    raise ValueError(field)


def _pre_header(
    title: str | None, meta: str | None, title_span: int, blank_before: int
) -> list[Line]:
    """The lines above a header: title (perhaps over several rows), meta, empty rows."""
    lines = []
    if title:
        lines.append(Line("title", text=title, span=title_span))
    if meta:
        lines.append(Line("meta", text=meta))
    lines.extend(Line("blank") for _ in range(blank_before))
    return lines


def _summary_cells(columns: Sequence[Column], label: str, count: str) -> dict[str, Cell]:
    """A subtotal or total row: the label in the first column, the count in the last."""
    return {columns[0].field: Cell(label), columns[-1].field: Cell(count)}


def register_sheet(
    spec: RegisterSpec,
    people: Sequence[Person],
    rng: random.Random,
    extra_cells: Callable[[Person], Mapping[str, Cell]] | None = None,
    *,
    town: str = "",
    heads: Mapping[str, str] | None = None,
    relations: Mapping[str, str] | None = None,
) -> tuple[SheetPlan, list[dict[str, Any]], list[dict[str, Any]], dict[str, list[str]]]:
    """The register sheet, its people's key entries (rows filled in by :func:`layout`), quirks,
    and the category words used. ``extra_cells`` gives a person's cells of further columns
    (visits written in the register's width)."""
    fields = {c.field for c in spec.columns}
    lines: list[Line] = []
    entries: list[dict[str, Any]] = []
    quirks: list[dict[str, Any]] = []
    words_used: dict[str, list[str]] = {}
    lines.extend(_pre_header(spec.title, spec.meta, spec.title_span, spec.blank_before))
    if spec.hints:  # a template's row of hints under its header
        lines.append(Line("hint", cells={f: Cell(t) for f, t in spec.hints.items()}))
    if spec.example:  # and its example, a made-up person no register holds
        example = {f: Cell(t, "text") for f, t in spec.example.items()}
        lines.append(Line("hint", cells=example))
    villages = list(dict.fromkeys(p.village for p in people))
    id_letter = next(
        (
            get_column_letter(j + 1 + spec.left)
            for j, c in enumerate(spec.columns)
            if c.field == "id"
        ),
        "",
    )
    seq = 0
    for v_index, village in enumerate(villages):
        group = [(i, p) for i, p in enumerate(people) if p.village == village]
        if spec.sections:
            lines.append(
                Line("section", text=f"{ordinal(v_index + 1)}、{village}（{len(group)}人）")
            )
            seq = 0
        for i, person in group:
            oddity = spec.oddities.get(i)
            seq += 1
            cells: dict[str, Cell] = {}
            id_form = oddity.split(":")[1] if oddity and oddity.startswith("id:") else spec.id_form
            id_c, row_id = id_cell(person.resident_id, id_form, csv=spec.csv)
            phone_form = (
                oddity.split(":")[1] if oddity and oddity.startswith("phone:") else spec.phone_form
            )
            phone_c, phone = phone_cell(person.phone, phone_form)
            cat_cells, pairs, cat_text = _category_cells(spec, person, oddity, rng)
            codes = [code for _, code in pairs]
            for word, code in pairs:
                words_used.setdefault(word, [code])
            level = rng.choice(spec.levels) if spec.levels else None
            values: dict[str, Cell] = {
                "seq": Cell(seq),
                "record_no": Cell(person.record_no),
                "name": Cell(None if oddity == "no_name" else person.name),
                "sex": Cell(
                    None
                    if oddity == "sex_blank"
                    else spec.sex_words[0 if person.sex == "male" else 1]
                ),
                "id": id_c,
                "birth_date": birth_cell(person.birth_date, spec.birth_form),
                "age": Cell(2024 - person.birth_date.year),
                "age_cn": Cell(f"{cn_number(2024 - person.birth_date.year)}岁"),
                # the age from the ID's birth year, as stations type it; Excel saves its value
                "age_formula": Cell(
                    f"=2024-MID({id_letter}{{row}},7,4)", cached=2024 - person.birth_date.year
                ),
                "village": Cell(person.village),
                "town": Cell(town),
                "head": Cell(heads.get(person.resident_id, person.name) if heads else None),
                "relation": Cell(relations.get(person.resident_id) if relations else None),
                "id_kind": Cell("居民身份证"),
                "level": Cell(level),
                "phone": phone_c,
                "nation": Cell("汉族"),
                "address": Cell(f"{person.village}{rng.randint(1, 12)}组"),
                "guardian": Cell(rng.choice("王李张刘陈") + "某某"),
                "guardian_phone": Cell("139" + f"{rng.randrange(10**8):08d}", "text"),
                "disability_kind": Cell("肢体" if "disabled" in person.categories else None),
                "disability_grade": Cell("二级" if "disabled" in person.categories else None),
                "note": Cell(None),
                "status": Cell(
                    oddity.split(":")[1] if oddity and oddity.startswith("status:") else "正常"
                ),
                **cat_cells,
            }
            if "old_categories" in fields:  # last year's column beside this year's
                values["old_categories"] = Cell(
                    rng.choice(("低保", "特困", "低保边缘", "")) or None
                )
            if "old_phone" in fields:  # a hidden column of old landlines beside the mobile
                values["old_phone"] = Cell(f"6{rng.randrange(10**7):07d}", "text")
            if "disability_card" in fields:  # the 20-digit card number beside the ID number
                card = person.resident_id + "42" if "disabled" in person.categories else None
                values["disability_card"] = Cell(card, "text")
            if oddity == "sex_wrong":  # the ID decides; the cell is flagged
                other = "女" if person.sex == "male" else "男"
                values["sex"] = Cell(other, wrong=Wrong("sex disagrees with the ID number"))
            if oddity == "no_name":
                values["name"] = Cell(
                    None, wrong=Wrong("no name: the row identifies no one", "refuse_row")
                )
            for field in fields:
                filler = filler_cell(field, person, rng)
                if filler is not None:
                    values[field] = filler
            if extra_cells is not None:
                values.update(extra_cells(person))
            cells = {f: c for f, c in values.items() if f in fields}
            if oddity == "no_name":
                lines.append(Line("data", cells=cells))
                continue
            letter_of = {c.field: c for c in spec.columns}
            if "id" not in letter_of:
                row_id, id_text = None, ""
            else:
                id_text = id_c.text()
            entry = person_entry(
                person,
                row_id,
                id_text,
                codes,
                cat_text,
                level,
                phone if "phone" in fields else None,
                person.record_no if "record_no" in fields else None,
            )
            if oddity and oddity.startswith("name_remark:"):  # 张三（户主）: kept as written
                remarked = f"{person.name}（{oddity.split(':')[1]}）"
                cells["name"] = Cell(remarked)
                entry["name"] = remarked
            entries.append(entry)
            lines.append(Line("data", cells=cells, ref=entry))
            if oddity == "sex_blank" or (
                oddity
                and oddity.split(":")[-1]
                in (
                    "lower_x",
                    "fullwidth",
                    "spaced",
                    "trailing_space",
                    "dashed",
                    "apostrophe",
                    "times_sign",
                )
            ):
                quirks.append({"kind": oddity, "sheet": spec.sheet, "entry": entry})
        if spec.subtotals:
            count = len([i for i, _ in group if spec.oddities.get(i) != "no_name"])
            lines.append(Line("subtotal", cells=_summary_cells(spec.columns, "小计", f"{count}人")))
    for _ in range(spec.blank_rows):
        lines.append(Line("blank"))
    if spec.total:
        lines.append(Line("total", cells=_summary_cells(spec.columns, "合计", f"{len(entries)}人")))
    lines.extend(Line("note", text=n) for n in spec.notes)
    if spec.signature:
        lines.append(Line("signature", text=spec.signature))
    merged = tuple(f for f in ("town", "village") if spec.merged_villages and f in fields)
    plan = SheetPlan(spec.sheet, spec.columns, tuple(lines), merged_down=merged, left=spec.left)
    return plan, entries, quirks, words_used


def _mode_word(spec_words: Mapping[str, tuple[str, ...]], mode: str, rng: random.Random) -> str:
    return rng.choice(spec_words[mode])


def visit_sheet(
    spec: VisitSpec,
    visits: Sequence[Visit],
    entries_by_person: Mapping[str, dict[str, Any]],
    id_cells: Mapping[str, Cell],
    rng: random.Random,
    stranger: Callable[[], Person],
) -> tuple[SheetPlan, list[dict[str, Any]], dict[str, str]]:
    """The visit log and its visits' key entries. ``entries_by_person`` maps a person's true ID to
    their register entry; ``id_cells`` the ID cell as the register wrote it (the log repeats it)."""
    fields = {c.field for c in spec.columns}
    lines: list[Line] = []
    entries: list[dict[str, Any]] = []
    words: dict[str, str] = {}
    lines.extend(_pre_header(spec.title, spec.meta, spec.title_span, spec.blank_before))
    for i, visit in enumerate(visits):
        oddity = spec.oddities.get(i)
        person = stranger() if oddity == "stranger" else visit.person
        owner = None if oddity == "stranger" else entries_by_person.get(person.resident_id)
        form = spec.date_forms[rng.randrange(len(spec.date_forms))]
        day_cell = date_cell(visit.on, form)
        valid = owner is not None
        why = None
        if oddity == "bad_date":
            day_cell = Cell(f"{visit.on.year}/2/30", "text")
            valid, why = False, "2月30日 does not exist"
        elif oddity == "no_date":
            day_cell = Cell(None)
            valid, why = False, "no date"
        word = _mode_word(spec.mode_words, visit.mode, rng)
        mode: str | None = visit.mode
        if oddity == "mode_typo":  # the visit stays; its mode is unknown and flagged
            word, mode = mode_typo(word), None
        else:
            words[word] = visit.mode
        id_c = id_cells.get(person.resident_id) or Cell(person.resident_id, "text")
        cells = {
            "seq": Cell(i + 1),
            "visit_no": Cell(f"TF{i + 1:04d}"),
            "record_no": Cell(person.record_no),
            "name": Cell(person.name),
            "id": id_c,
            "village": Cell(None if oddity == "no_village" else person.village),
            "date": day_cell,
            "next_date": Cell(visit.on + timedelta(days=30), "yyyy/m/d"),
            "mode": Cell(word, wrong=Wrong("unknown mode word (a typo)") if mode is None else None),
            "content": Cell(
                rng.choice(("了解近况，身体尚可", "询问生活需求", "送去米油", "提醒防寒保暖"))
            ),
            "worker": Cell(rng.choice(("刘社工", "陈社工", "周社工"))),
        }
        # drawn only where written: the styles written before these columns keep their values
        if "worker_name" in fields:
            cells["worker_name"] = Cell(rng.choice(("陈晓琳", "黄志强", "李嘉欣")))
        if "hours" in fields:
            cells["hours"] = Cell(rng.choice((0.5, 1, 1.5, 2)))
        if oddity == "stranger":
            why = "the person is on no register of this ledger"
            cells["name"] = Cell(person.name, wrong=Wrong(why, "refuse_row"))
        elif why is not None:
            cells["date"] = attrs.evolve(day_cell, wrong=Wrong(why, "refuse_row"))
        if "date_month" in fields:
            # the date over part columns (走访时间 over 月 | 日): each part its own number
            cells.update(_date_part_cells(visit.on, oddity, cells["date"].wrong))
            month, day = cells["date_month"].value, cells["date_day"].value
            day_cell = Cell(None if month is None else f"{month}月{day}日")
        cells = {f: c for f, c in cells.items() if f in fields}
        if "id" in fields and id_c.wrong is not None and oddity != "stranger":
            cells["id"] = id_c
        key_person = owner["id"] if owner and owner["id"] else person.name
        entry = {
            "row": 0,
            "person": key_person
            if owner
            else (person.resident_id if "id" in fields else person.name),
            "person_name": person.name,
            "person_row": None,
            "date": visit.on.isoformat() if valid or oddity == "stranger" else None,
            "date_as_written": day_cell.text(),
            "mode": mode,
            "mode_as_written": word,
            "valid": valid,
            "_owner": owner,
        }
        entries.append(entry)
        lines.append(Line("data", cells=cells, ref=entry))
    if spec.total:
        lines.append(Line("total", cells=_summary_cells(spec.columns, "合计", f"{len(visits)}次")))
    lines.extend(Line("note", text=n) for n in spec.notes)
    if spec.signature:
        lines.append(Line("signature", text=spec.signature))
    return SheetPlan(spec.sheet, spec.columns, tuple(lines), left=spec.left), entries, words


def _date_part_cells(on: date, oddity: str | None, wrong: Wrong | None) -> dict[str, Cell]:
    """A visit's date over part columns: ``date_year``, ``date_month``, ``date_day`` as numbers
    (a 2月30日 or a blank for the oddities), the wrong one flagged at the month."""
    year, month, day = on.year, on.month, on.day
    if oddity == "bad_date":
        month, day = 2, 30
    parts: dict[str, Any] = {"date_year": year, "date_month": month, "date_day": day}
    if oddity == "no_date":
        parts = dict.fromkeys(parts)
    return {
        field: Cell(value, wrong=wrong if field == "date_month" else None)
        for field, value in parts.items()
    }


@attrs.frozen(kw_only=True)
class LogSpec:
    """A one-sheet log: every row a visit that repeats the person (``name``, ``id``, ``sex``,
    ``village``, ``categories``, ``phone``) beside ``date`` and ``mode``."""

    sheet: str
    columns: tuple[Column, ...]
    category_words: Mapping[str, str]
    joiner: str = "、"
    date_forms: tuple[str, ...] = ("date",)
    mode_words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    title: str | None = None
    meta: str | None = None
    notes: tuple[str, ...] = ()
    signature: str | None = None
    total: bool = False
    sex_blank: frozenset[str] = frozenset()
    """Names of people whose sex cell is left empty on every row."""
    oddities: Oddities = attrs.field(factory=dict)
    """Visit index → ``bad_date`` or ``no_date``."""


def log_sheet(
    spec: LogSpec, visits: Sequence[Visit], rng: random.Random
) -> tuple[
    SheetPlan, list[dict[str, Any]], list[dict[str, Any]], dict[str, list[str]], dict[str, str]
]:
    """The log, its people (each at the first row naming them), its visits, the words used."""
    fields = {c.field for c in spec.columns}
    lines: list[Line] = []
    people: dict[str, dict[str, Any]] = {}
    visit_entries: list[dict[str, Any]] = []
    category_words: dict[str, list[str]] = {}
    mode_words: dict[str, str] = {}
    if spec.title:
        lines.append(Line("title", text=spec.title))
    if spec.meta:
        lines.append(Line("meta", text=spec.meta))
    for i, visit in enumerate(visits):
        person = visit.person
        oddity = spec.oddities.get(i)
        words = [spec.category_words[c] for c in person.categories]
        for word, code in zip(words, person.categories, strict=True):
            category_words.setdefault(word, [code])
        day_cell = date_cell(visit.on, spec.date_forms[rng.randrange(len(spec.date_forms))])
        valid = True
        if oddity == "bad_date":
            day_cell = Cell(
                f"{visit.on.year}/2/30", "text", wrong=Wrong("2月30日 does not exist", "refuse_row")
            )
            valid = False
        elif oddity == "no_date":
            day_cell = Cell(None, wrong=Wrong("no date", "refuse_row"))
            valid = False
        word = rng.choice(spec.mode_words[visit.mode])
        mode_words[word] = visit.mode
        cells = {
            "seq": Cell(i + 1),
            "name": Cell(person.name),
            "id": Cell(person.resident_id, "text"),
            "sex": Cell(None if person.name in spec.sex_blank else sex_word(person)),
            "age_cn": Cell(f"{cn_number(2024 - person.birth_date.year)}岁"),
            "village": Cell(person.village),
            "categories": Cell(spec.joiner.join(words)),
            "phone": Cell(person.phone, "text"),
            "date": day_cell,
            "mode": Cell(word),
            "content": Cell(rng.choice(("了解近况", "询问生活需求", "送去慰问品", "核实家庭情况"))),
            "worker": Cell(rng.choice(("黄社工", "梁社工"))),
        }
        cells = {f: c for f, c in cells.items() if f in fields}
        line_ref: dict[str, Any] = {"row": 0}
        if person.resident_id not in people:
            people[person.resident_id] = line_ref
            line_ref.update(
                person_entry(
                    person,
                    person.resident_id if "id" in fields else None,
                    person.resident_id if "id" in fields else "",
                    person.categories,
                    spec.joiner.join(words),
                    None,
                    person.phone if "phone" in fields else None,
                    None,
                )
            )
        owner = people[person.resident_id]
        entry = {
            "row": 0,
            "person": owner["id"] or person.name,
            "person_name": person.name,
            "person_row": None,
            "date": visit.on.isoformat() if valid else None,
            "date_as_written": day_cell.text(),
            "mode": visit.mode,
            "mode_as_written": word,
            "valid": valid,
            "_owner": owner,
        }
        visit_entries.append(entry)
        lines.append(Line("data", cells=cells, ref=_Both(line_ref, entry)))
    if spec.total:
        lines.append(
            Line("total", cells=_summary_cells(spec.columns, "合计", f"{len(visits)}人次"))
        )
    lines.extend(Line("note", text=n) for n in spec.notes)
    if spec.signature:
        lines.append(Line("signature", text=spec.signature))
    return (
        SheetPlan(spec.sheet, spec.columns, tuple(lines)),
        list(people.values()),
        visit_entries,
        category_words,
        mode_words,
    )


class _Both(dict[str, Any]):
    """A line's ref that fills the row of both the visit and (on its first row) the person."""

    def __init__(self, person: dict[str, Any], visit: dict[str, Any]) -> None:
        super().__init__()
        self.person = person
        self.visit = visit

    def __setitem__(self, key: str, value: Any) -> None:
        if key == "row" and not self.person.get("row"):
            self.person["row"] = value
        self.visit[key] = value


def _sheet_info(plan: SheetPlan, written: Any) -> dict[str, Any]:
    columns: dict[str, str] = {}
    ticks = [letter for field, letter in plan.letters().items() if field.startswith("tick:")]
    for field, letter in plan.letters().items():
        if not field.startswith("tick:"):
            columns[field] = letter
    if ticks:
        columns["categories"] = f"{ticks[0]}:{ticks[-1]}"
    info = {
        "name": plan.name,
        "header_rows": written.header_rows,
        "first_data_row": written.first_data_row,
        "columns": columns,
    }
    if plan.merged_down:  # cells merged down a run of rows hold their value in the first
        info["merged_down"] = [plan.letter(f) for f in plan.merged_down]
    return info


def write_ledger(plan: LedgerPlan, out_dir: Path) -> tuple[Path, Path]:
    """Write the ledger file and ``<file>.key.json`` into ``out_dir``; return both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    plans = [s for s in plan.sheets if isinstance(s, SheetPlan)]
    laid = [(sheet, layout(sheet)) for sheet in plans]
    # two tables on one sheet (a visit log stacked under the register): the register is the
    # sheet's first table, the visit log its last
    people_plan = next((s, w) for s, w in laid if s.name == plan.people_sheet)
    visit_plan = (
        next((s, w) for s, w in reversed(laid) if s.name == plan.visit_sheet)
        if (plan.visit_sheet)
        else None
    )
    non_data: dict[str, list[dict[str, Any]]] = {}
    for sheet, w in laid:
        non_data.setdefault(sheet.name, []).extend(w.non_data)
    for rows in non_data.values():
        rows.sort(key=lambda r: r["row"])
    path = out_dir / plan.file
    if plan.format == "csv":
        (only,) = plans
        write_csv(path, only, encoding=plan.encoding, delimiter=plan.delimiter)
    elif plan.format == "ods":
        write_ods(path, plan.sheets)
    elif plan.format == "xls":
        write_xls(path, plan.sheets)
    else:
        write_xlsx(path, plan.sheets)
    for visit in plan.visits:
        owner = visit.pop("_owner", None)
        visit["person_row"] = owner["row"] if owner else None
        if owner and "sheet" in owner:  # a register kept over several sheets
            visit["person_sheet"] = owner["sheet"]
        if visit.pop("_on_owner_row", False):  # a visit written in its person's row
            visit["row"] = visit["person_row"]
        row_of = visit.pop("_row_of", None)
        if row_of is not None:  # written in a row that is not its person's key entry
            visit["row"] = row_of["row"]
    wrong = [entry for _, w in laid for entry in w.wrong]
    sheet_name = (lambda name: path.stem) if plan.format == "csv" else (lambda name: name)
    for w in wrong:
        w["sheet"] = sheet_name(w["sheet"])
    quirks = []
    for q in plan.quirks:
        entry = q.get("entry")
        quirks.append(
            {
                "kind": q["kind"],
                "sheet": sheet_name(q["sheet"]),
                "cells": q.get("cells") or ([f"row {entry['row']}"] if entry else []),
                "note": q.get("note", ""),
            }
        )
    key = {
        "file": plan.file,
        "format": plan.format,
        "region": plan.region,
        "station": plan.station,
        "period": {"from": plan.period[0].isoformat(), "to": plan.period[1].isoformat()},
        "style": plan.style,
        "sheets": [path.stem]
        if plan.format == "csv"
        else list(dict.fromkeys(s.name for s in plan.sheets)),
        "sheets_without_data": [s.name for s in plan.sheets if isinstance(s, OtherSheet)],
        "people_sheet": _sheet_info(*people_plan),
        "visit_sheet": _sheet_info(*visit_plan) if visit_plan else None,
        "people": plan.people,
        "visits": plan.visits,
        "wrong_cells": wrong,
        "quirks": quirks,
        "non_data_rows": {sheet_name(n): rows for n, rows in non_data.items()},
        "category_words": plan.category_words,
        "mode_words": plan.mode_words,
        "summary": {
            "people": len(plan.people),
            "people_with_valid_id": sum(1 for p in plan.people if p["id"]),
            "visit_rows": len({v["row"] for v in plan.visits}),
            "visits": len(plan.visits),
            "visits_linked": sum(1 for v in plan.visits if v["person_row"] is not None),
            "visit_rows_to_refuse": sum(1 for v in plan.visits if not v["valid"]),
            "wrong_cells": len(wrong),
            "quirks": len(quirks),
        },
    }
    if plan.categories_in_text:
        key["people_sheet"]["categories_in_text"] = True
    if plan.name_with_id:
        key["people_sheet"]["name_with_id"] = True
    if plan.format == "csv":
        key["encoding"] = plan.encoding
        key["delimiter"] = plan.delimiter
        key["people_sheet"]["name"] = path.stem
        if key["visit_sheet"]:
            key["visit_sheet"]["name"] = path.stem
    key_path = out_dir / f"{plan.file}.key.json"
    key_path.write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return path, key_path


@attrs.frozen(kw_only=True)
class VisitGroups:
    """Visits written in the register's width, as a sheet kept for a year grows: ``count``
    groups of a date column and a mode column, a person's n-th visit in the n-th group."""

    count: int
    date_header: str = "第{n}次走访日期"
    mode_header: str = "走访方式"
    date_forms: tuple[str, ...] = ("date",)
    mode_words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def columns(self) -> tuple[Column, ...]:
        return tuple(
            column
            for n in range(1, self.count + 1)
            for column in (
                Column(f"visit_date:{n}", (self.date_header.format(n=n),)),
                Column(f"visit_mode:{n}", (self.mode_header.format(n=n),)),
            )
        )


def register_with_visits(
    spec: RegisterSpec,
    groups: VisitGroups,
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
    """A register whose rows also hold the person's visits (``spec.columns`` end with
    ``groups.columns()``): the sheet, people entries, visit entries, quirks, category and mode
    words. A visit's key entry names the columns it stands in (``date_column``,
    ``mode_column``) and takes its person's row."""
    by_person: dict[str, list[Visit]] = {}
    for visit in sorted(visits, key=lambda v: v.on):
        by_person.setdefault(visit.person.resident_id, []).append(visit)
    if any(len(v) > groups.count for v in by_person.values()):
        raise ValueError("more visits for one person than the register has groups of columns")
    written: list[tuple[str, int, Visit, Cell, str]] = []
    mode_words: dict[str, str] = {}

    def visit_cells(person: Person) -> dict[str, Cell]:
        cells: dict[str, Cell] = {}
        for n, visit in enumerate(by_person.get(person.resident_id, ()), start=1):
            day = date_cell(visit.on, groups.date_forms[rng.randrange(len(groups.date_forms))])
            word = rng.choice(groups.mode_words[visit.mode])
            mode_words[word] = visit.mode
            cells[f"visit_date:{n}"] = day
            cells[f"visit_mode:{n}"] = Cell(word)
            written.append((person.resident_id, n, visit, day, word))
        return cells

    plan, entries, quirks, category_words = register_sheet(spec, people, rng, visit_cells)
    kept = [p for i, p in enumerate(people) if spec.oddities.get(i) != "no_name"]
    owners = {p.resident_id: e for p, e in zip(kept, entries, strict=True)}
    letters = plan.letters()
    visit_entries = []
    for resident_id, n, visit, day, word in written:
        owner = owners[resident_id]
        visit_entries.append(
            {
                "row": 0,
                "person": owner["id"] or owner["name"],
                "person_name": owner["name"],
                "person_row": None,
                "date": visit.on.isoformat(),
                "date_as_written": day.text(),
                "mode": visit.mode,
                "mode_as_written": word,
                "valid": True,
                "date_column": letters[f"visit_date:{n}"],
                "mode_column": letters[f"visit_mode:{n}"],
                "_owner": owner,
                "_on_owner_row": True,
            }
        )
    visit_entries.sort(key=lambda v: (v["date"], v["person_name"]))
    return plan, entries, visit_entries, quirks, category_words, mode_words
