"""The Guangdong adapter (双百工程): station + point network, register columns with their synonyms,
Guangzhou-style 跟进级别 一级–六级, and local categories.

Registered through the ``socialwork_core`` entry point ``guangdong``.
"""

from __future__ import annotations

# Shipped in the socialwork-core distribution, so its version is the distribution's (one place).
from socialwork_core import __version__

__all__ = ["__version__"]
