"""Bad input on the command line is a coded error (exit 2, never 3); cell text reaches the
terminal with its control characters shown as escapes; keys and free text are masked
(issue #16)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Run, example

Runner = Callable[..., Run]
SCREEN_CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"


def with_cell(tmp_path: Path, old: str, new: bytes, name: str = "台账.xlsx") -> Path:
    """The national example ledger with the inline text ``old`` replaced by raw ``new``."""
    target = tmp_path / name
    with zipfile.ZipFile(example("national")) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(f">{old}<".encode(), b">" + new + b"<")
            out.writestr(info, data)
    return target


def key_with_escapes(tmp_path: Path) -> Path:
    return with_cell(tmp_path, "XK-0015", f"XK-0015{SCREEN_CLEAR}{CLIPBOARD}\u202e".encode())


@pytest.mark.parametrize("command", ["grade", "due"])
@pytest.mark.parametrize("form", ["text", "json"])
def test_escape_sequences_in_cells_are_shown_not_obeyed(
    run: Runner, tmp_path: Path, command: str, form: str
) -> None:
    every = ("--all",) if command == "due" else ()
    ledger = key_with_escapes(tmp_path)
    result = run(command, ledger, "--as-of", "2023-04-01", "--format", form, *every)
    assert result.status in (0, 1)
    for stream in (result.out, result.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    if form == "text":
        assert "XK-0015\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07\\u202e" in result.out
    else:
        keys = {line["recipient_key"] for line in json.loads(result.out).get("entries", [])} | {
            line["recipient_key"] for line in json.loads(result.out).get("grades", [])
        }
        assert f"XK-0015{SCREEN_CLEAR}{CLIPBOARD}\u202e" in keys  # JSON readers get the text


def test_validate_shows_escapes_in_the_values_it_quotes(run: Runner, tmp_path: Path) -> None:
    ledger = with_cell(tmp_path, "XK-0015", f"XK-0015{SCREEN_CLEAR}".encode())
    # the same key twice: validate quotes the value in its message
    text = ledger.read_bytes()
    result = run("validate", ledger, "--issues-out", tmp_path / "问题.xlsx")
    assert result.status in (0, 1), result.err
    assert "\x1b" not in result.out + result.err
    assert text == ledger.read_bytes()


@pytest.mark.parametrize(
    ("args", "code_word"),
    [
        (("--as-of", "1999-12-31"), "1999-12-31"),
        (("--as-of", "0001-01-01"), "1950-01-01"),
        (("--as-of", "9999-12-31"), "2100-12-31"),
    ],
)
def test_an_as_of_date_outside_the_rules_is_a_usage_problem(
    run: Runner, args: tuple[str, ...], code_word: str
) -> None:
    for command in ("grade", "due"):
        result = run(command, example("national"), *args)
        assert result.status == 2, result.err
        assert code_word in result.err


@pytest.mark.parametrize("period", ["9999-12", "9999-W52", "1066-10"])
def test_a_period_far_outside_the_calendar_is_a_usage_problem(
    run: Runner, tmp_path: Path, period: str
) -> None:
    result = run(
        "report", "national.monthly", example("national"), "--period", period,
        "-o", tmp_path / "r.xlsx",
    )  # fmt: skip
    assert result.status == 2, result.err
    assert period in result.err


def alert(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "预警.json"
    path.write_text(content, encoding="utf-8")
    return path


COLD = {"id": "A1", "kind": "cold_wave", "start": "2023-01-10", "end": "2023-01-12"}


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="nested-100000-deep"),
        pytest.param('{"a":' * 100_000 + "1" + "}" * 100_000, id="objects-100000-deep"),
        pytest.param(json.dumps({**COLD, "deadline_hours": 1e20}), id="deadline-1e20"),
        pytest.param(json.dumps({**COLD, "deadline_hours": 10**30}), id="deadline-huge-int"),
        pytest.param('{"deadline_hours": ' + "9" * 5000 + "}", id="integer-of-5000-digits"),
        pytest.param(json.dumps({**COLD, "deadline_hours": 0}), id="deadline-zero"),
    ],
)
def test_a_hostile_alert_file_is_a_usage_problem(run: Runner, tmp_path: Path, content: str) -> None:
    result = run(
        "due", example("national"), "--as-of", "2023-01-11", "--alert", alert(tmp_path, content)
    )
    assert result.status == 2, result.err
    assert "预警.json" in result.err


def test_an_id_used_as_the_register_key_is_masked(run: Runner, tmp_path: Path) -> None:
    ledger = with_cell(tmp_path, "XK-0015", b"110105194912310021")
    result = run("grade", ledger, "--as-of", "2023-04-01")
    assert "110105194912310021" not in result.out
    assert "110105********0021" in result.out


def test_a_name_typed_into_the_key_column_is_shortened(run: Runner, tmp_path: Path) -> None:
    ledger = with_cell(tmp_path, "XK-0015", "欧阳明月".encode())
    masked = run("grade", ledger, "--as-of", "2023-04-01")
    assert "欧阳明月" not in masked.out and "欧***" in masked.out
    full = run("grade", ledger, "--as-of", "2023-04-01", "--full-names")
    assert "欧阳明月" in full.out
