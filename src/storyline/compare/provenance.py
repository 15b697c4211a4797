"""Provenance: who copies, rewrites or translates whom, and who reported first.

Signals per pair of articles: publication order, word 5-gram containment (a
copy keeps the wording), claim coverage from the alignment (a rewrite or a
translation keeps the facts), language, a shared agency credit, and the
claims each adds. Two articles that share much but each add facts with
actors the other never names are independent rewrites of one story (often
the agency's): neither copies the other. Without dates, a translation's direction comes from the language
of the words both share (the translation leaves names and terms untranslated).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from textwrap import shorten
from typing import Any

import py3langid

from storyline.compare.lexicon import AGENCY_RE, agency_name
from storyline.compare.naming import outlet_name
from storyline.match.text import split_unspaced
from storyline.model import Article, Claim, ProvenanceLink

#: Share of the smaller article's 5-grams found in the other: above it, a copy.
COPY_CONTAINMENT = 0.5
#: Share of an article's claims aligned to the other's: above it, the two are related at all.
RELATED_COVERAGE = 0.3
#: Share of claims aligned both ways for a translation.
TRANSLATION_COVERAGE = 0.5

#: How the evidence names an article (a story's :func:`~storyline.compare.naming.reader_names`, else its outlet).
Names = Callable[[Article], str]
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_LETTERS_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_CREDIT_RE = re.compile(r"^\s*(?:by|par|por|von|di|door|от)\s+(.{2,60})$|^\s*\(([^)]{2,40})\)", re.IGNORECASE)


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    """Word ``size``-grams (character pairs in unspaced scripts, as matching reads them)."""
    tokens = [piece.lower() for word in _WORD_RE.findall(text) for piece in split_unspaced(word)]
    return {tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0))}


def containment(small: set[tuple[str, ...]], large: set[tuple[str, ...]]) -> float:
    return len(small & large) / len(small) if small else 0.0


def agencies(article: Article) -> list[str]:
    """News agencies the article credits: its agency field, byline, or a credit line ("By AFP", "(Reuters)")."""
    sources = [article.agency or "", article.byline or ""]
    sources += [s.text for s in article.stripped if s.reason in ("byline", "dateline", "credit")]
    sources += [" ".join(g for g in m.groups() if g) for p in article.paragraphs if (m := _CREDIT_RE.match(p.strip()))]
    found = [agency_name(m) for text in sources for m in AGENCY_RE.finditer(text)]
    # Chinese and Japanese datelines stay in the text ("新华社德黑兰12月18日电", "【新华社】"): the agency opens it.
    opening = AGENCY_RE.match(article.paragraphs[0].lstrip(" 【（(「")) if article.paragraphs else None
    if opening is not None and opening.group(2):
        found.append(agency_name(opening))
    return list(dict.fromkeys(found))


def shared_vocabulary_language(a: Article, b: Article) -> tuple[str, str]:
    """Which of the two languages the words both articles share read as, and those words.

    A translation keeps the source's names and terms, so the shared vocabulary
    reads as the source language (95% right on MEANTIME en-es, no dates needed).
    """
    shared = " ".join(sorted(set(_LETTERS_RE.findall(a.text)) & set(_LETTERS_RE.findall(b.text))))
    scores = dict(py3langid.rank(shared)) if shared else {}
    languages = (a.language or "und", b.language or "und")
    return max(languages, key=lambda lang: scores.get(lang, float("-inf"))), shared


def _coverage(claims: dict[str, list[Claim]], aligned: dict[str, set[str]], article: str, other: str) -> float:
    """Share of ``article``'s claims aligned to some claim of ``other``."""
    own = claims.get(article, [])
    if not own:
        return 0.0
    return sum(1 for c in own if any(x.startswith(other + ":") for x in aligned.get(c.id, ()))) / len(own)


def _same_time(a: datetime, b: datetime) -> bool:
    """Two publication times that cannot be told apart: equal, or one day where one gives no time (midnight)."""
    return a == b or (a.date() == b.date() and time() in (a.time(), b.time()))


def _earlier(a: Article, b: Article) -> Article | None:
    if a.published and b.published and not _same_time(a.published, b.published):
        return a if a.published < b.published else b
    return None


def first_reporters(articles: list[Article]) -> list[str]:
    """The articles published first: several when their dates cannot tell them apart (a tie, not a pick)."""
    dated = [a for a in articles if a.published]
    if not dated:
        return []
    first = min(a.published for a in dated)  # type: ignore[type-var]
    return [a.id for a in dated if _same_time(a.published, first)]  # type: ignore[arg-type]


def _link(origin: Article, derived: Article, relation: str, evidence: list[str], score: float, **extra: Any) -> ProvenanceLink:
    return ProvenanceLink(from_=origin.id, to=derived.id, relation=relation, evidence=evidence, score=round(score, 4), **extra)


def _pair_evidence(
    a: Article, b: Article, cov_a: float, cov_b: float, overlap: float, earlier: Article | None, name: Names
) -> list[str]:
    """The readable facts every relation between ``a`` and ``b`` rests on."""
    small, large = (a, b) if len(a.text) <= len(b.text) else (b, a)
    evidence = [
        f"{cov_a:.0%} of {name(a)}'s claims and {cov_b:.0%} of {name(b)}'s are aligned",
        f"{overlap:.0%} of {name(small)}'s word 5-grams appear in {name(large)}",
    ]
    if earlier is not None:
        later = b if earlier is a else a
        evidence.append(
            f"{name(earlier)} published first ({earlier.published:%Y-%m-%d %H:%M}"
            f" before {later.published:%Y-%m-%d %H:%M})"
        )
    credits = [f"{name(x)} credits {'/'.join(agencies(x))}" for x in (a, b) if agencies(x)]
    if credits:
        evidence.append(f"agency credit: {', '.join(credits)}")
    return evidence


def pair_link(
    a: Article,
    b: Article,
    claims: dict[str, list[Claim]],
    aligned: dict[str, set[str]],
    unique: set[str],
    name: Names = outlet_name,
) -> ProvenanceLink | None:
    """The provenance relation between two articles, or ``None`` when they share too little; ``name``
    names articles in the evidence."""
    cov_a, cov_b = _coverage(claims, aligned, a.id, b.id), _coverage(claims, aligned, b.id, a.id)
    if max(cov_a, cov_b) < RELATED_COVERAGE:
        return None
    sh_a, sh_b = shingles(a.text), shingles(b.text)
    overlap = containment(sh_a, sh_b) if len(a.text) <= len(b.text) else containment(sh_b, sh_a)
    earlier = _earlier(a, b)
    evidence = _pair_evidence(a, b, cov_a, cov_b, overlap, earlier, name)
    languages = (a.language or "und", b.language or "und")
    if languages[0] != languages[1] and "und" not in languages and min(cov_a, cov_b) >= TRANSLATION_COVERAGE:
        origin = earlier or _translation_source(a, b, evidence)
        return _link(origin, b if origin is a else a, "translates", evidence, min(cov_a, cov_b))
    if overlap >= COPY_CONTAINMENT:
        origin = earlier or (b if len(a.text) <= len(b.text) else a)  # a copy trims, rarely adds
        return _link(origin, b if origin is a else a, "copies", evidence, overlap)
    adds = {x.id: _new_actor_claims(claims, unique, x.id, y.id) for x, y in ((a, b), (b, a))}
    evidence.append(
        f"claims only in {name(a)} that bring in new actors: {adds[a.id]}; only in {name(b)}: {adds[b.id]}"
    )
    if min(adds.values()) > 0:
        evidence.append("each adds facts the other lacks: independent rewrites of one story")
        credited = sorted(set(agencies(a)) | set(agencies(b)))
        origin, derived = sorted((a, b), key=lambda x: x.id)
        return _link(origin, derived, "independent", evidence, max(cov_a, cov_b), common_source=next(iter(credited), None))
    if earlier is not None:
        origin = earlier
    else:  # the one that adds more (or is less covered by the other) is the source
        origin = a if adds[a.id] > adds[b.id] or (adds[a.id] == adds[b.id] and cov_a < cov_b) else b
    return _link(origin, b if origin is a else a, "rewrites", evidence, max(cov_a, cov_b))


def _new_actor_claims(claims: dict[str, list[Claim]], unique: set[str], article: str, other: str) -> int:
    """How many of ``article``'s unique claims name an actor ``other`` never mentions: facts it adds."""
    known = {e for c in claims.get(other, []) for e in c.entities}
    return sum(1 for c in claims.get(article, []) if c.id in unique and set(c.entities) - known)


def _translation_source(a: Article, b: Article, evidence: list[str]) -> Article:
    """Undated translation pair: the source is the language their shared words are in.

    Two scripts share no words ("Petrenko" / "Петренко"): then nothing tells the direction, and the
    evidence says so rather than let the argument order pass for a finding.
    """
    language, shared = shared_vocabulary_language(a, b)
    if not shared:
        evidence.append("direction unknown: no words in common (different scripts) and no earlier date")
        return a
    evidence.append(f"words both use read as {language} (untranslated names and terms: {shorten(shared, 80)})")
    return a if language == a.language else b


#: Which derivation explains an article best when several could.
_STRENGTH = {"copies": 3, "translates": 2, "rewrites": 1}


def _strongest_sources(links: list[ProvenanceLink]) -> list[ProvenanceLink]:
    """Each article keeps its one most likely source, without cycles: a story yields a tree, not every pair.

    Independent links are kept between articles that derive from nothing else here (siblings of one source).
    """
    source_of: dict[str, str] = {}
    kept = []
    derived = [link for link in links if link.relation in _STRENGTH]
    for link in sorted(derived, key=lambda x: (_STRENGTH[x.relation], x.score or 0.0), reverse=True):
        if link.to in source_of or _descends(link.from_, link.to, source_of):
            continue
        source_of[link.to] = link.from_
        kept.append(link)
    siblings = [x for x in links if x.relation == "independent" and x.from_ not in source_of and x.to not in source_of]
    return kept + siblings


def _descends(article: str, ancestor: str, source_of: dict[str, str]) -> bool:
    seen = set()
    while article in source_of and article not in seen:
        seen.add(article)
        article = source_of[article]
        if article == ancestor:
            return True
    return False


def provenance(
    articles: list[Article],
    claims: list[Claim],
    pairs: list[tuple[str, str]],
    unique: set[str],
    names: dict[str, str] | None = None,
) -> tuple[list[ProvenanceLink], dict[str, Any]]:
    """Links between every related pair of articles, plus the earliest reporter and who adds nothing;
    ``names`` (article id -> name, :func:`~storyline.compare.naming.reader_names`) names them in the evidence."""
    known = names or {}

    def name(article: Article) -> str:
        return known.get(article.id) or outlet_name(article)

    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    aligned: dict[str, set[str]] = {}
    for x, y in pairs:
        aligned.setdefault(x, set()).add(y)
        aligned.setdefault(y, set()).add(x)
    links = _strongest_sources(
        [
            link
            for i, a in enumerate(articles)
            for b in articles[i + 1 :]
            if (link := pair_link(a, b, by_article, aligned, unique, name)) is not None
        ]
    )
    first = first_reporters(articles)
    derived = {link.to for link in links if link.relation != "independent"}
    adds_nothing = [a.id for a in articles if a.id in derived and not any(c.id in unique for c in by_article.get(a.id, []))]
    earliest = first[0] if len(first) == 1 else None
    return links, {"earliest": earliest, "first_reported": first, "adds_nothing": adds_nothing}
