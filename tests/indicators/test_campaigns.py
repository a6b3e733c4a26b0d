"""Campaigns, alerts per kind and goods handed out (issue #13 point 4), each figure checked against
a count made by hand.

The ledger (a county, early 2022):

- campaigns: 寒潮 HC (22–31 January), 暴雨洪涝 HL (22–30 April), the publicity week XCZ
  (14–20 March, a 专项行动);
- people: 甲 and 乙 in 金坪村, 丙 in 石门村, 丁 with no village;
- visits: c1 甲 and 乙 on 23 January for HC, c2 丙 on 25 January for HC, c3 甲 again on 30 January
  for HC, c4 丁 on 24 January carrying nothing, c5 乙 on 23 April for HL, c6 丙 on 15 March
  carrying nothing, c7 丁 on 16 March for XCZ, c8 甲 on 17 March for HC (a typing slip: outside
  HC's days), c9 乙 on 10 March for XCZ (before the week);
- activities: a1 on 15 March for XCZ (40 人次), a2 on 18 March carrying nothing (10 人次), a3 on
  19 March for HL (5 人次: another campaign);
- handouts: 暖心卡 1500 张 and 500 张 in the week for XCZ, 暖心卡 20 张 on 10 April (no
  campaign), 防寒衣物 36 件 and 棉被 1 张 on 24 January for HC, 生姜 2.5 斤 on 15 March.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialwork_core import indicators as ind
from socialwork_core.campaigns import Campaign
from socialwork_core.casework import Activity
from socialwork_core.contacts import Contact
from socialwork_core.handouts import Handout
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import date_range, month
from socialwork_core.recipients import Recipient

HC = Campaign(id="HC", kind="cold_wave", start=date(2022, 1, 22), end=date(2022, 1, 31))
HL = Campaign(id="HL", kind="rainstorm_flood", start=date(2022, 4, 22), end=date(2022, 4, 30))
XCZ = Campaign(
    id="XCZ", kind="campaign", title="社工宣传周", start=date(2022, 3, 14), end=date(2022, 3, 20)
)
YEAR = date_range(date(2022, 1, 1), date(2022, 12, 31))


def visit(cid: str, day: date, *keys: str, campaign: str | None = None) -> Contact:
    return Contact(id=cid, on=day, mode="home_visit", recipient_keys=keys, alert_id=campaign)


def activity(aid: str, day: date, participants: int, campaign: str | None = None) -> Activity:
    return Activity(
        id=aid,
        kind="publicity",
        title="宣传",
        on=day,
        participants=participants,
        campaign_id=campaign,
    )


def handout(
    hid: str, day: date, item: str, quantity: str, unit: str, campaign: str | None = None
) -> Handout:
    return Handout(
        id=hid, on=day, item=item, quantity=Decimal(quantity), unit=unit, campaign_id=campaign
    )


def ledger() -> RecordSet:
    return RecordSet(
        recipients=(
            Recipient(key="甲", name="甲某", village="金坪村"),
            Recipient(key="乙", name="乙某", village="金坪村"),
            Recipient(key="丙", name="丙某", village="石门村"),
            Recipient(key="丁", name="丁某"),
        ),
        campaigns=(HC, HL, XCZ),
        contacts=(
            visit("c1", date(2022, 1, 23), "甲", "乙", campaign="HC"),
            visit("c2", date(2022, 1, 25), "丙", campaign="HC"),
            visit("c3", date(2022, 1, 30), "甲", campaign="HC"),
            visit("c4", date(2022, 1, 24), "丁"),
            visit("c5", date(2022, 4, 23), "乙", campaign="HL"),
            visit("c6", date(2022, 3, 15), "丙"),
            visit("c7", date(2022, 3, 16), "丁", campaign="XCZ"),
            visit("c8", date(2022, 3, 17), "甲", campaign="HC"),
            visit("c9", date(2022, 3, 10), "乙", campaign="XCZ"),
        ),
        activities=(
            activity("a1", date(2022, 3, 15), 40, "XCZ"),
            activity("a2", date(2022, 3, 18), 10),
            activity("a3", date(2022, 3, 19), 5, "HL"),
        ),
        handouts=(
            handout("h1", date(2022, 3, 15), "暖心卡", "1500", "张", "XCZ"),
            handout("h2", date(2022, 3, 19), "暖心卡", "500", "张", "XCZ"),
            handout("h3", date(2022, 4, 10), "暖心卡", "20", "张"),
            handout("h4", date(2022, 1, 24), "防寒衣物", "36", "件", "HC"),
            handout("h5", date(2022, 1, 24), "棉被", "1", "张", "HC"),
            handout("h6", date(2022, 3, 15), "生姜", "2.5", "斤"),
        ),
    )


def values(figures: tuple[ind.Figure, ...]) -> dict[str, object]:
    return {f.code: f.value for f in figures}


def test_each_kind_of_campaign_has_its_own_rows_of_visits_people_and_villages() -> None:
    rows = {f.code: (f.value, f.label) for f in ind.alerts_by_kind(ledger(), YEAR)}
    # HC: c1 (2), c2 (1), c3 (1), c8 (1, dated outside HC but carrying it) = 5 人次; 甲 乙 丙
    assert rows["alerts.kind_visits.cold_wave"] == (5, "寒潮探访")
    assert rows["alerts.kind_people.cold_wave"] == (3, "寒潮探访服务对象")
    assert rows["alerts.kind_villages.cold_wave"] == (2, "寒潮走访村居")  # 金坪村, 石门村
    assert rows["alerts.kind_people.rainstorm_flood"] == (1, "暴雨洪涝探访服务对象")
    assert rows["alerts.kind_people.campaign"][0] == 2  # 丁 (c7) and 乙 (c9), both for XCZ
    # one kind after another, never merged into one row
    assert [c.split(".")[-1] for c in rows][::3] == ["cold_wave", "rainstorm_flood", "campaign"]


def test_kinds_are_rows_only_for_campaigns_meeting_the_period() -> None:
    rows = values(ind.alerts_by_kind(ledger(), month(2022, 1)))
    assert set(rows) == {
        "alerts.kind_visits.cold_wave",
        "alerts.kind_people.cold_wave",
        "alerts.kind_villages.cold_wave",
    }
    assert rows["alerts.kind_visits.cold_wave"] == 4  # c8 is in March


def test_without_a_campaigns_sheet_there_are_no_kind_rows() -> None:
    records = ledger()
    bare = RecordSet(recipients=records.recipients, contacts=records.contacts)
    assert ind.alerts_by_kind(bare, YEAR) == ()
    # the totals still count every visit carrying a campaign: c1 2, c2, c3, c5, c7, c8, c9
    assert ind.alert_visits(bare, YEAR).value == 8


def test_quantities_are_summed_per_item_and_unit() -> None:
    rows = {f.code: (f.value, f.label, f.unit.value) for f in ind.handouts_by_item(ledger(), YEAR)}
    assert rows == {
        "handouts.item.暖心卡": (2020, "暖心卡（张）", "quantity"),
        "handouts.item.防寒衣物": (36, "防寒衣物（件）", "quantity"),
        "handouts.item.棉被": (1, "棉被（张）", "quantity"),
        "handouts.item.生姜": (Decimal("2.5"), "生姜（斤）", "quantity"),
    }


def test_one_item_in_two_units_has_a_row_per_unit() -> None:
    records = RecordSet(
        handouts=(
            handout("h1", date(2022, 3, 15), "宣传单", "3000", "张"),
            handout("h2", date(2022, 3, 16), "宣传单", "20", "份"),
        )
    )
    assert values(ind.handouts_by_item(records, YEAR)) == {
        "handouts.item.宣传单_张": 3000,
        "handouts.item.宣传单_份": 20,
    }


def test_people_reached_by_handouts_needs_it_recorded() -> None:
    figure = ind.handout_people(ledger(), YEAR)
    assert figure.value is None and figure.reason
    reached = RecordSet(
        handouts=(
            Handout(
                id="h", on=date(2022, 1, 24), item="棉被", quantity=Decimal(1), people_reached=3
            ),
        )
    )
    assert ind.handout_people(reached, YEAR).value == 3


def test_a_campaign_report_covers_its_days_its_records_and_the_unmarked_ones_of_its_days() -> None:
    scope = ind.for_campaign(ledger(), "XCZ")
    assert (scope.period.start, scope.period.end) == (date(2022, 3, 14), date(2022, 3, 20))
    assert scope.campaign == XCZ
    # c6 (no campaign, in the week) and c7 (XCZ); c8 carries HC; c9 carries XCZ but is before it
    assert [c.id for c in scope.records.contacts] == ["c6", "c7"]
    assert [a.id for a in scope.records.activities] == ["a1", "a2"]  # a3 carries HL
    assert [h.id for h in scope.records.handouts] == ["h1", "h2", "h6"]
    assert scope.outside == 1  # c9
    assert ind.people_reached(scope.records, scope.period).value == 50
    assert values(ind.handouts_by_item(scope.records, scope.period))["handouts.item.暖心卡"] == 2000
    # the register and the kinds the ledger holds are kept as they are
    assert len(scope.records.recipients) == 4


def test_a_campaign_the_ledger_does_not_define_runs_from_its_first_to_its_last_record() -> None:
    records = ledger()
    undefined = RecordSet(recipients=records.recipients, contacts=records.contacts)
    scope = ind.for_campaign(undefined, "HC")
    assert scope.campaign is None
    assert (scope.period.start, scope.period.end) == (date(2022, 1, 23), date(2022, 3, 17))
    # every visit of those days carrying HC or nothing: c1, c2, c3, c4, c6, c8
    assert [c.id for c in scope.records.contacts] == ["c1", "c2", "c3", "c4", "c6", "c8"]


def test_a_period_given_replaces_the_campaigns_days() -> None:
    scope = ind.for_campaign(ledger(), "HC", date_range(date(2022, 1, 1), date(2022, 3, 31)))
    assert [c.id for c in scope.records.contacts] == ["c1", "c2", "c3", "c4", "c6", "c8"]
    assert scope.outside == 0


def test_an_unknown_campaign_names_the_known_ones() -> None:
    with pytest.raises(ind.UnknownCampaign) as raised:
        ind.for_campaign(ledger(), "XYZ")
    assert raised.value.known == ("HC", "HL", "XCZ")


def test_a_campaign_ends_on_or_after_its_start() -> None:
    with pytest.raises(ValueError, match="before"):
        Campaign(id="X", kind="cold_wave", start=date(2022, 2, 1), end=date(2022, 1, 1))
    assert date(2022, 1, 31) in HC and date(2022, 2, 1) not in HC
