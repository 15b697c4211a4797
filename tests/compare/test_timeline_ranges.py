"""A range on the timeline: one entry from its start ``until`` its end, in words "9–11 December 2022"."""

from __future__ import annotations

from datetime import datetime

from compare_helpers import make_article

from storyline.compare.claims import split_claims
from storyline.compare.timeline import build_timeline
from storyline.enrich.times import find_times
from storyline.model import Article, TimeExpression

TUESDAY = datetime(2022, 12, 6, 9)


def _dated(text: str, anchor: datetime | None, **fields) -> Article:
    return make_article("a", [text], times=find_times(text, anchor, "en"), language="en", published=anchor, **fields)


def _timeline(article: Article) -> list[dict]:
    return build_timeline([article], split_claims(article), {}, {article.id: "Ruritania Herald"})


def test_a_range_of_two_expressions_is_one_entry():
    article = _dated("The Port Elwyn summit with Olga Petrenko ran from Monday to Wednesday.", TUESDAY)
    (entry,) = _timeline(article)
    assert (entry["date"], entry["until"]) == ("2022-11-28", "2022-11-30")
    assert entry["events"][0]["time_text"] == "Monday"


def test_a_compact_range_is_one_entry_and_gives_its_claim_both_ends():
    article = _dated("Ines Vidal held talks in Port Elwyn on Dec. 9-11, 2021.", TUESDAY)
    (claim,) = split_claims(article)
    assert claim.dates == ["2021-12-09", "2021-12-11"]  # a report of Dec. 10 does not disagree
    (entry,) = _timeline(article)
    assert (entry["date"], entry["until"]) == ("2021-12-09", "2021-12-11")


def test_an_undated_range_ends_in_the_year_its_start_is_placed():
    text = "Ines Vidal held talks in Port Elwyn on Dec. 9-11."
    article = _dated(text, None)
    assert [(t.value, t.until) for t in article.times] == [("XXXX-12-09", "XXXX-12-11")]
    article.published_estimate = TimeExpression("estimated", 0, 0, "2022-12-18", estimated=True)
    (entry,) = _timeline(article)
    assert (entry["date"], entry["until"], entry["estimated"]) == ("2022-12-09", "2022-12-11", True)


def test_a_single_day_has_no_until():
    (entry,) = _timeline(_dated("Ines Vidal held talks in Port Elwyn on Dec. 9, 2021.", TUESDAY))
    assert entry["date"] == "2021-12-09" and "until" not in entry
