"""A cold wave over two villages: the alert's contact list, then the follow-up list.

    python examples/cold_wave_alert.py [--out out/]

On 12 January 2023 a cold-wave warning (寒潮预警) covers 新岗村 and 大塘村 for four days; every
registered person there needs a contact within 24 hours (home visit or phone). The script prints

1. the alert list on the day it is issued: everyone the alert covers, most urgent first;
2. the follow-up list two days later: those the contacts in the ledger have not yet reached.

It also writes the alert in the JSON form the command line takes::

    socialwork due examples/data/guangdong_example_ledger.xlsx --as-of 2023-01-14 \\
        --alert out/cold-wave-alert.json
"""

from __future__ import annotations

import argparse
from datetime import date, time
from pathlib import Path

from socialwork_core.plugins import load_plugins
from socialwork_core.reports import mask_name
from socialwork_core.schedule import Alert, AlertKind, DueEntry, due_list
from socialwork_core.serialize import dumps

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "guangdong_example_ledger.xlsx"

COLD_WAVE = Alert(
    id="HC-2023-01",
    kind=AlertKind.COLD_WAVE,
    title="2023年1月寒潮蓝色预警",
    start=date(2023, 1, 12),
    end=date(2023, 1, 15),
    issued_at=time(9, 0),
    village_codes=frozenset({"新岗村", "大塘村"}),
    deadline_hours=24,
    modes=frozenset({"home_visit", "phone"}),
)


def alert_lines(entries: tuple[DueEntry, ...]) -> list[DueEntry]:
    return [e for e in entries if e.alert_id == COLD_WAVE.id]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    fmt = plugins.ledger_formats(adapter="guangdong")[0]
    converter = plugins.make_converter()
    ledger = plugins.load_ledger(LEDGER, fmt).ledger
    rules = plugins.rule_sets_for_region("guangdong")

    def show(entries: list[DueEntry]) -> None:
        for e in entries:
            person = ledger.recipient(e.recipient_key)
            name = mask_name(person.name) if person else ""
            last = e.last_contact_on.isoformat() if e.last_contact_on else "-"
            print(f"  {e.level.label} {e.recipient_key} {name} {e.village} "
                  f"{e.status.label} 应于{e.due_on}前联系 上次{last}")  # fmt: skip

    issued = COLD_WAVE.start
    # On the day: nobody has been contacted yet since the alert began.
    before = [c for c in ledger.contacts if c.on < issued]
    day_one = alert_lines(due_list(ledger.recipients, before, rules, issued, alerts=[COLD_WAVE]))
    print(f"{COLD_WAVE.title}: {len(day_one)} people to contact by {COLD_WAVE.due_on()}")
    show(day_one)

    follow_up_day = date(2023, 1, 14)
    later = alert_lines(
        due_list(ledger.recipients, ledger.contacts, rules, follow_up_day, alerts=[COLD_WAVE])
    )
    reached = [e for e in later if e.status.value == "ok"]
    missing = [e for e in later if e.status.needs_action]
    print(f"\nFollow-up on {follow_up_day}: {len(reached)} reached, {len(missing)} still to reach")
    show(missing)

    args.out.mkdir(parents=True, exist_ok=True)
    alert_file = args.out / "cold-wave-alert.json"
    alert_file.write_text(dumps(converter, COLD_WAVE) + "\n", encoding="utf-8")
    print(f"\nalert written for the command line → {alert_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
