"""The JSON API over a library made by the real ingest of the seeds and a hostile article."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from fastapi.testclient import TestClient

from storyline import __version__
from storyline.report.comparison import render
from storyline.service.comparison import compare_story

SEED_OUTLET = "The Moscow Times"


def test_health_reports_version_and_size(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["articles"] == 3


def test_openapi_is_versioned_and_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["version"] == __version__
    for path in [
        "/api/health", "/api/articles", "/api/articles/{article_id}", "/api/stories",
        "/api/stories/{story_id}", "/api/stories/{story_id}/comparison", "/api/stories/{story_id}/quotes",
        "/api/stories/{story_id}/entities", "/api/stories/{story_id}/timeline", "/api/stories/{story_id}/report",
        "/api/search",
    ]:
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert not any(p.startswith("/stories") for p in spec["paths"])  # pages stay out of the API spec


def test_articles_paginate_with_a_total(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    assert "text" not in first["items"][0]  # list items are summaries


def test_articles_filter_by_outlet_language_and_dates(client: TestClient) -> None:
    by_outlet = client.get("/api/articles", params={"outlet": SEED_OUTLET}).json()
    assert by_outlet["total"] == 1 and by_outlet["items"][0]["outlet"] == SEED_OUTLET
    assert client.get("/api/articles", params={"language": "xx"}).status_code == 422  # no language, as in the CLI
    december = client.get("/api/articles", params={"since": "2022-12-01", "until": "2022-12-31"}).json()
    assert SEED_OUTLET in [a["outlet"] for a in december["items"]]
    assert "hostile-1" not in [a["id"] for a in december["items"]]
    later = client.get("/api/articles", params={"since": "2023-01-01"}).json()
    assert [a["id"] for a in later["items"]] == ["hostile-1"]


def test_the_schema_documents_the_snippet_markers(client: TestClient) -> None:
    search = client.get("/api/openapi.json").json()["paths"]["/api/search"]["get"]
    assert "\u27e6" in search["description"] and "\u27e7" in search["description"]


def test_a_date_as_until_keeps_that_whole_day(client: TestClient) -> None:
    """The hostile article is of 2 March 2023, 08:00 UTC."""
    day = {"since": "2023-03-02", "until": "2023-03-02"}
    assert [a["id"] for a in client.get("/api/articles", params=day).json()["items"]] == ["hostile-1"]
    assert client.get("/api/search", params={"q": "harbour bridge", **day}).json()["total"] == 1
    before = client.get("/api/articles", params={"since": "2023-03-02", "until": "2023-03-02T07:59"}).json()
    assert before["total"] == 0  # a time is taken as it is
    assert "1 article match" in client.get("/search", params={"q": "harbour bridge", **day}).text
    assert client.get("/api/articles", params={"until": "someday"}).status_code == 422


def test_article_detail_has_text_stripped_and_enrichment(client: TestClient) -> None:
    summary = client.get("/api/articles", params={"outlet": SEED_OUTLET}).json()["items"][0]
    article = client.get(f"/api/articles/{summary['id']}").json()
    assert "Kanani" in article["text"]
    assert article["story"]
    for key in ("stripped", "entities", "quotes", "times", "paragraphs", "captions"):
        assert isinstance(article[key], list), key
    assert all({"text", "reason"} <= set(s) for s in article["stripped"])


def test_unknown_ids_are_json_404s(client: TestClient) -> None:
    for url in ["/api/articles/nope", "/api/stories/nope", "/api/stories/nope/comparison", "/api/stories/nope/quotes"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"error": response.json()["error"], "status": 404}
        assert "nope" in response.json()["error"]


def test_wrong_methods_are_json_errors(client: TestClient) -> None:
    response = client.delete("/api/articles")
    assert response.status_code == 405 and response.json()["status"] == 405
    assert response.json()["error"] == "DELETE /api/articles is not allowed; this path takes GET, POST"
    assert response.headers["allow"] == "GET, POST"  # the router named the first route's method only


def test_an_unknown_endpoint_is_named_in_its_404(client: TestClient) -> None:
    response = client.post("/api/recluster-all")
    assert response.json() == {
        "error": "no such page or endpoint: POST /api/recluster-all (the API is listed at /api/openapi.json)",
        "status": 404,
    }


def test_bad_parameters_are_json_422s_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/articles", params={"limit": 0})
    assert response.status_code == 422
    assert "limit" in response.json()["error"]
    response = client.get("/api/articles", params={"since": "yesterday-ish"})
    assert response.status_code == 422 and "since" in response.json()["error"]


def test_stories_list_summaries(client: TestClient, seed_story: str) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == len(page["items"]) >= 2
    story = next(s for s in page["items"] if s["id"] == seed_story)
    assert story["size"] == 2 and len(story["articles"]) == 2
    assert SEED_OUTLET in story["outlets"]
    assert story["languages"] == ["en"]
    assert story["first_published"].startswith("2022-12-18")
    assert isinstance(story["new"], bool) and isinstance(story["growing"], bool)
    assert client.get("/api/stories", params={"limit": 1}).json()["items"][0]["size"] == 2  # largest first


def test_story_detail_lists_its_articles_and_reasons(client: TestClient, seed_story: str) -> None:
    story = client.get(f"/api/stories/{seed_story}").json()
    assert set(story["articles"]) == set(story["reasons"])
    assert [a["id"] for a in story["article_summaries"]] == story["articles"]
    assert story["label"]


def test_comparison_has_the_documented_shape(client: TestClient, seed_story: str) -> None:
    comparison = client.get(f"/api/stories/{seed_story}/comparison").json()
    assert {"articles", "claims", "groups", "quotes", "timeline", "provenance"} <= set(comparison)
    verdicts = {g["verdict"] for g in comparison["groups"]}
    assert {"shared", "unique"} <= verdicts
    claim_ids = {c["id"] for c in comparison["claims"]}
    assert all(set(g["claims"]) <= claim_ids for g in comparison["groups"])
    assert all({"from", "to", "relation"} <= set(link) for link in comparison["provenance"])


def test_story_reports_download_as_the_cli_writes_them(client: TestClient, seed_story: str) -> None:
    comparison = client.get(f"/api/stories/{seed_story}/comparison").json()
    as_json = client.get(f"/api/stories/{seed_story}/report", params={"format": "json"})
    assert as_json.headers["content-disposition"] == f'attachment; filename="story-{seed_story}.json"'
    assert as_json.json() == comparison
    written = compare_story(client.app.state.workspace, seed_story)  # what `storyline story ID -o FILE` writes
    markdown = client.get(f"/api/stories/{seed_story}/report", params={"format": "markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown") and markdown.text == render(written, "md")
    html = client.get(f"/api/stories/{seed_story}/report")  # HTML unless told otherwise
    assert html.headers["content-disposition"].endswith('.html"') and html.text == render(written, "html")
    hostile = client.get("/api/articles/hostile-1").json()["story"]
    report = client.get(f"/api/stories/{hostile}/report").text
    assert "<script>alert" not in report and "<img src=x" not in report and "&lt;script&gt;" in report
    unknown = client.get(f"/api/stories/{seed_story}/report", params={"format": "pdf"})
    assert unknown.status_code == 422 and "json, md, html" in unknown.json()["error"]
    assert client.get("/api/stories/nope/report").json() == {"error": "no story with id 'nope'", "status": 404}


def test_story_quotes_entities_timeline_are_pages(client: TestClient, seed_story: str) -> None:
    for part in ("quotes", "entities", "timeline"):
        page = client.get(f"/api/stories/{seed_story}/{part}", params={"limit": 1}).json()
        assert set(page) == {"total", "limit", "offset", "items"}, part
        assert page["total"] >= 1 and len(page["items"]) == 1, part
    entities = client.get(f"/api/stories/{seed_story}/entities").json()["items"]
    assert any(e["name"].endswith("Kanani") and len(e["articles"]) == 2 for e in entities)


def test_search_finds_words_with_filters_and_marks_snippets(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Kanani"}).json()
    assert found["total"] == 2
    assert all("\u27e6" in hit["snippet"] for hit in found["items"])
    narrowed = client.get("/api/search", params={"q": "Kanani", "outlet": SEED_OUTLET}).json()
    assert narrowed["total"] == 1
    assert client.get("/api/search", params={"q": "Kanani", "until": "2022-01-01"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "harbour", "entity": "Port Alba"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "U.S.-Iran (\"drones"}).status_code == 200  # no FTS syntax error
    assert client.get("/api/search").status_code == 422  # q is required


# ---------------------------------------------------------------- writes

ARTICLE = {
    "id": "upload-1",
    "title": "Volcano erupts on remote island",
    "text": "A volcano erupted on the island of Kell on Tuesday, the national geology institute said.\n\n"
    "Ash rose four kilometres and flights were cancelled, officials said.",
    "outlet": "Example Daily",
    "published": "2023-05-09T10:00:00Z",
    "language": "en",
}


def test_post_json_ingests_and_the_article_is_served(writable_client) -> None:
    with writable_client() as client:
        response = client.post("/api/articles", json=ARTICLE)
        assert response.status_code == 201, response.text
        assert response.json()["new"] == 1 and response.json()["article_ids"] == ["upload-1"]
        assert client.get("/api/articles/upload-1").json()["title"] == ARTICLE["title"]
        again = client.post("/api/articles", json=ARTICLE).json()
        assert again["new"] == 0 and again["duplicate"] == 1
        assert client.get("/api/search", params={"q": "volcano"}).json()["total"] == 1
        batch = [{**ARTICLE, "id": f"upload-{n}", "title": f"Report {n}", "text": f"{ARTICLE['text']} Update {n}."}
                 for n in (2, 3)]
        assert client.post("/api/articles", json=batch).json()["article_ids"] == ["upload-2", "upload-3"]


def test_post_file_upload_ingests_any_readable_format(writable_client) -> None:
    text = "Bridge reopens after repairs\n\nThe harbour bridge in Port Alba reopened on Monday, the council said.\n"
    with writable_client() as client:
        response = client.post("/api/articles", files={"file": ("../../etc/bridge.txt", text.encode(), "text/plain")})
        assert response.status_code == 201, response.text
        (article_id,) = response.json()["article_ids"]
        stored = client.get(f"/api/articles/{article_id}").json()
        assert stored["title"] == "Bridge reopens after repairs"
        assert stored["source"] == "bridge.txt"  # the uploaded file's name, not the server's temporary copy
        (story,) = response.json()["stories"]  # where the upload went, as `storyline ingest` says
        assert story["added"] == [article_id], story


def test_an_upload_without_outlet_is_of_an_unknown_outlet(writable_client) -> None:
    article = {k: v for k, v in ARTICLE.items() if k != "outlet"} | {"id": "elwyn-1"}
    with writable_client() as client:
        assert client.post("/api/articles", json=article).status_code == 201
        assert client.get("/api/articles/elwyn-1").json()["source"] == "upload"
        story = client.get(f"/api/stories/{client.get('/api/articles/elwyn-1').json()['story']}").json()
        assert story["outlets"] == ["unknown outlet"]
        page = client.get("/articles/elwyn-1").text
        assert "article.json" not in page and "storyline-upload" not in page


def test_post_rejects_bad_bodies_with_clear_messages(writable_client) -> None:
    with writable_client(max_upload_bytes=2000) as client:
        bad_json = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
        assert bad_json.status_code == 400 and "JSON" in bad_json.json()["error"]
        assert client.post("/api/articles", content=b"x", headers={"content-type": "text/plain"}).status_code == 415
        no_file = client.post("/api/articles", files={"other": ("a.txt", b"text", "text/plain")})
        assert no_file.status_code == 400 and "file" in no_file.json()["error"]
        binary = client.post("/api/articles", files={"file": ("blob.bin", b"\x00\x01\x02" * 100, "application/octet-stream")})
        assert binary.status_code == 422 and binary.json()["error"].startswith("blob.bin")
        no_text = client.post("/api/articles", json={"url": "https://n.example/only-a-link"})
        assert no_text.status_code == 422 and "text" in no_text.json()["error"]
        too_big = client.post("/api/articles", json={**ARTICLE, "text": "word " * 1000})
        assert too_big.status_code == 413 and "2000" in too_big.json()["error"]
        assert client.get("/api/health").json()["articles"] == 3  # nothing half-written


def test_an_empty_upload_is_refused_as_a_blank_one_is(writable_client) -> None:
    with writable_client() as client:
        for name, content in (("empty.txt", b""), ("blank.txt", b" \n\t\n")):
            refused = client.post("/api/articles", files={"file": (name, content, "text/plain")})
            assert (refused.status_code, refused.json()["error"]) == (422, f"{name}: empty file")
        assert client.get("/api/health").json()["articles"] == 3


def test_deeply_nested_json_is_a_bad_body_not_a_500(writable_client) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000  # past the json module's recursion limit
    with writable_client() as client:
        posted = client.post("/api/articles", content=deep, headers={"content-type": "application/json"})
        assert posted.status_code == 400 and "nested too deeply" in posted.json()["error"]
        uploaded = client.post("/api/articles", files={"file": ("deep.json", deep, "application/json")})
        assert uploaded.status_code == 422
        assert uploaded.json()["error"] == "deep.json: malformed JSON: nested too deeply at line 1 column 1"
        assert client.get("/api/health").json()["articles"] == 3  # nothing half-written


def test_chunked_upload_over_the_limit_is_refused(writable_client) -> None:
    def chunks():
        for _ in range(10):
            yield b"x" * 1000

    with writable_client(max_upload_bytes=2000) as client:
        response = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413


def test_writes_need_the_token_when_one_is_set(writable_client) -> None:
    with writable_client(token="s3cret") as client:
        refused = client.post("/api/articles", json=ARTICLE)
        assert refused.status_code == 401 and "token" in refused.json()["error"]
        assert refused.headers["www-authenticate"] == "Bearer"
        wrong = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        accepted = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer s3cret"})
        assert accepted.status_code == 201
        assert client.get("/api/articles").status_code == 200  # reads stay open


def test_recluster_is_a_write_that_says_what_moved(writable_client) -> None:
    with writable_client(token="s3cret") as client:
        before = client.get("/api/stories").json()["items"]
        assert client.post("/api/recluster").status_code == 401
        done = client.post("/api/recluster", headers={"Authorization": "Bearer s3cret"})
        assert done.status_code == 200
        assert done.json() == {"stories_before": len(before), "stories": len(before), "moved": 0}
        assert client.get("/api/stories").json()["items"] == before  # the same stories keep their ids


def test_cross_origin_writes_are_refused(writable_client) -> None:
    with writable_client() as client:
        response = client.post("/api/articles", json=ARTICLE, headers={"Origin": "https://evil.example"})
        assert response.status_code == 403
        same = client.post("/api/articles", json=ARTICLE, headers={"Origin": "http://testserver"})
        assert same.status_code == 201, json.dumps(same.json())


HUGE = "99999999999999999999"  # past SQLite's 64-bit integers


def test_huge_offsets_are_422s_not_500s(client: TestClient, seed_story: str) -> None:
    for url in ["/api/articles", "/api/stories", "/api/search?q=Kanani", f"/api/stories/{seed_story}/quotes"]:
        response = client.get(url, params={"offset": HUGE})
        assert response.status_code == 422, url
        assert "offset" in response.json()["error"]
    for url in ["/", "/articles", "/search?q=Kanani"]:
        response = client.get(url, params={"offset": HUGE})
        assert response.status_code == 400 and "offset" in response.text, url


def test_a_language_is_read_as_the_cli_reads_it(client: TestClient) -> None:
    english = client.get("/api/articles", params={"language": "en"}).json()["total"]
    assert english > 0
    for name in ("English", "eng", "en-GB"):
        assert client.get("/api/articles", params={"language": name}).json()["total"] == english, name
    hits = client.get("/api/search", params={"q": "harbour", "language": "english"}).json()
    assert hits["total"] == client.get("/api/search", params={"q": "harbour", "language": "en"}).json()["total"] > 0
    unknown = client.get("/api/articles", params={"language": "Klingonese"})
    assert unknown.status_code == 422 and unknown.json()["error"].startswith("invalid request - language:")
    assert "unknown language 'Klingonese'" in unknown.json()["error"]
    page = client.get("/articles", params={"language": "English"})
    assert page.status_code == 200 and page.text.count('href="/articles/') >= english
    assert client.get("/search", params={"q": "harbour", "language": "Klingonese"}).status_code == 400


def test_empty_filters_are_no_filters(client: TestClient) -> None:
    assert client.get("/api/articles", params={"language": "", "outlet": ""}).json()["total"] == 3
    assert client.get("/api/search", params={"q": "Kanani", "language": "", "entity": " "}).json()["total"] == 2


def test_openapi_documents_the_error_body_the_api_sends(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(spec)
    assert set(spec["components"]["schemas"]["Error"]["properties"]) == {"error", "status"}
    error = {"$ref": "#/components/schemas/Error"}
    responses = spec["paths"]["/api/articles"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"] == error
    responses = spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]
    assert responses["404"]["content"]["application/json"]["schema"] == error
    assert "413" in spec["paths"]["/api/articles"]["post"]["responses"]
    assert set(client.get("/api/articles", params={"limit": 0}).json()) == {"error", "status"}


def test_any_article_id_opens_slashes_and_dots_included(writable_client) -> None:
    ids = ["https://ruritania.example/news/ferry?x=1", "ruritania/ferry", ".."]
    batch = [{**ARTICLE, "id": i, "title": f"Ruritania ferry {n}", "text": f"{ARTICLE['text']} Note {n}."}
             for n, i in enumerate(ids)]  # fmt: skip
    with writable_client() as client:
        assert client.post("/api/articles", json=batch).json()["article_ids"] == ids
        listing = client.get("/articles").text
        for n, article_id in enumerate(ids):
            quoted = "%2E%2E" if article_id == ".." else quote(article_id, safe="")  # ".." itself would be dropped
            assert client.get(f"/api/articles/{quoted}").json()["id"] == article_id
            href = re.search(rf'<a [^>]*href="([^"]+)">Ruritania ferry {n}</a>', listing).group(1)
            assert href.startswith("/articles/") and "/" not in href.removeprefix("/articles/")
            assert f"Ruritania ferry {n}" in client.get(href).text
        assert href == "/articles/%2E%2E"  # not "/articles/..", which is the home page
        assert client.get("/articles/ruritania/ferry").status_code == 200


def test_openapi_declares_the_upload_body(client: TestClient) -> None:
    """Generated clients need it to upload at all."""
    body = client.get("/api/openapi.json").json()["paths"]["/api/articles"]["post"]["requestBody"]
    assert set(body["content"]) == {"application/json", "multipart/form-data"}
    assert body["content"]["multipart/form-data"]["schema"]["required"] == ["file"]
    article, articles = body["content"]["application/json"]["schema"]["oneOf"]
    assert "text" in article["properties"] and articles["items"] == article


def test_a_trailing_slash_leads_to_the_list(client: TestClient) -> None:
    for url, target in (("/articles/", "/articles"), ("/api/articles/", "/api/articles")):
        response = client.get(url, follow_redirects=False)
        assert response.status_code == 308 and response.headers["location"] == target
        assert client.get(url).status_code == 200


def test_a_story_id_merged_away_redirects_to_the_story_holding_its_articles(
    writable_client, tmp_path, seed_story
) -> None:
    """A bookmarked or linked story id, merged into another since, answers 308 to the same path under the id now."""
    from storyline.config import Settings
    from storyline.service.workspace import Workspace

    client = writable_client()
    with Workspace(Settings(db_path=tmp_path / "library.db")) as ws:  # the copy writable_client serves
        version, state = ws.store.story_state()
        ws.store.save_stories([], state={**state, "forwards": {"s000777": seed_story}}, expected_version=version)
    moved = client.get("/api/stories/s000777/timeline", params={"limit": 5}, follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == f"/api/stories/{seed_story}/timeline?limit=5"
    assert moved.json() == {"error": f"story 's000777' was merged into {seed_story!r}", "status": 308}
    assert client.get("/api/stories/s000777").json()["id"] == seed_story  # clients that follow redirects land there
    page = client.get("/stories/s000777", follow_redirects=False)
    assert page.status_code == 308 and page.headers["location"] == f"/stories/{seed_story}"
    assert client.get("/api/stories/s000778").status_code == 404
    assert "308" in client.get("/api/openapi.json").json()["paths"]["/api/stories/{story_id}"]["get"]["responses"]


def test_entities_of_a_compared_story_come_from_its_cached_comparison(client: TestClient, seed_story: str,
                                                                     monkeypatch) -> None:
    """Once a story is compared, its entities are read with the comparison, not merged again on each call."""
    from storyline.compare import involved

    client.get(f"/api/stories/{seed_story}/comparison")  # computes and caches the comparison
    merges = []
    original = involved.merge_with_members
    monkeypatch.setattr(involved, "merge_with_members", lambda *a, **k: merges.append(1) or original(*a, **k))
    cached = client.get(f"/api/stories/{seed_story}/entities").json()
    assert merges == []
    monkeypatch.setattr("storyline.service.web_queries.cached_comparison", lambda *a: None)
    assert client.get(f"/api/stories/{seed_story}/entities").json() == cached and merges == [1]


def test_articles_say_when_they_arrived_apart_from_when_they_were_published(client: TestClient, seed_story) -> None:
    items = client.get("/api/articles", params={"limit": 200}).json()["items"]
    arrivals = client.app.state.workspace.store.arrival_times([a["id"] for a in items])
    assert items and all(a["arrived"] == arrivals[a["id"]].replace(tzinfo=None).isoformat() for a in items)
    assert any(a["published"] and a["published"] != a["arrived"] for a in items)
    detail = client.get(f"/api/articles/{quote(items[0]['id'], safe='')}").json()
    assert detail["arrived"] == items[0]["arrived"] and "published" in detail
    story = client.get(f"/api/stories/{seed_story}").json()
    assert all(a["arrived"] for a in story["article_summaries"])
    spec = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "not when it was published" in spec["ArticleSummary"]["properties"]["arrived"]["description"]
    assert "arrived" in spec["ArticleDetail"]["properties"]
