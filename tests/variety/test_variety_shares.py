"""How much of the variety ledgers the library reads right, held to FLOORS (targets: TARGETS)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from .conftest import keys_in
from .floors import FLOORS, TARGETS, Shares
from .generate import plan_of
from .scorer import (
    Reading,
    Score,
    as_json,
    read_in_process,
    read_with_command,
    score,
    score_folder,
    table,
    total,
)
from .styles import STYLES


def assert_floors(all_: Score, floors: Shares) -> None:
    readable = all_.readable / all_.files
    assert readable >= floors.readable, f"files read {readable:.1%} < floor {floors.readable:.1%}"
    assert all_.people_share >= floors.people, f"people {all_.people_share:.1%} < floor"
    assert all_.visits_share >= floors.visits, f"visits {all_.visits_share:.1%} < floor"
    assert all_.flagged_share >= floors.flagged, (
        f"wrong cells flagged {all_.flagged_share:.1%} < floor"
    )
    assert all_.invented <= floors.invented_at_most, f"{all_.invented} records from non-data rows"


def test_variety_shares(variety_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scores = score_folder(variety_dir)
    with capsys.disabled():
        print("\n" + table(scores))
        print(f"floors {FLOORS}\ntargets {TARGETS}")
    assert_floors(total(scores), FLOORS)


def test_the_floors_never_exceed_the_targets() -> None:
    assert FLOORS.people <= TARGETS.people and FLOORS.visits <= TARGETS.visits
    assert FLOORS.flagged <= TARGETS.flagged and FLOORS.readable <= TARGETS.readable
    assert FLOORS.invented_at_most >= TARGETS.invented_at_most


def test_the_command_and_the_python_api_read_alike(variety_dir: Path) -> None:
    """The quick in-process reading scores as ``socialwork convert`` does, on a workbook and a
    CSV (the command cannot say which row a person came from, so invented is left out)."""
    for slug in ("shanxi", "neimenggu"):
        plan = plan_of(next(s for s in STYLES if s.slug == slug))
        key = json.loads((variety_dir / f"{plan.file}.key.json").read_text(encoding="utf-8"))
        path = variety_dir / plan.file
        by_api = attrs.evolve(score(key, read_in_process(path)), invented=0, error="")
        by_command = attrs.evolve(score(key, read_with_command(path)), invented=0, error="")
        assert by_api == by_command


# --- the scorer itself -----------------------------------------------------------------------------


KEY_TO_LIBRARY = {
    "disabled": "disabled_person",
    "advanced_age": "advanced_age_elderly",
    "other": "other_in_difficulty",
}


def perfect_reading(key: dict[str, Any]) -> Reading:
    """What a perfect reader would give for ``key``: every person and valid visit, an issue at
    every wrong cell."""
    recipients = [
        {
            "key": f"P{i}",
            "name": p["name"],
            "resident_id": p["id"],
            "village": p["village"],
            "categories": [KEY_TO_LIBRARY.get(c, c) for c in p["categories"]],
        }
        for i, p in enumerate(key["people"])
    ]
    # a household's row holds several people: the visit's is the one of its name
    on_row: dict[tuple[Any, int], list[tuple[str, str]]] = {}
    for i, p in enumerate(key["people"]):
        on_row.setdefault((p.get("sheet"), p["row"]), []).append((p["name"], f"P{i}"))

    def owner(visit: dict[str, Any]) -> str:
        people = on_row[(visit.get("person_sheet"), visit["person_row"])]
        return next(k for name, k in people if len(people) == 1 or name == visit["person_name"])

    contacts = [
        {
            "on": v["date"],
            "mode": v["mode"],
            "recipient_keys": [owner(v)],
        }
        for v in key["visits"]
        if v["valid"]
    ]
    issues = [{"sheet": w["sheet"], "row": w["row"]} for w in key["wrong_cells"]]
    return Reading({"records": {"recipients": recipients, "contacts": contacts}, "issues": issues})


def test_a_perfect_reading_scores_full_marks(variety_dir: Path) -> None:
    for key in keys_in(variety_dir):
        result = score(key, perfect_reading(key))
        assert (result.people_right, result.visits_right, result.wrong_flagged) == (
            result.people,
            result.visits,
            result.wrong_cells,
        ), key["file"]
        assert result.invented == 0 and result.extra_visits == 0


def test_a_refused_file_scores_nothing(variety_dir: Path) -> None:
    key = keys_in(variety_dir)[0]
    result = score(key, Reading(None, "no format detected"))
    assert (result.readable, result.people_right, result.visits_right) == (0, 0, 0)
    assert result.people == len(key["people"]) and result.error == "no format detected"


def test_a_record_from_a_title_row_counts_as_invented(variety_dir: Path) -> None:
    key = keys_in(variety_dir)[0]
    reading = perfect_reading(key)
    assert reading.document is not None
    sheet = key["people_sheet"]["name"]
    title_row = key["non_data_rows"][sheet][0]["row"]
    title = {"key": "T", "name": "合计", "resident_id": None, "categories": []}
    document = {
        **reading.document,
        "records": {
            **reading.document["records"],
            "recipients": [*reading.document["records"]["recipients"], title],
        },
    }
    assert score(key, Reading(document, recipient_rows={"T": (sheet, title_row)})).invented == 1
    assert score(key, Reading(document)).invented == 1


def test_a_wrong_category_or_id_is_not_a_person_read_right(variety_dir: Path) -> None:
    key = keys_in(variety_dir)[0]
    reading = perfect_reading(key)
    assert reading.document is not None
    people = [dict(r) for r in reading.document["records"]["recipients"]]
    people[0]["categories"] = (
        ["orphan", "vagrant_or_beggar"] if key["people"][0]["categories"] != ["orphan"] else []
    )
    people[1]["resident_id"] = None
    document = {
        **reading.document,
        "records": {**reading.document["records"], "recipients": people},
    }
    result = score(key, Reading(document))
    assert result.people_found == result.people and result.people_right == result.people - 2


def test_the_scores_as_json_add_up(variety_dir: Path) -> None:
    keys = keys_in(variety_dir)[:2]
    scores = [score(k, perfect_reading(k)) for k in keys]
    data = as_json(scores)
    assert data["all"]["people"] == sum(f["people"] for f in data["files"])
    assert data["shares"] == {"readable": 1.0, "people": 1.0, "visits": 1.0, "flagged": 1.0}
