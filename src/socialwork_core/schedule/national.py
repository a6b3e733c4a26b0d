"""The national default rule set (docs/domain.md section 3): grading rules plus the visit policy.

| level | requirements (defaults) |
|---|---|
| 一级 | a contact at least every 7 days; a home visit every calendar month; a contact within 24 h
  of an alert |
| 二级 | a contact every calendar month; a home visit every calendar quarter |
| 三级 | a home visit every calendar quarter |

"A contact" is any of the six modes (:data:`~.requirements.ALL_MODES`). Every figure here is the
library's **default**, following the three-tier pattern of the 2022 national guidance (which asks
for a 100% monthly visit rate by end-2025); regions replace what differs, e.g.::

    guangdong = attrs.evolve(NATIONAL_DEFAULT, name="guangdong", version="2023.1",
                             effective_from=date(2023, 1, 1), grace_days=15)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..glossary.terms import ContactMode, ServiceLevel
from ..grading.national import NATIONAL_RULES
from ..grading.rules import RuleSet
from ..periods import PeriodKind
from .requirements import ALL_MODES, CalendarPeriod, Requirement, RollingPeriod, VisitPolicy

__all__ = ["NATIONAL_DEFAULT", "NATIONAL_POLICY", "with_earlier_default"]

_HOME = frozenset({ContactMode.HOME_VISIT})

NATIONAL_POLICY: dict[ServiceLevel, VisitPolicy] = {
    ServiceLevel.LEVEL_1: VisitPolicy(
        requirements=(
            Requirement(id="contact_every_7_days", period=RollingPeriod(7), modes=ALL_MODES),
            Requirement(
                id="home_visit_every_month",
                period=CalendarPeriod(PeriodKind.MONTH),
                modes=_HOME,
            ),
        ),
        alert_deadline_hours=24,
    ),
    ServiceLevel.LEVEL_2: VisitPolicy(
        requirements=(
            Requirement(
                id="contact_every_month", period=CalendarPeriod(PeriodKind.MONTH), modes=ALL_MODES
            ),
            Requirement(
                id="home_visit_every_quarter",
                period=CalendarPeriod(PeriodKind.QUARTER),
                modes=_HOME,
            ),
        ),
    ),
    ServiceLevel.LEVEL_3: VisitPolicy(
        requirements=(
            Requirement(
                id="home_visit_every_quarter",
                period=CalendarPeriod(PeriodKind.QUARTER),
                modes=_HOME,
            ),
        ),
    ),
}
"""The default visit policy of each level."""

NATIONAL_DEFAULT = RuleSet(
    name="national-default",
    version="2022.1",
    effective_from=date(2000, 1, 1),
    rules=NATIONAL_RULES,
    policy=NATIONAL_POLICY,
    default_level=ServiceLevel.LEVEL_3,
    grace_days=30,
    due_soon_days=7,
    description="docs/domain.md section 3 default table",
)
"""The national default rule set. It takes effect from 2000-01-01 (a default, so that it covers any
past records); a region's newer rule set wins from its own date."""


def with_earlier_default(rule_sets: Iterable[RuleSet]) -> tuple[RuleSet, ...]:
    """A region's rule sets, with :data:`NATIONAL_DEFAULT` for the days before the first of them
    takes effect (a ledger graded for a day before the region had rules of its own is graded by
    the default, and its reasons say so); the default alone when there are none.

    Rule sets that all start on or before the default's own date are returned as they are.
    """
    found = tuple(rule_sets)
    if not found:
        return (NATIONAL_DEFAULT,)
    if min(rs.effective_from for rs in found) > NATIONAL_DEFAULT.effective_from:
        return (*found, NATIONAL_DEFAULT)
    return found
