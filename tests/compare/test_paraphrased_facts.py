"""A fact one outlet's lead sums up with another is not "only in" the outlet that gives it a sentence of its own."""

import numpy as np
from compare_helpers import english_claim

from storyline.compare.align import align_claims
from storyline.compare.verdicts import alignment_groups

LEAD = "A strong earthquake hit Varna island on Sunday, injuring five people and damaging buildings, local media said."


def _vectors(lead_to_other: float, lead_to_second: float) -> np.ndarray:
    """Unit vectors for [lead, other article's lead, other article's second sentence] with the given cosines."""
    rest = np.sqrt(1 - lead_to_other**2)
    return np.array(
        [[1.0, 0.0, 0.0], [lead_to_other, rest, 0.0], [lead_to_second, 0.0, np.sqrt(1 - lead_to_second**2)]],
        dtype=np.float32,
    )


def _verdict_of_second(second: str, names: tuple[str, ...] = (), cosine: float = 0.5) -> tuple[bool, str]:
    claims = [
        english_claim("ledger:0", LEAD, entities=["Varna"]),
        english_claim("tribune:0", "The quake struck on Sunday afternoon, residents said."),
        english_claim("tribune:1", second, entities=list(names)),
    ]
    alignment = align_claims(claims, _vectors(0.8, cosine))
    groups = alignment_groups(claims, alignment, {c.article: c.article.title() for c in claims})
    (group,) = [g for g in groups if g.claims == ["tribune:1"]]
    return bool(alignment.links[0, 2]), group.verdict


def test_a_sentence_the_other_lead_tells_in_other_words_is_shared():
    """The Ledger's one sentence is matched to the Tribune's lead; the Tribune's second sentence tells its
    injured and damage in other words (cosine 0.5, under the bar) and was read as told by the Tribune only."""
    linked, verdict = _verdict_of_second("The tremor injured five people near the port and damaged several buildings.")
    assert linked
    assert verdict == "shared"


def test_a_sentence_sharing_names_and_topic_only_stays_unique():
    """A name both give plus two words are no paraphrase: the Tribune's mayor and schools are not in the Ledger."""
    linked, verdict = _verdict_of_second("Mayor Ilse Varna of Varna island said local schools would reopen.", ("Ilse Varna", "Varna"), 0.42)
    assert not linked
    assert verdict == "unique"


def test_a_sentence_giving_other_figures_is_no_paraphrase():
    """Same words, another count of the injured: another report (or a conflict), not the same fact retold."""
    linked, verdict = _verdict_of_second("The tremor injured two people near the port and damaged several buildings.")
    assert not linked
    assert verdict == "unique"
