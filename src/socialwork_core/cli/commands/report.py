"""``socialwork report``: a report from an adapter's template, as a styled workbook or JSON."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import attrs

from ...glossary import cli_text
from ...glossary.messages import render_message
from ...indicators import LedgerLike, UnknownCampaign, for_campaign
from ...periods import Period
from ...plugins import category_parents
from ...reports import (
    PeriodNotAccepted,
    ReportSettings,
    ReportTemplate,
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
    ".xlsx (the styled form) or .json (the same figures). --campaign ID makes any template "
    "for one campaign: its days (or --period), its own visits, activities and handouts and "
    "those of its days that carry no campaign. Personal data is masked in the report."
)
"""Said under the command's summary in ``socialwork report --help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``socialwork report``."""
    parser.add_argument(
        "template", metavar="TEMPLATE", help="a report template, e.g. guangdong.monthly"
    )
    ledger_options(parser)
    parser.add_argument(
        "--period",
        metavar="PERIOD",
        help="the report period (with --campaign: instead of the campaign's own days)",
    )
    parser.add_argument(
        "--campaign",
        metavar="ID",
        help=(
            "a report for one campaign or alert (a publicity week, a cold wave …): its days, "
            "its own visits, activities and handouts and those of its days that carry no campaign"
        ),
    )
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
    if args.period is None and args.campaign is None:
        raise CliError("cli.report_needs_period", EXIT_USAGE)
    given = (
        parse_period_text(args.period, first_weekday=template.first_weekday)
        if args.period is not None
        else None
    )
    if given is not None:
        _check_accepts(template, given)  # before the ledger is read
    file_settings = _settings_file(args.settings)  # before the ledger is read
    target = writable(Path(args.output), (".xlsx", ".json"), inputs_of(args))
    # a campaign's days are known once the ledger is read: every visit is read then
    window = template.records_window(given, as_of) if given is not None else None
    history = template.history_window(given, as_of) if given is not None else None
    opened = open_ledger_of(plugins, console, args, window=window, history=history)
    ledger: LedgerLike = opened.result.ledger
    campaign_note: tuple[str, ...] = ()
    if args.campaign is not None:
        try:
            scope = for_campaign(ledger, args.campaign, given)
        except UnknownCampaign as error:
            raise CliError(
                "cli.unknown_campaign",
                EXIT_USAGE,
                campaign=args.campaign,
                known=", ".join(error.known) or "-",
            ) from None
        _check_accepts(template, scope.period)
        if scope.outside:
            console.note(
                "cli.campaign_records_outside",
                count=scope.outside,
                campaign=args.campaign,
                period=scope.period.label,
            )
        ledger = scope.records
        title = scope.campaign.title if scope.campaign and scope.campaign.title else None
        campaign_note = (render_message("reports.note.campaign", campaign=title or args.campaign),)
        period = scope.period
    else:
        assert given is not None  # one of the two, checked above
        period = given
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
        ledger,
        period,
        as_of=as_of,
        unit=unit if unit is not None else default_unit(opened),
        preparer=args.preparer or signed.preparer or "",
        reviewer=args.reviewer or signed.reviewer or "",
        filled_on=signed.filled_on,
        settings=settings,
    )
    if campaign_note:
        report = attrs.evolve(report, notes=(*report.notes, *campaign_note))
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


def _check_accepts(template: ReportTemplate, period: Period) -> None:
    """A usage error naming the periods the template takes, unless it takes ``period``."""
    if template.accepts(period):
        return
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
