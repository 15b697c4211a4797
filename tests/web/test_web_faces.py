"""One library through the terminal's --json and the HTTP API: the same stories, in the same order, in the
same shapes (a story's ``articles`` are ids everywhere; a search answers one page shape)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app as cli
from storyline.config import Settings
from storyline.web.app import create_app
from tests.web.conftest import WAIT_FOR_COMPARISON

FERRY = """Outlet: {outlet}
Date: 2026-05-0{day}

Ferry strike halts crossings to Port Elwyn

Ferry crews walked out on Monday, halting every crossing to Port Elwyn, the union said.
The port authority said talks would resume on Wednesday and that {extra} passengers were stranded.
"We will not sail until the talks end," union leader Olga Petrenko said.
"""

ORCHARD = """Outlet: Valley Courier
Date: 2026-04-01

Orchard growers count frost losses

Apple growers in the upper valley lost most of their blossom to a late frost, the growers' association said.
"""


def cli_library(tmp_path_factory: pytest.TempPathFactory, texts: dict[str, str]) -> str:
    """The library ``storyline ingest`` makes of these texts (file name -> text), as a user makes one."""
    folder = tmp_path_factory.mktemp("faces")
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path_factory.mktemp("faces-db") / "faces.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, (result.output, result.exception)
    return db


def serve(library: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db_path=Path(library)), comparison_wait_s=WAIT_FOR_COMPARISON)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Three texts: the earliest a story of its own, then two reports of one later story (the larger)."""
    ferries = {f"ferry-{day}.txt": FERRY.format(outlet=outlet, day=day, extra=extra)
               for day, outlet, extra in ((2, "Harbour Gazette", "400"), (3, "Coast Radio", "about 400"))}
    return cli_library(tmp_path_factory, {"orchard.txt": ORCHARD, **ferries})


@pytest.fixture(scope="module")
def client(library: str) -> Iterator[TestClient]:
    yield from serve(library)


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_face_lists_the_stories_largest_first_in_one_order(library: str, client: TestClient) -> None:
    listed = cli_json("stories", "--db", library)
    assert [len(s["articles"]) for s in listed] == [2, 1]  # the larger, later story first, not by first date
    api = client.get("/api/stories").json()["items"]
    assert [s["id"] for s in api] == [s["id"] for s in listed]
    web = client.get("/").text
    shown_at = [web.index(f"/stories/{s['id']}") for s in listed]
    assert shown_at == sorted(shown_at)
    exported = CliRunner().invoke(cli, ["export", "--db", library]).stdout.splitlines()
    stories = [json.loads(line)["id"] for line in exported if json.loads(line)["record"] == "story"]
    assert stories == [s["id"] for s in listed]
    assert [s["id"] for s in cli_json("recluster", "--db", library)] == [s["id"] for s in listed]  # ids kept


def test_a_story_is_the_terminals_row_in_every_face(library: str, client: TestClient) -> None:
    for row in cli_json("stories", "--db", library):
        detail = client.get(f"/api/stories/{row['id']}").json()
        listed = next(s for s in client.get("/api/stories").json()["items"] if s["id"] == row["id"])
        assert {key: listed[key] for key in row} == {key: detail[key] for key in row} == row  # ids, reasons, related
        assert [a["id"] for a in detail["article_summaries"]] == row["articles"]  # the metadata, by its own key
        assert all(a["outlet"] for a in detail["article_summaries"])


def test_search_answers_the_same_page_in_the_terminal_and_the_api(library: str, client: TestClient) -> None:
    terminal = cli_json("search", "ferry", "--db", library, "--limit", "1")
    api = client.get("/api/search", params={"q": "ferry", "limit": 1}).json()
    assert terminal == api
    assert set(terminal) == {"total", "limit", "offset", "items"} and terminal["total"] == 2
    assert len(terminal["items"]) == 1 and re.search("⟦[Ff]erry⟧", terminal["items"][0]["snippet"])


def test_one_speakers_quotes_across_the_outlets(library: str, client: TestClient) -> None:
    story = cli_json("stories", "--db", library)[0]["id"]
    every = client.get(f"/api/stories/{story}/quotes").json()
    hers = client.get(f"/api/stories/{story}/quotes", params={"speaker": "petrenko"}).json()
    assert 0 < hers["total"] < every["total"]  # the port authority's words are left out
    assert all("Olga Petrenko" in group["speakers"] for group in hers["items"])
    assert {"Harbour Gazette", "Coast Radio"} <= {o for group in hers["items"] for o in group["outlets"]}
    assert client.get(f"/api/stories/{story}/quotes", params={"speaker": "Olga Vidal"}).json()["total"] == 0
