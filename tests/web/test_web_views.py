"""The story page's layouts: highlighted text, timeline, provenance graph; and the write guard."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from storyline.model import Article, Claim, ClaimGroup, ProvenanceLink
from storyline.web import views
from storyline.web.rendering import highlight_snippet, web_url
from storyline.web.security import is_loopback, resolve_token

TEXT = "One two. Three four.\n\nFive six."


def claim(cid: str, start: int, end: int) -> Claim:
    return Claim(cid, "a", TEXT[start:end], start, end)


def test_highlight_marks_claims_and_keeps_every_character() -> None:
    claims = [claim("c1", 0, 8), claim("c2", 9, 20), claim("c3", 22, 31)]
    groups = [ClaimGroup(["c1", "x"], "shared", id="g1"), ClaimGroup(["c2"], "unique"),
              ClaimGroup(["c1", "c3"], "conflict", id="k")]
    paragraphs = views.highlight_paragraphs(TEXT, claims, views.index_claims(groups))
    assert ["".join(s.text for s in p) for p in paragraphs] == ["One two. Three four.", "Five six."]
    first = paragraphs[0][0]
    assert (first.claim, first.verdict, first.groups) == ("c1", "conflict", ["g1", "k"])  # conflict wins
    assert paragraphs[0][1].claim is None and paragraphs[0][1].text == " "
    assert paragraphs[0][2].verdict == "unique" and paragraphs[0][2].groups == ["g1"]  # unnamed group: position


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
    assert [p.when for p in chart.points] == ["2022-12-09", "2022-12-10", "2022-12-18"]
    assert chart.points[0].x < chart.points[1].x < chart.points[2].x
    assert chart.points[0].y != chart.points[1].y  # close dates: labels on different rows
    assert chart.points[2].anchor == "end" and chart.points[2].claim == "c9"
    assert chart.points[2].outlets == "A, B"
    assert [e["date"] for e in chart.undated] == ["PRESENT_REF"]
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
    import uvicorn

    from storyline.cli import app

    started = {}
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: started.update(kw, app=web_app))
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "Authorization: Bearer " in result.output
    printed = result.output.split("Authorization: Bearer ")[1].split()[0]
    assert started["host"] == "0.0.0.0" and started["port"] == 8123
    assert started["app"].state.token == printed
    local = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db")])
    assert "Bearer" not in local.output and started["app"].state.token is None
