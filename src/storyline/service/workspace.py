"""The workspace every service function takes: settings, the store, models loaded once."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from storyline.config import Settings
from storyline.store import Store, open_store

T = TypeVar("T")


class Workspace:
    """Settings plus a lazily opened store and a per-process cache of loaded models.

    Use as a context manager (or call :meth:`close`) so the database is closed. ``create`` off: a
    missing database is an error rather than a new empty one (commands that only read).
    """

    def __init__(self, settings: Settings | None = None, *, create: bool = True) -> None:
        self.settings = settings or Settings()
        self.create = create
        self._store: Store | None = None
        self._resources: dict[str, Any] = {}

    @property
    def store(self) -> Store:
        """The store at ``settings.db_path``, opened on first use."""
        if self._store is None:
            self._store = open_store(self.settings.db_path, create=self.create)
        return self._store

    def resource(self, name: str, load: Callable[[], T]) -> T:
        """A model or index loaded once per workspace (``load`` runs on first request only)."""
        if name not in self._resources:
            self._resources[name] = load()
        return self._resources[name]

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
