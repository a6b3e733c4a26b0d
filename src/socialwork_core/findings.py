"""Findings: what a check found, with a stable code, a severity and a message a worker can act on.

Every check in the library (resident IDs, categories, ledger cells, rules) reports through
``Finding``. The message is rendered from the Chinese template registered for the code in
``socialwork_core.glossary.messages``; the parameters stay on the finding, so a program can act
on them without parsing text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .glossary.messages import render_message
from .glossary.terms import Severity


def _freeze_params(value: Mapping[str, Any]) -> Mapping[str, str]:
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


@attrs.frozen
class Finding:
    """One problem or remark: ``code`` (stable, English, dotted), ``severity`` and ``message``."""

    code: str = attrs.field(validator=attrs.validators.min_len(1))
    """Stable identifier such as ``resident_id.wrong_check_character``; documented per module."""
    severity: Severity = attrs.field(converter=Severity)
    message: str
    """The sentence shown to a station worker (Chinese)."""
    params: Mapping[str, str] = attrs.field(
        factory=dict, converter=_freeze_params, eq=False, repr=False
    )
    """The values the message was rendered from (as text), for programs."""

    @classmethod
    def of(cls, code: str, severity: Severity, /, **params: Any) -> Finding:
        """Build a finding whose message is the registered template for ``code``."""
        return cls(
            code=code, severity=severity, message=render_message(code, **params), params=params
        )

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class FindingError(ValueError):
    """Raised where a value cannot be accepted at all; carries the findings that explain why."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__("; ".join(f"[{f.code}] {f.message}" for f in self.findings))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True if any finding is an error."""
    return any(f.is_error for f in findings)
