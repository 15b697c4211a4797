"""Split an article into claims: sentences with their actors, numbers, dates, speaker and polarity.

A claim keeps character offsets into ``article.text`` so every verdict can
point at its evidence. The anchors (entities, numbers, dates) are
language-independent enough to help align claims across translations.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from storyline.compare.lexicon import MAGNITUDES, NEGATION_RE
from storyline.model import Article, Claim

#: Shorter sentences are captions, credits or widget text, not claims.
MIN_CLAIM_WORDS = 4

_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_NUMBER_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])(?:\s*([^\W\d_]+))?", re.UNICODE)
_DATE_RE = re.compile(r"^(?!X{4}(?:-XX)*$)[\dX]{4}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?$")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
# Capitalised words not at a sentence start: a proxy for names when enrichment found no entities.
_NAME_RE = re.compile(r"(?<=[\w,;:\"'”’)] )[A-ZÀ-ÖØ-Þ][\w\-]+", re.UNICODE)


@lru_cache(maxsize=16)
def _sentencizer(language: str | None) -> Any:
    """A rule-based spaCy sentence splitter with the language's abbreviation exceptions."""
    import spacy

    try:
        nlp = spacy.blank(language or "xx")
    except (ImportError, KeyError, ValueError):  # spaCy has no tokenizer rules for this language
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (one paragraph), whitespace trimmed."""
    doc = _sentencizer((language or "xx").split("-")[0].lower())(text)
    spans = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def parse_numbers(text: str) -> list[float]:
    """Magnitudes of the numbers in ``text`` ("$40 billion" and "40.000 millones" both give 4e10)."""
    values = []
    for match in _NUMBER_RE.finditer(text):
        whole, fraction, word = match.group(1), match.group(2), (match.group(3) or "").lower()
        digits = re.sub(r"[.,\u00a0 ]", "", whole)
        if _YEAR_RE.match(digits) and not fraction:
            continue  # years are dates, compared as dates
        value = float(f"{digits}.{fraction}") if fraction else float(digits)
        values.append(value * MAGNITUDES.get(word, 1.0))
    return values


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _mask(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """``text`` with the given absolute spans blanked out (so dates are not read as numbers)."""
    chars = list(text)
    for s, e in spans:
        for i in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _claim_entities(article: Article, start: int, end: int, sentence: str) -> list[str]:
    names: set[str] = set()
    for entity in article.entities:
        if _overlaps(start, end, [tuple(m) for m in entity.mentions]):  # type: ignore[misc]
            names.add(entity.name.lower())
            if entity.refers_to:
                names.add(entity.refers_to.lower())
    if not article.entities:
        names.update(m.group(0).lower() for m in _NAME_RE.finditer(sentence))
    return sorted(names)


def _claim_speaker(article: Article, start: int, end: int) -> str | None:
    """The person a quote inside the claim is attributed to (institutions speak through many people)."""
    kinds = {e.name: e.type for e in article.entities}
    for quote in article.quotes:
        if quote.speaker and quote.speaker != "unattributed" and quote.start < end and start < quote.end:
            if kinds.get(quote.speaker, "PERSON") == "PERSON":
                return quote.speaker
    return None


def _claim_dates(article: Article, start: int, end: int) -> list[str]:
    """Calendar dates inside the claim; an unknown year stays "XXXX" (it matches any year)."""
    return sorted({t.value for t in article.times if t.type == "DATE" and start <= t.start < end and _DATE_RE.match(t.value)})


def split_claims(article: Article) -> list[Claim]:
    """The claims of ``article``, in reading order, ids ``<article id>:c<n>``."""
    text = article.text
    time_spans = [(t.start, t.end) for t in article.times]
    claims: list[Claim] = []
    offset = 0
    for index, paragraph in enumerate(article.paragraphs):
        for s, e in sentence_spans(paragraph, article.language):
            start, end = offset + s, offset + e
            sentence = text[start:end]
            if len(_WORD_RE.findall(sentence)) < MIN_CLAIM_WORDS:
                continue
            claims.append(
                Claim(
                    id=f"{article.id}:c{len(claims)}",
                    article=article.id,
                    text=sentence,
                    start=start,
                    end=end,
                    paragraph=index,
                    entities=_claim_entities(article, start, end, sentence),
                    numbers=parse_numbers(_mask(sentence, time_spans, start)),
                    dates=_claim_dates(article, start, end),
                    speaker=_claim_speaker(article, start, end),
                    negated=bool(NEGATION_RE.search(sentence)),
                )
            )
        offset += len(paragraph) + 2  # paragraphs are joined by a blank line
    return claims
