"""Write the first page of every kind of output, rendered at 80 dpi, to docs/images/ (the pictures
docs/reports.md shows). Needs the render suite's tools (soffice, pdftoppm).

Run from the repository's root: ``python -m tests.render.pages``.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from socialwork_core.cli import main

from .test_printed_forms import OUTPUTS, ROOT

IMAGES = ROOT / "docs" / "images"
DPI = 80
TODAY = date(2023, 4, 10)
"""The date the pictures are made as of, so they do not change with the clock."""


def render(folder: Path) -> list[Path]:
    books = []
    for kind, (argv, _) in OUTPUTS.items():
        target = folder / f"{kind}.xlsx"
        args = [*argv, target] if argv[-1] == "--issues-out" else [*argv, "-o", target]
        main([str(a) for a in args], stdout=io.StringIO(), stderr=io.StringIO(), today=TODAY)
        books.append(target)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
    )
    IMAGES.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in OUTPUTS:
        stem = IMAGES / kind.replace(".", "-")
        pdf = folder / f"{kind}.pdf"
        options = ["-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run(["pdftoppm", *options, str(pdf), str(stem)], check=True)
        written.append(stem.with_suffix(".png"))
    return written


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        for path in render(Path(scratch)):
            print(path.relative_to(ROOT), file=sys.stdout)
