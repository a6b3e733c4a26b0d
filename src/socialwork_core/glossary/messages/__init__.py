"""The Chinese sentences shown to users, one template per finding code.

Each area of the library keeps its templates in its own module here; ``MESSAGES`` joins them and
fails at import if two areas claim the same code. Templates use ``str.format`` fields.

Plugins add the templates of their own codes (``guangdong.no_responsible_worker`` …) through the
``socialwork_messages`` hook; ``load_plugins`` registers them here with ``add_messages``, so
``Finding.of`` renders an adapter's code as it does the library's.
"""

from __future__ import annotations

import string
import threading
from collections.abc import Mapping
from typing import Any

from . import (
    cli,
    identity,
    ledger,
    plugins,
    recipients,
    reports,
    rollup,
    rules,
    tabular,
    testing,
)

_AREAS: tuple[Mapping[str, str], ...] = (
    identity.MESSAGES,
    recipients.MESSAGES,
    tabular.MESSAGES,
    ledger.MESSAGES,
    rules.MESSAGES,
    reports.MESSAGES,
    rollup.MESSAGES,
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


_ADDED: dict[str, str] = {}
_ADDED_LOCK = threading.Lock()


def add_messages(templates: Mapping[str, str]) -> dict[str, str]:
    """Register templates for finding codes the library does not define (a plugin's, through the
    ``socialwork_messages`` hook), for ``render_message`` and so ``Finding.of``.

    Returns the templates refused, code → why (for the load problem's detail): a code the library
    defines itself, a code already registered with another template (the same template again is
    fine: plugins may be loaded more than once in a process), or a template that is not a
    ``str.format`` string with plain field names (``{name}``, never ``{name.attr}`` or ``{0}``).
    """
    refused: dict[str, str] = {}
    with _ADDED_LOCK:
        for code, template in templates.items():
            problem = _template_problem(code, template)
            if problem is None and code in MESSAGES:
                problem = "the library defines this code itself"
            elif problem is None and _ADDED.get(code, template) != template:
                problem = "already registered with another template"
            if problem is not None:
                refused[code] = problem
            else:
                _ADDED[code] = template
    return refused


def _template_problem(code: object, template: object) -> str | None:
    if not isinstance(code, str) or not code or not isinstance(template, str) or not template:
        return "code and template must be non-empty text"
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        return f"not a str.format template: {error}"
    if any(not name.isidentifier() for name in fields):
        return "field names must be plain names such as {name}"
    return None


def render_message(code: str, /, **params: Any) -> str:
    """The template for ``code`` (the library's, or one a plugin added) filled with ``params``.

    An unknown code is a programming error and raises ``KeyError``; a missing parameter raises too,
    so a message is never shown half-filled.
    """
    template = MESSAGES.get(code)
    if template is None:
        template = _ADDED[code]
    return template.format(**params)
