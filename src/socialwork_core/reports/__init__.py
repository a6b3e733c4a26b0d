"""Reports: the report value, templates, and rendering to a styled workbook and to JSON.

Build a report from a template (adapters contribute them), then write it::

    report = template.build(ledger, period, as_of=as_of, unit="东至县民政局")
    write_report(report, "report.xlsx")
    text = report_json(report)
"""

from __future__ import annotations

from .entries import (
    activity_entries,
    case_entries,
    contact_entries,
    resource_entries,
    sort_entries,
)
from .evaluation import (
    EvaluationTargets,
    EvaluationWeights,
    GradeBands,
    StationEvaluation,
    evaluate_station,
)
from .masking import PeopleNames, mask_name, mask_text, people_names, person_label
from .model import Entry, Footer, NotComputable, Report, Row, Section, Table
from .serialised import report_data, report_json
from .settings_file import SettingsError, SettingsFile, read_settings
from .tables import figure_table, grid_table
from .template import (
    EVERY_TEMPLATE_TAKES,
    PERIOD_EXAMPLES,
    PeriodNotAccepted,
    Recount,
    ReportBuilder,
    ReportSettings,
    ReportTemplate,
    ShareOf,
)
from .xlsx import figure_cell_value, report_workbook, write_report

__all__ = [
    "EVERY_TEMPLATE_TAKES",
    "PERIOD_EXAMPLES",
    "Entry",
    "EvaluationTargets",
    "EvaluationWeights",
    "Footer",
    "GradeBands",
    "NotComputable",
    "PeopleNames",
    "PeriodNotAccepted",
    "Recount",
    "Report",
    "ReportBuilder",
    "ReportSettings",
    "ReportTemplate",
    "Row",
    "Section",
    "SettingsError",
    "SettingsFile",
    "ShareOf",
    "StationEvaluation",
    "Table",
    "activity_entries",
    "case_entries",
    "contact_entries",
    "evaluate_station",
    "figure_cell_value",
    "figure_table",
    "grid_table",
    "mask_name",
    "mask_text",
    "people_names",
    "person_label",
    "read_settings",
    "report_data",
    "report_json",
    "report_workbook",
    "resource_entries",
    "sort_entries",
    "write_report",
]
