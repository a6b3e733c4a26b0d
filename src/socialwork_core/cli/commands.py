"""The commands: each takes the parsed arguments and a :class:`Console`, returns the exit status.

Every command is thin: it calls the public API (``plugins``, ``ledger``, ``grading``, ``schedule``,
``periods``, ``reports``) and prints what came back.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import cattrs

from .. import serialize
from ..glossary import RegisterStatus, ServiceLevel, Severity, cli_text
from ..glossary.rules_text import category_label
from ..glossary.vocabulary import LIST_JOINER, ORIGINAL_CATEGORY_HEADER
from ..grading import GradeResult, Reason
from ..ledger import (
    Ledger,
    RecordKind,
    check_recipients,
    fit_categories,
    record_id,
    write_issues_workbook,
    write_ledger,
    write_template,
)
from ..plugins import Plugins, category_parents
from ..reports import (
    PeriodNotAccepted,
    ReportSettings,
    mask_name,
    mask_text,
    person_label,
    report_data,
    report_json,
    write_report,
)
from ..rollup import ledger_files
from ..rollup.changes import ABSENT, Changes, compare
from ..schedule import DueEntry, DueStatus, due_list, grade_all
from ..tabular import (
    CellKind,
    Column,
    Issue,
    SheetSpec,
    TitleBlock,
    write_text_atomic,
    write_workbook,
)
from .console import CliError, Console, format_table
from .session import (
    EXIT_DATA,
    EXIT_OK,
    EXIT_USAGE,
    OpenedLedger,
    check_alert_areas,
    default_unit,
    open_ledger_of,
    parse_as_of,
    parse_period_text,
    read_alerts,
    refused_note,
    start_plugins,
    warn_period_dates,
    warn_stale_as_of,
)
from .text import heading

__all__ = ["COMMANDS"]

Command = Callable[[argparse.Namespace, Console, date], int]

_MONTH_DAYS = 31
"""The period a ledger's last record may lie behind --as-of before the command warns: a month,
the shortest visit cycle (a report's own period when longer)."""


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: the same path once links are resolved, or (both
    existing) the same file on disk, as a hard link is."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _writable(path: Path, allowed: Sequence[str], inputs: Sequence[str | Path] = ()) -> Path:
    """``path`` checked as an output before any work: never one of ``inputs`` (the ledger, an
    alert file), never a folder, of an allowed type, its folder made."""
    for given in inputs:
        if _same_file(path, Path(given)):
            raise CliError("cli.output_is_input", EXIT_USAGE, path=str(path), input=str(given))
    if path.is_dir():
        raise CliError("cli.output_is_directory", EXIT_USAGE, path=str(path))
    if path.suffix.lower() not in allowed:
        raise CliError(
            "cli.unsupported_output", EXIT_USAGE, path=str(path), allowed=", ".join(allowed)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError("cli.output_unwritable", EXIT_USAGE, path=str(path), problem=exc) from None
    return path


def _inputs(args: argparse.Namespace) -> list[Path]:
    """A command's input files: every ledger file (folders opened) and alert file."""
    return [*ledger_files(args.ledger), *map(Path, getattr(args, "alert", None) or ())]


def _write(console: Console, path: Path, write: Callable[[], object]) -> None:
    console.progress("cli.progress.writing", path=str(path))
    try:
        write()
    except OSError as exc:
        raise CliError(
            "cli.output_unwritable", EXIT_USAGE, path=str(path), problem=exc.strerror or exc
        ) from None


def _write_text(console: Console, path: Path, text: str) -> None:
    """Write ``text`` (a JSON document) to ``path`` as UTF-8, with a final newline."""
    _write(console, path, lambda: write_text_atomic(path, text + "\n"))


@functools.cache
def _converter() -> cattrs.Converter:
    return serialize.make_converter()


def _data(record: object) -> dict[str, Any]:
    """A record as the library's converter writes it (the JSON the command prints is the records'
    own form, not a second one kept by hand beside them)."""
    data: dict[str, Any] = _converter().unstructure(record)
    return data


def _both(label: str, code: str) -> str:
    return f"{label} {code}"


# --- adapters ---------------------------------------------------------------------------------------


def cmd_adapters(args: argparse.Namespace, console: Console, today: date) -> int:
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
                "region": None if info.region is None else _data(info.region),
                "origin": _data(origin),
                "formats": [f.name for f in plugins.ledger_formats(adapter=info.name)],
                "report_templates": [
                    {"name": t.name, "title": t.title, "period_kind": t.period_kind.value}
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
    return EXIT_OK


# --- validate ---------------------------------------------------------------------------------------


def _issue_data(issue: Issue) -> dict[str, Any]:
    """An issue for stdout: ID and phone numbers in it masked (the issues workbook, a file for the
    station itself, keeps them whole so the row can be found and fixed)."""
    place = {key: value for key, value in _data(issue).items() if key != "finding"}
    return {
        **place,
        "raw": mask_text(issue.raw),
        "code": issue.code,
        "severity": issue.severity.value,
        "message": mask_text(issue.message),
    }


def _place(issue: Issue) -> str:
    """Where an issue is, in a worker's words: 服务对象 第5行 C列（身份证号）."""
    parts = [issue.sheet] if issue.sheet else []
    if issue.row is not None:
        parts.append(cli_text.PLACE_ROW.format(row=issue.row))
    if issue.column:
        column = cli_text.PLACE_COLUMN.format(column=issue.column)
        if issue.header:
            column += cli_text.PLACE_HEADER.format(header=issue.header)
        parts.append(column)
    return " ".join(parts) or "-"


def _places(items: Sequence[Issue], shown: int = 3) -> str:
    """The first few places of a code's issues, and how many more."""
    places = [_place(i) for i in items[:shown]]
    more = len(items) - shown
    text = cli_text.REASON_JOINER.join(places)
    return text + cli_text.PLACES_MORE.format(count=more) if more > 0 else text


def _record_counts(ledger: Ledger) -> dict[str, int]:
    return {kind.value: len(ledger.records(kind)) for kind in RecordKind}


def cmd_validate(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork validate LEDGER``."""
    if args.issues_out is not None:
        _writable(Path(args.issues_out), (".xlsx",), _inputs(args))  # fail before the work
    as_of = parse_as_of(args.as_of, today=today)
    plugins = start_plugins(console)
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, _MONTH_DAYS)
    result = opened.result
    region = opened.region
    record_issues = check_recipients(
        result,
        as_of,
        extra=None
        if region is None
        else lambda person, day: plugins.check_recipient_for_region(person, day, region.code),
    )
    every_issue = (*result.issues, *record_issues)
    by_severity = Counter(i.severity for i in every_issue)
    by_code: dict[tuple[Severity, str], list[Issue]] = {}
    for issue in every_issue:
        by_code.setdefault((issue.severity, issue.code), []).append(issue)
    ordered = sorted(by_code.items(), key=lambda kv: (-kv[0][0].weight, -len(kv[1]), kv[0][1]))

    issues_path: Path | None = None
    if args.issues_out is not None:
        issues_path = Path(args.issues_out)
    elif result.errors:
        issues_path = opened.path.with_name(f"{opened.path.stem}_issues.xlsx")
    if issues_path is not None:
        target = _writable(issues_path, (".xlsx",), _inputs(args))
        _write(
            console,
            target,
            lambda: write_issues_workbook(
                target, result, ledger=opened.path, on=today, issues=record_issues
            ),
        )
    console.done()

    errors, warnings, infos = (by_severity[s] for s in Severity)
    if console.json_output:
        console.emit_json(
            {
                **opened.describe(),
                "ok": not result.errors,
                "counts": {s.value: by_severity[s] for s in Severity},
                "rejected_rows": len(result.rejected),
                "records": _record_counts(result.ledger),
                "by_code": [
                    {
                        "severity": sev.value,
                        "code": code,
                        "count": len(items),
                        "message": mask_text(items[0].message),
                    }
                    for (sev, code), items in ordered
                ],
                "issues_workbook": None if issues_path is None else str(issues_path),
                "as_of": as_of.isoformat(),
                "issues": [_issue_data(i) for i in every_issue],
            }
        )
    else:
        rows = [
            [
                _both(sev.label, sev.value),
                code,
                str(len(items)),
                _places(items),
                mask_text(items[0].message),
            ]
            for (sev, code), items in ordered
        ]
        headers = [heading(h) for h in ("severity", "code", "count", "place", "example")]
        for line in format_table(headers, rows):
            console.out(line)
        if rows:
            console.out()
    if result.errors:
        console.note(
            "cli.validate_errors",
            errors=errors,
            rejected=len(result.rejected),
            warnings=warnings,
            infos=infos,
        )
    else:
        console.note("cli.validate_clean", warnings=warnings, infos=infos)
    if issues_path is not None:
        console.note("cli.issues_written", path=str(issues_path))
    return EXIT_DATA if result.errors else EXIT_OK


# --- grade ------------------------------------------------------------------------------------------


def _reason_data(reason: Reason) -> dict[str, Any]:
    return {**_data(reason), "text": reason.text}


def _level(level: ServiceLevel | None) -> str:
    return "" if level is None else _both(level.label, level.value)


def _name(opened: OpenedLedger, key: str, full_names: bool) -> str:
    person = opened.result.ledger.recipient(key)
    if person is None:
        return ""
    return person.name if full_names else mask_name(person.name)


def _contact_details(opened: OpenedLedger, key: str) -> dict[str, str]:
    """What a worker needs to reach a person: phone numbers, address, village (``--internal``
    only: these never leave the station)."""
    person = opened.result.ledger.recipient(key)
    if person is None:
        return {"phone": "", "address": "", "village": ""}
    return {
        "phone": cli_text.PHONE_JOINER.join(
            (*person.phones, *((person.guardian_phone,) if person.guardian_phone else ()))
        ),
        "address": person.residence_address or person.household_address or "",
        "village": person.village or "",
    }


def _last_contact(opened: OpenedLedger, key: str) -> date | None:
    days = [c.on for c in opened.result.ledger.contacts_of(key)]
    return max(days, default=None)


def _key(key: str, full_names: bool, internal: bool = False) -> str:
    """A register key as printed: an ID or phone number in it masked, and a name typed where
    the key belongs shortened unless full names were asked for; whole in the internal list."""
    return key if internal else person_label(None, key, full_names=full_names)


def _reasons_cell(result: GradeResult) -> str:
    return cli_text.REASON_JOINER.join(result.explain())


def _declared(opened: OpenedLedger, key: str) -> ServiceLevel | None:
    person = opened.result.ledger.recipient(key)
    return None if person is None else person.declared_level


def _grade_data(opened: OpenedLedger, result: GradeResult, full_names: bool) -> dict[str, Any]:
    override = result.override
    declared = _declared(opened, result.recipient_key)
    return {
        "recipient_key": _key(result.recipient_key, full_names),
        "name": _name(opened, result.recipient_key, full_names),
        "level": result.effective_level.value,
        "level_label": result.effective_level.label,
        "computed_level": result.level.value,
        "declared_level": None if declared is None else declared.value,
        "declared_differs": declared is not None and declared is not result.level,
        "override": None if override is None else _data(override),
        "reasons": [_reason_data(r) for r in result.reasons],
        "explanation": list(result.explain()),
        "rule_set": {"name": result.rule_set_name, "version": result.rule_set_version},
    }


_COLUMN_KINDS = {
    "key": CellKind.ID,
    "phone": CellKind.PHONE,
    "due_on": CellKind.ID,
    "last_contact_on": CellKind.ID,
}
"""Columns written as codes: never wrapped on the printed page (a phone number cut in two is
misdialled)."""


def _table_output(
    console: Console,
    path: Path,
    *,
    sheet: str,
    title: str,
    subtitle: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    data: Any,
    inputs: Sequence[str | Path],
) -> None:
    target = _writable(path, (".xlsx", ".json"), inputs)
    if target.suffix.lower() == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2)
        _write_text(console, target, text)
    else:
        spec = SheetSpec(
            name=sheet,
            columns=tuple(
                Column(cli_text.HEADINGS[c], _COLUMN_KINDS.get(c, CellKind.TEXT)) for c in columns
            ),
            rows=rows,
            title=TitleBlock(title=title, period=subtitle),
        )
        _write(console, target, lambda: write_workbook(target, [spec]))
    console.note("cli.table_written", path=str(target))


def _level_counts(levels: Counter[ServiceLevel]) -> str:
    return cli_text.JOINER.join(
        f"{level.label}{levels[level]}" for level in ServiceLevel if levels[level]
    )


def _emit_table(
    console: Console,
    output: str | None,
    kind: str,
    as_of: date,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    payload: dict[str, Any],
    inputs: Sequence[str | Path],
    internal: bool = False,
) -> None:
    """Write the table to ``output`` if asked, then print it (or its JSON form) on stdout. An
    ``internal`` list (full names, phones, addresses) is titled 内部使用 and said to be so."""
    title = cli_text.SHEET_TITLES[kind]
    if internal:
        title = cli_text.INTERNAL_TITLE.format(title=title)
        console.note("cli.internal_list")
    if output is not None:
        _table_output(
            console,
            Path(output),
            sheet=title,
            title=title,
            subtitle=as_of.isoformat(),
            columns=columns,
            rows=rows,
            data=payload,
            inputs=inputs,
        )
    console.done()
    if console.json_output:
        console.emit_json(payload)
    else:
        for line in format_table([heading(c) for c in columns], rows):
            console.out(line)


def cmd_grade(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork grade LEDGER --as-of DATE``."""
    as_of = parse_as_of(args.as_of, today=today)
    if args.output is not None:
        _writable(Path(args.output), (".xlsx", ".json"), _inputs(args))
    plugins = start_plugins(console)
    alerts = read_alerts(plugins, args.alert or ())
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, _MONTH_DAYS)
    check_alert_areas(alerts, opened.result.ledger)
    console.progress("cli.progress.computing")
    grades = grade_all(opened.result.ledger.recipients, as_of, opened.rule_sets, alerts=alerts)
    ordered = sorted(grades.values(), key=lambda g: (g.effective_level.rank, g.recipient_key))
    full = args.full_names or args.internal
    items = [_grade_data(opened, g, full) for g in ordered]
    declared = {g.recipient_key: _declared(opened, g.recipient_key) for g in ordered}
    columns: tuple[str, ...] = (
        "key",
        "name",
        "level",
        "declared_level",
        "computed_level",
        "reasons",
    )
    rows = [
        [
            _key(g.recipient_key, full, args.internal),
            _name(opened, g.recipient_key, full),
            _level(g.effective_level),
            _level(declared[g.recipient_key]),
            _level(g.level),
            _reasons_cell(g),
        ]
        for g in ordered
    ]
    if args.internal:
        columns = ("key", "name", "phone", "address", "village", "last_contact_on", "level")
        rows = []
        for g, item in zip(ordered, items, strict=True):
            details = _contact_details(opened, g.recipient_key)
            last = _iso(_last_contact(opened, g.recipient_key))
            item.update(details, last_contact_on=last)
            rows.append(
                [
                    g.recipient_key,
                    _name(opened, g.recipient_key, True),
                    details["phone"],
                    details["address"],
                    details["village"],
                    last or "-",
                    _level(g.effective_level),
                ]
            )
    declared_count = sum(1 for level in declared.values() if level is not None)
    differ = sum(1 for g in ordered if declared[g.recipient_key] not in (None, g.level))
    rule_set = (ordered[0].rule_set_name, ordered[0].rule_set_version) if ordered else ("-", "-")
    payload = {
        **opened.describe(),
        "as_of": as_of.isoformat(),
        "rule_set": {"name": rule_set[0], "version": rule_set[1]},
        "declared": {"count": declared_count, "differ": differ},
        "grades": items,
    }
    _emit_table(
        console,
        args.output,
        "grades",
        as_of,
        columns,
        rows,
        payload,
        _inputs(args),
        internal=args.internal,
    )
    console.note(
        "cli.graded",
        as_of=as_of.isoformat(),
        count=len(ordered),
        rule_set=rule_set[0],
        version=rule_set[1],
        levels=_level_counts(Counter(g.effective_level for g in ordered)) or "-",
    )
    if declared_count:
        console.note("cli.graded_declared", declared=declared_count, differ=differ)
    return refused_note(console, opened)


# --- due --------------------------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _due_data(
    opened: OpenedLedger, entry: DueEntry, grade: GradeResult | None, full_names: bool
) -> dict[str, Any]:
    # the entry as the converter writes it, with what a reader of the output needs beside it
    return {
        **_data(entry),
        "recipient_key": _key(entry.recipient_key, full_names),
        "name": _name(opened, entry.recipient_key, full_names),
        "level_label": entry.level.label,
        "reasons": [] if grade is None else [_reason_data(r) for r in grade.reasons],
        "requirement": entry.description,
        "status_label": entry.status.label,
    }


def _status_counts(statuses: Counter[DueStatus]) -> str:
    return cli_text.JOINER.join(
        f"{status.label}{statuses[status]}" for status in DueStatus if statuses[status]
    )


def cmd_due(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork due LEDGER --as-of DATE [--alert FILE]``."""
    as_of = parse_as_of(args.as_of, today=today)
    if args.output is not None:
        _writable(Path(args.output), (".xlsx", ".json"), _inputs(args))
    plugins = start_plugins(console)
    alerts = read_alerts(plugins, args.alert or ())
    opened = open_ledger_of(plugins, console, args)
    warn_stale_as_of(console, opened, args.as_of, as_of, _MONTH_DAYS)
    check_alert_areas(alerts, opened.result.ledger)
    ledger = opened.result.ledger
    console.progress("cli.progress.computing")
    grades = grade_all(ledger.recipients, as_of, opened.rule_sets, alerts=alerts)
    entries = due_list(
        ledger.recipients, ledger.contacts, opened.rule_sets, as_of, alerts=alerts, grades=grades
    )
    shown = [e for e in entries if args.all or e.status.needs_action]
    columns: tuple[str, ...] = (
        "level",
        "key",
        "name",
        "requirement",
        "status",
        "due_on",
        "days_overdue",
        "last_contact_on",
        "village",
        "worker",
        "reasons",
    )
    rows = []
    for e in shown:
        grade = grades.get(e.recipient_key)
        rows.append(
            [
                _level(e.level),
                _key(e.recipient_key, args.full_names),
                _name(opened, e.recipient_key, args.full_names),
                e.description or e.requirement_id,
                _both(e.status.label, e.status.value),
                _iso(e.due_on) or "-",
                str(e.days_overdue) if e.days_overdue else "",
                _iso(e.last_contact_on) or "-",
                e.village or "",
                e.worker_id or "",
                "" if grade is None else _reasons_cell(grade),
            ]
        )
    full = args.full_names or args.internal
    entries_data = [_due_data(opened, e, grades.get(e.recipient_key), full) for e in shown]
    if args.internal:
        columns = (
            "level",
            "name",
            "key",
            "phone",
            "address",
            "village",
            "last_contact_on",
            "requirement",
            "status",
            "due_on",
            "days_overdue",
            "worker",
        )
        rows = []
        for e, item in zip(shown, entries_data, strict=True):
            details = _contact_details(opened, e.recipient_key)
            item.update(phone=details["phone"], address=details["address"])
            rows.append(
                [
                    _level(e.level),
                    _name(opened, e.recipient_key, True),
                    e.recipient_key,
                    details["phone"],
                    details["address"],
                    e.village or details["village"],
                    _iso(e.last_contact_on) or "-",
                    e.description or e.requirement_id,
                    e.status.label,
                    _iso(e.due_on) or "-",
                    str(e.days_overdue) if e.days_overdue else "",
                    e.worker_id or "",
                ]
            )
    statuses = Counter(e.status for e in entries)
    payload = {
        **opened.describe(),
        "as_of": as_of.isoformat(),
        "alerts": [a.id for a in alerts],
        "counts": {s.value: statuses[s] for s in DueStatus},
        "all": bool(args.all),
        "entries": entries_data,
    }
    _emit_table(
        console,
        args.output,
        "due",
        as_of,
        columns,
        rows,
        payload,
        _inputs(args),
        internal=args.internal,
    )
    console.note(
        "cli.due_summary",
        as_of=as_of.isoformat(),
        count=len(entries),
        statuses=_status_counts(statuses) or "-",
    )
    hidden = len(entries) - len(shown)
    if hidden:
        console.note("cli.due_hidden", count=hidden)
    return refused_note(console, opened)


# --- report -----------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace, console: Console, today: date) -> int:
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
            detail=str(PeriodNotAccepted(template, period)),
        )
    target = _writable(Path(args.output), (".xlsx", ".json"), _inputs(args))
    window = template.contact_window(period, as_of)
    opened = open_ledger_of(plugins, console, args, window=window)
    warn_stale_as_of(console, opened, args.as_of, as_of, max(period.days, _MONTH_DAYS))
    warn_period_dates(console, period, as_of, today)
    console.progress("cli.progress.computing")
    region = opened.region.code if opened.region is not None else None
    settings = ReportSettings(
        rule_sets=opened.rule_sets,
        category_parents=category_parents(plugins.categories_for_region(region))
        if region is not None
        else {},
    )
    # a ValueError from inside the build (an indicator, a plugin) is a bug: it exits 3 with its
    # own message, never as this period message
    report = template.build(
        opened.result.ledger,
        period,
        as_of=as_of,
        unit=args.unit if args.unit is not None else default_unit(opened),
        preparer=args.preparer,
        reviewer=args.reviewer,
        settings=settings,
    )
    if target.suffix.lower() == ".json":
        text = report_json(report)
        _write_text(console, target, text)
    else:
        _write(console, target, lambda: write_report(report, target))
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


# --- convert ----------------------------------------------------------------------------------------


def ledger_data(plugins: Plugins, opened: OpenedLedger) -> dict[str, Any]:
    """The ledger in the converter's form: records by kind, other kinds' unknown columns, issues."""
    converter = plugins.make_converter()
    ledger = opened.result.ledger
    records = {
        kind.value: [converter.unstructure(r) for r in ledger.records(kind)] for kind in RecordKind
    }
    extras = {
        kind.value: {
            record_id(kind, r): dict(ledger.extras_of(kind, record_id(kind, r)))
            for r in ledger.records(kind)
            if ledger.extras_of(kind, record_id(kind, r))
        }
        for kind in RecordKind
        if kind is not RecordKind.RECIPIENTS
    }
    return {
        **opened.describe(),
        "records": records,
        "extras": {k: v for k, v in extras.items() if v},
        "issues": [_issue_data(i) for i in opened.result.issues],
    }


def cmd_convert(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork convert LEDGER --to json|xlsx``."""
    plugins = start_plugins(console)
    layouts = {fmt.name: fmt for fmt in plugins.ledger_formats()}
    if args.layout is not None and args.layout not in layouts:
        raise CliError(
            "cli.unknown_layout", EXIT_USAGE, name=args.layout, known=", ".join(layouts) or "-"
        )
    if args.output is not None:
        _writable(Path(args.output), (".json",) if args.to == "json" else (".xlsx",), _inputs(args))
    opened = open_ledger_of(plugins, console, args)
    recheck: tuple[Issue, ...] = ()
    if args.to == "json":
        data = ledger_data(plugins, opened)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if args.output is None:
            console.done()
            console.out(text)
            return refused_note(console, opened)
        target = Path(args.output)
        _write_text(console, target, text)
        layout_name = "json"
    else:
        fmt = layouts[args.layout] if args.layout is not None else opened.format
        layout_name = fmt.name
        default = Path(f"{opened.path.stem}.{fmt.name}.xlsx")
        target = _writable(
            Path(args.output) if args.output is not None else default, (".xlsx",), _inputs(args)
        )
        ledger = opened.result.ledger
        if fmt.name != opened.format.name:
            ledger, changes = fit_categories(ledger, fmt, plugins.extra_categories())
            for change in changes:
                console.note(
                    "cli.category_mapped",
                    label=change.label,
                    replacement=category_label(change.replacement),
                    people=change.people,
                    column=ORIGINAL_CATEGORY_HEADER,
                )
        _write(console, target, lambda: write_ledger(target, ledger, fmt))
        console.progress("cli.progress.reading", path=str(target))
        recheck = plugins.load_ledger(target, fmt).errors
    console.done()
    if console.json_output:
        console.emit_json(
            {
                **opened.describe(),
                "to": args.to,
                "layout": layout_name,
                "output": str(target),
                "records": _record_counts(opened.result.ledger),
                "read_back_errors": dict(Counter(i.code for i in recheck)),
            }
        )
    else:
        console.out(str(target))
    console.note("cli.ledger_written", layout=layout_name, path=str(target))
    status = refused_note(console, opened)
    if recheck:
        codes = Counter(i.code for i in recheck)
        console.note(
            "cli.convert_lossy",
            errors=len(recheck),
            codes=", ".join(f"{code} ×{n}" for code, n in codes.most_common()),
        )
        status = EXIT_DATA
    return status


# --- template ---------------------------------------------------------------------------------------


def _template_adapter(plugins: Plugins, name: str | None) -> str:
    """The adapter whose layout ``template`` writes: the one named, else the national default."""
    known = ", ".join(plugins.names()) or "-"
    if name is None:
        default = plugins.national_default()
        name = next((i.name for i in plugins.adapters() if default and i.region == default), None)
        if name is None:
            raise CliError("cli.unknown_adapter", EXIT_USAGE, name="national", known=known)
    if name not in plugins.names():
        raise CliError("cli.unknown_adapter", EXIT_USAGE, name=name, known=known)
    return name


def cmd_template(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork template [--adapter NAME] -o FILE.xlsx``."""
    plugins = start_plugins(console)
    target = _writable(Path(args.output), (".xlsx",))
    adapter = _template_adapter(plugins, args.adapter)
    formats = {fmt.name: fmt for fmt in plugins.ledger_formats(adapter=adapter)}
    if not formats:
        raise CliError("cli.adapter_without_formats", EXIT_USAGE, name=adapter)
    if args.layout is not None and args.layout not in formats:
        raise CliError("cli.unknown_layout", EXIT_USAGE, name=args.layout, known=", ".join(formats))
    fmt = formats[args.layout] if args.layout is not None else next(iter(formats.values()))
    _write(console, target, lambda: write_template(target, fmt))
    console.done()
    if console.json_output:
        console.emit_json(
            {
                "adapter": adapter,
                "format": fmt.name,
                "output": str(target),
                "sheets": [sheet.sheet_names[0] for sheet in fmt.sheets],
            }
        )
    else:
        console.out(str(target))
    console.note("cli.template_written", layout=fmt.name, path=str(target))
    return EXIT_OK


# --- changes ----------------------------------------------------------------------------------------


def _change_rows(changes: Changes, names: dict[str, str], full: bool) -> list[list[str]]:
    def who(name: str) -> str:
        return name if full else mask_name(name)

    rows: list[list[str]] = []
    for kind, entries in (("entered", changes.entered), ("left", changes.left)):
        for e in entries:
            status = (
                cli_text.CHANGE_ITEMS[e.status]
                if e.status == ABSENT
                else RegisterStatus(e.status).label
            )
            station = names.get(e.station_code or "", e.station_code or "")
            since = _iso(e.since) or ""
            rows.append(
                [cli_text.CHANGE_KINDS[kind], e.key, who(e.name), station, status, "", since]
            )
    for c in changes.changed:
        station = names.get(c.station_code or "", c.station_code or "")
        item = cli_text.CHANGE_ITEMS[c.field]
        before, after = _change_value(c.field, c.before), _change_value(c.field, c.after)
        rows.append(
            [cli_text.CHANGE_KINDS["changed"], c.key, who(c.name), station, item, before, after]
        )
    return rows


def _change_value(field: str, value: str) -> str:
    if field == "categories":
        return cli_text.JOINER.join(
            category_label(code) for code in value.split(LIST_JOINER) if code
        )
    if field == "level" and value:
        return ServiceLevel(value).label
    return value


def _changes_data(changes: Changes, full: bool) -> dict[str, Any]:
    def person(e: Any) -> dict[str, Any]:
        return {
            "key": e.key,
            "name": e.name if full else mask_name(e.name),
            "resident_id": None if e.resident_id is None else mask_text(e.resident_id),
            "station_code": e.station_code,
        }

    return {
        "old_as_of": changes.old_as_of.isoformat(),
        "new_as_of": changes.new_as_of.isoformat(),
        "entered": [
            {**person(e), "status": e.status, "since": _iso(e.since)} for e in changes.entered
        ],
        "left": [{**person(e), "status": e.status, "since": _iso(e.since)} for e in changes.left],
        "changed": [
            {**person(c), "field": c.field, "before": c.before, "after": c.after}
            for c in changes.changed
        ],
        "overdue": {"then": changes.overdue_then, "now": changes.overdue_now},
    }


def cmd_changes(args: argparse.Namespace, console: Console, today: date) -> int:
    """``socialwork changes OLD NEW``: month-to-month changes (动态监测)."""
    old_as_of = None if args.old_as_of is None else parse_as_of(args.old_as_of, today=today)
    new_as_of = None if args.new_as_of is None else parse_as_of(args.new_as_of, today=today)
    inputs = [*ledger_files([args.old, args.new])]
    if args.output is not None:
        _writable(Path(args.output), (".xlsx", ".json"), inputs)
    plugins = start_plugins(console)
    opened = [
        open_ledger_of(plugins, console, argparse.Namespace(**{**vars(args), "ledger": [path]}))
        for path in (args.old, args.new)
    ]
    console.progress("cli.progress.computing")
    try:
        changes = compare(
            opened[0].result.ledger,
            opened[1].result.ledger,
            rule_sets=opened[1].rule_sets,
            old_as_of=old_as_of,
            new_as_of=new_as_of,
        )
    except ValueError:
        raise CliError("cli.bad_date", EXIT_USAGE, text="--old-as-of/--new-as-of") from None
    names = {s.code: s.name for o in opened for s in o.result.ledger.stations}
    columns = ("change", "key", "name", "station", "item", "before", "after")
    rows = _change_rows(changes, names, args.full_names)
    payload = {
        "old": opened[0].describe(),
        "new": opened[1].describe(),
        **_changes_data(changes, args.full_names),
    }
    _emit_table(console, args.output, "changes", changes.new_as_of, columns, rows, payload, inputs)
    console.note(
        "cli.changes_summary",
        old=changes.old_as_of.isoformat(),
        new=changes.new_as_of.isoformat(),
        entered=len(changes.entered),
        left=len(changes.left),
        changed=len(changes.changed),
        overdue_then=changes.overdue_then,
        overdue_now=changes.overdue_now,
    )
    return max(refused_note(console, opened[0]), refused_note(console, opened[1]))


COMMANDS: dict[str, Command] = {
    "adapters": cmd_adapters,
    "validate": cmd_validate,
    "grade": cmd_grade,
    "due": cmd_due,
    "report": cmd_report,
    "convert": cmd_convert,
    "template": cmd_template,
    "changes": cmd_changes,
}
"""Command name → implementation."""
