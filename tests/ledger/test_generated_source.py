"""The generated row functions keep their source (issue #17): a traceback or ``inspect.getsource``
shows the code that runs, as attrs does for the methods it writes."""

from __future__ import annotations

import inspect
import linecache
from pathlib import Path

import openpyxl
from socialwork_national.formats import FORMAT, RECIPIENTS

from socialwork_core.ledger import load_ledger
from socialwork_core.ledger.building import RecordBuilder
from socialwork_core.ledger.columns import table_spec
from socialwork_core.ledger.compiled import compile_rows
from socialwork_core.ledger.format import RecordKind
from socialwork_core.serialize import make_converter
from socialwork_core.tabular import read_table


def test_a_generated_row_function_shows_its_source(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "服务对象"
    book.active.append(["档案号", "姓名", "村居"])
    book.active.append(["A1", "张三", "东村"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    builder = RecordBuilder(make_converter(), library_converter=True)
    with read_table(path, table_spec(RECIPIENTS, FORMAT.sheets)) as table:
        row = compile_rows(builder, RecordKind.RECIPIENTS, table)
        assert row is not None
        source = inspect.getsource(row)
    print(source)  # what a maintainer sees
    assert source.startswith("def row(")
    assert "i_self = i_new(i_cls)" in source  # the record built as its class would, written out
    assert "服务对象" in inspect.getsourcefile(row)  # type: ignore[operator]


def _row_function(path: Path, people: list[list[str]]) -> object:
    book = openpyxl.Workbook()
    book.active.title = "服务对象"
    book.active.append(["档案号", "姓名", "村居"])
    for person in people:
        book.active.append(person)
    book.save(path)
    builder = RecordBuilder(make_converter(), library_converter=True)
    with read_table(path, table_spec(RECIPIENTS, FORMAT.sheets)) as table:
        row = compile_rows(builder, RecordKind.RECIPIENTS, table)
        assert row is not None
        return row


def test_files_of_one_layout_share_the_code_each_table_its_own_function(tmp_path: Path) -> None:
    first = _row_function(tmp_path / "a.xlsx", [["A1", "张三", "东村"]])
    second = _row_function(tmp_path / "b.xlsx", [["B1", "李四", "西村"], ["B2", "王五", "西村"]])
    assert first is not second
    assert first.__code__ is second.__code__  # type: ignore[attr-defined]
    # each function reads its own table (its extras, its coercers), not the first one's
    assert first.__globals__ is not second.__globals__  # type: ignore[attr-defined]
    # its source dropped from linecache (only its own entry: other tests' sources stay) is
    # kept there again when the next table of the layout is read
    del linecache.cache[first.__code__.co_filename]  # type: ignore[attr-defined]
    third = _row_function(tmp_path / "c.xlsx", [["C1", "赵六", "南村"]])
    assert inspect.getsource(third).startswith("def row(")  # type: ignore[arg-type]


def test_a_visits_one_key_tuple_is_shared_and_checked_once_when_made(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    people = book.active
    people.title = "服务对象"
    people.append(["档案号", "姓名", "村居"])
    people.append(["A1", "张三", "东村"])
    people.append(["A2", "李四", "东村"])
    visits = book.create_sheet("探访记录")
    visits.append(["探访日期", "档案号", "探访方式"])
    for key in ("A1", "A2", "A1", "A1"):
        visits.append(["2024-03-05", key, "电话"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    contacts = load_ledger(path, FORMAT).ledger.contacts
    assert [c.recipient_keys for c in contacts] == [("A1",), ("A2",), ("A1",), ("A1",)]
    assert contacts[0].recipient_keys is contacts[2].recipient_keys is contacts[3].recipient_keys
    # the validator of recipient_keys answered for the shared tuple when it was made
    sources = [
        "".join(lines[2])
        for name, lines in linecache.cache.items()
        if name.startswith("<socialwork generated rows contacts 探访记录")
    ]
    assert sources and all("if not (ok_recipient_keys): i_validate_" in s for s in sources)
