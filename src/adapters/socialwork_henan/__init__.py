"""The Henan adapter: weekly reports from Friday to Thursday (Kaifeng), its ledger layout and local
categories.

Registered through the ``socialwork_core`` entry point ``henan``.
"""

from __future__ import annotations

# Shipped in the socialwork-core distribution, so its version is the distribution's (one place).
from socialwork_core import __version__

__all__ = ["__version__"]
