"""Columns written in codes (人员类别 01, 05; 走访方式 1, 2, 3), as a system exports them, read
through the legend the workbook holds on another sheet (代码说明: 人员类别(RYLB) | 01 | 低保 …).

A column is coded when every value sampled under its header is a short number (or several joined)
and the column's reader does not take one of them. A legend is a run of rows on another sheet,
each with a code and the word it stands for, under a label (the text before the first code,
carried down its group). The legend is the column's when its label is the column's header (or
one of the field's headers), brackets aside, every sampled code is in it, and half of its words
at least are words the column reads (the meaning agrees). Then each code is read as its word,
and ``tabular.codes_from_legend`` says so; a coded column with no legend that fits is
``tabular.codes_without_legend`` (a warning: its cells are refused as any unknown word is)."""

from __future__ import annotations

import functools
import itertools
import unicodedata
import weakref
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from ..findings import Finding, FindingError
from ..glossary import vocabulary as words
from ..glossary.terms import Severity
from .cells import Coerced, Coercer, RawValue, exact_labels, raw_text, split_values
from .headers import normalise_header, without_brackets
from .issues import Issue, column_letter
from .rows import is_blank
from .sources import Workbook
from .spec import ColumnSpec, TableSpec

__all__ = ["Legend", "decode_columns"]

LEGEND_ROWS: Final = 500
"""Rows of a sheet looked at for a legend (a legend is short; a data sheet is not read whole)."""
SAMPLED_AT_LEAST: Final = 2
"""Values under a header before its column can be said to be coded."""


@attrs.frozen
class Legend:
    """One group of a legend sheet: its label (人员类别(RYLB)) and each code's word."""

    sheet: str
    label: str
    words: Mapping[str, str]


_LEGENDS: weakref.WeakKeyDictionary[Workbook, dict[str, tuple[Legend, ...]]]
_LEGENDS = weakref.WeakKeyDictionary()
"""The legends found on each sheet of a workbook, so a sheet is looked through once."""


def _code(text: str) -> str | None:
    cleaned = unicodedata.normalize("NFKC", text).strip()
    return cleaned if words.VALUE_CODE.fullmatch(cleaned) else None


def legends_on(workbook: Workbook, name: str) -> tuple[Legend, ...]:
    """The legend groups on the sheet ``name``: rows with a code followed by a word, under the
    text before the code (or the group's label carried down from the row above)."""
    cache = _LEGENDS.setdefault(workbook, {})
    found = cache.get(name)
    if found is not None:
        return found
    groups: dict[str, dict[str, str]] = {}
    label: str | None = None
    for _index, cells in itertools.islice(workbook.sheet(name).rows, LEGEND_ROWS):
        texts = [raw_text(v).strip() for v in cells if not is_blank(v)]
        entry = next(
            (
                k
                for k, t in enumerate(texts[:-1])
                if _code(t) is not None and _code(texts[k + 1]) is None
            ),
            None,
        )
        if entry is None:
            label = None  # a title or a column heading: a group starts again below it
            continue
        if entry:
            label = texts[entry - 1]
        if label is not None:
            code = _code(texts[entry])
            assert code is not None
            groups.setdefault(label, {})[code] = texts[entry + 1]
    found = tuple(Legend(name, label, codes) for label, codes in groups.items() if len(codes) >= 2)
    cache[name] = found
    return found


def _decoded(coerce: Coercer, legend: Mapping[str, str]) -> Coercer:
    """The column's reader, reading a code as the legend's word first."""

    def read(raw: RawValue) -> Any:
        code = _code(raw_text(raw)) if raw is not None else None
        word = legend.get(code) if code is not None else None
        return coerce(word if word is not None else raw)

    return read


def _reads(coerce: Coercer, value: str) -> bool:
    try:
        read = coerce(value)
    except (FindingError, ValueError):
        return False
    return not (isinstance(read, Coerced) and any(f.is_error for f in read.findings))


def _key(header: str) -> str:
    return without_brackets(normalise_header(header.rsplit("/", 1)[0]))


def _fits(legend: Legend, column: ColumnSpec, header: str, codes: set[str]) -> bool:
    label = _key(legend.label)
    if not label or (label != _key(header) and not column.matches(label)):
        return False
    if not codes <= set(legend.words):
        return False
    meant = sum(1 for word in legend.words.values() if _reads(column.coerce, word))
    return 2 * meant >= len(legend.words)


def decode_columns(
    workbook: Workbook,
    spec: TableSpec,
    fields: Mapping[str, int],
    headers: Mapping[int, str],
    sample: Sequence[Sequence[RawValue | None]],
    sheet: str,
    header_row: int,
) -> tuple[TableSpec, list[Issue]]:
    """``spec`` with each coded column of the table read through its legend, and the findings.
    ``fields``: field → 0-based column; ``headers``: column → header as shown; ``sample``: rows
    under the header; ``header_row``: the header's last row, as Excel numbers it."""
    columns = {c.field: c for c in spec.columns}
    decoded: dict[str, ColumnSpec] = {}
    issues: list[Issue] = []
    for field, index in fields.items():
        column = columns.get(field)
        if column is None or exact_labels(column.coerce) is None:
            continue  # only a column of words (a choice) is written in codes
        codes = _codes_in(column, index, sample)
        if codes is None or all(_reads(column.coerce, c) for c in codes):
            continue
        header = headers.get(index, "")
        where = (sheet, header_row, column_letter(index), header)
        legend = next(
            (
                found
                for name in workbook.sheet_names
                if name != sheet
                for found in legends_on(workbook, name)
                if _fits(found, column, header, codes)
            ),
            None,
        )
        example = sorted(codes)[0]
        if legend is None:
            missing = Finding.of(
                "tabular.codes_without_legend", Severity.WARNING, header=header, code=example
            )
            issues.append(Issue(missing, *where))
            continue
        decoded[field] = attrs.evolve(column, coerce=_decoded(column.coerce, legend.words))
        said = Finding.of(
            "tabular.codes_from_legend",
            Severity.INFO,
            header=header,
            legend=legend.sheet,
            label=legend.label,
            code=example,
            word=legend.words[example],
        )
        issues.append(Issue(said, *where))
    if not decoded:
        return spec, issues
    return attrs.evolve(spec, columns=[decoded.get(c.field, c) for c in spec.columns]), issues


@functools.lru_cache(maxsize=256)
def _parts(text: str, separators: str, multi: bool) -> tuple[str, ...]:
    return tuple(split_values(text, separators)) if multi else (text.strip(),)


def _codes_in(
    column: ColumnSpec, index: int, sample: Sequence[Sequence[RawValue | None]]
) -> set[str] | None:
    """The codes sampled in the column, or ``None`` when it is not written in codes."""
    values = [row[index] for row in sample if index < len(row) and not is_blank(row[index])]
    if len(values) < SAMPLED_AT_LEAST:
        return None
    codes: set[str] = set()
    for value in values:
        for part in _parts(raw_text(value), column.separators, column.multi):
            code = _code(part)
            if code is None:
                return None
            codes.add(code)
    return codes
