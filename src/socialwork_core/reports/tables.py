"""Building the tables of a report from figures."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..glossary.indicators_text import ITEM_LABEL, VALUE_LABEL
from ..indicators.codes import check_labels_cover
from ..indicators.figures import Figure
from .model import Row, Table

__all__ = ["figure_table", "grid_table"]


def figure_table(
    figures: Sequence[Figure],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    chart: bool = False,
    headers: tuple[str, str] = (ITEM_LABEL, VALUE_LABEL),
    totals: Collection[str] = (),
) -> Table:
    """One row per figure (label, value, unit). ``labels`` maps a figure code to the row label an
    adapter uses instead of the core's: when given, every key must be a figure code and every
    figure shown under the core's default label (not a family's, labelled by its group) must have
    a label, or
    :class:`~socialwork_core.indicators.codes.UnknownFigureCode` /
    :class:`~socialwork_core.indicators.codes.UnlabelledFigure` is raised (the kit builds every
    template, so a renamed key fails there, not silently in the printed form). ``totals`` names
    the figure codes that total other rows (left out of the chart)."""
    labels = labels or {}
    if labels:
        check_labels_cover(((figure.code, figure.label) for figure in figures), labels)
    rows = []
    for figure in figures:
        label = labels.get(figure.code, figure.label)
        rows.append(Row(label=label, figures=(figure.relabel(label),), total=figure.code in totals))
    return Table(headers=headers, rows=tuple(rows), title=title, with_units=True, chart=chart)


def grid_table(
    first_header: str,
    rows: Sequence[tuple[str, Sequence[Figure]]],
    *,
    title: str | None = None,
    headers: Sequence[str] | None = None,
    chart: bool = False,
) -> Table:
    """Rows of several figures (one row per station, say). Value headers default to the labels of
    the first row's figures."""
    if headers is None:
        headers = [f.label for f in rows[0][1]] if rows else []
    return Table(
        headers=(first_header, *headers),
        rows=tuple(Row(label=label, figures=tuple(figures)) for label, figures in rows),
        title=title,
        chart=chart,
    )
