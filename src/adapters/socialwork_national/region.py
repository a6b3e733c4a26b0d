"""The national default region: no division codes, the three national station tiers."""

from __future__ import annotations

from socialwork_core.plugins import Region

from . import __version__

REGION = Region(
    code="national",
    name="全国（默认）",
    division_codes=(),
    adapter="socialwork_national",
    adapter_version=__version__,
)
"""Serves every division that no provincial adapter claims; weeks start on Monday (default)."""
