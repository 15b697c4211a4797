"""Rendering a comparison: the JSON interface, and untrusted article text kept inert in every format."""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt
from rich.console import Console
from rich.text import Text

from storyline.model import Claim, ClaimGroup, Comparison, ProvenanceLink
from storyline.report.comparison import (
    headline_case,
    quoted,
    reader_time,
    render,
    statement,
    to_html,
    to_json,
    to_markdown,
)
from storyline.report.terminal import print_comparison, safe_console, strip_controls

EVIL = '<script>alert("x")</script> [bold]**boom**[/bold] <img src=x onerror=alert(1)>'


@pytest.fixture
def comparison() -> Comparison:
    claims = [
        Claim(id="a:c0", article="a", text=f"The mayor said {EVIL}", start=0, end=40),
        Claim(id="b:c0", article="b", text="The mayor said it was fine.", start=0, end=27),
        Claim(id="b:c1", article="b", text="Twelve people were hurt.", start=28, end=52),
    ]
    return Comparison(
        articles=[
            {"id": "a", "title": EVIL, "outlet": "Daily <One>", "published": None, "language": "en", "agencies": []},
            {"id": "b", "title": "Fine", "outlet": "Two", "published": "2024-01-01T00:00:00", "language": "en", "agencies": ["AFP"]},
        ],
        claims=claims,
        groups=[
            ClaimGroup(id="g0", claims=["a:c0", "b:c0"], verdict="conflict", outlets=["Daily <One>", "Two"],
                       evidence=[{"rule": "numbers", "detail": f"numbers disagree {EVIL}", "spans": []}], score=0.8),
            ClaimGroup(id="g1", claims=["b:c1"], verdict="unique", outlets=["Two"], evidence=[]),
        ],
        quotes=[{"id": "q0", "text": EVIL, "speakers": ["A", "B"], "outlets": ["Two"], "conflict": True, "evidence": ["two people"], "members": []}],
        timeline=[{"date": "2024-01-01", "outlets": ["Two"], "events": [{"outlet": "Two", "text": EVIL}], "groups": []}],
        provenance=[ProvenanceLink(from_="b", to="a", relation="rewrites", evidence=[EVIL])],
        summary={"claims": 3, "shared": 0, "unique": 1, "conflicts": 1, "earliest": "b"},
    )


def test_json_has_the_documented_interface(comparison):
    data = json.loads(to_json(comparison))
    assert {"articles", "claims", "groups", "quotes", "timeline", "provenance", "schema_version"} <= set(data)
    assert set(data["claims"][0]) >= {"id", "article", "text", "start", "end"}
    assert set(data["groups"][0]) >= {"claims", "verdict", "outlets", "evidence"}
    assert data["provenance"][0]["from"] == "b" and "from_" not in data["provenance"][0]
    assert Comparison.from_dict(data).to_dict() == data


def test_html_is_self_contained_and_escapes_article_content(comparison):
    page = to_html(comparison)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert "Daily &lt;One&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_markdown_escapes_article_content(comparison):
    text = to_markdown(comparison)
    assert "<script>" not in text and "**boom**" not in text
    assert "## Conflicts (1)" in text and "## Unique claims (1)" in text


def test_terminal_prints_article_text_literally(comparison):
    console = Console(record=True, width=200, color_system=None)
    print_comparison(comparison, console)
    output = console.export_text()
    assert "[bold]**boom**[/bold]" in output
    assert "numbers disagree" in output


def test_markdown_keeps_line_start_markers_and_backtick_ids_inert(comparison):
    comparison.articles[0]["id"] = comparison.claims[0].article = "a`b"
    comparison.claims[2] = Claim(id="b:c1", article="b", text="# Breaking: Ruritania ferry sinks", start=0, end=30)
    comparison.provenance[0].evidence = ["+ Mayor Olga Petrenko resigns", "1. Ferry leaves port"]
    html = MarkdownIt("commonmark").render(to_markdown(comparison))
    assert html.count("<h1>") == 1 and "<h1>Story comparison: " in html  # no claim became a heading
    assert "# Breaking: Ruritania ferry sinks" in html
    assert "<ul>\n<li>Mayor" not in html and "+ Mayor Olga Petrenko resigns" in html
    assert "<ol>" not in html and "1. Ferry leaves port" in html
    assert "<code>a`b</code>" in html


def test_terminal_consoles_drop_control_characters_but_keep_their_own_styles():
    from io import StringIO

    console = safe_console(file=StringIO(), force_terminal=True, color_system="standard", width=80)
    console.print(Text("Ruritania \x1b[2Jferry\x1b]8;;https://evil.example\x07\ttoday\x9b31m", style="red"))
    console.print("[bold]Olga[/bold] \x1b[31mPetrenko")
    output = console.file.getvalue()
    assert "\x1b[2J" not in output and "\x07" not in output and "\x9b" not in output and "\x1b]8" not in output
    assert "\x1b[31m" in output and "\x1b[1m" in output  # Rich's own red and bold
    plain = safe_console(file=StringIO(), width=80)
    plain.print(Text("Ruritania \x1b[2Jferry\ncrossing"))
    assert plain.file.getvalue() == "Ruritania [2Jferry\ncrossing\n"
    assert strip_controls("a\tb\nc\x00\x7f\x85d") == "a\tb\ncd"


def test_unknown_format_is_refused(comparison):
    with pytest.raises(ValueError, match="unknown format"):
        render(comparison, "pdf")


def test_a_quote_with_its_own_marks_is_not_quoted_twice():
    assert quoted("We will not yield") == "\u201cWe will not yield\u201d"
    assert quoted('"We will not yield"') == '"We will not yield"'
    assert quoted("«Nous ne céderons pas»") == "«Nous ne céderons pas»" and quoted("「問題ない」") == "「問題ない」"
    # Marks inside: a partial quote, or indirect speech around a quotation, shows which words are verbatim.
    assert quoted('the partnership "harmful" to the region') == 'the partnership "harmful" to the region'
    assert quoted("that “nobody has much confidence”") == "that “nobody has much confidence”"


def test_reported_speech_is_not_dressed_as_verbatim():
    def group(text: str, kind: str) -> dict:
        return {"text": text, "members": [{"text": text, "kind": kind}]}

    assert statement(group("We will not yield", "direct")) == "\u201cWe will not yield\u201d"
    assert statement(group("that the plan would fail", "indirect")) == "that the plan would fail (reported speech)"
    assert statement({"text": "No members listed"}) == "\u201cNo members listed\u201d"  # older comparisons


def test_an_articles_unique_claims_are_listed_together_under_its_name_once(comparison):
    comparison.claims.append(Claim(id="b:c2", article="b", text="The bridge stays shut.", start=53, end=75))
    comparison.groups.append(ClaimGroup(id="g2", claims=["b:c2"], verdict="unique", outlets=["Two"], evidence=[]))
    text = to_markdown(comparison)
    assert "## Unique claims (2)" in text
    assert "- Two\n  - Twelve people were hurt.\n  - The bridge stays shut." in text


def test_dates_read_as_days_and_an_undated_article_shows_its_story_estimate(comparison):
    comparison.articles[0]["published_estimate"] = "2023-12-31"
    text = to_markdown(comparison)
    assert "(undated (about 2023-12-31), en)" in text and "(2024-01-01, en, agencies: AFP)" in text
    assert "T00:00:00" not in text and "about 2023-12-31" in to_html(comparison)


def _terminal(comparison: Comparison) -> str:
    console = Console(record=True, width=200, color_system=None)
    print_comparison(comparison, console)
    return console.export_text()



def test_an_article_without_a_title_says_so_in_every_report(comparison):
    comparison.articles[1]["title"] = ""
    assert "(2024-01-01, en, agencies: AFP): (no title) `b`" in to_markdown(comparison)
    assert '<td dir="auto" lang="en">(no title)</td>' in to_html(comparison)
    assert "(no title)" in _terminal(comparison)

def test_estimated_timeline_dates_read_as_estimates_in_every_report(comparison):
    guessed = {"article": "a", "outlet": "Daily <One>", "text": "The Port Elwyn ferry inquiry opened.", "estimated": True}
    reported = {"article": "b", "outlet": "Two", "text": "The ferry sank off Ruritania.", "estimated": False}
    comparison.timeline = [
        {"date": "2013-04-16", "outlets": ["Two", "Daily <One>"], "events": [reported, guessed], "groups": [], "estimated": False},
        {"date": "2013-04-17", "outlets": ["Daily <One>"], "events": [guessed], "groups": [], "estimated": True},
    ]
    markdown, html, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    assert "- **\u2248 17 April 2013 (estimated)**" in markdown and "- **16 April 2013**" in markdown
    assert "\u2248 17 April 2013 (estimated)" in html and "\u2248 17 April 2013 (estimated)" in terminal
    assert "\u2248 16 April 2013" not in markdown + html + terminal  # one outlet reports that day
    assert "The Port Elwyn ferry inquiry opened. (date estimated)" in markdown  # ... the other only guessed it
    assert "The Port Elwyn ferry inquiry opened. (date estimated)" in terminal and "(date estimated)" in html


def test_timeline_dates_read_as_calendar_words_in_every_report_and_stay_values_in_json(comparison):
    event = {"article": "a", "outlet": "Daily <One>", "text": "The Port Elwyn ferry inquiry opened.", "estimated": False}
    comparison.timeline = [
        {"date": value, "outlets": ["Daily <One>"], "events": [event], "groups": [], "estimated": False}
        for value in ("2022-12", "2022-W50", "2022-12-18", "XXXX-12-09")
    ]
    words = ["December 2022", "week of 12 December 2022", "18 December 2022", "9 December (year unknown)"]
    markdown, html, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    assert all(f"- **{w}** (" in markdown and f"<td>{w}</td>" in html and w in terminal for w in words)
    assert "2022-12-18" not in markdown + html + terminal
    assert [e["date"] for e in json.loads(to_json(comparison))["timeline"]] == ["2022-12", "2022-W50", "2022-12-18", "XXXX-12-09"]


def test_a_timeline_range_reads_as_one_span_in_every_report_and_keeps_its_values_in_json(comparison):
    event = {"article": "a", "outlet": "Daily <One>", "text": "Talks were held in Port Elwyn.", "estimated": False}
    comparison.timeline = [
        {"date": start, "until": until, "outlets": ["Daily <One>"], "events": [event], "groups": [], "estimated": False}
        for start, until in (("2022-11-30", "2022-12-02"), ("2022-12-09", "2022-12-11"))
    ]
    markdown, html, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    for words in ("30 November \u2013 2 December 2022", "9\u201311 December 2022"):
        assert f"- **{words}** (" in markdown and f"<td>{words}</td>" in html and words in terminal
    assert [(e["date"], e["until"]) for e in json.loads(to_json(comparison))["timeline"]][1] == ("2022-12-09", "2022-12-11")


@pytest.mark.parametrize(
    ("headline", "shown"),
    [("FERRY STRIKE ENDS IN PORT ELWYN", "Ferry Strike Ends in Port Elwyn"),
     ("RUTH ADLER QUITS: THE INQUIRY INTO THE HARBOUR-BOARD DEAL", "Ruth Adler Quits: The Inquiry into the Harbour-Board Deal"),
     ("Petrenko, NATO: PORT ELWYN TALKS RESUME", "Petrenko, NATO: Port Elwyn Talks Resume"),  # a story label's names stay
     ("NATO CHIEF MEETS MCALLISTER IN RURITANIA", "NATO Chief Meets McAllister in Ruritania"),  # names as the story writes them
     ("Ferry strike ends: SHOCK in Port Elwyn", "Ferry strike ends: SHOCK in Port Elwyn"),  # one word of emphasis is the source's
     ("NBC ANCHOR QUITS OVER PORT ELWYN REPORT", "NBC Anchor Quits over Port Elwyn Report"),  # no vowel: an acronym
     ("NATO, EU", "NATO, EU"), ("Ferry Strike Ends", "Ferry Strike Ends")],
)  # fmt: skip
def test_a_headline_written_in_capitals_reads_in_title_case(headline, shown):
    assert headline_case(headline, ["NATO", "Ian McAllister", "THE"]) == shown


@pytest.mark.parametrize(
    ("headline", "language", "shown"),
    [("EL PUERTO DE PORT ELWYN CIERRA EL LUNES", "es", "El puerto de Port Elwyn cierra el lunes"),
     ("«LE PORT DE PORT ELWYN FERME» : LA OTAN RÉAGIT", "fr", "«Le port de Port Elwyn ferme» : La OTAN réagit"),
     ("DER HAFEN VON PORT ELWYN SCHLIESST", "en", "Der Hafen Von Port Elwyn Schliesst"),
     ("Ferry: Port Elwyn", "es", "Ferry: Port Elwyn")],
)  # fmt: skip
def test_a_shouted_headline_of_another_language_reads_in_sentence_case(headline, language, shown):
    assert headline_case(headline, ["Port Elwyn", "OTAN"], language) == shown


def test_report_headings_show_a_shouted_headline_in_title_case_and_the_article_list_keeps_it(comparison):
    comparison.articles[0]["title"] = "FERRY STRIKE ENDS IN PORT ELWYN"
    markdown, html, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    title = "Story comparison: Ferry Strike Ends in Port Elwyn"
    assert markdown.startswith(f"# {title}\n") and f'<h1 dir="auto">{title}</h1>' in html and terminal.startswith(title)
    assert "FERRY STRIKE ENDS IN PORT ELWYN `a`" in markdown and '<td dir="auto" lang="en">FERRY STRIKE ENDS IN PORT ELWYN</td>' in html
    assert "FERRY STRIKE ENDS IN PORT ELWYN" in terminal  # the articles table: the title as written


def test_report_headings_are_one_set_in_sentence_case_in_every_format(comparison):
    comparison.entities = [{"name": "Olga Petrenko", "type": "PERSON", "variants": [], "articles": ["a", "b"]}]
    markdown, html, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    sections = ["Articles", "Who is involved", "Conflicts (1)", "Shared claims (0)", "Unique claims (1)", "Updates (0)", "Quotes (1)",
                "Timeline (1)", "Provenance (1)"]  # fmt: skip
    assert all(f"\n## {h}\n" in markdown and f"<h2>{h}</h2>" in html and h in terminal for h in sections)
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == sections
    assert re.findall(r"<h2>([^<]+)</h2>", html) == sections
    assert all(h[1:] == h[1:].lower() for h in sections)


def test_first_reported_and_its_rule_are_in_every_report(comparison):
    note = "Two: 2024-01-01 12:50, the earliest time given; Ines Vidal Post gives only that day and may have been earlier"
    comparison.summary.update({"first_reported": ["b"], "possibly_first": ["a"], "earliest": None, "first_reported_note": note})
    assert f"First reported: {note}" in to_markdown(comparison)
    assert f"First reported: {note}" in _terminal(comparison).replace("\n", " ")
    assert f"first reported: {note}" in to_html(comparison)
    comparison.summary = {"claims": 3, "earliest": "b"}  # a comparison cached before the note existed
    assert "First reported: Two" in to_markdown(comparison)


def test_a_link_whose_direction_is_unknown_says_so(comparison):
    comparison.provenance = [ProvenanceLink(from_="a", to="b", relation="rewrites", evidence=[], direction="unknown")]
    sentence = "Daily \\<One\\> and Two: one rewrites the other (which came first is unknown)"
    assert f"- {sentence}" in to_markdown(comparison)
    assert "Daily <One> and Two: one rewrites the other (which came first is unknown)" in _terminal(comparison)


def test_quotes_and_timeline_name_two_articles_of_one_outlet_apart():
    names = {"en": "Wikinews (en)", "es": "Wikinews (es)"}
    comparison = Comparison(
        articles=[{"id": i, "title": "t", "outlet": "Wikinews", "name": n, "language": i, "agencies": []} for i, n in names.items()],
        claims=[],
        groups=[],
        quotes=[{"id": "q0", "text": "We will rebuild", "speakers": ["Ines Vidal"], "outlets": ["Wikinews"],
                 "members": [{"article": "en", "text": "We will rebuild", "kind": "direct"},
                             {"article": "es", "text": "Reconstruiremos", "kind": "direct"}]}],
        timeline=[{"date": "2024-01-01", "outlets": ["Wikinews"], "groups": [],
                   "events": [{"article": "en", "outlet": "Wikinews", "text": "The bridge fell."},
                              {"article": "es", "outlet": "Wikinews", "text": "El puente cayó."}]}],
        provenance=[],
        summary={},
    )
    for page in (to_markdown(comparison), to_html(comparison)):
        assert page.count("Wikinews (en), Wikinews (es)") == 2  # the quote's and the date's reporters


def test_shared_claims_most_surely_one_and_unique_news_come_first():
    claims = [
        Claim(id="a:c0", article="a", text="It rained.", start=0, end=10),
        Claim(id="b:c0", article="b", text="It rained hard.", start=0, end=15),
        Claim(id="a:c1", article="a", text="The bridge fell.", start=11, end=27),
        Claim(id="b:c1", article="b", text="The bridge collapsed.", start=16, end=37),
        Claim(id="c:c0", article="c", text="The bridge came down.", start=0, end=21),
        Claim(id="c:c1", article="c", text="Such a sad day.", start=22, end=37),
        Claim(id="c:c2", article="c", text="Mayor Ines Vidal closed 3 roads.", start=38, end=70, actors=[[44, 54, "Ines Vidal"]]),
    ]
    groups = [
        ClaimGroup(id="g0", claims=["a:c0", "b:c0"], verdict="shared", outlets=["A", "B"], evidence=[], score=0.7),
        ClaimGroup(id="g1", claims=["a:c1", "b:c1", "c:c0"], verdict="shared", outlets=["A", "B", "C"], evidence=[], score=0.8),
        ClaimGroup(id="g2", claims=["c:c1"], verdict="unique", outlets=["C"], evidence=[]),
        ClaimGroup(id="g3", claims=["c:c2"], verdict="unique", outlets=["C"], evidence=[]),
    ]
    articles = [{"id": i, "title": "t", "outlet": i.upper(), "language": "en", "agencies": []} for i in "abc"]
    page = to_markdown(Comparison(articles=articles, claims=claims, groups=groups, quotes=[], timeline=[], provenance=[], summary={}))
    assert page.index("The bridge came down") < page.index("It rained hard")
    assert page.index("Ines Vidal closed") < page.index("Such a sad day")


def test_who_is_involved_is_in_every_report_escaped_with_metonyms_shown(comparison):
    from storyline.report.comparison import INVOLVED_TOP

    adler = {"name": "Ruth Adler", "type": "PERSON", "variants": ["Ruth Adler", "Adler", EVIL], "articles": ["a", "b"], "mentions": 5}
    palace = {"name": "Elwyn Palace", "type": "ORG", "variants": ["Elwyn Palace"], "articles": ["b"], "mentions": 1,
              "refers_to": "Ruritania government", "reference_kind": "seat-for-government"}
    towns = [{"name": f"Town {n}", "type": "PLACE", "variants": [], "articles": ["a"], "mentions": 1} for n in range(INVOLVED_TOP + 2)]
    comparison.entities = [adler, palace, *towns]
    markdown, page, terminal = to_markdown(comparison), to_html(comparison), _terminal(comparison)
    for report in (markdown, page, terminal):
        assert "Who is involved" in report and "Ruth Adler" in report
        assert "Ruritania government" in report and "in 2 of 2 articles" in report
        assert f"Town {INVOLVED_TOP - 1}" in report and f"Town {INVOLVED_TOP}" not in report
    assert "Elwyn Palace \u2192 Ruritania government" in markdown
    assert "<script>" not in markdown and "<script>" not in page
    assert "(top 8 of 10)" in markdown
    assert json.loads(to_json(comparison))["entities"][0]["name"] == "Ruth Adler"


def test_partial_quotes_and_stray_marks_read_as_written():
    # a partial quote was labelled "(reported speech)"; a tagger's dangling mark and comma were shown
    def group(text: str, kind: str) -> dict:
        return {"text": text, "members": [{"text": text, "kind": kind}]}

    assert statement(group('she was "optimistic" about the port', "partial")) == 'she was "optimistic" about the port'
    assert statement(group('It is absurd, "', "indirect")) == "It is absurd (reported speech)"
    assert statement(group('"We will rebuild,"', "direct")) == '"We will rebuild,"'  # balanced marks stay


def test_a_statement_of_several_outlets_shows_each_wording_and_who_credits_whom():
    names = {"a": "Port Elwyn Gazette", "b": "Radio <Elwyn>"}
    comparison = Comparison(
        articles=[{"id": i, "title": "t", "outlet": n, "name": n, "language": "en", "agencies": []} for i, n in names.items()],
        claims=[],
        groups=[],
        quotes=[{"id": "q0", "text": "I am optimistic", "speakers": ["Olga Petrenko"], "outlets": list(names.values()),
                 "credited": [{"speaker": "Olga Petrenko", "articles": ["a"], "outlets": ["Port Elwyn Gazette"]},
                              {"speaker": "unattributed", "articles": ["b"], "outlets": ["Radio <Elwyn>"]}],
                 "members": [{"article": "a", "text": "I am optimistic", "kind": "direct"},
                             {"article": "b", "text": 'she was "optimistic"', "kind": "partial"}]}],
        timeline=[],
        provenance=[],
        summary={},
    )  # fmt: skip
    speakers = "Olga Petrenko (Port Elwyn Gazette); unattributed (Radio <Elwyn>)"
    assert speakers in _terminal(comparison) and "Radio <Elwyn> (partial quote): she was \"optimistic\"" in _terminal(comparison)
    markdown = to_markdown(comparison)
    assert "unattributed (Radio \\<Elwyn\\>)" in markdown and "  - Port Elwyn Gazette (quote): I am optimistic" in markdown
    html = to_html(comparison)
    assert "unattributed (Radio &lt;Elwyn&gt;)" in html and "(partial quote): <bdi>she was &#34;optimistic&#34;</bdi>" in html


def test_reports_are_titled_by_the_story_and_count_claims_and_groups_apart(comparison):
    comparison.summary.update(story="s-elwyn", label="Port Elwyn ferry strike", unique_claims={"a": 0, "b": 1}, adds_nothing=["a"])
    console = Console(record=True, width=200, color_system=None)
    print_comparison(comparison, console)
    line = "3 claims: 0 groups shared by several outlets, 1 group in conflict, 1 claim unique to one outlet"
    terminal, markdown, html = console.export_text(), to_markdown(comparison), to_html(comparison)
    for text in (terminal, markdown, html):
        assert line in text
    assert "Adds nothing to its source: Daily <One> (rewrites Two)" in terminal  # which source, not only who
    assert "Adds nothing to its source: Daily \\<One\\> (rewrites Two)" in markdown
    assert "Adds nothing to its source: Daily &lt;One&gt; (rewrites Two)." in html
    assert markdown.startswith("# Story comparison: Port Elwyn ferry strike (story s-elwyn)\n")
    assert "<title>Story comparison: Port Elwyn ferry strike (story s-elwyn)</title>" in html
    assert "Schema v" not in html and '<meta name="storyline-schema-version" content="1">' in html


def test_a_report_of_files_is_titled_by_its_first_articles_title(comparison):
    comparison.articles[0]["title"] = "Olga Petrenko opens the harbour"
    assert to_markdown(comparison).startswith("# Story comparison: Olga Petrenko opens the harbour\n")


def test_a_files_extension_names_its_format():
    from pathlib import Path

    from storyline.report.comparison import format_of_file

    assert [format_of_file(Path(n)) for n in ("a.html", "a.HTM", "a.md", "a.markdown", "a.json")] == ["html", "html", "md", "md", "json"]
    assert format_of_file(Path("a.txt")) is None and format_of_file(Path("report")) is None


def test_publication_times_read_to_the_second_and_a_day_alone_at_midnight() -> None:
    assert reader_time("2014-03-11T08:15:27.352000") == "2014-03-11 08:15:27"
    assert reader_time("2014-03-11T00:00:00") == "2014-03-11"
    assert reader_time("2014-03-11T00:00:00.000000") == "2014-03-11"
    assert reader_time("2014-03-11T08:15:27") == "2014-03-11 08:15:27"


def test_an_empty_section_says_none_found_in_every_format(comparison):
    comparison.groups = [g for g in comparison.groups if g.verdict != "conflict"]
    assert "## Conflicts (0)\n\nNone found." in to_markdown(comparison)
    assert re.search(r"<h2>Conflicts \(0\)</h2>\s*<p class=\"muted\">None found.</p>", to_html(comparison))
    console = Console(record=True, width=120, color_system=None)
    print_comparison(comparison, console)
    output = console.export_text()
    assert "Conflicts (0): none found" in output and "Shared claims (0): none found" in output
    assert "Unique claims (1)" in output and "none found" not in output.split("Unique claims (1)")[1].split("Updates (0)")[0]


def test_a_fact_one_outlet_tells_in_two_editions_keeps_its_own_row():
    # the outlet's en and es editions tell it: unique to that outlet, but its two wordings side by side, not
    # scattered among the first edition's other extras
    claims = [
        Claim(id="en:c0", article="en", text="The Port Elwyn ferry resumed on Monday.", start=0, end=40),
        Claim(id="en:c1", article="en", text="Olga Petrenko thanked the crews.", start=41, end=73),
        Claim(id="es:c0", article="es", text="El ferry de Port Elwyn volvió el lunes.", start=0, end=39),
    ]
    articles = [{"id": a, "title": a, "outlet": "Elwyn Wire", "published": None, "language": a, "agencies": []}
                for a in ("en", "es")]
    comparison = Comparison(
        articles=articles, claims=claims,
        groups=[ClaimGroup(id="g0", claims=["en:c1"], verdict="unique", outlets=["Elwyn Wire"], evidence=[]),
                ClaimGroup(id="g1", claims=["en:c0", "es:c0"], verdict="unique", outlets=["Elwyn Wire"], evidence=[], score=0.9)],
        quotes=[], timeline=[], provenance=[], summary={"claims": 3, "shared": 0, "unique": 2, "conflicts": 0},
    )
    text = to_markdown(comparison)
    section = text.split("## Unique claims (3)")[1]
    lines = section.split("\n## ")[0].splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    first, second = "\n".join(lines[starts[0] : starts[1]]), "\n".join(lines[starts[1] :])
    assert len(starts) == 2 and "ferry resumed" in first and "volvió" in first and "Olga Petrenko thanked" in second


def test_html_report_sets_each_text_in_its_own_direction_and_wraps_long_words(comparison):
    """A Hebrew or Arabic claim between an outlet's name and the page's English keeps its own direction (its
    full stop at its left), and a word longer than the page is broken, not pushed past the edge."""
    rtl = "מזכיר האיגוד אמר כי השביתה תימשך שלושה ימים."
    comparison.claims[2].text = rtl
    comparison.timeline[0]["events"][0]["text"] = rtl
    html = to_html(comparison)
    assert html.count(f"<bdi>{rtl}</bdi>") == 2  # the unique claim and the timeline event
    assert '<h1 dir="auto">' in html and '<td dir="auto" lang="en">Fine</td>' in html
    assert "overflow-wrap:anywhere" in html


def test_a_story_of_one_article_says_there_is_nothing_to_compare_yet_in_every_report(comparison):
    """Its claims are all its own: "3 claims unique to one outlet" and "first reported" would read as findings."""
    comparison.articles, comparison.groups = comparison.articles[1:], comparison.groups[1:]
    comparison.summary.update(unique_claims={"b": 2}, first_reported=["b"], first_reported_note="Two: 2024-01-01")
    line = "3 claims from one article: no other report to compare them with yet"
    for text in (to_markdown(comparison), to_html(comparison), _terminal(comparison)):
        assert line in text and "unique to one outlet" not in text and "first reported" not in text.lower()


def test_a_story_of_one_outlets_articles_says_no_other_outlet_confirms_them_in_every_report(comparison):
    """One site's story in two languages: an outlet does not corroborate itself, so each of its claims is "unique"
    by the rule, and "N claims unique to one outlet" would read as a finding about the story."""
    comparison.summary.update(outlets=1, conflicts=0, unique_claims={"a": 1, "b": 2})
    line = "3 claims from 2 articles of one outlet: no other outlet to confirm or contradict them yet"
    for text in (to_markdown(comparison), to_html(comparison), _terminal(comparison)):
        assert line in text and "unique to one outlet" not in text
    comparison.summary.update(outlets=2)
    assert "unique to one outlet" in to_markdown(comparison)


def test_the_agencies_an_article_credits_are_in_every_report(comparison):
    assert "(2024-01-01, en, agencies: AFP): Fine `b`" in to_markdown(comparison)
    assert re.search(r"Two\s+│ Fine\s+│ 2024-01-01\s+│ en\s+│ AFP", _terminal(comparison))
    assert "<td>AFP</td>" in to_html(comparison)


def test_a_joined_quote_is_shown_without_its_cue_clause(comparison):
    joined = "\u201cThe ferry will not sail today,\u201d Ruth Adler said. \u201cWe have no crew left.\u201d"
    member = {"article": "b", "outlet": "Two", "text": joined, "kind": "direct", "start": 0, "end": len(joined)}
    comparison.quotes = [{"id": "q0", "text": joined, "speakers": ["Ruth Adler"], "outlets": ["Two"], "members": [member]}]
    words = "\u201cThe ferry will not sail today,\u201d \u2026 \u201cWe have no crew left.\u201d"
    assert statement(comparison.quotes[0]) == words
    assert f"- {words} - " in to_markdown(comparison) and words in to_html(comparison)
    assert "Adler said" not in to_markdown(comparison).split("## Quotes")[1]
    assert statement({"text": "\u201cTwo words,\u201d \u201cthree more words.\u201d"}) == "\u201cTwo words,\u201d \u201cthree more words.\u201d"


def _one_fact_and_two_alike() -> Comparison:
    """A story of three outlets: one fact all tell (score 0.92), two claims of one topic that tell two facts
    (0.62), and a claim aligned with a claim another group holds (a shared group of one claim, 0.64)."""
    claims = [
        Claim(id="a:c0", article="a", text="The ferry strike in Port Elwyn ended on Monday.", start=0, end=47),
        Claim(id="b:c0", article="b", text="The Port Elwyn ferry strike ended Monday.", start=0, end=41),
        Claim(id="a:c1", article="a", text="He said at least 22 cabins were badly damaged.", start=48, end=94),
        Claim(id="b:c1", article="b", text="He said at least 25 of the crew were hurt.", start=42, end=84),
        Claim(id="c:c0", article="c", text="Crossings resume after the strike.", start=0, end=34),
    ]
    outside = {"claim": "b:c0", "article": "b", "start": 0, "end": 41, "text": claims[1].text}
    groups = [
        ClaimGroup(id="g0", claims=["a:c1", "b:c1"], verdict="shared", outlets=["Alpha", "Beta"], evidence=[], score=0.62),
        ClaimGroup(id="g1", claims=["a:c0", "b:c0"], verdict="shared", outlets=["Alpha", "Beta"], evidence=[], score=0.92),
        ClaimGroup(id="g2", claims=["c:c0"], verdict="shared", outlets=["Gamma", "Beta"], score=0.64, evidence=[
            {"rule": "aligned", "detail": f"aligned with Beta: \u201c{claims[1].text}\u201d (score 0.64), a claim grouped with others",
             "spans": [{"claim": "c:c0", "article": "c", "start": 0, "end": 34, "text": claims[4].text}, outside], "outside": True}]),
    ]
    articles = [{"id": i, "title": "t", "outlet": name, "language": "en", "agencies": []} for i, name in zip("abc", ("Alpha", "Beta", "Gamma"), strict=True)]
    summary = {"claims": 5, "shared": 3, "unique": 0, "conflicts": 0, "unique_claims": {"a": 0, "b": 0, "c": 0}}
    return Comparison(articles=articles, claims=claims, groups=groups, quotes=[], timeline=[], provenance=[], summary=summary)


def test_shared_groups_only_alike_stand_apart_from_the_facts_in_every_report():
    comparison = _one_fact_and_two_alike()
    console = Console(record=True, width=200, color_system=None)
    print_comparison(comparison, console)
    terminal, markdown, html = console.export_text(), to_markdown(comparison), to_html(comparison)
    for text in (terminal, markdown, html):
        assert "3 groups shared by several outlets (2 of them only alike, perhaps not one fact)" in text
        assert "Shared claims (1)" in text and "Alike, perhaps not one fact (2; score under 0.70)" in text
        facts, alike = text.index("Shared claims (1)"), text.index("Alike, perhaps not one fact (2")
        assert facts < text.index("Port Elwyn ferry strike ended") < alike < text.index("Crossings resume") < text.index("22 cabins")


def test_the_terminal_gives_each_groups_score_as_the_other_reports_do():
    console = Console(record=True, width=200, color_system=None)
    print_comparison(_one_fact_and_two_alike(), console)
    terminal = console.export_text()
    assert "score 0.92" in terminal and "score 0.62" in terminal and "score 0.64" in terminal


def test_a_shared_group_of_one_claim_names_the_outlet_it_was_aligned_with_in_every_report():
    comparison = _one_fact_and_two_alike()
    console = Console(record=True, width=200, color_system=None)
    print_comparison(comparison, console)
    terminal, markdown, html = console.export_text(), to_markdown(comparison), to_html(comparison)
    assert "- Gamma, Beta (score 0.64)" in markdown
    assert "Gamma, Beta" in terminal and "Gamma, Beta &middot; score 0.64" in html


def test_each_articles_title_links_to_its_original_in_the_html_and_markdown_reports(comparison):
    comparison.articles[1]["url"] = "https://two.example/news/fine?id=4&page=1"
    comparison.articles[0]["url"] = "javascript:alert(1)"  # never drawn as a link
    html, markdown = to_html(comparison), to_markdown(comparison)
    assert '<a href="https://two.example/news/fine?id=4&amp;page=1" rel="noopener noreferrer nofollow">Fine</a>' in html
    assert 'href="javascript' not in html
    assert "[Fine](<https://two.example/news/fine?id=4&page=1>)" in markdown and "(<javascript" not in markdown
