"""The Henan adapter: weekly reports from Friday to Thursday (Kaifeng), its ledger layout and local
categories.

Registered through the ``socialwork_core`` entry point ``henan``.
"""

from __future__ import annotations

__version__ = "0.1.0"
