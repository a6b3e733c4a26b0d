"""Keep the person, flag the cell: a worker's typo in a cell that identifies no one, in any of the
variety styles, never takes anyone off the register, the visits or the due list, and is flagged
where it stands (docs/domain.md; ``typos`` says what is changed and what is compared).

The property test takes a style (the xlsx and CSV ones), a person's or a visit's cell that does not
identify them and a typo a worker makes, writes the file again with that one cell changed, and reads
it as a station worker does: through the plugins' ``load_ledger`` (as the scorer does) and through
``socialwork validate`` and ``socialwork due``. The small tests below it are the cases it found,
each kept as a specification of its own.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from . import typos
from .generate import write_styles
from .scorer import Reading, read_in_process
from .styles import STYLES

READABLE = ("xlsx", "csv")
"""The formats a cell is changed in (an .ods or .xls is written by the generator only)."""


@cache
def _folder() -> Path:
    """Every style written once for this module (the session's ``variety_dir`` cannot be given
    to a hypothesis test's examples)."""
    out = Path(tempfile.mkdtemp(prefix="keep-the-person-"))
    write_styles(out)
    return out


@cache
def _key(name: str) -> Mapping[str, Any]:
    return json.loads((_folder() / f"{name}.key.json").read_text(encoding="utf-8"))


@cache
def _plain(name: str) -> tuple[Reading, frozenset[str]]:
    """The unchanged file's reading and the people its due list names."""
    path = _folder() / name
    _, listed = typos.due_keys(path, _key(name))
    return read_in_process(path), frozenset(listed)


@cache
def _files() -> tuple[str, ...]:
    names = []
    for style in STYLES:
        plan = style.build(random.Random(f"variety:{style.slug}"))
        if plan.format in READABLE:
            names.append(plan.file)
    return tuple(names)


@cache
def _targets(name: str) -> tuple[typos.Target, ...]:
    path = _folder() / name
    key = _key(name)
    return tuple(t for t in typos.targets(key) if typos.cell_text(path, key, t) is not None)


@st.composite
def typo_in_a_cell(draw: st.DrawFn) -> tuple[str, typos.Target, typos.Typo]:
    name = draw(st.sampled_from(_files()))
    target = draw(st.sampled_from(_targets(name)))
    kind = draw(st.sampled_from(sorted(typos.TYPO_KINDS)))
    seed = draw(st.integers(0, 2**16))
    old = typos.cell_text(_folder() / name, _key(name), target) or ""
    value = typos.TYPO_KINDS[kind](old, target.field, random.Random(seed))
    return name, target, typos.Typo(kind, value)


def problems_of(
    name: str, target: typos.Target, typo: typos.Typo, out: Path
) -> tuple[list[str], list[Mapping[str, Any]]]:
    """Everything the changed file loses against the plain one, through the library and the
    command line; and the findings of ``socialwork validate``."""
    key = _key(name)
    csv_file = key["format"] == "csv"
    before, listed = _plain(name)
    changed = typos.with_value(_folder() / name, key, target, typo, out)
    after = read_in_process(changed)
    status, findings = typos.validated(changed, key)
    owner = typos.owner_row(key, target)
    problems = typos.broken_promises(
        before,
        after,
        target,
        typo,
        person_row=owner,
        csv_file=csv_file,
        findings=findings,
    )
    if status not in (0, 1):
        problems.append(f"socialwork validate ended with {status}")
    was = typos.person_at(before, *owner, csv_file)
    now = typos.person_at(after, *owner, csv_file) if after.document else None
    if was is not None and was["key"] in listed:
        status, due = typos.due_keys(changed, key)
        if status not in (0, 1) or now is None or now["key"] not in due:
            problems.append(f"the person is no longer on the due list (exit {status})")
    return problems, findings


SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure is a case to keep, not luck
    phases=(Phase.explicit, Phase.generate),  # each example writes and reads a file
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(typo_in_a_cell())
def test_a_typo_in_a_cell_that_identifies_no_one_loses_no_one(
    case: tuple[str, typos.Target, typos.Typo],
) -> None:
    name, target, typo = case
    with tempfile.TemporaryDirectory() as out:
        problems, _ = problems_of(name, target, typo, Path(out))
    assert not problems, (name, target, typo.kind, repr(typo.value)[:80], problems)


# --- the cases the property found, each on its own ------------------------------------------------

HUNAN = "01_湖南_花石镇特殊困难群体关爱台账（2024年一季度）.xlsx"
LIAONING = "09_辽宁_大长山岛镇重点关爱对象台账（2024年三季度）.xlsx"
SHIBING = "22_贵州_城关镇困难群众花名册.csv"
XINJIANG = "07_新疆_水西沟镇2024年8月走访明细.csv"


def _cell(name: str, field: str, kind: str = "person") -> typos.Target:
    """The first changeable cell of ``field`` in the style's file."""
    return next(t for t in _targets(name) if t.field == field and t.kind == kind)


def _flags(name: str, target: typos.Target, value: Any, tmp_path: Path) -> set[str]:
    """The codes of the findings ``socialwork validate`` gives at the cell once it holds
    ``value``; the person, their visits and their place on the due list kept besides."""
    problems, findings = problems_of(name, target, typos.Typo("case", value), tmp_path)
    assert not problems
    csv_file = _key(name)["format"] == "csv"
    return {i["code"] for i in typos.at_cell(findings, target, csv_file)}


@pytest.mark.parametrize("shown", ["#N/A", "#VALUE!", "#REF!"])
@pytest.mark.parametrize("field", ["categories", "sex", "phone", "village"])
def test_an_excel_error_value_in_a_register_cell_is_flagged_and_read_as_empty(
    field: str, shown: str, tmp_path: Path
) -> None:
    assert _flags(HUNAN, _cell(HUNAN, field), shown, tmp_path) == {"tabular.error_value"}


def test_an_excel_error_value_in_a_visit_s_mode_keeps_the_visit(tmp_path: Path) -> None:
    target = _cell(HUNAN, "mode", "visit")
    assert "tabular.error_value" in _flags(HUNAN, target, "#N/A", tmp_path)


def test_an_excel_error_value_saved_into_a_csv_is_flagged_too(tmp_path: Path) -> None:
    assert _flags(XINJIANG, _cell(XINJIANG, "village"), "#N/A", tmp_path) == {"tabular.error_value"}


def test_a_cell_quoting_commas_does_not_change_a_semicolon_csv_s_delimiter(
    tmp_path: Path,
) -> None:
    # the formula as a CSV keeps it: quoted, its own quotes doubled, commas inside
    target = _cell(SHIBING, "phone")
    assert _flags(SHIBING, target, '=IF(D5="","",D5)', tmp_path) == {"phone.invalid"}


@pytest.mark.parametrize("value", ["同上", "2024-03-05", "１３９ＸＸ"])
def test_a_guardian_s_phone_that_is_no_number_is_flagged(value: str, tmp_path: Path) -> None:
    target = _cell(LIAONING, "guardian_phone")
    assert _flags(LIAONING, target, value, tmp_path) == {"phone.invalid"}


def test_a_phone_typed_as_a_date_is_no_local_number(tmp_path: Path) -> None:
    assert _flags(HUNAN, _cell(HUNAN, "phone"), "2024.13.45", tmp_path) == {"phone.invalid"}


@pytest.mark.parametrize("value", [datetime(2024, 3, 5, 9, 30), "2024-03-05", 2024])
def test_a_birth_date_against_the_id_number_is_flagged_at_its_cell(
    value: Any, tmp_path: Path
) -> None:
    target = _cell(HUNAN, "birth_date")
    assert _flags(HUNAN, target, value, tmp_path) == {"recipient.birth_date_disagrees_with_id"}


def test_a_birth_month_agrees_with_the_id_number_s_day_in_it(tmp_path: Path) -> None:
    # 出生年月 1992.03 beside an ID saying 1992-03-27 is no disagreement
    key = _key(SHIBING)
    _, findings = typos.validated(_folder() / SHIBING, key)
    assert not [f for f in findings if f["code"] == "recipient.birth_date_disagrees_with_id"]
