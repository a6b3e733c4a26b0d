"""Henan (GB/T 2260 code 41). Kaifeng's weekly report runs Friday to Thursday (seed 003); the
adapter makes that the region's week by default."""

from __future__ import annotations

from socialwork_core.plugins import Region

from . import __version__

FRIDAY = 4
"""``date.weekday()`` of Friday."""

REGION = Region(
    code="henan",
    name="河南省",
    division_codes=("41",),
    adapter="socialwork_henan",
    adapter_version=__version__,
    first_weekday=FRIDAY,
)
