"""A small library made by the real ingest (the two seeds and a hostile article), and apps over it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from storyline.config import Settings
from storyline.service.library import ingest
from storyline.service.workspace import Workspace
from storyline.web.app import create_app

FIXTURES = Path(__file__).parent / "fixtures"
#: Story pages of these apps wait for their comparison (the first loads the models), so that tests of what a
#: compared story shows see it on the first request; test_web_pending.py tests the "Comparing..." page.
WAIT_FOR_COMPARISON = 600.0


@pytest.fixture(scope="session")
def library_db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """Built once per session; tests that write get a copy (see ``writable_db``)."""
    db = tmp_path_factory.mktemp("web") / "library.db"
    with Workspace(Settings(db_path=db)) as ws:
        report = ingest(ws, [examples_dir / "seeds", FIXTURES / "hostile.json"])
    assert report.failed == 0, report.failures
    return db


@pytest.fixture(scope="session")
def app(library_db: Path) -> FastAPI:
    return create_app(Settings(db_path=library_db), comparison_wait_s=WAIT_FOR_COMPARISON)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seed_story(client: TestClient) -> str:
    """The id of the story holding both seed articles."""
    stories = client.get("/api/stories").json()["items"]
    return next(s["id"] for s in stories if s["size"] == 2)


@pytest.fixture
def writable_client(library_db: Path, tmp_path: Path) -> Callable[..., TestClient]:
    """Makes clients over a private copy of the library, with ``create_app`` options (token, limits)."""
    copy = tmp_path / "library.db"
    source, target = sqlite3.connect(library_db), sqlite3.connect(copy)
    source.backup(target)  # consistent even while the session's app has the library open
    source.close()
    target.close()

    def make(**options: Any) -> TestClient:
        return TestClient(create_app(Settings(db_path=copy), **{"comparison_wait_s": WAIT_FOR_COMPARISON, **options}))

    return make
