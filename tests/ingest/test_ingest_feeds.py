"""RSS/Atom entries: ids, titles, links, outlets, captions and linked pages as a feed gives them."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import read_paths
from storyline.model import Stripped
from storyline.store import open_store

LEDE = "The Ruritanian parliament approved the new harbour budget on Monday after a long debate."
SECOND = "Olga Petrenko, the harbour master, said work on the northern pier would start in May."


def _rss(items: str, *, channel: str = "<title>Ruritania Herald</title><link>https://herald.example.rt/</link>") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel>{channel}{items}</channel></rss>"
    )


def _item(body: str | None = f"<p>{LEDE}</p><p>{SECOND}</p>", *, extra: str = "", **fields: str) -> str:
    """An RSS item: ``<name>value</name>`` per field, ``extra`` markup, the body as an escaped description."""
    markup = "".join(f"<{name}>{value}</{name}>" for name, value in fields.items()) + extra
    if body is not None:
        escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        markup += f"<description>{escaped}</description>"
    return f"<item>{markup}</item>"


def _read(tmp_path: Path, name: str, feed: str) -> list:
    path = tmp_path / name
    path.write_text(feed, encoding="utf-8")
    outcomes = list(read_paths([path], max_file_bytes=1_000_000))
    assert [o.error for o in outcomes] == [None] * len(outcomes)
    return [o.article for o in outcomes]


def test_same_guid_in_two_feeds_is_two_articles_and_reingest_updates_one(tmp_path: Path) -> None:
    herald = _rss(_item(title="Harbour budget approved", guid="1"))
    gazette = _rss(
        _item(f"<p>{SECOND}</p>", title="Pier works begin", guid="1"),
        channel="<title>Strelsau Gazette</title><link>https://gazette.example.rt/</link>",
    )
    (first,), (other,) = _read(tmp_path, "herald.rss", herald), _read(tmp_path, "gazette.rss", gazette)
    assert first.id != other.id and first.extra["guid"] == other.extra["guid"] == "1"
    assert first.url is None  # a bare <guid>1</guid> is no permalink
    (again,) = _read(tmp_path, "herald-later.rss", herald.replace("Monday", "Tuesday"))
    assert again.id == first.id
    store = open_store(tmp_path / "lib.db")
    try:
        statuses = [r.status for r in store.add_articles([first, other, again, again])]
    finally:
        store.close()
    assert statuses == ["new", "new", "new-version", "duplicate"]


def test_item_without_title_keeps_its_lede(tmp_path: Path) -> None:
    (article,) = _read(tmp_path, "untitled.rss", _rss(_item(guid="h-7")))
    assert article.title == ""
    assert article.paragraphs == [LEDE, SECOND]


def test_relative_links_resolve_against_the_feed(tmp_path: Path) -> None:
    rss = _rss(_item(title="Harbour budget approved", link="/news/2024/03/harbour"))
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>Strelsau Gazette</title><link href="https://gazette.example.rt/world/"/>'
        '<entry><title>Pier works begin</title><id>g-1</id><link href="articles/pier.html"/>'
        f'<content type="html">&lt;p&gt;{SECOND}&lt;/p&gt;</content></entry>'
        '<entry xml:base="https://archive.example.rt/2024/"><title>Old pier</title><id>g-2</id>'
        f'<link href="pier.html"/><content type="html">&lt;p&gt;{LEDE}&lt;/p&gt;</content></entry></feed>'
    )
    (herald,) = _read(tmp_path, "herald.rss", rss)
    pier, archived = _read(tmp_path, "gazette.atom", atom)
    assert herald.url == "https://herald.example.rt/news/2024/03/harbour"
    assert pier.url == "https://gazette.example.rt/world/articles/pier.html"
    assert archived.url == "https://archive.example.rt/2024/pier.html"


def test_channel_title_is_every_items_outlet_unless_the_item_names_its_source(tmp_path: Path) -> None:
    items = (
        _item(title="Harbour budget approved", link="https://example.com/harbour")
        + _item(title="Pier works begin", link="https://herald.example.rt/pier")
        + _item(title="Ferry timetable", link="https://herald.example.rt/ferry",
                extra='<source url="https://wire.example.rt/">Ruritanian Press Agency</source>')
    )  # fmt: skip
    articles = _read(tmp_path, "herald.rss", _rss(items))
    assert [a.outlet for a in articles] == ["Ruritania Herald", "Ruritania Herald", "Ruritanian Press Agency"]


def test_titles_lose_markup_and_entities(tmp_path: Path) -> None:
    items = (
        "<item><title><![CDATA[<b>Breaking:</b> Keeper&#8217;s cottage sold]]></title>"
        f"<description>{LEDE}</description></item>"
        f"<item><title>Second &amp;amp; item</title><description>{SECOND}</description></item>"
    )
    first, second = _read(tmp_path, "herald.rss", _rss(items))
    assert first.title == "Breaking: Keeper\u2019s cottage sold"
    assert second.title == "Second & item"


def test_content_captions_are_stripped_and_author_is_a_name(tmp_path: Path) -> None:
    caption = "The keeper's cottage above the Strelsau harbour. Photo: Olga Petrenko"
    item = (
        "<item><title>Keeper's cottage sold</title><author>editor@example.com (Jon Reyes)</author>"
        f"<content:encoded><![CDATA[<p>{LEDE}</p><figure><img src='c.jpg'/><figcaption>{caption}</figcaption>"
        f"</figure><p>{SECOND}</p>]]></content:encoded></item>"
    )
    (article,) = _read(tmp_path, "herald.rss", _rss(item))
    assert article.paragraphs == [LEDE, SECOND]
    assert article.captions == [caption] and Stripped(caption, "caption") in article.stripped
    assert article.byline == "Jon Reyes"


def test_linked_local_page_keeps_guid_and_url_and_a_missing_one_is_named(tmp_path: Path, html_page) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "storm.html").write_text(html_page(), encoding="utf-8")
    items = _item(None, guid="h-9", link="pages/storm.html") + _item(None, link="pages/none.html")
    path = tmp_path / "herald.rss"
    path.write_text(_rss(items), encoding="utf-8")
    page, missing = read_paths([path], max_file_bytes=1_000_000)
    assert page.error is None and "storm would weaken" in page.article.text
    assert page.article.extra["guid"] == "h-9" and page.article.url == "https://herald.example.rt/pages/storm.html"
    assert page.article.outlet == "Ruritania Herald"
    assert missing.article is None and missing.error == "linked page pages/none.html not found"


def test_entities_in_a_plain_text_body_are_decoded_once(tmp_path: Path) -> None:
    body = f"{LEDE} Costs rose, the ministry said: spending &amp;lt; income no longer."
    (article,) = _read(tmp_path, "plain.rss", _rss(_item(body, title="Budget passes")))
    assert "spending &lt; income" in article.text  # the feed escaped "&lt;" once; it is text, not a "<"


def test_an_item_with_only_a_summary_is_partial(tmp_path: Path) -> None:
    full = f"<content:encoded><![CDATA[<p>{LEDE}</p><p>{SECOND}</p>]]></content:encoded>"
    feed = _rss(_item(title="Budget", link="https://herald.example.rt/1") + _item(None, extra=full, title="Pier", link="https://herald.example.rt/2"))
    summary, content = _read(tmp_path, "f.rss", feed)
    assert summary.extra.get("partial") is True and "partial" not in content.extra


def test_feed_and_page_titles_lose_the_site_name(tmp_path: Path) -> None:
    feed = _rss(_item(title="Council backs the pier - Elwyn Post", link="https://www.elwynpost.com/pier")
                + _item(title="Harbour fees to double: Elwyn Post", link="https://www.elwynpost.com/fees")
                + _item(title="Brexit: what the pier vote means", link="https://www.elwynpost.com/vote"))
    pier, fees, vote = _read(tmp_path, "f.rss", feed)
    assert (pier.title, fees.title) == ("Council backs the pier", "Harbour fees to double")
    assert Stripped("Elwyn Post", "title-suffix") in pier.stripped
    assert vote.title == "Brexit: what the pier vote means"  # a colon joining a headline stays
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Council backs the pier | Elwynpost</title></head><body><article>"
                    f"<h1>Council backs the pier</h1><p>{LEDE}</p><p>{SECOND}</p></article></body></html>")
    [article] = _read(tmp_path, "page.html", page.read_text())
    assert article.title == "Council backs the pier"


def test_wordpress_footer_and_read_more_links_leave_feed_text(tmp_path: Path) -> None:
    body = (f"<p>{LEDE}</p><p>{SECOND}</p><p>The post <a href='https://herald.example.rt/1'>Budget</a> appeared first"
            " on <a href='https://herald.example.rt'>Ruritania Herald</a>.</p>")
    teaser = f"{LEDE[:60]} &hellip; <a href='https://herald.example.rt/2'>Read more</a>"
    budget, pier = _read(tmp_path, "wp.rss", _rss(_item(body, title="Budget", link="https://herald.example.rt/1")
                                                  + _item(teaser, title="Pier", link="https://herald.example.rt/2")))
    assert budget.paragraphs == [LEDE, SECOND]
    assert Stripped("The post Budget appeared first on Ruritania Herald.", "boilerplate") in budget.stripped
    assert pier.text.endswith("…") and "Read more" not in pier.text and pier.extra["partial"]


def test_an_entry_date_that_cannot_be_read_is_told(tmp_path: Path) -> None:
    """As for a CSV row: the article is kept, undated or dated by its URL, with a warning naming the entry."""
    feed = _rss(
        _item(title="Harbour budget approved", pubDate="Mon, 14 Mar 2023 09:00:00 GMT")
        + _item(title="Pier works begin", pubDate="not a date")
        + _item(title="Ferry strike ends", pubDate="sometime", link="https://herald.example.rt/2023/03/15/ferry-strike-ends")
        + _item(title="Port Elwyn council meets again over the harbour budget and the pier works", pubDate="soon")
    )
    path = tmp_path / "dates.rss"
    path.write_text(feed, encoding="utf-8")
    outcomes = list(read_paths([path], max_file_bytes=1_000_000))
    assert [o.article.published is not None for o in outcomes] == [True, False, True, False]
    assert [o.warning for o in outcomes] == [  # warnings name the file: each names its entry
        None,
        "entry 'Pier works begin': date 'not a date' is no readable date: kept undated",
        "entry 'Ferry strike ends': date 'sometime' is no readable date: dated by its URL",
        "entry 'Port Elwyn council meets again over the harbour budget and…': date 'soon' is no readable date: kept undated",
    ]


_UNSHOWN = ("<script>var tracker = 'ruritania';</script><style>.ad { color: red }</style>"
            "<noscript>Enable JavaScript to see the comments.</noscript><template><p>Hidden teaser</p></template>"
            "<nav><a href='/'>Home</a> <a href='/harbour'>Harbour</a></nav>")
_MARKED = f"<p>{LEDE}</p>{_UNSHOWN}<p>{SECOND}</p><p>Subscribe to our newsletter for more news from the harbour.</p>"
_XHTML = _MARKED.replace("'", '"')  # well-formed XML inside the Atom entry


def _atom(content: str, kind: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ruritania Herald'
            '</title><link href="https://herald.example.rt/"/><entry><title>Budget</title><id>b-1</id>'
            f'<link href="https://herald.example.rt/b"/><content type="{kind}">{content}</content></entry></feed>')


def _escaped(markup: str) -> str:
    return markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_an_entrys_markup_in_any_wrapping_gives_clean_text_without_scripts_or_furniture(tmp_path: Path) -> None:
    feeds = {
        "cdata.rss": _rss(_item(None, extra=f"<content:encoded><![CDATA[{_MARKED}]]></content:encoded>", title="B")),
        "escaped-in-cdata.rss": _rss(_item(None, title="B", extra=f"<content:encoded><![CDATA[{_escaped(_MARKED)}]]>"
                                                                  "</content:encoded>")),
        "html.atom": _atom(_escaped(_MARKED), "html"),
        "html-escaped-twice.atom": _atom(_escaped(_escaped(_MARKED)), "html"),
        "xhtml.atom": _atom(f'<div xmlns="http://www.w3.org/1999/xhtml"><div>{_XHTML}</div></div>', "xhtml"),
        "page.rss": _rss(_item(None, title="B", extra="<content:encoded><![CDATA[<html><head><title>Budget | Herald"
                                                      f"</title></head><body>{_MARKED}</body></html>]]></content:encoded>")),
    }
    for name, feed in feeds.items():
        (article,) = _read(tmp_path, name, feed)
        assert article.paragraphs == [LEDE, SECOND], name  # was: tags, code, "Enable JavaScript", menus, a title
        assert Stripped("Subscribe to our newsletter for more news from the harbour.", "newsletter") in article.stripped
