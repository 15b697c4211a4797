"""What the entity modules share: the :class:`Mention` record and small tests of words and names.

Kept apart from :mod:`storyline.enrich.entities` so that the typing rules, the fallback and the merging
(:mod:`~storyline.enrich.entities_types`, :mod:`~storyline.enrich.entities_fallback`,
:mod:`~storyline.enrich.entities_merge`) can use them without importing the entry module, which imports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.enrich.cues import TITLES, role_key
from storyline.enrich.gazetteer import is_place_name, is_us_state

_DETERMINERS = {"the", "a", "an", "le", "la", "les", "l'", "l’", "el", "los", "las"}

_CONNECTORS = {"of", "de", "du", "des", "del", "for", "and", "&", "the", "la", "le", "y", "et"}


@dataclass
class Mention:
    """One name as written, with its type and offsets into the article text."""

    text: str
    type: str
    start: int
    end: int
    #: For a capital or seat of government: whether it stands here for its country or government
    #: (:func:`_stands_for_country`); None when the name is neither or there is no parse to tell.
    acts: bool | None = None
    #: For a PLACE: whether the parse shows it written as a place (:func:`_written_as_place`); None
    #: without a parse.
    placed: bool | None = None
    #: The title or honorific written just before the name ("president", "mrs"; :func:`_title_before`).
    title: str | None = None
    #: A full name this surname is written beside as another person ("President Bell and Anna Bell"):
    #: it names someone else (:func:`_coordinated_relatives`).
    not_of: str | None = None
    #: The name as written where the mention is named otherwise: a Russian place or organisation in another case
    #: ("Государственной думы" of "Государственная дума"), kept among the entity's variants.
    written: str | None = None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")


def _title_before(text: str, start: int) -> str | None:
    """The title or honorific right before a name ("Mrs. Adler" -> "mrs"), or None: which of two people
    sharing a surname a titled mention means (:func:`_likeliest`)."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return role_key(match[1]) if match and _is_title_word(match[1]) else None


def _is_known_place(name: str) -> bool:
    return is_place_name(name) or is_us_state(name)


#: Ranks written short with a dot ("Maj. N", "Det. N") besides ``TITLE_ABBREVIATIONS``; "Det." only here: "det" is a
#: Scandinavian pronoun, no role noun a source may be read by.
RANK_ABBREVIATIONS = frozenset({"maj", "cpl", "pvt", "cmdr", "det"})
#: Military ranks, and words that make a title of two ("Rear Admiral", "Staff Sergeant"), besides ``TITLES``.
_RANKS = RANK_ABBREVIATIONS | frozenset({
    "admiral", "commodore", "brigadier", "colonel", "major", "captain", "lieutenant", "sergeant", "corporal",
    "private", "marshal",
})  # fmt: skip
_RANK_MODIFIERS = frozenset({"rear", "vice", "staff", "lance", "master", "deputy"})


def _is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES or word.lower().rstrip(".") in _RANKS


_POSSESSIVES = frozenset({"'s", "’s"})

#: Middle dots between the parts of a transliterated name (Chinese, Japanese).
NAME_DOTS = "·•‧・"


def _opens_sentence(token) -> bool:
    """First word of its sentence, after any opening punctuation (capitalised anyway)."""
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])


#: Parts of speech that are no part of a name, though capitalised at a sentence's start ("Anything",
#: "Meanwhile", "But"). Not AUX: the tagger reads "Will" of "Will Smith" so.
_FUNCTION_POS = frozenset({"PRON", "DET", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"})

#: Generational suffixes closing a person's name ("Jr.", "III"): with one it names another person.
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _is_generation(words: list[str]) -> bool:
    """Words that are all generational suffixes (keyed: "jr", "iii"), never a name on their own."""
    return bool(words) and all(w.rstrip(".").casefold() in _GENERATIONS for w in words)


def _without_generation(name: str) -> str:
    """"Ruth Adler Jr." -> "Ruth Adler"."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and _is_generation(words[-1:]) else name


#: Legal forms closing a company's name, often left out: "General Motors Corporation" is "General Motors".
_LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag", "sa",
    "nv", "gmbh", "group", "holdings", "spa",
})  # fmt: skip
#: A trade named after a company's name, left out when the rest is distinctive: "Kraft Foods" is "Kraft".
_TRADE_WORDS = frozenset({
    "foods", "motor", "motors", "airlines", "airways", "bank", "industries", "pharmaceuticals", "technologies",
    "systems", "communications", "entertainment", "electronics", "energy", "petroleum", "oil", "insurance", "brands",
})  # fmt: skip
