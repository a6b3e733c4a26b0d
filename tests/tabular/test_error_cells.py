"""The sheet pre-scan looks for an error cell only in a piece holding a ``#``
(``tabular.error_cells``): however the sheet's XML is cut into pieces (always before a ``<``), an
error cell with a value is seen, and a sheet with no error cell is not read again for one."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.tabular.error_cells import ErrorCells

ERROR = '<c r="B2" t="e"><v>#N/A</v></c>'
TEXT = '<c r="A2" t="inlineStr"><is><t>{}</t></is></c>'
NUMBER = '<c r="C2"><v>3</v></c>'
EMPTY_ERROR = '<c r="D2" t="e"/>'


def seen(pieces: list[str]) -> bool:
    errors = ErrorCells()
    for piece in pieces:
        errors.add(piece.encode())
    return errors.seen


def cut(xml: str, at: list[int]) -> list[str]:
    """``xml`` in pieces ending just before a ``<``, as the pre-scan reads a sheet."""
    starts = [m.start() for m in re.finditer("<", xml)][1:]
    chosen = sorted({starts[i % len(starts)] for i in at}) if starts else []
    bounds = [0, *chosen, len(xml)]
    return [xml[a:b] for a, b in pairwise(bounds)]


def test_an_error_value_is_seen_in_its_piece() -> None:
    assert seen([f"<row>{NUMBER}{ERROR}</row>"])


def test_an_error_cell_whose_value_begins_the_next_piece_is_seen() -> None:
    assert seen(['<row><c r="B2" t="e">', "<v>#DIV/0!</v></c></row>"])


def test_an_error_value_written_as_a_character_reference_is_seen() -> None:
    assert seen(['<row><c r="B2" t="e"><v>&#35;N/A</v></c></row>'])


def test_text_cells_and_a_hash_in_text_are_no_error() -> None:
    assert not seen([f"<row>{TEXT.format('3#楼')}{NUMBER}</row>", f"<row>{TEXT.format('x')}</row>"])


def test_an_error_cell_without_a_value_shows_nothing_to_report() -> None:
    assert not seen([f"<row>{EMPTY_ERROR}{NUMBER}</row>"])


@given(
    cells=st.lists(
        st.sampled_from([ERROR, NUMBER, EMPTY_ERROR, TEXT.format("3#楼"), TEXT.format("正常")]),
        max_size=8,
    ),
    at=st.lists(st.integers(min_value=0, max_value=200), max_size=6),
)
def test_however_the_sheet_is_cut_an_error_value_is_seen_and_a_sheet_without_error_cells_is_not(
    cells: list[str], at: list[int]
) -> None:
    xml = f"<sheetData><row>{''.join(cells)}</row></sheetData>"
    found = seen(cut(xml, at))
    if ERROR in cells:
        assert found
    if ERROR not in cells and EMPTY_ERROR not in cells:
        assert not found
    # (an empty error cell beside a # elsewhere may be looked at again: it shows nothing)
