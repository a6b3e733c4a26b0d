"""What one plugin contributes, asked once while plugins load and kept (tox's pattern).

Each field of :class:`Contributions` is the answer of one hook without arguments; the hook is the
field's ``spec``, and :func:`collect` asks every such hook the same way: call the plugin's
implementation, check each answer against the specification's return type
(:mod:`~socialwork_core.plugins.answers`), join the answers. A new hook without arguments is one
more field here; hooks with arguments (a recipient to check, headers to recognise) are called by
the facade when it needs them.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from . import hookspecs
from .answers import expected_answer, mismatch, spelled, spoken
from .calls import HookCalls
from .problems import LoadProblem, describe, problem
from .values import CategoryDefinition, Region

if TYPE_CHECKING:
    from ..grading import RuleSet
    from ..ledger import LedgerFormat
    from ..reports import ReportTemplate

__all__ = ["Contributions", "HookFailure", "collect"]

_SPEC: Final = "spec"


@attrs.frozen(kw_only=True)
class Contributions:
    """One plugin's answers to the hooks without arguments."""

    region: Region | None = attrs.field(default=None, metadata={_SPEC: hookspecs.socialwork_region})
    ledger_formats: tuple[LedgerFormat, ...] = attrs.field(
        default=(), metadata={_SPEC: hookspecs.socialwork_ledger_formats}
    )
    extra_categories: tuple[CategoryDefinition, ...] = attrs.field(
        default=(), metadata={_SPEC: hookspecs.socialwork_extra_categories}
    )
    rule_sets: tuple[RuleSet, ...] = attrs.field(
        default=(), metadata={_SPEC: hookspecs.socialwork_rule_sets}
    )
    report_templates: tuple[ReportTemplate, ...] = attrs.field(
        default=(), metadata={_SPEC: hookspecs.socialwork_report_templates}
    )
    messages: Mapping[str, str] = attrs.field(
        default=attrs.Factory(dict), metadata={_SPEC: hookspecs.socialwork_messages}
    )


class HookFailure(Exception):
    """A hook of one plugin failed or answered the wrong type; :attr:`problem` says which."""

    def __init__(self, found: LoadProblem) -> None:
        self.problem = found
        super().__init__(found.detail)


def collect(calls: HookCalls, plugin: str) -> Contributions:
    """Ask ``plugin`` once for each of its contributions; :class:`HookFailure` names the first
    hook that fails or answers the wrong type."""
    values: dict[str, Any] = {}
    for field in attrs.fields(Contributions):
        spec = field.metadata[_SPEC]
        hook = spec.__name__
        try:
            answers: list[Any] = calls.ask(spec, plugin)
        except Exception as exc:
            found = problem(plugin, "plugins.hook_failed", describe(exc), hook=hook, error=exc)
            raise HookFailure(found) from exc
        expected = expected_answer(spec)
        for answer in answers:
            wrong = mismatch(answer, expected)
            if wrong is not None:
                why = f"{hook} returned {wrong}, not {spoken(expected)}"
                found = problem(
                    plugin,
                    "plugins.hook_answer_wrong",
                    why,
                    hook=hook,
                    got=type(answer).__name__,
                    expected=spelled(expected),
                )
                raise HookFailure(found)
        values[field.name] = _joined(answers, expected)
    return Contributions(**values)


def _joined(answers: list[Any], expected: Any) -> Any:
    origin = typing.get_origin(expected)
    if origin is list:
        return tuple(itertools.chain.from_iterable(answers))
    if origin is dict:
        merged: dict[Any, Any] = {}
        for answer in answers:
            merged.update(answer)
        return merged
    return answers[0] if answers else None
