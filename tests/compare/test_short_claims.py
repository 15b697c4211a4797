"""A sentence reporting speech needs as many words besides who said it as any claim (invented reports)."""

from compare_helpers import make_article

from storyline.compare.claims import split_claims
from storyline.model import Quote

LEAD = "The ferry strike halted every crossing to Port Elwyn on Monday."


def _claims(sentence: str, said: str, speaker: str, cue: str, kind: str = "indirect") -> list[str]:
    """The claims of the sentence, told after a lead, with its speech tagged."""
    article = make_article("a", [LEAD, sentence], language="en")
    start, at = article.text.index(said), article.text.index(speaker)
    article.quotes = [
        Quote(said, start, start + len(said), "Ruth Adler", speaker_start=at, speaker_end=at + len(speaker), cue=cue, kind=kind)
    ]
    return [c.text for c in split_claims(article)][1:]


def test_two_words_and_their_attribution_are_no_fact():
    assert _claims("Nobody listened, Ruth Adler said.", "Nobody listened", "Ruth Adler", "said") == []


def test_quoted_words_a_side_taken_or_a_figure_stay_claims():
    assert _claims("\u201cNobody listened,\u201d Ruth Adler said.", "\u201cNobody listened,\u201d", "Ruth Adler", "said", "direct")
    assert _claims("Ruth Adler denied the strike began.", "the strike began", "Ruth Adler", "denied")
    assert _claims("Ruth Adler said 40 ferries stopped.", "40 ferries stopped", "Ruth Adler", "said")
    assert _claims("Nobody listened to the crews, Ruth Adler said.", "Nobody listened to the crews", "Ruth Adler", "said")
