"""The issues workbook (问题清单): every row of a ledger with a problem, to fix and reload.

One tab per ledger sheet with problems, named as the sheet and with its own header row, so the
columns keep their letters (an issue at C5 is in column C of the tab too) and a tab, once fixed,
reads back with the same ledger format. Each problem row shows its original cells; the cell a
problem concerns is highlighted (red for an error, yellow for a warning, blue for a remark) and
carries the message as a comment. After the ledger's columns: the original row number, whether
the row was read (a refused row was not), every problem of the row in words, and their codes.

A last tab, 全部问题, lists every issue, errors first: sheet, row, column, header, raw value,
severity, message and code.

The original cells come from the ledger file itself when its path is given (rows kept with a
warning are shown whole); otherwise from the refused rows as read and, for kept rows, only the
cells the issues name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import attrs

from ..glossary import vocabulary as words
from ..glossary.messages.ledger import ISSUES_WORKBOOK_HEADERS as HEADERS
from ..glossary.terms import Severity
from ..tabular import (
    CellKind,
    Column,
    Flagged,
    Highlight,
    Issue,
    SheetSpec,
    TitleBlock,
    WorkbookError,
    open_workbook,
    raw_text,
    write_workbook,
)
from ..tabular.sources import DEFAULT_LIMITS
from .loading import LoadResult, RejectedRow

__all__ = ["write_issues_workbook"]

_HIGHLIGHTS = {
    Severity.ERROR: Highlight.ERROR,
    Severity.WARNING: Highlight.WARNING,
    Severity.INFO: Highlight.INFO,
}


@attrs.frozen
class _Source:
    """A sheet of the ledger as written: its header row and the cells of the rows asked for."""

    headers: tuple[str, ...]
    header_row: int
    """Its Excel row number: rows above and at it are not data (their issues stay in 全部问题)."""
    rows: dict[int, tuple[str, ...]]


def write_issues_workbook(
    path: str | Path,
    result: LoadResult,
    *,
    ledger: str | Path | None = None,
    on: date | None = None,
    issues: Iterable[Issue] = (),
) -> Path:
    """Write the issues workbook for ``result`` to ``path``; return the path.

    ``ledger``: the ledger file the result was read from (its name goes in the title, its cells
    fill the rows). ``on``: the date the ledger was checked, in the title. ``issues``: further
    issues about its rows (the record checks of ``check_recipients``). ``ValueError`` when
    ``path`` is the ledger itself: the ledger is never replaced by its own issues.
    """
    if ledger is not None and Path(path).resolve() == Path(ledger).resolve():
        raise ValueError(f"the issues workbook {path} would replace the ledger it describes")
    every = (*result.issues, *issues)
    title = HEADERS["title"]
    if ledger is not None:
        title += HEADERS["title_ledger"].format(ledger=Path(ledger).name)
    if on is not None:
        title += HEADERS["checked_on"].format(day=words.written_date(on.year, on.month, on.day))
    refused = {(r.sheet, r.row): r for r in result.rejected}
    by_sheet: dict[str, dict[int, list[Issue]]] = {}
    for issue in every:
        if issue.sheet and issue.row is not None:
            by_sheet.setdefault(issue.sheet, {}).setdefault(issue.row, []).append(issue)
    for sheet, sheet_rows in by_sheet.items():
        # a row whose only issues are remarks (an extra column kept …) needs no fixing
        for number, found in list(sheet_rows.items()):
            if all(i.severity is Severity.INFO for i in found) and (sheet, number) not in refused:
                del sheet_rows[number]
    for rejected in result.rejected:
        by_sheet.setdefault(rejected.sheet, {}).setdefault(rejected.row, [])
    by_sheet = {sheet: rows for sheet, rows in by_sheet.items() if rows}
    sources = _read_sources(ledger, by_sheet) if ledger is not None else {}
    for sheet, read in sources.items():
        for number in [n for n in by_sheet[sheet] if n <= read.header_row]:
            del by_sheet[sheet][number]  # the header row's own issues (a duplicate column …)

    sheets: list[SheetSpec] = []
    for sheet, problem_rows in by_sheet.items():
        source = sources.get(sheet)
        if source is not None:
            headers = list(source.headers)
        else:
            headers = list(
                dict.fromkeys(
                    [h for (s, _), r in refused.items() if s == sheet for h in r.raw]
                    + [i.header for rows in problem_rows.values() for i in rows if i.header]
                )
            )
        sheets.append(_sheet_spec(sheet, title, headers, problem_rows, source, refused))
    sheets.append(
        SheetSpec(
            HEADERS["all_issues"],
            [
                Column(HEADERS[name], CellKind.INTEGER if name == "row" else CellKind.TEXT)
                for name in ("sheet", "row", "column", "header", "raw", "severity", "message")
            ]
            + [Column(HEADERS["code"])],
            [
                [i.sheet, i.row, i.column, i.header, i.raw, i.severity.label, i.message, i.code]
                for i in _sorted(every, list(by_sheet))
            ],
            title=TitleBlock(title),
        )
    )
    return write_workbook(path, sheets)


def _sheet_spec(
    sheet: str,
    title: str,
    headers: Sequence[str],
    problem_rows: dict[int, list[Issue]],
    source: _Source | None,
    refused: dict[tuple[str, int], RejectedRow],
) -> SheetSpec:
    """One tab: the sheet's headers, then per problem row its cells (flagged where a problem
    lies), the row number, read or not, the problems and their codes. Built eagerly, per sheet:
    nothing here is bound late."""
    position = {h: i for i, h in enumerate(headers)}
    rows: list[list[object]] = []
    for number in sorted(problem_rows):
        found = problem_rows[number]
        rejected = refused.get((sheet, number))
        cells: list[object] = [""] * len(headers)
        if source is not None and number in source.rows:
            original = source.rows[number]
            cells[: len(original)] = original[: len(headers)]
        if rejected is not None:  # as the reader took them (an ID stored as a number …)
            for header, text in rejected.raw.items():
                if header in position:
                    cells[position[header]] = text
        notes: dict[int, list[Issue]] = {}
        for issue in found:
            index = _index_of(issue, position, source is not None)
            if index is None or index >= len(cells):
                continue
            if source is None and not cells[index]:
                cells[index] = issue.raw
            notes.setdefault(index, []).append(issue)
        for index, concerned in notes.items():
            worst = max(concerned, key=lambda i: i.severity.weight)
            cells[index] = Flagged(
                cells[index],
                "\n".join(i.message for i in concerned),
                _HIGHLIGHTS[worst.severity],
            )
        ordered = sorted(found, key=lambda i: -i.severity.weight)
        rows.append(
            [
                *cells,
                number,
                HEADERS["refused"] if rejected is not None else HEADERS["kept"],
                "\n".join(_described(i) for i in ordered),
                words.LIST_JOINER.join(dict.fromkeys(i.code for i in ordered)),
            ]
        )
    columns = [Column(h) for h in headers] + [
        Column(HEADERS["row"], CellKind.INTEGER),
        Column(HEADERS["status"]),
        Column(HEADERS["problems"], width=48),
        Column(HEADERS["codes"]),
    ]
    return SheetSpec(sheet, columns, rows, title=TitleBlock(title))


def _index_of(issue: Issue, position: dict[str, int], by_letter: bool) -> int | None:
    if by_letter and issue.column:
        return _letter_index(issue.column)
    if issue.header is not None:
        return position.get(issue.header)
    return None


def _letter_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def _read_sources(
    ledger: str | Path, by_sheet: dict[str, dict[int, list[Issue]]]
) -> dict[str, _Source]:
    """The header row and the problem rows of each sheet, as written in the ledger file. A sheet
    that cannot be read again is left out (its tab falls back to the cells as read)."""
    found: dict[str, _Source] = {}
    try:
        with open_workbook(ledger) as book:
            for name, problem_rows in by_sheet.items():
                if name not in book.sheet_names:
                    continue
                known = {i.header for rows in problem_rows.values() for i in rows if i.header}
                wanted = {number - 1 for number in problem_rows}
                last = max(wanted, default=0)
                candidates: list[tuple[int, tuple[str, ...]]] = []
                cells: dict[int, tuple[str, ...]] = {}
                for index, values in book.sheet(name).rows:
                    if index < DEFAULT_LIMITS.header_search_rows:
                        candidates.append((index, tuple(raw_text(v).strip() for v in values)))
                    if index in wanted:
                        cells[index + 1] = tuple(raw_text(v) for v in values)
                    if index >= last and index >= DEFAULT_LIMITS.header_search_rows:
                        break
                header = _header_row(candidates, known)
                if header is not None:
                    found[name] = _Source(_trimmed(header[1]), header[0] + 1, cells)
    except WorkbookError:
        return {}
    return found


def _header_row(
    candidates: Sequence[tuple[int, tuple[str, ...]]], known: set[str]
) -> tuple[int, tuple[str, ...]] | None:
    """``(index, cells)`` of the top row naming the most of the headers the issues name (or, when
    they name none, the fullest row); ``None`` when no row names any."""
    best: tuple[int, int, tuple[str, ...]] | None = None
    for index, texts in candidates:
        score = len(known & set(texts)) if known else sum(1 for t in texts if t)
        if score and (best is None or score > best[0]):
            best = (score, index, texts)
    return None if best is None else (best[1], best[2])


def _trimmed(texts: tuple[str, ...]) -> tuple[str, ...]:
    end = len(texts)
    while end and not texts[end - 1]:
        end -= 1
    return texts[:end]


def _described(issue: Issue) -> str:
    if issue.column:
        where = HEADERS["column_place"].format(column=issue.column, header=issue.header or "")
        return HEADERS["placed"].format(place=where, message=issue.message)
    return issue.message


def _sorted(issues: Iterable[Issue], sheet_order: Sequence[str]) -> list[Issue]:
    """Errors first, then warnings, then remarks; within each, by sheet (ledger order), row and
    column."""
    order = {name: i for i, name in enumerate(sheet_order)}
    return sorted(
        issues,
        key=lambda i: (
            -i.severity.weight,
            order.get(i.sheet, len(order)),
            i.sheet,
            i.row or 0,
            len(i.column or ""),
            i.column or "",
        ),
    )
