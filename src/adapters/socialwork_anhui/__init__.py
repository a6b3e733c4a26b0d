"""The Anhui adapter: three tiers named 县级社工总站 / 乡镇社工站 / 村（社区）社工室 (Dongzhi), its
ledger layout and local categories.

Registered through the ``socialwork_core`` entry point ``anhui``.
"""

from __future__ import annotations

__version__ = "0.1.0"
