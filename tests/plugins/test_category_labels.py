"""category_labels: the label map a ledger format's categories column needs for local categories."""

from __future__ import annotations

from socialwork_core.plugins import CategoryDefinition, category_labels


def test_each_label_then_its_synonyms_map_to_the_code() -> None:
    first = CategoryDefinition(code="zhejiang.a", label="甲类", synonyms=("甲", "甲户"))
    second = CategoryDefinition(code="zhejiang.b", label="乙类")

    labels = category_labels([first, second])

    assert list(labels.items()) == [
        ("甲类", "zhejiang.a"),
        ("甲", "zhejiang.a"),
        ("甲户", "zhejiang.a"),
        ("乙类", "zhejiang.b"),
    ]
