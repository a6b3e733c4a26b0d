"""Anhui (GB/T 2260 code 34): Dongzhi's “县级社工总站+乡镇社工站+村（社区）社工室” three-tier system
(seed 004)."""

from __future__ import annotations

from socialwork_core.glossary import StationTier
from socialwork_core.plugins import Region

from . import __version__

REGION = Region(
    code="anhui",
    name="安徽省",
    division_codes=("34",),
    adapter="socialwork_anhui",
    adapter_version=__version__,
    tier_labels={
        StationTier.COUNTY_CENTRE: "县级社工总站",
        StationTier.TOWNSHIP_STATION: "乡镇社工站",
        StationTier.VILLAGE_POINT: "村（社区）社工室",
    },
)
