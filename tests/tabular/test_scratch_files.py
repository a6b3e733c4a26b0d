"""openpyxl streams a workbook's rows to scratch files before zipping them: they go to a private
folder that is removed when the write ends, by an error or a SIGTERM too (issue #16)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from socialwork_core.tabular import Column, SheetSpec, write_workbook


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_rows_stream_to_a_private_folder_that_is_gone_afterwards(
    tmp_path: Path, temp_folder: Path
) -> None:
    seen: list[tuple[str, int]] = []

    def rows() -> Iterator[Sequence[str]]:
        for i in range(300):
            if i == 250:  # past the sample the writer reads ahead: rows are streaming now
                seen.extend(
                    (entry.name, stat.S_IMODE(entry.stat().st_mode))
                    for entry in temp_folder.iterdir()
                )
            yield [f"人{i}", "110105194912310021"]

    write_workbook(
        tmp_path / "台账.xlsx", [SheetSpec("花名册", [Column("姓名"), Column("身份证")], rows())]
    )
    assert len(seen) == 1 and seen[0][0].startswith("socialwork-") and seen[0][1] == 0o700
    assert list(temp_folder.iterdir()) == []


def test_a_failed_write_leaves_no_scratch_file(tmp_path: Path, temp_folder: Path) -> None:
    def rows() -> Iterator[Sequence[str]]:
        for i in range(300):
            yield [f"人{i}"]
        raise RuntimeError("the source went away")

    with pytest.raises(RuntimeError):
        write_workbook(tmp_path / "台账.xlsx", [SheetSpec("花名册", [Column("姓名")], rows())])
    assert list(temp_folder.iterdir()) == []
    assert not (tmp_path / "台账.xlsx").exists()


CHILD = """
import sys, time
from socialwork_core.cli.main import _end_like_ctrl_c
from socialwork_core.tabular import Column, SheetSpec, write_workbook
_end_like_ctrl_c()
def rows():
    for i in range(100_000):
        if i == 300:
            print("streaming", flush=True)
            time.sleep(30)
        yield [f"人{i}", "110105194912310021"]
try:
    write_workbook(sys.argv[1], [SheetSpec("花名册", [Column("姓名"), Column("身份证")], rows())])
except KeyboardInterrupt:
    sys.exit(130)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_a_terminated_write_leaves_no_scratch_file(tmp_path: Path) -> None:
    folder = tmp_path / "tmp"
    folder.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "台账.xlsx")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(folder)},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "streaming"
    assert [p.name[:11] for p in folder.iterdir()] == ["socialwork-"]
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 130
    assert list(folder.iterdir()) == []
