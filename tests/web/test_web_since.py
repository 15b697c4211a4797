"""The "since" filter of the story list, the API and the story page: arrival in the library, not publication."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

#: Arrives on day 2, a follow-up of the hostile fixture's bridge report (published the day after it).
FOLLOW_UP = {
    "id": "bridge-2",
    "title": "Harbour bridge in Port Alba stays closed",
    "text": "The harbour bridge in Port Alba stayed closed on Thursday after inspectors found cracks, the city council "
    "said.\n\nCommuters were told to use the ferry until repairs finish, mayor Ilse Varga said in a statement.\n\n"
    "The council said repairs would take three weeks and cost about 2 million euros.",
    "outlet": "Harbour Times",
    "published": "2023-03-03T08:00:00Z",
    "language": "en",
}
#: Arrives on day 2 too, a story of its own, its title an attack on the pages that mark arrivals.
HOSTILE_NEW = {
    "id": "choir-1",
    "title": "&lt;script&gt;alert('since')&lt;/script&gt; Choir wins the regional contest",
    "text": "The town choir of Bellmere won the regional singing contest on Saturday, the organisers said.\n\n"
    "It will sing at the national final in May, its conductor said.",
    "outlet": "<i onmouseover=alert('since')>Bellmere Post</i>",
    "published": "2011-05-07T10:00:00Z",
    "language": "en",
}


@pytest.fixture
def day2(writable_client, tmp_path: Path) -> TestClient:
    """The session library as day 1 (moved a day back), then the two articles posted as day 2."""
    with sqlite3.connect(tmp_path / "library.db") as conn:
        conn.execute("UPDATE articles SET added_at = strftime('%Y-%m-%dT%H:%M:%f', added_at, '-1 day')")
        conn.execute("UPDATE ingest_runs SET started_at = strftime('%Y-%m-%dT%H:%M:%f', started_at, '-1 day')")
    with writable_client() as client:
        assert client.post("/api/articles", json=[FOLLOW_UP, HOSTILE_NEW]).status_code == 201
        yield client


def test_api_stories_since_the_last_run_are_those_day_2_started_or_grew(day2: TestClient) -> None:
    body = day2.get("/api/stories", params={"since": "last-run"}).json()
    by_story = {tuple(s["arrived_since"]): s for s in body["items"]}
    assert body["total"] == 2 and set(by_story) == {("bridge-2",), ("choir-1",)}
    assert by_story[("choir-1",)]["started_since"] and by_story[("choir-1",)]["size"] == 1
    bridge = by_story[("bridge-2",)]
    assert not bridge["started_since"] and bridge["size"] == 2 and "hostile-1" in bridge["articles"]
    assert not by_story[("choir-1",)]["new"]  # published 2011: no publication flag, though it just arrived
    everything = day2.get("/api/stories", params={"limit": 200}).json()
    assert everything["total"] > 2 and all(s["arrived_since"] is None for s in everything["items"])
    detail = day2.get(f"/api/stories/{bridge['id']}", params={"since": "last-run"}).json()
    assert detail["arrived_since"] == ["bridge-2"] and detail["started_since"] is False


def test_a_since_that_names_no_time_is_refused_saying_why(day2: TestClient) -> None:
    response = day2.get("/api/stories", params={"since": "Tuesday"})
    assert response.status_code == 422 and "neither an ISO date" in response.json()["error"]
    page = day2.get("/", params={"since": "<script>alert('x')</script>"})
    assert page.status_code == 422 and "<script>alert('x')" not in page.text


def test_the_story_list_filters_and_flags_arrivals_escaping_what_it_shows(day2: TestClient) -> None:
    html = day2.get("/", params={"since": "last-run"}).text
    assert "<script>alert('since')" not in html and "<i onmouseover" not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert "&lt;script&gt;alert(&#39;since&#39;)&lt;/script&gt;" in html.replace("&#x27;", "&#39;")
    assert html.count('class="story-card"') == 2 and 'value="last-run"' in html
    assert ">new since<" in html and ">+1 arrived<" in html and "arrival, not publication" in html
    assert "?since=last-run" in html  # a story's link carries the filter to its page
    assert 'class="flag arrived"' not in day2.get("/").text


def test_the_story_page_marks_the_articles_that_arrived(day2: TestClient) -> None:
    story = day2.get("/api/articles/bridge-2").json()["story"]
    html = day2.get(f"/stories/{story}", params={"since": "last-run"}).text
    assert "1 of 2 articles arrived in this library since" in html
    columns = html.split('<article class="column"')[1:]
    marked = {re.search(r'id="article-([^"]+)"', c).group(1) for c in columns if "arrived since</span>" in c}
    assert marked == {"bridge-2"}
    assert "arrived since</span>" not in day2.get(f"/stories/{story}").text
