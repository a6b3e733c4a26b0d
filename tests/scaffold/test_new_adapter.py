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
from socialwork_core.scaffold import ScaffoldError, adapter_files, write_adapter

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
