"""Report templates: a named, titled recipe that builds a :class:`~.model.Report` from a ledger.

Adapters contribute templates through the ``socialwork_report_templates`` hook; each template's
data (title, row labels) lives in the adapter's ``reports.py``.

Example::

    from socialwork_core.periods import month
    report = template.build(ledger, month(2022, 3), as_of=date(2022, 4, 1), unit="云浮市民政局")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Protocol

import attrs

from ..grading.rules import RuleSet
from ..indicators.figures import FigureValue
from ..indicators.group_tables import GroupTable
from ..indicators.groups import RecipientGroup
from ..indicators.records import LedgerLike
from ..periods import Period, PeriodKind, containing
from ..schedule import NATIONAL_DEFAULT
from .model import Footer, Report

__all__ = [
    "EVERY_TEMPLATE_TAKES",
    "PERIOD_EXAMPLES",
    "PeriodNotAccepted",
    "Recount",
    "ReportBuilder",
    "ReportSettings",
    "ReportTemplate",
    "ShareOf",
]


PERIOD_EXAMPLES: Mapping[PeriodKind, str] = MappingProxyType(
    {
        PeriodKind.WEEK: "2023-W47",
        PeriodKind.MONTH: "2023-03",
        PeriodKind.QUARTER: "2023-Q1",
        PeriodKind.HALF_YEAR: "2023-H1",
        PeriodKind.YEAR: "2023",
        PeriodKind.RANGE: "2023-01-01..2023-03-31",
        PeriodKind.CUMULATIVE: "..2023-06-30",
    }
)
"""How ``--period`` writes a period of each kind."""

EVERY_TEMPLATE_TAKES = frozenset({PeriodKind.RANGE, PeriodKind.YEAR, PeriodKind.CUMULATIVE})
"""Besides its own period, every template takes any date range, a whole year and 截至 a date
(cumulative): their figures are the same counts over other dates (docs/domain.md section 6)."""

_KIND_ORDER = tuple(PeriodKind)


def _kinds_text(kinds: Iterable[PeriodKind]) -> str:
    ordered = sorted(kinds, key=_KIND_ORDER.index)
    return ", ".join(f"{k.value.replace('_', '-')} ({PERIOD_EXAMPLES[k]})" for k in ordered)


class PeriodNotAccepted(ValueError):
    """A template is asked for a period it is not filed for (a monthly report for a quarter: the
    same dates written as a range are taken).

    Raised by :meth:`ReportTemplate.build` before anything is computed, and only there: a
    ``ValueError`` from inside the build (an indicator's, a plugin's) is not this, and a caller
    that tells the user "this template is filed per month" catches this class, never
    ``ValueError``. A ``ValueError`` still, so older callers keep catching it.
    """

    def __init__(self, template: ReportTemplate, period: Period) -> None:
        self.template = template
        self.period = period
        super().__init__(
            f"template {template.name!r} is filed per {template.period_kind.value} and takes "
            f"{_kinds_text(template.period_kinds)}; not the {period.kind.value} {period.label}"
            + (
                f" (write {period.start}..{period.end} for the same dates)"
                if PeriodKind.RANGE in template.period_kinds
                else ""
            )
        )


@attrs.frozen(kw_only=True)
class ReportSettings:
    """What a template may need beyond the ledger; every field optional.

    The ledger cannot know how many townships and villages a county has (coverage), nor the score
    a panel gave a station's distinctive project: the caller passes them.
    """

    townships_total: int | None = None
    """All townships (乡镇/街道) of the reporting area, for station coverage."""
    villages_total: int | None = None
    """All villages and communities (村/社区), for point coverage."""
    full_names: bool = False
    """Print recipients' full names in entries (default: family name and ``*``)."""
    distinctive_project_points: Mapping[str, Decimal] = attrs.field(factory=dict)
    """Station code → points a panel gave its distinctive project (一站一品), out of the weight."""
    rule_sets: tuple[RuleSet, ...] = (NATIONAL_DEFAULT,)
    """The region's rule sets (grading and visit policy) for visit rates; the national default
    unless the region has its own (``socialwork_rule_sets``)."""
    category_parents: Mapping[str, str] = attrs.field(factory=dict)
    """Local category code → the national category it refines, for the region's local
    categories (:func:`socialwork_core.plugins.category_parents`): pass it to
    ``visits_by_group`` / ``service_by_group`` so that a local category counts in its parent's
    row."""


class ReportBuilder(Protocol):
    """``(ledger, period, *, as_of, unit, footer, settings) -> Report``."""

    def __call__(
        self,
        ledger: LedgerLike,
        period: Period,
        /,
        *,
        as_of: date,
        unit: str,
        footer: Footer,
        settings: ReportSettings,
    ) -> Report: ...


class Recount(Protocol):
    """``(ledger, period, *, as_of, settings) -> value``: a second, plain way to count a figure
    under a template's own code, which the conformance kit compares with the report's value
    (``None``: not computable on this ledger)."""

    def __call__(
        self, ledger: LedgerLike, period: Period, /, *, as_of: date, settings: ReportSettings
    ) -> FigureValue | None: ...


class ShareOf(Protocol):
    """``(ledger) -> ledger``: the part of a ledger some of a template's figures count (the
    stations of one tier, say), from the records."""

    def __call__(self, ledger: LedgerLike, /) -> LedgerLike: ...


def _period_kinds(value: Iterable[PeriodKind | str]) -> frozenset[PeriodKind]:
    return frozenset(PeriodKind(kind) for kind in value)


def _default_kinds(template: ReportTemplate) -> frozenset[PeriodKind]:
    return frozenset({template.period_kind}) | EVERY_TEMPLATE_TAKES


def _takes_its_own(
    template: ReportTemplate, _attribute: attrs.Attribute[Any], kinds: frozenset[PeriodKind]
) -> None:
    if template.period_kind not in kinds:
        raise ValueError(
            f"template {template.name!r} must take its own period kind "
            f"{template.period_kind.value!r}, got {sorted(k.value for k in kinds)}"
        )


def _groups(value: Iterable[RecipientGroup]) -> tuple[RecipientGroup, ...]:
    return tuple(value)


def _tables(value: Iterable[GroupTable]) -> tuple[GroupTable, ...]:
    tables = tuple(value)
    families = [t.family for t in tables]
    if len(set(families)) != len(families):
        # one table per unit, so that a figure code names its table
        raise ValueError(
            "a template declares at most one group table per unit (person-times, people, households)"
        )
    return tables


@attrs.frozen(kw_only=True)
class ReportTemplate:
    """A report an adapter offers: ``name`` like ``guangdong.monthly``, the Chinese ``title``, the
    ``period_kind`` it is filed for, and its ``builder``."""

    name: str
    title: str
    period_kind: PeriodKind = attrs.field(converter=PeriodKind)
    builder: ReportBuilder = attrs.field(eq=False, repr=False)
    period_kinds: frozenset[PeriodKind] = attrs.field(
        default=attrs.Factory(_default_kinds, takes_self=True),
        converter=_period_kinds,
        validator=_takes_its_own,
    )
    """The period kinds ``--period`` may give: by default its own, any date range, a whole year
    and 截至 a date (:data:`EVERY_TEMPLATE_TAKES`); a template that really cannot take one of
    those declares fewer."""
    first_weekday: int = 0
    """For weekly reports: the regional first day (0 Monday … 6 Sunday; Kaifeng: 4, Friday)."""
    description: str = ""
    groups: tuple[RecipientGroup, ...] = attrs.field(default=(), converter=_groups)
    """The recipient groups of its own by-group rows (``visits.group.<code>``,
    ``service.group.<code>``) beyond the core's ``VISIT_GROUPS`` and ``SERVICE_GROUPS``, declared
    so that the conformance kit counts each row itself."""
    group_tables: tuple[GroupTable, ...] = attrs.field(default=(), converter=_tables)
    """The group tables its reports print (``visits.table.<row>`` …,
    :func:`~socialwork_core.indicators.visits_by_table`), declared so that the conformance kit
    counts each row itself."""
    recounts: Mapping[str, Recount] = attrs.field(factory=dict, eq=False, repr=False)
    """Figure code → :class:`Recount`, for each count under the template's own code (one no core
    indicator and no declared group gives): the kit compares the report's value with it."""
    shares: Mapping[str, ShareOf] = attrs.field(factory=dict, eq=False, repr=False)
    """Figure-code prefix → :class:`ShareOf`, for rows that give a core figure over a part of the
    ledger: a figure coded ``<prefix>.<core code>`` (``anhui.tier.village_point.visits.total``)
    is the core's indicator of that code over the share, and the kit counts it so."""
    lookback_days: int | None = None
    """How many days before the period the figures read contacts (a visit rate's quarterly or
    yearly requirement periods reach back up to a year: 366). ``None``: not declared, so a
    roll-up keeps every contact; with a number it keeps only the contacts of
    :meth:`contact_window`, and the parent process holds no more."""

    history_days: int | None = None
    """How many days before the period the template's visit rates read (``None``: they read no
    further back than :attr:`lookback_days`). A visit rate asks only which days each person was
    reached and how, so a roll-up keeps those days as a
    :class:`~socialwork_core.visit_history.VisitHistory`, not as contacts: the parent process's
    memory grows with the people, not with the year's visits (docs/scale.md). Declare it with
    ``lookback_days=0`` when nothing else reads contacts before the period; a visit rate reading
    further back than the history raises ``HistoryTooShort``."""

    def contact_window(self, period: Period, as_of: date) -> tuple[date, date] | None:
        """The days whose contacts the report reads, as contacts or as visit days (what a
        ledger file is loaded with), or ``None`` for every contact."""
        records = self.records_window(period, as_of)
        history = self.history_window(period, as_of)
        if records is None or history is None:
            return records
        return min(records[0], history[0]), max(records[1], history[1])

    def records_window(self, period: Period, as_of: date) -> tuple[date, date] | None:
        """The days whose contacts the report reads as contacts, or ``None`` for every contact."""
        if self.lookback_days is None:
            return None
        return period.start - timedelta(days=self.lookback_days), max(period.end, as_of)

    def history_window(self, period: Period, as_of: date) -> tuple[date, date] | None:
        """The days whose visits the report reads only as visit days (``history_days``), or
        ``None`` when it declares none."""
        if self.history_days is None:
            return None
        return period.start - timedelta(days=self.history_days), max(period.end, as_of)

    def period_for(self, day: date) -> Period:
        """The report period containing ``day`` (a calendar kind only)."""
        return containing(self.period_kind, day, first_weekday=self.first_weekday)

    def accepts(self, period: Period) -> bool:
        """Whether the template takes ``period``: one of its :attr:`period_kinds`."""
        return period.kind in self.period_kinds

    @property
    def period_examples(self) -> tuple[str, ...]:
        """How ``--period`` is written for each kind the template takes, its own first."""
        others = sorted(self.period_kinds - {self.period_kind}, key=_KIND_ORDER.index)
        return tuple(PERIOD_EXAMPLES[k] for k in (self.period_kind, *others))

    def build(
        self,
        ledger: LedgerLike,
        period: Period,
        *,
        as_of: date,
        unit: str,
        preparer: str = "",
        reviewer: str = "",
        filled_on: date | None = None,
        settings: ReportSettings | None = None,
    ) -> Report:
        """Build the report for ``period``. ``filled_on`` (填报日期) defaults to ``as_of``.

        Stock figures (workers in post, certified, stations) are counted on
        :func:`~socialwork_core.periods.stock_date`: the period's end, or ``as_of`` if earlier.

        :raises PeriodNotAccepted: the period is not of a kind in :attr:`period_kinds`; checked
            before anything is computed.
        """
        if not self.accepts(period):
            raise PeriodNotAccepted(self, period)
        footer = Footer(filled_on=filled_on or as_of, preparer=preparer, reviewer=reviewer)
        return self.builder(
            ledger,
            period,
            as_of=as_of,
            unit=unit,
            footer=footer,
            settings=settings or ReportSettings(),
        )
