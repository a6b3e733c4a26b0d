"""Henan's extra checks on a recipient (``socialwork_check_recipient``).

``henan.left_behind_woman_not_female`` (warning): 农村留守妇女 held by a person whose ID number (or
declared sex) says male, usually a category ticked on the wrong row.
"""

from __future__ import annotations

from datetime import date

from socialwork_core.findings import Finding
from socialwork_core.glossary import Severity, Sex
from socialwork_core.recipients import Recipient

from .categories import LEFT_BEHIND_WOMAN

NOT_FEMALE = "henan.left_behind_woman_not_female"

MESSAGES = {
    NOT_FEMALE: "{name}（{key}）登记为“{category}”，但性别为男。请核对类别。",
}
"""The templates of this adapter's finding codes (``socialwork_messages``)."""


def check_recipient(recipient: Recipient, as_of: date) -> list[Finding]:
    """Warnings for a Henan register entry (``as_of`` is unused: the rule does not age)."""
    del as_of
    if recipient.holds(LEFT_BEHIND_WOMAN.code) and recipient.effective_sex is Sex.MALE:
        return [
            Finding.of(
                NOT_FEMALE,
                Severity.WARNING,
                name=recipient.name,
                key=recipient.key,
                category=LEFT_BEHIND_WOMAN.label,
            )
        ]
    return []
