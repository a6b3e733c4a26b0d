"""Message templates: cli."""

MESSAGES: dict[str, str] = {}
