"""The guangdong adapter for socialwork-core (filled in by the adapters issue)."""
