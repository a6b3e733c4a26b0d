"""Message templates: ledger."""

MESSAGES: dict[str, str] = {}
