"""Reading what ``socialwork_detect_format`` looks at, and comparing it with a format's headers.

:func:`workbook_headers` gives, per sheet, the texts of the first rows (where a header row is
looked for); :func:`count_headers` counts how many wanted header texts occur there, ignoring spaces
and full-width/half-width differences.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..tabular import ReadLimits

# The tabular reader (and openpyxl behind it) is imported when first needed, so that importing the
# plugin contract, and with it ``socialwork_core.hookimpl``, stays light.

__all__ = ["count_headers", "names_people", "workbook_headers"]


def workbook_headers(
    path: str | Path, *, limits: ReadLimits | None = None, below: bool = False
) -> dict[str, tuple[str, ...]]:
    """Sheet name → the non-empty cell texts of its first ``limits.header_search_rows`` rows, in
    reading order: the ``headers`` argument of ``socialwork_detect_format``.

    ``below``: with the texts of every header row lower on the sheet too, a table's header under
    another (``tabular.reader.lower_header_rows``: a visit log of a year over the register); read
    only when the first rows name no format, as every row of the sheet is looked at.

    Opens the file with the tabular reader's safeguards; raises ``WorkbookError`` like it.
    """
    from ..tabular import ReadLimits, open_workbook
    from ..tabular.cells import raw_text
    from ..tabular.reader import lower_header_rows
    from ..tabular.rows import is_blank

    limits = limits or ReadLimits()
    found: dict[str, tuple[str, ...]] = {}
    with open_workbook(path, limits=limits) as workbook:
        for name in workbook.sheet_names:
            rows = workbook.sheet(name).rows
            top = list(itertools.islice(rows, limits.header_search_rows))
            if below:
                top += lower_header_rows(rows)
            found[name] = tuple(
                raw_text(cell) for _, cells in top for cell in cells if not is_blank(cell)
            )
    return found


def count_headers(headers: Mapping[str, Sequence[str]], wanted: Iterable[str]) -> int:
    """How many of the ``wanted`` header texts occur anywhere in ``headers`` (sheet name → texts
    of its first rows, as the hook receives them). Each wanted text counts once."""
    from ..tabular.cells import normalise_label

    found = {normalise_label(text) for texts in headers.values() for text in texts}
    return sum(1 for text in {normalise_label(w) for w in wanted} if text in found)


def names_people(headers: Mapping[str, Sequence[str]], words: Iterable[str]) -> bool:
    """Whether any header text of ``headers`` (as the hook receives them) contains one of
    ``words`` once spaces, marks and widths are ignored (“＊姓 名” contains “姓名”), or, on a sheet
    whose first rows hold field codes (``glossary.vocabulary.FIELD_CODES_AT_LEAST`` at least),
    a code is one of ``words`` by its pinyin initials (XM for 姓名: ``tabular.headers``)."""
    from ..glossary import vocabulary
    from ..tabular.headers import initials_score, normalise_header, pinyin_initials

    wanted = [normalise_header(w) for w in words]
    if any(
        w in normalise_header(text) for texts in headers.values() for text in texts for w in wanted
    ):
        return True
    initials = [i for w in wanted for i in pinyin_initials(w)]
    for texts in headers.values():
        codes = [t.strip().lower() for t in texts if vocabulary.FIELD_CODE.fullmatch(t.strip())]
        if len(codes) >= vocabulary.FIELD_CODES_AT_LEAST and any(
            initials_score(code, i) == 100.0 for code in codes for i in initials
        ):
            return True
    return False
