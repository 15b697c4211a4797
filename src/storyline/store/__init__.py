"""Persistence: SQLite by default, behind one interface so another engine can follow."""

from __future__ import annotations

from pathlib import Path

from storyline.store.base import AddResult, SearchHit, Store
from storyline.store.sqlite import SchemaError, SQLiteStore, StoreError


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at ``path``; ``":memory:"`` for a throwaway one."""
    return SQLiteStore(path)


__all__ = ["AddResult", "SQLiteStore", "SchemaError", "SearchHit", "Store", "StoreError", "open_store"]
