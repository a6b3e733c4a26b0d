"""Clean rows straight to records: one function generated per sheet, for speed.

``load_ledger`` sends most rows of a large ledger through a function written for the sheet's
layout and record class (``compile_rows``). The function takes only the rows it is sure of: every
cell coerces without a finding, every value already has the type its record field takes (the
routes of ``building._route``), every person named is on the register. It builds the record with
the record class's own ``__init__`` written out in it (``construct.init_code``), which still converts
and validates every field. Any other row, and any
row the class refuses, gives ``UNSURE`` and is read the general way (``Table.parts_of`` and
``RecordBuilder.build``), which reports what is wrong. The function therefore decides nothing
the general way would decide otherwise; ``tests/ledger/test_fast_paths.py`` loads ledgers both
ways and compares records, issues and refused rows.

Why generated source: a loop over a column plan costs more per cell than the coercion itself;
written out per column (as attrs writes ``__init__``), a clean row costs little more than its
coercers and the record class.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

import attrs

from ..construct import accepts, init_code
from ..derived_ids import derived_id_accepted
from ..findings import FindingError
from ..tabular import (
    ColumnSpec,
    Money,
    Table,
    date_and_time,
    exact_labels,
    raw_text,
    rowcode,
    split_values,
    text,
)
from ..tabular.cells import DATE_COERCERS
from ..tabular.rows import DERIVED_ID_SOURCE
from .building import PEOPLE_FIELDS, SET_ASIDE, RecordBuilder, Route, approximate_flag
from .format import RecordKind
from .known_keys import each_known, known_or_leave

UNSURE: Final = object()
"""What a compiled row function gives for a row it leaves to the general way."""

_MISSING: Final = object()
"""A field the row left empty (so far)."""

_ONE_VALUE_ROUTES: Final = (
    Route.SAME,
    Route.ENUM,
    Route.ENUM_SELF,
    Route.DECIMAL,
    Route.TUPLE,
    Route.FROZENSET,
)

_SEEN_MAX: Final = 4096
"""How many cell texts a repeating column remembers before it starts afresh."""

_ONES_MAX: Final = 1 << 16
"""How many one-key collections a column shares before it starts afresh. A visit naming one
person gets the same ``("A0012",)`` as every other visit naming them: the collections are
immutable, so sharing one changes no record, and a county's 300,000 visits then hold 25,000
tuples instead of 300,000 (19 MB less, and fewer objects for the garbage collector's first pass
after the load, which examines every object the load made)."""

_ALWAYS_GIVEN_ROUTES: Final = (Route.SAME, Route.ENUM, Route.ENUM_SELF, Route.DECIMAL)
"""Routes of a one-value cell whose every way through gives the field a value or leaves the row
(unlike a tuple, which an empty one leaves unset)."""

RowFunction = Callable[[int, list[Any], int], Any]
"""``(0-based row index, cells, position) -> record or UNSURE``."""


def compile_rows(
    builder: RecordBuilder, kind: RecordKind, table: Table, repeating: frozenset[str] = frozenset()
) -> RowFunction | None:
    """The row function for ``table``'s rows of ``kind``, or ``None`` when the sheet needs the
    general way for every row: a converter of the caller's own (its hooks may differ from the
    routes), formula cells without a saved value (each is reported), or a column whose field the
    function does not handle (disability parts, people named by resident ID, any field without a
    route). ``repeating``: fields whose multi-valued cells repeat a few texts (label columns);
    their clean values are remembered by text (the coercers are pure: the same text, the same
    value)."""
    if not builder.library_converter or table.formulas_without_value:
        return None
    plan = builder.plan(kind)
    layout = table.layout
    attributes = {a.name: a for a in attrs.fields(plan.cls)}
    namespace: dict[str, Any] = {
        "UNSURE": UNSURE,
        "MISSING": _MISSING,
        "FindingError": FindingError,
        "split_values": split_values,
        "raw_text": raw_text,
        "date": date,
        "datetime": datetime,
        "Decimal": Decimal,
        "Money": Money,
        "decimal_of": builder.converter.get_structure_hook(Decimal),
        "cls": plan.cls,
        "extras_of": table.extras_of,
    }
    body: list[str] = []
    fields: list[str] = []  # the record fields the row gives, each held in a local ``f_<field>``
    always_given: set[str] = set()
    times: dict[str, str] = {}  # a date field whose cell may give a time → the time's field
    accepted: dict[str, str] = {}  # keyword → the local telling its value was checked once
    made_here: dict[str, str] = {}  # keyword → "True": a value the function makes, known good
    # the register is complete once its sheet is read: the set of keys no longer changes
    # (a sheet without a people column, activities with counts only, names nobody)
    people = PEOPLE_FIELDS[kind] if plan.names_people and builder.recipients_loaded else ""
    if people:
        # a visit to someone the register says died goes the general way, which compares dates
        dead = builder.died if kind is RecordKind.CONTACTS else {}
        namespace["known"] = builder.keys - dead.keys() if dead else builder.keys
    known_in_cell = ""  # the people field when its cell's lines look each key up (known_keys)
    for number, column in enumerate(table.spec.columns):
        where = layout.fields.get(column.field)
        if where is None:
            continue  # absent: the value is empty, as the general way leaves it
        field = column.field
        route = plan.routes.get(field)
        if field in SET_ASIDE or field not in plan.names or route is None:
            return None
        how, target = route
        if how not in ((Route.TUPLE, Route.FROZENSET) if column.multi else _ONE_VALUE_ROUTES):
            return None
        fields.append(field)
        if column.required and not column.multi and how in _ALWAYS_GIVEN_ROUTES:
            always_given.add(field)
        flag = attributes.get(approximate_flag(field))
        keeps_flag = how == Route.DECIMAL and flag is not None and flag.init
        if keeps_flag:
            fields.append(approximate_flag(field))
        namespace[f"coerce_{number}"] = column.coerce
        namespace[f"target_{number}"] = target
        if how in (Route.ENUM, Route.ENUM_SELF):
            namespace[f"members_{number}"] = {m.value: m for m in target}
        namespace[f"exact_{number}"] = exact_labels(column.coerce)
        missing = "return UNSURE" if column.required else "pass"
        body.append(f"raw = cells[{where}] if {where} < n else None")
        if column.coerce is text and not column.multi and how == Route.SAME and target is str:
            # text(raw) is raw.strip() for text: the blank test (BLANK on a str: nothing left
            # once stripped) and the coercion in one
            body += [
                "if raw.__class__ is str:",
                "    v = raw.strip()",
                f"    if v: f_{field} = v",
                f"    else: {missing}",
                f"elif {rowcode.blank_test()}:",
                f"    {missing}",
                "else:",
            ]
        elif column.coerce in DATE_COERCERS and how == Route.SAME and target is date:
            # a date cell is its own value (``DATE_COERCERS`` give it back; a day with a time,
            # a datetime, is no ``date`` field's own value and takes the general way, which keeps
            # the time in its own field) and never blank: told
            # by its class before the blank test, which would first ask whether it is text
            body += [
                f"if raw.__class__ is date: f_{field} = raw",
                f"elif {rowcode.blank_test()}:",
                f"    {missing}",
                "else:",
            ]
        else:
            body += [
                f"if {rowcode.blank_test()}:",
                f"    {missing}",
                "else:",
            ]
        memo = None
        if column.multi:
            namespace[f"ones_{number}"] = {}
            # a shared one-key tuple is checked by its field's validator once, when it is made
            memo = accepts(plan.cls, attributes[field].alias) if column.coerce is text else None
            if memo is not None:
                namespace[f"accepts_{number}"] = memo
                accepted[attributes[field].alias] = f"ok_{field}"
        if column.multi and field in repeating:
            namespace[f"seen_{number}"] = {}
        timed = plan.times_of_day.get(field) if column.coerce is date_and_time else None
        if timed is not None and how == Route.SAME and target is date and not column.multi:
            # a day with its time of day (2024-7-5 9:30): the day here, the time kept for the
            # record's time field, which the row's own time column fills first (as ``build``)
            if timed not in plan.names:
                return None
            times[field] = timed
            cell = [
                *_coerced(number, column),
                f"if v.__class__ is date: f_{field} = v",
                "elif v.__class__ is datetime:",
                f"    f_{field} = v.date()",
                f"    t_{field} = v.time()",
                "else: return UNSURE",
            ]
        else:
            if column.multi and field == people and field not in repeating:
                known_in_cell = field
            cell = (
                _multi(
                    number,
                    column,
                    field,
                    how,
                    field in repeating,
                    memo is not None,
                    known=field == known_in_cell,
                )
                if column.multi
                else _single(
                    number, column, field, how, approximate_flag(field) if keeps_flag else None
                )
            )
        body += ["    " + line for line in cell]
    from_span_ends = layout.read_from_span_ends
    for field, timed in times.items():
        if timed not in fields:
            fields.append(timed)
        if timed in from_span_ends:  # an end time (结束时间) gives way, as in ``build``
            body += [f"if t_{field} is not None: f_{timed} = t_{field}"]
        else:
            body += [f"if t_{field} is not None and f_{timed} is None: f_{timed} = t_{field}"]
    # what the general way adds: a recipient's key (its ID number when the key is empty) and
    # extras, a generated id; then the class's defaults for what the row left empty
    if plan.recipients:
        fields += [f for f in ("key", "resident_id") if f not in fields]
        body += [
            "if f_key is MISSING:",
            "    if f_resident_id is MISSING: return UNSURE",
            "    f_key = f_resident_id",
        ]
    elif plan.id_prefix and "id" not in fields:
        fields.append("id")
        derived = DERIVED_ID_SOURCE.format(prefix=repr(plan.id_prefix), position="position")
        body.append(f"if f_id is MISSING: f_id = {derived}")
        # made here from a non-blank prefix: its validator's answer is known (``derived_ids``)
        made_here = {"id": "True"} if derived_id_accepted(plan.cls, plan.id_prefix) else {}
    fields = list(dict.fromkeys(fields))  # a field given twice would be a repeated keyword
    starts: list[str] = []  # fields whose local starts at the class's plain default
    for field in fields:
        default = attributes[field].default
        if field in always_given:
            continue  # every way through its cell gives a value or leaves the row
        if default is attrs.NOTHING:
            body.append(f"if f_{field} is MISSING: return UNSURE")  # the class refuses it
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return None
            namespace[f"factory_{field}"] = default.factory
            body.append(f"if f_{field} is MISSING: f_{field} = factory_{field}()")
        elif field in ("key", "resident_id", "id"):  # tested for emptiness above
            namespace[f"default_{field}"] = default
            body.append(f"if f_{field} is MISSING: f_{field} = default_{field}")
        else:
            namespace[f"default_{field}"] = default
            starts.append(f"    f_{field} = default_{field}")
    if people in fields and people != known_in_cell:
        body += each_known(f"f_{people}")
    given = {attributes[f].alias: f"f_{f}" for f in fields}
    if plan.recipients:
        given["extras"] = "extras_of(cells)"
    # the record built as the class's own __init__ would, written out here (no call per row)
    code = init_code(plan.cls, given, prefix="i_", accepted={**accepted, **made_here})
    if code is not None:
        namespace.update(code.namespace)
        build = [*("        " + line for line in code.lines), "        return i_self"]
    else:
        arguments = ", ".join(f"{alias}={value}" for alias, value in given.items())
        build = [f"        return cls({arguments})"]
    lines = [
        "def row(index, cells, position):",
        "    n = len(cells)",
        *(f"    f_{f} = MISSING" for f in fields if f"    f_{f} = default_{f}" not in starts),
        *starts,
        *(f"    {flag} = False" for flag in accepted.values()),
        *(f"    t_{field} = None" for field in times),
        *("    " + line for line in body),
        "    try:",
        *build,
        "    except Exception:",  # the general way refuses the row and says why
        "        return UNSURE",
    ]
    # kept where tracebacks and inspect.getsource look (attrs keeps its generated methods so):
    # an error in a generated row function shows the line that raised it
    label = f"rows {kind.value} {table.sheet}"
    function: RowFunction = rowcode.compiled("row", "\n".join(lines) + "\n", namespace, label)
    return function


def _collect(how: Route, items: str) -> str:
    return f"frozenset({items})" if how == Route.FROZENSET else items


def _coerced(number: int, column: ColumnSpec, raw: str = "raw") -> list[str]:
    """``v = coerce(raw)``, or ``UNSURE`` when it does not read: the lines ``tabular.rowcode``
    writes for the reporting way too, with the quick way's answer to a doubt."""
    return rowcode.coerced(number, column, raw, ["return UNSURE"])


def _single(number: int, column: ColumnSpec, field: str, how: Route, flag: str | None) -> list[str]:
    """A one-value cell: coerced, then stored as ``RecordBuilder.build`` and ``_direct`` would
    (``flag``: the field keeping whether an amount was approximate, if the record has one)."""
    lines = _coerced(number, column)
    if how == Route.SAME:
        return [
            *lines,
            f"if v.__class__ is not target_{number}: return UNSURE",
            f"f_{field} = v",
        ]
    if how == Route.ENUM_SELF:  # the class converts codes itself; a member it keeps as it is
        return [
            *lines,
            f"if v.__class__ is str or v.__class__ is target_{number}:",
            f"    f_{field} = members_{number}.get(v, v)",
            "else: return UNSURE",
        ]
    if how == Route.ENUM:  # E(v) for a code, by a lookup; an unknown one: the general way
        return [
            *lines,
            f"if v.__class__ is target_{number}: f_{field} = v",
            "elif v.__class__ is str:",
            f"    f_{field} = members_{number}.get(v, MISSING)",
            f"    if f_{field} is MISSING: return UNSURE",
            "else: return UNSURE",
        ]
    if how == Route.DECIMAL:  # as the hook reads the plain text build gives it
        return [
            *lines,
            "if v.__class__ is Decimal:",
            f"    f_{field} = decimal_of(format(v, 'f'), Decimal)",
            "elif v.__class__ is Money:",
            f"    f_{field} = decimal_of(format(v.amount, 'f'), Decimal)",
            *([f"    f_{flag} = v.approximate"] if flag is not None else []),
            "else: return UNSURE",
        ]
    # several values from a one-value cell: text is split as build does; a tuple is kept
    return [
        *lines,
        "if v.__class__ is str:",
        f"    f_{field} = {_collect(how, 'tuple(split_values(v))')}",
        "elif v.__class__ is tuple:",
        "    for item in v:",
        "        if item.__class__ is not str: return UNSURE",
        f"    if v: f_{field} = {_collect(how, 'v')}",
        "else:",
        "    return UNSURE",
    ]


def _multi(
    number: int,
    column: ColumnSpec,
    field: str,
    how: Route,
    repeats: bool,
    memo: bool = False,
    known: bool = False,
) -> list[str]:
    """A multi-valued cell, split and coerced part by part as the reader does (a one-word cell is
    one part, as ``split_values`` finds). ``repeats``: the column's cells take few distinct texts
    (labels such as 对象类别), so a clean cell's value is remembered by its text (bounded).
    ``memo``: the field's validator decides by the value alone (``construct.accepts``), so a
    one-key tuple is checked once, when it is made, and shared only if it passed (``ok_<field>``
    says so to the record's construction). ``known``: each key is looked for on the register
    here (``known_keys``), and a one-key tuple is remembered only for a key found there."""
    if repeats:
        computed = _multi(number, column, field, how, repeats=False, memo=memo)
        return [
            f"v = seen_{number}.get(raw) if raw.__class__ is str else None",
            f"if v is not None: f_{field} = v",
            "else:",
            *("    " + line for line in computed),
            f"    if raw.__class__ is str and f_{field} is not MISSING:",
            f"        if len(seen_{number}) >= {_SEEN_MAX}: seen_{number}.clear()",
            f"        seen_{number}[raw] = f_{field}",
        ]
    one_word = not any(ch.isascii() and ch.isalnum() for ch in column.separators)
    split = [
        f"parts = split_values(raw if raw.__class__ is str else raw_text(raw), {column.separators!r})",
        "items = []",
        "for part in parts:",
        *("    " + line for line in _coerced(number, column, "part")),
        "    if v.__class__ is not str: return UNSURE",
        "    items.append(v)",
        *(each_known() if known else []),
        f"if items: f_{field} = {_collect(how, 'tuple(items)')}",
    ]
    # a tuple remembered is then a known person's (``known_keys``)
    made = [known_or_leave()] if known else []
    if not one_word:
        return split
    one = (
        # text(raw) is raw itself for a word of ASCII letters and digits (nothing to strip). The
        # one-key collection is shared by every row naming that key (``_ONES_MAX``)
        [
            f"f_{field} = ones_{number}.get(raw)",
            f"if f_{field} is None:",
            *("    " + line for line in made),
            f"    if len(ones_{number}) >= {_ONES_MAX}: ones_{number}.clear()",
            f"    f_{field} = ones_{number}[raw] = {_collect(how, '(raw,)')}",
        ]
        if column.coerce is text and not memo
        else [
            f"f_{field} = ones_{number}.get(raw)",
            f"if f_{field} is not None: ok_{field} = True",
            "else:",
            *("    " + line for line in made),
            f"    f_{field} = {_collect(how, '(raw,)')}",
            f"    if accepts_{number}(f_{field}):",
            f"        if len(ones_{number}) >= {_ONES_MAX}: ones_{number}.clear()",
            f"        ones_{number}[raw] = f_{field}",
            f"        ok_{field} = True",
        ]
        if column.coerce is text
        else [
            *_coerced(number, column),
            "if v.__class__ is not str: return UNSURE",
            *([known_or_leave("v")] if known else []),
            f"f_{field} = {_collect(how, '(v,)')}",
        ]
    )
    return [
        f"if {rowcode.one_word_test()}:",
        *("    " + line for line in one),
        "else:",
        *("    " + line for line in split),
    ]


def keep_clean_rows(
    table: Table,
    row: RowFunction,
    general: Callable[[int, list[Any], int, Any], None],
    keep: Callable[[Any, list[Any]], None],
    records: list[Any],
) -> None:
    """Read every data row of ``table`` (``Table.numbered``, the one loop that decides which
    rows are data and counts them): the record ``row`` builds from a clean one goes to
    ``records`` (through ``keep(record, cells)`` when the row may have extras), any other row to
    ``general(index, cells, position, UNSURE)``."""
    extra_columns, width = bool(table.layout.extras), table.width
    append = records.append
    for position, index, cells in table.numbered():
        record = row(index, cells, position)
        if record is UNSURE:
            general(index, cells, position, UNSURE)
        elif extra_columns or len(cells) > width:
            keep(record, cells)
        else:
            append(record)
