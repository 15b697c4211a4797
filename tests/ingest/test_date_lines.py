"""Date lines the plain-text reader reads as the publication date, and lines it must not."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.ingest.text import parse_text

BODY = (
    "The council voted on Tuesday to close the old bridge to traffic after engineers found cracks "
    "in two of its supporting piers during a routine inspection."
)


def _read(date_line: str, language_body: str = BODY) -> tuple[datetime | None, str]:
    article = parse_text(f"Council closes old bridge\n\n{date_line}\n\n{language_body}", source="t.txt")
    return article.published, " ".join(article.paragraphs)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("18 September 2013 Last updated at 13:59 GMT", "2013-09-18"),
        ("on September 14, 2013 11:41am | Updated on September 15, 2013 11:41am", "2013-09-14"),
        ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", "2007-04-10"),
        ("FOR IMMEDIATE RELEASE July 13, 2009", "2009-07-13"),
        ("Released 2013-09-28 05:08:35 GMT", "2013-09-28"),
        ("7:15 a. m. Dec. 7, 2009", "2009-12-07"),
        ("8:05am UK, Monday 16 September 2013", "2013-09-16"),
        ("12/16/08 1:30 AM EST", "2008-12-16"),
        ("on April 30, 2008 at 4:31 AM, updated May 2, 2008 at 8:33 AM", "2008-04-30"),
        ("05/02/2013", "2013-05-02"),
        ("Posted on November 15, 2011 6:07:15 PM GMT+01:0", "2011-11-15"),  # the zone cut short
        ("Edited on Mon Dec-19-05 03:49 PM", "2005-12-19"),  # a forum's post time, its year in two digits
        ("On behalf of Harbour & Pier, LLP. posted in Road Accidents on Friday, September 20, 2013.", "2013-09-20"),
    ],
)
def test_date_line_is_read_and_stripped(line: str, day: str) -> None:
    published, body = _read(line)
    assert published is not None and published.date().isoformat() == day
    assert line not in body


def test_spanish_date_line_with_a_repeated_year() -> None:
    body = (
        "El consejo municipal votó el martes el cierre del viejo puente al tráfico después de que los "
        "ingenieros encontraran grietas en dos de sus pilares durante una inspección."
    )
    published, _ = _read("2010 8 de junio de 2010", body)
    assert published == datetime(2010, 6, 8)


@pytest.mark.parametrize(
    "line",
    [
        "Obama met Putin on March 5, 2008.",
        "The summit opened on March 5, 2008 in Paris.",
        "Updated 9:06 AM",
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",  # the day the page was saved
    ],
)
def test_sentence_naming_a_date_is_not_a_date_line(line: str) -> None:
    published, body = _read(line)
    assert published is None
    assert line in body


def test_an_undated_text_is_dated_by_the_day_its_url_files_it_under() -> None:
    from storyline.ingest import read_text

    url = "https://news.example.org/world/2021/03/09/port-elwyn-bridge-closes.html?ref=2019/01/01/"
    article = read_text(f"Council closes old bridge\nURL: {url}\n\n{BODY}", source="t.txt")
    assert article.url == url and article.published == datetime(2021, 3, 9)
    dated = read_text(f"Council closes old bridge\nURL: {url}\n\n12 March 2021\n\n{BODY}", source="t.txt")
    assert dated.published == datetime(2021, 3, 12)  # the article's own date line wins


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.org/2021-03-09-bridge-closes", datetime(2021, 3, 9)),
        ("https://example.org/news/bridge-closes/", None),
        ("https://example.org/2021/13/45/bridge", None),  # no such day
        ("https://example.org/news?day=2021/03/09/", None),  # a query is no filing path
        ("https://example.org/2021/03/7-reasons-the-bridge-closes/", None),  # the slug's number, no day
        ("https://example.org/world/2013/sep/16/bridge-closes", datetime(2013, 9, 16)),  # a month's short name
        ("https://example.org/2005/JUN/26/local/bridge", datetime(2005, 6, 26)),
        ("https://example.org/2013/feb/30/bridge", None),
        ("https://example.org/2013/new/02/bridge", None),  # no month
        ("https://example.org/2008/12/bridge-closes.html", None),  # a month, no day
        ("https://example.org/2011/bridge-closes.html", None),  # a year only
        ("https://example.org/news/20110412/bridge", None),  # an eight-digit folder may be an id
        (None, None),
    ],
)
def test_date_from_url_reads_only_a_full_day_in_the_path(url: str | None, day: datetime | None) -> None:
    from storyline.ingest.metadata import date_from_url

    assert date_from_url(url) == day


def test_a_url_date_is_marked_and_never_overrides_a_stated_one() -> None:
    from storyline.ingest import read_text
    from storyline.ingest.records import article_from_record

    url = "https://news.example.org/world/2021/mar/09/port-elwyn-bridge-closes"
    article = read_text(f"Council closes old bridge\nURL: {url}\n\n{BODY}", source="t.txt")
    assert article.published == datetime(2021, 3, 9) and article.extra["date_source"] == "url"
    dated = read_text(f"Council closes old bridge\nURL: {url}\n\nPosted: 12 March 2021\n\n{BODY}", source="t.txt")
    assert dated.published == datetime(2021, 3, 12) and "date_source" not in dated.extra
    record = article_from_record({"url": url, "published": "2021-03-11T08:00:00Z", "text": BODY}, source="r.json")
    assert record.published == datetime(2021, 3, 11, 8) and "date_source" not in record.extra


def test_a_labelled_date_line_under_a_standfirst_is_read() -> None:
    """A standfirst ends the header; a date line below it counts when a part of it is labelled ("| Updated")."""
    standfirst = "The council says the old bridge will close to all traffic from Monday while engineers inspect it."
    published, body = _read(f"{standfirst}\n\nMonday, Sep 10, 2012 | Updated 9:01 AM EDT")
    assert published == datetime(2012, 9, 10)
    assert "Updated" not in body


def test_a_posted_sentence_in_the_body_is_no_date_line() -> None:
    """The credit line is read only above the first paragraph: a later sentence saying when a video was posted is
    body."""
    published, body = _read(f"{BODY}\n\nThe clip was posted on its website on Friday, September 20, 2013.")
    assert published is None and "posted on its website" in body
