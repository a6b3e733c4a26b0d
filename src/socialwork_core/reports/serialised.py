"""A report as JSON, through the library's one converter: the same figures as the workbook, with
values as numbers or Decimal text, units and approximate flags, and the not-computable reasons."""

from __future__ import annotations

import json
from typing import Any

from ..serialize import make_converter
from .masking import mask_text
from .model import Report

__all__ = ["report_data", "report_json"]


def report_data(report: Report) -> Any:
    """The report as JSON-ready data (dicts, lists, text, ints; Decimal as text), every text
    through :func:`~.masking.mask_text` as the workbook's cells are (a template that builds a
    text of its own cannot let an ID or a phone number through)."""
    return _masked(make_converter().unstructure(report))


def report_json(report: Report) -> str:
    """The report as JSON text (non-ASCII kept)."""
    return json.dumps(report_data(report), ensure_ascii=False)


def _masked(data: Any) -> Any:
    if isinstance(data, str):
        return mask_text(data)
    if isinstance(data, dict):
        return {key: _masked(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_masked(value) for value in data]
    return data
