"""Month-to-month changes (动态监测): what changed on the register between two ledgers.

``compare(old, new, …)`` matches people by ID number (by register key where there is none) and
gives who entered the register, who left it (with the status the new ledger gives, or that they
are no longer on it at all), whose categories, service level, village or guardian changed, and
how many people were overdue a visit then and now. The service level compared is the effective
level graded at each date (a ledger's own 服务等级 counts where the rules honour it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from ..glossary import vocabulary as words
from ..glossary.rules_text import DueStatus
from ..grading.rules import RuleSet
from ..ledger import Ledger
from ..recipients import Recipient
from ..schedule import due_list, grade_all

__all__ = [
    "CHANGED_FIELDS",
    "Changes",
    "Entry",
    "FieldChange",
    "NoDatedRecords",
    "compare",
    "latest_day",
]

CHANGED_FIELDS: tuple[str, ...] = ("categories", "level", "village", "guardian")
"""What ``compare`` follows for people on both registers, in this order."""


@attrs.frozen(kw_only=True)
class Entry:
    """A person who entered or left the register."""

    key: str
    name: str
    resident_id: str | None
    station_code: str | None
    status: str
    """The register status code in the ledger that shows the change (``active`` for an entry;
    ``exited``, ``deceased``, ``moved_out`` or ``absent`` for one who left)."""
    since: date | None = None
    """When the status took effect, where the ledger says."""


@attrs.frozen(kw_only=True)
class FieldChange:
    """One followed value of a person on both registers that changed."""

    key: str
    name: str
    resident_id: str | None
    station_code: str | None
    field: str
    """One of :data:`CHANGED_FIELDS`."""
    before: str
    after: str
    """Codes: category codes joined (``vocabulary.LIST_JOINER``), a level code, the village or
    guardian as written."""


@attrs.frozen(kw_only=True)
class Changes:
    """What changed from ``old_as_of`` to ``new_as_of``."""

    old_as_of: date
    new_as_of: date
    entered: tuple[Entry, ...]
    left: tuple[Entry, ...]
    changed: tuple[FieldChange, ...]
    overdue_then: int
    """People with an overdue (or never made) visit on ``old_as_of`` in the old ledger."""
    overdue_now: int


ABSENT = "absent"
"""The status of a person of the old register whom the new ledger does not hold at all."""


def latest_day(ledger: Ledger) -> date | None:
    """The last day of the latest month any dated record of ``ledger`` reaches: a monthly
    ledger's natural as-of date."""
    days: list[date] = [c.on for c in ledger.contacts]
    days += [d for r in ledger.recipients for d in (r.registered_on, r.status_since) if d]
    days += [a.on for a in ledger.activities] + [x.on for x in ledger.resource_links]
    if not days:
        return None
    last = max(days)
    following = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _identity(person: Recipient) -> str:
    return person.resident_id or person.key


def _overdue(ledger: Ledger, as_of: date, rule_sets: Sequence[RuleSet]) -> int:
    entries = due_list(ledger.recipients, ledger.contacts, rule_sets, as_of)
    late = (DueStatus.OVERDUE, DueStatus.NEVER_CONTACTED)
    return len({e.recipient_key for e in entries if e.status in late})


def _entry(person: Recipient, status: str, since: date | None) -> Entry:
    return Entry(
        key=person.key,
        name=person.name,
        resident_id=person.resident_id,
        station_code=person.station_code,
        status=status,
        since=since,
    )


def _joined(codes: Iterable[str]) -> str:
    return words.LIST_JOINER.join(sorted(codes))


class NoDatedRecords(ValueError):
    """Neither ledger holds a dated record (a register with no registration, status or visit
    dates), so the days to compare at must be given. A ``ValueError`` still, for older callers."""


def compare(
    old: Ledger,
    new: Ledger,
    *,
    rule_sets: Sequence[RuleSet],
    old_as_of: date | None = None,
    new_as_of: date | None = None,
) -> Changes:
    """The changes from ``old`` to ``new`` (see the module docstring). The dates default to
    :func:`latest_day` of each ledger.

    :raises NoDatedRecords: neither date is given and neither ledger holds a dated record."""
    old_day = old_as_of or latest_day(old) or new_as_of or latest_day(new)
    new_day = new_as_of or latest_day(new) or old_day
    if old_day is None or new_day is None:
        raise NoDatedRecords("neither ledger holds a dated record: give the dates to compare at")
    before = {_identity(p): p for p in old.recipients}
    after = {_identity(p): p for p in new.recipients}
    then_grades = grade_all(old.recipients, old_day, rule_sets)
    now_grades = grade_all(new.recipients, new_day, rule_sets)
    entered: list[Entry] = []
    left: list[Entry] = []
    changed: list[FieldChange] = []
    for identity, person in after.items():
        earlier = before.get(identity)
        was_on = earlier is not None and earlier.is_on_register(old_day)
        if person.is_on_register(new_day):
            if not was_on:
                entered.append(_entry(person, person.status.value, person.registered_on))
        elif was_on:
            left.append(_entry(person, person.status.value, person.status_since))
        if earlier is None:
            continue
        then_level, now_level = then_grades.get(earlier.key), now_grades.get(person.key)
        levels = ("", "")
        if then_level is not None and now_level is not None:  # someone who left has none
            levels = (then_level.effective_level.value, now_level.effective_level.value)
        pairs = {
            "categories": (_joined(earlier.categories), _joined(person.categories)),
            "level": levels,
            "village": (earlier.village or "", person.village or ""),
            "guardian": (earlier.guardian or "", person.guardian or ""),
        }
        for field in CHANGED_FIELDS:
            was, now = pairs[field]
            if was != now:
                changed.append(
                    FieldChange(
                        key=person.key,
                        name=person.name,
                        resident_id=person.resident_id,
                        station_code=person.station_code,
                        field=field,
                        before=was,
                        after=now,
                    )
                )
    for identity, person in before.items():
        if identity not in after and person.is_on_register(old_day):
            left.append(_entry(person, ABSENT, None))
    return Changes(
        old_as_of=old_day,
        new_as_of=new_day,
        entered=tuple(entered),
        left=tuple(left),
        changed=tuple(changed),
        overdue_then=_overdue(old, old_day, rule_sets),
        overdue_now=_overdue(new, new_day, rule_sets),
    )
