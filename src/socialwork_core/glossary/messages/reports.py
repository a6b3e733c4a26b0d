"""Message templates: reports."""

MESSAGES: dict[str, str] = {}
