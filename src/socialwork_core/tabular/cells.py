"""Cell coercion: from what a sheet holds to a typed value, or a finding that says why not.

A *coercer* is any callable ``raw -> value`` that raises ``FindingError`` when the cell cannot be
accepted; ``raw`` is what the reader got from the file (text, number, bool, date or datetime; never
``None`` or blank text: empty cells are handled before a coercer is called). Coercers written
elsewhere plug straight in (``socialwork_core.identity`` parses resident IDs this way). A coercer
that accepts a value but has a remark returns ``Coerced(value, findings)``.

Money is ``Money`` (a ``Decimal`` amount, never a float, and an ``approximate`` flag for figures
such as “2万余元”).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import weakref
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity

RawValue: TypeAlias = str | int | float | bool | date | datetime | time | timedelta
"""A non-empty cell as read from a file."""

Coercer: TypeAlias = Callable[[RawValue], Any]
"""``raw -> value``; raises ``FindingError``; may return ``Coerced`` to attach remarks."""


@attrs.frozen
class Coerced:
    """A value accepted with remarks (warnings or infos) about it."""

    value: Any
    findings: tuple[Finding, ...] = ()


@attrs.frozen
class Money:
    """An amount in yuan. ``approximate`` marks figures written as “2万余元” or “约3000元”."""

    amount: Decimal = attrs.field(converter=Decimal)
    approximate: bool = False


def raw_text(raw: object) -> str:
    """The cell as a person would read it: integral numbers without “.0”, dates in ISO form."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return repr(raw)
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ") if raw.time() != time(0) else raw.date().isoformat()
    if isinstance(raw, date | time):
        return raw.isoformat()
    return str(raw)


def is_blank(raw: object) -> bool:
    """True for an empty cell: ``None`` or text of only spaces (full-width spaces included)."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _fail(code: str, raw: object, **params: Any) -> FindingError:
    return FindingError([Finding.of(code, Severity.ERROR, value=raw_text(raw), **params)])


# --- text -----------------------------------------------------------------------------------------


def text(raw: RawValue) -> str:
    """Text, stripped of surrounding spaces; a number is read as it shows (13800138000, not 1.38e10)."""
    if type(raw) is str:  # the common case, without raw_text's type tests
        return raw.strip()
    return raw_text(raw).strip()


# --- integers -------------------------------------------------------------------------------------

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


def _nfkc(value: str) -> str:
    """Full-width digits, letters, brackets and spaces made half-width; the rest unchanged."""
    return unicodedata.normalize("NFKC", value).strip()


def integer(raw: RawValue) -> int:
    """A whole number, from a number cell or text such as “1,200”."""
    if isinstance(raw, bool):
        raise _fail("tabular.integer_invalid", raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise _fail("tabular.integer_invalid", raw)
    if isinstance(raw, str):
        cleaned = _THOUSANDS.sub("", _nfkc(raw))
        if re.fullmatch(r"[+-]?\d+", cleaned):
            return int(cleaned)
        if re.fullmatch(r"[+-]?\d+\.0*", cleaned):
            return int(cleaned.split(".")[0])
    raise _fail("tabular.integer_invalid", raw)


def decimal_value(raw: RawValue) -> Decimal:
    """A quantity as a ``Decimal`` (never a float): from a number cell or text such as “1,200.5”."""
    if isinstance(raw, bool):
        raise _fail("tabular.number_invalid", raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _fail("tabular.number_invalid", raw)
        return _decimal_of_number(raw)
    if isinstance(raw, str):
        cleaned = _THOUSANDS.sub("", _nfkc(raw))
        if re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", cleaned):
            return Decimal(cleaned)
    raise _fail("tabular.number_invalid", raw)


# --- dates ----------------------------------------------------------------------------------------

_EXCEL_EPOCH: Final = date(1899, 12, 30)
_MAX_SERIAL: Final = 2958465  # 9999-12-31
_DATE_FORMS: Final = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(
        rf"(\d{{4}})\s*{words.DATE_YEAR}\s*(\d{{1,2}})\s*{words.DATE_MONTH}\s*(\d{{1,2}})\s*"
        rf"{words.DATE_DAY}?"
    ),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_TIME_TAIL: Final = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def _from_parts(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def excel_serial_to_date(serial: float) -> date:
    """The date of an Excel serial number (1900 date system, as every Windows Excel writes)."""
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def date_value(raw: RawValue) -> date:
    """A date from a date cell, an Excel serial number, 20220318, or text in the forms
    2022-03-18, 2022/3/18, 2022.3.18, 2022年3月18日 and 20220318 (a time part is dropped)."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, bool):
        raise _fail("tabular.date_invalid", raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not raw.is_integer():
            raise _fail("tabular.date_invalid", raw)
        number = int(raw)
        if 10000101 <= number <= 99991231:
            found = _from_parts(str(number)[:4], str(number)[4:6], str(number)[6:])
            if found is not None:
                return found
        if 1 <= number <= _MAX_SERIAL:
            return excel_serial_to_date(number)
        raise _fail("tabular.date_invalid", raw)
    if isinstance(raw, str):
        cleaned = _nfkc(raw)
        for form in _DATE_FORMS:
            match = form.match(cleaned)
            if match and _TIME_TAIL.fullmatch(cleaned[match.end() :]):
                found = _from_parts(*match.groups())
                if found is not None:
                    return found
    raise _fail("tabular.date_invalid", raw)


_TIME_TEXT: Final = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def time_value(raw: RawValue) -> time:
    """A time of day from a time cell, a datetime, an Excel day fraction (0.5 is noon) or text
    ``9:30``/``09:30:15`` (seconds kept, anything finer dropped)."""
    if isinstance(raw, datetime):
        return raw.time().replace(microsecond=0)
    if isinstance(raw, time):
        return raw.replace(microsecond=0)
    if isinstance(raw, float | int) and not isinstance(raw, bool) and 0 <= raw < 1:
        seconds = round(raw * 86400)
        if seconds < 86400:
            return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    if isinstance(raw, str):
        match = _TIME_TEXT.fullmatch(_nfkc(raw))
        if match:
            hour, minute, second = (int(g) if g else 0 for g in match.groups())
            if hour < 24 and minute < 60 and second < 60:
                return time(hour, minute, second)
    raise _fail("tabular.time_invalid", raw)


# --- yes / no -------------------------------------------------------------------------------------


def yes_no(raw: RawValue) -> bool:
    """是/否, 有/无, √/×, ✓, Y/N (and TRUE/FALSE cells)."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        cleaned = _nfkc(raw)
        if cleaned in words.YES_WORDS:
            return True
        if cleaned in words.NO_WORDS:
            return False
    raise _fail("tabular.yes_no_invalid", raw)


# --- money ----------------------------------------------------------------------------------------


def _alternation(options: frozenset[str]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_MONEY: Final = re.compile(
    rf"(?P<sign>{_alternation(words.CURRENCY_SIGNS)})?\s*"
    rf"(?P<before>{_alternation(words.APPROXIMATE_BEFORE)})?\s*"
    rf"(?P<sign2>{_alternation(words.CURRENCY_SIGNS)})?\s*"
    r"(?P<number>[+-]?\d[\d,]*(?:\.\d+)?)\s*"
    rf"(?P<after1>{_alternation(words.APPROXIMATE_AFTER)})?\s*"
    rf"(?P<wan>{re.escape(words.WAN)})?\s*"
    rf"(?P<after2>{_alternation(words.APPROXIMATE_AFTER)})?\s*"
    rf"(?:{re.escape(words.YUAN)})?\s*"
    rf"(?P<after3>{_alternation(words.APPROXIMATE_AFTER)})?"
)


def _decimal_of_number(raw: int | float) -> Decimal:
    # repr gives the shortest text that reads back as the same float: 1234.5, not 1234.4999…
    return Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw))


def money_value(raw: RawValue) -> Money:
    """An amount in yuan as ``Money``: numbers, or text with 元/万元, ¥, thousands separators;
    “2万余元”, “50多万元”, “约3000元” are kept with ``approximate=True``."""
    if isinstance(raw, bool):
        raise _fail("tabular.money_invalid", raw)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise _fail("tabular.money_invalid", raw)
        return Money(_decimal_of_number(raw))
    if not isinstance(raw, str):
        raise _fail("tabular.money_invalid", raw)
    match = _MONEY.fullmatch(_nfkc(raw))
    if match is None:
        raise _fail("tabular.money_invalid", raw)
    number = match["number"]
    if "," in number and not re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        raise _fail("tabular.money_invalid", raw)
    try:
        amount = Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise _fail("tabular.money_invalid", raw) from None
    if match["wan"]:
        amount = amount * 10000
        if amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
    approximate = any(match[g] for g in ("before", "after1", "after2", "after3"))
    return Money(amount, approximate)


def money(raw: RawValue) -> Money | Coerced:
    """Like ``money_value``; an approximate figure comes with an info finding saying so."""
    value = money_value(raw)
    if value.approximate:
        note = Finding.of(
            "tabular.money_approximate",
            Severity.INFO,
            value=raw_text(raw),
            amount=format(value.amount, "f"),
        )
        return Coerced(value, (note,))
    return value


def money_text(value: Money) -> str:
    """How the writer renders an approximate amount so that it reads back equal: “20000余元”."""
    amount = format(value.amount, "f")
    if not value.approximate:
        return amount
    return f"{amount}{words.APPROXIMATE_WRITTEN}{words.YUAN}"


# --- labels ---------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def normalise_label(label: str) -> str:
    """Spaces removed and full-width forms made half-width (NFKC), for comparing labels and
    headers: “特困人员（分散供养）” and “特困人员(分散供养)” compare equal, and a required-field mark
    (“*姓名”, “姓名＊”) is ignored."""
    return re.sub(r"\s+", "", _nfkc(label)).strip("*")


def choice(
    labels: Mapping[str, str], meaning: Callable[[str], str | None] | None = None
) -> Coercer:
    """A coercer mapping cell text to a code through ``labels`` (text → code).

    Codes are accepted as themselves; labels are compared after ``normalise_label``. A text that
    is none of them is then read by ``meaning`` (text → code, or ``None`` for a text it does not
    understand), when given: how a column reads words by their meaning (the glossary's readings
    of modes, categories and levels; this module knows no domain words). A text neither reads is
    an error that lists the accepted labels.
    """
    lookup = {normalise_label(text_): code for text_, code in labels.items()}
    for code in labels.values():
        lookup.setdefault(normalise_label(code), code)
    known = words.LIST_JOINER.join(dict.fromkeys(labels))
    # Texts exactly as given (labels and codes) → their code through the same lookup, so a cell
    # holding one of them is found without normalising it first; the answer is the same.
    exact = {t: lookup[normalise_label(t)] for t in [*labels, *labels.values()]}

    def coerce(raw: RawValue) -> str:
        found = exact.get(raw) if type(raw) is str else None
        if found is None:
            written = raw_text(raw)
            found = lookup.get(normalise_label(written))
            if found is None and meaning is not None:
                found = meaning(written)
        if found is None:
            raise _fail("tabular.label_unrecognised", raw, known=known)
        return found

    _EXACT_LABELS[coerce] = MappingProxyType(exact)
    return coerce


_EXACT_LABELS: weakref.WeakKeyDictionary[Coercer, Mapping[str, str]] = weakref.WeakKeyDictionary()


def exact_labels(coercer: Coercer) -> Mapping[str, str] | None:
    """For a ``choice`` coercer: the texts it maps to a code as they stand (labels and codes as
    given), which is what it answers first for a text cell; ``None`` for any other coercer. Lets
    a caller that reads many cells look the common texts up itself."""
    return _EXACT_LABELS.get(coercer)


@functools.lru_cache(maxsize=64)
def _separator_pattern(separators: str) -> tuple[re.Pattern[str], bool]:
    """The pattern splitting at ``separators`` (and spaces), and whether they are all outside
    ASCII letters and digits (then a cell of only ASCII letters and digits is a single value)."""
    pattern = re.compile("[" + re.escape(separators) + r"\s]+")
    return pattern, not any(c.isascii() and c.isalnum() for c in separators)


def split_values(cell: str, separators: str = words.LIST_SEPARATORS) -> list[str]:
    """The parts of a multi-valued cell (“低保、特困”), empty parts dropped."""
    pattern, alnum_is_one = _separator_pattern(separators)
    if alnum_is_one and cell.isascii() and cell.isalnum():
        return [cell]  # what NFKC and splitting would give: one part, unchanged
    return [part for part in pattern.split(_nfkc(cell)) if part]
