"""Which way a bare "Thursday" or "in March" points: the tense of the verb that governs it.

Without a parse the governing verb is taken to be the nearest tense cue in the
expression's own clause. Clauses are cut at punctuation and at words that open
one ("that", "which", "before", "que"); a clause opened by such a word after
the expression (a relative or reported clause) never decides for it: in
"searched the house Monday evening, in a street that would later be closed"
the "would" belongs to the street. English cues are whole verb groups ("will
be voted", "to be held", "has been released", "before it is reported"), so
the participle inside a future group is not read as a past tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.enrich import times_calendar as cal
from storyline.enrich.times_lexicon import CLAUSE_WORDS, TENSE_CUES

_ADVERBS = r"(?:\s+(?:not|n't|also|still|then|now|soon|later|first|again|just|only|never|ever|yet|\w+ly))*"
_AUXILIARIES = r"(?:\s+(?:be|been|being|have|get))*"
#: The main verb after an auxiliary: any lower-case word but a preposition or determiner.
_MAIN_VERB = r"(?:\s+(?!(?:on|in|at|by|for|from|to|the|a|an|this|that|next|last|early|late)\b)[a-z]+)?"
_GROUP_TAIL = _ADVERBS + _AUXILIARIES + _ADVERBS + _MAIN_VERB

_EN_FUTURE = (
    r"(?:will|shall|would|won't|wo\s+n't|'ll"
    # Modals of possibility and duty look ahead ("may meet again on Wednesday"), unless "have" makes them
    # look back ("may have died on Friday"); "could" is also the past of "can", so it is no cue. A capital
    # "May" is the month ("ran from May to June"). Group "possibility": see ``governing_direction``.
    r"|(?:(?P<possibility>(?-i:may)|might|should)|must)(?!(?:\s+(?:not|n't|also|still|well|\w+ly))*\s+have\b)"
    r"|(?:(?:is|are|am|was|were|be|been)\s+)?(?:going|about|set|due|scheduled|slated|poised|expected|likely|supposed)\s+to"
    r"|(?:is|are|am|be)\s+(?:expected|scheduled|planned|due|set|slated)"  # "the closing, which is expected in May"
    r"|is\s+to|are\s+to|(?:plans?|planned|intends?|expects?|hopes?|aims?)\s+to"
    r"|to\s+be(?=\s+\w+(?:ed|en)\b)"  # a passive infinitive: "measures to be voted on Thursday"
    # The present tense in a clause of time or condition speaks of the future: "before it is reported in March".
    r"|(?:before|until|till|once|when|unless|if|after)\s+(?:\w+\s+){0,3}?(?:is|are|am|has|have)(?!\s+to\b)"
    r")" + _GROUP_TAIL + r"|scheduled|poised|anticipates?|planned|upcoming|next|coming"
)
_IRREGULAR_PAST = (
    r"began|became|broke|brought|built|bought|came|caught|chose|drew|drove|fell|felt|fled|flew|fought|found|forgot|"
    r"gave|got|grew|heard|held|hid|hung|kept|knew|laid|led|left|lost|made|meant|met|paid|ran|rang|rode|rose|sang|sank|"
    r"sat|saw|shook|shot|sold|sought|sent|spent|spoke|stood|stole|struck|swore|taught|thought|threw|told|took|tore|"
    r"understood|went|withdrew|woke|won|wore|wrote"
)
#: Words in -ed that are not past tenses: a few nouns and adjectives, and "un-" adjectives ("unspecified").
_NOT_PAST = r"(?!(?:hundred|kindred|sacred|naked|wicked|united|limited|beloved|bed|red|shed|fed|un[a-z]+)\b)"
#: A participle after a determiner is an adjective ("the increased dividend", "a still unnamed buyer"), and after
#: "is"/"are" a present passive ("are banned"): matched as a group of its own so that its "-ed" is no past tense.
_ADJECTIVE = (
    r"(?P<adjective>(?:a|an|the|its|his|her|their|our|this|that|these|those|is|are|am)(?:\s+\w+ly|\s+still)?\s+"
    r"(?!(?:planned|scheduled|expected|anticipated|slated|supposed|poised)\b)[a-z]+ed)"
)
#: Past cues that do not date what follows them (group "loose"): a reporting verb ("said it is calling for
#: redemption on Dec. 7") and the present perfect ("has extended the loans through January").
_EN_PAST = (
    r"(?P<loose>(?:has|have)(?!\s+to\b)"
    + _GROUP_TAIL
    + r"|said|says|told)|had(?!\s+to\b)"
    + _GROUP_TAIL
    + r"|(?:was|were)"
    + _GROUP_TAIL
    + r"|did|ago|last|agreed|(?P<weak>"
    + _NOT_PAST
    + r"[a-z]{2,}[a-df-z]ed)|"
    + _IRREGULAR_PAST
)
ENGLISH_TENSE_CUES = re.compile(
    r"\b(?:" + _ADJECTIVE + r"|(?P<future>" + _EN_FUTURE + r")|" + _EN_PAST + r")\b", re.IGNORECASE
)

#: A comma inside a number ("481,000 shares") is no break.
_PUNCTUATION_BREAK = r"(?<!\d),|,(?!\d)|[;:()\[\]\u2014\u2013\"\u201c\u201d]|\s-{1,2}\s"
_CLAUSE_ENDS = {",", ";", "\u2014", "\u2013", "-", "--"}
#: What may stand between "and" and a time expression it joins to another ("Thursday and on Friday").
_JOINED = re.compile(r"\s*(?:\w{1,3}\s+)?")


@lru_cache(maxsize=32)
def clause_breaks(language: str) -> re.Pattern[str]:
    """Where clauses start: punctuation, the language's subordinating words (group "word": the clause they
    open depends on another verb) and its coordinating ones (group "join": "and", "but")."""
    subordinators, coordinators = CLAUSE_WORDS.get(language, ("", ""))
    opening = r"|\b(?P<word>" + subordinators + r")\b" if subordinators else ""
    joining = r"|\b(?P<join>" + coordinators + r")\b" if coordinators else ""
    return re.compile(r"(?:" + _PUNCTUATION_BREAK + ")" + opening + joining, re.IGNORECASE)


@lru_cache(maxsize=32)
def tense_cues(language: str) -> re.Pattern[str]:
    """The language's tense cues, with a "future" group (English for languages without a list)."""
    cues = TENSE_CUES.get(language)
    if cues is None:
        return ENGLISH_TENSE_CUES
    return re.compile(r"\b(?:(?P<future>" + cues[0] + r")|" + cues[1] + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class Clauses:
    """The clause breaks of one sentence: (start, end, kind), kind "word", "join" or None (punctuation)."""

    text: str
    breaks: list[tuple[int, int, str | None]]
    left: int
    right: int

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause holding the span ``start:end``; an "and" joining it to a neighbour
        ("on Thursday and Friday") does not cut it off from its verb."""
        lefts = [at for at, stop, kind in self.breaks if at <= start and not self._joins(stop, start, kind)]
        rights = [at for at, _, _ in self.breaks if at >= end]
        return max(lefts, default=self.left), min(rights, default=self.right)

    def _joins(self, gap_start: int, gap_end: int, kind: str | None) -> bool:
        return kind == "join" and bool(_JOINED.fullmatch(self.text, gap_start, gap_end))

    def subordinate_after(self, position: int, own_right: int) -> bool:
        """Whether ``position`` is in a dependent clause ("that ...", "which ...") opened after the own clause;
        such a clause runs on across brackets and quotes, up to a comma, semicolon or dash."""
        inside = False
        for at, end, kind in self.breaks:
            if at > position:
                break
            if kind == "word" and at >= own_right:
                inside = True
            elif kind is None and self.text[at:end].strip() in _CLAUSE_ENDS:
                inside = False
        return inside


def split_clauses(text: str, left: int, right: int, breaks: re.Pattern[str] | None) -> Clauses:
    """The clauses of ``text[left:right]`` (one clause when the language has no break pattern)."""
    if breaks is None:
        return Clauses(text, [], left, right)
    found = [(m.start(), m.end(), m.lastgroup) for m in breaks.finditer(text, left, right)]
    return Clauses(text, found, left, right)


def governing_direction(
    text: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    cues: re.Pattern[str],
    breaks: re.Pattern[str] | None,
    own_clause: bool = False,
) -> int:
    """PAST or FUTURE from the verb that governs the span, NEAREST when none is found (with ``own_clause``,
    when none is in the span's own clause but a "loose" one: a verb elsewhere is too weak a cue to rule a side out).

    A possibility modal after the span ("Sales in January may rise", "... should rise": an expectation) is no cue:
    the span is inside its subject.
    In the span's own clause: the nearer of the best cue on its left (a verb group before a bare "-ed"
    word: "are expected to open little changed on Thursday") and the nearest verb group on its right; a
    bare "-ed" word on the right ("Thursday following muted trends") only when there is nothing else.
    Else the nearest cue outside the clause that is not in a dependent clause after it.
    """
    clauses = split_clauses(text, *sentence, breaks)
    own_left, own_right = clauses.around(start, end)
    best: dict[str, tuple[bool, int, int]] = {}  # place -> (weak, distance, direction)
    for match in cues.finditer(text, *sentence):
        found = match.groupdict()
        if start <= match.start() < end or found.get("adjective") or (own_clause and found.get("loose")):
            continue
        if found.get("possibility") and match.start() >= end:
            continue  # "Sales in January may (should) rise": how sure the claim is, not when January is
        own = own_left <= match.start() < own_right
        if not own and clauses.subordinate_after(match.start(), own_right):
            continue
        before = match.end() <= start
        weak = own and bool(found.get("weak"))
        place = "outside" if not own else "left" if before else "right-weak" if weak else "right"
        distance = start - match.end() if before else match.start() - end
        key = (weak, abs(distance), cal.FUTURE if found.get("future") else cal.PAST)
        if place not in best or key[:2] < best[place][:2]:
            best[place] = key
    nearest = [best[place] for place in ("left", "right") if place in best]
    if nearest:
        return min(nearest, key=lambda key: key[1])[2]
    fallback = None if own_clause else best.get("right-weak") or best.get("outside")
    return fallback[2] if fallback else cal.NEAREST
