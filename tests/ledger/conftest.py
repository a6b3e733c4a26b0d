"""A test ledger format (the core ships only the mechanism) and the acceptance ledger builder."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from socialwork_core.glossary import (
    Category,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    RegisterStatus,
    ResourceKind,
    Sex,
)
from socialwork_core.ledger import FieldColumn, LedgerFormat, SheetFormat, ValueType

FIXTURES = Path(__file__).parent.parent / "fixtures"

RECIPIENTS = SheetFormat(
    "recipients",
    ("服务对象台账", "服务对象"),
    [
        FieldColumn("key", ("档案号", "编号")),
        FieldColumn("name", ("姓名",), required=True),
        FieldColumn("resident_id", ("身份证号", "身份证号码"), ValueType.RESIDENT_ID),
        FieldColumn("sex", ("性别",), ValueType.LABEL, enum=Sex),
        FieldColumn("birth_date", ("出生日期",), ValueType.DATE),
        FieldColumn("phones", ("联系电话",), ValueType.PHONES),
        FieldColumn("village", ("村居", "村(居)")),
        FieldColumn(
            "categories",
            ("对象类别",),
            ValueType.LABEL,
            multi=True,
            enum=Category,
            labels={
                "低保": Category.SUBSISTENCE_ALLOWANCE,
                "特困": Category.EXTREME_POVERTY,
                "五保": Category.EXTREME_POVERTY,
            },
        ),
        FieldColumn(
            "disability_kind", ("残疾情况/类别", "残疾类别"), ValueType.LABEL, enum=DisabilityKind
        ),
        FieldColumn(
            "disability_grade", ("残疾情况/等级", "残疾等级"), ValueType.LABEL, enum=DisabilityGrade
        ),
        FieldColumn("registered_on", ("建档日期", "建档时间"), ValueType.DATE),
        FieldColumn("status", ("状态",), ValueType.LABEL, enum=RegisterStatus),
    ],
    required=True,
)

CONTACTS = SheetFormat(
    "contacts",
    ("探访记录",),
    [
        FieldColumn("on", ("探访日期",), ValueType.DATE, required=True),
        FieldColumn("at", ("探访时间",), ValueType.TIME),
        FieldColumn("recipient_keys", ("档案号",), multi=True),
        FieldColumn("recipient_resident_ids", ("身份证号",), ValueType.RESIDENT_ID, multi=True),
        FieldColumn("mode", ("探访方式",), ValueType.LABEL, enum=ContactMode),
        FieldColumn("notes", ("探访情况",)),
    ],
)

LINKS = SheetFormat(
    "resource_links",
    ("资源链接",),
    [
        FieldColumn("id", ("编号",), required=True),
        FieldColumn("on", ("日期",), ValueType.DATE, required=True),
        FieldColumn("kind", ("资源类型",), ValueType.LABEL, required=True, enum=ResourceKind),
        FieldColumn("description", ("资源内容",), required=True),
        FieldColumn("value_yuan", ("折合金额",), ValueType.MONEY),
        FieldColumn("recipient_keys", ("受益对象档案号",), multi=True),
        FieldColumn("head_count", ("受益人数",), ValueType.INTEGER),
    ],
)

TEST_FORMAT = LedgerFormat("test", [RECIPIENTS, CONTACTS, LINKS])


@pytest.fixture
def fmt() -> LedgerFormat:
    return TEST_FORMAT


def _acceptance_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "acceptance_ledger", FIXTURES / "acceptance_ledger.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ACCEPTANCE = _acceptance_module()


@pytest.fixture
def acceptance_ledger(tmp_path: Path) -> Path:
    """The issue #4 acceptance ledger, freshly built with openpyxl."""
    built: Path = ACCEPTANCE.build(tmp_path / "台账.xlsx")
    return built


@pytest.fixture
def acceptance_ids() -> dict[str, str]:
    ids: dict[str, str] = ACCEPTANCE.IDS
    return ids


@pytest.fixture
def fixture_path() -> Callable[[str], Path]:
    return lambda name: FIXTURES / name
