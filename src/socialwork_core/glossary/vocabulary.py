"""Words recognised when reading ledgers (Chinese data, kept here beside the labels).

Each block names the module that uses it.
"""

from __future__ import annotations
