"""A title that is no headline (a date or time line, the site's name, a section's, a byline) is passed over
for the next candidate (HTML: the <h1>, the first line), and kept in the explain record."""

from __future__ import annotations

import pytest

from storyline.ingest.htmlpage import read_html
from storyline.ingest.text import parse_text

BODY = [
    "The harbour board voted on Tuesday to close the old ferry pier after engineers found cracks in its pilings.",
    "Ferries will dock at the new terminal from next month, and the board said fares would not change this year.",
    "Fishermen who moor beside the pier asked for more time, saying the new berths were too far from the market.",
]
HEADLINE = "Harbour board closes old ferry pier"


URL = "https://www.elwynpost.com/news/2024/ferry-pier"


def page(*, title: str, h1: str, og: str = "", first: str = "", url: str = URL) -> str:
    meta = f"<meta property='og:title' content='{og}'>" if og else ""
    lead = f"<p>{first}</p>" if first else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>{meta}"
        "<meta property='og:site_name' content='Elwyn Post'>"
        f"<link rel='canonical' href='{url}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news/'>News</a> <a href='/sport/'>Sport</a></nav>"
        f"<main><article><h1>{h1}</h1>{lead}{paragraphs}</article></main>"
        "<footer>© 2024 Elwyn Post</footer></body></html>"
    )


def titles_passed_over(article) -> list[tuple[str, str]]:
    return [(s.text, s.reason) for s in article.stripped if s.reason.startswith("title (")]


@pytest.mark.parametrize(
    ("stated", "why"),
    [
        ("Monday, 12 May 2008", "date"),
        ("Updated 3:15 PM EST", "date"),
        ("Elwyn Post", "outlet"),
        ("News", "section"),
        ("By Jane Doe", "byline"),
    ],
)
def test_a_title_that_is_no_headline_gives_way_to_the_h1(stated: str, why: str) -> None:
    article = read_html(page(title=stated, og=stated, h1=HEADLINE), source="p.html")
    assert article.title == HEADLINE
    assert titles_passed_over(article) == [(stated, f"title ({why})")]
    assert article.paragraphs == BODY


def test_the_first_line_heads_a_page_whose_every_title_is_a_date() -> None:
    """The page's title, its <h1> and og:title all hold the date: the headline is the first line above the story."""
    stated = "Sunday, March 17, 2013 | 5:00 PM"
    article = read_html(page(title=f"{stated} | Elwyn Post", og=stated, h1=stated, first=HEADLINE), source="p.html")
    assert article.title == HEADLINE
    assert article.paragraphs == BODY
    assert titles_passed_over(article) == [(stated, "title (date)")]


@pytest.mark.parametrize(
    "headline",
    [
        "Ferry pier closes at 3:15 pm on Friday",  # a time inside a headline
        "March 5, 2008: Harbour board closes the old ferry pier",
        "By the numbers: what the pier cost",  # no byline
        "Von Trump bis Biden",  # German "from ... to ...", no byline
    ],
)
def test_headlines_that_look_like_furniture_stay(headline: str) -> None:
    article = read_html(page(title=headline, h1=headline), source="p.html")
    assert article.title == headline
    assert titles_passed_over(article) == []


def test_a_short_headline_that_no_menu_says_stays() -> None:
    article = read_html(page(title="Pier closes", h1="Pier closes"), source="p.html")
    assert article.title == "Pier closes"


@pytest.mark.parametrize(
    ("above", "why"), [("Updated 3:15 PM EST", "date"), ("Elwyn Post", "outlet"), ("News", "navigation")]
)
def test_a_text_files_line_over_its_headline_is_no_title(above: str, why: str) -> None:
    text = "\n\n".join([above, HEADLINE, *BODY])
    article = parse_text(text, source="p.txt", url=URL)
    assert article.title == HEADLINE
    assert (above, why) in [(s.text, s.reason) for s in article.stripped]
    assert article.paragraphs == BODY


def test_a_text_files_short_headline_stays_without_a_url_saying_it() -> None:
    article = parse_text("\n\n".join(["News", *BODY]), source="p.txt", url="https://www.elwynpost.com/2024/ferry-pier")
    assert article.title == "News"
