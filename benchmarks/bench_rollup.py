"""Benchmark: a city's figures rolled up from its station files (on demand; not in the test suite).

A synthetic city (made-up names and valid made-up ID numbers): 100 station files of one year
(1 April 2023 – 31 March 2024), 2,000 people and 24,000 visits each (200,000 people and
2,400,000 visits in all); one person in a hundred is also on the next station's register (a
cross-station duplicate the merge counts once). Files are written once with the library's own
writer into ``--dir`` and reused.

Phases, each in a fresh subprocess so its peak memory is its own:

- ``calamine``: the bare python-calamine pass over the same files, serially (every row of every
  sheet materialised, nothing kept): the yardstick;
- ``monthly``: ``socialwork_core.rollup`` into ``guangdong.monthly`` for December 2023 with
  ``--jobs`` processes: every file read into its share (loaded, stations attributed, keys
  namespaced, contacts cut to the month), the shares merged, the report built;
- ``weekly``: the same into ``henan.weekly`` for the week of 8 December 2023 (Friday to Thursday);
- ``year_back`` (``--year-back``): the same into ``national.monthly``, whose visit rate reads a
  year back (``history_days=366``): the year before the month travels and is merged as visit
  days (``visit_history``), only December's visits as records;
- ``year_back_records`` (with ``--year-back``): the same template made to read the year as
  visits (``lookback_days=366``, no history), as before visit days: the parent holds a year of
  visits, the case that shows where a reduce of records stops scaling;
- ``monthly_serial``: ``monthly`` read in this process alone (``jobs=1``), to show the figures
  are the same (a digest of the report's JSON) and what the second process buys.

Timed: wall-clock seconds of each phase's work (imports and plugin loading before the clock
starts, as the command line's start-up; the pool's start-up inside it). Peak memory: the phase
process's peak RSS plus the largest of its worker processes' (``RUSAGE_CHILDREN``), as each
worker peaks on its own file. The phases run at 10, 50 and 100 files (linearity) unless
``--files`` says otherwise. Results go to ``benchmarks/results/rollup.json``.

    python benchmarks/bench_rollup.py                         # 10, 50, 100 files (~10 min)
    python benchmarks/bench_rollup.py --files 10 --jobs 2     # quick
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
PEOPLE_PER_STATION = 2_000
VISITS_PER_STATION = 24_000
FIRST_DAY = date(2023, 4, 1)
DAYS = 366
TARGET_RATIO = 1.5
"""Issue #12: the roll-up with ``--jobs 2`` at most this many times the serial calamine pass."""
TARGET_PEAK_MIB = 2048


def station_code(number: int) -> str:
    return f"441823{number + 1:03d}"


def write_station(path: Path, number: int) -> None:
    """One station's year: register, stations, workers, visits, and the layout's other sheets
    empty (a station's workbook from the national template)."""
    from socialwork_core.glossary import Category, ContactMode
    from socialwork_core.identity import resident_id

    rng = random.Random(number)
    code = station_code(number)
    categories = [c.label for c in Category]
    modes = [m.label for m in ContactMode if m is not ContactMode.MET_AT_ACTIVITY]
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林", "秀英明华国芳建军玉兰桂英志强丽娟伟"

    def person(station: int, i: int) -> str:
        # (birth day, sequence) unique per person of the city: 36,000 days, sequences per block
        serial = station * PEOPLE_PER_STATION + i
        birth = date(1925, 1, 1) + timedelta(days=(serial * 7919) % 36_000)
        return resident_id.compose("441823", birth, serial // 36_000 + 1)

    def register() -> Iterator[list[Any]]:
        for i in range(PEOPLE_PER_STATION):
            # one in a hundred is also on the previous station's register: the same ID number
            number_ = person(number - 1, i - 1) if i % 100 == 99 and number > 0 else None
            yield [
                f"{i + 1}",
                rng.choice(surnames) + rng.choice(given) + rng.choice(given),
                number_ or person(number, i),
                f"村{i % 12:02d}",
                "、".join(rng.sample(categories, rng.choice((1, 1, 2)))),
                f"SG{i % 4 + 1:02d}",
                date(2021, 1, 1) + timedelta(days=rng.randrange(0, 700)),
                code,
            ]

    def visits() -> Iterator[list[Any]]:
        for v in range(VISITS_PER_STATION):
            yield [
                f"T{v + 1:06d}",
                FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                str(rng.randrange(PEOPLE_PER_STATION) + 1),
                rng.choice(modes),
                f"SG{v % 4 + 1:02d}",
                "身体状况良好，生活正常",
                code,
            ]

    sheets: list[tuple[str, list[str], Any]] = [
        (
            "服务对象",
            ["档案号", "姓名", "身份证号", "村居", "对象类别", "负责社工", "建档日期", "站点编码"],
            register(),
        ),
        (
            "社工站点",
            ["站点编码", "站点名称", "层级", "上级站点编码"],
            [
                ["441823", "阳山县社工总站", "县级社工总站", None],
                [code, f"第{number + 1}镇社工站", "乡镇(街道)社工站", "441823"],
            ],
        ),
        (
            "社工人员",
            ["社工编号", "姓名", "所属站点编码"],
            [[f"SG{k:02d}", f"社工{number}-{k}", code] for k in range(1, 5)],
        ),
        ("资源链接", ["编号", "日期", "资源类型", "资源内容"], []),
        ("个案", ["个案编号", "档案号", "接案日期"], []),
        ("活动", ["活动编号", "活动类型", "活动名称", "活动日期"], []),
        (
            "探访记录",
            ["记录编号", "探访日期", "档案号", "探访方式", "探访社工", "探访情况", "站点编码"],
            visits(),
        ),
    ]
    write_xlsx(path, sheets)


_EXCEL_EPOCH = date(1899, 12, 30)


def _cell(reference: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return f'<c r="{reference}" s="1"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    text = escape(str(value))
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], Any]]) -> None:
    """A plain .xlsx, written part by part: inline strings, dates as serial numbers with a date
    format (what Excel itself saves), no styles beyond that. Writing through openpyxl costs some
    20 s a file on a busy machine; a city of 100 files would take most of an hour."""
    letters = [chr(ord("A") + i) for i in range(26)]
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/>' + overrides + "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        entries = "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _h, _r) in enumerate(sheets, start=1)
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel_ns}><sheets>{entries}'
            "</sheets></workbook>",
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        style = len(sheets) + 1
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{links}<Relationship Id="rId{style}"'
            ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"'
            ' Target="styles.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}><fonts count="1"><font/>'
            '</fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/>'
            '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        for i, (_name, headers, rows) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{i}.xml", "w") as part:
                part.write(
                    f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'.encode()
                )
                for r, row in enumerate([headers, *rows], start=1):
                    cells = "".join(_cell(f"{letters[c]}{r}", v) for c, v in enumerate(row))
                    part.write(f'<row r="{r}">{cells}</row>'.encode())
                part.write(b"</sheetData></worksheet>")


def city(folder: Path, files: int) -> list[Path]:
    """The first ``files`` station files, written where missing."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(files):
        path = folder / f"station-{number + 1:03d}.xlsx"
        if not path.exists():
            partial = path.with_suffix(".part.xlsx")
            write_station(partial, number)
            partial.rename(path)
        paths.append(path)
    return paths


# --- phases (each in its own process) -------------------------------------------------------------


def _cpu() -> float:
    """CPU seconds of this process and its finished children (a pool's workers): on a shared,
    busy machine the wall clock also counts other people's work."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def phase_calamine(paths: list[Path]) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    cpu_start = _cpu()
    started = time.perf_counter()
    rows = 0
    for path in paths:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            for _row in workbook.get_sheet_by_name(name).iter_rows():
                rows += 1
        workbook.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": rows, "cpu_start": cpu_start, "cpu_end": _cpu()}


def phase_rollup(
    paths: list[Path], template_name: str, jobs: int, *, records_only: bool = False
) -> dict[str, Any]:
    import attrs

    from socialwork_core.periods import parse_period
    from socialwork_core.plugins import load_plugins
    from socialwork_core.reports import report_json
    from socialwork_core.rollup import ShareRequest, map_shares, merge_shares

    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}[template_name]
    period_text = "2023-12" if template.period_kind.value == "month" else "2023-12-08"
    period = (
        parse_period(period_text)
        if template.period_kind.value == "month"
        else template.period_for(date.fromisoformat(period_text))
    )
    as_of = period.end
    cpu_start = _cpu()
    started = time.perf_counter()
    if records_only:  # the year as visits: how the reduce held it before visit days
        template = attrs.evolve(template, lookback_days=template.history_days, history_days=None)
    request = ShareRequest(
        adapter="national",
        window=template.records_window(period, as_of),
        history=template.history_window(period, as_of),
    )
    shares = map_shares(paths, request, jobs=jobs)
    mapped = time.perf_counter()
    rolled = merge_shares(shares)
    del shares
    merged = time.perf_counter()
    report = template.build(rolled.ledger, period, as_of=as_of, unit="阳山县社工总站")
    text = report_json(report)
    done = time.perf_counter()
    ledger = rolled.ledger
    return {
        "seconds": done - started,
        "map_seconds": mapped - started,
        "merge_seconds": merged - mapped,
        "report_seconds": done - merged,
        "period": period.label,
        "recipients": len(ledger.recipients),
        "contacts_in_window": len(ledger.contacts),
        "visit_days_entries": (
            len(ledger.visit_history.entries) if ledger.visit_history is not None else 0
        ),
        "cross_station_duplicates": sum(
            1 for i in rolled.result.issues if i.code == "rollup.cross_station_duplicate"
        ),
        "errors": len(rolled.result.errors),
        "report_digest": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        "cpu_start": cpu_start,
        "cpu_end": _cpu(),
    }


def run_phase(args: argparse.Namespace) -> None:
    paths = city(Path(args.dir), args.files_now)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.phase == "calamine":
        result = phase_calamine(paths)
    elif args.phase == "monthly":
        result = phase_rollup(paths, "guangdong.monthly", args.jobs)
    elif args.phase == "weekly":
        result = phase_rollup(paths, "henan.weekly", args.jobs)
    elif args.phase == "year_back":
        result = phase_rollup(paths, "national.monthly", args.jobs)
    elif args.phase == "year_back_records":
        result = phase_rollup(paths, "national.monthly", args.jobs, records_only=True)
    else:
        result = phase_rollup(paths, "guangdong.monthly", 1)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["cpu_seconds"] = round(result.pop("cpu_end") - result.pop("cpu_start"), 2)
    result.update(
        peak_mib=round(own, 1),
        worker_peak_mib=round(children, 1),
        peak_total_mib=round(own + args.jobs * children if children else own, 1),
        baseline_mib=round(before / 1024, 1),
    )
    print(json.dumps(result))


def subprocess_phase(phase: str, files: int, folder: Path, jobs: int) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--phase",
        phase,
        "--files-now",
        str(files),
        "--dir",
        str(folder),
        "--jobs",
        str(jobs),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="10,50,100", help="file counts to measure")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dir", default=str(HERE / "results" / "city"))
    parser.add_argument("--out", default=str(HERE / "results" / "rollup.json"))
    parser.add_argument("--serial", action="store_true", help="also the serial roll-up (largest)")
    parser.add_argument(
        "--year-back",
        action="store_true",
        help="also national.monthly, whose visit rate reads a year of visits (lookback 366 days)",
    )
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--files-now", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        run_phase(args)
        return
    counts = [int(n) for n in args.files.split(",")]
    folder = Path(args.dir)
    started = time.perf_counter()
    city(folder, max(counts))
    generated = time.perf_counter() - started
    runs: list[dict[str, Any]] = []
    for files in counts:
        entry: dict[str, Any] = {"files": files}
        for phase in ("calamine", "monthly", "weekly"):
            entry[phase] = subprocess_phase(phase, files, folder, args.jobs)
            print(files, phase, json.dumps(entry[phase]), flush=True)
        if args.year_back:
            for phase in ("year_back", "year_back_records"):
                entry[phase] = subprocess_phase(phase, files, folder, args.jobs)
                print(files, phase, json.dumps(entry[phase]), flush=True)
        if args.serial and files == max(counts):
            entry["monthly_serial"] = subprocess_phase("monthly_serial", files, folder, 1)
            print(files, "monthly_serial", json.dumps(entry["monthly_serial"]), flush=True)
            entry["serial_same_figures"] = (
                entry["monthly_serial"]["report_digest"] == entry["monthly"]["report_digest"]
            )
        base = entry["calamine"]["seconds"]
        base_cpu = entry["calamine"]["cpu_seconds"]
        for phase in ("monthly", "weekly"):
            entry[f"{phase}_vs_calamine"] = round(entry[phase]["seconds"] / base, 2)
            entry[f"{phase}_cpu_vs_calamine_cpu"] = round(entry[phase]["cpu_seconds"] / base_cpu, 2)
        entry["target_met"] = all(
            entry[f"{p}_vs_calamine"] <= TARGET_RATIO
            and entry[p]["peak_total_mib"] <= TARGET_PEAK_MIB
            for p in ("monthly", "weekly")
        )
        runs.append(entry)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    result = {
        "python": platform.python_version(),
        "cpus": cpus,
        "jobs": args.jobs,
        "people_per_file": PEOPLE_PER_STATION,
        "visits_per_file": VISITS_PER_STATION,
        "generate_seconds": round(generated, 1),
        "load_average_at_end": os.getloadavg(),
        "target": {"vs_calamine_at_most": TARGET_RATIO, "peak_mib_at_most": TARGET_PEAK_MIB},
        "runs": runs,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
