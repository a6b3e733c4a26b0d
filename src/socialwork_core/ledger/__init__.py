"""The ledger: every record of a station or county, read from and written to workbooks.

- ``LedgerFormat`` / ``SheetFormat`` / ``FieldColumn`` (data): where each record kind lives, its
  columns with headers and synonyms, value types and label maps. Adapters supply formats; the core
  holds only the mechanism.
- ``load_ledger(path, fmt, *, strict=False)`` → ``LoadResult`` (``ledger``, ``issues``,
  ``rejected``). Rows go through the tabular reader, then ``RecordBuilder`` turns their values into
  records through the one cattrs converter (or, with the library's own converter, its documented
  equivalent for values already of their field's type: see ``ledger.building``). With the
  library's own converter, clean rows take a function generated per sheet (``ledger.compiled``)
  that gives the same records. Rows with errors are refused and kept with their original cells;
  unknown columns are kept as extras. ``Plugins.load_ledger`` adds the plugins' converter rules.
- ``write_issues_workbook(path, result, ledger=…, on=…)``: the issues workbook (问题清单): every
  row with a problem under its sheet's own headers, the problem cells marked, to fix and reload.
- ``write_ledger(path, ledger, fmt)``: the same layout back; reading it again gives equal records.
- ``write_template(path, fmt)``: an empty ledger in the layout for filling in by hand, with
  drop-down lists for coded columns, ID and phone columns as text, and a 填表说明 sheet.
- ``check_recipients(result, as_of, extra=…)``: the category checks (and an adapter's) on the
  loaded records, as warnings placed at each person's row.
- ``fit_categories(ledger, target_format, local_categories)``: before writing in another layout,
  map local categories the target cannot hold to their national parent (original label kept).

A record field of several values (a tuple or frozenset, e.g. ``Case.problems``) fed by a column
not marked ``multi`` is split like a multi-valued cell (、，,/;； and spaces), never read as a
sequence of characters; ``write_ledger`` joins such fields with 、.

Stable codes (besides the ``tabular.*``, ``resident_id.*``, ``phone.*`` and ``disability.*`` codes of
the cells):

- ``ledger.sheet_missing`` [info]: an optional record kind's sheet is absent;
- ``ledger.sheet_continued`` [info]: a further sheet of a kind read after its first (a register
  split by category or village, visits split by month: ``ledger.more_sheets``);
  ``ledger.other_year_sheet_skipped`` [info]: one naming another year than the first, not read;
  ``ledger.later_year_sheet_read`` [info]: the register read from the latest year's sheet
  rather than the older one found first (2024年台账 beside 2023年台账);
  ``ledger.copy_sheet_skipped`` [info]: one named as a copy (名单备份, 花名册 (2)), not read;
- ``ledger.category_from_sheet_name`` [info]: per register sheet named by a category (低保户),
  how many people without a category took it; ``ledger.village_from_sheet_name`` [info]: per
  register sheet named by a village (东湖村) with no village column, how many took it;
- ``ledger.listed_on_two_sheets`` [info]: a person on two sheets of the register (same key and
  name): one person, categories joined;
- ``ledger.status_from_name`` [info]: a register name with a status remark (张三（已故）) and no
  人员状态 of its own: the person takes that status (``ledger.name_status``);
  ``ledger.status_name_disagrees`` [warning]: the row's 人员状态 says otherwise, and is kept;
- ``ledger.mode_of_several`` [info]: a visit's mode cell naming two modes (入户走访、电话): the
  visit takes the one that counts most (``glossary.meaning.MODE_PRECEDENCE``);
- ``ledger.id_from_name`` [info]: a register row with no ID number whose name cell holds one
  (张三（4104…）, 张三 4104…): the number is the person's, the rest of the cell their name;
- ``ledger.recipient_without_key`` [error]: neither a 档案号 nor a valid ID number;
- ``ledger.duplicate_key`` [error], ``ledger.duplicate_resident_id`` [error]: the later row is refused;
- ``ledger.unknown_recipient`` [error]: a contact, link, case or activity names nobody on the register;
- ``ledger.record_invalid`` [error]: the record's own rules refuse the row (e.g. a closed case with
  no closing date); the message lists the converter's problems;
- ``ledger.mode_from_notes`` [info]: a visit log with no mode column, how many visits took the
  mode their account opens with (入户走访，…) and how many say none;
- ``ledger.categories_from_text`` [info]: a register with no category column, how many people
  took the category words of the free-text column found to name them (情况说明: 独居，低保户，
  腿脚不便; ``ledger.categories_text``), with an example and a word that is none;
- ``ledger.category_slip_read`` [warning]: at the cell, a word of that column one slip from a
  category word (低宝户, 特因) read as it; ``ledger.categories_text_unread`` [warning]: at the
  cell, a text of that column naming no category (the person kept with none);
- ``ledger.rejected_rows`` [warning]: per sheet, how many rows were refused;
- ``ledger.visit_far_from_titled_year`` [warning], ``ledger.visit_far_from_sheet_dates``
  [warning]: a visit dated years away from its sheet's period, at the date cell, the visit kept
  (``ledger.visit_dates`` defines the period);
- ``ledger.visits_outside_window`` [info]: per sheet, how many visits dated outside
  ``load_ledger(window=…)`` were passed over unread (a visit log's and those on register rows
  alike), and the latest of their days;
- ``ledger.load_failed``: the message of ``LedgerLoadError`` (strict mode).
"""

from __future__ import annotations

from .building import RECORD_CLASSES, RecordBuilder
from .checks import EARLIEST_BIRTH_YEAR, RecipientCheck, birth_date_plausible, check_recipients
from .columns import coercer_for, disability_cell, phones_cell, resident_id_cell, table_spec
from .conversion import CategoryChange, LocalCategory, accepted_categories, fit_categories
from .format import FieldColumn, LedgerFormat, RecordKind, SheetFormat, ValueType
from .issues_workbook import write_issues_workbook
from .loading import LedgerLoadError, LoadResult, RejectedRow, load_ledger
from .mapping import (
    LedgerMapping,
    MappingError,
    SheetExplained,
    SheetMapping,
    explain,
    mapping_text,
    read_mapping,
)
from .model import Ledger, ledger_of, record_id
from .template import write_template
from .writing import write_ledger

__all__ = [
    "EARLIEST_BIRTH_YEAR",
    "RECORD_CLASSES",
    "CategoryChange",
    "FieldColumn",
    "Ledger",
    "LedgerFormat",
    "LedgerLoadError",
    "LedgerMapping",
    "LoadResult",
    "LocalCategory",
    "MappingError",
    "RecipientCheck",
    "RecordBuilder",
    "RecordKind",
    "RejectedRow",
    "SheetExplained",
    "SheetFormat",
    "SheetMapping",
    "ValueType",
    "accepted_categories",
    "birth_date_plausible",
    "check_recipients",
    "coercer_for",
    "disability_cell",
    "explain",
    "fit_categories",
    "ledger_of",
    "load_ledger",
    "mapping_text",
    "phones_cell",
    "read_mapping",
    "record_id",
    "resident_id_cell",
    "table_spec",
    "write_issues_workbook",
    "write_ledger",
    "write_template",
]
