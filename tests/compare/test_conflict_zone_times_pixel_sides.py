"""False conflicts left by the fifth fact-checker walkthrough (ECB+): a clock time with a zone ("1:30 p.m. PST")
dated to its article's publication day as if the zone were a written day, and a dimension whose second side
looks like a year ("2880 pixels by 1800"). Invented fixtures; each test fails on the rules before."""

from compare_helpers import english_claim, make_article

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import ClockTimeConflict, DateConflict
from storyline.compare.quantities import read_quantities
from storyline.model import TimeExpression


def _claim_with_time(article_id: str, text: str, surface: str, value: str, kind: str):
    start = text.index(surface)
    time = TimeExpression(text=surface, start=start, end=start + len(surface), value=value, type=kind)
    article = make_article(article_id, [text], times=[time], language="en")
    return split_claims(article)[0]


def test_a_clock_time_with_a_zone_names_no_day():
    zoned = _claim_with_time(
        "a", "Kickoff in Port Elwyn is at 1:30 p.m. PST for the final.", "1:30 p.m. PST", "2026-07-23T13:30", "TIME"
    )
    assert zoned.dates == []
    saturday = _claim_with_time(
        "b", "Kickoff in Port Elwyn is on Saturday for the final.", "Saturday", "2026-07-25", "DATE"
    )
    assert DateConflict().detect(zoned, saturday, 0.9) is None
    written = _claim_with_time(
        "c", "Kickoff in Port Elwyn is Thursday 1:30 p.m. PST for the final.", "Thursday 1:30 p.m. PST",
        "2026-07-23T13:30", "TIME",
    )
    assert written.dates == ["2026-07-23"]  # a written day still dates the claim


def test_two_times_of_one_event_on_one_written_day_still_conflict():
    early = english_claim("a:c0", "The fire at the Port Elwyn depot broke out on Tuesday at 3:40 a.m.")
    late = english_claim("b:c0", "The fire at the Port Elwyn depot broke out on Tuesday at 4:15 a.m.")
    assert ClockTimeConflict().detect(early, late, 0.95) is not None


def test_a_side_that_looks_like_a_year_is_still_a_side():
    assert read_quantities("The new laptop has a display of 2880 pixels by 1800.", "en") == []
    assert read_quantities("The new laptop has a display of 2880 pixels by 1800 pixels.", "en") == []
    assert [q.value for q in read_quantities("The firm hired 5 people by 2010.", "en")] == [5.0]
    assert [q.value for q in read_quantities("Ruritania sent 3000 troops by 2012.", "en")] == [3000.0]
    assert [q.value for q in read_quantities("Marco Bell ran 1500 metres by 2012 in Port Elwyn.", "en")] == [1500.0]
