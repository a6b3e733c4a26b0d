"""``python -m tests.variety OUTDIR [--score] [--command] [--json FILE]``: write every style to
OUTDIR so people can look at them; with ``--score``, also read each with the library and print the
per-style table (``--command`` reads through ``socialwork convert`` instead of the Python API;
``--json FILE`` writes the scores as JSON too).
``python -m tests.variety --readme-table`` prints the table of styles for ``README.md``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .generate import readme_table, write_styles
from .scorer import as_json, score_folder, table


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.variety", description=__doc__)
    parser.add_argument("outdir", type=Path, nargs="?")
    parser.add_argument("--readme-table", action="store_true", help="print README.md's table")
    parser.add_argument("--score", action="store_true", help="read and score every file")
    parser.add_argument("--command", action="store_true", help="read with `socialwork convert`")
    parser.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    args = parser.parse_args()
    if args.readme_table:
        print(readme_table())
        return
    if args.outdir is None:
        parser.error("OUTDIR is needed to write the styles")
    for data, _ in write_styles(args.outdir):
        print(data)
    if args.score or args.json:
        scores = score_folder(args.outdir, command=args.command)
        print(table(scores))
        if args.json:
            text = json.dumps(as_json(scores), ensure_ascii=False, indent=1)
            args.json.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
