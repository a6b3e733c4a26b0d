"""Text for the terminal: control characters from ledger cells shown as visible escapes.

A cell may hold ``ESC [2J`` (clears the screen), ``OSC 52`` (writes the clipboard), a carriage
return (hides what came before on the line) or a right-to-left override (reorders what follows).
Everything the command prints goes through :func:`visible`: such characters become their
Python escape (``\\x1b``, ``\\r``, ``\\u202e``), so the worker sees them and the terminal acts on
none of them. The JSON output escapes the same characters as ``\\u`` escapes (JSON itself only
escapes the C0 controls).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_visible", "visible"]

_CONTROL: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufff9-\ufffb\ufffe\uffff]"
)
_CONTROL_AND_LINES: Final = re.compile(_CONTROL.pattern[:-1] + "\t\n]")


def _escape(match: re.Match[str]) -> str:
    return match[0].encode("unicode_escape").decode("ascii")


def visible(text: str, *, lines: bool = True) -> str:
    """``text`` with every control, bidirectional-override and line-separator character written
    as its escape; newlines and tabs are kept when ``lines`` (a table cell passes False)."""
    pattern = _CONTROL if lines else _CONTROL_AND_LINES
    return pattern.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def json_visible(text: str) -> str:
    """JSON text (already encoded) with the characters :func:`visible` escapes written as
    ``\\uXXXX``; a JSON parser reads the same strings back."""
    return _CONTROL.sub(_json_escape, text)
