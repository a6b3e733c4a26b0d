"""This month's due list: who needs a contact before the month is out, most urgent first.

    python examples/due_this_month.py [--as-of 2023-03-15] [--ledger LEDGER.xlsx] [--out out/]

The example ledger holds the year 2023 of a Guangdong township station, so the default date is in
2023; with your own ledger, pass today's date. Writes ``due-<month>.xlsx`` in ``--out``.
The same list from the command line: ``socialwork due LEDGER --as-of 2023-03-15``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from socialwork_core.periods import month
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import mask_name
from socialwork_core.schedule import NATIONAL_DEFAULT, due_list, grade_all
from socialwork_core.tabular import Column, SheetSpec, TitleBlock, write_workbook

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "guangdong_example_ledger.xlsx"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2023, 3, 15))
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    detected = plugins.detect_workbook_format(args.ledger)
    if detected is None:
        parser.error(f"{args.ledger}: no installed adapter recognises its headers")
    loaded = plugins.load_ledger(args.ledger, detected.format)
    ledger = loaded.ledger
    print(f"{args.ledger.name}: adapter {detected.adapter}, {len(ledger.recipients)} people")

    # The region's own rules where it has them, else the national default.
    region = next(a.region for a in plugins.adapters() if a.name == detected.adapter)
    rule_sets = (plugins.rule_sets_for_region(region.code) if region else []) or [NATIONAL_DEFAULT]

    this_month = month(args.as_of.year, args.as_of.month)
    grades = grade_all(ledger.recipients, args.as_of, rule_sets)
    entries = due_list(ledger.recipients, ledger.contacts, rule_sets, args.as_of, grades=grades)
    # Due by the end of this month and not yet done (the list is already most urgent first).
    todo = [
        e
        for e in entries
        if e.status.needs_action or (e.due_on is not None and e.due_on <= this_month.end)
    ]

    rows = []
    for entry in todo:
        person = ledger.recipient(entry.recipient_key)
        reasons = "；".join(r.description for r in grades[entry.recipient_key].reasons)
        rows.append(
            [
                entry.level.label,
                entry.recipient_key,
                mask_name(person.name) if person else "",
                person.village if person and person.village else "",
                entry.description,
                entry.status.label,
                entry.due_on.isoformat() if entry.due_on else "",
                entry.days_overdue or "",
                entry.last_contact_on.isoformat() if entry.last_contact_on else "",
                entry.worker_id or "",
                reasons,
            ]
        )
    for row in rows[:10]:
        print("  ".join(str(cell) for cell in row[:8]))
    if len(rows) > 10:
        print(f"… {len(rows) - 10} more")

    headers = ["服务等级", "档案号", "姓名", "村居", "探访要求", "状态", "到期日", "逾期天数",
               "上次探访", "负责社工", "评定理由"]  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"due-{this_month.label}.xlsx"
    sheet = SheetSpec(
        name="本月待探访",
        columns=[Column(h) for h in headers],
        rows=rows,
        title=TitleBlock(title="本月待探访清单", period=f"{this_month.label}（截至{args.as_of}）"),
    )
    write_workbook(target, [sheet])
    print(f"{len(rows)} contacts due in {this_month.label} (as of {args.as_of}) → {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
