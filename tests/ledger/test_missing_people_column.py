"""A sheet whose optional people column is missing altogether (an activities sheet with counts
only, resource links without their people) loads: the quick row function names nobody."""

from __future__ import annotations

from pathlib import Path

import attrs
from socialwork_national.formats import FORMAT

from socialwork_core.ledger import RecordKind, load_ledger, write_ledger
from socialwork_core.testing import synthetic_ledger

PEOPLE = {"recipient_keys", "participant_keys", "recipient_resident_ids"}


def test_sheets_without_people_columns_load_with_their_records_naming_nobody(
    tmp_path: Path,
) -> None:
    kinds = {RecordKind.ACTIVITIES, RecordKind.RESOURCE_LINKS}
    layout = attrs.evolve(
        FORMAT,
        sheets=tuple(
            attrs.evolve(s, columns=tuple(c for c in s.columns if c.field not in PEOPLE))
            if s.kind in kinds
            else s
            for s in FORMAT.sheets
        ),
    )
    ledger = synthetic_ledger(layout)
    result = load_ledger(write_ledger(tmp_path / "thin.xlsx", ledger, layout), FORMAT)
    assert not result.errors
    assert result.ledger.activities == ledger.activities
    assert all(a.participant_keys == () for a in result.ledger.activities)
    assert len(result.ledger.resource_links) == len(ledger.resource_links)
