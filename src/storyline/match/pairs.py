"""Same story or not, for two articles, with the reasons."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from storyline.enrich.gazetteer import countries_named
from storyline.ingest.language import UNDETERMINED
from storyline.match.config import MatchConfig
from storyline.match.pairs_sentences import alignment, coherence, headline_match, sentence_units
from storyline.match.signature import Encoder, Signature, build_signature, lead_text
from storyline.match.text import WORD
from storyline.model import Article, PairMatch

IdfFn = Callable[[str], float]
#: Sentence-unit vectors of the two texts of a pair (rows: unit vectors).
UnitVectors = tuple[np.ndarray, np.ndarray]


def no_idf(_term: str) -> float:
    return 1.0


@dataclass
class Facets:
    """Similarities between two articles (or an article and a story), each in [0, 1]."""

    duplicate: float
    semantic: float
    lexical: float
    entities: float
    places: float
    numbers: float
    days: float | None
    cross_lingual: bool
    brevity: float = 0.0  # see :func:`brevity`
    #: Sentence alignment (:func:`~storyline.match.pairs_sentences.alignment`), when sentence vectors were given.
    alignment: float | None = None
    #: Headline of one text against the other text (:func:`~storyline.match.pairs_sentences.headline_match`).
    headline: float | None = None
    #: The less coherent text's headline-to-body similarity (:func:`~storyline.match.pairs_sentences.coherence`).
    coherence: float | None = None

    def as_dict(self) -> dict[str, float]:
        values = {
            "near_duplicate": self.duplicate,
            "semantic": self.semantic,
            "lexical": self.lexical,
            "shared_entities": self.entities,
            "place": self.places,
            "numbers": self.numbers,
        }
        if self.alignment is not None:
            values["sentence_alignment"] = self.alignment
        if self.headline is not None:
            values["headline_match"] = self.headline
        if self.days is not None:
            values["time_distance_days"] = self.days
        return {k: round(float(v), 4) for k, v in values.items()}


def weighted_norm(weights: Mapping[str, float], idf: IdfFn = no_idf) -> float:
    return math.sqrt(sum((w * idf(t)) ** 2 for t, w in weights.items()))


def weighted_cosine(
    a: Mapping[str, float],
    b: Mapping[str, float],
    idf: IdfFn = no_idf,
    norm_b: float | None = None,
    norm_a: float | None = None,
) -> float:
    """Cosine of two term-weight maps after idf weighting (0 when either is empty).

    ``norm_b`` / ``norm_a`` (from :func:`weighted_norm`) save re-summing a map scored many times:
    a story's, or an article's against each of its candidate stories.
    """
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large[t] * idf(t) ** 2 for t, w in small.items() if t in large)
    if dot == 0.0:
        return 0.0
    norm_b = weighted_norm(b, idf) if norm_b is None else norm_b
    norm_a = weighted_norm(a, idf) if norm_a is None else norm_a
    return dot / (norm_a * norm_b)


def set_cosine(a: set[str], b: set[str]) -> float:
    """|A & B| / sqrt(|A| |B|): overlap that does not punish one long list."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def days_between(a: Signature, b: Signature) -> float | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).total_seconds()) / 86400.0


def is_cross_lingual(a: str | None, b: str | None) -> bool:
    """Two known, different languages (a headline too short to identify is no other language)."""
    known = {a, b} & {None, UNDETERMINED} == set()
    return bool(known and a.split("-")[0] != b.split("-")[0])  # type: ignore[union-attr]


def pair_facets(a: Signature, b: Signature, idf: IdfFn = no_idf, units: UnitVectors | None = None) -> Facets:
    """All facets of a pair; ``units`` (sentence vectors of a and b) add the alignment facet."""
    return Facets(
        duplicate=float(a.minhash.jaccard(b.minhash)),
        semantic=float(np.clip(np.dot(a.vector, b.vector), 0.0, 1.0)),
        lexical=weighted_cosine(a.terms, b.terms, idf),
        entities=set_cosine(a.entities, b.entities),
        places=set_cosine(a.places, b.places),
        numbers=set_cosine(a.numbers, b.numbers),
        days=days_between(a, b),
        cross_lingual=is_cross_lingual(a.language, b.language),
        brevity=brevity(min(a.n_words, b.n_words)),
        alignment=None if units is None else alignment(*units),
        headline=None if units is None else headline_match(*units),
        coherence=None if units is None else min(coherence(units[0]), coherence(units[1])),
    )


def brevity(n_words: int) -> float:
    """1 for a headline-only text, falling towards 0 for full articles: short texts share less."""
    return min(1.0, 20.0 / max(n_words, 1))


def names_count(facets: Facets, config: MatchConfig) -> float:
    """How much shared names count: fully between articles; between short texts only as far as their meaning
    agrees too. Two headlines naming one person or firm are often two of its events ("Ana Costa resigns",
    "Ana Costa's budget passes"), and in a short text one shared name makes the name facet 1."""
    span = config.names_meaning_full - config.names_meaning_floor
    agreement = min(1.0, max(0.0, (facets.semantic - config.names_meaning_floor) / span))
    return 1.0 - facets.brevity * (1.0 - agreement)


def logit(facets: Facets, config: MatchConfig) -> float:
    """Evidence that two texts tell one event.

    Across languages shared words mean little, so the lexical weight moves to
    the semantic facet (scaled to its typical range).
    """
    lexical = facets.semantic if facets.cross_lingual else facets.lexical
    score = (
        config.bias
        + config.weight_semantic * facets.semantic
        + config.weight_lexical * lexical
        + config.weight_entities * facets.entities * names_count(facets, config)
        + config.weight_duplicate * facets.duplicate
        + config.weight_numbers * facets.numbers
        + facets.brevity
        * (config.weight_short + config.weight_short_semantic * facets.semantic + config.weight_short_lexical * lexical)
    )
    if facets.days is not None:
        score += config.weight_days * max(0.0, facets.days - 1.0)
    return score


def probability(facets: Facets, config: MatchConfig) -> float:
    """Sigmoid of the logit; the day penalty can make the logit hugely negative, so exp is bounded."""
    return 1.0 / (1.0 + math.exp(min(-logit(facets, config), 700.0)))


def is_related(facets: Facets, config: MatchConfig) -> bool:
    """Same topic: close in meaning and sharing names, or very close in meaning alone (the stream links
    stories so, and a pair is labelled "related" so: one rule, so `storyline match` agrees with the stream)."""
    close = facets.semantic >= config.link_semantic and facets.entities >= config.link_entities
    return close or facets.semantic >= config.link_semantic_alone


def is_copy(facets: Facets, config: MatchConfig) -> bool:
    """Near-duplicate text in one language that reads as an article (not one login page under two headlines)."""
    coherent = facets.coherence is None or facets.coherence >= config.copy_coherence
    return facets.duplicate >= config.copy_jaccard and not facets.cross_lingual and coherent


def is_translation(facets: Facets, cosine: float) -> bool:
    """Two languages that say the same, as close in meaning as ``cosine`` at least: a translation of one by the
    other (which way, provenance tells)."""
    return facets.cross_lingual and facets.semantic >= cosine


def label_for(facets: Facets, p: float, config: MatchConfig) -> str:
    if is_copy(facets, config):
        return "copy"
    if is_translation(facets, config.translation_cosine):
        return "translation"
    if p >= config.same_story:
        return "same story"
    return "related" if is_related(facets, config) else "unrelated"


def to_scale(similarity: float) -> float:
    """A [0, 1] similarity on SemEval's 1 (same) .. 4 (different) scale."""
    return round(4.0 - 3.0 * float(np.clip(similarity, 0.0, 1.0)), 3)


#: Names of :func:`semeval_features`, in order; the fitted map file must list the same.
SEMEVAL_FEATURES = (
    "semantic",
    "semantic^2",
    "alignment",
    "alignment^2",
    "wording",
    "entities",
    "numbers",
    "cross_lingual",
    "headline",
    "coherence",
    "near_duplicate",
    "brevity",
)
#: SemEval-2022 Task 8 heads on the 1-4 scale, each a linear map of :func:`semeval_features`.
SEMEVAL_HEADS = ("overall", "geography", "entities", "time", "narrative")
#: Least-squares maps fitted on the SemEval-2022 Task 8 training labels (the pairs with text) by
#: ``benchmarks/match_fit.py semeval``; cross-validated figures in docs/benchmarks/matching-pairs.md.
SEMEVAL_MAP_FILE = "semeval_map.json"


def semeval_features(facets: Facets) -> list[float]:
    """What the SemEval scores are predicted from (named in :data:`SEMEVAL_FEATURES`).

    Squares let the linear map bend: annotators call a pair "very similar"
    only near the top of the cosine range. Without sentence vectors the
    sentence facets fall back to the lead cosine (a weaker estimate: pass
    ``units``, as :func:`match_article_pairs` does).
    """
    lexical = facets.semantic if facets.cross_lingual else facets.lexical
    aligned = facets.semantic if facets.alignment is None else facets.alignment
    return [
        facets.semantic,
        facets.semantic**2,
        aligned,
        aligned**2,
        lexical,
        facets.entities,
        facets.numbers,
        float(facets.cross_lingual),
        facets.semantic if facets.headline is None else facets.headline,
        1.0 if facets.coherence is None else facets.coherence,
        facets.duplicate,
        facets.brevity,
    ]


@cache
def semeval_map() -> dict[str, np.ndarray]:
    """Intercept and weights of each head, and of the pair's same-story logit (key ``same_story``), read once
    from the packaged map file."""
    data = json.loads(resources.files("storyline.match").joinpath(SEMEVAL_MAP_FILE).read_text(encoding="utf-8"))
    if tuple(data["features"]) != SEMEVAL_FEATURES:
        raise ValueError(f"{SEMEVAL_MAP_FILE}: fitted on other features; rerun benchmarks/match_fit.py semeval")
    heads = {head: np.array(data["heads"][head], dtype=float) for head in SEMEVAL_HEADS}
    return {**heads, "same_story": np.array(data["same_story"], dtype=float)}


def pair_probability(facets: Facets, config: MatchConfig) -> float:
    """Probability that two articles matched as a pair tell one story.

    Not the stream's article-to-story model: that one was fitted to place articles into stories of the
    clustering sets, and on SemEval's pairs (many languages, no library IDF) it labelled a third of the very
    similar pairs unrelated (Pearson with gold -0.53). This is a logistic regression of SemEval's "very or
    mostly similar" on the same features as the SemEval scores (``benchmarks/match_fit.py semeval``; grouped CV
    in docs/benchmarks/matching.md, M11), with the stream's day penalty when both dates are known (the
    training pairs have none).
    """
    z = float(np.array([1.0, *semeval_features(facets)]) @ semeval_map()["same_story"])
    if facets.days is not None:
        z += config.weight_days * max(0.0, facets.days - 1.0)
    return 1.0 / (1.0 + math.exp(min(-z, 700.0)))


def semeval_scores(facets: Facets, copy: bool = False) -> dict[str, float]:
    """Facets on SemEval-2022 Task 8's 1-4 scale, each from its fitted linear map.

    The training texts carry no dates, so the time head learns from content
    alone; when both publication dates are known they decide time instead.
    A ``copy`` (one text, near-duplicate shingles) is the same article on every head: the
    training pairs that near-duplicate are scraping failures (one captcha page on both sides, rated
    by what the annotators saw instead), so the map scored two identical articles 3.3 of 4.
    """
    features = np.array([1.0, *semeval_features(facets)])
    scores = {head: round(float(np.clip(features @ semeval_map()[head], 1.0, 4.0)), 3) for head in SEMEVAL_HEADS}
    if copy:
        scores = dict.fromkeys(scores, 1.0)
    if facets.days is not None:
        scores["time"] = to_scale(math.exp(-facets.days / 7.0))
    return scores


def reasons_for(a: Signature, b: Signature, facets: Facets, label: str) -> list[str]:
    """Short human-readable reasons, strongest first."""
    reasons: list[str] = []
    if label == "copy":
        reasons.append(f"near-duplicate text (shingle overlap {facets.duplicate:.2f})")
    if label == "translation":
        reasons.append(f"translation: {a.language} and {b.language} say the same (meaning {facets.semantic:.2f})")
    reasons.append(f"meaning similarity {facets.semantic:.2f}")
    if not facets.cross_lingual:
        reasons.append(f"shared wording {facets.lexical:.2f}")
    shared = telling_names(
        a.entities & b.entities, lambda n: mentioned(a, n) * mentioned(b, n), a.entity_names, b.entity_names
    )
    if shared:
        reasons.append(f"shared names: {', '.join(shared[:5])}")
    else:
        reasons.append("no shared names")
    places = sorted(a.places & b.places)[:3]
    if places:
        reasons.append(f"shared places: {', '.join(p.title() for p in places)}")
    if facets.days is not None:
        reasons.append(f"published {facets.days:.1f} days apart")
    else:
        reasons.append("publication date unknown")
    return reasons


def mentioned(signature: Signature, name: str) -> float:
    """How much an article dwells on a name: 1 + log of its mentions (a name said once counts 1)."""
    return 1.0 + math.log(max(signature.name_mentions.get(name, 1), 1))


def telling_names(keys: Iterable[str], weight: Callable[[str], float], *names: dict[str, str]) -> list[str]:
    """Display names of shared matching names, most telling first (highest ``weight``: mentioned most in both,
    rarest in the library), each once. Sorting by word length or rarity alone showed side words
    ("Maintenance", "Birthday") before the firms and people both texts are about."""
    ranked = sorted(keys, key=lambda n: (-round(weight(n), 9), n))
    vocabularies = [_name_words(known) for known in names]
    return unique_names(shared_name(n, names, vocabularies) for n in ranked)


def _name_words(names: dict[str, str]) -> set[str]:
    """Every word one side names: its matching names and the words of their display forms."""
    return set(names).union(*(WORD.findall(form.lower()) for form in names.values()))


def shared_name(key: str, names: Sequence[dict[str, str]], vocabularies: Sequence[set[str]]) -> str:
    """How to show a matching name both sides have: the fullest side's form all of whose names both sides write
    ("Olga Petrenko", else "Petrenko"); "Brazos County" and "Fulton County" share only "County", and a reason must
    not show one side's name as shared by both."""

    def on_every_side(form: str) -> bool:
        named = {word for word in WORD.findall(form.lower()) if any(word in known for known in names)}
        return all(word in vocabulary for word in named for vocabulary in vocabularies)

    forms = [known.get(key, key.title()) for known in names]
    return max(filter(on_every_side, forms), key=lambda form: len(form.split()), default=key.title())


def display_name(key: str, *names: dict[str, str]) -> str:
    """How to show a matching name: the first fuller form ("Foreign Ministry" for "ministry", from enrichment
    or the capitalised run) in ``names``, else the word title-cased."""
    for known in names:
        name = known.get(key)
        if name is not None and name != key.title():
            return name
    return key.title()


def unique_names(names: Iterable[str]) -> list[str]:
    """Display names once each, in order; a variant goes into its fullest form ("Trump" after "Donald Trump";
    "Trump" then "Donald Trump" gives "Donald Trump" in the first place), so a name is not listed twice."""
    shown: list[str] = []
    for name in names:
        words = set(name.lower().split())
        for i, other in enumerate(shown):
            known = set(other.lower().split())
            if words <= known:
                break
            if known < words:
                shown[i] = name
                break
        else:
            shown.append(name)
    return list(dict.fromkeys(shown))


def match_pair(
    a: Signature, b: Signature, config: MatchConfig | None = None, idf: IdfFn = no_idf, units: UnitVectors | None = None
) -> PairMatch:
    """Probability, label, facets, SemEval-style scores and reasons for one pair.

    ``units`` (sentence vectors of a and b, see :func:`match_article_pairs`) sharpen the SemEval scores.
    """
    config = config or MatchConfig()
    facets = pair_facets(a, b, idf, units)
    p = pair_probability(facets, config)
    label = label_for(facets, p, config)
    return PairMatch(
        probability=round(p, 4),
        label=label,
        facets=facets.as_dict(),
        semeval=semeval_scores(facets, copy=label == "copy"),
        reasons=reasons_for(a, b, facets, label),
    )


def embed_pairs(
    pairs: Sequence[tuple[Article, Article]], encode: Encoder, config: MatchConfig
) -> list[tuple[Signature, Signature, UnitVectors]]:
    """Signatures and sentence-unit vectors of every pair, from one ``encode`` call (model loaded once)."""
    if not pairs:
        return []
    articles = [article for pair in pairs for article in pair]
    leads = [lead_text(article, config.pair_lead_chars) for article in articles]
    units = [sentence_units(lead) for lead in leads]
    vectors = encode(leads + [unit for article_units in units for unit in article_units])
    signatures = [build_signature(a, v, config) for a, v in zip(articles, vectors[: len(leads)], strict=True)]
    for article, signature in zip(articles, signatures, strict=True):
        # The stream never compares places, so only pairs look them up: enrichment's, else the gazetteer's.
        signature.places |= {c.lower() for c in countries_named(article.title_and_text)}
    ends = np.cumsum([len(leads)] + [len(u) for u in units])
    unit_vectors = [vectors[start:end] for start, end in zip(ends[:-1], ends[1:], strict=True)]
    return [
        (signatures[i], signatures[i + 1], (unit_vectors[i], unit_vectors[i + 1])) for i in range(0, len(signatures), 2)
    ]


def match_article_pairs(
    pairs: Sequence[tuple[Article, Article]], encode: Encoder, config: MatchConfig | None = None
) -> list[PairMatch]:
    """:func:`match_pair` for many article pairs, with sentence alignment, embedding everything in one batch."""
    config = config or MatchConfig()
    return [match_pair(a, b, config, units=units) for a, b, units in embed_pairs(pairs, encode, config)]
