"""The Anhui adapter: three tiers named 县级社工总站 / 乡镇社工站 / 村（社区）社工室 (Dongzhi), its
ledger layout and local categories.

Registered through the ``socialwork_core`` entry point ``anhui``.
"""

from __future__ import annotations

# Shipped in the socialwork-core distribution, so its version is the distribution's (one place).
from socialwork_core import __version__

__all__ = ["__version__"]
