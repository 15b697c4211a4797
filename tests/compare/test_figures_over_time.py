"""Figures told in different words, estimates, changes from day to day, and which date a claim takes
(invented reports from Port Elwyn)."""

from datetime import datetime

from compare_helpers import make_article, quote_at, time_at

from storyline.compare.quantities import agree, figure_key
from storyline.compare.story import compare
from storyline.model import Quantity


def _conflicts(result) -> list[str]:
    return [e["detail"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] != "aligned"]


def _reports(texts: list[str], days: list[int], encode):
    articles = [
        make_article(f"{name}", [text], language="en", published=datetime(2025, 3, day, 9))
        for name, text, day in zip("abcd", texts, days)
    ]
    return compare(articles, encode)


def _q(value: float, low: float, high: float) -> Quantity:
    return Quantity(value=value, kind="dockworker", text=str(value), start=0, end=1, low=low, high=high)


def test_two_estimates_agree_only_when_one_figure_is_in_the_others_margin():
    assert not agree(_q(2400, 2160, 2640), _q(2000, 1800, 2200))
    assert agree(_q(2400, 2160, 2640), _q(2300, 2070, 2530))
    assert agree(_q(2400, 2400, None), _q(3000, 2700, 3300))  # "at least 2,400" fits "about 3,000"


def test_one_figure_in_two_notations_is_one_value():
    assert figure_key(_q(43, 43, 43)) == figure_key(Quantity(value=43.0, kind="ship", text="Forty-three", start=0, end=1, low=43, high=43))


def test_a_figure_in_words_and_in_digits_is_listed_once(encode):
    text = "{} ships were waiting at anchor off Port Elwyn, harbour pilots said."
    result = _reports([text.format("Forty-three"), text.format("43"), text.format("About 30")], [3, 3, 3], encode)
    assert _conflicts(result) == ["numbers disagree on ship: Forty-three (a, b) vs About 30 (c)"]


def test_a_later_days_figure_is_a_change_not_a_conflict(encode):
    text = "{} ships were waiting at anchor off Port Elwyn, harbour pilots said."
    changed = _reports([text.format("Forty-three"), text.format("More than 50")], [3, 4], encode)
    assert _conflicts(changed) == []
    (group,) = [g for g in changed.groups if len(g.outlets) == 2]
    assert [e["rule"] for e in group.evidence] == ["figure-changed"]
    both = _reports([text.format("Forty-three"), text.format("About 30"), text.format("More than 50")], [3, 3, 4], encode)
    assert _conflicts(both) == ["numbers disagree on ship: Forty-three (a) vs About 30 (b); changed over time: More than 50 (c, 2025-03-04)"]


def test_hedged_figures_twenty_percent_apart_conflict(encode):
    text = "{} dockworkers walked off the job at Port Elwyn on Monday, the Ruritania union said."
    result = _reports([text.format("Some 2,400"), text.format("Around 2,000")], [3, 3], encode)
    assert _conflicts(result) == ["numbers disagree on dockworker: Some 2,400 (a) vs Around 2,000 (b)"]


def test_a_heading_date_dates_the_claim_not_a_later_subordinate_one(encode):
    text = "Last month, Ruritania admitted it had sent drones to Port Elwyn but insisted they left before the blockade began in June."
    said = "they left before the blockade began in June"
    article = make_article(
        "a", [text], language="en", published=datetime(2025, 9, 10),
        times=[time_at(text, "Last month", "2025-08"), time_at(text, "June", "2025-06")],
        quotes=[quote_at(text, said, "Ruritania")],
    )  # fmt: skip
    assert [entry["date"] for entry in compare([article], encode).timeline] == ["2025-08"]
