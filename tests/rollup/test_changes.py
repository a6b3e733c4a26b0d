"""``socialwork changes OLD NEW`` (动态监测) on two generated months of one station."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from socialwork_core.grading import RuleSet
from socialwork_core.rollup import ShareRequest, roll_up
from socialwork_core.rollup.changes import compare, latest_day
from socialwork_core.schedule import NATIONAL_DEFAULT

from ..cli.conftest import run_command
from .conftest import Person, StationBook, Visit, resident

RULES: tuple[RuleSet, ...] = (NATIONAL_DEFAULT,)
ALONE = "独居老人"
OLD = date(1940, 3, 1)


@pytest.fixture
def months(tmp_path: Path) -> tuple[Path, Path]:
    """January and February of people over 80 living alone (一级: a contact every 7 days):
    赵某 registered in February; 王某 died; 周某 no longer on the February ledger; 张有才 became
    残疾人 too; 李秀莲 moved village and has a new guardian."""

    def person(key: str, name: str, **changed: str) -> Person:
        fields = {"categories": ALONE, "registered_on": "2022-06-01", **changed}
        return Person(key, name, resident(int(key) * 11, OLD), **fields)

    january = StationBook(
        "410223101",
        "十八里镇社工站",
        (
            person("1", "张有才"),
            person("2", "李秀莲", guardian="李大"),
            person("3", "王某"),
            person("5", "周某"),
        ),
        (Visit("T1", "2023-01-10", "1"), Visit("T2", "2023-01-20", "2")),
    )
    february = StationBook(
        "410223101",
        "十八里镇社工站",
        (
            person("1", "张有才", categories=f"{ALONE}、残疾人"),
            person("2", "李秀莲", village="西湖村", guardian="李二"),
            person("3", "王某", status="死亡"),
            person("4", "赵某", registered_on="2023-02-10"),
        ),
        (Visit("T1", "2023-01-10", "1"), Visit("T3", "2023-02-08", "2")),
    )
    return january.write(tmp_path / "2023-01.xlsx"), february.write(tmp_path / "2023-02.xlsx")


def _fields(changes: object) -> set[tuple[str, str, str, str]]:
    return {
        (c.name, c.field, c.before, c.after)
        for c in changes.changed  # type: ignore[attr-defined]
        if c.field != "level"
    }


def test_who_entered_who_left_and_what_changed(months: tuple[Path, Path]) -> None:
    old, new = (roll_up([p], ShareRequest(adapter="national"), jobs=1).ledger for p in months)
    assert latest_day(old) == date(2023, 1, 31) and latest_day(new) == date(2023, 2, 28)
    changes = compare(old, new, rule_sets=RULES)
    assert [e.name for e in changes.entered] == ["赵某"]
    assert {(e.name, e.status) for e in changes.left} == {("王某", "deceased"), ("周某", "absent")}
    assert _fields(changes) == {
        ("张有才", "categories", "elderly_living_alone", "disabled_person、elderly_living_alone"),
        ("李秀莲", "village", "东岗村", "西湖村"),
        ("李秀莲", "guardian", "李大", "李二"),
    }
    # on 31 January all four were last reached more than 7 days before (or never); on 28
    # February 张有才 and 李秀莲 are, 王某 is dead and 赵某 is within the grace after registering
    assert (changes.overdue_then, changes.overdue_now) == (4, 2)


def test_the_command_prints_json_and_writes_a_sheet_a_station_can_file(
    months: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "动态监测.xlsx"
    result = run_command("changes", *months, "--adapter", "national", "--format", "json", "-o", out)
    assert result.status == 0, result.err
    data = result.json()
    assert [e["key"] for e in data["entered"]] == ["4"]
    assert {e["status"] for e in data["left"]} == {"deceased", "absent"}
    assert data["entered"][0]["name"] == "赵*"  # masked unless --full-names
    assert "4102231950" not in result.out  # ID numbers masked
    assert set(data["overdue"]) == {"then", "now"}
    rows = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    texts = [str(v) for row in rows for v in row if v is not None]
    assert "服务对象动态监测" in texts[0]
    for words in ("新增", "退出", "变动", "死亡", "不在新台账中", "村居", "西湖村", "监护人"):
        assert words in texts, words
    assert "赵某" not in texts and "赵*" in texts


def test_the_command_prints_a_table_and_the_summary(months: tuple[Path, Path]) -> None:
    result = run_command("changes", *months, "--adapter", "national", "--full-names")
    assert result.status == 0, result.err
    assert "赵某" in result.out and "西湖村" in result.out
    assert "新增1人，退出2人" in result.err


def test_registers_without_any_date_ask_for_the_days_to_compare_at(tmp_path: Path) -> None:
    """A bare register (no registration, status or visit dates) gives no day to compare at: the
    command says so and how to give them, instead of calling an option that was never given a bad
    date; with the dates given it compares."""

    def register(path: Path, *names: str) -> Path:
        lines = ["姓名,身份证号码,村名,类别"]
        lines += [f"{name},{resident(n + 1, OLD)},东村,独居老人" for n, name in enumerate(names)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    old = register(tmp_path / "五月.csv", "张有才", "李秀莲")
    new = register(tmp_path / "六月.csv", "张有才", "李秀莲", "赵某")
    result = run_command("changes", old, new)
    assert result.status == 2
    assert "都没有带日期的记录" in result.err and "--old-as-of" in result.err
    assert "无法识别" not in result.err
    given = run_command(
        "changes", old, new, "--old-as-of", "2024-05-31", "--new-as-of", "2024-06-30"
    )
    assert given.status in (0, 1), given.err
    assert "新增1人" in given.err
