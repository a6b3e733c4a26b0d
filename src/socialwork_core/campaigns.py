"""Campaigns (专项/预警): a named window of days with an ID that visits, activities and handouts
carry (docs/domain.md section 3: alerts and campaigns)."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from .glossary.rules_text import AlertKind
from .validation import non_blank, optional_non_blank

__all__ = ["Campaign"]


def _end_not_before_start(instance: Campaign, _attribute: attrs.Attribute[Any], end: date) -> None:
    if end < instance.start:
        raise ValueError(f"campaign {instance.id!r}: end {end} is before start {instance.start}")


@attrs.frozen(kw_only=True)
class Campaign:
    """专项行动 or 预警 as a ledger records it: 宣传周, 寒潮, 洪涝, 疫情防控, 双防 … with the days it
    ran. A visit, activity or handout carrying ``id`` was done for it; a report can be made for
    it (``socialwork report … --campaign ID``)."""

    id: str = attrs.field(validator=non_blank)
    kind: AlertKind = attrs.field(converter=AlertKind)
    """Its kind: a disaster (寒潮, 暴雨洪涝 …), 疫情, or 专项行动 (宣传周, 双防 …)."""
    title: str | None = attrs.field(default=None, validator=optional_non_blank)
    """Its own name (2022年社工宣传周)."""
    start: date
    """The first day (included)."""
    end: date = attrs.field(validator=_end_not_before_start)
    """The last day (included)."""
    station_code: str | None = None
    """The station that recorded it (a county's campaign names none)."""
    notes: str | None = None

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end
