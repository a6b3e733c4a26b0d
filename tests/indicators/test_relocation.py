"""People moved to safety in an alert (协助转移, issue #13 point 4; Yangshan's flood: 222 of 808),
each figure checked against a count made by hand.

The ledger (a county, spring 2024):

- campaigns: 寒潮 HC (22–31 January), 暴雨洪涝 HL (22–30 April);
- people: 甲, 乙, 丙, 丁;
- visits: v1 甲 and 乙 on 23 April for HL, both moved; v2 甲 again on 24 April for HL, moved again
  (one person, counted once); v3 丙 on 25 April for HL, not moved; v4 丁 on 26 April, moved, the
  visit tied to no alert; v5 丙 on 23 January for HC, the column left empty; v6 乙 on 10 May, not
  moved.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from socialwork_core import indicators as ind
from socialwork_core.campaigns import Campaign
from socialwork_core.contacts import Contact
from socialwork_core.indicators import RecordSet
from socialwork_core.periods import date_range, month
from socialwork_core.recipients import Recipient

HC = Campaign(id="HC", kind="cold_wave", start=date(2024, 1, 22), end=date(2024, 1, 31))
HL = Campaign(id="HL", kind="rainstorm_flood", start=date(2024, 4, 22), end=date(2024, 4, 30))
YEAR = date_range(date(2024, 1, 1), date(2024, 12, 31))
PEOPLE = tuple(Recipient(key=k, name=f"{k}某") for k in "甲乙丙丁")


def visit(
    vid: str, day: date, *keys: str, moved: bool | None, campaign: str | None = None
) -> Contact:
    return Contact(
        id=vid,
        on=day,
        mode="home_visit",
        recipient_keys=keys,
        alert_id=campaign,
        relocated=moved,
    )


def ledger() -> RecordSet:
    return RecordSet(
        recipients=PEOPLE,
        campaigns=(HC, HL),
        contacts=(
            visit("v1", date(2024, 4, 23), "甲", "乙", moved=True, campaign="HL"),
            visit("v2", date(2024, 4, 24), "甲", moved=True, campaign="HL"),
            visit("v3", date(2024, 4, 25), "丙", moved=False, campaign="HL"),
            visit("v4", date(2024, 4, 26), "丁", moved=True),
            visit("v5", date(2024, 1, 23), "丙", moved=None, campaign="HC"),
            visit("v6", date(2024, 5, 10), "乙", moved=False),
        ),
    )


def test_the_people_moved_are_counted_once_each_whatever_alert_their_visit_carried() -> None:
    figure = ind.alerts_relocated(ledger(), YEAR)
    assert (figure.code, figure.value, figure.unit.value) == ("alerts.relocated", 3, "people")
    # 甲 (v1, v2), 乙 (v1), 丁 (v4, tied to no alert); 丙 was not moved
    assert ind.alerts_relocated(ledger(), month(2024, 5)).value == 0


def test_each_kind_of_alert_has_a_row_of_its_people_moved() -> None:
    rows = {f.code: (f.value, f.label) for f in ind.alerts_by_kind(ledger(), YEAR)}
    assert rows["alerts.kind_relocated.rainstorm_flood"] == (2, "暴雨洪涝协助转移")  # 甲, 乙
    assert rows["alerts.kind_relocated.cold_wave"] == (0, "寒潮协助转移")


def test_a_ledger_whose_visits_never_say_cannot_tell_that_nobody_was_moved() -> None:
    unsaid = RecordSet(
        recipients=PEOPLE,
        campaigns=(HL,),
        contacts=(visit("v1", date(2024, 4, 23), "甲", moved=None, campaign="HL"),),
    )
    figure = ind.alerts_relocated(unsaid, YEAR)
    assert figure.value is None and figure.reason is not None and "协助转移" in figure.reason
    # and the kinds' rows say nothing of moves rather than a zero
    assert not [f for f in ind.alerts_by_kind(unsaid, YEAR) if "relocated" in f.code]


def test_only_the_periods_visits_say_whether_it_can_be_counted() -> None:
    # January's one visit (v5) left the column empty: April's moves are outside the report's
    # window and say nothing of January
    january = ind.alerts_relocated(ledger(), month(2024, 1))
    assert january.value is None and january.reason_code == "reports.no_relocation"
    assert ind.alerts_relocated(ledger(), month(2024, 5)).value == 0  # v6 says 否


def test_without_a_visit_sheet_it_is_not_computable_for_want_of_visits() -> None:
    figure = ind.alerts_relocated(RecordSet(recipients=PEOPLE), YEAR)
    assert figure.value is None and figure.reason_code == "reports.no_records"


def test_a_campaign_report_counts_the_moves_of_its_visits() -> None:
    scope = ind.for_campaign(ledger(), "HL")
    # v1, v2, v3 carry HL; v4 carries nothing on one of its days: 甲, 乙, 丁
    assert ind.alerts_relocated(scope.records, scope.period).value == 3


@given(
    st.lists(
        st.tuples(st.sets(st.sampled_from("甲乙丙丁"), min_size=1), st.sampled_from([True, False])),
        min_size=1,
        max_size=12,
    )
)
def test_the_count_is_the_distinct_people_of_the_visits_that_moved_someone(
    moves: list[tuple[set[str], bool]],
) -> None:
    records = RecordSet(
        recipients=PEOPLE,
        contacts=tuple(
            visit(f"v{n}", date(2024, 4, 23), *sorted(keys), moved=moved)
            for n, (keys, moved) in enumerate(moves)
        ),
    )
    expected = set().union(*(keys for keys, moved in moves if moved))
    assert ind.alerts_relocated(records, YEAR).value == len(expected)
