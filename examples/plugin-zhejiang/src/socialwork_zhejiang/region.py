"""Zhejiang (GB/T 2260 code 33): county centres, street and township stations (镇（街道）社会工作站),
village and community points. Source: Yongkang (seed 001), which plans a station in every town
and street."""

from __future__ import annotations

from socialwork_core.glossary import StationTier
from socialwork_core.plugins import Region

from . import __version__

REGION = Region(
    code="zhejiang",
    name="浙江省",
    division_codes=("33",),
    adapter="socialwork-zhejiang",
    adapter_version=__version__,
    tier_labels={StationTier.TOWNSHIP_STATION: "镇（街道）社会工作站"},
)
"""Weeks start on Monday (the default); all three national tiers."""
