"""False conflicts a fourth fact-checker walkthrough (ECB+, SemEval same-story pairs) found: one kind of thing under
two names (two polls, two courts), a count that belongs to whoever its possessive names (a team's points, a
record's), and figures misread (a hedge before a currency, a mixed fraction). Invented fixtures; each test fails
on the rules before."""

from compare_helpers import english_claim

from storyline.compare.conflicts import DateConflict, NumberConflict

claim = english_claim


def test_two_polls_named_by_their_makers_are_two_figures():
    detector = NumberConflict()
    gazette = claim("a:c0", "An opinion poll for the Port Elwyn Gazette found that 68 percent of Ruritanians back the ferry ban.")
    herald = claim("b:c0", "An opinion poll published by the Elwyn Herald said 83 percent of Ruritanians back the ferry ban.")
    assert detector.detect(gazette, herald, 0.9) is None
    same_poll = claim("c:c0", "An opinion poll published by the Port Elwyn Gazette said 83 percent of Ruritanians back the ferry ban.")
    assert detector.detect(gazette, same_poll, 0.9) is not None  # one poll, two figures
    unnamed = claim("d:c0", "An opinion poll said 83 percent of Ruritanians back the ferry ban.")
    assert detector.detect(gazette, unnamed, 0.9) is not None


def test_one_verb_dated_at_two_courts_tells_two_hearings():
    detector = DateConflict()
    crown = claim(
        "a:c0", "Marco Bell was remanded in custody to appear before Elwyn Crown Court on 19 August.",
        dates=["2026-08-19"], date_verbs={"2026-08-19": "appear"},
    )  # fmt: skip
    magistrates = claim(
        "b:c0", "Marco Bell is due to appear before Elwyn Magistrates' Court on Tuesday.",
        dates=["2026-07-21"], date_verbs={"2026-07-21": "appear"},
    )  # fmt: skip
    assert detector.detect(crown, magistrates, 0.9) is None
    same_court = claim(
        "c:c0", "Marco Bell is due to appear before Elwyn Crown Court on Tuesday.",
        dates=["2026-07-21"], date_verbs={"2026-07-21": "appear"},
    )  # fmt: skip
    assert detector.detect(crown, same_court, 0.9) is not None


def test_a_title_or_a_first_name_does_not_name_a_person_apart():
    detector = NumberConflict()
    full = claim("a:c0", "Danny Green scored 14 points in the win over Port Elwyn.")
    title = claim("b:c0", "Mr. Green scored 16 points in the win over Port Elwyn.")
    assert detector.detect(full, title, 0.9) is not None


def test_a_possessive_names_whose_count_it_is():
    detector = NumberConflict()
    names = ("Marco Bell", "Ines Vidal")
    finished = claim("a:c0", "Marco Bell finished with 23 points against Port Elwyn.", names)
    teams = claim("b:c0", "Marco Bell scored 10 of the team's first 17 points against Port Elwyn.", names)
    assert [q.kind for q in teams.quantities if q.text == "17"] == ["point (of team)"]
    assert detector.detect(finished, teams, 0.9) is None
    record = claim("c:c0", "Marco Bell broke Ines Vidal's record of 2,116 points against Port Elwyn.", names)
    ended = claim("d:c0", "Marco Bell ended the game with 2,129 points against Port Elwyn.", names)
    assert detector.detect(record, ended, 0.9) is None
    other_total = claim("e:c0", "Marco Bell ended the game with 2,029 points against Port Elwyn.", names)
    assert detector.detect(ended, other_total, 0.9) is not None


def test_a_hedge_before_a_currency_still_hedges():
    detector = NumberConflict()
    over = claim("a:c0", "The Port Elwyn film has already brought in over $363 million at the box office.")
    exact = claim("b:c0", "The Port Elwyn film has brought in $368 million at the box office.")
    assert [(q.kind, q.low, q.high) for q in over.quantities] == [("money (USD)", 363e6, None)]
    assert detector.detect(over, exact, 0.9) is None
    under = claim("c:c0", "The Port Elwyn film has already brought in over $380 million at the box office.")
    assert detector.detect(under, exact, 0.9) is not None


def test_a_mixed_fraction_is_one_figure():
    detector = NumberConflict()
    written = claim("a:c0", "Ines Vidal spent 10 minutes on the stand after 4 1/2 hours of testimony in Port Elwyn.")
    decimal = claim("b:c0", "Ines Vidal spent 10 minutes on the stand after 4.5 hours of testimony in Port Elwyn.")
    assert [q.value for q in written.quantities] == [600.0, 4.5 * 3600]
    assert detector.detect(written, decimal, 0.9) is None
