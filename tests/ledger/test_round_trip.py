"""write_ledger then load_ledger gives back equal records and the same extras (property test)."""

from __future__ import annotations

import tempfile
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from socialwork_core.casework import Activity
from socialwork_core.contacts import Contact
from socialwork_core.glossary import (
    ActivityKind,
    Category,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    RegisterStatus,
    ResourceKind,
    Sex,
)
from socialwork_core.identity import resident_id
from socialwork_core.ledger import (
    FieldColumn,
    Ledger,
    LedgerFormat,
    SheetFormat,
    ValueType,
    load_ledger,
    write_ledger,
)
from socialwork_core.recipients import Disability, Recipient
from socialwork_core.resources import ResourceLink

WORDS = (
    "东西南北村社区镇街道张王李赵刘陈杨黄吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹"
    "彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
    "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤abcXYZ0123"
    "456789 =+-@#"
)

texts = st.text(alphabet=WORDS, min_size=1, max_size=12).map(str.strip).filter(bool)
days = st.dates(min_value=date(1930, 1, 1), max_value=date(2030, 12, 31))
mobiles = st.integers(min_value=0, max_value=10**9 - 1).map(lambda n: f"13{n:09d}")


@st.composite
def recipients(draw: st.DrawFn, index: int) -> Recipient:
    birth = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)))
    number = resident_id.compose("110101", birth, index + 1)
    disability = draw(
        st.none()
        | st.builds(Disability, st.sampled_from(DisabilityKind), st.sampled_from(DisabilityGrade))
    )
    return Recipient(
        key=f"K{index:04d}",
        name=draw(texts),
        resident_id=draw(st.sampled_from([number, None])),
        sex=draw(st.none() | st.sampled_from(Sex)),
        birth_date=draw(st.none() | st.just(birth)),
        phones=tuple(draw(st.lists(mobiles, max_size=2, unique=True))),
        village=draw(st.none() | texts),
        categories=draw(st.frozensets(st.sampled_from(Category), max_size=3)),
        disability=disability,
        registered_on=draw(st.none() | days),
        status=draw(st.sampled_from(RegisterStatus)),
        extras=draw(
            st.dictionaries(st.sampled_from(["微信号", "备注二", "走访员"]), texts, max_size=2)
        ),
    )


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    count = draw(st.integers(min_value=1, max_value=6))
    people = [draw(recipients(i)) for i in range(count)]
    keys = [p.key for p in people]
    contacts = [
        Contact(
            id=f"contacts-{i + 1}",
            on=draw(days),
            at=draw(st.none() | st.times().map(lambda t: t.replace(microsecond=0))),
            mode=draw(st.sampled_from(ContactMode)),
            recipient_keys=tuple(
                draw(st.lists(st.sampled_from(keys), min_size=1, max_size=2, unique=True))
            ),
            notes=draw(st.none() | texts),
        )
        for i in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    links = [
        ResourceLink(
            id=f"R{i}",
            on=draw(days),
            kind=draw(st.sampled_from(ResourceKind)),
            description=draw(texts),
            value_yuan=draw(st.none() | st.decimals(min_value=0, max_value=10**7, places=2)),
            value_is_approximate=draw(st.booleans()),
            recipient_keys=tuple(draw(st.lists(st.sampled_from(keys), max_size=2, unique=True))),
            head_count=draw(st.integers(min_value=1, max_value=500)),
        )
        for i in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    links = [
        link if link.value_yuan is not None else attrs.evolve(link, value_is_approximate=False)
        for link in links
    ]
    return Ledger(recipients=people, contacts=contacts, resource_links=links)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ledger=ledgers())
def test_a_written_ledger_reads_back_unchanged(fmt: LedgerFormat, ledger: Ledger) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_ledger(Path(folder) / "台账.xlsx", ledger, fmt)
        result = load_ledger(path, fmt)
    assert result.rejected == ()
    assert result.ledger.recipients == ledger.recipients
    assert [dict(r.extras) for r in result.ledger.recipients] == [
        dict(r.extras) for r in ledger.recipients
    ]
    assert result.ledger.contacts == ledger.contacts
    assert result.ledger.resource_links == ledger.resource_links


def test_written_ledger_text_never_becomes_a_formula(fmt: LedgerFormat, tmp_path: Path) -> None:
    people = [
        Recipient(key=f"K{i}", name=name, village=name, extras={"备注二": name})
        for i, name in enumerate(["=1+1", "+86", "-3", "@SUM(A1)"])
    ]
    path = write_ledger(tmp_path / "l.xlsx", Ledger(recipients=people), fmt)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    assert [r.name for r in load_ledger(path, fmt).ledger.recipients] == [p.name for p in people]


def test_money_and_its_approximate_flag_survive_the_round_trip(
    fmt: LedgerFormat, tmp_path: Path
) -> None:
    person = Recipient(key="K1", name="甲")
    link = ResourceLink(
        id="R1",
        on=date(2022, 3, 18),
        kind=ResourceKind.FUNDS,
        description="助学金",
        value_yuan=Decimal("20000"),
        value_is_approximate=True,
        recipient_keys=("K1",),
    )
    path = write_ledger(
        tmp_path / "l.xlsx", Ledger(recipients=[person], resource_links=[link]), fmt
    )
    assert load_ledger(path, fmt).ledger.resource_links == (link,)


def test_activity_participants_named_by_id_number_are_written_as_their_numbers(
    tmp_path: Path,
) -> None:
    fmt = LedgerFormat(
        "participants",
        [
            SheetFormat(
                "recipients",
                ("服务对象",),
                [
                    FieldColumn("key", ("档案号",)),
                    FieldColumn("name", ("姓名",), required=True),
                    FieldColumn("resident_id", ("身份证号",), ValueType.RESIDENT_ID),
                ],
                required=True,
            ),
            SheetFormat(
                "activities",
                ("活动",),
                [
                    FieldColumn("id", ("活动编号",)),
                    FieldColumn("kind", ("活动类型",), ValueType.LABEL, enum=ActivityKind),
                    FieldColumn("title", ("活动名称",), required=True),
                    FieldColumn("on", ("活动日期",), ValueType.DATE, required=True),
                    FieldColumn(
                        "recipient_resident_ids",
                        ("参加对象身份证号",),
                        ValueType.RESIDENT_ID,
                        multi=True,
                    ),
                ],
            ),
        ],
    )
    numbers = [resident_id.compose("110105", date(1950, 1, 1), n) for n in (1, 2)]
    people = [Recipient(key=f"K{i}", name="甲乙"[i], resident_id=n) for i, n in enumerate(numbers)]
    activity = Activity(
        id="A1",
        kind=ActivityKind.COMMUNITY_ACTIVITY,
        title="中秋活动",
        on=date(2022, 9, 9),
        participant_keys=("K1", "K0"),
    )
    path = write_ledger(tmp_path / "l.xlsx", Ledger(recipients=people, activities=[activity]), fmt)
    workbook = load_workbook(path, read_only=True)
    written = [row[-1] for row in workbook["活动"].iter_rows(min_row=2, values_only=True)]
    workbook.close()
    assert written == [f"{numbers[1]}、{numbers[0]}"]
    assert load_ledger(path, fmt).ledger.activities == (activity,)
