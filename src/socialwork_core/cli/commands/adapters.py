"""``socialwork adapters``: the loaded plugins, their regions, formats and templates, and any set aside."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ..console import Console
from ..options import common_options
from ..output import (
    record_data,
)
from ..session import (
    EXIT_OK,
    start_plugins,
)
from ..text import heading

NAME = "adapters"
DETAILS = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork adapters``."""
    common_options(parser)


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork adapters``."""
    plugins = start_plugins(console)
    console.done()
    entries: list[dict[str, Any]] = []
    for info in plugins.adapters():
        origin = info.origin
        entries.append(
            {
                "name": info.name,
                "version": info.version,
                "region": None if info.region is None else record_data(info.region),
                "origin": record_data(origin),
                "formats": [f.name for f in plugins.ledger_formats(adapter=info.name)],
                "report_templates": [
                    {
                        "name": t.name,
                        "title": t.title,
                        "period_kind": t.period_kind.value,
                        "period_kinds": sorted(k.value for k in t.period_kinds),
                        "period_examples": list(t.period_examples),
                    }
                    for t in plugins.report_templates(adapter=info.name)
                ],
            }
        )
    problems = [
        {"plugin": p.plugin, "code": p.code, "message": p.finding.message, "detail": p.detail}
        for p in plugins.problems
    ]
    if console.json_output:
        console.emit_json({"adapters": entries, "problems": problems})
        return EXIT_OK
    if not entries:
        console.note("cli.no_adapters")
    for entry in entries:
        region = entry["region"]
        place = f"  {region['name']} ({region['code']})" if region else ""
        console.out(f"{entry['name']} {entry['version'] or '-'}{place}")
        origin = entry["origin"]
        where = origin["entry_point"] or origin["module"]
        if origin["distribution"]:
            where += f"  [{origin['distribution']} {origin['distribution_version']}]"
        console.out(f"  {heading('origin')}: {where}")
        console.out(f"  {heading('formats')}: {', '.join(entry['formats']) or '-'}")
        templates = entry["report_templates"]
        console.out(f"  {heading('templates')}:" + ("" if templates else " -"))
        for t in templates:
            console.out(f"    {t['name']}  {t['title']}  ({t['period_kind']})")
            console.out(f"      {heading('periods')}: {', '.join(t['period_examples'])}")
    return EXIT_OK
