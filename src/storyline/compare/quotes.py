"""Quotes across a story: one statement in different wordings or translations, with its speakers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

import numpy as np
from rapidfuzz.distance import Indel

from storyline.compare.align import cluster
from storyline.compare.claims import is_person
from storyline.compare.involved import story_cast
from storyline.compare.lexicon import NEGATION_RE, is_denial, opposition
from storyline.compare.quantities import agree, read_quantities
from storyline.enrich.entities_merge import same_person_name
from storyline.enrich.quotes import UNATTRIBUTED
from storyline.match.text import words
from storyline.model import Article, Quantity, Quote

#: Quotes at least this similar (embedding cosine, or containment for partial quotes) are one statement.
QUOTE_THRESHOLD = 0.7
#: Quotes in two languages of one speaker (or credited on one side only) need only this much: a translation
#: scores lower than a rewording (MEANTIME en-es, benchmarks/quote_groups_xling.py: 248 gold pairs, 196 found
#: with 2 wrong at 0.62, 197 with 3 at 0.6; an opposite statement on one topic, "traffic resumes Thursday" /
#: "ferries stay docked until the end of the month", scores 0.60).
TRANSLATED_QUOTE_THRESHOLD = 0.62
#: Speaker names in two languages at least this close (embedding cosine) name one speaker: an institution's
#: name is translated ("White House" / "Casa Blanca" 0.74, "the port authority" / "l'autorité portuaire"
#: 0.82), while other speakers of a story score lower ("the government" / "el ayuntamiento" 0.45, a company
#: and its chief executive 0.2).
TRANSLATED_SPEAKER = 0.6
#: Quotes this alike in wording are one statement in two wordings: different speakers credited is a conflict.
SAME_STATEMENT = 0.85
#: Partial quotes ("baseless") are contained in the full one; only long enough fragments count.
MIN_PARTIAL_CHARS = 20
#: A shorter fragment in quotation marks counts when both quotes have one speaker and the other is a whole
#: statement: one word ("insane") is found in many statements, but seldom in more than one of a speaker's.
MIN_SPOKEN_FRAGMENT_CHARS = 6
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


@dataclass(frozen=True)
class _Found:
    """A quote of the story with its speaker as the story names it ("Donald Trump" where an article
    writes "Trump", so that every group and the conflict rules see one name)."""

    article: Article
    quote: Quote
    speaker: str  # the story's name for the speaker; "" when unattributed
    kind: str  # "person", "named" (another entity the article names: an organisation, an outlet), or ""
    shared: bool = False  # a name two people of the story go by, left as written (:func:`_story_speakers`)


def _story_speakers(found: list[_Found], story_names: dict[str, dict[str, str]]) -> list[_Found]:
    """One name per speaker across the story's groups: names of one speaker the entity merge leaves apart
    (:func:`same_person_name`) take the name most quotes use (:func:`_speakers`). A name as written alike to
    two people the story credits with a quote ("Rivers" of Helen and Tomas Rivers, :func:`_shared_names`) is
    neither's story-wide, whichever the story's entity merge joined it to: its article's own entities say
    which one it means (:func:`_article_person`), else it stays as written."""
    shared = _shared_names(found)
    found = [_article_person(f, story_names, shared) if f.quote.speaker in shared else f for f in found]
    kept = _speakers([f.speaker for f in found if not f.shared])
    name = {f.speaker: next((k for k in kept if same_person_name(f.speaker, k)), f.speaker) for f in found if not f.shared}
    return [f if f.shared else replace(f, speaker=name[f.speaker]) for f in found]


def _shared_names(found: list[_Found]) -> set[str]:
    """Speakers' names as written that :func:`same_person_name` ties to two fuller names of people credited
    with a quote it does not tie to each other: "Rivers" where Helen and Tomas Rivers are quoted. Only the
    credited: the story's other entities of a surname are often the speaker's family or a mistyped place."""
    people = {f.speaker for f in found if f.kind == "person"}
    shared = set()
    for written in {f.quote.speaker for f in found if f.speaker}:
        alike = [p for p in people if len(p.split()) > len(written.split()) and same_person_name(written, p)]
        if any(not same_person_name(a, b) for i, a in enumerate(alike) for b in alike[i + 1 :]):
            shared.add(written)
    return shared


def _article_person(f: _Found, story_names: dict[str, dict[str, str]], shared: set[str]) -> _Found:
    """The quote credited to the story's name of the one person its article means by a shared name: its
    PERSON entity of a fuller name that has it as a variant or is alike to it ("Helen Rivers" in an article
    writing "Helen Rivers ... Rivers said"); else to the name as written, marked shared."""
    written, names = f.quote.speaker, story_names.get(f.article.id, {})
    meant = {
        names.get(e.name, e.name)
        for e in f.article.entities
        if e.type == "PERSON"
        and e.name not in shared | {written}
        and (written in e.variants or same_person_name(written, e.name))
    }
    return replace(f, speaker=meant.pop()) if len(meant) == 1 else replace(f, speaker=written, shared=True)


def _translated_speakers(found: list[_Found], encode: Callable[[list[str]], np.ndarray], language: str | None) -> list[_Found]:
    """Speakers named in another language than the story's main one take the main language's name for them
    where the two names embed close (:data:`TRANSLATED_SPEAKER`): a translation renames an institution ("Casa
    Blanca"), which no spelling comparison sees. A name matched with a person's is never renamed: people's names
    are not translated (:func:`same_person_name` reads them across scripts), and a language without a
    recogniser does not tell its people: "Marco Bell" is only a named speaker there."""
    native = sorted({f.speaker for f in found if f.speaker and f.article.language == language})
    foreign = sorted({f.speaker for f in found if f.speaker and f.article.language != language} - set(native))
    if not native or not foreign:
        return found
    vectors = encode(native + foreign)
    closeness = vectors[len(native) :] @ vectors[: len(native)].T
    people = {f.speaker for f in found if f.kind == "person"}
    name = {}
    for speaker, row in zip(foreign, closeness, strict=True):
        closest = native[int(np.argmax(row))]
        if row.max() >= TRANSLATED_SPEAKER and not {speaker, closest} & people:
            name[speaker] = closest
    return [replace(f, speaker=name.get(f.speaker, f.speaker)) for f in found]


def _found(article: Article, quote: Quote, names: dict[str, str]) -> _Found:
    speaker = names.get(quote.speaker, quote.speaker) if _attributed(quote) else ""
    return _Found(article, quote, speaker, _speaker_kind(article, quote.speaker) if speaker else "")


def _speaker_kind(article: Article, speaker: str) -> str:
    """Whether the speaker is a person, another named entity, or someone vague ("officials", "a source"):
    each kind speaks for itself only, but an institution speaks through people (its spokesperson)."""
    if is_person(article, speaker):
        return "person"
    return "named" if any(e.name == speaker for e in article.entities) else ""


def _words(quote: Quote) -> tuple[str, ...]:
    """The speaker's words, lower-cased: a partial quote's are those inside its quotation marks
    (in 'Ankara "acts independently"', "Ankara" is the outlet's)."""
    return _speaker_words(quote.text, quote.kind == "partial")


@lru_cache(maxsize=4096)
def _speaker_words(text: str, partial: bool) -> tuple[str, ...]:  # cached: every pair of quotes reads them
    quoted = _QUOTED_RE.findall(text) if partial else []
    return tuple(w.lower() for w in words(" ".join(quoted) or text))


@lru_cache(maxsize=4096)
def _quantities(text: str) -> tuple[Quantity, ...]:  # cached: every pair of quotes reads them
    return tuple(read_quantities(text))


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
    """Share of ``short``'s words found in order in ``long`` (by their first letters, so "regulating"
    matches "regulate"), and the stretch of ``long`` they span; all of it when ``long`` spells ``short``
    with other spaces ("goodwill" / "good will")."""
    if spelled := _spelled_in(short, long):
        return 1.0, spelled
    equal = [op for op in Indel.opcodes([w[:STEM] for w in short], [w[:STEM] for w in long]) if op.tag == "equal"]
    if not short or not equal:
        return 0.0, ()
    found = sum(op.src_end - op.src_start for op in equal)
    return found / len(short), long[equal[0].dest_start : equal[-1].dest_end]


def _may_hold(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether :func:`_contained` may find ``CONTAINED`` of ``short`` in ``long``: only words whose stems ``long``
    has can be found in order, and a spelling needs the letters in a row. A cheap bound: a story's quotes are
    compared pair by pair, and aligning two quotes' words costs far more."""
    if "".join(short) in "".join(long):
        return True
    stems = _stems(long)
    return sum(w[:STEM] in stems for w in short) / len(short) >= CONTAINED


@lru_cache(maxsize=4096)
def _stems(words: tuple[str, ...]) -> frozenset[str]:  # cached: every pair of quotes reads them
    return frozenset(w[:STEM] for w in words)


def _spelled_in(short: tuple[str, ...], long: tuple[str, ...]) -> tuple[str, ...]:
    """The whole words of ``long`` that spell ``short`` once spaces are dropped, or none: outlets write
    compounds apart or together ("goodwill" / "good will"), which no word-by-word match sees."""
    target, joined = "".join(short), "".join(long)
    ends = list(accumulate(len(w) for w in long))
    position = joined.find(target) if target else -1
    while position >= 0:
        first, last = bisect_right(ends, position), bisect_left(ends, position + len(target))
        if (first == 0 or ends[first - 1] == position) and last < len(ends) and ends[last] == position + len(target):
            return long[first : last + 1]
        position = joined.find(target, position + 1)
    return ()


@dataclass
class _Pair:
    """How two quotes' wordings relate: the shorter's share found in the longer, overall likeness, and the
    stretches whose polarity must agree."""

    contained: float  # share of the shorter quote's words found in order in the longer (0 when short or out of reach)
    wording: float  # word-sequence similarity of the whole quotes (Indel, 0-1)
    fragment: tuple[str, ...]  # the shorter quote's words when contained, else its whole text's
    window: tuple[str, ...]  # the longer quote's words the shorter one spans, else its whole text's


def _compare_wording(a: _Found, b: _Found) -> _Pair:
    (short, shorter), (long, longer) = sorted(((a.quote, _words(a.quote)), (b.quote, _words(b.quote))), key=lambda p: len(p[1]))
    contained, window = 0.0, ()
    # Not for a short fragment (the comments "baseless": one word is found in many statements), nor where too few of
    # the shorter's words are in the longer for a share of CONTAINED: a lower share is read nowhere.
    if len(" ".join(shorter)) >= _min_fragment_chars(short, long, _same_speaker(a, b)) and _may_hold(shorter, longer):
        contained, window = _contained(shorter, longer)
    if contained < CONTAINED:  # not a fragment: the outlets' own words count too ("no collusion", "show clearly")
        shorter, window = _speaker_words(short.text, False), _speaker_words(long.text, False)
    return _Pair(contained, Indel.normalized_similarity(_words(a.quote), _words(b.quote)), shorter, window)


def _min_fragment_chars(short: Quote, long: Quote, same_speaker: bool) -> int:
    """Verbatim words (a direct or partial quote) of the pair's one speaker may be short when found in a
    whole statement; two fragments sharing a short phrase ("half a ton") are two uses of a catchword."""
    relaxed = same_speaker and short.kind != "indirect" and long.kind != "partial"
    return MIN_SPOKEN_FRAGMENT_CHARS if relaxed else MIN_PARTIAL_CHARS


def _numbers_differ(a: Quote, b: Quote) -> bool:
    """Both quotes give figures and some figure of the one with fewer is not among the other's, as claims
    compare them (:func:`agree`): "a magnitude-6.1 temblor" is not "put it at 5.9", nor "an offer of 4%"
    "an offer of 5%" (their rounding margins touch at 4.5), however alike the rest."""
    fewer, more = sorted((_quantities(a.text), _quantities(b.text)), key=len)
    return bool(fewer) and not all(any(agree(x, y) for y in more) for x in fewer)


def _polarity_differs(pair: _Pair, a: Quote, b: Quote, same_language: bool) -> bool:
    """One says what the other denies: a negation in one only (within one language; a fragment is
    compared with the stretch of the full quote it spans, so "baseless" still fits "We did not do it;
    the claims are baseless"), or verbs taking opposite sides ("rose" / "fell")."""
    if opposition(a.text, b.text):
        return True
    if not same_language:
        return False  # "non-binding" is "no vinculante": languages negate in different places
    return _negated(pair.fragment) != _negated(pair.window)


def _negated(words: tuple[str, ...]) -> bool:
    return _negated_text(" ".join(words))


@lru_cache(maxsize=4096)
def _negated_text(text: str) -> bool:  # cached: every pair of quotes reads a quote's words again
    return bool(NEGATION_RE.search(text))


def _same_speaker(a: _Found, b: _Found) -> bool:
    return bool(a.speaker and b.speaker) and same_person_name(a.speaker, b.speaker)


def _not_another_speaker(a: _Found, b: _Found) -> bool:
    """One speaker, or one quote credited to no one: a translation loses an attribution (a language read
    without a parser) more often than it changes it, but two speakers credited stay two at the lower bar."""
    return _same_speaker(a, b) or not (a.speaker and b.speaker)


def _other_speakers(a: _Found, b: _Found) -> bool:
    """Two speakers, not one: two people, two other named speakers (organisations, outlets: "Port Elwyn
    Gazette" reporting a visit is not "Radio Elwyn" reporting it), or any two one article credits (it does
    not tell one statement twice under two names). Across articles a person and an institution may be
    its spokesperson and it, and "officials" or no one may be anybody."""
    if not a.speaker or not b.speaker or _same_speaker(a, b):
        return False
    return a.article.id == b.article.id or (bool(a.kind) and a.kind == b.kind)


def _near_identical(pair: _Pair) -> bool:
    """Wordings too alike to be two speakers': one outlet credited the other's statement to someone else. Not
    a short phrase (a defendant's and a witness's "Yes.", a nickname in quotation marks): many say those."""
    return len(" ".join(pair.fragment)) >= MIN_PARTIAL_CHARS and max(pair.wording, pair.contained) >= SAME_STATEMENT


def _pair_score(a: _Found, b: _Found, cosine: float, pair: _Pair) -> float:
    """How much two quotes are one statement: embedding cosine, raised by containment of the whole
    shorter quote and, for one speaker (or one credited) in two languages, to the bar from :data:`TRANSLATED_QUOTE_THRESHOLD`
    up; :data:`APART` when figures, polarity or speakers disagree.

    One speaker in one language keeps the full bar: between 0.6 and 0.7 a speaker's different statements
    on one topic score as often as one statement paraphrased (NewsWCL50, docs/benchmarks/comparison.md)."""
    same_language = a.article.language == b.article.language
    if _numbers_differ(a.quote, b.quote) or _polarity_differs(pair, a.quote, b.quote, same_language):
        return APART
    if _other_speakers(a, b):
        return max(cosine, pair.wording, pair.contained) if _near_identical(pair) else APART
    score = max(cosine, pair.contained if pair.contained >= CONTAINED else 0.0)
    if TRANSLATED_QUOTE_THRESHOLD <= score < QUOTE_THRESHOLD and not same_language and _not_another_speaker(a, b):
        return QUOTE_THRESHOLD
    return score


def _similarity(found: list[_Found], vectors: np.ndarray) -> np.ndarray:
    """Pairwise :func:`_pair_score` of the quotes (float64: a raised value must equal the bar exactly)."""
    sim = (vectors @ vectors.T).astype(np.float64)
    part_of = np.zeros(sim.shape, dtype=bool)
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            pair = _compare_wording(found[i], found[j])
            sim[i, j] = sim[j, i] = _pair_score(found[i], found[j], float(sim[i, j]), pair)
            if pair.contained >= CONTAINED and sim[i, j] >= QUOTE_THRESHOLD:
                shorter, longer = (i, j) if len(_words(found[i].quote)) <= len(_words(found[j].quote)) else (j, i)
                part_of[shorter, longer] = True
    _through_whole_quotes(found, sim, part_of)
    return sim


def _through_whole_quotes(found: list[_Found], sim: np.ndarray, part_of: np.ndarray) -> None:
    """Score a fragment against quotes in other languages as the whole quotes of its own language do (the
    lower of the two scores): a translation renders the whole statement, which a few of its words match
    poorly, and one low pair keeps the translation out of the group. A fragment is a partial quote (through
    any whole quote it scores with) or a quote whose words a longer one of its language holds (``part_of``:
    one outlet's first sentence of a statement another outlet quotes whole), through that longer quote. A pair
    kept apart (:data:`APART`) stays apart."""
    language = np.array([f.article.language or "" for f in found])
    whole = np.array([f.quote.kind != "partial" for f in found])
    for fragment in range(len(found)):
        own = language == language[fragment]
        hosts = (whole & own) if not whole[fragment] else (part_of[fragment] & own)
        others = ~own
        if hosts.any() and others.any():
            through = np.minimum(sim[fragment, hosts][:, None], sim[np.ix_(hosts, others)]).max(axis=0)
            own_score = sim[fragment, others]
            raised = np.where(own_score == APART, APART, np.maximum(own_score, through))  # kept apart: figures, speakers
            sim[fragment, others] = sim[others, fragment] = raised


def _attributed(quote: Quote) -> bool:
    return quote.speaker not in ("", UNATTRIBUTED)


def _speakers(speakers: list[str]) -> list[str]:
    """Distinct speakers, variants of one name merged: the variant most members use kept, then the longest
    (four outlets' "Paul Okafor", not one tagger's "Transports Paul Okafor"), then the first in the story's order
    (a set's order changes with the process's string hashing: the story's groups must not)."""
    counts = Counter(speakers)
    names: list[str] = []
    # dict.fromkeys keeps the story's order and the sort is stable: ties stay in that order
    for name in sorted(dict.fromkeys(s for s in speakers if s), key=lambda n: (-counts[n], -len(n))):
        if not any(same_person_name(name, kept) for kept in names):
            names.append(name)
    return names


def _credited(members: list[_Found], speakers: list[str], outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    """Each speaker of a group with the outlets that credit them (and the outlets that credit no one), so
    a reader sees who says which, not one list of names."""
    credited = [(name, [f for f in members if f.speaker and same_person_name(f.speaker, name)]) for name in speakers]
    credited.append((UNATTRIBUTED, [f for f in members if not f.speaker]))
    return [
        {
            "speaker": name,
            "articles": list(dict.fromkeys(f.article.id for f in found)),
            "outlets": list(dict.fromkeys(outlet_of[f.article.id] for f in found)),
        }
        for name, found in credited
        if found
    ]


def _misattributed(members: list[_Found], outlet_of: dict[str, str]) -> list[str]:
    """Evidence that one statement is credited to different people (or, with no person, organisations), each
    with the outlets that credit them.

    Two such speakers' quotes share a group only when their wording is near-identical (:func:`_pair_score`):
    one outlet put the statement in the wrong mouth, and the reader should see who says which.
    """
    credited = [f for f in members if f.kind == "person"] or [f for f in members if f.kind]
    credited = _credited(credited, _speakers([f.speaker for f in credited]), outlet_of)
    if len(credited) < 2:
        return []
    crediting = "; ".join(f"{c['speaker']} ({', '.join(c['outlets'])})" for c in credited)
    return [f"attributed to different speakers: {crediting}"]


def _shown_wording(members: list[_Found], speaker: str | None, language: str | None) -> str:
    """The wording that stands for the group: one its speaker is credited with, in the story's main
    language when there is one, the words quoted whole where an outlet has them (a partial quote carries the
    reporter's framing: 'the allegations a "sham lawsuit"'), the longest of those (the longest overall may be
    another outlet's unattributed sentence, or a translation)."""
    own = [f for f in members if speaker and f.speaker and same_person_name(f.speaker, speaker)] or members
    native = [f for f in own if f.article.language == language] or own
    whole = [f for f in native if f.quote.kind == "direct"] or native
    return max((f.quote.text for f in whole), key=len)


def _denied_by_some(members: list[_Found], outlet_of: dict[str, str]) -> tuple[list[str], list[str]]:
    """Evidence that one speaker's statement is reported as made by some outlets and as denied by others; and
    notes of denials of what someone else states ("Ines Vidal said ..." / "Olga Petrenko denied ..."): those
    outlets report a denial, they do not contradict each other."""
    denials = [f for f in members if is_denial(f.quote.cue)]
    statements = [f for f in members if f.speaker and not is_denial(f.quote.cue)]
    if not (denials and statements):
        return [], []
    own = [f for f in denials if any(f.speaker and same_person_name(f.speaker, s.speaker) for s in statements)]
    if own:
        stated = [s for s in statements if any(same_person_name(f.speaker, s.speaker) for f in own)]
        return [f"denied in {_outlets(own, outlet_of)}; stated in {_outlets(stated, outlet_of)}"], []
    notes = [
        f"{outlet_of[f.article.id]} reports a denial by {f.speaker or 'someone'} of what {_outlets(statements, outlet_of)} reports"
        for f in denials
    ]
    return [], list(dict.fromkeys(notes))


def _outlets(found: list[_Found], outlet_of: dict[str, str]) -> str:
    return ", ".join(dict.fromkeys(outlet_of[f.article.id] for f in found))


def _group(members: list[_Found], outlet_of: dict[str, str], language: str | None) -> dict[str, Any]:
    # A shared surname says one statement with a full name of the group ("Hansbrough" and "Tyler
    # Hansbrough"): the full name stands for both; alone it is shown as written.
    speakers = _speakers([f.speaker for f in members if not f.shared])
    speakers += [s for s in _speakers([f.speaker for f in members if f.shared]) if not any(same_person_name(s, k) for k in speakers)]
    denied, notes = _denied_by_some(members, outlet_of)
    # A denial's words are what someone else is said to hold: credited apart from the statement's.
    denials = [f for f in members if is_denial(f.quote.cue)]
    statements = [f for f in members if not is_denial(f.quote.cue)]
    evidence = _misattributed(statements, outlet_of) + _misattributed(denials, outlet_of) + denied
    articles_in = list(dict.fromkeys(f.article.id for f in members))
    return {
        "text": _shown_wording(members, speakers[0] if speakers else None, language),
        "speakers": speakers,
        "credited": _credited(members, speakers, outlet_of),
        "articles": articles_in,
        "outlets": list(dict.fromkeys(outlet_of[a] for a in articles_in)),
        "conflict": bool(evidence),
        "evidence": evidence,
        "notes": notes,
        "members": [{"article": f.article.id, "outlet": outlet_of[f.article.id], **f.quote.to_dict()} for f in members],
    }


def _reading_order(group: dict[str, Any]) -> tuple[int, bool, str]:
    """Statements most outlets carry first, then by speaker (unattributed last): a reader scans who said what."""
    speaker = group["speakers"][0] if group["speakers"] else ""
    return -len(group["outlets"]), not speaker, speaker.lower()


def main_language(articles: list[Article]) -> str | None:
    """The language most of ``articles`` are in; on a tie, the first article's (list sources before translations)."""
    return Counter(a.language for a in articles).most_common(1)[0][0] if articles else None


def group_quotes(
    articles: list[Article],
    encode: Callable[[list[str]], np.ndarray],
    outlet_of: dict[str, str],
    story_names: dict[str, dict[str, str]] | None = None,
    language: str | None = None,
) -> list[dict[str, Any]]:
    """Group the articles' statements by wording; flag a statement attributed to different speakers.
    ``story_names``: the story's name for each article's entities (:class:`storyline.compare.involved.Cast`,
    worked out here when not given), so that one speaker is one name. ``language``: the story's main language,
    whose wording stands for a group (:func:`main_language` when not given).

    Stances ("X backed the ban") are not statements: short ones would group by topic alone.
    """
    if story_names is None:
        story_names = story_cast(articles).names
    found = _story_speakers(
        [_found(a, q, story_names.get(a.id, {})) for a in articles for q in a.quotes if q.kind != "stance"], story_names
    )
    if not found:
        return []
    language = language or main_language(articles)
    found = _translated_speakers(found, encode, language)
    sim = _similarity(found, encode([f.quote.text for f in found]))
    groups = sorted((_group([found[i] for i in members], outlet_of, language) for members in cluster(sim, QUOTE_THRESHOLD)), key=_reading_order)
    return [{"id": f"q{n}", **group} for n, group in enumerate(groups)]
