"""The command line's JSON is the records' own form (the library's converter), with only what a
reader needs beside it (a masked name, Chinese labels): it reads back into the records."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from socialwork_core.grading import Reason
from socialwork_core.schedule import DueEntry
from socialwork_core.serialize import make_converter, structure

from .conftest import Run, example

Runner = Callable[..., Run]


def fields_of(cls: type, data: dict[str, object]) -> dict[str, object]:
    return {f.name: data[f.name] for f in attrs.fields(cls)}


def test_due_entries_and_their_reasons_read_back_into_the_records(run: Runner) -> None:
    result = run("due", example("guangdong"), "--as-of", "2023-03-31", "--all", "--format", "json")
    converter = make_converter()

    entries = result.json()["entries"]

    assert entries
    for data in entries:
        entry = structure(converter, fields_of(DueEntry, data), DueEntry)
        assert converter.unstructure(entry) == fields_of(DueEntry, data)
        assert data["requirement"] == entry.description
        assert data["status_label"] == entry.status.label
        for reason in data["reasons"]:
            assert structure(converter, fields_of(Reason, reason), Reason).rule_id
