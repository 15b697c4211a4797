"""Shared claims and conflicts on long stories: a topic in common is not a claim in common.

Invented fixtures (Ruritania, Port Elwyn, Olga Petrenko); each test fails on the rules before.
"""

import numpy as np

from storyline.compare.align import _pruned, align_claims, has_evidence, key_words
from storyline.compare.conflicts import (
    DateConflict,
    NumberConflict,
    SpeakerConflict,
    clashing_dates,
    is_caption,
    values_by_outlet,
)
from storyline.model import Claim, Quantity


def claim(cid: str, text: str, language: str = "en", **anchors) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], text=text, start=0, end=len(text), language=language, **anchors)


def _vectors(similarity: np.ndarray) -> np.ndarray:
    """Unit vectors whose dot products are ``similarity`` (symmetric, positive definite)."""
    return np.linalg.cholesky(similarity)


def test_one_speakers_two_quotes_sharing_no_word_do_not_align():
    # Three quotes of one speaker in one long story score ~0.6 with sentence embeddings: one topic, two statements.
    a = claim("a:c0", '"I really believe the talks will go well," Olga Petrenko said.', speaker="Olga Petrenko", cue="said")
    b = claim("b:c0", '"We will play a round of golf tomorrow," Petrenko said.', speaker="Olga Petrenko", cue="said")
    filler = [claim(f"{x}:c{i}", f"Ruritania {w} statement number {i}") for x in "ab" for i, w in ((1, "trade"), (2, "border"))]
    claims = [a, filler[0], filler[1], b, filler[2], filler[3]]
    similarity = np.eye(6) + 0.3 * (1 - np.eye(6))
    similarity[0, 3] = similarity[3, 0] = 0.62
    alignment = align_claims(claims, _vectors(similarity))
    assert (0, 3, alignment.score[0, 3]) not in alignment.pairs()
    assert not alignment.links[0, 3]


def test_words_of_the_speakers_name_are_no_evidence_but_a_rare_shared_word_is():
    a = claim("a:c0", "Olga Petrenko said the harbour of Port Elwyn will close", speaker="Olga Petrenko", cue="said")
    b = claim("b:c0", "Petrenko said the ferry fares would rise", speaker="Olga Petrenko", cue="said")
    assert "olga" not in key_words(a) and "petre" not in key_words(b)
    words_a, words_b = key_words(a), key_words(b)
    rarity = {w: 2.0 for w in words_a | words_b}
    assert not has_evidence(a, b, words_a, words_b, rarity)
    c = claim("c:c0", "The harbour at Port Elwyn closes next week")
    assert has_evidence(a, c, words_a, key_words(c), {w: 2.0 for w in words_a | key_words(c)})


def test_claims_of_two_languages_need_no_shared_words():
    a = claim("a:c0", "The harbour of Port Elwyn will close")
    b = claim("b:c0", "El puerto cerrará la semana próxima", language="es")
    assert has_evidence(a, b, key_words(a), key_words(b), {})


def test_a_claim_aligned_with_few_of_a_groups_members_leaves_it():
    # Articles a, b, c, d: claims 0-2 all linked; claim 3 (article d) linked to claim 2 only.
    articles = np.array(["a", "b", "c", "d"])
    links = np.zeros((4, 4), dtype=bool)
    for i, j in ((0, 1), (0, 2), (1, 2), (2, 3)):
        links[i, j] = links[j, i] = True
    assert _pruned([[0, 1, 2, 3]], links, articles) == [[0, 1, 2], [3]]
    links[1, 3] = links[3, 1] = True  # now aligned with two of three: stays
    assert _pruned([[0, 1, 2, 3]], links, articles) == [[0, 1, 2, 3]]


def test_dates_of_different_granularity_or_events_do_not_conflict():
    assert clashing_dates(["2015", "2024-04-30"], ["2024-04-29"]) == ("2024-04-30", "2024-04-29")
    assert clashing_dates(["2015"], ["2024-04-30"]) is None  # a year and a day: different things dated
    assert clashing_dates(["2024-03"], ["2024-04-29"]) is None
    assert clashing_dates(["2024-04-28", "2024-04-30"], ["2024-04-29"]) is None  # which day dates what?
    deal = claim("a:c0", "The 2015 accord with Ruritania was based on lies, Olga Petrenko said on Monday", dates=["2015", "2024-04-30"])
    visit = claim("b:c0", "Olga Petrenko met the envoy of Ruritania in Port Elwyn on Sunday", dates=["2024-04-29"])
    assert DateConflict().detect(deal, visit, 0.8) is None  # "said" and "met" date different events
    again = claim("c:c0", "Olga Petrenko met the envoy of Ruritania in Port Elwyn on Saturday", dates=["2024-04-28"])
    assert DateConflict().detect(visit, again, 0.8) is not None
    # All outlets' values, of the day that clashed only: the 2015 of an aside is no value of this finding.
    later = claim("d:c0", "Olga Petrenko, who signed the 2015 accord, met the envoy of Ruritania in Port Elwyn on Saturday",
                  dates=["2015", "2024-04-28"])
    finding = values_by_outlet("dates", [visit, again, later], {"b": "B", "c": "C", "d": "D"}, "day")
    assert finding.detail == "dates disagree on the day: 2024-04-29 (B) vs 2024-04-28 (C, D)"


def test_a_photo_caption_dates_the_photo():
    caption = claim("a:c0", "Olga Petrenko, left, and the envoy of Ruritania on Sunday in Port Elwyn.", dates=["2024-04-29"])
    assert is_caption(caption)
    assert is_caption(claim("a:c1", "Migrants walk to the harbour of Port Elwyn, Friday, April 26, 2024."))
    assert not is_caption(claim("a:c2", "Olga Petrenko met the envoy of Ruritania on Sunday."))
    report = claim("b:c0", "Olga Petrenko met the envoy of Ruritania in Port Elwyn on Monday", dates=["2024-04-30"])
    assert DateConflict().detect(caption, report, 0.8) is None


def test_speakers_conflict_only_over_the_same_quoted_words():
    a = claim("a:c0", '"Ruritania lied on the front end," Olga Petrenko said.', speaker="Olga Petrenko", cue="said")
    b = claim("b:c0", '"Ruritania lied," said Ivan Draga.', speaker="Ivan Draga")
    assert SpeakerConflict().detect(a, b, 0.83) is None
    c = claim("c:c0", '"Ruritania lied on the front end," said Ivan Draga.', speaker="Ivan Draga")
    assert SpeakerConflict().detect(a, c, 0.83) is not None


def _money(value: float, text: str) -> Quantity:
    return Quantity(value=value, kind="money (USD)", text=text, start=0, end=len(text), low=value, high=value)


def test_sums_of_money_for_different_things_do_not_conflict():
    bank = claim("a:c0", "The government announced an injection of 44 billion dollars into the economy", quantities=[_money(44e9, "44 billion dollars")])
    market = claim("b:c0", "The finance minister said 19.7 billion dollars would be infused into the stock markets", quantities=[_money(19.7e9, "19.7 billion dollars")])
    assert NumberConflict().detect(bank, market, 0.8) is None
    again = claim("c:c0", "The government announced an injection of 19.7 billion dollars into the economy", quantities=[_money(19.7e9, "19.7 billion dollars")])
    assert NumberConflict().detect(bank, again, 0.8) is not None


def test_unspaced_scripts_share_words_as_character_pairs():
    # "The foreign ministry spokesman said on Sunday ..." told twice in Chinese: no spaces, yet shared words.
    a = claim("a:c0", "外交部发言人周日表示，该国不需要任何人的许可。", language="zh")
    b = claim("b:c0", "外交部发言人表示，发展关系不需要任何人许可。", language="zh")
    assert key_words(a) & key_words(b) >= {"外交", "许可"}
