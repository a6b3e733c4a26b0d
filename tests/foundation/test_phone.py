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


@pytest.mark.parametrize("cell", ["2024.13.45", "8123.4567", "2024-03-05", "2024年3月5日"])
def test_a_date_typed_in_the_phone_column_is_no_local_number(cell: str) -> None:
    # a date typed into the phone column, not a landline without its area code
    result = phone.split_phones(cell)
    assert (result.numbers, [f.code for f in result.findings]) == ((), ["phone.invalid"])


def test_masking_keeps_the_first_three_and_last_four_digits() -> None:
    assert phone.mask("13812345678") == "138****5678"
    assert phone.mask("0763-1234567") == "076****4567"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_survives_normalisation(number: str) -> None:
    assert phone.split_phones(number).numbers == (number,)
    masked = phone.mask(number)
    assert masked[:3] == number[:3] and masked[-4:] == number[-4:] and "*" * 4 in masked


@given(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["", " ", "\n", "\u3000", "+86", "86"]),
)
def test_a_plain_mobile_reads_as_it_does_with_spaces_or_a_country_code(
    number: str, before: str
) -> None:
    """11 plain digits take a shortcut; written any other accepted way they go the long way:
    both give the same number."""
    assert phone.normalise(number) == phone.normalise(f"{before}{number} ") == number
    assert phone.split_phones(number) == phone.split_phones(f"{before}{number}、")
    assert phone.normalise(number + "\n") == number  # a line break typed after it
    assert phone.normalise("１" + number[1:]) == number  # a full-width first digit


@given(st.text(alphabet="0123456789１２-+ \n", max_size=14))
def test_any_digit_text_normalises_the_same_with_surrounding_spaces(text: str) -> None:
    assert phone.normalise(text) == phone.normalise(f" {text} ")
