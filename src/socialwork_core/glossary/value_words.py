"""Words that appear inside identity and disability values (Chinese data, used by parsers).

Kept apart from ``vocabulary`` (words of ledger cells and rows) so each file has one owner.
"""

from __future__ import annotations

PHONE_EXTENSION_MARKERS: tuple[str, ...] = ("转", "EXT", "X", "#")
"""identity.phone: words that introduce an extension number (``0763-1234567转123``)."""

DISABILITY_FILLER_WORDS: tuple[str, ...] = ("残疾", "类", "级别", "等级", "残")
"""recipients.disability: words that may stand between kind and grade (``精神残疾三级``)."""

PHONE_SEPARATORS: str = "、，,/;；|\n"
"""identity.phone: characters that separate several numbers in one cell (after NFKC)."""
