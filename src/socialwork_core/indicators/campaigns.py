"""Campaign figures and campaign reports: what a campaign (专项/预警: 宣传周, 寒潮, 洪涝 …) did, and
the ledger cut to one campaign (docs/domain.md section 3, alerts and campaigns; section 6).

A report *for a campaign* (``socialwork report … --campaign ID``) counts, over the campaign's
window (its start to its end, from the ledger's 专项活动 sheet; where the ledger defines no such
campaign, the first to the last day of the records carrying its ID):

- every visit, activity and handout that carries the campaign's ID, and
- every visit, activity and handout inside the window that carries no campaign at all (a station
  that did not mark its publicity-week visits still did them that week);

a record carrying another campaign's ID is left out, and a record carrying this ID but dated
outside the window is not counted (how many is said: :attr:`CampaignScope.outside`). Records of
other kinds (the register, stations, cases, resource links) are kept as they are and read for the
window like any period.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from ..campaigns import Campaign
from ..contacts import Contact
from ..glossary.indicators_text import (
    ALERT_KIND_PEOPLE_LABEL,
    ALERT_KIND_RELOCATED_LABEL,
    ALERT_KIND_VILLAGES_LABEL,
    ALERT_KIND_VISITS_LABEL,
    HANDOUT_ITEM_LABEL,
    FigureCode,
    FigureFamily,
    FigureUnit,
)
from ..glossary.rules_text import AlertKind
from ..periods import Period, date_range
from ..record_kinds import RECORD_KINDS, RecordKind, spec_of
from .figures import Figure, computed, not_computable
from .records import LedgerLike, RecordSet, has_records, kept_history, recipients_by_key

__all__ = [
    "CampaignScope",
    "UnknownCampaign",
    "alerts_by_kind",
    "alerts_relocated",
    "campaign_ids",
    "for_campaign",
    "handout_households",
    "handout_people",
    "handouts_by_item",
]


class UnknownCampaign(LookupError):
    """No campaign of that ID: the ledger neither defines it nor has a record carrying it."""

    def __init__(self, campaign_id: str, known: Iterable[str]) -> None:
        self.campaign_id = campaign_id
        self.known = tuple(sorted(set(known)))
        super().__init__(
            f"no campaign {campaign_id!r} in the ledger; known: {', '.join(self.known) or '-'}"
        )


@attrs.frozen(kw_only=True)
class CampaignScope:
    """The ledger cut to one campaign, and the window its report covers."""

    campaign_id: str
    campaign: Campaign | None
    """The ledger's definition (``None``: no 专项活动 row names it; the window is its records')."""
    period: Period
    records: RecordSet
    outside: int
    """Records carrying the campaign's ID dated outside the window: not counted."""


def _dated(ledger: LedgerLike) -> Iterable[tuple[str | None, date]]:
    """(campaign ID, day) of every visit, activity and handout."""
    yield from ((c.alert_id, c.on) for c in ledger.contacts)
    yield from ((a.campaign_id, a.on) for a in ledger.activities)
    yield from ((h.campaign_id, h.on) for h in ledger.handouts)


def campaign_ids(ledger: LedgerLike) -> set[str]:
    """Every campaign ID the ledger defines or a record carries."""
    ids = {c.id for c in ledger.campaigns}
    ids.update(cid for cid, _ in _dated(ledger) if cid is not None)
    return ids


def for_campaign(
    ledger: LedgerLike, campaign_id: str, period: Period | None = None
) -> CampaignScope:
    """The ledger cut to campaign ``campaign_id`` (see the module docstring for what is kept);
    ``period`` replaces the campaign's window when given.

    :raises UnknownCampaign: the ledger neither defines the campaign nor carries its ID.
    """
    defined = next((c for c in ledger.campaigns if c.id == campaign_id), None)
    carried = [day for cid, day in _dated(ledger) if cid == campaign_id]
    if period is None:
        if defined is not None:
            period = date_range(defined.start, defined.end)
        elif carried:
            period = date_range(min(carried), max(carried))
        else:
            raise UnknownCampaign(campaign_id, campaign_ids(ledger))
    window = period

    def kept(cid: str | None, day: date) -> bool:
        return day in window and (cid is None or cid == campaign_id)

    parts: dict[RecordKind, Iterable[Any]] = {
        spec.kind: spec.records_of(ledger) for spec in RECORD_KINDS
    }
    parts[RecordKind.CONTACTS] = [c for c in ledger.contacts if kept(c.alert_id, c.on)]
    parts[RecordKind.ACTIVITIES] = [a for a in ledger.activities if kept(a.campaign_id, a.on)]
    parts[RecordKind.HANDOUTS] = [h for h in ledger.handouts if kept(h.campaign_id, h.on)]
    held = frozenset(spec.kind for spec in RECORD_KINDS if has_records(ledger, spec.kind))
    history = kept_history(ledger)
    if history is not None:  # cut as the contacts are: the campaign's (or no) alert, its days
        history = history.where(lambda e: e.alert_id in (None, campaign_id)).between(
            window.start, window.end
        )
    return CampaignScope(
        campaign_id=campaign_id,
        campaign=defined,
        period=period,
        records=RecordSet(by_kind=parts, held_kinds=held, visit_history=history),
        outside=sum(1 for day in carried if day not in window),
    )


# --- alerts per kind -----------------------------------------------------------------------------


def _records_relocation(ledger: LedgerLike, period: Period) -> bool:
    """Whether any visit of the period says whether its people were moved (协助转移 是 or 否).
    Only the period's visits are read: a report reads no visit outside its window."""
    return any(c.relocated is not None and c.on in period for c in ledger.contacts)


def _relocated(visits: Iterable[Contact]) -> set[str]:
    return {k for c in visits if c.relocated for k in c.recipient_keys}


def alerts_relocated(ledger: LedgerLike, period: Period) -> Figure:
    """协助转移 (人): distinct people the period's visits helped move to safety (``Contact.relocated``;
    Yangshan's April flood: 222 of the 808 people visited). A visit tied to no alert still
    counts here (the move is what is counted), in no kind's row. Not computable when the ledger
    has no visits, or when none of the period's visits says either way (a ledger without a
    协助转移 column, or a period whose visits left it empty, cannot say that nobody was moved)."""
    code, unit = FigureCode.ALERTS_RELOCATED, FigureUnit.PEOPLE
    if not has_records(ledger, RecordKind.CONTACTS):
        return not_computable(
            code, unit, "reports.no_records", records=spec_of(RecordKind.CONTACTS).in_reasons
        )
    if not _records_relocation(ledger, period):
        return not_computable(code, unit, "reports.no_relocation")
    return computed(code, len(_relocated(c for c in ledger.contacts if c.on in period)), unit)


def alerts_by_kind(ledger: LedgerLike, period: Period) -> tuple[Figure, ...]:
    """预警探访 per kind of campaign (寒潮, 暴雨洪涝 …), one kind after another in the glossary's
    order, each as three figures: visits (人次, ``alerts.kind_visits.<kind>``), people (人,
    distinct, ``alerts.kind_people.<kind>``) and the villages those people live in
    (``alerts.kind_villages.<kind>``;
    Yangshan's cold wave: 46 villages, 387 people), then, when the period's visits record
    relocation at all, the people moved to safety (人, ``alerts.kind_relocated.<kind>``; the
    flood: 222). A kind has rows when a campaign of it in the
    ledger's 专项活动 sheet meets the period; a visit carrying an ID that sheet does not define
    counts in the totals (:func:`~socialwork_core.indicators.alert_visits`) only. Empty when the
    ledger defines no campaign or has no visits."""
    if not has_records(ledger, RecordKind.CAMPAIGNS) or not has_records(
        ledger, RecordKind.CONTACTS
    ):
        return ()
    kind_of = {c.id: c.kind for c in ledger.campaigns}
    kinds = [
        k
        for k in AlertKind
        if any(
            c.kind is k and c.start <= period.end and c.end >= period.start
            for c in ledger.campaigns
        )
    ]
    register = recipients_by_key(ledger)
    moves = _records_relocation(ledger, period)
    figures: list[Figure] = []
    for kind in kinds:
        visits = [
            c
            for c in ledger.contacts
            if c.on in period and c.alert_id is not None and kind_of.get(c.alert_id) is kind
        ]
        people = {k for c in visits for k in c.recipient_keys}
        villages = {register[k].village for k in people if k in register and register[k].village}
        figures += [
            computed(
                f"{FigureFamily.ALERTS_VISITS_KIND}.{kind.value}",
                sum(len(c.recipient_keys) for c in visits),
                FigureUnit.PERSON_TIMES,
                label=ALERT_KIND_VISITS_LABEL.format(kind=kind.label),
            ),
            computed(
                f"{FigureFamily.ALERTS_PEOPLE_KIND}.{kind.value}",
                len(people),
                FigureUnit.PEOPLE,
                label=ALERT_KIND_PEOPLE_LABEL.format(kind=kind.label),
            ),
            computed(
                f"{FigureFamily.ALERTS_VILLAGES_KIND}.{kind.value}",
                len(villages),
                FigureUnit.COUNT,
                label=ALERT_KIND_VILLAGES_LABEL.format(kind=kind.label),
            ),
        ]
        if moves:
            figures.append(
                computed(
                    f"{FigureFamily.ALERTS_RELOCATED_KIND}.{kind.value}",
                    len(_relocated(visits)),
                    FigureUnit.PEOPLE,
                    label=ALERT_KIND_RELOCATED_LABEL.format(kind=kind.label),
                )
            )
    return tuple(figures)


# --- handouts ------------------------------------------------------------------------------------


def _amount(total: Decimal) -> int | Decimal:
    """A whole quantity as a count (15787, not 15787.00); a fraction as it is (2.5 斤)."""
    return int(total) if total == total.to_integral_value() else total


def _member(item: str) -> str:
    """A figure code's last part from an item's name (a dot would split the code)."""
    return item.replace(".", "_")


def handouts_by_item(ledger: LedgerLike, period: Period) -> tuple[Figure, ...]:
    """物资发放: the quantity of each item handed out in the period, summed per item and unit, in
    order of first appearance (``handouts.item.<item>``; an item handed out in two units has a row
    per unit, ``<item>_<unit>``). Yunfu's publicity week: 暖心卡 15787 张; Yunan's 双防: 宣传单
    3000 张. Empty when the ledger has no handout sheet."""
    if not has_records(ledger, RecordKind.HANDOUTS):
        return ()
    totals: dict[tuple[str, str | None], Decimal] = {}
    for handout in ledger.handouts:
        if handout.on in period:
            key = (handout.item, handout.unit)
            totals[key] = totals.get(key, Decimal(0)) + handout.quantity
    units: dict[str, int] = {}
    for item, _unit in totals:
        units[item] = units.get(item, 0) + 1
    figures = []
    for (item, unit), total in totals.items():
        member = _member(item) if units[item] == 1 else _member(f"{item}_{unit or ''}")
        label = HANDOUT_ITEM_LABEL.format(item=item, unit=unit) if unit else item
        figures.append(
            computed(
                f"{FigureFamily.HANDOUTS_ITEM}.{member}",
                _amount(total),
                FigureUnit.QUANTITY,
                label=label,
            )
        )
    return tuple(figures)


def _handout_sum(
    ledger: LedgerLike, period: Period, code: str, unit: FigureUnit, field: str
) -> Figure:
    if not has_records(ledger, RecordKind.HANDOUTS):
        return not_computable(
            code, unit, "reports.no_records", records=spec_of(RecordKind.HANDOUTS).in_reasons
        )
    if ledger.handouts and all(getattr(h, field) is None for h in ledger.handouts):
        return not_computable(code, unit, "reports.no_handout_reach")
    total = sum(getattr(h, field) or 0 for h in ledger.handouts if h.on in period)
    return computed(code, total, unit)


def handout_people(ledger: LedgerLike, period: Period) -> Figure:
    """物资发放惠及 (人次): the people the period's handouts reached, where recorded."""
    return _handout_sum(
        ledger, period, FigureCode.HANDOUTS_PEOPLE, FigureUnit.PERSON_TIMES, "people_reached"
    )


def handout_households(ledger: LedgerLike, period: Period) -> Figure:
    """物资发放惠及户数 (户): the households the period's handouts reached, where recorded."""
    return _handout_sum(
        ledger, period, FigureCode.HANDOUTS_HOUSEHOLDS, FigureUnit.HOUSEHOLDS, "households_reached"
    )
