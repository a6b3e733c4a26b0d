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

RESIDENT_ID_TEXT_MARKS: str = "'`‘’"
"""identity.resident_id: marks before an ID number that only kept it as text (Excel's apostrophe,
left in the cell by an export or typed into a text cell): dropped."""

RESIDENT_ID_X_FORMS: str = "×✕✗╳"
"""identity.resident_id: what an input method gives for the check character X (乘号 ×): read as X
in the last place only."""
