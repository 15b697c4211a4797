"""A story page whose comparison is not cached answers at once, "Comparing...", while one background job computes it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from storyline.service import comparison as comparison_service
from storyline.service.comparison import DOCUMENT_KIND

REFRESH = '<meta http-equiv="refresh"'


class Computations:
    """Replaces the comparing step (not the cache read): counts its runs, and blocks them until released."""

    def __init__(self, compare: Callable, *, error: Exception | None = None) -> None:
        self.compare, self.error = compare, error
        self.runs = 0
        self.started, self.released = threading.Event(), threading.Event()

    def __call__(self, articles):
        self.runs += 1
        self.started.set()
        assert self.released.wait(60), "never released"
        if self.error is not None:
            raise self.error
        return self.compare(articles)


@pytest.fixture
def stale_client(writable_client, seed_story: str) -> Iterator[TestClient]:
    """An app that answers at once, over a library whose seed story's stored comparison is out of date."""
    with writable_client(comparison_wait_s=0) as client:
        client.app.state.workspace.store.save_document(DOCUMENT_KIND, seed_story, {"key": "stale", "comparison": {}})
        yield client


def settled(client: TestClient, path: str) -> str:
    """The page once it no longer says "Comparing..."."""
    deadline = time.monotonic() + 120
    while REFRESH in (html := client.get(path).text):
        assert time.monotonic() < deadline, "the comparison never finished"
        time.sleep(0.2)
    return html


def test_first_load_answers_at_once_and_one_job_compares_the_story(stale_client, seed_story, monkeypatch) -> None:
    computations = Computations(comparison_service.compare_articles)
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    path = f"/stories/{seed_story}"
    try:
        first = stale_client.get(path)
        assert computations.started.wait(30)  # started in the background, and the page came back before it ended
        assert first.status_code == 200 and REFRESH in first.text
        assert "Comparing 2 articles from 2 outlets..." in first.text
        assert first.text.count('<li dir="auto"><a href="/articles/') == 2  # the article list, cheap to show
        second = stale_client.get(path)
        assert REFRESH in second.text and computations.runs == 1  # a second request starts no second job
        api = stale_client.get(f"/api/stories/{seed_story}/comparison", params={"wait": "false"})
        assert api.status_code == 202 and api.headers["Retry-After"] == "5"
        assert api.json() == {"status": "comparing", "story": seed_story, "articles": 2, "queued": False}
    finally:
        computations.released.set()
    html = settled(stale_client, path)
    assert html.count('class="column"') == 2 and 'id="claims-h"' in html and "could not be made" not in html
    assert computations.runs == 1  # and the pages after it read the cached comparison
    assert stale_client.get(f"/api/stories/{seed_story}/comparison", params={"wait": "false"}).status_code == 200


def test_a_failing_job_shows_its_error_once_then_the_next_load_tries_again(stale_client, seed_story, monkeypatch) -> None:
    computations = Computations(comparison_service.compare_articles, error=ValueError("no <claims>"))
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    computations.released.set()
    path = f"/stories/{seed_story}"
    html = settled(stale_client, path)
    assert "The comparison could not be made (ValueError: no &lt;claims&gt;)" in html
    assert html.count('class="column"') == 2  # the articles still shown side by side
    assert computations.runs == 1
    settled(stale_client, path)
    assert computations.runs == 2  # the error was shown: a reload compares again


def test_the_comparing_page_of_a_hostile_article_is_inert(writable_client, client, monkeypatch) -> None:
    from tests.web.test_web_pages import HOSTILE_ID, assert_inert

    story = client.get(f"/api/articles/{HOSTILE_ID}").json()["story"]
    computations = Computations(comparison_service.compare_articles)
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    with writable_client(comparison_wait_s=0) as fresh:
        fresh.app.state.workspace.store.save_document(DOCUMENT_KIND, story, {"key": "stale", "comparison": {}})
        try:
            html = fresh.get(f"/stories/{story}").text
            assert REFRESH in html and "Comparing 1 article from 1 outlet..." in html
            assert_inert(html)
        finally:
            computations.released.set()


def test_a_full_queue_answers_busy_and_queues_nothing(writable_client, client, seed_story, monkeypatch) -> None:
    from tests.web.test_web_pages import HOSTILE_ID

    other = client.get(f"/api/articles/{HOSTILE_ID}").json()["story"]
    computations = Computations(comparison_service.compare_articles)
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    with writable_client(comparison_wait_s=0, comparison_workers=1, comparison_queue=0) as fresh:
        for story in (seed_story, other):
            fresh.app.state.workspace.store.save_document(DOCUMENT_KIND, story, {"key": "stale", "comparison": {}})
        try:
            assert REFRESH in fresh.get(f"/stories/{seed_story}").text  # the one worker takes it
            assert computations.started.wait(30)
            busy = fresh.get(f"/stories/{other}")
            assert busy.status_code == 503 and busy.headers["Retry-After"] == "5"
            assert "The server is busy" in busy.text and REFRESH in busy.text
            api = fresh.get(f"/api/stories/{other}/comparison", params={"wait": "false"})
            assert api.status_code == 503 and api.headers["Retry-After"] == "5" and "busy" in api.json()["error"]
            assert fresh.app.state.comparisons.find(other) is None  # nothing was queued
        finally:
            computations.released.set()
        settled(fresh, f"/stories/{seed_story}")
        assert computations.runs == 1


def test_a_head_request_starts_no_comparison(stale_client, seed_story, monkeypatch) -> None:
    computations = Computations(comparison_service.compare_articles)
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    try:
        assert stale_client.head(f"/stories/{seed_story}").status_code == 200
        assert stale_client.head(f"/api/stories/{seed_story}/comparison?wait=false").status_code == 202
        assert not computations.started.wait(1) and computations.runs == 0  # no job was started
    finally:
        computations.released.set()
    settled(stale_client, f"/stories/{seed_story}")  # a GET still compares it
    assert computations.runs == 1


def test_head_on_comparison_report_quotes_or_timeline_computes_nothing(stale_client, seed_story, monkeypatch) -> None:
    computations = Computations(comparison_service.compare_articles)
    computations.released.set()
    monkeypatch.setattr(comparison_service, "compare_articles", computations)
    api = f"/api/stories/{seed_story}"
    for path in (f"{api}/comparison", f"{api}/report", f"{api}/report?format=md", f"{api}/quotes", f"{api}/timeline"):
        head = stale_client.head(path)  # not cached: the headers of the wait=false answer, and no job queued
        assert head.status_code == 202 and head.headers["Retry-After"] == "5" and head.content == b""
    assert not computations.started.wait(1) and computations.runs == 0
    assert stale_client.get(f"{api}/comparison").status_code == 200 and computations.runs == 1
    for path in (f"{api}/comparison", f"{api}/report?format=md", f"{api}/quotes"):  # cached: the GET's headers, no body
        head, get = stale_client.head(path), stale_client.get(path)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-length"] == get.headers["content-length"]
    assert "attachment" in stale_client.head(f"{api}/report").headers["content-disposition"]
    assert computations.runs == 1
