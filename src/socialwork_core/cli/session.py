"""What every ledger command does first: load the plugins, choose the adapter, read the ledger."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from .. import serialize
from ..glossary import StationTier
from ..grading import RuleSet
from ..ledger import LedgerFormat, LoadResult
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
from ..schedule import NATIONAL_DEFAULT, Alert
from ..stations import Station
from ..tabular import WorkbookError
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
        raise CliError("cli.format_not_detected", EXIT_USAGE, path=str(path), known=_known(plugins))
    return found.adapter, found.format, True


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
    region, else the library's ``NATIONAL_DEFAULT``. Never another province's."""
    if region is None:
        region = plugins.national_default()
    found = plugins.rule_sets_for_region(region.code) if region is not None else []
    return tuple(found) or (NATIONAL_DEFAULT,)


def open_ledger(
    plugins: Plugins,
    console: Console,
    path_text: str,
    adapter: str | None,
    *,
    station: str | None = None,
    station_list: tuple[Station, ...] = (),
) -> OpenedLedger:
    """Choose the format, say which, and read the ledger at ``path_text``; give every record its
    station (:func:`socialwork_core.rollup.attribute_stations`, ``station`` the ``--station``
    fallback, ``station_list`` the stations of ``--stations``).

    A file that cannot be read is a :class:`CliError` (exit 2) with the reader's own words.
    """
    path = Path(path_text)
    if path.is_dir():
        raise CliError("cli.input_is_directory", EXIT_USAGE, path=str(path))
    try:
        name, fmt, detected = choose_format(plugins, path, adapter)
        console.note(
            "cli.adapter_detected" if detected else "cli.adapter_given",
            adapter=name,
            format=fmt.name,
        )
        console.progress("cli.progress.reading", path=str(path))
        result = attribute_stations(
            plugins.load_ledger(path, fmt),
            path=path,
            fmt=fmt,
            station=station,
            station_list=station_list,
        )
    except WorkbookError as exc:
        raise CliError(
            "cli.workbook_unreadable",
            EXIT_USAGE,
            path=str(path),
            message=exc.message,
            code=exc.code,
        ) from exc
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
) -> OpenedLedger:
    """The ledger of a command's arguments: ``LEDGER …`` (one file; or several files and folders,
    read as one by :mod:`socialwork_core.rollup`), ``--adapter``, ``--station``, ``--stations``,
    ``--jobs`` and ``--scheduler``. ``window``: the days whose contacts a report needs (the
    others are left out of a roll-up's shares)."""
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


def read_stations(path_text: str | None) -> tuple[Station, ...]:
    """The stations of ``--stations`` (none without it); an unreadable list is a usage problem."""
    if path_text is None:
        return ()
    try:
        return read_station_list(path_text)
    except WorkbookError as exc:
        raise CliError(
            "cli.workbook_unreadable",
            EXIT_USAGE,
            path=path_text,
            message=exc.message,
            code=exc.code,
        ) from exc


def refused_note(console: Console, opened: OpenedLedger) -> int:
    """After a command's output: say how many rows were refused; the exit status to return."""
    rejected = len(opened.result.rejected)
    if opened.result.errors:
        console.note("cli.rows_refused", rejected=rejected)
        return EXIT_DATA
    return EXIT_OK


def parse_as_of(text: str | None, *, today: date) -> date:
    """``--as-of``: an ISO date, or ``today`` (the command line is the one place that reads the
    wall clock; it passes the date in)."""
    if text is None:
        return today
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError("cli.bad_date", EXIT_USAGE, text=text) from None


def parse_period_text(text: str, *, first_weekday: int = 0) -> Period:
    """``--period`` in the forms of :func:`socialwork_core.periods.parse_period`."""
    try:
        return parse_period(text, first_weekday=first_weekday)
    except ValueError:
        raise CliError("cli.bad_period", EXIT_USAGE, text=text) from None


def read_alerts(plugins: Plugins, paths: Iterable[str]) -> tuple[Alert, ...]:
    """Alerts from JSON files: each file holds one alert or a list of alerts, in the converter's
    form of :class:`socialwork_core.schedule.Alert` (dates as ISO text, enumerations by code)."""
    converter = plugins.make_converter()
    alerts: list[Alert] = []
    for path_text in paths:
        path = Path(path_text)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CliError(
                "cli.alert_unreadable", EXIT_USAGE, path=path_text, problem=str(exc)
            ) from None
        items: Sequence[Any] = data if isinstance(data, list) else [data]
        for item in items:
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
