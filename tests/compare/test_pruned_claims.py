"""A claim aligned with another outlet's claim but pruned from that claim's group is not unique to its outlet."""

import numpy as np
from compare_helpers import english_claim, make_article

from storyline.compare.align import Alignment
from storyline.compare.story import compare
from storyline.compare.verdicts import alignment_groups
from storyline.report.comparison import findings

TEXTS = {
    "ledger:0": "The crew of the ferry was rescued by a fishing boat near the harbour.",
    "tribune:0": "A fishing boat rescued the ferry crew close to the harbour on Sunday.",
    "gazette:0": "The ferry crew were picked up by fishermen near the harbour on Sunday.",
    "courier:0": "Fishermen rescued the crew of the sunken ferry near the harbour.",
}


def _alignment(linked: list[tuple[int, int]], groups: list[list[int]]) -> Alignment:
    n = len(TEXTS)
    score = np.full((n, n), 0.3)
    np.fill_diagonal(score, -1.0)
    links = np.zeros((n, n), dtype=bool)
    for i, j in linked:
        score[i, j] = score[j, i] = 0.69
        links[i, j] = links[j, i] = True
    return Alignment(similarity=score.copy(), score=score, links=links, groups=groups)


def test_a_claim_pruned_from_its_counterparts_group_is_shared_with_that_outlet():
    claims = [english_claim(cid, text) for cid, text in TEXTS.items()]
    outlet_of = {c.article: c.article.title() for c in claims}
    # The three others align with each other; the Ledger's claim only with the Tribune's (1 of 3: pruned).
    alignment = _alignment([(0, 1), (1, 2), (1, 3), (2, 3)], [[0], [1, 2, 3]])
    groups = alignment_groups(claims, alignment, outlet_of)
    (alone,) = [g for g in groups if g.claims == ["ledger:0"]]
    assert alone.verdict == "shared"
    assert alone.outlets == ["Ledger", "Tribune"]
    assert not any(e["rule"] == "unique" for e in alone.evidence)
    assert findings(alone) == [f"aligned with Tribune: \u201c{TEXTS['tribune:0']}\u201d (score 0.69), a claim grouped with others"]


def test_a_claim_aligned_with_nothing_outside_its_outlet_stays_unique():
    claims = [english_claim(cid, text) for cid, text in TEXTS.items()]
    outlet_of = {c.article: c.article.title() for c in claims}
    groups = alignment_groups(claims, _alignment([(1, 2), (1, 3), (2, 3)], [[0], [1, 2, 3]]), outlet_of)
    (alone,) = [g for g in groups if g.claims == ["ledger:0"]]
    assert alone.verdict == "unique"
    assert alone.evidence[0]["detail"] == "only in Ledger"


def test_a_comparison_counts_the_outlets_its_articles_come_from(encode):
    """The reports tell a one-outlet story apart by it (an outlet does not corroborate itself)."""
    text = "The harbour of Port Elwyn reopened on Monday after the strike ended, the port authority said."
    same = compare([make_article("a", [text], outlet="Coastal Wire"), make_article("b", [text], outlet="Coastal Wire")], encode)
    apart = compare([make_article("a", [text], outlet="Coastal Wire"), make_article("b", [text], outlet="Harbor Courier")], encode)
    assert (same.summary["outlets"], apart.summary["outlets"]) == (1, 2)
