"""A register whose rows carry visits (走访日期, 走访方式 beside the person) and a visit log on a
sheet of its own: both are read, a visit written in both places counts once, and the map says
so too. Built on the national layout, which every adapter extends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from socialwork_national.formats import FORMAT
from workbooks import workbook

from socialwork_core.glossary import ContactMode
from socialwork_core.glossary.messages import render_message
from socialwork_core.identity import resident_id
from socialwork_core.ledger import (
    LoadResult,
    RecordKind,
    explain,
    load_ledger,
    mapping_text,
    read_mapping,
)
from socialwork_core.ledger.mapping import VISIT_ON_ROW

ZHANG = resident_id.compose("440111", date(1950, 1, 2), 11)
LI = resident_id.compose("440111", date(1948, 3, 4), 22)

REGISTER = ["姓名", "身份证号", "对象类别", "走访日期", "走访方式"]
LOG = ["姓名", "身份证号", "走访日期", "走访方式"]


def ledger(tmp_path: Path, register: Sequence[Sequence[Any]], log: Sequence[Sequence[Any]]) -> Path:
    """A workbook of 花名册 (the register, with a visit on each row) and 走访记录 (the log)."""
    return workbook(
        tmp_path / "台账.xlsx", {"花名册": [REGISTER, *register], "走访记录": [LOG, *log]}
    )


def visits(result: LoadResult) -> list[tuple[date, ContactMode | None, tuple[str, ...]]]:
    return [(c.on, c.mode, c.recipient_keys) for c in result.ledger.contacts]


def test_the_visits_on_the_register_rows_and_in_the_log_are_both_read(tmp_path: Path) -> None:
    path = ledger(
        tmp_path,
        [["张三", ZHANG, "低保", "2024-04-01", "入户"]],
        [["张三", ZHANG, "2024-05-06", "电话"]],
    )
    result = load_ledger(path, FORMAT)
    assert [p.name for p in result.ledger.recipients] == ["张三"]
    assert visits(result) == [
        (date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,)),
        (date(2024, 5, 6), ContactMode.PHONE, (ZHANG,)),
    ]
    assert result.sheets_of(RecordKind.CONTACTS) == ("花名册", "走访记录")
    both = [i for i in result.issues if i.code == "onesheet.visits_on_register_and_log"]
    assert [(i.sheet, "花名册" in i.message, "走访记录" in i.message) for i in both] == [
        ("花名册", True, True)
    ]
    assert "onesheet.visits_on_register" not in [i.code for i in result.issues]
    # the register's visit columns are read, not named among the columns kept as they are
    assert "tabular.extra_columns_kept" not in [i.code for i in result.issues]
    assert not result.errors


def test_a_visit_written_on_the_register_and_in_the_log_counts_once_its_cell_named(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path,
        [
            ["张三", ZHANG, "低保", "2024-04-01", "入户"],
            ["李四", LI, "特困", "2024-04-02", "电话"],
        ],
        [
            ["张三", ZHANG, "2024-04-01", "入户"],  # the register's visit again
            ["李四", LI, "2024-04-02", "入户"],  # the same day, another mode: another visit
        ],
    )
    result = load_ledger(path, FORMAT)
    assert sorted(visits(result)) == [
        (date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,)),
        (date(2024, 4, 2), ContactMode.HOME_VISIT, (LI,)),
        (date(2024, 4, 2), ContactMode.PHONE, (LI,)),
    ]
    once = [i for i in result.issues if i.code == "onesheet.visit_also_logged"]
    assert [(i.sheet, i.row, i.column, i.raw) for i in once] == [("花名册", 2, "D", "2024-04-01")]
    assert "走访记录" in once[0].message


def test_a_register_with_visits_and_no_log_says_its_rows_are_the_visits(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "台账.xlsx",
        {"花名册": [REGISTER, ["张三", ZHANG, "低保", "2024-04-01", "入户"]]},
    )
    result = load_ledger(path, FORMAT)
    assert visits(result) == [(date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,))]
    alone = [i for i in result.issues if i.code == "onesheet.visits_on_register"]
    assert [i.sheet for i in alone] == ["花名册"]
    missing = [i.finding.params["kind"] for i in result.issues if i.code == "ledger.sheet_missing"]
    assert RecordKind.CONTACTS.label not in missing


def test_the_map_names_the_register_visit_columns_beside_the_visit_log(tmp_path: Path) -> None:
    path = ledger(
        tmp_path,
        [["张三", ZHANG, "低保", "2024-04-01", "入户"]],
        [["张三", ZHANG, "2024-05-06", "电话"]],
    )
    explained = explain(path, FORMAT)
    assert [(s.kind, s.sheet) for s in explained] == [
        (RecordKind.RECIPIENTS, "花名册"),
        (RecordKind.CONTACTS, "走访记录"),
    ]
    register = explained[0]
    assert [c.header for c in register.columns if c.reason == VISIT_ON_ROW] == [
        "走访日期",
        "走访方式",
    ]
    assert [r for r in register.remarks if "走访日期" in r] == [
        render_message(
            "onesheet.visit_columns", sheet="花名册", columns="D列（走访日期）、E列（走访方式）"
        )
    ]
    text = mapping_text(explained)
    assert '"走访日期" = ""  # D, visit on the row' in text


def test_the_mapping_the_map_writes_reads_the_same_visits_back(tmp_path: Path) -> None:
    path = ledger(
        tmp_path,
        [["张三", ZHANG, "低保", "2024-04-01", "入户"]],
        [["张三", ZHANG, "2024-05-06", "电话"], ["张三", ZHANG, "2024-04-01", "入户"]],
    )
    written = tmp_path / "mapping.toml"
    written.write_text(mapping_text(explain(path, FORMAT)), encoding="utf-8")
    guessed = load_ledger(path, FORMAT)
    mapped = load_ledger(path, FORMAT, mapping=read_mapping(written, FORMAT))
    assert (
        visits(mapped)
        == visits(guessed)
        == [
            (date(2024, 5, 6), ContactMode.PHONE, (ZHANG,)),
            (date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,)),
        ]
    )


def test_visits_across_a_register_row_and_a_log_are_read_each_once(tmp_path: Path) -> None:
    """A register kept for a year (第1次走访日期 | 走访方式 | 第2次走访日期 | 走访方式) beside a
    log: every visit of either, a visit in both once."""
    header = [
        "姓名",
        "身份证号",
        "对象类别",
        "第1次走访日期",
        "走访方式",
        "第2次走访日期",
        "走访方式",
    ]
    path = workbook(
        tmp_path / "台账.xlsx",
        {
            "关爱台账": [header, ["李四", LI, "特困", "2024-04-12", "电话", "2024-05-20", "入户"]],
            "走访记录": [
                LOG,
                ["李四", LI, "2024-05-20", "入户"],
                ["李四", LI, "2024-06-03", "电话"],
            ],
        },
    )
    result = load_ledger(path, FORMAT)
    assert sorted(visits(result)) == [
        (date(2024, 4, 12), ContactMode.PHONE, (LI,)),
        (date(2024, 5, 20), ContactMode.HOME_VISIT, (LI,)),
        (date(2024, 6, 3), ContactMode.PHONE, (LI,)),
    ]
    once = [i for i in result.issues if i.code == "onesheet.visit_also_logged"]
    assert [(i.sheet, i.row, i.column) for i in once] == [("关爱台账", 2, "F")]


def test_a_mapping_naming_the_register_sheet_for_the_visits_reads_them_on_its_rows(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "台账.xlsx",
        {"花名册": [REGISTER, ["张三", ZHANG, "低保", "2024-04-01", "入户"]]},
    )
    written = tmp_path / "mapping.toml"
    written.write_text('[[sheet]]\nkind = "contacts"\nname = "花名册"\n', encoding="utf-8")
    result = load_ledger(path, FORMAT, mapping=read_mapping(written, FORMAT))
    assert visits(result) == [(date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,))]
    assert "onesheet.visits_on_register" in [i.code for i in result.issues]


def test_a_register_visit_without_a_mode_is_the_log_visit_of_that_person_and_day(
    tmp_path: Path,
) -> None:
    """最近走访 2024-03-05 on the register with no mode, and the log's 入户 of that person and
    day: one visit, the log's (its mode), the register's cell named."""
    path = ledger(
        tmp_path,
        [
            ["张三", ZHANG, "低保", "2024-03-05", ""],
            ["李四", LI, "特困", "2024-03-07", ""],
        ],
        [
            ["张三", ZHANG, "2024-03-05", "入户"],
            ["李四", LI, "2024-03-08", "电话"],  # another day: another visit
        ],
    )
    result = load_ledger(path, FORMAT)
    assert sorted(visits(result), key=lambda visit: visit[0]) == [
        (date(2024, 3, 5), ContactMode.HOME_VISIT, (ZHANG,)),
        (date(2024, 3, 7), None, (LI,)),
        (date(2024, 3, 8), ContactMode.PHONE, (LI,)),
    ]
    once = [i for i in result.issues if i.code == "onesheet.visit_also_logged_without_mode"]
    assert [(i.sheet, i.row, i.column, i.raw) for i in once] == [("花名册", 2, "D", "2024-03-05")]
    assert "走访记录" in once[0].message and ContactMode.HOME_VISIT.label in once[0].message
    (both,) = [i for i in result.issues if i.code == "onesheet.visits_on_register_and_log"]
    assert both.finding.params["repeated"] == "1"


def _mapped(tmp_path: Path, *sheets: str) -> Any:
    """A mapping file naming ``sheets`` for the visits, and nothing else."""
    written = tmp_path / "mapping.toml"
    entries = (f'[[sheet]]\nkind = "contacts"\nname = "{name}"\n' for name in sheets)
    written.write_text("\n".join(entries), encoding="utf-8")
    return read_mapping(written, FORMAT)


def test_the_map_of_a_mapping_naming_the_register_sheet_for_the_visits_says_they_are_on_its_rows(
    tmp_path: Path,
) -> None:
    """The mapping names 花名册 for the visits: the load reads them on its rows (the people's own
    rows, never again as a visit log), and the map says just that."""
    path = workbook(
        tmp_path / "台账.xlsx",
        {"花名册": [REGISTER, ["张三", ZHANG, "低保", "2024-04-01", "入户"]]},
    )
    mapping = _mapped(tmp_path, "花名册")
    explained = explain(path, FORMAT, mapping)
    assert [(s.kind, s.sheet) for s in explained] == [
        (RecordKind.RECIPIENTS, "花名册"),
        (RecordKind.CONTACTS, "花名册"),
    ]
    contacts = explained[1]
    assert [(c.letter, c.header, c.field, c.reason) for c in contacts.columns] == [
        ("D", "走访日期", "on", VISIT_ON_ROW),
        ("E", "走访方式", "mode", VISIT_ON_ROW),
    ]
    assert any("花名册" in r and "走访日期" in r for r in contacts.remarks)
    # the map written back reads the same visits as the mapping it was made with
    written = tmp_path / "written.toml"
    written.write_text(mapping_text(explained), encoding="utf-8")
    again = load_ledger(path, FORMAT, mapping=read_mapping(written, FORMAT))
    assert (
        visits(again)
        == visits(load_ledger(path, FORMAT, mapping=mapping))
        == [(date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,))]
    )


def test_a_mapping_naming_the_register_sheet_and_a_log_for_the_visits_reads_both(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path,
        [["张三", ZHANG, "低保", "2024-04-01", "入户"]],
        [["张三", ZHANG, "2024-05-06", "电话"]],
    )
    mapping = _mapped(tmp_path, "花名册", "走访记录")
    result = load_ledger(path, FORMAT, mapping=mapping)
    assert visits(result) == [
        (date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,)),
        (date(2024, 5, 6), ContactMode.PHONE, (ZHANG,)),
    ]
    assert result.sheets_of(RecordKind.CONTACTS) == ("花名册", "走访记录")
    explained = explain(path, FORMAT, mapping)
    assert [(s.kind, s.sheet) for s in explained] == [
        (RecordKind.RECIPIENTS, "花名册"),
        (RecordKind.CONTACTS, "花名册"),
        (RecordKind.CONTACTS, "走访记录"),
    ]
