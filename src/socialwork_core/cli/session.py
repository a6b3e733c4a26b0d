"""What every ledger command does first: load the plugins, choose the adapter, read the ledger."""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from .. import serialize
from ..findings import FindingError
from ..glossary import AlertKind, StationTier, cli_text
from ..glossary import vocabulary as words
from ..grading import RuleSet
from ..ledger import (
    Ledger,
    LedgerFormat,
    LedgerMapping,
    LoadResult,
    MappingError,
    RecordKind,
    read_mapping,
)
from ..periods import Period, parse_period
from ..plugins import PluginError, Plugins, Region, load_plugins
from ..rollup import (
    ShareRequest,
    attribute_stations,
    ledger_files,
    map_shares,
    merge_shares,
    read_station_list,
)
from ..schedule import Alert, with_earlier_default
from ..stations import Station
from ..tabular import Coerced, WorkbookError, date_value, open_workbook
from .console import CliError, Console

__all__ = [
    "EXIT_DATA",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "OpenedLedger",
    "choose_format",
    "default_unit",
    "open_ledger",
    "open_ledger_of",
    "open_ledgers",
    "parse_as_of",
    "parse_period_text",
    "read_alerts",
    "start_plugins",
]

EXIT_OK = 0
"""Success."""
EXIT_DATA = 1
"""The ledger was read and has errors: rows were refused (the output covers the rest)."""
EXIT_USAGE = 2
"""A usage problem, or a file that cannot be read or written."""
EXIT_INTERNAL = 3
"""A bug in the library or a plugin."""


def start_plugins(console: Console) -> Plugins:
    """Load every installed plugin; load problems are shown as notes, a broken plugin stops."""
    console.progress("cli.progress.plugins")
    try:
        plugins = load_plugins()
    except PluginError as exc:
        raise CliError("cli.plugin_broken", EXIT_USAGE, problem=str(exc)) from exc
    for problem in plugins.problems:
        console.note(
            "cli.plugin_problem",
            plugin=problem.plugin,
            message=problem.finding.message,
            detail=problem.detail or problem.code,
        )
    return plugins


def _known(plugins: Plugins) -> str:
    return ", ".join(plugins.names()) or "-"


def choose_format(
    plugins: Plugins, path: Path, adapter: str | None
) -> tuple[str, LedgerFormat, bool]:
    """The adapter and ledger format for ``path``: the named adapter's (its format the headers
    match, else its first), or the one detected from the headers. Returns ``(adapter, format,
    detected)``."""
    if adapter is not None:
        if adapter not in plugins.names():
            raise CliError("cli.unknown_adapter", EXIT_USAGE, name=adapter, known=_known(plugins))
        formats = plugins.ledger_formats(adapter=adapter)
        if not formats:
            raise CliError("cli.adapter_without_formats", EXIT_USAGE, name=adapter)
        if len(formats) > 1:
            found = plugins.detect_workbook_format(path)
            if found is not None and found.adapter == adapter:
                return adapter, found.format, False
        return adapter, formats[0], False
    found = plugins.detect_workbook_format(path)
    if found is None:
        codes = _field_codes(path)
        if codes:  # a header of a system's field codes only: say so, and what would read it
            raise CliError(
                "cli.format_not_detected_field_codes",
                EXIT_USAGE,
                path=str(path),
                codes=words.LIST_JOINER.join(codes),
            )
        raise CliError("cli.format_not_detected", EXIT_USAGE, path=str(path), known=_known(plugins))
    return found.adapter, found.format, True


FIELD_CODE_ROWS = 10
"""Rows at the top of a sheet looked at for a header of field codes."""


def _field_codes(path: Path) -> list[str]:
    """The first codes of a row at the top of a visible sheet that holds field codes only (XM |
    XB | SFZHM, as a system exports them with no names over them), or ``[]``."""
    try:
        with open_workbook(path) as book:
            for name in book.sheet_names:
                if name in book.hidden_sheets:
                    continue
                for _index, cells in itertools.islice(book.sheet(name).rows, FIELD_CODE_ROWS):
                    texts = [str(v).strip() for v in cells if v is not None and str(v).strip()]
                    if len(texts) >= words.FIELD_CODES_AT_LEAST and all(
                        words.FIELD_CODE.fullmatch(t) for t in texts
                    ):
                        return texts[: words.FIELD_CODES_AT_LEAST]
    except WorkbookError:
        return []
    return []


@attrs.frozen(kw_only=True)
class OpenedLedger:
    """A ledger read for a command, with where it came from and how."""

    path: Path
    adapter: str
    format: LedgerFormat
    detected: bool
    """True when the adapter was detected from the headers, False when given."""
    result: LoadResult
    region: Region | None
    rule_sets: tuple[RuleSet, ...]
    """The adapter's region's rule sets (the national default where it has none)."""
    paths: tuple[Path, ...] = ()
    """For several files read as one: every file read (``path`` is then the first given)."""

    def describe(self) -> dict[str, Any]:
        """The JSON header of every ledger command's output."""
        many = {"ledgers": [str(p) for p in self.paths]} if self.paths else {}
        return {
            "ledger": str(self.path),
            **many,
            "adapter": self.adapter,
            "format": self.format.name,
            "detected": self.detected,
        }


def region_rule_sets(plugins: Plugins, region: Region | None) -> tuple[RuleSet, ...]:
    """The rule sets a ledger is graded by: its region's (or the national default adapter's when
    the region has none), the national default adapter's when the ledger's adapter serves no
    region, else the library's ``NATIONAL_DEFAULT``; the default also grades the days before a
    region's first rule set takes effect. Never another province's."""
    if region is None:
        region = plugins.national_default()
    found = plugins.rule_sets_for_region(region.code) if region is not None else []
    # before the region's first rule set takes effect, the national default grades
    return with_earlier_default(found)


def open_ledger(
    plugins: Plugins,
    console: Console,
    path_text: str,
    adapter: str | None,
    *,
    station: str | None = None,
    station_list: tuple[Station, ...] = (),
    mapping_path: str | None = None,
) -> OpenedLedger:
    """Choose the format, say which, and read the ledger at ``path_text``; give every record its
    station (:func:`socialwork_core.rollup.attribute_stations`, ``station`` the ``--station``
    fallback, ``station_list`` the stations of ``--stations``).

    A file that cannot be read is a :class:`CliError` (exit 2) with the reader's own words.
    """
    path = Path(path_text)
    if path.is_dir():
        raise CliError("cli.input_is_directory", EXIT_USAGE, path=str(path))
    with workbook_readable(path):
        name, fmt, detected = choose_format(plugins, path, adapter)
        console.note(
            "cli.adapter_detected" if detected else "cli.adapter_given",
            adapter=name,
            format=fmt.name,
        )
        mapping = read_mapping_option(mapping_path, fmt)
        console.progress("cli.progress.reading", path=str(path))
        result = attribute_stations(
            plugins.load_ledger(path, fmt, mapping=mapping),
            path=path,
            fmt=fmt,
            station=station,
            station_list=station_list,
        )
        if result.sheets:
            console.note(
                "cli.sheets_read",
                sheets=words.GROUP_JOINER.join(
                    f"{kind.label}{words.READ_FROM}"
                    + words.LIST_JOINER.join(f"“{sheet}”" for sheet in result.sheets_of(kind))
                    for kind in result.sheets
                ),
            )
    region = next((a.region for a in plugins.adapters() if a.name == name), None)
    return OpenedLedger(
        path=path,
        adapter=name,
        format=fmt,
        detected=detected,
        result=result,
        region=region,
        rule_sets=region_rule_sets(plugins, region),
    )


def open_ledger_of(
    plugins: Plugins,
    console: Console,
    args: argparse.Namespace,
    *,
    window: tuple[date, date] | None = None,
    history: tuple[date, date] | None = None,
) -> OpenedLedger:
    """The ledger of a command's arguments: ``LEDGER …`` (one file; or several files and folders,
    read as one by :mod:`socialwork_core.rollup`), ``--adapter``, ``--station``, ``--stations``,
    ``--jobs`` and ``--scheduler``. ``window``: the days whose contacts a report needs (the
    others are left out of a roll-up's shares); ``history``: the days whose visits it reads only
    as visit days (``ReportTemplate.history_days``)."""
    paths = [str(p) for p in args.ledger]
    station_list = read_stations(args.stations)
    if len(paths) == 1 and not Path(paths[0]).is_dir():
        return open_ledger(
            plugins,
            console,
            paths[0],
            args.adapter,
            station=args.station,
            station_list=station_list,
            mapping_path=getattr(args, "mapping", None),
        )
    return open_ledgers(
        plugins,
        console,
        paths,
        ShareRequest(
            adapter=args.adapter,
            station=args.station,
            station_list=station_list,
            window=window,
            history=history,
            mapping=read_mapping_option(getattr(args, "mapping", None)),
        ),
        jobs=args.jobs,
        scheduler=args.scheduler,
    )


def open_ledgers(
    plugins: Plugins,
    console: Console,
    paths: Sequence[str],
    request: ShareRequest,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> OpenedLedger:
    """Several ledger files and folders read as one (``rollup.roll_up``): a file that cannot be
    read is reported among the issues (an error: exit 1) and the others are read."""
    if request.adapter is not None and request.adapter not in plugins.names():
        raise CliError(
            "cli.unknown_adapter", EXIT_USAGE, name=request.adapter, known=_known(plugins)
        )
    files = ledger_files(paths)
    if not files:
        raise CliError("cli.no_ledger_files", EXIT_USAGE, path=paths[0])
    console.progress("cli.progress.reading_many", count=len(files))
    try:
        shares = map_shares(files, request, jobs=jobs, scheduler=scheduler)
    except ImportError:
        raise CliError("cli.dask_missing", EXIT_USAGE) from None
    except OSError as exc:
        raise CliError(
            "cli.scheduler_unreachable", EXIT_USAGE, address=scheduler, problem=exc
        ) from None
    rolled = merge_shares(shares)
    formats = [(s.adapter, s.format) for s in shares if s.adapter and s.format is not None]
    if not formats:
        first = rolled.result.issues[0] if rolled.result.issues else None
        raise CliError(
            "cli.workbook_unreadable",
            EXIT_USAGE,
            path=paths[0],
            message=first.message if first is not None else "",
            code=first.code if first is not None else "",
        )
    said: set[tuple[str, str]] = set()
    for name, fmt in formats:
        if (name, fmt.name) in said:
            continue
        said.add((name, fmt.name))
        console.note(
            "cli.adapter_given" if request.adapter else "cli.adapter_detected",
            adapter=name,
            format=fmt.name,
        )
    name, fmt = formats[0]
    stations = {r.station_code for r in rolled.ledger.recipients if r.station_code}
    console.note(
        "cli.files_read",
        count=len(files),
        stations=len(stations),
        unreadable=len(rolled.unreadable),
    )
    region = next((a.region for a in plugins.adapters() if a.name == name), None)
    return OpenedLedger(
        path=Path(paths[0]),
        paths=tuple(files),
        adapter=name,
        format=fmt,
        detected=request.adapter is None,
        result=rolled.result,
        region=region,
        rule_sets=region_rule_sets(plugins, region),
    )


@contextmanager
def workbook_readable(path: Path | str) -> Iterator[None]:
    """Inside: a workbook the reader cannot read at all is a usage problem (exit 2) in the
    reader's own words, naming the file; the one translation every command shares."""
    try:
        yield
    except WorkbookError as exc:
        raise CliError(
            "cli.workbook_unreadable",
            EXIT_USAGE,
            path=str(path),
            message=exc.message,
            code=exc.code,
        ) from exc


def read_mapping_option(
    path_text: str | None, fmt: LedgerFormat | None = None
) -> LedgerMapping | None:
    """The mapping file of ``--mapping`` (none without it); an unusable file is a usage problem
    naming the entry to fix."""
    if path_text is None:
        return None
    try:
        return read_mapping(path_text, fmt)
    except MappingError as exc:
        raise CliError(
            "cli.mapping_unusable", EXIT_USAGE, path=path_text, message=exc.problem
        ) from exc


def read_stations(path_text: str | None) -> tuple[Station, ...]:
    """The stations of ``--stations`` (none without it); an unreadable list is a usage problem."""
    if path_text is None:
        return ()
    with workbook_readable(path_text):
        return read_station_list(path_text)


def refused_note(console: Console, opened: OpenedLedger) -> int:
    """After a command's output: say how many rows were refused; the exit status to return."""
    rejected = len(opened.result.rejected)
    if opened.result.errors:
        console.note("cli.rows_refused", rejected=rejected)
        return EXIT_DATA
    return EXIT_OK


_RECORD_DATES = ("on", "opened_on", "closed_on", "registered_on")
"""The fields that date what a worker recorded: a visit, an activity, a link, a case, a person."""


def last_record_on(ledger: Ledger, *, not_after: date) -> date | None:
    """The date of the ledger's latest record (a visit, activity, resource link, case or
    registration) on or before ``not_after`` (a date in the future is a typo, not the last
    record)."""
    latest: date | None = None
    for kind in RecordKind:
        for record in ledger.records(kind):
            for name in _RECORD_DATES:
                day = getattr(record, name, None)
                if isinstance(day, date) and day <= not_after and (latest is None or day > latest):
                    latest = day
    return latest


def warn_stale_as_of(
    console: Console, opened: OpenedLedger, given: str | None, as_of: date, span_days: int
) -> None:
    """When ``--as-of`` was left to default to today but the ledger's records end more than a
    period (``span_days``) before it, say so and suggest the date of the last record: a ledger
    of 2023 read in 2026 would otherwise list everyone as overdue by years."""
    if given is not None:
        return
    last = last_record_on(opened.result.ledger, not_after=as_of)
    if last is not None and (as_of - last).days > span_days:
        console.note(
            "cli.as_of_stale",
            today=as_of.isoformat(),
            last=last.isoformat(),
            days=(as_of - last).days,
            suggested=last.isoformat(),
        )


def warn_period_dates(console: Console, period: Period, as_of: date, today: date) -> None:
    """A report for a period that has not begun, or dated before its period ends, is written
    with a remark saying so (its figures cannot be final)."""
    if period.start > today:
        console.note("cli.period_in_future", period=period.label, today=today.isoformat())
    elif as_of < period.end:
        console.note(
            "cli.as_of_before_period_end",
            period=period.label,
            as_of=as_of.isoformat(),
            end=period.end.isoformat(),
        )


def parse_as_of(text: str | None, *, today: date) -> date:
    """``--as-of``: a date in any form a ledger cell may hold it (2023-03-31, 2023-3-31,
    2023/3/31, 2023.3.31, 2023年3月31日, 20230331), or ``today`` (the command line is the one place
    that reads the wall clock; it passes the date in)."""
    if text is None:
        return today
    try:
        as_of = date_value(text.strip())
    except FindingError:
        raise CliError("cli.bad_date", EXIT_USAGE, text=text) from None
    if isinstance(as_of, Coerced):  # a month (2023.3) read as its first day: no day to date by
        raise CliError("cli.bad_date", EXIT_USAGE, text=text)
    if not FIRST_DATE <= as_of <= LAST_DATE:
        raise CliError("cli.date_out_of_range", EXIT_USAGE, text=text, **_RANGE)
    return as_of


FIRST_DATE = date(1950, 1, 1)
"""The earliest as-of date or period start the command accepts (no station ledger is older)."""
LAST_DATE = date(2100, 12, 31)
"""The latest: date arithmetic past it (a period's next day, a deadline) stays within ``date``."""
_RANGE = {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()}


def parse_period_text(text: str, *, first_weekday: int = 0) -> Period:
    """``--period`` in the forms of :func:`socialwork_core.periods.parse_period` (code or words:
    2023-03, 2023年3月, 2023年第一季度, 2023年上半年 …), within ``FIRST_DATE`` and ``LAST_DATE``."""
    try:
        period = parse_period(text, first_weekday=first_weekday)
    except (ValueError, OverflowError):
        raise CliError("cli.bad_period", EXIT_USAGE, text=text) from None
    if not (period.start >= FIRST_DATE and period.end <= LAST_DATE):
        raise CliError("cli.period_out_of_range", EXIT_USAGE, text=text, **_RANGE)
    return period


def read_alerts(plugins: Plugins, paths: Iterable[str]) -> tuple[Alert, ...]:
    """Alerts from JSON files: each file holds one alert or a list of alerts, in the converter's
    form of :class:`socialwork_core.schedule.Alert` (dates as ISO text, enumerations by code; a
    kind may also be written as its Chinese name, 寒潮). A missing file, a folder, text that is
    not JSON and an unknown kind are each named in the error."""
    converter = plugins.make_converter()
    alerts: list[Alert] = []
    for path_text in paths:
        path = Path(path_text)
        if path.is_dir():
            raise CliError("cli.alert_is_directory", EXIT_USAGE, path=path_text)
        if not path.exists():
            raise CliError("cli.alert_missing", EXIT_USAGE, path=path_text)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CliError(
                "cli.alert_not_json",
                EXIT_USAGE,
                path=path_text,
                line=exc.lineno,
                column=exc.colno,
                problem=exc.msg,
            ) from None
        except (OSError, ValueError, RecursionError) as exc:
            # ValueError: not UTF-8, an integer of thousands of digits; RecursionError: nested
            # thousands deep
            problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)[:200]
            raise CliError(
                "cli.alert_unreadable", EXIT_USAGE, path=path_text, problem=problem
            ) from None
        items: Sequence[Any] = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and "kind" in item:
                item = {**item, "kind": _alert_kind(item["kind"], path_text)}
            try:
                alerts.append(serialize.structure(converter, item, Alert))
            except serialize.ConversionError as exc:
                raise CliError(
                    "cli.alert_invalid",
                    EXIT_USAGE,
                    path=path_text,
                    problems="; ".join(exc.problems),
                ) from None
    return tuple(alerts)


def _alert_kind(value: object, path_text: str) -> str:
    """An alert kind by code (cold_wave) or Chinese name (寒潮); anything else is an error that
    lists the kinds."""
    for kind in AlertKind:
        if value in (kind.value, kind.label):
            return kind.value
    raise CliError(
        "cli.alert_unknown_kind",
        EXIT_USAGE,
        path=path_text,
        kind=value,
        kinds=cli_text.LIST_JOINER.join(
            cli_text.NAMED_ARGUMENT.format(meaning=k.label, name=k.value) for k in AlertKind
        ),
        kinds_en=", ".join(k.value for k in AlertKind),
    )


def check_alert_areas(alerts: Sequence[Alert], ledger: Ledger) -> None:
    """Every village and station an alert names must be some person's: a misspelt village would
    otherwise leave the alert's follow-up list silently empty."""
    villages = {p.village for p in ledger.recipients if p.village}
    stations = {p.station_code for p in ledger.recipients if p.station_code}
    for alert in alerts:
        for name, known, code in (
            (alert.village_codes, villages, "cli.alert_village_unknown"),
            (alert.station_codes, stations, "cli.alert_station_unknown"),
        ):
            for unknown in sorted(set(name) - known):
                raise CliError(
                    code,
                    EXIT_USAGE,
                    alert=alert.id,
                    name=unknown,
                    known=cli_text.LIST_JOINER.join(sorted(known)) or "-",
                )


def default_unit(opened: OpenedLedger) -> str:
    """填报单位 when none is given: the ledger's township station, else the region's name; for
    several stations' files, their one county centre, else the region's name."""
    stations = opened.result.ledger.stations
    townships = [s for s in stations if s.tier is StationTier.TOWNSHIP_STATION]
    counties = [s for s in stations if s.tier is StationTier.COUNTY_CENTRE]
    if opened.paths and len(townships) > 1:
        # several stations' files: the county centre reports for them, else the region
        townships = counties if len(counties) == 1 else []
    station = townships[0] if townships else None
    if station is not None:
        return station.name
    return opened.region.name if opened.region is not None else ""
