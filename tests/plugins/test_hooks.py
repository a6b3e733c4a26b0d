"""One test (at least) per hook, named ``test_hook_<hook name>…``; ``test_docs.py`` checks that
every hook has one. Throwaway plugins are passed as ``extra_plugins`` without entry points."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import SimpleNamespace

import attrs
import cattrs
import pytest
from stdnum.cn import ric

from socialwork_core.findings import Finding
from socialwork_core.glossary import Category, Severity, StationTier
from socialwork_core.grading import RuleSet, choose_rule_set
from socialwork_core.ledger import FieldColumn, LedgerFormat, RecordKind, SheetFormat
from socialwork_core.plugins import (
    AgeRule,
    CategoryDefinition,
    PluginError,
    Plugins,
    Region,
    count_headers,
    hookimpl,
    load_plugins,
)
from socialwork_core.recipients import Recipient
from socialwork_core.reports import ReportTemplate
from socialwork_core.schedule import NATIONAL_DEFAULT

OUTSIDE_ZHEJIANG = ("zhejiang",)
"""The example Zhejiang plugin (examples/plugin-zhejiang) may be installed; these tests stand in
for it with plugins of their own, so the installed one is blocked."""


def resident_id(area: str, born: date, sequence: int) -> str:
    first17 = f"{area}{born:%Y%m%d}{sequence:03d}"
    return first17 + ric.calc_check_digit(first17 + "0")


def only(*plugins: object) -> Plugins:
    return load_plugins(load_entrypoints=False, extra_plugins=plugins, environ={})


def built_ins() -> Plugins:
    return load_plugins(environ={})


ZHEJIANG = Region(
    code="zhejiang",
    name="浙江省",
    division_codes=("33", "3307"),
    adapter="socialwork-zhejiang",
    adapter_version="0.1.0",
    first_weekday=4,
    tiers=(StationTier.TOWNSHIP_STATION, StationTier.VILLAGE_POINT),
    tier_labels={StationTier.VILLAGE_POINT: "社工室"},
)


class Zhejiang:
    """A throwaway adapter serving one region."""

    @hookimpl
    def socialwork_region(self) -> Region:
        return ZHEJIANG

    @hookimpl
    def socialwork_extra_categories(self) -> list[CategoryDefinition]:
        return [
            CategoryDefinition(code="zhejiang.near_low_income", label="低边户"),
            CategoryDefinition(
                code="zhejiang.young_carer",
                label="青少年照顾者",
                age_rule=AgeRule(under_age=25),
            ),
        ]


# --- socialwork_region ------------------------------------------------------------------------------


def test_hook_socialwork_region_a_plugin_serves_the_region_it_returns() -> None:
    plugins = only(Zhejiang())

    assert plugins.regions() == (ZHEJIANG,)
    assert plugins.region("zhejiang").tier_label(StationTier.VILLAGE_POINT) == "社工室"
    assert plugins.region("zhejiang").tier_label(StationTier.TOWNSHIP_STATION) == (
        StationTier.TOWNSHIP_STATION.label
    )
    assert plugins.adapter_for_region("zhejiang") == "Zhejiang"


def test_hook_socialwork_region_the_most_specific_division_prefix_wins() -> None:
    class Jinhua:
        @hookimpl
        def socialwork_region(self) -> Region:
            return attrs.evolve(ZHEJIANG, code="jinhua", division_codes=("330784",))

    class Pruned:
        @hookimpl
        def socialwork_region(self) -> Region:
            return attrs.evolve(ZHEJIANG, division_codes=("33",))

    plugins = only(Pruned(), Jinhua())

    assert plugins.region_for_division("330784").code == "jinhua"
    assert plugins.region_for_division("330102").code == "zhejiang"


def test_hook_socialwork_region_built_in_regions_carry_their_local_network() -> None:
    plugins = built_ins()

    assert plugins.region("henan").first_weekday == 4
    assert plugins.region("guangdong").tiers == (
        StationTier.TOWNSHIP_STATION,
        StationTier.VILLAGE_POINT,
    )
    assert plugins.region("anhui").tier_label(StationTier.VILLAGE_POINT) == "村（社区）社工室"
    assert plugins.region("national").is_national_default


# --- socialwork_extra_categories ----------------------------------------------------------------


def test_hook_socialwork_extra_categories_are_collected_per_plugin() -> None:
    plugins = built_ins()

    guangdong = {c.code for c in plugins.extra_categories(adapter="guangdong")}
    assert "guangdong.moderate_universal" in guangdong
    assert all(code.startswith("guangdong.") for code in guangdong)
    every = {c.code for c in plugins.extra_categories()}
    assert guangdong < every
    assert {"henan.childless_elderly", "anhui.relapse_monitoring"} <= every


def test_hook_socialwork_extra_categories_a_code_declared_twice_keeps_the_first() -> None:
    class Copycat:
        @hookimpl
        def socialwork_extra_categories(self) -> list[CategoryDefinition]:
            return [CategoryDefinition(code="zhejiang.near_low_income", label="另一个标签")]

    plugins = only(Zhejiang(), Copycat())

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("Copycat", "plugins.duplicate_category")
    labels = [c.label for c in plugins.extra_categories() if c.code == "zhejiang.near_low_income"]
    assert labels == ["低边户"]


def test_hook_socialwork_extra_categories_of_a_region_include_the_national_defaults() -> None:
    plugins = built_ins()

    codes = {c.code for c in plugins.categories_for_region("henan")}

    assert "henan.childless_elderly" in codes
    assert not any(code.startswith("guangdong.") for code in codes)


# --- socialwork_check_recipient -----------------------------------------------------------------


def test_hook_socialwork_check_recipient_collects_every_plugins_findings() -> None:
    class Strict:
        @hookimpl
        def socialwork_check_recipient(self, recipient: Recipient, as_of: date) -> list[Finding]:
            if not recipient.phones:
                return [Finding(code="zhejiang.no_phone", severity=Severity.INFO, message="无电话")]
            return []

    person = Recipient(key="ZJ-001", name="周雨桐")

    findings = only(Strict()).check_recipient(person, date(2024, 3, 1))

    assert [f.code for f in findings] == ["zhejiang.no_phone"]


def test_hook_socialwork_check_recipient_also_checks_local_age_rules() -> None:
    young_carer = Recipient(
        key="ZJ-002",
        name="吴思远",
        resident_id=resident_id("330784", date(1996, 5, 2), 31),
        categories={"zhejiang.young_carer", Category.OTHER_IN_DIFFICULTY},
    )

    findings = only(Zhejiang()).check_recipient(young_carer, date(2024, 3, 1))

    (finding,) = findings
    assert finding.code == "category.too_old"
    assert finding.severity is Severity.WARNING
    assert finding.params["age"] == "27"
    assert "青少年照顾者" in finding.message


def test_hook_socialwork_check_recipient_scoped_to_one_adapter() -> None:
    man = Recipient(
        key="HN-017",
        name="张建军",
        resident_id=resident_id("410221", date(1975, 8, 9), 11),
        categories={"henan.left_behind_woman"},
    )
    plugins = built_ins()

    henan = [f.code for f in plugins.check_recipient(man, date(2024, 3, 1), adapter="henan")]
    anhui = plugins.check_recipient(man, date(2024, 3, 1), adapter="anhui")

    assert henan == ["henan.left_behind_woman_not_female"]
    assert anhui == []


def test_hook_socialwork_check_recipient_guangdong_wants_a_responsible_worker() -> None:
    person = Recipient(key="GD-001", name="陈秀英", registered_on=date(2023, 1, 5))
    plugins = built_ins()

    findings = plugins.check_recipient(person, date(2024, 3, 1), adapter="guangdong")
    assigned = plugins.check_recipient(
        attrs.evolve(person, worker_id="W01"), date(2024, 3, 1), adapter="guangdong"
    )

    assert [f.code for f in findings] == ["guangdong.no_responsible_worker"]
    assert assigned == []


# --- socialwork_messages ----------------------------------------------------------------------


def test_hook_socialwork_messages_lets_finding_of_render_a_plugins_codes() -> None:
    class Messages:
        @hookimpl
        def socialwork_messages(self) -> dict[str, str]:
            return {"testzj.visit_overdue": "{name}已有{days}天未探访。"}

    plugins = only(Messages())
    with plugins.speaking():
        finding = Finding.of("testzj.visit_overdue", Severity.WARNING, name="周雨桐", days=45)

    assert plugins.problems == ()
    assert plugins.messages() == {"testzj.visit_overdue": "{name}已有{days}天未探访。"}
    assert finding.message == "周雨桐已有45天未探访。"
    assert finding.params == {"name": "周雨桐", "days": "45"}


def test_hook_socialwork_messages_built_in_checks_speak_through_their_templates() -> None:
    person = Recipient(key="GD-001", name="陈秀英", registered_on=date(2023, 1, 5))
    plugins = built_ins()

    (finding,) = plugins.check_recipient(person, date(2024, 3, 1), adapter="guangdong")

    assert "guangdong.no_responsible_worker" in plugins.messages(adapter="guangdong")
    assert finding.message == "陈秀英（GD-001）在册但没有负责社工，双百要求每名对象有专人跟进。"
    assert finding.params == {"name": "陈秀英", "key": "GD-001"}


def test_hook_socialwork_messages_refuses_what_would_change_anothers_words() -> None:
    class Greedy:
        @hookimpl
        def socialwork_messages(self) -> dict[str, str]:
            return {
                "resident_id.empty": "改掉核心的提示",  # the library's own code
                "guangdong.no_responsible_worker": "另一种说法",  # guangdong's, other words
                "testgreedy.attribute": "{name.__class__}",  # not a plain field
                "testgreedy.position": "{0}",
                "testgreedy.fine": "{name}可以",
            }

    plugins = load_plugins(extra_plugins=[Greedy()], environ={})
    refused = sorted(p.finding.params["message_code"] for p in plugins.problems)

    assert {p.finding.code for p in plugins.problems} == {"plugins.message_refused"}
    assert refused == [
        "guangdong.no_responsible_worker",
        "resident_id.empty",
        "testgreedy.attribute",
        "testgreedy.position",
    ]
    with plugins.speaking():
        assert Finding.of("testgreedy.fine", Severity.INFO, name="甲").message == "甲可以"
        assert Finding.of("resident_id.empty", Severity.ERROR).message != "改掉核心的提示"


def test_hook_socialwork_messages_a_plugins_templates_live_with_its_facade() -> None:
    class Messages:
        @hookimpl
        def socialwork_messages(self) -> dict[str, str]:
            return {"testscoped.only_here": "{name}只在这组插件里"}

    plugins = only(Messages())
    others = only()

    with plugins.speaking():
        assert Finding.of("testscoped.only_here", Severity.INFO, name="甲").message
    with others.speaking(), pytest.raises(KeyError):
        Finding.of("testscoped.only_here", Severity.INFO, name="甲")
    with pytest.raises(KeyError):
        Finding.of("testscoped.only_here", Severity.INFO, name="甲")


def test_hook_socialwork_messages_a_broken_hook_sets_only_its_plugin_aside() -> None:
    class Broken(Zhejiang):
        @hookimpl
        def socialwork_messages(self) -> dict[str, str]:
            raise RuntimeError("templates file missing")

    class NotADict:
        @hookimpl
        def socialwork_messages(self) -> list[str]:
            return ["testzj.x"]

    plugins = only(Broken(), NotADict(), Zhejiang())

    failed, wrong = plugins.problems
    assert (failed.plugin, failed.code) == ("Broken", "plugins.hook_failed")
    assert "templates file missing" in failed.detail
    assert (wrong.plugin, wrong.code) == ("NotADict", "plugins.hook_answer_wrong")
    assert "socialwork_messages returned a list" in wrong.detail
    assert "NotADict" in wrong.finding.message and "socialwork_messages" in wrong.finding.message
    assert plugins.names() == ("Zhejiang",)  # the others still serve


# --- socialwork_configure_converter ------------------------------------------------------------


@attrs.frozen
class VillageCode:
    value: str


def test_hook_socialwork_configure_converter_adds_a_plugins_rules() -> None:
    class Villages:
        @hookimpl
        def socialwork_configure_converter(self, converter: cattrs.Converter) -> None:
            converter.register_unstructure_hook(VillageCode, lambda v: v.value)
            converter.register_structure_hook(VillageCode, lambda d, _: VillageCode(str(d)))

    converter = only(Villages()).make_converter()

    assert converter.unstructure(VillageCode("441823101")) == "441823101"
    assert converter.structure("441823101", VillageCode) == VillageCode("441823101")
    assert converter.unstructure(date(2024, 3, 1)) == "2024-03-01"


def test_plugins_load_ledger_uses_the_library_converter_unless_a_plugin_adds_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without converter rules from plugins, ``Plugins.load_ledger`` leaves the converter to
    ``load_ledger`` (which then builds clean rows directly); with them, it passes the plugins'."""
    given: list[cattrs.Converter | None] = []

    def recording_load(*_args: object, converter: cattrs.Converter | None, **_kw: object) -> None:
        given.append(converter)

    monkeypatch.setattr("socialwork_core.ledger.load_ledger", recording_load)  # as imported on use

    class Villages:
        @hookimpl
        def socialwork_configure_converter(self, converter: cattrs.Converter) -> None:
            converter.register_unstructure_hook(VillageCode, lambda v: v.value)

    fmt = LedgerFormat(
        "t", [SheetFormat("recipients", ("名单",), [FieldColumn("name", ("姓名",))])]
    )
    plain, with_rules = built_ins(), only(Villages())
    plain.load_ledger("l.xlsx", fmt)
    with_rules.load_ledger("l.xlsx", fmt)

    assert (plain.configures_converter, with_rules.configures_converter) == (False, True)
    assert given[0] is None
    assert given[1] is not None and given[1].unstructure(VillageCode("4418")) == "4418"


# --- socialwork_report_templates ------------------------------------------------------------------


def test_hook_socialwork_report_templates_are_kept_apart_by_plugin() -> None:
    def builder(*_args: object, **_kwargs: object) -> SimpleNamespace:
        raise AssertionError("listing templates does not build them")

    monthly = ReportTemplate(
        name="zhejiang.monthly", title="月报", period_kind="month", builder=builder
    )

    class Reports(Zhejiang):
        @hookimpl
        def socialwork_report_templates(self) -> list[ReportTemplate]:
            return [monthly]

    plugins = only(Reports())

    assert plugins.report_templates() == [monthly]
    assert plugins.report_templates(adapter="Reports") == [monthly]
    assert plugins.report_templates_for_region("zhejiang") == [monthly]


# --- socialwork_ledger_formats --------------------------------------------------------------------

ZHEJIANG_FORMAT = LedgerFormat(
    name="zhejiang",
    sheets=(
        SheetFormat(
            kind=RecordKind.RECIPIENTS,
            sheet_names=("低边户台账",),
            columns=(
                FieldColumn("key", ("户编号",), required=True),
                FieldColumn("name", ("户主姓名",), required=True),
            ),
        ),
    ),
)


class ZhejiangLedger(Zhejiang):
    @hookimpl
    def socialwork_ledger_formats(self) -> list[LedgerFormat]:
        return [ZHEJIANG_FORMAT]

    @hookimpl
    def socialwork_detect_format(self, headers: Mapping[str, Sequence[str]]) -> str | None:
        return "zhejiang" if count_headers(headers, ("户编号", "户主姓名")) == 2 else None


def test_hook_socialwork_ledger_formats_are_kept_apart_by_plugin() -> None:
    plugins = only(ZhejiangLedger())

    assert plugins.ledger_formats() == [ZHEJIANG_FORMAT]
    assert plugins.ledger_formats_for_region("zhejiang") == [ZHEJIANG_FORMAT]


def test_hook_socialwork_ledger_formats_a_region_without_formats_uses_the_national_ones() -> None:
    class NoFormats(Zhejiang):
        pass

    plugins = load_plugins(extra_plugins=[NoFormats()], environ={}, blocked=OUTSIDE_ZHEJIANG)

    assert [f.name for f in plugins.ledger_formats_for_region("zhejiang")] == ["national"]
    assert [f.name for f in plugins.ledger_formats(adapter="guangdong")] == ["guangdong"]


# --- socialwork_rule_sets -------------------------------------------------------------------------


def test_hook_socialwork_rule_sets_default_to_the_national_rule_set() -> None:
    plugins = built_ins()

    assert plugins.rule_sets(adapter="national") == [NATIONAL_DEFAULT]
    for region in ("guangdong", "henan", "anhui"):
        assert plugins.rule_sets_for_region(region) == [NATIONAL_DEFAULT]


def test_hook_socialwork_rule_sets_a_region_may_bring_its_own_versions() -> None:
    stricter = attrs.evolve(
        NATIONAL_DEFAULT, name="zhejiang", version="2024.1", effective_from=date(2024, 1, 1)
    )

    class Rules(Zhejiang):
        @hookimpl
        def socialwork_rule_sets(self) -> list[RuleSet]:
            return [stricter]

    plugins = load_plugins(extra_plugins=[Rules()], environ={}, blocked=OUTSIDE_ZHEJIANG)

    assert plugins.rule_sets_for_region("zhejiang") == [stricter]
    assert choose_rule_set(plugins.rule_sets_for_region("zhejiang"), date(2024, 3, 1)) is stricter


# --- socialwork_detect_format ---------------------------------------------------------------------


def test_hook_socialwork_detect_format_the_claiming_plugin_names_its_format() -> None:
    plugins = load_plugins(extra_plugins=[ZhejiangLedger()], environ={}, blocked=OUTSIDE_ZHEJIANG)

    found = plugins.detect_format({"低边户台账": ("户编号", "户主姓名", "联系电话")})

    assert found is not None
    assert (found.adapter, found.format) == ("ZhejiangLedger", ZHEJIANG_FORMAT)


def test_hook_socialwork_detect_format_the_national_default_answers_last() -> None:
    plugins = built_ins()

    guangdong = plugins.detect_format({"Sheet1": ("档案号", "姓名", "困境类型", "跟进级别")})
    plain = plugins.detect_format({"Sheet1": ("档案号", "姓名", "对象类别")})
    unknown = plugins.detect_format({"Sheet1": ("品名", "单价")})

    assert guangdong is not None and guangdong.adapter == "guangdong"
    assert plain is not None and plain.adapter == "national"
    assert unknown is None


def test_hook_socialwork_detect_format_a_name_that_is_not_the_plugins_own_fails() -> None:
    class Confused:
        @hookimpl
        def socialwork_detect_format(self, headers: Mapping[str, Sequence[str]]) -> str:
            return "no_such_format"

    with pytest.raises(PluginError, match="no_such_format"):
        only(Confused()).detect_format({"Sheet1": ("姓名",)})


def test_hook_socialwork_check_recipient_for_a_region_runs_only_that_regions_checks() -> None:
    person = Recipient(
        key="HN-020",
        name="赵国庆",
        resident_id=resident_id("410223", date(1980, 2, 3), 15),
        categories={"henan.left_behind_woman", "guangdong.advanced_age_70"},
    )
    plugins = built_ins()

    henan = plugins.check_recipient_for_region(person, date(2024, 3, 1), "henan")
    guangdong = plugins.check_recipient_for_region(person, date(2024, 3, 1), "guangdong")

    assert [f.code for f in henan] == ["henan.left_behind_woman_not_female"]
    assert sorted(f.code for f in guangdong) == [
        "category.too_young",
        "guangdong.no_responsible_worker",
    ]
