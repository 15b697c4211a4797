"""DELETE /api/articles/{id}: a write like the others (token, same site), and the story follows."""

from __future__ import annotations

from tests.web.test_web_api import ARTICLE

AUTH = {"Authorization": "Bearer s3cret"}


def test_deleting_an_article_needs_the_token_and_takes_it_out_of_its_story(writable_client) -> None:
    with writable_client(token="s3cret") as client:
        assert client.post("/api/articles", json=ARTICLE, headers=AUTH).status_code == 201
        story = client.get("/api/articles/upload-1").json()["story"]
        assert client.delete("/api/articles/upload-1").status_code == 401
        assert client.delete("/api/articles/upload-1", headers={"Authorization": "Bearer nope"}).status_code == 401
        dry = client.delete("/api/articles/upload-1", params={"dry_run": "true"}, headers=AUTH)
        assert dry.status_code == 200 and dry.json()["dry_run"] and client.get("/api/articles/upload-1").status_code == 200
        done = client.delete("/api/articles/upload-1", headers=AUTH)
        assert done.status_code == 200, done.text
        body = done.json()
        assert [a["id"] for a in body["removed"]] == ["upload-1"] and body["stories"][0]["id"] == story
        assert client.get("/api/articles/upload-1").status_code == 404
        listed = {s["id"] for s in client.get("/api/stories", params={"limit": 100}).json()["items"]}
        assert (story in listed) == (body["stories"][0]["left"] > 0)
        missing = client.delete("/api/articles/upload-1", headers=AUTH)
        assert missing.status_code == 404 and "upload-1" in missing.json()["error"]
        again = client.post("/api/articles", json=ARTICLE, headers=AUTH)  # the same text is new again
        assert again.status_code == 201 and again.json()["new"] == 1


def test_a_cross_site_delete_is_refused(writable_client) -> None:
    with writable_client() as client:
        assert client.post("/api/articles", json=ARTICLE).status_code == 201
        refused = client.delete("/api/articles/upload-1", headers={"Origin": "https://evil.example"})
        assert refused.status_code == 403 and client.get("/api/articles/upload-1").status_code == 200
        assert client.delete("/api/articles/upload-1", headers={"Origin": "http://testserver"}).status_code == 200
