"""Work a story's comparison does once, not per pair (docs/benchmarks/comparison.md, fix-cmpspeed): the
results are those of the straightforward way, only reached with less work. Each test fails before."""

import random

import numpy as np
from compare_helpers import entity, make_article, quote_at, time_at

from storyline.compare import parsing, quotes
from storyline.compare.claims import split_claims
from storyline.compare.quotes import CONTAINED, group_quotes


def test_claims_with_dates_are_parsed_in_one_batch(monkeypatch):
    """Whether a date is the report's is read from the claim's parse: a story's dated claims are parsed
    together, not each alone (each alone took a tenth of an ECB+ story's comparison)."""
    sentences = [
        "The harbour of Port Elwyn was closed on Tuesday after the storm.",
        "The ferry company said on Wednesday that the crossings would resume soon.",
        "Ines Vidal visited the damaged quays on Thursday with the mayor.",
    ]
    text = " ".join(sentences)
    days = [("Tuesday", "2013-04-30"), ("Wednesday", "2013-05-01"), ("Thursday", "2013-05-02")]
    article = make_article("a", [text], language="en", times=[time_at(text, day, value) for day, value in days])
    batches: list[int] = []
    real = parsing._parsed_batch

    def counted(texts, language):
        batches.append(len(texts))
        return real(texts, language)

    monkeypatch.setattr(parsing, "_parsed_batch", counted)
    monkeypatch.setattr(parsing, "_CACHE", type(parsing._CACHE)())  # parsed here, not by an earlier test
    claims = split_claims(article)
    assert [c.text for c in claims] == sentences
    assert batches == [3]  # one batch of the three, no sentence parsed again alone


def test_the_bound_on_a_fragment_never_misses_one():
    """A pair of quotes is aligned word by word only where the shorter may be found in the longer: the bound
    never leaves out a pair whose share reaches CONTAINED (random wordings over a small vocabulary, where
    shares near the bar are common, and compounds written apart)."""
    rng = random.Random(7)
    vocabulary = ["port", "harbour", "harbours", "will", "reopen", "reopened", "good", "goodwill", "the", "a", "not"]
    reached = 0
    for _ in range(4000):
        short = tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 6)))
        long = tuple(rng.choice(vocabulary) for _ in range(rng.randint(len(short), 12)))
        share, _ = quotes._contained(short, long)
        reached += share >= CONTAINED
        assert quotes._may_hold(short, long) or share < CONTAINED, (short, long)
    assert reached > 100  # the property was put to the test


def test_unrelated_quotes_are_not_aligned_word_by_word(monkeypatch):
    """Quotes sharing no words are scored without aligning their words: a story's quotes are compared pair by
    pair (42,778 pairs in ECB+ topic 19), and the alignment was most of that time."""
    statements = [
        "The harbour will reopen next week once the quays are repaired",
        "Nobody expected the storm to flood every street of the old town",
        "Our crews worked through the night to restore electricity",
        "Ferries remain docked until inspectors certify the moorings",
    ]
    articles = []
    for n, said in enumerate(statements):
        text = f'"{said}," Ines Vidal said.'
        article = make_article(f"a{n}", [text], outlet=f"Outlet {n}")
        article.entities = [entity(text, "Ines Vidal")]
        article.quotes = [quote_at(text, said, "Ines Vidal")]
        articles.append(article)
    aligned: list[tuple] = []
    real = quotes._contained
    monkeypatch.setattr(quotes, "_contained", lambda short, long: aligned.append((short, long)) or real(short, long))
    groups = group_quotes(articles, lambda texts: np.eye(len(texts)), {a.id: a.outlet for a in articles})
    assert len(groups) == 4  # four statements, each its own group
    assert aligned == []
