"""socialwork-zhejiang: the socialwork-core adapter for Zhejiang street and township stations.

Registered through the ``socialwork_core`` entry point ``zhejiang``; written only against the
public API of socialwork-core (and the national adapter's public sheets it builds on).
"""

from __future__ import annotations

__version__ = "0.1.0"
