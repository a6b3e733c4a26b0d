"""Seed 000 (云浮): the publicity week's ledger makes the Yunfu monthly report, and every number
of the article stands in the row where the form puts it, in the workbook and in the JSON."""

from __future__ import annotations

import pytest
import yunfu
from forms import Rendered, rendered

from socialwork_core.plugins import category_parents, load_plugins
from socialwork_core.reports import ReportSettings


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    plugins = load_plugins()
    template = {t.name: t for t in plugins.report_templates()}["guangdong.monthly"]
    settings = ReportSettings(
        category_parents=category_parents(plugins.categories_for_region("guangdong"))
    )
    report = template.build(
        yunfu.build(), yunfu.PERIOD, as_of=yunfu.AS_OF, unit="云浮市民政局", settings=settings
    )
    return rendered(report, tmp_path_factory.mktemp("yunfu"))


@pytest.mark.parametrize(("quote", "code", "label"), yunfu.FIGURES)
def test_the_article_number_stands_in_its_row(
    form: Rendered, quote: str, code: str, label: str
) -> None:
    number = yunfu.QUOTES[quote].number
    assert form.figure(code, row=label) == number, yunfu.QUOTES[quote].words
    assert form.cell(label) == number, yunfu.QUOTES[quote].words


def test_the_visits_in_no_row_are_named_in_a_note(form: Rendered) -> None:
    # the article's rows add up to 4301: the other 336 visits reached people with no category
    words = f"中有{yunfu.NOT_IN_A_ROW}人次的对象未登记对象类别或不在名册"
    assert any(words in str(cell) for row in form.rows for cell in row if cell is not None)
    assert any(words in note for note in form.data["notes"])
