"""Removing an article from its page: a dry-run confirmation, then a form post guarded as the upload is."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from tests.web.test_web_pages import HOSTILE_ID, assert_inert

TOKEN = "s3cret"


def _seed_article(client: TestClient, story: str) -> str:
    return client.get(f"/api/stories/{story}").json()["articles"][0]


def test_the_article_page_offers_removal_and_the_confirmation_shows_the_dry_run(client: TestClient, seed_story: str) -> None:
    assert f'action="/remove/{HOSTILE_ID}" method="get"' in client.get(f"/articles/{HOSTILE_ID}").text
    alone = client.get(f"/remove/{HOSTILE_ID}")
    assert alone.status_code == 200 and "which is then gone" in alone.text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in alone.text  # the title, escaped
    assert_inert(alone.text)
    paired = client.get(f"/remove/{_seed_article(client, seed_story)}").text
    assert f'href="/stories/{seed_story}"' in paired and "which keeps 1 article." in paired
    assert 'name="token"' not in paired  # a loopback server needs none
    assert client.get(f"/api/articles/{HOSTILE_ID}").status_code == 200  # a dry run removes nothing


def test_removal_needs_the_token_and_leads_to_what_is_left(writable_client, seed_story: str) -> None:
    with writable_client(token=TOKEN) as client:
        assert 'name="token"' in client.get(f"/remove/{HOSTILE_ID}").text
        url = f"/remove/{HOSTILE_ID}"
        missing = client.post(url, follow_redirects=False)
        assert missing.status_code == 401 and "Type it in the Token field" in missing.text
        wrong = client.post(url, data={"token": "nope"}, follow_redirects=False)
        assert wrong.status_code == 401 and "the token typed is not this server" in wrong.text
        cross = client.post(url, data={"token": TOKEN}, headers={"Origin": "https://evil.example"}, follow_redirects=False)
        assert cross.status_code == 403 and client.get(f"/api/articles/{HOSTILE_ID}").status_code == 200
        assert "the form was sent from another site (https://evil.example)" in cross.text
        for refused in (missing, wrong, cross):  # a person's words, not an API client's
            assert "Nothing was changed" in refused.text
            assert not re.search("bearer|authorization|cross-origin", refused.text, re.IGNORECASE)
        assert "Authorization: Bearer" in client.delete(f"/api/articles/{HOSTILE_ID}").json()["error"]  # the API's own
        gone = client.post(url, data={"token": TOKEN}, follow_redirects=False)
        assert gone.status_code == 303 and urlsplit(gone.headers["location"]).path == "/"  # its story went with it
        landing = client.get(gone.headers["location"]).text
        assert "Removed from the library: &lt;script&gt;alert(" in landing
        assert_inert(landing)
        assert client.get(f"/api/articles/{HOSTILE_ID}").status_code == 404
        seed = _seed_article(client, seed_story)
        kept = client.post(f"/remove/{seed}", data={"token": TOKEN}, follow_redirects=False)
        assert kept.status_code == 303 and urlsplit(kept.headers["location"]).path == f"/stories/{seed_story}"
        assert 'class="flash"' in client.get(kept.headers["location"]).text
        crafted = client.get(f"/stories/{seed_story}", params={"removed": "Your account is locked", "signed": "0" * 64})
        assert "Your account is locked" not in crafted.text and 'class="flash"' not in crafted.text  # no spoofed notice


def test_a_cross_site_removal_is_refused_on_a_loopback_server(writable_client) -> None:
    with writable_client() as client:
        url = f"/remove/{HOSTILE_ID}"
        assert client.post(url, headers={"Origin": "https://evil.example"}, follow_redirects=False).status_code == 403
        assert client.get(f"/api/articles/{HOSTILE_ID}").status_code == 200
        assert client.post(url, headers={"Origin": "http://testserver"}, follow_redirects=False).status_code == 303


def test_removing_an_unknown_article_is_a_404(writable_client) -> None:
    with writable_client() as client:
        assert client.get("/remove/no-such-article").status_code == 404
        assert client.post("/remove/no-such-article", follow_redirects=False).status_code == 404
