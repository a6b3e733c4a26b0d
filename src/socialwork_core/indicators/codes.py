"""Figure codes: the ones a report may name, and row-label maps checked against them.

The codes are declared once, as :class:`~socialwork_core.glossary.indicators_text.FigureCode`
(one figure) and :class:`~socialwork_core.glossary.indicators_text.FigureFamily` (one figure per
group, kind or level: ``visits.group.<group>``). A code in one of the core's areas (``visits.``,
``cases.`` …, or a near miss of one) that is neither is a mistake: a figure built with it, or an
adapter's label map keyed by it, fails at once with the code it probably meant. A code in an area
of the adapter's own (``guangdong.``) is the adapter's to declare.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Final

from ..glossary.indicators_text import FigureCode, FigureFamily

__all__ = [
    "UnknownFigureCode",
    "UnlabelledFigure",
    "check_figure_code",
    "check_labels_cover",
    "figure_code_problem",
    "figure_labels",
    "in_family",
]

_CODES: Final = frozenset(code.value for code in FigureCode)
_FAMILIES: Final = frozenset(family.value for family in FigureFamily)
_AREAS: Final = frozenset(code.split(".", 1)[0] for code in _CODES | _FAMILIES)


class UnknownFigureCode(LookupError):
    """A figure code in one of the core's areas that the core does not declare (a misspelling)."""

    def __init__(self, code: str, problem: str) -> None:
        self.code = code
        super().__init__(problem)


class UnlabelledFigure(LookupError):
    """A table with its own row labels shows a figure those labels miss, still under the core's
    wording (it would silently print the core's words instead of the form's)."""

    def __init__(self, code: str, known: Iterable[str]) -> None:
        self.code = code
        super().__init__(
            f"the row labels have no entry for figure {code!r}, which the table shows; "
            f"labelled: {', '.join(sorted(known)) or '-'}"
        )


def in_family(code: str) -> bool:
    """Whether ``code`` is one of a family's figures (``visits.group.subsistence``)."""
    return "." in code and code.rsplit(".", 1)[0] in _FAMILIES


def figure_code_problem(code: str) -> str | None:
    """``None`` when ``code`` may name a figure, else why not (naming the code it probably meant)."""
    if code in _CODES or in_family(code):
        return None
    area = code.split(".", 1)[0]
    if area not in _AREAS and not difflib.get_close_matches(area, _AREAS, n=1, cutoff=0.8):
        return None  # an adapter's own area
    close = difflib.get_close_matches(code, sorted(_CODES | _FAMILIES), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{code!r} is not a figure code of the core{hint} (see FigureCode and FigureFamily)"


def check_figure_code(code: str) -> None:
    """Raise :class:`UnknownFigureCode` unless ``code`` may name a figure."""
    problem = figure_code_problem(code)
    if problem is not None:
        raise UnknownFigureCode(code, problem)


def figure_labels(labels: Mapping[str, str], /) -> dict[str, str]:
    """An adapter's row labels by figure code, checked now: declare them with this at module level
    and a misspelt or renamed code fails when the adapter is imported, naming it."""
    for code in labels:
        check_figure_code(code)
    return dict(labels)


def check_labels_cover(shown: Iterable[tuple[str, str]], labels: Mapping[str, str]) -> None:
    """Every key of ``labels`` is a figure code, and every figure ``shown`` (code, label) that
    still carries the core's default label has one in ``labels``: a family's figures are labelled
    by their group, and a figure relabelled before it reaches the table has its label.
    :class:`UnknownFigureCode` or :class:`UnlabelledFigure` otherwise."""
    for code in labels:
        check_figure_code(code)
    for code, label in shown:
        if code not in labels and code in _CODES and label == FigureCode(code).label:
            raise UnlabelledFigure(code, labels)
