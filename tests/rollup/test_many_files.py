"""Many files in space and in time: station files numbering people alike, one person at two
stations, monthly files of one station, a folder with a broken file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from socialwork_core import indicators as ind
from socialwork_core.periods import month, parse_period
from socialwork_core.rollup import ShareRequest, ledger_files, roll_up

from ..cli.conftest import run_command
from .conftest import Person, StationBook, Visit, resident

NATIONAL = ShareRequest(adapter="national")


def _two_stations(folder: Path, *, shared_person: bool = False) -> list[Path]:
    second_two = (
        Person("2", "李秀莲", resident(22))
        if shared_person
        else Person("2", "赵大山", resident(44))
    )
    a = StationBook(
        "410223101",
        "十八里镇社工站",
        (Person("1", "张有才", resident(11)), Person("2", "李秀莲", resident(22))),
        (Visit("T1", "2023-03-02", "1"), Visit("T2", "2023-03-03", "2")),
    )
    b = StationBook(
        "410223102",
        "高峰街道社工站",
        (Person("1", "王某", resident(33)), second_two),
        (Visit("T1", "2023-03-05", "1"), Visit("T2", "2023-03-06", "2")),
        workers=(("SG01", "赵丽"),),
    )
    return [a.write(folder / "十八里镇.xlsx"), b.write(folder / "高峰街道.xlsx")]


def test_two_station_files_numbering_people_alike_keep_every_person(tmp_path: Path) -> None:
    _two_stations(tmp_path)
    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger
    assert sorted(r.key for r in ledger.recipients) == [
        "410223101:1",
        "410223101:2",
        "410223102:1",
        "410223102:2",
    ]
    # each visit reaches its own station's person 1 or 2, made by its own station's SG01
    reached = {(c.station_code, c.recipient_keys, c.worker_ids) for c in ledger.contacts}
    assert ("410223102", ("410223102:1",), ("410223102:SG01",)) in reached
    assert ("410223101", ("410223101:1",), ("410223101:SG01",)) in reached
    assert len(ledger.workers) == 2
    assert sorted(s.code for s in ledger.stations) == ["410223", "410223101", "410223102"]
    march = month(2023, 3)
    assert ind.people_visited(ledger, march).value == 4
    share = ind.scoped(ledger, "410223102")
    assert {r.name for r in share.recipients} == {"王某", "赵大山"}


def test_one_person_on_two_stations_registers_in_one_month_is_one_person_and_a_finding(
    tmp_path: Path,
) -> None:
    _two_stations(tmp_path, shared_person=True)
    rolled = roll_up([tmp_path], NATIONAL, jobs=1)
    ledger = rolled.ledger
    assert [r.name for r in ledger.recipients].count("李秀莲") == 1
    # four visits, three distinct people: 李秀莲 is counted once
    assert ind.visits(ledger, month(2023, 3)).value == 4
    assert ind.people_visited(ledger, month(2023, 3)).value == 3
    found = [i for i in rolled.result.issues if i.code == "rollup.cross_station_duplicate"]
    assert len(found) == 1
    message = found[0].message
    for words in ("十八里镇社工站", "高峰街道社工站", "十八里镇.xlsx", "高峰街道.xlsx"):
        assert words in message
    assert found[0].sheet == "高峰街道.xlsx:服务对象" and found[0].row == 3


def _monthly(folder: Path) -> None:
    """January, February and March of one station; each file repeats the earlier visits (the
    ledger is kept cumulatively) and the register changes: 李秀莲 moves village in February,
    张有才 leaves in March, 王某 is registered in March."""
    zhang = Person("1", "张有才", resident(11))
    li = Person("2", "李秀莲", resident(22))
    jan_visits = (Visit("T1", "2023-01-10", "1"), Visit("T2", "2023-01-12", "2"))
    feb_visits = (*jan_visits, Visit("T3", "2023-02-08", "2"))
    mar_visits = (*feb_visits, Visit("T4", "2023-03-01", "1"), Visit("T5", "2023-03-09", "3"))
    books = {
        "2023-01": ((zhang, li), jan_visits),
        "2023-02": ((zhang, Person("2", "李秀莲", resident(22), village="西湖村")), feb_visits),
        "2023-03": (
            (
                Person("1", "张有才", resident(11), status="死亡"),
                Person("2", "李秀莲", resident(22), village="西湖村"),
                Person("3", "王某", resident(33), registered_on="2023-03-02"),
            ),
            mar_visits,
        ),
    }
    for name, (people, visits) in books.items():
        StationBook("410223101", "十八里镇社工站", people, visits).write(folder / f"{name}.xlsx")


def test_monthly_files_of_one_station_take_the_latest_row_and_count_each_visit_once(
    tmp_path: Path,
) -> None:
    _monthly(tmp_path)
    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger
    people = {r.name: r for r in ledger.recipients}
    assert sorted(people) == ["张有才", "李秀莲", "王某"]
    assert people["李秀莲"].village == "西湖村"
    assert people["张有才"].status.value == "deceased"
    assert len(ledger.contacts) == 5  # T1, T2 in three files, T3 in two: each once
    assert ind.visits(ledger, parse_period("2023-Q1")).value == 5


def test_a_window_reads_only_its_visits_and_the_files_keep_the_order_of_their_months(
    tmp_path: Path,
) -> None:
    # a.xlsx is March's file, b.xlsx January's: by path March would come first; its visits, in
    # date cells, all fall outside a January report's window and are not read, yet they still
    # make it the later file, whose register row wins
    li = Person("2", "李秀莲", resident(22))
    StationBook(
        "410223101",
        "十八里镇社工站",
        (Person("2", "李秀莲", resident(22), village="西湖村"),),
        (Visit("T7", date(2023, 3, 9), "2"),),  # type: ignore[arg-type]  # a date cell
    ).write(tmp_path / "a.xlsx")
    StationBook(
        "410223101",
        "十八里镇社工站",
        (li,),
        (Visit("T1", date(2023, 1, 10), "2"), Visit("T2", date(2023, 2, 1), "2")),  # type: ignore[arg-type]
    ).write(tmp_path / "b.xlsx")
    january = ShareRequest(adapter="national", window=(date(2023, 1, 1), date(2023, 1, 31)))

    rolled = roll_up([tmp_path], january, jobs=1)

    assert [c.on for c in rolled.ledger.contacts] == [date(2023, 1, 10)]
    assert [p.village for p in rolled.ledger.recipients] == ["西湖村"]
    passed_over = [i for i in rolled.result.issues if i.code == "ledger.visits_outside_window"]
    assert [(i.sheet, i.finding.params["count"]) for i in passed_over] == [
        ("a.xlsx:探访记录", "1"),
        ("b.xlsx:探访记录", "1"),
    ]


def test_a_folder_with_a_broken_file_reports_it_reads_the_rest_and_exits_1(
    tmp_path: Path,
) -> None:
    _two_stations(tmp_path)
    nested = tmp_path / "三月"
    nested.mkdir()
    (nested / "损坏.xlsx").write_bytes(b"PK\x03\x04 cut short")
    (tmp_path / "~$十八里镇.xlsx").write_bytes(b"lock")  # Excel's lock file is no ledger
    names = sorted(p.name for p in ledger_files([tmp_path]))
    assert names == sorted(["十八里镇.xlsx", "高峰街道.xlsx", "损坏.xlsx"])
    result = run_command("validate", tmp_path, "--adapter", "national", "--format", "json")
    assert result.status == 1
    data = result.json()
    broken = [i for i in data["issues"] if i["code"] == "rollup.file_unreadable"]
    assert len(broken) == 1 and "损坏.xlsx" in broken[0]["message"]
    assert data["records"]["recipients"] == 4
    assert len(data["ledgers"]) == 3


def test_every_stations_share_at_once_equals_each_stations_share(tmp_path: Path) -> None:
    _two_stations(tmp_path, shared_person=True)
    ledger = roll_up([tmp_path], NATIONAL, jobs=1).ledger
    codes = [s.code for s in ledger.stations]
    shares = ind.station_shares(ledger, codes)
    for code in codes:
        assert shares[code] == ind.scoped(ledger, code), code
    # 高峰街道's visit to 李秀莲 (on 十八里镇's register) is 高峰街道's work
    assert len(shares["410223102"].contacts) == 2
