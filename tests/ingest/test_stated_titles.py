"""A JSON record's or feed item's title that is no headline (a date or time line, the outlet's name, a section's,
a byline) gives way to its next title field or a headline-like first line, and is kept in the explain record, as
an HTML page's is; an update label ("UPDATE:", "(updated)") is no part of the headline."""

from __future__ import annotations

import pytest

from storyline.ingest.feed import read_feed
from storyline.ingest.records import article_from_record

HEADLINE = "Harbour board closes old ferry pier"
BODY = [
    "The harbour board voted on Tuesday to close the old ferry pier after engineers found cracks in its pilings.",
    "Ferries will dock at the new terminal from next month, and the board said fares would not change this year.",
]
URL = "https://www.elwynpost.com/news/2024/ferry-pier"


def record(**fields: str):
    return article_from_record({"url": URL, "outlet": "Elwyn Post", **fields}, source="records.jsonl")


def passed_over(article) -> list[tuple[str, str]]:
    return [(s.text, s.reason) for s in article.stripped if s.reason.startswith("title (")]


@pytest.mark.parametrize(
    ("stated", "why"),
    [
        ("Sunday, March 17, 2013 | 5:00 PM", "date"),
        ("Updated 3:15 PM EST", "date"),
        ("Elwyn Post", "outlet"),
        ("News", "section"),
        ("By Jane Doe", "byline"),
    ],
)
def test_a_record_title_that_is_no_headline_gives_way_to_its_headline_field(stated: str, why: str) -> None:
    article = record(title=stated, headline=HEADLINE, text="\n\n".join(BODY))
    assert article.title == HEADLINE
    assert passed_over(article) == [(stated, f"title ({why})")]
    assert article.paragraphs == BODY


def test_a_record_whose_only_title_is_a_date_is_headed_by_its_first_line() -> None:
    article = record(title="Monday, 12 May 2008", text="\n\n".join([HEADLINE, *BODY]))
    assert article.title == HEADLINE
    assert article.paragraphs == BODY
    assert passed_over(article) == [("Monday, 12 May 2008", "title (date)")]


def test_a_record_whose_first_line_is_a_sentence_stays_untitled_rather_than_dated() -> None:
    article = record(title="Monday, 12 May 2008", text="\n\n".join(BODY))
    assert article.title != "Monday, 12 May 2008"
    assert article.paragraphs == BODY


@pytest.mark.parametrize(
    "headline",
    ["Weekly report 14 - 20 January 2022", "Ferry pier closes at 3:15 pm on Friday", "By the numbers: a year of ferries"],
)
def test_record_headlines_that_look_like_furniture_stay(headline: str) -> None:
    article = record(title=headline, text="\n\n".join(BODY))
    assert article.title == headline
    assert passed_over(article) == []


def feed(title: str) -> bytes:
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in [HEADLINE, *BODY])
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Elwyn Post</title>'
        "<link>https://www.elwynpost.com/</link>"
        f"<item><title>{title}</title><link>{URL}</link><description>{body}</description></item>"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize(("stated", "why"), [("5 hours ago", "date"), ("Elwyn Post", "outlet"), ("By Jane Doe", "byline")])
def test_a_feed_item_title_that_is_no_headline_gives_way_to_its_first_line(stated: str, why: str) -> None:
    [outcome] = read_feed(feed(stated), source="feed.xml", max_file_bytes=1_000_000)
    assert outcome.article.title == HEADLINE
    assert passed_over(outcome.article) == [(stated, f"title ({why})")]
    assert outcome.article.paragraphs == BODY


@pytest.mark.parametrize(
    "stated",
    [f"UPDATE: {HEADLINE}", f"{HEADLINE} (updated)", f"{HEADLINE} (Update)", f"Updated - {HEADLINE}"],
)
def test_an_update_label_is_no_part_of_the_headline(stated: str) -> None:
    article = record(title=stated, text="\n\n".join(BODY))
    assert article.title == HEADLINE
    assert [s.reason for s in article.stripped if s.text in stated] == ["update-label"]
    [outcome] = read_feed(feed(stated), source="feed.xml", max_file_bytes=1_000_000)
    assert outcome.article.title == HEADLINE


def test_a_headline_about_updates_keeps_its_words() -> None:
    article = record(title="Update your phone before the ferry app closes", text="\n\n".join(BODY))
    assert article.title == "Update your phone before the ferry app closes"
