"""Convert a Henan ledger to the Guangdong layout, saying what had to change.

    python examples/henan_to_guangdong.py [--ledger HENAN.xlsx] [--out out/]

Most columns carry over as they are: both layouts fill the same records. What does not carry over
is a Henan *local* category (孤寡老人, 困难残疾人, 农村留守妇女) that the Guangdong layout has no
words for. Written as is, those people would be refused when the new workbook is read back, and so
would every visit that names them. This script maps each local category to its national parent
where it has one (困难残疾人 → 残疾人), else to 其他困难群众, and keeps the original label in an
extra column (原对象类别) so nothing is lost. It then reads the written workbook back with the
Guangdong format to prove it loads without errors.

The command line converts without mapping and reports what cannot be held::

    socialwork convert examples/data/henan_example_ledger.xlsx --to xlsx --layout guangdong -o out/x.xlsx
"""

from __future__ import annotations

import argparse
from pathlib import Path

import attrs

from socialwork_core.glossary import Category
from socialwork_core.ledger import Ledger, LedgerFormat, RecordKind, load_ledger, write_ledger
from socialwork_core.plugins import load_plugins

HERE = Path(__file__).resolve().parent
LEDGER = HERE / "data" / "henan_example_ledger.xlsx"
ORIGINAL_COLUMN = "原对象类别"


def accepted_categories(fmt: LedgerFormat) -> set[str]:
    """The category codes the layout can write and read back."""
    sheet = fmt.sheet_for(RecordKind.RECIPIENTS)
    assert sheet is not None
    column = next(c for c in sheet.columns if c.field == "categories")
    return set(column.label_map().values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    parser.add_argument("--out", type=Path, default=Path("out"))
    args = parser.parse_args(argv)

    plugins = load_plugins()
    source_format = plugins.ledger_formats(adapter="henan")[0]
    target_format = plugins.ledger_formats(adapter="guangdong")[0]
    converter = plugins.make_converter()
    loaded = load_ledger(args.ledger, source_format, converter=converter)
    ledger = loaded.ledger
    print(f"read {len(ledger.recipients)} people, {len(ledger.contacts)} contacts from "
          f"{args.ledger.name} (henan layout)")  # fmt: skip

    accepted = accepted_categories(target_format)
    local = {d.code: d for d in plugins.extra_categories(adapter="henan")}
    changed: dict[str, int] = {}
    people = []
    for person in ledger.recipients:
        foreign = sorted(code for code in person.categories if code not in accepted)
        if not foreign:
            people.append(person)
            continue
        replaced = set(person.categories) - set(foreign)
        labels = []
        for code in foreign:
            definition = local.get(code)
            parent = definition.parent if definition and definition.parent else None
            replaced.add((parent or Category.OTHER_IN_DIFFICULTY).value)
            label = definition.label if definition else code
            labels.append(label)
            changed[label] = changed.get(label, 0) + 1
        extras = {**person.extras, ORIGINAL_COLUMN: "、".join(labels)}
        people.append(attrs.evolve(person, categories=frozenset(replaced), extras=extras))
    for label, count in sorted(changed.items()):
        print(f"  {label}: {count} people mapped (original kept in {ORIGINAL_COLUMN})")

    converted = attrs.evolve(ledger, recipients=people)
    assert isinstance(converted, Ledger)
    args.out.mkdir(parents=True, exist_ok=True)
    target = write_ledger(args.out / "henan-in-guangdong-layout.xlsx", converted, target_format)

    check = load_ledger(target, target_format, converter=converter)
    errors = check.errors
    print(f"wrote {target}; read back with the guangdong layout: "
          f"{len(check.ledger.recipients)} people, {len(check.ledger.contacts)} contacts, "
          f"{len(errors)} errors")  # fmt: skip
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
