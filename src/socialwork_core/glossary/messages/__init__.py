"""The Chinese sentences shown to users, one template per finding code.

Each area of the library keeps its templates in its own module here; ``MESSAGES`` joins them and
fails at import if two areas claim the same code. Templates use ``str.format`` fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import cli, identity, ledger, plugins, recipients, reports, rules, tabular, testing

_AREAS: tuple[Mapping[str, str], ...] = (
    identity.MESSAGES,
    recipients.MESSAGES,
    tabular.MESSAGES,
    ledger.MESSAGES,
    rules.MESSAGES,
    reports.MESSAGES,
    plugins.MESSAGES,
    cli.MESSAGES,
    testing.MESSAGES,
)


def _join(areas: tuple[Mapping[str, str], ...]) -> dict[str, str]:
    joined: dict[str, str] = {}
    for area in areas:
        for code, template in area.items():
            if code in joined:
                raise RuntimeError(f"message code {code!r} is defined twice")
            joined[code] = template
    return joined


MESSAGES: Mapping[str, str] = _join(_AREAS)


def render_message(code: str, /, **params: Any) -> str:
    """The template for ``code`` filled with ``params``.

    An unknown code is a programming error and raises ``KeyError``; a missing parameter raises too,
    so a message is never shown half-filled.
    """
    return MESSAGES[code].format(**params)
