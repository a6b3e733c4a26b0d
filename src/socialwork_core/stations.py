"""Stations (社工站) in three tiers, and the social workers in post (docs/domain.md section 1)."""

from __future__ import annotations

from datetime import date

import attrs

from .glossary.terms import CertificateLevel, StationTier
from .validation import non_blank, non_negative

__all__ = ["SocialWorker", "Station"]


def _parent_matches_tier(
    instance: Station, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if instance.tier is StationTier.COUNTY_CENTRE and value is not None:
        raise ValueError(f"a county centre has no parent station, got parent {value!r}")
    if instance.tier is not StationTier.COUNTY_CENTRE and value == instance.code:
        raise ValueError(f"station {instance.code!r} cannot be its own parent")


@attrs.frozen(kw_only=True)
class Station:
    """社工站: a county centre (总站), a township/street station (站) or a village point (点/室).

    ``code`` starts from the 6-digit GB/T 2260 county code where known (e.g. ``441823`` for
    Yangshan, then a station suffix); the library does not impose a format.
    """

    code: str = attrs.field(validator=non_blank)
    name: str = attrs.field(validator=non_blank)
    tier: StationTier = attrs.field(converter=StationTier)
    parent_code: str | None = attrs.field(default=None, validator=_parent_matches_tier)
    """The station one tier up; ``None`` for a county centre or when unknown."""
    division_code: str | None = None
    """Administrative division code (GB/T 2260 or the 12-digit statistical code)."""
    township: str | None = None
    """镇街 the station serves."""
    village: str | None = None
    """村居 a village point serves."""
    posts: int | None = attrs.field(default=None, validator=non_negative)
    """岗位数: social-worker posts funded for the station."""
    established_on: date | None = None
    """成立日期 (建站日期): the day the station was set up, for new stations in a period
    (docs/domain.md section 6: 新增镇级社会工作站); ``None`` when the ledger does not say."""

    def exists(self, on: date) -> bool:
        """Set up by ``on`` (or set-up date unknown: taken as always there)."""
        return self.established_on is None or self.established_on <= on


@attrs.frozen(kw_only=True)
class SocialWorker:
    """社会工作者: a worker in post (or formerly) at a station."""

    id: str = attrs.field(validator=non_blank)
    name: str = attrs.field(validator=non_blank)
    station_code: str | None = None
    certificate: CertificateLevel = attrs.field(
        default=CertificateLevel.NONE, converter=CertificateLevel
    )
    """职业水平证书: the level held."""
    certified_on: date | None = None
    """取证日期: the day the certificate held was obtained (docs/domain.md section 1:
    持证社工由13人提升至103人); ``None`` when the ledger does not say."""
    phone: str | None = None
    started_on: date | None = None
    left_on: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.started_on and self.left_on and self.left_on < self.started_on:
            raise ValueError(f"worker {self.id!r} left ({self.left_on}) before starting")

    def certified_by(self, on: date) -> bool | None:
        """Holding a certificate on ``on``: ``False`` without one or with one obtained later,
        ``None`` when certified but the date is not known (it cannot be told for a past day)."""
        if not self.certificate.is_certified:
            return False
        if self.certified_on is None:
            return None
        return self.certified_on <= on

    def in_post(self, as_of: date) -> bool:
        """In post on ``as_of``: started by then (or start unknown) and not yet left."""
        started = self.started_on is None or self.started_on <= as_of
        return started and (self.left_on is None or self.left_on > as_of)
