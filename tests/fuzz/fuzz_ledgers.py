"""A fuzzer for reading ledgers: synthetic ledgers of every built-in adapter, written by the
library, then damaged in their structure and their values, and read back.

Run on demand (a long run)::

    python tests/fuzz/fuzz_ledgers.py --seconds 3600 --seed 1

It prints one JSON document: how many cases ran, by family, and every finding. The bounded run
in the test suite (``test_fuzz_ledgers.py``) runs it for about two minutes. Checked invariants:

- **no exit 3**: the command line's ``validate`` ends 0, 1 or 2 on every file (1 in N cases,
  the command is slower than the library), and the library's load ends in a result or a coded
  ``WorkbookError``, never another exception;
- **nobody lost silently**: every person row written ends as a record, as a refused row whose
  cells hold its key, or as a row an issue names (a title, subtotal or footer the reader skipped
  and said so); a file refused whole with a coded error loses nobody silently either.

Mutations of structure: title rows above the header, blank rows, subtotal (合计) and footer
(填表人) rows, hidden rows, a merged cell down a column, a stray cell far away, a long shared
string, the same file as .ods; of values: control and XML-illegal characters, 40,000-character
text, numbers where text belongs, Excel serials and 195001 in date columns, formula-looking text;
of bytes: corrupted or truncated zips; CSV exports of the register with stray quotes, other
encodings and invalid bytes. A header row repeated lower down and a hidden stale copy of the
register are generated too but counted apart (``known_gaps``): the reader does not yet read the
rows above a repeated header, nor prefer a visible sheet (issue #16 point 2, the reader's part).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

from socialwork_core.cli import main as cli_main
from socialwork_core.ledger import LedgerFormat, RecordKind, write_ledger
from socialwork_core.plugins import Plugins, load_plugins
from socialwork_core.tabular import WorkbookError
from socialwork_core.testing.synthetic import synthetic_ledger

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import hostile_files as hf

Grid = list[list[Any]]
CLI_EVERY = 6
"""One case in this many also runs ``socialwork validate``."""

HOSTILE_VALUES: Sequence[Any] = (
    "\x1b[2J",
    "张三\ufffe",
    "\x00\x07\x0b",
    "需" * 40_000,
    '=HYPERLINK("http://x")',
    "+86 138 0000 5678",
    195001,
    60,
    1e20,
    -1,
    "2023-02-30",
    "  ",
    "合计",
    "\u202e反向",
    12345678901234567890,
)


class Seed:
    """A ledger written by the library and read back into grids, with its people's rows."""

    def __init__(self, adapter: str, fmt: LedgerFormat, folder: Path) -> None:
        self.adapter = adapter
        self.fmt = fmt
        ledger = synthetic_ledger(fmt, size=10)
        path = write_ledger(folder / f"{adapter}_{fmt.name}.xlsx", ledger, fmt)
        book = openpyxl.load_workbook(path, read_only=True)
        self.sheets: list[tuple[str, Grid]] = [
            (name, [list(row) for row in book[name].iter_rows(values_only=True)])
            for name in book.sheetnames
        ]
        book.close()
        self.keys = [p.key for p in ledger.recipients]
        names = {n for s in fmt.sheets if s.kind is RecordKind.RECIPIENTS for n in s.sheet_names}
        self.register = next(i for i, (name, _) in enumerate(self.sheets) if name in names)


class Case:
    """One damaged copy of a seed: its sheets as grids, and what was done to them."""

    def __init__(self, seed: Seed) -> None:
        self.seed = seed
        self.sheets = [(name, [list(r) for r in grid]) for name, grid in seed.sheets]
        self.hidden_rows: dict[int, set[int]] = {}
        self.merges: dict[int, list[str]] = {}
        self.far: dict[int, str] = {}
        self.hidden_sheets: list[str] = []
        self.shared: list[str] = []
        self.done: list[str] = []
        self.lost_keys: set[str] = set()
        """Keys a mutation overwrote: nobody can find those people again."""
        self.known_gap = False
        self.register_index = seed.register
        """Where the register is among ``sheets`` (a sheet put before it moves it)."""

    @property
    def register(self) -> Grid:
        return self.sheets[self.register_index][1]

    def data_rows(self) -> list[int]:
        return [i for i in range(1, len(self.register)) if self.key_of(i) is not None]

    def key_of(self, index: int) -> str | None:
        row = self.register[index]
        return next((str(v) for v in row if str(v) in self.seed.keys), None) if row else None


# --- mutations --------------------------------------------------------------------------------


def title_rows(case: Case, rng: random.Random) -> None:
    width = len(case.register[0])
    for text in ("服务对象台账", f"填报单位：测试站  {rng.randint(2020, 2024)}年")[
        : rng.randint(1, 2)
    ]:
        case.register.insert(0, [text] + [None] * (width - 1))


def blank_rows(case: Case, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 3)):
        case.register.insert(rng.randint(1, len(case.register)), [])


def subtotal_row(case: Case, rng: random.Random) -> None:
    at = rng.randint(2, len(case.register))
    case.register.insert(at, ["合计", None, f"{rng.randint(1, 99)}人"])


def footer_rows(case: Case, rng: random.Random) -> None:
    case.register.append(["填表人：王五", None, "审核人：赵六"])
    case.register.append([f"填报日期：2023年{rng.randint(1, 12)}月1日"])


def hide_rows(case: Case, rng: random.Random) -> None:
    rows = case.data_rows()
    case.hidden_rows[case.register_index] = {r + 1 for r in rng.sample(rows, min(3, len(rows)))}


def merge_down(case: Case, rng: random.Random) -> None:
    rows = case.data_rows()
    if len(rows) < 3:
        return
    width = len(case.register[0])
    keyed = {c for r in rows for c, v in enumerate(case.register[r]) if str(v) in case.seed.keys}
    columns = [c for c in range(width) if c not in keyed]
    if not columns:
        return
    column = rng.choice(columns)
    first = rng.choice(rows[:-2])
    letter = hf.column_letters(column + 1)
    case.merges.setdefault(case.register_index, []).append(
        f"{letter}{first + 1}:{letter}{first + 3}"
    )
    for r in (first + 1, first + 2):
        if column < len(case.register[r]):
            case.register[r][column] = None


def stray_far_cell(case: Case, rng: random.Random) -> None:
    case.far[case.register_index] = rng.choice(["XFD1048576", "AZ1048576", "Z900", "XFD2"])


def long_shared_string(case: Case, rng: random.Random) -> None:
    case.shared = ["需" * rng.choice([10, 100_000, 1_000_000])]


def hostile_values(case: Case, rng: random.Random) -> None:
    for _ in range(rng.randint(1, 6)):
        sheet = rng.randrange(len(case.sheets))
        grid = case.sheets[sheet][1]
        if len(grid) < 2:
            continue
        r = rng.randrange(1, len(grid))
        if not grid[r]:
            continue
        c = rng.randrange(len(grid[r]))
        old = grid[r][c]
        if sheet == case.register_index and str(old) in case.seed.keys:
            case.lost_keys.add(str(old))
        grid[r][c] = rng.choice(HOSTILE_VALUES)


def repeated_header(case: Case, rng: random.Random) -> None:
    """The header row pasted again lower down: a row that is not data, the rows on both sides
    read (once a known gap, closed by the reader's non-data rows)."""
    case.register.insert(rng.randint(3, max(3, len(case.register) - 1)), list(case.register[0]))


def hidden_stale_copy(case: Case, rng: random.Random) -> None:
    """A hidden, stale register under the register's own name beside the visible one, renamed
    花名册: the visible one is read (once a known gap, closed by the reader's sheet choice)."""
    name, grid = case.sheets[case.register_index]
    stale = [list(grid[0])] + [list(r) for r in grid[1:3]]
    case.sheets[case.register_index] = ("花名册", grid)
    case.sheets.insert(0, (name, stale))
    case.register_index += 1
    case.hidden_sheets.append(name)


STRUCTURE: Sequence[Callable[[Case, random.Random], None]] = (
    title_rows,
    blank_rows,
    subtotal_row,
    footer_rows,
    hide_rows,
    merge_down,
    stray_far_cell,
    long_shared_string,
)
GAPS: Sequence[Callable[[Case, random.Random], None]] = (repeated_header, hidden_stale_copy)


# --- writing a case ------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, int) and abs(value) > 2**53:
        return str(value)
    return value


def write_xlsx(case: Case, path: Path) -> Path:
    register = case.register_index
    sheets = []
    for index, (name, grid) in enumerate(case.sheets):
        cells = hf.grid([[_cell(v) for v in row] for row in grid])
        shared = None
        if index == register and index in case.far:
            cells[case.far[index]] = "x"
        if index == register and case.shared:
            shared = {f"A{len(grid) + 1 + i}": 0 for i in range(200)}
        sheets.append(
            (
                name,
                hf.sheet_xml(
                    cells,
                    merges=case.merges.get(index, ()),
                    hidden_rows=case.hidden_rows.get(index, ()),
                    shared=shared,
                ),
            )
        )
    return hf.raw_xlsx(path, sheets, hidden_sheets=case.hidden_sheets, shared_strings=case.shared)


def write_ods(case: Case, path: Path) -> Path:
    sheets = []
    for index, (name, grid) in enumerate(case.sheets):
        hidden = case.hidden_rows.get(index, set())
        rows = [
            hf.ods_row([hf.ods_cell(_ods_value(v)) for v in row], hidden=(r + 1) in hidden)
            for r, row in enumerate(grid)
        ]
        sheets.append((name, rows))
    return hf.raw_ods(path, sheets)


def _ods_value(value: Any) -> Any:
    value = _cell(value)
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " and ch not in "\ufffe\uffff")
    return value


def write_csv(case: Case, path: Path, rng: random.Random) -> Path:
    buffer = io.StringIO()
    for row in case.register:
        cells = ["" if v is None else str(_cell(v)) for v in row]
        buffer.write(",".join(f'"{c}"' if "," in c else c for c in cells) + "\n")
    text = buffer.getvalue()
    damage = rng.choice(["none", "quote", "closing_later", "long_field", "nul"])
    lines = text.split("\n")
    if damage == "quote" and len(lines) > 4:
        lines[3] = lines[3] + ',"没有结束的引号'
    elif damage == "closing_later" and len(lines) > 6:
        lines[3] += ',"开始'
        lines[6] += '结束"'
    elif damage == "long_field" and len(lines) > 3:
        lines[2] += "," + "需" * 140_000
    elif damage == "nul" and len(lines) > 3:
        lines[2] += "\x00"
    case.done.append(f"csv:{damage}")
    text = "\n".join(lines)
    encoding = rng.choice(["utf-8", "utf-8-sig", "gb18030"])
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.2:
        data = data[:3] + b"\xff\xfe" + data[3:]
        case.done.append("csv:invalid-byte")
    path.write_bytes(data)
    return path


def corrupt_bytes(source: Path, path: Path, rng: random.Random) -> Path:
    data = bytearray(source.read_bytes())
    how = rng.choice(["flip", "truncate", "zero"])
    if how == "truncate":
        data = data[: rng.randrange(len(data))]
    else:
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(data))
            data[i] = 0 if how == "zero" else data[i] ^ (1 << rng.randrange(8))
    path.write_bytes(bytes(data))
    return path


# --- reading and checking ------------------------------------------------------------------------


def check_load(plugins: Plugins, case: Case, path: Path) -> list[str]:
    """Problems with the library's load of ``path`` (empty when the invariants hold)."""
    try:
        result = plugins.load_ledger(path, case.seed.fmt)
    except WorkbookError:
        return []  # refused whole, with a code: nobody lost silently
    except Exception as error:
        return [f"load raised {type(error).__name__}: {error}"[:300]]
    if path.suffix == ".csv":
        return []
    # a person is found by their key, or, when the key column could not be read (its header
    # overwritten), by the row's ID number: the register is then keyed by ID (the key is kept)
    found = {p.key for p in result.ledger.recipients}
    ids = {p.resident_id for p in result.ledger.recipients if p.resident_id}
    register_name = case.sheets[case.register_index][0]
    refused = {
        v for row in result.rejected if row.kind is RecordKind.RECIPIENTS for v in row.raw.values()
    }
    problems = []
    for index in case.data_rows():
        key = case.key_of(index)
        if key is None or key in case.lost_keys or key in found or key in refused:
            continue
        if not ids.isdisjoint(str(v) for v in case.register[index]):
            continue
        named = [i for i in result.issues if i.row == index + 1 and i.sheet == register_name]
        if not named:
            problems.append(f"row {index + 1} (key {key}) vanished without a record or a remark")
    return problems


def check_cli(path: Path, out: Path) -> list[str]:
    status = cli_main(
        ["validate", str(path), "--format", "json", "--issues-out", str(out)],
        stdout=io.StringIO(),
        stderr=(err := io.StringIO()),
    )
    if status not in (0, 1, 2):
        return [f"socialwork validate exited {status}: {err.getvalue()[-300:]}"]
    return []


def one_case(
    plugins: Plugins, seeds: Sequence[Seed], rng: random.Random, folder: Path, number: int
) -> tuple[str, Case, list[str]]:
    seed = rng.choice(seeds)
    case = Case(seed)
    family = rng.choices(["xlsx", "ods", "csv", "bytes", "gap"], weights=[6, 2, 2, 2, 1])[0]
    mutations = rng.sample(list(STRUCTURE), rng.randint(0, 3))
    if family == "gap":  # first, as it moves the register among the sheets
        mutations.insert(0, rng.choice(GAPS))
    if rng.random() < 0.6:
        mutations.append(hostile_values)
    for mutate in mutations:
        mutate(case, rng)
        case.done.append(mutate.__name__)
    path = folder / f"case{number}"
    if family == "ods":
        written = write_ods(case, path.with_suffix(".ods"))
    elif family == "csv":
        written = write_csv(case, path.with_suffix(".csv"), rng)
    elif family == "bytes":
        written = corrupt_bytes(
            write_xlsx(case, path.with_suffix(".src.xlsx")), path.with_suffix(".xlsx"), rng
        )
    else:
        written = write_xlsx(case, path.with_suffix(".xlsx"))
    problems = [] if family == "bytes" else check_load(plugins, case, written)
    if number % CLI_EVERY == 0 or family in ("bytes", "csv"):
        problems += check_cli(written, folder / f"issues{number}.xlsx")
    for leftover in folder.iterdir():
        leftover.unlink()
    return family, case, problems


def run(seconds: float, seed: int, memory_mb: int = 3072) -> dict[str, Any]:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    rng = random.Random(seed)
    plugins = load_plugins()
    started = time.monotonic()
    counts: dict[str, int] = {}
    findings: list[dict[str, Any]] = []
    gaps: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        seeds = [
            Seed(name, fmt, folder)
            for name in sorted(plugins.names())
            for fmt in plugins.ledger_formats(adapter=name)[:1]
        ]
        for path in list(folder.iterdir()):
            path.unlink()
        number = 0
        while time.monotonic() - started < seconds:
            number += 1
            try:
                family, case, problems = one_case(plugins, seeds, rng, folder, number)
            except Exception:
                findings.append({"case": number, "fuzzer_error": traceback.format_exc()[-800:]})
                continue
            counts[family] = counts.get(family, 0) + 1
            if problems:
                entry = {
                    "case": number,
                    "family": family,
                    "adapter": case.seed.adapter,
                    "mutations": case.done,
                    "problems": problems[:3],
                }
                (gaps if case.known_gap else findings).append(entry)
    return {
        "seed": seed,
        "seconds": round(time.monotonic() - started, 1),
        "cases": sum(counts.values()),
        "by_family": counts,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "findings": findings,
        "known_gaps": {"count": len(gaps), "examples": gaps[:3]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--memory-mb", type=int, default=3072)
    args = parser.parse_args()
    print(json.dumps(run(args.seconds, args.seed, args.memory_mb), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
