"""Quotes across a story: one statement in different wordings or translations, with its speakers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz.distance import Indel

from storyline.compare.align import cluster
from storyline.compare.claims import is_person
from storyline.compare.lexicon import NEGATION_RE, is_denial, opposition
from storyline.compare.quantities import overlap, read_quantities
from storyline.enrich.entities import same_person_name
from storyline.enrich.quotes import UNATTRIBUTED
from storyline.match.text import words
from storyline.model import Article, Quantity, Quote

#: Quotes at least this similar (embedding cosine, or containment for partial quotes) are one statement.
QUOTE_THRESHOLD = 0.7
#: Quotes of one speaker in two languages need only this much: a translation scores lower than a rewording
#: (MEANTIME en-es, quotes in corresponding sentences: 21 of 39 found at 0.7 with 2 wrong, 24 with 3 at 0.6).
TRANSLATED_QUOTE_THRESHOLD = 0.6
#: Quotes this alike in wording are one statement in two wordings: different people credited is a conflict.
SAME_STATEMENT = 0.85
#: Partial quotes ("baseless") are contained in the full one; only long enough fragments count.
MIN_PARTIAL_CHARS = 20
#: Share of the shorter quote's words found, in order, in the longer one for it to be a fragment of it.
#: Measured over the whole shorter quote: rapidfuzz's partial_ratio matched any look-alike substring and
#: scored "I saw blood coming from her" against a police statement at 0.70. Not all of it: outlets reword
#: a partial quote a little ("acts independently in regulating" / "to regulate its foreign relations").
CONTAINED = 0.85
#: Letters of a word compared when looking for a fragment: endings change in a reworded partial quote.
STEM = 6
#: A stretch in quotation marks (a partial quote's verbatim words).
_QUOTED_RE = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u300c\u300e](.+?)[\"\u201c\u201d\u00bb\u00ab\u203a\u300d\u300f]")
#: Two quotes that must never be one statement (different figures, opposite polarity, other people).
APART = -1.0


def _words(quote: Quote) -> list[str]:
    """The speaker's words, lower-cased: a partial quote's are those inside its quotation marks
    (in 'Ankara "acts independently"', "Ankara" is the outlet's)."""
    return list(_speaker_words(quote.text, quote.kind == "partial"))


@lru_cache(maxsize=4096)
def _speaker_words(text: str, partial: bool) -> tuple[str, ...]:  # cached: every pair of quotes reads them
    quoted = _QUOTED_RE.findall(text) if partial else []
    return tuple(w.lower() for w in words(" ".join(quoted) or text))


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:  # cached: every pair of quotes reads them
    return tuple(read_quantities(text))


def _contained(short: list[str], long: list[str]) -> tuple[float, list[str]]:
    """Share of ``short``'s words found in order in ``long`` (by their first letters, so "regulating"
    matches "regulate"), and the stretch of ``long`` they span."""
    equal = [op for op in Indel.opcodes([w[:STEM] for w in short], [w[:STEM] for w in long]) if op.tag == "equal"]
    if not short or not equal:
        return 0.0, []
    found = sum(op.src_end - op.src_start for op in equal)
    return found / len(short), long[equal[0].dest_start : equal[-1].dest_end]


@dataclass
class _Pair:
    """How two quotes' wordings relate: the shorter's share found in the longer, and overall likeness."""

    contained: float  # share of the shorter quote's words found in order in the longer (0 when too short)
    wording: float  # word-sequence similarity of the whole quotes (Indel, 0-1)
    window: list[str]  # the longer quote's words the shorter one spans, or all of them when not contained
    shorter: list[str]


def _compare_wording(a: Quote, b: Quote) -> _Pair:
    words_a, words_b = _words(a), _words(b)
    shorter, longer = sorted((words_a, words_b), key=len)
    contained, window = _contained(shorter, longer)
    if len(" ".join(shorter)) < MIN_PARTIAL_CHARS:
        contained = 0.0  # the comments "baseless": one word is found in many statements
    if contained < CONTAINED:
        window = longer
    return _Pair(contained, Indel.normalized_similarity(words_a, words_b), window, shorter)


def _numbers_differ(a: Quote, b: Quote) -> bool:
    """Both quotes give figures and some figure of the one with fewer is not among the other's:
    "a magnitude-6.1 temblor" is not "put it at 5.9", however alike the rest."""
    fewer, more = sorted((_quantities(a.text), _quantities(b.text)), key=len)
    return bool(fewer) and not all(any(overlap(x, y) for y in more) for x in fewer)


def _polarity_differs(pair: _Pair, a: Quote, b: Quote, same_language: bool) -> bool:
    """One says what the other denies: a negation in one only (within one language; a fragment is
    compared with the stretch of the full quote it spans, so "baseless" still fits "We did not do it;
    the claims are baseless"), or verbs taking opposite sides ("rose" / "fell")."""
    if opposition(a.text, b.text):
        return True
    if not same_language:
        return False  # "non-binding" is "no vinculante": languages negate in different places
    return _negated(pair.shorter) != _negated(pair.window)


def _negated(words: list[str]) -> bool:
    return bool(NEGATION_RE.search(" ".join(words)))


def _other_people(found_a: tuple[Article, Quote], found_b: tuple[Article, Quote]) -> bool:
    """Both quotes credited to people (not institutions or "a source"), and not to one person."""
    (article_a, a), (article_b, b) = found_a, found_b
    return is_person(article_a, a.speaker) and is_person(article_b, b.speaker) and not same_person_name(a.speaker, b.speaker)


def _near_identical(pair: _Pair) -> bool:
    """Wordings too alike to be two people's: one outlet credited the other's statement to someone else."""
    return max(pair.wording, pair.contained) >= SAME_STATEMENT


def _pair_score(found_a: tuple[Article, Quote], found_b: tuple[Article, Quote], cosine: float) -> float:
    """How much two quotes are one statement: embedding cosine, raised by containment of the whole
    shorter quote and, for one speaker in two languages, to the bar from
    :data:`TRANSLATED_QUOTE_THRESHOLD` up; :data:`APART` when figures, polarity or speakers disagree."""
    (article_a, a), (article_b, b) = found_a, found_b
    pair = _compare_wording(a, b)
    same_language = article_a.language == article_b.language
    if _numbers_differ(a, b) or _polarity_differs(pair, a, b, same_language):
        return APART
    if _other_people(found_a, found_b):
        return max(cosine, pair.wording, pair.contained) if _near_identical(pair) else APART
    score = max(cosine, pair.contained if pair.contained >= CONTAINED else 0.0)
    if TRANSLATED_QUOTE_THRESHOLD <= score < QUOTE_THRESHOLD and not same_language and _one_speaker(a, b):
        return QUOTE_THRESHOLD
    return score


def _one_speaker(a: Quote, b: Quote) -> bool:
    return _attributed(a) and _attributed(b) and same_person_name(a.speaker, b.speaker)


def _similarity(found: list[tuple[Article, Quote]], vectors: np.ndarray) -> np.ndarray:
    """Pairwise :func:`_pair_score` of the quotes (float64: a raised value must equal the bar exactly)."""
    sim = (vectors @ vectors.T).astype(np.float64)
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            sim[i, j] = sim[j, i] = _pair_score(found[i], found[j], float(sim[i, j]))
    return sim


def _attributed(quote: Quote) -> bool:
    return quote.speaker not in ("", UNATTRIBUTED)


def _speakers(speakers: list[str]) -> list[str]:
    """Distinct speakers, variants of one name merged: the variant most members use kept, then the longest
    (four outlets' "Paul Okafor", not one tagger's "Transports Paul Okafor")."""
    counts = Counter(speakers)
    names: list[str] = []
    for name in sorted(set(speakers) - {"", UNATTRIBUTED}, key=lambda n: (counts[n], len(n)), reverse=True):
        if not any(same_person_name(name, kept) for kept in names):
            names.append(name)
    return names


def _misattributed(members: list[int], found: list[tuple[Article, Quote]], outlet_of: dict[str, str]) -> list[str]:
    """Evidence that one statement is credited to different people, each with the outlets that credit them.

    Two people's quotes share a group only when their wording is near-identical (:func:`_pair_score`):
    one outlet put the statement in the wrong mouth, and the reader should see who says which.
    """
    credited = [i for i in members if is_person(found[i][0], found[i][1].speaker)]
    people = _speakers([found[i][1].speaker for i in credited])
    if len(people) < 2:
        return []
    crediting = [
        f"{person} ({', '.join(dict.fromkeys(outlet_of[found[i][0].id] for i in credited if same_person_name(found[i][1].speaker, person)))})"
        for person in people
    ]
    return [f"attributed to different speakers: {'; '.join(crediting)}"]


def _shown_wording(members: list[int], found: list[tuple[Article, Quote]], speaker: str | None, language: str | None) -> str:
    """The wording that stands for the group: one its speaker is credited with, in the story's main
    language when there is one, the longest of those (the longest overall may be another outlet's
    unattributed sentence, or a translation)."""
    own = [i for i in members if speaker and same_person_name(found[i][1].speaker, speaker)] or members
    native = [i for i in own if found[i][0].language == language] or own
    return max((found[i][1].text for i in native), key=len)


def _denied_by_some(members: list[int], found: list[tuple[Article, Quote]], outlet_of: dict[str, str]) -> list[str]:
    """Evidence that one statement is reported as made by some outlets and as denied by others."""
    denied = [outlet_of[found[i][0].id] for i in members if is_denial(found[i][1].cue)]
    stated = [outlet_of[found[i][0].id] for i in members if _attributed(found[i][1]) and not is_denial(found[i][1].cue)]
    if not (denied and stated):
        return []
    return [f"denied in {', '.join(dict.fromkeys(denied))}; stated in {', '.join(dict.fromkeys(stated))}"]


def group_quotes(
    articles: list[Article], encode: Callable[[list[str]], np.ndarray], outlet_of: dict[str, str]
) -> list[dict[str, Any]]:
    """Group the articles' statements by wording; flag a statement attributed to different people.

    Stances ("X backed the ban") are not statements: short ones would group by topic alone.
    """
    found = [(a, q) for a in articles for q in a.quotes if q.kind != "stance"]
    if not found:
        return []
    quotes = [q for _, q in found]
    sim = _similarity(found, encode([q.text for q in quotes]))
    language = Counter(a.language for a in articles).most_common(1)[0][0]
    result = []
    for members in cluster(sim, QUOTE_THRESHOLD):
        speakers = _speakers([quotes[i].speaker for i in members])
        evidence = _misattributed(members, found, outlet_of) + _denied_by_some(members, found, outlet_of)
        articles_in = list(dict.fromkeys(found[i][0].id for i in members))
        entry: dict[str, Any] = {
            "id": f"q{len(result)}",
            "text": _shown_wording(members, found, speakers[0] if speakers else None, language),
            "speakers": speakers,
            "articles": articles_in,
            "outlets": list(dict.fromkeys(outlet_of[a] for a in articles_in)),
            "conflict": bool(evidence),
            "evidence": evidence,
            "members": [
                {"article": found[i][0].id, "outlet": outlet_of[found[i][0].id], **quotes[i].to_dict()} for i in members
            ],
        }
        result.append(entry)
    return result
