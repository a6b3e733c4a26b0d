"""A Guangdong 双百 monthly report (工作月报) from the bundled example ledger.

    python examples/monthly_report.py [--period 2023-03] [--out out/]

Writes the styled workbook and the JSON form of the same figures. The same from the command line:
``socialwork report guangdong.monthly examples/data/guangdong_example_ledger.xlsx --period 2023-03
-o out/guangdong-monthly-2023-03.xlsx``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from socialwork_core.periods import parse_period
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings, report_data, report_json, write_report

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "guangdong_example_ledger.xlsx"
TEMPLATE = "guangdong.monthly"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2023-03")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None,
                        help="填报日期 (default: the day after the period)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    template = next(t for t in plugins.report_templates() if t.name == TEMPLATE)
    period = parse_period(args.period, first_weekday=template.first_weekday)
    as_of = args.as_of or period.next().start

    fmt = plugins.ledger_formats(adapter="guangdong")[0]
    loaded = plugins.load_ledger(LEDGER, fmt)
    if loaded.errors:
        print(f"warning: {len(loaded.rejected)} rows refused; the report covers the rest")

    settings = ReportSettings(rule_sets=tuple(plugins.rule_sets_for_region("guangdong")))
    report = template.build(
        loaded.ledger, period, as_of=as_of, unit="石城镇社工站", preparer="张社工",
        settings=settings,
    )  # fmt: skip

    args.out.mkdir(parents=True, exist_ok=True)
    xlsx = write_report(report, args.out / f"guangdong-monthly-{period.label}.xlsx")
    json_path = args.out / f"guangdong-monthly-{period.label}.json"
    json_path.write_text(report_json(report), encoding="utf-8")

    data = report_data(report)
    print(f"{template.title} {period.label}")
    print(json.dumps(data, ensure_ascii=False)[:400] + " …")
    print(f"→ {xlsx}\n→ {json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
