"""False conflicts of a fifth ECB+ pass: a figure told as a part of a whole ("in cash"), two plays of one game told
by whom each went to ("a pass to N"), and a negation true as of its report ("not yet known") against a later
report. Invented fixtures; each test fails on the rules before."""

from datetime import datetime

from compare_helpers import english_claim, make_article

from storyline.compare.conflicts import NumberConflict
from storyline.compare.story import compare

claim = english_claim
EARLY, LATE = datetime(2025, 6, 1, 8), datetime(2025, 6, 2, 14)


def test_a_figure_told_as_a_part_is_not_the_whole():
    detector = NumberConflict()
    deal = claim("a:c0", "Elwyn Foods agreed a $334 million deal to buy Ruritania Dairies.")
    cash = claim("b:c0", "Elwyn Foods is paying $281 million in cash to buy Ruritania Dairies.")
    assert detector.detect(deal, cash, 0.9) is None
    share = claim("c:c0", "Elwyn Foods said $281 million of the price to buy Ruritania Dairies is cash.")
    assert detector.detect(deal, share, 0.9) is None
    cash_too = claim("d:c0", "Elwyn Foods is paying $250 million in cash to buy Ruritania Dairies.")
    assert detector.detect(cash, cash_too, 0.9) is not None  # two parts of one kind are compared
    other_price = claim("e:c0", "Elwyn Foods agreed a $281 million deal to buy Ruritania Dairies.")
    assert detector.detect(deal, other_price, 0.9) is not None
    whole_and_part = claim("f:c0", "Elwyn Foods agreed a $334 million deal, of which $281 million is cash, for Ruritania Dairies.")
    assert detector.detect(whole_and_part, deal, 0.9) is None
    higher = claim("g:c0", "Elwyn Foods agreed a $360 million deal to buy Ruritania Dairies.")
    assert detector.detect(whole_and_part, higher, 0.9) is not None  # its whole is still compared


def test_two_passes_to_two_players_are_two_plays():
    detector = NumberConflict()
    names = ("Marco Bell", "Ruth Adler", "Ines Vidal")
    first = claim("a:c0", "Marco Bell completed an 11-yard pass to Ruth Adler in the win over Port Elwyn.", names)
    second = claim("b:c0", "Marco Bell completed a 7-yard pass to Ines Vidal in the win over Port Elwyn.", names)
    assert detector.detect(first, second, 0.9) is None
    same_receiver = claim("c:c0", "Marco Bell completed a 7-yard pass to Ruth Adler in the win over Port Elwyn.", names)
    assert detector.detect(first, same_receiver, 0.9) is not None


def _negation_groups(negated: str, asserted: str, encode, negated_at, asserted_at) -> list[str]:
    a = make_article("a", [negated], language="en", outlet="Ruritania Herald", published=negated_at)
    b = make_article("b", [asserted], language="en", outlet="Port Elwyn Post", published=asserted_at)
    result = compare([a, b], encode)
    return [e["rule"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] == "negation"]


def test_a_negation_true_so_far_is_no_conflict_with_a_later_report(encode):
    so_far = "The test results of Marco Bell have not been released by the Port Elwyn police."
    released = "The test results of Marco Bell have been released by the Port Elwyn police."
    assert _negation_groups(so_far, released, encode, EARLY, LATE) == []
    assert _negation_groups(so_far, released, encode, EARLY, None) == []  # an undated report may be the later
    assert _negation_groups(so_far, released, encode, LATE, EARLY) == ["negation"]  # released, then "not"
    not_yet = "The test results of Marco Bell were not yet released by the Port Elwyn police."
    assert _negation_groups(not_yet, released, encode, EARLY, LATE) == []


def test_a_plain_negation_still_contradicts_a_later_report(encode):
    denied = "The test results of Marco Bell were not released by the Port Elwyn police."
    released = "The test results of Marco Bell were released by the Port Elwyn police."
    assert _negation_groups(denied, released, encode, EARLY, LATE) == ["negation"]
