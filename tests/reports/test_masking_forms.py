"""Every form of an ID or phone number that a worker types into free text is masked by the one
function all outputs use (issue #16); docs/data-protection.md lists these forms and names the
test for each."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork_core.reports import PeopleNames, mask_name, mask_text, people_names

ID = "110105194912310021"  # made-up, shaped like an ID (its check character is wrong)
MOBILE = "13800005678"


@pytest.mark.parametrize(
    ("written", "masked"),
    [
        pytest.param(f"身份证{ID}", "身份证110105********0021", id="plain-id"),
        pytest.param(f"ID{ID}号", "ID110105********0021号", id="id-glued-to-letters"),
        pytest.param("4101 0219 9001 0112 34", "410102********1234", id="id-spaced"),
        pytest.param("11010519491231002X", "110105********002X", id="id-check-x"),
        pytest.param("11010519491231002x", "110105********002X", id="id-check-lowercase-x"),
        pytest.param("身份证11010519491231002", "身份证110105*******1002", id="id-17-digits"),
        pytest.param("1101051949123100211", "110105*********0211", id="id-19-digits"),
        pytest.param("110105491231002", "110105*****1002", id="id-15-digits"),
        pytest.param(
            "残疾证11010519491231002171", "残疾证110105**********2171", id="disability-card"
        ),
        pytest.param(f"电话{MOBILE}", "电话138****5678", id="plain-mobile"),
        pytest.param("Tel13800005678号", "Tel138****5678号", id="mobile-glued-to-letters"),
        pytest.param("138 0000 5678", "138****5678", id="mobile-spaced"),
        pytest.param("138.0000.5678", "138****5678", id="mobile-dotted"),
        pytest.param("138-0000-5678", "138****5678", id="mobile-dashed"),
        pytest.param("(138)0000-5678", "(138****5678", id="mobile-bracketed"),
        pytest.param("１３８００００５６７８", "138****5678", id="mobile-full-width"),
        pytest.param("+86 138 0000 5678", "+138****5678", id="mobile-country-code"),
        pytest.param("138000056781", "138*****6781", id="mobile-12-digits"),
        pytest.param(
            "1380000567813900001111", "138000************1111", id="two-mobiles-run-together"
        ),
        pytest.param("13800005678 13900001111", "138000************1111", id="two-mobiles-spaced"),
        pytest.param(
            "13800005678，13900001111", "138****5678，139****1111", id="two-mobiles-listed"
        ),
        pytest.param("0763-1234567", "076****4567", id="landline"),
        pytest.param("(0763)1234567", "(076****4567", id="landline-bracketed"),
        pytest.param("020 8765 4321", "020****4321", id="landline-spaced"),
    ],
)
def test_an_id_or_phone_number_is_masked_however_it_is_written(written: str, masked: str) -> None:
    assert mask_text(written) == masked


@pytest.mark.parametrize(
    "text",
    [
        "档案号2022031800",
        "活动时间2023.03.01-2023.03.31",
        "20230301-20230331",
        "2023-03-01 至 2023-03-31",
        "2023.03-2023.05",
        "村代码440103001001",
        "发放慰问金1,500,000元",
        "第3节，12人参加",
    ],
)
def test_dates_amounts_and_codes_are_left_alone(text: str) -> None:
    assert mask_text(text) == text


def test_the_names_of_the_ledger_s_people_are_shortened_in_free_text() -> None:
    names = PeopleNames.of(["张有才", "欧阳娜娜", "李四", "王"])
    text = "张有才的女儿欧阳娜娜来电，李四陪同；王老师在场"
    assert mask_text(text, names) == "张**的女儿欧***来电，李*陪同；王老师在场"


def test_people_names_come_from_the_register_and_the_guardians() -> None:
    class Person:
        def __init__(self, name: str, guardian: str | None) -> None:
            self.name, self.guardian = name, guardian

    class Register:
        recipients = (Person("赵大山", "赵小河"), Person("钱多", None))

    names = people_names(Register())  # type: ignore[arg-type]
    assert names.names == {"赵大山", "赵小河", "钱多"}


@given(st.text(alphabet="0123456789 -.()", min_size=11, max_size=40))
def test_no_eleven_digit_mobile_survives_in_any_spacing(noise: str) -> None:
    text = f"联系{MOBILE[:3]} {MOBILE[3:7]}.{MOBILE[7:]}{noise}"
    assert "0000" not in mask_text(text)[:12]


@given(st.text())
def test_masking_never_fails_and_is_idempotent(text: str) -> None:
    once = mask_text(text)
    assert mask_text(once) == once


def test_mask_name_keeps_the_family_name() -> None:
    assert (mask_name("张有才"), mask_name("王"), mask_name(" 李四 ")) == ("张**", "王", "李*")
