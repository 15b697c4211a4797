"""Sentence-level alignment of two texts: BERTScore-style max-mean over USE sentence vectors.

One vector per article blurs an event into its topic; aligning sentence by
sentence rewards texts whose statements each find a counterpart, which is
what "the same event" means to SemEval-2022 Task 8 annotators.
"""

from __future__ import annotations

import re

import numpy as np

from storyline.ingest.language import UNSPACED

#: Sentence ends in the scripts of the supported languages (Latin, Arabic, CJK); CJK full stops need no
#: space after them (none is written), only no closing quotation mark.
SENTENCE_END = re.compile(r"(?<=[.!?؟。！？…])\s+(?=\S)|(?<=[。！？])(?=[^\s」』”’）)])|(?<=[。！？][」』”])(?=\S)")
#: Longer runs are cut into windows, so one unsplit paragraph does not become one vector.
MAX_WORDS = 40
#: Fragments shorter than this (characters; a letter of an unspaced script counts twice) carry no
#: statement ("Photo: AP.").
MIN_CHARS = 15


def sentence_units(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Sentences of ``text``, long ones cut into ``max_words`` windows; at least one unit.

    A punctuation split, written by hand: alignment only needs statement-sized
    pieces in any language, not linguistically exact sentence boundaries.
    """
    units = []
    for sentence in SENTENCE_END.split(text.strip()):
        tokens = sentence.split()
        for start in range(0, len(tokens), max_words):
            unit = " ".join(tokens[start : start + max_words])
            if len(unit) + sum(len(run) for run in UNSPACED.findall(unit)) >= MIN_CHARS:
                units.append(unit)
    return units or [" ".join(text.split()) or " "]


def alignment(a: np.ndarray, b: np.ndarray) -> float:
    """F-measure of the two directions of best-match cosine between unit vectors (rows).

    Each sentence of ``a`` takes its most similar sentence in ``b`` (recall
    side) and vice versa (precision side), as BERTScore does with tokens.
    """
    if not len(a) or not len(b):
        return 0.0
    cosine = np.clip(a @ b.T, 0.0, 1.0)
    recall, precision = float(cosine.max(axis=1).mean()), float(cosine.max(axis=0).mean())
    if recall + precision == 0.0:
        return 0.0
    return 2.0 * recall * precision / (recall + precision)


def _unit_mean(vectors: np.ndarray) -> np.ndarray:
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def coherence(units: np.ndarray) -> float:
    """Cosine of a text's first unit (its headline) to the mean of the rest; 1 for a one-unit text.

    A scraped page whose body is boilerplate (a cookie or captcha wall, a
    different page) has a body unrelated to its headline: its alignment then
    says little about the article the reader saw.
    """
    if len(units) < 2:
        return 1.0
    return float(np.clip(units[0] @ _unit_mean(units[1:]), 0.0, 1.0))


def headline_match(a: np.ndarray, b: np.ndarray) -> float:
    """How well either text's headline (first unit) matches the other text as a whole (the larger of the two).

    Headlines survive where scraped bodies do not, and a headline names the event.
    """
    if not len(a) or not len(b):
        return 0.0
    return float(np.clip(max(a[0] @ _unit_mean(b), b[0] @ _unit_mean(a)), 0.0, 1.0))
