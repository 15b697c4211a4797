"""How conflicts read: one per disagreement, denials reported as such, figures over time (fact-checker
walkthrough on ECB+ and NewsWCL50 stories). Invented fixtures; each test fails on the rules before."""

from datetime import datetime

from compare_helpers import entity, make_article, quote_at

from storyline.compare.story import compare


def test_one_figure_disagreement_told_by_several_pairs_of_claims_is_one_conflict(encode):
    seven = make_article("a", ["The ferry capsized off Port Elwyn on Sunday, killing 7 passengers.",
                               "Rescue chief Ruth Adler told reporters that 7 people had died in the disaster."], language="en")  # fmt: skip
    eight = make_article("b", ["The ferry capsized off Port Elwyn on Sunday, killing 8 passengers.",
                               "Rescue chief Ruth Adler told reporters that 8 people had died in the disaster."], language="en")  # fmt: skip
    (group,) = [g for g in compare([seven, eight], encode).groups if g.verdict == "conflict"]
    assert sorted(group.claims) == ["a:c0", "a:c1", "b:c0", "b:c1"]
    (finding,) = [e for e in group.evidence if e["rule"] == "numbers"]
    assert finding["detail"] == "numbers disagree on killed: 7 (a) vs 8 (b)"
    assert [s["text"] for s in finding["spans"]] == ["7", "7", "8", "8"]


def test_an_outlet_reporting_a_denial_of_what_another_states_is_no_conflict(encode):
    stated = make_article("a", ["Ruritanian jets bombed the refugee camp at Port Elwyn on Thursday."], language="en")
    denied = make_article("b", ["The Ruritanian army denied that its jets bombed the refugee camp at Port Elwyn on Thursday."], language="en")
    (group,) = compare([stated, denied], encode).groups
    assert group.verdict == "shared"  # not "same claim" either: b reports a denial of it
    (finding,) = group.evidence
    assert finding["rule"] == "denial-reported"
    assert finding["detail"] == "b reports a denial (\u201cdenied\u201d) of what a states"
    assert [s["text"] for s in finding["spans"]] == ["denied", stated.text]
    rejected = make_article("c", ["Ines Vidal rejected claims that Ruritanian jets bombed the refugee camp at Port Elwyn."], language="en")
    (group,) = compare([stated, rejected], encode).groups
    assert [e["rule"] for e in group.evidence] == ["denial-reported"]


def test_a_denial_by_someone_else_than_the_quoted_speaker_is_a_note_not_a_quote_conflict(encode):
    said = "Ines Vidal said the bridge had been overloaded by lorries."
    denied = "Minister Olga Petrenko denied that the bridge had been overloaded by lorries."
    articles = [
        make_article("a", [said], entities=[entity(said, "Ines Vidal")], quotes=[_quote(said, "the bridge had been overloaded by lorries", "Ines Vidal", "said")]),
        make_article("b", [denied], entities=[entity(denied, "Olga Petrenko")],
                     quotes=[_quote(denied, "the bridge had been overloaded by lorries", "Olga Petrenko", "denied")]),
    ]  # fmt: skip
    (group,) = compare(articles, encode).quotes
    assert group["evidence"] == [] and not group["conflict"]
    assert group["notes"] == ["b reports a denial by Olga Petrenko of what a reports"]


def _quote(text: str, quoted: str, speaker: str, cue: str):
    found = quote_at(text, quoted, speaker)
    found.cue = cue
    return found


def test_a_toll_that_grew_from_one_day_to_the_next_reads_as_dated_updates(encode):
    text = "The ferry capsized off Port Elwyn, killing {} people."
    first = make_article("a", [text.format(5)], language="en", published=datetime(2024, 3, 1, 9))
    later = make_article("b", [text.format(7)], language="en", published=datetime(2024, 3, 2, 9))
    (group,) = compare([first, later], encode).groups
    assert group.verdict == "shared"
    assert [(e["rule"], e["detail"]) for e in group.evidence] == [
        ("figure-changed", "figure updated on killed: 5 (a, 2024-03-01 09:00) then 7 (b, 2024-03-02 09:00)")
    ]
    lowered = make_article("c", [text.format(3)], language="en", published=datetime(2024, 3, 2, 9))
    (group,) = compare([first, lowered], encode).groups  # a lower toll later is no update: listed by day
    assert group.evidence[0]["detail"] == "changed over time on killed: 5 (a, 2024-03-01) vs 3 (c, 2024-03-02)"


def test_a_denial_of_something_the_other_report_does_not_state_is_no_reported_denial(encode):
    wander = make_article("a", ["Marco Bell would wander the streets of Port Elwyn in his bathrobe, muttering."], language="en")
    text = "Denying he was a smuggler, Marco Bell would wander the streets of Port Elwyn in his bathrobe."
    denying = make_article("b", [text], language="en", entities=[entity(text, "Marco Bell")],
                           quotes=[_quote(text, "he was a smuggler", "Marco Bell", "Denying")])  # fmt: skip
    (group,) = compare([wander, denying], encode).groups
    assert [e["rule"] for e in group.evidence] == ["aligned"]
