"""A converter of the caller's own (``load_ledger(converter=...)``): its hooks are applied to every
record, even where the general way hands the library's own hooks' fields to the class directly
(``ledger.same_hooks``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import cattrs
from workbooks import workbook

from socialwork_core.glossary import ContactMode
from socialwork_core.identity import resident_id
from socialwork_core.ledger import LedgerFormat, load_ledger
from socialwork_core.serialize import configure_converter, make_converter

PHONE = ContactMode.PHONE.label
HOME = ContactMode.HOME_VISIT.label


def ledger(tmp_path: Path) -> Path:
    people = [
        ["档案号", "姓名", "身份证号", "出生日期", "建档日期"],
        [
            "A1",
            "王秀英",
            resident_id.compose("110101", date(1950, 1, 2), 11),
            date(1950, 1, 2),
            None,
        ],
        ["A2", "李明", None, None, date(2021, 5, 6)],
    ]
    visits = [
        ["探访日期", "档案号", "探访方式", "探访情况"],
        [date(2022, 3, 1), "A1", PHONE, "身体良好。"],
        [date(2022, 3, 2), "A2", HOME, "生活正常"],
        ["2022-03-03", "A1", None, None],
    ]
    return workbook(tmp_path / "ledger.xlsx", {"服务对象": people, "探访记录": visits})


def a_day_later(value: Any, _type: Any) -> date:
    return date.fromisoformat(value) + timedelta(days=1)


def without_full_stop(value: Any, _type: Any) -> str:
    return str(value).removesuffix("。")


def test_a_callers_date_hook_is_applied_to_every_date(tmp_path: Path, fmt: LedgerFormat) -> None:
    path = ledger(tmp_path)
    library = load_ledger(path, fmt).ledger
    converter = make_converter()
    converter.register_structure_hook(date, a_day_later)
    own = load_ledger(path, fmt, converter=converter).ledger
    assert [c.on for c in own.contacts] == [c.on + timedelta(days=1) for c in library.contacts]
    later = [
        (None if d is None else d + timedelta(days=1))
        for r in library.recipients
        for d in (r.birth_date, r.registered_on)
    ]
    assert [d for r in own.recipients for d in (r.birth_date, r.registered_on)] == later
    # the text and the codes are the library's: read as they are
    assert [c.notes for c in own.contacts] == [c.notes for c in library.contacts]
    assert [c.mode for c in own.contacts] == [c.mode for c in library.contacts]


def test_a_callers_text_hook_is_applied_to_every_text(tmp_path: Path, fmt: LedgerFormat) -> None:
    path = ledger(tmp_path)
    library = load_ledger(path, fmt).ledger
    converter = make_converter()
    converter.register_structure_hook(str, without_full_stop)
    own = load_ledger(path, fmt, converter=converter).ledger
    assert [c.notes for c in library.contacts] == ["身体良好。", "生活正常", None]
    assert [c.notes for c in own.contacts] == ["身体良好", "生活正常", None]
    assert [c.on for c in own.contacts] == [c.on for c in library.contacts]


def test_a_hook_registered_after_a_load_is_applied_on_the_next(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    path = ledger(tmp_path)
    converter = make_converter()
    first = load_ledger(path, fmt, converter=converter).ledger
    converter.register_structure_hook(date, a_day_later)
    second = load_ledger(path, fmt, converter=converter).ledger
    assert [c.on for c in second.contacts] == [c.on + timedelta(days=1) for c in first.contacts]


def test_a_converter_with_other_options_builds_the_same_records_through_its_hooks(
    tmp_path: Path, fmt: LedgerFormat
) -> None:
    """The library's rules on a converter that lets unknown keys through: its record hooks are
    other code than the library's, so every record takes them, and they read these rows alike."""
    path = ledger(tmp_path)
    converter = cattrs.Converter()
    configure_converter(converter)
    own = load_ledger(path, fmt, converter=converter)
    library = load_ledger(path, fmt)
    assert own.ledger.recipients == library.ledger.recipients
    assert own.ledger.contacts == library.ledger.contacts
    assert own.issues == library.issues
