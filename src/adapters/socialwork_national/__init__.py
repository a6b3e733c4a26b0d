"""The national adapter: the default layout, categories and rules for regions without an adapter.

Registered through the ``socialwork_core`` entry point ``national`` like any outside adapter. Its
region claims no division codes, so it serves every division no other region claims.
"""

from __future__ import annotations

# Shipped in the socialwork-core distribution, so its version is the distribution's (one place).
from socialwork_core import __version__

__all__ = ["__version__"]
