"""What can be wrong with a plugin: the error raised at once, and the problem recorded while loading.

A :class:`LoadProblem` sets one plugin aside and lets the others serve; :class:`PluginError` is
raised where no plugin can be set aside any more (a hook answering nonsense in the middle of a
command) or when the caller asked for it (``load_plugins(strict=True)`` raises
:class:`PluginLoadError`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..findings import Finding
from ..glossary.terms import Severity

__all__ = ["LoadProblem", "PluginError", "PluginLoadError", "describe", "problem"]


class PluginError(Exception):
    """A plugin is broken in a way its caller must hear about at once, naming the plugin."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        """The name of the plugin at fault."""
        super().__init__(f"plugin {plugin!r}: {message}")


@attrs.frozen(kw_only=True)
class LoadProblem:
    """A plugin that could not be used (or not wholly), recorded while loading."""

    plugin: str
    """The name of the plugin at fault."""
    finding: Finding
    """What happened, in the words shown to users (code ``plugins.*``)."""
    detail: str = ""
    """Technical detail (the exception text), for whoever fixes the plugin."""

    @property
    def code(self) -> str:
        return self.finding.code


class PluginLoadError(Exception):
    """Raised by ``load_plugins(strict=True)`` when any :class:`LoadProblem` was recorded."""

    def __init__(self, problems: Iterable[LoadProblem]) -> None:
        self.problems: tuple[LoadProblem, ...] = tuple(problems)
        super().__init__(
            "; ".join(f"plugin {p.plugin!r}: {p.code} {p.detail}".strip() for p in self.problems)
        )


def problem(plugin: str, code: str, detail: str = "", **params: Any) -> LoadProblem:
    """A load problem of ``plugin`` worded by the message template of ``code``."""
    finding = Finding.of(code, Severity.ERROR, plugin=plugin, **params)
    return LoadProblem(plugin=plugin, finding=finding, detail=detail)


def describe(exc: BaseException) -> str:
    """An exception as its type and text, for a problem's ``detail``."""
    return f"{type(exc).__name__}: {exc}"
