"""A grade that explains itself: the level, every rule that fired with the inputs it read, and the
rule set's name and version; a manual override is kept beside it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from ..glossary.messages import render_message
from ..glossary.rules_text import describe_inputs
from ..glossary.terms import ServiceLevel
from ..validation import non_blank, to_mapping
from .records import Override

__all__ = ["GradeResult", "Reason"]


def _level(value: str) -> ServiceLevel:
    return value if type(value) is ServiceLevel else ServiceLevel(value)


def _text_map(value: Mapping[str, str]) -> Mapping[str, str]:
    return to_mapping({str(k): str(v) for k, v in value.items()})


@attrs.frozen(kw_only=True)
class Reason:
    """理由: one rule that fired, with what it read."""

    rule_id: str = attrs.field(validator=non_blank)
    """The rule's stable id, e.g. ``l1_aged_80_living_alone``."""
    level: ServiceLevel = attrs.field(converter=_level)
    """The level the rule gives."""
    description: str
    """The rule in Chinese, as the worker reads it."""
    description_en: str = ""
    """The rule in English."""
    inputs: Mapping[str, str] = attrs.field(factory=dict, converter=_text_map)
    """The inputs the rule read, as text: ``{"age": "83", "as_of": "2022-03-31", ...}``."""
    rule_set_name: str = attrs.field(validator=non_blank)
    rule_set_version: str = attrs.field(validator=non_blank)

    @property
    def text(self) -> str:
        """One Chinese sentence: the level, the rule, its inputs and the rule set."""
        return render_message(
            "rules.reason",
            level=self.level.label,
            rule=self.description or self.rule_id,
            inputs=describe_inputs(self.inputs),
            rule_set=self.rule_set_name,
            version=self.rule_set_version,
        )


def _reasons(value: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class GradeResult:
    """评定结果: the computed level of one person on a date, with its reasons.

    ``level`` is what the rules give; ``override`` (if any) is the worker's choice, kept beside it.
    :attr:`effective_level` is the one the schedule follows.
    """

    recipient_key: str = attrs.field(validator=non_blank)
    as_of: date
    """The date the grade is for: ages and active alerts are read on it."""
    level: ServiceLevel = attrs.field(converter=_level)
    """The computed level: the most urgent level any rule gives, else the rule set's default."""
    reasons: tuple[Reason, ...] = attrs.field(converter=_reasons)
    """Every rule that fired (most urgent first); when none fired, one ``default_level`` reason."""
    rule_set_name: str = attrs.field(validator=non_blank)
    rule_set_version: str = attrs.field(validator=non_blank)
    override: Override | None = None
    """The worker's manual override in force on ``as_of``, if any."""

    @property
    def effective_level(self) -> ServiceLevel:
        """The override's level where there is one, else the computed level."""
        return self.level if self.override is None else self.override.level

    @property
    def is_overridden(self) -> bool:
        """True when a worker's override differs from the computed level."""
        return self.override is not None and self.override.level is not self.level

    @property
    def fired_rule_ids(self) -> tuple[str, ...]:
        """The ids of the reasons, in order."""
        return tuple(r.rule_id for r in self.reasons)

    def explain(self) -> tuple[str, ...]:
        """The reasons as Chinese sentences, the override (if any) last."""
        lines = [r.text for r in self.reasons]
        if self.override is not None:
            lines.append(
                render_message(
                    "rules.override",
                    by=self.override.by,
                    on=self.override.on.isoformat(),
                    level=self.override.level.label,
                    reason=self.override.reason,
                    computed=self.level.label,
                )
            )
        return tuple(lines)
