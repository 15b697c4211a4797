"""False conflicts left by the fourth fact-checker walkthrough (ECB+): two vague amounts read as two figures, a
dimension's two sides read as two figures of one thing, the year of the event a claim is placed after read as
the claim's own, and a possessive with a typographic apostrophe lost to the parser. Invented fixtures; each test
fails on the rules before."""

from compare_helpers import english_claim, make_article, time_at

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import NumberConflict
from storyline.compare.quantities import read_quantities

claim = english_claim


def test_two_vague_amounts_of_one_unit_do_not_disagree():
    detector = NumberConflict()
    tens = claim("a:c0", "Tens of thousands of students have taken to the streets of Port Elwyn this week.")
    thousands = claim("b:c0", "Thousands of students have taken to the streets of Port Elwyn this week.")
    assert detector.detect(tens, thousands, 0.9) is None
    figure = claim("c:c0", "Some 9,000 students have taken to the streets of Port Elwyn this week.")
    assert detector.detect(tens, figure, 0.9) is not None  # a figure still disagrees with a vague amount
    hundreds = claim("d:c0", "Hundreds of students have taken to the streets of Port Elwyn this week.")
    assert detector.detect(hundreds, thousands, 0.9) is not None  # two units: the crowd count a reader checks


def test_a_dimension_is_not_read_as_two_figures():
    assert read_quantities("The new laptop has a display of 2,880 by 1,800 pixels.", "en") == []
    assert read_quantities("The new laptop has a display of 2880 x 1800 pixels.", "en") == []
    assert read_quantities("The plot in Port Elwyn is 20 feet by 30 feet.", "en") == []
    assert [q.value for q in read_quantities("The firm hired 5 people by 2010.", "en")] == [5.0]
    assert [q.value for q in read_quantities("Police held 10 people by 10 p.m.", "en")] == [10.0]


def _dates(text: str, surface: str, value: str) -> list[str]:
    article = make_article("a", [text], times=[time_at(text, surface, value)], language="en")
    return split_claims(article)[0].dates


def test_the_year_of_the_event_a_claim_is_placed_after_is_not_the_claims():
    assert _dates("After Ruth Adler's election in 1968, Marco Bell worked in the palace without title.", "1968", "1968") == []
    assert _dates("Before the 2004 flood, Marco Bell ran the only ferry out of Port Elwyn.", "2004", "2004") == []
    assert _dates("After 1968, Marco Bell worked in the palace without title or salary.", "1968", "1968") == ["1968"]
    assert _dates("Marco Bell will appear before the court in Port Elwyn on Tuesday.", "Tuesday", "2026-07-21") == [
        "2026-07-21"
    ]


def test_a_typographic_apostrophe_still_names_whose_count_it_is():
    detector = NumberConflict()
    names = ("Marco Bell",)
    finished = claim("a:c0", "Marco Bell finished with 23 points against Port Elwyn.", names)
    teams = claim("b:c0", "Marco Bell scored 10 of the team\u2019s first 17 points against Port Elwyn.", names)
    assert [q.kind for q in teams.quantities if q.text == "17"] == ["point (of team)"]
    assert detector.detect(finished, teams, 0.9) is None
