"""Service fixtures: small real inputs and a workspace whose models load once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.service.enrichment import get_enricher
from storyline.service.workspace import Workspace

REPORT_A = """Flooding closes river ports along the Danube

By Reuters

March 3, 2021

Heavy rain forced authorities in Vienna to close three river ports on Wednesday, officials said.

"We have never seen water this high in March," harbour master Anna Berger told reporters.
"""

RECORDS = [
    {
        "id": "rec-late",
        "title": "Parliament passes the budget after a long night",
        "text": "Lawmakers in Lisbon approved the budget on Friday after a debate that lasted all night.\n\n"
        "The finance minister said the vote gave the country stability.",
        "published": "2021-05-07T09:00:00Z",
        "outlet": "Example Daily",
        "language": "en",
        "url": "https://daily.example/budget",
    },
    {
        "id": "rec-early",
        "title": "Volcano erupts near village",
        "text": "A volcano erupted on Monday near a village in Iceland, sending ash into the sky.\n\n"
        "Residents were told to stay indoors, the civil protection agency said.",
        "published": "2021-03-01T12:00:00+00:00",
        "outlet": "Example Daily",
        "language": "en",
    },
    {
        "id": "rec-undated",
        "title": "Museum reopens its halls",
        "text": "The city museum reopened its main halls to visitors after two years of renovation work.",
        "outlet": "Gazette",
        "language": "en",
    },
]


@pytest.fixture(scope="session")
def enricher():
    """The enrich models, loaded once for the session (the embedder caches itself per process)."""
    with Workspace(Settings(db_path=":memory:")) as ws:
        return get_enricher(ws)


@pytest.fixture()
def workspace(tmp_path, enricher) -> Workspace:
    """A fresh library (small batches, to exercise batching) borrowing the loaded models."""
    ws = Workspace(Settings(db_path=tmp_path / "lib.db", batch_size=2))
    ws.resource("enricher", lambda: enricher)
    yield ws
    ws.close()


@pytest.fixture()
def inputs(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return {
        "folder": folder,
        "report": folder / "report.txt",
        "records": folder / "records.jsonl",
        "empty": folder / "empty.txt",
    }
