"""A copy's or translation's relative dates ("today", "on Friday") are its source's: one event, one timeline day."""

from __future__ import annotations

from datetime import datetime

from compare_helpers import make_article

from storyline.compare.story import compare
from storyline.enrich.times import find_times
from storyline.model import Article

MONDAY = datetime(2026, 5, 11, 8)
TUESDAY = datetime(2026, 5, 12, 9)

WIRE = [
    "The Kestrel Dam burst above Port Elwyn today, flooding three villages in the valley below.",
    "Interior Minister Ines Vidal said on Friday that the dam had been inspected in March.",
    "Rescue teams evacuated about two thousand residents from the villages by mid-morning.",
]


def _article(article_id: str, paragraphs: list[str], published: datetime, language: str = "en") -> Article:
    article = make_article(
        article_id, paragraphs, published=published, language=language, url=f"https://{article_id}.example/dam"
    )
    article.times = find_times(article.text, published, language)
    return article


def _days(timeline: list[dict]) -> dict[str, list[str]]:
    """Entry date -> the articles with an event on it."""
    return {entry["date"]: sorted({e["article"] for e in entry["events"]}) for entry in timeline}


def test_a_next_day_copy_is_dated_as_its_source(encode):
    wire = _article("wire", WIRE, MONDAY)
    copy = _article("herald", WIRE, TUESDAY)
    comparison = compare([copy, wire], encode)
    assert [(x.from_, x.to, x.relation) for x in comparison.provenance] == [("wire", "herald", "copies")]
    days = _days(comparison.timeline)
    assert days["2026-05-11"] == ["herald", "wire"]  # the burst: "today" as the wire wrote it
    assert days["2026-05-08"] == ["herald", "wire"]  # the minister's Friday: the one before either date
    assert "2026-05-12" not in days
    (burst,) = [e for e in comparison.timeline if e["date"] == "2026-05-11"]
    assert burst["agreed_by"] == 2


def test_a_next_day_translation_is_dated_as_its_source(use_encode):
    wire = _article("wire", WIRE[:1] + WIRE[2:], MONDAY)
    spanish = [
        "La presa de Kestrel se rompió hoy sobre Port Elwyn, inundando tres aldeas del valle.",
        "Los equipos de rescate evacuaron a unos dos mil vecinos de las aldeas a media mañana.",
    ]
    diario = _article("diario", spanish, TUESDAY, "es")
    comparison = compare([diario, wire], use_encode)
    assert [(x.from_, x.to, x.relation) for x in comparison.provenance] == [("wire", "diario", "translates")]
    assert _days(comparison.timeline) == {"2026-05-11": ["diario", "wire"]}


def test_an_independent_report_reads_its_yesterday_against_its_own_date(encode):
    wire = _article("wire", WIRE[:1], MONDAY)
    later = _article(
        "gazette",
        [
            "Ruritanian engineers began draining the reservoir on Tuesday after the Kestrel Dam burst yesterday.",
            "Mayor Tomas Quill opened two schools in Port Elwyn to families who lost their homes.",
        ],
        TUESDAY,
    )
    comparison = compare([later, wire], encode)
    assert not [x for x in comparison.provenance if x.relation in ("copies", "translates")]
    days = _days(comparison.timeline)
    assert days["2026-05-11"] == ["gazette", "wire"]


def test_a_copy_that_rewrote_today_as_yesterday_keeps_its_day(encode):
    """An edited copy already names the source's day: read against the source's date it would name the day before."""
    wire = _article("wire", WIRE, MONDAY)
    edited = _article("herald", [WIRE[0].replace("today", "yesterday"), *WIRE[1:]], TUESDAY)
    comparison = compare([edited, wire], encode)
    assert comparison.provenance[0].relation == "copies"
    days = _days(comparison.timeline)
    assert days["2026-05-11"] == ["herald", "wire"] and "2026-05-10" not in days
