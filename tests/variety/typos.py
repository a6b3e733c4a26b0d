"""A worker's typo in one cell of a variety ledger, and what reading the changed file must keep.

The rule is "keep the person, flag the cell": a typo in a cell that does not identify anyone (a
category, a level, a sex, a birth date, a phone, a village, a status, a guardian, an address; on the
visit log a mode, notes, a worker) never takes the person off the register, never unlinks their
visits, never drops a visit and never takes them off the due list; and the cell is flagged (a finding
at its sheet, row and column) unless the reader understood it as before.

:func:`targets` lists the cells of a style's key that may be changed, :data:`TYPOS` the kinds of
typo, :func:`with_value` writes a copy of the file with one cell changed (xlsx through openpyxl, so
an Excel error value and a formula with no cached value are written as Excel writes them; CSV in
the file's own encoding and delimiter), and :func:`broken_promises` compares two readings.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import column_index_from_string, get_column_letter

from .scorer import Reading

REGISTER_FIELDS = (
    "categories",
    "level",
    "sex",
    "birth_date",
    "phone",
    "village",
    "status",
    "guardian",
    "guardian_phone",
    "address",
)
"""Register columns that do not identify a person (the key's field names)."""

VISIT_FIELDS = ("mode", "content", "worker", "worker_name")
"""Visit log columns that do not identify a visit."""

FREE_TEXT = frozenset({"village", "guardian", "address", "content", "worker", "worker_name"})
"""Columns whose any text is a valid value: a typo there need not be flagged unless it is no text
at all (an Excel error value or a formula with no cached value)."""


@attrs.frozen
class Target:
    """One cell to change: the sheet and row of a person (or of a visit) and the column."""

    sheet: str
    row: int
    column: str
    field: str
    kind: str
    """``person`` or ``visit``."""


def _letters(span: str) -> list[str]:
    if ":" not in span:
        return [span]
    first, last = (column_index_from_string(c) for c in span.split(":"))
    return [get_column_letter(i) for i in range(first, last + 1)]


def targets(key: Mapping[str, Any]) -> list[Target]:
    """Every non-identifying cell of the key's people and valid visits."""
    out: list[Target] = []
    people_sheet = key["people_sheet"]
    for person in key["people"]:
        sheet = person.get("sheet") or people_sheet["name"]
        for field, span in people_sheet["columns"].items():
            if field in REGISTER_FIELDS:
                out.extend(Target(sheet, person["row"], c, field, "person") for c in _letters(span))
    visit_sheet = key.get("visit_sheet")
    for visit in key["visits"]:
        if not visit.get("valid", True):
            continue
        if visit.get("mode_column"):  # a visit written across its person's row
            sheet = visit.get("sheet") or visit_sheet["name"]
            out.append(Target(sheet, visit["row"], visit["mode_column"], "mode", "visit"))
            continue
        sheet = visit.get("sheet") or visit_sheet["name"]
        for field, span in visit_sheet["columns"].items():
            if field in VISIT_FIELDS:
                out.extend(Target(sheet, visit["row"], c, field, "visit") for c in _letters(span))
    return out


@attrs.frozen
class Typo:
    """A typo: its kind and the value written (a formula's text for a formula)."""

    kind: str
    value: Any

    @property
    def is_text(self) -> bool:
        """Whether the value is text a worker could mean (not an Excel error or formula)."""
        return self.kind not in ("excel_error", "formula")


OTHER_KINDS: Mapping[str, str] = {
    "phone": "13812345678",
    "id": "430321195106222498",
    "birth_date": "2024-03-05",
    "categories": "低保",
    "sex": "男",
    "mode": "入户走访",
    "village": "金坪村",
    "level": "一级",
    "name": "张三",
    "status": "已故",
}
"""A value of each kind of column, written in another column as a typo."""

GARBAGE = ("？？", "asdf", "不详", "…", "0", "同上", "见上", "xx", "待定", "@#￥%")

WRONG_DATES = ("2024.13.45", "1950-02-30", "19500230", "50.3.12", "1950年13月", "3/15/1950")

EXCEL_ERRORS = ("#N/A", "#VALUE!", "#REF!", "#NAME?", "#DIV/0!")

FORMULAS = ("=VLOOKUP(B3,选项!A:B,2,0)", '=IF(D5="","",D5)', "=A1&B1")

REMARKS = ("（待核实）", "?", " 已核实", "(2023年)", "，见备注")

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)} | {" ": "\u3000"}


def full_width(text: str) -> str:
    return "".join(FULL_WIDTH.get(ch, ch) for ch in text)


TYPO_KINDS: Mapping[str, Callable[[str, str, random.Random], Any]] = {
    "garbage": lambda old, field, rng: rng.choice(GARBAGE),
    "other_kind": lambda old, field, rng: rng.choice(
        [v for k, v in OTHER_KINDS.items() if k not in field]
    ),
    "number": lambda old, field, rng: rng.choice((0, 3.5, 12345678, -2, 2024)),
    "wrong_date": lambda old, field, rng: rng.choice(WRONG_DATES),
    "full_width": lambda old, field, rng: full_width(old) if old else "１２３",
    "extra_spaces": lambda old, field, rng: rng.choice(("  {} ", " {}", "{}\u3000", "\t{}")).format(
        old
    ),
    "remark": lambda old, field, rng: old + rng.choice(REMARKS),
    "excel_error": lambda old, field, rng: rng.choice(EXCEL_ERRORS),
    "formula": lambda old, field, rng: rng.choice(FORMULAS),
    "over_long": lambda old, field, rng: (old or "很长的说明") * rng.choice((300, 4000)),
    "line_break": lambda old, field, rng: (
        old[:1] + rng.choice(("\n", "\r\n")) + old[1:] if old else "无\n备注"
    ),
    "datetime": lambda old, field, rng: datetime(2024, 3, 5, 9, 30),
}
"""Each kind of typo as a function of the cell's old text and a random source."""


def cell_text(path: Path, key: Mapping[str, Any], target: Target) -> str | None:
    """The cell's text in the file, or None when it cannot be changed alone (a merged cell)."""
    if key["format"] == "csv":
        rows = _csv_rows(path, key)
        index = column_index_from_string(target.column) - 1
        line = rows[target.row - 1] if target.row <= len(rows) else []
        return line[index] if index < len(line) else ""
    return _workbook_texts(path).get((target.sheet, f"{target.column}{target.row}"), "")


@cache
def _workbook_texts(path: Path) -> Mapping[tuple[str, str], str | None]:
    """(sheet, cell) → the text of every cell of a workbook (None inside a merged range: the
    first cell of a merged run speaks for the others too). Read once per file."""
    texts: dict[tuple[str, str], str | None] = {}
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        merged = {
            cell
            for cells in sheet.merged_cells.ranges
            if cells.size["rows"] * cells.size["columns"] > 1
            for row in cells.rows
            for cell in (f"{get_column_letter(c)}{r}" for r, c in row)
        }
        for row in sheet.iter_rows():
            for cell in row:
                coordinate = cell.coordinate
                if isinstance(cell, MergedCell) or coordinate in merged:
                    texts[(sheet.title, coordinate)] = None
                    continue
                value = cell.value
                if isinstance(value, datetime):
                    value = f"{value.year}/{value.month}/{value.day}"
                texts[(sheet.title, coordinate)] = "" if value is None else str(value)
    return texts


def _csv_rows(path: Path, key: Mapping[str, Any]) -> list[list[str]]:
    return [list(line) for line in _csv_table(path, key["encoding"], key["delimiter"])]


@cache
def _csv_table(path: Path, encoding: str, delimiter: str) -> tuple[tuple[str, ...], ...]:
    text = path.read_bytes().decode(encoding)
    return tuple(map(tuple, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))


def with_value(path: Path, key: Mapping[str, Any], target: Target, typo: Typo, out: Path) -> Path:
    """A copy of ``path`` in ``out`` with the target cell holding the typo's value."""
    out.mkdir(parents=True, exist_ok=True)
    changed = out / path.name
    if key["format"] == "csv":
        rows = _csv_rows(path, key)
        index = column_index_from_string(target.column) - 1
        line = rows[target.row - 1]
        line.extend([""] * (index + 1 - len(line)))
        value = typo.value
        line[index] = value if isinstance(value, str) else _shown(value)
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=key["delimiter"], lineterminator="\r\n").writerows(rows)
        encoded = buffer.getvalue().encode(key["encoding"], errors="replace")
        changed.write_bytes(encoded)
        return changed
    workbook = load_workbook(path)
    cell = workbook[target.sheet][f"{target.column}{target.row}"]
    cell.value = typo.value  # openpyxl writes #N/A as an error and =… as a formula with no value
    if isinstance(typo.value, datetime):
        cell.number_format = "yyyy-mm-dd h:mm"
    workbook.save(changed)
    return changed


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value.year}/{value.month}/{value.day} {value.hour}:{value.minute:02d}"
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return str(value)


@attrs.frozen
class Place:
    """Where a reading says a person was read from."""

    sheet: str
    row: int


def _records(reading: Reading) -> tuple[dict[str, Any], dict[str, Any]]:
    """The reading's people by key, and its visits."""
    assert reading.document is not None
    records = reading.document["records"]
    return {r["key"]: r for r in records.get("recipients", [])}, records.get("contacts", [])


def person_at(reading: Reading, sheet: str, row: int, csv_file: bool) -> dict[str, Any] | None:
    people, _ = _records(reading)
    for key, (where_sheet, where_row) in reading.recipient_rows.items():
        if where_row == row and (csv_file or where_sheet == sheet) and key in people:
            return people[key]
    return None


def visits_of(reading: Reading, key: str) -> Counter[str]:
    """The dates of the person's visits, with their counts."""
    _, contacts = _records(reading)
    return Counter(c["on"] for c in contacts if key in (c.get("recipient_keys") or ()))


def all_visits(reading: Reading, names: Mapping[str, str]) -> Counter[tuple[str, tuple[str, ...]]]:
    """Every visit as (date, the identities of its people)."""
    _, contacts = _records(reading)
    return Counter(
        (c["on"], tuple(sorted(names.get(k, k) for k in c.get("recipient_keys") or ())))
        for c in contacts
    )


def identity(person: Mapping[str, Any]) -> tuple[str, str]:
    return (person.get("name") or "", person.get("resident_id") or "")


def at_cell(
    findings: Sequence[Mapping[str, Any]], target: Target, csv_file: bool
) -> list[Mapping[str, Any]]:
    """The findings at the target's sheet, row and column (a CSV's one sheet by any name)."""
    return [
        i
        for i in findings
        if i.get("row") == target.row
        and i.get("column") == target.column
        and (csv_file or i.get("sheet") == target.sheet)
    ]


def broken_promises(
    before: Reading,
    after: Reading,
    target: Target,
    typo: Typo,
    *,
    person_row: tuple[str, int],
    csv_file: bool,
    findings: Sequence[Mapping[str, Any]] | None = None,
) -> list[str]:
    """What the changed reading lost that the plain one had, one sentence each.

    ``person_row`` is where the person the changed cell belongs to was written (for a visit, its
    person's row on the register); ``findings`` what says the cell is wrong (by default the
    reading's issues; ``socialwork validate`` adds the checks of the records)."""
    if after.document is None:
        return [f"the file is no longer read: {after.error}"]
    problems: list[str] = []
    was = person_at(before, *person_row, csv_file)
    now = person_at(after, *person_row, csv_file)
    assert was is not None, f"the plain reading has nobody at {person_row}"
    if now is None or identity(now) != identity(was):
        found = identity(now) if now else "nobody"
        problems.append(f"the person {identity(was)} is no longer on the register ({found})")
    elif visits_of(after, now["key"]) != visits_of(before, was["key"]):
        problems.append(
            f"the person's visits changed: {dict(visits_of(before, was['key']))} → "
            f"{dict(visits_of(after, now['key']))}"
        )
    names_before = {k: "/".join(identity(p)) for k, p in _records(before)[0].items()}
    names_after = {k: "/".join(identity(p)) for k, p in _records(after)[0].items()}
    if all_visits(after, names_after) != all_visits(before, names_before):
        lost = all_visits(before, names_before) - all_visits(after, names_after)
        problems.append(f"visits lost or changed: {dict(lost)}")
    if not at_cell(after.document["issues"] if findings is None else findings, target, csv_file):
        # a CSV holds a formula as its text: text like any other there
        text = typo.is_text or (csv_file and typo.kind == "formula")
        needs_flag = not text or target.field not in FREE_TEXT
        if needs_flag and (not text or now is None or _changed(was, now, target)):
            problems.append("the changed cell is not flagged")
    return problems


def _changed(was: Mapping[str, Any], now: Mapping[str, Any], target: Target) -> bool:
    """Whether the person's record reads differently (the typo was not read as the old value)."""
    if target.kind == "visit":
        return False  # a visit's own fields are compared through its findings only
    ignore = {"key", "extras"}
    return {k: v for k, v in was.items() if k not in ignore} != {
        k: v for k, v in now.items() if k not in ignore
    }


def owner_row(key: Mapping[str, Any], target: Target) -> tuple[str, int]:
    """The register place of the person a target cell belongs to."""
    if target.kind == "person":
        return (target.sheet, target.row)
    for visit in key["visits"]:
        if visit["row"] == target.row and (visit.get("sheet") or key["visit_sheet"]["name"]) == (
            target.sheet
        ):
            return (visit.get("person_sheet") or key["people_sheet"]["name"], visit["person_row"])
    raise KeyError(target)


def choose(seq: Sequence[Any], rng: random.Random) -> Any:
    return seq[rng.randrange(len(seq))]


def command(*argv: str | Path) -> tuple[int, Any]:
    """``socialwork ARGV --format json`` in this process: its exit status and its JSON."""
    from socialwork_core.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main([*map(str, argv), "--format", "json", "--jobs", "1"], stdout=out, stderr=err)
    try:
        return status, json.loads(out.getvalue())
    except json.JSONDecodeError:
        return status, {"error": (out.getvalue() + err.getvalue())[-300:]}


def as_of(key: Mapping[str, Any]) -> str:
    """The day after the ledger's period: the due list and the checks as of then."""
    return key["period"]["to"]


def validated(path: Path, key: Mapping[str, Any]) -> tuple[int, list[Mapping[str, Any]]]:
    """``socialwork validate``: its exit status and its issues."""
    status, document = command(
        "validate",
        path,
        "--as-of",
        as_of(key),
        "--issues-out",
        path.with_name(path.stem + "_issues.xlsx"),
    )
    return status, document.get("issues", [])


def due_keys(path: Path, key: Mapping[str, Any]) -> tuple[int, set[str]]:
    """``socialwork due --all``: its exit status and the people it lists, by key."""
    status, document = command("due", path, "--as-of", as_of(key), "--all", "--full-names")
    return status, {e["recipient_key"] for e in document.get("entries", [])}
