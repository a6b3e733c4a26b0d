"""Where the command writes: data on stdout, notes and progress on stderr, JSON when asked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..tabular import display_width
from .printable import json_visible, visible
from .text import bilingual

__all__ = ["CliError", "Console", "format_table"]


class CliError(Exception):
    """A problem the command reports in words and an exit status (never with a traceback)."""

    def __init__(self, code: str, exit_status: int, /, **params: Any) -> None:
        self.code = code
        self.exit_status = exit_status
        self.params = params
        super().__init__(bilingual(code, **params))


class Console:
    """The command's two streams.

    - stdout carries the result: a text table, or one JSON document with ``--format json``;
    - stderr carries notes (which adapter was chosen, where a file was written), warnings and
      errors, always in Chinese and English;
    - progress lines go to stderr only when it is a terminal, so logs and pipes stay clean.
    """

    def __init__(self, stdout: TextIO, stderr: TextIO, *, json_output: bool = False) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.json_output = json_output
        self._interactive = bool(getattr(stderr, "isatty", lambda: False)())
        self._progress_shown = False

    def out(self, line: str = "") -> None:
        """A line of the text result on stdout (control characters shown as escapes)."""
        print(visible(line), file=self.stdout)

    def emit_json(self, data: Any) -> None:
        """The JSON result on stdout (non-ASCII kept, keys in the order given)."""
        print(json_visible(json.dumps(data, ensure_ascii=False, indent=2)), file=self.stdout)

    def note(self, code: str, /, **params: Any) -> None:
        """A bilingual note on stderr."""
        self._clear_progress()
        print(visible(bilingual(code, **params)), file=self.stderr)

    def error(self, text: str) -> None:
        """An error line on stderr."""
        self._clear_progress()
        print(f"error: {visible(text)}", file=self.stderr)

    def progress(self, code: str, /, **params: Any) -> None:
        """A progress line on stderr, only when stderr is a terminal; the next line replaces it."""
        if not self._interactive:
            return
        print(
            f"\r\x1b[2K… {visible(bilingual(code, **params))}", end="", file=self.stderr, flush=True
        )
        self._progress_shown = True

    def done(self) -> None:
        """Clear any progress line."""
        self._clear_progress()

    def _clear_progress(self) -> None:
        if self._progress_shown:
            print("\r\x1b[2K", end="", file=self.stderr, flush=True)
            self._progress_shown = False


def _pad(text: str, width: float) -> str:
    return text + " " * int(width - display_width(text))


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Aligned text lines (Chinese characters count double width); the last column is not padded.
    A cell's control characters, newlines and tabs are shown as escapes (``printable``)."""
    rows = [[visible(cell, lines=False) for cell in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    lines = []
    for row in (list(headers), *rows):
        cells = [_pad(c, widths[i]) if i < len(row) - 1 else c for i, c in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return lines
