"""Provenance: who copies, rewrites or translates whom, and who reported first.

Signals per pair of articles: publication order, word 5-gram containment (a
copy keeps the wording), claim coverage from the alignment (a rewrite or a
translation keeps the facts), language, a shared agency credit, and the
claims each adds. Two articles that share much but each add facts with
actors the other never names are independent rewrites of one story (often
the agency's): neither copies the other. Without dates, a translation's direction comes from the language
of the words both share (the translation leaves names and terms untranslated), when they read clearly as one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from textwrap import shorten
from typing import Any

import py3langid
from rapidfuzz.distance import Indel

from storyline.compare.lexicon import AGENCY_CREDIT_RE, AGENCY_RE, agency_name, credited_agency
from storyline.compare.naming import UNKNOWN_OUTLET, article_name, outlet_name
from storyline.match.text import split_unspaced, words
from storyline.model import Article, Claim, ClaimGroup, ProvenanceLink

#: Share of the smaller article's 5-grams found in the other: above it, a copy.
COPY_CONTAINMENT = 0.5
#: Share of an article's claims aligned to the other's: above it, the two are related at all.
RELATED_COVERAGE = 0.3
#: Share of claims aligned both ways for a translation.
TRANSLATION_COVERAGE = 0.5
#: A rewrite keeps some of its source's wording: at least this share of the smaller article's word 5-grams
#: in the other. Reports of one event written apart share their quotes and little else (a walkthrough story:
#: 11 of 13 pairs then called "rewrites" shared 0-3%, from outlets 18 months apart among them).
REWRITE_CONTAINMENT = 0.15
#: ... or this share of the smaller article's claims keeps an aligned claim of the other nearly word for word.
REWRITE_SENTENCES = 0.3
#: Share of a copy's word 5-grams found in the other above which it holds nothing the other lacks but a word or
#: two: one holding the other's so and more of its own is the source of a trimmed copy.
SUBSET_CONTAINMENT = 0.9
#: Log-likelihood margin (py3langid, nats) by which the words two languages' articles share must read as one
#: language rather than the other to name it the translation's source: e^5, about 150 to 1.
LANGUAGE_MARGIN = 5.0
#: Word-sequence similarity (Indel over lower-cased words) of two claims that are one sentence lightly edited.
NEAR_IDENTICAL = 0.7

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
    """News agencies the article credits: its agency field, byline, a credit line ("By AFP", "(Reuters)"),
    or its text ("according to Reuters", "the Associated Press reported", "PORT ELWYN (AP) -")."""
    sources = [article.agency or "", article.byline or ""]
    sources += [s.text for s in article.stripped if s.reason in ("byline", "dateline", "credit")]
    sources += [" ".join(g for g in m.groups() if g) for p in article.paragraphs if (m := _CREDIT_RE.match(p.strip()))]
    found = [agency_name(m) for text in sources for m in AGENCY_RE.finditer(text)]
    if article.agency and not AGENCY_RE.search(article.agency):
        found.insert(0, article.agency)  # one ingest read from a credit in initials ("PORT ELWYN (RPA) -")
    found += [credited_agency(m) for p in article.paragraphs for m in AGENCY_CREDIT_RE.finditer(p)]
    # Chinese and Japanese datelines stay in the text ("新华社德黑兰12月18日电", "【新华社】"): the agency opens it.
    opening = AGENCY_RE.match(article.paragraphs[0].lstrip(" 【（(「")) if article.paragraphs else None
    if opening is not None and opening.group(2):
        found.append(agency_name(opening))
    return list(dict.fromkeys(found))


def common_agency(a: Article, b: Article, credits: dict[str, list[str]]) -> str | None:
    """The agency two retellings of one story both come from: one both credit; or the one article's credit
    when the other names no author or agency at all (a scraped copy). A staff byline on the other side, or
    another agency ("AP" / "UPI"), means no common source is known. ``credits``: article id -> :func:`agencies`."""
    both = sorted(set(credits[a.id]) & set(credits[b.id]))
    if both:
        return both[0]
    credited = [x for x in (a, b) if credits[x.id]]
    if len(credited) == 1:
        other = b if credited[0] is a else a
        return credits[credited[0].id][0] if not (other.byline or "").strip() else None
    return None


def shared_vocabulary_language(a: Article, b: Article) -> tuple[str | None, str]:
    """Which of the two languages the words both articles share read as (``None`` when they read as both
    alike: a log-likelihood margin under LANGUAGE_MARGIN), and those words.

    A translation keeps the source's names and terms, so the shared vocabulary reads as the source
    language. When those words are only names, often of a third language ("Force Ouvrière", "Der Spiegel",
    "Yosano") and words both languages spell alike ("crisis fiscal global"), they tell nothing: on MEANTIME
    en-es all 6 wrong directions read within 4.4 nats, 113 of the 114 right ones from 8.4.
    """
    shared = " ".join(sorted(set(_LETTERS_RE.findall(a.text)) & set(_LETTERS_RE.findall(b.text))))
    if not shared:
        return None, shared
    scores = dict(py3langid.rank(shared))
    languages = (a.language or "und", b.language or "und")
    first, second = sorted(languages, key=lambda lang: scores.get(lang, float("-inf")), reverse=True)
    margin = scores.get(first, float("-inf")) - scores.get(second, float("-inf"))
    return (first if margin >= LANGUAGE_MARGIN else None), shared


@dataclass
class StoryFacts:
    """What :func:`pair_link` reads of each article and claim, computed once per story: a story of n
    articles has n(n-1)/2 pairs, and per pair these cost as much as the rest of the comparison."""

    articles: list[Article]  # the story's articles
    claims: dict[str, list[Claim]]  # article id -> its claims
    aligned: dict[str, set[str]]  # claim id -> ids of the claims aligned with it
    unique: set[str]  # ids of the claims no other article tells
    shingles: dict[str, set[tuple[str, ...]]]  # article id -> word 5-grams
    credits: dict[str, list[str]]  # article id -> agencies it credits
    own: dict[str, str | None]  # article id -> the agency it is (own_agency)
    named: dict[str, set[str]]  # article id -> entities its claims name
    covered: Counter[tuple[str, str]]  # (article, other) -> claims of article aligned to some claim of other
    wording: dict[str, list[str]]  # claim id -> its lower-cased words

    @classmethod
    def of(
        cls, articles: list[Article], claims: list[Claim], pairs: list[tuple[str, str]], unique: set[str]
    ) -> StoryFacts:
        by_article: dict[str, list[Claim]] = {}
        for claim in claims:
            by_article.setdefault(claim.article, []).append(claim)
        aligned: dict[str, set[str]] = {}
        for x, y in pairs:
            aligned.setdefault(x, set()).add(y)
            aligned.setdefault(y, set()).add(x)
        article_of = {c.id: c.article for c in claims}
        covered = Counter(
            (claim.article, other) for claim in claims for other in {article_of[x] for x in aligned.get(claim.id, ())}
        )
        return cls(
            articles=articles,
            claims=by_article,
            aligned=aligned,
            unique=unique,
            shingles={a.id: shingles(a.text) for a in articles},
            credits={a.id: agencies(a) for a in articles},
            own={a.id: own_agency(a) for a in articles},
            named={a.id: {e for c in by_article.get(a.id, []) for e in c.entities} for a in articles},
            covered=covered,
            wording={c.id: [w.lower() for w in words(c.text)] for c in claims},
        )

    def coverage(self, article: str, other: str) -> float:
        """Share of ``article``'s claims aligned to some claim of ``other``."""
        own = len(self.claims.get(article, []))
        return self.covered[(article, other)] / own if own else 0.0

    def related(self, articles: list[Article]) -> list[tuple[Article, Article]]:
        """The pairs of ``articles`` (in list order) that may be linked: some claim of one is aligned to one
        of the other. Exact, not a heuristic: any other pair covers 0% of either's claims, under
        RELATED_COVERAGE, so :func:`pair_link` would return ``None``."""
        position = {a.id: i for i, a in enumerate(articles)}
        pairs = sorted({tuple(sorted((position[x], position[y]))) for x, y in self.covered if x != y})
        return [(articles[i], articles[j]) for i, j in pairs]


def _same_time(a: datetime, b: datetime) -> bool:
    """Two publication times that cannot be told apart: equal, or one day where one gives no time (midnight)."""
    return a == b or (a.date() == b.date() and time() in (a.time(), b.time()))


def _day_only(published: datetime) -> bool:
    """A publication date without a time of day (stored as midnight): any time of that day."""
    return published.time() == time()


def _stamp(published: datetime) -> str:
    return f"{published:%Y-%m-%d}" if _day_only(published) else f"{published:%Y-%m-%d %H:%M}"


def _earlier(a: Article, b: Article) -> Article | None:
    if a.published and b.published and not _same_time(a.published, b.published):
        return a if a.published < b.published else b
    return None


def _why_unordered(a: Article, b: Article, name: Names) -> str:
    """Why publication dates do not tell which of two articles came first."""
    if not (a.published or b.published):
        return "neither gives a publication date"
    if not (a.published and b.published):
        return f"{name(b if a.published else a)} gives no publication date"
    if a.published == b.published:
        return f"both give {_stamp(a.published)}"
    day = a if _day_only(a.published) else b
    other = b if day is a else a
    return f"{name(day)} gives only the day ({_stamp(day.published)}), {name(other)} {_stamp(other.published)}"  # type: ignore[arg-type]


def _first(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """The articles published first, and those that may have been: see :func:`first_reporters`."""
    dated = [a for a in articles if a.published]
    if not dated:
        return [], []
    first_day = min(a.published.date() for a in dated)  # type: ignore[union-attr]
    days = [a for a in dated if _day_only(a.published) and a.published.date() == first_day]  # type: ignore[union-attr, arg-type]
    earliest = min((a.published for a in dated if not _day_only(a.published)), default=None)  # type: ignore[arg-type, type-var]
    if earliest is None or earliest.date() > first_day:
        return days, []
    return [a for a in dated if a.published == earliest], days


def first_reporters(articles: list[Article]) -> list[str]:
    """The articles published first: those with the earliest exact time, or, when articles giving only a
    day (midnight) are dated a day before any exact time, those (their order within the day unknown).

    A day without a time may be any time of it, so it ties with no exact time: one at 16:52 is not first
    beside one at 12:50 merely because a third gives only that day (:func:`first_report` names that third
    as possibly first).
    """
    return [a.id for a in _first(articles)[0]]


def first_report(articles: list[Article], name: Names = article_name) -> dict[str, Any]:
    """``first_reported`` (:func:`first_reporters`), ``possibly_first`` (articles giving only the day of the
    earliest exact time: they may have been earlier), ``earliest`` (the one first article, when nothing may
    precede it: no article giving only that day, none undated) and ``first_reported_note``, the rule applied
    in words."""
    first, possibly = _first(articles)
    undated = sum(1 for a in articles if not a.published)
    if not first:
        note = "no article gives a publication date"
    elif _day_only(first[0].published):  # type: ignore[arg-type]
        note = f"{', '.join(map(name, first))}: {_stamp(first[0].published)}, the earliest day given"  # type: ignore[arg-type]
        note += "; which of them came first is unknown (no times given)" if len(first) > 1 else ""
    else:
        note = f"{', '.join(map(name, first))}: {_stamp(first[0].published)}, the earliest time given"  # type: ignore[arg-type]
        note += "; which of them came first is unknown (the same time)" if len(first) > 1 else ""
        if possibly:
            verb = "gives" if len(possibly) == 1 else "give"
            note += f"; {', '.join(map(name, possibly))} {verb} only that day and may have been earlier"
    if undated and first:
        note += f"; {undated} undated article{'s' if undated > 1 else ''} not counted (may have been earlier)"
    return {
        "earliest": first[0].id if len(first) == 1 and not possibly and not undated else None,
        "first_reported": [a.id for a in first],
        "possibly_first": [a.id for a in possibly],
        "first_reported_note": note,
    }


def _link(
    origin: Article, derived: Article, relation: str, evidence: list[str], score: float, direction: str | None = None, **extra: Any
) -> ProvenanceLink:
    return ProvenanceLink(
        from_=origin.id, to=derived.id, relation=relation, evidence=evidence, score=round(score, 4), direction=direction, **extra
    )


def _pair_evidence(
    a: Article,
    b: Article,
    facts: StoryFacts,
    cov_a: float,
    cov_b: float,
    overlap: float,
    earlier: Article | None,
    name: Names,
) -> list[str]:
    """The readable facts every relation between ``a`` and ``b`` rests on. Shared wording is no fact of two
    languages: "0% of the word 5-grams" would read as a sign of independence beside a translation."""
    small, large = (a, b) if len(a.text) <= len(b.text) else (b, a)
    evidence = [f"{cov_a:.0%} of {name(a)}'s claims and {cov_b:.0%} of {name(b)}'s are aligned"]
    if not _two_languages(a, b):
        evidence.append(f"{overlap:.0%} of {name(small)}'s word 5-grams appear in {name(large)}")
    if earlier is not None:
        later = b if earlier is a else a
        evidence.append(f"{name(earlier)} published first ({_stamp(earlier.published)} before {_stamp(later.published)})")  # type: ignore[arg-type]
    credits = [f"{name(x)} credits {'/'.join(facts.credits[x.id])}" for x in (a, b) if facts.credits[x.id]]
    if credits:
        evidence.append(f"agency credit: {', '.join(credits)}")
    return evidence


_OUTLET_WORDS_RE = re.compile(r"\b(?:news|agency|wire|service)\b", re.IGNORECASE)


def own_agency(article: Article) -> str | None:
    """The agency an article comes from, when its outlet is one ("Reuters", "AP News", "afp.com")."""
    outlet = outlet_name(article)
    outlet = outlet.removeprefix("www.").split(".")[0] if " " not in outlet else outlet  # a site: its name
    found = AGENCY_RE.fullmatch(" ".join(_OUTLET_WORDS_RE.sub(" ", outlet).split()))
    return agency_name(found) if found else None


def _credited_source(a: Article, b: Article, facts: StoryFacts) -> tuple[Article, Article] | None:
    """``(source, article)`` when one of the two credits the agency the other comes from ("according to
    Reuters" with Reuters' own report in the story): the credit names where its facts come from."""
    found = [
        (x, y)
        for x, y in ((a, b), (b, a))
        if (agency := facts.own[x.id]) and agency in facts.credits[y.id] and facts.own[y.id] != agency
    ]
    return found[0] if len(found) == 1 else None


def _kept_sentences(facts: StoryFacts, small: str, large: str) -> float:
    """Share of ``small``'s claims with an aligned claim of ``large`` in nearly the same words: sentences a
    rewrite kept and lightly edited (two languages never share them; a translation is judged apart)."""
    own, others = facts.claims.get(small, []), {c.id for c in facts.claims.get(large, [])}
    if not own:
        return 0.0

    def kept(claim: Claim) -> bool:
        mine = facts.wording[claim.id]
        return any(
            Indel.normalized_similarity(mine, facts.wording[x]) >= NEAR_IDENTICAL
            for x in facts.aligned.get(claim.id, ())
            if x in others
        )

    return sum(1 for claim in own if kept(claim)) / len(own)


def _shared_wording(a: Article, b: Article, facts: StoryFacts, overlap: float, name: Names) -> tuple[bool, str]:
    """Whether two articles share enough wording for one to retell the other, and the evidence in words."""
    small, large = sorted((a, b), key=lambda x: len(facts.claims.get(x.id, [])))
    kept = _kept_sentences(facts, small.id, large.id)
    shared = overlap >= REWRITE_CONTAINMENT or kept >= REWRITE_SENTENCES
    return shared, f"{kept:.0%} of {name(small)}'s claims keep an aligned claim of {name(large)} nearly word for word"


def _rewrite_origin(
    a: Article, b: Article, earlier: Article | None, credited: tuple[Article, Article] | None, evidence: list[str], name: Names
) -> tuple[Article, str]:
    """Which of two articles one retelling the other is the source, and how that is known.

    An agency credit decides unless the dates say otherwise, then publication order; failing both the order
    is unknown (the link then names the two in id order): which one adds more is no sign of which came first.
    """
    if credited is not None and earlier in (None, credited[0]):
        return credited[0], "credit"
    if earlier is not None:
        return earlier, "dates"
    evidence.append(f"which came first is unknown: {_why_unordered(a, b, name)}")
    return min((a, b), key=lambda x: x.id), "unknown"


def pair_link(a: Article, b: Article, facts: StoryFacts, name: Names = article_name) -> ProvenanceLink | None:
    """The provenance relation between two articles, or ``None`` when they share too little (facts, or
    for a rewrite, wording); ``name`` names articles in the evidence.

    The pair is taken in id order, as an independent link names it ("A and B: reported independently"): its
    evidence then names them in that order too, and neither depends on the order the articles came in."""
    a, b = sorted((a, b), key=lambda x: x.id)
    cov_a, cov_b = facts.coverage(a.id, b.id), facts.coverage(b.id, a.id)
    if max(cov_a, cov_b) < RELATED_COVERAGE:
        return None
    sh_a, sh_b = facts.shingles[a.id], facts.shingles[b.id]
    overlap = containment(sh_a, sh_b) if len(a.text) <= len(b.text) else containment(sh_b, sh_a)
    earlier = _earlier(a, b)
    evidence = _pair_evidence(a, b, facts, cov_a, cov_b, overlap, earlier, name)
    if _two_languages(a, b) and min(cov_a, cov_b) >= TRANSLATION_COVERAGE:
        return _translation_link(a, b, evidence, min(cov_a, cov_b))
    credited = _credited_source(a, b, facts)
    if credited is not None:
        source, credit = credited
        evidence.append(f"{name(credit)} credits {facts.own[source.id]}, and {name(source)} is its report")
    if overlap >= COPY_CONTAINMENT:
        return _copy_link(a, b, facts, earlier, credited, evidence, overlap, name)
    adds = {x.id: _new_actor_claims(facts, x.id, y.id) for x, y in ((a, b), (b, a))}
    evidence.append(
        f"claims only in {name(a)} that bring in new actors: {adds[a.id]}; only in {name(b)}: {adds[b.id]}"
    )
    if min(adds.values()) > 0 and credited is None:
        common = common_agency(a, b, facts.credits)
        told = f"independent rewrites of one {common} story" if common else "reported independently"
        evidence.append(f"each adds facts the other lacks: {told}")
        return _link(a, b, "independent", evidence, max(cov_a, cov_b), common_source=common)
    shared, kept = _shared_wording(a, b, facts, overlap, name)
    if not shared:
        return None  # one story told apart: nothing shows that either retells the other
    evidence.append(kept)
    origin, direction = _rewrite_origin(a, b, earlier, credited, evidence, name)
    return _link(origin, b if origin is a else a, "rewrites", evidence, max(cov_a, cov_b), direction)


def _two_languages(a: Article, b: Article) -> bool:
    """Both articles' languages are known and differ: the pair can only be a translation, never share wording."""
    languages = (a.language or "und", b.language or "und")
    return languages[0] != languages[1] and "und" not in languages


def _copy_link(
    a: Article,
    b: Article,
    facts: StoryFacts,
    earlier: Article | None,
    credited: tuple[Article, Article] | None,
    evidence: list[str],
    overlap: float,
    name: Names,
) -> ProvenanceLink:
    """``copies``: the credited agency's report or the earlier article is the source (as for a rewrite,
    :func:`_rewrite_origin`). When dates do not order them (one day without times, undated), the texts may:
    a credit line of one names the other's outlet, or one holds all the other's wording and more (the other
    is a trimmed copy), unless a third article holds that one's wording with more still (:func:`_fuller_text`).
    Two copies that differ by a word or each keep lines the other lacks say nothing of their order: the
    direction is unknown (on ECB+, 14 same-day or undated near-identical pairs, where the longer text was taken
    for the source: an AP recap on two sites 12 characters apart, a team's own release longer on the site that
    copied it)."""
    if credited is not None or earlier is not None:
        origin, direction = _rewrite_origin(a, b, earlier, credited, evidence, name)
        return _link(origin, b if origin is a else a, "copies", evidence, overlap, direction)
    why = _why_unordered(a, b, name)
    named = _credit_line_source(a, b)
    if named is not None:
        source, copy = named
        evidence.append(f"dates do not tell the order ({why}): {name(copy)}'s credit line names {outlet_name(source)}")
        return _link(source, copy, "copies", evidence, overlap, "credit")
    holds = [(x, y) for x, y in ((a, b), (b, a)) if _trims(y.id, x.id, facts)]
    if holds:
        source, copy = holds[0]
        inside = containment(facts.shingles[copy.id], facts.shingles[source.id])
        own = 1 - containment(facts.shingles[source.id], facts.shingles[copy.id])
        held = f"{inside:.0%} of {name(copy)}'s word 5-grams are in {name(source)}, "
        held += f"which has more ({own:.0%} of its own)"
        fuller = _fuller_text(source, (a, b), facts)
        if fuller is None:
            evidence.append(f"dates do not tell the order ({why}): {held}: {name(copy)} taken as a trimmed copy")
            return _link(source, copy, "copies", evidence, overlap, "subset")
        evidence.append(
            f"which came first is unknown: {why}; {held}, but {name(fuller)} holds {name(source)}'s wording with "
            f"more of its own: either may be trimmed from that fuller text"
        )
        return _link(a, b, "copies", evidence, overlap, "unknown")
    evidence.append(f"which came first is unknown: {why}, and neither holds the other's wording with more of its own")
    return _link(a, b, "copies", evidence, overlap, "unknown")


def _trims(copy: str, source: str, facts: StoryFacts) -> bool:
    """``copy`` holds nothing but a word or two beside ``source``'s wording, which has more: a trimmed copy."""
    inside = containment(facts.shingles[copy], facts.shingles[source])
    return inside >= SUBSET_CONTAINMENT > containment(facts.shingles[source], facts.shingles[copy])


def _fuller_text(source: Article, pair: tuple[Article, Article], facts: StoryFacts) -> Article | None:
    """A third article of the story that holds ``source``'s wording with more of its own, when ``source`` holds a
    trimmed copy's: then what ``source`` has beyond that copy is the fuller text's too, and both may be cut from
    it (on ECB+, a forum post quoting ten paragraphs of an AP obituary held a site's seven-paragraph cut, and
    USA Today held the post's ten: the site copied no forum post)."""
    others = [x for x in facts.articles if x.id not in {y.id for y in pair}]
    return next((x for x in others if _trims(source.id, x.id, facts)), None)


#: A line that says where a republished text comes from ("Originally published by ...", "Source: ...").
_REPUBLISHED_RE = re.compile(
    r"(?<!\w)(?:(?:originally|first)\s+(?:published|appeared|posted)|republished|reprinted|courtesy\s+of"
    r"|publicado\s+originalmente|publié\s+initialement)(?!\w)|(?<!\w)(?:source|fuente|quelle)\s*:",
    re.IGNORECASE,
)


def _credit_lines(article: Article) -> str:
    """An article's credit lines: its byline, the byline, staff and copyright lines ingest stripped, and lines
    that say where a republished text comes from (an image credit names who took a photo, not the text's source)."""
    lines = [article.byline or "", article.agency or ""]
    lines += [s.text for s in article.stripped if s.reason in ("byline", "staff-credit", "copyright")]
    lines += [p for p in article.paragraphs if len(p.split()) <= 25 and _REPUBLISHED_RE.search(p)]
    return "\n".join(lines)


def _credit_line_source(a: Article, b: Article) -> tuple[Article, Article] | None:
    """``(source, copy)`` when the credit lines of one name the other's outlet and not the other way round: a copy
    credits where it comes from ("Originally published by the Daily Ledger"). Only credit lines count: a text may
    name an outlet as its subject or as a company it reports on."""

    def names(x: Article, y: Article) -> bool:
        outlet = outlet_name(y)
        if outlet in (UNKNOWN_OUTLET, outlet_name(x)):
            return False
        return re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", _credit_lines(x), re.IGNORECASE) is not None

    found = [(y, x) for x, y in ((a, b), (b, a)) if names(x, y)]
    return found[0] if len(found) == 1 else None


def _new_actor_claims(facts: StoryFacts, article: str, other: str) -> int:
    """How many of ``article``'s unique claims name an actor ``other`` never mentions: facts it adds."""
    known = facts.named[other]
    return sum(1 for c in facts.claims.get(article, []) if c.id in facts.unique and set(c.entities) - known)


def _translation_link(a: Article, b: Article, evidence: list[str], score: float) -> ProvenanceLink:
    """``translates``, from the earlier of the two, else from the language of the words both use."""
    earlier = _earlier(a, b)
    origin, direction = (earlier, "dates") if earlier else _translation_source(a, b, evidence)
    return _link(origin, b if origin is a else a, "translates", evidence, score, direction)


def translation_link(a: Article, b: Article) -> ProvenanceLink:
    """Which way a translation goes, for two articles known to say the same in two languages (matching tells that
    from their meaning alone): the direction a comparison gives it, without the claims a comparison aligns."""
    a, b = sorted((a, b), key=lambda x: x.id)
    return _translation_link(a, b, [], 1.0)


def _translation_source(a: Article, b: Article, evidence: list[str]) -> tuple[Article, str]:
    """Undated translation pair: the source is the language their shared words are in.

    Two scripts share no words ("Petrenko" / "Петренко"): then nothing tells the direction, and the
    evidence says so rather than let the argument order pass for a finding.
    """
    language, shared = shared_vocabulary_language(a, b)
    if not shared:
        evidence.append("direction unknown: no words in common (different scripts) and no earlier date")
        return a, "unknown"
    if language is None:
        evidence.append(
            f"direction unknown: the words both use read as {a.language} and {b.language} alike "
            f"(names and words both languages spell alike: {shorten(shared, 80)}) and no earlier date"
        )
        return a, "unknown"
    evidence.append(f"words both use read as {language} (untranslated names and terms: {shorten(shared, 80)})")
    return (a if language == a.language else b), "language"


#: Which derivation explains an article best when several could.
_STRENGTH = {"copies": 3, "translates": 2, "rewrites": 1}


def _strongest_sources(links: list[ProvenanceLink]) -> list[ProvenanceLink]:
    """Each article keeps its one most likely source, without cycles: a story yields a tree, not every pair.

    The agency an article credits comes first when its report is here; then the strongest relation, a
    known direction before an unknown one, then the score. Independent links are kept between articles
    that derive from nothing else here (siblings of one source).
    """
    source_of: dict[str, str] = {}
    kept = []
    derived = [link for link in links if link.relation in _STRENGTH]

    def rank(link: ProvenanceLink) -> tuple[bool, int, bool, float]:
        return link.direction == "credit", _STRENGTH[link.relation], link.direction != "unknown", link.score or 0.0

    for link in sorted(derived, key=rank, reverse=True):
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
    disagreements: list[dict[str, set[str]]] | None = None,
) -> tuple[list[ProvenanceLink], dict[str, Any]]:
    """Links between every related pair of articles, plus the earliest reporter and who adds nothing;
    ``names`` (article id -> name, :func:`~storyline.compare.naming.reader_names`) names them in the evidence;
    ``disagreements``: the words each article gives where claims are told apart (:func:`told_apart`)."""
    known = names or {}

    def name(article: Article) -> str:
        return known.get(article.id) or article_name(article)

    facts = StoryFacts.of(articles, claims, pairs, unique)
    candidates = facts.related(articles)
    links = _strongest_sources([link for a, b in candidates if (link := pair_link(a, b, facts, name)) is not None])
    source_of = source_links(links)
    adds_nothing = [
        a.id
        for a in articles
        if a.id in source_of
        and not any(c.id in unique for c in facts.claims.get(a.id, []))
        and not _departs_from(a.id, source_of[a.id].from_, disagreements or [])
    ]
    return links, {**first_report(sources_first(articles, links), name), "adds_nothing": adds_nothing}


def source_links(links: list[ProvenanceLink]) -> dict[str, ProvenanceLink]:
    """Derived article -> the link to its source, where the link says which way it goes."""
    return {link.to: link for link in links if link.relation != "independent" and link.direction != "unknown"}


def sources_first(articles: list[Article], links: list[ProvenanceLink]) -> list[Article]:
    """``articles`` with every source before the copies and translations made of it, in their order otherwise.

    Where dates do not order two articles (one day without times, equal times), the list order decides who
    is named first; a translation was made after its source, so it never goes before it."""
    source_of = {derived: link.from_ for derived, link in source_links(links).items()}

    def generation(article: Article) -> int:
        count, seen, current = 0, {article.id}, article.id
        while (current := source_of.get(current, "")) and current not in seen:
            seen.add(current)
            count += 1
        return count

    return sorted(articles, key=generation)


def began_with(articles: list[Article], links: list[ProvenanceLink], first: set[str]) -> Article | None:
    """The article a story began with: of those published first (``first``: :func:`first_report`'s
    ``first_reported`` and ``possibly_first``; all, when it is empty), the first in :func:`sources_first` order, not
    a same-day translation or copy of another; ``articles`` listed by publication."""
    return next((a for a in sources_first(articles, links) if a.id in first or not first), None)


def possibly_first(articles: list[Article]) -> set[str]:
    """The articles that were or may have been published first (:func:`first_report`)."""
    return {a.id for group in _first(articles) for a in group}


def told_apart(groups: list[ClaimGroup]) -> list[dict[str, set[str]]]:
    """Per finding that tells aligned claims apart (a changed figure, a conflict, a reported denial), the words
    each article gives there: {"A": {"4%"}, "B": {"5%"}}."""
    found = []
    for group in groups:
        for finding in group.evidence:
            if finding["rule"] in ("aligned", "unique"):
                continue
            words: dict[str, set[str]] = {}
            for span in finding.get("spans", []):
                words.setdefault(span["article"], set()).add(span["text"])
            found.append(words)
    return found


def _departs_from(article: str, source: str, disagreements: list[dict[str, set[str]]]) -> bool:
    """Whether ``article`` gives other words than its source where claims are told apart: a copy that changes a
    figure ("4%" -> "5%") adds something, the change, and a reader must not be told it adds nothing."""
    return any(article in words and source in words and words[article] != words[source] for words in disagreements)
