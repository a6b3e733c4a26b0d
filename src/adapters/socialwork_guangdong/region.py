"""Guangdong (GB/T 2260 code 44): the 双百 network of township stations (站) and village points (点).

Source: the Yunfu 双百 newsletter (63 stations, 146 points; seed 000) and Yangshan's reports
(seed 002). 双百 names no county tier in its station counts, so the region uses two tiers.
"""

from __future__ import annotations

from socialwork_core.glossary import StationTier
from socialwork_core.plugins import Region

from . import __version__

REGION = Region(
    code="guangdong",
    name="广东省",
    division_codes=("44",),
    adapter="socialwork_guangdong",
    adapter_version=__version__,
    tiers=(StationTier.TOWNSHIP_STATION, StationTier.VILLAGE_POINT),
    tier_labels={
        StationTier.TOWNSHIP_STATION: "镇（街）社工站",
        StationTier.VILLAGE_POINT: "村（居）社工点",
    },
)
