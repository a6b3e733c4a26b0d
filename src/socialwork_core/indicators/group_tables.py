"""Group tables as the forms define them: which contacts count, whether a person counts in one
row or in every row they match, what the last row catches, and what is counted (人次, 人, 户).

A form's by-group visit table (云浮: 探访民政服务对象 N人次, 低保, 特困, 事实无人抚养儿童及孤儿,
其他困难群众; docs/domain.md section 6) is declared once as a :class:`GroupTable`:

- ``exclusive``: each person counts in the **first** row they match, in the declared order of
  precedence, so the rows never count one person twice (the report prints the order); otherwise
  a person counts in every row they match and the total once.
- ``modes``: the contact modes that count (云浮's table counts home visits, 入户, only).
- ``catch_all``: a last row for whoever matches no earlier row, so that the rows add up. Its
  :class:`CatchAllScope` says who that is: everyone else (the rows add up to the total exactly),
  or everyone else who holds a category (民政服务对象, the default): a visit to a person with no
  category on the register, or to a key not on it, then counts in the total and in the table's
  ``unassigned`` figure, which the report names in a note, and in no row.
- ``unit``: 人次 (each contact's people, once per contact), 人 (distinct people), or 户
  (distinct households, :func:`~socialwork_core.indicators.compute.household_key`; in an
  exclusive table a household counts in the first row any of its visited members is in).

A local category counts in its national parent's row when the caller passes the parents, as for
:class:`~socialwork_core.indicators.groups.RecipientGroup`.

Figure codes: ``visits.table.<row>`` (人次), ``visits.table_people.<row>`` (人) and
``visits.table_households.<row>`` (户), with the rows ``total`` and ``unassigned`` besides the
declared ones (so a row may not take either code).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from enum import StrEnum

import attrs

from ..glossary.indicators_text import ROW_ORDER_JOINER, FigureFamily, FigureUnit
from ..glossary.messages import render_message
from ..glossary.terms import ContactMode
from ..periods import Period
from ..recipients import Recipient
from ..record_kinds import RecordKind, spec_of
from .compute import VISIT_MODES, household_key
from .figures import Figure, computed, not_computable
from .groups import NO_PARENTS, RecipientGroup
from .records import LedgerLike, has_records, recipients_by_key

__all__ = [
    "TABLE_FAMILIES",
    "CatchAllRow",
    "CatchAllScope",
    "GroupTable",
    "GroupTableFigures",
    "table_notes",
    "visits_by_table",
]

TOTAL_ROW = "total"
UNASSIGNED_ROW = "unassigned"
_RESERVED = frozenset({TOTAL_ROW, UNASSIGNED_ROW})

TABLE_FAMILIES: Mapping[FigureUnit, FigureFamily] = {
    FigureUnit.PERSON_TIMES: FigureFamily.VISITS_TABLE,
    FigureUnit.PEOPLE: FigureFamily.VISITS_TABLE_PEOPLE,
    FigureUnit.HOUSEHOLDS: FigureFamily.VISITS_TABLE_HOUSEHOLDS,
}
"""The figure family of a group table's figures, by what the table counts."""


class CatchAllScope(StrEnum):
    """Who the catch-all row takes: everyone in no earlier row, or only those of them who hold a
    category."""

    WITH_CATEGORY = "with_category"
    """Everyone else on the register who holds a category (民政服务对象)."""
    EVERYONE = "everyone"
    """Everyone else the table's contacts reach, on the register or not: the rows add up to the
    total."""


@attrs.frozen(kw_only=True)
class CatchAllRow:
    """The last row of a group table (其他困难群众)."""

    code: str
    label: str
    scope: CatchAllScope = attrs.field(default=CatchAllScope.WITH_CATEGORY, converter=CatchAllScope)


def _modes(value: Iterable[ContactMode | str]) -> frozenset[ContactMode]:
    return frozenset(ContactMode(m) for m in value)


def _rows(value: Iterable[RecipientGroup]) -> tuple[RecipientGroup, ...]:
    return tuple(value)


_UNITS = frozenset(TABLE_FAMILIES)


@attrs.frozen(kw_only=True)
class GroupTable:
    """A by-group table as a form defines it (see the module)."""

    total_label: str
    """The total row's label (探访民政服务对象)."""
    groups: tuple[RecipientGroup, ...] = attrs.field(converter=_rows)
    """The rows, in the order of precedence when ``exclusive``."""
    exclusive: bool = False
    modes: frozenset[ContactMode] = attrs.field(default=VISIT_MODES, converter=_modes)
    catch_all: CatchAllRow | None = None
    unit: FigureUnit = attrs.field(default=FigureUnit.PERSON_TIMES, converter=FigureUnit)

    def __attrs_post_init__(self) -> None:
        codes = [g.code for g in self.groups]
        if self.catch_all is not None:
            codes.append(self.catch_all.code)
        if not self.groups:
            raise ValueError("a group table needs at least one group")
        if len(set(codes)) != len(codes):
            raise ValueError(f"a group table's rows need distinct codes, got {codes}")
        if _RESERVED & set(codes):
            raise ValueError(f"{sorted(_RESERVED)} are the table's own rows, not a group's code")
        if not self.modes:
            raise ValueError("a group table counts at least one contact mode")
        if self.unit not in _UNITS:
            raise ValueError(
                f"a group table counts {', '.join(sorted(u.value for u in _UNITS))}, "
                f"not {self.unit.value}"
            )

    @property
    def family(self) -> FigureFamily:
        return TABLE_FAMILIES[self.unit]

    @property
    def row_codes(self) -> tuple[str, ...]:
        """The rows' codes in order (the catch-all last)."""
        rest = () if self.catch_all is None else (self.catch_all.code,)
        return (*(g.code for g in self.groups), *rest)

    def code(self, row: str) -> str:
        """The figure code of ``row`` (a row code, ``total`` or ``unassigned``)."""
        return f"{self.family}.{row}"

    def rows_of(
        self, person: Recipient | None, as_of: date, parents: Mapping[str, str] = NO_PARENTS
    ) -> tuple[str, ...]:
        """The codes of the rows ``person`` counts in (``None``: a key not on the register),
        in order; empty when they count in the total only."""
        matched: list[str] = []
        if person is not None:
            matched = [g.code for g in self.groups if g.matches(person, as_of, parents=parents)]
        if self.exclusive:
            matched = matched[:1]
        if not matched and self.catch_all is not None:
            everyone = self.catch_all.scope is CatchAllScope.EVERYONE
            if everyone or (person is not None and person.categories):
                matched = [self.catch_all.code]
        return tuple(matched)


@attrs.frozen(kw_only=True)
class GroupTableFigures:
    """A group table's figures: the total, one per row (in order), and the count in no row."""

    total: Figure
    rows: tuple[Figure, ...]
    unassigned: Figure

    def __iter__(self) -> Iterator[Figure]:
        """The total then the rows: what the form prints."""
        yield self.total
        yield from self.rows


def _contact_keys(
    ledger: LedgerLike, period: Period, modes: Collection[ContactMode]
) -> Iterator[str]:
    for contact in ledger.contacts:
        if contact.on in period and contact.mode in modes:
            yield from contact.recipient_keys


def visits_by_table(
    ledger: LedgerLike,
    period: Period,
    table: GroupTable,
    *,
    as_of: date,
    parents: Mapping[str, str] = NO_PARENTS,
) -> GroupTableFigures:
    """The figures of ``table`` over the period's contacts in the table's modes; ages at
    ``as_of``; ``parents`` (local category code → national parent) puts a local category in its
    parent's row. Not computable without contacts, nor (the rows) without a register."""
    unit = table.unit
    labels = {g.code: g.label for g in table.groups}
    if table.catch_all is not None:
        labels[table.catch_all.code] = table.catch_all.label
    codes = table.row_codes
    if not has_records(ledger, RecordKind.CONTACTS):
        return _missing(table, labels, RecordKind.CONTACTS)
    register = recipients_by_key(ledger)
    keys = list(_contact_keys(ledger, period, table.modes))
    units: list[tuple[object, tuple[str, ...]]]
    if unit is FigureUnit.PERSON_TIMES:
        units = [(i, table.rows_of(register.get(k), as_of, parents)) for i, k in enumerate(keys)]
    elif unit is FigureUnit.PEOPLE:
        units = [(k, table.rows_of(register.get(k), as_of, parents)) for k in dict.fromkeys(keys)]
    else:
        units = _households(table, register, keys, as_of, parents)
    counts = dict.fromkeys(codes, 0)
    unassigned = 0
    for _unit, rows in units:
        for row in rows:
            counts[row] += 1
        unassigned += not rows
    total = computed(table.code(TOTAL_ROW), len(units), unit, label=table.total_label)
    if not has_records(ledger, RecordKind.RECIPIENTS):
        missing = _missing(table, labels, RecordKind.RECIPIENTS)
        return attrs.evolve(missing, total=total)
    return GroupTableFigures(
        total=total,
        rows=tuple(computed(table.code(c), counts[c], unit, label=labels[c]) for c in codes),
        unassigned=computed(table.code(UNASSIGNED_ROW), unassigned, unit, label=table.total_label),
    )


def _households(
    table: GroupTable,
    register: Mapping[str, Recipient],
    keys: list[str],
    as_of: date,
    parents: Mapping[str, str],
) -> list[tuple[object, tuple[str, ...]]]:
    """Each distinct household of the visited people with the rows it counts in: every row of
    any visited member, or (exclusive) the first of them in the order of precedence."""
    order = {code: i for i, code in enumerate(table.row_codes)}
    households: dict[tuple[str, ...], set[str]] = {}
    for key in dict.fromkeys(keys):
        person = register.get(key)
        home = household_key(person) if person is not None else ("person", key)
        households.setdefault(home, set()).update(table.rows_of(person, as_of, parents))
    result: list[tuple[object, tuple[str, ...]]] = []
    for home, rows in households.items():
        ordered = sorted(rows, key=order.__getitem__)
        result.append((home, tuple(ordered[:1] if table.exclusive else ordered)))
    return result


def _missing(
    table: GroupTable, labels: Mapping[str, str], records: RecordKind
) -> GroupTableFigures:
    def missing(row: str, label: str) -> Figure:
        return not_computable(
            table.code(row),
            table.unit,
            "reports.no_records",
            label=label,
            records=spec_of(records).in_reasons,
        )

    return GroupTableFigures(
        total=missing(TOTAL_ROW, table.total_label),
        rows=tuple(missing(c, labels[c]) for c in table.row_codes),
        unassigned=missing(UNASSIGNED_ROW, table.total_label),
    )


def table_notes(table: GroupTable, figures: GroupTableFigures) -> tuple[str, ...]:
    """The notes a report prints under ``table``: the order of precedence (exclusive rows), what
    the catch-all row takes, the contact modes when not every visit mode counts, and how many
    were counted in the total and no row."""
    name = figures.total.label
    notes = []
    if table.exclusive:
        labels = [r.label for r in figures.rows]
        notes.append(
            render_message(
                "reports.note.exclusive_rows", table=name, order=ROW_ORDER_JOINER.join(labels)
            )
        )
    if table.catch_all is not None:
        scope = render_message(f"reports.note.catch_all.{table.catch_all.scope.value}")
        notes.append(
            render_message(
                "reports.note.catch_all", table=name, row=table.catch_all.label, scope=scope
            )
        )
    if table.modes != VISIT_MODES:
        modes = ROW_ORDER_JOINER.join(m.label for m in ContactMode if m in table.modes)
        notes.append(render_message("reports.note.modes", table=name, modes=modes))
    if figures.unassigned.value:
        notes.append(
            render_message(
                "reports.note.unassigned",
                table=name,
                count=str(figures.unassigned.value),
                unit=table.unit.label,
            )
        )
    return tuple(notes)
