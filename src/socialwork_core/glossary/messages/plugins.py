"""Message templates: plugins."""

MESSAGES: dict[str, str] = {}
