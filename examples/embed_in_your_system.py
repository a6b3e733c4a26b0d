"""Embedding the library in another system: records from a database, not from a workbook.

    python examples/embed_in_your_system.py [--as-of 2023-03-31] [--out out/]

A county platform keeps its register and visit log in a database. Its rows arrive as dicts (here
from an in-memory SQLite database standing in for any DB-API cursor); the library's converter turns
each dict into a record, checking it as it goes, and the rest is the same as for a workbook:
grades with reasons, the due list and a report, as JSON for the platform to store or show.

Rows are structured through ``socialwork_core.serialize.structure`` (never ``Recipient(**row)``),
so dates arrive as ISO text, categories as codes, and a bad row raises ``ConversionError`` listing
every problem instead of half-building a record.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from socialwork_core.contacts import Contact
from socialwork_core.identity.resident_id import compose
from socialwork_core.ledger import Ledger
from socialwork_core.periods import containing
from socialwork_core.plugins import load_plugins
from socialwork_core.recipients import Recipient
from socialwork_core.reports import report_data
from socialwork_core.schedule import due_list, grade_all
from socialwork_core.serialize import ConversionError, structure

SCHEMA = """
create table recipient (key text, name text, resident_id text, categories text, village text,
                        registered_on text, self_care text, worker_id text);
create table visit (id text, on_date text, mode text, recipient_key text, worker_id text);
"""

# Synthetic people (made-up names, valid but invented ID numbers).
PEOPLE = [
    ("DB-001", "王秀英", compose("440101", date(1938, 2, 3), 2), "empty_nest_elderly", "东村",
     "2021-05-01", "partly_lost", "W01"),
    ("DB-002", "李建国", compose("440101", date(1956, 7, 9), 11), "subsistence_allowance", "西村",
     "2022-01-10", None, "W01"),
    ("DB-003", "赵子轩", compose("440101", date(2012, 3, 15), 31), "orphan", "东村",
     "2022-09-01", None, "W02"),
    ("DB-004", "陈美玲", compose("440101", date(1950, 11, 30), 42),
     "extreme_poverty_dispersed,disabled_person", "西村", "2023-02-20", "fully_lost", "W02"),
]  # fmt: skip
VISITS = [
    ("V-1", "2023-03-02", "home_visit", "DB-001", "W01"),
    ("V-2", "2023-03-20", "phone", "DB-001", "W01"),
    ("V-3", "2023-02-14", "home_visit", "DB-002", "W01"),
    ("V-4", "2023-03-05", "home_visit", "DB-003", "W02"),
]


def database() -> sqlite3.Connection:
    """Stands in for the platform's database."""
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    db.executemany("insert into recipient values (?, ?, ?, ?, ?, ?, ?, ?)", PEOPLE)
    db.executemany("insert into visit values (?, ?, ?, ?, ?)", VISITS)
    return db


def rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """DB-API rows as dicts (column name → value)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2023, 3, 31))
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    converter = plugins.make_converter()
    db = database()

    recipients = []
    for row in rows(db.execute("select * from recipient")):
        # The platform's columns → the record's fields; the converter checks and builds.
        data = {k: v for k, v in row.items() if v is not None}
        data["categories"] = row["categories"].split(",")
        recipients.append(structure(converter, data, Recipient))
    contacts = []
    for row in rows(db.execute("select * from visit")):
        data = {
            "id": row["id"],
            "on": row["on_date"],
            "mode": row["mode"],
            "recipient_keys": [row["recipient_key"]],
            "worker_ids": [row["worker_id"]],
        }
        contacts.append(structure(converter, data, Contact))

    # A bad row never becomes half a record: every problem is listed.
    try:
        structure(converter, {"key": "DB-999", "name": "", "birth_date": "1950-13-01"}, Recipient)
    except ConversionError as exc:
        print(f"refused a bad row: {len(exc.problems)} problem(s), e.g. {exc.problems[0]}")

    ledger = Ledger(recipients=recipients, contacts=contacts)
    rules = plugins.rule_sets_for_region("national")
    grades = grade_all(ledger.recipients, args.as_of, rules)
    entries = due_list(ledger.recipients, ledger.contacts, rules, args.as_of, grades=grades)
    template = next(t for t in plugins.report_templates() if t.name == "national.monthly")
    report = template.build(
        ledger,
        containing(template.period_kind, args.as_of),
        as_of=args.as_of,
        unit="示例街道社工站",
    )

    result = {
        "as_of": args.as_of.isoformat(),
        "grades": {
            key: {"level": g.effective_level.value, "reasons": list(g.explain())}
            for key, g in grades.items()
        },
        "due": [converter.unstructure(e) for e in entries if e.status.needs_action],
        "report": report_data(report),
    }
    for key, g in grades.items():
        print(f"{key}: {g.effective_level.label} — {g.explain()[0]}")
    for entry in result["due"]:
        print(f"due: {entry['recipient_key']} {entry['requirement_id']} {entry['status']}")

    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "embedded-result.json"
    target.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"→ {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
