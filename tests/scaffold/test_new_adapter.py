"""``socialwork new-adapter``: a package for a region that passes its own tests as written.

CI also installs one with pip in a fresh environment and runs its tests (``.ci/run``); here the
generated package is made importable with its entry point (a ``.dist-info`` beside it, as pip
leaves it) and its tests run in a separate pytest process."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from socialwork_core.cli import main
from socialwork_core.cli.commands import new_adapter
from socialwork_core.scaffold import ScaffoldError, adapter_files, source_of, write_adapter

pytest_plugins = ["pytester"]


def test_the_command_writes_the_package_and_says_what_to_do_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["new-adapter", "sichuan", "--province", "四川省", "--division", "51", "-o", str(tmp_path)]
    )
    assert status == 0
    root = tmp_path / "socialwork-sichuan"
    assert capsys.readouterr().out.strip() == str(root)
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert (
        '[project.entry-points.socialwork_core]\nsichuan = "socialwork_sichuan.plugin"' in pyproject
    )
    assert 'name="四川省"' in (root / "src/socialwork_sichuan/region.py").read_text(
        encoding="utf-8"
    )
    assert 'division_codes=("51",)' in (root / "src/socialwork_sichuan/region.py").read_text(
        encoding="utf-8"
    )
    for path in root.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize(
    ("name", "options", "code"),
    [
        ("Sichuan", {}, "scaffold.bad_name"),
        ("national", {}, "scaffold.bad_name"),
        ("sichuan", {"division": "5"}, "scaffold.bad_division"),
        ("sichuan", {"province": "Sichuan"}, "scaffold.bad_province"),
    ],
)
def test_a_name_province_or_division_that_cannot_make_an_adapter_is_refused_in_words(
    name: str, options: dict[str, str], code: str
) -> None:
    values = {"province": "四川省", "division": "51", **options}
    with pytest.raises(ScaffoldError) as refused:
        adapter_files(name, **values)
    assert refused.value.code == code
    assert "“" in str(refused.value)  # the Chinese message quotes the value


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    root = write_adapter("sichuan", province="四川省", division="51", directory=tmp_path)
    (root / "README.md").write_text("ours", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="已存在"):
        write_adapter("sichuan", province="四川省", division="51", directory=tmp_path)
    assert (root / "README.md").read_text(encoding="utf-8") == "ours"
    assert main(["new-adapter", "sichuan", "-o", str(tmp_path)]) == 2


def test_the_generated_package_passes_its_own_tests(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_adapter("sichuan", province="四川省", division="51", directory=pytester.path)
    for item in root.iterdir():
        shutil.move(str(item), pytester.path / item.name)
    (pytester.path / "src" / "socialwork_sichuan").rename(pytester.path / "socialwork_sichuan")
    info = pytester.mkdir("socialwork_sichuan-0.1.0.dist-info")
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: socialwork-sichuan\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[socialwork_core]\nsichuan = socialwork_sichuan.plugin\n", encoding="utf-8"
    )
    monkeypatch.setenv("PYTHONPATH", str(pytester.path))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q", "tests")
    result.assert_outcomes(passed=14, skipped=3)


@pytest.mark.parametrize(
    ("direct_url", "install"),
    [
        (None, None),  # from a package index: pip leaves no direct_url.json
        ('{"url": "https://example.org/socialwork_core-0.1.0.tar.gz", "archive_info": {}}', None),
        (
            '{"url": "file:///home/team/socialwork-core", "dir_info": {"editable": true}}',
            "-e /home/team/socialwork-core",
        ),
        (
            '{"url": "file:///tmp/dist/socialwork_core-0.1.0-py3-none-any.whl", "archive_info": {}}',
            "/tmp/dist/socialwork_core-0.1.0-py3-none-any.whl",
        ),
        ('{"url": "file:///home/my%20team/core", "dir_info": {}}', "'/home/my team/core'"),
        ("not json", None),
    ],
)
def test_a_core_not_from_a_package_index_is_installed_again_from_where_it_came(
    direct_url: str | None, install: str | None
) -> None:
    assert source_of(direct_url) == install


def test_the_command_says_how_to_install_a_core_from_a_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(new_adapter, "core_source", lambda: "-e /home/team/socialwork-core")
    assert main(["new-adapter", "sichuan", "--province", "四川省", "-o", str(tmp_path)]) == 0
    said = capsys.readouterr().err
    assert "pip install -e /home/team/socialwork-core" in said
    assert "软件源" in said  # the Chinese sentence comes first

    monkeypatch.setattr(new_adapter, "core_source", lambda: None)
    assert main(["new-adapter", "gansu", "--province", "甘肃省", "-o", str(tmp_path)]) == 0
    assert "pip install -e /home" not in capsys.readouterr().err


def test_the_package_ignores_its_environment_and_what_its_readme_writes() -> None:
    ignored = adapter_files("sichuan", province="四川省", division="51")[".gitignore"]
    readme = adapter_files("sichuan", province="四川省", division="51")["README.md"]
    assert ".venv/" in ignored.splitlines() and "python -m venv .venv" in readme
    assert "/*.xlsx" in ignored.splitlines() and "example.xlsx" in readme
