"""Guangdong's extra checks on a recipient (``socialwork_check_recipient``).

双百 follows every registered person through one responsible social worker (分级分类, one worker
per person), so a person on the register without 负责社工 is flagged. Finding codes:
``guangdong.no_responsible_worker`` (warning).
"""

from __future__ import annotations

from datetime import date

from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity
from socialwork_core.recipients import Recipient

NO_RESPONSIBLE_WORKER = "guangdong.no_responsible_worker"

MESSAGES = {
    NO_RESPONSIBLE_WORKER: "{name}（{key}）在册但没有负责社工，双百要求每名对象有专人跟进。",
}
"""The templates of this adapter's finding codes (``socialwork_messages``)."""


def check_recipient(recipient: Recipient, as_of: date) -> list[Finding]:
    """Warnings for a Guangdong register entry at ``as_of`` (people off the register are skipped)."""
    if not recipient.is_on_register(as_of) or recipient.worker_id is not None:
        return []
    return [
        Finding.of(NO_RESPONSIBLE_WORKER, Severity.WARNING, name=recipient.name, key=recipient.key)
    ]
