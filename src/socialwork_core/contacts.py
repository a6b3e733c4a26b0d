"""Contacts (探访/联系): a worker reaching one or more recipients on a date, in a mode."""

from __future__ import annotations

from datetime import date, time

import attrs

from .construct import checks_value_only, keeps
from .glossary.terms import ContactMode
from .validation import member_of, non_blank, to_tuple, unique_items

__all__ = ["Contact"]


def _mode(value: object) -> ContactMode | None:
    """``ContactMode(value)``, quick for a member (ledgers hold contacts by the hundred thousand);
    ``None`` stays ``None`` (a mode the ledger did not say, or wrote in words not understood)."""
    return None if value is None else member_of(ContactMode, value)


keeps(_mode, ContactMode, type(None))


def _someone_once_each(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    """At least one person, none named twice (one validator: contacts are built in bulk)."""
    if not value:
        raise ValueError(f"{attribute.name} must name at least one person")
    unique_items(instance, attribute, value)


_yes_no_or_unsaid = attrs.validators.optional(attrs.validators.instance_of(bool))
checks_value_only(_someone_once_each, _yes_no_or_unsaid)


@attrs.frozen(kw_only=True)
class Contact:
    """探访记录: one contact. A household visit reaching several people is one contact with several
    ``recipient_keys``; reports count it once per person (人次)."""

    id: str = attrs.field(validator=non_blank)
    on: date
    """The date of the contact."""
    at: time | None = None
    """The time, where recorded (alerts can demand a contact within hours): when the visit began.
    A log that writes only when it ended (结束时间, no start column) gives that time here, said
    as the column's reading (``tabular.column_read_as``): a contact keeps one time, and the end
    still says the visit had been made by then, which is what the time is asked for; none would
    say nothing. A start written in the date cell (2024-7-5 9:30) wins over such a column (the
    worker wrote when the visit began), while a time column of the start's own (开始时间, 走访时间)
    wins over the date cell."""
    mode: ContactMode | None = attrs.field(default=None, converter=_mode)
    """探访方式: 入户, 电话, 视频, 即时通讯, 来访, 活动中见面; ``None`` when the ledger left it
    empty or wrote a word not understood (the cell is flagged, the visit kept): such a visit counts
    in no figure of a mode and satisfies no visit requirement, so the person stays on the due list."""
    recipient_keys: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_someone_once_each)
    """The register keys of the people reached."""
    worker_ids: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=unique_items
    )
    """The workers who made the contact."""
    case_id: str | None = None
    """The case (个案) this contact follows up, if any."""
    alert_id: str | None = None
    """The alert or campaign this contact answered, if any."""
    relocated: bool | None = attrs.field(default=None, validator=_yes_no_or_unsaid)
    """协助转移: whether the worker helped the people reached move to safety (a shelter, a
    relative's house) on this contact, during a disaster alert (docs/domain.md section 3);
    ``None`` where the ledger does not say (no such column, or the cell left empty), so that a
    ledger that never records relocation is not read as one where nobody was moved."""
    notes: str | None = None
    """探访情况: what was found and done."""
    station_code: str | None = None
    """The station whose worker made the contact (its code)."""
