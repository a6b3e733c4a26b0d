"""Small station workbooks in the national layout, written cell by cell: the factories of the
roll-up tests. Every name, place and ID number is made up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from socialwork_core.identity.resident_id import compose


def resident(sequence: int, born: date = date(1950, 3, 1)) -> str:
    """A valid made-up ID number (area 410223, Weishi)."""
    return compose("410223", born, sequence)


@dataclass
class Person:
    key: str
    name: str
    resident_id: str | None = None
    village: str = "东岗村"
    categories: str = "低保对象"
    worker: str = "SG01"
    registered_on: str = "2023-01-05"
    status: str = "在册"
    guardian: str = ""
    level: str = ""


@dataclass
class Visit:
    id: str
    on: str
    key: str
    mode: str = "入户"
    worker: str = "SG01"


@dataclass
class StationBook:
    """One station's workbook: its station (code, name), register, visits and workers."""

    code: str
    name: str
    people: Sequence[Person] = ()
    visits: Sequence[Visit] = ()
    workers: Sequence[tuple[str, str]] = (("SG01", "王晓丽"),)
    """(worker ID, name)."""
    station_column: bool = True
    """A 站点编码 column on the register and the visits (else the station must come from
    elsewhere)."""
    worker_station: bool = True
    """The workers sheet names the workers' station."""
    stations_sheet: bool = True
    unit_line: str | None = None
    """A 填报单位 line above the register's header."""
    county: tuple[str, str] | None = ("410223", "尉氏县社工总站")
    extra_stations: Sequence[tuple[str, str]] = field(default_factory=tuple)

    def write(self, path: Path) -> Path:
        wb = Workbook()
        register = wb.active
        assert register is not None
        register.title = "服务对象"
        if self.unit_line is not None:
            register.append(["服务对象台账"])
            register.append([self.unit_line])
        headers = ["档案号", "姓名", "身份证号", "村居", "对象类别", "负责社工", "建档日期", "状态"]
        headers += ["监护人", "服务等级"]
        register.append(headers + (["站点编码"] if self.station_column else []))
        for p in self.people:
            row = [p.key, p.name, p.resident_id, p.village, p.categories, p.worker]
            row += [p.registered_on, p.status, p.guardian or None, p.level or None]
            register.append(row + ([self.code] if self.station_column else []))
        if self.stations_sheet:
            stations = wb.create_sheet("社工站点")
            stations.append(["站点编码", "站点名称", "层级", "上级站点编码"])
            parent = None
            if self.county is not None:
                stations.append([self.county[0], self.county[1], "县级社工总站", None])
                parent = self.county[0]
            stations.append([self.code, self.name, "乡镇(街道)社工站", parent])
            for code, name in self.extra_stations:
                stations.append([code, name, "乡镇(街道)社工站", parent])
        workers = wb.create_sheet("社工人员")
        workers.append(["社工编号", "姓名", "所属站点编码"])
        for worker_id, name in self.workers:
            workers.append([worker_id, name, self.code if self.worker_station else None])
        contacts = wb.create_sheet("探访记录")
        contacts.append(
            ["记录编号", "探访日期", "档案号", "探访方式", "探访社工"]
            + (["站点编码"] if self.station_column else [])
        )
        for v in self.visits:
            row = [v.id, v.on, v.key, v.mode, v.worker]
            contacts.append(row + ([self.code] if self.station_column else []))
        wb.save(path)
        return path
