"""Message templates: tabular."""

MESSAGES: dict[str, str] = {}
