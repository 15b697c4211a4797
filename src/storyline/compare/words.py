"""Which words of a claim say what happened: content words, and the generic ones any two reports share."""

from __future__ import annotations

import re

from storyline.compare.lexicon import GENERIC_NOUNS, stop_words
from storyline.compare.parsing import parse
from storyline.compare.quantities import is_calendar_word
from storyline.enrich.cues import REPORTING_VERBS
from storyline.model import Claim


def content_words(claim: Claim) -> set[str]:
    """The claim's lower-cased words minus function words: what "most words in common" is counted on."""
    stop = stop_words((claim.language or "en").split("-")[0].lower()) or stop_words("en")
    return {w for w in re.findall(r"[^\W\d_]{2,}", claim.text.lower()) if w not in stop}


def generic_words(claim: Claim) -> set[str]:
    """The claim's words (lower-cased, as written) that any two reports of a story share whatever happened:
    reporting verbs ("said", "told"; by lemma where there is a parser), people in general ("officials",
    "people") and calendar words ("Monday", "March", "yesterday")."""
    language = (claim.language or "en").split("-")[0].lower()
    generic = GENERIC_NOUNS | REPORTING_VERBS.get(language, frozenset())
    doc = parse(claim.text, claim.language)
    words = [(w, w) for w in content_words(claim)] if doc is None else [(t.lower_, t.lemma_.lower()) for t in doc]
    return {word for word, lemma in words if {word, lemma} & generic or is_calendar_word(word, language)}
