"""One generator of row-reading code, for the two ways a row is read (as cattrs writes its fast
and its detailed structuring from one generator).

- ``Mode.DETAILED`` (the reporting way, ``Table.parts_of``): every cell is read, a cell that does
  not read gives its findings, located at the row, column and header, and a column that does
  not identify the row has its error flagged (``reader.flagged``: keep the person, flag the
  cell).
- ``Mode.QUICK`` (``ledger.compiled``): the first doubt ends the row with ``UNSURE``, and the
  row goes the reporting way.

Both are written from the same lines: the blank test and the one-word test are the rules of
``tabular.rows`` (pasted as source), a label cell as it stands is looked up in its coercer's own
table first, a date cell is its own value, and a cell of several values is split by
``split_values``. Only what happens on a doubt differs, and the caller says it.

Generated source is kept in ``linecache`` under a readable name (``keep_source``), so tracebacks
and ``inspect.getsource`` show it.
"""

from __future__ import annotations

import enum
import hashlib
import linecache
from collections.abc import Callable, Sequence
from types import CodeType
from typing import Any, Final

from .cells import DATE_COERCERS, exact_labels, text
from .rows import BLANK, ONE_WORD
from .spec import ColumnSpec

__all__ = ["Mode", "blank_test", "coerced", "compiled", "keep_source", "one_word_test"]


class Mode(enum.Enum):
    DETAILED = "detailed"
    QUICK = "quick"


def blank_test(raw: str = "raw") -> str:
    """The ``BLANK`` rule on the local ``raw``."""
    return BLANK.expression(raw)


def one_word_test(raw: str = "raw") -> str:
    """The ``ONE_WORD`` rule on the local ``raw``."""
    return ONE_WORD.expression(raw)


def coerced(number: int, column: ColumnSpec, raw: str, on_error: Sequence[str]) -> list[str]:
    """``v = coerce_<number>(raw)``; ``on_error`` runs (with ``error`` bound) when the cell does
    not read. A label as it stands is looked up in the ``choice`` coercer's own table (what it
    does first), and a date cell is its own value (what ``DATE_COERCERS`` give back for it),
    without the call; the namespace needs ``exact_<number>`` and ``date`` for these."""
    call = [
        "try:",
        f"    v = coerce_{number}({raw})",
        "except FindingError as error:",
        *("    " + line for line in on_error),
    ]
    if exact_labels(column.coerce) is not None:
        return [
            f"v = exact_{number}.get({raw}) if {raw}.__class__ is str else None",
            "if v is None:",
            *("    " + c for c in call),
        ]
    if column.coerce in DATE_COERCERS:
        return [
            f"if {raw}.__class__ is date:",
            f"    v = {raw}",
            "else:",
            *("    " + c for c in call),
        ]
    return call


def detailed_cell(
    number: int, column: ColumnSpec, where: int, joined: Sequence[int] | None
) -> list[str]:
    """The reporting way's reading of the present column ``number`` (at ``where``; ``joined``:
    the other columns read with it) into ``values``, its findings through ``report``."""
    field = repr(column.field)
    lines = [f"raw = cells[{where}] if {where} < n else None"]
    if joined is not None:
        lines.append(f"raw = joined_raw(cells, {(where, *joined)!r}, coerce_{number})")
    lines += [
        f"if {blank_test()}:",
        f"    values[{field}] = {'()' if column.multi else 'None'}",
    ]
    if column.required:
        lines.append(f"    report(issues, number, {number}, raw, required_missing(), cells)")
    if column.multi:
        if not any(ch.isascii() and ch.isalnum() for ch in column.separators):
            # one part, as split_values would find it: coerced as a cell of its own
            lines.append(f"elif {one_word_test()}:")
            lines += _indented(_read_one(number, column, "() if {v} is None else ({v},)", "()"))
        lines += [
            "else:",
            f"    values[{field}], found = coerce_parts(coerce_{number}, "
            f"{column.separators!r}, raw)",
            f"    if found: report(issues, number, {number}, raw, found, cells)",
        ]
        return lines
    return [*lines, "else:", *_indented(_read_one(number, column, "{v}", "None"))]


def _read_one(number: int, column: ColumnSpec, store: str, failed: str) -> list[str]:
    """One value read: stored (``store``, an expression of ``{v}``) with the findings it carries,
    or ``failed`` stored and the findings that it does not read reported."""
    field = repr(column.field)
    shortcut: list[str] = []
    if column.coerce is text:
        # text(raw) is raw.strip() for a text cell (and nothing it carries): stored as it is
        shortcut = [
            "if raw.__class__ is str:",
            "    v = raw.strip()",
            f"    values[{field}] = {store.format(v='v')}",
            "else:",
        ]
    lines = [
        "ok = True",
        *coerced(
            number,
            column,
            "raw",
            [
                "ok = False",
                f"values[{field}] = {failed}",
                f"report(issues, number, {number}, raw, error.findings, cells)",
            ],
        ),
        "if ok:",
        "    if isinstance(v, Coerced):",
        f"        values[{field}] = {store.format(v='v.value')}",
        f"        if v.findings: report(issues, number, {number}, raw, v.findings, cells)",
        "    else:",
        f"        values[{field}] = {store.format(v='v')}",
    ]
    return [*shortcut, *(_indented(lines) if shortcut else lines)]


def _indented(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def compiled(name: str, source: str, namespace: dict[str, Any], label: str) -> Callable[..., Any]:
    """The function ``name`` defined by ``source``, its source kept under ``label``
    (``keep_source``).

    The same layout gives the same source in every file of a roll-up: its code is compiled once
    per process and kept by source text (``_code``); each table still gets its own function,
    defined in its own ``namespace``."""
    exec(_code(source, label), namespace)
    function: Callable[..., Any] = namespace[name]
    return function


_COMPILED_KEPT: Final = 512
"""How many generated sources keep their compiled code (a layout's sheets, both ways, and a few
layouts); beyond, the codes are forgotten and compiled again as needed."""
_CODES: dict[tuple[str, str], tuple[str, CodeType]] = {}


def _code(source: str, label: str) -> CodeType:
    """``source`` compiled under its ``keep_source`` name, once per process."""
    found = _CODES.get((source, label))
    if found is None:
        filename = keep_source(label, source)
        if len(_CODES) >= _COMPILED_KEPT:
            _CODES.clear()
        found = _CODES[(source, label)] = (filename, compile(source, filename, "exec"))
    elif found[0] not in linecache.cache:  # linecache was cleared: the source shown again
        keep_source(label, source)
    return found[1]


def keep_source(label: str, source: str) -> str:
    """A readable, unique file name for generated ``source``, kept in ``linecache`` where
    tracebacks and ``inspect.getsource`` look (as attrs keeps its generated methods)."""
    digest = hashlib.sha1(source.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    filename = f"<socialwork generated {label} {digest}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return filename
