"""Site profiles: template lines learnt across a site's pages leave the body."""

from __future__ import annotations

from storyline.ingest.html import extract_html, parse_html
from storyline.ingest.html_profile import build_profiles, site_of

TEMPLATE = "Our reporters cover the region every day, support local journalism today."


def site_page(n: int) -> str:
    body = "".join(
        f"<p>Story {n} paragraph {i}: the harbour authority reported record traffic in month {i} of the year, "
        f"with ships from {n + i} countries calling at the port.</p>"
        for i in range(4)
    )
    return f"<html><body><article><h1>Story {n}</h1>{body}<p>{TEMPLATE}</p></article></body></html>"


PAGES = [(f"https://www.port-news.example/story-{n}", site_page(n)) for n in range(4)]


def test_site_of_ignores_www_and_needs_a_url() -> None:
    assert site_of("https://www.port-news.example/a?b=1") == "port-news.example"
    assert site_of(None) is None


def test_repeated_line_becomes_boilerplate_and_is_stripped() -> None:
    profiles = build_profiles((url, parse_html(html)) for url, html in PAGES)
    url, html = PAGES[0]
    assert TEMPLATE in profiles.boilerplate(url)
    assert TEMPLATE in extract_html(html, url=url).text
    article = extract_html(html, url=url, boilerplate=profiles.boilerplate(url))
    assert TEMPLATE not in article.text
    assert any(s.reason == "site-boilerplate" for s in article.stripped)
    assert len(article.paragraphs) == 4


def test_too_few_pages_or_other_site_learn_nothing() -> None:
    profiles = build_profiles((url, parse_html(html)) for url, html in PAGES[:2])
    assert profiles.boilerplate(PAGES[0][0]) == set()
    full = build_profiles((url, parse_html(html)) for url, html in PAGES)
    assert full.boilerplate("https://other.example/x") == set()
