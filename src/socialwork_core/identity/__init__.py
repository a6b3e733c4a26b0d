"""Identity: resident ID numbers and phone numbers (parsing, validation, masking)."""

from __future__ import annotations

from . import phone, resident_id

__all__ = ["phone", "resident_id"]
