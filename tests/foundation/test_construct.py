"""``construct.quick_init``: a record class's ``__init__`` written out builds what the class
builds and refuses what it refuses."""

from __future__ import annotations

import inspect
import linecache
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from socialwork_core.construct import (
    accepts,
    checks_value_only,
    init_code,
    keeps,
    kept_classes,
    quick_init,
)
from socialwork_core.contacts import Contact
from socialwork_core.glossary.terms import ContactMode
from socialwork_core.plugins import load_plugins
from socialwork_core.recipients import Recipient
from socialwork_core.record_kinds import RECORD_KINDS

EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "data").glob("*_example_ledger.xlsx"))


def _fields(record: Any) -> dict[str, Any]:
    return {a.alias: getattr(record, a.name) for a in attrs.fields(type(record))}


def _example_records() -> list[Any]:
    plugins = load_plugins()
    found: list[Any] = []
    for path in EXAMPLES:
        detected = plugins.detect_workbook_format(path)
        assert detected is not None, path
        ledger = plugins.load_ledger(path, detected.format).ledger
        for spec in RECORD_KINDS:
            found += getattr(ledger, spec.attribute)
    return found


def test_every_example_record_is_rebuilt_equal_by_each_kinds_init() -> None:
    records = _example_records()
    kinds = {type(r) for r in records}
    assert len(kinds) >= 6, kinds  # the bundled ledgers hold most kinds
    for record in records:
        rebuilt = quick_init(type(record))(**_fields(record))
        assert rebuilt == record
        assert type(rebuilt) is type(record)


def test_a_value_the_converter_changes_is_converted() -> None:
    contact = quick_init(Contact)(
        id="c1", on=date(2024, 3, 1), recipient_keys=["A1", "A2"], mode="home_visit"
    )
    assert contact == Contact(
        id="c1", on=date(2024, 3, 1), recipient_keys=("A1", "A2"), mode=ContactMode.HOME_VISIT
    )
    assert contact.recipient_keys == ("A1", "A2")
    assert contact.mode is ContactMode.HOME_VISIT


def test_a_converter_without_a_declaration_is_always_called() -> None:
    # the resident ID converter compacts what it is given: nothing may be skipped
    made = quick_init(Recipient)(key="A1", name="赵兰华", resident_id="11010519491231002X ")
    assert (
        made.resident_id
        == Recipient(key="A1", name="赵兰华", resident_id="11010519491231002X ").resident_id
    )


@pytest.mark.parametrize(
    "given",
    [
        {"id": " ", "on": date(2024, 3, 1), "recipient_keys": ("A1",)},
        {"id": "c1", "on": date(2024, 3, 1), "recipient_keys": ()},
        {"id": "c1", "on": date(2024, 3, 1), "recipient_keys": ("A1", "A1")},
        {"id": "c1", "on": date(2024, 3, 1), "recipient_keys": ("A1",), "mode": "飞鸽"},
    ],
)
def test_what_the_class_refuses_is_refused_with_the_same_error(given: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as by_class:
        Contact(**given)
    with pytest.raises(ValueError) as written_out:
        quick_init(Contact)(**given)
    assert str(written_out.value) == str(by_class.value)


def test_validators_switched_off_are_off_here_too() -> None:
    with attrs.validators.disabled():
        made = quick_init(Contact)(id=" ", on=date(2024, 3, 1), recipient_keys=("A1",))
    assert made.id == " "


def test_a_class_it_cannot_write_out_is_its_own_constructor() -> None:
    @attrs.frozen
    class Checked:
        value: int

        def __attrs_post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    @attrs.define(slots=False)
    class Plain:
        value: int

    assert quick_init(Checked) is Checked
    assert quick_init(Plain) is Plain


def test_declared_and_enum_converters_keep_their_classes() -> None:
    def as_tuple(value: Any) -> tuple[Any, ...]:
        return value if type(value) is tuple else tuple(value)

    keeps(as_tuple, tuple)

    assert kept_classes(as_tuple) == (tuple,)
    assert kept_classes(ContactMode) == (ContactMode,)
    assert kept_classes(str.strip) == ()


def test_the_written_out_init_shows_its_source() -> None:
    linecache.clearcache()  # as another program may have done since it was written
    source = inspect.getsource(quick_init(Contact))
    assert source.startswith("def init(*, id, on,")
    assert "validate_" in source


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive")


checks_value_only(_positive)


def test_a_default_its_value_only_validator_accepts_is_checked_once_not_per_record() -> None:
    @attrs.frozen
    class Counted:
        name: str
        times: int = attrs.field(default=1, validator=_positive)

    code = init_code(Counted, {"name": "name"})
    assert code is not None
    assert not any("validate_1" in line for line in code.lines)  # checked when written
    given = init_code(Counted, {"name": "name", "times": "times"})
    assert given is not None and any("validate_1" in line for line in given.lines)
    assert quick_init(Counted)(name="x") == Counted(name="x")


def test_a_default_the_class_refuses_is_refused_in_every_record() -> None:
    @attrs.frozen
    class Broken:
        times: int = attrs.field(default=0, validator=_positive)

    @attrs.frozen
    class Undeclared:
        times: int = attrs.field(default=0, validator=lambda _i, _a, v: _positive(_i, _a, v))

    for cls in (Broken, Undeclared):
        with pytest.raises(ValueError, match="positive"):
            cls()
        with pytest.raises(ValueError, match="positive"):
            quick_init(cls)()


def test_a_value_only_validator_answers_once_for_a_value_shared_by_many_records() -> None:
    @attrs.frozen
    class Counted:
        name: str
        times: int = attrs.field(validator=_positive)

    test = accepts(Counted, "times")
    assert test is not None and test(3) and not test(0)
    code = init_code(Counted, {"name": "name", "times": "times"}, accepted={"times": "ok"})
    assert code is not None
    assert "if not (ok): validate_1(self, field_1, a1)" in [line.strip() for line in code.lines]
    build = "def build(name, times, ok):\n" + "".join(f"    {line}\n" for line in code.lines)
    namespace = dict(code.namespace)
    exec(build + "    return self\n", namespace)
    assert namespace["build"]("x", 3, True) == Counted(name="x", times=3)
    with pytest.raises(ValueError, match="positive"):
        namespace["build"]("x", 0, False)  # not said accepted: checked as the class checks


def test_only_a_value_only_validator_and_a_kept_value_can_be_accepted_beforehand() -> None:
    @attrs.frozen
    class Held:
        keys: tuple[str, ...] = attrs.field(
            converter=tuple, validator=lambda _i, _a, v: _positive(_i, _a, len(v))
        )
        people: tuple[str, ...] = attrs.field(
            converter=Contact.__attrs_attrs__.recipient_keys.converter,
            validator=Contact.__attrs_attrs__.recipient_keys.validator,
        )

    assert accepts(Held, "keys") is None  # its validator did not declare itself value-only
    with pytest.raises(TypeError, match="value-only"):
        init_code(Held, {"keys": "k", "people": "p"}, accepted={"keys": "ok"})
    test = accepts(Held, "people")
    assert test is not None
    assert test(("A1",))
    assert not test(())  # the validator refuses it
    assert not test(["A1"])  # the converter would make another object of it
