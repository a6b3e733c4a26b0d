"""Recipients (服务对象): the person, disability, self-care, and category checks."""

from __future__ import annotations

from .category_checks import (
    CategoryThresholds,
    birth_dates_agree,
    check_categories,
    has_no_work_capacity,
)
from .disability import Certificate, Disability, check_certificate, parse_certificate, parse_label
from .recipient import Recipient
from .self_care import level_from_failed_count, level_from_failed_tasks

__all__ = [
    "CategoryThresholds",
    "Certificate",
    "Disability",
    "Recipient",
    "birth_dates_agree",
    "check_categories",
    "check_certificate",
    "has_no_work_capacity",
    "level_from_failed_count",
    "level_from_failed_tasks",
    "parse_certificate",
    "parse_label",
]
