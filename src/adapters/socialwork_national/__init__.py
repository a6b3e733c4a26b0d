"""The national adapter: the default layout, categories and rules for regions without an adapter.

Registered through the ``socialwork_core`` entry point ``national`` like any outside adapter. Its
region claims no division codes, so it serves every division no other region claims.
"""

from __future__ import annotations

__version__ = "0.1.0"
