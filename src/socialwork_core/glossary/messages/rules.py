"""Message templates: rules."""

MESSAGES: dict[str, str] = {}
