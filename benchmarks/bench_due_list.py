"""Benchmark: grading and the due list for a synthetic city (run on demand, not in the test suite).

A city of 200,000 recipients and 2,400,000 contacts over one year (scale 1.0), and the same at
1/10 scale. Reports recipients graded per second, contacts processed per second by the due list's
one pass, the due list's total compute time and the process's peak memory, and writes them to a
JSON file::

    python benchmarks/bench_due_list.py         # scales 0.1 and 1.0 → benchmarks/results/due_list.json
    python benchmarks/bench_due_list.py --scales 0.1 --out /tmp/due.json

Each scale runs in its own process so its peak memory is its own. All data is synthetic (made-up
keys and dates; no names or ID numbers of real people).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from socialwork_core.contacts import Contact
from socialwork_core.glossary.rules_text import AlertKind, RiskFlag
from socialwork_core.glossary.terms import ContactMode, SelfCareLevel, SelfCareTask
from socialwork_core.grading import Assessment
from socialwork_core.recipients import Recipient
from socialwork_core.schedule import NATIONAL_DEFAULT, Alert, ContactIndex, due_list, grade_all

FULL_RECIPIENTS = 200_000
FULL_CONTACTS = 2_400_000
AS_OF = date(2022, 3, 31)
YEAR_START = date(2021, 4, 1)
STATIONS = 100
VILLAGES_PER_STATION = 12

CATEGORY_MIX: list[tuple[frozenset[str], int]] = [
    (frozenset({"subsistence_allowance"}), 40),
    (frozenset({"elderly_living_alone"}), 12),
    (frozenset({"empty_nest_elderly", "subsistence_allowance"}), 8),
    (frozenset({"left_behind_elderly"}), 6),
    (frozenset({"extreme_poverty_dispersed"}), 6),
    (frozenset({"disabled_person"}), 8),
    (frozenset({"child_in_difficulty"}), 4),
    (frozenset({"orphan"}), 1),
    (frozenset({"family_planning_special_elderly"}), 2),
    (frozenset(), 13),
]
MODE_MIX: list[tuple[ContactMode, int]] = [
    (ContactMode.HOME_VISIT, 45),
    (ContactMode.PHONE, 35),
    (ContactMode.VIDEO, 5),
    (ContactMode.INSTANT_MESSAGE, 10),
    (ContactMode.STATION_VISIT, 3),
    (ContactMode.MET_AT_ACTIVITY, 2),
]


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def build_city(scale: float, seed: int = 2022) -> dict[str, Any]:
    """A synthetic city: recipients, contacts over one year, assessments and alerts."""
    rng = random.Random(seed)
    n_people = int(FULL_RECIPIENTS * scale)
    n_contacts = int(FULL_CONTACTS * scale)
    days = [YEAR_START + timedelta(days=i) for i in range((AS_OF - YEAR_START).days + 1)]
    births = [date(1925, 1, 1) + timedelta(days=i) for i in range(0, 365 * 95, 7)]
    registrations = [
        date(2018, 1, 1) + timedelta(days=i) for i in range((AS_OF - date(2018, 1, 1)).days + 1)
    ]
    categories = rng.choices([c for c, _ in CATEGORY_MIX], [w for _, w in CATEGORY_MIX], k=n_people)
    stations = [f"S{s:03d}" for s in range(STATIONS)]
    villages = [f"{s}-V{v:02d}" for s in stations for v in range(VILLAGES_PER_STATION)]
    people = []
    for i in range(n_people):
        station = rng.randrange(STATIONS)
        exited = rng.random() < 0.03
        registered = rng.choice(registrations)
        people.append(
            Recipient(
                key=f"R{i:07d}",
                name=f"Resident {i}",
                birth_date=rng.choice(births),
                categories=categories[i],
                self_care=rng.choice([None, None, None, SelfCareLevel.PARTLY_LOST]),
                station_code=stations[station],
                village=villages[
                    station * VILLAGES_PER_STATION + rng.randrange(VILLAGES_PER_STATION)
                ],
                worker_id=f"W{station:03d}-{rng.randrange(6)}",
                registered_on=registered,
                status="exited" if exited else "active",
                status_since=max(registered, date(2021, 6, 1)) if exited else None,
            )
        )
    keys = [p.key for p in people]
    modes = rng.choices([m for m, _ in MODE_MIX], [w for _, w in MODE_MIX], k=n_contacts)
    contacts = []
    for j in range(n_contacts):
        first = rng.randrange(n_people)
        reached = (
            (keys[first],) if rng.random() < 0.9 else (keys[first], keys[(first + 1) % n_people])
        )
        contacts.append(
            Contact(id=f"C{j:08d}", on=rng.choice(days), mode=modes[j], recipient_keys=reached)
        )
    tasks = list(SelfCareTask)
    assessments = [
        Assessment(
            recipient_key=keys[rng.randrange(n_people)],
            on=rng.choice(days),
            failed_tasks=tasks[: rng.randrange(7)],
            risk_flags={RiskFlag.DANGEROUS_HOUSING} if rng.random() < 0.05 else (),
        )
        for _ in range(n_people // 10)
    ]
    alerts = [
        Alert(
            id="cold-wave",
            kind=AlertKind.COLD_WAVE,
            start=AS_OF - timedelta(days=2),
            end=AS_OF + timedelta(days=2),
            station_codes=set(stations[:10]),
            levels={"level_1", "level_2"},
            affected_keys=set(rng.sample(keys, min(500, n_people))),
        ),
        Alert(
            id="orphan-check",
            kind=AlertKind.CAMPAIGN,
            start=AS_OF - timedelta(days=6),
            end=AS_OF,
            categories={"orphan", "de_facto_unsupported_child"},
            modes={ContactMode.HOME_VISIT},
        ),
    ]
    return {
        "recipients": people,
        "contacts": contacts,
        "assessments": assessments,
        "alerts": alerts,
    }


class _Counting:
    """Wraps the contacts and counts how many times they are iterated and how many items pass."""

    def __init__(self, items: list[Contact]) -> None:
        self.items = items
        self.passes = 0
        self.yielded = 0

    def __iter__(self) -> Iterator[Contact]:
        self.passes += 1
        for item in self.items:
            self.yielded += 1
            yield item


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def run_scale(scale: float) -> dict[str, Any]:
    """Build the city at ``scale`` and measure; returns the figures."""
    city, build_s = _timed(build_city, scale)
    rss_after_build = _peak_rss_mib()
    # The city is long-lived data, as a loaded ledger is: keep the cyclic collector from walking
    # millions of records again and again while we time the computations.
    gc.collect()
    gc.freeze()
    people: list[Recipient] = city["recipients"]
    contacts: list[Contact] = city["contacts"]

    grades, grade_s = _timed(
        grade_all,
        people,
        AS_OF,
        NATIONAL_DEFAULT,
        assessments=city["assessments"],
        alerts=city["alerts"],
    )
    _index, index_s = _timed(ContactIndex.build, contacts, AS_OF)
    del _index

    counting = _Counting(contacts)
    entries, due_s = _timed(
        due_list,
        people,
        counting,
        [NATIONAL_DEFAULT],
        AS_OF,
        alerts=city["alerts"],
        assessments=city["assessments"],
    )
    if counting.passes != 1 or counting.yielded != len(contacts):
        raise AssertionError(f"the due list read the contacts {counting.passes} times")
    statuses: dict[str, int] = {}
    for entry in entries:
        statuses[entry.status.value] = statuses.get(entry.status.value, 0) + 1
    levels: dict[str, int] = {}
    for g in grades.values():
        levels[g.level.value] = levels.get(g.level.value, 0) + 1
    return {
        "scale": scale,
        "recipients": len(people),
        "recipients_graded": len(grades),
        "contacts": len(contacts),
        "as_of": AS_OF.isoformat(),
        "build_city_seconds": round(build_s, 2),
        "grading_seconds": round(grade_s, 3),
        "recipients_graded_per_second": round(len(grades) / grade_s),
        "contact_index_seconds": round(index_s, 3),
        "contacts_per_second": round(len(contacts) / index_s),
        "due_list_seconds": round(due_s, 3),
        "due_list_contacts_per_second": round(len(contacts) / due_s),
        "due_list_passes_over_contacts": counting.passes,
        "gc_frozen_after_build": True,
        "due_entries": len(entries),
        "entries_by_status": dict(sorted(statuses.items())),
        "recipients_by_level": dict(sorted(levels.items())),
        "peak_rss_mib_after_building_city": round(rss_after_build, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "due_list.json"
    )
    parser.add_argument("--single", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.single is not None:
        print(json.dumps(run_scale(args.single)))
        return 0
    runs = []
    for scale in args.scales:
        done = subprocess.run(
            [sys.executable, __file__, "--single", str(scale)],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(figures)
        print(json.dumps(figures, indent=2))
    report = {
        "benchmark": "due_list",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "runs": runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
