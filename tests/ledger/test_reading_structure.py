"""Ledgers as stations lay them out (issue #11 points 2–6): title lines, headers over two and three
rows, section headings carrying a village, totals and signatures skipped, instruction and option
sheets left alone, no key of ours required, visits found by ID or name, one-sheet logs, and the
person kept while a cell is flagged. Built on the national layout, which every adapter extends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from socialwork_national.formats import FORMAT
from workbooks import workbook as ledger

from socialwork_core.glossary import Category, ContactMode, RegisterStatus
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LoadResult, load_ledger

ZHANG = resident_id.compose("440111", date(1950, 1, 2), 11)
LI = resident_id.compose("440111", date(1948, 3, 4), 22)
WANG = resident_id.compose("440111", date(1960, 5, 6), 31)


def read(path: Path) -> LoadResult:
    return load_ledger(path, FORMAT)


def codes(result: LoadResult) -> list[str]:
    return [i.code for i in result.issues]


def test_title_and_unit_lines_above_a_three_row_header_are_not_data(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "Sheet1": [["填表说明：每季度更新"]],
            "Sheet2": [
                ["某镇2024年服务对象台账", None, None, None, None, None],
                ["填报单位：某镇社工站", None, None, None, "填报时间：2024年4月3日", None],
                ["序号", "基本情况", None, None, "残疾情况", None],
                [None, "姓名", "身份证号码", "村居", "类别", "等级"],
                [None, None, None, None, None, None],
                [1, "张三", ZHANG, "东村", None, None],
                [2, "李四", LI, "西村", None, None],
            ],
        },
        merges={"Sheet2": ["A1:F1", "A3:A4", "B3:D3", "E3:F3"]},
    )
    result = read(path)
    assert [(p.name, p.village) for p in result.ledger.recipients] == [
        ("张三", "东村"),
        ("李四", "西村"),
    ]
    assert result.sheets[FORMAT.sheets[0].kind] == "Sheet2"
    assert not result.errors


def test_a_section_heading_carries_its_village_and_totals_and_signatures_are_skipped(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "花名册": [
                ["序号", "姓名", "身份证号", "村居", "类别"],
                ["一、金坪村（2人）", None, None, None, None],
                [1, "张三", ZHANG, None, "低保"],
                [2, "李四", LI, None, "特困"],
                ["小计：2人", None, None, None, None],
                ["二、银坪村（1人）", None, None, None, None],
                [1, "王五", WANG, None, "低保"],
                ["合计", 3, None, None, None],
                ["填表人：某某", None, "审核人：某某", None, None],
            ]
        },
        merges={"花名册": ["A2:E2", "A6:E6"]},
    )
    result = read(path)
    assert [(p.name, p.village) for p in result.ledger.recipients] == [
        ("张三", "金坪村"),
        ("李四", "金坪村"),
        ("王五", "银坪村"),
    ]
    assert codes(result).count("tabular.section_heading") == 2
    assert codes(result).count("tabular.footer_row_skipped") == 3
    assert not result.errors and not result.rejected


def test_a_header_repeated_lower_down_is_skipped_and_the_rows_on_both_sides_are_read(
    tmp_path: Path,
) -> None:
    header = ["姓名", "身份证号", "村居"]
    path = ledger(
        tmp_path / "l.xlsx",
        {"服务对象": [header, ["张三", ZHANG, "东村"], header, ["李四", LI, "西村"]]},
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "李四"]
    assert "tabular.non_data_row_skipped" in codes(result)


def test_a_hidden_stale_sheet_is_never_preferred_to_the_visible_one(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象台账": [["姓名", "身份证号"], ["旧人", WANG]],
            "花名册": [["姓名", "身份证号", "村居"], ["张三", ZHANG, "东村"]],
        },
        hidden=["服务对象台账"],
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三"]


def test_no_key_of_ours_is_required_people_are_keyed_by_id_else_by_name_and_village(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名册": [
                ["序号", "姓名", "身份证号码", "村（社区）"],
                [1, "张三", ZHANG, "东村"],
                [2, "钟秀英", None, "东村"],
                [3, "钟秀英", None, "西村"],
            ],
            "走访": [
                ["序号", "走访日期", "姓名", "村（社区）", "身份证号码", "走访方式"],
                [1, "2024-04-01", "张三", "东村", ZHANG, "入户走访"],
                [2, "2024-04-02", "钟秀英", "西村", None, "电话回访"],
                [3, "2024-04-03", "钟秀英", None, None, "入户"],  # which one? refused
                [4, "2024-04-04", "张叁", "东村", None, "入户"],  # sounds like 张三: reported
            ],
        },
    )
    result = read(path)
    assert [p.key for p in result.ledger.recipients] == [ZHANG, "钟秀英·东村", "钟秀英·西村"]
    visits = [(c.on, c.mode, c.recipient_keys) for c in result.ledger.contacts]
    assert visits == [
        (date(2024, 4, 1), ContactMode.HOME_VISIT, (ZHANG,)),
        (date(2024, 4, 2), ContactMode.PHONE, ("钟秀英·西村",)),
    ]
    assert len({c.id for c in result.ledger.contacts}) == 2  # derived, stable ids
    refused = {r.row: [i.code for i in r.issues] for r in result.rejected}
    assert refused == {4: ["ledger.recipient_ambiguous"], 5: ["ledger.recipient_sounds_like"]}
    sounds = next(i for r in result.rejected for i in r.issues if r.row == 5)
    assert "张三" in sounds.message


def test_a_visit_with_a_mistyped_id_is_linked_by_the_name_with_a_warning(tmp_path: Path) -> None:
    swapped = ZHANG[:6] + ZHANG[7] + ZHANG[6] + ZHANG[8:]  # two digits swapped: check fails
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名册": [["姓名", "身份证号码"], ["张三", ZHANG]],
            "走访": [
                ["走访日期", "姓名", "身份证号码", "走访方式"],
                ["2024-04-01", "张三", swapped, "上门"],
            ],
        },
    )
    result = read(path)
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == (ZHANG,)
    assert (not result.errors and "ledger.linked_by_name" in codes(result)) or any(
        i.column == "C" and not i.is_error for i in result.issues
    )


def test_a_visit_with_a_mistyped_key_is_linked_by_its_id_number_with_a_warning(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象": [["档案号", "姓名", "身份证号"], ["A1", "张三", ZHANG]],
            "探访记录": [
                ["探访日期", "档案号", "身份证号", "探访方式"],
                ["2024-04-01", "A7", ZHANG, "入户"],  # A7 for A1: the ID number is right
                ["2024-04-02", "A8", "11010519491231002X", "电话"],  # neither is registered
            ],
        },
    )
    result = read(path)
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == ("A1",)
    linked = next(i for i in result.issues if i.code == "ledger.linked_by_resident_id")
    assert (linked.sheet, linked.row, linked.column) == ("探访记录", 2, "B")
    assert "A7" in linked.message and "A1" in linked.message
    assert [i.code for r in result.rejected for i in r.issues] == [
        "ledger.unknown_recipient",
        "ledger.unknown_recipient",
    ]


def test_a_bad_cell_is_flagged_and_the_person_kept_with_every_visit(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象": [
                ["档案号", "姓名", "身份证号", "对象类别", "服务等级", "联系电话"],
                ["A1", "张三", int(ZHANG[:17] + "0"), "低保、火星人", "甲级", "1380013800"],
            ],
            "探访记录": [["探访日期", "档案号", "探访方式"], ["2024-04-01", "A1", "飞鸽传书"]],
        },
    )
    result = read(path)
    (person,) = result.ledger.recipients
    assert person.name == "张三" and person.resident_id is None
    assert Category.SUBSISTENCE_ALLOWANCE in person.categories
    (visit,) = result.ledger.contacts
    assert visit.recipient_keys == ("A1",) and visit.mode is None
    flagged = {(i.sheet, i.column) for i in result.issues if i.severity.value == "warning"}
    assert {("服务对象", "C"), ("服务对象", "D"), ("服务对象", "E"), ("探访记录", "C")} <= flagged
    assert not result.rejected


def test_only_a_row_that_identifies_no_one_is_refused(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象": [["档案号", "姓名"], ["A1", "张三"], ["A2", None]],
            "探访记录": [
                ["探访日期", "档案号", "探访方式"],
                ["2024-02-30", "A1", "入户"],  # no such day: no usable date
                ["2024-03-01", None, "入户"],  # no person
                ["2024-03-02", "A1", "入户"],
            ],
        },
    )
    result = read(path)
    assert [(r.sheet, r.row) for r in result.rejected] == [
        ("服务对象", 3),
        ("探访记录", 2),
        ("探访记录", 3),
    ]
    assert len(result.ledger.contacts) == 1


def test_a_one_sheet_log_with_a_row_per_visit_gives_the_register_and_the_visits(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "走访登记": [
                ["序号", "姓名", "身份证号码", "人员类别", "走访日期", "走访方式"],
                [1, "张三", ZHANG, "低保", "2024-04-01", "入户"],
                [2, "李四", LI, "特困", "2024-04-02", "电话"],
                [3, "张三", ZHANG, "低保", "2024-05-06", "视频"],
            ]
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "李四"]
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 4, 1), (ZHANG,)),
        (date(2024, 4, 2), (LI,)),
        (date(2024, 5, 6), (ZHANG,)),
    ]
    assert not result.errors


def test_visits_across_a_register_row_are_read_per_month(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "走访台账": [
                ["序号", "姓名", "身份证号", "4月走访", None, "5月走访", None],
                [None, None, None, "走访时间", "走访方式", "走访时间", "走访方式"],
                [1, "张三", ZHANG, "2024-04-11", "入户", None, None],
                [2, "李四", LI, "2024-04-12", "电话", "2024-05-20", "上门走访"],
            ]
        },
        merges={"走访台账": ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"]},
    )
    result = read(path)
    assert len(result.ledger.recipients) == 2
    assert sorted((c.on, c.mode.value if c.mode else None) for c in result.ledger.contacts) == [
        (date(2024, 4, 11), "home_visit"),
        (date(2024, 4, 12), "phone"),
        (date(2024, 5, 20), "home_visit"),
    ]
    assert all("走访" not in h for p in result.ledger.recipients for h in p.extras)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("第1次走访日期", "第2次走访日期"),
        ("第一次走访时间", "第二次走访时间"),
        ("走访日期", "走访日期"),
    ],
)
def test_visits_across_a_register_row_under_no_heading_are_read_one_per_repeated_date(
    tmp_path: Path, first: str, second: str
) -> None:
    """A register kept for a year adds a date and a mode column per visit, headed alike but for
    their number (or not at all): each date column with the mode beside it is one visit."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "关爱台账": [
                ["序号", "姓名", "身份证号", "人员类别", first, "走访方式", second, "走访方式"],
                [1, "张三", ZHANG, "低保", "2024-04-11", "入户", None, None],
                [2, "李四", LI, "特困", "2024-04-12", "电话", "2024-05-20", "上门走访"],
            ]
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "李四"]
    assert sorted(
        (c.on, c.mode.value if c.mode else None, c.recipient_keys) for c in result.ledger.contacts
    ) == [
        (date(2024, 4, 11), "home_visit", (ZHANG,)),
        (date(2024, 4, 12), "phone", (LI,)),
        (date(2024, 5, 20), "home_visit", (LI,)),
    ]
    assert all("走访" not in h for p in result.ledger.recipients for h in p.extras)


def test_a_log_with_two_different_date_headers_is_still_a_visit_per_row(tmp_path: Path) -> None:
    """走访日期 beside 服务时间 are not one column repeated: the row is one visit, on the first."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "走访登记": [
                ["姓名", "身份证号码", "走访日期", "走访方式", "服务时间"],
                ["张三", ZHANG, "2024-04-01", "入户", "2024-04-03"],
                ["李四", LI, "2024-04-02", "电话", "2024-04-05"],
            ]
        },
    )
    result = read(path)
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 4, 1), (ZHANG,)),
        (date(2024, 4, 2), (LI,)),
    ]


@pytest.mark.parametrize("header", ["纳入关爱日期", "认定日期", "入院日期", "服务日期"])
def test_a_register_date_that_names_no_visit_is_kept_and_the_visit_log_is_read(
    tmp_path: Path, header: str
) -> None:
    """A date column matching only the bare 日期 of a visit log, with no mode column beside it,
    is no visit: the person keeps it as an extra, and the visit log on its own sheet is read."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象花名册": [
                ["姓名", "身份证号码", "对象类别", header],
                ["张三", ZHANG, "低保", "2020-05-01"],
                ["李四", LI, "特困", "2021-03-01"],
            ],
            "走访记录": [
                ["走访日期", "姓名", "身份证号码", "走访方式"],
                ["2024-06-03", "张三", ZHANG, "入户"],
            ],
        },
    )
    result = read(path)
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 6, 3), (ZHANG,))
    ]
    assert [p.extras.get(header) for p in result.ledger.recipients] == ["2020-05-01", "2021-03-01"]
    assert "onesheet.visits_on_register" not in codes(result)


@pytest.mark.parametrize(
    "header", [["日期", "方式"], ["回访日期"], ["服务时间", "服务方式"], ["家访日期", "备注"]]
)
def test_a_one_sheet_log_dated_by_a_bare_date_beside_a_mode_or_by_a_visit_word_is_read(
    tmp_path: Path, header: list[str]
) -> None:
    extra = ["入户"] if len(header) == 2 else []
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "走访明细": [
                ["姓名", "身份证号码", "对象类别", *header],
                ["张三", ZHANG, "低保", "2024-08-05", *extra],
                ["李四", LI, "特困", "2024-08-06", *extra],
            ]
        },
    )
    result = read(path)
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 8, 5), (ZHANG,)),
        (date(2024, 8, 6), (LI,)),
    ]


REGISTER_HEADER = ["序号", "姓名", "身份证号码", "对象类别", "联系电话"]
VISIT_HEADER = ["序号", "姓名", "身份证号码", "走访日期", "走访方式"]


def test_a_register_kept_per_village_and_a_log_kept_per_month_are_read_whole(
    tmp_path: Path,
) -> None:
    """Sheets headed exactly as the one a kind was found in go on with it: every village's people
    and every month's visits are read, each further sheet named in an info, and visits counted
    on across the months (no two get one derived id)."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "东村": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "西村": [REGISTER_HEADER, [1, "李四", LI, "特困", "13800000002"]],
            "1月": [VISIT_HEADER, [1, "张三", ZHANG, "2024-01-05", "入户"]],
            "2月": [
                VISIT_HEADER,
                [1, "李四", LI, "2024-02-05", "电话"],
                [2, "张三", ZHANG, "2024-02-06", "入户"],
            ],
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "李四"]
    assert [(c.on, c.recipient_keys) for c in result.ledger.contacts] == [
        (date(2024, 1, 5), (ZHANG,)),
        (date(2024, 2, 5), (LI,)),
        (date(2024, 2, 6), (ZHANG,)),
    ]
    assert len({c.id for c in result.ledger.contacts}) == 3
    continued = [(i.sheet, i.code) for i in result.issues if i.code == "ledger.sheet_continued"]
    assert continued == [("西村", "ledger.sheet_continued"), ("2月", "ledger.sheet_continued")]
    assert result.recipient_rows[LI] == ("西村", 2)
    assert not result.errors


def test_a_person_on_two_sheets_of_one_register_is_a_duplicate_said_so(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "东村": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "西村": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三"]
    assert {(i.sheet, i.row) for i in result.errors} == {("西村", 2)}
    assert "ledger.duplicate_key" in codes(result)


def test_a_hidden_copy_is_no_part_of_the_register_a_list_with_one_more_column_is(
    tmp_path: Path,
) -> None:
    """A copy kept hidden is not read as more of the register; a village's list with a column
    of its own (备注) is the same table (``ledger.more_sheets.SAME_TABLE``), its extra kept."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "东村": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "旧名单": [REGISTER_HEADER, [1, "李四", LI, "特困", "13800000002"]],
            "西村": [[*REGISTER_HEADER, "备注"], [1, "王五", WANG, "低保", "13800000003", "新增"]],
        },
        hidden=["旧名单"],
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "王五"]
    assert [i.sheet for i in result.issues if i.code == "ledger.sheet_continued"] == ["西村"]
    assert not result.errors


def test_a_copy_named_as_one_is_not_read_as_more_of_the_register(tmp_path: Path) -> None:
    """备份, 副本, 旧 … or Excel's 东村名单 (2): a copy beside the register, passed over with a finding
    (every person on it would otherwise be a duplicate)."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "东村名单": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "东村名单 (2)": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "名单备份": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三"]
    assert not result.errors
    skipped = [i.sheet for i in result.issues if i.code == "ledger.copy_sheet_skipped"]
    assert skipped == ["东村名单 (2)", "名单备份"]


def test_a_sheet_named_for_the_register_is_the_whole_register(tmp_path: Path) -> None:
    """The layout's own sheet name says where the register is: a sheet headed alike beside it
    is not added to it."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "服务对象": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
            "备份": [REGISTER_HEADER, [1, "张三", ZHANG, "低保", "13800000001"]],
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三"]
    assert not result.errors


def test_yes_or_no_columns_asking_after_a_category_are_read_as_its_ticks(tmp_path: Path) -> None:
    """是否低保 | 是否特困 | 是否残疾人 with 是/否 (or √) are the categories asked after: 是 counts,
    否 does not, an info names the columns; a question after something that is no category
    (是否享受高龄津贴) stays the person's extra."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                [
                    "序号",
                    "姓名",
                    "身份证号码",
                    "是否低保",
                    "是否特困",
                    "是否残疾人",
                    "是否享受高龄津贴",
                ],
                [1, "张三", ZHANG, "是", "否", "√", "是"],
                [2, "李四", LI, "否", "是", None, "否"],
            ]
        },
    )
    result = read(path)
    assert [(p.name, set(p.categories)) for p in result.ledger.recipients] == [
        ("张三", {Category.SUBSISTENCE_ALLOWANCE.value, Category.DISABLED_PERSON.value}),
        ("李四", {Category.EXTREME_POVERTY.value}),
    ]
    assert [p.extras for p in result.ledger.recipients] == [
        {"序号": "1", "是否享受高龄津贴": "是"},
        {"序号": "2", "是否享受高龄津贴": "否"},
    ]
    assert codes(result).count("tabular.columns_asked") == 1
    assert not [i for i in result.issues if i.severity.value != "info"]


def test_categories_ticked_with_1_under_a_hardship_type_heading_are_read(tmp_path: Path) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "身份证号码", "困难类型", None, None],
                [None, None, None, "低保", "特困", "孤儿"],
                [1, "张三", ZHANG, 1, None, None],
                [2, "李四", LI, None, 1, 0],
            ]
        },
        merges={"名单": ["A1:A2", "B1:B2", "C1:C2", "D1:F1"]},
    )
    result = read(path)
    assert [set(p.categories) for p in result.ledger.recipients] == [
        {Category.SUBSISTENCE_ALLOWANCE.value},
        {Category.EXTREME_POVERTY.value},
    ]


def test_a_category_column_and_a_question_column_beside_it_are_read_together(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "身份证号码", "对象类别", "是否为残疾人"],
                [1, "张三", ZHANG, "低保", "是"],
                [2, "李四", LI, "特困", "否"],
            ]
        },
    )
    result = read(path)
    assert [set(p.categories) for p in result.ledger.recipients] == [
        {Category.SUBSISTENCE_ALLOWANCE.value, Category.DISABLED_PERSON.value},
        {Category.EXTREME_POVERTY.value},
    ]


def test_a_persons_status_is_read_from_the_words_a_register_writes(tmp_path: Path) -> None:
    """人员状态 of 正常/已故/已迁出: the dead and the moved away are no longer on the register (no
    visit is due to them), read without a warning."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "身份证号码", "对象类别", "人员状态"],
                [1, "张三", ZHANG, "低保", "正常"],
                [2, "李四", LI, "特困", "已故"],
                [3, "王五", WANG, "低保", "已迁出"],
            ]
        },
    )
    result = read(path)
    assert [p.status for p in result.ledger.recipients] == [
        RegisterStatus.ACTIVE,
        RegisterStatus.DECEASED,
        RegisterStatus.MOVED_OUT,
    ]
    assert not [i for i in result.issues if i.severity.value != "info"]


def test_a_name_with_a_bracketed_remark_on_one_sheet_finds_the_name_without_it(
    tmp_path: Path,
) -> None:
    """张三（户主） on the register is the 张三 a visit log names, and 李四 on the register the
    李四(低保) of the log; a person called exactly so is still found first."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "村（社区）", "对象类别"],
                [1, "张三（户主）", "东村", "低保"],
                [2, "李四", "东村", "特困"],
                [3, "王五(长子)", "东村", "低保"],
                [4, "王五", "东村", "低保"],
            ],
            "走访记录": [
                ["走访日期", "姓名", "村（社区）", "走访方式"],
                ["2024-05-01", "张三", "东村", "入户"],
                ["2024-05-02", "李四(低保)", "东村", "入户"],
                ["2024-05-03", "王五", "东村", "电话"],
            ],
        },
    )
    result = read(path)
    key_of = {p.name: p.key for p in result.ledger.recipients}
    assert [c.recipient_keys for c in result.ledger.contacts] == [
        (key_of["张三（户主）"],),
        (key_of["李四"],),
        (key_of["王五"],),
    ]
    assert not result.errors


@pytest.mark.parametrize(
    "under_the_header",
    [
        ["", "必填", "必填，18位", "可多选，用顿号分隔", "手机号"],
        ["示例", "张某某", "110105194912310021", "低保", "13800000000"],
        ["（例）", "张某某", "", "低保、残疾", ""],
    ],
)
def test_a_row_of_hints_or_an_example_under_the_header_is_no_person(
    tmp_path: Path, under_the_header: list[str]
) -> None:
    """A template's row of hints (必填, 可多选) or its example (示例 | 张某某 | …) is skipped with an
    info naming it, never read as someone on the register."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "身份证号码", "对象类别", "联系电话"],
                under_the_header,
                [1, "张三", ZHANG, "低保", "13800000001"],
                [2, "李四", LI, "特困", "13800000002"],
            ]
        },
    )
    result = read(path)
    assert [p.name for p in result.ledger.recipients] == ["张三", "李四"]
    assert [(i.code, i.row) for i in result.issues if i.row == 2] == [
        ("tabular.non_data_row_skipped", 2)
    ]
    assert not [i for i in result.issues if i.severity.value != "info"]


def test_a_name_cell_holding_the_id_number_too_finds_the_person_by_it(tmp_path: Path) -> None:
    """服务对象 “张三/4401…” or “李四 4401…”: the register's holder of the number, when the name
    beside it is theirs; a number beside someone else's name links no one (the row is refused)."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["序号", "姓名", "身份证号码", "对象类别"],
                [1, "张三", ZHANG, "低保"],
                [2, "李四", LI, "特困"],
                [3, "王五", WANG, "低保"],
            ],
            "走访记录": [
                ["走访日期", "服务对象", "走访方式"],
                ["2024-05-01", f"张三/{ZHANG}", "入户"],
                ["2024-05-02", f"李四 {LI}", "电话"],
                ["2024-05-03", f"{WANG}", "电话"],
                ["2024-05-04", f"王五（{ZHANG}）", "电话"],
            ],
        },
    )
    result = read(path)
    assert [(c.on.day, c.recipient_keys) for c in result.ledger.contacts] == [
        (1, (ZHANG,)),
        (2, (LI,)),
        (3, (WANG,)),
    ]
    assert [(i.sheet, i.row) for i in result.errors] == [("走访记录", 5)]


@pytest.mark.parametrize("written", ["4月8日", "4.8"])
def test_a_date_without_its_year_takes_the_year_of_the_sheets_title(
    tmp_path: Path, written: str
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "花名册": [["姓名", "身份证号"], ["张三", ZHANG]],
            "走访登记": [
                ["某镇2024年4-6月走访登记"],
                ["日期", "姓名", "走访方式"],
                [written, "张三", "入户"],
            ],
        },
        merges={"走访登记": ["A1:C1"]},
    )
    result = read(path)
    assert [c.on for c in result.ledger.contacts] == [date(2024, 4, 8)]


def test_a_category_with_a_bracketed_remark_is_read_as_its_word_and_the_remark_noted(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {"花名册": [["姓名", "身份证号", "人员类别"], ["张三", ZHANG, "孤儿（散居）、低保"]]},
    )
    result = read(path)
    (person,) = result.ledger.recipients
    assert person.categories == frozenset({Category.ORPHAN, Category.SUBSISTENCE_ALLOWANCE})
    (noted,) = [i for i in result.issues if i.code == "tabular.bracket_remark"]
    assert "散居" in noted.message and not noted.is_error


def test_a_visit_naming_two_modes_takes_the_one_that_counts_most(tmp_path: Path) -> None:
    """入户走访、电话: a home visit satisfies every requirement a call does and more (docs/domain.md
    section 3), so the visit is a home visit, with an info naming both words at the cell."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [["姓名", "身份证号码"], ["张三", ZHANG], ["李四", LI]],
            "走访": [
                ["走访日期", "身份证号码", "走访方式"],
                ["2024-04-01", ZHANG, "入户走访、电话"],
                ["2024-04-02", LI, "电话/微信"],
                ["2024-04-03", LI, "电话"],
            ],
        },
    )
    result = read(path)
    assert [c.mode for c in result.ledger.contacts] == [
        ContactMode.HOME_VISIT,
        ContactMode.PHONE,
        ContactMode.PHONE,
    ]
    said = [i for i in result.issues if i.code == "ledger.mode_of_several"]
    assert [(i.row, i.column, i.severity.value) for i in said] == [
        (2, "C", "info"),
        (3, "C", "info"),
    ]
    assert "入户走访、电话" in said[0].message and "入户" in said[0].message
    assert not [i for i in result.issues if i.severity.value != "info"]


def test_a_mode_cell_with_a_word_of_no_mode_beside_a_mode_is_still_a_warning(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [["姓名", "身份证号码"], ["张三", ZHANG]],
            "走访": [["走访日期", "身份证号码", "走访方式"], ["2024-04-01", ZHANG, "入户、其他"]],
        },
    )
    result = read(path)
    assert [c.mode for c in result.ledger.contacts] == [None]
    assert [i.severity.value for i in result.issues if i.column == "C"] == ["warning"]


def test_a_status_written_as_a_remark_in_the_name_is_the_persons_status(tmp_path: Path) -> None:
    """张三（已故）, 李四(已迁出): the person is linked by the bare name and leaves the register as
    人员状态 would say, with an info at the name cell; a remark that is no status changes nothing."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["姓名", "身份证号码", "对象类别"],
                ["张三（已故）", ZHANG, "低保"],
                ["李四(已迁出)", LI, "特困"],
                ["王五（户主）", WANG, "低保"],
            ],
            "走访": [["走访日期", "姓名", "走访方式"], ["2024-04-01", "张三", "入户"]],
        },
    )
    result = read(path)
    assert [p.status for p in result.ledger.recipients] == [
        RegisterStatus.DECEASED,
        RegisterStatus.MOVED_OUT,
        RegisterStatus.ACTIVE,
    ]
    assert [c.recipient_keys for c in result.ledger.contacts] == [(ZHANG,)]
    said = [(i.row, i.column, i.severity.value) for i in result.issues if i.column == "A"]
    assert said == [(2, "A", "info"), (3, "A", "info")]
    assert not [i for i in result.issues if i.severity.value != "info"]


def test_a_rows_own_status_cell_wins_over_the_remark_in_its_name(tmp_path: Path) -> None:
    """The 人员状态 cell says the status; a remark saying otherwise is a warning at the name, a
    blank cell leaves the remark to say it."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["姓名", "身份证号码", "人员状态"],
                ["张三（已故）", ZHANG, "正常"],
                ["李四(已迁出)", LI, "已迁出"],
                ["王五（注销）", WANG, None],
            ],
        },
    )
    result = read(path)
    assert [p.status for p in result.ledger.recipients] == [
        RegisterStatus.ACTIVE,
        RegisterStatus.MOVED_OUT,
        RegisterStatus.EXITED,
    ]
    found = sorted((i.row, i.code, i.severity.value) for i in result.issues if i.column == "A")
    assert found == [
        (2, "ledger.status_name_disagrees", "warning"),
        (4, "ledger.status_from_name", "info"),
    ]


def test_a_visit_date_written_over_month_and_day_columns_takes_the_sheets_year(
    tmp_path: Path,
) -> None:
    """走访时间 merged over 月 | 日, the year in the sheet's name: one date per visit, and a part
    that is no day of the calendar (13月, 32日) refuses the visit as an unreadable date does, the
    cell named as written."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [["姓名", "身份证号码"], ["张三", ZHANG], ["李四", LI]],
            "2024年走访记录": [
                ["序号", "走访时间", None, "姓名", "走访方式"],
                [None, "月", "日", None, None],
                [1, 4, 5, "张三", "入户"],
                [2, "11月", "30日", "李四", "电话"],
                [3, 13, 6, "李四", "电话"],
                [4, 5, 32, "李四", "电话"],
            ],
        },
        merges={"2024年走访记录": ["A1:A2", "B1:C1", "D1:D2", "E1:E2"]},
    )
    result = read(path)
    visits = [(c.on, c.recipient_keys) for c in result.ledger.contacts]
    assert visits == [(date(2024, 4, 5), (ZHANG,)), (date(2024, 11, 30), (LI,))]
    refused = {r.row: [(i.code, i.column, i.raw) for i in r.issues] for r in result.rejected}
    assert refused == {
        5: [("tabular.date_invalid", "B", "13月6日")],
        6: [("tabular.date_invalid", "B", "5月32日")],
    }
    assert "tabular.date_in_parts_no_year" in codes(result)
    assert "tabular.duplicate_column" not in codes(result)  # 日 is read, not kept aside


def test_a_visit_date_written_over_year_month_and_day_columns_needs_no_title(
    tmp_path: Path,
) -> None:
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [["姓名", "身份证号码"], ["张三", ZHANG]],
            "走访记录": [
                ["姓名", "探访日期", None, None, "探访方式"],
                [None, "年", "月", "日", None],
                ["张三", 2023, 12, 28, "入户"],
                ["张三", "2024", "1", "5", "电话"],
                ["张三", None, None, None, "电话"],  # no date at all: refused as today
                ["张三", 2034, 1, 6, "电话"],  # years away from the others: a warning
                *(["张三", 2024, month, 1, "入户"] for month in range(2, 8)),
            ],
        },
        merges={"走访记录": ["A1:A2", "B1:D1", "E1:E2"]},
    )
    result = read(path)
    assert [(c.on, c.mode) for c in result.ledger.contacts][:3] == [
        (date(2023, 12, 28), ContactMode.HOME_VISIT),
        (date(2024, 1, 5), ContactMode.PHONE),
        (date(2034, 1, 6), ContactMode.PHONE),
    ]
    assert [r.row for r in result.rejected] == [5]
    far = [(i.row, i.column, i.raw) for i in result.issues if i.code.startswith("ledger.visit_far")]
    assert far == [(6, "B", "2034年1月6日")]


def test_a_date_written_whole_under_its_heading_is_not_read_as_parts(tmp_path: Path) -> None:
    """The parts are looked for in the header only: a sheet of whole dates reads as before."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [["姓名", "身份证号码"], ["张三", ZHANG]],
            "走访记录": [["走访日期", "姓名", "日"], ["2024-04-05", "张三", "周五"]],
        },
    )
    result = read(path)
    assert [c.on for c in result.ledger.contacts] == [date(2024, 4, 5)]
    assert not [c for c in codes(result) if c.startswith("tabular.date_in_parts")]


def test_any_date_field_over_part_columns_is_read_so_under_a_deeper_header(
    tmp_path: Path,
) -> None:
    """The register's 出生日期 over 年 | 月 | 日; a visit log whose 走访时间 over 月 | 日 sits in a
    three-row header under a 走访情况 group, the year in its title."""
    path = ledger(
        tmp_path / "l.xlsx",
        {
            "名单": [
                ["姓名", "身份证号码", "出生日期", None, None],
                [None, None, "年", "月", "日"],
                ["张三", ZHANG, 1950, 1, 2],
            ],
            "走访": [
                ["某镇2023年困难群众走访记录", None, None, None, None],
                ["基本情况", None, "走访情况", None, None],
                ["姓名", "身份证号码", "走访时间", None, "走访方式"],
                [None, None, "月", "日", None],
                ["张三", ZHANG, 4, 5, "入户"],
                ["张三", ZHANG, "12", "31", "电话"],
            ],
        },
        merges={
            "名单": ["A1:A2", "B1:B2", "C1:E1"],
            "走访": ["A1:E1", "A2:B2", "C2:E2", "C3:D3", "A3:A4", "B3:B4", "E3:E4"],
        },
    )
    result = read(path)
    assert [p.birth_date for p in result.ledger.recipients] == [date(1950, 1, 2)]
    assert [c.on for c in result.ledger.contacts] == [date(2023, 4, 5), date(2023, 12, 31)]
    assert not result.errors and not result.rejected
