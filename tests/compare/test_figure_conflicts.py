"""Figures compared by what they count, one conflict per disagreement (invented reports from Port Elwyn)."""

from datetime import datetime

from compare_helpers import entity, make_article

from storyline.compare.claims import split_claims
from storyline.compare.conflicts import detectors
from storyline.compare.story import compare


def _two(first: str, second: str, encode, **fields):
    """The comparison of two one-sentence English reports."""
    a = make_article("a", [first], language="en", **fields.get("a", {}))
    b = make_article("b", [second], language="en", **fields.get("b", {}))
    return compare([a, b], encode)


def _conflicts(result) -> list[str]:
    return [e["detail"] for g in result.groups if g.verdict == "conflict" for e in g.evidence if e["rule"] != "aligned"]


def _numbers(a_text: str, b_text: str, similarity: float) -> list[str]:
    (a,), (b,) = split_claims(make_article("a", [a_text], language="en")), split_claims(make_article("b", [b_text], language="en"))
    (rule,) = [d for d in detectors("aligned") if d.name == "numbers"]
    finding = rule.detect(a, b, similarity)
    return [finding.detail] if finding else []


def test_one_figure_in_common_does_not_hide_a_different_toll(encode):
    result = _two("The quake killed 10 people and injured 80 on Sunday.", "The quake killed 3 people and injured 80 on Sunday.", encode)
    assert _conflicts(result) == ["numbers disagree on killed: 10 (a) vs 3 (b)"]
    assert result.summary["shared"] == 0 and result.summary["conflicts"] == 1


def test_magnitudes_disagree_though_the_distance_agrees(encode):
    result = _two(
        "The 6.1-magnitude quake struck 36 miles from Port Elwyn on Sunday.",
        "The 5.9-magnitude quake struck 36 miles from Port Elwyn on Sunday.",
        encode,
    )
    assert _conflicts(result) == ["numbers disagree on magnitude: 6.1-magnitude (a) vs 5.9-magnitude (b)"]


def test_hedged_and_converted_figures_fit_each_other(encode):
    assert _conflicts(_two("At least 3 people were killed by the quake in Port Elwyn.", "10 people were killed by the quake in Port Elwyn.", encode)) == []
    assert _conflicts(_two("The epicentre was 35 miles from Port Elwyn, the survey said.", "The epicentre was about 58km (36 miles) from Port Elwyn, the survey said.", encode)) == []


def test_figures_of_different_kinds_are_not_compared(encode):
    petrenko = "Olga Petrenko"
    a_text = "Police said the victim Olga Petrenko had three children at home in Port Elwyn."
    b_text = "Police said the victim Olga Petrenko had a daughter aged 11 at home in Port Elwyn."
    a = make_article("a", [a_text], language="en", entities=[entity(a_text, petrenko)])
    b = make_article("b", [b_text], language="en", entities=[entity(b_text, petrenko)])
    assert _conflicts(compare([a, b], encode)) == []
    assert _conflicts(_two("The quake killed 10 people near Port Elwyn on Sunday, officials said.", "The quake hit 12 villages near Port Elwyn on Sunday, officials said.", encode)) == []


def test_a_later_higher_toll_is_an_update(encode):
    early, late = {"published": datetime(2025, 6, 1, 8)}, {"published": datetime(2025, 6, 1, 14)}
    text = "The ferry sinking off Port Elwyn killed {} people, the coast guard said."
    updated = _two(text.format("three"), text.format(10), encode, a=early, b=late)
    (group,) = updated.groups
    assert group.verdict == "shared"  # a toll that grew within the day is an update, not a conflict
    assert [(e["rule"], e["detail"]) for e in group.evidence] == [
        ("figure-updated", "figure updated on killed: three (a, 2025-06-01 08:00) then 10 (b, 2025-06-01 14:00)")
    ]
    lowered = _two(text.format(10), text.format("three"), encode, a=early, b=late)
    assert _conflicts(lowered) == ["numbers disagree on killed: 10 (a) vs three (b)"]


def test_ages_in_reports_far_apart_may_both_be_right(encode):
    text = "Marko Vell, {}, was charged with attempted murder over the Port Elwyn shooting."
    at_arrest, at_trial = {"published": datetime(2023, 3, 1)}, {"published": datetime(2025, 2, 10)}
    vell = [entity(text.format(18), "Marko Vell")]
    a, b = ({**at_arrest, "entities": vell}, {**at_trial, "entities": vell})
    assert _conflicts(_two(text.format(18), text.format(20), encode, a=a, b=b)) == []
    same_week = {**at_arrest, "entities": vell}
    assert _conflicts(_two(text.format(18), text.format(20), encode, a=a, b=same_week)) == [
        "numbers disagree on age of Marko Vell: 18 (a) vs 20 (b)"
    ]


def test_a_claim_is_never_both_shared_and_conflicting(use_encode):
    bridge = "The bridge over the Varna river in Port Elwyn collapsed during the morning rush hour."
    articles = [
        make_article("a", [bridge, "Rescue teams pulled 140 survivors from the river overnight."], language="en"),
        make_article("b", [bridge, "Rescue teams pulled 140 survivors from the river overnight."], language="en"),
        make_article("c", ["The Varna river bridge in Port Elwyn fell down in the morning rush hour.", "Only 120 people were rescued."], language="en"),
    ]
    result = compare(articles, use_encode)
    conflicts = [g for g in result.groups if g.verdict == "conflict"]
    assert [e["detail"] for g in conflicts for e in g.evidence if e["rule"] == "numbers"] == [
        "numbers disagree on rescued: 140 (a, b) vs 120 (c)"
    ]
    listed = [c for g in result.groups for c in g.claims]
    assert len(listed) == len(set(listed)) == len(result.claims)  # each claim in one group, one verdict


def test_a_rewording_below_the_fact_gate_is_checked_when_most_words_are_shared():
    assert _numbers("12 shots were fired at the crowd, police said.", "Police said 13 shots were fired into the crowd.", 0.59) == [
        "numbers disagree on shot: 12 vs 13"
    ]
    assert _numbers("At least 12 shots were fired at the crowd, police said.", "Police said 13 shots were fired into the crowd.", 0.59) == []
    assert _numbers("Officers later found 12 shots in the wall of a bakery.", "Police said 13 shots were fired into the crowd.", 0.59) == []


def test_negation_needs_the_same_predicate():
    (negation,) = [d for d in detectors("aligned") if d.name == "negation"]
    (a,) = split_claims(make_article("a", ["Petrenko said the country had not had a functioning government since 1991."], language="en"))
    (b,) = split_claims(make_article("b", ["Petrenko said the country descended into anarchy in 1991."], language="en"))
    assert negation.detect(a, b, 0.9) is None
    (strike,) = split_claims(make_article("c", ["The union in Port Elwyn will strike on Monday."], language="en"))
    (no_strike,) = split_claims(make_article("d", ["The union in Port Elwyn will not strike on Monday."], language="en"))
    assert negation.detect(strike, no_strike, 0.9) is not None


def test_double_negation_idioms_do_not_negate():
    for text in ("The launch in Port Elwyn was not without drama.", "The storm hit not only Port Elwyn but the whole coast."):
        assert not split_claims(make_article("a", [text], language="en"))[0].negated
    assert split_claims(make_article("a", ["The launch in Port Elwyn was not a success."], language="en"))[0].negated


def test_a_count_of_other_things_is_no_rival_of_the_whole_count():
    # "three other automatic rifles" (besides seven of another make) was set against "Nine assault rifles"
    first = "Seven AK-47s, three other automatic rifles, 13 loaded magazines, a grenade-launcher, rockets and grenades were found in the smugglers' boats."
    second = "Nine assault rifles, a grenade launcher, 13 fully loaded magazines and a GPS receiver were seized from the smugglers, the coast guard said."
    assert _numbers(first, second, 0.8) == []
    third = first.replace("three other", "five other")
    assert _numbers(first, third, 0.8)  # two counts of the other rifles still disagree
