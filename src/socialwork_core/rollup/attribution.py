"""Every record knows its station: attribution after a ledger is loaded.

A record's station is, in this order:

1. its own station column (站点编码, 所属社工站, 社工站, 服务站点, 站点 …), a code or a name;
2. the station of the worker it names (负责社工, 探访社工 …: by worker ID or, as many ledgers write
   it, by the worker's name);
3. for a contact, case or resource link, the station of the person it names;
4. the workbook's own words: the 填报单位 line or the title above the sheet's header
   (“尉氏县十八里镇社工站服务对象名册”);
5. the station the caller names (``station=``, the command line's ``--station``).

A station written by name resolves to its code through the ledger's stations sheet or a station
list (:func:`read_station_list`); a name neither knows is kept as written, with a remark
(``rollup.station_not_listed``). Records still without a station are counted, and reported once
per sheet (``rollup.station_unattributed``), never hidden in a catch-all row.

Attribution works on the ``LoadResult`` that ``load_ledger`` gives: the row reader is untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..findings import Finding
from ..glossary import vocabulary as words
from ..glossary.terms import Severity, StationTier
from ..ledger import LedgerFormat, LoadResult, RecordKind
from ..ledger.model import with_records
from ..record_kinds import RECORD_KINDS, RecordKindSpec, spec_of
from ..stations import SocialWorker, Station
from ..tabular import (
    ColumnSpec,
    Issue,
    TableSpec,
    WorkbookError,
    normalise_label,
    open_workbook,
    read_table,
)
from ..tabular.reader import named_sheet

__all__ = [
    "StationDirectory",
    "attribute_stations",
    "read_station_list",
    "station_in_words",
]

_UNIT_LINE = re.compile(words.UNIT_LINE_PATTERN)
_STATION_WORDS = re.compile(
    "^(.*?(?:" + "|".join(map(re.escape, words.STATION_NAME_ENDINGS)) + "))"
)
_TITLE_ROWS = 6
"""Rows above a header that may hold a title or a 填报单位 line."""


def _norm(text: str) -> str:
    return normalise_label(text)


@attrs.frozen
class StationDirectory:
    """The stations a ledger (or a station list) knows: codes, and the names that resolve to them.

    ``resolve`` turns a cell's text into a code: a known code stays; a known name (spaces and
    full-width forms ignored) becomes its code; a text that contains exactly one known name as its
    longest match (“尉氏县十八里镇社工站” holds “十八里镇社工站”) becomes that station's code.
    Anything else is ``None``.
    """

    codes: frozenset[str]
    by_name: Mapping[str, str]

    @classmethod
    def of(cls, stations: Iterable[Station]) -> StationDirectory:
        codes: set[str] = set()
        by_name: dict[str, str] = {}
        for station in stations:
            codes.add(station.code)
            by_name.setdefault(_norm(station.name), station.code)
        return cls(frozenset(codes), by_name)

    def resolve(self, text: str) -> str | None:
        if text in self.codes:
            return text
        wanted = _norm(text)
        if wanted in self.codes:
            return wanted
        found = self.by_name.get(wanted)
        if found is not None:
            return found
        inside = [name for name in self.by_name if name and name in wanted]
        if inside:
            return self.by_name[max(inside, key=len)]
        return None


def station_in_words(text: str) -> str | None:
    """The station a 填报单位 line or a title names: “填报单位：高峰街道社工站” → “高峰街道社工站”,
    “尉氏县十八里镇社工站服务对象名册” → “尉氏县十八里镇社工站”; ``None`` when it names none."""
    line = text.strip()
    unit = _UNIT_LINE.search(line)
    if unit is not None:
        line = unit.group(1)
    found = _STATION_WORDS.match(line)
    if found is not None:
        return found.group(1)
    return line if unit is not None and line else None


_LIST_SPEC = TableSpec(
    columns=tuple(
        ColumnSpec(name, headers, required=name != "parent_code")
        for name, headers in words.STATION_LIST_HEADERS.items()
    ),
    sheet_names=words.STATION_LIST_SHEETS,
)


def read_station_list(path: str | Path) -> tuple[Station, ...]:
    """The stations of a station list file (.xlsx, .xls, .ods or .csv): a sheet with a code
    (站点编码) and a name (站点名称) column, optionally the parent's code. A station whose name
    names a village point (社工点, 社工室) is a point, else a township station: the list serves to
    resolve names, its tiers matter only where the ledger has no stations sheet.

    Raises ``WorkbookError`` when the file cannot be read or holds no such sheet.
    """
    stations: list[Station] = []
    with read_table(path, _LIST_SPEC) as table:
        for row in table:
            if row.rejected:
                continue
            code, name = str(row.values["code"]), str(row.values["name"])
            point = name.endswith(words.VILLAGE_POINT_ENDINGS)
            tier = StationTier.VILLAGE_POINT if point else StationTier.TOWNSHIP_STATION
            parent = row.values.get("parent_code")
            stations.append(Station(code=code, name=name, tier=tier, parent_code=parent or None))
    return tuple(stations)


class _Resolver:
    """Names → codes for one ledger, remembering the names no station list knows."""

    def __init__(self, directory: StationDirectory) -> None:
        self.directory = directory
        self.unlisted: dict[str, None] = {}
        self._seen: dict[str, str] = {}

    def code(self, text: str | None) -> str | None:
        if text is None or not text.strip():
            return None
        known = self._seen.get(text)
        if known is not None:
            return known
        found = self.directory.resolve(text)
        if found is None:
            found = text.strip()
            if self.directory.codes or self.directory.by_name:
                self.unlisted[found] = None
        self._seen[text] = found
        return found


def _worker_index(workers: Iterable[SocialWorker]) -> dict[str, str]:
    """Worker ID and worker name → station code (a name two workers share names neither)."""
    index: dict[str, str] = {}
    names: dict[str, str | None] = {}
    for worker in workers:
        if worker.station_code is None:
            continue
        index[worker.id] = worker.station_code
        key = _norm(worker.name)
        names[key] = worker.station_code if key not in names else None
    for name, code in names.items():
        if code is not None:
            index.setdefault(name, code)
    return index


def _first(index: Mapping[str, str], names: Iterable[str | None]) -> str | None:
    for name in names:
        if name:
            found = index.get(name) or index.get(_norm(name))
            if found is not None:
                return found
    return None


def _workers_of(kind: RecordKind) -> Callable[[Any], Sequence[str | None]]:
    """How a record of ``kind`` names its workers (the kinds table's ``worker_field``)."""
    field = spec_of(kind).worker_field
    if field is None or kind is RecordKind.WORKERS:
        return lambda r: ()
    return lambda r: _as_tuple(getattr(r, field))


def _as_tuple(value: Any) -> Sequence[str | None]:
    return value if isinstance(value, tuple) else (value,)


def _people_of(spec: RecordKindSpec) -> Callable[[Any], Sequence[str]] | None:
    """How a record of the kind names the people whose station it takes, if it takes theirs
    (``RecordKindSpec.station_from_people``)."""
    field = spec.people_field
    if field is None or not spec.station_from_people:
        return None
    return lambda r: _as_tuple(getattr(r, field))  # type: ignore[return-value]


def _order() -> list[RecordKindSpec]:
    """Workers first (others are placed by their workers), then the register (visits by their
    people), then every other kind of the table but the shared ones, which no station is given
    to (a station is its own place, a campaign 宣传周 is declared for every station alike)."""
    first = (spec_of(RecordKind.WORKERS), spec_of(RecordKind.RECIPIENTS))
    return [*first, *(s for s in RECORD_KINDS if s not in first and not s.shared)]


class _WorkbookWords:
    """The 填报单位 line or title above each sheet of the workbook, read only when needed."""

    def __init__(self, path: Path | None, fmt: LedgerFormat | None) -> None:
        self.path, self.fmt = path, fmt
        self._sheets: dict[RecordKind, str] = {}
        self._units: dict[str, str | None] = {}
        self._opened = False

    def _open(self) -> None:
        self._opened = True
        if self.path is None or self.fmt is None:
            return
        try:
            with open_workbook(self.path) as workbook:
                for sheet_format in self.fmt.sheets:
                    name = named_sheet(workbook, sheet_format.sheet_names)
                    if name is None:
                        continue
                    self._sheets[sheet_format.kind] = name
                    self._units[name] = self._unit_above(workbook.sheet(name).rows)
        except WorkbookError:
            return  # the load read the file; a second reading that fails names no station

    @staticmethod
    def _unit_above(rows: Iterable[tuple[int, Sequence[Any]]]) -> str | None:
        title: str | None = None
        for count, (_index, cells) in enumerate(rows):
            filled = [c for c in cells if c is not None and str(c).strip()]
            if count >= _TITLE_ROWS or len(filled) >= 3:
                break  # a header row (or a data row): titles are above it, alone on their line
            for cell in filled:
                if not isinstance(cell, str) or not cell.strip():
                    continue
                if _UNIT_LINE.search(cell):
                    return station_in_words(cell)
                if title is None:
                    title = station_in_words(cell)
        return title

    def sheet_of(self, kind: RecordKind) -> str:
        if not self._opened:
            self._open()
        return self._sheets.get(kind, kind.label)

    def unit_of(self, kind: RecordKind) -> str | None:
        if not self._opened:
            self._open()
        own = self._units.get(self._sheets.get(kind, ""))
        if own is not None:
            return own
        # a sheet without a title line takes the workbook's (the register's usually)
        return next((u for u in self._units.values() if u is not None), None)


def attribute_stations(
    result: LoadResult,
    *,
    path: str | Path | None = None,
    fmt: LedgerFormat | None = None,
    station: str | None = None,
    station_list: Iterable[Station] = (),
) -> LoadResult:
    """``result`` with a station code on every record that can be given one (see the module's
    docstring for the order), names resolved to codes, and the remarks: one
    ``rollup.station_unattributed`` warning per sheet with records left without a station, one
    ``rollup.station_not_listed`` remark per name no station list knows.

    ``path`` and ``fmt`` (the workbook and the format it was read with) let the 填报单位 line and
    the titles be read; they are opened only when some record is still without a station.
    """
    ledger = result.ledger
    listed = tuple(station_list)
    resolver = _Resolver(StationDirectory.of((*ledger.stations, *listed)))
    written = _WorkbookWords(Path(path) if path is not None else None, fmt)
    given = resolver.code(station)
    changed: dict[RecordKind, list[Any]] = {}
    left: dict[RecordKind, int] = {}
    workers: dict[str, str] = {}
    people: dict[str, str] = {}
    for spec in _order():
        kind, field = spec.kind, spec.station_field
        records = ledger.records(kind)
        if not records:
            continue
        out: list[Any] = []
        altered = False
        unit: str | bool | None = False  # False: not looked up yet
        missing = 0
        workers_of = _workers_of(kind)
        people_of = _people_of(spec)
        for record in records:
            own: str | None = getattr(record, field)
            code = resolver.code(own) if own is not None else None
            if code is None and kind is not RecordKind.WORKERS:
                code = _first(workers, workers_of(record))
            if code is None and people_of is not None:
                code = next((people[k] for k in people_of(record) if k in people), None)
            if code is None:
                if unit is False:
                    unit = resolver.code(written.unit_of(kind))
                code = unit if isinstance(unit, str) else given
            if code is None:
                missing += 1
            if code != own:
                record = attrs.evolve(record, **{field: code})
                altered = True
            out.append(record)
        if kind is RecordKind.WORKERS:
            workers = _worker_index(out)
        if kind is RecordKind.RECIPIENTS:
            people = {r.key: r.station_code for r in out if r.station_code is not None}
        if altered:
            changed[kind] = out
        if missing:
            left[kind] = missing
    remarks: list[Issue] = []
    for kind, count in left.items():
        sheet = written.sheet_of(kind)
        finding = Finding.of(
            "rollup.station_unattributed",
            Severity.WARNING,
            sheet=sheet,
            kind=kind.label,
            count=count,
        )
        remarks.append(Issue(finding, sheet))
    for name in resolver.unlisted:
        remarks.append(Issue(Finding.of("rollup.station_not_listed", Severity.INFO, name=name)))
    if not changed and not remarks:
        return result
    issues = (*result.issues, *remarks)
    new_ledger = with_records(ledger, changed, issues=issues)
    return attrs.evolve(result, ledger=new_ledger, issues=issues)
