"""Score what the library reads from a ledger against the ledger's answer key.

A ledger is read the way a station worker reads it: auto-detection, no options. Two routes give the
same records and issues: :func:`read_with_command` runs ``socialwork convert FILE --to json --format
json``; :func:`read_in_process` does the same through the public API (``load_plugins()``,
``Plugins.detect_workbook_format``, ``Plugins.load_ledger``, the plugins' converter), which is
quicker and also says which row each person was read from. Either gives a :class:`Reading` in the
JSON shape of ``convert``.

What is measured (:class:`Score`): whether the file was read at all; people read right (found by
their ID, or by a name unique on the register, or by name and village; with the ID right, where the
key says the ID cannot be recovered the record must hold none; and the categories right); visits
read right (date, mode and person); wrong cells flagged (an issue at that sheet and row); and
records invented from rows that are not data (a title, subtotal, total, note or signature row).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import attrs

LIBRARY_TO_KEY: Mapping[str, str] = {
    "subsistence_allowance": "subsistence_allowance",
    "near_subsistence": "near_subsistence",
    "extreme_poverty": "extreme_poverty",
    "extreme_poverty_dispersed": "extreme_poverty",
    "extreme_poverty_centralised": "extreme_poverty",
    "orphan": "orphan",
    "de_facto_unsupported_child": "de_facto_unsupported_child",
    "child_in_difficulty": "child_in_difficulty",
    "left_behind_child": "left_behind_child",
    "left_behind_elderly": "left_behind_elderly",
    "elderly_living_alone": "elderly_living_alone",
    "empty_nest_elderly": "elderly_living_alone",
    "advanced_age_elderly": "advanced_age",
    "disabled_person": "disabled",
    "other_in_difficulty": "other",
    "dependent_elderly": "other",
    "family_planning_special_elderly": "other",
    "temporary_assistance": "other",
    "expenditure_hardship_family": "other",
    "vagrant_or_beggar": "other",
    "entitled_group": "other",
}
"""The library's category codes → the answer keys' national codes. The keys know twelve codes;
the national categories beyond them (失能, 计划生育特殊家庭 elderly, 临时救助 …) are the keys'
``other``. Empty-nest elderly count as living alone, as most keys write 空巢, or as ``other``
where a key sets 空巢 apart from 独居 (``categories_agree``). Library codes not listed have no
key code and are ignored."""

EMPTY_NEST = "empty_nest_elderly"


@attrs.frozen
class Reading:
    """What the library read from one file: ``convert``'s JSON (None when the file was refused
    whole), the error text when it was, and where each person was read from when known."""

    document: Mapping[str, Any] | None
    error: str = ""
    recipient_rows: Mapping[str, tuple[str, int]] = attrs.field(factory=dict)


def socialwork_command() -> list[str]:
    """The ``socialwork`` command of this Python's environment (beside the interpreter, else on
    PATH), or the same through ``python -m socialwork_core.cli``."""
    beside = Path(sys.executable).parent / "socialwork"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("socialwork")
    return [found] if found else [sys.executable, "-m", "socialwork_core.cli"]


def read_with_command(path: Path, *, timeout: float = 300) -> Reading:
    """``socialwork convert FILE --to json --format json``, as a worker runs it."""
    proc = subprocess.run(
        [*socialwork_command(), "convert", str(path), "--to", "json", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    try:
        document = json.loads(proc.stdout)
    except json.JSONDecodeError:
        document = None
    if not document or "records" not in document:
        return Reading(None, f"exit {proc.returncode}: {(proc.stdout + proc.stderr)[-300:]}")
    return Reading(document)


@cache
def _plugins() -> Any:
    from socialwork_core.plugins import load_plugins

    return load_plugins()


def read_in_process(path: Path) -> Reading:
    """The same as the command, through the public API, in this process."""
    from socialwork_core.ledger import RecordKind
    from socialwork_core.tabular import WorkbookError

    plugins = _plugins()
    try:
        found = plugins.detect_workbook_format(path)
        if found is None:
            return Reading(None, "no ledger format detected from the headers")
        result = plugins.load_ledger(path, found.format)
    except WorkbookError as exc:
        return Reading(None, f"refused: {exc.code}: {exc.message}"[:300])
    except Exception as exc:  # an internal error is a score of nothing, with its name
        return Reading(None, f"internal error: {type(exc).__name__}: {exc}"[:300])
    converter = plugins.make_converter()
    ledger = result.ledger
    records = {
        kind.value: [converter.unstructure(r) for r in ledger.records(kind)] for kind in RecordKind
    }
    issues = [
        {
            "sheet": i.sheet,
            "row": i.row,
            "column": i.column,
            "code": i.code,
            "severity": i.severity.value,
            "message": i.message,
        }
        for i in result.issues
    ]
    document = {
        "adapter": found.adapter,
        "format": found.format.name,
        "records": records,
        "issues": issues,
    }
    return Reading(document, recipient_rows=dict(result.recipient_rows))


@attrs.frozen(kw_only=True)
class Score:
    """One file's score; counts, so files add up (:meth:`plus`)."""

    name: str
    files: int = 1
    readable: int = 0
    people: int = 0
    people_found: int = 0
    ids_right: int = 0
    categories_right: int = 0
    people_right: int = 0
    visits: int = 0
    visits_right: int = 0
    wrong_cells: int = 0
    wrong_flagged: int = 0
    invented: int = 0
    """Records read from a title, meta, header, section, subtotal, total, note, signature or blank
    row (where the reading says which row a person came from), else people matching no one in the
    key."""
    extra_visits: int = 0
    """Visits read beyond the key's valid visits (from non-data rows, or visits to refuse)."""
    error: str = ""

    def plus(self, other: Score, name: str = "all") -> Score:
        counts = {
            f.name: getattr(self, f.name) + getattr(other, f.name)
            for f in attrs.fields(Score)
            if f.type in ("int", int)
        }
        return Score(name=name, **counts)

    @property
    def people_share(self) -> float:
        return _share(self.people_right, self.people)

    @property
    def visits_share(self) -> float:
        return _share(self.visits_right, self.visits)

    @property
    def flagged_share(self) -> float:
        return _share(self.wrong_flagged, self.wrong_cells)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def total(scores: Iterable[Score]) -> Score:
    out = Score(name="all", files=0)
    for score in scores:
        out = out.plus(score)
    return out


def key_categories(codes: Iterable[str]) -> set[str]:
    """The library's category codes as the key's national codes (a regional code, with a dot,
    becomes ``regional:<code>``)."""
    out = set()
    for code in codes or ():
        if code == EMPTY_NEST:
            out.add(EMPTY_NEST)  # the key's word for it is settled against the key's codes
        elif code in LIBRARY_TO_KEY:
            out.add(LIBRARY_TO_KEY[code])
        elif "." in code:
            out.add("regional:" + code)
    return out


def categories_agree(expected: Iterable[str], read: set[str]) -> bool:
    """The national codes read are the expected ones; 留守老人 read for an expected 空巢/独居 is
    accepted (the words overlap) unless 留守 is expected too, 空巢老人 is the key's 独居 or, where
    the key sets it apart, its ``other``, and a regional category may stand for a missing code."""
    want = set(expected)
    national = {c for c in read if not c.startswith("regional:")}
    if EMPTY_NEST in national:
        alone = "other" if "other" in want and "elderly_living_alone" not in want else None
        national = (national - {EMPTY_NEST}) | {alone or "elderly_living_alone"}
    if (
        "left_behind_elderly" in national
        and "elderly_living_alone" in want
        and "left_behind_elderly" not in want
    ):
        national = (national - {"left_behind_elderly"}) | {"elderly_living_alone"}
    missing = want - national
    extra = national - want
    regional = len(read) - len({c for c in read if not c.startswith("regional:")})
    return not extra and len(missing) <= regional


def _match_people(
    people: Sequence[Mapping[str, Any]], recipients: Sequence[Mapping[str, Any]]
) -> dict[int, Mapping[str, Any]]:
    """Key person index → the record read for them."""
    by_id = {r["resident_id"]: r for r in recipients if r.get("resident_id")}
    by_name: dict[str, list[Mapping[str, Any]]] = {}
    for r in recipients:
        by_name.setdefault("".join((r.get("name") or "").split()), []).append(r)
    matched: dict[int, Mapping[str, Any]] = {}
    for i, person in enumerate(people):
        record = by_id.get(person["id"]) if person.get("id") else None
        if record is None:
            candidates = by_name.get(person["name"], [])
            if len(candidates) > 1:
                candidates = [r for r in candidates if r.get("village") == person.get("village")]
            record = candidates[0] if len(candidates) == 1 else None
        if record is not None and "".join((record.get("name") or "").split()) == person["name"]:
            matched[i] = record
    return matched


def score(key: Mapping[str, Any], reading: Reading, *, name: str | None = None) -> Score:
    """Score one reading against its key."""
    label = name or key["file"]
    people = key["people"]
    valid = [v for v in key["visits"] if v.get("valid", True)]
    wrong = key["wrong_cells"]
    base = Score(name=label, people=len(people), visits=len(valid), wrong_cells=len(wrong))
    doc = reading.document
    if doc is None:
        return attrs.evolve(base, error=reading.error)
    records = doc["records"]
    recipients = records.get("recipients", [])
    contacts = records.get("contacts", [])
    matched = _match_people(people, recipients)
    ids = sum(
        1 for i, r in matched.items() if (r.get("resident_id") or None) == (people[i]["id"] or None)
    )
    cats = {
        i
        for i, r in matched.items()
        if categories_agree(people[i]["categories"], key_categories(r.get("categories") or ()))
    }
    right = sum(
        1 for i in cats if (matched[i].get("resident_id") or None) == (people[i]["id"] or None)
    )
    # visits: (date, mode, person's record key), each read visit used once
    record_key = {i: r.get("key") for i, r in matched.items()}
    key_of_id = {p["id"]: record_key.get(i) for i, p in enumerate(people) if p.get("id")}
    # a person is known by their row (and sheet, where a register is kept over several)
    # (a household's row holds several people: they are known by their IDs)
    on_row = Counter((p.get("sheet"), p["row"]) for p in people)
    key_of_row = {
        (p.get("sheet"), p["row"]): record_key.get(i)
        for i, p in enumerate(people)
        if on_row[(p.get("sheet"), p["row"])] == 1
    }
    pool: Counter[tuple[Any, Any, Any]] = Counter()
    for contact in contacts:
        for k in contact.get("recipient_keys") or ():
            pool[(contact.get("on"), contact.get("mode"), k)] += 1
    visits_right = 0
    for visit in valid:
        owner = key_of_row.get((visit.get("person_sheet"), visit.get("person_row")))
        owner = owner or key_of_id.get(visit["person"])
        wanted = (visit["date"], visit["mode"], owner)
        if owner is not None and pool[wanted] > 0:
            pool[wanted] -= 1
            visits_right += 1
    # wrong cells: an issue at the cell's row (a CSV's one sheet may carry any name)
    issues = doc.get("issues", [])
    if key.get("format") == "csv":
        at_rows = {(None, i.get("row")) for i in issues}
        flagged = sum(1 for w in wrong if (None, w["row"]) in at_rows)
    else:
        at = {(i.get("sheet"), i.get("row")) for i in issues}
        flagged = sum(1 for w in wrong if (w["sheet"], w["row"]) in at)
    # invented people: from a non-data row where the reading says the row, else matching no one
    non_data = {
        (sheet, entry["row"])
        for sheet, rows in key.get("non_data_rows", {}).items()
        for entry in rows
    }
    csv_stem = key["people_sheet"]["name"] if key.get("format") == "csv" else None
    matched_keys = {r.get("key") for r in matched.values()}
    invented = 0
    for r in recipients:
        where = reading.recipient_rows.get(r.get("key"))
        if where is not None:
            sheet = csv_stem or where[0]
            invented += (sheet, where[1]) in non_data
        elif r.get("key") not in matched_keys:
            invented += 1
    return attrs.evolve(
        base,
        readable=1,
        people_found=len(matched),
        ids_right=ids,
        categories_right=len(cats),
        people_right=right,
        visits_right=visits_right,
        wrong_flagged=flagged,
        invented=invented,
        extra_visits=max(0, len(contacts) - len(valid)),
    )


def score_folder(folder: Path, *, command: bool = False) -> list[Score]:
    """Score every ``*.key.json`` in ``folder`` with its data file, in name order."""
    read = read_with_command if command else read_in_process
    scores = []
    for key_path in sorted(folder.glob("*.key.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        scores.append(score(key, read(folder / key["file"])))
    return scores


def as_json(scores: Sequence[Score]) -> dict[str, Any]:
    """The scores per file and in all, with the shares, for programs and for comparing runs."""
    all_ = total(scores)
    return {
        "files": [attrs.asdict(s) for s in scores],
        "all": attrs.asdict(all_),
        "shares": {
            "readable": all_.readable / all_.files if all_.files else 1.0,
            "people": all_.people_share,
            "visits": all_.visits_share,
            "flagged": all_.flagged_share,
        },
    }


def table(scores: Sequence[Score]) -> str:
    """A per-file table with a total line: files read; people read right of the key's (and of
    them found, with the ID right, with the categories right); visits read right; wrong cells
    flagged; records invented from non-data rows; visits beyond the key."""
    head = f"{'ledger':<30} read  people   (found ids cats)  visits     flagged  invented extra"
    lines = [head]
    for s in [*scores, total(scores)]:
        lines.append(
            f"{s.name[:30]:<30} {s.readable:>2}/{s.files:<2} "
            f"{s.people_right:>4}/{s.people:<4} ({s.people_found:>4} {s.ids_right:>4} "
            f"{s.categories_right:>4})  {s.visits_right:>4}/{s.visits:<4}  "
            f"{s.wrong_flagged:>3}/{s.wrong_cells:<3}  {s.invented:>5} {s.extra_visits:>5}"
            + (f"  {s.error[:70]}" if s.error else "")
        )
    all_ = total(scores)
    lines.append(
        f"shares: people {all_.people_share:.1%}, visits {all_.visits_share:.1%}, "
        f"wrong cells flagged {all_.flagged_share:.1%}, invented {all_.invented}"
    )
    return "\n".join(lines)
