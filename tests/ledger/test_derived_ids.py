"""A derived id (``contacts-12``) is not validated again in every row of the quick way
(``socialwork_core.derived_ids``): only when the id's validator is declared to accept every
non-blank text, the prefix is not blank and nothing converts the id."""

from __future__ import annotations

import attrs

from socialwork_core.contacts import Contact
from socialwork_core.derived_ids import derived_id_accepted
from socialwork_core.validation import non_blank


def shorter_than_ten(_instance: object, _attribute: object, value: str) -> None:
    if len(value) >= 10:
        raise ValueError(value)


@attrs.frozen
class Bounded:
    id: str = attrs.field(validator=shorter_than_ten)


@attrs.frozen
class Converted:
    id: str = attrs.field(validator=non_blank, converter=str.upper)


@attrs.frozen
class Nameless:
    name: str = attrs.field(validator=non_blank)


def test_a_visit_id_made_from_its_kind_needs_no_second_check() -> None:
    assert derived_id_accepted(Contact, "contacts-")


def test_a_blank_prefix_is_checked_in_every_record() -> None:
    assert not derived_id_accepted(Contact, " ")


def test_a_validator_not_declared_to_take_any_text_is_called_for_every_record() -> None:
    # a row's place can make the id too long for it: only the declaration settles every row
    assert not derived_id_accepted(Bounded, "c-")


def test_an_id_the_class_converts_or_a_class_without_an_id_keeps_its_checks() -> None:
    assert not derived_id_accepted(Converted, "contacts-")
    assert not derived_id_accepted(Nameless, "contacts-")
