"""Reading only the visits of some days (``load_ledger(window=…)``), as a roll-up's report does:
a visit dated in a date cell outside the window is passed over unread and counted; everything
else is read as without a window."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from workbooks import workbook

from socialwork_core.ledger import LedgerFormat, load_ledger
from socialwork_core.ledger.window import OUTSIDE_WINDOW, latest_day_passed_over

MARCH = (date(2022, 3, 1), date(2022, 3, 31))
PEOPLE = [["档案号", "姓名"], ["A1", "甲"], ["A2", "乙"]]
HEADER = ["探访日期", "档案号", "探访方式"]


def _ledger(tmp_path: Path, *visits: list[object]) -> Path:
    return workbook(tmp_path / "l.xlsx", {"服务对象": PEOPLE, "探访记录": [HEADER, *visits]})


def test_visits_dated_outside_the_window_are_passed_over_and_counted(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = _ledger(
        tmp_path,
        [date(2022, 2, 28), "A1", "入户"],
        [date(2022, 3, 1), "A1", "入户"],
        [datetime(2022, 3, 31, 16, 30), "A2", "电话"],
        [date(2022, 4, 1), "A2", "电话"],
        [date(2022, 6, 9), "A1", "视频"],
    )

    result = load_ledger(path, fmt, window=MARCH)

    assert [c.on for c in result.ledger.contacts] == [date(2022, 3, 1), date(2022, 3, 31)]
    infos = [i for i in result.issues if i.code == OUTSIDE_WINDOW]
    assert len(infos) == 1
    assert infos[0].sheet == "探访记录"
    assert infos[0].finding.params["count"] == "3"
    assert "3条" in infos[0].message and "2022-06-09" in infos[0].message
    assert latest_day_passed_over(result.issues) == date(2022, 6, 9)


def test_without_a_window_every_visit_is_read_and_nothing_is_said(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = _ledger(tmp_path, [date(2022, 2, 28), "A1", "入户"], [date(2022, 3, 1), "A2", "电话"])

    result = load_ledger(path, fmt)

    assert len(result.ledger.contacts) == 2
    assert latest_day_passed_over(result.issues) is None


def test_a_date_written_as_text_is_read_as_usual_for_the_caller_to_cut(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = _ledger(tmp_path, ["2022年2月28日", "A1", "入户"], ["2022-03-02", "A2", "电话"])

    result = load_ledger(path, fmt, window=MARCH)

    assert [c.on for c in result.ledger.contacts] == [date(2022, 2, 28), date(2022, 3, 2)]
    assert latest_day_passed_over(result.issues) is None


def test_rows_in_the_window_keep_their_row_numbers_and_their_problems(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = _ledger(
        tmp_path,
        [date(2022, 1, 5), "A9", "入户"],  # names nobody, but is not read
        [date(2022, 3, 5), "A9", "入户"],  # names nobody: refused at its own row
        [date(2022, 3, 6), "A1", "入户"],
    )

    result = load_ledger(path, fmt, window=MARCH)

    assert [c.on for c in result.ledger.contacts] == [date(2022, 3, 6)]
    assert [(r.sheet, r.row) for r in result.rejected] == [("探访记录", 3)]


REGISTER_WITH_VISITS = [["档案号", "姓名", "探访日期", "探访方式"]]


def test_visits_on_the_register_rows_are_cut_by_the_window_too(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    """A visit carried on a register row (探访日期 | 探访方式 beside the person) is a visit like
    the log's: outside the window it is passed over, and its sheet counts it."""
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "服务对象": [
                *REGISTER_WITH_VISITS,
                ["A1", "甲", date(2022, 2, 20), "入户"],
                ["A2", "乙", date(2022, 3, 10), "电话"],
                ["A3", "丙", date(2022, 7, 1), "入户"],
            ],
            "探访记录": [
                HEADER,
                [date(2022, 3, 2), "A1", "入户"],
                [date(2022, 5, 5), "A2", "电话"],
            ],
        },
    )

    result = load_ledger(path, fmt, window=MARCH)

    assert sorted(c.on for c in result.ledger.contacts) == [date(2022, 3, 2), date(2022, 3, 10)]
    assert [r.name for r in result.ledger.recipients] == ["甲", "乙", "丙"]  # the people stay
    infos = {i.sheet: i.finding.params for i in result.issues if i.code == OUTSIDE_WINDOW}
    assert {sheet: params["count"] for sheet, params in infos.items()} == {
        "服务对象": "2",
        "探访记录": "1",
    }
    assert infos["服务对象"]["latest"] == "2022-07-01"
    assert latest_day_passed_over(result.issues) == date(2022, 7, 1)


def test_a_sheet_holding_the_register_and_the_log_counts_both_in_one_info(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = workbook(
        tmp_path / "l.xlsx",
        {
            "台账": [
                *REGISTER_WITH_VISITS,
                ["A1", "甲", date(2022, 2, 20), "入户"],
                ["A2", "乙", date(2022, 3, 10), "电话"],
                [],
                [],
                HEADER,
                [date(2022, 3, 2), "A1", "入户"],
                [date(2022, 5, 5), "A2", "电话"],
            ]
        },
    )

    result = load_ledger(path, fmt, window=MARCH)

    assert sorted(c.on for c in result.ledger.contacts) == [date(2022, 3, 2), date(2022, 3, 10)]
    (info,) = [i for i in result.issues if i.code == OUTSIDE_WINDOW]
    assert (info.sheet, info.finding.params["count"]) == ("台账", "2")
    assert info.finding.params["latest"] == "2022-05-05"
