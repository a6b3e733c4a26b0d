"""``socialwork report``: a report from an adapter's template, as a styled workbook or JSON."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ...glossary import cli_text
from ...plugins import category_parents
from ...reports import (
    PeriodNotAccepted,
    ReportSettings,
    SettingsError,
    SettingsFile,
    read_settings,
    report_data,
    report_json,
    write_report,
)
from ..console import CliError, Console
from ..options import as_of_option, common_options, ledger_options
from ..output import (
    MONTH_DAYS,
    inputs_of,
    writable,
    write_file,
    write_text,
)
from ..session import (
    EXIT_USAGE,
    default_unit,
    open_ledger_of,
    parse_as_of,
    parse_period_text,
    refused_note,
    start_plugins,
    warn_period_dates,
    warn_stale_as_of,
)

NAME = "report"
DETAILS = (
    "PERIOD is the template's own (2023-03, 2023-Q1, 2023-H1, 2023-W47), a whole year (2023), "
    "any date range (2023-01-01..2023-03-31) or up to a date (..2023-06-30, cumulative; "
    "socialwork adapters lists what each template takes); -o takes "
    ".xlsx (the styled form) or .json (the same figures). Personal data is masked in the "
    "report."
)
"""Said under the command's summary in ``socialwork report --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork report``."""
    parser.add_argument(
        "template", metavar="TEMPLATE", help="a report template, e.g. guangdong.monthly"
    )
    ledger_options(parser)
    parser.add_argument("--period", required=True, metavar="PERIOD", help="the report period")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=".xlsx or .json")
    as_of_option(parser)
    parser.add_argument(
        "--unit",
        metavar="TEXT",
        help=f"{cli_text.OPTION_LABELS['unit']} (default: the ledger's township station)",
    )
    parser.add_argument(
        "--preparer", default="", metavar="NAME", help=cli_text.OPTION_LABELS["preparer"]
    )
    parser.add_argument(
        "--reviewer", default="", metavar="NAME", help=cli_text.OPTION_LABELS["reviewer"]
    )
    parser.add_argument(
        "--settings",
        metavar="FILE.toml",
        help=(
            "what the ledger cannot hold: townships and villages of the area (coverage), "
            "distinctive-project points per station, the unit and the signatories "
            "(see docs/command.md); the options above win over the file"
        ),
    )
    common_options(parser)


def run(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork report TEMPLATE LEDGER --period PERIOD -o FILE.xlsx``."""
    as_of = parse_as_of(args.as_of, today=today)
    plugins = start_plugins(console)
    templates = {t.name: t for t in plugins.report_templates()}
    template = templates.get(args.template)
    if template is None:
        raise CliError(
            "cli.unknown_template",
            EXIT_USAGE,
            name=args.template,
            known=", ".join(templates) or "-",
        )
    period = parse_period_text(args.period, first_weekday=template.first_weekday)
    if not template.accepts(period):  # before the ledger is read
        kind = template.period_kind.value
        raise CliError(
            "cli.wrong_period_kind",
            EXIT_USAGE,
            template=template.name,
            expected=cli_text.PERIOD_KIND_LABELS.get(kind, kind),
            expected_en=kind.replace("_", "-"),
            period=period.label,
            takes=", ".join(template.period_examples),
            detail=str(PeriodNotAccepted(template, period)),
        )
    file_settings = _settings_file(args.settings)  # before the ledger is read
    target = writable(Path(args.output), (".xlsx", ".json"), inputs_of(args))
    window = template.contact_window(period, as_of)
    opened = open_ledger_of(plugins, console, args, window=window)
    warn_stale_as_of(console, opened, args.as_of, as_of, max(period.days, MONTH_DAYS))
    warn_period_dates(console, period, as_of, today)
    console.progress("cli.progress.computing")
    region = opened.region.code if opened.region is not None else None
    settings = ReportSettings(
        rule_sets=opened.rule_sets,
        category_parents=category_parents(plugins.categories_for_region(region))
        if region is not None
        else {},
    )
    try:
        settings = file_settings.report_settings(
            settings, opened.result.ledger.stations, source=args.settings or ""
        )
    except SettingsError as error:
        raise _unusable(error) from None
    signed = file_settings.signatories
    unit = args.unit if args.unit is not None else file_settings.unit
    # a ValueError from inside the build (an indicator, a plugin) is a bug: it exits 3 with its
    # own message, never as this period message
    report = template.build(
        opened.result.ledger,
        period,
        as_of=as_of,
        unit=unit if unit is not None else default_unit(opened),
        preparer=args.preparer or signed.preparer or "",
        reviewer=args.reviewer or signed.reviewer or "",
        filled_on=signed.filled_on,
        settings=settings,
    )
    if target.suffix.lower() == ".json":
        text = report_json(report)
        write_text(console, target, text)
    else:
        write_file(console, target, lambda: write_report(report, target))
    console.done()
    if console.json_output:
        console.emit_json(
            {
                **opened.describe(),
                "template": template.name,
                "period": period.label,
                "as_of": as_of.isoformat(),
                "output": str(target),
                "report": report_data(report),
            }
        )
    else:
        console.out(str(target))
    console.note(
        "cli.report_written",
        title=template.title,
        template=template.name,
        period=period.label,
        path=str(target),
    )
    return refused_note(console, opened)


def _settings_file(path: str | None) -> SettingsFile:
    """``--settings``: the file's settings (none without it); an unusable file is a usage
    problem naming the key and value."""
    if path is None:
        return SettingsFile()
    try:
        return read_settings(path)
    except SettingsError as error:
        raise _unusable(error) from None


def _unusable(error: SettingsError) -> CliError:
    return CliError(
        "cli.settings_unusable",
        EXIT_USAGE,
        path=error.path,
        message=error.message,
        problem_en=error.problem,
    )
