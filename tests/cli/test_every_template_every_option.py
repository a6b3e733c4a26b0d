"""Issue #13's last acceptance point, on every report template the plugins offer (the built-in ones
and any installed, the Zhejiang example among them): ``socialwork report`` made for one campaign
(``--campaign``), with a settings file (``--settings``), up to a date (``--period ..DATE``) and for
a date range, each from a ledger in the template's own adapter's layout (the testing kit's made-up
ledger: a publicity week and a year-long cold wave in its 专项活动 sheet where the layout has one,
the cold wave's ID on visits and activities in every layout)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from report_json import figures

from socialwork_core.glossary.messages import testing as kit_words
from socialwork_core.ledger import Ledger, write_ledger
from socialwork_core.plugins import Plugins, load_plugins
from socialwork_core.reports import ReportTemplate
from socialwork_core.testing import synthetic_ledger

from .conftest import Run, run_command

AS_OF = date(2023, 3, 31)
"""The last day of the made-up year of work."""
WEEK = kit_words.PUBLICITY_WEEK_ID
"""The kit's publicity week: seven days the kit's ledger defines in its 专项活动 sheet."""
CARRIED = kit_words.CAMPAIGN_ID
"""The campaign the kit's visits and activities carry, in a layout without a 专项活动 sheet."""
YEAR = "2022-04-01..2023-03-31"
"""The made-up year of work."""
SETTINGS = """\
unit = "测试县民政局"

[signatories]
preparer = "陈晓燕"
reviewer = "周建国"

[area]
townships = 15
villages = 250
"""

PLUGINS: Plugins = load_plugins(environ={})


def _adapter_of() -> dict[str, str]:
    return {
        t.name: a.name for a in PLUGINS.adapters() for t in PLUGINS.report_templates(adapter=a.name)
    }


ADAPTER_OF = _adapter_of()
TEMPLATES: list[ReportTemplate] = PLUGINS.report_templates()


@attrs.frozen
class Written:
    """An adapter's made-up ledger, as records and as the workbook written in its layout."""

    ledger: Ledger
    path: Path


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    """Each adapter's made-up ledger, written in its first layout."""
    folder = tmp_path_factory.mktemp("ledgers")
    written = {}
    for adapter in sorted(set(ADAPTER_OF.values())):
        fmt = PLUGINS.ledger_formats(adapter=adapter)[0]
        ledger = synthetic_ledger(fmt, as_of=AS_OF)
        written[adapter] = Written(ledger, write_ledger(folder / f"{adapter}.xlsx", ledger, fmt))
    return written


def report(
    template: ReportTemplate, ledgers: dict[str, Written], out: Path, *options: str | Path
) -> tuple[Run, dict[str, Any]]:
    adapter = ADAPTER_OF[template.name]
    run = run_command(
        "report", template.name, ledgers[adapter].path, "--adapter", adapter,
        "--as-of", AS_OF.isoformat(), "-o", out, *options,
    )  # fmt: skip
    assert run.status == 0, (template.name, run.err)
    return run, json.loads(out.read_text(encoding="utf-8"))


def test_every_template_of_every_adapter_is_here() -> None:
    names = {t.name for t in TEMPLATES}
    assert {
        "national.monthly",
        "guangdong.monthly",
        "guangdong.cumulative",
        "henan.weekly",
        "anhui.quarterly",
        "anhui.station_evaluation",
    } <= names
    assert set(ADAPTER_OF) == names


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_a_report_for_one_campaign_covers_its_days(
    template: ReportTemplate, ledgers: dict[str, Written], tmp_path: Path
) -> None:
    made = ledgers[ADAPTER_OF[template.name]].ledger
    if made.campaigns:
        # the publicity week of the 专项活动 sheet: its own seven days, its name in the notes
        campaign = next(c for c in made.campaigns if c.id == WEEK)
        chosen, days, named = WEEK, (campaign.start, campaign.end), campaign.title
    else:
        # a layout without that sheet: the days of the records carrying the ID
        carried = [c.on for c in made.contacts if c.alert_id == CARRIED]
        carried += [a.on for a in made.activities if a.campaign_id == CARRIED]
        carried += [h.on for h in made.handouts if h.campaign_id == CARRIED]
        chosen, days, named = CARRIED, (min(carried), max(carried)), CARRIED

    _, data = report(template, ledgers, tmp_path / "c.json", "--campaign", chosen)
    _, whole = report(template, ledgers, tmp_path / "year.json", "--period", YEAR)

    assert (data["period"]["start"], data["period"]["end"]) == tuple(d.isoformat() for d in days)
    assert any(str(named) in note for note in data["notes"])
    assert figures(data) and figures(data) != figures(whole)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_a_settings_file_gives_the_unit_the_signatories_and_the_area(
    template: ReportTemplate, ledgers: dict[str, Written], tmp_path: Path
) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text(SETTINGS, encoding="utf-8")

    _, data = report(
        template, ledgers, tmp_path / "r.json", "--period", "2023-01-01..2023-03-31",
        "--settings", settings,
    )  # fmt: skip

    assert data["unit"] == "测试县民政局"
    assert (data["footer"]["preparer"], data["footer"]["reviewer"]) == ("陈晓燕", "周建国")
    # coverage, wherever the template shows it, is computed from the area
    for code in ("coverage.townships", "coverage.villages"):
        if code in figures(data):
            assert figures(data)[code] is not None, (template.name, code)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_up_to_a_date_counts_what_a_range_from_before_the_records_counts(
    template: ReportTemplate, ledgers: dict[str, Written], tmp_path: Path
) -> None:
    _, up_to = report(template, ledgers, tmp_path / "up_to.json", "--period", "..2023-02-28")
    _, wide = report(
        template, ledgers, tmp_path / "wide.json", "--period", "1990-01-01..2023-02-28"
    )

    assert (up_to["period"]["kind"], up_to["period"]["end"]) == ("cumulative", "2023-02-28")
    assert figures(up_to) and figures(up_to) == figures(wide)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_a_date_range_is_reported_over_its_own_days_in_the_json_and_the_workbook(
    template: ReportTemplate, ledgers: dict[str, Written], tmp_path: Path
) -> None:
    dates = ("--period", "2022-11-15..2023-02-14")
    _, data = report(template, ledgers, tmp_path / "range.json", *dates)
    report_xlsx = tmp_path / "range.xlsx"
    run = run_command(
        "report", template.name, ledgers[ADAPTER_OF[template.name]].path, "--adapter",
        ADAPTER_OF[template.name], "--as-of", AS_OF.isoformat(), *dates, "-o", report_xlsx,
    )  # fmt: skip

    assert data["period"] == {"start": "2022-11-15", "end": "2023-02-14", "kind": "range"}
    assert figures(data)
    assert run.status == 0, (template.name, run.err)
    cells = [
        c
        for row in openpyxl.load_workbook(report_xlsx).active.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert any("2022年11月15日至2023年2月14日" in c for c in cells), template.name
