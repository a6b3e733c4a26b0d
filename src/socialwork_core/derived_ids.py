"""A record's derived id is not validated again in every row of the quick way (speed).

A record read from a sheet without an ID column is named by the quick way's row function itself,
its kind's prefix and the row's place (``contacts-12``, ``tabular.rows.DERIVED_ID_SOURCE``). The
record's ``id`` validator (``validation.non_blank``: text with something besides spaces) then
checked, for each of a county's 300,000 visits, a text the row function had just made from a
non-blank prefix: 0.03–0.09 s of the visit rows (measured with the rows in memory, the row
function with and without the call, thread CPU). A validator declared to accept every text with a
non-space character (``accepts_non_blank_text``, beside the validator) is asked once, here, about
the prefix; the record's construction skips the call (``construct.init_code``'s ``accepted``).
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["accepts_non_blank_text", "derived_id_accepted"]

_NON_BLANK_TEXT: Final[dict[int, object]] = {}


def accepts_non_blank_text(*validators: object) -> None:
    """Declare that each of ``validators`` decides by the value alone and accepts every text
    holding a character besides spaces (and may refuse anything else)."""
    for validator in validators:
        _NON_BLANK_TEXT[id(validator)] = validator


def derived_id_accepted(cls: type, prefix: str) -> bool:
    """Whether every id made from ``prefix`` (``prefix`` + a row's place) is stored as it stands
    by ``cls`` (no converter) and accepted by its validator, so need not be validated again."""
    field = next((f for f in attrs.fields(cls) if f.alias == "id"), None)
    if field is None or field.converter is not None or field.validator is None:
        return False
    if _NON_BLANK_TEXT.get(id(field.validator)) is not field.validator:
        return False
    return bool(prefix.strip())
