from dataclasses import dataclass

from compare_helpers import entity, make_article, time_at

from storyline.compare.conflicts import Finding, detectors, register_detector, unregister_detector
from storyline.compare.story import compare
from storyline.model import Claim, Quantity


def claim(cid: str, text: str, **anchors) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), **anchors)


def run(scope: str, a: Claim, b: Claim, similarity: float) -> list[str]:
    return [f.rule for d in detectors(scope) if (f := d.detect(a, b, similarity))]


def _dead(value: float) -> Quantity:
    return Quantity(value=value, kind="killed", text=f"{value:g}", start=0, end=2, low=value, high=value)


def test_figures_of_one_kind_that_disagree_conflict_and_equal_ones_do_not():
    a = claim("a:c0", "Twelve died", numbers=[12.0], quantities=[_dead(12.0)])
    assert run("aligned", a, claim("b:c0", "Fifteen died", numbers=[15.0], quantities=[_dead(15.0)]), 0.9) == ["numbers"]
    assert run("aligned", a, claim("b:c0", "Twelve died", numbers=[12.0], quantities=[_dead(12.0)]), 0.9) == []
    # Bare numbers, whose kind nobody read, are not compared: 12 of what?
    assert run("aligned", claim("a:c0", "Twelve", numbers=[12.0]), claim("b:c0", "Fifteen", numbers=[15.0]), 0.9) == []


def test_dates_with_an_unknown_year_fit_a_full_date():
    text = "The court in Port Elwyn will rule on the appeal"
    a = claim("a:c0", text, dates=["XXXX-12-09"])
    assert run("aligned", a, claim("b:c0", text, dates=["2022-12-09"]), 0.9) == []
    assert run("aligned", a, claim("b:c0", text, dates=["2022-12-10"]), 0.9) == ["dates"]


def test_negation_flip_needs_near_identical_claims():
    a = claim("a:c0", "The union will strike on Monday", negated=False)
    b = claim("b:c0", "The union will not strike on Monday", negated=True)
    assert run("aligned", a, b, 0.9) == ["negation"]
    assert run("aligned", a, b, 0.6) == []


def test_opposed_verbs_need_one_actor_on_both_sides():
    a = claim("a:c0", "Tehran admitted it had sent drones", actors=[[0, 6, "Iran"]])
    b = claim("a:c1", "Sanctions hit Tehran, which denies the allegations", actors=[[14, 20, "Iran"]])
    assert run("topic", a, b, 0.5) == ["opposed-verbs"]
    c = claim("a:c1", "Oslo denies the allegations", actors=[[0, 4, "Oslo"]])
    assert run("topic", a, c, 0.5) == []
    ford = claim("b:c0", "Ford said its sales rose in May", actors=[[0, 4, "Ford"]])
    toyota = claim("b:c1", "Toyota said its sales fell in May", actors=[[0, 6, "Toyota"]])
    assert run("topic", ford, toyota, 0.8) == []


def test_one_statement_two_people_is_a_conflict_but_name_variants_are_not():
    a = claim("a:c0", "We will win", speaker="Ines Vidal")
    assert run("aligned", a, claim("b:c0", "We will win", speaker="Vidal"), 0.9) == []
    assert run("aligned", a, claim("b:c0", "We will win", speaker="Marco Bell"), 0.9) == ["speakers"]


def test_a_speaker_named_in_another_script_is_the_same_speaker():
    a = claim("a:c0", "We will win", speaker="Olga Petrenko")
    assert run("aligned", a, claim("b:c0", "Мы победим", speaker="Ольга Петренко"), 0.9) == []
    assert run("aligned", a, claim("b:c0", "Мы победим", speaker="Ирина Соколова"), 0.9) == ["speakers"]


def test_an_article_telling_both_sides_disagrees_with_no_one(encode):
    text1 = "Rivals accused Norland of selling rifles to the rebels, and Norland denies the allegations."
    text2 = "Last week Norland admitted selling rifles to the rebels before the war."
    article = make_article("a", [text1, text2])
    article.entities = [entity(article.text, "Norland", "PLACE")]
    assert [g for g in compare([article], encode).groups if g.verdict == "conflict"] == []


def test_an_article_telling_both_sides_does_not_disagree_with_one_telling_one(encode):
    """B says Norland denies and admits; A only that it admitted: B's tension is B's, not A vs B."""
    told_both = [
        "Rivals accused Norland of selling rifles to the rebels, and Norland denies the allegations.",
        "Last week Norland admitted selling rifles to the rebels before the war.",
    ]
    a = make_article("a", ["Norland has admitted selling rifles to the rebels, but only before the war."])
    b = make_article("b", told_both)
    for article in (a, b):
        article.entities = [entity(article.text, "Norland", "PLACE")]
    contradictions = [g for g in compare([a, b], encode).groups if g.kind == "contradiction"]
    assert contradictions == []
    lone = make_article("c", ["Rivals accused Norland of selling rifles to the rebels, and Norland denies the allegations."])
    lone.entities = [entity(lone.text, "Norland", "PLACE")]
    (group,) = [g for g in compare([a, lone], encode).groups if g.verdict == "conflict"]
    assert {c.split(":")[0] for c in group.claims} == {"a", "c"}
    assert [e["rule"] for e in group.evidence] == ["opposed-verbs"]


@dataclass
class AlwaysContradicts:
    """A stand-in for a user's NLI model."""

    name: str = "test-nli"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        return Finding("nli", "model says contradiction", [])


def test_a_registered_detector_is_used(encode):
    text = "The council approved the new budget for the city on Friday evening."
    a, b = make_article("a", [text]), make_article("b", [text])
    assert compare([a, b], encode).groups[0].verdict == "shared"
    register_detector(AlwaysContradicts())
    try:
        group = compare([a, b], encode).groups[0]
        assert group.verdict == "conflict"
        assert any(e["rule"] == "nli" for e in group.evidence)
    finally:
        unregister_detector("test-nli")


def test_dated_events_form_the_timeline(encode):
    text = "The bridge closed on March 3 after engineers found deep cracks in it."
    a = make_article("a", [text], outlet="Daily One", times=[time_at(text, "March 3", "2024-03-03")])
    b = make_article("b", [text], outlet="Daily Two", times=[time_at(text, "March 3", "XXXX-03-03")])
    (entry,) = compare([a, b], encode).timeline
    assert entry["date"] == "2024-03-03"
    assert entry["outlets"] == ["Daily One", "Daily Two"]


def test_two_names_for_one_day_make_one_event(encode):
    text = "The bridge closed on Sunday, March 3, after engineers found deep cracks in it."
    times = [time_at(text, "Sunday", "2024-03-03"), time_at(text, "March 3", "2024-03-03")]
    (entry,) = compare([make_article("a", [text], times=times)], encode).timeline
    assert [event["time_text"] for event in entry["events"]] == ["Sunday"]


def test_degenerate_inputs_give_an_empty_comparison(encode):
    assert compare([], encode).claims == []
    empty = make_article("a", [])
    short = make_article("b", ["Too short."])
    result = compare([empty, short], encode)
    assert result.claims == [] and result.groups == [] and result.provenance == []
    assert [a["id"] for a in result.articles] == ["a", "b"]


def test_the_same_article_twice_is_compared_once(encode):
    text = "The council approved the new budget for the city on Friday evening."
    result = compare([make_article("a", [text]), make_article("a", [text]), make_article("b", [text])], encode)
    assert [a["id"] for a in result.articles] == ["a", "b"]
    assert len({c.id for c in result.claims}) == len(result.claims) == 2


def test_a_claim_many_outlets_carry_lists_one_pair_per_claim_and_counts_the_rest(encode):
    sentence = "Olga Petrenko opened the new bridge across the river in Port Elwyn on Monday morning."
    five = [make_article(f"a{n}", [sentence]) for n in range(5)]
    (group,) = [g for g in compare(five, encode).groups if g.kind == "alignment"]
    listed = [e for e in group.evidence if "count" not in e]
    (rest,) = [e for e in group.evidence if "count" in e]
    assert group.verdict == "shared" and len(group.claims) == 5
    assert len(listed) <= 5 and len(listed) + rest["count"] == 10  # 10 linked pairs of 5 claims
    assert {span["claim"] for e in listed for span in e["spans"]} == set(group.claims)
    assert rest["rule"] == "aligned" and rest["spans"] == []
    # No more pairs than claims: every pair is listed, nothing counted.
    (group,) = [g for g in compare(five[:3], encode).groups if g.kind == "alignment"]
    assert len(group.evidence) == 3 and not any("count" in e for e in group.evidence)
