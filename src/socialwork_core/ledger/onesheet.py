"""Visits written on the register's own rows: one-sheet logs.

Two shapes are common where a station keeps one sheet only:

* **a row per visit** (走访登记): every row repeats the person's name, ID number and categories,
  then the visit's date and mode. The register is the distinct people of the sheet (a person's
  later rows are the same person again, not duplicates; rows that disagree are reported) and
  every row is a visit;
* **a row per person with the visits across** (“4月走访 | 5月走访 …”, each over 走访时间 |
  走访方式; or under no heading, 第1次走访日期 | 走访方式 | 第2次走访日期 | …): every group of
  columns whose lowest headers read as a visit's date (and mode) is one visit when its date cell
  is filled;
* **visits written as text** in one cell (走访情况: 3月5日入户；3月20日电话回访), or a cell per
  month (2024年走访情况 over 1月 | 2月 …, holding 5日入户): every part of the cell that opens with
  a day is a visit, its mode the words after the day; a part with no day is no visit, kept as
  written and flagged (``onesheet.visit_part_unread``).

Which columns are a visit's is decided by meaning, with the contact sheet's own headers
(``tabular.headers``), among the columns the register did not take; the cells are read by the
contact sheet's own coercers, so a date or mode reads exactly as on a visit log. A date column
taken only for a header that says nothing of a visit (the bare 日期 a visit log heads its dates
with, which 认定日期, 入院日期 and 纳入关爱日期 also match) is a visit's date only beside a mode
column, or when its header or heading names a visit (回访日期, “4月走访”): a register's other
dates are no visits, and a visit log on a sheet of its own is then read as one.

A register whose rows hold visits may have a visit log on a sheet of its own as well: both are
read (``join_register_visits``), a visit written in both places (the same person, day and mode;
or the same person and day when the register writes no mode) counts once, as the log's, and
findings name each source. ``socialwork map`` marks the register's visit columns
so (``mapping.VISIT_ON_ROW``). A mapping naming a register sheet whose rows hold visits for the
visits (``kind = "contacts"``) has them read on its rows, never as a visit log: the load and the
map take that one decision (``mapping.visits_on_rows``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from ..tabular import Coerced, Coercer, Issue, Table, column_letter, raw_text
from ..tabular.headers import ACCEPT, normalise_header, text_score
from ..tabular.reader import flagged
from ..tabular.rows import is_blank
from .building import RecordBuilder
from .columns import coercer_for
from .format import RecordKind, SheetFormat
from .window import OutsideWindow


@attrs.frozen
class VisitColumns:
    """One visit's columns on a register row: its date column and, where there is one, its mode."""

    group: str
    """The group heading over them (“4月走访”), or ``""`` for a row-per-visit sheet."""
    date: int
    mode: int | None = None
    written: bool = False
    """The column holds visits written as text, each a day and a mode (走访情况: 3月5日入户；
    3月20日电话回访; a month's column: 5日入户): ``RegisterVisits`` reads every part a visit."""
    month: int | None = None
    """The month a month's column stands for (1月 under 走访情况): its cells write the day only."""


def _best_field(header: str, accepted: dict[str, tuple[str, ...]]) -> tuple[str, float, str]:
    """The field ``header`` reads as best, its score, and the accepted header it matched."""
    h = normalise_header(header)
    best = ("", 0.0, "")
    for field, headers in accepted.items():
        for a in headers:
            score = text_score(h, normalise_header(a))[0]
            if score > best[1]:
                best = (field, score, a)
    return best


def visit_columns(table: Table, contacts: SheetFormat) -> tuple[VisitColumns, ...]:
    """The visits a register sheet holds in columns it did not take, grouped by heading, or, for
    columns under no heading, by repetition (``_repeated_groups``)."""
    accepted = {c.field: c.headers for c in contacts.columns if c.field in ("on", "mode")}
    if "on" not in accepted:
        return ()
    # a header naming visits is their text unless it reads as another field of a visit log's
    # (走访人 its worker); 走访情况 reads as its notes, and on a register's row holds the visits
    every = {c.field: c.headers for c in contacts.columns if c.field not in ("on", "notes")}
    groups: dict[str, dict[str, int]] = {}
    flat: list[tuple[int, str, str]] = []
    vague: set[int] = set()  # date columns whose header and heading name no visit
    written: list[VisitColumns] = []
    for column, display in table.layout.extras:
        parent, _, leaf = display.rpartition("/")
        leaf = leaf.split("#", 1)[0]
        field, score, matched = _best_field(leaf, accepted)
        if score < ACCEPT:
            text = _written_visits(column, parent, leaf, every)
            if text is not None:
                written.append(text)
            continue
        if field == "on" and not any(words.VISIT_MARK in t for t in (matched, leaf, parent)):
            vague.add(column)
        found = groups.setdefault(parent, {})
        found.setdefault(field, column)
        if not parent:
            flat.append((column, field, leaf))
    out: list[VisitColumns] = []
    for group, fields in groups.items():
        repeated = _repeated_groups(flat) if not group else ()
        if repeated:
            out.extend(v for v in repeated if v.date not in vague or v.mode is not None)
        elif "on" in fields and (fields["on"] not in vague or "mode" in fields):
            out.append(VisitColumns(group, fields["on"], fields.get("mode")))
    # visits written as text are a register's only visits: beside a visit's date column (a row
    # per visit, 走访日期 | 走访内容) a text column is the visit's account
    return tuple(out) if out else tuple(written)


def _written_visits(
    column: int, parent: str, leaf: str, every: dict[str, tuple[str, ...]]
) -> VisitColumns | None:
    """A column whose cells write visits as text: a month (1月) under a heading naming visits
    (2024年走访情况), or a header naming visits (走访情况, 走访记录) that reads as no field of a
    visit log (走访人, 走访内容 are the log's worker and notes)."""
    month = words.MONTH_HEADER.fullmatch(normalise_header(leaf))
    if month is not None and words.VISIT_MARK in parent:
        return VisitColumns(leaf, column, written=True, month=int(month[1]))
    account = any(word in leaf for word in words.VISIT_ACCOUNT_WORDS)
    if words.VISIT_MARK in leaf and account and _best_field(leaf, every)[1] < ACCEPT:
        return VisitColumns(leaf, column, written=True)
    return None


_COUNTED: Final = re.compile(f"[0-9{words.CHINESE_DIGITS}]+")


def _repeated_groups(flat: Sequence[tuple[int, str, str]]) -> tuple[VisitColumns, ...]:
    """Visits across a row under no heading (第1次走访日期 | 走访方式 | 第2次走访日期 | 走访方式 …):
    two or more date columns whose headers are the same once their numbers are set aside are one
    visit each, with the mode column that follows (or precedes) each date in the run. Anything
    else (one date column, or two that differ: 走访日期 beside 服务时间) is no repetition."""
    dates = [leaf for _, field, leaf in flat if field == "on"]
    if len(dates) < 2 or len({_COUNTED.sub("", leaf) for leaf in dates}) != 1:
        return ()
    runs: list[dict[str, tuple[int, str]]] = []
    for column, field, leaf in flat:
        if not runs or field in runs[-1]:
            runs.append({})
        runs[-1][field] = (column, leaf)
    return tuple(
        VisitColumns(run["on"][1], run["on"][0], run["mode"][0] if "mode" in run else None)
        for run in runs
        if "on" in run
    )


class RegisterVisits:
    """Builds the visits of a register sheet's rows as the rows are read."""

    def __init__(
        self,
        columns: Sequence[VisitColumns],
        contacts: SheetFormat,
        table: Table,
        builder: RecordBuilder,
        outside: OutsideWindow | None = None,
    ) -> None:
        self.columns = tuple(columns)
        self.outside = outside
        """The window's judge of the visits' date cells (``ledger.window``), if a window is set:
        a visit dated outside it is passed over, the person kept."""
        self.table = table
        self.builder = builder
        by_field = {c.field: c for c in contacts.columns}
        self._date: Coercer = coercer_for(by_field["on"], RecordKind.CONTACTS)
        self._mode: Coercer | None = coercer_for(by_field["mode"]) if "mode" in by_field else None
        self.records: list[Any] = []
        self.places: list[tuple[int, int, Any]] = []
        """Where each of ``records`` was read: (Excel row, date column, date cell)."""
        self.issues: list[Issue] = []
        headers = dict(table.layout.headers)
        self._headers = headers
        self.row_per_visit = len(self.columns) == 1 and not self.columns[0].group

    def claimed(self) -> set[int]:
        """The columns read as visits (no longer the person's extras)."""
        found = set()
        for v in self.columns:
            found.add(v.date)
            if v.mode is not None:
                found.add(v.mode)
        return found

    def take(self, index: int, cells: Sequence[Any], key: str) -> None:
        """The visits written on the row ``index`` of the person ``key``."""
        number = index + 1
        sheet = self.table.sheet
        for position, visit in enumerate(self.columns, start=1):
            raw = cells[visit.date] if visit.date < len(cells) else None
            if visit.written:
                if not is_blank(raw):
                    self._written(visit, raw, number, key, position)
                continue
            if is_blank(raw):
                if self.row_per_visit:
                    missing = Finding.of("onesheet.visit_without_date", Severity.INFO)
                    self.issues.append(self.issue(missing, number, visit.date, raw))
                continue
            if self.outside is not None and self.outside.outside(raw):
                continue
            values: dict[str, Any] = {"recipient_keys": (key,)}
            on = self._read(self._date, raw, number, visit.date, required=True)
            if on is None:
                continue
            values["on"] = on
            if visit.mode is not None and self._mode is not None:
                mode_raw = cells[visit.mode] if visit.mode < len(cells) else None
                if not is_blank(mode_raw):
                    values["mode"] = self._read(self._mode, mode_raw, number, visit.mode)
            suffix = f"·{visit.group}" if visit.group else ""
            values["id"] = (
                f"{sheet}!{number}{suffix}" if len(self.columns) > 1 else f"{sheet}!{number}"
            )
            record, placed = self.builder.build(RecordKind.CONTACTS, values, {}, position)
            for item in placed:
                self.issues.append(Issue(item.finding, sheet, number))
            if record is not None:
                self.records.append(record)
                self.places.append((number, visit.date, raw))

    def _written(self, visit: VisitColumns, raw: Any, number: int, key: str, position: int) -> None:
        """The visits of a cell that writes them as text (3月5日入户；3月20日电话回访, or 5日入户
        in a month's column): each part that opens with a day is a visit, its mode what follows;
        a part with no day (4月住院未走访) is no visit, kept as written and flagged."""
        text = raw_text(raw)
        for part_number, part in enumerate(words.VISIT_TEXT_PARTS.split(text), start=1):
            part = part.strip()
            found = words.VISIT_TEXT_DAY.match(normalise_header(part)) if part else None
            month = (found["month"] if found else None) or visit.month
            if not part:
                continue
            if found is None or month is None or (found["month"] is None and not found["mark"]):
                unread = Finding.of("onesheet.visit_part_unread", Severity.WARNING, part=part)
                self.issues.append(self.issue(unread, number, visit.date, raw))
                continue
            year = f"{found['year']}{words.DATE_YEAR}" if found["year"] else ""
            day = f"{year}{int(month)}{words.DATE_MONTH}{int(found['day'])}{words.DATE_DAY}"
            on = self._read(self._date, day, number, visit.date, required=True)
            if on is None:
                continue
            values: dict[str, Any] = {"recipient_keys": (key,), "on": on}
            rest = normalise_header(part)[found.end() :].strip(words.LIST_SEPARATORS + ":")
            if rest and self._mode is not None:
                values["mode"] = self._read(self._mode, rest, number, visit.date)
            values["id"] = f"{self.table.sheet}!{number}·{visit.group}·{part_number}"
            record, placed = self.builder.build(RecordKind.CONTACTS, values, {}, position)
            for item in placed:
                self.issues.append(Issue(item.finding, self.table.sheet, number))
            if record is not None:
                self.records.append(record)
                self.places.append((number, visit.date, raw))

    def _read(
        self, coerce: Coercer, raw: Any, number: int, column: int, *, required: bool = False
    ) -> Any:
        try:
            value = coerce(raw)
        except FindingError as error:
            for finding in error.findings:
                found = finding if required else flagged(finding)
                self.issues.append(self.issue(found, number, column, raw))
            return None
        if isinstance(value, Coerced):
            for finding in value.findings:
                self.issues.append(self.issue(finding, number, column, raw))
            value = value.value
        return value

    def issue(self, finding: Finding, number: int, column: int, raw: Any) -> Issue:
        """``finding`` on the cell of ``column`` in the row ``number``."""
        text = "" if raw is None else raw_text(raw)
        header = self._headers.get(column, "")
        return Issue(finding, self.table.sheet, number, column_letter(column), header, text)


def join_register_visits(
    held: Sequence[RegisterVisits], records: list[Any], logged: int, log: Sequence[str]
) -> list[Issue]:
    """Put the visits read on the register's rows (``held``) before those of the visit log
    (``records[logged:]``, read from the sheets ``log``), and say where each came from: a
    register visit the log holds too (the same person, day and mode) is counted once, as the
    log's, and its date cell is named in an info. A register visit that writes no mode is the
    log's visit of that person and day, whatever its mode (a register's 最近走访 column often has
    the day only): the log's, with its mode, counts."""
    logged_visits: set[tuple[str, Any, Any]] = set()
    logged_days: dict[tuple[str, Any], Any] = {}
    for record in records[logged:]:
        for key in record.recipient_keys:
            logged_visits.add((key, record.on, record.mode))
            logged_days.setdefault((key, record.on), record.mode)
    log_names = words.LIST_JOINER.join(log)
    kept: list[Any] = []
    issues: list[Issue] = []
    for visits in held:
        issues.extend(visits.issues)
        repeated = 0
        for record, (number, column, raw) in zip(visits.records, visits.places, strict=True):
            twice = _also_logged(record, logged_visits, logged_days, log_names)
            if twice is not None:
                repeated += 1
                issues.append(visits.issue(twice, number, column, raw))
                continue
            kept.append(record)
        sheet = visits.table.sheet
        count = len(visits.records)
        if log:
            both = Finding.of(
                "onesheet.visits_on_register_and_log",
                Severity.INFO,
                sheet=sheet,
                count=count,
                log=log_names,
                logged=len(records) - logged,
                repeated=repeated,
            )
            issues.append(Issue(both, sheet))
        else:
            alone = Finding.of(
                "onesheet.visits_on_register", Severity.INFO, sheet=sheet, count=count
            )
            issues.append(Issue(alone, sheet))
    records[logged:logged] = kept
    return issues


def _also_logged(
    record: Any,
    logged_visits: set[tuple[str, Any, Any]],
    logged_days: dict[tuple[str, Any], Any],
    log_names: str,
) -> Finding | None:
    """The info naming a register visit the log holds too, or ``None`` when the log has it not."""
    key = record.recipient_keys[0]
    if (key, record.on, record.mode) in logged_visits:
        return Finding.of("onesheet.visit_also_logged", Severity.INFO, log=log_names)
    if record.mode is not None or (key, record.on) not in logged_days:
        return None
    mode = logged_days[(key, record.on)]
    return Finding.of(
        "onesheet.visit_also_logged_without_mode",
        Severity.INFO,
        log=log_names,
        mode=getattr(mode, "label", str(mode)),
    )
