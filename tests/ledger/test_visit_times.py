"""A visit's time of day (``Contact.at``), wherever a visit log writes it: in the date cell
(2024年7月5日（星期五）上午9:30-10:30, 2024-7-5 下午3时, 2024/7/5 14:30, a date cell with a time
part) or in a column of its own beside the date (走访时间, 开始时间, 时段). The part of the day
alone (上午) is no time; a time that is none (25:00) is flagged at its cell and the visit kept
with its day. Every writer keeps the time: reading what it wrote gives the same (on, at)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from socialwork_anhui.formats import FORMAT as ANHUI
from socialwork_henan.formats import FORMAT as HENAN
from socialwork_national.formats import FORMAT

from socialwork_core.identity import resident_id
from socialwork_core.ledger import (
    LedgerFormat,
    LoadResult,
    RecordKind,
    load_ledger,
    table_spec,
    write_ledger,
)
from socialwork_core.ledger.building import RecordBuilder
from socialwork_core.ledger.compiled import compile_rows
from socialwork_core.serialize import make_converter
from socialwork_core.tabular import Coerced, date_and_time, open_workbook, read_table

from ..cli.conftest import run_command

CHEN = resident_id.compose("440111", date(1956, 3, 12), 11)
WEEKDAYS = "一二三四五六日"


def visit_log(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> LoadResult:
    """A register of one person (陈大明) and a visit log with ``header`` over ``rows``; the person
    is named in a 走访对象 column added at the end of each row."""
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "服务对象"
    people.append(["姓名", "身份证号", "村居"])
    people.append(["陈大明", CHEN, "东湖村"])
    log = book.create_sheet("走访记录")
    log.append([*header, "走访对象", "走访方式"])
    for row in rows:
        log.append([*row, "陈大明", "入户"])
    book.save(path)
    return load_ledger(path, FORMAT)


def times_of(result: LoadResult) -> list[tuple[date, time | None]]:
    return [(c.on, c.at) for c in result.ledger.contacts]


def cell_issues(result: LoadResult) -> list[tuple[int | None, str | None, str]]:
    """(row, column, code) of every finding at a data cell of the visit log (under its header)."""
    return [
        (i.row, i.column, i.code)
        for i in result.issues
        if i.sheet == "走访记录" and i.column and i.row and i.row > 1
    ]


# --- how people write a day and its time ------------------------------------------------------------


def _half_day(at: time) -> tuple[str, int]:
    """The part of the day and the hour on a 12-hour clock, as people write it (下午3时)."""
    if at.hour < 12:
        return "上午", at.hour
    if at.hour == 12:
        return "中午", 12
    return "下午", at.hour - 12


def _clock(at: time) -> str:
    return f"{at.hour}:{at.minute:02d}"


def _in_words(at: time) -> str:
    part, hour = _half_day(at)
    minutes = "" if at.minute == 0 else "半" if at.minute == 30 else f"{at.minute}分"
    return f"{part}{hour}{'点' if minutes == '半' else '时'}{minutes}"


NUMERALS = "〇一二三四五六七八九"


def _numerals(number: int) -> str:
    """0 to 59 in Chinese numerals as a clock is written (九, 十, 十五, 二十三)."""
    tens, ones = divmod(number, 10)
    if not tens:
        return NUMERALS[ones]
    return f"{NUMERALS[tens] if tens > 1 else ''}十{NUMERALS[ones] if ones else ''}"


def _in_numerals(at: time) -> str:
    """The time in words and Chinese numerals (下午三点半, 上午九时, 下午两点十五分)."""
    part, hour = _half_day(at)
    minutes = "" if at.minute == 0 else "半" if at.minute == 30 else f"{_numerals(at.minute)}分"
    said = "两" if hour == 2 else _numerals(hour)
    return f"{part}{said}{'点' if minutes == '半' else '时'}{minutes}"


def _span(at: time) -> str:
    end = time((at.hour + 1) % 24, at.minute)
    part, hour = _half_day(at)
    return f"{part}{hour}:{at.minute:02d}-{_clock(end)}"


WRITINGS = {
    "weekday_span": lambda d, t: (
        f"{d.year}年{d.month}月{d.day}日（星期{WEEKDAYS[d.weekday()]}）{_span(t)}"
    ),
    "dash_words": lambda d, t: f"{d.year}-{d.month}-{d.day} {_in_words(t)}",
    "dash_numerals": lambda d, t: f"{d.year}-{d.month}-{d.day} {_in_numerals(t)}",
    "slash_clock": lambda d, t: f"{d.year}/{d.month}/{d.day} {t.hour:02d}:{t.minute:02d}",
    "figures_clock": lambda d, t: f"{d:%Y%m%d} {_clock(t)}",
    "cn_clock": lambda d, t: f"{d.year}年{d.month}月{d.day}日 {_clock(t)}",
    "date_cell": lambda d, t: datetime.combine(d, t),
}
"""Ways a visit log writes a day and its time in one cell."""

days = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31))
one_years_days = st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 12, 31))
"""A visit log's days: one year's (a visit years from the others is flagged, ``visit_dates``)."""
times = st.builds(time, st.integers(0, 23), st.integers(0, 59)).filter(lambda t: t != time(0))
"""Midnight is left out: a date cell at 00:00 is how a spreadsheet holds a plain day."""
visits = st.lists(
    st.tuples(one_years_days, times, st.sampled_from(sorted(WRITINGS))), min_size=3, max_size=8
)


@given(days, times, st.sampled_from(sorted(WRITINGS)))
def test_a_date_cell_that_gives_the_time_keeps_the_day_and_the_time(
    day: date, at: time, writing: str
) -> None:
    assert date_and_time(WRITINGS[writing](day, at)) == datetime.combine(day, at)


@given(days, times)
def test_a_day_and_a_time_both_in_chinese_numerals_keep_both_said_for_the_day(
    day: date, at: time
) -> None:
    year = "".join(NUMERALS[int(c)] for c in str(day.year))
    cell = f"{year}年{_numerals(day.month)}月{_numerals(day.day)}日{_in_numerals(at)}"
    read = date_and_time(cell)
    assert isinstance(read, Coerced) and read.value == datetime.combine(day, at)
    assert [f.code for f in read.findings] == ["tabular.date_in_numerals"]


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(visits)
def test_a_visit_log_keeps_each_visits_time_however_its_date_cell_writes_it(
    tmp_path: Path, written: list[tuple[date, time, str]]
) -> None:
    result = visit_log(
        tmp_path / "l.xlsx", ["走访日期"], [[WRITINGS[w](d, t)] for d, t, w in written]
    )
    assert times_of(result) == [(d, t) for d, t, _w in written]
    assert not result.errors and not cell_issues(result)


@pytest.mark.parametrize(
    "cell", ["2024-7-5 上午", "2024年7月5日（星期五）下午", "2024年7月5日", datetime(2024, 7, 5)]
)
def test_the_part_of_the_day_alone_or_no_time_at_all_keeps_the_day_only_and_says_nothing(
    tmp_path: Path, cell: Any
) -> None:
    result = visit_log(tmp_path / "l.xlsx", ["走访日期"], [[cell]])
    assert times_of(result) == [(date(2024, 7, 5), None)]
    assert not cell_issues(result)


@pytest.mark.parametrize("cell", ["2024-7-5 25:00", "2024年7月5日 9:75", "2024-7-5 上午15时"])
def test_a_time_that_is_none_is_flagged_at_its_cell_and_the_visit_kept_with_its_day(
    tmp_path: Path, cell: str
) -> None:
    result = visit_log(tmp_path / "l.xlsx", ["序号", "走访日期"], [[1, cell]])
    assert times_of(result) == [(date(2024, 7, 5), None)]
    (flag,) = [i for i in result.issues if i.code == "tabular.time_in_date_unread"]
    assert (flag.sheet, flag.row, flag.column, flag.raw) == ("走访记录", 2, "B", cell)
    assert flag.severity.value == "warning" and cell in flag.message


# --- a time in a column of its own ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "cells", "expected"),
    [
        (
            ["走访日期", "走访时间"],
            [["2024-07-05", "9:30"], ["2024-07-06", "下午3时"], [date(2024, 7, 7), time(8, 15)]],
            [time(9, 30), time(15), time(8, 15)],
        ),
        (
            ["日期", "开始时间", "结束时间"],
            [["2024-07-05", "9:30", "10:30"], ["2024-07-06", "14:00", "15:00"]],
            [time(9, 30), time(14)],
        ),
        (
            ["探访日期", "时段"],
            [["2024-07-05", "上午"], ["2024-07-06", "下午"], ["2024-07-07", "下午2点半"]],
            [None, None, time(14, 30)],
        ),
    ],
)
def test_a_time_column_beside_the_date_gives_the_visits_time(
    tmp_path: Path, header: list[str], cells: list[list[Any]], expected: list[time | None]
) -> None:
    result = visit_log(tmp_path / "l.xlsx", header, cells)
    assert [at for _on, at in times_of(result)] == expected
    assert not result.errors and not cell_issues(result)


def test_a_log_that_writes_only_when_a_visit_ended_keeps_that_time_and_says_so(
    tmp_path: Path,
) -> None:
    rows = [["2024-07-05", "10:30"], ["2024-07-06", "下午三点"], ["2024-07-07", ""]]
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "结束时间"], rows)
    assert times_of(result) == [
        (date(2024, 7, 5), time(10, 30)),
        (date(2024, 7, 6), time(15)),
        (date(2024, 7, 7), None),
    ]
    (said,) = [
        i for i in result.issues if i.code == "tabular.column_read_as" and "结束时间" in i.message
    ]
    assert (said.sheet, said.column) == ("走访记录", "B")
    assert "开始时间" in said.message
    assert not result.errors and not cell_issues(result)


def test_an_end_time_beside_a_start_time_is_kept_as_written_and_named_no_duplicate(
    tmp_path: Path,
) -> None:
    rows = [["2024-07-05", "10:30", "9:30"]]
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "结束时间", "开始时间"], rows)
    assert times_of(result) == [(date(2024, 7, 5), time(9, 30))]
    assert "tabular.duplicate_column" not in [i.code for i in result.issues]


def test_a_time_column_cell_that_is_no_time_is_flagged_and_the_visit_kept(tmp_path: Path) -> None:
    rows = [["2024-07-05", "9:30"], ["2024-07-06", "26:00"], ["2024-07-07", "10:00"]]
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "走访时间"], rows)
    assert times_of(result) == [
        (date(2024, 7, 5), time(9, 30)),
        (date(2024, 7, 6), None),
        (date(2024, 7, 7), time(10)),
    ]
    assert cell_issues(result) == [(3, "B", "tabular.time_invalid")]
    assert not result.errors


def test_a_log_whose_only_date_column_is_headed_as_a_time_reads_it_as_the_date(
    tmp_path: Path,
) -> None:
    rows = [["2024-07-05"], [datetime(2024, 7, 6, 9, 30)], ["2024年7月7日下午3时"]]
    result = visit_log(tmp_path / "l.xlsx", ["走访时间"], rows)
    assert times_of(result) == [
        (date(2024, 7, 5), None),
        (date(2024, 7, 6), time(9, 30)),
        (date(2024, 7, 7), time(15)),
    ]


def test_the_time_column_wins_over_a_time_written_in_the_date_cell(tmp_path: Path) -> None:
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "走访时间"], [["2024-7-5 9:00", "9:30"]])
    assert times_of(result) == [(date(2024, 7, 5), time(9, 30))]


def test_a_start_written_in_the_date_cell_wins_over_an_end_time_column(tmp_path: Path) -> None:
    """结束时间 stands in for the start only where nothing else gives it: the 9:30 the worker wrote
    beside the day is the visit's time, and a row whose date cell gives none keeps the end."""
    rows = [["2024-7-5 9:30", "10:30"], ["2024-7-6", "16:00"]]
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "结束时间"], rows)
    assert times_of(result) == [(date(2024, 7, 5), time(9, 30)), (date(2024, 7, 6), time(16))]
    assert not result.errors and not cell_issues(result)


def test_a_start_time_column_still_wins_over_the_date_cell_beside_an_end_time(
    tmp_path: Path,
) -> None:
    rows = [["2024-7-5 9:00", "9:30", "10:30"]]
    result = visit_log(tmp_path / "l.xlsx", ["走访日期", "开始时间", "结束时间"], rows)
    assert times_of(result) == [(date(2024, 7, 5), time(9, 30))]


# --- what a writer writes keeps the time -----------------------------------------------------------


@pytest.mark.parametrize("layout", [FORMAT, HENAN, ANHUI], ids=lambda f: f.name)
def test_every_layout_writes_the_time_and_reads_it_back(
    tmp_path: Path, layout: LedgerFormat
) -> None:
    rows = [["2024-7-5 上午9:30"], ["2024-7-6 下午3时"], ["2024-7-7"]]
    read = visit_log(tmp_path / "in.xlsx", ["走访日期"], rows)
    written = write_ledger(tmp_path / "out.xlsx", read.ledger, layout)
    again = load_ledger(written, layout)
    assert (
        times_of(again)
        == times_of(read)
        == [
            (date(2024, 7, 5), time(9, 30)),
            (date(2024, 7, 6), time(15)),
            (date(2024, 7, 7), None),
        ]
    )
    assert not again.errors


def test_convert_keeps_the_time_in_json_and_in_another_regions_layout(tmp_path: Path) -> None:
    visit_log(tmp_path / "in.xlsx", ["走访日期"], [["2024年7月5日（星期五）上午9:30-10:30"]])
    as_json = run_command("convert", tmp_path / "in.xlsx", "--to", "json").json()
    assert [(c["on"], c["at"]) for c in as_json["records"]["contacts"]] == [
        ("2024-07-05", "09:30:00")
    ]
    out = tmp_path / "henan.xlsx"
    converted = run_command(
        "convert", tmp_path / "in.xlsx", "--to", "xlsx", "--layout", "henan", "-o", out
    )
    assert converted.status == 0, converted.err
    assert times_of(load_ledger(out, HENAN)) == [(date(2024, 7, 5), time(9, 30))]


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    visits,
    st.lists(st.sampled_from(["", "10:15", "上午", "26:00"]), min_size=8, max_size=8),
    st.sampled_from(["探访时间", "结束时间"]),
)
def test_the_quick_way_of_clean_rows_keeps_the_time_as_the_general_way_does(
    tmp_path: Path, written: list[tuple[date, time, str]], own: list[str], header: str
) -> None:
    """A log laid out as the national layout writes it (its rows take the compiled function),
    read with the library's converter and with a converter of one's own (the general way). A
    time column wins over the time in the date cell; an end time (结束时间) gives way to it."""
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "服务对象"
    people.append(["档案号", "姓名", "身份证号"])
    people.append(["A1", "陈大明", CHEN])
    log = book.create_sheet("探访记录")
    log.append(["记录编号", "探访日期", header, "档案号", "探访方式"])
    for n, ((day, at, writing), column) in enumerate(zip(written, own, strict=False)):
        log.append([f"V{n}", WRITINGS[writing](day, at), column or None, "A1", "入户"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    quick = load_ledger(path, FORMAT)
    general = load_ledger(path, FORMAT, converter=make_converter())
    assert times_of(quick) == times_of(general)
    assert quick.issues == general.issues
    column_times = {"10:15": time(10, 15)} if header == "探访时间" else {}
    assert times_of(quick) == [
        (day, column_times.get(column, at))
        for (day, at, _w), column in zip(written, own, strict=False)
    ]


def test_the_generated_row_function_lets_the_date_cells_time_win_over_an_end_time(
    tmp_path: Path,
) -> None:
    """The loader sends a sheet read by an end-time header the general way (its layout is not
    the one a format writes); the generated function, asked for the same rows, keeps the same
    times, so the two cannot drift apart."""
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "服务对象"
    people.append(["档案号", "姓名", "身份证号"])
    people.append(["A1", "陈大明", CHEN])
    log = book.create_sheet("探访记录")
    log.append(["记录编号", "探访日期", "结束时间", "档案号", "探访方式"])
    log.append(["V1", "2024-7-5 9:30", "10:30", "A1", "入户"])
    log.append(["V2", datetime(2024, 7, 6, 14), "15:00", "A1", "入户"])
    log.append(["V3", "2024-7-7", "16:00", "A1", "入户"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    general = load_ledger(path, FORMAT)
    (contacts,) = [s for s in FORMAT.sheets if s.kind is RecordKind.CONTACTS]
    builder = RecordBuilder(make_converter(), library_converter=True)
    for person in general.ledger.recipients:
        builder.remember(person)
    builder.recipients_loaded = True
    with open_workbook(path) as opened:
        table = read_table(opened, table_spec(contacts), sheet="探访记录")
        quick = compile_rows(builder, RecordKind.CONTACTS, table)
        assert quick is not None
        built = [quick(index, cells, n) for n, (index, cells) in enumerate(table.data_rows(), 1)]
    assert built == list(general.ledger.contacts)
    assert times_of(general) == [
        (date(2024, 7, 5), time(9, 30)),
        (date(2024, 7, 6), time(14)),
        (date(2024, 7, 7), time(16)),
    ]
