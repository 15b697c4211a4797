"""The story list filtered by its articles' outlet, language and publication date: the API and the page."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

#: Two stories of their own, under outlets no other article of the session library has.
ARTICLES = [
    {
        "id": "lake-1",
        "title": "Lake ferry service suspended after a storm",
        "text": "The ferry service across Lake Varnholm was suspended on Tuesday after a storm damaged the pier, the "
        "operator said.\n\nRepairs are expected to take two weeks, a spokesperson for the operator said.",
        "outlet": "Varnholm Courier",
        "published": "2019-06-04T09:00:00Z",
        "language": "en",
    },
    {
        "id": "orchard-1",
        "title": "Apfelernte fällt in diesem Jahr klein aus",
        "text": "Die Apfelernte in der Region Varnholm fällt in diesem Jahr klein aus, teilte der Bauernverband am "
        "Montag mit.\n\nGrund seien Spätfröste im April, sagte ein Sprecher des Verbands.",
        "outlet": "<b onmouseover=alert(1)>Varnholm Bote</b>",
        "published": "2019-09-16T08:00:00Z",
        "language": "de",
    },
]


@pytest.fixture
def filtered(writable_client) -> TestClient:
    with writable_client() as client:
        assert client.post("/api/articles", json=ARTICLES).status_code == 201
        yield client


def _story_ids(client: TestClient, **params: str) -> list[tuple[str, ...]]:
    response = client.get("/api/stories", params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [tuple(s["articles"]) for s in body["items"]]


def test_api_stories_keep_those_with_an_article_that_matches(filtered: TestClient) -> None:
    assert _story_ids(filtered, outlet="varnholm courier") == [("lake-1",)]
    assert _story_ids(filtered, language="German", outlet=ARTICLES[1]["outlet"]) == [("orchard-1",)]
    assert ("orchard-1",) in _story_ids(filtered, language="de")
    assert _story_ids(filtered, published_from="2019-06-04", published_to="2019-06-04") == [("lake-1",)]  # that day
    assert _story_ids(filtered, published_from="2019-06-05", published_to="2019-12-31") == [("orchard-1",)]
    assert _story_ids(filtered, outlet="Varnholm Courier", language="de") == []  # one article must match all
    everything = _story_ids(filtered)
    assert ("lake-1",) in everything and len(everything) > 2


def test_api_stories_refuse_a_bad_publication_date_naming_it(filtered: TestClient) -> None:
    response = filtered.get("/api/stories", params={"published_from": "June 2019"})
    assert response.status_code == 422 and response.json()["error"].startswith("invalid request - published_from:")
    assert filtered.get("/api/stories", params={"language": "Klingonish"}).status_code == 422


def test_the_story_list_page_filters_escapes_and_pages_with_the_filters(filtered: TestClient) -> None:
    hostile = ARTICLES[1]["outlet"]
    page = filtered.get("/", params={"outlet": hostile, "published_from": "2019-01-01"}).text
    assert "<b onmouseover" not in page and 'value="&lt;b onmouseover=alert(1)&gt;Varnholm Bote&lt;/b&gt;"' in page
    assert re.findall(r'href="/stories/([^"?]+)', page) == [_story_of(filtered, "orchard-1")]
    past = filtered.get("/", params={"outlet": hostile, "offset": 40}).text
    (last_page,) = re.findall(r'<a rel="prev" href="([^"]+)"', past)
    assert "outlet=%3Cb+onmouseover%3Dalert%281%29%3EVarnholm+Bote%3C%2Fb%3E" in unescape(last_page)
    none = filtered.get("/", params={"outlet": "Varnholm Courier", "language": "de"}).text
    assert "No story has an article that matches these filters" in none
    assert filtered.get("/", params={"published_to": "soon"}).status_code == 400


def _story_of(client: TestClient, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["story"]
