"""The issues workbook (问题清单): the rows a ledger load refused and every problem, to fix and reload."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..glossary import vocabulary as words
from ..glossary.messages.ledger import ISSUES_WORKBOOK_HEADERS as HEADERS
from ..tabular import CellKind, Column, Issue, SheetSpec, write_workbook
from .format import RecordKind
from .loading import LoadResult, RejectedRow


def write_issues_workbook(path: str | Path, result: LoadResult) -> Path:
    """An .xlsx the station worker fixes the ledger from.

    One sheet per record kind with refused rows: the original row number, the original cells in
    the original column order, then the problems in words and their codes. A last sheet lists
    every issue (errors, warnings, remarks) with sheet, row, column, header, raw value and code.
    """
    sheets: list[SheetSpec] = []
    by_kind: dict[RecordKind, list[RejectedRow]] = {}
    for rejected in result.rejected:
        by_kind.setdefault(rejected.kind, []).append(rejected)
    for kind, rows in by_kind.items():
        headers = list(dict.fromkeys(h for r in rows for h in r.raw))
        columns = (
            [Column(HEADERS["row"], CellKind.INTEGER)]
            + [Column(h) for h in headers]
            + [Column(HEADERS["problems"], width=60), Column(HEADERS["codes"])]
        )
        sheets.append(
            SheetSpec(
                kind.label,
                columns,
                (
                    [
                        r.row,
                        *(r.raw.get(h, "") for h in headers),
                        "\n".join(_described(i) for i in r.issues if i.is_error),
                        words.LIST_JOINER.join(i.code for i in r.issues if i.is_error),
                    ]
                    for r in rows
                ),
            )
        )
    sheets.append(
        SheetSpec(
            HEADERS["all_issues"],
            [
                Column(HEADERS[name])
                for name in (
                    "sheet",
                    "row",
                    "column",
                    "header",
                    "raw",
                    "severity",
                    "message",
                    "code",
                )
            ],
            (
                [i.sheet, i.row, i.column, i.header, i.raw, i.severity.label, i.message, i.code]
                for i in _sorted(result.issues)
            ),
        )
    )
    return write_workbook(path, sheets)


def _described(issue: Issue) -> str:
    where = f"{issue.column or ''}{(issue.header and f'({issue.header})') or ''}"
    return f"{where}: {issue.message}" if where else issue.message


def _sorted(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(issues, key=lambda i: (i.sheet, i.row or 0, -i.severity.weight))
