"""``socialwork report --period`` on every built-in template: its own period, any date range, the
whole year and 截至 a date; ``socialwork adapters`` says which."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_json import figures

from .conftest import Run, example

Runner = Callable[..., Run]

TEMPLATES = [
    "national.monthly",
    "guangdong.monthly",
    "guangdong.cumulative",
    "henan.weekly",
    "anhui.quarterly",
    "anhui.station_evaluation",
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_up_to_a_date_counts_everything_a_range_from_before_the_records_counts(
    run: Runner, tmp_path: Path, template: str
) -> None:
    ledger = example(template.split(".")[0])
    up_to = run(
        "report", template, ledger, "--period", "..2023-03-31", "--as-of", "2023-04-10",
        "-o", tmp_path / "up_to.json", "--format", "json",
    )  # fmt: skip
    assert up_to.status == 0, up_to.err
    assert up_to.json()["period"] == "..2023-03-31"
    wide = run(
        "report", template, ledger, "--period", "1990-01-01..2023-03-31", "--as-of",
        "2023-04-10", "-o", tmp_path / "range.json",
    )  # fmt: skip
    assert wide.status == 0, wide.err

    up_to = figures(tmp_path / "up_to.json")
    assert up_to and up_to == figures(tmp_path / "range.json")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_whole_year_is_taken_by_every_template(
    run: Runner, tmp_path: Path, template: str
) -> None:
    out = tmp_path / "year.xlsx"

    result = run(
        "report", template, example(template.split(".")[0]), "--period", "2022", "-o", out,
        "--as-of", "2023-04-10",
    )  # fmt: skip

    assert result.status == 0, result.err
    assert out.exists()


def test_a_kind_the_template_does_not_take_names_the_ones_it_does(
    run: Runner, tmp_path: Path
) -> None:
    result = run(
        "report", "anhui.quarterly", tmp_path / "never_read.xlsx", "--period", "2023-03",
        "-o", tmp_path / "r.xlsx",
    )  # fmt: skip

    assert result.status == 2
    assert "2023-Q1, 2023, 2023-01-01..2023-03-31, ..2023-06-30" in result.err


def test_adapters_shows_what_period_each_template_takes(run: Runner) -> None:
    text = run("adapters").out
    data = run("adapters", "--format", "json").json()

    assert "统计周期 --period: 2023-W47, 2023, 2023-01-01..2023-03-31, ..2023-06-30" in text
    templates = {t["name"]: t for a in data["adapters"] for t in a["report_templates"]}
    monthly = templates["guangdong.monthly"]
    assert monthly["period_kind"] == "month"
    assert monthly["period_kinds"] == ["cumulative", "month", "range", "year"]
    assert monthly["period_examples"] == [
        "2023-03",
        "2023",
        "2023-01-01..2023-03-31",
        "..2023-06-30",
    ]
    assert templates["guangdong.cumulative"]["period_examples"] == [
        "..2023-06-30",
        "2023",
        "2023-01-01..2023-03-31",
    ]
