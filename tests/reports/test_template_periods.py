"""What ``--period`` a template takes: its own period, any date range, the whole year and 截至 a
date; anything else is refused with a message naming what it takes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from socialwork_core.indicators import RecordSet
from socialwork_core.ledger import Ledger
from socialwork_core.periods import (
    PeriodKind,
    date_range,
    half_year,
    month,
    parse_period,
    quarter,
    up_to,
    year,
)
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import (
    EVERY_TEMPLATE_TAKES,
    PeriodNotAccepted,
    Report,
    ReportSettings,
    ReportTemplate,
    write_report,
)
from socialwork_core.stations import SocialWorker

AS_OF = date(2023, 7, 10)


def _blank(*_args: object, **_kwargs: object) -> Report:
    raise AssertionError("a refused period must not reach the builder")


def _monthly(**changes: object) -> ReportTemplate:
    fields: dict[str, object] = {
        "name": "testland.monthly",
        "title": "测试月报",
        "period_kind": PeriodKind.MONTH,
        "builder": _blank,
    }
    return ReportTemplate(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_template_takes_its_own_period_a_range_a_year_and_up_to_a_date() -> None:
    template = _monthly()

    assert template.period_kinds == {PeriodKind.MONTH} | EVERY_TEMPLATE_TAKES
    for period in (
        month(2023, 3),
        date_range(date(2023, 1, 1), date(2023, 3, 31)),
        year(2023),
        up_to(date(2023, 6, 30)),
    ):
        assert template.accepts(period), period
    assert template.period_examples == (
        "2023-03",
        "2023",
        "2023-01-01..2023-03-31",
        "..2023-06-30",
    )


def test_another_calendar_kind_is_refused_naming_what_is_taken_and_the_same_dates_as_a_range() -> (
    None
):
    template = _monthly()

    with pytest.raises(PeriodNotAccepted) as caught:
        template.build(Ledger(), quarter(2023, 1), as_of=AS_OF, unit="某镇社工站")

    message = str(caught.value)
    assert "filed per month" in message
    assert "month (2023-03)" in message and "..2023-06-30" in message
    assert "2023-01-01..2023-03-31 for the same dates" in message
    assert caught.value.period == quarter(2023, 1)


def test_a_template_that_really_cannot_take_a_kind_declares_fewer() -> None:
    template = _monthly(period_kinds={"month", "range"})

    assert not template.accepts(year(2023))
    with pytest.raises(PeriodNotAccepted, match=r"takes month \(2023-03\), range") as caught:
        template.build(Ledger(), up_to(date(2023, 6, 30)), as_of=AS_OF, unit="某镇社工站")
    assert "..2023-06-30" in str(caught.value)


def test_a_template_must_take_its_own_period_kind() -> None:
    with pytest.raises(ValueError, match="must take its own period kind 'month'"):
        _monthly(period_kinds={"range"})


@pytest.mark.parametrize(
    "text", ["2023-01-01..2023-06-30", "2023", "..2023-06-30", "2023年1月1日至2023年6月30日"]
)
def test_every_built_in_template_builds_for_a_range_a_year_and_up_to_a_date(
    text: str, tmp_path: Path
) -> None:
    for template in load_plugins(environ={}).report_templates():
        period = parse_period(text, first_weekday=template.first_weekday)

        report = template.build(
            Ledger(), period, as_of=AS_OF, unit="测试单位", settings=ReportSettings()
        )

        assert report.period == period, template.name
        cells = [
            c
            for row in openpyxl.load_workbook(
                write_report(report, tmp_path / f"{template.name}.xlsx")
            ).active.iter_rows(values_only=True)
            for c in row
            if isinstance(c, str)
        ]
        line = next(c for c in cells if "统计期间" in c)
        if period.from_records_start:
            assert line.endswith("截至2023年6月30日"), template.name
        else:
            assert "2023年1月1日至2023年" in line, template.name


def test_a_half_year_is_refused_by_a_quarterly_template_before_anything_is_computed() -> None:
    (template,) = [
        t for t in load_plugins(environ={}).report_templates() if t.name == "anhui.quarterly"
    ]

    with pytest.raises(PeriodNotAccepted, match=r"2023-01-01\.\.2023-06-30 for the same dates"):
        template.build(Ledger(), half_year(2023, 1), as_of=AS_OF, unit="东至县民政局")


def test_stock_figures_are_counted_on_the_last_day_of_the_period_not_the_as_of_date() -> None:
    workers = (
        SocialWorker(id="w1", name="社工甲", certificate="assistant"),
        SocialWorker(id="w2", name="社工乙", certificate="assistant", left_on=date(2023, 1, 15)),
        SocialWorker(id="w3", name="社工丙", started_on=date(2023, 2, 1)),
    )
    (template,) = [
        t for t in load_plugins(environ={}).report_templates() if t.name == "anhui.quarterly"
    ]

    def staff(period_text: str) -> tuple[object, object]:
        report = template.build(
            RecordSet(workers=workers),
            parse_period(period_text),
            as_of=date(2023, 7, 10),
            unit="东至县民政局",
        )
        return report.figure("workers.in_post").value, report.figure("workers.certified").value

    assert staff("2022") == (2, 2)  # on 31 December 2022: w1 and w2
    assert staff("2023-Q1") == (2, 1)  # on 31 March 2023: w1 and w3; w2 left
    assert staff("..2023-01-10") == (2, 2)
