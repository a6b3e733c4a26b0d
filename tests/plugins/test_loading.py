"""Loading plugins: entry points for built-ins and outsiders alike, blocking, and loud failures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from socialwork_core.findings import Finding
from socialwork_core.plugins import (
    DISABLED_PLUGINS_ENV,
    PluginLoadError,
    hookimpl,
    load_plugins,
)
from socialwork_core.recipients import Recipient

from .conftest import InstallPlugin

BUILT_IN = {"national", "guangdong", "henan", "anhui"}

ZHEJIANG = """
    from socialwork_core.plugins import Region, hookimpl

    __version__ = "2.3.0"

    @hookimpl
    def socialwork_region():
        return Region(code="zhejiang", name="浙江省", division_codes=("33",),
                      adapter="socialwork-zhejiang", adapter_version=__version__)
"""


def test_the_built_in_adapters_are_found_through_their_entry_points() -> None:
    plugins = load_plugins(environ={})

    adapters = {a.name: a for a in plugins.adapters()}
    assert set(adapters) >= BUILT_IN
    for name in BUILT_IN:
        origin = adapters[name].origin
        assert origin.source == "entry_point"
        assert origin.distribution == "socialwork-core"
        assert origin.module == f"socialwork_{name}.plugin"
        assert origin.entry_point == f"{name} = socialwork_{name}.plugin"
        assert adapters[name].version == origin.distribution_version
    assert plugins.problems == ()


def test_each_built_in_adapter_serves_its_region() -> None:
    # The example Zhejiang plugin, when installed, would serve 330784; block it to see the default.
    plugins = load_plugins(environ={}, blocked=("zhejiang",))

    assert {r.code for r in plugins.regions()} >= BUILT_IN
    assert plugins.region("guangdong").name == "广东省"
    assert plugins.region_for_division("441823").code == "guangdong"
    assert plugins.region_for_division("410221").code == "henan"
    assert plugins.region_for_division("341721").code == "anhui"
    assert plugins.region_for_division("330784").code == "national"


def test_an_outside_package_is_found_through_its_entry_point_like_the_built_ins(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin("zhejiang", ZHEJIANG, distribution="socialwork-zhejiang", version="2.3.0")

    plugins = load_plugins(environ={})

    adapter = next(a for a in plugins.adapters() if a.name == "zhejiang")
    assert adapter.version == "2.3.0"
    assert adapter.origin.source == "entry_point"
    assert adapter.origin.distribution == "socialwork-zhejiang"
    assert adapter.origin.distribution_version == "2.3.0"
    assert adapter.origin.module == "socialwork_zhejiang_plugin"
    assert plugins.region_for_division("330784").code == "zhejiang"
    assert set(plugins.names()) >= BUILT_IN


def test_blocked_plugins_are_not_loaded() -> None:
    plugins = load_plugins(blocked=["henan"], environ={})

    assert "henan" not in plugins.names()
    assert plugins.region_for_division("410221").code == "national"


def test_the_environment_variable_blocks_a_comma_separated_list_of_plugins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DISABLED_PLUGINS_ENV, "henan, anhui ,")

    plugins = load_plugins()

    assert set(plugins.names()) & BUILT_IN == {"national", "guangdong"}


def test_without_entry_points_only_the_extra_plugins_are_loaded() -> None:
    class OnlyChecks:
        @hookimpl
        def socialwork_check_recipient(self, recipient: Recipient, as_of: date) -> list[Finding]:
            return []

    plugins = load_plugins(load_entrypoints=False, extra_plugins=[OnlyChecks()], environ={})

    assert plugins.names() == ("OnlyChecks",)
    (info,) = plugins.adapters()
    assert info.origin.source == "extra"
    assert info.origin.module == __name__
    assert info.region is None
    assert plugins.regions() == ()


def test_a_misspelt_hook_sets_its_plugin_aside_naming_the_hook_it_meant(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "typo",
        """
        from socialwork_core.plugins import hookimpl

        @hookimpl
        def socialwork_regoin():
            return None
        """,
    )

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("typo", "plugins.unknown_hook")
    assert "socialwork_regoin" in problem.finding.message
    assert "did you mean 'socialwork_region'" in problem.detail
    assert plugins.set_aside() == ("typo",)
    assert set(plugins.names()) >= BUILT_IN
    with pytest.raises(PluginLoadError, match=r"plugin 'typo'.*socialwork_regoin"):
        load_plugins(environ={}, strict=True)


def test_a_hook_function_without_the_marker_sets_its_plugin_aside(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "unmarked",
        """
        def socialwork_extra_categories():
            return []
        """,
    )

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("unmarked", "plugins.unmarked_hook")
    assert "without @hookimpl" in problem.detail
    assert "unmarked" not in plugins.names()
    assert set(plugins.names()) >= BUILT_IN


def test_an_implementation_asking_for_an_unknown_argument_sets_its_plugin_aside(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "wrongargs",
        """
        from socialwork_core.plugins import hookimpl

        @hookimpl
        def socialwork_check_recipient(recipient, today):
            return []
        """,
    )

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("wrongargs", "plugins.hook_invalid")
    assert "today" in problem.detail
    assert "wrongargs" not in plugins.names()
    assert set(plugins.names()) >= BUILT_IN


def test_a_blocked_broken_plugin_does_no_harm(install_plugin: InstallPlugin) -> None:
    install_plugin(
        "typo",
        "from socialwork_core.plugins import hookimpl\n\n@hookimpl\ndef socialwork_x(): pass\n",
    )

    plugins = load_plugins(blocked=["typo"], environ={})

    assert "typo" not in plugins.names()


def test_a_plugin_that_fails_to_import_is_recorded_and_the_others_stay_usable(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin("broken", "import socialwork_module_that_does_not_exist\n")

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert problem.plugin == "broken"
    assert problem.code == "plugins.import_failed"
    assert "broken" in problem.finding.message
    assert "ModuleNotFoundError" in problem.detail
    assert set(plugins.names()) >= BUILT_IN
    assert plugins.region("guangdong").code == "guangdong"


def test_two_plugins_claiming_one_region_are_both_named_and_set_aside(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "guangdong_next",
        """
        from socialwork_core.plugins import Region, hookimpl

        @hookimpl
        def socialwork_region():
            return Region(code="guangdong", name="广东省", division_codes=("44",),
                          adapter="socialwork-guangdong-next", adapter_version="0.9")
        """,
    )

    plugins = load_plugins(environ={})

    by_plugin = {p.plugin: p for p in plugins.problems}
    assert set(by_plugin) == {"guangdong", "guangdong_next"}
    assert all(p.code == "plugins.duplicate_region" for p in by_plugin.values())
    assert "guangdong_next" in by_plugin["guangdong"].finding.message
    assert "SOCIALWORK_DISABLED_PLUGINS" in by_plugin["guangdong"].finding.message
    assert {"national", "henan", "anhui"} <= set(plugins.names())
    assert plugins.region_for_division("441823").code == "national"


def test_blocking_one_claimant_settles_a_region_conflict(install_plugin: InstallPlugin) -> None:
    install_plugin(
        "guangdong_next",
        """
        from socialwork_core.plugins import Region, hookimpl

        @hookimpl
        def socialwork_region():
            return Region(code="guangdong", name="广东省", division_codes=("44",),
                          adapter="socialwork-guangdong-next", adapter_version="0.9")
        """,
    )

    plugins = load_plugins(blocked=["guangdong"], environ={})

    assert plugins.problems == ()
    assert plugins.region("guangdong").adapter == "socialwork-guangdong-next"


def test_strict_loading_raises_instead_of_recording(install_plugin: InstallPlugin) -> None:
    install_plugin("broken", "raise RuntimeError('boom')\n")

    with pytest.raises(PluginLoadError, match="broken") as caught:
        load_plugins(environ={}, strict=True)
    assert [p.code for p in caught.value.problems] == ["plugins.import_failed"]


def test_a_region_hook_that_raises_is_recorded_and_the_plugin_set_aside(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "faulty",
        """
        from socialwork_core.plugins import hookimpl

        @hookimpl
        def socialwork_region():
            raise ValueError("no region today")
        """,
    )

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("faulty", "plugins.hook_failed")
    assert "socialwork_region" in problem.finding.message
    assert "faulty" not in plugins.names()


def test_importing_the_contract_loads_no_plugin_and_no_workbook_reader() -> None:
    code = (
        "import sys, socialwork_core, socialwork_core.plugins\n"
        "loaded = [m for m in sys.modules if m.startswith('socialwork_') and '.plugin' in m"
        " and not m.startswith('socialwork_core')]\n"
        "assert not loaded, loaded\n"
        "heavy = [m for m in ('openpyxl', 'socialwork_core.tabular') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_two_distributions_with_one_plugin_name_keep_the_first_found(
    install_plugin: InstallPlugin,
) -> None:
    install_plugin(
        "henan",
        """
        from socialwork_core.plugins import Region, hookimpl

        @hookimpl
        def socialwork_region():
            return Region(code="henan_fork", name="河南省", division_codes=("4102",),
                          adapter="socialwork-henan-fork", adapter_version="0.2")
        """,
        distribution="socialwork-henan-fork",
    )

    plugins = load_plugins(environ={})

    (problem,) = plugins.problems
    assert (problem.plugin, problem.code) == ("henan", "plugins.duplicate_name")
    assert "socialwork-henan-fork" in problem.finding.message
    assert "socialwork-core" in problem.finding.message
    # The earlier entry on sys.path wins, as imports do; the other is named, not silently lost.
    assert plugins.region_for_division("410223").code == "henan_fork"
    assert {"national", "guangdong", "anhui"} <= set(plugins.names())
