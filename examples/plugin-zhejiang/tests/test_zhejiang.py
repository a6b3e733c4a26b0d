"""What is Zhejiang's own: the register's category words, the local category's age rule, and the
half-year report's rows. Synthetic data only (made-up ID numbers from ``compose``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from socialwork_zhejiang.categories import VETERAN_LIVING_ALONE
from socialwork_zhejiang.formats import FORMAT
from socialwork_zhejiang.reports import HALF_YEAR, LABELS

from socialwork_core.glossary import Category
from socialwork_core.identity.resident_id import compose
from socialwork_core.indicators import VISIT_MODES
from socialwork_core.ledger import load_ledger
from socialwork_core.periods import half_year
from socialwork_core.plugins import Plugins, load_plugins
from socialwork_core.testing import synthetic_ledger

AS_OF = date(2024, 6, 30)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return load_plugins()


def test_the_register_reads_zhejiang_category_words(tmp_path: Path, plugins: Plugins) -> None:
    from openpyxl import Workbook

    veteran = compose("330784", date(1950, 3, 1), 101)
    child = compose("330784", date(2015, 5, 2), 202)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "低保低边对象信息采集表"
    sheet.append(["档案编号", "姓名", "身份证号", "救助类别", "信息采集日期", "采集社工"])
    sheet.append(["ZJ001", "陈建国", veteran, "低边户、独居老兵", "2024-03-02", "W001"])
    sheet.append(["ZJ002", "王欣怡", child, "低保户", "2024-03-05", "W001"])
    workbook.save(tmp_path / "register.xlsx")

    detected = plugins.detect_workbook_format(tmp_path / "register.xlsx")
    assert detected is not None and detected.adapter == "zhejiang"
    result = load_ledger(tmp_path / "register.xlsx", FORMAT, converter=plugins.make_converter())

    assert result.errors == ()
    first, second = result.ledger.recipients
    assert first.categories == {Category.NEAR_SUBSISTENCE, VETERAN_LIVING_ALONE.code}
    assert first.registered_on == date(2024, 3, 2)
    assert second.categories == {Category.SUBSISTENCE_ALLOWANCE}
    assert plugins.check_recipient(first, AS_OF, adapter="zhejiang") == []


def test_a_veteran_under_sixty_is_flagged_not_dropped(plugins: Plugins) -> None:
    ledger = synthetic_ledger(FORMAT, as_of=AS_OF)
    young = ledger.recipients[3]  # 45 on the as-of date
    assert young.age(AS_OF) is not None and young.age(AS_OF) < 60
    flagged = young.__class__(
        key=young.key,
        name=young.name,
        birth_date=young.birth_date,
        categories={VETERAN_LIVING_ALONE.code},
    )
    findings = plugins.check_recipient(flagged, AS_OF, adapter="zhejiang")
    assert [f.code for f in findings] == ["category.too_young"]


def test_the_half_year_report_names_its_rows_and_counts_veterans(plugins: Plugins) -> None:
    ledger = synthetic_ledger(
        FORMAT,
        as_of=AS_OF,
        region=plugins.region("zhejiang"),
        local_categories=[VETERAN_LIVING_ALONE],
    )
    period = half_year(2024, 1)
    report = HALF_YEAR.build(ledger, period, as_of=AS_OF, unit="永康市西城街道社会工作站")

    visits_in_period = [c for c in ledger.contacts if c.on in period and c.mode in VISIT_MODES]
    visits = report.figure("visits.total")
    assert visits.label == LABELS["visits.total"]
    assert visits.value == len(visits_in_period) > 0

    holders = {r.key for r in ledger.recipients if r.holds(VETERAN_LIVING_ALONE.code)}
    assert holders, "the synthetic ledger gives some people the local category"
    veterans = report.figure("visits.group.veteran_living_alone")
    assert veterans.label == VETERAN_LIVING_ALONE.label
    assert veterans.value == sum(
        1 for c in visits_in_period for key in c.recipient_keys if key in holders
    )
    assert report.figure("workers.certified").label == LABELS["workers.certified"]
