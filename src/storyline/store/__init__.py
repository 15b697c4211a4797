"""Persistence: SQLite by default, behind one interface so another engine can follow."""

from __future__ import annotations

from pathlib import Path

from storyline.store.base import MAX_OFFSET, AddResult, IngestRun, SearchHit, StaleStories, Store
from storyline.store.sqlite import SchemaError, SQLiteStore, StoreError, read_meta
from storyline.store.staging import StagedArticles


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open (migrating as needed) the store at ``path``; ``":memory:"`` for a throwaway one.

    ``create`` off: a missing file is a :class:`StoreError`, not a new empty library.
    """
    return SQLiteStore(path, create=create)


__all__ = [
    "MAX_OFFSET", "AddResult", "IngestRun", "SQLiteStore", "SchemaError", "SearchHit", "StagedArticles", "StaleStories", "Store",
    "StoreError", "open_store", "read_meta",
]
