"""English twins of the command's Chinese messages and headings (``glossary.messages.cli`` and
``glossary.cli_text``): the command prints both, Chinese first."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..glossary import cli_text
from ..glossary.messages import render_message

__all__ = [
    "COMMAND_SUMMARIES_EN",
    "ENGLISH",
    "EXIT_CODES_EN",
    "HEADINGS_EN",
    "bilingual",
    "english",
    "heading",
]

ENGLISH: Mapping[str, str] = MappingProxyType(
    {
        "cli.adapter_detected": "adapter {adapter} (ledger format {format}), detected from the headers",
        "cli.sheets_read": "sheets read: {sheets}",
        "cli.mapping_written": "mapping written to {path}: edit it and pass --mapping {path}",
        "cli.mapping_unusable": "cannot use the mapping file {path}",
        "cli.settings_unusable": "cannot use the settings file {path}: {problem_en}",
        "cli.adapter_given": "adapter {adapter} (ledger format {format}), as given by --adapter",
        "cli.unknown_adapter": "no adapter named {name!r}; installed: {known}",
        "cli.adapter_without_formats": "adapter {name!r} offers no ledger format",
        "cli.format_not_detected": (
            "cannot tell the ledger format of {path} from its headers; "
            "name the adapter with --adapter (installed: {known})"
        ),
        "cli.format_not_detected_field_codes": (
            "cannot tell the ledger format of {path} from its headers: they are a system's field "
            "codes ({codes}…) with no names over them, and not the pinyin initials of known "
            "headers (XM for the name column); add a row of names above the codes, or "
            "give the columns with --adapter and --mapping"
        ),
        "cli.unknown_layout": "no ledger format named {name!r}; known: {known}",
        "cli.input_is_directory": "{path} is a folder, not a ledger file; name the file itself",
        "cli.workbook_unreadable": "cannot read {path} ({code})",
        "cli.output_unwritable": "cannot write {path}: {problem}",
        "cli.output_is_input": (
            "{path} is the input file {input}: writing would replace it; choose another output "
            "file (the input is unchanged)"
        ),
        "cli.output_is_directory": "{path} is a folder; give a file name in it, e.g. {path}/out.xlsx",
        "cli.unsupported_output": "cannot write {path}: use one of {allowed}",
        "cli.alert_unreadable": "cannot read the alert file {path}: {problem}",
        "cli.alert_missing": "there is no alert file {path}",
        "cli.alert_is_directory": "the alert file {path} is a folder; name the .json file itself",
        "cli.alert_not_json": "the alert file {path} is not JSON: an error near line {line}, column {column}",
        "cli.alert_unknown_kind": "the alert file {path} has an unknown kind {kind!r}; kinds: {kinds_en}",
        "cli.alert_village_unknown": (
            "alert {alert} names the village {name!r}, where the ledger has nobody (a typo?); "
            "its villages: {known}"
        ),
        "cli.alert_station_unknown": (
            "alert {alert} names the station {name!r}, where the ledger has nobody (a typo?); "
            "its stations: {known}"
        ),
        "cli.alert_invalid": "the alert file {path} does not describe alerts: {problems}",
        "cli.bad_date": (
            "{text!r} is not a date; write 2023-03-31, 2023-3-31, 2023/3/31, 2023.3.31, "
            "20230331 or the same in Chinese words"
        ),
        "cli.changes_no_dates": (
            "neither {old} nor {new} holds a dated record (registration, status change or "
            "visit), so the days to compare at are unknown; give them, e.g. "
            "--old-as-of 2024-05-31 --new-as-of 2024-06-30"
        ),
        "cli.bad_period": (
            "{text!r} is not a period; write 2023-03, 2023-Q1, 2023-H1, 2023, 2023-W47, "
            "2023-03-01..2023-03-31 or ..2023-06-30 (up to a date), or the same in Chinese words"
        ),
        "cli.date_out_of_range": "{text!r} is not between {first} and {last}; check the year",
        "cli.period_out_of_range": (
            "the period {text!r} is not between {first} and {last}; check the year"
        ),
        "cli.input_refused": "cannot go on: {problem}",
        "cli.unknown_template": "no report template named {name!r}; available: {known}",
        "cli.wrong_period_kind": (
            "template {template} is filed per {expected_en}, not for {period}; it takes {takes}"
        ),
        "cli.usage": "{problem_en}; see {help}",
        "cli.usage_required": "the following arguments are required: {names_en}; see {help}",
        "cli.usage_unrecognised": "unrecognised arguments: {args}; see {help}",
        "cli.usage_choice": "{option_en} cannot be {value!r}; choose from {choices_en}; see {help}",
        "cli.usage_value_missing": "{option_en} needs a value; see {help}",
        "cli.usage_ambiguous": "{option} is ambiguous: it could be {matches}; spell it out",
        "cli.validate_clean": "no errors; {warnings} warnings, {infos} remarks",
        "cli.validate_errors": (
            "{errors} errors, {rejected} rows refused; {warnings} warnings, {infos} remarks"
        ),
        "cli.rows_refused": (
            "{rejected} rows were refused for errors; the output covers the accepted rows only "
            "(run socialwork validate for the issues workbook)"
        ),
        "cli.issues_written": "issues workbook written to {path}",
        "cli.report_written": "report {template} for {period} written to {path}",
        "cli.report_needs_period": "give the report period (--period) or a campaign (--campaign)",
        "cli.unknown_campaign": "the ledger has no campaign or alert {campaign}; it has: {known}",
        "cli.campaign_records_outside": (
            "{count} records carry campaign {campaign} but fall outside {period}: not counted"
        ),
        "cli.ledger_written": "ledger in the {layout} layout written to {path}",
        "cli.template_written": (
            "blank ledger in the {layout} layout written to {path}; its instructions sheet "
            "explains each column"
        ),
        "cli.convert_lossy": (
            "the target layout cannot hold the whole ledger: reading the written file back "
            "gives {errors} errors ({codes}); map those values (e.g. local categories) first"
        ),
        "cli.category_mapped": (
            "the target layout has no local category {label}: {people} people now hold "
            "{replacement} instead; the original is kept in the {column} column"
        ),
        "cli.table_written": "written to {path}",
        "cli.graded": "{count} people graded on {as_of} (rule set {rule_set} {version})",
        "cli.graded_declared": (
            "{declared} people have a level in the ledger; for {differ} of them it differs from "
            "the computed level"
        ),
        "cli.due_summary": "{count} due-list lines on {as_of}",
        "cli.due_hidden": "{count} lines that are ok or suspended are not shown; --all shows them",
        "cli.no_adapters": "no adapter is installed",
        "cli.as_of_stale": (
            "note: --as-of was not given, so today ({today}) is used, but the ledger's last "
            "record is from {last}, {days} days earlier, so overdue days run long; to compute as "
            "of the ledger's own time, add --as-of {suggested}"
        ),
        "cli.period_in_future": (
            "note: the period {period} has not begun (today is {today}); the figures are not final"
        ),
        "cli.as_of_before_period_end": (
            "note: the as-of date {as_of} is before the end of the period {period} ({end}); the "
            "report covers only what happened up to {as_of}"
        ),
        "cli.internal_list": (
            "this list holds full names, phone numbers and addresses: for the station's own "
            "staff only, do not pass it on"
        ),
        "cli.adapter_written": (
            'adapter package written to {path}; next: cd {path} && pip install -e ".[test]" '
            "&& python -m pytest"
        ),
        "cli.adapter_core_local": (
            "socialwork-core here was not installed from a package index, which may not have "
            "this version: in the adapter's environment install it first: pip install {source}"
        ),
        "cli.scaffold_refused": (
            "cannot write the adapter ({code}): the name must be a lower-case region code, the "
            "province its Chinese name, the division a 2-, 4- or 6-digit code, the folder new"
        ),
        "cli.progress.plugins": "loading adapters…",
        "cli.progress.reading": "reading {path}…",
        "cli.progress.reading_many": "reading {count} ledger files…",
        "cli.changes_summary": (
            "{old} → {new}: {entered} entered, {left} left, {changed} changes; "
            "overdue {overdue_then} → {overdue_now}"
        ),
        "cli.no_ledger_files": "{path} is a folder holding no ledger file (.xlsx, .xlsm, .xls, .ods)",
        "cli.files_read": "{count} ledger files read, {stations} stations; {unreadable} unreadable",
        "cli.dask_missing": "--scheduler needs Dask: install socialwork-core[dask]",
        "cli.scheduler_unreachable": "cannot reach the Dask scheduler {address}: {problem}",
        "cli.progress.computing": "computing…",
        "cli.progress.writing": "writing {path}…",
        "cli.plugin_problem": "plugin {plugin} could not be loaded: {detail}",
        "cli.plugin_broken": "a plugin is broken: {problem}",
        "cli.internal_error": (
            "internal error: {problem} (a bug in the library or a plugin; "
            "set SOCIALWORK_DEBUG=1 for the traceback)"
        ),
    }
)
"""Message code → English template (the same fields as the Chinese one, plus ``*_en`` ones)."""

HEADINGS_EN: Mapping[str, str] = MappingProxyType(
    {
        "adapter": "adapter",
        "version": "version",
        "region": "region",
        "origin": "origin",
        "formats": "formats",
        "templates": "templates",
        "periods": "--period",
        "severity": "severity",
        "code": "code",
        "count": "count",
        "example": "example",
        "place": "where",
        "key": "key",
        "name": "name",
        "level": "level",
        "computed_level": "computed",
        "declared_level": "in ledger",
        "override": "override",
        "reasons": "reasons",
        "requirement": "requirement",
        "status": "status",
        "due_on": "due on",
        "days_overdue": "days overdue",
        "last_contact_on": "last contact",
        "village": "village",
        "worker": "worker",
        "phone": "phone",
        "address": "address",
        "total": "total",
        "none": "none",
        "change": "change",
        "station": "station",
        "item": "item",
        "before": "before",
        "after": "after",
    }
)

COMMAND_SUMMARIES_EN: Mapping[str, str] = MappingProxyType(
    {
        "adapters": "list the installed adapters with their version and where they came from",
        "validate": "check a ledger: issues by severity and code, and the issues workbook",
        "grade": "each recipient's service level with its reasons",
        "due": "the due list (who to contact, by when), most urgent first",
        "report": "build a report from a template for one period",
        "convert": "convert a ledger to JSON or to another ledger layout",
        "template": "write a blank ledger in an adapter's layout, with drop-down lists and instructions",
        "changes": "compare two months' ledgers: who entered, who left, what changed, overdue",
        "new-adapter": "write a new adapter package for a region, ready to install and test",
        "map": "show how each sheet and column of a ledger is read; write an editable mapping file",
    }
)
"""One English line per command (``cli_text.COMMAND_SUMMARIES`` is the Chinese)."""

EXIT_CODES_EN: Mapping[int, str] = MappingProxyType(
    {
        0: "ok",
        1: "the data has errors (rows refused; any output covers the accepted rows only)",
        2: "usage problem, or a file that cannot be read or written",
        3: "internal error (a bug in the library or a plugin)",
    }
)


def english(code: str, /, **params: Any) -> str:
    """The English template for ``code`` filled with ``params``."""
    return ENGLISH[code].format(**params)


def bilingual(code: str, /, **params: Any) -> str:
    """``中文 | English`` for a message code."""
    return f"{render_message(code, **params)} | {english(code, **params)}"


def heading(name: str) -> str:
    """A column heading in both languages: ``档案号 key``."""
    return f"{cli_text.HEADINGS[name]} {HEADINGS_EN[name]}"
