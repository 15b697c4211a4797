"""Cleaning rules, one by one, on lines modelled on real pages in several languages."""

from __future__ import annotations

import pytest

from storyline.ingest import clean, read_text
from storyline.ingest.metadata import site_names


@pytest.mark.parametrize(
    "line",
    ["Share", "Tweet", "Share on Facebook", "Share this:", "Spread the word", "Facebook Twitter WhatsApp Email",
     "Click to share on X (Opens in new window)", "Teilen Sie dies mit:", "Diesen Artikel teilen", "Partager sur Facebook",
     "Compartir en WhatsApp", "Condividi", "Поделиться", "Drucken"],
)  # fmt: skip
def test_share_widgets(line: str) -> None:
    assert clean.residue_reason(line) == "share-widget"


@pytest.mark.parametrize("line", ["Spread the butter on toast.", "The word of the day", "Love wins", "Print edition"])
def test_sentences_with_share_words_stay(line: str) -> None:
    assert clean.residue_reason(line) != "share-widget"


@pytest.mark.parametrize(
    "line",
    ["Previous Article", "Next Article", "Next post", "Related article: [Bridge Reopens After Repairs](#)",
     "Read more", "Also read: Council approves budget", "Lesen Sie auch: Neue Regeln für Radfahrer",
     "Mehr zum Thema", "Ähnliche Beiträge", "À lire aussi : la réforme des retraites", "Leer más",
     "Zobacz także", "Читайте также: Выборы в регионах", "Advertisement", "Leave a Reply", "12 Comments"],
)  # fmt: skip
def test_navigation(line: str) -> None:
    assert clean.residue_reason(line) == "navigation"


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Copyright © 2023 Example Media. All rights reserved.", "boilerplate"),
     ("Your email address will not be published.", "boilerplate"),
     ("Continue reading the main story", "boilerplate"),
     ("3 hours ago", "timestamp"), ("10H ago", "timestamp"), ("vor 2 Stunden", "timestamp"),
     ("< /p>", "stray-tag"), ("</div>", "stray-tag"), ("•", "symbols"), ("‹ › ×", "symbols")],
)  # fmt: skip
def test_other_residue(line: str, reason: str) -> None:
    assert clean.residue_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    ["Share prices fell sharply on Monday after the central bank raised rates.",
     "Share this information, please?",
     "The next article of the treaty deals with fishing rights.",
     "Related talks will resume in Geneva next week, the ministry said.",
     "Facebook said it would appeal the ruling.",
     "Read more than 300 pages of evidence, the judge told the jury.",
     "He has 12 comments on the draft law, all of them critical.",
     "The company reported revenue of $4.2 billion."],
)  # fmt: skip
def test_body_sentences_are_not_residue(line: str) -> None:
    assert clean.residue_reason(line) is None
    assert not clean.is_credit(line)


@pytest.mark.parametrize(
    "line",
    ["Iranian Presidency via ZUMA Press Wire", "Photo: Jane Doe", "(AFP)", "Getty Images", "AFP/Getty Images",
     "Jane Doe / Reuters", "© Reuters", "Foto: dpa", "(Image credit: NASA)", "TebNad/Shutterstock.com",
     "Crédit photo : AFP"],
)  # fmt: skip
def test_photo_credits(line: str) -> None:
    assert clean.is_credit(line)


def test_stray_tags_removed_inside_paragraphs() -> None:
    text, removed = clean.remove_stray_tags("Officials met on Monday. /p> Talks resumed<br> later </span>.")
    assert text == "Officials met on Monday. Talks resumed later."
    assert removed == ["<br>", "</span>", "/p>"]


def test_markdown_images_are_stripped_as_page_furniture_with_their_reason() -> None:
    lines = [
        "Ferry strike ends in Port Elwyn",
        '![Olga Petrenko at the harbour](https://example.org/img/harbour_(1).jpg "Harbour")',
        "[![](https://example.org/share.png)](https://example.org/share)",
        "Union leader Olga Petrenko said on Monday the ferry strike in Port Elwyn was over after talks with the harbour board.",
        "Crews return to work on Tuesday. ![map](<https://example.org/map of route.png>) The first sailing leaves at noon.",
    ]  # fmt: skip
    article = read_text("\n\n".join(lines), source="strike.md")
    assert article.title == "Ferry strike ends in Port Elwyn"
    assert article.paragraphs[-1] == "Crews return to work on Tuesday. The first sailing leaves at noon."
    assert not any("!" in p or "example.org" in p for p in article.paragraphs)
    assert [s.text for s in article.stripped if s.reason == "image"] == [
        '![Olga Petrenko at the harbour](https://example.org/img/harbour_(1).jpg "Harbour")',
        "[![](https://example.org/share.png)](https://example.org/share)",
        "![map](<https://example.org/map of route.png>)",
    ]


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [("MOSCOW (Reuters) - Russia said on Monday it would respond.", "MOSCOW", "Reuters", "Russia said"),
     ("PARIS, Dec 18 (AFP) - France will host the talks.", "PARIS", "AFP", "France will"),
     ("WASHINGTON (AP) — The Senate passed the bill.", "WASHINGTON", "AP", "The Senate"),
     ("KYIV, Ukraine — Air raid sirens sounded across the country.", "KYIV, Ukraine", None, "Air raid"),
     ("PORT ELWYN BAY, Ruritania — Ferries stopped.", "PORT ELWYN BAY, Ruritania", None, "Ferries stopped"),
     ("PORT ELWYN \u2015 The ferries stopped on Monday.", "PORT ELWYN", None, "The ferries"),  # a horizontal bar
     ("Berlin (dpa) - Die Regierung hat beschlossen.", "Berlin", "dpa", "Die Regierung"),
     ("ОСЛО, 3 марта 2023 (AFP) - Правительство", "ОСЛО", "AFP", "Правительство")],
)  # fmt: skip
def test_datelines(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    dateline = clean.split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)
    assert dateline.rest.startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    ["US officials - including the envoy - met on Monday.", "The talks - which began in May - ended.",
     "NATO - the alliance - met on Monday.",
     "Iran said on Sunday that it does not need permission.", "США — крупнейшая экономика мира."],
)  # fmt: skip
def test_not_datelines(paragraph: str) -> None:
    assert clean.split_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("dateline", "published"),
    [("OSLO, March 3, 2023 (Reuters) -", "2023-03-03"), ("Oslo, 3 mars 2023 (AFP) -", "2023-03-03"),
     ("Oslo, 3. März 2023 (dpa) -", "2023-03-03"), ("OSLO, March 3 (Reuters) -", None),
     ("PORT ELWYN, 1er décembre 2026 (ARP) -", "2026-12-01")],  # French writes the first "1er"
)  # fmt: skip
def test_dateline_with_a_year_dates_an_undated_article(dateline: str, published: str | None) -> None:
    article = read_text(f"Talks resume\n\n{dateline} Negotiators returned to the table on Friday.", source="d.txt")
    assert (article.published.date().isoformat() if article.published else None) == published
    assert article.paragraphs[0] == "Negotiators returned to the table on Friday."


def test_dateline_moves_into_metadata() -> None:
    article = read_text(
        "Talks resume in Geneva\n\nGENEVA, March 3 (Reuters) - Negotiators returned to the table on Friday "
        "after a two-week pause, diplomats said.\n\nThe next round is due in April.",
        source="d.txt",
    )
    assert article.agency == "Reuters" and article.extra["dateline_place"] == "GENEVA"
    assert article.paragraphs[0].startswith("Negotiators returned")
    assert [s.reason for s in article.stripped] == ["dateline"]



@pytest.mark.parametrize("title", ["Ferry strike halts crossings\n\n", ""])
def test_a_dateline_on_its_own_line_moves_into_metadata_and_is_no_title(title: str) -> None:
    """"PORT ELWYN, Ruritania —" alone above the lede is its dateline, never the body's opening or the title."""
    article = read_text(
        f"{title}PORT ELWYN, Ruritania —\n\nOlga Petrenko said on Tuesday that the crossings would stop for a week."
        "\n\nThe next ferry is due in April.",
        source="d.txt",
    )
    assert article.title == ("Ferry strike halts crossings" if title else "")
    assert article.paragraphs[0].startswith("Olga Petrenko said")
    assert article.extra["dateline_place"] == "PORT ELWYN, Ruritania"
    assert [s.text for s in article.stripped if s.reason == "dateline"] == ["PORT ELWYN, Ruritania —"]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://ruritania.example/2024/05/02/ferry-strike-halts-crossings.html?ref=home", "Ferry strike halts crossings"),
        ("https://ruritania.example/news/ferry-strike-halts-crossings/5523411/", "Ferry strike halts crossings"),
        ("https://ruritania.example/qa/5523411.html", ""),  # an id names no headline
        ("https://ruritania.example/news/port-elwyn", ""),  # nor do two words
    ],
)
def test_a_text_without_a_title_line_is_headed_by_its_url(url: str, title: str) -> None:
    """A text opening with its dateline has no title line; its URL's slug heads it, marked as read from the URL."""
    article = read_text(
        f"URL: {url}\n\nPORT ELWYN, Ruritania —\n\nOlga Petrenko said on Tuesday that the crossings would stop.",
        source="d.txt",
    )
    assert article.title == title
    assert article.extra.get("title_from_url", False) == bool(title)


def test_a_title_from_a_url_writes_names_as_the_text_does() -> None:
    """A slug is lower case; the words the article writes capitalised inside its sentences are names."""
    article = read_text(
        "URL: https://ruritania.example/2024/05/02/petrenko-visits-port-elwyn-after-nato-talks\n\n"
        "PORT ELWYN, Ruritania —\n\nVisits by ministers are rare. Olga Petrenko arrived in Port Elwyn on Tuesday, "
        "after talks at NATO. Port officials welcomed Petrenko.",
        source="d.txt",
    )
    assert article.title == "Petrenko visits Port Elwyn after NATO talks"


def test_a_short_capitalised_line_above_prose_is_no_dateline() -> None:
    article = read_text("STRIKE ENDS\n\nNATO - the alliance - met on Monday in Port Elwyn.", source="d.txt")
    assert article.title == "STRIKE ENDS"
    assert article.paragraphs == ["NATO - the alliance - met on Monday in Port Elwyn."]

def test_caption_before_credit_and_captioned_line() -> None:
    article = read_text(
        "Flood waters recede\n\n"
        "Residents wade through a flooded street in the old town on Sunday.\n\nPhoto: Jane Doe\n\n"
        "Flood waters began to recede on Monday, allowing residents to return to their homes and assess damage.\n\n"
        "Volunteers clear mud from a school (Photo by John Roe/Getty Images)\n\n"
        "Officials said repairs would take weeks.",
        source="c.txt",
    )
    assert article.captions == [
        "Residents wade through a flooded street in the old town on Sunday.",
        "Photo: Jane Doe",
        "Volunteers clear mud from a school (Photo by John Roe/Getty Images)",
    ]
    assert article.paragraphs == [
        "Flood waters began to recede on Monday, allowing residents to return to their homes and assess damage.",
        "Officials said repairs would take weeks.",
    ]


def test_menu_run_and_header_after_menu() -> None:
    text = (
        "Port strike ends after deal | Example News\n\nHome\nWorld\nBusiness\nSport\nCulture\nOpinion\n\n"
        "By Maria Garcia\n\nHarbour desk | Updated: 14 March 2023, 09:01 AM\n\n"
        "Dock workers ended a week-long strike on Tuesday after unions and employers agreed a new pay deal.\n\n"
        "Shipping lines said it would take days to clear the backlog.\n\nLeave a Reply Cancel reply\n"
    )
    article = read_text(text, source="m.txt")
    assert article.title == "Port strike ends after deal"
    assert article.byline == "Maria Garcia" and article.published.date().isoformat() == "2023-03-14"
    assert article.paragraphs[0].startswith("Dock workers") and len(article.paragraphs) == 2
    reasons = [s.reason for s in article.stripped]
    assert reasons.count("navigation") == 6 and "boilerplate" in reasons and "title-suffix" in reasons


def test_short_list_in_body_is_kept() -> None:
    text = (
        "Budget at a glance\n\nThe budget funds four priorities this year, the minister said on Monday:\n\n"
        "Schools\nHospitals\nRoads\n\nThe opposition called the plan too timid."
    )
    assert "Hospitals" in read_text(text, source="l.txt").paragraphs


@pytest.mark.parametrize(
    ("title", "head", "suffix"),
    [("Iran says it needs no permission | War in Ukraine", "Iran says it needs no permission", "War in Ukraine"),
     ("Storm hits the northern coast - BBC", "Storm hits the northern coast", "BBC"),
     ("Storm hits the northern coast – The Washington Post", "Storm hits the northern coast", "The Washington Post"),
     ("Talks stall again - Polish PM", "Talks stall again - Polish PM", None),
     ("Neil Young announces more shows | and a new player.", "Neil Young announces more shows | and a new player.", None),
     ("Inflation | What it means", "Inflation | What it means", None)],
)  # fmt: skip
def test_title_suffix(title: str, head: str, suffix: str | None) -> None:
    assert clean.split_title_suffix(title, site_names("https://www.bbc.co.uk/news/world-1")) == (head, suffix)


def test_rights_notice_is_boilerplate_not_credit() -> None:
    assert clean.residue_reason("© 2019 Example Media. All rights reserved.") == "boilerplate"
    assert not clean.is_credit("© 2019 The Associated Press. All Rights Reserved.")
    assert clean.is_credit("© Reuters")


def test_breadcrumb_title_repeats_and_labelled_date_below_body() -> None:
    text = (
        "Council approves budget | City Herald\n\nYou are at:\n\nCouncil approves budget\n\n"
        "The city council approved a new budget on Monday after a long debate about spending on schools.\n\n"
        "The mayor said the plan would balance the books by 2025.\n\nFirst published: Tuesday, March 14, 2023 08:38 AM\n"
    )
    article = read_text(text, source="b.txt")
    assert article.published is not None and article.published.date().isoformat() == "2023-03-14"
    assert [s.reason for s in article.stripped] == ["title-suffix", "navigation", "duplicate-title", "date"]
    assert len(article.paragraphs) == 2


def test_contributor_lines_and_closing_agency_credit() -> None:
    text = (
        "Port strike ends\n\nDock workers ended a week-long strike on Tuesday after unions and employers agreed a deal.\n\n"
        "Shipping lines said it would take days to clear the backlog.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n\n(AFP)\n\nShare\n"
    )
    article = read_text(text, source="c.txt")
    assert article.agency == "AFP" and article.captions == []
    assert [s.reason for s in article.stripped] == ["byline", "byline", "share-widget"]
    assert len(article.paragraphs) == 2
    helped = read_text(
        "Bridge reopens\n\nThe old bridge reopened to traffic on Wednesday after two years of repairs.\n\n"
        "The Associated Press contributed to this report.",
        source="h.txt",
    )
    assert helped.agency == "AP" and len(helped.paragraphs) == 1


def test_a_date_line_naming_an_agency_credits_it() -> None:
    text = (
        "Quake shakes Ruritania\n\nA strong quake struck the north of Ruritania on Tuesday.\n\n"
        "AFP, Tuesday 2 Jul 2013\n\nThe quake struck the northern province, officials said, sending people into the streets."
    )
    article = read_text(text, source="q.txt")
    assert article.agency == "AFP" and article.published is not None and article.published.date().isoformat() == "2013-07-02"
    assert read_text("Bridge reopens\n\nTuesday 2 Jul 2013\n\nThe old bridge reopened to traffic.", source="b.txt").agency is None


def test_agency_tag_mid_text_stays_a_photo_credit() -> None:
    text = (
        "Flood waters recede\n\nFlood waters began to recede on Monday, letting residents return home to assess damage.\n\n"
        "Residents clear mud from a school.\n\n(AFP)\n\nOfficials said repairs would take weeks."
    )
    article = read_text(text, source="f.txt")
    assert article.captions == ["Residents clear mud from a school.", "(AFP)"] and article.agency is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [("At least 27 died, [officials](javascript:alert(4)) said.", "At least 27 died, officials said."),
     ("The [Ruritania Act](https://en.example.org/wiki/Act_(Ruritania)) passed.", "The Ruritania Act passed."),
     ("Prices (in euros) rose [sharply].", "Prices (in euros) rose [sharply].")],
)  # fmt: skip
def test_markdown_link_targets_go_even_with_parentheses_inside(line, kept):
    # a target's "(4)" stayed in the text and counted as a figure of the story
    assert clean.unlink_markdown(line) == kept


def test_a_source_line_with_a_script_address_is_stripped_and_never_the_url():
    article = read_text(
        "Ferry sinks off Ruritania\n\nA ferry sank off Ruritania on Monday, officials said.\n\n"
        "Original url: javascript:alert(1)\n\nhttps://herald.example.rt/ferry\n",
        source="ferry.txt",
    )
    assert article.url is None and "javascript" not in article.text  # was body text, searchable and shown
    assert ("Original url: javascript:alert(1)", "source-url") in [(s.text, s.reason) for s in article.stripped]


@pytest.mark.parametrize(
    ("line", "name"),
    [("By Olga Petrenko", "Olga Petrenko"), ("Eftir Gunnar Helgason", "Gunnar Helgason"),
     ("Na Amani Mwangi", "Amani Mwangi"), ("Oleh Siti Rahma", "Siti Rahma"), ("Autor: Ines Vidal", "Ines Vidal"),
     ("Na wanamuziki zaidi ya mia moja kutoka nchi kumi.", None)],
)  # fmt: skip
def test_bylines_in_more_languages(line, name):
    # Icelandic, Swahili, Indonesian bylines were names in the text ("Gunnar Helgason" led a story label)
    assert clean.parse_byline(line) == name


_WIRE_COPY = """Ferry strike halts crossings to Port Elwyn
By Olga Petrenko

PORT ELWYN, May 2 (Ruritania Press) - Ferry crews walked out on Friday, the crews' union said.

"Our standards of safety come first," union secretary Olga Petrenko said.

(Reporting by Olga Petrenko; Editing by Ivan Sirko)

Our Standards: The Ruritania Press Editorial Principles.

Subscribe to our newsletter for the latest updates.

© 2026 Ruritania Press
"""


def test_furniture_at_the_end_of_a_wire_copy_is_stripped_with_reasons() -> None:
    article = read_text(_WIRE_COPY, source="wire.txt")
    reasons = {s.text: s.reason for s in article.stripped}
    assert reasons["Our Standards: The Ruritania Press Editorial Principles."] == "standards"
    assert reasons["Subscribe to our newsletter for the latest updates."] == "newsletter"
    assert reasons["© 2026 Ruritania Press"] == "copyright"
    assert reasons["(Reporting by Olga Petrenko; Editing by Ivan Sirko)"] == "byline"
    assert article.paragraphs[-1].startswith('"Our standards of safety come first,"')  # prose inside the story stays


def test_furniture_opening_a_text_is_stripped() -> None:
    text = "Sign up for our daily newsletter\n\nFerry strike halts crossings\n\n" + _WIRE_COPY.split("\n", 2)[2]
    article = read_text(text, source="wire.txt")
    assert article.title == "Ferry strike halts crossings"
    assert ("Sign up for our daily newsletter", "newsletter") in {(s.text, s.reason) for s in article.stripped}


@pytest.mark.parametrize(
    "line", ["Subscribe to our newsletter for the weekly digest.", "Our editorial standards are set out here."]
)
def test_edge_rules_apply_only_at_the_edges(line: str) -> None:
    body = "Ferry crews walked out at Port Elwyn early on Friday morning over pay, the union said."
    text = f"Ferry strike halts crossings\n\n{body}\n\n{line}\n\nIt is the first strike at the port in ten years."
    assert line in read_text(text, source="t.txt").paragraphs


def test_a_script_in_text_goes_with_its_code() -> None:
    text, removed = clean.remove_stray_tags('Ferry strike <script type="x">alert("x")</script> halts crossings <b>now</b>.')
    assert text == "Ferry strike halts crossings now."
    assert removed[0] == '<script type="x">alert("x")</script>'


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Twitter Enviar", "share-widget"), ("Copiar enlace", "share-widget"), ("Invia", "share-widget"),
     ("Lea también: Port Elwyn cierra su puerto", "navigation"), ("Te puede interesar", "navigation"),
     ("Leia também: Marco Bell deixa o clube", "navigation"), ("Potrebbe interessarti anche: Ruritania al voto", "navigation"),
     ("Abonnieren", "navigation"), ("Abbonati!", "navigation")],
)  # fmt: skip
def test_labels_in_other_languages(line: str, reason: str) -> None:
    assert clean.residue_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    ["Lea también el informe completo, pidió Ines Vidal.",
     "Te puede interesar saber que el puerto de Port Elwyn cerró.",
     "Ruth Adler wollte die Fotos nicht teilen, sagte sie.",
     "Leia também os relatórios, disse Marco Bell."],
)  # fmt: skip
def test_sentences_with_labels_in_other_languages_stay(line: str) -> None:
    assert clean.residue_reason(line) is None


@pytest.mark.parametrize(
    ("line", "reporters"),
    [
        ("(Reporting by Olga Petrenko in Port Elwyn; Additional reporting by Marco Bell; Editing by Ines Vidal)", "Olga Petrenko"),
        ("Reporting by Olga Petrenko; Writing by Ruth Adler; Editing by Ines Vidal", "Olga Petrenko; Ruth Adler"),
        ("(Reporting by Olga Petrenko and Marco Bell; Editing by Ines Vidal)", "Olga Petrenko; Marco Bell"),
        ("Reporting by Olga Petrenko, Marco Bell and Ruth Adler", "Olga Petrenko; Marco Bell; Ruth Adler"),
        ("Reporting by Ines Vidal y Marco Bell", "Ines Vidal; Marco Bell"),
        ("Reporting by Ruth Adler et Olga Petrenko", "Ruth Adler; Olga Petrenko"),
        ("Reporting by Ruth Adler und Marco Bell", "Ruth Adler; Marco Bell"),
        ("Reporting by Ruritania Ferries and Docks", "Ruritania Ferries and Docks"),  # one part is no person's name
        ("(Reporting by Olga Petrenko in Port Elwyn and Ruth Adler in Ruritania; Editing by Ines Vidal)",
         "Olga Petrenko; Ruth Adler"),  # each filed from a place
        ("Reporting by Olga Petrenko in Port Elwyn, Ruritania", "Olga Petrenko"),  # one place, named with its country
        ("(Reporting by Olga Petrenko in Port Elwyn, Ruritania and Ruth Adler; Editing by Ines Vidal)",
         "Olga Petrenko; Ruth Adler"),  # a place with a comma, then "and" another reporter (was only the first)
        ("Reporting by Olga Petrenko in Elwyn, R.U., and Ruth Adler in Port Elwyn", "Olga Petrenko; Ruth Adler"),
        ("Reporting by Olga Petrenko and Marco Bell in Port Elwyn and Ruth Adler in Elwyn City, Ruritania",
         "Olga Petrenko; Marco Bell; Ruth Adler"),
        ("Reporting by Olga Petrenko in Port Elwyn and by Ruth Adler in the Elwyn Islands", "Olga Petrenko; Ruth Adler"),
        ("Reporting by Olga Petrenko, Marco Bell, with reporting by Ruth Adler, editing by Ines Vidal.",
         "Olga Petrenko; Marco Bell"),  # roles parted by commas (was the whole line)
        ("(Reporting by Olga Petrenko, editing by Ines Vidal)", "Olga Petrenko"),
        ("(Reporting by Olga Petrenko in Port Elwyn, Marco Bell and Ruth Adler in Elwyn City; Editing by Ines Vidal)",
         "Olga Petrenko; Marco Bell; Ruth Adler"),  # a second reporter after a comma, placed later (was lost)
        ("Reporting by Olga Petrenko in Port Elwyn, Ruritania, Marco Bell and Ruth Adler in Elwyn City",
         "Olga Petrenko; Marco Bell; Ruth Adler"),
        ("Reporting by Olga Petrenko in Elwyn, New York and Ruth Adler in Port Elwyn", "Olga Petrenko; Ruth Adler"),
        ("Reporting by Olga Petrenko in Elwyn, South Korea and Ruth Adler in Port Elwyn", "Olga Petrenko; Ruth Adler"),
        ("(Additional reporting by Marco Bell)", None),
        ("Editing by Ines Vidal", None),
        ("Marco Bell contributed to this report.", None),
        ("The inquiry criticised the reporting by Olga Petrenko in Port Elwyn.", None),
    ],
)
def test_credited_reporters_names_reporters_not_editors(line: str, reporters: str | None) -> None:
    assert clean.credited_reporters(line) == reporters


_CREDITED_STORY = (
    "Ferry strike spreads\n\nFerry crews in Port Elwyn walked out on Monday, halting crossings to Ruritania.\n\n"
    "Union leaders said the talks had stalled over pay.\n\n{credit}\n"
)


def test_a_wire_credit_line_signs_an_unsigned_story() -> None:
    credit = "(Reporting by Olga Petrenko in Port Elwyn; Additional reporting by Marco Bell; Editing by Ines Vidal)"
    article = read_text(_CREDITED_STORY.format(credit=credit), source="w.txt")
    assert article.byline == "Olga Petrenko"
    assert (credit, "byline") in {(s.text, s.reason) for s in article.stripped}
    assert len(article.paragraphs) == 2
    signed = read_text("By Ruth Adler\n" + _CREDITED_STORY.format(credit=credit), source="w.txt")
    assert signed.byline == "Ruth Adler"


def test_a_sentence_about_reporting_signs_nothing() -> None:
    line = "Critics said the reporting by Olga Petrenko had forced the inquiry."
    article = read_text(_CREDITED_STORY.format(credit=line), source="w.txt")
    assert article.byline is None and line in article.paragraphs
