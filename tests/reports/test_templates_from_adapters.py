"""Every built-in template reaches the core through the plugin hook, builds from a real
``Ledger``, and reports an empty ledger's figures as not computable (never as zeros)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from socialwork_core.ledger import Ledger
from socialwork_core.periods import PeriodKind, cumulative
from socialwork_core.plugins import load_plugins
from socialwork_core.reports import ReportSettings, write_report

AS_OF = date(2022, 11, 24)
BUILT_IN = {"national", "guangdong", "henan", "anhui"}


def test_the_adapters_contribute_six_templates_with_unique_names() -> None:
    every = [t.name for t in load_plugins().report_templates()]
    assert len(every) == len(set(every))
    # Other installed adapters (the example Zhejiang plugin) may add their own.
    names = sorted(n for n in every if n.split(".")[0] in BUILT_IN)
    assert names == [
        "anhui.quarterly",
        "anhui.station_evaluation",
        "guangdong.cumulative",
        "guangdong.monthly",
        "henan.weekly",
        "national.monthly",
    ]


def test_an_empty_ledger_gives_reasons_not_zeros_in_every_template(tmp_path: Path) -> None:
    for template in load_plugins().report_templates():
        if template.period_kind is PeriodKind.CUMULATIVE:
            period = cumulative(date(2022, 1, 1), AS_OF)
        else:
            period = template.period_for(AS_OF)
        report = template.build(
            Ledger(),
            period,
            as_of=AS_OF,
            unit="测试单位",
            settings=ReportSettings(townships_total=10, villages_total=100),
        )
        values = [f.value for f in report.figures()]
        assert values, template.name
        assert all(v is None for v in values), template.name
        assert len(report.not_computable) == len({f.code for f in report.figures()}), template.name
        path = write_report(report, tmp_path / f"{template.name}.xlsx")
        cells = [
            c
            for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)
            for c in row
        ]
        assert 0 not in cells, template.name
        assert report.title in cells
