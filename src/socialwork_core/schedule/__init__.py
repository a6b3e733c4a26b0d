"""Visits and schedule (探访安排): requirements, alerts and campaigns, absences, the due list and
the visit rate.

- :class:`Requirement` with a :class:`RollingPeriod`, a :class:`CalendarPeriod` or (for alerts) a
  :class:`Deadline`, and the contact modes that satisfy it; :class:`VisitPolicy` per level.
- :class:`Alert` (预警/专项行动) adds a requirement to the people it covers; :class:`Absence`
  (住院/外出) suspends requirements for its dates.
- :func:`due_list`: per person and requirement, the last qualifying contact, the due date and a
  :class:`DueStatus`, most urgent first; one pass over the contacts.
- :func:`visit_rate`: 探访率 for a calendar period by level, category, station or worker.
- :data:`NATIONAL_DEFAULT`: the default rule set of docs/domain.md section 3;
  :func:`with_earlier_default` puts it before a region's first rule set.

Nothing here reads the wall clock: callers pass the as-of date.
"""

from __future__ import annotations

from ..glossary.rules_text import AbsenceKind, AlertKind, DueStatus, RiskFlag
from .due import DueEntry, due_list, grade_all, latest_by_key
from .index import AbsenceIndex, ContactIndex, LastContact
from .national import NATIONAL_DEFAULT, NATIONAL_POLICY, with_earlier_default
from .rate import GROUPINGS, Grouping, VisitRate, visit_rate
from .records import Absence, Alert
from .requirements import (
    ALL_MODES,
    CalendarPeriod,
    Deadline,
    Requirement,
    RollingPeriod,
    VisitPolicy,
)

__all__ = [
    "ALL_MODES",
    "GROUPINGS",
    "NATIONAL_DEFAULT",
    "NATIONAL_POLICY",
    "Absence",
    "AbsenceIndex",
    "AbsenceKind",
    "Alert",
    "AlertKind",
    "CalendarPeriod",
    "ContactIndex",
    "Deadline",
    "DueEntry",
    "DueStatus",
    "Grouping",
    "LastContact",
    "Requirement",
    "RiskFlag",
    "RollingPeriod",
    "VisitPolicy",
    "VisitRate",
    "due_list",
    "grade_all",
    "latest_by_key",
    "visit_rate",
    "with_earlier_default",
]
