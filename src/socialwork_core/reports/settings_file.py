"""Report settings from a file (``--settings FILE.toml``): what a report needs and the ledger cannot
hold.

The townships and villages of the area (for 社工站覆盖率 and 社工点覆盖率, docs/domain.md section 6),
the points a panel gave each station's distinctive project (一站一品, the Anhui evaluation), the
reporting unit (填报单位) and the signature block (填表人, 审核人, 填报日期)::

    unit = "东至县民政局"

    [signatories]
    preparer = "张晓"
    reviewer = "李明"
    filled_on = 2024-01-05

    [area]
    townships = 15
    villages = 250

    [distinctive_project]       # station code or name = points, 0 to the group's weight
    "东流镇社工站" = 9
    "3417210002" = 8.5

Every key is optional. The file is read with :mod:`tomllib` and structured through the one
converter (:mod:`socialwork_core.serialize`) into :class:`SettingsFile`; a key the file may not
have, or a value it cannot take, is a :class:`SettingsError` naming the key and the value.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
import cattrs

from ..glossary import indicators_text as text
from ..glossary.messages import render_message
from ..serialize import ConversionError, make_converter, structure
from ..stations import Station
from .template import ReportSettings

__all__ = [
    "KNOWN_KEYS",
    "Area",
    "InvalidSetting",
    "SettingsError",
    "SettingsFile",
    "Signatories",
    "read_settings",
]

_MAX_POINTS = Decimal(100)

_EXPECTED_EN: Mapping[str, str] = MappingProxyType(
    {
        "count": "a whole number of 1 or more",
        "points": "points from 0 to 100 (a number)",
        "date": "a date such as 2024-01-05",
        "text": "non-blank text in quotes",
        "table": "a table such as [area]",
    }
)


class InvalidSetting(ValueError):
    """A value a settings key cannot take: ``key`` (dotted), ``value`` and the kind ``expected``
    (a code of ``SETTINGS_EXPECTED``)."""

    def __init__(self, key: str, value: object, expected: str) -> None:
        self.key = key
        self.value = value
        self.expected = expected
        super().__init__(f"{key} = {value!r}: expected {_EXPECTED_EN[expected]}")


def _positive_count(table: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidSetting(f"{table}.{attribute.name}", value, "count")

    return check


def _text(table: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and not value.strip():
            key = f"{table}.{attribute.name}" if table else attribute.name
            raise InvalidSetting(key, value, "text")

    return check


def _points(value: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    return MappingProxyType(dict(value))


def _points_in_range(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, Decimal]
) -> None:
    for station, points in value.items():
        if not station.strip() or not (points.is_finite() and 0 <= points <= _MAX_POINTS):
            raise InvalidSetting(f"{attribute.name}.{station}", points, "points")


@attrs.frozen(kw_only=True)
class Area:
    """``[area]``: how many townships (乡镇/街道) and villages (村/社区) the reporting area has."""

    townships: int | None = attrs.field(default=None, validator=_positive_count("area"))
    villages: int | None = attrs.field(default=None, validator=_positive_count("area"))


@attrs.frozen(kw_only=True)
class Signatories:
    """``[signatories]``: the signature block of the form (填表人, 审核人, 填报日期)."""

    preparer: str | None = attrs.field(default=None, validator=_text("signatories"))
    reviewer: str | None = attrs.field(default=None, validator=_text("signatories"))
    filled_on: date | None = None


@attrs.frozen(kw_only=True)
class SettingsFile:
    """What a ``--settings`` file holds; every part optional."""

    unit: str | None = attrs.field(default=None, validator=_text(""))
    """填报单位."""
    signatories: Signatories = attrs.field(factory=Signatories)
    area: Area = attrs.field(factory=Area)
    distinctive_project: Mapping[str, Decimal] = attrs.field(
        factory=dict, converter=_points, validator=_points_in_range
    )
    """Station code or name → the points a panel gave its distinctive project (一站一品)."""

    def report_settings(
        self, base: ReportSettings, stations: Iterable[Station], *, source: str = ""
    ) -> ReportSettings:
        """``base`` with the area's totals and the distinctive-project points by station code
        (a station written by name is found among ``stations``; one not found is a
        :class:`SettingsError`)."""
        known = list(stations)
        by_name = {s.name: s.code for s in known}
        codes = {s.code for s in known}
        points: dict[str, Decimal] = {}
        for station, value in self.distinctive_project.items():
            code = station if station in codes else by_name.get(station)
            if code is None:
                raise SettingsError(
                    source,
                    f"distinctive_project.{station}",
                    value,
                    "settings.unknown_station",
                    f"names no station of the ledger; its stations: {_names(known)}",
                    known=_names(known),
                )
            points[code] = value
        return attrs.evolve(
            base,
            townships_total=self.area.townships
            if self.area.townships is not None
            else base.townships_total,
            villages_total=self.area.villages
            if self.area.villages is not None
            else base.villages_total,
            distinctive_project_points={**base.distinctive_project_points, **points},
        )


def _names(stations: list[Station]) -> str:
    return ", ".join(f"{s.code} {s.name}" for s in stations) or "-"


class SettingsError(ValueError):
    """A settings file that cannot be used: ``key`` (dotted, ``area.townships``) and ``value`` name
    the entry, ``message`` says it in Chinese, ``problem`` in English."""

    def __init__(
        self, path: str, key: str, value: object, code: str, problem: str, **params: Any
    ) -> None:
        self.path = path
        self.key = key
        self.value = value
        shown = repr(value) if isinstance(value, str) else str(value)
        self.problem = f"{key} = {shown}: {problem}" if key else problem
        self.message = render_message(code, key=key, value=_shown(value), **params)
        super().__init__(f"{path}: {self.problem}")


def _shown(value: object) -> str:
    return f"“{value}”" if isinstance(value, str) else str(value)


_WHERE = re.compile(r"^(?P<what>.*) @ \$(?P<path>.*)$")
_STEP = re.compile(r"\.([A-Za-z_]\w*)|\[(?:'(?P<key>[^']*)'|(?P<index>\d+))\]")
_EXTRA = re.compile(r"extra fields found \((?P<names>[^)]*)\)")


def _expected(key: str) -> str:
    """Which kind of value a key takes (a code of ``SETTINGS_EXPECTED``)."""
    if key.startswith("area."):
        return "count"
    if key.startswith("distinctive_project."):
        return "points"
    if key == "distinctive_project":
        return "table"
    if key.endswith("filled_on"):
        return "date"
    if key in ("signatories", "area"):
        return "table"
    if key.startswith("signatories.") or key == "unit":
        return "text"
    return "text"


def _lookup(data: Any, key: str) -> object:
    current = data
    for part in key.split("."):
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return current


def _problem(path: str, data: Mapping[str, Any], problem: str) -> SettingsError:
    """One problem of cattrs' ``transform_error`` (``what @ $.area.townships``) in words."""
    found = _WHERE.match(problem)
    what, where = (found["what"], found["path"]) if found else (problem, "")
    parts = [m[1] or m["key"] or m["index"] for m in _STEP.finditer(where)]
    extra = _EXTRA.match(what)
    if extra is not None:
        name = extra["names"].split(",")[0].strip()
        key = ".".join([*parts, name])
        return SettingsError(
            path,
            key,
            _lookup(data, key),
            "settings.unknown_key",
            f"is not a setting; the settings are {', '.join(KNOWN_KEYS)}",
            known=", ".join(KNOWN_KEYS),
        )
    key = ".".join(parts)
    expected = _expected(key)
    return SettingsError(
        path,
        key,
        _lookup(data, key),
        "settings.bad_value",
        f"{what}; expected {_EXPECTED_EN[expected]}",
        expected=text.SETTINGS_EXPECTED[expected],
    )


KNOWN_KEYS = (
    "unit",
    "signatories.preparer",
    "signatories.reviewer",
    "signatories.filled_on",
    "area.townships",
    "area.villages",
    "distinctive_project",
)
"""Every key a settings file may hold (``distinctive_project`` is a table of stations)."""


def _converter_form(value: Any, key: str = "") -> Any:
    """TOML's own values in the converter's form: a date as ISO text; points written ``8.5``
    (which TOML reads as a float) as the text written, since the converter refuses floats for
    decimals (made for money). A value of the wrong TOML type is refused here, where its key is
    known (the converter would read ``unit = 3`` as the text ``"3"`` and ``true`` as 1)."""
    if isinstance(value, dict):
        return {k: _converter_form(v, f"{key}.{k}" if key else k) for k, v in value.items()}
    expected = _expected(key)
    if key not in KNOWN_KEYS and not key.startswith("distinctive_project."):
        return value  # an unknown key: the converter names it
    if expected == "date" and isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if expected == "points" and isinstance(value, float):
        return repr(value)
    allowed: dict[str, tuple[type[Any], ...]] = {
        "count": (int,),
        "points": (int, str),
        "date": (str,),
        "text": (str,),
        "table": (dict,),
    }
    if isinstance(value, bool) or not isinstance(value, allowed[expected]):
        raise InvalidSetting(key, value, expected)
    return value


def read_settings(path: str | Path, converter: cattrs.Converter | None = None) -> SettingsFile:
    """The settings in the TOML file at ``path``.

    :raises SettingsError: the file cannot be read, is not TOML, or a key or value is wrong (the
        first problem, naming the key and value).
    """
    source = Path(path)
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(
            str(source), "", None, "settings.unreadable", str(error), detail=str(error)
        ) from None
    try:
        return structure(converter or make_converter(), _converter_form(data), SettingsFile)
    except InvalidSetting as error:
        raise _invalid(str(source), error) from None
    except ConversionError as error:
        invalid = _first_invalid(error)
        if invalid is not None:
            raise _invalid(str(source), invalid) from None
        raise _problem(str(source), data, error.problems[0]) from None


def _first_invalid(error: BaseException | None) -> InvalidSetting | None:
    """The :class:`InvalidSetting` a validator raised, wherever cattrs wrapped it."""
    if error is None or isinstance(error, InvalidSetting):
        return error
    for inner in getattr(error, "exceptions", ()):
        found = _first_invalid(inner)
        if found is not None:
            return found
    return _first_invalid(error.__cause__)


def _invalid(path: str, error: InvalidSetting) -> SettingsError:
    return SettingsError(
        path,
        error.key,
        error.value,
        "settings.bad_value",
        f"expected {_EXPECTED_EN[error.expected]}",
        expected=text.SETTINGS_EXPECTED[error.expected],
    )
