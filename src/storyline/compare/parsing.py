"""Dependency parses of claim sentences for the comparison rules.

The enrich stage parses whole articles but keeps only what it found (entities, quotes, times), so
the rules that need syntax (what a number counts, which verb a "not" negates) parse the claim's
sentence again with the same models (:func:`storyline.enrich.languages.get_language_model`,
loaded once per process), without their named-entity recogniser (half the time, and unused here).
Languages without a parser get None and the rules fall back to the neighbouring words.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from storyline.compare.lexicon import CONDITIONS
from storyline.enrich.languages import get_language_model, normalise_language

#: Parses kept for reuse: claims are judged in many pairs, and an evaluation splits articles repeatedly.
CACHE_SIZE = 8192
_CACHE: OrderedDict[tuple[str, str], Doc | None] = OrderedDict()
#: The web app compares stories in worker threads: the cache is shared, so its updates are serialised.
_LOCK = threading.Lock()
#: Pipes the rules do not read.
_UNUSED_PIPES = ("ner",)


#: A typographic apostrophe inside a word ("the team’s", "won’t").
_CURLY_APOSTROPHE_RE = re.compile(r"(?<=\w)\u2019(?=\w)")


def _straight_apostrophes(text: str) -> str:
    """The text with its in-word typographic apostrophes straight: the models read "the team’s first 17
    points" as "team" and a stray "’s", the points as no one's. One character for one keeps the offsets."""
    return _CURLY_APOSTROPHE_RE.sub("'", text)


def _parsed_batch(texts: list[str], language: str) -> list[Doc | None]:
    model = get_language_model(language)
    if not model.parsed:
        return [None] * len(texts)
    texts = [_straight_apostrophes(t) for t in texts]
    if isinstance(model.parse, Language):
        disable = [p for p in _UNUSED_PIPES if p in model.parse.pipe_names]
        return list(model.parse.pipe(texts, batch_size=64, disable=disable))
    return [model.parse(t) for t in texts]


def prefetch(texts: list[str], language: str | None) -> None:
    """Parse several sentences of one language at once (batched: about twice as fast as one by one)."""
    code = normalise_language(language)
    missing = list(dict.fromkeys(t for t in texts if (t, code) not in _CACHE))
    if language and missing:
        for text, doc in zip(missing, _parsed_batch(missing, code), strict=True):
            _remember((text, code), doc)


def _remember(key: tuple[str, str], doc: Doc | None) -> None:
    with _LOCK:
        _CACHE[key] = doc
        _CACHE.move_to_end(key)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)


def parse(text: str, language: str | None) -> Doc | None:
    """The parse of one claim sentence, or None where the language has no parser (or is unknown)."""
    if not language:
        return None
    key = (text, normalise_language(language))
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    doc = _parsed_batch([text], key[1])[0]  # evicted or never fetched: parsed here, whatever other threads do
    _remember(key, doc)
    return doc


def token_at(doc: Doc, start: int, end: int) -> Any | None:
    """The syntactic head of the tokens covering characters ``start``-``end`` ("5 million" -> "million")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: Most steps from a clock time, a date or a measure up its parse to the verb it modifies.
_TO_VERB = 6


def verb_above(token: Any) -> Any | None:
    """The verb a word modifies, climbing its parse ("at 5 p.m. local time (1500 GMT)": GMT, time, p.m., at,
    docked); None when no verb is within reach."""
    verb = token
    for _ in range(_TO_VERB):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def conditional(verb: Any) -> bool:
    """Whether a verb tells what holds only on a condition: it takes "if"/"unless" ("if pushed to 10 years"), or,
    not negated, heads a clause with such a condition ("If N wins Sunday, the team will face M on Jan. 15").
    A negated consequent ("if it had, we wouldn't have 355 shops") tells what is."""
    children = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
        return True
    return not any(c.dep_ == "neg" for c in children) and any(
        c.dep_ == "advcl" and any(t.dep_ == "mark" and t.lower_ in CONDITIONS for t in c.subtree) for c in children
    )


def on_condition(doc: Doc | None, start: int, end: int) -> bool:
    """Whether the words at ``start``-``end`` (a date, a clock time) time a verb on a condition
    (:func:`conditional`); False without a parse."""
    token = token_at(doc, start, end) if doc is not None else None
    verb = verb_above(token) if token is not None else None
    return verb is not None and conditional(verb)


def phrasal_lemma(verb: Any) -> str:
    """A verb's lemma with its particle: "gave up" -> "give up", "checked out of the clinic" -> "check out" (a
    preposition with no object of its own is a particle), "checked into the clinic" -> "check"."""
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt") or _bare_preposition(c)]
    return " ".join([verb.lemma_.lower(), *particles])


def _bare_preposition(token: Any) -> bool:
    return token.dep_ == "prep" and token.i == token.head.i + 1 and not any(c.dep_ == "pobj" for c in token.children)
