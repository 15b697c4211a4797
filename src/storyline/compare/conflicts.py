"""Conflict detection between two claims, behind a pluggable interface.

Offline there is no NLI model, so the built-in detectors are rules on top of
the embeddings: numbers or dates that disagree, negation, opposed verbs, a
claim attributed to different speakers. A user with a local NLI model adds a
detector with :func:`register_detector`; every registered detector runs.

Two scopes: ``"aligned"`` detectors judge claims already aligned as saying the
same thing; ``"topic"`` detectors judge any two claims about the same topic
of two articles, e.g. "denies the allegations" vs "admitted it".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from rapidfuzz.distance import Indel

from storyline.compare.align import date_fits, dates_agree
from storyline.compare.clock import ClockTime, clashing_times, clock_times
from storyline.compare.lexicon import (
    CONTESTS,
    DEICTIC_DAY_RE,
    EVENT_OCCURRED,
    FIRST_PERSON,
    GENERIC_NOUNS,
    MAKING_KNOWN,
    MODALS,
    ONE_OF_SEVERAL,
    RECEIVING,
    STANCES,
    WANTING,
    denial_cue,
    event_family,
    is_claim_noun,
    is_denial,
    is_event_word,
    negation_cue,
    opposition,
    stop_words,
)
from storyline.compare.parsing import conditional, on_condition, parse, phrasal_lemma, token_at, verb_above
from storyline.compare.quantities import (
    another_tally,
    coarse_kind,
    counts_things,
    disagreements,
    distinct_figures,
    figure_key,
    is_calendar_word,
    number_value,
    of_kind,
)
from storyline.compare.words import content_words, generic_words
from storyline.enrich.cues import HONORIFICS, REPORTING_VERBS, TITLE_ABBREVIATIONS
from storyline.enrich.entities_fallback import CAPITALISED_NOUN_LANGUAGES
from storyline.enrich.entities_merge import same_person_name
from storyline.enrich.vocabulary import is_also_lower_case
from storyline.model import Claim, Quantity

#: Aligned claims this similar report one fact, so different numbers or dates for it contradict.
FACT_SIMILARITY = 0.7
#: Aligned claims this similar describe the same fact, so a negation flip is a contradiction.
NEGATION_SIMILARITY = 0.85
#: Aligned claims this similar carry one statement, so its speakers must agree.
SPEAKER_SIMILARITY = 0.75
#: Two claims about one topic: the floor for topic-scope detectors (with a shared actor).
TOPIC_SIMILARITY = 0.4
#: A denial disputes another speaker's statement only in words much like it (the bar claims align at, ``align``'s
#: 0.55): under it, on ECB+, a denial of one matter met statements of others ("denied militants were at the school" /
#: "Two Hamas militants were among the dead").
DISPUTE_SIMILARITY = 0.55
#: Words besides names a denied clause needs, and the stated claim must share, to dispute another speaker's statement
#: ("the operator was warned about cracks", not "he was Deep Throat").
DISPUTED_WORDS = 2
#: Claims of two articles, each the other's closest in its article, this similar tell one fact even
#: unaligned: "Only 120 passengers were rescued" / "Rescue crews pulled 140 survivors" (0.56).
COUNTERPART_SIMILARITY = 0.45
#: Claims this similar that share most of their content words report one figure: "At least 12 shots were
#: fired at the crowd" / "Police said 13 shots were fired into the crowd" score 0.59, under FACT_SIMILARITY.
SHARED_WORDS_SIMILARITY = 0.45
#: Share of the shorter claim's content words the other must have for SHARED_WORDS_SIMILARITY.
SHARED_WORDS = 0.5
#: Quoted words of two speakers this alike (Indel similarity) are one statement: a speaker conflict.
SAME_WORDS = 0.85
#: Sums of money in claims of two languages this similar count one thing (their words cannot be compared).
MONEY_SIMILARITY = 0.85
#: Quoted words: text inside quotation marks of the usual styles.
_QUOTED_RE = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]([^\"\u201c\u201d\u201e\u00ab\u00bb]{3,})[\"\u201c\u201d\u201e\u00ab\u00bb]?")
#: A photo caption: "(left)", ", left," or a closing weekday-and-full-date dateline ("..., Friday, May 4, 2018.").
_CAPTION_RE = re.compile(
    r"\((?:left|right|center|centre|top|bottom)\)|,\s*(?:left|right|center|centre)\s*,"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\w+\.?\s+\d{1,2},\s+\d{4}\.?\s*$",
    re.IGNORECASE,
)
#: Where the clause a denial verb takes ends ("Denying he was a smuggler, N would wander ...").
_CLAUSE_END_RE = re.compile(r"[,;:()\u2013\u2014]")
#: Where the matter a stance takes ends: its clause's end, or a conjunction opening another ("admits having
#: wives but has said ...").
_MATTER_END_RE = re.compile(r"[,;:()\u2013\u2014]|\b(?:but|while|although|though|whereas)\b", re.IGNORECASE)
#: TIMEX3 value lengths: a year, a month, a day.
_GRANULARITY = {4: "year", 7: "month", 10: "day"}


@dataclass
class Finding:
    """Why two claims contradict: the rule, a readable detail, and the spans that show it."""

    rule: str
    detail: str
    spans: list[dict[str, Any]] = field(default_factory=list)
    #: Numbers findings: the kinds of quantity the claims disagree on ("killed", "magnitude").
    quantities: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        found = {"rule": self.rule, "detail": self.detail, "spans": self.spans}
        return {**found, "quantities": self.quantities} if self.quantities else found


class ConflictDetector(Protocol):
    """Judges one pair of claims; returns a :class:`Finding` when they contradict."""

    name: str
    scope: str  # "aligned" | "topic"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None: ...


_REGISTRY: dict[str, ConflictDetector] = {}


def register_detector(detector: ConflictDetector) -> ConflictDetector:
    """Add (or replace, by name) a conflict detector; returns it so it can be used as a decorator target."""
    _REGISTRY[detector.name] = detector
    return detector


def unregister_detector(name: str) -> None:
    _REGISTRY.pop(name, None)


def detectors(scope: str | None = None) -> list[ConflictDetector]:
    """The registered detectors, optionally only those of one scope."""
    return [d for d in _REGISTRY.values() if scope is None or d.scope == scope]


def claim_span(claim: Claim, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    """An evidence span: a whole claim, or the part of it from ``start`` to ``end`` (claim-relative)."""
    s = 0 if start is None else start
    e = len(claim.text) if end is None else end
    return {"claim": claim.id, "article": claim.article, "start": claim.start + s, "end": claim.start + e, "text": claim.text[s:e]}


def _match_span(claim: Claim, match: re.Match[str] | None) -> dict[str, Any]:
    return claim_span(claim, match.start(), match.end()) if match else claim_span(claim)


def quantity_span(claim: Claim, quantity: Quantity) -> dict[str, Any]:
    """An evidence span on one figure of a claim ("at least 12", "58km")."""
    return claim_span(claim, quantity.start - claim.start, quantity.end - claim.start)


def share_most_words(a: Claim, b: Claim) -> bool:
    """Whether the two claims share at least :data:`SHARED_WORDS` of the shorter one's content words."""
    x, y = content_words(a), content_words(b)
    return bool(x and y) and len(x & y) >= SHARED_WORDS * min(len(x), len(y))


def _one_of_several(claim: Claim) -> frozenset[tuple[str, str]] | None:
    """The subjects and objects the claim makes one of several ("the first quake struck": ("first", "quake"),
    "overturned another regulation"), by the parse (:data:`ONE_OF_SEVERAL`); None without a parser."""
    doc = parse(claim.text, claim.language)
    if doc is None:
        return None
    return frozenset(
        (t.lower_, t.head.lemma_.lower())
        for t in doc
        if t.dep_ in ("amod", "det") and t.lower_ in ONE_OF_SEVERAL and t.head.dep_ in _SUBJECTS + ("dobj", "obj")
        and t.head.pos_ != "NUM"  # "wounding other 70": more of the people, not another event
    )


def same_occurrence(a: Claim, b: Claim) -> bool:
    """Whether two claims may tell one occurrence: neither makes its subject one of several unless the other
    does alike, and no thing both tell of is named apart (:func:`named_apart`). "The first quake struck at
    4:43 a.m." and "The quake struck at 7:48 a.m." tell two quakes of one story, each with its time, distance
    and magnitude."""
    x, y = _one_of_several(a), _one_of_several(b)
    return (x is None or y is None or x == y) and not named_apart(a, b)


#: Dependencies of the words of a name before its last: "Taunton Crown Court", "Magistrates' Court".
_NAME_PARTS = ("compound", "poss")
#: Prepositions that name who makes or orders a thing ("a poll for the Kathimerini newspaper", "a study by N"),
#: or whom a thing goes to ("an 11-yard pass to Ines Vidal").
_NAMING_PREPOSITIONS = frozenset({"by", "for", "to"})


def _namers(noun: Any) -> list[Any]:
    """The words that name which one a noun is, by the parse: a name closing with a common noun, itself
    ("Crown Court", "Magistrates' Court"; not "Petrenko"), or a common noun's maker or receiver ("a poll for
    the Kathimerini newspaper", "a poll published by Ethnos", "a pass to Ruth Adler")."""
    if noun.pos_ == "PROPN":
        closes_name = noun.dep_ not in _NAME_PARTS and any(c.dep_ in _NAME_PARTS for c in noun.children)
        return [noun] if closes_name and is_also_lower_case(noun.text) else []
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _NAMING_PREPOSITIONS]
    if noun.dep_ in ("dobj", "obj"):  # "completed a pass to N": the receiver hangs on the verb
        preps += [c for c in noun.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    preps += [g for c in noun.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _name_of(claim: Claim, namer: Any) -> str:
    """The name a word gives: the story's name of the actor it is in ("Taunton Crown Court"), else the proper
    nouns of its phrase ("Ethnos"); lower-cased, "" for none."""
    actor = _actor_named_at(claim, namer.idx, namer.idx + len(namer))
    return actor or " ".join(w.lower_ for w in namer.subtree if w.pos_ == "PROPN")


def _named_things(claim: Claim) -> dict[str, set[str]] | None:
    """Each noun the claim tells of once that its words name (:func:`_namers`), with its names; None without
    a parser."""
    doc = parse(claim.text, claim.language)
    if doc is None:
        return None
    named: dict[str, set[str]] = {}
    told = Counter(t.lemma_ for t in doc)
    for noun in doc:
        if noun.pos_ in ("NOUN", "PROPN") and told[noun.lemma_] == 1:
            names = {name for namer in _namers(noun) if (name := _name_of(claim, namer))}
            if names:
                named[noun.lemma_.lower()] = names
    return named


#: Words that say how a person is addressed, not who: "Mr.", "Dr", "Sen.".
_ADDRESS_WORDS = HONORIFICS | TITLE_ABBREVIATIONS


def _one_name(x: str, y: str) -> bool:
    """Names that may be one: the words of one are among the other's, forms of address left out ("Elwyn Court",
    "Port Elwyn Court"; "Mr. Green", "Danny Green")."""
    words_x, words_y = ({w.strip(".") for w in name.split()} - _ADDRESS_WORDS for name in (x, y))
    return words_x <= words_y or words_y <= words_x


def named_apart(a: Claim, b: Claim) -> bool:
    """Whether the claims tell of one kind of thing under two names: "due to appear before Taunton Magistrates'
    Court on Tuesday" / "to appear before Taunton Crown Court on 19 August" are two hearings, "a poll for the
    Kathimerini newspaper found 68 percent" / "a poll published by Ethnos said 83 percent" two polls."""
    x, y = _named_things(a), _named_things(b)
    if not (x and y):
        return False
    return any(not any(_one_name(m, n) for m in x[noun] for n in y[noun]) for noun in x.keys() & y.keys())


def _numbers_detail(a: Claim, b: Claim, kinds: list[str]) -> str:
    def said(claim: Claim, kind: str) -> str:
        return ", ".join(q.text for q in claim.quantities if of_kind(q, kind))

    return "; ".join(f"numbers disagree on {kind}: {said(a, kind)} vs {said(b, kind)}" for kind in kinds)


@dataclass
class NumberConflict:
    """Claims giving different figures for one quantity: the same kind ("killed", "magnitude", "age of
    Olga Petrenko") with ranges that do not meet ("10 killed" / "3 killed"; "at least 3" fits 10).

    Judged on aligned claims from ``floor`` up, and below it down to SHARED_WORDS_SIMILARITY when the
    claims share most of their content words (rewordings of one sentence score low with few words).
    """

    name: str = "numbers"
    scope: str = "aligned"
    floor: float = FACT_SIMILARITY

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < min(self.floor, SHARED_WORDS_SIMILARITY):
            return None
        xs, ys = compared_figures(a, b)
        kinds = [
            k for k in disagreements(xs, ys, coarse=a.language != b.language)
            if _same_thing(a, b, k, similarity) and not parts_of_total(a, b, k)
        ]
        if not kinds or (similarity < self.floor and not share_most_words(a, b)) or not same_occurrence(a, b):
            return None
        spans = [quantity_span(c, q) for c in (a, b) for q in c.quantities if any(of_kind(q, k) for k in kinds)]
        return Finding("numbers", _numbers_detail(a, b, kinds), spans, quantities=kinds)


def _listed_parts(claim: Claim) -> list[list[float]]:
    """The lists of figures a claim adds up, by the parse: numbers counting one noun ("12 Somali and 11 Yemeni
    nationals") or joined nouns ("12 Somalis and 11 Yemenis"), each read as the claim's figure there or
    as digits; a list with a number read neither way is left out."""
    doc = parse(claim.text, claim.language)
    lists: dict[int, list[Any]] = {}
    for token in doc if doc is not None else ():
        if token.dep_ == "nummod":
            noun = token.head
            while noun.dep_ == "conj" and noun.head.i != noun.i:
                noun = noun.head
            lists.setdefault(noun.i, []).append(token)
    parts = []
    for numbers in lists.values():
        values = [_value_at(claim, n) for n in numbers]
        if len(values) >= 2 and None not in values:
            parts.append(values)
    return parts


def _value_at(claim: Claim, number: Any) -> float | None:
    start = claim.start + number.idx
    for q in claim.quantities:
        if q.start <= start < q.end:
            return q.value
    return number_value(number.text, claim.language)


#: Words that make the number after them one part of a count told before ("five rockets, including one that").
_PART_OF = frozenset({"including", "among"})


def _told_parts(claim: Claim) -> set[float]:
    """The figures a claim tells as part of a count, by the parse: after "including" or "among" ("at least five
    rockets landed, including one that hit the town"), or taking "of" ("one of which hit the town")."""
    doc = parse(claim.text, claim.language)
    parts = set()
    for token in doc if doc is not None else ():
        if token.like_num and (token.head.lower_ in _PART_OF or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)):
            value = _value_at(claim, token)
            if value is not None:
                parts.add(value)
    return parts


def parts_of_total(a: Claim, b: Claim, kind: str) -> bool:
    """Whether one claim's figures of ``kind`` are parts of the other's single figure, or its single figure one
    the other tells as a part: "seized 12 Somali and 11 Yemeni pirates" / "23 pirates were arrested"; "at least
    five rockets landed, including one that hit the town" / "one rocket struck the town"."""
    for parted, whole in ((a, b), (b, a)):
        totals = {q.value for q in whole.quantities if of_kind(q, kind)}
        if len(totals) != 1:
            continue
        total = next(iter(totals))
        if any(abs(sum(parts) - total) < 1e-6 for parts in _listed_parts(parted)) or total in _told_parts(parted):
            return True
    return False


#: Words around a figure that tell it as a part of a whole told elsewhere: a means of payment ("$281 million in
#: cash"), a share of something ("$281 million of the purchase price"), or a part brought in ("including $5", "of which $5").
#: Two means together ("$5.4 billion in cash and stock") are the whole price.
_MEANS = r"(?:cash|stock|shares|equity)"
_PART_AFTER_RE = re.compile(
    rf"\s*(?:in\s+{_MEANS}\b(?!\s*(?:and|or|&|plus)\s+{_MEANS}\b)|of\s+(?:the|its|their)\b)", re.IGNORECASE
)
_PART_BEFORE_RE = re.compile(r"\b(?:including|of\s+which|of\s+whom)\s*[^\w\s]?$", re.IGNORECASE)


def told_as_part(claim: Claim, quantity: Quantity) -> bool:
    """Whether the claim's words tell the figure as a part of a whole: "AMD pays $281 million in cash" is
    not the price of "a $334 million deal"."""
    start, end = quantity.start - claim.start, quantity.end - claim.start
    return bool(_PART_AFTER_RE.match(claim.text, end) or _PART_BEFORE_RE.search(claim.text[:start]))


#: Words after a figure, in its clause, that tell it over several places: "killed 230,000 people across Asia",
#: "in 14 countries", "around the Indian Ocean", "nationwide".
_OVER_PLACES_RE = re.compile(
    r"\b(?:across|throughout|around)\s+(?:the\s+)?(?:[A-Z]\w*|country|nation|region|world|globe|continent)\b"
    r"|\bin\s+(?:\w+\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|many)\s+"
    r"(?:countries|nations|states|provinces|regions)\b"
    r"|\b(?:worldwide|globally|nationwide)\b"
)
#: The figure's own words up to where it was counted: "230,000 people across Asia", "at least 70 people injured in
#: cities across the country", not "20,000 people took to the streets of Athens as rallies all around the country".
_NEAR_PLACES_RE = re.compile(r"^\s*(?:[\w'\u2019-]+\s+){0,4}?(?:" + _OVER_PLACES_RE.pattern + ")")
#: Where a figure's clause ends: the words after it up to here tell where it was counted.
_FIGURE_CLAUSE_END_RE = re.compile(r"[,;:()\u2013\u2014]|\b(?:and|but|while|which|who|whereas)\b", re.IGNORECASE)


def told_over_places(claim: Claim, quantity: Quantity) -> bool:
    """Whether the figure's clause tells it over several places ("a tsunami that killed 230,000 people across
    Asia", "in 13 countries"): a total of places, not the count of one ("killed 170,000 people in the province").
    Two names of one place ("in Thessaloniki" / "in Salonika") are no wider one than the other."""
    after = _FIGURE_CLAUSE_END_RE.split(claim.text[quantity.end - claim.start :], maxsplit=1)[0]
    return bool(_NEAR_PLACES_RE.match(after))


#: Words before a figure that make it a margin ("led by 18 points", "won by 12 votes"), not a count of a side's.
_MARGIN_BEFORE_RE = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)"  # not a passive: "were led by 20-point efforts"
    r"\b(?:le[ad]|leads|leading|won|wins?|winning|lost|lose|losing|trail(?:ed|ing|s)?|beat(?:en)?|ahead|behind)"
    r"\s+(?:\w+\s+){0,2}?by\s*$",
    re.IGNORECASE,
)


#: Words after a count of things that make it a gap in a standing ("two games behind the eighth seed", "at least
#: 12 games below .500", "three points clear").
_MARGIN_AFTER_RE = re.compile(r"\s*(?:[\w'\u2019-]+\s+){1,5}?(behind|ahead|back|below|above|clear)\b", re.IGNORECASE)


def told_as_margin(claim: Claim, quantity: Quantity) -> str:
    """What the figure is a margin to, if it is one: "by" for a margin between two sides ("his team led by 18 points"
    counts no one's points), the word of a gap in a standing ("the Gulls are two games behind the leaders": "behind",
    "12 games below .500": "below", two gaps to two marks); else ""."""
    if _MARGIN_BEFORE_RE.search(claim.text[: quantity.start - claim.start]):
        return "by"
    after = _MARGIN_AFTER_RE.match(claim.text, quantity.end - claim.start) if counts_things(quantity.kind) else None
    return after.group(1).lower() if after else ""


#: Words before a market's move that tell it at the session's end ("closed down 3.9 percent", "ended the day 2% higher"),
#: where another report may give the fall at its worst during the day ("plunged 5.4 per cent").
_AT_CLOSE_BEFORE_RE = re.compile(
    r"\b(?:closed|closing|ended|finished|settled)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:up|down|off)\s*$", re.IGNORECASE
)  # a move has its direction: not "finished with 20 points"
_AT_CLOSE_AFTER_RE = re.compile(r"\s*(?:[\w%'\u2019-]+\s+){0,4}?at\s+(?:the\s+)?clos(?:e|ing)\b", re.IGNORECASE)
#: Figures a market moves by: a share of a price or an index, or its points.
_MOVES = ("percent", "point")


def told_at_close(claim: Claim, quantity: Quantity) -> bool:
    """Whether a market's move is told at the close ("Greek stocks closed down 3.9 percent"), not during the day:
    a price that plunged 5.4 per cent by noon and closed down 3.9 did both."""
    if coarse_kind(quantity.kind) not in _MOVES:
        return False
    start, end = quantity.start - claim.start, quantity.end - claim.start
    return bool(_AT_CLOSE_BEFORE_RE.search(claim.text[:start]) or _AT_CLOSE_AFTER_RE.match(claim.text, end))


#: Words before a count of things that make it a run of a sequence ("eight losses in their last 10 games", "won 18
#: of their next 23 games", "taking the first two games"): which games, not how many a tally holds.
_RUN_BEFORE_RE = re.compile(r"\b(last|next|first|past|previous|final|opening|remaining)\s+$", re.IGNORECASE)
#: A count after an ordinal ("the team's eighth in 10 games"): the run a record is of.
_SHARE_OF_RE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+in\s+(?:(?:the|their|its|his|her)\s+)?$",
    re.IGNORECASE,
)
#: Words before a count of things that tell it missed ("missed four games", "sat out the next four"), not played.
_MISSED_BEFORE_RE = re.compile(
    r"\b(?:miss(?:ed|es|ing)?|skip(?:ped|s|ping)?|s[ai]t(?:s|ting)?\s+out)\s+(?:[\w'\u2019-]+\s+){0,2}?$", re.IGNORECASE
)
#: How a tally of plays was made, from the verb before it ("rushed for 350 yards", "threw for 300") or the words
#: after its noun ("four touchdowns receiving", "six touchdowns on offense", "352 of them on the ground").
_PLAY_BEFORE = {"rus": "rushing", "ran": "rushing", "run": "rushing", "thr": "passing", "pas": "passing", "cau": "receiving",
                "cat": "receiving"}  # by the verb's first letters; fmt: skip
_PLAY_BEFORE_RE = re.compile(  # verbs only: "caught five passes for 127 yards" is no passing
    r"\b(rush(?:ed|es|ing)?|r[au]n(?:s|ning)?|thr(?:ew|ows?|owing)|pass(?:ed|ing)|caught|catch(?:es|ing))\s+for\s+(?:[\w'\u2019-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_PLAY_AFTER_RE = re.compile(
    r"^\s*(?:[\w'\u2019-]+\s+){0,3}?(rushing|receiving|passing|on\s+(?:offen[cs]e|defen[cs]e|special\s+teams|the\s+ground|"
    r"(?:punt|kick|kickoff|interception)\s+returns?)|through\s+the\s+air)\b",
    re.IGNORECASE,
)


def told_as_run(claim: Claim, quantity: Quantity) -> str:
    """The sequence word of a count of things told as a run of games ("their last 10 games": "last"; "the team's
    eighth in 10 games": "share"), else "": the last ten games and the next 23 are two runs, a run and a season's
    tally two figures; "three of the seven bullets" still counts all the bullets."""
    if not counts_things(quantity.kind):
        return ""
    before = claim.text[: quantity.start - claim.start]
    if found := _RUN_BEFORE_RE.search(before):
        return found.group(1).lower()
    return "share" if _SHARE_OF_RE.search(before) else ""


def told_as_missed(claim: Claim, quantity: Quantity) -> bool:
    """Whether a count of things is of those missed ("missed four games"): "played in 10 games" counts others."""
    return counts_things(quantity.kind) and bool(_MISSED_BEFORE_RE.search(claim.text[: quantity.start - claim.start]))


def told_play(claim: Claim, quantity: Quantity) -> str:
    """How a tally of plays was made ("rushing", "passing", "receiving", "on offense"), else "": a player's
    four touchdowns receiving and his six on offense, a team's 350 yards rushing and its 507 on offense, are two
    tallies of one game or season."""
    if not counts_things(quantity.kind):
        return ""
    start, end = quantity.start - claim.start, quantity.end - claim.start
    before = _PLAY_BEFORE_RE.search(claim.text[:start])
    if before is not None:
        return _PLAY_BEFORE[before.group(1).lower()[:3]]
    after = _PLAY_AFTER_RE.match(_FIGURE_CLAUSE_END_RE.split(claim.text[end:], maxsplit=1)[0])
    return " ".join(after.group(1).lower().split()) if after else ""


def told_per_each(claim: Claim, quantity: Quantity) -> bool:
    """Whether a count of things is each one's of several the claim counts ("two running backs over 100 yards each",
    or a tally of plays whose subject is counted: "at least nine quarterbacks threw for 300 yards"): no one tally, so
    no rival of one player's (English, by the parse)."""
    if not counts_things(quantity.kind):
        return False
    end = quantity.end - claim.start
    if re.match(r"^\s*(?:[\w'\u2019-]+\s+){0,2}?(?:each|apiece)\b", claim.text[end:], re.IGNORECASE):
        return True
    if not told_play(claim, quantity):
        return False  # "the three boats had a total of 26 crew": a total, not each boat's
    doc = parse(claim.text, claim.language) if (claim.language or "").startswith("en") else None
    token = token_at(doc, quantity.start - claim.start, end) if doc is not None else None
    verb = verb_above(token) if token is not None else None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") and token not in c.subtree] if verb is not None else []
    return any(c.dep_ == "nummod" for s in subjects for c in s.children)  # "nine quarterbacks threw": each of them


#: Verbs (lemmas) telling things destroyed: "four villages had been destroyed" and "homes in five villages had been
#: damaged" count two sets of villages; "damaged" tells no degree apart from a plain count ("seven bridges").
_DESTROYING = frozenset({"destroy", "raze", "flatten", "level", "demolish", "obliterate"})


def told_destroyed(claim: Claim, quantity: Quantity) -> str:
    """Whether counted things are told destroyed ("destroyed"), destroyed or damaged ("destroyed or damaged an
    estimated 1,500 houses in about 15 villages"), or neither (""), by the verb above the figure and the verbs joined
    to it, the things not its subject (English, by the parse): villages destroyed and villages damaged are two
    counts, villages destroyed in two reports one."""
    if not counts_things(quantity.kind) or not (claim.language or "").startswith("en"):
        return ""
    doc = parse(claim.text, claim.language)
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start) if doc is not None else None
    verb = verb_above(token) if token is not None else None
    if verb is None or any(c.dep_ == "nsubj" and token in c.subtree for c in verb.children):
        return ""  # "Two shells destroyed the school": the shells did it
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), *([verb.head] if verb.dep_ == "conj" else [])]
    lemmas = {v.lemma_.lower() for v in joined}
    if not lemmas & _DESTROYING:
        return ""
    return "destroyed or damaged" if "damage" in lemmas else "destroyed"


#: Words before a price that make it the lowest of a range of models ("start at $1,199", "will cost from $1199"); not
#: "rose from $5 billion to $7 billion".
_STARTING_PRICE_BEFORE_RE = re.compile(
    r"\b(?:start(?:s|ed|ing)?(?:\s+off)?\s+(?:at|from)|beginning\s+at|as\s+low\s+as|(?:costs?|priced|sells?\s+for)\s+from)\s+(?:US)?\s*$",
    re.IGNORECASE,
)


def told_as_starting_price(claim: Claim, quantity: Quantity) -> bool:
    """Whether a sum is a starting price ("The 13-inch models start at $1,199"), the cheapest of a line: a model
    "priced at $1799" with more memory is another price of the line, no rival figure."""
    if not coarse_kind(quantity.kind).startswith("money"):
        return False
    return bool(_STARTING_PRICE_BEFORE_RE.search(claim.text[: quantity.start - claim.start].rstrip("$\u20ac\u00a3 ") + " "))


#: Words dating a claim's event before the event its report is about: "Earlier this year, five cables were cut" is
#: another cut than the three of the report's day.
_EARLIER_TIME_RE = re.compile(r"\bearlier\s+(?:this|that|in\s+the)\s+(?:year|month)\b", re.IGNORECASE)


def told_of_an_earlier_time(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is told of an earlier time than its report's event, the time's words and the figure
    hanging on one verb ("Earlier this year, five undersea cables were cut" in a report of three cut on Friday): a
    figure of another occurrence, compared only with one told of that earlier time. "The elections, the first since
    the country adopted a new constitution earlier this year, had 2.5 million voters" dates the adoption, not the
    voters (English, by the parse)."""
    told = _EARLIER_TIME_RE.search(claim.text)
    doc = parse(claim.text, claim.language) if told and (claim.language or "").startswith("en") else None
    if doc is None:
        return False
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start)
    when = token_at(doc, told.start(), told.start() + len("earlier"))
    verb = verb_above(token) if token is not None else None
    return verb is not None and when is not None and verb_above(when) == verb


def told_of_a_named_other(claim: Claim, quantity: Quantity) -> str:
    """The name of the thing a figure is told of in a relative clause, when that thing is named and is not the
    claim's subject, else "": in "The device, along with the rumored Samsung Memoir, which will carry an 8-megapixel
    camera, beefs up the portfolio" the camera is the Memoir's. A clause of "where" or "when" tells the place or time
    of the claim's event, not a thing (English, by the parse)."""
    doc = parse(claim.text, claim.language) if (claim.language or "").startswith("en") else None
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start) if doc is not None else None
    while token is not None and token.dep_ != "relcl" and token.head.i != token.i:
        token = token.head
    if token is None or token.dep_ != "relcl" or not any(c.tag_ in ("WDT", "WP", "WP$") for c in token.children):
        return ""  # "in Vellgrad, where 20,000 people marched" tells the event's place, no thing's figure
    named = token.head
    if named.pos_ != "PROPN" or named.dep_ in _SUBJECTS:
        return ""
    return " ".join([*(w.lower_ for w in named.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"), named.lower_])


def _matched_tallies(xs: list[Quantity], ys: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """The figures without the counts of things :func:`~storyline.compare.quantities.disagreements` would not match
    (another tally: every count disagrees; or a kind given as more figures by one claim: "6,728 yards rushing ...
    918 yards receiving" / "716 yards"), judged before the counts are split by how they were told (a run, missed,
    a kind of play...), which would leave one figure each to set against the other."""
    if another_tally(xs, ys):
        return [q for q in xs if not counts_things(q.kind)], [q for q in ys if not counts_things(q.kind)]
    unmatched = {
        k for k in {q.kind for q in xs if counts_things(q.kind)}
        if len(distinct_figures([q for q in xs if q.kind == k])) != len(distinct_figures([q for q in ys if q.kind == k]))
    }  # fmt: skip
    return [q for q in xs if q.kind not in unmatched], [q for q in ys if q.kind not in unmatched]


def _compared_alike(
    a: Claim, xs: list[Quantity], b: Claim, ys: list[Quantity], told: Callable[[Claim, Quantity], Hashable]
) -> tuple[list[Quantity], list[Quantity]]:
    """Each claim's figures that the other has a figure of the kind told alike to compare with: a part (:func:`told_as_part`)
    is compared with a part only, a total of several places (:func:`told_over_places`) with such a total, a
    margin (:func:`told_as_margin`) with a margin, a market's close (:func:`told_at_close`) with a close, and a
    figure told plainly with a plain one. "Killed 170,000
    in the province and tens of thousands more in countries around the Indian Ocean" gives one of each."""
    told_x = [(coarse_kind(q.kind), told(a, q)) for q in xs]  # each figure read once: the rules parse its words
    told_y = [(coarse_kind(q.kind), told(b, q)) for q in ys]
    return (
        [q for q, key in zip(xs, told_x, strict=True) if key in told_y],
        [q for q, key in zip(ys, told_y, strict=True) if key in told_x],
    )


def told_of_a_named_holder(claim: Claim, quantity: Quantity) -> str:
    """The name of what a market's move (a percent, points) is told of, the named subject of the verb above it
    ("The Nasdaq index has fallen by 3.16%": nasdaq; "Ford Motor Company sales fell 41%": ford motor company),
    the story's name of an actor where one is there, else "" (English, by the parse)."""
    if coarse_kind(quantity.kind) not in _MOVES or not (claim.language or "").startswith("en"):
        return ""
    doc = parse(claim.text, claim.language)
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start) if doc is not None else None
    verb = verb_above(token) if token is not None else None
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and token not in c.subtree] if verb is not None else []
    names = sorted((w for s in subjects for w in _name_words(s) if w.pos_ == "PROPN"), key=lambda w: w.i)
    if not names:
        return ""
    actor = _actor_named_at(claim, names[0].idx, names[-1].idx + len(names[-1]))
    return actor or " ".join(w.lower_ for w in names)


def _name_words(noun: Any) -> list[Any]:
    """A noun and the words naming it with it, compounds and appositions of any depth ("the Nasdaq Composite
    index", "the primary UK index, the FTSE 100")."""
    return [noun, *(w for c in noun.children if c.dep_ in ("compound", "appos", "flat") for w in _name_words(c))]


def _of_one_holder(a: Claim, xs: list[Quantity], b: Claim, ys: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Each claim's figures but market moves told of a named holder that none of the other claim's moves of that
    kind shares (:func:`told_of_a_named_holder`): "The Nasdaq index has fallen by 3.16%" and "the FTSE 100 dropped
    by 2.36%" are two indexes' moves; a move whose holder either claim leaves unnamed still compares."""
    held_x = [(coarse_kind(q.kind), told_of_a_named_holder(a, q)) for q in xs]
    held_y = [(coarse_kind(q.kind), told_of_a_named_holder(b, q)) for q in ys]

    def met(kind: str, holder: str, others: list[tuple[str, str]]) -> bool:
        return any(kind == k and (not holder or not h or _one_name(holder, h)) for k, h in others)

    return (
        [q for q, (k, h) in zip(xs, held_x, strict=True) if met(k, h, held_y)],
        [q for q, (k, h) in zip(ys, held_y, strict=True) if met(k, h, held_x)],
    )


def _of_things_the_other_names(claim: Claim, figures: list[Quantity], other: Claim) -> list[Quantity]:
    """The figures but those told of a named thing besides the claim's subject (:func:`told_of_a_named_other`) that
    the other claim does not name: the rumored Memoir's 8-megapixel camera is no rival of "It packs a 3.2-megapixel
    camera"; "for Peyton Manning, who completed 29 of 34 for 364 yards" still meets "Manning threw for 360 yards"."""
    named = _proper_words(other)
    return [q for q in figures if not (thing := told_of_a_named_other(claim, q)) or _names_most(named, frozenset(thing.split()))]


#: Words telling a tally of part of a game ("during the deciding 15-2 run", "in 8 first-half minutes", "in that
#: stretch") or an average of games ("averaged 20 points", "eight rebounds a game", "per game").
_TALLY_WINDOW_RE = re.compile(
    r"\b(?:during|in|over|within)\s+(?:[\w'\u2019-]+\s+){0,5}?(?:run|stretch|spell|half|quarter|period)\b", re.IGNORECASE
)
_TALLY_AVERAGE_RE = re.compile(
    r"\baverag(?:e|es|ed|ing)\b|\b(?:a|an|per)\s+(?:game|outing|contest|match|start)\b(?!\s*-\s*\w)", re.IGNORECASE
)  # not "a game-high 29 points"


#: Words that tell which part of a game a window is: "the second half", "a 15-2 run".
_WINDOW_WORDS_RE = re.compile(r"\b(?:first|second|third|fourth|final|opening|last|\d{1,3}-\d{1,3})\b", re.IGNORECASE)


def tally_span(claim: Claim) -> str:
    """What a claim's counts of things are tallied over: "average" (of many games), the part of one game its
    words name ("second half", "15-2 run", "stretch"), else "" (a game, or what the claim does not say)."""
    if _TALLY_AVERAGE_RE.search(claim.text):
        return "average"
    window = _TALLY_WINDOW_RE.search(claim.text)
    if window is None:
        return ""
    return " ".join([*(w.lower() for w in _WINDOW_WORDS_RE.findall(window.group(0))), window.group(0).split()[-1].lower()])


def _tallies_of_one_span(a: Claim, xs: list[Quantity], b: Claim, ys: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """The figures without counts of things when the claims tally them over different spans (:func:`tally_span`):
    "Ines Vidal grabbed seven rebounds" and "in 8 first-half minutes Vidal ripped down 5 rebounds", or "his 23
    points and eight rebounds a game", count two spans' rebounds."""
    if tally_span(a) == tally_span(b):
        return xs, ys
    return [q for q in xs if not counts_things(q.kind)], [q for q in ys if not counts_things(q.kind)]


#: Measures told of an action ("served four months", "evacuated the building, 15 miles north of the city"): a
#: figure of one is compared only with the other claim's figure of the same verb.
_ACTION_MEASURES = ("distance", "duration")


def compared_figures(a: Claim, b: Claim) -> tuple[list[Quantity], list[Quantity]]:
    """The figures of each claim that the other's may contradict: not hypothetical ones (:func:`hypothetical`),
    and, in one language, distances and durations only where the other claim gives one to the same verb
    (:func:`verb_of`): "a motorist 50 miles north of the city spotted the car" and "the building is 15 miles
    north of the city" measure two things, "legal battles ensued for seven years" and "it took another six
    years to concede" two spans; nor figures of what came before or after (:func:`of_a_sequel`)."""
    xs = [q for q in a.quantities if not (hypothetical(a, q) or of_a_sequel(a, q))]
    ys = [q for q in b.quantities if not (hypothetical(b, q) or of_a_sequel(b, q))]
    for told in (told_as_part, told_over_places, told_as_margin, told_at_close, told_as_starting_price):
        xs, ys = _compared_alike(a, xs, b, ys, told)
    xs, ys = _matched_tallies(xs, ys)
    for told in (
        told_as_run, told_as_missed, told_play, told_per_each, told_destroyed, told_of_an_earlier_time,
    ):  # fmt: skip
        xs, ys = _compared_alike(a, xs, b, ys, told)
    xs, ys = _tallies_of_one_span(a, xs, b, ys)
    xs, ys = _of_things_the_other_names(a, xs, b), _of_things_the_other_names(b, ys, a)
    xs, ys = _of_one_holder(a, xs, b, ys)
    if another_contest(a, b):
        return [], []
    if not a.language or a.language != b.language:
        return xs, ys
    return _of_one_action(a, xs, _actions(b, ys)), _of_one_action(b, ys, _actions(a, xs))


#: A contest's score or a side's record: "won 91-73", "the Tar Heels (10-0)", "a 20-13 lead".
_SCORE_RE = re.compile(r"(?<![\w.,-])\d{1,3}-\d{1,3}(?![\w.,-])")


def another_contest(a: Claim, b: Claim) -> bool:
    """Whether the claims give scores or records and none in common: "N scored 20 points in the 91-73 win" and
    "M had 15 points for the Gulls (14-1), beaten 85-78" tell two games of one team, whose figures (the scores
    too: "a 162-139 record" over three seasons, "a 35-47 record" over one) count two games' things."""
    x, y = ({m.group(0) for m in _SCORE_RE.finditer(c.text)} for c in (a, b))
    return bool(x and y) and not x & y


def _action(claim: Claim, quantity: Quantity) -> tuple[str, str | None] | None:
    """(measure, verb) of a distance or duration; None for any other figure."""
    measure = coarse_kind(quantity.kind)
    if measure not in _ACTION_MEASURES:
        return None
    return measure, verb_of(claim, quantity.start - claim.start, quantity.end - claim.start)


def _actions(claim: Claim, figures: list[Quantity]) -> set[tuple[str, str | None]]:
    return {action for q in figures if (action := _action(claim, q)) is not None}


def _of_one_action(claim: Claim, figures: list[Quantity], others: set[tuple[str, str | None]]) -> list[Quantity]:
    kept = []
    for q in figures:
        action = _action(claim, q)
        if action is None or action[1] is None or action in others:
            kept.append(q)
    return kept


def hypothetical(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure tells what may, would or is wanted to be, not what is (English, by the parse): a verb
    above it takes a modal ("could throw for 400 yards", not "wouldn't have 355 shops") or is on a condition
    (:func:`~storyline.compare.parsing.conditional`: "if pushed to 10 years", "if they win, N will get nine
    points"), or a word above it or modifying it needs or asks for it ("needed nine points", "seeking $20
    million", "a request for a 10-year deal"). Reports of one event do not contradict in such figures."""
    doc = parse(claim.text, claim.language) if (claim.language or "").lower().startswith("en") else None
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start) if doc is not None else None
    while token is not None:
        if token.lemma_.lower() in WANTING or (token.pos_ in ("VERB", "AUX") and _unreal(token)) or _wanted(token):
            return True
        token = token.head if token.head.i != token.i else None
    return False


#: Verbs whose passive agent is another occurrence of the story's event ("was followed by a 2.0-magnitude quake").
_SEQUEL_VERBS = frozenset({"follow", "precede"})


def of_a_sequel(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure tells what came after or before the claim's event, in the agent of a passive "followed
    by" or "preceded by" (English, by the parse): "the quake was followed by a 2.0-magnitude quake" gives a
    second quake's magnitude, no other report of the first's."""
    doc = parse(claim.text, claim.language) if (claim.language or "").lower().startswith("en") else None
    token = token_at(doc, quantity.start - claim.start, quantity.end - claim.start) if doc is not None else None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "agent" and token.head.lemma_.lower() in _SEQUEL_VERBS:
            return True
        token = token.head
    return False


def _wanted(noun: Any) -> bool:
    """A noun a participle of wanting qualifies: "needed nine points", parsed with "needed" a modifier of
    "points"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in WANTING for c in noun.children)


def _unreal(verb: Any) -> bool:
    children = list(verb.children)
    if conditional(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in children) and not any(c.dep_ == "neg" for c in children)


def _same_thing(a: Claim, b: Claim, kind: str, similarity: float) -> bool:
    """Sums of money are compared only when the claims say what they pay for in the same words (most content
    words in common; two languages: near-identical meaning): "an injection of 44 billion dollars into the
    economy" and "500 billion rubles (US$19.7 billion) for the stock markets" are two sums, not one told twice.
    A currency names no counted thing, unlike "killed" or "magnitude"."""
    if not kind.startswith("money"):
        return True
    if a.language != b.language:
        return similarity >= MONEY_SIMILARITY
    return share_most_words(a, b)


def is_caption(claim: Claim) -> bool:
    """A photo caption (no verb, "(left)", a closing weekday-and-date line): it dates the photo, not the
    event the article reports, so its date contradicts nothing."""
    if _CAPTION_RE.search(claim.text):
        return True
    doc = parse(claim.text, claim.language)
    return doc is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc)


def _verbs(claim: Claim) -> set[str] | None:
    """Lemmas of the claim's verbs other than reporting verbs ("said" dates the saying); None without a parser."""
    doc = parse(claim.text, claim.language)
    if doc is None:
        return None
    reporting = REPORTING_VERBS.get((claim.language or "en").split("-")[0].lower(), frozenset())
    return {t.lemma_.lower() for t in doc if t.pos_ == "VERB" and t.lemma_.lower() not in reporting}


def share_event_words(a: Claim, b: Claim) -> bool:
    """Whether the claims share at least :data:`SHARED_WORDS` of the shorter one's content words, the shared
    words counted without :func:`generic_words`: "Officials said on Monday the ferry sank" and "Officials
    said on Monday the strike ended" share four words, none of them about what happened."""
    x, y = content_words(a), content_words(b)
    shared = (x & y) - generic_words(a) - generic_words(b)
    return bool(x and y) and len(shared) >= SHARED_WORDS * min(len(x), len(y))


def same_event(a: Claim, b: Claim) -> bool:
    """Whether two claims of one language date one event: a verb in common (not a reporting verb), or most
    of their content words in common, not counting :func:`generic_words` (:func:`share_event_words`).
    Claims of two (or unknown) languages: their alignment says so."""
    if not a.language or a.language != b.language:
        return True
    x, y = _verbs(a), _verbs(b)
    return bool(x and y and x & y) or share_event_words(a, b)


def _resolved_years_agree(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether two months may be compared: each claim names its month's year, or both months resolve to the
    same year (through their articles' publication dates). "in March" of an article of 2012 and "in May" of
    one of 2013 are two years' months; a month of an undated article ("XXXX-03") has no year to compare."""
    if x[:4] in a.text and y[:4] in b.text:
        return True
    return x[:4].isdigit() and x[:4] == y[:4]


def _a_told_day_apart(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Two days one apart, one of them said as "today" or "last night" (:data:`DEICTIC_DAY_RE`): "at 10am today"
    in an outlet of another time zone is "Monday" of the others, not a second day."""
    if not (DEICTIC_DAY_RE.search(a.text) or DEICTIC_DAY_RE.search(b.text)):
        return False
    try:
        return abs((date.fromisoformat(x) - date.fromisoformat(y)).days) == 1
    except ValueError:  # "XXXX-04-09": no year to count days in
        return False


#: What follows an hour of a clock time ("8.40am", "8:40", "8 pm"): that number is no day of the month.
_CLOCK_AFTER = r"(?![.:]\d)(?!\s*[ap]\.?m\b)"


def writes_day(claim: Claim, value: str) -> bool:
    """Whether the claim writes the day of month of ``value`` ("June 13", "13 June", "the 13th"), rather than
    telling it by a weekday or "today", which a reader resolves from the article's publication day. The hour
    of a clock time is not it: "found at 8.40am on Saturday" writes no 8th."""
    return re.search(rf"(?<!\d)0?{int(value[8:10])}(?:st|nd|rd|th)?(?!\d){_CLOCK_AFTER}", claim.text, re.IGNORECASE) is not None


def _year_unwritten(claim: Claim, dates: list[str]) -> list[str]:
    """The claim's days with a year it does not write made unknown ("XXXX-04-09"): "on April 9" is read in
    the year of its article's publication, and two articles of two years give one April 9 two years."""
    return [f"XXXX{d[4:]}" if len(d) == len("YYYY-MM-DD") and d[:4] not in claim.text else d for d in dates]


def _one_day_read_in_two_years(a: Claim, b: Claim, clash: tuple[str, str]) -> bool:
    """Whether two clashing days differ only by years neither claim writes (:func:`_year_unwritten`)."""
    if len(clash[0]) != len("YYYY-MM-DD") or clash[0][:4] == clash[1][:4]:
        return False
    return clashing_dates(_year_unwritten(a, a.dates), _year_unwritten(b, b.dates)) is None


def _one_weekday_read_twice(a: Claim, b: Claim, clash: tuple[str, str]) -> bool:
    """Whether two clashing days are one weekday neither claim writes the date of: "on Friday" in two reports,
    read from two publication days a week or more apart, is what both say, not a disagreement between them."""
    try:
        x, y = date.fromisoformat(clash[0]), date.fromisoformat(clash[1])
    except ValueError:  # a month, a year, or "XXXX-04-09"
        return False
    return x.weekday() == y.weekday() and not (writes_day(a, clash[0]) or writes_day(b, clash[1]))


def clashing_dates(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """A date of ``a`` and one of ``b`` that cannot be one: of one granularity (year, month or day), each
    claim giving only one date of it. "2015" (when a deal was signed) and "2018-04-30" (when it was
    denounced) date different things; so do two days in a claim that gives two."""
    for size in _GRANULARITY:
        xs, ys = [x for x in a if len(x) == size], [y for y in b if len(y) == size]
        if len(xs) == 1 and len(ys) == 1 and not date_fits(xs[0], ys[0]):
            return xs[0], ys[0]
    return None


@dataclass
class DateConflict:
    """Aligned claims dating one event differently: one date each of one granularity, the same verb (not a
    reporting verb), neither a photo caption (:func:`clashing_dates`, :func:`same_event`, :func:`is_caption`).

    Comparing every date of both claims flagged the signing year of a deal against the day a speech
    denounced it, and a caption's photo day against the day of the event."""

    name: str = "dates"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < FACT_SIMILARITY or not (a.dates and b.dates):
            return None
        clash = clashing_dates(event_dates(a), event_dates(b))
        if clash is None or _one_day_read_in_two_years(a, b, clash) or _one_weekday_read_twice(a, b, clash) or is_caption(a) or is_caption(b) or not same_event(a, b) or not same_occurrence(a, b):
            return None
        granularity = _GRANULARITY[len(clash[0])]
        if granularity == "month" and not _resolved_years_agree(a, clash[0], b, clash[1]):
            return None
        if granularity == "day" and _a_told_day_apart(a, clash[0], b, clash[1]):
            return None
        if _two_dated_events(a, clash[0], b, clash[1]) or _a_future_against_a_past(a, clash[0], b, clash[1]) or _one_edition_two_ways(a, clash[0], b, clash[1]):
            return None
        if _dates_a_thing_told(a, clash[0]) != _dates_a_thing_told(b, clash[1]):
            return None
        detail = f"dates disagree on the {granularity}: {clash[0]} vs {clash[1]}"
        return Finding("dates", detail, [claim_span(a), claim_span(b)], quantities=[granularity])


#: Words before a date that make it the base a figure is measured against: "up 5 percent compared with last year",
#: "more than in 2007", "versus the same quarter a year ago", "frente al año anterior".
_BASE_BEFORE_RE = re.compile(
    r"\b(?:than(?:\s+in)?|compared\s+(?:with|to)|versus|vs\.?|over\s+the\s+same\s+\w+(?:\s+of|\s+in)?)\s+$"
    r"|\b(?:frente\s+a|respecto\s+a|en\s+comparaci[oó]n\s+con|par\s+rapport\s+[aà])\s*(?:l[oa]s?\s+|el\s+|l')?$",
    re.IGNORECASE,
)
#: "from" makes a base of a date told back from the report ("a 32% drop from a year earlier"), not of a start
#: ("on strike from Monday").
_FROM_EARLIER_RE = re.compile(r"\bfrom\s+$")
_EARLIER_RE = re.compile(r"\b(?:earlier|ago|before|previous|prior|last)\b", re.IGNORECASE)


def told_as_base(claim: Claim, value: str) -> bool:
    """Whether a claim's date is the base a figure of it is measured against ("Toyota reported a 32% drop in US
    sales from a year earlier": the drop is this year's, "a year earlier" its base), not when its event took
    place: the claim gives a figure and the date's words follow "than", "compared with", "versus", or "from" when
    they count back ("a year earlier", "last year")."""
    phrase = claim.date_phrases.get(value)
    if not (phrase and claim.quantities):
        return False
    for told in re.finditer(re.escape(phrase), claim.text, re.IGNORECASE):
        before = claim.text[: told.start()]
        if _BASE_BEFORE_RE.search(before) or (_FROM_EARLIER_RE.search(before) and _EARLIER_RE.search(phrase)):
            return True
    return False


def event_dates(claim: Claim) -> list[str]:
    """The claim's dates but those told as a figure's base (:func:`told_as_base`)."""
    return [d for d in claim.dates if not told_as_base(claim, d)]


def _two_dated_events(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether two clashing dates time two events of a story, by the verbs they time (``date_verbs``): a telling and
    what it tells ("producer Steven Moffat announced Sunday" / "Matt Smith, who is leaving at Christmas"), two acts
    at two named places (:func:`_at_two_named_places`), one verb
    with two particles ("checked into the clinic on Thursday" / "checked out of it on Thursday, June 13"), two
    verbs of which one claim tells the other's undated ("accused of killing N, the video was presented on
    Thursday" / "charged with killing N on Oct. 21"), or two verbs of two subjects ("the jury deliberated on
    Thursday" / "the trial is set for June 17"). Synonyms of one subject still compare ("was ejected in 2003"
    / "was ousted in 2002")."""
    verbs = a.date_verbs.get(x), b.date_verbs.get(y)
    if not (verbs[0] and verbs[1]) or verbs[0] == verbs[1]:
        return False
    if verbs[0].split()[0] == verbs[1].split()[0]:
        return True
    if verbs[0] in _told_verbs(b) or verbs[1] in _told_verbs(a):
        return True
    if _english(a, b) and (verbs[0].split()[0] in MAKING_KNOWN) != (verbs[1].split()[0] in MAKING_KNOWN):
        return True  # "Steven Moffat announced Sunday" dates the telling, not the leaving it tells of
    if _at_two_named_places(a, verbs[0], b, verbs[1]):
        return True
    subjects = _subjects_of(a, verbs[0]), _subjects_of(b, verbs[1])
    return bool(subjects[0] and subjects[1]) and subjects[0].isdisjoint(subjects[1])


def _english(a: Claim, b: Claim) -> bool:
    return all((claim.language or "").startswith("en") for claim in (a, b))


def _at_two_named_places(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether two dated verbs of two lemmas are acts at two named places, one of which the other claim names as
    the place of another act: "checked out of the Betty Ford Centre on Thursday (June 13)" / "After she left a
    rehab facility in Newport Beach on Thursday, she checked into the Betty Ford Center" tell two departures.
    Synonyms at one place ("was ejected from the party in 2003" / "was ousted from the party in 2002") still
    compare; so do two places neither claim names twice ("struck Aceh" / "hit Sumatra")."""
    places = _places_of(a, x), _places_of(b, y)
    if not (places[0] and places[1]) or not places[0].isdisjoint(places[1]):
        return False
    return any(_names_most(_proper_words(other), place) for place, other in ((places[0], b), (places[1], a)))


def _names_most(words: frozenset[str], place: frozenset[str]) -> bool:
    """Whether ``words`` hold most words of a place's name: "Betty Ford Center" names the "Betty Ford Centre"."""
    return 2 * len(place - words) < len(place)


def _places_of(claim: Claim, verb: str) -> frozenset[str]:
    """The proper-noun words (lower-cased, calendar words left out) of what the claim's ``verb`` acts on or at:
    its object and its prepositions' objects, not the clauses joined to it ("checked out of the Betty Ford
    Centre on Thursday and committing herself to Cliffside": betty, ford, centre), only words written capitalised
    and no part of a date ("Nov."). English, by the parse."""
    doc = parse(claim.text, claim.language) if (claim.language or "").startswith("en") else None
    tokens = [t for t in doc if t.pos_ == "VERB" and phrasal_lemma(t) == verb] if doc is not None else []
    arguments = [c for t in tokens for c in t.children if c.dep_ in ("dobj", "obj", "prep")]
    return frozenset(
        w.lower_ for c in arguments for w in c.subtree
        if w.pos_ == "PROPN" and w.text[:1].isupper() and w.ent_type_ not in ("DATE", "TIME")
        and not is_calendar_word(w.lower_, "en")
    )  # fmt: skip


def _proper_words(claim: Claim) -> frozenset[str]:
    doc = parse(claim.text, claim.language)
    return frozenset(t.lower_ for t in doc if t.pos_ == "PROPN") if doc is not None else frozenset()


def _dates_a_thing_told(claim: Claim, value: str) -> bool:
    """Whether the claim's date is the possessive of a thing it tells besides its event (:func:`_of_a_noun`: "will
    play the winner of Friday's second semifinal": Friday is that semifinal's day, not when the claim's team plays;
    "Friday's attack killed five", "attended Wednesday's arraignment", "killed in Thursday's bombing" date the
    claim's event). English, by the parse."""
    phrase = claim.date_phrases.get(value)
    told = re.search(rf"\b{re.escape(phrase)}['\u2019]s\b", claim.text) if phrase else None
    doc = parse(claim.text, claim.language) if told and (claim.language or "").startswith("en") else None
    token = token_at(doc, told.start(), told.end() - 2) if doc is not None else None
    return token is not None and token.dep_ == "poss" and _of_a_noun(token.head)


def _of_a_noun(noun: Any) -> bool:
    """Whether a noun hangs by a preposition from another noun ("the winner of Friday's semifinal"), not from a
    verb ("killed in Thursday's bombing") nor as a verb's subject or object."""
    return noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN")


#: Words of a date phrase that point past the report's day: "later this year", "next month", "the coming week";
#: "five years later" counts from another event.
_AHEAD_RE = re.compile(r"\b(?:later\s+(?:this|in|next)|next|coming|upcoming)\b", re.IGNORECASE)  # not "a year later"


def _a_future_against_a_past(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether one date is of an event still to come when reported ("Matt Smith is leaving the show later this
    year") and the other, of an earlier year, of an event told in the past tense ("Smith was introduced in
    2009"): two events of one person, not one dated two ways. A future against a future ("will close next year"
    / "will close this year") still compares."""
    return any(
        _AHEAD_RE.search(ahead.date_phrases.get(later, "")) and _earlier_year(earlier, later)
        and _told_in_past_tense(past, past.date_verbs.get(earlier, ""))
        for ahead, later, past, earlier in ((a, x, b, y), (b, y, a, x))
    )


#: A yearly event named by its edition: "this year's Oscars" may be the ceremony of next spring.
_EDITION_RE = re.compile(
    r"\b(?:annual|awards?|oscars?|emmys?|grammys?|ceremony|festival|season|championships?|tournament|olympics)\b", re.IGNORECASE
)
_THIS_RE = re.compile(r"\bthis\b", re.IGNORECASE)
_NEXT_RE = re.compile(r"\bnext\b", re.IGNORECASE)
_WILL_RE = re.compile(r"\b(?:will|would|to)\b|['\u2019]ll\b", re.IGNORECASE)


def _one_edition_two_ways(a: Claim, x: str, b: Claim, y: str) -> bool:
    """Whether "this year" and "next year", both of something still to come, name one edition of a yearly event
    ("Ellen DeGeneres will be hosting the Oscars this year" / "will host the Oscars next year", said in August of
    the ceremony of next March): an event told by its season. A plant that "will close this year" / "next year" has
    no edition and still clashes."""
    if not (x[:4].isdigit() and y[:4].isdigit() and abs(int(x[:4]) - int(y[:4])) == 1):
        return False
    (this, now), (nxt, later) = sorted(((a, x), (b, y)), key=lambda told: told[1][:4])
    return bool(
        _THIS_RE.search(this.date_phrases.get(now, "")) and _NEXT_RE.search(nxt.date_phrases.get(later, ""))
        and _WILL_RE.search(this.text) and _WILL_RE.search(nxt.text)
        and (_EDITION_RE.search(this.text) or _EDITION_RE.search(nxt.text))
    )


def _earlier_year(x: str, y: str) -> bool:
    return x[:4].isdigit() and y[:4].isdigit() and x[:4] < y[:4]


def _told_in_past_tense(claim: Claim, verb: str) -> bool:
    """Whether the claim tells ``verb`` (a lemma, with its particle) in the past tense, by the parse."""
    doc = parse(claim.text, claim.language) if verb else None
    return doc is not None and any(t.tag_ in ("VBD", "VBN") and phrasal_lemma(t) == verb for t in doc)


def _told_verbs(claim: Claim) -> set[str]:
    doc = parse(claim.text, claim.language)
    return {phrasal_lemma(t) for t in doc if t.pos_ == "VERB"} if doc is not None else set()


def _subjects_of(claim: Claim, verb: str) -> set[str]:
    """The lemmas of what the claim's ``verb`` (a phrasal lemma) has for subject, pronouns left out (they may
    stand for anything the other claim names) but for a relative one, which stands for the noun its clause
    tells of ("Matt Smith who leaves the show at Christmas": Smith leaves)."""
    doc = parse(claim.text, claim.language)
    tokens = [t for t in doc if t.pos_ in ("VERB", "AUX") and phrasal_lemma(t) == verb] if doc is not None else []
    subjects = [_antecedent(c) for t in tokens for c in t.children if c.dep_ in _SUBJECTS]
    return {c.lemma_.lower() for c in subjects if c.pos_ != "PRON"}


def _antecedent(subject: Any) -> Any:
    """The noun a relative pronoun subject stands for (the head of its relative clause), else the subject."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def shares_event_verb(a: Claim, b: Claim) -> bool:
    """Whether two claims of one language tell one action: a verb in common, not a reporting verb ("arrived"
    in both, not "said"); without a parser, most of their words (:func:`share_event_words`)."""
    if not a.language or a.language != b.language:
        return True
    x, y = _verbs(a), _verbs(b)
    if x is None or y is None:
        return share_event_words(a, b)
    return bool(x & y)


def _days_differ(a: Claim, b: Claim) -> bool:
    days = [[d for d in claim.dates if _GRANULARITY.get(len(d)) == "day"] for claim in (a, b)]
    return all(days) and not dates_agree(*days)


def verb_of(claim: Claim, start: int, end: int) -> str | None:
    """The lemma of the verb the words at ``start``-``end`` (claim-relative) modify ("docked at 3 p.m." ->
    "dock", "served four months" -> "serve"); "" for a reporting verb or no verb, None without a parser."""
    doc = parse(claim.text, claim.language)
    token = token_at(doc, start, end) if doc is not None else None
    if token is None:
        return None
    verb = verb_above(token)
    reporting = REPORTING_VERBS.get((claim.language or "en").split("-")[0].lower(), frozenset())
    return verb.lemma_.lower() if verb is not None and verb.lemma_.lower() not in reporting else ""


@dataclass
class ClockTimeConflict:
    """Aligned claims giving one event two clock times ("arrived at 3 p.m." / "arrived at 5 p.m."): the same
    verb (not a reporting verb), one time each of one zone, more than AGREE_WITHIN minutes apart
    (:func:`storyline.compare.clock.clashing_times`). Times of two zones ("5 p.m. local time" / "1500 GMT"),
    or of a zone and none, are not compared; nor are times of two days, nor one on a condition. Where there is a parser, the verbs
    the two times modify must be one, not a reporting verb ("said at 5 p.m." times the saying)."""

    name: str = "times"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < FACT_SIMILARITY:
            return None
        clash = _comparable_times(a, b)
        if clash is None:
            return None
        x, y = clash
        verbs = verb_of(a, x.start, x.end), verb_of(b, y.start, y.end)
        one_verb = shares_event_verb(a, b) if None in verbs else bool(verbs[0]) and verbs[0] == verbs[1]
        if not one_verb:
            return None  # "occurred at 9:27 a.m." / "at 9:32 p.m. it was followed by": two events
        return _time_finding(a, b, clash)


def _comparable_times(a: Claim, b: Claim) -> tuple[ClockTime, ClockTime] | None:
    """A clock time of each claim that cannot be one moment, of claims that may tell one occurrence on one day
    (neither a caption, no two days given)."""
    clash = clashing_times(_told_times(a), _told_times(b))
    if clash is None or _days_differ(a, b) or is_caption(a) or is_caption(b) or not same_occurrence(a, b):
        return None
    return clash


def _time_finding(a: Claim, b: Claim, clash: tuple[ClockTime, ClockTime]) -> Finding:
    x, y = clash
    spans = [claim_span(a, x.start, x.end), claim_span(b, y.start, y.end)]
    return Finding("dates", f"dates disagree on the time: {x.text} vs {y.text}", spans, quantities=["time"])


@dataclass
class EventTimeConflict:
    """Claims of one language telling one event at two clock times, worded too unlike to align ("The blast at
    the depot happened at 3:40 a.m." / "The explosion at the depot came at 4:15 a.m.": 0.44-0.49): judged on any
    topic pair, but only where the verbs the times hang on tell one event (:func:`_one_event`) and the claims
    share a setting (:func:`_share_setting`). The clashes read are those :class:`ClockTimeConflict` reads, with
    the same exceptions. Days were tried too: on ECB+ most such pairs were two events of one life or season
    ("disappeared in 1957" / "in 1958" true, "destroyed the clinic in 1998" / "destroyed in 2005" not)."""

    name: str = "event-times"
    scope: str = "topic"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < TOPIC_SIMILARITY or not (a.language and a.language == b.language):
            return None
        times = _comparable_times(a, b)
        if times is None or not _share_setting(a, b):
            return None
        x, y = times
        return _time_finding(a, b, times) if _one_event(a, _verb_timing(a, x.start, x.end), b, _verb_timing(b, y.start, y.end)) else None


def _verb_timing(claim: Claim, start: int, end: int) -> Any | None:
    """The verb the words at ``start``-``end`` (a clock time) modify, as a token of the claim's parse."""
    doc = parse(claim.text, claim.language)
    token = token_at(doc, start, end) if doc is not None else None
    return verb_above(token) if token is not None else None


def _event_told(verb: Any) -> tuple[str, set[str]] | None:
    """What a verb tells happened, and its subjects (lemmas, pronouns left out): a verb telling only that
    something took place (:data:`EVENT_OCCURRED`: "the blast happened") tells its subject's event, by kind
    (:func:`event_family`: "blast" and "explosion" are one); another verb tells its own ("the ferry docked")."""
    subjects = {c.lemma_.lower() for c in _subjects(verb) if c.pos_ != "PRON"}
    if verb.lemma_.lower() not in EVENT_OCCURRED:
        return event_family(_event_word(verb)), {event_family(s) for s in subjects}
    events = {event_family(s) for s in subjects}
    return (events.pop(), set()) if len(events) == 1 else None


def _event_word(verb: Any) -> str:
    """The verb's lemma with the particle or object that makes one event word of it (:data:`EVENT_FAMILIES`: "gave
    way" is "give way", a breach, as "burst" is; "caved in" is "cave in"), else its lemma ("gave a warning": "give")."""
    lemma = verb.lemma_.lower()
    phrases = [phrasal_lemma(verb), *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in _OBJECTS)]
    return next((phrase for phrase in phrases if is_event_word(phrase)), lemma)


def _in_event_phrase(token: Any) -> bool:
    """Whether a noun completes its verb into an event word ("way" of "gave way"): no setting of the event."""
    return token.dep_ in _OBJECTS and is_event_word(f"{token.head.lemma_.lower()} {token.lower_}")


def _one_event(a: Claim, verb_a: Any | None, b: Claim, verb_b: Any | None) -> bool:
    """Whether the verbs two claims' clock times hang on tell one event: one verb, or one kind of
    event ("the blast happened" / "the explosion came"), and, where both name who or what did it, the same
    ("the Aurora docked" / "the Elwyn Star docked" are two arrivals). No reporting verb ("said at 5 p.m.")."""
    if verb_a is None or verb_b is None or _of_saying(a, verb_a) or _of_saying(b, verb_b):
        return False
    x, y = _event_told(verb_a), _event_told(verb_b)
    return x is not None and y is not None and x[0] == y[0] and (not (x[1] and y[1]) or bool(x[1] & y[1]))


def _of_saying(claim: Claim, verb: Any) -> bool:
    return verb.lemma_.lower() in REPORTING_VERBS.get((claim.language or "en").split("-")[0].lower(), frozenset())


def _share_setting(a: Claim, b: Claim) -> bool:
    """Whether two claims name someone or something in common besides the event and the general words of any
    report (:func:`_setting`): "The blast at the depot happened at 3:40 a.m." and "The explosion at the depot
    came at 4:15 a.m." share the depot; "the blast happened at 3:40 a.m." and "the strike began at 6 a.m."
    share nothing."""
    return bool(_setting(a) & _setting(b))


def _setting(claim: Claim) -> set[str]:
    """The lemmas of the claim's nouns and names but events (:data:`EVENT_FAMILIES`), people in general, calendar
    words and clock times ("officials", "Monday", "morning", "a.m."); empty without a parser."""
    doc = parse(claim.text, claim.language)
    clocks = [(t.start, t.end) for t in clock_times(claim.text)]
    nouns = {
        t.lemma_.lower() for t in doc or ()
        if t.pos_ in ("NOUN", "PROPN") and not any(s <= t.idx < e for s, e in clocks) and not _in_event_phrase(t)
    }
    language = (claim.language or "en").split("-")[0].lower()
    return {n for n in nouns if not (is_event_word(n) or n in GENERIC_NOUNS or is_calendar_word(n, language))}


def _told_times(claim: Claim) -> list[ClockTime]:
    """The claim's clock times but those on a condition ("if N wins, the team will play at 8 p.m.")."""
    times = clock_times(claim.text)
    doc = parse(claim.text, claim.language) if times else None
    return [t for t in times if not on_condition(doc, t.start, t.end)]


@dataclass
class NegationConflict:
    """Near-identical claims of one language where one negates what the other asserts: the negated
    verb must be the other's too ("will not strike" / "will strike"), not another predicate ("had not had
    a government since 1991" / "descended into anarchy in 1991")."""

    name: str = "negation"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < NEGATION_SIMILARITY or a.negated == b.negated:
            return None
        if a.language and b.language and a.language != b.language:
            return None  # "non-binding" is "no vinculante": languages negate in different places
        negated = a if a.negated else b
        other = b if a.negated else a
        cue = negation_cue(negated.text)
        if cue is None or not same_predicate(negated, cue, other):
            return None
        detail = f"negated in one report only ({cue.group(0)})"
        return Finding("negation", detail, [_match_span(negated, cue), claim_span(other)])


#: Dependency labels of a verb's subjects and objects (spaCy English and Universal Dependencies).
_SUBJECTS = ("nsubj", "nsubjpass", "nsubj:pass")
_OBJECTS = ("dobj", "obj", "attr", "acomp", "oprd")


def _arguments(verb: Any, roles: tuple[str, ...]) -> set[str]:
    return {c.lemma_.lower() for c in verb.children if c.dep_ in roles and c.pos_ != "PRON"}


def _same_arguments(verb: Any, token: Any) -> bool:
    """Subjects agree where both name one, and objects too: "memos show no collusion" is not denied by
    "memos show he leaked", nor "the country had no government" by "the army had no fuel"."""
    for roles in (_SUBJECTS, _OBJECTS):
        ours, theirs = _arguments(verb, roles), _arguments(token, roles)
        if ours and theirs and not ours & theirs:
            return False
    return True


def same_predicate(negated: Claim, cue: re.Match[str], other: Claim) -> bool:
    """Whether ``other`` asserts the predicate ``cue`` negates: the same verb lemma with the same subject
    and object where both name them. Without a parser: the first content word after the cue
    ("not strike") must open a word of the other claim ("strike", "strikes")."""
    doc, other_doc = parse(negated.text, negated.language), parse(other.text, other.language)
    if doc is None or other_doc is None:
        return _next_word_shared(negated, cue, other)
    cue_token = next((t for t in doc if t.idx == cue.start()), None)
    if cue_token is not None and cue_token.dep_ == "neg" and cue_token.head.pos_ in ("ADV", "NOUN"):
        return False  # "arrested not far from the scene", "not a day ago": a negated modifier, not the verb
    verb = _negated_verb(cue_token)
    if verb is None:  # parsed, the cue hangs on no verb ("Reid, ..., none more so when"): it negates no predicate
        return cue_token is None and _next_word_shared(negated, cue, other)
    negated_noun = cue_token.head.lemma_.lower() if cue_token.dep_ == "det" else None  # "no collusion"
    return any(_asserts(token, verb, negated_noun) for token in other_doc)


def _asserts(token: Any, verb: Any, negated_noun: str | None) -> bool:
    """Whether ``token`` is ``verb`` asserted: same lemma and arguments, and the noun a "no" negated."""
    if token.lemma_ != verb.lemma_ or token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
        return False  # "has seen" asserts seeing, not having
    if not _same_arguments(verb, token) or _takes_infinitive(verb) > _takes_infinitive(token):
        return False  # "doesn't have to be replaced" denies a need, not "has fewer toxins"
    return negated_noun is None or negated_noun in _arguments(token, _SUBJECTS + _OBJECTS)


def _takes_infinitive(verb: Any) -> bool:
    """Whether a verb governs an infinitive ("have to be replaced", "want to leave"): it then tells a need or
    a wish, which the same verb without one does not assert."""
    return any(c.dep_ == "xcomp" and any(g.dep_ in ("aux", "auxpass") and g.lower_ == "to" for g in c.children) for c in verb.children)


def _negated_verb(cue: Any) -> Any | None:
    """The verb a negation cue belongs to: "not" -> its verb, "no longer needed" -> "needed", "show no
    collusion" -> "show" (the cue's head, climbed to the nearest verb)."""
    token = cue.head if cue is not None else None
    for _ in range(3):
        if token is None or token.pos_ in ("VERB", "AUX"):
            return token
        token = token.head if token.head.i != token.i else None
    return None


def _next_word_shared(negated: Claim, cue: re.Match[str], other: Claim) -> bool:
    stop = stop_words((negated.language or "en").split("-")[0].lower()) or stop_words("en")
    after = [w for w in re.findall(r"[^\W\d_]{2,}", negated.text[cue.end() :].lower()) if w not in stop]
    if not after:
        return False
    stem = after[0][: max(4, len(after[0]) - 3)]
    return any(w.startswith(stem) for w in re.findall(r"[^\W\d_]{2,}", other.text.lower()))


def subject_of(claim: Claim, position: int) -> str | None:
    """Who does what the word at ``position`` (claim-relative) says: the last actor named before it.

    A parser-free approximation of the verb's subject; it also follows "Pyongyang, which denies".
    """
    before = [str(name).lower() for s, _, name in claim.actors if s - claim.start < position]
    return before[-1] if before else None


def doer(claim: Claim, cue: re.Match[str]) -> str | None:
    """Who does what the opposed word at ``cue`` says: by the parse, the actor its verb's subject names (the
    subject itself, its possessor or a name compounded with it; a relative pronoun stands for the noun it
    hangs on); None when the subject names no actor or the verb has none ("a fumble by N won the game" is
    the fumble's doing, "jumping to a lead" has no subject). Without a parser, :func:`subject_of`."""
    doc = parse(claim.text, claim.language)
    verb = token_at(doc, cue.start(), cue.end()) if doc is not None else None
    if verb is None:
        return subject_of(claim, cue.start())
    while verb.dep_ == "conj" and not _subjects(verb):  # "rose and then fell": the first verb's subject
        verb = verb.head
    for subject in _subjects(verb):
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subject = verb.head
        for word in (subject, *(c for c in subject.children if c.dep_ in ("poss", "compound"))):
            if name := _actor_named_at(claim, word.idx, word.idx + len(word)):
                return name
    return None


def _subjects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in _SUBJECTS]


def _actor_named_at(claim: Claim, start: int, end: int) -> str | None:
    """The actor a mention of the claim covering ``start``-``end`` (claim-relative) names, lower-cased."""
    return next((str(n).lower() for s, e, n in claim.actors if s - claim.start <= start and end <= e - claim.start), None)


#: Dependencies of a word that describes a noun or a state rather than telling an event: "the fast-growing
#: market", "made Creighton look lost".
_DESCRIBING = ("amod", "acomp")


def _asserted(claim: Claim, cue: re.Match[str], meaning: str) -> bool:
    """Whether the opposed word at ``cue`` tells what happened, by the parse: not negated ("did not deny"), not
    an infinitive hung on a noun, adjective or verb ("a chance to win", "able to grow", "attempt to win"), not
    a word describing a noun or state ("fast-growing", "look lost"), nor a verb governing another one
    ("declined to say": a refusal, not a fall), nor a win or loss of no contest ("lost a fumble"). True
    without a parser."""
    doc = parse(claim.text, claim.language)
    token = token_at(doc, cue.start(), cue.end()) if doc is not None else None
    if token is None:
        return True
    children = list(token.children)
    if token.dep_ in _DESCRIBING or any(c.dep_ == "neg" for c in children):
        return False
    if token.dep_ in ("xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    if meaning == "win/lose" and _wins_no_contest(claim, token):
        return False
    return not any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in children)


def _wins_no_contest(claim: Claim, verb: Any) -> bool:
    """Whether an English "win" or "lose" takes an object that is no contest (:data:`CONTESTS`): "lost a
    fumble", "lost power", "won approval"."""
    if not (claim.language or "").lower().startswith("en"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in CONTESTS for c in verb.children)


@dataclass
class OpposedVerbConflict:
    """Claims on one topic where one actor takes opposite sides (admits / denies, rises / falls...)."""

    name: str = "opposed-verbs"
    scope: str = "topic"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < TOPIC_SIMILARITY:
            return None
        found = opposition(a.text, b.text)
        if found is None:
            return None
        meaning, cue_a, cue_b = found
        if not (_asserted(a, cue_a, meaning) and _asserted(b, cue_b, meaning)):
            return None
        actor = doer(a, cue_a)
        if actor is None or actor != doer(b, cue_b):
            return None  # "Ford's sales rose" and "Toyota's sales fell" do not contradict
        if meaning in STANCES and not _same_matter(a, cue_a, b, cue_b):
            return None  # "N acknowledges having several wives" / "N denied any criminal wrongdoing"
        detail = f"opposed verbs ({meaning}): \u201c{cue_a.group(0)}\u201d vs \u201c{cue_b.group(0)}\u201d"
        return Finding("opposed-verbs", detail, [_match_span(a, cue_a), _match_span(b, cue_b)])


def _matter(claim: Claim, cue: re.Match[str]) -> set[str]:
    """What a stance word takes: the content words of its clause after it, less generic words, names and nouns
    of allegations ("denies the allegations" takes whatever is alleged), cut to their first four letters."""
    clause = replace(claim, text=_MATTER_END_RE.split(claim.text[cue.end() :])[0])
    named = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", clause.text) if w[0].isupper()}
    words = content_words(clause) - generic_words(clause) - named
    return {w[:4] for w in words if not is_claim_noun(w)}


def _same_matter(a: Claim, cue_a: re.Match[str], b: Claim, cue_b: re.Match[str]) -> bool:
    """Whether two opposed stances (admits / denies) take one matter: a word in common, or one of them takes
    nothing but allegations or a pronoun ("denies it")."""
    x, y = _matter(a, cue_a), _matter(b, cue_b)
    return not (x and y) or bool(x & y)


def said_words(claim: Claim) -> str:
    """The words a claim quotes (inside quotation marks), else its whole text; lower-cased, letters only."""
    quoted = " ".join(m.group(1) for m in _QUOTED_RE.finditer(claim.text))
    return " ".join(re.findall(r"[^\W_]+", (quoted or claim.text).lower()))


def names_speaker(claim: Claim, other: str = "") -> bool:
    """Whether the claim's own words name its speaker (a word of the name, not one of the ``other`` speaker's
    name): in '"We will rebuild," she said.' the speaker was found in other sentences, and "Bell said" names
    neither Marco nor Anna Bell; guesses that two outlets' attributions cannot be judged on."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", claim.text)}
    others = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", other)}
    return any(w.lower() in words - others for w in re.findall(r"[^\W\d_]{2,}", claim.speaker or ""))


def _one_statement_two_names(a: Claim, b: Claim) -> bool:
    """Claims of one language quoting nearly the same words, each naming its speaker apart from the other's as
    the one who speaks (:func:`_cue_not_of_speaker`)."""
    if Indel.normalized_similarity(said_words(a), said_words(b)) < SAME_WORDS:
        return False
    named = names_speaker(a, b.speaker or "") and names_speaker(b, a.speaker or "")
    return named and not (_cue_not_of_speaker(a) or _cue_not_of_speaker(b))


def _cue_not_of_speaker(claim: Claim) -> bool:
    """Whether, by the parse, the claim's reporting verb stands in it with subjects none of which is a word of its
    speaker's name: in "Williams gave a blood sample, but the results were not yet known" (cue "known") Williams
    is what is told, not who tells it. False without a parser or when the cue is not one of the claim's words."""
    doc = parse(claim.text, claim.language)
    cues = [t for t in doc if t.lower_ == (claim.cue or "").lower()] if doc is not None else []
    subjects = [c for t in cues for c in t.children if c.dep_ in _SUBJECTS]
    named = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", claim.speaker or "")}
    return bool(cues) and not any(w.lower_ in named for s in subjects for w in s.subtree)


@dataclass
class SpeakerConflict:
    """The same statement attributed to different people: in one language, the quoted words must be
    nearly the same (Indel similarity >= SAME_WORDS), since two people can say similar things ("X lied on
    the front end" / "X lied"), and each claim must name its speaker (:func:`names_speaker`); across
    languages, the claims' similarity must be SPEAKER_SIMILARITY."""

    name: str = "speakers"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < SPEAKER_SIMILARITY or not (a.speaker and b.speaker) or same_person_name(a.speaker, b.speaker):
            return None
        if a.language and a.language == b.language and not _one_statement_two_names(a, b):
            return None
        detail = f"attributed to different speakers: {a.speaker} vs {b.speaker}"
        return Finding("speakers", detail, [claim_span(a), claim_span(b)])


@dataclass
class DenialConflict:
    """One person's statement reported as said in one article and denied in another.

    "Okafor said the ferry was overloaded" / "Okafor denied that the ferry had been overloaded"
    align as one claim; the reporting verb carries the polarity. A negated claim is left alone:
    "said it was not overloaded" agrees with "denied it was overloaded".
    """

    name: str = "denial"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        denials = _speakers_denial(a), _speakers_denial(b)
        if similarity < SPEAKER_SIMILARITY or bool(denials[0]) == bool(denials[1]) or a.negated or b.negated:
            return None  # below: two statements of one speaker ("denied any links" / "said the army repelled")
        if not (a.speaker and b.speaker and same_person_name(a.speaker, b.speaker)):
            return None
        (denied, cue), stated = ((a, denials[0]), b) if denials[0] else ((b, denials[1]), a)
        if told_as_hearsay(stated) or not _states_what_is_denied(denied, cue, stated):
            return None  # "N denied the prosecution was political" / "N appointed a special prosecutor"
        detail = f"{stated.speaker} \u201c{stated.cue}\u201d in one report, \u201c{denied.cue}\u201d in the other"
        return Finding("denial", detail, [_cue_span(denied), _cue_span(stated)])


#: Cues of what others say of someone ("rumored to be", "rumors", "suggestions", "alleged"): not the speaker's word.
#: "reports" and "claims" are left out: "Pat Loeb reports that ..." is the speaker's own.
_HEARSAY_RE = re.compile(r"rumou?r(?:s|ed)?|suggestions?|allegations?|accusations?|alleged(?:ly)?|reputed(?:ly)?", re.IGNORECASE)


def told_as_hearsay(claim: Claim) -> bool:
    """Whether the claim's cue tells what others say of its speaker ("He was one of many figures rumored to be Deep
    Throat", cue "rumors"), not what the speaker said: that speaker's denial of it elsewhere answers the rumour,
    it does not contradict himself."""
    return bool(claim.cue and _HEARSAY_RE.fullmatch(claim.cue))


def _speakers_denial(claim: Claim) -> re.Match[str] | None:
    """The denial the claim's speaker makes: a denying reporting verb that denies a statement."""
    return reported_denial(claim) if is_denial(claim.cue) else None


def reported_denial(claim: Claim) -> re.Match[str] | None:
    """The words of a denial the claim reports: its speaker's denying verb, or a denial verb taking a claim.
    A denying verb whose object is a thing denies no statement: "the prosecutor denied a plea offer"."""
    cue = denial_cue(claim.text)
    if cue is None and claim.cue and is_denial(claim.cue):
        cue = re.search(re.escape(claim.cue), claim.text)
        return None if cue is None or _denies_a_thing(claim, cue) else cue
    return cue


def _denies_a_thing(claim: Claim, cue: re.Match[str]) -> bool:
    """Whether the denying verb at ``cue`` takes a noun object other than a claim ("denied an offer",
    "denied him bail"), by the parse: it refuses something, it does not deny a statement."""
    doc = parse(claim.text, claim.language)
    verb = token_at(doc, cue.start(), cue.end()) if doc is not None else None
    if verb is None:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative", "iobj")]
    return any(o.pos_ in ("NOUN", "PROPN", "PRON") and not is_claim_noun(o.lemma_) for o in objects)


@dataclass
class DisputedStatement:
    """Two speakers of one language, one stating what the other denies: "We warned the operator that the spillway
    was cracked," (the minister) / "We never received any warning about cracks," (the operator). The negated
    verb is the stated one with the same named subject ("the ministry warned" / "the ministry never warned
    us"), or a verb of receiving whose object names the stated act ("never received any warning" / "warned",
    each speaker's "we" on its own side: the one who gave, the one who got); and the claims share a word of
    what the act was about besides it ("cracked" / "cracks"). Or, in any language, the other speaker's reporting
    verb denies what the first states (:func:`_speakers_denial`: "Le ministère a démenti que ...", "bestritt, dass",
    "negó haber ...", "опроверг"; most words of the denied clause in the stated claim). A speaker denying what their
    own words state elsewhere is :class:`DenialConflict`'s."""

    name: str = "disputed"
    scope: str = "topic"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < TOPIC_SIMILARITY or not (a.language and a.language == b.language):
            return None
        if not (a.speaker and b.speaker) or same_person_name(a.speaker, b.speaker):
            return None
        denial = _denied_by_speaker(a, b) if similarity >= DISPUTE_SIMILARITY else None
        return denial or (self._negated_act(a, b) if a.negated != b.negated else None)

    def _negated_act(self, a: Claim, b: Claim) -> Finding | None:
        negated, stated = (a, b) if a.negated else (b, a)
        cue = negation_cue(negated.text)
        doc = parse(negated.text, negated.language)
        verb = _negated_verb(token_at(doc, cue.start(), cue.end())) if cue is not None and doc is not None else None
        found = next(((t, w) for t in _stated_acts(stated) if (w := _denying_word(verb, t)) is not None), None) if verb is not None else None
        if found is None or not (_about(negated) - {verb.lemma_.lower()}) & (_about(stated) - {found[0].lemma_.lower()}):
            return None
        act, word = found
        end = max(cue.end(), word.idx + len(word))
        detail = f"disputed by another speaker: {stated.speaker} \u201c{act.text}\u201d vs {negated.speaker} \u201c{negated.text[cue.start() : end]}\u201d"
        return Finding("disputed", detail, [claim_span(stated, act.idx, act.idx + len(act)), claim_span(negated, cue.start(), end)])


def _denied_by_speaker(a: Claim, b: Claim) -> Finding | None:
    """"disputed" where one speaker's reporting verb denies what the other speaker's claim states: at least
    :data:`DISPUTED_WORDS` words of the denied clause besides names, most of them in the stated claim (a clause of
    names, "denied he was Deep Throat", disputes no one who names Deep Throat). None where both deny, the stated
    claim is negated ("did not bomb" agrees) or the two take sides by opposed verbs (judged so)."""
    denials = _speakers_denial(a), _speakers_denial(b)
    if bool(denials[0]) == bool(denials[1]):
        return None
    (denied, cue), stated = ((a, denials[0]), b) if denials[0] else ((b, denials[1]), a)
    if stated.negated or reported_denial(stated) or opposition(denied.text, stated.text):
        return None
    if not _states_what_is_denied(denied, cue, stated, by_names=False):
        return None
    detail = f"disputed by another speaker: {stated.speaker} \u201c{stated.cue}\u201d vs {denied.speaker} \u201c{cue.group(0)}\u201d"
    return Finding("disputed", detail, [_cue_span(stated), claim_span(denied, cue.start(), cue.end())])


def _stated_acts(claim: Claim) -> list[Any]:
    """The verbs the claim asserts: not negated, not on a condition or under a modal, not its speaker's reporting
    verb ("said"; "we warned the operator" is an act, though "warn" also reports)."""
    doc = parse(claim.text, claim.language)
    cue = (claim.cue or "").lower()
    return [t for t in doc or () if t.pos_ == "VERB" and t.lower_ != cue and not _unreal(t) and not any(c.dep_ == "neg" for c in t.children)]


def _denying_word(negated: Any, stated: Any) -> Any | None:
    """The word by which a negated verb denies a stated one: the verb itself, the same with a subject in common
    (pronouns left out), or the object of a verb of receiving (:data:`RECEIVING`) that names the act, each verb
    with a first-person subject ("never received any warning" / "we warned"); None when it denies none."""
    if negated.lemma_.lower() == stated.lemma_.lower():
        shared = _arguments(negated, _SUBJECTS) & _arguments(stated, _SUBJECTS)
        return negated if shared and not _no_act(stated) else None
    if negated.lemma_.lower() not in RECEIVING or not (_first_person(negated) and _first_person(stated)):
        return None
    return next((c for c in negated.children if c.dep_ in _OBJECTS and _names_act(c.lemma_.lower(), stated.lemma_.lower())), None)


def _no_act(verb: Any) -> bool:
    """Whether a verb tells a state or that something took place rather than an act one may deny having done:
    "agencies do not have the expertise" / "agencies will have to consult" (:data:`RECEIVING`,
    :data:`EVENT_OCCURRED`)."""
    return verb.lemma_.lower() in RECEIVING | EVENT_OCCURRED


def _first_person(verb: Any) -> bool:
    return any(c.lower_ in FIRST_PERSON for c in _subjects(verb))


def _names_act(noun: str, verb: str) -> bool:
    """Whether a noun names the act of a verb, by its stem: "warning" of "warn", "payment" of "pay"."""
    stem = verb.removesuffix("e")
    return len(stem) >= 3 and noun != verb and noun.startswith(stem)


def _about(claim: Claim) -> set[str]:
    """The lemmas of the claim's nouns, verbs and adjectives but reporting verbs, people in general and function
    words: what a statement is about."""
    doc = parse(claim.text, claim.language)
    stop = stop_words((claim.language or "en").split("-")[0].lower())
    return {
        t.lemma_.lower() for t in doc or () if t.pos_ in ("NOUN", "VERB", "ADJ") and t.lemma_.lower() not in stop
        and t.lemma_.lower() not in GENERIC_NOUNS and not _of_saying(claim, t)
    }  # fmt: skip


@dataclass
class DenialReport:
    """One report states what the other reports someone denied ("Jets bombed the camp" / "The army denied that
    its jets bombed the camp"): the second outlet reports a denial, the two outlets do not contradict each
    other (rule ``denial-reported``, no conflict). The same person stating and denying it is a
    :class:`DenialConflict`, an admission denied is :class:`OpposedVerbConflict`'s; a negated statement ("did
    not bomb") agrees with the denial, and so does a claim that is itself a denial. What is denied must be
    what the other states (:func:`_states_what_is_denied`)."""

    name: str = "denial-reported"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        denials = reported_denial(a), reported_denial(b)
        if bool(denials[0]) == bool(denials[1]) or a.negated or b.negated:
            return None
        (denied, cue), stated = ((a, denials[0]), b) if denials[0] else ((b, denials[1]), a)
        if denied.speaker and stated.speaker and same_person_name(denied.speaker, stated.speaker):
            return None
        if similarity >= DISPUTE_SIMILARITY and (dispute := _denied_by_speaker(a, b)) is not None:
            return dispute  # two speakers of one language, one denying the other, aligned: their dispute
        if opposition(denied.text, stated.text):  # "denies" / "admitted": opposed verbs, judged as such
            return None
        if not _states_what_is_denied(denied, cue, stated):
            return None  # "Denying he was a gangster, N would wander the streets" / "N would wander around"
        spans = [claim_span(denied, cue.start(), cue.end()), claim_span(stated)]
        return Finding("denial-reported", denial_detail(denied, cue.group(0)), spans)


def _states_what_is_denied(denied: Claim, cue: re.Match[str], stated: Claim, by_names: bool = True) -> bool:
    """Whether ``stated`` holds what ``denied`` denies: most words of the denied clause (after the cue, to the
    clause's end), not counting :func:`generic_words` nor names, which both may share ("Sudan denied any
    bombing" / "Sudan accused its neighbour of arming rebels"); a clause of names only is held by its names
    (``by_names``), else it needs :data:`DISPUTED_WORDS` words besides them, as many held ("denied that N was the
    father of M's baby" is not held by "said M's father")."""
    clause = replace(denied, text=_CLAUSE_END_RE.split(denied.text[cue.end() :].lstrip(", "))[0])  # "bestritt, dass"
    words = content_words(clause) - generic_words(clause)
    named = _capitalised_names(clause)
    if not by_names and len(words - named) < DISPUTED_WORDS:
        return False
    words = (words - named) or words
    shared = len(words & content_words(stated))
    return bool(words) and shared >= SHARED_WORDS * len(words) and (by_names or shared >= DISPUTED_WORDS)


def _capitalised_names(claim: Claim) -> set[str]:
    """The claim's capitalised words, lower-cased: its names, where the language writes its nouns in lower case
    (none in German, whose "Rissen" and "Betreiber" are nouns)."""
    if (claim.language or "").split("-")[0].lower() in CAPITALISED_NOUN_LANGUAGES:
        return set()
    return {w.lower() for w in re.findall(r"[^\W\d_]{2,}", claim.text) if w[0].isupper()}


def denial_detail(denied: Claim, cue: str, denier: str = "one report", stater: str = "the other") -> str:
    """How a reported denial reads: "B reports a denial (Olga Petrenko \u201cdenied\u201d) of what A states"."""
    who = f"{denied.speaker} " if denied.speaker else ""
    return f"{denier} reports a denial ({who}\u201c{cue}\u201d) of what {stater} states"


def _cue_span(claim: Claim) -> dict[str, Any]:
    """The claim's reporting verb as evidence, or the whole claim when the verb is not in its text."""
    position = claim.text.find(claim.cue or "\0")
    return claim_span(claim, position, position + len(claim.cue or "")) if position >= 0 else claim_span(claim)


def claim_values(rule: str, claim: Claim, quantity: str | None = None) -> str:
    """What a claim says for a numbers or dates finding ("23", "at least 12", "2024-03-15"); empty when it
    says nothing. With ``quantity``, only its figures of that kind, or its dates of that granularity ("day")."""
    if rule == "numbers" and quantity is not None:
        return ", ".join(q.text for q in claim.quantities if of_kind(q, quantity))
    if rule == "dates" and quantity == "time":
        return ", ".join(t.text for t in clock_times(claim.text))
    if rule == "dates":
        return ", ".join(_as_written(claim, d) for d in _dates_of(claim, quantity))
    return _fmt(claim.numbers)


def _dates_of(claim: Claim, granularity: str | None) -> list[str]:
    return [d for d in claim.dates if granularity is None or _GRANULARITY.get(len(d)) == granularity]


def _as_written(claim: Claim, value: str) -> str:
    """A date with the words that gave it when they write no number: "2014 from “next year”" (a reader sees
    what was resolved, and from which words), else the value alone."""
    phrase = claim.date_phrases.get(value)
    return f"{value} from \u201c{phrase}\u201d" if phrase else value


def _value_key(rule: str, claim: Claim, quantity: str | None) -> Hashable:
    """What tells one value from another: a figure's value and range ("4 %" is "4 percent"), else its text."""
    if rule == "numbers" and quantity is not None:
        return tuple(figure_key(q) for q in claim.quantities if of_kind(q, quantity))
    if rule == "dates" and quantity == "time":
        return tuple((t.minutes, t.zone) for t in clock_times(claim.text))
    if rule == "dates":
        return tuple(_dates_of(claim, quantity))
    return claim_values(rule, claim, quantity)


def listed_values(rule: str, claims: list[Claim], outlet_of: dict[str, str], quantity: str | None = None) -> str:
    """Each distinct value the claims give, once, with every outlet giving it: "10 (A, C) vs 3 (B)"."""
    said: dict[Hashable, tuple[str, list[str]]] = {}
    for claim in claims:
        if value := claim_values(rule, claim, quantity):
            outlets = said.setdefault(_value_key(rule, claim, quantity), (value, []))[1]
            if outlet_of[claim.article] not in outlets:
                outlets.append(outlet_of[claim.article])
    return " vs ".join(f"{value} ({', '.join(outlets)})" for value, outlets in said.values())


def values_by_outlet(rule: str, claims: list[Claim], outlet_of: dict[str, str], quantity: str | None = None) -> Finding:
    """One numbers or dates finding giving every outlet's value, not only the first disagreeing pair;
    with ``quantity``, for that kind of figure or granularity of date only ("numbers disagree on killed:
    10 (A, C) vs 3 (B)", "dates disagree on the day: 2024-03-15 (A) vs 2024-03-16 (B)")."""
    topic = f"{rule} disagree" + (f" on the {quantity}" if rule == "dates" else f" on {quantity}") * bool(quantity)
    detail = f"{topic}: " + listed_values(rule, claims, outlet_of, quantity)
    if quantity is None or rule == "dates":
        spans = [claim_span(c) for c in claims if claim_values(rule, c, quantity)]
        return Finding(rule, detail, spans, quantities=[quantity] if quantity else [])
    spans = [quantity_span(c, q) for c in claims for q in c.quantities if of_kind(q, quantity)]
    return Finding(rule, detail, spans, quantities=[quantity])


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


for _detector in (NumberConflict(), DateConflict(), ClockTimeConflict(), EventTimeConflict(), NegationConflict(), DisputedStatement(), OpposedVerbConflict(), SpeakerConflict(), DenialConflict(), DenialReport()):
    register_detector(_detector)
