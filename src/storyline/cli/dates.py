"""Commands (placeholder until its module is written)."""
