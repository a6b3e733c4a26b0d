"""Write the generated pages of docs/ (the glossary) from the code, so they never drift.

Run: ``python docs/generate.py`` (a test fails when the page is out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from socialwork_core.glossary import LabelledEnum, terms

PAGE = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"


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


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
