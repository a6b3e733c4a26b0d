"""Phone cells: several numbers, mobile and landline, split, normalised and masked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.identity import phone


def test_a_cell_with_a_mobile_and_a_landline_is_split_and_normalised() -> None:
    result = phone.split_phones("13812345678/0763-1234567")
    assert result.numbers == ("13812345678", "0763-1234567")
    assert result.findings == ()


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        ("138 1234 5678", ("13812345678",)),
        ("+86 138-1234-5678", ("13812345678",)),
        ("13812345678 13987654321", ("13812345678", "13987654321")),
        (
            "0763 1234567、020-12345678；010 87654321",
            ("0763-1234567", "020-12345678", "010-87654321"),
        ),
        ("0763-1234567转123", ("0763-1234567-123",)),
        ("（0763）1234567", ("0763-1234567",)),
        ("5123456", ("5123456",)),
        (13812345678, ("13812345678",)),
    ],
)
def test_accepted_forms(cell: object, numbers: tuple[str, ...]) -> None:
    assert phone.split_phones(cell).numbers == numbers


def test_a_piece_that_is_no_number_is_an_error_naming_it_and_the_rest_is_kept() -> None:
    result = phone.split_phones("13812345678、12345")
    assert result.numbers == ("13812345678",)
    assert [(f.code, f.params["value"]) for f in result.findings] == [("phone.invalid", "12345")]


def test_masking_keeps_the_first_three_and_last_four_digits() -> None:
    assert phone.mask("13812345678") == "138****5678"
    assert phone.mask("0763-1234567") == "076****4567"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_survives_normalisation(number: str) -> None:
    assert phone.split_phones(number).numbers == (number,)
    masked = phone.mask(number)
    assert masked[:3] == number[:3] and masked[-4:] == number[-4:] and "*" * 4 in masked
