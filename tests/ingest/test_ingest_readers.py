"""Each reader on a small input of its kind, through the public API."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

from storyline.ingest import read_file, read_paths, read_text


def _ok(outcomes):
    return [o.article for o in outcomes if o.article is not None]


def test_plain_text_with_byline_date_and_source_url(story: list[str]) -> None:
    text = (
        "Storm hits northern coast\n\nBy Jane Doe, Reuters\n\nMarch 14, 2023\n\n"
        + "\n\n".join(story)
        + "\n\nOriginal url: https://www.reuters.com/world/storm-hits-coast-2023-03-14/\n"
    )
    article = read_text(text, source="t.txt")
    assert article.title == "Storm hits northern coast"
    assert article.byline == "Jane Doe, Reuters" and article.agency == "Reuters"
    assert article.published == datetime(2023, 3, 14)
    assert article.url == "https://www.reuters.com/world/storm-hits-coast-2023-03-14/"
    assert article.outlet == "Reuters"
    assert article.paragraphs == story
    assert article.language == "en" and len(article.id) == 16


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    wrapped = (
        "Council approves new budget\n\n"
        "The city council approved a new budget on Monday after a long\n"
        "debate about spending on schools, roads and public transport in\n"
        "the coming year.\n\n"
        "The mayor said the plan would balance the books by 2025.\n"
    )
    article = read_text(wrapped, source="w.txt")
    assert article.paragraphs[0].startswith("The city council approved a new budget on Monday after a long debate")
    assert len(article.paragraphs) == 2


def test_json_object_list_and_aliases(tmp_path: Path, limit: int) -> None:
    records = [
        {"id": "given-1", "link": "https://www.lemonde.fr/a", "headline": "Tempête sur la côte",
         "content": "Une violente tempête a frappé la côte nord mardi, privant d'électricité des milliers de foyers.",
         "pubDate": "2023-03-14T08:00:00+01:00", "author": ["Jean Dupont"]},
        {"title": "Storm", "body": ["First paragraph of the story about the storm.", "Second paragraph of it."],
         "date": 1678780800, "site_name": "Example Daily", "lang": "en-GB"},
    ]  # fmt: skip
    path = tmp_path / "items.json"
    path.write_text(json.dumps({"status": "ok", "items": records}), encoding="utf-8")
    first, second = _ok(read_paths([path], max_file_bytes=limit))
    assert first.id == "given-1" and first.outlet == "Le Monde" and first.title == "Tempête sur la côte"
    assert first.published == datetime(2023, 3, 14, 7, 0) and first.byline == "Jean Dupont"
    assert first.language == "fr" and first.source.endswith("items.json#0")
    assert second.paragraphs == ["First paragraph of the story about the storm.", "Second paragraph of it."]
    assert second.outlet == "Example Daily" and second.language == "en"
    assert second.published == datetime(2023, 3, 14, 8, 0)


def test_jsonl_with_html_record(tmp_path: Path, limit: int, story: list[str], html_page) -> None:
    lines = [
        json.dumps({"id": "a", "title": "Storm", "text": "".join(f"<p>{p}</p>" for p in story)}),
        json.dumps({"id": "b", "url": "https://www.bbc.co.uk/news/storm", "html": html_page()}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert [o.error for o in outcomes] == [None, None]
    text_article, html_article = (o.article for o in outcomes)
    assert text_article.id == "a" and text_article.paragraphs == story
    assert html_article.id == "b" and html_article.outlet == "BBC"
    assert "storm would weaken" in html_article.text and "Copyright" not in html_article.text


def test_rss_entries_from_content_and_local_page(tmp_path: Path, limit: int, html_page) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "storm.html").write_text(html_page(), encoding="utf-8")
    rss = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.com/</link>
<item><title>Budget approved</title><link>https://wire.example.com/budget</link>
<pubDate>Mon, 13 Mar 2023 10:00:00 GMT</pubDate><guid>wire-42</guid>
<description>&lt;p&gt;The city council approved a new budget on Monday.&lt;/p&gt;&lt;p&gt;The mayor welcomed the vote.&lt;/p&gt;</description></item>
<item><title>Storm hits northern coast</title><link>pages/storm.html</link></item>
</channel></rss>"""
    path = tmp_path / "wire.rss"
    path.write_text(rss, encoding="utf-8")
    budget, storm = _ok(read_paths([path], max_file_bytes=limit))
    assert budget.title == "Budget approved" and budget.extra["guid"] == "wire-42" and len(budget.id) == 16
    assert budget.paragraphs == ["The city council approved a new budget on Monday.", "The mayor welcomed the vote."]
    assert budget.published == datetime(2023, 3, 13, 10, 0)
    assert budget.outlet == storm.outlet == "Example Wire"
    assert "storm would weaken" in storm.text and storm.extra["page"].endswith("storm.html")


def test_atom_feed(tmp_path: Path, limit: int) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Bridge reopens</title><id>urn:uuid:1</id><link href="https://atom.example.net/bridge"/>
<updated>2023-03-15T09:30:00Z</updated><author><name>Ann Smith</name></author>
<content type="html">&lt;p&gt;The old bridge reopened to traffic on Wednesday after two years of repairs.&lt;/p&gt;</content>
</entry></feed>"""
    (article,) = _ok(read_paths([_write(tmp_path, "news.atom", atom)], max_file_bytes=limit))
    assert article.byline == "Ann Smith" and article.published == datetime(2023, 3, 15, 9, 30)
    assert article.paragraphs == ["The old bridge reopened to traffic on Wednesday after two years of repairs."]


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_records(tmp_path: Path, limit: int, gzip: bool, html_page, warc_bytes) -> None:
    data = warc_bytes(
        [
            ("https://www.theguardian.com/world/storm", "text/html; charset=utf-8", html_page(date=None).encode()),
            ("https://www.theguardian.com/logo.png", "image/png", b"\x89PNG\r\n"),
        ],
        gzip=gzip,
    )
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data)
    outcomes = list(read_paths([path], max_file_bytes=limit))
    assert len(outcomes) == 2 and outcomes[0].error is None and outcomes[1].skipped  # the image
    article = outcomes[0].article
    assert article.url == "https://www.theguardian.com/world/storm" and article.outlet == "The Guardian"
    assert article.published is None  # the page has none; a crawl of old pages would date them all today
    assert article.extra["captured"].startswith("20")  # WARC-Date kept as the capture time
    assert outcomes[0].source.endswith("#https://www.theguardian.com/world/storm")


def test_directory_glob_and_hidden_files(tmp_path: Path, limit: int, story: list[str]) -> None:
    body = "\n\n".join(story)
    _write(tmp_path, "b/2.txt", "Second story\n\n" + body)
    _write(tmp_path, "a.txt", "First story\n\n" + body)
    _write(tmp_path, ".hidden.txt", "Hidden\n\n" + body)
    _write(tmp_path, ".git/x.txt", "Hidden too\n\n" + body)
    titles = [a.title for a in _ok(read_paths([tmp_path], max_file_bytes=limit))]
    assert titles == ["First story", "Second story"]
    titles = [a.title for a in _ok(read_paths([str(tmp_path / "*.txt")], max_file_bytes=limit))]
    assert titles == ["First story"]


def test_stdin(monkeypatch: pytest.MonkeyPatch, limit: int, story: list[str]) -> None:
    data = ("Storm hits northern coast\n\n" + "\n\n".join(story)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (outcome,) = read_paths(["-"], max_file_bytes=limit)
    assert outcome.source == "stdin" and outcome.article.title == "Storm hits northern coast"


def test_html_file_and_read_file(tmp_path: Path, story: list[str], html_page) -> None:
    (article,) = read_file(_write(tmp_path, "page.htm", html_page()))
    assert article.title == "Storm hits northern coast" and article.paragraphs == story
    assert article.published == datetime(2023, 3, 14)


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_gzipped_page_and_text_opening_with_a_url(tmp_path: Path, limit: int, story: list[str], html_page) -> None:
    import gzip

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html_page().encode("utf-8")))
    _write(tmp_path, "link.txt", "<https://www.example.com/storm>\n\nStorm hits northern coast\n\n" + "\n\n".join(story))
    outcomes = list(read_paths([tmp_path / "page.html.gz", tmp_path / "link.txt"], max_file_bytes=limit))
    assert [o.error for o in outcomes] == [None, None]
    assert outcomes[0].article.paragraphs == story
    assert outcomes[1].article.title == "Storm hits northern coast"
    assert outcomes[1].article.url == "https://www.example.com/storm"
    assert outcomes[1].article.paragraphs == story


def test_json_exports_of_news_apis(tmp_path: Path, limit: int) -> None:
    wordpress = json.dumps([{
        "id": 4711, "date": "2024-03-11T22:10:00", "link": "https://herald.example.rt/ferry",
        "title": {"rendered": "Ferry &#8211; tug crash injures 14"},
        "content": {"rendered": "<p>Fourteen people were hurt when a ferry struck a tug off Port Elwyn.</p><p>Olga Petrenko, the harbour master, said the tug's steering failed.</p>"},
    }])
    newsapi = json.dumps({"status": "ok", "articles": [{
        "source": {"name": "Ruritania Herald"}, "title": "Ferry hits tug in Port Elwyn - Ruritania Herald",
        "url": "https://herald.example.rt/news/1", "publishedAt": "2024-03-11T21:30:00Z",
        "content": "Fourteen people were hurt when a ferry struck a tug, the harbour master said… [+1834 chars]",
    }]})
    wp, api = _ok(read_paths([_write(tmp_path, "wp.json", wordpress), _write(tmp_path, "api.json", newsapi)], max_file_bytes=limit))
    assert wp.title == "Ferry – tug crash injures 14" and wp.id == "4711"
    assert wp.paragraphs[1].startswith("Olga Petrenko") and "<p>" not in wp.text
    assert api.title == "Ferry hits tug in Port Elwyn" and api.outlet == "Ruritania Herald"
    assert api.published == datetime(2024, 3, 11, 21, 30)
    assert "chars]" not in api.text and api.text.endswith("…")
    assert api.extra["partial"] is True and "partial" not in wp.extra


def test_summaries_and_cut_texts_are_marked_partial(tmp_path: Path, limit: int) -> None:
    records = [
        {"url": "https://herald.example.rt/a", "title": "Pier vote", "description": "The council backed the pier."},
        {"url": "https://herald.example.rt/b", "title": "Pier vote", "text": "The council backed the pier, and then..."},
        {"url": "https://herald.example.rt/c", "title": "Pier vote", "text": "The council backed the pier on Monday."},
    ]
    summary, cut, whole = _ok(read_paths([_write(tmp_path, "x.json", json.dumps(records))], max_file_bytes=limit))
    assert summary.extra.get("partial") and cut.extra.get("partial") and not whole.extra.get("partial")


def test_csv_and_tsv_exports_one_article_per_row(tmp_path: Path, limit: int) -> None:
    csv_text = (
        "ID,TITLE,URL,PUBLISHER,TIMESTAMP,Text\n"
        '7,"Ferry hits tug, 14 hurt",https://herald.example.rt/ferry,Ruritania Herald,1710194400000,'
        '"Fourteen people were hurt when a ferry struck a tug off Port Elwyn.\n\nOlga Petrenko, the harbour master, said the steering failed."\n'
        "8,Port Elwyn harbour fees to double,https://herald.example.rt/fees,Ruritania Herald,1710280800,\n"
        "\n"
        "9,too,many,fields,here,1,2\n"
    )
    tsv_text = "headline\tbody\tdate\nCouncil backs the new pier\tThe council voted for the pier on Monday.\t2024-03-12\n"
    outcomes = list(read_paths([_write(tmp_path, "export.csv", csv_text), _write(tmp_path, "more.tsv", tsv_text)], max_file_bytes=limit))
    ferry, fees, pier = _ok(outcomes)
    assert ferry.id == "7" and ferry.title == "Ferry hits tug, 14 hurt" and ferry.outlet == "Ruritania Herald"
    assert ferry.published == datetime(2024, 3, 11, 22, 0) and ferry.paragraphs[1].startswith("Olga Petrenko")
    assert ferry.source.endswith("export.csv#L2")
    # A row with only a headline is a headline-only article, dated by epoch seconds written as digits.
    assert fees.paragraphs == ["Port Elwyn harbour fees to double"] and fees.extra["headline_only"] is True
    assert fees.published == datetime(2024, 3, 12, 22, 0)
    assert pier.title == "Council backs the new pier" and pier.published == datetime(2024, 3, 12)
    (bad,) = [o for o in outcomes if o.error]
    assert bad.source.endswith("export.csv#L7") and "7 fields, the header 6" in bad.error


def test_regex_escaped_outlet_names_and_urls_read_plain(tmp_path: Path, limit: int) -> None:
    # an aggregator export writes "Herald \(blog\)" and "page.aspx\?id=7"; a report showed the backslashes
    csv_text = (
        "TITLE,URL,PUBLISHER\n"
        "Ferry hits tug,http://herald.example.rt/page.aspx\\?id=7,Ruritania Herald \\(blog\\)\n"
    )
    (ferry,) = _ok(read_paths([_write(tmp_path, "export.csv", csv_text)], max_file_bytes=limit))
    assert (ferry.outlet, ferry.url) == ("Ruritania Herald (blog)", "http://herald.example.rt/page.aspx?id=7")


def test_record_titles_are_plain_text_tags_dropped_and_entities_decoded(tmp_path: Path, limit: int) -> None:
    # an aggregator export keeps a headline's inline HTML: every face showed "<em>" as written
    csv_text = (
        "TITLE,PUBLISHER\n"
        '"Why the finale of <em>Harbour Lights</em> split its fans",Elwyn Screen\n'
        "Caf&#233; owners in Port Elwyn fight the rent rise,Elwyn Wire\n"
        "AT&T profit < forecast as fees bite,Elwyn Wire\n"
    )
    records = json.dumps([{
        "title": "Q&amp;A: the <i>Ruritania</i> vote<br/>explained",
        "text": "Voters in Ruritania chose a new parliament on Sunday, officials said.",
    }])  # fmt: skip
    outcomes = read_paths([_write(tmp_path, "export.csv", csv_text), _write(tmp_path, "qa.json", records)], max_file_bytes=limit)
    finale, cafe, profit, vote = _ok(list(outcomes))
    assert finale.title == finale.text == "Why the finale of Harbour Lights split its fans"
    assert cafe.title == "Café owners in Port Elwyn fight the rent rise"
    assert profit.title == "AT&T profit < forecast as fees bite"  # a bare "&" or "<" is text, not markup
    assert vote.title == "Q&A: the Ruritania vote explained"


def test_records_and_feed_items_with_only_a_headline(tmp_path: Path, limit: int) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Elwyn Wire</title><link>https://wire.example/</link>'
        "<item><title>Port Elwyn harbour reopens</title><link>https://wire.example/a</link></item>"
        "<item><link>https://wire.example/b</link></item></channel></rss>"
    )
    records = json.dumps([{"title": "Ruritania votes on Sunday", "url": "https://n.example/vote"}, {"url": "https://n.example/x"}])
    outcomes = list(read_paths([_write(tmp_path, "wire.rss", feed), _write(tmp_path, "items.json", records)], max_file_bytes=limit))
    harbour, vote = _ok(outcomes)
    assert harbour.text == "Port Elwyn harbour reopens" and harbour.outlet == "Elwyn Wire" and harbour.extra["headline_only"]
    assert vote.text == vote.title == "Ruritania votes on Sunday"
    errors = sorted(o.error for o in outcomes if o.error)
    assert errors == [
        "feed entry has no content, summary, local page or title",
        "record has no text (fields: text/body/content), no html and no title",
    ]


def test_semicolon_csv_with_a_byte_order_mark_and_german_headers(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "hafen.csv"
    path.write_bytes("\ufefftitel;text;datum\n\"Hafen schließt\";\"Der Hafen von Port Elwyn schließt am Montag, teilte die Stadt mit.\";2024-03-04\n".encode())
    (article,) = _ok(read_paths([path], max_file_bytes=limit))
    assert (article.title, article.published, article.language) == ("Hafen schließt", datetime(2024, 3, 4), "de")


def test_gdelt_records_give_seendate_domain_and_language_name(tmp_path: Path, limit: int) -> None:
    record = {"url": "https://www.elwynpost.com/pier", "title": "Council backs the pier", "seendate": "20240311T213000Z",
              "domain": "www.elwynpost.com", "language": "English",
              "text": "The Port Elwyn council backed the new pier on Monday, Olga Petrenko said."}
    [article] = _ok(read_paths([_write(tmp_path, "gdelt.jsonl", json.dumps(record) + "\n")], max_file_bytes=limit))
    assert (article.published, article.outlet, article.language) == (datetime(2024, 3, 11, 21, 30), "elwynpost.com", "en")


def test_a_bare_url_on_the_last_line_is_the_articles_url(story: list[str]) -> None:
    # copied pages that end with their address showed "unknown outlet" in every comparison
    text = "Ferry resumes in Port Elwyn\n\n" + "\n\n".join(story) + "\n\nhttps://www.reuters.com/world/port-elwyn-ferry/\n"
    article = read_text(text, source="t.txt")
    assert article.url == "https://www.reuters.com/world/port-elwyn-ferry/" and article.outlet == "Reuters"
    assert article.paragraphs == story and ("https://www.reuters.com/world/port-elwyn-ferry/", "source-url") in [
        (s.text, s.reason) for s in article.stripped
    ]


_FERRY = "Ferry crews walked out at Port Elwyn early on Friday morning over pay, the crews' union said on Friday."


def test_text_header_lines_name_outlet_date_author_url_and_language() -> None:
    text = (
        "Outlet: Ruritania Herald\nDate: 2026-05-02\nAuthor: Olga Petrenko\nURL: https://herald.example/ferry\n"
        f"Language: en\n\nFerry strike halts crossings - Ruritania Herald\n\n{_FERRY}\n"
    )
    article = read_text(text, source="ferry.txt")
    assert (article.title, article.outlet, article.byline) == ("Ferry strike halts crossings", "Ruritania Herald",
                                                                "Olga Petrenko")
    assert (article.url, article.published, article.language) == ("https://herald.example/ferry",
                                                                  datetime(2026, 5, 2), "en")
    assert article.paragraphs == [_FERRY]
    assert {"outlet", "date", "byline", "source-url", "language"} <= {s.reason for s in article.stripped}


def test_text_header_lines_below_the_title_and_a_closing_source() -> None:
    text = f"Ferry strike halts crossings\nPublisher: Harbour Gazette\nBy: Olga Petrenko\n\n{_FERRY}"
    below = read_text(text, source="a.txt")
    assert (below.outlet, below.byline, below.paragraphs) == ("Harbour Gazette", "Olga Petrenko", [_FERRY])
    closing = read_text(f"Ferry strike halts crossings\n\n{_FERRY}\n\nSource: Harbour Gazette", source="b.txt")
    assert closing.outlet == "Harbour Gazette" and closing.captions == []
    assert ("Source: Harbour Gazette", "outlet") in {(s.text, s.reason) for s in closing.stripped}


def test_a_chart_source_in_the_body_stays_a_caption() -> None:
    text = f"Ferry strike halts crossings\n\n{_FERRY}\n\nSource: company filings\n\nThe union meets on Monday."
    article = read_text(text, source="c.txt")
    assert article.outlet is None and "Source: company filings" in article.captions


def test_plain_text_reads_closed_character_references_only() -> None:
    """A URL's "&region=" or "&copy=" is no entity: only references closed by ";" are read."""
    text = (
        "Outlet: Ruritania Herald\n"
        "URL: https://herald.example/ferry?id=7&region=north&copy=1\n\n"
        "Ferry strike halts crossings to Port Elwyn\n\n"
        "Olga Petrenko said the crossings to Port Elwyn stop &amp; the harbour&#8217;s cafés close &notice.\n"
    )
    article = read_text(text, source="t.txt")
    assert article.url == "https://herald.example/ferry?id=7&region=north&copy=1"
    assert "stop & the harbour\u2019s cafés close &notice." in article.text


def test_an_outlet_header_names_a_long_outlet_with_an_ampersand() -> None:
    text = f"Outlet: The Port Elwyn Evening Gazette & Star\nDate: 2026-05-02\n\nFerry strike halts crossings\n\n{_FERRY}"
    article = read_text(text, source="long.txt")
    assert (article.outlet, article.title) == ("The Port Elwyn Evening Gazette & Star", "Ferry strike halts crossings")
    closing = read_text(f"Ferry strike halts crossings\n\n{_FERRY}\n\nSource: Port authority figures for the whole year", source="credit.txt")
    assert closing.outlet is None  # a closing "Source:" line of many words is a credit, not an outlet
