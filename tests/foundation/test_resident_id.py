"""Resident ID numbers (GB 11643-1999): the rules the foundation issue pins."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.findings import FindingError
from socialwork_core.glossary import Severity, Sex
from socialwork_core.identity import resident_id

VALID = "11010519491231002X"


def codes(value: object) -> list[str]:
    return [f.code for f in resident_id.check(value).findings]


def test_the_reference_number_is_valid_female_born_1949_12_31() -> None:
    assert resident_id.validate(VALID) == VALID
    assert resident_id.sex(VALID) is Sex.FEMALE
    assert resident_id.birth_date(VALID) == date(1949, 12, 31)


def test_changing_the_last_character_is_a_wrong_check_character() -> None:
    with pytest.raises(FindingError) as raised:
        resident_id.validate(VALID[:-1] + "1")
    assert raised.value.codes == ("resident_id.wrong_check_character",)
    assert "X" in raised.value.findings[0].message


@pytest.mark.parametrize("value", [1.10105194912310e17, 110105194912310000, "1.10105E+17"])
def test_a_number_excel_stored_as_a_number_is_rejected_with_the_excel_code(value: object) -> None:
    result = resident_id.check(value)
    assert result.number is None
    assert [f.code for f in result.findings] == ["resident_id.stored_as_number"]
    assert "文本" in result.findings[0].message


def test_eighteen_digits_ending_in_000_that_fail_the_check_are_the_excel_code() -> None:
    assert codes("110105194912310000") == ["resident_id.stored_as_number"]


def test_a_15_digit_number_is_upgraded_with_a_warning() -> None:
    result = resident_id.check("110105491231002")
    assert result.number == VALID
    assert [(f.code, f.severity) for f in result.findings] == [
        ("resident_id.upgraded_from_15", Severity.WARNING)
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 11010519491231002x ", VALID),
        ("１１０１０５１９４９１２３１００２Ｘ", VALID),
        ("110105 19491231 002X", VALID),
        ("'11010519491231002X", VALID),  # Excel's text mark, left in by an export
        ("＇11010519491231002X", VALID),
        ("`11010519491231002X", VALID),
        ("11010519491231002×", VALID),  # the input method's × for X
    ],
)
def test_lowercase_x_spaces_and_full_width_digits_are_normalised(raw: str, expected: str) -> None:
    assert resident_id.validate(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "resident_id.empty"),
        (None, "resident_id.empty"),
        ("11010519491231002", "resident_id.wrong_length"),
        ("1101051949123100211", "resident_id.wrong_length"),
        ("11010519491231O02X", "resident_id.bad_characters"),
        ("1101051949X231002X", "resident_id.bad_characters"),
        ("1101051949×231002X", "resident_id.bad_characters"),  # × is X in the last place only
        ("110105194912'31002X", "resident_id.bad_characters"),  # a mark inside is no text mark
        ("110105194902300028", "resident_id.impossible_birth_date"),
    ],
)
def test_each_kind_of_bad_number_has_its_own_code(raw: object, code: str) -> None:
    assert codes(raw) == [code]


def test_an_unknown_area_code_is_a_warning_by_default_and_an_error_when_strict() -> None:
    number = resident_id.compose("990105", date(1980, 1, 1), 11)
    lenient = resident_id.check(number)
    assert lenient.number == number
    assert [(f.code, f.severity) for f in lenient.findings] == [
        ("resident_id.unknown_area_code", Severity.WARNING)
    ]
    strict = resident_id.check(number, strict_area=True)
    assert strict.number is None
    assert strict.findings[0].severity is Severity.ERROR


def test_masking_keeps_the_first_six_and_last_four() -> None:
    assert resident_id.mask(VALID) == "110105********002X"


def test_age_is_counted_in_completed_years_at_the_as_of_date() -> None:
    assert resident_id.age(VALID, date(2029, 12, 30)) == 79
    assert resident_id.age(VALID, date(2029, 12, 31)) == 80


def test_compose_builds_the_reference_number() -> None:
    assert resident_id.compose("110105", date(1949, 12, 31), 2) == VALID


valid_ids = st.builds(
    resident_id.compose,
    st.sampled_from(["110105", "441823", "410221", "341721", "445302"]),
    st.dates(min_value=date(1920, 1, 1), max_value=date(2024, 12, 31)),
    st.integers(min_value=0, max_value=999),
)


@given(valid_ids)
def test_generated_numbers_are_valid(number: str) -> None:
    assert resident_id.validate(number) == number
    assert resident_id.is_valid(number)


@given(valid_ids, st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=10))
def test_every_single_character_mutation_is_caught(number: str, position: int, shift: int) -> None:
    # ISO 7064 MOD 11-2 detects every single substitution; "X" stands for 10 in the last place.
    alphabet = "0123456789X" if position == 17 else "0123456789"
    current = alphabet.index(number[position])
    replacement = alphabet[(current + shift) % len(alphabet)]
    if replacement == number[position]:
        replacement = alphabet[(current + 1) % len(alphabet)]
    mutated = number[:position] + replacement + number[position + 1 :]
    result = resident_id.check(mutated)
    assert result.number is None
    assert result.findings[0].is_error


def test_an_area_code_created_after_the_birth_year_is_not_flagged() -> None:
    # 441823 (Yangshan) entered GB/T 2260 in 1988; a card issued later carries it for older people.
    assert codes(resident_id.compose("441823", date(1940, 1, 1), 5)) == []
