"""Self-care ability (生活自理能力): six daily tasks decide the level (docs/domain.md section 2)."""

from __future__ import annotations

from collections.abc import Iterable

from ..glossary.terms import SelfCareLevel, SelfCareTask

__all__ = ["FULLY_LOST_FROM", "level_from_failed_count", "level_from_failed_tasks"]

FULLY_LOST_FROM = 4
"""Failing this many of the six tasks or more means 完全丧失; 1 to 3 failed means 部分丧失."""


def level_from_failed_count(failed: int) -> SelfCareLevel:
    """The level for a number of failed tasks (0–6)."""
    if not 0 <= failed <= len(SelfCareTask):
        raise ValueError(f"failed tasks must be 0-{len(SelfCareTask)}, got {failed}")
    if failed == 0:
        return SelfCareLevel.FULL
    if failed < FULLY_LOST_FROM:
        return SelfCareLevel.PARTLY_LOST
    return SelfCareLevel.FULLY_LOST


def level_from_failed_tasks(failed: Iterable[SelfCareTask]) -> SelfCareLevel:
    """The level for the set of tasks a person cannot do alone."""
    return level_from_failed_count(len(set(failed)))
