"""Finding an article's number in a rendered report: in the workbook by its row label and column
header (as a reader of the printed form finds it), and in the JSON by its figure code and row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import openpyxl

from socialwork_core.reports import Report, report_json, write_report

VALUE_HEADER = "数量"
"""The value column of a one-figure-per-row table."""


@attrs.frozen
class Rendered:
    """A report as the station files it: the workbook's cell values and the JSON."""

    rows: tuple[tuple[Any, ...], ...]
    data: Any
    report: Report | None = None
    """The report value, when it was built through the API (not read from files)."""

    def cell(self, label: str, header: str = VALUE_HEADER) -> Any:
        """The value under ``header`` in the row labelled ``label``, read from the workbook as a
        reader finds it: in a table whose header row (the first full row after a heading or a
        gap) names ``header``."""
        column: int | None = None
        after_gap = True
        found = []
        for row in self.rows:
            filled = sum(1 for value in row if value is not None)
            if after_gap and filled >= 2:
                column = row.index(header) if header in row else None
            elif row and row[0] == label and column is not None:
                found.append(row[column])
            after_gap = filled <= 1
        assert len(found) == 1, f"{len(found)} rows labelled {label!r} under {header!r}"
        return found[0]

    def figure(self, code: str, row: str | None = None) -> Any:
        """The JSON value of the figure ``code`` (in the row labelled ``row`` when given)."""
        found = [
            figure["value"]
            for label, figure in _json_figures(self.data)
            if figure["code"] == code and (row is None or _same_row(label, row))
        ]
        assert len(found) == 1, f"{len(found)} figures {code!r} in row {row!r}"
        return found[0]

    def note(self, row: str) -> Any:
        """The JSON note of the row labelled ``row`` (a grade)."""
        found = [
            r["note"]
            for section in self.data["sections"]
            for table in section["tables"]
            for r in table["rows"]
            if r["label"] == row
        ]
        assert len(found) == 1, f"{len(found)} rows labelled {row!r}"
        return found[0]


def _same_row(json_label: str, printed: str) -> bool:
    """The JSON's row label is the printed one, or it with the unit in brackets that the workbook
    prints in its unit column instead (活动惠及特殊群众（人）)."""
    rest = json_label.removeprefix(printed)
    return rest == "" or (
        rest != json_label and rest[:1] in "（(" and rest[-1:] in "）)" and len(rest) <= 6
    )


def _json_figures(data: Any) -> Iterator[tuple[str, Any]]:
    for section in data["sections"]:
        for table in section["tables"]:
            for row in table["rows"]:
                for figure in row["figures"]:
                    yield row["label"], figure


def read(workbook: Path, json_file: Path, report: Report | None = None) -> Rendered:
    """A report's workbook and JSON, as written."""
    sheet = openpyxl.load_workbook(workbook, read_only=True).active
    rows = tuple(tuple(row) for row in sheet.iter_rows(values_only=True))
    data = json.loads(json_file.read_text(encoding="utf-8"))
    return Rendered(rows=rows, data=data, report=report)


def rendered(report: Report, folder: Path) -> Rendered:
    """Write ``report`` to xlsx and JSON in ``folder`` and read both back."""
    workbook = write_report(report, folder / f"{report.template}.xlsx")
    json_file = folder / f"{report.template}.json"
    json_file.write_text(report_json(report), encoding="utf-8")
    return read(workbook, json_file, report)
