"""Speakers: :class:`SpeakerResolver` maps the source written next to a cue to a named speaker.

Through the entities' mentions, pronouns ("he", antecedents up to two sentences back) and role nouns
("the spokesman", "Judge N"). Apart from :mod:`storyline.enrich.quotes` so that the parser-free rules of
:mod:`storyline.enrich.quotes_wordorder` use it too without an import cycle.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import (
    AFTER_CONTENT_ONLY,
    GENDERED_ARTICLES,
    GROUP_PRONOUNS,
    ISSUED_DOCUMENT_NOUNS,
    NUMBER_AMBIGUOUS_PRONOUNS,
    PERSON_PRONOUNS,
    PRONOUN_SEXES,
    SEXED_WORDS,
    STANCE_NOUNS,
    TITLES,
    WORD_ORDER_REPORTING_VERBS,
    is_role_word,
    role_key,
    sex_of_word,
)
from storyline.enrich.languages import nominative
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
#: Documents a source may be (English): one speaks for its issuer when the article names it ("a statement from
#: the Acme Board", "the council's report"); alone ("A statement said", "The report said") it names no one.
_DOCUMENT_NOUNS = frozenset({
    "statement", "report", "communique", "communiqué", "release", "letter", "memo", "memorandum", "document",
    "filing", "notice", "announcement", "bulletin", "study", "survey",
})  # fmt: skip
#: Documents about someone, kept by whoever examined or recorded them: "N's autopsy", "N's criminal record" are
#: not N's words (English). A compound of one makes the document one of them ("N's autopsy report").
_ABOUT_NOUNS = frozenset({
    "autopsy", "postmortem", "post-mortem", "necropsy", "certificate", "record", "records", "obituary", "profile",
    "biography", "file", "dossier", "résumé", "resume", "rap",
})  # fmt: skip
#: Prepositions by which a document about someone names who made it: "an autopsy by the medical examiner",
#: "records from the hospital", "a profile in N" (not "of": "the autopsy of N" is about N).
_MAKER_PREPOSITIONS = frozenset({"by", "from", "in"})
#: Verbs whose subject made the document they take: "Doctors performed an autopsy" (lemmas, English).
_MAKING_VERBS = frozenset({
    "perform", "conduct", "carry", "do", "complete", "issue", "release", "write", "publish", "compile", "prepare",
    "produce", "sign",
})  # fmt: skip
#: Links by which a name qualifies a document as its issuer: "N's", "an N statement", "issued by N", and the
#: prepositions of :data:`_ISSUER_PREPOSITIONS` ("a statement from N", "a report in N"; not "a document on N's website").
_ISSUER_DEPS = frozenset({"pobj", "agent", "poss", "compound", "acl", "amod", "nmod"})
_ISSUER_PREPOSITIONS = frozenset({"from", "by", "of", "in"})
#: Bodies that issue documents, named by a proper noun or demonym before them when no entity covers the name:
#: "a statement from the Ruritanian government", "a Ruritanian police statement" (English).
_ISSUING_BODIES = frozenset({
    "government", "ministry", "police", "department", "office", "embassy", "army", "navy", "military", "council",
    "board", "commission", "committee", "agency", "court", "administration", "authorities", "authority", "cabinet",
    "parliament", "presidency", "consulate", "command", "force", "forces", "service",
})  # fmt: skip
#: Sentences searched back for the document "the statement" is (its own and three before): "N issued a
#: statement. ... The statement said" is N's.
_DOCUMENT_SENTENCES = 4
_NEUTER_PRONOUNS = frozenset({"it", "оно"})
#: Conjunctions that make no two names speak together ("N or M", "Neither N nor M").
_NOT_BOTH = frozenset({"or", "nor", "neither", "either", "but", "ou", "o", "oder", "или"})
#: The hyphen (and the "-t-" of euphony) a French inverted subject pronoun is written with: "a-t-il", "dit-elle".
_INVERTED_CLITIC = re.compile(r"^-(?:t-?)?")
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
#: Without a parse, sentences searched back for the one person a pronoun may stand for: its own and two before.
UNPARSED_ANTECEDENT_SENTENCES = 3
#: Sentences searched back when those hold no subject it may stand for: "N is best known for ... He has ... He's
#: also ... he directed M's film. ... He said" is N's, not M's (M, the nearest name, is no subject).
FARTHEST_ANTECEDENT_SENTENCES = 6
#: Characters around a person's mention searched for the role word of "the judge" ("Judge N", "N, the judge").
ROLE_CONTEXT_CHARS = 30
#: A role word right before a name, or before "of X," and the name: "premier N", "prof. N", "ministro de Defensa, N".
ROLE_BEFORE_NAME = re.compile(r"(?P<role>\w+)\.?(?:\s+\w+\s+\w+,)?[\s,]*$")
#: Characters before a name searched for its role and article (:func:`_role_before_name`).
ARTICLE_ROLE_CHARS = 45


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


def _issuing_body(document: Token) -> str | None:
    """A body no entity covers that a document's phrase names by a proper noun or demonym before an
    institution's noun: "a statement from the Ruritanian government", "a Ruritanian police statement"."""
    prepositions = [c for c in document.children if c.dep_ == "prep" and c.lower_ in _ISSUER_PREPOSITIONS]
    bodies = [c for c in document.children if c.dep_ == "compound"] + [
        o for p in prepositions for o in p.children if o.dep_ == "pobj"
    ]
    for body in bodies:
        # "the Ruritanian government" qualifies its noun; "a Ruritanian police statement" the document
        qualified = body if body.dep_ == "pobj" else document
        names = [c for c in qualified.children if c.dep_ in {"compound", "amod"} and c.i < body.i]
        if body.lower_ in _ISSUING_BODIES and names and all(n.text[:1].isupper() for n in names):
            start = body.left_edge.i if body.dep_ == "pobj" else names[0].left_edge.i
            return document.doc[start : body.i + 1].text
    return None


def _owned_role(token: Token) -> bool:
    """Whether ``token`` is a common noun owning a document and itself owned: the lawyer of "N's lawyer's letter"."""
    return token.dep_ == "poss" and token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)


def _is_about_someone(head: Token) -> bool:
    """Whether a source is a document about someone (:data:`_ABOUT_NOUNS`), itself or by a noun compounded
    with it ("autopsy report", "autopsy results"; the tagger may call "autopsy" an adjective)."""
    if head.pos_ not in {"NOUN", "ADJ"}:
        return False
    return head.lemma_.lower() in _ABOUT_NOUNS or any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in _ABOUT_NOUNS and (c.i == 0 or c.doc[c.i - 1].text != "-")
        for c in head.children
    )  # not "high-profile acts"


def _bare_body(document: Token) -> Token | None:
    """The noun of a body that issues documents written alone before a document it issues itself: "a police
    release" (:data:`~storyline.enrich.cues.ISSUED_DOCUMENT_NOUNS`; not "court documents", filed by the parties)."""
    body = next((c for c in document.children if c.dep_ == "compound"), None)
    alone = body is not None and not any(body.children) and body.lower_ in _ISSUING_BODIES
    return body if alone and document.lemma_.lower() in ISSUED_DOCUMENT_NOUNS else None


def _is_unnamed_body(source: Span) -> bool:
    """A source that is a body's noun alone, with "the" at most: "the ministry", "Police" (English)."""
    words = [t for t in source if not t.is_punct]
    nouns = words[1:] if words and words[0].lower_ == "the" else words
    return len(nouns) == 1 and nouns[0].lower_ in _ISSUING_BODIES and nouns[0].pos_ in {"NOUN", "PROPN"}


def joined(subject: Token, conjunct: Token) -> bool:
    """A conjunction of both ("and") between a name and the name joined to it: not a comma the parse read as
    one ("le porte-parole du ministère, N": N is the spokesman), nor one of either or neither ("Neither N nor M
    announced")."""
    links = [c for c in subject.children if c.dep_ in {"cc", "preconj"} and c.i < conjunct.i]
    return bool(links) and not any(c.lower_ in _NOT_BOTH for c in links)


def _names_no_one(head: Token) -> bool:
    """A quantifier or determiner alone ("Few in Ruritania", "Each"), or a first-person pronoun, whose
    author the article does not name ("I replied" in a quoted letter)."""
    first_person = head.pos_ == "PRON" and head.morph.get("Person") == ["1"]
    return head.pos_ in _NO_ONE_HEADS or head.tag_ in _DETERMINER_TAGS or first_person


def _unless_tag(source: Span) -> str:
    """The source as written, unless it is a one-word tag in capitals ("NEW", "UPDATE") no one answers to."""
    tag = len(source) == 1 and source.text.isupper() and len(source.text) > 1
    return UNATTRIBUTED if tag else source.text


def _sex(token: Token) -> str | None:
    """"Masc" or "Fem" for a third-person singular personal pronoun that has one ("he", "her", "elle")."""
    morph = token.morph
    if token.pos_ != "PRON" or morph.get("Person") != ["3"] or "Plur" in morph.get("Number"):
        return None
    return next((sex for sex in morph.get("Gender") if sex in SEXED_WORDS), None)


def _pronoun_sex(token: Token) -> str | None:
    """A person pronoun's sex, from its morphology, else (no parser: "ella dijo", "sagte er") from the word."""
    return _sex(token) or PRONOUN_SEXES.get(_INVERTED_CLITIC.sub("", token.lower_))


def is_one_person(token: Token, language: str) -> bool:
    """Whether a person pronoun stands for one person: German "sie" only beside a reporting verb in the
    singular ("sagte sie", "Sie erklärte"), being also "they" ("sagten sie") and the formal "Sie"."""
    if _INVERTED_CLITIC.sub("", token.lower_) not in NUMBER_AMBIGUOUS_PRONOUNS.get(language, ()):
        return True
    verbs = set(WORD_ORDER_REPORTING_VERBS.get(language, ())) - AFTER_CONTENT_ONLY
    beside = token.doc[max(0, token.i - 1) : token.i + 2]
    return any(word.i != token.i and word.lower_ in verbs for word in beside)


def _role_sex(article: str | None, role: str, language: str) -> str | None:
    """The sex a role says, by its own form ("ministra", "Sprecherin") or its article ("la portavoz")."""
    if (sex := sex_of_word(role, language)) is not None or article is None or not is_role_word(role):
        return sex
    return next((sex for sex, articles in GENDERED_ARTICLES.items() if article.lower() in articles), None)


def _sexed_word_patterns(words: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One of ``words`` right before a name ("Mrs. N", "spokeswoman N"; not the "m" of "p.m."), and in an
    apposition after it ("N, the actress", "N, his wife"; not "N, a friend of the actress")."""
    alternatives = "|".join(sorted(map(re.escape, words)))
    before = re.compile(rf"(?<![\w.'’])(?i:{alternatives})\.?\s+$")
    after = re.compile(rf",\s+(?i:the|a|an|his|her|their|its)\s+(?:(?!of\b)[\w'-]+\s+){{0,2}}?(?i:{alternatives})\b")
    return before, after


_SEXED_WORD_PATTERNS = {sex: _sexed_word_patterns(words) for sex, words in SEXED_WORDS.items()}


def _written_with(text: str, start: int, end: int, sex: str, language: str) -> bool:
    """Whether a word of ``sex`` is written with the name at ``start``-``end`` (:func:`_sexed_word_patterns`)."""
    before, after = _SEXED_WORD_PATTERNS[sex]
    if before.search(text[max(0, start - ROLE_CONTEXT_CHARS) : start]) or after.match(text[end : end + ROLE_CONTEXT_CHARS]):
        return True
    role = _role_before_name(text[max(0, start - ARTICLE_ROLE_CHARS) : start])
    return role is not None and _role_sex(*role, language) == sex


#: Words of a window before a name; not the "m" of "p.m." nor a part of "porte-parole".
_WORD = re.compile(r"(?<![\w.'’-])[\w-]+")
#: Most words between a role and the comma before the name ("ministre de la Santé, N").
ROLE_QUALIFIER_WORDS = 3


def _role_before_name(window: str) -> tuple[str | None, str] | None:
    """The role written right before the name ending ``window``, or before a few words and a comma, nearest
    first, with the word before it, its article if any: "la portavoz del Gobierno, N", "le porte-parole du
    ministère, N", "el presidente estadounidense, N", "Bundeskanzlerin N"."""
    words = list(_WORD.finditer(window))
    for index in range(len(words) - 1, max(-1, len(words) - 2 - ROLE_QUALIFIER_WORDS), -1):
        rest = window[words[index].end() :]
        if (index == len(words) - 1 or rest.rstrip().endswith(",")) and is_role_word(words[index][0]):
            return (words[index - 1][0] if index > 0 else None), words[index][0]
    return None


def _majority(votes: Counter[str]) -> str | None:
    """The sex with more votes than the other, if one has any."""
    ranked = votes.most_common(2) + [("", 0), ("", 0)]
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else None


def _main_clause_first(subjects: list[tuple[int, bool, str]]) -> tuple[int, bool, str]:
    """Of (start, in a subordinate clause, name) candidates, a main clause's nearest, else the nearest."""
    nearest_first = sorted(subjects, key=lambda found: -found[0])
    return min(nearest_first, key=lambda found: found[1])


class SpeakerResolver:
    """Maps a source span to a named speaker, through pronouns and role nouns."""

    def __init__(
        self,
        doc: Doc,
        entities: list[Entity],
        language: str,
        marks: list[tuple[int, int]],
        sources: Sequence[Span] = (),
        parsed: bool = True,
    ) -> None:
        """``sources``: the sources of the article's reported speech, earlier speakers a pronoun may stand for;
        ``parsed``: whether ``doc`` has a dependency parse."""
        self._doc = doc
        self._parsed = parsed
        self._sources = {source.root.i: source for source in sources}
        self._source_tokens = {token.i for source in sources for token in source}
        self._marks = marks
        self._mentions = sorted((s, e, entity) for entity in entities for s, e in entity.mentions)
        self._starts = [s for s, _, _ in self._mentions]
        self._longest = max((e - s for s, e, _ in self._mentions), default=0)
        self.names = speaker_names(entities)
        self._language = language
        self._person_pronouns = PERSON_PRONOUNS.get(language, frozenset())
        self._group_pronouns = GROUP_PRONOUNS.get(language, frozenset())

    def resolve(self, source: Span, content: tuple[int, int] | None = None) -> str:
        """The speaker ``source`` names; ``content``: where the quote's words are (:meth:`_antecedent`). A speaker
        named as written is named in the nominative where the parse gives cases ("сообщили в портовой
        администрации": "портовая администрация", as another sentence's subject writes it)."""
        speaker = self._resolved(source, content)
        return nominative(source) if speaker == source.text else speaker

    def _resolved(self, source: Span, content: tuple[int, int] | None) -> str:
        head = source.root
        # Mentions are sorted by start; none is longer than the longest, so the search starts that far back.
        first = bisect_left(self._starts, source.start_char - self._longest)
        last = bisect_left(self._starts, source.end_char)
        inside = [m for m in self._mentions[first:last] if source.start_char < m[1]]
        at_head = [m for m in inside if m[0] <= head.idx < m[1]]
        if at_head:
            return self._joint(head, source) or at_head[0][2].name
        if _is_about_someone(head) and self._language == "en":
            return self._maker(head) or self._earlier_maker(head) or UNATTRIBUTED
        if head.pos_ == "NOUN" and head.lemma_.lower() in _DOCUMENT_NOUNS and self._language == "en":
            return self._issuer(head) or self._earlier_issuer(head, source) or UNATTRIBUTED
        if _is_unnamed_body(source) and (named := self._institution_before(head)) is not None:
            return named  # "the ministry said" after "the Defence Ministry"
        if source[0].lower_ in INDEFINITE_ARTICLES:
            # someone new, unnamed ("a friend of N") unless named between commas ("a spokesman for X, N, said")
            return self._closing_apposition(source) or source.text
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
        # French inversion ("a-t-il", "ont-ils", "a-t-elle", parsed as "-t" and "-elle"): the pronoun, as written alone
        inverted = source.text.startswith("-")
        pronoun_token = source[-1] if inverted else head
        written = _INVERTED_CLITIC.sub("", source.text) if inverted else source.text
        lowered = _INVERTED_CLITIC.sub("", pronoun_token.lower_)
        if lowered in self._person_pronouns:
            if not is_one_person(pronoun_token, self._language):
                return written
            if not self._parsed:
                return self._only_person_before(source.start_char, content, _pronoun_sex(pronoun_token)) or written
            return self._antecedent(source.start_char, {"PERSON"}, content, _pronoun_sex(pronoun_token)) or written
        if lowered in TITLES and source[0].lower_ in _DEFINITE:
            return self._person_titled(lowered, source.start_char, self.source_sex(source)) or source.text
        if lowered in self._group_pronouns:
            if lowered in _NEUTER_PRONOUNS:  # "it" is never a person
                return self._antecedent(source.start_char, {"ORG"}, content) or written
            return self._group_antecedent(source.start_char, content) or written
        if _names_no_one(head):
            return UNATTRIBUTED
        return self._person_by_surname(source.text) or _name_after_titles(source) or _unless_tag(source)

    def _joint(self, head: Token, phrase: Span) -> str | None:
        """Names joined by "and" within ``phrase`` that speak together, each an entity ("Acme Corp and Fennick Ltd
        said in a joint statement", "N and M issued a statement"): all of them, in the order written, as one
        speaker; None for one name or a name and no other ("N and his lawyer")."""
        names = []
        for token in [head, *(c for c in head.conjuncts if c.i > head.i)]:
            if not phrase.start <= token.i < phrase.end or (token is not head and not joined(head, token)):
                return None
            entity = self._entity_at(token.idx)
            if entity is None or entity.type not in {"PERSON", "ORG", "MISC"}:
                return None
            names.append(entity.name)
        unique = list(dict.fromkeys(names))
        return ", ".join(unique[:-1]) + " and " + unique[-1] if len(unique) > 1 else None

    def _issuer(self, document: Token) -> str | None:
        """Who issued a document that speaks: the person or organisation named in its phrase ("a statement from
        the Acme Board", "a statement issued by N"), not in a clause of it ("a report that N had resigned"), else
        a body it names that no entity covers (:func:`_issuing_body`), else a body's noun alone before it ("a
        police release": the institution of that noun named before, :meth:`_institution_before`, else "police"),
        else its owner as written ("the council's report": the council)."""
        nearest_first = sorted(self._issuer_words(document), key=lambda t: abs(t.i - document.i))
        if (named := next(filter(None, map(self._issuer_named_at, nearest_first)), None)) is not None:
            return named
        if (body := _issuing_body(document)) is not None:
            return body
        if (body := _bare_body(document)) is not None:
            return self._institution_before(body) or body.text  # "a police release": the police named before
        owner = next((c for c in document.children if c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"}), None)
        if owner is None or owner.ent_type_ in {"DATE", "TIME"} or owner.left_edge.lower_ in INDEFINITE_ARTICLES:
            return None  # "Monday's announcement", "a Samaritan's Purse release" (the parse cut the name)
        return self._doc[owner.left_edge.i : owner.i + 1].text  # "the council's report"

    def _maker(self, document: Token) -> str | None:
        """Who made a document about someone: what its phrase names after "by", "from" or "in" ("an autopsy by
        the medical examiner", "records obtained from the hospital"), an entity or as written; never its owner
        or a name before it ("Gray's autopsy", "the Gray file" are about Gray)."""
        heads = {document.i, *(c.i for c in document.children if c.dep_ == "acl")}  # "records obtained from N"
        for maker in document.subtree:
            if maker.dep_ != "pobj" or maker.head.lower_ not in _MAKER_PREPOSITIONS or maker.head.head.i not in heads:
                continue
            if (named := self._issuer_named_at(maker)) is not None:
                return named
            if maker.pos_ == "NOUN":
                return self._doc[maker.left_edge.i : maker.i + 1].text
        return None

    def _earlier_maker(self, document: Token) -> str | None:
        """Who made "the autopsy": the maker of the nearest one before it, a few sentences back, named in its
        phrase or as the subject of a verb that made it (:data:`_MAKING_VERBS`: "The medical examiner performed an
        autopsy", not "officers falsified records"): an organisation or someone named by a common noun, not a
        person named, who is more often the one it is about ("N had an autopsy")."""
        for earlier in self._same_documents_before(document):
            if (maker := self._maker(earlier)) is not None:
                return maker
            if earlier.dep_ != "dobj" or earlier.head.lemma_.lower() not in _MAKING_VERBS:
                continue
            subject = next((c for c in earlier.head.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is None or subject.pos_ == "PRON":
                continue
            named = [m for m in self._mentions if m[0] <= subject.idx < m[1]]
            if named and named[0][2].type == "ORG":
                return named[0][2].name
            if not named and subject.pos_ == "NOUN":
                return self._doc[subject.left_edge.i : subject.i + 1].text
        return None

    def _earlier_issuer(self, document: Token, source: Span) -> str | None:
        """Who issued "the statement": the issuer of the nearest statement before it, a few sentences back, that
        names one ("N issued a statement", "N said in a statement", "a statement from N")."""
        if source[0].lower_ != "the":
            return None
        earlier = [t for t in self._same_documents_before(document) if t.pos_ == "NOUN"]
        issuers = (self._issuer(t) or self._subject_issuer(t) for t in earlier)
        return next(filter(None, issuers), None)

    def _same_documents_before(self, document: Token) -> list[Token]:
        """The words of ``document``'s noun before it, in its sentence and the few before
        (:data:`_DOCUMENT_SENTENCES`), nearest first."""
        sentences = list(self._doc.sents)
        own = next(i for i, sentence in enumerate(sentences) if sentence.start <= document.i < sentence.end)
        start = sentences[max(0, own - _DOCUMENT_SENTENCES + 1)].start
        lemma = document.lemma_.lower()
        return [t for t in reversed(self._doc[start : document.i]) if t.lemma_.lower() == lemma]

    def _institution_before(self, noun: Token) -> str | None:
        """The organisation named before ``noun`` whose name holds it, nearest first: "the ministry" is the
        "Defence Ministry" or "Ministry of Defence" written earlier, "police" the "Surrey Police"; the word as
        written ("authorities" is not the "Port Authority")."""
        word = noun.lower_
        for s, e, entity in reversed(self._mentions[: bisect_left(self._starts, noun.idx)]):
            if e <= noun.idx and entity.type == "ORG" and word in {w.lower() for w in entity.name.split()}:
                return entity.name
        return None

    def _subject_issuer(self, document: Token) -> str | None:
        """The named subject of the verb a document is the object of, or in: "N issued a statement", "N said in
        a statement"."""
        verb = document.head.head if document.dep_ == "pobj" else document.head
        if document.dep_ not in {"dobj", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        return None if subject is None else self._joint(subject, subject.sent) or self._issuer_named_at(subject)

    def _issuer_named_at(self, token: Token) -> str | None:
        """The person or organisation whose mention covers ``token``, as an issuer may be."""
        named = [m for m in self._mentions if m[0] <= token.idx < m[1] and m[2].type in {"PERSON", "ORG", "MISC"}]
        return named[0][2].name if named else None

    def _issuer_words(self, token: Token) -> list[Token]:
        """The words of a document's phrase linked to it by :data:`_ISSUER_DEPS`, at any depth, but not within an
        owner that is a common noun: "N's lawyer's letter" is the lawyer's, not N's."""
        linked = [c for c in token.children if c.dep_ in _ISSUER_DEPS or (c.dep_ == "prep" and c.lower_ in _ISSUER_PREPOSITIONS)]
        return linked + [w for c in linked if not _owned_role(c) for w in self._issuer_words(c)]

    def _role_holder(self, head: Token, source: Span) -> str:
        """A role noun speaks as a person, never as the organisation in its modifiers ("the former FBI
        director" is not the FBI): the one person written with that role before, else the role as written."""
        if source[0].lower_ in _DEFINITE and "Plur" not in head.morph.get("Number"):
            return self._person_titled(head.lemma_.lower(), source.start_char, self.source_sex(source)) or source.text
        return source.text

    def source_sex(self, source: Span | None) -> str | None:
        """The sex of whoever a source names by pronoun or role: "elle", "-t-il", "ella", "la ministra", "le
        porte-parole", "die Sprecherin"; None for a name, a plural or a role of either sex ("der Sprecher")."""
        words = [t for t in source or () if not t.is_punct]
        if not words:
            return None
        pronoun = _INVERTED_CLITIC.sub("", words[-1].lower_)
        if len(words) <= 2 and pronoun in self._person_pronouns:  # "ella", "-t -elle"
            return _pronoun_sex(words[-1]) if is_one_person(words[-1], self._language) else None
        roles = [t for t in words if is_role_word(t.text) and "Plur" not in t.morph.get("Number")]
        if not roles:
            return None
        # No language: the German masculine names a man before a name only, alone it is also the generic one.
        return _role_sex(words[0].text if words[0].i < roles[0].i else None, roles[0].text, None)

    def may_be(self, name: str, sex: str | None) -> bool:
        """Whether the person ``name`` may be one of ``sex``: the text gives them no other (:attr:`_sexes`)."""
        return sex is None or self._sexes.get(name, sex) == sex

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

    def _antecedent(
        self, position: int, types: set[str], content: tuple[int, int] | None = None, sex: str | None = None
    ) -> str | None:
        """Who a pronoun speaker is: the nearest subject in its sentence or the two before (a main clause's
        subject first; failing one and a name in its own sentence, for a person in the sentences before those,
        :data:`FARTHEST_ANTECEDENT_SENTENCES`, unless a nearer name has the pronoun's sex and it none:
        :meth:`_sexed_nearer`), else the nearest name; never a name inside someone's quotation,
        nor a person the text gives the other ``sex`` (:attr:`_sexes`: "she said" is not the "Mr. N" named
        last). For a person pronoun, earlier speakers no entity covers count too (:meth:`_earlier_speakers`):
        "the Navy spokesman said ... he said" is the spokesman's, not the last name before.

        The sentences are counted back from the start of the quote's ``content`` (in "“A. B. C,” he said"
        those before "he" are the quote's own), and a name in it is not its speaker ("N was escorted to
        safety, he added": N is what he says, not who), unless another cue credits it (a content that runs
        over another quote's cue)."""
        start = min(position, content[0]) if content else position
        person = types == {"PERSON"}
        own_sentence = self._doc[self._window_start(start, 1)].idx
        nearest = None
        for sentences in (ANTECEDENT_SENTENCES, FARTHEST_ANTECEDENT_SENTENCES)[: 1 + person]:
            window = self._window_start(start, sentences)
            nearest, subjects = self._named_subjects(window, position, types, content, sex)
            if person:
                subjects += self._earlier_speakers(window, position, sex)
            if subjects:
                subject = _main_clause_first(subjects)
                return subject[2] if sentences == ANTECEDENT_SENTENCES else self._sexed_nearer(nearest, subject, sex)
            if nearest is not None and nearest[0] >= own_sentence:
                break  # "... did not appeal to N, she said": a name in its own sentence before any farther subject
        return nearest[1] if nearest is not None else None

    def _only_person_before(self, position: int, content: tuple[int, int] | None, sex: str | None) -> str | None:
        """Without a parse, who a person pronoun stands for: the one person, not of the other ``sex``, named in
        the nearest sentence that names any, searching its own sentence before it and the two before
        (:data:`UNPARSED_ANTECEDENT_SENTENCES`), never inside a quotation or the quote's own words; None when
        that sentence names several ("Minister A traf Minister B. Er sagte": no parse says which). "Person"
        here is one the recogniser typed so, or an untyped name the text calls a person
        (:meth:`_written_as_person`): no place of a "laut" clause, no capitalised noun of a German text."""
        window = self._doc[self._worded_window_start(min(position, content[0]) if content else position)].idx
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for s, e, entity in self._mentions[bisect_left(self._starts, window) : bisect_left(self._starts, position)]:
            if e > position or self.quoted(s) or self._said_in(s, content) or not self.may_be(entity.name, sex):
                continue
            if self._written_as_person(s, entity):
                by_sentence[self._window_start(s, 1)].add(entity.name)
        nearest = by_sentence[max(by_sentence)] if by_sentence else set()
        return nearest.pop() if len(nearest) == 1 else None

    def _worded_window_start(self, position: int) -> int:
        """The first token of the sentence at ``position`` and of the :data:`UNPARSED_ANTECEDENT_SENTENCES` - 1
        before it that hold words (without a parse a paragraph break is a sentence of its own)."""
        window = self._window_start(position, 1)
        for _ in range(UNPARSED_ANTECEDENT_SENTENCES - 1):
            while window > 0:
                window = self._doc[window - 1].sent.start
                if not self._doc[window].sent.text.isspace():
                    break
        return window

    def _written_as_person(self, start: int, entity: Entity) -> bool:
        """A person by type, or an untyped name written right after a role or an honorific ("Bundesminister N",
        "la ministra de Salud, N", "Palästinenser-Präsident N", "Frau N") or opening with one."""
        if entity.type != "MISC":
            return entity.type == "PERSON"
        role = ROLE_BEFORE_NAME.search(doc_text(self._doc)[max(0, start - ROLE_CONTEXT_CHARS) : start])
        words = entity.name.split()
        return (role is not None and is_role_word(role["role"])) or (len(words) > 1 and is_role_word(words[0]))

    def _sexed_nearer(self, nearest: tuple[int, str] | None, subject: tuple[int, bool, str], sex: str | None) -> str:
        """The farther subject a pronoun of ``sex`` stands for, unless the text gives it no sex and gives a
        nearer name that sex: "M said ... A photographer remembered N, the actress. ... She said" is N's."""
        start, _, name = subject
        if sex is None or nearest is None or nearest[0] <= start or name in self._sexes:
            return name
        return nearest[1] if self._sexes.get(nearest[1]) == sex else name

    def _named_subjects(
        self, window: int, position: int, types: set[str], content: tuple[int, int] | None, sex: str | None
    ) -> tuple[tuple[int, str] | None, list[tuple[int, bool, str]]]:
        """The nearest name of ``types`` before ``position`` that may be the pronoun's, as (start, name), and the
        names that are subjects from token ``window`` on, as (start, in a subordinate clause, name)."""
        nearest, subjects = None, []
        for s, e, entity in reversed(self._mentions[: bisect_right(self._starts, position)]):
            if e > position or entity.type not in types or self.quoted(s) or self._said_in(s, content):
                continue
            if sex is not None and self._sexes.get(entity.name, sex) != sex:
                continue
            nearest = nearest or (s, entity.name)
            token = self._doc.char_span(s, e, alignment_mode="expand").root
            if token.i < window:
                break
            if token.dep_ == "appos":  # "The pastor, N, declined": the subject is N
                token = token.head
            # A source of reported speech is one too, whatever the parse made of it ("..., retorted N").
            if token.dep_ in _SUBJECT_DEPS or token.i in self._source_tokens:
                subjects.append((s, token.head.dep_ != "ROOT", entity.name))
        return nearest, subjects

    def _group_antecedent(self, position: int, content: tuple[int, int] | None) -> str | None:
        """Who "they" are: the nearest subject in its sentence or the two before that names several (a main
        clause's first): an organisation ("the Red Sox ... they"), a plural noun ("Deputies said ...
        They said", "Protesters ... They"), people joined by "and"; never one person. None if there is none."""
        window = self._window_start(min(position, content[0]) if content else position, ANTECEDENT_SENTENCES)
        subjects = []
        for token in self._doc[window : self._token_at(position)]:
            if token.dep_ not in _SUBJECT_DEPS or self.quoted(token.idx) or self._said_in(token.idx, content):
                continue
            if (group := self._group_named(token)) is not None:
                subjects.append((token.idx, token.head.dep_ != "ROOT", group))
        return _main_clause_first(subjects)[2] if subjects else None

    def _group_named(self, subject: Token) -> str | None:
        """The group a subject names: an organisation's name, a plural common noun ("Deputies", not "Eight
        years") or a coordination as written ("Perlo and co-counsel Robin Yanes")."""
        entity = self._entity_at(subject.idx)
        if entity is not None and entity.type == "ORG":
            return entity.name
        if subject.conjuncts:
            return self._doc[subject.left_edge.i : max(c.right_edge.i for c in subject.conjuncts) + 1].text
        if entity is None and subject.pos_ == "NOUN" and "Plur" in subject.morph.get("Number") and not subject.ent_type_:
            source = self._sources.get(subject.i)
            return source.text if source is not None else self._doc[subject.left_edge.i : subject.i + 1].text
        return None

    def _token_at(self, position: int) -> int:
        """Index of the token at character ``position``."""
        span = self._doc.char_span(position, position + 1, alignment_mode="expand")
        return span.start if span is not None else len(self._doc)

    def _window_start(self, position: int, sentences: int) -> int:
        """The first token of the sentence at ``position`` and of the ``sentences`` - 1 before it."""
        sentence = self._doc.char_span(position, position + 1, alignment_mode="expand")
        window = sentence.sent.start if sentence is not None else 0
        for _ in range(sentences - 1):
            if window > 0:
                window = self._doc[window - 1].sent.start
        return window

    def _earlier_speakers(self, window: int, position: int, sex: str | None = None) -> list[tuple[int, bool, str]]:
        """Sources of reported speech from token ``window`` up to ``position`` that no entity covers but that
        name one person by role: the previous speaker ("the Navy spokesman said ... he said", resolved as a
        source). Not a pronoun (the one before it may be someone else), nor a thing ("the statement said"),
        nor a role or person of the other ``sex`` ("the spokeswoman said ... he said").
        As (start, in a subordinate clause, its speaker)."""
        found = []
        for head, source in self._sources.items():
            token = self._doc[head]
            if not (window <= head and token.idx < position) or self.quoted(token.idx) or self._named_at(token.idx):
                continue
            if token.pos_ == "NOUN" and is_role_word(token.lemma_) and "Plur" not in token.morph.get("Number"):
                speaker = self.resolve(source)
                if sex is None or (sex_of_word(token.text) in {None, sex} and self._sexes.get(speaker, sex) == sex):
                    found.append((token.idx, token.head.dep_ != "ROOT", speaker))
        return found

    @cached_property
    def _sexes(self) -> dict[str, str]:
        """Each person's sex ("Masc", "Fem") as the text itself tells it: a word written with the name ("Mrs. N",
        "spokeswoman N", "N, the actress": :data:`~storyline.enrich.cues.SEXED_WORDS`), else the pronouns that
        follow the name in its clause (:meth:`_pronoun_after`), the more of one sex. The pronouns of the person
        the article is most about say nothing of anyone else ("Hefner said her photos ...", "N enthused that she
        ..." in an article about her). Absent where the text says nothing or both alike; no list of first names."""
        text = doc_text(self._doc)
        words: dict[str, Counter[str]] = defaultdict(Counter)
        pronouns: dict[str, Counter[str]] = defaultdict(Counter)
        for s, e, entity in self._mentions:
            if entity.type in {"PERSON", "MISC"}:  # untyped: the names of a text no recogniser reads
                words[entity.name].update(sex for sex in SEXED_WORDS if _written_with(text, s, e, sex, self._language))
        people = [(s, e, entity.name) for s, e, entity in self._mentions if entity.type == "PERSON"]
        for index, (s, e, name) in enumerate(people):
            following = people[index + 1][0] if index + 1 < len(people) else len(text)
            if (sex := self._pronoun_after(s, e, following)) is not None:
                pronouns[name][sex] += 1
        sexes = {name: sex for name in words if (sex := _majority(words[name]))}
        if not people:
            return sexes
        main = Counter(name for _, _, name in people).most_common(1)[0][0]
        main_sex = sexes.get(main) or _majority(pronouns[main])
        for name, votes in pronouns.items():
            if name not in sexes and (sex := _majority(votes)) is not None and (name == main or sex != main_sex):
                sexes[name] = sex
        return sexes

    def _pronoun_after(self, start: int, end: int, limit: int) -> str | None:
        """The sex of the first personal pronoun after a person named as a subject, in that subject's clause and
        before ``limit`` (the next person named): "N said she would ...", "N was held ... since his arrest"."""
        mention = self._doc.char_span(start, end, alignment_mode="expand").root
        if mention.dep_ not in _SUBJECT_DEPS:
            return None
        for token in mention.head.subtree:
            if end <= token.idx < limit and (sex := _sex(token)) is not None and not self.quoted(token.idx):
                return sex
        return None

    def _entity_at(self, position: int) -> Entity | None:
        """The entity a mention covering ``position`` names."""
        first = bisect_left(self._starts, position - self._longest)
        return next((m[2] for m in self._mentions[first : bisect_right(self._starts, position)] if m[0] <= position < m[1]), None)

    def _said_in(self, position: int, content: tuple[int, int] | None) -> bool:
        """Whether ``position`` is inside ``content`` and no source of reported speech."""
        inside_content = content is not None and content[0] <= position < content[1]
        return inside_content and self._doc.char_span(position, position + 1, alignment_mode="expand")[0].i not in self._source_tokens

    def _named_at(self, position: int) -> bool:
        """Whether an entity mention covers ``position``."""
        return self._entity_at(position) is not None

    def _person_titled(self, role: str, position: int, sex: str | None = None) -> str | None:
        """"the judge" names the person called judge before it ("Judge N", "U.S. President N", "N, the judge"),
        nearest first; not merely the last person named (often the defendant), nor a person merely near the
        title ("President N and Kim": Kim is no president), nor one of the other ``sex`` ("la ministre")."""
        text = doc_text(self._doc)
        # The role in any case, the words between it and the name capitalised ("President Donald Trump").
        before = re.compile(rf"\b(?i:{re.escape(role)})\.?(?:\s+[A-Z][\w.'-]*)*\s*$")
        after = re.compile(rf"^,?\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.'-]+\s+){{0,3}}?{re.escape(role)}\b", re.IGNORECASE)
        for s, e, entity in reversed(self._mentions[: bisect_right(self._starts, position)]):
            if e > position or entity.type != "PERSON" or not self.may_be(entity.name, sex):
                continue
            if before.search(text[max(0, s - ROLE_CONTEXT_CHARS) : s]) or after.match(text[e : min(position, e + ROLE_CONTEXT_CHARS)]):
                return entity.name
        return None

    def named_with_role(self, source: Span | None) -> str | None:
        """Without a parse: "der Kanzler", "el ministro" name the person written with that role before
        ("Bundeskanzlerin Angela Merkel", "El ministro de Defensa, Agustín Rossi"), nearest first; not one of
        the other sex ("la ministra" is not "el ministro N", "die Ministerin" not "Minister N")."""
        keys = {role_key(t.text) for t in source or () if t.is_alpha and is_role_word(t.text)}
        if not keys:
            return None
        text, sex = doc_text(self._doc), self.source_sex(source)
        for s, _, entity in reversed(self._mentions[: bisect_left(self._starts, source.start_char)]):
            role = ROLE_BEFORE_NAME.search(text[max(0, s - ROLE_CONTEXT_CHARS) : s])
            if entity.type == "PLACE" or not self.may_be(entity.name, sex):
                continue
            if role and any(key in role["role"].lower() for key in keys):
                return entity.name
        return None

    def _closing_apposition(self, source: Span) -> str | None:
        """The person named between commas at the end of the subject's phrase: "A spokesman for Elwyn Hydro,
        Marco Bell, said" (parsed as an apposition of "Elwyn Hydro"), "A friend of N, Ruth Adler, said"."""
        text = doc_text(source.doc)
        last = source.root.right_edge
        stop = last.idx + len(last.text)
        for start, end, entity in self._mentions[bisect_left(self._starts, source.start_char) :]:
            if start >= stop:
                return None
            closes = text[end:stop].strip() in {"", ","} and text[:start].rstrip().endswith(",")
            if entity.type == "PERSON" and closes:
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
