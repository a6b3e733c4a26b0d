"""The Chinese sentences shown to users, one template per finding code.

Each area of the library keeps its templates in its own module here; ``MESSAGES`` joins them and
fails at import if two areas claim the same code. Templates use ``str.format`` fields.

Plugins add the templates of their own codes (``guangdong.no_responsible_worker`` …) through the
``socialwork_messages`` hook. The plugins facade keeps them (not this module: two facades in one
process keep their own) and makes them known here with :func:`speaking` while it calls a plugin,
so ``Finding.of`` renders an adapter's code as it does the library's.
"""

from __future__ import annotations

import contextlib
import string
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType
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
    scaffold,
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
    scaffold.MESSAGES,
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


def _fields_of(declared: Mapping[str, tuple[str, ...]]) -> Mapping[str, frozenset[str]]:
    """``declared`` checked against the templates: a known code, fields its template has."""
    fields: dict[str, frozenset[str]] = {}
    for code, names in declared.items():
        template = MESSAGES.get(code)
        used = (
            set()
            if template is None
            else {name for _, name, _, _ in string.Formatter().parse(template) if name}
        )
        if not set(names) <= used:
            raise RuntimeError(f"message {code!r} has no field {sorted(set(names) - used)}")
        fields[code] = frozenset(names)
    return MappingProxyType(fields)


PERSON_FIELDS: Mapping[str, frozenset[str]] = _fields_of(ledger.PERSON_FIELDS)
"""For each code whose message names a person, the fields holding the name as written."""
NUMBER_FIELDS: Mapping[str, frozenset[str]] = _fields_of(
    {**identity.NUMBER_FIELDS, **ledger.NUMBER_FIELDS, **rollup.NUMBER_FIELDS}
)
"""For each code whose message quotes an ID, certificate or phone number, the fields holding it as
written (typos and all)."""


_SPOKEN: ContextVar[Mapping[str, str]] = ContextVar(
    "socialwork_plugin_messages", default=MappingProxyType({})
)
"""The templates of the plugins' codes in use here: set by the plugins facade while it calls a
plugin, so one process may hold two facades with their own plugins (a test, a server)."""


@contextlib.contextmanager
def speaking(templates: Mapping[str, str]) -> Iterator[None]:
    """Within the block, ``render_message`` (and so ``Finding.of``) also knows ``templates`` (a
    plugin's codes, as the plugins facade accepted them). Library codes keep their own words."""
    token = _SPOKEN.set(templates)
    try:
        yield
    finally:
        _SPOKEN.reset(token)


def template_problem(code: object, template: object) -> str | None:
    """Why ``template`` cannot serve as the template of ``code``, or ``None``: code and template
    must be non-empty text, and the template a ``str.format`` string with plain field names
    (``{name}``, never ``{name.attr}`` or ``{0}``)."""
    return _template_problem(code, template)


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

    A plugin's code is known inside :func:`speaking` (the plugins facade speaks its plugins' codes
    while it calls them). An unknown code is a programming error and raises ``KeyError``; a
    missing parameter raises too, so a message is never shown half-filled.
    """
    template = MESSAGES.get(code)
    if template is None:
        template = _SPOKEN.get()[code]
    return template.format(**params)
