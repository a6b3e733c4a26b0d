"""The glossary owns every Chinese term of the core; enumerations have stable codes and labels."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import socialwork_core
from socialwork_core.glossary import LabelledEnum, enumerations, terms
from socialwork_core.glossary.messages import MESSAGES

CORE = Path(socialwork_core.__file__).parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
ENUMS = list(enumerations())


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            # A string statement anywhere in a body is documentation (attribute docstrings too).
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                    ids.add(id(stmt.value))
    return ids


KIND_NAMES = ("label", "in_reasons")
"""A record kind's names are written in its row of the kinds table (``record_kinds.py``), where
each kind's facts live: the one place outside the glossary, and only as these keywords."""


def kind_names(tree: ast.AST) -> set[int]:
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword) and node.arg in KIND_NAMES
    }


def chinese_literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = docstring_nodes(tree)
    if path == CORE / "record_kinds.py":
        allowed |= kind_names(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in allowed
            and CJK.search(node.value)
        ):
            yield node.lineno, node.value


def core_modules_outside_glossary() -> list[Path]:
    return [p for p in sorted(CORE.rglob("*.py")) if "glossary" not in p.relative_to(CORE).parts]


def test_chinese_text_in_the_core_lives_in_the_glossary_alone() -> None:
    offenders = [
        f"{path.relative_to(CORE)}:{line}: {value!r}"
        for path in core_modules_outside_glossary()
        for line, value in chinese_literals(path)
    ]
    assert offenders == []


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enumeration_has_snake_case_codes_and_unique_chinese_labels(
    enum: type[LabelledEnum],
) -> None:
    codes = [m.value for m in enum]
    labels = [m.label for m in enum]
    # figure codes are dotted by area (visits.total); every part is snake case
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*", c) for c in codes), codes
    assert all(label.strip() for label in labels), labels
    assert any(CJK.search(label) for label in labels), labels  # a unit such as % may be a symbol
    assert len(set(labels)) == len(labels)
    for member in enum:
        assert enum.from_label(member.label) is member
        assert enum.from_code(member.value) is member


def test_an_unknown_code_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="home_visit"):
        terms.ContactMode.from_code("visit")


def test_every_message_code_is_dotted_and_every_template_is_chinese() -> None:
    for code, template in MESSAGES.items():
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", code), code
        assert CJK.search(template), code


def test_every_enumeration_of_the_glossary_is_listed() -> None:
    assert {terms.Sex, terms.Category, terms.ServiceLevel} <= set(ENUMS)
    assert len({e.__name__ for e in ENUMS}) >= 20
