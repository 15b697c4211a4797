"""The HTML reader: body without captions/widgets, metadata found, bad pages refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.ingest import finalize
from storyline.ingest.errors import IngestError
from storyline.ingest.html import extract_html
from storyline.model import Stripped

BODY = [
    "The city council voted on Monday to expand the tram network to the northern districts, ending a debate that had lasted two years.",
    "Supporters said the new line would cut commuting times by a third and take thousands of cars off the road every day.",
    "Opponents argued that the cost, estimated at 400 million euros, would force cuts to bus services elsewhere in the city.",
    "Construction is expected to begin next spring and the first trams should run before the end of the decade, the mayor said.",
]


def page(extra_body: str = "", head: str = "", tail: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><title>Council backs tram extension</title>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta property='og:url' content='https://news.example.org/trams'>"
        "<meta name='author' content='Jane Doe'>"
        "<meta property='article:published_time' content='2023-05-02T09:30:00'>"
        f"{head}<style>p {{ color: red }}</style></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Council backs tram extension</h1>"
        "<figure><img src='tram.jpg'><figcaption>A tram in the city centre. Photo: John Smith</figcaption></figure>"
        f"{paragraphs}{extra_body}<script>var tracking = 'secret-script-text';</script></article>"
        f"{tail}<footer>Copyright 2023 The Daily Example</footer></body></html>"
    )


def test_body_paragraphs_and_metadata() -> None:
    article = extract_html(page(), source="trams.html")
    assert article.paragraphs == BODY
    assert article.title == "Council backs tram extension"
    assert article.byline == "Jane Doe"
    assert article.outlet == "The Daily Example"
    assert article.url == "https://news.example.org/trams"
    assert article.language == "en"
    assert article.published == datetime(2023, 5, 2, 9, 30)
    assert article.published.tzinfo is None
    assert article.source == "trams.html"


def test_outlet_only_when_the_page_names_it() -> None:
    unnamed = page().replace("<meta property='og:site_name' content='The Daily Example'>", "")
    assert extract_html(unnamed, url="https://www.news-site.example/x").outlet is None


def test_given_url_wins_over_canonical() -> None:
    assert extract_html(page(), url="https://mirror.example.net/a").url == "https://mirror.example.net/a"


def test_caption_kept_out_of_body_but_labelled() -> None:
    article = extract_html(page())
    assert article.captions == ["A tram in the city centre. Photo: John Smith"]
    assert "Photo: John Smith" not in article.text
    assert any(s.reason == "caption" and "tram in the city" in s.text for s in article.stripped)


def test_credit_line_in_body_joins_the_captions() -> None:
    article = extract_html(page(extra_body="<p>Photo: Anna Berg/Reuters</p>"))
    assert "Anna Berg" not in article.text
    assert "Photo: Anna Berg/Reuters" in article.captions


def test_script_and_style_never_in_text() -> None:
    text = extract_html(page()).text
    assert "secret-script-text" not in text
    assert "color: red" not in text


def test_a_self_closed_script_tag_keeps_its_code_out_of_the_text() -> None:
    """``<script/>`` then code then ``</script>``: a browser runs the code, lxml alone read it as page text (a recipe
    page opened with "(function() { document.addEventListener(...")."""
    from storyline.ingest.html import parse_html

    code = "(function() { document.addEventListener('DOMContentLoaded', function() { track('ferry'); }); })();"
    html = (
        '\r\n<!DOCTYPE html>\r\n<html lang="en"><head><title>Ferry deal</title><meta charset="utf-8" /></head><body>'
        f'<form id="f"><div>\r\n<script type="text/javascript"/>\n{code}\n</script></div>'
        f"<div><h1>Ferry deal</h1>{''.join(f'<p>{p}</p>' for p in BODY)}<p>Ruth Adler agreed.</p></div></form></body></html>"
    )
    (script,) = [node for node in parse_html(html).iter("script") if "track(" in (node.text or "") + (node.tail or "")]
    assert "track('ferry')" in (script.text or "") and not (script.tail or "").strip()
    article = extract_html(html)
    assert "addEventListener" not in article.text and article.paragraphs[-1] == "Ruth Adler agreed."
    assert extract_html(page(extra_body='<script src="/ads.js"/><p>Ruth Adler agreed.</p>')).paragraphs[-1] == "Ruth Adler agreed."


def test_a_script_in_the_heading_stays_out_of_the_title() -> None:
    html = page().replace(
        "<title>Council backs tram extension</title>", "<title>Port Elwyn tram</title>"
    ).replace("<h1>Council backs tram extension</h1>", "<h1>Council backs <script>alert(1)</script> tram extension</h1>")
    article = extract_html(html)
    assert "alert" not in article.title and "tram extension" in article.title
    assert article.published == datetime(2023, 5, 2, 9, 30)  # metadata still read


@pytest.mark.parametrize("logo", ["<a href='/'><h1>Elwyn Post</h1></a>", "<h1><a href='https://elwyn.example/'>Elwyn Post</a></h1>"])
def test_the_site_name_as_the_pages_only_heading_is_no_headline(logo: str) -> None:
    """A heading that links home is the site's name over every page: the page's <title> has the headline."""
    html = (
        page()
        .replace("<title>Council backs tram extension</title>", "<title>Council backs tram extension - Elwyn Post</title>")
        .replace("<h1>Council backs tram extension</h1>", "")
        .replace("<nav>", f"<header>{logo}</header><nav>")
    )
    assert extract_html(html).title == "Council backs tram extension"
    linked = html.replace(logo, "<h1><a href='/2023/05/02/council-backs-tram-extension'>Council backs tram extension</a></h1>")
    assert extract_html(linked).title == "Council backs tram extension"  # a headline linking to its own page stays


def test_a_galleries_pager_and_counter_are_no_text() -> None:
    """Previous/next links written together ("ÖncekiSonraki") and "1 / 22" beside a gallery are pagination."""
    pager = "<a rel='prev' href='/g-p22'><span>Önceki</span></a><a rel='next' href='/g-p2'><span>Sonraki</span></a>"
    article = extract_html(page(extra_body="<p>1 / 22</p>").replace("<article><h1>Council backs tram extension</h1>",
                                                                    f"<article><h1>Council backs tram extension</h1>{pager}"))
    assert article.paragraphs == BODY
    assert [s.text for s in article.stripped if s.reason == "pagination"] == ["ÖncekiSonraki", "1 / 22"]
    assert extract_html(page(extra_body="<p>Olga Petrenko won 3 / 4 votes.</p>")).paragraphs[-1].endswith("3 / 4 votes.")
    assert extract_html(page(extra_body="<ul><li>1/4</li><li>cup butter</li></ul>")).paragraphs[-2:] == ["1/4", "cup butter"]


def test_widgets_and_related_links_dropped() -> None:
    extra = (
        "<p>Sign up for our daily newsletter to get the latest news.</p>"
        "<p>Advertisement</p>"
        "<h2>More stories</h2><ul>"
        "<li><a href='/a'>Bus fares to rise in January after council vote</a></li>"
        "<li><a href='/b'>New cycle lanes open along the river</a></li>"
        "<li><a href='/c'>Airport rail link delayed again</a></li></ul>"
    )
    article = extract_html(page(extra_body=extra))
    assert article.paragraphs == BODY
    reasons = {s.reason for s in article.stripped}
    assert {"newsletter", "advertisement"} <= reasons


def test_malformed_html_survives() -> None:
    broken = page().replace("</p>", "", 2).replace("</article>", "") + "<div><span><p>unclosed"
    article = extract_html(broken.encode("utf-8"))
    assert BODY[0] in article.text
    assert BODY[-1] in article.text


def test_bytes_in_legacy_encoding() -> None:
    html = page().replace("two years", "deux années à Besançon").replace("<head>", "<head><meta charset='iso-8859-1'>")
    article = extract_html(html.encode("iso-8859-1"))
    assert "deux années à Besançon" in article.text


@pytest.mark.parametrize("html", ["", "   ", "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_page_without_text_is_refused(html: str) -> None:
    with pytest.raises(IngestError):
        extract_html(html)


def test_a_copyright_year_is_no_publication_date() -> None:
    undated = page().replace("<meta property='article:published_time' content='2023-05-02T09:30:00'>", "")
    assert extract_html(undated, source="trams.html").published is None  # was 2023-01-01 from the footer
    assert extract_html(page(), source="trams.html").published == datetime(2023, 5, 2, 9, 30)


def test_a_year_alone_in_the_text_is_no_publication_date() -> None:
    undated = page(extra_body="<p>Since early 2019 the Port Elwyn trams have run every ten minutes.</p>").replace(
        "<meta property='article:published_time' content='2023-05-02T09:30:00'>", "").replace("Copyright 2023", "")
    assert extract_html(undated, source="trams.html").published is None  # was 2019-01-01
    new_year = undated.replace("Since early 2019", "On January 1, 2019,")
    assert extract_html(new_year, source="trams.html").published == datetime(2019, 1, 1)


def test_a_number_opening_the_slug_is_no_day_of_the_url() -> None:
    numbered = "https://herald.example/2023/05/3-reasons-port-elwyn-keeps-its-trams/"
    assert extract_html(page(), url=numbered, source="trams.html").published == datetime(2023, 5, 2, 9, 30)  # was 3 May
    filed = "https://herald.example/2023/05/03/port-elwyn-keeps-its-trams/"
    assert extract_html(page(), url=filed, source="trams.html").published == datetime(2023, 5, 3)  # the URL's day


def test_a_page_of_menus_only_is_no_article() -> None:
    menus = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ruritania Herald – Sections</title></head><body>"
        "<nav><ul>" + "".join(f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in ("Home", "News", "Politics", "Sport"))
        + "</ul></nav><div class='menu'><a href='/about'>About us</a> | <a href='/contact'>Contact</a> | "
        "<a href='/terms'>Terms of use</a></div><footer>© 2024 Ruritania Herald</footer></body></html>"
    )  # trafilatura flattens it into one line of link texts
    with pytest.raises(IngestError, match="only links"):
        extract_html(menus, source="sections.html")
    assert extract_html(page(extra_body="<p>Read more: <a href='/a'>Tram plans</a></p>"), source="t.html").paragraphs


def test_a_date_line_above_the_story_is_stripped_as_date() -> None:
    dated = page().replace("<h1>Council backs tram extension</h1>", "<h1>Council backs tram extension</h1><p>May 2, 2023</p>")
    article = extract_html(dated, source="trams.html")
    assert article.paragraphs == BODY
    assert Stripped("May 2, 2023", "date") in article.stripped


def test_page_furniture_is_recorded_with_its_kind() -> None:
    banner = "<div id='CookieBanner'>We use cookies on this site. <button>Accept</button><script>x()</script></div>"
    aside = "<aside><h3>Related</h3><a href='/ferry'>Ferry fares rise in Port Elwyn</a></aside>"
    article = extract_html(page(head="", tail=banner + aside), source="trams.html")
    reasons = {s.text: s.reason for s in article.stripped}
    assert reasons["Home World"] == "page furniture (nav)"
    assert reasons["Copyright 2023 The Daily Example"] == "page furniture (footer)"
    assert reasons["Related Ferry fares rise in Port Elwyn"] == "page furniture (aside)"
    assert reasons["We use cookies on this site. Accept"] == "page furniture (cookie notice)"
    assert article.paragraphs == BODY


def test_page_furniture_is_bounded() -> None:
    menu = "<nav>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(500)) + "</nav>"
    asides = "".join(f"<aside>Ruritania briefing number {i}</aside>" for i in range(50))
    article = extract_html(page(tail=menu + asides), source="trams.html")
    furniture = [s.text for s in article.stripped if s.reason.startswith("page furniture")]
    assert len(furniture) <= 12 and sum(map(len, furniture)) <= 2000 + 12 * 2
    assert furniture[1].endswith(" …") and len(furniture[1]) <= 302


def test_a_story_set_only_in_an_aside_is_read() -> None:
    """trafilatura drops ``<aside>`` unread; when nothing else on the page is an article, the aside is the story."""
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    story = (
        "<html><head><title>Council backs tram extension</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<main><aside class='story'><h1>Council backs tram extension</h1>{paragraphs}</aside></main>"
        "<footer>Contact</footer></body></html>"
    )
    assert extract_html(story, source="aside.html").paragraphs == BODY
    related = page(tail="<aside><h3>Related</h3><a href='/ferry'>Ferry fares rise in Port Elwyn</a></aside>")
    assert extract_html(related, source="trams.html").paragraphs == BODY  # an article elsewhere: the aside stays out


def test_a_staff_credit_block_signs_an_unsigned_page() -> None:
    body = "".join(
        f"<p>{sentence} The ferry crews of Port Elwyn stayed out for a second week, the union said.</p>"
        for sentence in ("Crossings to Ruritania were halted.", "Talks stalled over pay.", "A reduced service may run.")
    )
    credit = "Reporting by Olga Petrenko; Writing by Ruth Adler; Editing by Ines Vidal"
    html = f"<html><head><title>Ferry strike</title></head><body><article>{body}<p>{credit}</p></article></body></html>"
    article = finalize(extract_html(html, source="f.html"))
    assert article.byline == "Olga Petrenko; Ruth Adler"
    assert credit not in article.paragraphs and credit in {s.text for s in article.stripped}


def test_a_page_cut_short_is_partial_and_a_page_leaving_its_closing_tags_out_is_not() -> None:
    """A save or download cut mid-text holds only the start of its article: marked partial, it never replaces
    the whole text of its URL in the store. A page that leaves out ``</body></html>`` ends on a tag."""
    whole = page()
    cut = whole[: whole.index(BODY[2]) + 40]
    assert extract_html(cut, source="trams-cut.html").extra.get("partial") is True
    assert extract_html(cut.encode(), source="trams-cut.html").extra.get("partial") is True
    assert not extract_html(whole, source="trams.html").extra.get("partial")
    unclosed = whole.removesuffix("</body></html>")
    assert not extract_html(unclosed, source="trams.html").extra.get("partial")
    fragment = "".join(f"<p>{p}</p>" for p in BODY) + " Read more"  # a feed's or a record's html: no document
    assert not extract_html(fragment, source="feed.xml").extra.get("partial")
