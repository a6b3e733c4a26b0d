"""Every message that names a person or quotes an ID or phone number is printed masked: the
fields holding them are declared beside the templates (``PERSON_FIELDS``, ``NUMBER_FIELDS``),
and ``people_names`` given the findings masks them, on the ledger or not. These tests walk every
template, so a new message naming a person cannot be left undeclared."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import date

import pytest

from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity
from socialwork_core.glossary.messages import MESSAGES, NUMBER_FIELDS, PERSON_FIELDS
from socialwork_core.identity import resident_id
from socialwork_core.reports import mask_name, mask_text, people_names
from socialwork_core.reports.masking import PeopleNames

NAME_FIELDS = frozenset({"name", "names", "likely", "first", "second", "by", "people"})
"""Field names that may hold a person's name."""
PERSON_WORDS = ("姓名", "服务对象", "参与对象", "监护人", "本人", "叫")
"""Words just before a field that say it holds a person (姓名“{value}”)."""
KEY_WORD = "档案号"
"""Just before a field, says it holds a register key (a person on the ledger: their names are
shortened wherever they stand)."""
NUMBER_FIELD_NAMES = frozenset({"resident_id", "phone", "upgraded"})
NUMBER_WORDS = ("身份证号", "残疾人证号", "电话")

NAMES_NO_PERSON: Mapping[str, str] = {
    "tabular.duplicate_column": "a column",
    "tabular.columns_joined": "a column",
    "tabular.label_likely_slip": "a label the cell may have meant",
    "ledger.category_slip_read": "the category word the cell was read as",
    "ledger.sheet_missing": "sheet names",
    "ledger.sheet_continued": "a sheet",
    "ledger.visits_outside_window": "a date",
    "rules.override": "the worker who changed a level: staff, not a person served",
    "settings.unknown_station": "stations",
    "reports.note.rows_from_records": "a table's rows",
    "reports.entry.contact": "people already shortened by reports.person_label",
    "reports.entry.case_opened": "people already shortened by reports.person_label",
    "reports.entry.case_closed": "people already shortened by reports.person_label",
    "reports.entry.case_followup": "people already shortened by reports.person_label",
    "reports.entry.resource": "people already shortened by reports.person_label",
    "reports.entry.station_visit": "people already shortened by reports.person_label",
    "reports.entry.alert": "people already shortened by reports.person_label",
    "reports.entry.people_more": "names already shortened by reports.person_label",
    "rollup.station_not_listed": "a station",
    "rollup.cross_station_duplicate": "stations",
    "cli.unknown_adapter": "an adapter",
    "cli.adapter_without_formats": "an adapter",
    "cli.unknown_layout": "a ledger format",
    "cli.unknown_template": "a report template",
    "cli.alert_village_unknown": "a village",
    "cli.alert_station_unknown": "a station",
    "cli.date_out_of_range": "a date",
    "cli.period_out_of_range": "a date",
    "cli.usage_required": "options",
    "cli.category_mapped": "a count",
    "scaffold.bad_name": "an adapter",
    "plugins.duplicate_name": "a plugin",
}
"""Codes with a name-like field that names no person, and what it names."""
NUMBERS_NONE: Mapping[str, str] = {
    "testing.contact_note": "a synthetic visit note: reports mask it as free text",
    "recipient.sex_disagrees_with_id": "the sex an ID number says",
    "recipient.birth_date_disagrees_with_id": "the birth date an ID number says",
    "recipient.birth_date_from_id": "the birth date an ID number says",
}

PERSON = "钱小蕙"  # synthetic, on no ledger
ID = resident_id.compose("440111", date(1950, 1, 2), 11)
WRITTEN_NUMBERS = (
    ID[:6] + "I" + ID[7:],  # a letter typed for a digit
    ID[:2] + "O" + ID[3:],
    ID[:-1],  # a digit left out
    "1380000567",  # a mobile short of a digit
    "1.10105194912310E+17",  # an ID Excel stored as a number
)


def fields(template: str) -> list[tuple[str, str]]:
    """Each field of ``template`` with the few characters written just before it."""
    found: list[tuple[str, str]] = []
    written = ""
    for literal, field, _, _ in string.Formatter().parse(template):
        written += literal
        if field is not None:
            found.append((field, written[-8:]))
            written += "{" + field + "}"
    return found


def holds(template: str, names: frozenset[str], words: tuple[str, ...]) -> set[str]:
    return {
        f
        for f, before in fields(template)
        if f in names or (any(w in before for w in words) and not before.endswith(KEY_WORD))
    }


def finding(code: str, **given: str) -> Finding:
    params = {field: "1" for field, _ in fields(MESSAGES[code])}
    return Finding.of(code, Severity.WARNING, **{**params, **given})


class NoOne:
    recipients = ()


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_field_that_may_name_a_person_is_declared(code: str) -> None:
    """A field called like a name, or written after 姓名/服务对象/参与对象 …, is declared as
    holding a person, or the code is listed with what it names instead."""
    named = holds(MESSAGES[code], NAME_FIELDS, PERSON_WORDS) - NUMBER_FIELDS.get(code, set())
    if not named or code in NAMES_NO_PERSON:
        return
    assert named <= PERSON_FIELDS.get(code, set()), (
        f"{code}: declare {sorted(named)} in PERSON_FIELDS, or list the code here"
    )


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_field_that_may_quote_an_id_or_phone_is_declared(code: str) -> None:
    quoted = holds(MESSAGES[code], NUMBER_FIELD_NAMES, NUMBER_WORDS)
    if code.startswith(("resident_id.", "phone.", "disability.certificate")):
        quoted |= {"value"} & {f for f, _ in fields(MESSAGES[code])}
    if not quoted or code in NUMBERS_NONE:
        return
    assert quoted <= NUMBER_FIELDS.get(code, set()), (
        f"{code}: declare {sorted(quoted)} in NUMBER_FIELDS, or list the code here"
    )


@pytest.mark.parametrize(
    ("code", "field"), sorted((c, f) for c, fs in PERSON_FIELDS.items() for f in fs)
)
@pytest.mark.parametrize("written", [PERSON, f"{PERSON}（已故）", f" {PERSON} "])
def test_a_person_a_message_names_is_shortened_on_the_ledger_or_not(
    code: str, field: str, written: str
) -> None:
    said = finding(code, **{field: written})
    printed = mask_text(said.message, people_names(NoOne(), [said]))
    assert PERSON not in printed
    assert mask_name(PERSON) in printed
    assert ("已故" in printed) == ("已故" in written)  # the remark is no part of the name


@pytest.mark.parametrize("code", sorted(PERSON_FIELDS))
def test_a_key_a_person_field_holds_is_no_name(code: str) -> None:
    """Where a name field holds a 档案号 or an ID (a key not found), it is masked as a number, if
    at all, never shortened as a name."""
    (field, *_) = sorted(PERSON_FIELDS[code])
    said = finding(code, **{field: "A1023"})
    assert "A1023" in mask_text(said.message, people_names(NoOne(), [said]))
    said = finding(code, **{field: ID})
    assert ID not in mask_text(said.message, people_names(NoOne(), [said]))


@pytest.mark.parametrize(
    ("code", "field"), sorted((c, f) for c, fs in NUMBER_FIELDS.items() for f in fs)
)
@pytest.mark.parametrize("written", WRITTEN_NUMBERS)
def test_an_id_or_phone_a_message_quotes_is_masked_however_it_is_mistyped(
    code: str, field: str, written: str
) -> None:
    said = finding(code, **{field: written})
    printed = mask_text(said.message, people_names(NoOne(), [said]))
    assert written not in printed
    middle = re.sub(r"\D", "", written)[6:-4] if len(written) >= 15 else written[3:-4]
    assert middle not in printed


def test_a_number_is_masked_whole_by_its_length() -> None:
    names = PeopleNames.of((), ["110105I94912310021", "1380000567"])
    assert names.mask("“110105I94912310021”“1380000567”") == "“110105********0021”“138***0567”"


def test_a_phone_cell_holding_no_number_or_a_date_is_quoted_as_written() -> None:
    for written in ("不详", "2024-03-05", "2024.3.5"):
        said = finding("phone.invalid", value=written)
        assert written in mask_text(said.message, people_names(NoOne(), [said]))


CELL_CODES = sorted(c for c in MESSAGES if "value" in {f for f, _ in fields(MESSAGES[c])})
"""Codes whose message quotes a cell as written: a name may have been typed in it."""


@pytest.mark.parametrize("code", CELL_CODES)
@pytest.mark.parametrize("written", [PERSON, f"{PERSON}（已故）", "欧阳娜娜", "张三"])
def test_a_name_typed_in_any_cell_a_message_quotes_is_shortened(code: str, written: str) -> None:
    name = written.split("（")[0]
    said = finding(code, value=written)
    printed = mask_text(said.message, people_names(NoOne(), [said]))
    assert name not in printed
    assert mask_name(name) in printed


@pytest.mark.parametrize("code", ["tabular.date_invalid", "tabular.label_unrecognised"])
@pytest.mark.parametrize(
    "written", ["同上", "不详", "明天", "低宝户", "特因", "2024年", "见备注说明文字"]
)
def test_a_cell_holding_no_name_is_quoted_as_written(code: str, written: str) -> None:
    said = finding(code, value=written)
    assert f"“{written}”" in mask_text(said.message, people_names(NoOne(), [said]))


def test_a_finding_on_no_declared_field_adds_nothing() -> None:
    said = finding("cli.unknown_adapter", name="guangdng", known="guangdong")
    assert people_names(NoOne(), [said]) == PeopleNames.of(())
