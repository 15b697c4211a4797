"""Cheap text features for matching: content words, shingles, names, numbers.

Hand-written because they must run on raw text of any language in
microseconds per article; spaCy's stop-word lists (no model) supply the
language knowledge.
"""

from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from functools import lru_cache

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
NUMBER = re.compile(r"^\d[\d.,]*$")
#: Characters within three before a word that make it a sentence opener (its capital says nothing).
SENTENCE_BREAKS = ".!?\n:\"“«"
#: Languages whose stop words are merged into the default list (text of unknown language).
COMMON_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pt", "pl", "tr", "ru")


@lru_cache(maxsize=64)
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words for ``language``; the union of common ones when unknown."""
    codes = (language,) if language else COMMON_LANGUAGES
    words: set[str] = set()
    for code in codes:
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            return stop_words(None) if language else frozenset()
        words |= {w.lower() for w in module.STOP_WORDS}
    return frozenset(words)


def words(text: str) -> list[str]:
    """Word tokens in their original case."""
    return WORD.findall(text)


def content_terms(text: str, language: str | None) -> Counter[str]:
    """Lower-cased words that are not stop words, with counts."""
    stops = stop_words(language)
    return Counter(w for w in (t.lower() for t in words(text)) if len(w) > 1 and w not in stops)


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(tf): long articles do not drown short ones."""
    return {t: 1.0 + math.log(c) for t, c in counts.items()}


def shingles(text: str, size: int) -> list[str]:
    """Overlapping lower-cased word n-grams, for near-duplicate detection."""
    tokens = [t.lower() for t in words(text)]
    if len(tokens) <= size:
        return [" ".join(tokens)] if tokens else []
    return [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]


def proper_nouns(text: str, language: str | None) -> set[str]:
    """Fallback entities when enrichment did not run: capitalised non-initial words.

    Words opening a sentence are skipped (their capital says nothing), so
    "The" or "However" do not count as names.
    """
    stops = stop_words(language)
    names: set[str] = set()
    for match in WORD.finditer(text):
        token = match.group()
        if len(token) < 2 or not token[:1].isupper() or token.lower() in stops:
            continue  # tested first: most words are not capitalised, and the gap test is the slow part
        start = match.start()
        if start == 0 or any(c in text[max(0, start - 3) : start] for c in SENTENCE_BREAKS):
            continue
        names.add(token.lower())
    return names


def numbers(text: str) -> set[str]:
    """Numbers as written (digits only, separators removed): counts, years, scores."""
    return {re.sub(r"[.,]", "", t) for t in words(text) if NUMBER.match(t)}
