"""A report as JSON, through the library's one converter: the same figures as the workbook, with
values as numbers or Decimal text, units and approximate flags, and the not-computable reasons."""

from __future__ import annotations

from typing import Any

from ..serialize import dumps, make_converter
from .model import Report

__all__ = ["report_data", "report_json"]


def report_data(report: Report) -> Any:
    """The report as JSON-ready data (dicts, lists, text, ints; Decimal as text)."""
    return make_converter().unstructure(report)


def report_json(report: Report) -> str:
    """The report as JSON text (non-ASCII kept)."""
    return dumps(make_converter(), report)
