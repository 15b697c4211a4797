"""Conflict detection between two claims, behind a pluggable interface.

Offline there is no NLI model, so the built-in detectors are rules on top of
the embeddings: numbers or dates that disagree, negation, opposed verbs, a
claim attributed to different speakers. A user with a local NLI model adds a
detector with :func:`register_detector`; every registered detector runs.

Two scopes: ``"aligned"`` detectors judge claims already aligned as saying the
same thing; ``"topic"`` detectors judge any two claims about the same topic
(also within one article), e.g. "denies the allegations" vs "admitted it".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from storyline.compare.align import dates_agree, numbers_agree
from storyline.compare.lexicon import NEGATION_RE, is_denial, opposition
from storyline.enrich.entities import same_person_name
from storyline.model import Claim

#: Aligned claims this similar report one fact, so different numbers or dates for it contradict.
FACT_SIMILARITY = 0.7
#: Aligned claims this similar describe the same fact, so a negation flip is a contradiction.
NEGATION_SIMILARITY = 0.85
#: Aligned claims this similar carry one statement, so its speakers must agree.
SPEAKER_SIMILARITY = 0.75
#: Two claims about one topic: the floor for topic-scope detectors (with a shared actor).
TOPIC_SIMILARITY = 0.4
#: Claims of two articles, each the other's closest in its article, this similar tell one fact even
#: unaligned: "Only 120 passengers were rescued" / "Rescue crews pulled 140 survivors" (0.56).
COUNTERPART_SIMILARITY = 0.45


@dataclass
class Finding:
    """Why two claims contradict: the rule, a readable detail, and the spans that show it."""

    rule: str
    detail: str
    spans: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "detail": self.detail, "spans": self.spans}


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


#: Two reports of one figure differ by less than this factor; further apart they count different things
#: ("for 1.5 to 2 years" / a stray "19" in a MEANTIME translation: 9.5, a false conflict at ten).
COMPARABLE_FACTOR = 5.0


def _comparable(a: list[float], b: list[float]) -> bool:
    """Some number of each side is within :data:`COMPARABLE_FACTOR` of the other: plausibly one quantity."""
    return any(1 / COMPARABLE_FACTOR <= x / y <= COMPARABLE_FACTOR for x in a for y in b if x and y)


@dataclass
class NumberConflict:
    """Aligned claims giving different numbers for what looks like one quantity ("12 died" / "15 died")."""

    name: str = "numbers"
    scope: str = "aligned"
    floor: float = FACT_SIMILARITY

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < self.floor or not _comparable(a.numbers, b.numbers):
            return None
        if not numbers_agree(a.numbers, b.numbers):
            detail = f"numbers disagree: {_fmt(a.numbers)} vs {_fmt(b.numbers)}"
            return Finding("numbers", detail, [claim_span(a), claim_span(b)])
        return None


@dataclass
class DateConflict:
    """Aligned claims whose dates are incompatible."""

    name: str = "dates"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity >= FACT_SIMILARITY and a.dates and b.dates and not dates_agree(a.dates, b.dates):
            detail = f"dates disagree: {', '.join(a.dates)} vs {', '.join(b.dates)}"
            return Finding("dates", detail, [claim_span(a), claim_span(b)])
        return None


@dataclass
class NegationConflict:
    """Near-identical claims of one language where one is negated and the other is not."""

    name: str = "negation"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < NEGATION_SIMILARITY or a.negated == b.negated:
            return None
        if a.language and b.language and a.language != b.language:
            return None  # "non-binding" is "no vinculante": languages negate in different places
        negated = a if a.negated else b
        other = b if a.negated else a
        cue = NEGATION_RE.search(negated.text)
        detail = f"negated in one report only ({cue.group(0) if cue else 'negation'})"
        return Finding("negation", detail, [_match_span(negated, cue), claim_span(other)])


def subject_of(claim: Claim, position: int) -> str | None:
    """Who does what the word at ``position`` (claim-relative) says: the last actor named before it.

    A parser-free approximation of the verb's subject; it also follows "Tehran, which denies".
    """
    before = [str(name).lower() for s, _, name in claim.actors if s - claim.start < position]
    return before[-1] if before else None


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
        actor = subject_of(a, cue_a.start())
        if actor is None or actor != subject_of(b, cue_b.start()):
            return None  # "Ford's sales rose" and "Toyota's sales fell" do not contradict
        detail = f"opposed verbs ({meaning}): \u201c{cue_a.group(0)}\u201d vs \u201c{cue_b.group(0)}\u201d"
        return Finding("opposed-verbs", detail, [_match_span(a, cue_a), _match_span(b, cue_b)])


@dataclass
class SpeakerConflict:
    """The same statement attributed to different people."""

    name: str = "speakers"
    scope: str = "aligned"

    def detect(self, a: Claim, b: Claim, similarity: float) -> Finding | None:
        if similarity < SPEAKER_SIMILARITY or not (a.speaker and b.speaker) or same_person_name(a.speaker, b.speaker):
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
        if is_denial(a.cue) == is_denial(b.cue) or a.negated or b.negated:
            return None
        if not (a.speaker and b.speaker and same_person_name(a.speaker, b.speaker)):
            return None
        denied, stated = (a, b) if is_denial(a.cue) else (b, a)
        detail = f"{stated.speaker} \u201c{stated.cue}\u201d in one report, \u201c{denied.cue}\u201d in the other"
        return Finding("denial", detail, [_cue_span(denied), _cue_span(stated)])


def _cue_span(claim: Claim) -> dict[str, Any]:
    """The claim's reporting verb as evidence, or the whole claim when the verb is not in its text."""
    position = claim.text.find(claim.cue or "\0")
    return claim_span(claim, position, position + len(claim.cue or "")) if position >= 0 else claim_span(claim)


def claim_values(rule: str, claim: Claim) -> str:
    """What a claim says for a numbers or dates finding ("23", "2024-03-15"); empty when it says nothing."""
    return _fmt(claim.numbers) if rule == "numbers" else ", ".join(claim.dates)


def values_by_outlet(rule: str, claims: list[Claim], outlet_of: dict[str, str]) -> Finding:
    """One numbers or dates finding giving every outlet's value, not only the first disagreeing pair."""
    said: dict[str, list[str]] = {}
    for claim in claims:
        if value := claim_values(rule, claim):
            outlets = said.setdefault(value, [])
            if outlet_of[claim.article] not in outlets:
                outlets.append(outlet_of[claim.article])
    detail = f"{rule} disagree: " + " vs ".join(f"{value} ({', '.join(outlets)})" for value, outlets in said.items())
    return Finding(rule, detail, [claim_span(c) for c in claims if claim_values(rule, c)])


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:g}" for v in values)


for _detector in (NumberConflict(), DateConflict(), NegationConflict(), OpposedVerbConflict(), SpeakerConflict(), DenialConflict()):
    register_detector(_detector)
