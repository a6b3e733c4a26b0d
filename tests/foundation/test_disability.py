"""Disability (GB/T 26341-2010): labels and the 20-digit 残疾人证 number."""

from __future__ import annotations

import pytest

from socialwork_core.findings import FindingError
from socialwork_core.glossary import DisabilityGrade, DisabilityKind
from socialwork_core.recipients import Disability, check_certificate, parse_certificate, parse_label

HOLDER = "11010519491231002X"


@pytest.mark.parametrize(
    ("label", "kind", "grade"),
    [
        ("精神三级", DisabilityKind.MENTAL, DisabilityGrade.GRADE_3),
        ("肢体二级", DisabilityKind.PHYSICAL, DisabilityGrade.GRADE_2),
        ("三级精神", DisabilityKind.MENTAL, DisabilityGrade.GRADE_3),
        ("肢体残疾二级", DisabilityKind.PHYSICAL, DisabilityGrade.GRADE_2),
        ("视力 1级", DisabilityKind.VISUAL, DisabilityGrade.GRADE_1),
        ("智力极重度", DisabilityKind.INTELLECTUAL, DisabilityGrade.GRADE_1),
        ("多重残疾四级", DisabilityKind.MULTIPLE, DisabilityGrade.GRADE_4),
    ],
)
def test_ledger_labels_are_parsed(label: str, kind: DisabilityKind, grade: DisabilityGrade) -> None:
    assert parse_label(label) == Disability(kind=kind, grade=grade)


@pytest.mark.parametrize("label", ["肢体", "三级", "残疾"])
def test_a_label_without_kind_or_grade_is_rejected(label: str) -> None:
    with pytest.raises(FindingError) as raised:
        parse_label(label)
    assert raised.value.codes == ("disability.label_unrecognised",)


def test_the_certificate_number_is_the_id_plus_kind_and_grade_digits() -> None:
    parsed = parse_certificate(HOLDER + "63")
    assert (parsed.resident_id, parsed.kind, parsed.grade) == (
        HOLDER,
        DisabilityKind.MENTAL,
        DisabilityGrade.GRADE_3,
    )


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (HOLDER + "6", "disability.certificate_wrong_length"),
        (HOLDER + "83", "disability.certificate_bad_kind"),
        (HOLDER + "65", "disability.certificate_bad_grade"),
    ],
)
def test_bad_certificate_numbers_have_their_codes(number: str, code: str) -> None:
    with pytest.raises(FindingError) as raised:
        parse_certificate(number)
    assert raised.value.codes == (code,)


def test_a_certificate_is_checked_against_the_holder_and_the_declared_kind_and_grade() -> None:
    declared = Disability(kind=DisabilityKind.PHYSICAL, grade=DisabilityGrade.GRADE_2)
    findings = check_certificate(HOLDER + "63", holder_id=HOLDER, declared=declared)
    assert [f.code for f in findings] == ["disability.certificate_disagrees"]
    other = "110105194912310037"
    findings = check_certificate(HOLDER + "42", holder_id=other, declared=declared)
    assert [f.code for f in findings] == ["disability.certificate_other_person"]
