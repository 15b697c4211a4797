"""Speakers: :class:`SpeakerResolver` maps the source written next to a cue to a named speaker.

Through the entities' mentions, pronouns ("he", antecedents up to two sentences back) and role nouns
("the spokesman", "Judge N"). Apart from :mod:`storyline.enrich.quotes` so that the parser-free rules of
:mod:`storyline.enrich.quotes_wordorder` use it too without an import cycle.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import GROUP_PRONOUNS, PERSON_PRONOUNS, STANCE_NOUNS, TITLES, is_role_word, role_key
from storyline.enrich.quotes_base import UNATTRIBUTED, doc_text
from storyline.model import Entity


def speaker_names(entities: list[Entity]) -> list[tuple[int, int]]:
    """Sorted (start, end) of the mentions that may name a speaker: people, organisations, untyped names."""
    return sorted((s, e) for entity in entities if entity.type in {"PERSON", "MISC", "ORG"} for s, e in entity.mentions)


def _name_after_titles(source: Span) -> str | None:
    """The capitalised name after a source's last title word, for a name the recogniser missed:
    "Mayor Ines Vidal" -> "Ines Vidal", "Deputy Foreign Minister Olga Petrenko" -> "Olga Petrenko"."""
    titles = [t.i for t in source if t.lower_ in TITLES]
    if not titles:
        return None
    name = [t for t in source if t.i > titles[-1] and not t.is_space]
    if not name or not all(t.text[:1].isupper() and t.is_alpha for t in name):
        return None
    return source.doc[name[0].i : name[-1].i + 1].text


#: Links by which a name inside a source is the source itself: "spokesman N", "his lawyer, N" (English, UD).
_NAMING_DEPS = frozenset({"appos", "compound", "flat", "flat:name", "nmod:appos"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
#: Head nouns of a source that are what someone said or wrote, so a name qualifying them is the speaker:
#: "testimony from N", "N's statement" (English; other languages' sources keep the name inside them).
_SAID_BY_NOUNS = STANCE_NOUNS["en"] | {
    "testimony", "report", "letter", "interview", "tweet", "post", "words", "account", "data", "figures",
    "estimate", "documents", "filing", "records",
}  # fmt: skip
_NEUTER_PRONOUNS = frozenset({"it", "оно"})
#: Articles that make a role noun point back to someone named before ("the judge", "la ministre").
_DEFINITE = frozenset({"the", "le", "la", "l'"})
#: Articles that introduce someone new and unnamed: "a supplier from Port Elwyn", "un proveedor de X".
INDEFINITE_ARTICLES = frozenset({"a", "an", "un", "una", "une", "uno", "um", "uma", "ein", "eine", "een"})
#: Parts of speech (and English determiner tags, which spaCy may call pronouns) that, as a source's head,
#: name no one: "Few in Ruritania said", "Each said", "This suggests".
_NO_ONE_HEADS = frozenset({"DET", "ADJ", "NUM"})
_DETERMINER_TAGS = frozenset({"DT", "PDT"})
#: Sentences searched back for a pronoun's antecedent (its own and two before) before the nearest name is taken.
ANTECEDENT_SENTENCES = 3
#: Characters around a person's mention searched for the role word of "the judge" ("Judge N", "N, the judge").
ROLE_CONTEXT_CHARS = 30
#: A role word right before a name, or before "of X," and the name: "premier N", "prof. N", "ministro de Defensa, N".
ROLE_BEFORE_NAME = re.compile(r"(?P<role>\w+)\.?(?:\s+\w+\s+\w+,)?[\s,]*$")


def _unrecognised_name(head: Token) -> str | None:
    """A source headed by a proper noun no entity covers is a name the recogniser missed, and it speaks
    even when its apposition names an organisation ("Ruth Adler, the top member of the Audit Committee")."""
    if head.pos_ != "PROPN" or head.ent_type_ not in {"", "PERSON"} or head.text.isupper():
        return None
    start = head.i
    while start > 0 and _is_name_part(head.doc[start - 1], head):
        start -= 1
    return head.doc[start : head.i + 1].text


def _is_name_part(token: Token, head: Token) -> bool:
    """A capitalised word before ``head`` that belongs to its name, not a title ("Mayor", "Mr.")."""
    within = token.i < token.head.i <= head.i
    return within and token.dep_ in _NAMING_DEPS and token.pos_ == "PROPN" and token.lower_.rstrip(".") not in TITLES


def _names_no_one(head: Token) -> bool:
    """A quantifier or determiner alone ("Few in Ruritania", "Each"), or a first-person pronoun, whose
    author the article does not name ("I replied" in a quoted letter)."""
    first_person = head.pos_ == "PRON" and head.morph.get("Person") == ["1"]
    return head.pos_ in _NO_ONE_HEADS or head.tag_ in _DETERMINER_TAGS or first_person


def _unless_tag(source: Span) -> str:
    """The source as written, unless it is a one-word tag in capitals ("NEW", "UPDATE") no one answers to."""
    tag = len(source) == 1 and source.text.isupper() and len(source.text) > 1
    return UNATTRIBUTED if tag else source.text


class SpeakerResolver:
    """Maps a source span to a named speaker, through pronouns and role nouns."""

    def __init__(
        self, doc: Doc, entities: list[Entity], language: str, marks: list[tuple[int, int]], sources: Sequence[Span] = ()
    ) -> None:
        """``sources``: the sources of the article's reported speech, earlier speakers a pronoun may stand for."""
        self._doc = doc
        self._sources = {source.root.i: source for source in sources}
        self._source_tokens = {token.i for source in sources for token in source}
        self._marks = marks
        self._mentions = sorted((s, e, entity) for entity in entities for s, e in entity.mentions)
        self._starts = [s for s, _, _ in self._mentions]
        self._longest = max((e - s for s, e, _ in self._mentions), default=0)
        self.names = speaker_names(entities)
        self._person_pronouns = PERSON_PRONOUNS.get(language, frozenset())
        self._group_pronouns = GROUP_PRONOUNS.get(language, frozenset())

    def resolve(self, source: Span, content: tuple[int, int] | None = None) -> str:
        """The speaker ``source`` names; ``content``: where the quote's words are (:meth:`_antecedent`)."""
        head = source.root
        # Mentions are sorted by start; none is longer than the longest, so the search starts that far back.
        first = bisect_left(self._starts, source.start_char - self._longest)
        last = bisect_left(self._starts, source.end_char)
        inside = [m for m in self._mentions[first:last] if source.start_char < m[1]]
        at_head = [m for m in inside if m[0] <= head.idx < m[1]]
        if at_head:
            return at_head[0][2].name
        if source[0].lower_ in INDEFINITE_ARTICLES:
            return source.text  # someone new and unnamed, not the name qualifying them
        people = [m for m in inside if m[2].type == "PERSON"]
        if named := [m for m in people if self._names_head(m, head)]:
            return named[-1][2].name
        role = head.pos_ == "NOUN" and head.lemma_.lower() not in _SAID_BY_NOUNS  # "testimony from N" is N's
        if people:
            # "A friend of N", "N's lawyer": someone close to N, not N (unless named next: "N's lawyer, M").
            return (self._person_after(source) or source.text) if role else people[-1][2].name
        if head.lower_ in TITLES and (named := self._person_after(source)) is not None:
            return named  # "the spokeswoman of the council, Claire Dubois," parsed without its apposition
        if (name := _unrecognised_name(head)) is not None:
            return name
        if role and is_role_word(head.lemma_):
            return self._role_holder(head, source)
        if inside:
            # "Port Elwyn police officers said": a place qualifies the speakers; an organisation speaks through them.
            return source.text if role and all(m[2].type == "PLACE" for m in inside) else inside[-1][2].name
        lowered = head.lower_.lstrip("-")  # French inversion: "explique-t-elle"
        if lowered in self._person_pronouns:
            return self._antecedent(source.start_char, {"PERSON"}, content) or source.text
        if lowered in TITLES and source[0].lower_ in _DEFINITE:
            return self._person_titled(lowered, source.start_char) or source.text
        if lowered in self._group_pronouns:
            types = {"ORG"} if lowered in _NEUTER_PRONOUNS else {"ORG", "PERSON"}  # "it" is never a person
            return self._antecedent(source.start_char, types, content) or source.text
        if _names_no_one(head):
            return UNATTRIBUTED
        return self._person_by_surname(source.text) or _name_after_titles(source) or _unless_tag(source)

    def _role_holder(self, head: Token, source: Span) -> str:
        """A role noun speaks as a person, never as the organisation in its modifiers ("the former FBI
        director" is not the FBI): the one person written with that role before, else the role as written."""
        if source[0].lower_ in _DEFINITE and "Plur" not in head.morph.get("Number"):
            return self._person_titled(head.lemma_.lower(), source.start_char) or source.text
        return source.text

    def _names_head(self, mention: tuple[int, int, Entity], head: Token) -> bool:
        """Whether a person named inside a source is the source ("spokesman N", "his lawyer, N") rather
        than qualifies it ("a friend of N", "N's mother"): linked to its head by apposition or compound only."""
        token = self._doc.char_span(mention[0], mention[1], alignment_mode="expand").root
        while token.i != head.i:
            if token.dep_ not in _NAMING_DEPS or token.head.i == token.i:
                return False
            token = token.head
        return True

    def quoted(self, position: int) -> bool:
        index = bisect_right(self._marks, (position, len(self._doc.text) + 1)) - 1
        return index >= 0 and self._marks[index][0] <= position < self._marks[index][1]

    def _antecedent(self, position: int, types: set[str], content: tuple[int, int] | None = None) -> str | None:
        """Who a pronoun speaker is: the nearest subject in its sentence or the two before (a main clause's
        subject first), else the nearest name; never a name inside someone's quotation. For a person
        pronoun, earlier speakers no entity covers count too (:meth:`_earlier_speakers`): "the Navy
        spokesman said ... he said" is the spokesman's, not the last name before.

        The sentences are counted back from the start of the quote's ``content`` (in "“A. B. C,” he said"
        those before "he" are the quote's own), and a name in it is not its speaker ("N was escorted to
        safety, he added": N is what he says, not who), unless another cue credits it (a content that runs
        over another quote's cue)."""
        window = self._window_start(min(position, content[0]) if content else position)
        nearest, subjects = None, []
        for s, e, entity in reversed(self._mentions[: bisect_right(self._starts, position)]):
            if e > position or entity.type not in types or self.quoted(s) or self._said_in(s, content):
                continue
            nearest = nearest or entity.name
            token = self._doc.char_span(s, e, alignment_mode="expand").root
            if token.i < window:
                break
            if token.dep_ in _SUBJECT_DEPS:
                subjects.append((s, token.head.dep_ != "ROOT", entity.name))
        if types == {"PERSON"}:
            subjects += self._earlier_speakers(window, position)
        if not subjects:
            return nearest
        nearest_first = sorted(subjects, key=lambda found: -found[0])
        return min(nearest_first, key=lambda found: found[1])[2]

    def _window_start(self, position: int) -> int:
        """The first token of the sentence at ``position`` and the two before it (:data:`ANTECEDENT_SENTENCES`)."""
        sentence = self._doc.char_span(position, position + 1, alignment_mode="expand")
        window = sentence.sent.start if sentence is not None else 0
        for _ in range(ANTECEDENT_SENTENCES - 1):
            if window > 0:
                window = self._doc[window - 1].sent.start
        return window

    def _earlier_speakers(self, window: int, position: int) -> list[tuple[int, bool, str]]:
        """Sources of reported speech from token ``window`` up to ``position`` that no entity covers but that
        name one person by role: the previous speaker ("the Navy spokesman said ... he said", resolved as a
        source). Not a pronoun (the one before it may be someone else), nor a thing ("the statement said").
        As (start, in a subordinate clause, its speaker)."""
        found = []
        for head, source in self._sources.items():
            token = self._doc[head]
            if not (window <= head and token.idx < position) or self.quoted(token.idx) or self._named_at(token.idx):
                continue
            if token.pos_ == "NOUN" and is_role_word(token.lemma_) and "Plur" not in token.morph.get("Number"):
                found.append((token.idx, token.head.dep_ != "ROOT", self.resolve(source)))
        return found

    def _said_in(self, position: int, content: tuple[int, int] | None) -> bool:
        """Whether ``position`` is inside ``content`` and no source of reported speech."""
        inside_content = content is not None and content[0] <= position < content[1]
        return inside_content and self._doc.char_span(position, position + 1, alignment_mode="expand")[0].i not in self._source_tokens

    def _named_at(self, position: int) -> bool:
        """Whether an entity mention covers ``position``."""
        first = bisect_left(self._starts, position - self._longest)
        return any(s <= position < e for s, e, _ in self._mentions[first : bisect_right(self._starts, position)])

    def _person_titled(self, role: str, position: int) -> str | None:
        """"the judge" names the person called judge before it ("Judge N", "U.S. President N", "N, the judge"),
        nearest first; not merely the last person named (often the defendant), nor a person merely near the
        title ("President N and Kim": Kim is no president)."""
        text = doc_text(self._doc)
        # The role in any case, the words between it and the name capitalised ("President Donald Trump").
        before = re.compile(rf"\b(?i:{re.escape(role)})\.?(?:\s+[A-Z][\w.'-]*)*\s*$")
        after = re.compile(rf"^,?\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.'-]+\s+){{0,3}}?{re.escape(role)}\b", re.IGNORECASE)
        for s, e, entity in reversed(self._mentions[: bisect_right(self._starts, position)]):
            if e > position or entity.type != "PERSON":
                continue
            if before.search(text[max(0, s - ROLE_CONTEXT_CHARS) : s]) or after.match(text[e : min(position, e + ROLE_CONTEXT_CHARS)]):
                return entity.name
        return None

    def named_with_role(self, source: Span | None) -> str | None:
        """Without a parse: "der Kanzler", "el ministro" name the person written with that role before
        ("Bundeskanzlerin Angela Merkel", "El ministro de Defensa, Agustín Rossi"), nearest first."""
        keys = {role_key(t.text) for t in source or () if t.is_alpha and is_role_word(t.text)}
        if not keys:
            return None
        text = doc_text(self._doc)
        for s, _, entity in reversed(self._mentions[: bisect_left(self._starts, source.start_char)]):
            role = ROLE_BEFORE_NAME.search(text[max(0, s - ROLE_CONTEXT_CHARS) : s])
            if entity.type != "PLACE" and role and any(key in role["role"].lower() for key in keys):
                return entity.name
        return None

    def _person_after(self, source: Span) -> str | None:
        """The person named right after ``source``, a comma apart at most."""
        text = doc_text(source.doc)
        for start, _, entity in self._mentions[bisect_left(self._starts, source.end_char) :]:
            if text[source.end_char : start].strip() not in {"", ","}:
                return None
            if entity.type == "PERSON":
                return entity.name
        return None

    def _person_by_surname(self, label: str) -> str | None:
        """A transcript label in capitals ("TAPPER") names the person with that surname ("Jake Tapper")."""
        if not label.isupper():
            return None
        surname = label.split()[-1]
        people = (e.name for _, _, e in self._mentions if e.type == "PERSON")
        return next((name for name in people if name.split()[-1].upper() == surname), None)

    def person_near(
        self, low: int, high: int, start: int, end: int, types: frozenset[str] = frozenset({"PERSON", "MISC"})
    ) -> tuple[int, int] | None:
        """The person (or untyped name) mentioned in [low, high) outside [start, end), nearest to it."""
        candidates = [
            (s, e) for s, e, entity in self._mentions
            if low <= s and e <= high and (e <= start or end <= s) and entity.type in types
        ]  # fmt: skip
        return min(candidates, key=lambda m: min(abs(m[0] - end), abs(start - m[1])), default=None)
