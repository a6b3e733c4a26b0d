"""Resident identity card numbers (居民身份证号码, GB 11643-1999), built on ``stdnum.cn.ric``.

Shape follows python-stdnum: ``compact`` normalises, ``validate`` returns the number or raises,
``is_valid`` answers yes/no, plus ``check`` which returns the number *and* every finding (warnings
included) for callers that report rather than raise.

Finding codes (all ``resident_id.*``; severity in brackets):

- ``empty`` [error]: no value.
- ``stored_as_number`` [error]: the cell reached us as a number (int or float), as scientific
  notation text (``1.10105E+17``), as ``…0.0`` text, or as 18 digits ending in ``000`` that fail the
  check. Excel keeps 15 significant digits, so the last three are lost for ever; the message asks
  for the cell to be re-entered as text. Never "repaired".
- ``bad_characters`` [error]: anything but digits, with ``X`` allowed only last.
- ``wrong_length`` [error]: neither 18 nor 15 characters.
- ``impossible_birth_date`` [error]: the 8 birth digits are not a calendar date.
- ``wrong_check_character`` [error]: the ISO 7064 MOD 11-2 check character does not match.
- ``unknown_area_code`` [warning]: the 6-digit area was never a county code in stdnum's GB/T 2260
  table. A **warning**, not an error, by decision: the table may lag real codes, and a wrong area
  does not make the number unusable. Unlike stdnum's ``validate`` we do not require the code to be
  in force in the birth year (a card carries the code of its *issue*, so that check would flag most
  people born before the 1980s). ``check(strict_area=True)`` makes it an error.
- ``upgraded_from_15`` [warning]: a 15-digit first-generation number, upgraded to 18 digits
  (century ``19`` inserted, check character computed).

Normalisation: full-width digits and letters (NFKC), spaces of any kind, lowercase ``x``, a
leading apostrophe that kept the number as text, and a multiplication sign (×) typed for the
check character X.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import lru_cache

import attrs
from stdnum import numdb
from stdnum.cn import ric

from ..dates import age_at
from ..findings import Finding, FindingError
from ..glossary import value_words
from ..glossary.terms import Severity, Sex

__all__ = [
    "IdCheck",
    "age",
    "birth_date",
    "check",
    "compact",
    "compose",
    "is_valid",
    "mask",
    "sex",
    "upgrade_15",
    "validate",
]

_SPACES = re.compile(r"\s+")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$")
_DECIMAL_TAIL = re.compile(r"^\d{15,18}\.0*$")
_SHAPE = re.compile(r"^\d{17}[\dX]$|^\d{15}$")
_CANONICAL = re.compile(r"[0-9]{17}[0-9X]\Z")

# Numbers ``check`` found usable as they stand (no finding at all), so that checking one again (a
# ledger cell checked by the reader, then by ``Recipient``'s validator) is a lookup. Bounded: it
# is emptied when full. Only such numbers are kept: their outcome cannot depend on anything else.
_VALIDATED: dict[str, IdCheck] = {}
_VALIDATED_MAX = 4096


@attrs.frozen
class IdCheck:
    """The outcome of :func:`check`: the 18-character number if usable, and every finding."""

    number: str | None
    """The normalised 18-character number, or ``None`` when an error makes it unusable."""
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when the number is usable (warnings allowed)."""
        return self.number is not None


def compact(value: str) -> str:
    """Normalise text: NFKC (full-width → ASCII), drop all whitespace, upper-case ``x``, drop a
    leading text mark (Excel's ``'``) and read a multiplication sign (×) in the last place as X."""
    if type(value) is str and _CANONICAL.match(value):  # ASCII digits (and X): nothing to do
        return value
    number = _SPACES.sub("", unicodedata.normalize("NFKC", value)).upper()
    number = number.lstrip(value_words.RESIDENT_ID_TEXT_MARKS)
    if number[-1:] and number[-1] in value_words.RESIDENT_ID_X_FORMS:
        number = number[:-1] + "X"
    return number


def _error(code: str, **params: object) -> Finding:
    return Finding.of(code, Severity.ERROR, **params)


def _calc_check(first17: str) -> str:
    # stdnum's calc_check_digit expects the check position present; it ignores its value.
    return str(ric.calc_check_digit(first17 + "0"))


def compose(area: str, birth: date, sequence: int) -> str:
    """Build an 18-character number from its parts, with its check character.

    For synthetic test and example data: ``compose("110105", date(1949, 12, 31), 2)`` gives
    ``11010519491231002X``. ``sequence`` is 0–999; odd means male.
    """
    if len(area) != 6 or not area.isdigit():
        raise ValueError(f"area must be 6 digits, got {area!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0-999, got {sequence}")
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + _calc_check(first17)


def upgrade_15(number15: str) -> str:
    """Upgrade a 15-digit first-generation number to 18 digits (GB 11643-1999 appendix).

    The birth year gains its century ``19`` and a check character is appended.
    """
    if len(number15) != 15 or not number15.isdigit():
        raise ValueError(f"not a 15-digit resident ID: {number15!r}")
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + _calc_check(first17)


@lru_cache(maxsize=65536)
def _area_known(area: str) -> bool:
    # Known if GB/T 2260 (stdnum's table) ever had this county code, at any date. stdnum's own
    # validate also requires the code to exist in the *birth* year, but a card carries the code in
    # force when it was issued, so that check warns for most people born before the 1980s.
    parts = numdb.get("cn/loc").info(area)
    return any("county" in props for _part, props in parts)


def _birth(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check(value: object, *, strict_area: bool = False) -> IdCheck:
    """Check a raw value (a cell's content) and return the number with all findings.

    ``value`` may be anything a spreadsheet hands over; numbers are reported as
    ``stored_as_number`` rather than converted.
    """
    if type(value) is str:
        known = _VALIDATED.get(value)
        if known is not None:
            return known
    result = _check(value, strict_area=strict_area)
    if type(value) is str and result.number == value and not result.findings:
        if len(_VALIDATED) >= _VALIDATED_MAX:
            _VALIDATED.clear()
        _VALIDATED[value] = result
    return result


def _check(value: object, *, strict_area: bool) -> IdCheck:
    if value is None or (isinstance(value, str) and not value.strip()):
        return IdCheck(None, (_error("resident_id.empty"),))
    if isinstance(value, bool) or not isinstance(value, str):
        shown = format(value, "f").rstrip("0").rstrip(".") if isinstance(value, float) else value
        if isinstance(value, int | float | Decimal):
            return IdCheck(None, (_error("resident_id.stored_as_number", value=shown),))
        return IdCheck(None, (_error("resident_id.bad_characters", value=value, characters=""),))
    raw = value
    number = compact(value)
    if _SCIENTIFIC.match(number) or _DECIMAL_TAIL.match(number):
        return IdCheck(None, (_error("resident_id.stored_as_number", value=raw),))
    if not _SHAPE.match(number):
        bad = "".join(sorted({c for c in number if not c.isdigit()} - {"X"}))
        if bad or ("X" in number[:-1]):
            return IdCheck(
                None, (_error("resident_id.bad_characters", value=raw, characters=bad or "X"),)
            )
        return IdCheck(None, (_error("resident_id.wrong_length", value=raw, length=len(number)),))
    findings: list[Finding] = []
    if len(number) == 15:
        if _birth(number[:6] + "19" + number[6:]) is None:
            return IdCheck(
                None,
                (
                    _error(
                        "resident_id.impossible_birth_date", value=raw, birth="19" + number[6:12]
                    ),
                ),
            )
        upgraded = upgrade_15(number)
        findings.append(
            Finding.of(
                "resident_id.upgraded_from_15", Severity.WARNING, value=raw, upgraded=upgraded
            )
        )
        number = upgraded
    birth = _birth(number)
    if birth is None:
        return IdCheck(
            None, (_error("resident_id.impossible_birth_date", value=raw, birth=number[6:14]),)
        )
    expected = _calc_check(number[:17])
    if number[17] != expected:
        if number.endswith("000"):
            return IdCheck(None, (_error("resident_id.stored_as_number", value=raw),))
        return IdCheck(
            None, (_error("resident_id.wrong_check_character", value=raw, expected=expected),)
        )
    if not _area_known(number[:6]):
        severity = Severity.ERROR if strict_area else Severity.WARNING
        findings.append(
            Finding.of("resident_id.unknown_area_code", severity, value=raw, area=number[:6])
        )
        if strict_area:
            return IdCheck(None, tuple(findings))
    return IdCheck(number, tuple(findings))


def validate(value: object, *, strict_area: bool = False) -> str:
    """Return the normalised 18-character number; raise :class:`FindingError` on any error.

    Warnings (an upgraded 15-digit number, an unknown area code) do not raise; use :func:`check`
    to see them.
    """
    result = check(value, strict_area=strict_area)
    if result.number is None:
        raise FindingError(result.findings)
    return result.number


def is_valid(value: object) -> bool:
    """True if ``value`` is a usable 18-character number already (no upgrade needed)."""
    result = check(value)
    return result.number is not None and not any(
        f.code == "resident_id.upgraded_from_15" for f in result.findings
    )


def birth_date(number: str) -> date:
    """The birth date encoded in a valid 18-character number."""
    birth = _birth(number)
    if birth is None:
        raise ValueError(f"no valid birth date in {number!r}")
    return birth


def sex(number: str) -> Sex:
    """性别 from the 17th digit: odd is male, even is female."""
    return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


def age(number: str, as_of: date) -> int:
    """Completed years of age on ``as_of``."""
    return age_at(birth_date(number), as_of)


def mask(number: str) -> str:
    """Mask for display outside the station: the first 6 and last 4 characters kept."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
