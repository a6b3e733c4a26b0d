"""What a table should hold: column specifications (no domain knowledge; formats supply them)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..glossary import vocabulary as words
from ..validation import to_tuple
from .cells import Coercer, normalise_label, text


@attrs.frozen
class ColumnSpec:
    """One column a table may hold.

    ``headers`` are the accepted header texts, the first being the one written by the writer;
    synonyms follow. A header under a merged group heading matches as ``"group/sub"`` or as
    ``"sub"`` alone. Comparison ignores spaces and full-width/half-width differences.
    """

    field: str
    """The name the value is known by in the row (``Row.values[field]``)."""
    headers: tuple[str, ...] = attrs.field(converter=to_tuple)
    coerce: Coercer = text
    """Turns a non-empty cell into a value or raises ``FindingError``; see ``tabular.cells``."""
    required: bool = False
    """The column must be present and every data row must have a value in it."""
    multi: bool = False
    """The cell holds several values (“低保、特困”): split, each part coerced, a tuple returned."""
    separators: str = words.LIST_SEPARATORS
    """Where a multi-valued cell is split."""
    stands_in_for: str = ""
    """Another field this column is read as too when the table has no column of its own for it
    (户主姓名 for 姓名: a register of households names each by its head)."""

    @headers.validator
    def _check_headers(self, _attribute: object, value: tuple[str, ...]) -> None:
        if not value:
            raise ValueError(f"column {self.field!r} needs at least one header")

    @property
    def header(self) -> str:
        """The header the writer uses."""
        return self.headers[0]

    def matches(self, name: str) -> bool:
        """True if ``name`` (a header as found in the sheet) is one of this column's headers."""
        wanted = normalise_label(name)
        return any(normalise_label(h) == wanted for h in self.headers)


def _frozen_texts(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _column_specs(value: Iterable[ColumnSpec]) -> tuple[ColumnSpec, ...]:
    return tuple(value)


@attrs.frozen
class TableSpec:
    """The columns of one table and where to find it.

    ``sheet_names`` are tried first (spaces and width ignored); when none is present, every sheet
    is tried by its headers, since real sheets are called “2022年3月台账” or “Sheet1”.
    """

    columns: tuple[ColumnSpec, ...] = attrs.field(converter=_column_specs)
    sheet_names: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    foreign_headers: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen_texts)
    """Normalised headers (``headers.normalise_header``) that name another table's fields and
    none of this one's (出生日期 for a visit log): a column so headed is not taken here by a
    partial match."""
    section_field: str | None = None
    """The field a section-heading row (“一、金坪村（10人）”) fills in the rows below it when
    their own cell is empty, if the heading's text fits ``section_pattern``."""
    section_pattern: str = ""
    """A regular expression the heading's name (numbering and counts removed) must match."""

    @columns.validator
    def _check_columns(self, _attribute: object, value: tuple[ColumnSpec, ...]) -> None:
        fields = [c.field for c in value]
        duplicates = sorted({f for f in fields if fields.count(f) > 1})
        if duplicates:
            raise ValueError(f"fields defined twice: {duplicates}")

    @property
    def required(self) -> tuple[ColumnSpec, ...]:
        return tuple(c for c in self.columns if c.required)
