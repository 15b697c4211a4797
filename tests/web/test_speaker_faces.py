"""One person's quotes across the outlets, by any name the story gives them, in every face: the terminal's
``story --speaker``, the API's ``?speaker=`` and the web story page's speaker filter."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app as cli
from tests.web.test_web_faces import cli_library, serve

FERRY = """Outlet: {outlet}
Date: 2026-05-0{day}

{title}

Ferry crews walked out on Monday, halting every crossing to Port Elwyn, the union said.
{body}
"""
# One outlet names the port's spokeswoman in full; two write her surname alone: one's recogniser finds her there
# ("Ms. Hale"), so the story's entity "Marta Hale" goes by "Hale" too, the other's finds no one in "Hale said",
# and the story credits her quotes to "Hale", the name most of them have.
FERRIES = {
    "gazette": (2, "Harbour Gazette", "Ferry strike halts crossings to Port Elwyn",
                "Port authority spokeswoman Marta Hale said on Monday that talks would resume on Wednesday."),
    "radio": (3, "Coast Radio", "Ferry crews strike, Port Elwyn crossings halted",
              ("Hale said that the crossings would restart within the week.\n"
               "Hale said that every ferry would be inspected before it sails again.\n"
               "Hale said that the talks would resume on Wednesday.")),
    "evening": (3, "Elwyn Evening News", "Port Elwyn ferries stay in harbour as crews strike",
                "Ms. Hale said that the crossings would restart within the week."),
}
# Two people of one surname, each written short by the outlet that names them.
MUSEUM = {
    "courier": (1, "Valley Courier", "Fire closes the Brackwater museum",
                'Museum director Helen Castell said the collection was safe. "Not one painting was lost," Castell said.'),
    "post": (2, "Brackwater Post", "Brackwater museum shut after fire",
             'Building owner Tomas Castell said repairs would take months. "The roof will have to come down," Castell said.'),
}
MUSEUM_TEXT = """Outlet: {outlet}
Date: 2026-04-0{day}

{title}

A fire closed the Brackwater museum on Friday, the fire service said.
{body}
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> str:
    texts = {f"{name}.txt": FERRY.format(outlet=outlet, day=day, title=title, body=body)
             for name, (day, outlet, title, body) in FERRIES.items()}
    texts |= {f"{name}.txt": MUSEUM_TEXT.format(outlet=outlet, day=day, title=title, body=body)
              for name, (day, outlet, title, body) in MUSEUM.items()}
    return cli_library(tmp_path_factory, texts)


@pytest.fixture(scope="module")
def client(library: str) -> Iterator[TestClient]:
    yield from serve(library)


def story_of(library: str, outlet: str) -> str:
    stories = json.loads(CliRunner().invoke(cli, ["stories", "--db", library, "--json"]).stdout)
    articles = {a["id"]: a["outlet"] for a in json.loads(CliRunner().invoke(cli, ["articles", "--db", library, "--json"]).stdout)}
    return next(s["id"] for s in stories if outlet in {articles[a] for a in s["articles"]})


def credited(groups: list[dict]) -> set[str]:
    return {name for group in groups for name in group["speakers"]}


def test_a_full_name_finds_her_quotes_credited_to_her_surname_in_the_terminal_and_the_api(library: str, client: TestClient) -> None:
    story = story_of(library, "Coast Radio")
    every = client.get(f"/api/stories/{story}/quotes").json()
    assert "Hale" in credited(every["items"]) and "Marta Hale" not in credited(every["items"])  # as the story credits her
    hers = client.get(f"/api/stories/{story}/quotes", params={"speaker": "Marta Hale"}).json()
    assert hers["total"] >= 2 and credited(hers["items"]) == {"Hale"}
    assert {"Coast Radio", "Elwyn Evening News"} <= {o for group in hers["items"] for o in group["outlets"]}
    assert client.get(f"/api/stories/{story}/quotes", params={"speaker": "hale"}).json() == hers
    result = CliRunner().invoke(cli, ["story", story, "--speaker", "Marta Hale", "--db", library, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["quotes"] == hers["items"]
    assert f"{hers['total']} of {every['total']} quote groups credited to Marta Hale" in result.stderr
    terminal = CliRunner().invoke(cli, ["story", story, "--speaker", "Marta Hale", "--db", library]).stdout
    panel = terminal.split(f"Quotes ({hers['total']})")[1].split("╰")[0]  # the panel, to its bottom border
    assert "Hale" in panel and "union" not in panel


def test_two_people_of_one_surname_keep_their_own_quotes_in_every_face(library: str, client: TestClient) -> None:
    story = story_of(library, "Brackwater Post")
    url = f"/api/stories/{story}/quotes"
    assert credited(client.get(url, params={"speaker": "helen castell"}).json()["items"]) == {"Helen Castell"}
    assert credited(client.get(url, params={"speaker": "Tomas Castell"}).json()["items"]) == {"Tomas Castell"}
    assert credited(client.get(url, params={"speaker": "castell"}).json()["items"]) == {"Helen Castell", "Tomas Castell"}
    page = client.get(f"/stories/{story}", params={"speaker": "helen castell"}).text
    quotes = page.split('id="quotes-h"')[1].split("</section>")[0]
    assert "Not one painting was lost" in quotes and "The roof will have to come down" not in quotes


def test_the_story_page_offers_its_speakers_and_escapes_what_is_asked(library: str, client: TestClient) -> None:
    story = story_of(library, "Coast Radio")
    page = client.get(f"/stories/{story}").text
    assert '<input id="speaker" name="speaker"' in page and '<a href="?speaker=the%20union#quotes-h">the union</a>' in page
    hers = client.get(f"/stories/{story}", params={"speaker": "marta hale"}).text.split('id="quotes-h"')[1].split("</section>")[0]
    table, api = hers.split("<table>")[1], client.get(f"/api/stories/{story}/quotes", params={"speaker": "marta hale"}).json()
    assert f"credited to marta hale: {api['total']} of {len(client.get(f'/api/stories/{story}/quotes').json()['items'])}" in hers and "every ferry would be inspected" in table and "union" not in table
    hostile = client.get(f"/stories/{story}", params={"speaker": '<script>alert(1)</script>"'}).text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;&#34;" in hostile
    assert "No quote of this story is credited to" in hostile
