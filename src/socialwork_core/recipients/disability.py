"""Disability (残疾, GB/T 26341-2010): kind and grade, the 20-digit 残疾人证 number, and labels.

Finding codes: ``disability.certificate_wrong_length``, ``disability.certificate_bad_kind``,
``disability.certificate_bad_grade``, ``disability.certificate_other_person``,
``disability.certificate_disagrees``, ``disability.label_unrecognised`` (all errors except
``certificate_disagrees``, a warning: the declared kind and grade are kept).
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from ..findings import Finding, FindingError
from ..glossary.terms import (
    DISABILITY_SEVERITY_LABELS,
    DisabilityGrade,
    DisabilityKind,
    Severity,
)
from ..glossary.value_words import DISABILITY_FILLER_WORDS
from ..identity import resident_id

__all__ = ["Certificate", "Disability", "check_certificate", "parse_certificate", "parse_label"]


def _certificate_shape(
    _instance: object, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not re.fullmatch(r"\d{17}[\dX]\d\d", value):
        raise ValueError(
            f"a disability certificate number has 20 characters (ID + kind + grade), got {value!r}"
        )


@attrs.frozen
class Disability:
    """残疾: a kind (类别) and a grade (等级), optionally with the certificate number (残疾人证号)."""

    kind: DisabilityKind = attrs.field(converter=DisabilityKind)
    grade: DisabilityGrade = attrs.field(converter=DisabilityGrade)
    certificate: str | None = attrs.field(default=None, validator=_certificate_shape)
    """The 20-character 残疾人证 number, if recorded."""

    @property
    def is_severe(self) -> bool:
        """重度残疾: grade 1–2 (the 重度残疾人护理补贴 line and the default grading rule)."""
        return self.grade.number <= 2

    @property
    def label(self) -> str:
        """The form ledgers use, e.g. ``精神三级``."""
        return f"{self.kind.label}{self.grade.label}"


@attrs.frozen
class Certificate:
    """A parsed 残疾人证 number: the holder's resident ID, the kind and the grade."""

    number: str
    resident_id: str
    kind: DisabilityKind
    grade: DisabilityGrade


def parse_certificate(value: str) -> Certificate:
    """Parse a 20-character 残疾人证 number; raise :class:`FindingError` naming what is wrong."""
    number = resident_id.compact(value)
    if len(number) != 20:
        raise FindingError(
            [Finding.of("disability.certificate_wrong_length", Severity.ERROR, value=value)]
        )
    holder = resident_id.validate(number[:18])
    kind_digit, grade_digit = number[18], number[19]
    if kind_digit not in "1234567":
        raise FindingError(
            [
                Finding.of(
                    "disability.certificate_bad_kind", Severity.ERROR, value=value, digit=kind_digit
                )
            ]
        )
    if grade_digit not in "1234":
        raise FindingError(
            [
                Finding.of(
                    "disability.certificate_bad_grade",
                    Severity.ERROR,
                    value=value,
                    digit=grade_digit,
                )
            ]
        )
    return Certificate(
        number=holder + kind_digit + grade_digit,
        resident_id=holder,
        kind=DisabilityKind.from_digit(int(kind_digit)),
        grade=DisabilityGrade.from_number(int(grade_digit)),
    )


def check_certificate(
    certificate: str, *, holder_id: str | None, declared: Disability | None
) -> tuple[Finding, ...]:
    """Compare a certificate with the holder's ID and the declared kind and grade."""
    try:
        parsed = parse_certificate(certificate)
    except FindingError as exc:
        return exc.findings
    findings: list[Finding] = []
    if holder_id is not None and parsed.resident_id != holder_id:
        findings.append(
            Finding.of(
                "disability.certificate_other_person",
                Severity.ERROR,
                value=certificate,
                resident_id=holder_id,
            )
        )
    if declared is not None and (declared.kind, declared.grade) != (parsed.kind, parsed.grade):
        findings.append(
            Finding.of(
                "disability.certificate_disagrees",
                Severity.WARNING,
                value=certificate,
                certificate=Disability(kind=parsed.kind, grade=parsed.grade).label,
                declared=declared.label,
            )
        )
    return tuple(findings)


_GRADE_WORDS: dict[str, DisabilityGrade] = {}
for _grade in DisabilityGrade:
    _GRADE_WORDS[_grade.label] = _grade
    _GRADE_WORDS[_grade.label.replace(_grade.label[0], str(_grade.number))] = _grade
    _GRADE_WORDS[DISABILITY_SEVERITY_LABELS[_grade]] = _grade
_GRADE_WORDS_LONGEST_FIRST = sorted(_GRADE_WORDS.items(), key=lambda item: -len(item[0]))
_KIND_WORDS = {kind.label: kind for kind in DisabilityKind}


def parse_label(text: str) -> Disability:
    """Parse ledger text such as ``精神三级``, ``三级精神``, ``肢体残疾二级``, ``视力 1级``.

    Raises :class:`FindingError` (``disability.label_unrecognised``) when kind or grade is missing.
    """
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for word in DISABILITY_FILLER_WORDS:
        cleaned = cleaned.replace(word, "")
    kind = next((k for word, k in _KIND_WORDS.items() if word in cleaned), None)
    rest = cleaned
    if kind is not None:
        rest = cleaned.replace(kind.label, "", 1)
    grade = _GRADE_WORDS.get(rest) or next(
        (g for word, g in _GRADE_WORDS_LONGEST_FIRST if word in rest), None
    )
    if kind is None or grade is None:
        raise FindingError(
            [Finding.of("disability.label_unrecognised", Severity.ERROR, value=text)]
        )
    return Disability(kind=kind, grade=grade)
