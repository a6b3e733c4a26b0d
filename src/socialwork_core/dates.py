"""Date arithmetic the domain needs. Nothing here reads the wall clock: callers pass dates."""

from __future__ import annotations

from datetime import date


def age_at(birth: date, as_of: date) -> int:
    """Completed years of age on ``as_of`` (a person born on 29 February ages on 1 March)."""
    years = as_of.year - birth.year
    if (as_of.month, as_of.day) < (birth.month, birth.day):
        years -= 1
    return years
