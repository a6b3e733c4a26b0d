"""Writes are atomic: an interrupted write leaves the file that was there whole."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from socialwork_core.tabular import (
    Column,
    SheetSpec,
    atomic_path,
    write_text_atomic,
    write_workbook,
)


def _rows(count: int, *, stop_at: int | None = None) -> Iterator[list[object]]:
    for number in range(count):
        if number == stop_at:
            raise KeyboardInterrupt  # what Ctrl-C raises in the middle of a long write
        yield [number, f"第{number}行的一段较长的文字，" * 3]


def _sheet(rows: Iterator[list[object]]) -> SheetSpec:
    return SheetSpec("大表", [Column("序号"), Column("内容")], rows)


def test_an_interrupted_large_workbook_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "结果.xlsx"
    write_workbook(target, [_sheet(_rows(10))])
    before = target.read_bytes()
    with pytest.raises(KeyboardInterrupt):
        write_workbook(target, [_sheet(_rows(30_000, stop_at=25_000))])
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["结果.xlsx"]


def test_a_failure_while_saving_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "结果.json"
    target.write_text("旧内容", encoding="utf-8")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        write_text_atomic(target, "新内容" * 1000)
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["结果.json"]


def test_the_temporary_file_sits_beside_the_target_and_takes_its_place(tmp_path: Path) -> None:
    target = tmp_path / "报表.xlsx"
    with atomic_path(target) as temporary:
        assert temporary.parent == tmp_path and temporary.name.startswith(".报表.xlsx.")
        temporary.write_bytes(b"new")
        assert not target.exists()
    assert target.read_bytes() == b"new" and not temporary.exists()


def test_a_new_file_gets_ordinary_permissions_and_a_replaced_file_keeps_its_own(
    tmp_path: Path,
) -> None:
    fresh = write_text_atomic(tmp_path / "a.json", "{}")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    fresh.chmod(0o640)
    write_text_atomic(fresh, "[]")
    assert fresh.stat().st_mode & 0o777 == 0o640
