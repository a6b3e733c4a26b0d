"""Write the generated pages of docs/ from the code, so they never drift:

- ``docs/glossary.md`` from ``socialwork_core.glossary.terms``;
- ``docs/ledger-formats.md`` from the built-in adapters' ledger formats (their column
  specifications), local categories and report templates.

Run: ``python docs/generate.py`` (tests fail when a page is out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from socialwork_core.glossary import LabelledEnum, terms
from socialwork_core.ledger import FieldColumn, LedgerFormat, SheetFormat
from socialwork_core.plugins import AdapterInfo, Plugins, load_plugins

DOCS = Path(__file__).resolve().parent
PAGE = DOCS / "glossary.md"
FORMATS_PAGE = DOCS / "ledger-formats.md"

BUILT_IN_DISTRIBUTION = "socialwork-core"
"""Only the adapters shipped in this distribution are documented here, whatever else is installed
(a regional team documents its own adapter)."""


def render() -> str:
    lines = [
        "# Glossary (术语表)",
        "",
        "Generated from `socialwork_core.glossary.terms` by `docs/generate.py`; do not edit by",
        "hand. Codes are what the library stores and serialises; labels are what users read.",
        "",
    ]
    for obj in vars(terms).values():
        if not (isinstance(obj, type) and issubclass(obj, LabelledEnum) and obj is not LabelledEnum):
            continue
        doc = (obj.__doc__ or "").strip().splitlines()[0]
        lines += [f"## `{obj.__name__}`", "", doc, "", "| code | 中文 |", "|---|---|"]
        lines += [f"| `{member.value}` | {member.label} |" for member in obj]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _values(column: FieldColumn) -> str:
    parts = []
    if column.enum is not None:
        name = column.enum.__name__
        parts.append(f"labels of [`{name}`](glossary.md#{name.lower()})")
    if column.labels:
        own = ", ".join(f"{text} → `{code}`" for text, code in column.labels.items())
        parts.append(("also " if parts else "") + own)
    return _cell("; ".join(parts))


def _sheet(sheet: SheetFormat) -> list[str]:
    need = "required" if sheet.required else "optional"
    names = " / ".join(f"`{n}`" for n in sheet.sheet_names)
    lines = [
        f"### {sheet.kind.label} (`{sheet.kind.value}`, {need})",
        "",
        f"Sheet named {names}, else the sheet whose headers match.",
        "",
        "| field | header written | also accepted | type | required | several per cell | values |",
        "|---|---|---|---|---|---|---|",
    ]
    for column in sheet.columns:
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{column.field}`",
                    _cell(column.header),
                    _cell("、".join(column.headers[1:])),
                    f"`{column.type.value}`",
                    "yes" if column.required else "",
                    "yes" if column.multi else "",
                    _values(column),
                ]
            )
            + " |"
        )
    lines.append("")
    return lines


def _format(fmt: LedgerFormat) -> list[str]:
    lines = [f"## Ledger format `{fmt.name}`", ""]
    for sheet in fmt.sheets:
        lines += _sheet(sheet)
    return lines


def _adapter(plugins: Plugins, info: AdapterInfo) -> list[str]:
    region = info.region
    lines = [f"# Adapter `{info.name}`", ""]
    name = f"{region.name}. " if region is not None else ""
    lines.append(f"{name}Version {info.version}; entry point `{info.origin.entry_point}`.")
    if region is not None:
        divisions = ", ".join(region.division_codes) or "none (the national default)"
        lines.append(f"Region `{region.code}`, GB/T 2260 divisions {divisions}.")
    lines.append("")
    categories = plugins.extra_categories(adapter=info.name)
    if categories:
        lines += ["Local categories (对象类别):", "", "| code | 中文 | also read as |", "|---|---|---|"]
        lines += [
            f"| `{c.code}` | {_cell(c.label)} | {_cell('、'.join(c.synonyms))} |" for c in categories
        ]
        lines.append("")
    templates = plugins.report_templates(adapter=info.name)
    if templates:
        lines += ["Report templates:", "", "| name | title | filed per |", "|---|---|---|"]
        lines += [
            f"| `{t.name}` | {_cell(t.title)} | {t.period_kind.value} |" for t in templates
        ]
        lines.append("")
    for fmt in plugins.ledger_formats(adapter=info.name):
        lines += ["#" + line if line.startswith("#") else line for line in _format(fmt)]
    return lines


def render_formats(plugins: Plugins | None = None) -> str:
    """The ledger formats page: per built-in adapter, its categories, templates and every sheet's
    columns (field, headers with synonyms, value type, labels)."""
    plugins = plugins or load_plugins()
    lines = [
        "# Ledger formats of the built-in adapters (台账格式)",
        "",
        "Generated from each adapter's `LedgerFormat` by `docs/generate.py`; do not edit by hand.",
        "A column is found by any of its headers (spaces and full-width forms ignored); the first",
        "is the one `write_ledger` writes. Columns a format does not know are kept as extras.",
        "Value types are explained in `socialwork_core.ledger.ValueType`; labels of an enumeration",
        "are listed in the [glossary](glossary.md). The `socialwork` command detects the format",
        "from a workbook's headers (`socialwork validate LEDGER`), or takes `--adapter NAME`.",
        "",
    ]
    built_in = [
        info
        for info in plugins.adapters()
        if info.origin.distribution == BUILT_IN_DISTRIBUTION
    ]
    lines += [f"- [`{i.name}`](#adapter-{i.name})" for i in built_in]
    lines.append("")
    for info in built_in:
        lines += _adapter(plugins, info)
    return "\n".join(lines)


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}")
    FORMATS_PAGE.write_text(render_formats(), encoding="utf-8")
    print(f"wrote {FORMATS_PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
