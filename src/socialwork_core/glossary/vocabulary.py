"""Words recognised when reading ledgers (Chinese data, kept here beside the labels).

Each block names the module that uses it.
"""

from __future__ import annotations

# identity.phone: words that introduce an extension number (0763-1234567转123).
PHONE_EXTENSION_MARKERS: tuple[str, ...] = ("转", "EXT", "X", "#")

# recipients.disability: words that may stand between kind and grade ("精神残疾三级").
DISABILITY_FILLER_WORDS: tuple[str, ...] = ("残疾", "类", "级别", "等级", "残")
