"""Quotes across a story: one statement in different wordings or translations, with its speakers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from storyline.compare.align import cluster
from storyline.compare.claims import is_person
from storyline.compare.lexicon import is_denial
from storyline.enrich.entities import same_person_name
from storyline.enrich.quotes import UNATTRIBUTED
from storyline.model import Article, Quote

#: Quotes at least this similar (embedding cosine, or fuzzy containment for partial quotes) are one statement.
QUOTE_THRESHOLD = 0.7
#: Quotes of one speaker in two languages need only this much: a translation scores lower than a rewording
#: (MEANTIME en-es, quotes in corresponding sentences: 21 of 39 found at 0.7 with 2 wrong, 24 with 3 at 0.6).
TRANSLATED_QUOTE_THRESHOLD = 0.6
#: Quotes this similar are one statement in two wordings: different people credited is a conflict.
SAME_STATEMENT = 0.85
#: Partial quotes ("baseless") are contained in the full one; only long enough fragments count.
MIN_PARTIAL_CHARS = 20


def _similarity(found: list[tuple[Article, Quote]], vectors: np.ndarray) -> np.ndarray:
    """Embedding cosine, raised by fuzzy containment (partial quotes) and, for one speaker quoted in two
    languages, to the grouping bar from :data:`TRANSLATED_QUOTE_THRESHOLD` up."""
    sim = (vectors @ vectors.T).astype(np.float64)  # float64: a raised value must equal the bar exactly
    for i, (article_a, a) in enumerate(found):
        for j in range(i + 1, len(found)):
            article_b, b = found[j]
            if min(len(a.text), len(b.text)) >= MIN_PARTIAL_CHARS:
                sim[i, j] = sim[j, i] = max(sim[i, j], fuzz.partial_ratio(a.text.lower(), b.text.lower()) / 100)
            if (
                TRANSLATED_QUOTE_THRESHOLD <= sim[i, j] < QUOTE_THRESHOLD
                and article_a.language != article_b.language
                and _attributed(a) and _attributed(b)
                and same_person_name(a.speaker, b.speaker)
            ):  # fmt: skip
                sim[i, j] = sim[j, i] = QUOTE_THRESHOLD
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


def _credited_to_two_people(
    members: list[int], found: list[tuple[Article, Quote]], sim: np.ndarray
) -> list[str]:
    """The people credited with one statement, when two different people are (else empty).

    Only near-identical wordings count: two people may well say similar things.
    """
    credited = [i for i in members if is_person(found[i][0], found[i][1].speaker)]
    for x, i in enumerate(credited):
        for j in credited[x + 1 :]:
            a, b = found[i][1].speaker, found[j][1].speaker
            if sim[i, j] >= SAME_STATEMENT and not same_person_name(a, b):
                return _speakers([found[k][1].speaker for k in credited])
    return []


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
        people = _credited_to_two_people(members, found, sim)
        evidence = [f"attributed to {len(people)} different people: {', '.join(people)}"] if people else []
        evidence += _denied_by_some(members, found, outlet_of)
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
