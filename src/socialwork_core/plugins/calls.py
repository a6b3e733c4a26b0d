"""Calling a hook through its specification, one plugin at a time.

The hook is named by its specification function (``hookspecs.socialwork_rule_sets``), never by a
string: a renamed or removed hook is then an error mypy and the import find, and the answer takes
the type the specification declares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

import pluggy

from . import hookspecs
from .markers import HOOK_PREFIX, PROJECT_NAME

__all__ = ["HookCalls", "hook_names", "specs"]

P = ParamSpec("P")
T = TypeVar("T")


def specs() -> tuple[Callable[..., Any], ...]:
    """Every hook specification function, sorted by name."""
    marker = PROJECT_NAME + "_spec"
    return tuple(
        getattr(hookspecs, name)
        for name in sorted(dir(hookspecs))
        if name.startswith(HOOK_PREFIX) and hasattr(getattr(hookspecs, name), marker)
    )


def hook_names() -> tuple[str, ...]:
    """The names of every hook the core specifies, sorted."""
    return tuple(spec.__name__ for spec in specs())


class HookCalls:
    """Calls the hooks of one plugin manager, each plugin on its own, keyword arguments only."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self._pm = manager
        # a subset caller per (hook, plugin): building one walks every plugin, calling it does not
        self._callers: dict[tuple[str, str], Any] = {}

    def ask(
        self, spec: Callable[P, T], plugin: str, /, *args: P.args, **kwargs: P.kwargs
    ) -> list[T]:
        """The answers of plugin ``plugin``'s implementation of the hook ``spec`` (pluggy leaves
        out a ``None`` answer), an empty list when it has none."""
        if args:
            raise TypeError(f"{spec.__name__} takes keyword arguments only")
        return cast("list[T]", self._caller(spec.__name__, plugin)(**kwargs))

    def first(
        self, spec: Callable[P, T], plugin: str, /, *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        """The answer of plugin ``plugin``'s implementation of the ``firstresult`` hook ``spec``,
        ``None`` when it has none."""
        if args:
            raise TypeError(f"{spec.__name__} takes keyword arguments only")
        return cast("T | None", self._caller(spec.__name__, plugin)(**kwargs))

    def implementers(self, spec: Callable[..., object]) -> list[str]:
        """The plugins implementing the hook ``spec``, in the order pluggy calls them
        (``tryfirst`` ones first, ``trylast`` ones last)."""
        impls = getattr(self._pm.hook, spec.__name__).get_hookimpls()
        return [impl.plugin_name for impl in reversed(impls)]

    def _caller(self, hook_name: str, plugin: str) -> Any:
        caller = self._callers.get((hook_name, plugin))
        if caller is None:
            own = self._pm.get_plugin(plugin)
            others = [p for p in self._pm.get_plugins() if p is not own]
            caller = self._pm.subset_hook_caller(hook_name, remove_plugins=others)
            self._callers[hook_name, plugin] = caller
        return caller
