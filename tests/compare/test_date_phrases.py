"""Dates resolved from words that write no number are shown with those words (invented reports from Port Elwyn)."""

from datetime import datetime

from compare_helpers import make_article, time_at

from storyline.compare.story import compare


def _report(article_id: str, when: str, year: str, encode_published: datetime):
    text = f"The council will close the harbour of Port Elwyn {when}, the mayor Ruth Adler said."
    return make_article(article_id, [text], language="en", published=encode_published, times=[time_at(text, when, year)])


def test_a_year_conflict_from_relative_phrases_shows_the_phrases(encode):
    published = datetime(2025, 3, 4, 9)
    result = compare([_report("a", "next year", "2026", published), _report("b", "this year", "2025", published)], encode)
    details = [e["detail"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] == "dates"]
    assert details == ["dates disagree on the year: 2026 from \u201cnext year\u201d (a) vs 2025 from \u201cthis year\u201d (b)"]


def test_a_date_written_with_its_number_is_shown_as_its_value(encode):
    published = datetime(2025, 3, 4, 9)
    result = compare([_report("a", "in 2026", "2026", published), _report("b", "this year", "2025", published)], encode)
    details = [e["detail"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] == "dates"]
    assert details == ["dates disagree on the year: 2026 (a) vs 2025 from \u201cthis year\u201d (b)"]
    assert [c.date_phrases for c in result.claims] == [{}, {"2025": "this year"}]
