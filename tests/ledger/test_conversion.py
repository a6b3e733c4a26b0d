"""Moving a ledger to another layout maps local categories the target cannot hold."""

from __future__ import annotations

import attrs

from socialwork_core.glossary import Category
from socialwork_core.ledger import Ledger, LedgerFormat, fit_categories
from socialwork_core.ledger.format import FieldColumn, RecordKind, SheetFormat, ValueType
from socialwork_core.recipients import Recipient

TARGET = LedgerFormat(
    name="target",
    sheets=(
        SheetFormat(
            kind=RecordKind.RECIPIENTS,
            sheet_names=("服务对象",),
            columns=(
                FieldColumn("key", ("档案号",), required=True),
                FieldColumn("name", ("姓名",), required=True),
                FieldColumn(
                    "categories", ("对象类别",), ValueType.LABEL, multi=True, enum=Category
                ),
            ),
        ),
    ),
)


@attrs.frozen
class Local:
    code: str
    label: str
    parent: str | None = None


def person(key: str, *categories: str) -> Recipient:
    return Recipient(key=key, name="测试" + key, categories=frozenset(categories))


def test_a_local_category_becomes_its_national_parent_and_its_label_is_kept() -> None:
    ledger = Ledger(recipients=(person("R1", "hn_hard_disabled", Category.ORPHAN),))
    local = [Local("hn_hard_disabled", "困难残疾人", Category.DISABLED_PERSON.value)]
    fitted, changes = fit_categories(ledger, TARGET, local)
    (moved,) = fitted.recipients
    assert moved.categories == {Category.DISABLED_PERSON, Category.ORPHAN}
    assert moved.extras == {"原对象类别": "困难残疾人"}
    assert [(c.code, c.replacement, c.people) for c in changes] == [
        ("hn_hard_disabled", "disabled_person", 1)
    ]


def test_a_category_without_a_parent_becomes_other_in_difficulty() -> None:
    ledger = Ledger(recipients=(person("R1", "hn_left_behind_women"), person("R2", "unknown")))
    fitted, changes = fit_categories(
        ledger, TARGET, [Local("hn_left_behind_women", "农村留守妇女")]
    )
    assert [p.categories for p in fitted.recipients] == [{"other_in_difficulty"}] * 2
    assert [p.extras["原对象类别"] for p in fitted.recipients] == ["农村留守妇女", "unknown"]
    assert len(changes) == 2


def test_people_whose_categories_fit_are_unchanged() -> None:
    ledger = Ledger(recipients=(person("R1", Category.SUBSISTENCE_ALLOWANCE),))
    fitted, changes = fit_categories(ledger, TARGET, [])
    assert fitted == ledger and changes == ()
