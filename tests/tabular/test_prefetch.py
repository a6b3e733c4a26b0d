"""Workbook.prefetch: a sheet parsed in the background reads exactly as one read on demand."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from socialwork_core.tabular import WorkbookError, open_workbook

from .conftest import build_xlsx

TWO_SHEETS = {
    "服务对象": [["名单"], ["姓名", "村居"], ["甲", "一村"], [None, "二村"], ["乙", None]],
    "探访记录": [["日期", "姓名"], ["2022-03-18", "甲"]],
}


def snapshot(workbook_path: Path, name: str, *, prefetch: bool) -> tuple[object, ...]:
    with open_workbook(workbook_path) as workbook:
        if prefetch:
            workbook.prefetch(name)
        data = workbook.sheet(name)
        return data.name, list(data.rows), data.merged, data.formulas_without_value


def test_a_prefetched_sheet_gives_the_same_rows_merges_and_formulas(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS, {"服务对象": ["A3:A4"]})
    for name in TWO_SHEETS:
        assert snapshot(path, name, prefetch=True) == snapshot(path, name, prefetch=False)


def test_a_sheet_that_cannot_be_parsed_gives_the_same_error_when_prefetched(
    tmp_path: Path, zip_rewriter: Callable[..., Path]
) -> None:
    source = build_xlsx(tmp_path / "ok.xlsx", {"服务对象": [["姓名"], ["甲"]]})

    def damage(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return data.decode().replace("<t>甲</t>", "<t>&undeclared;</t>").encode()

    path = zip_rewriter(source, tmp_path / "damaged.xlsx", damage)
    codes = []
    for prefetch in (False, True):
        with pytest.raises(WorkbookError) as raised:
            snapshot(path, "服务对象", prefetch=prefetch)
        codes.append(raised.value.code)
    assert codes == ["tabular.workbook_unreadable"] * 2


def test_closing_with_a_prefetch_not_taken_releases_the_workbook(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    workbook = open_workbook(path)
    workbook.prefetch("探访记录")
    workbook.close()
    with pytest.raises(WorkbookError) as raised:
        workbook.sheet("探访记录")
    assert raised.value.code == "tabular.workbook_unreadable"


def test_prefetch_ignores_names_that_are_not_sheets_and_csv_files(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    with open_workbook(path) as workbook:
        workbook.prefetch("没有这张表")
        assert [row for _, row in workbook.sheet("探访记录").rows][1] == ["2022-03-18", "甲"]
    csv = tmp_path / "l.csv"
    csv.write_text("姓名\n甲\n", encoding="utf-8")
    with open_workbook(csv) as workbook:
        workbook.prefetch("l")
        assert [row for _, row in workbook.sheet("l").rows] == [["姓名"], ["甲"]]


def test_a_workbook_named_for_another_format_prefetches_the_same(tmp_path: Path) -> None:
    """An xlsx saved as .xls is read from its content (calamine is given the file object), on
    the prefetching thread's own handle as on the caller's."""
    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS, {"服务对象": ["A3:A4"]})
    renamed = path.rename(tmp_path / "l.xls")
    for name in TWO_SHEETS:
        assert snapshot(renamed, name, prefetch=True) == snapshot(
            path.with_name("l.xls"), name, prefetch=False
        )


def test_closing_a_workbook_ends_its_reading_threads(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    with open_workbook(path) as workbook:
        workbook.prefetch("探访记录")
        assert list(workbook.sheet("服务对象").rows)
        assert list(workbook.sheet("探访记录").rows)
    left = [t.name for t in threading.enumerate() if t.name.startswith("sheet-")]
    assert left == []


def test_a_sheet_without_a_formula_element_is_inflated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the extent pass tells whether a formula element is there: a county visit log's XML is
    # about 80 MB, and a second pass over it cost about 0.3 s of each load (benchmarks/README.md)
    from socialwork_core.tabular import sources

    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    scanned: list[str] = []
    real = sources._xlsx_unread_cells

    def counted(
        where: Path, name: str
    ) -> tuple[frozenset[tuple[int, int]], dict[tuple[int, int], str]]:
        scanned.append(name)
        return real(where, name)

    monkeypatch.setattr(sources, "_xlsx_unread_cells", counted)
    for name in TWO_SHEETS:
        snapshot(path, name, prefetch=False)
    assert scanned == []
    with_formula = build_xlsx(
        tmp_path / "f.xlsx", {"服务对象": [["姓名", "年龄"], ["甲", "=70+1"]]}
    )
    with open_workbook(with_formula) as workbook:
        assert workbook.sheet("服务对象").formulas_without_value == {(1, 1)}
    assert scanned == ["服务对象"]


def test_a_sheet_read_on_demand_waits_until_the_prefetched_one_is_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # measuring holds Python's lock; the rows of the sheet read now would take turns with it and
    # the background parse (which does not hold it) would start late
    from socialwork_core.tabular import sources

    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    measure = sources.Workbook._measure
    release = threading.Event()
    order: list[str] = []

    def slow_measure(self: sources.Workbook, name: str) -> object:
        if name == "探访记录":
            release.wait(timeout=10)
            order.append("visits measured")
        return measure(self, name)

    monkeypatch.setattr(sources.Workbook, "_measure", slow_measure)
    with open_workbook(path) as workbook:
        workbook.prefetch("探访记录")
        timer = threading.Timer(0.2, release.set)
        timer.start()
        workbook.sheet("服务对象")
        order.append("register handed over")
        assert list(workbook.sheet("探访记录").rows)[1] == (1, ["2022-03-18", "甲"])
    assert order == ["visits measured", "register handed over"]


def test_a_prefetch_that_fails_to_measure_does_not_hold_up_the_other_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from socialwork_core.tabular import sources

    path = build_xlsx(tmp_path / "l.xlsx", TWO_SHEETS)
    measure = sources.Workbook._measure

    def failing(self: sources.Workbook, name: str) -> object:
        if name == "探访记录":
            raise WorkbookError("tabular.workbook_unreadable", path, detail="test")
        return measure(self, name)

    monkeypatch.setattr(sources.Workbook, "_measure", failing)
    with open_workbook(path) as workbook:
        workbook.prefetch("探访记录")
        assert list(workbook.sheet("服务对象").rows)[2] == (2, ["甲", "一村"])
        with pytest.raises(WorkbookError):
            workbook.sheet("探访记录")
