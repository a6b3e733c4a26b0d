"""Which fields a caller's converter structures as the library's own does, by construction."""

from __future__ import annotations

import typing
from datetime import date
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_structure_fn, override

from socialwork_core.contacts import Contact
from socialwork_core.ledger.building import RECORD_CLASSES
from socialwork_core.ledger.same_hooks import same_fields
from socialwork_core.serialize import make_converter

CLASSES = sorted(set(RECORD_CLASSES.values()), key=lambda cls: cls.__name__)


def names(cls: type[Any]) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls))


def dated(cls: type[Any]) -> frozenset[str]:
    """The fields typed ``date`` or ``date | None``."""
    hints = typing.get_type_hints(cls)
    return frozenset(n for n in names(cls) if hints[n] in (date, date | None))


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_converter_made_as_the_librarys_is_the_same_for_every_field(cls: type[Any]) -> None:
    assert same_fields(cls, make_converter(), make_converter()) == names(cls)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_date_hook_of_the_callers_own_leaves_out_the_dated_fields(cls: type[Any]) -> None:
    converter = make_converter()
    converter.register_structure_hook(date, lambda value, _type: date.fromisoformat(value))
    assert same_fields(cls, converter, make_converter()) == names(cls) - dated(cls)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_a_text_hook_of_the_callers_own_leaves_out_every_field(cls: type[Any]) -> None:
    """cattrs calls a text field's hook another way once it is not its own: other code."""
    converter = make_converter()
    converter.register_structure_hook(str, lambda value, _type: str(value))
    assert same_fields(cls, converter, make_converter()) == frozenset()


def test_an_override_of_one_field_leaves_out_that_field() -> None:
    converter = make_converter()
    hook = make_dict_structure_fn(
        Contact,
        converter,
        _cattrs_forbid_extra_keys=True,
        notes=override(struct_hook=lambda value, _type: str(value).strip()),
    )
    converter.register_structure_hook(Contact, hook)
    assert same_fields(Contact, converter, make_converter()) == names(Contact) - {"notes"}


def test_other_options_leave_out_every_field() -> None:
    converter = cattrs.Converter()  # unknown keys let through: other code
    converter.register_structure_hook(date, make_converter().get_structure_hook(date))
    assert same_fields(Contact, converter, make_converter()) == frozenset()


def test_a_hook_for_a_type_no_field_holds_leaves_every_field() -> None:
    converter = make_converter(
        configure=lambda c: c.register_structure_hook(complex, lambda value, _type: complex(value))
    )
    assert same_fields(Contact, converter, make_converter()) == names(Contact)
