"""How a share's records cross a process boundary: as rows of field values, not record by record.

A pool's worker sends each file's share to the parent pickled, and the parent takes it in while
the other workers read on. Pickled one by one, an attrs record goes through its ``__getstate__``
(a dict of its fields, built in Python) and back through ``__setstate__``; for a station file's
4,000 records that was 30 ms out and 20 ms in, a third of what reading the file cost past
calamine's parse. Records of one class travel instead as the class and one tuple of field values
per record (read by ``operator.attrgetter``, in C), and are set back slot by slot, as
``share._with`` copies a record: the same field values, no converter or validator run again
(they ran when the record was built).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

import attrs

from ..tabular import rowcode

__all__ = ["packed", "unpacked"]

Packed = tuple[type | None, Sequence[Any]]
"""(record class, rows of its field values), or (``None``, the records as they are)."""

_CODECS: dict[type, tuple[Any, Callable[[Sequence[Any]], list[Any]]]] = {}


def _codec(cls: type) -> tuple[Any, Callable[[Sequence[Any]], list[Any]]]:
    """A class's field reader (one tuple of values per record) and its rebuilder: a function
    written out for the class's fields (``tabular.rowcode``; a loop over the names cost four
    times as much), setting each slot as ``share._with`` does."""
    found = _CODECS.get(cls)
    if found is None:
        names = tuple(field.name for field in attrs.fields(cls))
        get = attrgetter(*names) if len(names) > 1 else (lambda r: (getattr(r, names[0]),))
        values = ", ".join(f"v{i}" for i in range(len(names)))
        lines = [
            "def rebuilt(rows):",
            "    records = []",
            "    append = records.append",
            f"    for ({values},) in rows:",
            "        record = new(cls)",
            *(f"        put(record, {name!r}, v{i})" for i, name in enumerate(names)),
            "        append(record)",
            "    return records",
        ]
        namespace = {"new": object.__new__, "put": object.__setattr__, "cls": cls}
        label = f"records from a share {cls.__qualname__}"
        build = rowcode.compiled("rebuilt", "\n".join(lines) + "\n", namespace, label)
        found = _CODECS[cls] = (get, build)
    return found


def packed(records: Sequence[Any]) -> Packed:
    """``records`` as their class and rows of field values, when they are attrs records of one
    class with fields; else as they are."""
    if not records:
        return None, ()
    cls = type(records[0])
    if not attrs.has(cls) or not attrs.fields(cls) or any(type(r) is not cls for r in records):
        return None, tuple(records)
    get, _build = _codec(cls)
    return cls, list(map(get, records))


def unpacked(cls: type | None, rows: Sequence[Any]) -> tuple[Any, ...]:
    """The records ``packed`` gave rows for, rebuilt with the same field values."""
    if cls is None:
        return tuple(rows)
    _get, build = _codec(cls)
    return tuple(build(rows))
