"""A learned cue scorer for English: is this word the cue of an attribution ("N *hinted* that ...")?

The hand lists (:mod:`storyline.enrich.cues`) enumerate cue lemmas; annotated news shows a long tail
of rare cues ("N *weighed in* on", "N *took aim* at") that no list can hold. This logistic regression
scores every verb, noun and adjective outside quotation marks from its parse: lemma, part of speech,
dependency, its complements ("that"-clause, infinitive, object, "about"/"on" phrase), who its subject
is (a person, an organisation, a pronoun, a title), passive voice, quotation marks nearby, and
whether the lemma is in the hand lists - so frames generalise to lemmas never seen in training.

Trained on PolNeAR train labels (a token inside an annotated Cue span) by
``benchmarks/quote_fit.py``; ``quote_model.json`` holds feature names and weights only, no text.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from storyline.enrich.cues import (
    EVIDENTIAL_VERBS,
    PERSON_PRONOUNS,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_VERBS,
    TITLES,
)

MODEL_PATH = Path(__file__).with_name("quote_model.json")
#: Parts of speech a cue can have (PolNeAR cues are verbs, nouns of speech and stance adjectives).
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_PEOPLE = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Dependents whose presence marks a frame (a clause, an infinitive, an object, a phrase, a colon).
_FRAME_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "prep", "agent", "nsubjpass", "auxpass", "attr", "acomp", "oprd", "advcl",
     "npadvmod", "poss", "amod", "compound", "neg", "prt", "parataxis"}
)  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
_LISTS = {
    "reporting": REPORTING_VERBS["en"],
    "stance": STANCE_VERBS["en"],
    "evidential": EVIDENTIAL_VERBS["en"],
    "noun": STANCE_NOUNS["en"],
    "adjective": STANCE_ADJECTIVES["en"],
}


def is_candidate(token: Token) -> bool:
    """Whether ``token`` can be a cue at all (scored by the model)."""
    return token.pos_ in CANDIDATE_POS and token.is_alpha


def marks_from(marks: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The quotations that open in ``[start, end)``; ``marks`` sorted and apart, as ``quoted_spans`` gives them.

    A bisection, not a scan: cues and contents look up their sentence's quotations, and a long article
    holds thousands of both.
    """
    return marks[bisect_left(marks, (start,)) : bisect_left(marks, (end,))]


def cue_features(token: Token, marks: list[tuple[int, int]]) -> list[str]:
    """Named binary features of a candidate cue; ``marks`` are the quotation spans of its text."""
    pos, lemma = token.pos_, token.lemma_.lower()
    features = [f"pos={pos}", f"dep={token.dep_}", f"pos_dep={pos}_{token.dep_}", f"lemma={pos}_{lemma}"]
    features += [f"list={name}" for name, words in _LISTS.items() if lemma in words]
    features += [f"head={token.head.pos_}_{token.dep_}", f"tag={token.tag_}"]
    children = list(token.children)
    deps = {c.dep_ for c in children if c.dep_ in _FRAME_DEPS}
    features += [f"child={dep}" for dep in deps]
    features += [f"child={dep}_{lemma}" for dep in deps & {"ccomp", "xcomp", "prep", "dobj"}]
    features += [f"prep={c.lower_}" for c in children if c.dep_ == "prep"]
    features += _complement_features(children)
    features.append(f"subj={_subject_kind(token)}")
    features += _sentence_features(token, marks)
    return features


def _complement_features(children: list[Token]) -> list[str]:
    """A "that"-clause, an infinitive ("to run"), a "whether/if" clause, a colon after the word."""
    found = []
    for child in children:
        if child.dep_ == "ccomp":
            marker = next((m.lower_ for m in child.children if m.dep_ == "mark"), "none")
            found.append(f"ccomp_mark={marker}")
        elif child.dep_ == "xcomp" and any(a.lower_ == "to" for a in child.children if a.dep_ == "aux"):
            found.append("to_infinitive")
        elif child.dep_ == "acl" and child.pos_ == "VERB":
            found.append("acl_clause")  # "the claim that ...", "her decision to ..."
        elif child.text == ":":
            found.append("colon")
    return found


def _subject_kind(token: Token) -> str:
    """Who the subject (or possessor) is: an entity type, a pronoun, a title noun, another word, none."""
    subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None and token.dep_ in {"conj", "xcomp", "advcl"}:
        subject = next((c for c in token.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return "none"
    if subject.ent_type_ in _PEOPLE:
        return subject.ent_type_
    if subject.lower_ in PERSON_PRONOUNS["en"]:
        return "person_pronoun"
    if subject.pos_ == "PRON":
        return "pronoun"
    return "title" if subject.lower_ in TITLES else "other"


def _sentence_features(token: Token, marks: list[tuple[int, int]]) -> list[str]:
    """Quotation marks in the sentence (before or after the word), and where in the sentence it is."""
    sentence = token.sent
    inside = marks_from(marks, sentence.start_char, sentence.end_char)
    found = []
    if any(m[1] <= token.idx for m in inside):
        found.append("quote_before")
    if any(m[0] > token.idx for m in inside):
        found.append("quote_after")
    position = (token.i - sentence.start) / max(1, len(sentence) - 1)
    found.append(f"position={min(int(position * 4), 3)}")
    if token.i + 1 < sentence.end and token.nbor().text in {",", "."} and token.i > sentence.start:
        found.append("before_punct")  # "..., he said." / "..., she added,"
    return found


def quote_features(
    content: Span, cue: Token | None, cue_probability: float, kind: str, speaker: str, marks: list[tuple[int, int]]
) -> list[str]:
    """Named features of a predicted quote, for the keep/drop filter: its kind, its cue (with the cue
    model's features and probability), its length and shape, and how its speaker was found."""
    length = min(sum(t.is_alpha for t in content).bit_length(), 7)
    first = content[0].lower_ if content[0].is_stop else content[0].pos_
    features = [f"kind={kind}", f"words={length}", f"kind_words={kind}_{length}", f"first={first}"]
    features += [
        f"speaker={speaker}",
        f"kind_speaker={kind}_{speaker}",
        f"sentences={min(len(list(content.sents)), 3)}",
    ]
    features += [f"cue_p={min(int(cue_probability * 10), 9)}", f"kind_cue_p={kind}_{min(int(cue_probability * 5), 4)}"]
    if cue is None:
        return features + ["cue=none"]
    where = "before" if content.end <= cue.i else "after" if content.start > cue.i else "around"
    features += [f"cue_side={where}", f"kind_cue={kind}_{cue.lemma_.lower()}", f"kind_dep={kind}_{cue.dep_}"]
    return features + ["cue:" + f for f in cue_features(cue, marks)] if is_candidate(cue) else features


@dataclass
class Logistic:
    """A logistic regression over named binary features."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(z, -30.0)))


@dataclass
class QuoteModel:
    """The cue scorer, the filter of predicted quotes, and the thresholds they are used at."""

    cue: Logistic = field(default_factory=Logistic)
    keep: Logistic = field(default_factory=Logistic)
    #: Least cue probability for a word no list names to become a cue (recall).
    add_threshold: float = 1.0
    #: Below this probability a predicted quote is dropped (precision).
    keep_threshold: float = 0.0

    def cue_probability(self, token: Token, marks: list[tuple[int, int]]) -> float:
        """Probability that ``token`` is a cue (0 for a word that cannot be one)."""
        return self.cue.probability(cue_features(token, marks)) if is_candidate(token) else 0.0

    def keeps(self, features: list[str]) -> bool:
        """Whether the filter keeps a quote with these :func:`quote_features`."""
        return self.keep.probability(features) >= self.keep_threshold

    def to_json(self) -> dict:
        return {
            "add_threshold": self.add_threshold, "keep_threshold": self.keep_threshold,
            **{name: {"bias": part.bias, "weights": dict(sorted(part.weights.items()))}
               for name, part in (("cue", self.cue), ("keep", self.keep))},
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> QuoteModel:
        cue, keep = (Logistic(data[name]["weights"], data[name]["bias"]) for name in ("cue", "keep"))
        return cls(cue, keep, data["add_threshold"], data["keep_threshold"])


#: The rules alone: adds no cue and drops no quote.
NO_MODEL = QuoteModel()


@cache
def default_quote_model() -> QuoteModel:
    """The shipped model (``quote_model.json``), loaded once per process."""
    return QuoteModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
