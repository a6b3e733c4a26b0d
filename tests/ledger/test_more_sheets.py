"""A record kind kept over several sheets (``ledger.more_sheets``): a register split by category
or village, visits split by month. Every sheet of the kind is read, each one said; sheets of
another kind, another year or another table are not taken for it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from socialwork_national.formats import FORMAT
from stdnum.cn import ric

from socialwork_core.ledger import LoadResult, RecordKind, load_ledger
from socialwork_core.ledger.mapping import (
    LedgerMapping,
    SheetMapping,
    explain,
    mapping_text,
    read_mapping,
)
from socialwork_core.ledger.sheet_names import village_of_sheet

Rows = Sequence[Sequence[Any]]


def resident_id(birth: str, sequence: int) -> str:
    first = f"440111{birth}{sequence:03d}"
    return first + str(ric.calc_check_digit(first + "0"))


CHEN = ("陈大明", resident_id("19560312", 11), "东湖村")
HUANG = ("黄秀英", resident_id("19400101", 22), "东湖村")
ZHANG = ("张伯", resident_id("19380202", 31), "南山村")
LITTLE = ("陈小明", resident_id("20150505", 41), "东湖村")


def workbook(path: Path, sheets: dict[str, Rows]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def person_rows(*people: tuple[str, str, str]) -> list[list[str]]:
    return [["姓名", "身份证号码", "村（居）"], *([n, i, v] for n, i, v in people)]


def visit_rows(*visits: tuple[str, str, str]) -> list[list[str]]:
    return [["探访日期", "姓名", "探访方式"], *([d, n, m] for d, n, m in visits)]


def load(path: Path, mapping: LedgerMapping | None = None) -> LoadResult:
    return load_ledger(path, FORMAT, mapping=mapping)


def codes(result: LoadResult) -> list[str]:
    return [issue.finding.code for issue in result.issues]


def test_a_register_split_by_category_and_visits_split_by_month_are_read_whole(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "split.xlsx",
        {
            "低保对象": person_rows(CHEN),
            "特困人员名单": person_rows(HUANG, ZHANG),
            "留守儿童": person_rows(LITTLE),
            "1月走访": visit_rows(
                ("2024-01-05", "陈大明", "入户"), ("2024-01-09", "黄秀英", "电话")
            ),
            "2月走访": visit_rows(("2024-02-03", "张伯", "入户"), ("2024-02-11", "陈小明", "入户")),
        },
    )
    result = load(path)
    people = {p.name: p for p in result.ledger.recipients}
    assert sorted(people) == sorted(p[0] for p in (CHEN, HUANG, ZHANG, LITTLE))
    # each person takes the category their sheet's name says (the sheet has no category column)
    assert people["陈大明"].categories == {"subsistence_allowance"}
    assert people["张伯"].categories == {"extreme_poverty"}
    assert people["陈小明"].categories == {"left_behind_child"}
    # every visit of both months linked to its person
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 1, 5), (people["陈大明"].key,)),
        (date(2024, 1, 9), (people["黄秀英"].key,)),
        (date(2024, 2, 3), (people["张伯"].key,)),
        (date(2024, 2, 11), (people["陈小明"].key,)),
    ]
    assert len({c.id for c in result.ledger.contacts}) == 4  # derived IDs count on across sheets
    assert not result.errors
    assert set(result.sheets_of(RecordKind.RECIPIENTS)) == {"低保对象", "特困人员名单", "留守儿童"}
    assert result.sheets_of(RecordKind.CONTACTS) == ("1月走访", "2月走访")
    # nothing taken silently: each further sheet and each category from a name is said
    assert codes(result).count("ledger.sheet_continued") == 3
    assert codes(result).count("ledger.category_from_sheet_name") == 3


def test_a_person_on_two_category_sheets_is_one_person_with_both_categories(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "twice.xlsx",
        {"低保对象": person_rows(CHEN, HUANG), "残疾人": person_rows(ZHANG, CHEN)},
    )
    result = load(path)
    chen = [p for p in result.ledger.recipients if p.name == "陈大明"]
    assert len(chen) == 1
    assert chen[0].categories == {"subsistence_allowance", "disabled_person"}
    listed = [i for i in result.issues if i.finding.code == "ledger.listed_on_two_sheets"]
    assert [(i.sheet, i.row) for i in listed] == [("残疾人", 3)]
    assert "低保对象" in listed[0].finding.message
    assert not result.errors


def test_a_category_column_keeps_its_own_words_an_empty_cell_takes_the_sheets(
    tmp_path: Path,
) -> None:
    rows = [["姓名", "身份证号码", "对象类别"], [*CHEN[:2], "残疾人"], [*HUANG[:2], ""]]
    result = load(workbook(tmp_path / "column.xlsx", {"特困人员": rows}))
    people = {p.name: p.categories for p in result.ledger.recipients}
    assert people == {"陈大明": {"disabled_person"}, "黄秀英": {"extreme_poverty"}}


def test_sheets_of_another_table_kind_or_year_are_not_taken_for_the_register(
    tmp_path: Path,
) -> None:
    workers = [
        ["姓名", "身份证号码", "学历", "入职日期"],
        ["王社工", ZHANG[1], "本科", "2022-03-01"],
    ]
    path = workbook(
        tmp_path / "others.xlsx",
        {
            "2024年花名册": person_rows(CHEN, HUANG),
            "2023年花名册": person_rows(ZHANG),
            "培训人员": workers,
            "走访": visit_rows(("2024-01-05", "陈大明", "入户")),
        },
    )
    result = load(path)
    assert sorted(p.name for p in result.ledger.recipients) == ["陈大明", "黄秀英"]
    assert result.sheets_of(RecordKind.RECIPIENTS) == ("2024年花名册",)
    assert result.sheets_of(RecordKind.CONTACTS) == ("走访",)
    skipped = [i for i in result.issues if i.finding.code == "ledger.other_year_sheet_skipped"]
    assert [i.sheet for i in skipped] == ["2023年花名册"]
    assert "2024年花名册" in skipped[0].finding.message


def test_monthly_one_sheet_logs_give_one_register_and_every_visit(tmp_path: Path) -> None:
    header = ["姓名", "身份证号码", "对象类别", "走访日期", "走访方式"]
    january = [
        header,
        [*CHEN[:2], "低保", "2024-01-05", "入户"],
        [*HUANG[:2], "特困", "2024-01-06", "电话"],
    ]
    february = [
        header,
        [*CHEN[:2], "低保", "2024-02-03", "电话"],
        [*ZHANG[:2], "特困", "2024-02-04", "入户"],
    ]
    result = load(workbook(tmp_path / "log.xlsx", {"1月": january, "2月": february}))
    assert sorted(p.name for p in result.ledger.recipients) == ["张伯", "陈大明", "黄秀英"]
    assert sorted(c.on for c in result.ledger.contacts) == [
        date(2024, 1, 5),
        date(2024, 1, 6),
        date(2024, 2, 3),
        date(2024, 2, 4),
    ]
    assert len({c.id for c in result.ledger.contacts}) == 4
    assert not result.errors


def test_a_mapping_naming_the_sheet_reads_that_sheet_alone(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mapped.xlsx",
        {"低保对象": person_rows(CHEN), "特困人员": person_rows(HUANG)},
    )
    mapping = LedgerMapping((SheetMapping(RecordKind.RECIPIENTS, "特困人员"),))
    result = load(path, mapping)
    assert [p.name for p in result.ledger.recipients] == ["黄秀英"]


MONTHS = [f"{m}月走访" for m in range(1, 13)]
VISITS = [
    (f"2024-{m:02d}-{d:02d}", name, mode)
    for m in range(1, 7)
    for d, (name, mode) in zip(
        (3, 12, 25), [("陈大明", "入户"), ("黄秀英", "电话"), ("张伯", "入户")], strict=False
    )
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cuts=st.lists(st.integers(1, len(VISITS) - 1), max_size=5, unique=True))
def test_splitting_a_visit_log_over_month_sheets_never_changes_the_visits_read(
    tmp_path: Path, cuts: list[int]
) -> None:
    bounds = [0, *sorted(cuts), len(VISITS)]
    sheets: dict[str, Rows] = {"花名册": person_rows(CHEN, HUANG, ZHANG)}
    for number, (start, end) in enumerate(itertools.pairwise(bounds)):
        sheets[MONTHS[number]] = visit_rows(*VISITS[start:end])
    result = load(workbook(tmp_path / f"cut{len(cuts)}.xlsx", sheets))
    read = [(c.on.isoformat(), c.recipient_keys, c.mode) for c in result.ledger.contacts]
    whole = load(
        workbook(
            tmp_path / "whole.xlsx",
            {"花名册": person_rows(CHEN, HUANG, ZHANG), "探访": visit_rows(*VISITS)},
        )
    )
    assert read == [(c.on.isoformat(), c.recipient_keys, c.mode) for c in whole.ledger.contacts]
    assert not result.errors


def test_the_map_shows_every_sheet_of_a_kind_and_read_back_reads_them_all(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mapped.xlsx",
        {
            "低保对象": person_rows(CHEN),
            "特困人员": person_rows(HUANG, ZHANG),
            "1月走访": visit_rows(("2024-01-05", "陈大明", "入户")),
            "2月走访": visit_rows(("2024-02-03", "张伯", "入户")),
        },
    )
    explained = explain(path, FORMAT)
    assert [(e.kind, e.sheet) for e in explained] == [
        (RecordKind.RECIPIENTS, "低保对象"),
        (RecordKind.RECIPIENTS, "特困人员"),
        (RecordKind.CONTACTS, "1月走访"),
        (RecordKind.CONTACTS, "2月走访"),
    ]
    written = tmp_path / "mapping.toml"
    written.write_text(mapping_text(explained), encoding="utf-8")
    again = load(path, read_mapping(written, FORMAT))
    alone = load(path)
    assert again.ledger.recipients == alone.ledger.recipients
    assert again.ledger.contacts == alone.ledger.contacts


def test_a_register_kept_one_sheet_per_village_gives_each_person_their_village(
    tmp_path: Path,
) -> None:
    people = [["姓名", "身份证号码", "对象类别"]]
    path = workbook(
        tmp_path / "villages.xlsx",
        {
            "东湖村": [*people, [*CHEN[:2], "低保"], [*LITTLE[:2], "留守儿童"]],
            "南山村名单": [*people, [*ZHANG[:2], "特困"]],
            "走访": [
                ["探访日期", "村居", "姓名", "探访方式"],
                ["2024-03-05", "南山村", "张伯", "入户"],
            ],
        },
    )
    result = load(path)
    assert {p.name: p.village for p in result.ledger.recipients} == {
        "陈大明": "东湖村",
        "陈小明": "东湖村",
        "张伯": "南山村",
    }
    said = {
        i.sheet: i.finding.message
        for i in result.issues
        if i.code == "ledger.village_from_sheet_name"
    }
    assert set(said) == {"东湖村", "南山村名单"}
    assert "2人" in said["东湖村"]
    assert [c.recipient_keys for c in result.ledger.contacts] == [(ZHANG[1],)]
    assert not result.errors


def test_a_sheet_name_gives_a_village_only_when_it_names_one() -> None:
    assert village_of_sheet("东湖村") == "东湖村"
    assert village_of_sheet("2024年城关社区花名册") == "城关社区"
    assert village_of_sheet("西湖村名单") == "西湖村"
    for name in ("低保户", "花名册", "Sheet1", "特困人员", "服务对象"):
        assert village_of_sheet(name) is None


def test_visits_of_another_year_are_read_a_register_of_another_year_is_not(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "years.xlsx",
        {
            "2024年花名册": person_rows(CHEN),
            "2023年花名册": person_rows(HUANG),
            "2024年走访": visit_rows(("2024-01-05", "陈大明", "入户")),
            "2023年走访": visit_rows(("2023-12-20", "陈大明", "电话")),
        },
    )
    result = load(path)
    assert [p.name for p in result.ledger.recipients] == ["陈大明"]
    assert sorted(c.on for c in result.ledger.contacts) == [date(2023, 12, 20), date(2024, 1, 5)]
    skipped = [i.sheet for i in result.issues if i.code == "ledger.other_year_sheet_skipped"]
    assert skipped == ["2023年花名册"]


def test_the_latest_years_register_is_read_whatever_the_order_of_the_sheets(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "years.xlsx",
        {
            "2023年花名册": person_rows(HUANG),
            "2024年花名册": person_rows(CHEN),
            "走访": visit_rows(("2024-01-05", "陈大明", "入户")),
        },
    )
    result = load(path)
    assert [p.name for p in result.ledger.recipients] == ["陈大明"]
    assert result.sheets_of(RecordKind.RECIPIENTS) == ("2024年花名册",)
    (read,) = [i for i in result.issues if i.code == "ledger.later_year_sheet_read"]
    assert read.sheet == "2024年花名册" and "2023年花名册" in read.message
    skipped = [i.sheet for i in result.issues if i.code == "ledger.other_year_sheet_skipped"]
    assert skipped == ["2023年花名册"]
