"""Outlet, agency, dates, language, and what finalize fills in."""

from __future__ import annotations

from datetime import datetime

import pytest

from storyline.ingest import IngestError, finalize
from storyline.ingest.language import detect_language, normalise_language
from storyline.ingest.metadata import agency_in, outlet_from_url, parse_date
from storyline.model import Article, Stripped


@pytest.mark.parametrize(
    ("url", "outlet"),
    [("https://www.themoscowtimes.com/2022/12/18/a79729", "The Moscow Times"),
     ("https://edition.cnn.com/2023/03/14/world/storm", "CNN"),
     ("https://www.bbc.co.uk/news/world-123", "BBC"),
     ("https://news.example-daily.co.uk/story", "Example Daily"),
     ("https://www.dailyherald-tribune.com/news/x", "Daily Herald Tribune"),
     ("https://www.x7q2.net/a", "x7q2.net"),
     ("not a url", None), (None, None)],
)  # fmt: skip
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("text", "agency"),
    [("AFP", "AFP"), ("By Jane Doe, Agence France-Presse", "AFP"), ("The Associated Press", "AP"),
     ("Reporting by John Roe; Editing by Ann Smith (Reuters)", "Reuters"), ("dpa/AFP", "dpa"),
     ("Xinhua", "Xinhua"), ("Anadolu Agency", "Anadolu"), ("Jane Doe", None), ("Apple", None), (None, None)],
)  # fmt: skip
def test_agency_in(text: str | None, agency: str | None) -> None:
    assert agency_in(text) == agency


@pytest.mark.parametrize(
    ("text", "value"),
    [("December 18, 2022", datetime(2022, 12, 18)), ("18 déc. 2022", datetime(2022, 12, 18)),
     ("2022-12-18T10:00:00+03:00", datetime(2022, 12, 18, 7, 0)), ("18. Dezember 2022", datetime(2022, 12, 18)),
     ("Sunday", None), ("12", None), ("Iran said on Sunday it did", None)],
)  # fmt: skip
def test_parse_date(text: str, value: datetime | None) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    ("text", "code"),
    [("Iran said on Sunday that it does not need anyone's permission to develop relations with Russia.", "en"),
     ("L'Iran a déclaré dimanche qu'il n'avait besoin de la permission de personne pour développer ses relations.", "fr"),
     ("Der Iran erklärte am Sonntag, er brauche für die Beziehungen zu Russland niemandes Erlaubnis.", "de"),
     ("Иран заявил в воскресенье, что ему не нужно ничье разрешение для развития отношений с Россией.", "ru"),
     ("OK then", "und")],
)  # fmt: skip
def test_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "headline",
    ["Harbour Master Not Lovin' New Fees", "Ruritania Stocks Tank In February",
     "Elwyn Shipping Corp (ELW) March Sales Decline", "Petrenko slams Elwyn Harbour CEO"],
)  # fmt: skip
def test_short_headlines_are_not_read_as_rare_languages(headline: str) -> None:
    # py3langid alone calls these Luxembourgish, Nigerian Pidgin, Welsh and Breton.
    assert detect_language(headline) == "en"


def test_finalize_fills_and_keeps() -> None:
    article = Article(id="", title="Storm hits coast", paragraphs=["A storm hit the northern coast on Tuesday, officials said."],
                      url="https://apnews.com/article/storm", byline="By The Associated Press", language="EN-us")  # fmt: skip
    finalize(article)
    assert article.outlet == "AP News" and article.agency == "AP" and article.language == "en"
    assert len(article.id) == 16 and article.content_hash == article.compute_hash()
    same_url = finalize(Article(id="", title="Other", paragraphs=["Different text entirely here."], url=article.url))
    assert same_url.id == article.id  # the id follows the URL
    given = finalize(Article(id="my-id", title="T", paragraphs=["Body text of the article."]))
    assert given.id == "my-id"


def test_finalize_prefers_known_outlet_over_host_name() -> None:
    article = finalize(Article(id="", title="T", paragraphs=["Body."], url="https://www.nytimes.com/x", outlet="www.nytimes.com"))
    assert article.outlet == "The New York Times"
    named = finalize(Article(id="", title="T", paragraphs=["Body."], url="https://www.nytimes.com/x", outlet="NYT Cooking"))
    assert named.outlet == "NYT Cooking"


def test_finalize_refuses_empty_article() -> None:
    with pytest.raises(IngestError, match="no article text"):
        finalize(Article(id="", title="Only a title", paragraphs=["  ", ""]))


@pytest.mark.parametrize(
    ("given", "code"),
    [("en", "en"), ("EN_gb", "en"), ("eng", "en"), ("fre", "fr"), ("fra", "fr"), ("English", "en"),
     ("Persian", "fa"), ("haw", "haw"), ("", None), ("12", None)],
)  # fmt: skip
def test_language_names_and_three_letter_codes_become_iso_639_1(given: str, code: str | None) -> None:
    assert normalise_language(given) == code


SPANISH = ("El ayuntamiento de Puerto Elwyn aprobó el martes el presupuesto del nuevo muelle después de un largo "
           "debate. La alcaldesa Olga Petrenko dijo que las obras empezarán en mayo y durarán dos años. Los "
           "pescadores pidieron que el puerto siga abierto durante las obras y el consejo prometió estudiarlo. ")


def test_a_long_text_overrules_a_template_language_a_short_one_does_not() -> None:
    spanish = finalize(Article(id="", title="Muelle", paragraphs=[SPANISH * 2], language="en"))
    assert spanish.language == "es"
    short = finalize(Article(id="", title="Muelle", paragraphs=[SPANISH[:120]], language="en"))
    assert short.language == "en"  # too short to contradict the page
    norwegian = finalize(Article(id="", title="Havn", paragraphs=[
        "Kommunestyret i Port Elwyn vedtok tirsdag budsjettet for den nye kaien etter en lang debatt. " * 6],
        language="nb"))
    assert norwegian.language == "nb"  # py3langid's "no" or "da" is no disagreement


@pytest.mark.parametrize(
    ("url", "outlet"),
    [("https://elwynpost.net/news/1", "elwynpost.net"),  # "Elwyn" is no common English word: no "Elwynpost"
     ("https://www.thegardenpost.de/x", "thegardenpost.de"),  # a German domain is not split into English words
     ("https://www.beirutobserver.com/x", "Beirut Observer"), ("https://www.inexhibit.com/x", "inexhibit.com"),
     ("https://www.harbour.gov/x", "harbour.gov"),  # one common word alone may be what the site is about
     ("https://port-elwyn-gazette.com/x", "Port Elwyn Gazette"),  # hyphens part the words
     ("https://www.rtp.pt/x", "RTP"), ("https://www.nbcsports.com/x", "NBC Sports")],  # no vowel: an acronym
)  # fmt: skip
def test_a_domain_is_split_into_words_only_when_they_are_common_english_words(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("sitename", "outlet"),
    [("Ruritania Herald", "Ruritania Herald"), ("herald.example.rt", None),
     ("Ruritania Herald | Breaking News, Sport and Weather", None),
     ("Breaking news sport weather and culture from Port Elwyn and Ruritania", None),
     ("Elwyn_Post", None), ("Elwynpost_", None)],  # account handles
)  # fmt: skip
def test_a_declared_site_name_is_an_outlet_unless_it_is_a_whole_seo_title(sitename: str, outlet: str | None) -> None:
    from types import SimpleNamespace

    from storyline.ingest.html import named_outlet

    assert named_outlet(SimpleNamespace(sitename=sitename)) == outlet


@pytest.mark.parametrize(
    ("byline", "url", "kept"),
    [("Elwynpost net", "https://elwynpost.net/a", None),  # the site's own name
     ("Www Elwynpost Info; Olga Petrenko", "https://elwynpost.info/a", "Olga Petrenko"),  # a URL
     ("Admin", "https://elwynpost.net/a", None), ("redaktion", "https://elwynpost.net/a", None),
     ("Name", "https://elwynpost.net/a", None),  # a form's placeholder
     ("Elwyn https; Cdnelwyn; I; Logo Png", "https://elwynpost.net/a", None),  # a logo's URL split into words
     ("Текст Ольга Петренко", "https://elwynpost.net/a", "Ольга Петренко"), ("Text: Ines Vidal", None, "Ines Vidal"),
     ("Elwyn Creating Search Engine Api Message", "https://elwynpost.net/a", None),  # a menu, no name
     ("Olga Petrenko and Lena Fisk", "https://elwynpost.net/a", "Olga Petrenko; Lena Fisk"),  # two people
     ("Marco Bell, Staff Writer", "https://elwynpost.net/a", "Marco Bell, Staff Writer"),  # one, and a role
     ("By Lena Fisk, Reuters", "https://elwynpost.net/a", "By Lena Fisk, Reuters"),
     ("Teilen", "https://elwynpost.de/a", None), ("Share", None, None), ("Partager", None, None),  # share buttons
     ("Compartir", None, None), ("Share on Facebook; Ruth Adler", None, "Ruth Adler"), ("Artikel teilen", None, None),
     ("Sharon Post", None, "Sharon Post")],
)  # fmt: skip
def test_bylines_that_name_no_one_are_dropped(byline: str, url: str, kept: str | None) -> None:
    article = finalize(Article(id="", title="Pier", paragraphs=["The council backed the pier."], url=url, byline=byline))
    assert article.byline == kept


def test_a_dateline_under_a_caption_and_a_date_line_is_found() -> None:
    article = finalize(Article(id="", title="Pier", language="en", paragraphs=[
        "FILE PHOTO: Olga Petrenko speaks in Port Elwyn, Ruritania, March 2, 2024. REUTERS/Lena Fisk",
        "March 3, 2024",
        "PORT ELWYN (Reuters) – The council backed the new pier on Monday after a long debate.",
        "Work starts in May."]))
    assert article.agency == "Reuters" and article.paragraphs[0].startswith("The council backed")
    assert [s.reason for s in article.stripped] == ["caption", "date", "dateline"]
    assert article.captions[0].startswith("FILE PHOTO") and article.published == datetime(2024, 3, 3)
    story = finalize(Article(id="", title="Pier", paragraphs=["The council met.", "PORT ELWYN (Reuters) – Not a dateline here."]))
    assert story.agency is None and len(story.paragraphs) == 2  # a dateline only under a caption or date


def test_cyrillic_datelines_with_an_agency() -> None:
    article = finalize(Article(id="", title="Причал", paragraphs=[
        "ПОРТ-ЭЛВИН, 12 марта (Рейтер) - Городской совет одобрил строительство нового причала в понедельник."]))
    assert article.agency == "Reuters" and article.paragraphs[0].startswith("Городской совет")
    assert article.extra["dateline_place"] == "ПОРТ-ЭЛВИН"


def test_a_video_blurb_above_a_dateline_goes_with_it() -> None:
    """A dateline opens the story: short paragraphs above a dateline on its own line (a video's blurb and its
    credit) or above a sure one (with its state or country, or with no agency: a dek) are no story."""
    article = finalize(Article(id="", title="Pier", language="en", paragraphs=[
        "The Port Elwyn council backs a new pier after a long fight with the harbour board.",
        "Ruth Adler has that story.",
        "WASHINGTON —",
        "The council backed the new pier on Monday after a long debate.",
        "Work starts in May."]))
    assert article.paragraphs == ["The council backed the new pier on Monday after a long debate.", "Work starts in May."]
    assert [s.reason for s in article.stripped] == ["above the dateline", "above the dateline", "dateline"]
    assert article.extra["dateline_place"] == "WASHINGTON" and not article.captions
    sure = finalize(Article(id="", title="Pier", paragraphs=[
        "Olga Petrenko at the pier in Port Elwyn on Sunday.",
        "PORT ELWYN, Ruritania — The council backed the new pier on Monday."]))
    assert sure.paragraphs == ["The council backed the new pier on Monday."]
    own = finalize(Article(id="", title="Ferry", paragraphs=[
        "Crossings to the islands resume after a week of talks between the union and the harbour board.",
        "PORT ELWYN ― As the ferry left the pier on Monday, Marco Bell counted the cars aboard.",
        "The union backed the deal."]))
    assert own.paragraphs[0].startswith("As the ferry left the pier")  # a paper's own dateline, no agency
    assert [s.reason for s in own.stripped] == ["above the dateline", "dateline"]


@pytest.mark.parametrize(
    ("url", "outlet"),
    [("https://ruritaniawatch.wordpress.com/2026/05/02/ferry", "ruritaniawatch.wordpress.com"),
     ("https://www.port-elwyn-notes.wordpress.com/ferry", "Port Elwyn Notes"),
     ("https://port-elwyn-news.blogspot.co.uk/2026/05/ferry.html", "Port Elwyn News"),
     ("https://elwyndispatch.substack.com/p/ferry", "elwyndispatch.substack.com"),
     ("https://medium.com/@marcobell/ferry-strike-1f2e", "Marco Bell"),
     ("https://medium.com/@zq7x/ferry-strike-1f2e", "medium.com/@zq7x"),
     ("https://medium.com/ferry-strike-1f2e", "medium.com"),  # no site of its own named: the host
     ("https://sports.espn.go.com/nba/news/story", "ESPN"),  # a known site on a network's host
     ("https://wordpress.org/news/2026/05/release", "wordpress.org")],
)  # fmt: skip
def test_a_blog_on_a_hosting_site_is_named_by_its_subdomain(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


def _wire(paragraphs: list[str], **fields: str) -> Article:
    return finalize(Article(id="", title="Ferry strike halts crossings", paragraphs=paragraphs, **fields))


_LEDE = "The ferry strike halted all crossings to Port Elwyn on Monday, the union said."


def test_an_unknown_agencys_initials_are_its_credit_where_a_credit_stands() -> None:
    dateline = _wire([f"PORT ELWYN (RPA) — {_LEDE}", "Talks resume on Tuesday."])
    assert (dateline.agency, dateline.paragraphs[0], "dateline_source" in dateline.extra) == ("RPA", _LEDE, False)
    opening = _wire([f"(RPA) — {_LEDE}", "Talks resume on Tuesday."])
    assert (opening.agency, opening.paragraphs[0]) == ("RPA", _LEDE)
    for credit in ("— RPA", "(RPA)", "/RPA", "Quelle: RPA"):
        closing = _wire([_LEDE, "Talks resume on Tuesday.", credit])
        assert (closing.agency, closing.paragraphs[-1], closing.stripped[-1].reason) == (
            "RPA", "Talks resume on Tuesday.", "byline"), credit


def test_a_dpa_signature_run_into_the_last_sentence_is_split_off() -> None:
    for last, signature in (("Das sagte Olga Petrenko.dpa", "dpa"), ("Das sagte Olga Petrenko. dpa/lsw", "dpa/lsw")):
        article = _wire([_LEDE, last])
        assert (article.paragraphs[-1], article.stripped[-1].text, article.agency) == (
            "Das sagte Olga Petrenko.", signature, "dpa")
    assert _wire([_LEDE, "Der Vertrag kam von der Firma Elwyndpa"]).agency is None


def test_initials_elsewhere_or_the_sites_own_credit_no_agency() -> None:
    assert _wire([f"The RPA said the {_LEDE}", "NATO."]).agency is None  # running text; a bare word closing it
    assert _wire([f"(Port Elwyn) — {_LEDE}", "More."]).agency is None  # a place in brackets
    assert _wire([f"Port Elwyn Authority (PEA): {_LEDE}", "More."]).agency is None  # the words before, abbreviated
    own = _wire([f"PORT ELWYN (PEH) — {_LEDE}", "More."], outlet="Port Elwyn Herald")
    assert (own.agency, own.extra["dateline_source"]) == (None, "PEH")
    assert _wire([f"PORT ELWYN (ELWYNPOST) — {_LEDE}"], url="https://elwynpost.com/a").agency is None
    station = Article(id="", title="Ferry", paragraphs=[f"PORT ELWYN (KPEH) — {_LEDE}"], extra={"copyright": "KPEH-TV"})
    assert finalize(station).agency is None  # the station the page's copyright line names


def test_a_stations_call_sign_in_a_dateline_names_the_outlet_not_an_agency() -> None:
    for sign in ("KPEH", "WPEH", "KPE", "WPEH-TV"):
        station = _wire([f"PORT ELWYN, Ruritania ({sign}) -- {_LEDE}", "More."])
        assert (station.agency, station.outlet, station.paragraphs[0]) == (None, sign, _LEDE), sign
    on_a_site = _wire([f"PORT ELWYN (KPEH) — {_LEDE}", "More."], outlet="Port Elwyn Herald")
    assert (on_a_site.agency, on_a_site.outlet) == (None, "Port Elwyn Herald")
    for agency in ("KUNA", "WAM"):  # agencies whose initials read as a call sign
        assert _wire([f"PORT ELWYN ({agency}) — {_LEDE}", "More."]).agency == agency


def test_a_network_stations_name_in_a_dateline_names_the_outlet() -> None:
    for station in ("CBSPE", "NBCPE", "FOX5", "ABC7PE"):
        article = _wire([f"PORT ELWYN ({station}) — {_LEDE}", "More."])
        assert (article.agency, article.outlet, article.paragraphs[0]) == (None, station, _LEDE), station


def test_a_stations_bare_credit_opening_the_story_is_stripped_as_its_dateline() -> None:
    for station in ("KPEH", "WPEH-TV", "NBCPE"):
        article = _wire([f"({station}) — {_LEDE}", "More."])
        assert (article.paragraphs[0], article.agency, article.outlet) == (_LEDE, None, station), station
        assert article.stripped[-1] == Stripped(f"({station}) —", "dateline")


_PAGE = """<html><head><title>Ferry strike halts crossings {sep} {suffix}</title>{meta}</head><body><article>
<h1>Ferry strike halts crossings</h1><p>{lede} Olga Petrenko said talks would resume on Tuesday in the capital.</p>
<p>Marco Bell, who runs the harbour office, said the pier would stay closed until the crews came back.</p>
</article><footer>{footer}</footer></body></html>"""


@pytest.mark.parametrize(
    ("url", "sep", "suffix", "meta", "footer", "outlet"),
    [("https://www.elwynpost.com/a", "|", "The Elwyn Post", "", "", "The Elwyn Post"),  # the domain spells it
     ("https://www.pehtv.com/a", "-", "Home", "", "© 2026 PEH TV, LLC. All rights reserved.", "PEH TV"),
     ("https://www.peh.com/a", "-", "Port Elwyn Herald", "", "", "Port Elwyn Herald"),  # its initials
     ("https://www.elwynpost.com/a", "|", "Harbour News", "", "© 2026 Ruritania Media Group", "elwynpost.com"),
     ("https://www.elwynpost.com/a", "|", "Harbour", '<meta property="og:site_name" content="Elwyn Post – News">', "",
      "Elwyn Post"),  # a part of a declared SEO title
     ("https://www.elwynpost.com/a", "|", "elwynpost", "", "", "elwynpost.com"),  # the label again, in lower case
     ("https://www.nytimes.com/a", "|", "NYTimes", "", "", "The New York Times")],  # a known outlet's name first
)  # fmt: skip
def test_an_html_page_names_its_outlet_where_its_domain_spells_it(
    url: str, sep: str, suffix: str, meta: str, footer: str, outlet: str
) -> None:
    from storyline.ingest.htmlpage import read_html

    page = _PAGE.format(sep=sep, suffix=suffix, meta=meta, footer=footer, lede=_LEDE)
    assert read_html(page, source="p.html", url=url).outlet == outlet


@pytest.mark.parametrize(
    ("title", "body", "code"),
    [
        ("Havenarbeiders Rotterdam staken om loon",
         "Havenarbeiders in de haven van Rotterdam hebben maandag het werk neergelegd, zei de vakbond.", "nl"),
        ("Borsa: Milano apre in rialzo", "La Borsa di Milano ha aperto in rialzo, trainata dai titoli bancari.", "it"),
        ("Beurs Amsterdam hoger", "Beurs Amsterdam hoger", "und"),  # headline-only: the headline, too short to tell
    ],
)  # fmt: skip
def test_an_articles_language_is_read_from_its_body_not_its_headline(title: str, body: str, code: str) -> None:
    """Main read headline and body together: the Dutch headline over one sentence made it Norwegian (the Italian
    headline alone reads as Portuguese; with its body it was right on main too)."""
    article = Article(id="", title=title, paragraphs=[body])
    finalize(article)
    assert article.language == code
