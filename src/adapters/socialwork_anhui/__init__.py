"""The anhui adapter for socialwork-core (filled in by the adapters issue)."""
