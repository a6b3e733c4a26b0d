"""Every kind of output prints legibly: converted to PDF by headless LibreOffice and measured with
poppler's ``pdftotext -bbox``: A4, the expected number of pages, no text under 9 pt, nothing past
the right margin.

Needs ``soffice`` (libreoffice-calc), ``pdftotext`` (poppler-utils) and a CJK font
(fonts-noto-cjk); ``.ci/run`` installs them. Without them the suite is skipped, unless
``SOCIALWORK_RENDER_REQUIRED=1`` (set by CI), when it fails.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from socialwork_core.cli import main

pytestmark = pytest.mark.render

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
FIXTURES = ROOT / "tests" / "fixtures"
A4 = (595.3, 841.9)
"""A4 in points, short side first."""
SMALLEST_POINTS = 9.0
MARGIN_POINTS = 28.0
"""The printed margin is 0.5 in (36 pt); text may come a little closer, never past this."""
TOOLS = ("soffice", "pdftotext", "pdfinfo")


def _ledger(region: str) -> Path:
    return DATA / f"{region}_example_ledger.xlsx"


OUTPUTS: dict[str, tuple[list[str | Path], range]] = {
    "guangdong.monthly": (
        ["report", "guangdong.monthly", _ledger("guangdong"), "--period", "2023-03"],
        range(1, 3),
    ),
    "guangdong.cumulative": (
        [
            "report",
            "guangdong.cumulative",
            _ledger("guangdong"),
            "--period",
            "2021-01-01..2023-03-31",
        ],
        range(1, 3),
    ),
    "national.monthly": (
        ["report", "national.monthly", _ledger("national"), "--period", "2023-03"],
        range(1, 4),
    ),
    "henan.weekly": (
        ["report", "henan.weekly", _ledger("henan"), "--period", "2023-W12"],
        range(1, 4),
    ),
    "anhui.quarterly": (
        ["report", "anhui.quarterly", _ledger("anhui"), "--period", "2023-Q1"],
        range(1, 3),
    ),
    "anhui.station_evaluation": (
        ["report", "anhui.station_evaluation", _ledger("anhui"), "--period", "2023"],
        range(1, 2),
    ),
    "issues": (["validate", FIXTURES / "acceptance_ledger.xlsx", "--issues-out"], range(2, 8)),
    "due": (["due", _ledger("guangdong"), "--as-of", "2023-03-31"], range(5, 15)),
    "due-internal": (
        ["due", _ledger("guangdong"), "--as-of", "2023-03-31", "--internal"],
        range(2, 8),
    ),
    "grade": (["grade", _ledger("guangdong"), "--as-of", "2023-03-31"], range(5, 11)),
    "grade-internal": (
        ["grade", _ledger("guangdong"), "--as-of", "2023-03-31", "--internal"],
        range(1, 5),
    ),
    "ledger": (["convert", _ledger("guangdong"), "--to", "xlsx"], range(10, 150)),
}
"""Output kind → the command that writes it (``-o FILE`` added unless it ends with an output
option) and the pages it should take: a report one or two, a list about one page per ten to
twenty people with their reasons (the example ledger has about a hundred; a 上次探访 cell naming a
later call wraps, which leaves the reasons column wider and the list shorter), two rows a line
without them; a
whole ledger (``convert``), too wide for a page, across several pages at full size."""


@attrs.frozen
class Word:
    page: int
    text: str
    x_min: float
    x_max: float
    height: float


@attrs.frozen
class Printed:
    pages: tuple[tuple[float, float], ...]
    words: tuple[Word, ...]


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    missing = _missing_tools()
    if missing:
        reason = f"needs {', '.join(missing)} (apt-get install libreoffice-calc poppler-utils)"
        if os.environ.get("SOCIALWORK_RENDER_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("render")
    books = []
    for kind, (argv, _) in OUTPUTS.items():
        target = folder / f"{kind}.xlsx"
        args = [*argv, target] if argv[-1] == "--issues-out" else [*argv, "-o", target]
        status = main([str(a) for a in args], stdout=io.StringIO(), stderr=io.StringIO())
        assert status in (0, 1) and target.exists(), kind
        books.append(target)
    profile = (
        folder / "profile"
    )  # a profile of its own, so a desktop LibreOffice does not interfere
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {kind: _measure(folder / f"{kind}.pdf") for kind in OUTPUTS}


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def _measure(pdf: Path) -> Printed:
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages: list[tuple[float, float]] = []
    words: list[Word] = []
    for chunk in xhtml.split("<page ")[1:]:
        size = _PAGE.match("<page " + chunk)
        assert size is not None
        pages.append((float(size.group(1)), float(size.group(2))))
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            words.append(Word(len(pages), text, float(x0), float(x1), float(y1) - float(y0)))
    return Printed(tuple(pages), tuple(words))


def _kinds() -> Iterator[str]:
    yield from OUTPUTS


@pytest.mark.parametrize("kind", list(_kinds()))
def test_every_page_is_a4(printed: dict[str, Printed], kind: str) -> None:
    for width, height in printed[kind].pages:
        assert sorted((round(width, 1), round(height, 1))) == list(A4), kind


@pytest.mark.parametrize("kind", list(_kinds()))
def test_the_output_takes_the_pages_it_should(printed: dict[str, Printed], kind: str) -> None:
    assert len(printed[kind].pages) in OUTPUTS[kind][1], kind


@pytest.mark.parametrize("kind", list(_kinds()))
def test_no_text_is_smaller_than_9_points(printed: dict[str, Printed], kind: str) -> None:
    words = printed[kind].words
    assert words, f"{kind}: no text printed"
    smallest = min(words, key=lambda w: w.height)
    assert smallest.height >= SMALLEST_POINTS, (kind, smallest)


@pytest.mark.parametrize("kind", list(_kinds()))
def test_nothing_runs_past_the_right_margin(printed: dict[str, Printed], kind: str) -> None:
    result = printed[kind]
    for word in result.words:
        width = result.pages[word.page - 1][0]
        assert word.x_max <= width - MARGIN_POINTS, (kind, word)
        assert word.x_min >= MARGIN_POINTS, (kind, word)


@pytest.mark.parametrize("kind", list(_kinds()))
def test_every_page_is_numbered(printed: dict[str, Printed], kind: str) -> None:
    result = printed[kind]
    for page in range(1, len(result.pages) + 1):
        on_page = "".join(w.text for w in result.words if w.page == page)
        assert f"第{page}页共{len(result.pages)}页" in on_page, (kind, page)


@pytest.mark.parametrize("kind", [k for k in OUTPUTS if "." in k])
def test_a_report_ends_with_its_signature_block(printed: dict[str, Printed], kind: str) -> None:
    text = " ".join(w.text for w in printed[kind].words)
    for label in ("填表人", "审核人", "负责人", "单位（盖章）", "日期"):
        assert label in text, (kind, label)
