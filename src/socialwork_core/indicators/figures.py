"""A figure (指标值): a number a report quotes, or the reason the ledger cannot support it.

A figure the ledger cannot support (no activity records at all, no stations sheet …) is
*not computable*: its ``value`` is ``None`` and ``reason`` says why. It is never printed as zero.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from ..glossary.indicators_text import INDICATOR_LABELS, FigureUnit
from ..glossary.messages import render_message
from .codes import check_figure_code

__all__ = ["Figure", "FigureValue", "computed", "not_computable"]

FigureValue = int | Decimal
"""A count (``int``) or an amount or rate (``Decimal``); never a float."""


@attrs.frozen(kw_only=True)
class Figure:
    """One figure: a stable ``code``, the ``label`` a report shows, the value and its unit."""

    code: str = attrs.field(converter=str)  # a FigureCode member is kept as its plain code
    """Stable English code, e.g. ``visits.total`` or ``visits.group.subsistence``: a
    :class:`~socialwork_core.glossary.indicators_text.FigureCode`, a family's figure, or a code
    in an adapter's own area (:mod:`~socialwork_core.indicators.codes`)."""
    label: str
    """What a report shows (Chinese)."""
    unit: FigureUnit = attrs.field(converter=FigureUnit)
    value: FigureValue | None = None
    """The figure; ``None`` exactly when not computable."""
    approximate: bool = False
    """True when an amount includes a ledger's approximate value (“2万余元”)."""
    reason_code: str | None = None
    """Message code of the reason a figure is not computable."""
    reason: str | None = None
    """The reason a figure is not computable (Chinese), for the report's list."""

    @code.validator
    def _known(self, _attribute: object, code: str) -> None:
        check_figure_code(code)

    def __attrs_post_init__(self) -> None:
        if (self.value is None) == (self.reason is None):
            raise ValueError(f"figure {self.code!r}: give a value or a reason, exactly one")
        if isinstance(self.value, float | bool):
            raise TypeError(
                f"figure {self.code!r}: value must be int or Decimal, got {self.value!r}"
            )

    @property
    def computable(self) -> bool:
        return self.value is not None

    def relabel(self, label: str) -> Figure:
        """The same figure under another label (an adapter's row wording)."""
        return attrs.evolve(self, label=label)


def _label(code: str, label: str | None) -> str:
    if label is not None:
        return label
    return INDICATOR_LABELS.get(code) or INDICATOR_LABELS[code.rsplit(".", 1)[0]]


def computed(
    code: str,
    value: FigureValue,
    unit: FigureUnit,
    *,
    label: str | None = None,
    approximate: bool = False,
) -> Figure:
    """A computed figure; the label defaults to the glossary's for ``code``."""
    return Figure(
        code=code, label=_label(code, label), unit=unit, value=value, approximate=approximate
    )


def not_computable(
    code: str, unit: FigureUnit, reason_code: str, *, label: str | None = None, **params: str
) -> Figure:
    """A figure the ledger cannot support, with the reason rendered from ``reason_code``."""
    return Figure(
        code=code,
        label=_label(code, label),
        unit=unit,
        reason_code=reason_code,
        reason=render_message(reason_code, **params),
    )
