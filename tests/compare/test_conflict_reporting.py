"""How conflicts read: one per disagreement, denials reported as such, figures over time (fact-checker
walkthrough on ECB+ and NewsWCL50 stories). Invented fixtures; each test fails on the rules before."""

from compare_helpers import make_article

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
