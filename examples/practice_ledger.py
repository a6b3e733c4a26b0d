"""Write the practice ledger of the Chinese guide: the Guangdong example ledger with a few mistakes
of the kind stations make, for learning to read and fix the issues workbook (问题清单)::

    python examples/practice_ledger.py            # writes examples/data/guangdong_practice_ledger.xlsx
    python examples/practice_ledger.py --out DIR

The mistakes, all on the register (服务对象台账) and one visit (探访记录):

- an ID number typed as a number (Excel keeps 15 digits: the last three are lost);
- a person without a name;
- an ID number whose last character (the check character) is wrong;
- a 跟进级别 the Guangdong layout does not know (“特级”);
- a visit naming a 档案号 that is on no one's row.

Everything else is the example ledger as ``generate_ledgers.py`` makes it (same seed, synthetic
people), and the file is saved byte-reproducibly the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from generate_ledgers import DATA, REGIONS, build, save_reproducibly
from openpyxl import Workbook
from stdnum.cn import ric

FILE_NAME = "guangdong_practice_ledger.xlsx"
HEADER_ROW = 3
"""The register's and the contacts' header row (a title and a 填报单位 line stand above it)."""


def _column(sheet: object, header: str) -> int:
    row = next(sheet.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW, values_only=True))  # type: ignore[attr-defined]
    return list(row).index(header) + 1


def add_mistakes(wb: Workbook) -> None:
    register = wb["服务对象台账"]
    id_column = _column(register, "身份证号码")
    rows = range(HEADER_ROW + 1, HEADER_ROW + 12)
    plain = [r for r in rows if str(register.cell(r, id_column).value).isdigit()]
    as_number, no_name, bad_check, bad_level = plain[1], plain[3], plain[5], plain[7]
    register.cell(as_number, id_column).value = float(register.cell(as_number, id_column).value)
    register.cell(no_name, _column(register, "姓名")).value = None
    number = str(register.cell(bad_check, id_column).value)
    wrong = next(c for c in "0123456789X" if c != ric.calc_check_digit(number))
    register.cell(bad_check, id_column).value = number[:-1] + wrong
    register.cell(bad_level, _column(register, "跟进级别")).value = "特级"
    contacts = wb["探访记录"]
    contacts.cell(HEADER_ROW + 1, _column(contacts, "档案号")).value = "XX-SC-0999"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    wb = build(REGIONS["guangdong"])
    add_mistakes(wb)
    path = args.out / FILE_NAME
    save_reproducibly(wb, path)
    print(path)


if __name__ == "__main__":
    main()
