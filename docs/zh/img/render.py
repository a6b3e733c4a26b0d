"""Render the pictures of the Chinese guide (docs/zh/img/*.png) from the bundled examples.

Needs LibreOffice (``libreoffice --headless``) and poppler's ``pdftoppm`` on PATH, and the
project installed. Run from the repository's root::

    python docs/zh/img/render.py

Each picture is a workbook the ``socialwork`` command writes, printed to PDF by LibreOffice and
cropped. To keep a wide sheet readable, some columns are hidden before printing (the caption in
the guide says which part is shown).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parents[3]
IMG = Path(__file__).resolve().parent
DATA = ROOT / "examples" / "data"


def run(*command: str, cwd: Path) -> None:
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)


def socialwork(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "socialwork_core.cli", *args], cwd=cwd, capture_output=True
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.decode())


def keep_columns(path: Path, sheet: str, headers: set[str], header_row: int) -> None:
    """Hide every column of ``sheet`` whose header is not in ``headers``; print it on one page
    width, and only that sheet."""
    book = openpyxl.load_workbook(path)
    for other in book.worksheets:
        if other.title != sheet:
            other.sheet_state = "hidden"
    target = book[sheet]
    book.active = book.worksheets.index(target)
    for index, cell in enumerate(target[header_row], start=1):
        if cell.value not in headers:
            target.column_dimensions[get_column_letter(index)].hidden = True
    for row in range(1, target.max_row + 1):
        target.row_dimensions[row].height = None  # the writer sized rows for the hidden columns too
    target.page_setup.orientation = "landscape"
    target.page_setup.fitToWidth = 1
    target.page_setup.fitToHeight = 0
    target.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(path)


def picture(
    xlsx: Path, name: str, *, page: int = 1, top: int = 0, height: int = 520, dpi: int = 110
) -> None:
    """Print ``xlsx`` to PDF with LibreOffice and crop the top of ``page`` to ``IMG/name``."""
    work = xlsx.parent
    run("libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(xlsx), cwd=work)
    pdf = xlsx.with_suffix(".pdf")
    stem = work / "page"
    run(
        "pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
        "-x", "0", "-y", str(top), "-W", str(int(11.69 * dpi)), "-H", str(height), str(pdf), str(stem),
        cwd=work,
    )
    shutil.copy(stem.with_suffix(".png"), IMG / name)
    print(IMG / name)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for ledger in DATA.glob("guangdong_*.xlsx"):
            shutil.copy(ledger, work)
        # 空白台账模板: its 填表说明 sheet.
        socialwork("template", "--adapter", "guangdong", "-o", "空白台账.xlsx", cwd=work)
        book = openpyxl.load_workbook(work / "空白台账.xlsx")
        for other in book.worksheets:
            if other.title != "填表说明":
                other.sheet_state = "hidden"
        book.active = book.sheetnames.index("填表说明")
        book.save(work / "空白台账.xlsx")
        picture(work / "空白台账.xlsx", "template-instructions.png", height=560)
        # 问题清单 of the practice ledger: the register's tab, some columns.
        socialwork(
            "validate", "guangdong_practice_ledger.xlsx", "--as-of", "2023-03-31",
            "--issues-out", "问题清单.xlsx", cwd=work,
        )
        keep_columns(
            work / "问题清单.xlsx",
            "服务对象台账",
            {"档案号", "姓名", "身份证号码", "跟进级别", "原行号", "读入情况", "问题说明"},
            header_row=2,
        )
        picture(work / "问题清单.xlsx", "issues-workbook.png", height=430)
        # 工作月报: the Guangdong monthly report of March 2023.
        socialwork(
            "report", "guangdong.monthly", "guangdong_example_ledger.xlsx", "--period", "2023-03",
            "--as-of", "2023-04-01", "-o", "月报.xlsx", cwd=work,
        )
        picture(work / "月报.xlsx", "report-monthly.png", top=140, height=560, dpi=150)
        # 待探访名单.
        socialwork(
            "due", "guangdong_example_ledger.xlsx", "--as-of", "2023-03-31", "-o", "待探访名单.xlsx",
            cwd=work,
        )
        keep_columns(
            work / "待探访名单.xlsx",
            openpyxl.load_workbook(work / "待探访名单.xlsx").sheetnames[0],
            {"服务等级", "档案号", "姓名", "探访要求", "状态", "到期日", "逾期天数", "上次探访", "村居", "负责社工"},
            header_row=_header_row(work / "待探访名单.xlsx", "服务等级"),
        )
        picture(work / "待探访名单.xlsx", "due-list.png", height=430)


def _header_row(path: Path, first: str) -> int:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == first)


if __name__ == "__main__":
    main()
