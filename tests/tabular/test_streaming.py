"""Rows stream: the reader's own memory does not grow with the number of rows."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from socialwork_core.tabular import ColumnSpec, TableSpec, date_value, read_table

SPEC = TableSpec(
    [
        ColumnSpec("name", ("姓名",), required=True),
        ColumnSpec("village", ("村居",)),
        ColumnSpec("on", ("日期",), coerce=date_value),
    ]
)


def peak_while_reading(path: Path) -> tuple[int, int]:
    """Peak Python memory while the rows stream (the file is opened and its header found first:
    encoding detection reads in bounded chunks)."""
    table = read_table(path, SPEC)
    tracemalloc.start()
    count = sum(1 for _ in table)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def test_peak_memory_is_flat_in_the_number_of_rows(tmp_path: Path) -> None:
    def ledger(rows: int) -> Path:
        path = tmp_path / f"l{rows}.csv"
        lines = ["姓名,村居,日期"] + [
            f"人{i},村{i % 50},2022-03-{i % 28 + 1:02d}" for i in range(rows)
        ]
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    small_count, small_peak = peak_while_reading(ledger(2_000))
    large_count, large_peak = peak_while_reading(ledger(10_000))
    assert (small_count, large_count) == (2_000, 10_000)
    assert large_peak < small_peak * 1.5  # five times the rows, about the same memory
