"""The table of record kinds: one row per kind, and every module that treats kinds alike reads it.

A kind of the test's own, satisfaction calls (服务满意度回访), is registered with a row and a small
record class and nothing else: it is read from its sheet, written back, converted, validated,
scoped and rolled up as the built-in kinds are.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from workbooks import workbook

from socialwork_core.cli import session
from socialwork_core.cli.main import main
from socialwork_core.contacts import Contact
from socialwork_core.glossary import ContactMode, StationTier
from socialwork_core.indicators import RecordSet, has_records, scoped, station_shares, tier_share
from socialwork_core.indicators.records import unattributed
from socialwork_core.ledger import (
    RECORD_CLASSES,
    FieldColumn,
    Ledger,
    LedgerFormat,
    RecordKind,
    SheetFormat,
    ValueType,
    ledger_of,
    load_ledger,
    record_id,
    write_ledger,
)
from socialwork_core.plugins import Plugins, hookimpl, load_plugins
from socialwork_core.recipients import Recipient
from socialwork_core.record_kinds import (
    RECORD_KINDS,
    RECORDS_IN_REASONS,
    RecordKindSpec,
    registered_record_kind,
    spec_of,
)
from socialwork_core.rollup import ShareRequest, roll_up, share
from socialwork_core.serialize import make_converter, structure
from socialwork_core.stations import SocialWorker, Station

# -- the table ---------------------------------------------------------------------------------


def test_every_kind_has_one_row_in_load_order_with_the_register_first() -> None:
    assert [s.kind for s in RECORD_KINDS] == list(RecordKind)
    orders = [s.load_order for s in RECORD_KINDS]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    assert RECORD_KINDS[0].kind is RecordKind.RECIPIENTS


@pytest.mark.parametrize("spec", RECORD_KINDS, ids=lambda s: s.code)
def test_a_kind_is_its_rows_code_with_its_chinese_names(spec: RecordKindSpec) -> None:
    kind = spec.kind
    assert re.fullmatch(r"[a-z][a-z0-9_]*", kind) and kind == spec.code == kind.value
    assert getattr(RecordKind, kind.name) is kind  # the typed constant of a built-in kind
    assert RecordKind(spec.code) is kind and RecordKind.from_code(spec.code) is kind
    assert RecordKind.from_label(spec.label) is kind and kind.label == spec.label
    assert RECORDS_IN_REASONS[kind] == spec.in_reasons
    assert RECORD_CLASSES[kind] is spec.record_class
    assert spec_of(spec.code) is spec


def test_the_kinds_names_are_distinct_and_an_unknown_code_names_the_known_ones() -> None:
    labels = [s.label for s in RECORD_KINDS]
    assert len(set(labels)) == len(labels)
    with pytest.raises(ValueError, match="unknown RecordKind code 'visits'; known: recipients"):
        RecordKind("visits")


def test_a_row_naming_a_field_its_class_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="people_field 'people' is not a field of Contact"):
        RecordKindSpec(
            code="calls",
            label="电话",
            in_reasons="电话",
            record_class=Contact,
            attribute="calls",
            id_field="id",
            load_order=30,
            people_field="people",
        )


def test_a_row_clashing_with_another_is_refused() -> None:
    twin = attrs.evolve(spec_of(RecordKind.CASES), load_order=31)
    with pytest.raises(ValueError, match="'cases' clashes with 'cases'"):
        RECORD_KINDS.register(twin)
    assert spec_of("cases") is not twin


def _small_ledger() -> Ledger:
    return ledger_of(
        {
            RecordKind.RECIPIENTS: [
                Recipient(key="A1", name="甲", station_code="S1"),
                Recipient(key="B1", name="乙", station_code="S2"),
            ],
            RecordKind.STATIONS: [
                Station(code="S1", name="城关镇社工站", tier=StationTier.TOWNSHIP_STATION),
                Station(code="S2", name="河口镇社工站", tier=StationTier.TOWNSHIP_STATION),
            ],
            RecordKind.WORKERS: [SocialWorker(id="W1", name="社工甲", station_code="S1")],
            RecordKind.CONTACTS: [
                # one names its station, one is placed by the person it reached
                Contact(
                    id="c1",
                    on=date(2022, 3, 1),
                    mode=ContactMode.PHONE,
                    recipient_keys=("B1",),
                    station_code="S2",
                ),
                Contact(
                    id="c2", on=date(2022, 3, 2), mode=ContactMode.PHONE, recipient_keys=("A1",)
                ),
            ],
        }
    )


def test_records_and_ids_are_read_through_the_table() -> None:
    ledger = _small_ledger()
    for spec in RECORD_KINDS:
        assert ledger.records(spec.kind) == getattr(ledger, spec.attribute)
    assert record_id(RecordKind.RECIPIENTS, ledger.recipients[0]) == "A1"
    assert record_id(RecordKind.STATIONS, ledger.stations[1]) == "S2"
    assert record_id(RecordKind.CONTACTS, ledger.contacts[1]) == "c2"
    # records by attribute name or by kind make the same ledger
    assert Ledger(recipients=ledger.recipients, contacts=ledger.contacts) == ledger_of(
        {RecordKind.RECIPIENTS: ledger.recipients, RecordKind.CONTACTS: ledger.contacts}
    )
    with pytest.raises(TypeError, match="unexpected keyword argument 'contatcs'"):
        Ledger(contatcs=ledger.contacts)


def test_shares_place_every_kind_by_its_station_field_and_visits_by_their_people() -> None:
    ledger = _small_ledger()
    one = scoped(ledger, "S1")
    assert [r.key for r in one.recipients] == ["A1"]
    assert [s.code for s in one.stations] == ["S1"]
    assert [w.id for w in one.workers] == ["W1"]
    assert [c.id for c in one.contacts] == ["c2"]
    shares = station_shares(ledger, ["S1", "S2"])
    for code in ("S1", "S2"):
        assert shares[code] == scoped(ledger, code)
    tier = tier_share(ledger, StationTier.TOWNSHIP_STATION)
    assert [c.id for c in tier.contacts] == ["c1"]  # a visit naming no station is in no tier
    assert unattributed(ledger) is None


# -- a kind of the test's own: its row and its class, nothing else ------------------------------


@attrs.frozen(kw_only=True)
class SatisfactionCall:
    """A call asking a person how the station's service was (服务满意度回访)."""

    id: str
    on: date
    recipient_keys: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    satisfied: bool | None = None
    worker_ids: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    station_code: str | None = None


CALLS = RecordKindSpec(
    code="satisfaction_calls",
    label="服务满意度回访",
    in_reasons="满意度回访",
    record_class=SatisfactionCall,
    attribute="satisfaction_calls",
    id_field="id",
    load_order=20,
    people_field="recipient_keys",
    worker_field="worker_ids",
    station_from_people=True,
)

HEADERS = {"id": "回访编号", "on": "回访日期", "recipient_keys": "档案号"}
REGISTER = ["档案号", "姓名", "站点编码"]
CALL_ROWS = ["回访编号", "回访日期", "档案号", "是否满意", "回访社工"]


@pytest.fixture
def calls() -> Iterator[RecordKind]:
    with registered_record_kind(CALLS) as kind:
        yield kind


def _layout(kind: RecordKind) -> LedgerFormat:
    """The national layout and a sheet for the calls (data, as an adapter declares it)."""
    from adapters.socialwork_national.formats import FORMAT

    sheet = SheetFormat(
        kind=kind,
        sheet_names=("满意度回访",),
        columns=(
            FieldColumn("id", ("回访编号",)),
            FieldColumn("on", ("回访日期",), ValueType.DATE, required=True),
            FieldColumn("recipient_keys", ("档案号",), multi=True),
            FieldColumn("satisfied", ("是否满意",), ValueType.YES_NO),
            FieldColumn("worker_ids", ("回访社工",), multi=True),
            FieldColumn("station_code", ("站点编码",)),
        ),
    )
    return LedgerFormat(name="calls", sheets=(*FORMAT.sheets, sheet))


def _station_book(path: Path, station: str, calls: list[list[Any]]) -> Path:
    return workbook(
        path,
        {
            "服务对象": [REGISTER, ["1", "张有才", station], ["2", "李秀英", station]],
            "社工人员": [["社工编号", "姓名", "所属站点编码"], ["SG01", "社工甲", station]],
            "满意度回访": [CALL_ROWS, *calls],
        },
    )


class CallsAdapter:
    """A plugin whose ledger layout holds the calls."""

    def __init__(self, layout: LedgerFormat) -> None:
        self.layout = layout

    @hookimpl
    def socialwork_ledger_formats(self) -> list[LedgerFormat]:
        return [self.layout]


def _plugins(kind: RecordKind) -> Plugins:
    return load_plugins(extra_plugins=[CallsAdapter(_layout(kind))], environ={})


def test_a_new_kind_is_read_from_its_sheet_written_back_and_converted(
    calls: RecordKind, tmp_path: Path
) -> None:
    layout = _layout(calls)
    path = _station_book(
        tmp_path / "s1.xlsx",
        "S1",
        [["H1", "2023-03-02", "1", "是", "SG01"], ["H2", "三月", "2", "否", "SG01"]],
    )

    result = load_ledger(path, layout)

    assert result.ledger.records(calls) == (
        SatisfactionCall(
            id="H1",
            on=date(2023, 3, 2),
            recipient_keys=("1",),
            satisfied=True,
            worker_ids=("SG01",),
        ),
    )
    # a bad cell is flagged where it is, in the kind's own name
    (refused,) = result.rejected
    assert (refused.kind, refused.sheet, refused.row) == (calls, "满意度回访", 3)
    assert any(i.sheet == "满意度回访" and i.column == "B" for i in refused.issues)
    assert result.sheets[calls] == "满意度回访"

    written = write_ledger(tmp_path / "back.xlsx", result.ledger, layout)
    assert load_ledger(written, layout).ledger == result.ledger

    converter = make_converter()
    (call,) = result.ledger.records(calls)
    data = converter.unstructure(call)
    assert data == {
        "id": "H1",
        "on": "2023-03-02",
        "recipient_keys": ["1"],
        "satisfied": True,
        "worker_ids": ["SG01"],
        "station_code": None,
    }
    assert structure(converter, json.loads(json.dumps(data)), SatisfactionCall) == call


def test_a_new_kind_is_scoped_held_and_counted_by_the_indicators(calls: RecordKind) -> None:
    register = [Recipient(key="1", name="张有才", station_code="S1")]
    call = SatisfactionCall(id="H1", on=date(2023, 3, 2), recipient_keys=("1",), station_code="S1")
    ledger = Ledger(recipients=register, satisfaction_calls=[call])

    assert ledger.records(calls) == (call,) and has_records(ledger, calls)
    assert scoped(ledger, "S1").records(calls) == (call,)
    assert scoped(ledger, "S2").records(calls) == ()
    assert RecordSet.of(ledger).records(calls) == (call,)


def _run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err, today=date(2023, 3, 31))
    return status, out.getvalue(), err.getvalue()


def test_the_command_line_converts_and_validates_a_new_kind(
    calls: RecordKind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session, "load_plugins", lambda: _plugins(calls))
    clean = _station_book(tmp_path / "s1.xlsx", "S1", [["H1", "2023-03-02", "1", "是", "SG01"]])
    bad = _station_book(tmp_path / "s2.xlsx", "S2", [["H2", "三月", "2", "否", "SG01"]])

    status, out, err = _run("convert", clean, "--to", "json", "--adapter", "CallsAdapter")
    assert status == 0, err
    records = json.loads(out)["records"]
    assert records["satisfaction_calls"] == [
        {
            "id": "H1",
            "on": "2023-03-02",
            "recipient_keys": ["1"],
            "satisfied": True,
            "worker_ids": ["SG01"],
            "station_code": "S1",  # given the station of the person it names
        }
    ]

    status, out, err = _run("validate", bad, "--adapter", "CallsAdapter", "--format", "json")
    assert status == 1, err
    (issue,) = [i for i in json.loads(out)["issues"] if i.get("column") == "B"]
    assert (issue["sheet"], issue["row"], issue["raw"]) == ("满意度回访", 2, "三月")


def test_a_new_kind_travels_through_a_roll_up(
    calls: RecordKind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(share, "_plugins", lambda: _plugins(calls))
    # both stations number their calls H1, their people 1, 2 and their worker SG01; the calls
    # name no station (SG09 is on no workers sheet: kept as written)
    _station_book(tmp_path / "a.xlsx", "S1", [["H1", "2023-03-02", "1", "是", "SG01"]])
    _station_book(tmp_path / "b.xlsx", "S2", [["H1", "2023-03-03", "2", "否", "SG01、SG09"]])

    ledger = roll_up([tmp_path], ShareRequest(adapter="CallsAdapter"), jobs=1).ledger

    assert sorted(
        (c.id, c.station_code, c.recipient_keys, c.worker_ids) for c in ledger.records(calls)
    ) == [
        ("S1:H1", "S1", ("S1:1",), ("S1:SG01",)),
        ("S2:H1", "S2", ("S2:2",), ("S2:SG01", "SG09")),
    ]
    assert {r.key for r in ledger.recipients} >= {"S1:1", "S2:2"}
