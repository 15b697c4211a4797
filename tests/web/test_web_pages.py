"""Server-rendered pages: content, escaping of hostile article content, errors."""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import parse_qs

import markupsafe
import pytest
from fastapi.testclient import TestClient

HOSTILE_ID = "hostile-1"  # the id in fixtures/hostile.json

#: What the hostile fixture carries in its title, outlet, url and stripped parts.
RAW_ATTACKS = [
    "<script>alert(",
    "<img src=x onerror=",
    "<b onmouseover=",
    'href="javascript:',
]


def assert_inert(html: str) -> None:
    for attack in RAW_ATTACKS:
        assert attack not in html, attack
    # The only scripts are the app's own file.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']


@pytest.fixture(scope="module")
def hostile_story(client: TestClient) -> str:
    return client.get(f"/api/articles/{HOSTILE_ID}").json()["story"]


def test_story_list_shows_size_outlets_languages_span(client: TestClient, seed_story: str) -> None:
    html = client.get("/").text
    assert f'href="/stories/{seed_story}"' in html
    assert "2 articles" in html and "The Moscow Times" in html and "18 Dec 2022" in html
    assert "en" in html
    assert_inert(html)


def test_story_page_highlights_claims_by_verdict(client: TestClient, seed_story: str) -> None:
    response = client.get(f"/stories/{seed_story}")
    assert response.status_code == 200
    html = response.text
    comparison = client.get(f"/api/stories/{seed_story}/comparison").json()
    shared = {c for g in comparison["groups"] if g["verdict"] == "shared" for c in g["claims"]}
    marked = {claim: verdict for verdict, claim in re.findall(r'<span class="claim (\w+)" id="claim-([^"]+)"', html)}
    assert shared and all(marked.get(c) in ("shared", "conflict") for c in shared)
    assert "unique" in marked.values()
    # Each claim is linked from the claims table and each group row is addressable.
    for claim in list(shared)[:3]:
        assert f'href="#claim-{claim}"' in html
    assert html.count('class="column"') == 2
    assert "<svg" in html and 'class="edge' in html  # provenance graph
    assert 'aria-label="Timeline' in html
    assert "Kanani" in html  # quotes and entities
    assert "(reported speech)" in html  # the spokesman's unquoted statements are marked as the outlet's words
    # The agency report denies and admits; the copy tells only what the report tells too: the tension
    # is the report's own, a conflict with no one.
    assert "<small>within-article</small>" not in html and "<small>across-articles</small>" not in html
    assert 'class="reason">same-story probability' in html or 'class="reason">merged with this story' in html
    assert "p=0." not in html


def test_pages_ask_for_no_favicon_file(client: TestClient) -> None:
    # A browser asks every site for /favicon.ico, a 404 in its console on every page, unless the page names one.
    assert '<link rel="icon" href="data:,">' in client.get("/").text


def test_story_page_links_its_report_downloads(client: TestClient, seed_story: str) -> None:
    html = client.get(f"/stories/{seed_story}").text
    links = re.findall(r'<a href="(/api/stories/[^"]+/report\?format=\w+)" download>', html)
    assert [link.rsplit("=", 1)[1] for link in links] == ["html", "md", "json"]
    assert all(client.get(link).headers["content-disposition"].startswith("attachment") for link in links)


def test_story_page_of_hostile_article_is_inert(client: TestClient, hostile_story: str) -> None:
    html = client.get(f"/stories/{hostile_story}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html  # shown, escaped
    assert_inert(html)


@pytest.mark.parametrize(
    "url", ["/", "/articles", f"/articles/{HOSTILE_ID}", "/search?q=harbour", "/search?q=harbour&outlet=%3Cb%3E"]
)
def test_pages_escape_hostile_content(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert_inert(response.text)
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_article_page_shows_stripped_parts_on_demand(client: TestClient) -> None:
    html = client.get(f"/articles/{HOSTILE_ID}").text
    details = re.search(r"<details class=\"stripped\">(.*?)</details>", html, re.S).group(1)
    assert "stray-tag" in details and "&lt;img src=x onerror=alert" in details
    assert "javascript:alert(&#39;url&#39;)" in html  # the url is shown as text, never linked
    assert "Port Alba" in html  # entity chip


def test_search_page_marks_matches(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Kanani"}).text
    assert "2 articles match" in html
    assert "<mark>Kanani</mark>" in html
    assert html.count('href="/stories/') == 2  # each hit links to its story
    assert "\u27e6" not in html


def test_search_page_rejects_bad_dates_clearly(client: TestClient) -> None:
    response = client.get("/search", params={"q": "Kanani", "since": "soon"})
    assert response.status_code == 400 and "since" in response.text


def test_missing_pages_render_an_html_404(client: TestClient) -> None:
    response = client.get("/stories/<i>nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "&lt;i&gt;nope" in response.text and "<i>nope" not in response.text


def test_upload_page_asks_for_a_token_only_when_needed(client: TestClient, writable_client) -> None:
    assert 'name="token"' not in client.get("/upload").text
    with writable_client(token="t") as guarded:
        assert 'name="token"' in guarded.get("/upload").text


def test_story_page_survives_a_failing_comparison(client: TestClient, seed_story: str, monkeypatch) -> None:
    from storyline.service import web_queries

    def broken(ws, story_id):
        raise ValueError("no <claims>")

    monkeypatch.setattr(web_queries, "story_comparison", broken)
    response = client.get(f"/stories/{seed_story}")
    assert response.status_code == 200
    assert "ValueError: no &lt;claims&gt;" in response.text
    assert response.text.count('class="column"') == 2 and "Kanani" in response.text


def test_search_pager_keeps_the_page_size(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Kanani", "limit": 1}).text
    href = re.search(r'<a rel="next" href="\?([^"]+)"', html).group(1)
    assert parse_qs(unescape(href)) == {"q": ["Kanani"], "limit": ["1"], "offset": ["1"]}


def test_article_list_takes_a_page_size_and_its_pager_keeps_it(client: TestClient) -> None:
    html = client.get("/articles", params={"limit": 1, "language": "en"}).text
    assert html.count('<li><a dir="auto" href="/articles/') == 1
    href = re.search(r'<a rel="next" href="\?([^"]+)"', html).group(1)
    assert parse_qs(unescape(href)) == {"language": ["en"], "limit": ["1"], "offset": ["1"]}
    assert client.get("/articles", params={"limit": 0}).status_code == 400  # pages answer a bad parameter so


def test_provenance_reads_as_the_reports_do(client: TestClient, seed_story: str, monkeypatch) -> None:
    """ "B rewrites A": the rewriting article first, its source last, as `from`/`to` say (docs/comparison-schema.md)."""
    from storyline.model import ProvenanceLink
    from storyline.service import web_queries

    real = web_queries.story_comparison
    comparison = real(client.app.state.workspace, seed_story)
    source, rewrite = comparison.articles
    comparison.provenance = [ProvenanceLink(source["id"], rewrite["id"], "rewrites", ["adds no actor"])]
    monkeypatch.setattr(web_queries, "story_comparison", lambda ws, story_id: comparison)
    html = client.get(f"/stories/{seed_story}").text
    assert f"<td>{escape(rewrite['name'])} rewrites {escape(source['name'])}</td>" in html
    assert f"{escape(source['name'])} rewrites" not in html
    # Who reported first, by the rule the reports state (the dated article; the undated one not counted).
    assert "<p>First reported: " in html and "undated" in html.split("<p>First reported: ", 1)[1].split("</p>", 1)[0]


def test_article_page_sets_stances_apart_from_quotes(client: TestClient) -> None:
    articles = client.get("/api/articles", params={"limit": 100}).json()["items"]
    for summary in articles:
        article = client.get(f"/api/articles/{summary['id']}").json()
        kinds = {q["kind"] for q in article["quotes"]}
        if "stance" in kinds and kinds - {"stance"}:
            break
    else:
        pytest.fail("no fixture article has both quotes and stances")
    html = client.get(f"/articles/{article['id']}").text
    quotes, stances = html.index("<h2>Quotes</h2>"), html.index("<h2>Stances</h2>")
    assert quotes < stances
    for quote in article["quotes"]:
        shown = html.index(str(markupsafe.escape(quote["text"][:30])), quotes)  # the article text comes before
        assert (shown > stances) == (quote["kind"] == "stance")


@pytest.mark.parametrize("url", ["/", "/articles", "/search?q=harbour", "/api/health", "/api/stories", "/static/app.js"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    """Link checkers and uptime monitors probe with HEAD."""
    head, get = client.head(url), client.get(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["x-content-type-options"] == "nosniff"
    assert client.head("/stories/nope").status_code == 404
    assert client.head("/api/articles").status_code == 200  # a GET route beside the POST one


def test_an_article_without_title_is_headed_by_its_first_words(writable_client) -> None:
    article = {
        "id": "untitled-1", "title": "", "outlet": "Elwyn Gazette", "published": "2023-04-01T09:00:00Z",
        "text": "Olga Petrenko opened the new ferry terminal in Port Elwyn on Saturday morning before a large crowd.",
    }
    heading = "Olga Petrenko opened the new ferry terminal in Port Elwyn…"
    with writable_client() as client:
        assert client.post("/api/articles", json=article).status_code == 201
        story = client.get("/api/articles/untitled-1").json()["story"]
        page = client.get("/articles/untitled-1").text
        assert f"<h1>{heading}</h1>" in page and f"<title>{heading} · storyline</title>" in page
        for url in ("/articles", "/search?q=terminal", f"/stories/{story}"):
            assert f'href="/articles/untitled-1">{heading}</a>' in client.get(url).text, url



def test_the_article_page_gives_a_range_its_end(writable_client) -> None:
    article = {
        "id": "range-1", "title": "Ferries stop for three days", "outlet": "Elwyn Gazette", "published": "2024-03-04",
        "text": "Olga Petrenko said the ferries to Port Elwyn will not run on March 9-11 because of the strike.",
    }
    with writable_client() as client:
        assert client.post("/api/articles", json=article).status_code == 201
        assert "<td>2024-03-09 – 2024-03-11</td>" in client.get("/articles/range-1").text

@pytest.mark.parametrize("url", ["/?offset=1000000", "/articles?offset=100", "/search?q=harbour&offset=500"])
def test_a_page_past_the_end_says_so_and_links_back(client: TestClient, url: str) -> None:
    html = client.get(url).text
    assert "No stories yet" not in html and "101–" not in html
    assert "Past the end" in html
    back = re.search(r'<a rel="prev" href="\?([^"]*)">← Last page</a>', html).group(1)
    assert "offset" not in back  # the library is small: its last page is the first
    assert "Past the end" not in client.get(f"{url.split('?')[0]}?{back}").text


def test_search_drops_control_characters_from_the_query(client: TestClient) -> None:
    html = client.get("/search", params={"q": "harbour\x00 bridge\x1b"}).text
    assert "\x00" not in html and "\x1b" not in html
    assert "1 article match “harbour bridge”" in html


def test_story_page_and_api_show_what_a_seat_of_government_stands_for(client: TestClient, seed_story: str) -> None:
    html = client.get(f"/stories/{seed_story}").text
    assert "White House → United States government" in html
    entities = client.get(f"/api/stories/{seed_story}/entities").json()["items"]
    house = next(e for e in entities if e["name"] == "White House")
    assert (house["refers_to"], house["reference_kind"]) == ("United States government", "seat-for-government")
    assert 0 < house["acting"] <= house["mentions"]
    assert f"(acting in {house['acting']} of {house['mentions']} mentions)" in html


def test_story_page_groups_who_is_involved_by_kind_as_the_reports_do(client: TestClient, seed_story: str) -> None:
    html = client.get(f"/stories/{seed_story}").text
    section = re.search(r'<section class="entities"[^>]*>(.*?)</section>', html, re.DOTALL).group(1)
    assert "<h2 id=\"entities-h\">Who is involved</h2>" in section and ">Entities<" not in html
    kinds = re.findall(r"<h3>([^<]+)</h3>", section)
    assert kinds == ["People", "Organisations", "Places"]
    by_kind = dict(zip(kinds, re.split(r"<h3>[^<]+</h3>", section)[1:], strict=True))
    assert "White House → United States government" in by_kind["Organisations"]
    assert ">Ukraine <small>" in by_kind["Places"] and "type-place" not in by_kind["People"]


def test_right_to_left_text_keeps_its_direction_and_long_words_break(writable_client) -> None:
    """A Hebrew article beside English ones reads right to left (each paragraph, claim and wording decides its
    own direction), and a word longer than a column is broken rather than pushed past the column's edge."""
    hebrew = "מזכיר האיגוד אמר כי השביתה תימשך שלושה ימים בנמל."
    article = {
        "id": "rtl-1", "title": "השביתה בנמל נמשכת", "outlet": "Elwyn Gazette", "published": "2024-03-04",
        "language": "he", "text": f"{hebrew}\n\n{'x' * 200} Ruth Adler.",
    }
    with writable_client() as client:
        assert client.post("/api/articles", json=article).status_code == 201
        story = client.get("/api/articles/rtl-1").json()["story"]
        story_page, article_page = client.get(f"/stories/{story}").text, client.get("/articles/rtl-1").text
        css = client.get("/static/style.css").text
    assert 'id="article-rtl-1" dir="auto" lang="he"' in story_page
    assert re.search(r'<p dir="auto"><span class="claim [a-z]+" id="claim-rtl-1:c0"', story_page)
    assert f'<p dir="auto">{hebrew}</p>' in article_page and 'class="article-page" dir="auto" lang="he"' in article_page
    assert re.search(r"main \{[^}]*overflow-wrap: anywhere", css)


def test_a_story_of_one_article_says_there_is_nothing_to_compare_yet(client: TestClient, hostile_story: str) -> None:
    html = client.get(f"/stories/{hostile_story}").text
    assert "from one article: no other report to compare them with yet." in html
    assert "First reported" not in html


def test_story_page_lists_updates_escaped(client: TestClient, seed_story: str, monkeypatch) -> None:
    """A figure that rose between reports, as the reports say it; the figure's text is the article's, escaped."""
    from storyline.service import web_queries

    comparison = web_queries.story_comparison(client.app.state.workspace, seed_story)
    first, later = comparison.articles
    reports = [
        {"article": first["id"], "text": "<i>14</i>", "value": 14.0, "published": "2025-06-01T08:00:00"},
        {"article": later["id"], "text": "19", "value": 19.0, "published": "2025-06-02T14:00:00"},
    ]
    comparison.updates = [{"group": "g0", "figure": "killed", "change": "rise", "reports": reports}]
    monkeypatch.setattr(web_queries, "story_comparison", lambda ws, story_id: comparison)
    html = client.get(f"/stories/{seed_story}").text
    line = f"killed rose: &lt;i&gt;14&lt;/i&gt; ({escape(first['name'])}, 2025-06-01 08:00:00) \u2192 19 ({escape(later['name'])}, 2025-06-02 14:00:00)"
    assert '<a href="#group-g0"><bdi>' + line in html and "<i>14" not in html


def test_an_undated_article_shows_its_estimated_day_as_the_reports_do(client: TestClient, seed_story: str) -> None:
    # the web said "undated" where every report of the story says "undated (about <day>)"
    from storyline.report.comparison import when
    from storyline.service import web_queries

    comparison = web_queries.story_comparison(client.app.state.workspace, seed_story)
    (undated,) = [a for a in comparison.articles if not a.get("published")]
    assert when(undated).startswith("undated (about ")
    html = client.get(f"/stories/{seed_story}").text
    column = html.split(f'id="article-{undated["id"]}"', 1)[1].split("</header>", 1)[0]
    assert "<time>undated (about " in column


def test_story_page_orders_shared_groups_as_the_reports_do_and_sets_the_alike_apart(client: TestClient, seed_story: str, monkeypatch) -> None:
    """Shared facts most surely one first; a shared group scoring under 0.70 after them, marked as only alike,
    with each group's score, as the terminal, Markdown and HTML reports give them."""
    from storyline.model import ClaimGroup
    from storyline.service import web_queries

    comparison = web_queries.story_comparison(client.app.state.workspace, seed_story)
    first, later = comparison.articles
    claims_of = {a["id"]: [c.id for c in comparison.claims if c.article == a["id"]] for a in (first, later)}

    def pair(n: int) -> list[str]:
        return [claims_of[first["id"]][n], claims_of[later["id"]][n]]

    comparison.groups = [
        ClaimGroup(id="g7", claims=pair(0), verdict="shared", outlets=["A", "B"], evidence=[], score=0.62),
        ClaimGroup(id="g8", claims=pair(1), verdict="shared", outlets=["A", "B"], evidence=[], score=0.92),
    ]
    comparison.summary = {**comparison.summary, "shared": 2}
    monkeypatch.setattr(web_queries, "story_comparison", lambda ws, story_id: comparison)
    html = client.get(f"/stories/{seed_story}").text
    surely, alike = html.index('id="group-g8"'), html.index('id="group-g7"')
    assert surely < alike
    assert "alike, perhaps not one fact" in html[alike:] and "alike, perhaps not one fact" not in html[surely:alike]
    assert "score 0.92" in html[surely:alike] and "score 0.62" in html[alike:]
    assert "2 shared (1 only alike)" in html


def test_story_list_reads_no_article_text(client: TestClient, app, monkeypatch) -> None:
    """A page of the largest stories lists thousands of articles on a big library: the list reads their
    metadata, never each whole article (text, entities, quotes)."""
    store = app.state.workspace.store
    expected = client.get("/api/stories").json()

    def whole_article(article_id):
        raise AssertionError(f"the story list decoded article {article_id}")

    monkeypatch.setattr(store, "get_article", whole_article)
    assert client.get("/api/stories").json() == expected
    page = client.get("/")
    assert page.status_code == 200 and "2 articles" in page.text


def test_story_page_reloaded_reuses_the_cached_cast(client: TestClient, seed_story: str, monkeypatch) -> None:
    """Who is involved comes with the cached comparison: a reload merges no entity names again."""
    from storyline.compare import involved

    client.get(f"/stories/{seed_story}")  # computes and caches the comparison
    merges = []
    original = involved.merge_with_members
    monkeypatch.setattr(involved, "merge_with_members", lambda *a, **k: merges.append(1) or original(*a, **k))
    html = client.get(f"/stories/{seed_story}").text
    assert merges == []
    assert "White House → United States government" in html and "<h3>People</h3>" in html
