"""``due`` and ``grade`` write a list for the station's own staff only when asked (--internal)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from socialwork_core.ledger import load_ledger
from socialwork_core.plugins import load_plugins

from .conftest import Run, example

Runner = Callable[..., Run]


def _people() -> dict[str, Any]:
    path = example("guangdong")
    plugins = load_plugins()
    found = plugins.detect_workbook_format(path)
    assert found is not None
    ledger = load_ledger(path, found.format).ledger
    return {p.key: p for p in ledger.recipients}


@pytest.mark.parametrize("command", ["due", "grade"])
def test_the_internal_list_has_full_names_phones_addresses_and_is_titled_for_inside_use(
    run: Runner, tmp_path: Path, command: str
) -> None:
    out = tmp_path / "内部.xlsx"
    result = run(command, example("guangdong"), "--as-of", "2023-03-31", "--internal", "-o", out)
    assert result.status == 0, result.err
    assert "仅供社工站内部使用" in result.err and "staff only" in result.err
    sheet = openpyxl.load_workbook(out).active
    assert "内部使用" in sheet["A1"].value
    headers = [c.value for c in sheet[3]]
    for wanted in ("姓名", "联系电话", "住址", "村居", "上次探访"):
        assert wanted in headers, headers
    people: dict[str, Any] = _people()
    rows = [
        dict(zip(headers, r, strict=False)) for r in sheet.iter_rows(min_row=4, values_only=True)
    ]
    assert rows and all(r["姓名"] == people[r["档案号"]].name for r in rows)  # never masked
    with_phone = [r for r in rows if people[r["档案号"]].phones]
    wrong = [
        (r, people[r["档案号"]].phones)
        for r in with_phone
        if _digits(people[r["档案号"]].phones[0]) not in _digits(r["联系电话"])
    ]
    assert with_phone and not wrong


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def test_the_internal_due_list_says_what_is_due(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "due.xlsx"
    run("due", example("guangdong"), "--as-of", "2023-03-31", "--internal", "-o", out)
    sheet = openpyxl.load_workbook(out).active
    headers = [c.value for c in sheet[3]]
    assert {"探访要求", "状态", "到期日"} <= set(headers)


@pytest.mark.parametrize("command", ["due", "grade"])
def test_the_default_list_stays_masked(run: Runner, tmp_path: Path, command: str) -> None:
    out = tmp_path / "list.xlsx"
    run(command, example("guangdong"), "--as-of", "2023-03-31", "-o", out)
    sheet = openpyxl.load_workbook(out).active
    assert "内部使用" not in sheet["A1"].value
    headers = [c.value for c in sheet[3]]
    assert "联系电话" not in headers and "住址" not in headers
    names = {p.name for p in _people().values()}
    cells = {c for row in sheet.iter_rows(min_row=4, values_only=True) for c in row}
    assert not names & cells
