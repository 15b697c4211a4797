"""The story page's layouts (highlighted text, timeline, provenance graph), story flags, the write guard, `serve`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import uvicorn
from typer.testing import CliRunner

from storyline.cli import app as cli_app
from storyline.compare.naming import reader_names
from storyline.model import Article, Claim, ClaimGroup, ProvenanceLink, Story
from storyline.service.web_queries import summarize_story
from storyline.web import views
from storyline.web.rendering import date_span, highlight_snippet, web_url
from storyline.web.security import is_loopback, resolve_token

TEXT = "One two. Three four.\n\nFive six."


def claim(cid: str, start: int, end: int) -> Claim:
    return Claim(cid, "a", TEXT[start:end], start, end)


def test_highlight_marks_claims_and_keeps_every_character() -> None:
    claims = [claim("c1", 0, 8), claim("c2", 9, 20), claim("c3", 22, 31)]
    groups = [ClaimGroup(["c1", "x"], "shared", ["A", "B"], id="g1"), ClaimGroup(["c2"], "unique"),
              ClaimGroup(["c1", "c3"], "conflict", ["A"], id="k")]
    paragraphs = views.highlight_paragraphs(TEXT, claims, views.index_claims(groups))
    assert ["".join(s.text for s in p) for p in paragraphs] == ["One two. Three four.", "Five six."]
    first = paragraphs[0][0]
    assert (first.claim, first.verdict, first.groups) == ("c1", "conflict", ["g1", "k"])  # conflict wins
    assert first.note == "shared: A, B; conflict: A"
    assert paragraphs[0][1].claim is None and paragraphs[0][1].text == " "
    assert paragraphs[0][2].verdict == "unique" and paragraphs[0][2].groups == ["g1"]  # unnamed group: position


def test_conflict_evidence_words_are_marked_inside_their_claim() -> None:
    claims = [claim("c1", 0, 8), claim("c2", 9, 20)]
    evidence = [{"rule": "opposed verbs", "spans": [{"claim": "c1", "start": 4, "end": 7}, {"claim": "c2", "start": 9, "end": 20}]}]
    index = views.index_claims([ClaimGroup(["c1", "c2"], "conflict", evidence=evidence)])
    first, _, second = views.highlight_paragraphs(TEXT, claims, index)[0]
    assert first.pieces == [("One ", False), ("two", True), (".", False)]
    assert second.pieces == []  # evidence covering the whole claim adds no mark


def test_overlapping_and_out_of_range_claims_are_clipped() -> None:
    claims = [claim("c1", 0, 14), claim("c2", 9, 20), Claim("c3", "a", "?", 500, 600)]
    paragraphs = views.highlight_paragraphs(TEXT, claims, views.index_claims([]))
    assert [(s.claim, s.text) for s in paragraphs[0]] == [("c1", "One two. Three"), ("c2", " four.")]
    assert [s.claim for s in paragraphs[1]] == [None]


@pytest.mark.parametrize(
    ("value", "day"),
    [("2022-12-09", date(2022, 12, 9)), ("2022-12", date(2022, 12, 1)), ("2022", date(2022, 1, 1)),
     ("2022-W50", date(2022, 12, 12)), ("P3D", None), ("PRESENT_REF", None), ("2022-13-40", None)],
)
def test_calendar_day(value: str, day: date | None) -> None:
    assert views.calendar_day(value) == day


def test_timeline_places_dates_in_order_without_overlapping_labels() -> None:
    entries = [
        {"date": "2022-12-18", "events": [{"text": "Ministry answers", "claim": "c9"}], "outlets": ["A", "B"]},
        {"date": "2022-12-09", "events": [{"text": "White House warns"}], "outlets": ["A"]},
        {"date": "2022-12-10", "events": [{"text": "Next day"}], "outlets": ["B"]},
        {"date": "PRESENT_REF", "events": []},
    ]
    chart = views.timeline_chart(entries, width=600)
    assert [p.when for p in chart.points] == ["9 December 2022", "10 December 2022", "18 December 2022"]
    assert chart.points[0].x < chart.points[1].x < chart.points[2].x
    assert chart.points[0].y != chart.points[1].y  # close dates: labels on different rows
    assert chart.points[2].anchor == "end" and chart.points[2].claim == "c9"
    assert chart.points[2].outlets == "A, B"
    assert [e["date"] for e in chart.undated] == ["PRESENT_REF"]
    assert [(label, anchor) for _, label, anchor in chart.ticks] == [("9 December 2022", "start"), ("18 December 2022", "end")]
    assert views.timeline_chart([]).points == []


def test_provenance_graph_draws_each_link_between_its_articles() -> None:
    articles = [Article(id, f"Title {id}", ["x"], outlet=id.upper()) for id in ("a", "b", "c")]
    links = [ProvenanceLink("a", "b", "copies", ["same text"]), ProvenanceLink("a", "zz", "rewrites")]
    graph = views.provenance_graph(articles, links)
    assert [n.id for n in graph.nodes] == ["a", "b", "c"]
    assert graph.nodes[0].y < graph.nodes[1].y
    (edge,) = graph.edges  # the link to an unknown article is left out
    assert edge.relation == "copies" and edge.evidence == "same text"
    assert edge.path.startswith(f"M{graph.nodes[0].x + 300},{graph.nodes[0].y + 18}")


def test_provenance_graph_draws_no_arrow_where_nothing_told_the_direction() -> None:
    """Same-day copies that neither credits nor contains: an arrowhead would name a source nothing showed."""
    articles = [Article(id, f"Title {id}", ["x"], outlet=id.upper()) for id in ("a", "b", "c")]
    links = [ProvenanceLink("a", "b", "copies", direction="unknown"), ProvenanceLink("a", "c", "copies", direction="subset")]
    assert [e.directed for e in views.provenance_graph(articles, links).edges] == [False, True]


def test_snippets_are_escaped_then_marked() -> None:
    html = str(highlight_snippet("<b>x</b> \u27e6Kanani\u27e7 said"))
    assert html == "&lt;b&gt;x&lt;/b&gt; <mark>Kanani</mark> said"


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,x", False), (None, False), ("", False)],
)
def test_only_web_urls_are_linked(url: str | None, linked: bool) -> None:
    assert (web_url(url) is not None) == linked


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.5.0.1", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_token_is_generated_beyond_loopback_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    assert resolve_token("127.0.0.1") == (None, False)
    token, generated = resolve_token("0.0.0.0")
    assert generated and len(token) >= 24
    assert resolve_token("0.0.0.0")[0] != token
    monkeypatch.setenv("STORYLINE_TOKEN", "chosen")
    assert resolve_token("0.0.0.0") == ("chosen", False)
    assert resolve_token("127.0.0.1") == ("chosen", False)


def test_serve_command_prints_a_generated_token(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    started = {}
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: started.update(kw, app=web_app))
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "8123", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "Authorization: Bearer " in result.output
    printed = result.output.split("Authorization: Bearer ")[1].split()[0]
    assert started["host"] == "0.0.0.0" and started["port"] == 8123
    assert started["app"].state.token == printed
    local = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "x.db")])
    assert "Bearer" not in local.output and started["app"].state.token is None


def test_story_flags_new_and_growing_relative_to_the_newest_article() -> None:
    now = datetime(2023, 5, 10, 12, tzinfo=UTC)

    def article(aid: str, hours_ago: float, outlet: str, language: str) -> Article:
        return Article(aid, aid, ["x"], outlet=outlet, language=language, published=now - timedelta(hours=hours_ago))

    fresh = [article("a", 5, "B", "en"), article("b", 1, "A", "fr")]
    old_but_active = [article("c", 200, "A", "en"), article("d", 3, "A", "en")]
    stale = [article("e", 300, "A", "en"), article("f", 100, "C", "en")]
    summaries = {
        name: summarize_story(Story(name, name, [a.id for a in members]), members, now)
        for name, members in [("fresh", fresh), ("active", old_but_active), ("stale", stale)]
    }
    assert (summaries["fresh"].new, summaries["fresh"].growing) == (True, False)
    assert (summaries["active"].new, summaries["active"].growing) == (False, True)
    assert (summaries["stale"].new, summaries["stale"].growing) == (False, False)
    assert summaries["fresh"].outlets == ["A", "B"] and summaries["fresh"].languages == ["en", "fr"]
    assert summaries["stale"].first_published == now - timedelta(hours=300)
    assert summarize_story(Story("x", "x", ["a"]), fresh[:1], None).new is False  # no dated library: no flags


def test_an_article_without_outlet_is_named_as_the_reports_name_it() -> None:
    """A file name identifies an article of no known outlet, but is never shown as its outlet."""
    named = Article(id="a", title="Ferry sinks", paragraphs=["x"], outlet="Ruritania Herald")
    unnamed = Article(id="b", title="Ferry sank", paragraphs=["y"], source="/data/meridian.txt")
    other = Article(id="c", title="Ferry lost", paragraphs=["z"], source="/data/elwyn.txt#2")
    summary = summarize_story(Story("s", "s", ["a", "b", "c"]), [named, unnamed, other], None)
    assert summary.outlets == ["Ruritania Herald", "unknown outlet"]
    graph = views.provenance_graph([named, unnamed], [])
    assert [node.outlet for node in graph.nodes] == ["Ruritania Herald", "unknown outlet (meridian.txt)"]
    assert reader_names([named, unnamed, other]) == {
        "a": "Ruritania Herald", "b": "unknown outlet (meridian.txt)", "c": "unknown outlet (elwyn.txt)",
    }
    twins = [Article(id=i, title="Ferry", paragraphs=[i], source="/data/feed.jsonl#1", language=i) for i in "xy"]
    assert reader_names(twins) == {"x": "unknown outlet (feed.jsonl, x)", "y": "unknown outlet (feed.jsonl, y)"}


def test_timeline_marks_estimated_dates_and_still_places_them() -> None:
    entries = [
        {"date": "2024-03-04", "events": [{"text": "Harbour closes"}], "outlets": ["A"]},
        {"date": "2024-03-05", "events": [{"text": "Ferry diverted"}], "outlets": ["B"], "estimated": True},
    ]
    chart = views.timeline_chart(entries, width=600)
    assert [p.when for p in chart.points] == ["4 March 2024", "≈ 5 March 2024"]
    assert chart.points[0].x < chart.points[1].x



def test_a_long_label_on_the_chart_is_cut_at_a_word() -> None:
    text = "The ferry strike at Port Elwyn began hours after the talks with Olga Petrenko failed"
    (point,) = views.timeline_chart([{"date": "2024-03-04", "events": [{"text": text}], "outlets": ["A"]}]).points
    assert point.label == "The ferry strike at Port Elwyn began…"

def test_a_range_on_the_chart_reads_as_its_span() -> None:
    entries = [{"date": "2024-03-04", "until": "2024-03-06", "events": [{"text": "Harbour closed"}], "outlets": ["A"]}]
    assert [p.when for p in views.timeline_chart(entries, width=600).points] == ["4\u20136 March 2024"]


@pytest.mark.parametrize(
    ("start", "until", "words"),
    [
        ("2022-12-30", "2023-01-02", "30 December 2022 \u2013 2 January 2023"),
        ("2021-11", "2022-02", "November 2021 \u2013 February 2022"),
        ("2022-03", "2022-05", "March\u2013May 2022"),
        ("2019", "2021", "2019\u20132021"),
        ("XXXX-12-09", "XXXX-12-11", "9\u201311 December (year unknown)"),
    ],
)
def test_a_range_says_the_words_its_ends_share_once(start: str, until: str, words: str) -> None:
    from storyline.report.comparison import calendar_words

    assert calendar_words(start, until) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("XXXX-09-22", "22 September (year unknown)"),
        ("XXXX-09", "September (year unknown)"),
        ("XXXX-W15", "week 15 (year unknown)"),
        ("2018-W15", "week of 9 April 2018"),
        ("2020-W53", "week of 28 December 2020"),
        ("2018-W54", "2018-W54"),
        ("2018-04-07", "7 April 2018"),
        ("2018-04", "April 2018"),
        ("2018", "2018"),
        ("2018-13", "2018-13"),
        ("PRESENT_REF", "PRESENT_REF"),
    ],
)
def test_timeline_values_read_as_words(value: str, words: str) -> None:
    from storyline.report.comparison import calendar_words

    assert calendar_words(value) == words


def test_one_name_typed_two_ways_is_one_entity_of_its_specific_type() -> None:
    from storyline.model import Entity
    from storyline.service.web_queries import story_entities

    def named(article_id: str, kind: str, mentions: int) -> Article:
        entity = Entity(name="Olga Petrenko", type=kind, mentions=[(0, 5)] * mentions)
        return Article(id=article_id, title="Port Elwyn", paragraphs=["x"], entities=[entity])

    (entity,) = story_entities([named("a", "MISC", 3), named("b", "PERSON", 1), named("c", "MISC", 1)])
    assert (entity.name, entity.type, entity.articles) == ("Olga Petrenko", "PERSON", ["a", "b", "c"])
    assert entity.mentions == 5
    (alone,) = story_entities([named("a", "MISC", 1)])
    assert alone.type == "MISC"


def test_story_entities_merge_variants_across_articles_and_keep_metonym_links() -> None:
    from storyline.model import Entity
    from storyline.service.web_queries import story_entities

    def article(article_id: str, *entities: Entity) -> Article:
        return Article(id=article_id, title="Port Elwyn", paragraphs=["x"], entities=list(entities))

    full = Entity("Ruth Adler", "PERSON", ["Ruth Adler", "Adler"], [(0, 10), (20, 25)])
    seat = Entity("Elwyn Palace", "ORG", ["Elwyn Palace"], [(30, 42)], "Ruritania government", "seat-for-government")
    listed = story_entities([article("a", full, seat), article("b", Entity("Adler", "PERSON", ["Adler"], [(0, 5)]))])
    adler = next(e for e in listed if e.type == "PERSON")
    assert (adler.name, adler.articles, adler.mentions) == ("Ruth Adler", ["a", "b"], 3)
    palace = next(e for e in listed if e.type == "ORG")
    assert palace.refers_to == "Ruritania government"


def test_an_article_heading_written_in_capitals_reads_in_title_case_with_its_names_as_written() -> None:
    from storyline.model import Entity

    nato = Entity(name="NATO", type="ORG", mentions=[(0, 4)])
    article = Article(id="a1", title="NATO CHIEF VISITS THE PORT OF ELWYN", paragraphs=["NATO said so."], entities=[nato])
    assert views.article_heading(article) == "NATO Chief Visits the Port of Elwyn"
    assert article.title == "NATO CHIEF VISITS THE PORT OF ELWYN"


def test_a_story_of_one_day_spans_that_day_once() -> None:
    morning, evening = datetime(2013, 8, 2, 9, 5), datetime(2013, 8, 2, 21, 40)
    assert date_span(morning, evening) == "2 Aug 2013"
    assert date_span(morning, datetime(2013, 8, 4, 8)) == "2 Aug 2013 \u2013 4 Aug 2013"
    assert date_span(None, None) == "undated" and date_span(morning, None) == "2 Aug 2013"
