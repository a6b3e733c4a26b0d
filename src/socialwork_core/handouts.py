"""Handouts (物资/宣传品发放): goods and publicity material handed out, counted per item
(docs/domain.md section 4: goods; section 6: the quantities reports quote)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from .validation import (
    non_blank,
    non_negative,
    non_negative_decimal,
    optional_non_blank,
    to_tuple,
    unique_items,
)

__all__ = ["Handout"]


@attrs.frozen(kw_only=True)
class Handout:
    """One handout: an item (暖心卡, 宣传单, 棉被, 防寒衣物 …), how many in what unit, to how many
    people or households, on a day, for a campaign where it was one (Yunfu: 暖心卡 15787 张;
    Yangshan's cold wave: 36 件 of warm clothing and 1 quilt)."""

    id: str = attrs.field(validator=non_blank)
    on: date
    item: str = attrs.field(validator=non_blank)
    quantity: Decimal = attrs.field(validator=non_negative_decimal)
    unit: str | None = attrs.field(default=None, validator=optional_non_blank)
    """张, 件, 份, 床 … as the ledger writes it."""
    people_reached: int | None = attrs.field(default=None, validator=non_negative)
    """People (人次) it reached, where recorded."""
    households_reached: int | None = attrs.field(default=None, validator=non_negative)
    """Households (户) it reached, where recorded."""
    campaign_id: str | None = attrs.field(default=None, validator=optional_non_blank)
    """The campaign or alert it was handed out for, if any."""
    station_code: str | None = None
    worker_ids: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    notes: str | None = None
