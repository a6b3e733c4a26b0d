"""A report's errors say what happened: only the template's refusal of a period is a period message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from socialwork_core import indicators
from socialwork_core.periods import month, quarter
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import PeriodNotAccepted

from .conftest import Run, example

Runner = Callable[..., Run]


def test_a_value_error_inside_an_indicator_exits_3_with_its_own_message(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_visits(*_args: object, **_kwargs: object) -> None:
        raise ValueError("visits: a contact without a date slipped through")

    monkeypatch.setattr(indicators, "visits_by_table", broken_visits)  # the monthly's visit table
    out = tmp_path / "r.xlsx"

    result = run(
        "report", "guangdong.monthly", example("guangdong"), "--period", "2023-03", "-o", out
    )

    assert result.status == 3
    assert "a contact without a date slipped through" in result.err
    assert "ValueError" in result.err
    assert "filed per" not in result.err and "填报" not in result.err  # not a period message
    assert not out.exists()


def test_a_period_the_template_is_not_filed_for_is_refused_before_the_ledger_is_read(
    run: Runner, tmp_path: Path
) -> None:
    missing = tmp_path / "no_such_ledger.xlsx"

    result = run(
        "report", "guangdong.monthly", missing, "--period", "2023-Q1", "-o", tmp_path / "r.xlsx"
    )

    assert result.status == 2
    assert "month" in result.err and "2023-Q1" in result.err


def test_the_template_raises_its_own_exception_for_a_period_it_does_not_take() -> None:
    (template,) = [
        t for t in load_plugins(environ={}).report_templates() if t.name == "guangdong.monthly"
    ]

    assert template.accepts(month(2023, 3))
    assert not template.accepts(quarter(2023, 1))
    with pytest.raises(PeriodNotAccepted, match="filed per month") as caught:
        template.build(None, quarter(2023, 1), as_of=month(2023, 4).start, unit="某镇社工站")  # type: ignore[arg-type]
    assert caught.value.template is template
