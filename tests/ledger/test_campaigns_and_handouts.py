"""The 专项活动 and 物资发放 sheets (issue #13 point 4): campaigns with their days and kind, goods and
publicity material handed out, a visit's campaign; read from a workbook, flagged cell by cell, and
written back as they were read. Built on the national layout."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from socialwork_national.formats import FORMAT
from workbooks import workbook

from socialwork_core.campaigns import Campaign
from socialwork_core.contacts import Contact
from socialwork_core.glossary import AlertKind
from socialwork_core.handouts import Handout
from socialwork_core.ledger import Ledger, LoadResult, load_ledger, write_ledger
from socialwork_core.recipients import Recipient

REGISTER = [["档案号", "姓名"], ["G1", "张桂英"], ["G2", "李秀兰"]]
VISITS = [
    ["探访日期", "档案号", "探访方式", "所属专项"],
    [date(2022, 1, 23), "G1", "入户", "HC-2022-01"],
    [date(2022, 1, 24), "G2", "入户", None],
]
CAMPAIGNS = [
    ["专项编号", "专项类型", "专项名称", "开始日期", "结束日期"],
    ["HC-2022-01", "寒潮", "1月寒潮送温暖", date(2022, 1, 22), date(2022, 1, 31)],
    ["XCZ-2022", "宣传周", "社工宣传周", date(2022, 3, 14), date(2022, 3, 20)],
    ["HL-2022-04", "洪涝", None, date(2022, 4, 22), date(2022, 4, 30)],
]
HANDOUTS = [
    ["发放日期", "物品名称", "发放数量", "单位", "受益人次", "所属专项"],
    [date(2022, 3, 15), "暖心卡", 1500, "张", 1500, "XCZ-2022"],
    [date(2022, 1, 24), "棉被", 1, "张", 1, "HC-2022-01"],
    [date(2022, 1, 24), "防寒衣物", "36", "件", None, "HC-2022-01"],
]


def read(tmp_path: Path, **sheets: list[list[object]]) -> LoadResult:
    path = workbook(tmp_path / "l.xlsx", {"服务对象": REGISTER, "探访记录": VISITS, **sheets})
    return load_ledger(path, FORMAT)


def test_campaigns_are_read_with_their_kind_in_the_ledgers_words(tmp_path: Path) -> None:
    result = read(tmp_path, 专项活动=CAMPAIGNS)
    assert [(c.id, c.kind, c.title) for c in result.ledger.campaigns] == [
        ("HC-2022-01", AlertKind.COLD_WAVE, "1月寒潮送温暖"),
        ("XCZ-2022", AlertKind.CAMPAIGN, "社工宣传周"),
        ("HL-2022-04", AlertKind.RAINSTORM_FLOOD, None),
    ]
    assert [c.alert_id for c in result.ledger.contacts] == ["HC-2022-01", None]


def test_handouts_are_read_with_their_quantities(tmp_path: Path) -> None:
    result = read(tmp_path, 物资发放=HANDOUTS)
    assert [(h.item, h.quantity, h.unit, h.people_reached) for h in result.ledger.handouts] == [
        ("暖心卡", Decimal(1500), "张", 1500),
        ("棉被", Decimal(1), "张", 1),
        ("防寒衣物", Decimal(36), "件", None),
    ]
    assert {h.campaign_id for h in result.ledger.handouts} == {"XCZ-2022", "HC-2022-01"}


def test_a_handout_without_a_quantity_is_refused_naming_the_row(tmp_path: Path) -> None:
    rows = [*HANDOUTS, [date(2022, 3, 16), "宣传单", None, "张", None, None]]
    result = read(tmp_path, 物资发放=rows)
    assert len(result.ledger.handouts) == 3
    (refused,) = result.rejected
    assert refused.sheet == "物资发放" and refused.row == 5


def test_a_campaign_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    rows = [*CAMPAIGNS, ["X", "寒潮", None, date(2022, 2, 1), date(2022, 1, 1)]]
    result = read(tmp_path, 专项活动=rows)
    assert [c.id for c in result.ledger.campaigns] == ["HC-2022-01", "XCZ-2022", "HL-2022-04"]
    (refused,) = result.rejected
    assert refused.sheet == "专项活动"
    assert any("before" in i.message for i in result.issues if i.sheet == "专项活动")


def test_campaigns_handouts_and_a_visits_campaign_round_trip(tmp_path: Path) -> None:
    ledger = Ledger(
        recipients=[Recipient(key="G1", name="张桂英")],
        contacts=[
            Contact(
                id="V1",
                on=date(2022, 1, 23),
                mode="home_visit",
                recipient_keys=("G1",),
                alert_id="HC",
            )
        ],
        campaigns=[
            Campaign(
                id="HC",
                kind="cold_wave",
                title="寒潮",
                start=date(2022, 1, 22),
                end=date(2022, 1, 31),
            )
        ],
        handouts=[
            Handout(
                id="H1",
                on=date(2022, 1, 24),
                item="棉被",
                quantity=Decimal(1),
                unit="张",
                people_reached=1,
                households_reached=1,
                campaign_id="HC",
                worker_ids=("W1",),
            ),
            Handout(id="H2", on=date(2022, 1, 25), item="生姜", quantity=Decimal("2.5"), unit="斤"),
        ],
    )
    path = write_ledger(tmp_path / "out.xlsx", ledger, FORMAT)
    again = load_ledger(path, FORMAT).ledger
    assert again.campaigns == ledger.campaigns
    assert again.handouts == ledger.handouts
    assert again.contacts == ledger.contacts
