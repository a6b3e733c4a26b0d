"""Convert a Henan ledger to the Guangdong layout, saying what had to change.

    python examples/henan_to_guangdong.py [--ledger HENAN.xlsx] [--out out/]

Most columns carry over as they are: both layouts fill the same records. What does not carry over
is a Henan *local* category (孤寡老人, 困难残疾人, 农村留守妇女) that the Guangdong layout has no
words for. Written as is, those people would be refused when the new workbook is read back, and so
would every visit that names them. This script maps each local category to its national parent
where it has one (困难残疾人 → 残疾人), else to 其他困难群众, and keeps the original label in an
extra column (原对象类别) so nothing is lost (``socialwork_core.ledger.fit_categories``). It then
reads the written workbook back with the Guangdong format to prove it loads without errors.

The command line does the same::

    socialwork convert examples/data/henan_example_ledger.xlsx --to xlsx --layout guangdong -o out/x.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialwork_core.glossary.rules_text import category_label
from socialwork_core.ledger import fit_categories, write_ledger
from socialwork_core.plugins import load_plugins

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "henan_example_ledger.xlsx"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    source_format = plugins.ledger_formats(adapter="henan")[0]
    target_format = plugins.ledger_formats(adapter="guangdong")[0]
    loaded = plugins.load_ledger(args.ledger, source_format)
    print(f"read {len(loaded.ledger.recipients)} people, {len(loaded.ledger.contacts)} contacts "
          f"from {args.ledger.name} (henan layout)")  # fmt: skip

    converted, changes = fit_categories(
        loaded.ledger, target_format, plugins.extra_categories(adapter="henan")
    )
    for change in changes:
        print(f"  {change.label}: {change.people} people now hold {category_label(change.replacement)} "
              "(original kept in 原对象类别)")  # fmt: skip

    args.out.mkdir(parents=True, exist_ok=True)
    target = write_ledger(args.out / "henan-in-guangdong-layout.xlsx", converted, target_format)

    check = plugins.load_ledger(target, target_format)
    errors = check.errors
    print(f"wrote {target}; read back with the guangdong layout: "
          f"{len(check.ledger.recipients)} people, {len(check.ledger.contacts)} contacts, "
          f"{len(errors)} errors")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
