"""Group tables as the forms define them: exclusive or overlapping rows, the contact modes that
count, a catch-all row, and 人次, 人 or 户; each figure worked out by hand from a small ledger.

The ledger (June 2024, one station S1):

- 甲 低保 and 特困 (household 甲家); 乙 特困 through Guangdong's 三无 (a local child of 特困;
  household 甲家); 丙 孤儿 (address 城东路1号); 丁 独居老人 (address 城东路 1 号, the same address
  with a space); 戊 no category on the register; a key 己 that is not on the register.
- contacts in June: c1 home visit to 甲 and 乙; c2 phone call to 甲; c3 home visit to 丙 and 丁;
  c4 home visit to 甲 again; c5 home visit to 戊 and 己; c6 a home visit to 丙 on 1 July.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from socialwork_guangdong.categories import CATEGORIES as GUANGDONG_CATEGORIES
from socialwork_guangdong.reports import MONTHLY, VISIT_TABLE

from socialwork_core import indicators as ind
from socialwork_core.contacts import Contact
from socialwork_core.glossary import Category, ContactMode
from socialwork_core.glossary.indicators_text import FigureUnit
from socialwork_core.indicators import CatchAllRow, CatchAllScope, GroupTable, RecordSet
from socialwork_core.periods import month
from socialwork_core.plugins import category_parents
from socialwork_core.recipients import Recipient
from socialwork_core.reports import ReportSettings, report_json, write_report

JUNE = month(2024, 6)
AS_OF = date(2024, 6, 30)
PARENTS = category_parents(GUANGDONG_CATEGORIES)
THREE_NOS = "guangdong.three_nos"


def _person(key: str, *categories: str, **fields: object) -> Recipient:
    return Recipient(
        key=key,
        name=f"{key}某",
        categories=frozenset(categories),
        station_code="S1",
        **fields,  # type: ignore[arg-type]
    )


def _visit(cid: str, day: int, *keys: str, mode: str = "home_visit", m: int = 6) -> Contact:
    return Contact(id=cid, on=date(2024, m, day), mode=mode, recipient_keys=keys)


def ledger() -> RecordSet:
    return RecordSet(
        recipients=(
            _person(
                "甲",
                Category.SUBSISTENCE_ALLOWANCE,
                Category.EXTREME_POVERTY,
                household_head="甲家",
            ),
            _person("乙", THREE_NOS, household_head="甲家"),
            _person("丙", Category.ORPHAN, residence_address="城东路1号"),
            _person("丁", Category.ELDERLY_LIVING_ALONE, residence_address="城东路 1 号"),
            _person("戊"),
        ),
        contacts=(
            _visit("c1", 3, "甲", "乙"),
            _visit("c2", 4, "甲", mode="phone"),
            _visit("c3", 5, "丙", "丁"),
            _visit("c4", 20, "甲"),
            _visit("c5", 21, "戊", "己"),
            _visit("c6", 1, "丙", m=7),
        ),
    )


def table(**changes: object) -> GroupTable:
    return GroupTable(
        total_label="探访民政服务对象",
        groups=ind.VISIT_GROUPS[:3],
        exclusive=changes.pop("exclusive", True),  # type: ignore[arg-type]
        modes=changes.pop("modes", {ContactMode.HOME_VISIT}),  # type: ignore[arg-type]
        catch_all=changes.pop(  # type: ignore[arg-type]
            "catch_all", CatchAllRow(code="other_in_difficulty", label="其他困难群众")
        ),
        **changes,  # type: ignore[arg-type]
    )


def values(figures: ind.GroupTableFigures) -> dict[str, object]:
    return {f.code.rsplit(".", 1)[1]: f.value for f in (*figures, figures.unassigned)}


def count(table_: GroupTable, parents: dict[str, str] = PARENTS) -> dict[str, object]:
    return values(ind.visits_by_table(ledger(), JUNE, table_, as_of=AS_OF, parents=parents))


def test_exclusive_rows_count_a_person_in_the_first_row_they_match_and_home_visits_only() -> None:
    # home visits in June: c1 甲 乙, c3 丙 丁, c4 甲, c5 戊 己 = 7 人次 (c2 is a call, c6 July)
    assert count(table()) == {
        "total": 7,
        "subsistence": 2,  # 甲 in c1 and c4 (also 特困, but 低保 comes first)
        "extreme_poverty": 1,  # 乙, 三无 counted as 特困
        "orphans_and_unsupported": 1,  # 丙
        "other_in_difficulty": 1,  # 丁 独居老人: holds a category, in no earlier row
        "unassigned": 2,  # 戊 (no category), 己 (not on the register)
    }


def test_the_rows_and_the_unassigned_add_up_to_the_total() -> None:
    v = count(table())
    rows = [v[code] for code in VISIT_TABLE.row_codes]
    assert sum(rows) + v["unassigned"] == v["total"]  # type: ignore[operator]


def test_a_catch_all_for_everyone_makes_the_rows_add_up_to_the_total_exactly() -> None:
    everyone = CatchAllRow(code="rest", label="其他", scope=CatchAllScope.EVERYONE)
    v = count(table(catch_all=everyone))
    assert v["rest"] == 3  # 丁, 戊, 己
    assert v["unassigned"] == 0
    assert v["subsistence"] + v["extreme_poverty"] + v["orphans_and_unsupported"] + 3 == 7  # type: ignore[operator]


def test_overlapping_rows_count_a_person_in_every_row_they_match() -> None:
    v = count(table(exclusive=False))
    assert v["subsistence"] == 2  # 甲 twice
    assert v["extreme_poverty"] == 3  # 甲 twice, 乙
    assert v["total"] == 7


def test_without_the_parents_a_local_category_is_in_no_national_row() -> None:
    v = count(table(), parents={})
    assert v["extreme_poverty"] == 0
    assert v["other_in_difficulty"] == 2  # 乙 holds a (local) category, 丁


def test_every_visit_mode_counts_when_the_table_says_so() -> None:
    v = count(table(modes=ind.VISIT_MODES))
    assert v["total"] == 8  # c2's call to 甲 too
    assert v["subsistence"] == 3


def test_distinct_people_by_group() -> None:
    v = count(table(unit=FigureUnit.PEOPLE))
    assert v == {
        "total": 6,  # 甲 乙 丙 丁 戊 己
        "subsistence": 1,
        "extreme_poverty": 1,
        "orphans_and_unsupported": 1,
        "other_in_difficulty": 1,
        "unassigned": 2,
    }


def test_households_by_group_take_a_households_first_row() -> None:
    v = count(table(unit=FigureUnit.HOUSEHOLDS))
    # 甲家 (甲, 乙: one household by 户主), 城东路1号 (丙, 丁: one address), 戊 alone, 己 alone
    assert v["total"] == 4
    assert v["subsistence"] == 1  # 甲家: 甲 is 低保, before 乙's 特困
    assert v["extreme_poverty"] == 0
    assert v["orphans_and_unsupported"] == 1  # 丙 before 丁's catch-all
    assert v["other_in_difficulty"] == 0
    assert v["unassigned"] == 2


def test_overlapping_households_count_in_every_row_of_their_members() -> None:
    v = count(table(unit=FigureUnit.HOUSEHOLDS, exclusive=False))
    assert v["subsistence"] == 1
    assert v["extreme_poverty"] == 1  # 甲家
    assert v["orphans_and_unsupported"] == 1
    assert v["other_in_difficulty"] == 1  # 城东路1号 again: 丁 is in the catch-all


def test_without_contacts_nothing_is_computable_and_without_a_register_only_the_total() -> None:
    empty = ind.visits_by_table(RecordSet(), JUNE, table(), as_of=AS_OF)
    assert not any(f.computable for f in empty)
    no_register = RecordSet(contacts=ledger().contacts)
    figures = ind.visits_by_table(no_register, JUNE, table(), as_of=AS_OF)
    assert figures.total.value == 7
    assert not any(f.computable for f in figures.rows)


def test_a_table_refuses_reserved_or_repeated_row_codes_and_other_units() -> None:
    with pytest.raises(ValueError, match="table's own rows"):
        table(catch_all=CatchAllRow(code="total", label="合计"))
    with pytest.raises(ValueError, match="distinct codes"):
        table(catch_all=CatchAllRow(code="subsistence", label="低保"))
    with pytest.raises(ValueError, match="counts"):
        table(unit=FigureUnit.YUAN)
    with pytest.raises(ValueError, match="contact mode"):
        table(modes=())


def test_the_notes_name_the_order_the_catch_all_the_modes_and_the_unassigned() -> None:
    figures = ind.visits_by_table(ledger(), JUNE, table(), as_of=AS_OF, parents=PARENTS)
    notes = ind.table_notes(table(), figures)
    assert notes == (
        "“探访民政服务对象”各行互不重复：同一服务对象属于多个类别的，按低保、特困、"
        "事实无人抚养儿童及孤儿、其他困难群众的顺序只计入第一个符合的类别。",
        "“探访民政服务对象”的“其他困难群众”行计入不属于前列各类、但登记有对象类别的服务对象。",
        "“探访民政服务对象”只计入户。",
        "“探访民政服务对象”中有2人次的对象未登记对象类别或不在名册，计入合计，未计入各行。",
    )


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["甲", "乙", "丙", "丁", "戊", "己"]),
            st.sampled_from(list(ContactMode)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_exclusive_rows_and_the_unassigned_add_up_to_the_total_in_every_unit(
    visits: list[tuple[str, str]],
) -> None:
    contacts = tuple(
        Contact(id=f"v{i}", on=date(2024, 6, 1 + i % 28), mode=mode, recipient_keys=(key,))
        for i, (key, mode) in enumerate(visits)
    )
    data = RecordSet(recipients=ledger().recipients, contacts=contacts)
    for unit in (FigureUnit.PERSON_TIMES, FigureUnit.PEOPLE, FigureUnit.HOUSEHOLDS):
        figures = ind.visits_by_table(data, JUNE, table(unit=unit), as_of=AS_OF, parents=PARENTS)
        rows = sum(f.value for f in figures.rows)  # type: ignore[misc]
        assert rows + figures.unassigned.value == figures.total.value  # type: ignore[operator]


def test_the_yunfu_table_renders_in_the_workbook_and_the_json(tmp_path: Path) -> None:
    report = MONTHLY.build(
        ledger(),
        JUNE,
        as_of=AS_OF,
        unit="云浮市民政局",
        settings=ReportSettings(category_parents=PARENTS),
    )
    rows = list(openpyxl.load_workbook(write_report(report, tmp_path / "m.xlsx")).active.values)
    by_label = {r[0]: r[1:3] for r in rows if r[0] is not None}
    assert by_label["探访民政服务对象"] == (7, "人次")
    assert by_label["低保"] == (2, "人次")
    assert by_label["特困"] == (1, "人次")
    assert by_label["事实无人抚养儿童及孤儿"] == (1, "人次")
    assert by_label["其他困难群众"] == (1, "人次")
    data = json.loads(report_json(report))
    text = json.dumps(data, ensure_ascii=False)
    for code in ("visits.table.total", "visits.table.extreme_poverty"):
        assert code in text
    assert "中有2人次的对象未登记对象类别或不在名册" in text
