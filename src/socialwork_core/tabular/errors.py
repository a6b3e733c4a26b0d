"""The one exception for a file that cannot be read as a table at all."""

from __future__ import annotations

from typing import Any

from ..findings import Finding
from ..glossary.terms import Severity


class WorkbookError(Exception):
    """A workbook or CSV file that cannot be read: ``code`` (stable), ``path`` and ``message``.

    The message is the Chinese sentence registered for the code; ``finding`` holds it with its
    parameters for programs.
    """

    def __init__(self, code: str, path: object, /, **params: Any) -> None:
        self.code = code
        self.path = str(path)
        self.finding = Finding.of(code, Severity.ERROR, path=self.path, **params)
        self.message = self.finding.message
        super().__init__(f"[{code}] {self.message}")
