"""The conformance checks as plain functions: each returns the problems it found, as sentences that
say what to fix in the adapter (an empty list when all is well).

The test classes of :mod:`socialwork_core.testing.suite` call these and fail with the problems
joined; they can also be called from any other harness (a CI script, a notebook).
"""

from __future__ import annotations

import ast
import difflib
import importlib
import importlib.util
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import openpyxl

from .. import indicators as ind
from ..findings import FindingError
from ..glossary import ActivityKind, Category, ServiceLevel, StationTier
from ..glossary.indicators_text import FigureUnit
from ..glossary.messages import render_message
from ..glossary.messages import testing as words
from ..grading import RuleSet, grade
from ..ledger import (
    Ledger,
    LedgerFormat,
    LedgerLoadError,
    LoadResult,
    RecordKind,
    coercer_for,
    load_ledger,
    record_id,
    write_ledger,
)
from ..periods import Period, PeriodKind, cumulative, stock_date
from ..plugins import (
    HOOK_PREFIX,
    PROJECT_NAME,
    AdapterInfo,
    CategoryDefinition,
    Plugins,
    Region,
    category_parents,
)
from ..recipients import Recipient
from ..reports import Report, ReportSettings, ReportTemplate, report_json, write_report
from ..rollup.share import ShareRequest, contacts_kept
from ..schedule import with_earlier_default
from ..tabular import Coerced, WorkbookError
from ..visit_history import HistoryTooShort
from .field import FIELD_TRIALS as _TRIALS
from .field import field_ledgers, spoil_rows
from .synthetic import FormatGap, covered_fields, synthetic_ledger

__all__ = [
    "adapter_info",
    "check_categories",
    "check_converter",
    "check_detection",
    "check_discovery",
    "check_field_ledgers",
    "check_format_round_trip",
    "check_public_imports",
    "check_region",
    "check_report_template",
    "check_rule_sets",
    "core_figures",
    "implemented_hooks",
    "person_outside_age_rule",
    "personal_data",
    "report_period",
]

_CORE = "socialwork_core"
_CJK = re.compile(r"[\u3400-\u9fff]")


def adapter_info(plugins: Plugins, adapter: str) -> AdapterInfo | None:
    """The loaded plugin named ``adapter``, or ``None``."""
    return next((a for a in plugins.adapters() if a.name == adapter), None)


# --- discovery and region ---------------------------------------------------------------------------


def check_discovery(
    plugins: Plugins, adapter: str, *, distribution: str | None = None
) -> list[str]:
    """The adapter is loaded through its ``socialwork_core`` entry point, without load problems."""
    problems = [
        f"loading reported a problem for {adapter!r}: {p.code} {p.detail}".strip()
        for p in plugins.problems
        if p.plugin == adapter
    ]
    info = adapter_info(plugins, adapter)
    if info is None and adapter in plugins.set_aside():
        return problems  # found, but set aside: the problems above say why
    if info is None:
        found = ", ".join(plugins.names()) or "none"
        problems.append(
            f"no plugin named {adapter!r} was loaded (loaded: {found}). Declare the entry point in "
            f'your pyproject.toml: [project.entry-points.socialwork_core] {adapter} = "<package>.plugin"'
            ", then reinstall the package (pip install -e .)"
        )
        return problems
    if info.origin.source != "entry_point":
        problems.append(
            f"{adapter!r} was registered as an extra plugin ({info.origin.module}), not found through "
            "the socialwork_core entry-point group: declare it in [project.entry-points.socialwork_core]"
        )
    if distribution is not None and info.origin.distribution != distribution:
        problems.append(
            f"{adapter!r} comes from distribution {info.origin.distribution!r}, "
            f"expected {distribution!r}: is an older copy installed?"
        )
    return problems


def check_region(plugins: Plugins, adapter: str) -> list[str]:
    """The region metadata is complete: code, Chinese name, division codes (unless national
    default), adapter name and a version that matches the installed distribution, tiers."""
    info = adapter_info(plugins, adapter)
    if info is None:
        return [f"{adapter!r} is not loaded, so its region cannot be checked"]
    region = info.region
    if region is None:
        return [
            f"{adapter!r} serves no region: implement socialwork_region() returning a "
            "socialwork_core.plugins.Region (code, name, division_codes, adapter, adapter_version)"
        ]
    problems = []
    if not _CJK.search(region.name):
        problems.append(f"region name {region.name!r} should be the Chinese name users see")
    if region.is_national_default and region.code != "national":
        problems.append(
            f"region {region.code!r} has no division_codes, which makes it a second national "
            'default: give the GB/T 2260 prefixes it covers ("33" for Zhejiang)'
        )
    if not region.tiers:
        problems.append(f"region {region.code!r} names no station tiers")
    if not region.adapter.strip():
        problems.append(f"region {region.code!r} names no adapter")
    dist_version = info.origin.distribution_version
    if (
        info.origin.distribution not in (None, "socialwork-core")
        and dist_version is not None
        and region.adapter_version != dist_version
    ):
        problems.append(
            f"region.adapter_version is {region.adapter_version!r} but the installed distribution "
            f"{info.origin.distribution!r} is version {dist_version!r}: take the version from one "
            "place (your package's __version__)"
        )
    return problems


def _package_files(module_name: str) -> list[tuple[Path, Path]]:
    """The source files of the package holding ``module_name``: (path, path within the package)."""
    top_spec = importlib.util.find_spec(module_name.split(".")[0])
    if top_spec is not None and top_spec.submodule_search_locations:
        return sorted(
            (path, path.relative_to(location))
            for location in map(Path, top_spec.submodule_search_locations)
            for path in location.rglob("*.py")
        )
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None:
        return []
    origin = Path(spec.origin)
    return [(origin, Path(origin.name))]


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _imports(tree: ast.AST) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, tuple(a.name for a in node.names)


def check_public_imports(plugins: Plugins, adapter: str) -> list[str]:
    """The adapter's package imports only public API: no ``_private`` module or name of the core
    (or of another socialwork package), and not the conformance kit itself at run time."""
    info = adapter_info(plugins, adapter)
    if info is None:
        return [f"{adapter!r} is not loaded, so its imports cannot be checked"]
    own = info.origin.module.split(".")[0]
    problems = []
    for path, relative in _package_files(info.origin.module):
        if "tests" in relative.parts or relative.name.startswith("test_"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError as error:
            problems.append(f"{path}: cannot be parsed ({error})")
            continue
        for line, module, names in _imports(tree):
            top = module.split(".")[0]
            if top == own or not (top == _CORE or top.startswith("socialwork_")):
                continue
            private = [part for part in module.split(".") if _is_private(part)]
            private += [name for name in names if _is_private(name)]
            where = f"{path.name}:{line}"
            if private:
                problems.append(
                    f"{where} imports private {', '.join(private)} from {module}: use the public "
                    "API (the names in each socialwork_core subpackage's __all__); ask for what "
                    "is missing rather than reaching into a private module"
                )
            if module == f"{_CORE}.testing" or module.startswith(f"{_CORE}.testing."):
                problems.append(
                    f"{where} imports the conformance kit ({module}) in the adapter itself: "
                    "the kit belongs in the adapter's tests only"
                )
    return problems


# --- ledger formats ---------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _workbook_cells(path: Path) -> dict[str, list[list[str]]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        return {
            name: [
                [_cell_text(v) for v in row] for row in workbook[name].iter_rows(values_only=True)
            ]
            for name in workbook.sheetnames
        }
    finally:
        workbook.close()


def _describe_issues(result: LoadResult, *, errors_only: bool = True, limit: int = 8) -> list[str]:
    issues = [i for i in result.issues if i.is_error or not errors_only]
    lines = [f"{i.code} ({i.severity.value}) {i.message}" for i in issues[:limit]]
    if len(issues) > limit:
        lines.append(f"… and {len(issues) - limit} more")
    return lines


def _header_clashes(fmt: LedgerFormat) -> list[str]:
    """Two fields of a sheet written under one header. A header one field writes and another only
    accepts (探访时间: a visit's time, and a synonym of its date) is no clash: the reader gives
    the written columns to their fields by their headers and values, which the round trip checks."""
    problems = []
    for sheet in fmt.sheets:
        owner: dict[str, str] = {}
        for column in sheet.columns:
            for header in column.headers[:1]:
                first = owner.setdefault(header, column.field)
                if first != column.field:
                    problems.append(
                        f"sheet {sheet.sheet_names[0]!r}: header {header!r} is given for both "
                        f"fields {first!r} and {column.field!r}; a written ledger has two columns "
                        f"{header!r} and the second is read as an unknown column (its field is "
                        "lost). Give each field its own first header"
                    )
    return problems


def _unknown_label_codes(fmt: LedgerFormat, local_codes: Iterable[str]) -> list[str]:
    """Every text of a label column maps to a code of the column's enumeration (or, in a
    categories column, to a declared local category): a misspelt code ("orphans") would read
    the word as a category no rule, group or report knows, and nothing else would say so."""
    problems = []
    for sheet in fmt.sheets:
        for column in sheet.columns:
            if column.enum is None:
                continue
            enum = column.enum.__name__
            known = {m.value for m in column.enum}
            what, fix = f"no {enum}", f"map it to a code of {enum} (socialwork_core.glossary)"
            if column.field == "categories":
                known |= set(local_codes)
                what += " nor a declared local category"
                fix += " or declare the category (socialwork_extra_categories)"
            for text, code in column.labels.items():
                if code in known:
                    continue
                close = difflib.get_close_matches(str(code), sorted(known), n=1)
                meant = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(
                    f"sheet {sheet.sheet_names[0]!r}, column {column.header!r}: the word "
                    f"{text!r} is read as {code!r}, which is {what}{meant}: {fix}"
                )
    return problems


def _unread_tier_names(fmt: LedgerFormat, region: Region | None) -> list[str]:
    """The names the region gives its station tiers (``Region.tier_labels``) are read by the
    stations sheet's 层级 column: a station's ledger writes the tier as the region calls it, and a
    name the column does not read refuses that station's row."""
    sheet = fmt.sheet_for(RecordKind.STATIONS)
    column = next((c for c in sheet.columns if c.field == "tier"), None) if sheet else None
    if region is None or sheet is None or column is None:
        return []
    read = coercer_for(column)
    problems = []
    for tier, name in region.tier_labels.items():
        try:
            found = read(name)
        except FindingError:
            found = None
        if isinstance(found, Coerced):
            found = found.value
        if found != tier:
            problems.append(
                f"sheet {sheet.sheet_names[0]!r}, column {column.header!r}: the region calls "
                f"tier {tier.value!r} {name!r} (Region.tier_labels), but the column does not "
                f"read it, so a station so written is refused: add it to the column's labels, "
                f"regional_sheet(national.STATIONS, labels={{'tier': {{{name!r}: "
                f"StationTier.{StationTier(tier).name}}}}})"
            )
    return problems


def _compare_ledgers(fmt: LedgerFormat, wrote: Ledger, read: Ledger, when: str) -> list[str]:
    problems: list[str] = []
    for sheet in fmt.sheets:
        name = sheet.sheet_names[0]
        ours, theirs = wrote.records(sheet.kind), read.records(sheet.kind)
        if len(ours) != len(theirs):
            problems.append(
                f"sheet {name!r}: {len(ours)} {sheet.kind.value} written, {len(theirs)} {when}"
            )
            continue
        headers = {c.field: c.header for c in sheet.columns}
        compared = sorted(covered_fields(sheet) | {"extras"})
        reported: set[str] = set()
        for mine, other in zip(ours, theirs, strict=True):
            for field in compared:
                if field in reported or not hasattr(mine, field):
                    continue
                a, b = getattr(mine, field), getattr(other, field)
                if a != b:
                    reported.add(field)
                    header = (
                        "(columns the format does not know, kept as extras)"
                        if field == "extras"
                        else headers.get(field) or headers.get("recipient_resident_ids") or field
                    )
                    problems.append(
                        f"sheet {name!r}, column {header!r} (field {field!r}) of "
                        f"{sheet.kind.value} {record_id(sheet.kind, mine)!r}: wrote {a!r}, "
                        f"{when} {b!r}"
                    )
    return problems


def _compare_workbooks(first: Path, second: Path) -> list[str]:
    one, two = _workbook_cells(first), _workbook_cells(second)
    problems = []
    for name in one.keys() - two.keys():
        problems.append(f"sheet {name!r} is lost on write")
    for name in two.keys() - one.keys():
        problems.append(f"sheet {name!r} appears on write")
    for name in one.keys() & two.keys():
        rows_a, rows_b = one[name], two[name]
        head_a = rows_a[0] if rows_a else []
        head_b = rows_b[0] if rows_b else []
        lost = [h for h in head_a if h and h not in head_b]
        added = [h for h in head_b if h and h not in head_a]
        if lost:
            problems.append(f"sheet {name!r}: column(s) {lost} lost on write")
        if added:
            problems.append(f"sheet {name!r}: column(s) {added} appear on write")
        if len(rows_a) != len(rows_b):
            problems.append(
                f"sheet {name!r}: {len(rows_a) - 1} rows before, {len(rows_b) - 1} after"
            )
            continue
        for col, header in enumerate(head_a):
            if header not in head_b:
                continue
            other = head_b.index(header)
            for r, (row_a, row_b) in enumerate(zip(rows_a[1:], rows_b[1:], strict=True), start=2):
                a = row_a[col] if col < len(row_a) else ""
                b = row_b[other] if other < len(row_b) else ""
                if a != b:
                    problems.append(
                        f"sheet {name!r}, column {header!r} changes on write: row {r} {a!r} -> {b!r}"
                    )
                    break
    return problems


def check_format_round_trip(
    fmt: LedgerFormat,
    plugins: Plugins,
    *,
    region: Region | None,
    workdir: Path,
    as_of: date,
    local_categories: Iterable[CategoryDefinition] = (),
) -> tuple[list[str], Ledger | None]:
    """A ledger generated from ``fmt`` loads without errors, every column reads back what was
    written, and writing the loaded ledger gives the same workbook (no column lost or changed).

    Returns the problems and the loaded ledger (for the report checks), ``None`` when it could not
    be loaded.
    """
    label = f"ledger format {fmt.name!r}"
    problems = [f"{label}: {p}" for p in _header_clashes(fmt)]
    local_codes = {d.code for d in (*plugins.extra_categories(), *local_categories)}
    problems += [f"{label}: {p}" for p in _unknown_label_codes(fmt, local_codes)]
    problems += [f"{label}: {p}" for p in _unread_tier_names(fmt, region)]
    if fmt.sheet_for(RecordKind.RECIPIENTS) is None:
        problems.append(
            f"{label} has no recipients sheet (RecordKind.RECIPIENTS): every ledger has a register"
        )
    try:
        generated = synthetic_ledger(
            fmt, as_of=as_of, region=region, local_categories=local_categories
        )
    except FormatGap as gap:
        return [*problems, f"{label}: {gap}"], None
    workdir.mkdir(parents=True, exist_ok=True)
    first = write_ledger(workdir / f"{fmt.name}.generated.xlsx", generated, fmt)
    converter = plugins.make_converter()
    try:
        loaded = load_ledger(first, fmt, converter=converter)
    except (ValueError, WorkbookError, LedgerLoadError) as error:
        return [*problems, f"{label}: the generated ledger does not load: {error}"], None
    if loaded.errors or loaded.rejected:
        details = "; ".join(_describe_issues(loaded))
        problems.append(
            f"{label}: the generated ledger loads with {len(loaded.errors)} error(s) and "
            f"{len(loaded.rejected)} refused row(s): {details}"
        )
    read_back = _compare_ledgers(fmt, generated, loaded.ledger, "read back")
    if read_back:
        warnings = _describe_issues(loaded, errors_only=False)
        hint = f" (the reader said: {'; '.join(warnings)})" if warnings else ""
        problems += [f"{label}: {p}{hint if i == 0 else ''}" for i, p in enumerate(read_back)]
    second = write_ledger(workdir / f"{fmt.name}.rewritten.xlsx", loaded.ledger, fmt)
    problems += [f"{label}: {p}" for p in _compare_workbooks(first, second)]
    if problems:
        return problems, loaded.ledger
    try:
        again = load_ledger(second, fmt, converter=converter)
    except (ValueError, WorkbookError, LedgerLoadError) as error:
        return [*problems, f"{label}: the rewritten ledger does not load: {error}"], loaded.ledger
    problems += [
        f"{label}: {p}" for p in _compare_ledgers(fmt, loaded.ledger, again.ledger, "read again")
    ]
    return problems, loaded.ledger


def check_field_ledgers(
    fmt: LedgerFormat,
    plugins: Plugins,
    *,
    region: Region | None,
    workdir: Path,
    as_of: date,
    local_categories: Sequence[CategoryDefinition] = (),
) -> tuple[list[str], dict[str, Ledger]]:
    """The field trials of ``fmt`` (:mod:`.field`: sparse cells, missing optional columns, no
    stations sheet, the register alone, unreadable rows): each workbook reads with ``fmt`` without
    crashing, without errors (but the spoiled rows', each refused and named by sheet and row),
    and gives back what was written.

    Returns the problems and the loaded ledgers by trial (for the report checks).
    """
    label = f"ledger format {fmt.name!r}"
    problems: list[str] = []
    loaded: dict[str, Ledger] = {}
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        trials = list(
            field_ledgers(fmt, as_of=as_of, region=region, local_categories=local_categories)
        )
    except FormatGap as gap:
        return [f"{label}: {gap}"], loaded
    for trial in trials:
        path = write_ledger(workdir / f"{fmt.name}.{trial.case}.xlsx", trial.ledger, trial.layout)
        spoiled = spoil_rows(path, trial.layout) if trial.case == "refused_rows" else ()
        try:
            result = plugins.load_ledger(path, fmt)
        except Exception as error:  # the finding: reading a station's ledger must never crash
            problems.append(
                f"{label}: {trial.what} makes the reader fail ({type(error).__name__}: {error}); "
                "no ledger may crash the reader, so report this message to socialwork-core "
                "unless a converter rule of your adapter raised it"
            )
            continue
        refused = {(r.sheet, r.row) for r in result.rejected}
        expected = {(sheet, row) for sheet, row, _header in spoiled}
        stray = [i for i in result.errors if (i.sheet, i.row) not in expected]
        if stray:
            problems.append(
                f"{label}: {trial.what} loads with {len(stray)} error(s) "
                f"({'; '.join(f'{i.sheet} row {i.row}: {i.code}' for i in stray[:4])}): mark "
                "required (FieldColumn.required) only the columns every station's ledger has, "
                "and let the others be empty or absent"
            )
        if expected - refused:
            problems.append(
                f"{label}: {trial.what} keeps rows whose required date reads as no date "
                f"({', '.join(f'{s} row {r} column {h}' for s, r, h in spoiled)}): a required "
                "date column must be FieldColumn(type=ValueType.DATE) so a bad cell refuses its row"
            )
        unnamed = [
            i
            for r in result.rejected
            if (r.sheet, r.row) in expected
            for i in r.issues
            if not (i.sheet and i.row and (i.header or i.column))
        ]
        if unnamed:
            problems.append(
                f"{label}: a refused row's issue does not name its sheet, row and column "
                f"({unnamed[0].code}); report this message to socialwork-core"
            )
        if trial.case != "refused_rows":
            problems += [
                f"{label}: {trial.what}: {p}"
                for p in _compare_ledgers(trial.layout, trial.ledger, result.ledger, "read back")
            ]
        else:
            kept = {k: len(result.ledger.records(k)) for k in RecordKind}
            written = {k: len(trial.ledger.records(k)) for k in RecordKind}
            lost = [
                f"{kind.value} {written[kind]} written, {kept[kind]} kept"
                for kind in RecordKind
                if written[kind] - kept[kind] != sum(1 for r in result.rejected if r.kind is kind)
            ]
            if lost:
                problems.append(
                    f"{label}: {trial.what} loses more than the refused rows ({'; '.join(lost)}): "
                    "make the sheet's other columns read what write_ledger writes"
                )
        loaded[trial.case] = result.ledger
    return problems, loaded


def check_converter(
    plugins: Plugins, ledger: Ledger, fmt: LedgerFormat, *, workdir: Path
) -> list[str]:
    """With the plugins' converter rules (``socialwork_configure_converter``), every record of
    ``ledger`` unstructures and structures back to itself (as ``socialwork convert`` writes and
    another program reads it), and ``ledger`` written in ``fmt`` reads back the same as with the
    library's own converter (rules for an adapter's own types must not change the library's)."""
    converter = plugins.make_converter()
    problems: list[str] = []
    for kind in RecordKind:
        for record in ledger.records(kind):
            where = f"{kind.value} {record_id(kind, record)!r}"
            try:
                back = converter.structure(converter.unstructure(record), type(record))
            except Exception as error:  # anything the plugin's hooks raise is the finding
                problems.append(f"{where} does not round-trip: {type(error).__name__}: {error}")
                break
            if back != record:
                changed = ", ".join(
                    f"{a.name} {getattr(record, a.name)!r} -> {getattr(back, a.name)!r}"
                    for a in attrs.fields(type(record))
                    if getattr(record, a.name) != getattr(back, a.name)
                )
                problems.append(f"{where} does not round-trip: {changed or repr(back)}")
                break
    workdir.mkdir(parents=True, exist_ok=True)
    path = write_ledger(workdir / f"{fmt.name}.converter.xlsx", ledger, fmt)
    try:
        theirs = load_ledger(path, fmt, converter=converter)
    except (ValueError, WorkbookError, LedgerLoadError) as error:
        return [*problems, f"ledger format {fmt.name!r} does not load with the rules: {error}"]
    ours = load_ledger(path, fmt)
    problems += [
        f"with the rules, {p}"
        for p in _compare_ledgers(fmt, ours.ledger, theirs.ledger, "read with the rules")
    ]
    if [i.code for i in ours.issues] != [i.code for i in theirs.issues]:
        problems.append(
            f"ledger format {fmt.name!r}: the rules change the reading's issues: "
            f"{'; '.join(_describe_issues(theirs, errors_only=False))}"
        )
    return problems


def check_detection(
    fmt: LedgerFormat, plugins: Plugins, adapter: str, *, workbook: Path
) -> list[str]:
    """A workbook written in ``fmt`` is claimed by ``adapter`` (``socialwork_detect_format``)."""
    found = plugins.detect_workbook_format(workbook)
    if found is None:
        return [
            f"no adapter claims a workbook written in format {fmt.name!r}: make "
            "socialwork_detect_format return its name for headers only your ledgers use "
            "(socialwork_core.plugins.count_headers helps)"
        ]
    if found.adapter != adapter or found.format.name != fmt.name:
        return [
            f"a workbook written in {adapter!r}'s format {fmt.name!r} is claimed by "
            f"{found.adapter!r} as {found.format.name!r}: look for headers only your ledgers use"
        ]
    return []


# --- categories ----------------------------------------------------------------------------------


def check_categories(plugins: Plugins, adapter: str) -> list[str]:
    """Local categories have region-prefixed codes, Chinese labels that no other category uses,
    and every ledger format of the adapter with a categories column can read and write them."""
    info = adapter_info(plugins, adapter)
    region = info.region if info is not None else None
    definitions = plugins.extra_categories(adapter=adapter)
    problems = []
    national_labels = {c.label: c.value for c in Category}
    seen_labels: dict[str, str] = {}
    for definition in definitions:
        if region is not None and not definition.code.startswith(region.code + "."):
            problems.append(
                f"category {definition.code!r}: prefix its code with the region code "
                f"({region.code}.{definition.code.split('.')[-1]}) so two adapters cannot collide"
            )
        if not _CJK.search(definition.label):
            problems.append(
                f"category {definition.code!r}: label {definition.label!r} should be the Chinese "
                "label the region's ledgers write"
            )
        for text in (definition.label, *definition.synonyms):
            if text in national_labels:
                problems.append(
                    f"category {definition.code!r}: {text!r} is already the national category "
                    f"{national_labels[text]!r}"
                )
            other = seen_labels.setdefault(text, definition.code)
            if other != definition.code:
                problems.append(
                    f"categories {other!r} and {definition.code!r} both use the label {text!r}"
                )
    for fmt in plugins.ledger_formats(adapter=adapter):
        sheet = fmt.sheet_for(RecordKind.RECIPIENTS)
        column = (
            next((c for c in sheet.columns if c.field == "categories"), None) if sheet else None
        )
        if column is None:
            continue
        accepted = column.label_map()
        for definition in definitions:
            if accepted.get(definition.label) != definition.code:
                problems.append(
                    f"ledger format {fmt.name!r} cannot read category {definition.code!r}: add "
                    f"{definition.label!r} (and its synonyms) → {definition.code!r} to the "
                    "categories column's labels"
                )
            elif column.label_of(definition.code) != definition.label:
                problems.append(
                    f"ledger format {fmt.name!r} writes category {definition.code!r} as "
                    f"{column.label_of(definition.code)!r}, not its label {definition.label!r}: "
                    "list the label first in the column's labels"
                )
    return problems


# --- rule sets -------------------------------------------------------------------------------------


def _rule_set_dates(sets: list[RuleSet], ledger: Ledger) -> list[str]:
    """No two rule sets take effect on one day, and a day before the first is graded (by the
    national default, as the library grades it: :func:`~socialwork_core.schedule.with_earlier_default`)
    or refused with the finding ``rules.no_rule_set_in_effect``, never with another error."""
    problems = []
    by_day: dict[date, set[str]] = {}
    for rule_set in sets:
        by_day.setdefault(rule_set.effective_from, set()).add(f"{rule_set.name} {rule_set.version}")
    for day, names in sorted(by_day.items()):
        if len(names) > 1:
            problems.append(
                f"rule sets {', '.join(sorted(names))} all take effect on {day}, so no one knows "
                "which grades that day: give each version its own effective_from"
            )
    if not sets:
        return problems
    first = min(sets, key=lambda rs: rs.effective_from)
    before = first.effective_from - timedelta(days=1)
    people = ledger.recipients[:1] or (
        Recipient(key="RULE-SET-CHECK", name=words.FAMILY_NAMES[0] + words.GIVEN_NAMES[0]),
    )
    try:
        grade(people[0], before, with_earlier_default(sets))
    except FindingError:
        pass  # before 2000-01-01 nothing is in effect: the command says so (rules.no_rule_set…)
    except Exception as error:  # anything the rules raise is the finding
        problems.append(
            f"grading on {before}, the day before rule set {first.name} {first.version} takes "
            f"effect, fails ({error!r}): make every rule's predicate accept any date"
        )
    return problems


def check_rule_sets(rule_sets: Iterable[RuleSet], ledger: Ledger, as_of: date) -> list[str]:
    """Each rule set is well formed and grades every person of ``ledger`` with reasons that cite
    it; every level a rule gives has a visit policy."""
    problems = []
    seen: set[tuple[str, str]] = set()
    sets = list(rule_sets)
    problems += _rule_set_dates(sets, ledger)
    for rule_set in sets:
        ident = f"rule set {rule_set.name} {rule_set.version}"
        if (rule_set.name, rule_set.version) in seen:
            problems.append(f"{ident} is contributed twice")
        seen.add((rule_set.name, rule_set.version))
        for rule in rule_set.rules:
            if not rule.description.strip():
                problems.append(f"{ident}: rule {rule.id!r} has no description (the Chinese text)")
            if rule.level not in rule_set.policy:
                problems.append(
                    f"{ident}: rule {rule.id!r} gives level {rule.level.value} but the policy has "
                    f"no visiting requirement for it (levels: "
                    f"{', '.join(lv.value for lv in rule_set.policy)})"
                )
        on = max(as_of, rule_set.effective_from)
        for person in ledger.recipients:
            try:
                result = grade(person, on, rule_set)
            except Exception as error:
                problems.append(f"{ident}: grading {person.key!r} on {on} fails: {error!r}")
                break
            if not result.reasons:
                problems.append(
                    f"{ident}: {person.key!r} is graded {result.level.value} without reasons"
                )
                break
            stray = [
                r.rule_id
                for r in result.reasons
                if (r.rule_set_name, r.rule_set_version) != (rule_set.name, rule_set.version)
            ]
            if stray:
                problems.append(f"{ident}: reasons {stray} of {person.key!r} cite another rule set")
                break
            if result.level not in ServiceLevel:  # pragma: no cover - the converter guarantees it
                problems.append(f"{ident}: {person.key!r} graded {result.level!r}")
    return problems


# --- reports ----------------------------------------------------------------------------------------


def report_period(template: ReportTemplate, as_of: date) -> Period:
    """The period the kit builds ``template`` for: the one containing ``as_of``, or the year up
    to it for a cumulative or date-range template."""
    if template.period_kind in (PeriodKind.RANGE, PeriodKind.CUMULATIVE):
        return cumulative(as_of - timedelta(days=364), as_of)
    return template.period_for(as_of)


def personal_data(ledger: Ledger) -> dict[str, tuple[str, str]]:
    """Every full personal value in ``ledger`` that must not leave the station unmasked: value →
    (what it is, whose): resident IDs, phone numbers, disability certificate numbers, full names
    of two characters or more."""
    found: dict[str, tuple[str, str]] = {}
    for person in ledger.recipients:
        whose = f"recipient {person.key!r}"
        if person.resident_id:
            found[person.resident_id] = ("resident ID", whose)
        for number in person.phones:
            found[number] = ("phone number", whose)
        if person.guardian_phone:
            found[person.guardian_phone] = ("guardian's phone number", whose)
        if len(person.name) >= 2:
            found[person.name] = ("full name", whose)
        if person.disability is not None and person.disability.certificate:
            found[person.disability.certificate] = ("disability certificate number", whose)
    for worker in ledger.workers:
        if worker.phone:
            found[worker.phone] = ("phone number", f"worker {worker.id!r}")
    return found


def _xlsx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def _figures_of(groups: Iterable[Any]) -> Iterator[ind.Figure]:
    for item in groups:
        if isinstance(item, ind.Figure):
            yield item
        elif isinstance(item, tuple | list):
            yield from _figures_of(item)
        elif isinstance(item, dict):
            yield from _figures_of(item.values())


def core_figures(
    ledger: ind.LedgerLike, period: Period, *, as_of: date, settings: ReportSettings
) -> dict[str, ind.Figure]:
    """The core's indicators over ``ledger`` and ``period``, by figure code: what a report's
    figure with the same code must agree with."""
    parents = settings.category_parents
    stock = stock_date(period, as_of)
    calls: list[Callable[[], Any]] = [
        lambda: ind.station_counts(ledger, stock),
        lambda: ind.new_stations(ledger, period),
        lambda: ind.workers_in_post(ledger, stock),
        lambda: ind.certified_workers(ledger, stock),
        lambda: ind.certified_at_start(ledger, period),
        lambda: ind.newly_certified(ledger, period),
        lambda: ind.certified_growth(ledger, period, as_of),
        lambda: ind.posts_total(ledger),
        lambda: ind.posts_vacant(ledger, stock),
        lambda: ind.township_coverage(ledger, settings.townships_total),
        lambda: ind.village_coverage(ledger, settings.villages_total),
        lambda: ind.activities_held(ledger, period),
        lambda: ind.activities_by_kind(ledger, period),
        lambda: ind.people_reached(ledger, period),
        lambda: ind.special_group_reached(ledger, period),
        lambda: ind.ordinary_reached(ledger, period),
        lambda: ind.special_group_people(ledger, period),
        lambda: ind.volunteers(ledger, period),
        lambda: ind.workers_dispatched(ledger, period),
        lambda: ind.group_sessions(ledger, period),
        lambda: ind.groups_run(ledger, period),
        lambda: ind.visits(ledger, period),
        lambda: ind.people_visited(ledger, period),
        lambda: ind.visits_by_group(ledger, period, ind.VISIT_GROUPS, as_of=as_of, parents=parents),
        lambda: ind.visits_by_group(
            ledger, period, ind.SERVICE_GROUPS, as_of=as_of, parents=parents
        ),
        lambda: ind.households_visited(ledger, period),
        lambda: ind.alert_visits(ledger, period),
        lambda: ind.alert_people(ledger, period),
        lambda: ind.alerts_relocated(ledger, period),
        lambda: ind.alerts_by_kind(ledger, period),
        lambda: ind.handouts_by_item(ledger, period),
        lambda: ind.handout_people(ledger, period),
        lambda: ind.handout_households(ledger, period),
        lambda: ind.station_visits(ledger, period),
        lambda: ind.service_person_times(ledger, period),
        lambda: ind.service_by_group(
            ledger, period, ind.SERVICE_GROUPS, as_of=as_of, parents=parents
        ),
        lambda: ind.people_on_register(ledger, period),
        lambda: ind.households_on_register(ledger, period),
        lambda: ind.files_opened(ledger, period),
        lambda: ind.households_filed(ledger, period),
        lambda: ind.new_cases(ledger, period),
        lambda: ind.ongoing_cases(ledger, period),
        lambda: ind.closed_cases(ledger, period),
        lambda: ind.resources_linked(ledger, period),
        lambda: ind.resources_value(ledger, period),
        lambda: ind.funds_integrated(ledger, period),
        lambda: ind.resource_people_reached(ledger, period),
        lambda: ind.overall_visit_rate(ledger, period, rule_sets=settings.rule_sets),
        lambda: [
            f
            for _label, row in ind.visit_rates_by_level(
                ledger, period, rule_sets=settings.rule_sets
            )
            for f in row
        ],
    ]
    found: dict[str, ind.Figure] = {}
    for call in calls:
        for figure in _figures_of([call()]):
            found.setdefault(figure.code, figure)
    return found


_DERIVED = frozenset({FigureUnit.PERCENT, FigureUnit.POINTS})
"""Rates and scores: computed from counts, recounted only where a core indicator or the template's
own recount gives them."""
_GROUP_PREFIXES = ("visits.group.", "service.group.")


def _group_recount(
    prefix: str,
    group: ind.RecipientGroup,
    ledger: ind.LedgerLike,
    period: Period,
    as_of: date,
    parents: Mapping[str, str],
) -> int:
    """Person-times of ``group``, counted plainly: every person named by a contact (a visit mode
    for ``visits.group``, any mode for ``service.group``) or, for ``service.group``, by an
    activity in the period (staff training aside, and not when a contact met the person that
    day), who is on the register and in the group."""
    register = {p.key: p for p in ledger.recipients}
    keys: list[str] = []
    met: set[tuple[str, date]] = set()
    for contact in ledger.contacts:
        if contact.on in period and (prefix == "service.group." or contact.mode in ind.VISIT_MODES):
            keys += contact.recipient_keys
        if contact.on in period:
            met.update((k, contact.on) for k in contact.recipient_keys)
    if prefix == "service.group.":
        keys += [
            k
            for a in ledger.activities
            if a.on in period and a.kind is not ActivityKind.TRAINING
            for k in a.participant_keys
            if (k, a.on) not in met
        ]
    return sum(
        1
        for key in keys
        if key in register and group.matches(register[key], as_of, parents=parents)
    )


def _table_recount(
    row: str,
    table: ind.GroupTable,
    ledger: ind.LedgerLike,
    period: Period,
    as_of: date,
    parents: Mapping[str, str],
) -> int:
    """A declared group table's row (or ``total`` / ``unassigned``), counted plainly: the people of
    the period's contacts in the table's modes (once per contact for 人次, once each for 人, their
    households for 户), each in the rows the table's declaration puts them in."""
    register = {p.key: p for p in ledger.recipients}
    keys = [
        k
        for c in ledger.contacts
        if c.on in period and c.mode in table.modes
        for k in c.recipient_keys
    ]
    if table.unit is not FigureUnit.PERSON_TIMES:
        keys = sorted(set(keys))
    rows = {k: table.rows_of(register.get(k), as_of, parents) for k in keys}
    if table.unit is FigureUnit.HOUSEHOLDS:
        order = table.row_codes
        homes: dict[tuple[str, ...], list[str]] = {}
        for k in keys:
            home = ind.household_key(register[k]) if k in register else ("person", k)
            homes.setdefault(home, []).extend(rows[k])
        units = [
            sorted(set(r), key=order.index)[: 1 if table.exclusive else None]
            for r in homes.values()
        ]
    else:
        units = [list(rows[k]) for k in keys]
    if row == "total":
        return len(units)
    if row == "unassigned":
        return sum(1 for u in units if not u)
    return sum(1 for u in units if row in u)


def _recount(
    figure: ind.Figure,
    ledger: ind.LedgerLike,
    period: Period,
    *,
    as_of: date,
    settings: ReportSettings,
    template: ReportTemplate,
    shared: dict[tuple[str, int], dict[str, ind.Figure]] | None = None,
) -> tuple[bool, Any]:
    """(known, value): the kit's own count of ``figure``'s code over ``ledger``, from the
    template's declared group tables and groups, its recounts, or the core's indicator over a declared share
    (``shared`` keeps each share's core figures, by prefix and ledger, for the next figure)."""
    for table in template.group_tables:
        prefix = f"{table.family}."
        if figure.code.startswith(prefix):
            return True, _table_recount(
                figure.code[len(prefix) :],
                table,
                ledger,
                period,
                as_of,
                settings.category_parents,
            )
    groups = {g.code: g for g in (*ind.VISIT_GROUPS, *ind.SERVICE_GROUPS, *template.groups)}
    for prefix in _GROUP_PREFIXES:
        if figure.code.startswith(prefix) and figure.code[len(prefix) :] in groups:
            group = groups[figure.code[len(prefix) :]]
            return True, _group_recount(
                prefix, group, ledger, period, as_of, settings.category_parents
            )
    recount = template.recounts.get(figure.code)
    if recount is not None:
        return True, recount(ledger, period, as_of=as_of, settings=settings)
    for prefix, share_of in template.shares.items():
        if not figure.code.startswith(prefix + "."):
            continue
        cache = shared if shared is not None else {}
        found = cache.get((prefix, id(ledger)))
        if found is None:
            share = share_of(ledger)
            found = cache[(prefix, id(ledger))] = core_figures(
                share, period, as_of=as_of, settings=settings
            )
        core = found.get(figure.code[len(prefix) + 1 :])
        if core is not None:
            return True, core.value
    return False, None


def _agreement(
    report: Report,
    ledger: Ledger,
    period: Period,
    settings: ReportSettings,
    template: ReportTemplate,
    *,
    name_unchecked: bool = True,
) -> list[str]:
    """Every figure of ``report`` agrees, for the whole ledger or one station's share, with the
    kit's own count (declared groups, the template's recounts) or the core's indicator of the
    same code; a count the kit cannot check is a problem of its own."""
    parts: list[ind.LedgerLike] = [ledger, *(ind.scoped(ledger, s.code) for s in ledger.stations)]
    cores = [core_figures(part, period, as_of=report.as_of, settings=settings) for part in parts]
    problems = []
    shared: dict[tuple[str, int], dict[str, ind.Figure]] = {}
    for figure in report.figures():
        known, _ = _recount(
            figure,
            ledger,
            period,
            as_of=report.as_of,
            settings=settings,
            template=template,
            shared=shared,
        )
        if known:
            if figure.value is None:
                continue  # not computable, with its reason shown in the report
            counts = [
                _recount(
                    figure,
                    part,
                    period,
                    as_of=report.as_of,
                    settings=settings,
                    template=template,
                    shared=shared,
                )[1]
                for part in parts
            ]
            if figure.value not in counts:
                problems.append(
                    f"figure {figure.code!r} ({figure.label}) is {figure.value!r}, but counting "
                    f"the ledger gives {counts[0]!r} for period {period.label}: compute the row "
                    "with socialwork_core.indicators (the declared groups through "
                    "visits_by_group / service_by_group, parents=settings.category_parents), or "
                    "correct the template's recount"
                )
            continue
        expected = [core.get(figure.code) for core in cores]
        if expected[0] is not None:
            if not any(e is not None and e.value == figure.value for e in expected):
                whole = expected[0]
                shown = whole.value if whole.computable else f"not computable ({whole.reason})"
                problems.append(
                    f"figure {figure.code!r} ({figure.label}) is {figure.value!r}, but the core's "
                    f"indicator {figure.code!r} gives {shown!r} for the same ledger and period "
                    f"{period.label}: compute it with socialwork_core.indicators, or give a figure "
                    "that means something else its own code"
                )
            continue
        if name_unchecked and figure.unit not in _DERIVED and figure.value is not None:
            problems.append(
                f"figure {figure.code!r} ({figure.label}) is a count the kit cannot check: "
                + _how_to_declare(figure.code)
            )
    return problems


def _how_to_declare(code: str) -> str:
    """What to declare on the template so the kit can count ``code``: the one declaration a
    figure of that family needs (a group table's row is not a group), else every way."""
    for family in ind.TABLE_FAMILIES.values():
        if code.startswith(f"{family}."):
            return (
                "it is a row of a group table (visits_by_table), so declare that GroupTable in "
                "ReportTemplate(group_tables=...)"
            )
    if code.startswith(_GROUP_PREFIXES):
        return "declare its RecipientGroup in ReportTemplate(groups=...)"
    return (
        "give it a core indicator's code, declare its group in ReportTemplate(groups=...), its "
        "group table in ReportTemplate(group_tables=...) or the share of the ledger it counts "
        f"in ReportTemplate(shares=...), or declare how to count it in "
        f"ReportTemplate(recounts={{{code!r}: ...}}), a function "
        "(ledger, period, *, as_of, settings) -> value"
    )


def check_report_template(
    template: ReportTemplate,
    ledger: Ledger,
    *,
    region: Region | None,
    rule_sets: Iterable[RuleSet],
    as_of: date,
    workdir: Path,
    local_categories: Iterable[CategoryDefinition] = (),
    field: Mapping[str, Ledger] | None = None,
) -> list[str]:
    """The template builds for a generated ledger, renders to xlsx and JSON, masks personal data
    (IDs, phones, full names), and each figure agrees with the kit's own count (the template's
    declared groups and recounts) or the core's indicator of its code; a count the kit cannot
    check is a problem. ``field``: the field trials' ledgers by trial (:func:`check_field_ledgers`),
    each of which the template must build on with figures that agree too."""
    label = f"report template {template.name!r}"
    problems = []
    if region is not None and not template.name.startswith(region.code + "."):
        problems.append(
            f"{label}: prefix the name with the region code ({region.code}.<report>) so that two "
            "adapters' templates cannot collide"
        )
    if not _CJK.search(template.title):
        problems.append(f"{label}: the title {template.title!r} should be the form's Chinese title")
    period = report_period(template, as_of)
    sets = tuple(rule_sets)
    settings = ReportSettings(
        townships_total=3,
        villages_total=12,
        category_parents=category_parents(local_categories),
    )
    if sets:
        settings = attrs.evolve(settings, rule_sets=sets)
    unit = render_message("testing.synthetic_unit", region=region.name if region else "")
    try:
        report = template.build(ledger, period, as_of=as_of, unit=unit, settings=settings)
    except Exception as error:
        return [*problems, f"{label}: building it for {period.label} fails: {error!r}"]
    if not isinstance(report, Report):
        return [*problems, f"{label}: the builder returned {type(report).__name__}, not a Report"]
    if report.template != template.name:
        problems.append(
            f"{label}: the report says it comes from template {report.template!r}; set "
            f"Report(template=...) to {template.name!r}"
        )
    if report.period != period or report.as_of != as_of or report.unit != unit:
        problems.append(
            f"{label}: the report must carry the period, as-of date and unit it was built for"
        )
    workdir.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    try:
        texts["JSON"] = report_json(report)
    except Exception as error:
        problems.append(f"{label}: report_json fails: {error!r}")
    try:
        path = write_report(report, workdir / f"{template.name}.xlsx")
        texts["xlsx"] = _xlsx_text(path)
    except Exception as error:
        problems.append(f"{label}: write_report fails: {error!r}")
    secrets = personal_data(ledger)
    for form, text in texts.items():
        leaked: dict[str, list[str]] = {}
        for value, (what, whose) in secrets.items():
            if value in text:
                leaked.setdefault(what, []).append(whose)
        for what, owners in sorted(leaked.items()):
            shown = ", ".join(owners[:3]) + (
                f" and {len(owners) - 3} more" if len(owners) > 3 else ""
            )
            problems.append(
                f"{label}: its {form} form prints the {what} of {shown} unmasked; pass ledger "
                "text through socialwork_core.reports.mask_text (IDs, phones) and names through "
                "socialwork_core.reports.person_label / mask_name"
            )
    problems += [f"{label}: {p}" for p in _agreement(report, ledger, period, settings, template)]
    problems += [
        f"{label}: {p}"
        for p in _declared_windows(template, ledger, report, as_of=as_of, settings=settings)
    ]
    for case, trial in (field or {}).items():
        what = _TRIALS.get(case, case)
        try:
            on_trial = template.build(trial, period, as_of=as_of, unit=unit, settings=settings)
        except Exception as error:
            problems.append(
                f"{label}: building it for {period.label} on {what} fails ({error!r}): a report "
                "must build on any ledger the reader accepts; let a figure whose records are "
                "missing be not computable, as the indicators of socialwork_core.indicators do"
            )
            continue
        problems += [
            f"{label}: on {what}, {p}"
            for p in _agreement(on_trial, trial, period, settings, template, name_unchecked=False)
        ]
    return problems


def _declared_windows(
    template: ReportTemplate,
    ledger: Ledger,
    report: Report,
    *,
    as_of: date,
    settings: ReportSettings,
) -> list[str]:
    """The report built from what a roll-up of many files keeps for the template (the contacts
    of ``lookback_days``, the visit days of ``history_days``: ``rollup.contacts_kept``) is the
    report built from every contact: a county report must not change with how it was read."""
    period = report.period
    window = template.records_window(period, as_of)
    history = template.history_window(period, as_of)
    if window is None and history is None:
        return []
    request = ShareRequest(window=window, history=history)
    contacts, days = contacts_kept(ledger.contacts, request)
    cut = Ledger(
        by_kind={**{k: ledger.records(k) for k in RecordKind}, RecordKind.CONTACTS: contacts},
        extras=ledger.extras,
        visit_history=days,
        held_kinds=(k for k in RecordKind if ledger.records(k)),
    )
    declared = f"lookback_days={template.lookback_days}, history_days={template.history_days}"
    try:
        rolled = template.build(cut, period, as_of=as_of, unit=report.unit, settings=settings)
    except HistoryTooShort as error:
        return [f"it reads further back than it declares ({declared}): {error}"]
    # figure by figure in report order: a code may repeat (a row per station)
    whole = [(f.code, f.value) for f in report.figures()]
    cut_figures = [(f.code, f.value) for f in rolled.figures()]
    differ = [
        (code, value, cut_value)
        for (code, value), (cut_code, cut_value) in zip(whole, cut_figures, strict=False)
        if (code, value) != (cut_code, cut_value)
    ]
    if len(whole) != len(cut_figures):
        differ.append(("the number of figures", len(whole), len(cut_figures)))
    if not differ:
        return []
    shown = "; ".join(
        f"{code}: {value} from every contact, {cut_value} from what a roll-up keeps"
        for code, value, cut_value in differ[:3]
    )
    return [
        f"a roll-up of many files keeps only the contacts it declares ({declared}), and its "
        f"figures then differ ({shown}): declare how far back its figures read (lookback_days "
        "for contacts, history_days for what its visit rates read), or None to keep every contact"
    ]


# --- helpers the test classes use ------------------------------------------------------------------


def implemented_hooks(plugins: Plugins, adapter: str) -> tuple[str, ...]:
    """The hooks the adapter's plugin module implements (functions marked ``hookimpl``)."""
    info = adapter_info(plugins, adapter)
    if info is None:
        return ()
    module = importlib.import_module(info.origin.module)
    marker = f"{PROJECT_NAME}_impl"  # the attribute pluggy's HookimplMarker sets
    return tuple(
        sorted(
            name
            for name in dir(module)
            if name.startswith(HOOK_PREFIX) and hasattr(getattr(module, name), marker)
        )
    )


def person_outside_age_rule(definition: CategoryDefinition, as_of: date) -> Recipient | None:
    """A made-up person holding ``definition``'s category at an age its rule excludes."""
    rule = definition.age_rule
    if rule is None:
        return None
    if rule.min_age is not None and rule.min_age > 0:
        age = rule.min_age - 1
    elif rule.under_age is not None:
        age = rule.under_age + 1
    else:
        return None
    day = min(as_of.day, 28)
    birth = date(as_of.year - age, as_of.month, day)
    return Recipient(
        key="AGE-RULE-CHECK",
        name=words.FAMILY_NAMES[0] + words.GIVEN_NAMES[0],
        birth_date=birth,
        categories=frozenset({definition.code}),
    )
