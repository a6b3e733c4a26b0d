"""Helpers for ``socialwork_detect_format`` implementations: compare a workbook's header texts with
the headers a format knows, ignoring spaces and full-width/half-width differences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..tabular.cells import normalise_label

__all__ = ["count_headers"]


def count_headers(headers: Mapping[str, Sequence[str]], wanted: Iterable[str]) -> int:
    """How many of the ``wanted`` header texts occur anywhere in ``headers`` (sheet name → texts
    of its first rows, as the hook receives them). Each wanted text counts once."""
    found = {normalise_label(text) for texts in headers.values() for text in texts}
    return sum(1 for text in {normalise_label(w) for w in wanted} if text in found)
