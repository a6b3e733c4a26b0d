"""Resource links (资源链接): what a worker obtained for people (docs/domain.md section 4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from .glossary.terms import LinkStatus, ProviderKind, ResourceKind
from .validation import (
    non_blank,
    non_negative,
    non_negative_decimal,
    optional_non_blank,
    to_tuple,
    unique_items,
)

__all__ = ["ResourceLink"]


def _reaches_someone(instance: ResourceLink) -> None:
    if not instance.recipient_keys and instance.head_count is None:
        raise ValueError(
            f"resource link {instance.id!r} names no recipients and no head count: "
            "give the people reached or, for a distribution, how many"
        )


@attrs.frozen(kw_only=True)
class ResourceLink:
    """资源链接: funds, goods, services, a policy application or volunteer time obtained for people.

    ``value_yuan`` (折合金额) is a ``Decimal``; ``value_is_approximate`` keeps a ledger's "2万余元".
    """

    id: str = attrs.field(validator=non_blank)
    on: date
    kind: ResourceKind = attrs.field(converter=ResourceKind)
    description: str = attrs.field(validator=non_blank)
    provider: str | None = attrs.field(default=None, validator=optional_non_blank)
    """The giver: a department, a company, a donor's name."""
    provider_kind: ProviderKind | None = attrs.field(
        default=None, converter=attrs.converters.optional(ProviderKind)
    )
    quantity: Decimal | None = attrs.field(default=None, validator=non_negative_decimal)
    unit: str | None = attrs.field(default=None, validator=optional_non_blank)
    """份, 床, 斤, 次 …"""
    value_yuan: Decimal | None = attrs.field(default=None, validator=non_negative_decimal)
    value_is_approximate: bool = False
    status: LinkStatus = attrs.field(default=LinkStatus.FULFILLED, converter=LinkStatus)
    recipient_keys: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    head_count: int | None = attrs.field(default=None, validator=non_negative)
    """People reached by a distribution when they are not named one by one."""
    case_id: str | None = None
    worker_ids: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    station_code: str | None = None

    def __attrs_post_init__(self) -> None:
        _reaches_someone(self)

    @property
    def people_reached(self) -> int:
        """The named recipients, or the head count when larger (a distribution to a crowd)."""
        return max(len(self.recipient_keys), self.head_count or 0)
