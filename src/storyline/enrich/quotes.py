"""Who said what: direct, partial and indirect (unquoted) quotes with their speakers, and stances.

Two sources of evidence, merged:

1. Reported-speech structure from the dependency parse: a reporting verb
   (:data:`~storyline.enrich.cues.REPORTING_VERBS`) with its subject (the
   source) and its clausal complement (the content) - "N said that ...",
   "..., said N", "N told reporters that ...", "..., he noted" - plus "according to
   N, ..." phrases, headline-style "N: claim" and transcripts ("NAME: answer").
   Stances (kind "stance"): a stance verb, noun or adjective with its holder
   and its object, infinitive or for-phrase - "N wants to ...", "N backed the
   ban", "N's call for a ban", "N made a call for ...", "N is confident that
   ..." (:data:`~storyline.enrich.cues.STANCE_VERBS`); beliefs held by nobody
   named, whose content is the whole clause - "N is expected to win", "N seems
   unlikely to ..."; and "N was backed by M" (M's stance on N).
2. Quotation marks in every common style (typewriter '' too), including quotes that run over
   several paragraphs (an opening mark at a paragraph start with no close
   continues into the next paragraph). A quote with no reporting verb of its
   own continues the previous speaker (or belongs to the subject of a sentence
   ending in a colon just before it); a short quote inside a sentence whose
   main verb reports or names ("called the plan “reckless”") is a partial
   quote of that verb's subject; other short quotes are scare quotes or titles.

For English a learned model (:mod:`storyline.enrich.quote_model`, fitted on PolNeAR train) adds
cues no list names, from their parse frame ("N grumbled that ..."), and filters what is proposed;
under its filter weaker frames are proposed too (a stance with no subject, held by the person
named nearest in the sentence; a noun stance with no holder; objects of "say"; Title Case lines).

Without a parse (languages with no model) only the punctuation rules and
"according to" run, and a quote goes to the person named nearest to it in
its sentence.

Speakers are resolved through pronouns and role nouns ("he", "the
spokesman") to the nearest person named before; ``speaker_start/end`` give
the source as written next to the cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import (
    ACCORDING_TO,
    ACCORDING_TO_AFTER,
    ACCORDING_TO_NO_SOURCE,
    ACCORDING_TO_VERBS,
    AFTER_CONTENT_ONLY,
    COMPLEMENTIZERS,
    EVIDENTIAL_VERBS,
    GROUP_PRONOUNS,
    NAMING_VERBS,
    OBJECT_NOT_CONTENT,
    PERSON_PRONOUNS,
    PRO_DROP_LANGUAGES,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STANCE_PREPOSITIONS,
    STANCE_VERBS,
    TITLES,
    WORD_ORDER_COMPLEMENTIZERS,
    WORD_ORDER_REPORTING_VERBS,
    is_role_word,
    role_key,
)
from storyline.enrich.entities import CAPITALISED_NOUN_LANGUAGES
from storyline.enrich.quote_model import NO_MODEL, QuoteModel, default_quote_model, marks_from, quote_features
from storyline.model import Entity, Quote

UNATTRIBUTED = "unattributed"
#: Opening mark -> the marks that close it.
QUOTE_MARKS: dict[str, str] = {
    "“": "”", "‘": "’", "«": "»", "„": "“”", "‚": "‘’", "「": "」", "『": "』", "‹": "›", '"': '"',
}
_CLOSERS = frozenset("”’»“‘」』›\"")
#: Typographic double marks that open a quote (and may be closed by a straight mark in mixed copy).
_DOUBLE_OPENERS = frozenset("“„«")
_TWO_APOSTROPHES = "''"
#: Entity labels of those who can hold a stance (spaCy OntoNotes and WikiNER).
_HOLDER_LABELS = frozenset({"PERSON", "PER", "ORG", "NORP"})
_SUBJECTS = frozenset({"nsubj"})
_CONTENT_DEPS = frozenset({"ccomp"})
#: Dependencies through which a reporting verb inherits the subject of its head ("..., adding that").
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp"})
#: Right-hand dependents that still belong to a source's name ("the president of France").
_SOURCE_RIGHT_DEPS = frozenset({"compound", "flat", "flat:name", "nmod", "nummod", "appos"})
_OF = frozenset({"of", "de", "du", "des"})
#: Right dependents of a cue that may carry quoted words as its content ("admitted “one or two instances”").
_QUOTED_OBJECT_DEPS = frozenset({"dobj", "obj", "oprd", "xcomp"})
_AS = frozenset({"as", "comme", "como", "как"})
#: Right dependents of a stance verb that hold what is wanted, backed or judged ("wants to run", "backed Cruz").
_STANCE_CONTENT_DEPS = frozenset({"dobj", "obj", "xcomp", "oprd", "ccomp", "acl"})
#: Right dependents of a stance cue that may follow its object and still belong to its content.
_TRAILING_DEPS = frozenset({"prep", "dative", "advmod", "obl"})
#: What completes "N seems / is expected ...": "to win", "that ...", "a threat", "unclear" (and, after
#: a passive cue, a preposition: "is seen as a threat").
_BELIEF_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "acomp"})
#: A quote with no cue continues the previous speaker if that quote ended this close before.
CONTINUATION_CHARS = 600
#: Fewest words in a stance's content unless it is a name: "backed reform" says too little to compare
#: across articles ("denied the allegations", "endorsed Cruz" are kept); on PolNeAR train 2 rather than
#: 1 gives +1.3 points of precision at the same F1, and names +0.1 F1.
MIN_STANCE_WORDS = 2
#: Longest cue clause between two quotations joined as one ("“A,” N told reporters on Monday. “B.”");
#: 200 rather than 120: +0.1 point of F1 on PolNeAR train.
CUE_CLAUSE_CHARS = 200
#: Longest source between a quotation closed by a comma and its cue ("“A,” the senator from Ohio said").
LEADING_GAP_CHARS = 80
#: Farthest a quotation may start after a cue that did not attach it and still be its content.
QUOTATION_AFTER_CUE_CHARS = 30
#: A quote shorter than this share of its sentence is partial (embedded in the sentence).
PARTIAL_SHARE = 0.6
#: Without a parse, a quotation of fewer words inside a longer sentence is taken for a scare quote.
SCARE_QUOTE_WORDS = 3


@dataclass
class _Attribution:
    """A content span (characters) with its cue, the source as written, and the resolved speaker."""

    start: int
    end: int
    cue: str | None
    source: Span | None
    speaker: str = UNATTRIBUTED
    embedded: bool = False  # a quotation inside a sentence that is not itself reported speech
    kind: str = "indirect"
    cue_word: Token | None = None  # the cue's word in the parse, when it is one
    #: No parse and no name said who speaks ("Añadió que X", "X – powiedział.", "X, dijo el ministro"): the
    #: speaker of the reported speech just before goes on, as for English "he said".
    continues: bool = False


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds it from every token on each access, which
    made per-sentence and per-cue lookups quadratic (a 64,000-character article took minutes)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storyline.text"


# --------------------------------------------------------------------------
# Quotation marks


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blank-line separated paragraphs of ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included; a quote opened at a paragraph start may run on.

    Two apostrophes ("''He said,''" - typewriter style, as in wire and archive copy) count as
    one double mark.
    """
    original, text = text, text.replace(_TWO_APOSTROPHES, "'\"")
    paragraphs = paragraph_bounds(text)
    spans: list[tuple[int, int]] = []
    p, i = 0, paragraphs[0][0] if paragraphs else 0
    while p < len(paragraphs):
        start, end = paragraphs[p]
        i = max(i, start)
        while i < end:
            if text[i] in QUOTE_MARKS and _opens(text, i):
                close = _find_close(text, i, end)
                if close is None and not text[start:i].strip():
                    close, p = _run_on(text, paragraphs, p, text[i])
                    start, end = paragraphs[p]
                if close is not None:
                    spans.append((i - original.startswith(_TWO_APOSTROPHES, i - 1), close + 1))
                    i = close
            i += 1
        p += 1
    return spans


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quote (a straight or single mark must follow no letter)."""
    mark = text[i]
    if mark in "\"‘‚'":
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not before.isalnum() and not after.isspace()
    return True


def _find_close(text: str, i: int, end: int) -> int | None:
    """Where the quote opened at ``i`` closes within ``end``. A typographic double mark with no closer of its
    own takes a straight one: scraped and machine-translated copy mixes them ("“La morosidad ...", dijo N")."""
    close = _closing_mark(text, i, end, QUOTE_MARKS[text[i]])
    if close is None and text[i] in _DOUBLE_OPENERS:
        close = _closing_mark(text, i, end, '"')
    return close


def _closing_mark(text: str, i: int, end: int, closers: str) -> int | None:
    for j in range(i + 1, end):
        if text[j] in closers:
            # A single closing mark followed by a letter is an apostrophe ("Iran’s").
            if text[j] in "’'" and j + 1 < len(text) and text[j + 1].isalpha():
                continue
            return j
    return None


def _run_on(text: str, paragraphs: list[tuple[int, int]], p: int, mark: str) -> tuple[int | None, int]:
    """Follow a paragraph-initial quote with no close: continued paragraphs reopen with the mark.

    Returns the closing position and the paragraph it is in; without a
    continuation the quote ends with its own paragraph.
    """
    while p + 1 < len(paragraphs):
        start, end = paragraphs[p + 1]
        if not text[start:end].lstrip().startswith(mark):
            break
        p += 1
        close = _find_close(text, start + text[start:end].index(mark), end)
        if close is not None:
            return close, p
    return paragraphs[p][1] - 1, p


# --------------------------------------------------------------------------
# Reported speech from the parse


def _inside(position: int, marks: list[tuple[int, int]]) -> bool:
    """Whether ``position`` is inside a quotation (``marks`` sorted and apart: only the last one opening before it can hold it)."""
    before = bisect_left(marks, (position,))
    return before > 0 and marks[before - 1][1] > position


def _is_cue(token: Token, verbs: frozenset[str]) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in verbs


@dataclass
class _LearnedCues:
    """The cue model's verdicts on the words of one document (:mod:`storyline.enrich.quote_model`)."""

    model: QuoteModel
    probabilities: dict[int, float]

    @classmethod
    def of(cls, doc: Doc, marks: list[tuple[int, int]], model: QuoteModel) -> _LearnedCues:
        if model is NO_MODEL:
            return _RULES_ONLY
        return cls(model, {t.i: model.cue_probability(t, marks) for t in doc if not _inside(t.idx, marks)})

    @property
    def filtered(self) -> bool:
        """Whether the model's filter judges the quotes: then weaker frames are proposed too."""
        return self.model is not NO_MODEL

    def adds(self, token: Token) -> bool:
        """A word no list names that the model takes for a cue."""
        return self.probabilities.get(token.i, 0.0) >= self.model.add_threshold


#: The rules alone: no cue added, no weaker frame proposed.
_RULES_ONLY = _LearnedCues(NO_MODEL, {})


def _subject(token: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with or subordinate to."""
    seen = 0
    while token is not None and seen < 4:
        # The nearest of several: a dateline ("PARIS, May 2 (AFP) - N said") can parse as a subject too.
        subject = next((c for c in reversed(list(token.children)) if c.dep_ in _SUBJECTS or _is_inverted_clitic(c)), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and token.dep_ in {"relcl", "acl:relcl"}:
            return token.head  # "N, who said ...": the relative pronoun stands for N
        if subject is not None:
            return subject
        if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "a statement saying that ...": the statement is the source
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            token = token.head  # "N began by saying ...", "after criticizing X, N ...": N's
        elif token.dep_ not in _SHARED_SUBJECT_DEPS or token.head is token:
            return None
        token, seen = token.head, seen + 1
    return None


def _is_inverted_clitic(token: Token) -> bool:
    """French "a-t-il ajouté": the parser makes "-il" an ``expl:subj``, as it does the impersonal "il faut"."""
    return token.dep_ == "expl:subj" and token.text.startswith("-") and token.text != "-t"


def _inverted_subject(cue: Token) -> Token | None:
    """"..., retorted N": a name right after the cue that the parser took for its object."""
    return next((c for c in cue.rights if c.pos_ in {"PROPN", "NOUN", "PRON"} and c.dep_ not in _CONTENT_DEPS), None)


def source_span(subject: Token) -> Span:
    """The subject's name as written: its left part and name-like right dependents (an adjective after
    its noun too, as French writes them), no clauses."""
    end = subject.i
    for child in subject.rights:
        lone_adjective = child.dep_ == "amod" and not any(child.children)  # "la garde côtière"
        if child.dep_ in _SOURCE_RIGHT_DEPS or lone_adjective or (child.dep_ in {"prep", "nmod"} and child.lower_ in _OF):
            if child.dep_ == "appos" and any(t.ent_type_ for t in subject.subtree if t.i <= subject.i):
                continue  # "Jane Roe, the spokeswoman ...": the name is enough
            end = max(end, child.right_edge.i)
    return subject.doc[subject.left_edge.i : end + 1]


def _content_span(cue: Token, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Character range of what the cue verb reports: its clausal complement, its head (UD
    parataxis), what follows a colon, or an object holding a quotation ("described N as “...”")."""
    doc = cue.doc
    leading = _leading_quotation(cue, marks)
    if leading is not None:
        return leading
    # Of several clauses the one after the cue: "Inside the hall - which looks like X - N said ...".
    complements = sorted((c for c in cue.children if c.dep_ in _CONTENT_DEPS), key=lambda c: c.i < cue.i)
    complement = complements[0] if complements else None
    if complement is not None:
        return _trimmed(doc, complement.left_edge.i, complement.right_edge.i + 1)
    if (cue.dep_ == "parataxis" or _is_as_clause(cue)) and cue.head is not cue:
        # UD attaches "..., said N" to the reported clause: the content is the head minus the cue;
        # a cue inside it ("The plan, she said, will fail") stays inside, as one content.
        head = cue.head
        left = [t for t in head.subtree if t.i < cue.left_edge.i]
        right = [t for t in head.subtree if t.i > cue.right_edge.i and not (t.is_punct or t.is_space)]
        if left:
            return _trimmed(doc, left[0].i, (right or left)[-1].i + 1)
    colon = next((t for t in cue.rights if t.text == ":"), None)
    if colon is not None and colon.i + 1 < cue.sent.end:
        return _trimmed(doc, colon.i + 1, cue.sent.end)
    objects = [c for c in cue.rights if c.dep_ in _QUOTED_OBJECT_DEPS or (c.lower_ in _AS and c.i > cue.i + 1)]
    if objects:
        start, end = objects[0].left_edge, objects[-1].right_edge
        stop = end.idx + len(end.text)
        if any(m[1] <= stop for m in marks_from(marks, start.idx, stop)):
            return _trimmed(doc, start.i, end.i + 1)
    return _nearest_quotation(cue, marks)


def _is_as_clause(cue: Token) -> bool:
    """"As N noted, X" / "X, as N points out": the clause the cue is attached to is what N said."""
    if cue.dep_ != "advcl" or any(c.dep_ in _STANCE_CONTENT_DEPS | {"conj"} for c in cue.children):
        return False  # "as Obama defended his record" is a time clause: the cue has its own object
    return any(c.dep_ == "mark" and c.lower_ in _AS for c in cue.children)


def _leading_quotation(cue: Token, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"“A,” N said after X": a quotation closed by a comma just before the cue clause is what the cue
    reports, whatever the parser attached after the cue ("after a brief “sorry”", "as the crowd booed")."""
    text = doc_text(cue.doc)
    before = [m for m in marks_from(marks, cue.sent.start_char, cue.idx) if m[1] <= cue.idx]
    if not before or text[cue.sent.start_char : before[-1][0]].strip():
        return None  # the quotation must open the sentence: "He called it “a disaster,” N said" is all N's
    start, end = before[-1]
    gap = text[end : cue.idx]
    closed_by_comma = text[end - 2 : end - 1] in {",", "?", "!"} or gap.lstrip().startswith(",")
    if not closed_by_comma or len(gap) > LEADING_GAP_CHARS or "\n" in gap or any(m in gap for m in QUOTE_MARKS):
        return None
    # Only the source may stand between: in "“A,” she said, adding that B" "adding" reports B.
    if cue.dep_ in _SHARED_SUBJECT_DEPS or any(t.pos_ == "VERB" and t.idx >= end for t in cue.sent if t.i < cue.i):
        return None
    return start, end


def _nearest_quotation(cue: Token, marks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation in the cue's sentence that the parse did not attach ("“...,” N, 58, told X")."""
    sentence = cue.sent
    inside = [m for m in marks_from(marks, sentence.start_char, sentence.end_char) if not m[0] <= cue.idx < m[1]]
    if not inside:
        return None
    nearest = min(inside, key=lambda m: min(abs(m[0] - cue.idx), abs(m[1] - cue.idx)))
    # One after the cue must follow it closely: "promising to campaign ... “strategy”" is no report of it.
    after_cue = nearest[0] - (cue.idx + len(cue.text))
    return nearest if after_cue <= QUOTATION_AFTER_CUE_CHARS else None


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range without edge punctuation (quotation marks kept), as characters."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text not in QUOTE_MARKS)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and doc[end - 1].text not in _CLOSERS)):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _stance_content(cue: Token) -> tuple[int, int] | None:
    """What a stance verb or noun is about: its objects, infinitive or clause, or a "for"/"against"
    phrase ("backed the ban", "wants to run", "call for a ban", "claim that ...")."""
    parts = [
        c for c in cue.rights
        if c.dep_ in _STANCE_CONTENT_DEPS or _opens_with_preposition(c)
    ]  # fmt: skip
    if not parts:
        return None
    parts += _trailing_modifiers(cue, parts[-1])
    content = cue.doc[parts[0].left_edge.i : parts[-1].right_edge.i + 1]
    if sum(t.is_alpha for t in content) < MIN_STANCE_WORDS and not _names_someone(content):
        return None
    return _trimmed(cue.doc, content.start, content.end)


def _trailing_modifiers(cue: Token, last: Token) -> list[Token]:
    """Phrases after a stance's object that still say what it is about ("blamed N for X", "refers to
    N east of Y"), up to a comma; a date is left out. PolNeAR train: +0.1 point of F1."""
    found = []
    for child in (c for c in cue.rights if c.i > last.i):
        if cue.doc[child.left_edge.i - 1].text == "," or child.dep_ not in _TRAILING_DEPS or _is_time(child):
            break
        found.append(child)
    return found


def _names_someone(content: Span) -> bool:
    """A name is content enough for a stance ("endorsed Trump"); a lone common noun is not."""
    return content.root.ent_type_ in _HOLDER_LABELS


def _is_time(phrase: Token) -> bool:
    """"on Monday", "for two years": when, not what."""
    return any(c.ent_type_ in {"DATE", "TIME"} for c in phrase.children)


def _opens_with_preposition(child: Token) -> bool:
    """"for a ban" (a prepositional phrase) or "for the US to act" (a clause the parser opens with "for")."""
    if child.dep_ in {"prep", "obl", "nmod"}:
        return child.lower_ in STANCE_PREPOSITIONS and not _is_time(child)
    return child.dep_ == "advcl" and child.left_edge.lower_ in STANCE_PREPOSITIONS


def is_headline(sentence: Span) -> bool:
    """Title Case lines (headlines, link texts) are not reported speech even with a reporting verb."""
    words = [t for t in sentence if t.is_alpha]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def verb_attributions(
    doc: Doc, language: str, marks: list[tuple[int, int]], learned: _LearnedCues = _RULES_ONLY
) -> list[_Attribution]:
    """Reporting verbs with a content: "N said (that) ...", "..., said N", "N told X that ...";
    failing a clause, a cue's object is a stance: "N wants to ...", "N backed the ban", "N
    described the plan as a failure" (kind "stance"). Passive cues and verbs of appearance are
    beliefs (kind "stance"): "N is expected to win", "N seems unlikely to run", "N was backed by M".

    A cue inside a quotation ("“I think ...”") belongs to the quoted speech, not to the article.
    A stance needs a subject ("the plan was backed" names no one who holds it) and no Title Case
    line: headlines report speech ("N Says ...") but link texts ("N Admits Sending ...") are no stance.
    Under the learned model (``learned``) a word it takes for a cue reads its frame like a reporting
    verb, and stances with no subject or on a Title Case line are proposed for its filter to judge.
    """
    verbs = REPORTING_VERBS.get(language, frozenset())
    stances = STANCE_VERBS.get(language, frozenset())
    no_object = OBJECT_NOT_CONTENT.get(language, frozenset())
    evidentials = EVIDENTIAL_VERBS.get(language, frozenset())
    found = []
    for token in doc:
        reporting, stance, evidential = (_is_cue(token, cues) for cues in (verbs, stances, evidentials))
        listed = reporting or stance or evidential
        # A word no list names that the model takes for a cue reads its frame like a reporting verb.
        reporting = reporting or (not listed and token.pos_ == "VERB" and learned.adds(token))
        if not (reporting or stance or evidential) or _inside(token.idx, marks):
            continue
        belief = _belief(token, language) if evidential or _is_passive(token) else None
        if belief is not None:
            found.append(belief)
        if belief is not None or not (reporting or stance):
            continue
        content, kind = (_content_span(token, marks) if reporting else None), "indirect"
        # The model's filter judges what the rules alone leave out: objects of "say", Title Case lines.
        plain = token.lemma_.lower() not in no_object and not is_headline(token.sent)
        if content is None and (learned.filtered or plain):
            content, kind = _stance_content(token), "stance"
        if content is None:
            continue
        subject = _subject(token)
        if subject is None and content[1] <= token.idx:
            subject = _inverted_subject(token)
        if subject is None and kind == "stance" and not learned.filtered:
            continue
        source = source_span(subject) if subject is not None else None
        found.append(_Attribution(*content, cue=token.text, source=source, kind=kind, cue_word=token))
    return found


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "aux:pass"} for c in verb.children)


def _belief(cue: Token, language: str) -> _Attribution | None:
    """A passive cue or a verb of appearance, as PolNeAR annotates it: "N was backed by M" is M's
    stance on N (the subject); "N is expected to win", "N seems unlikely to run" is a belief with
    the whole clause, subject included, as content - held by nobody named, or by the subject
    when it names someone ("Trump seemed to ...")."""
    subject = next((c for c in cue.lefts if c.dep_ in {"nsubj", "nsubjpass", "nsubj:pass"}), None)
    if subject is None:
        return None
    agent = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is not None:
        content = _trimmed(cue.doc, subject.left_edge.i, subject.right_edge.i + 1)
        if content is None:
            return None
        return _Attribution(*content, cue=cue.text, source=source_span(agent), kind="stance", cue_word=cue)
    # "appeared on a show" is literal; "is seen as", "is known for" are not.
    deps = _BELIEF_COMPLEMENT_DEPS | ({"prep"} if _is_passive(cue) else set())
    complement = next((c for c in cue.rights if c.dep_ in deps and not _is_time(c)), None)
    content = _trimmed(cue.doc, subject.left_edge.i, complement.right_edge.i + 1) if complement is not None else None
    if content is None:
        return None
    return _Attribution(*content, cue=cue.text, source=_named_subject(cue, language), kind="stance", cue_word=cue)


def _named_subject(verb: Token, language: str) -> Span | None:
    """The verb's subject if it names or stands for someone ("Trump seemed to ..."), not a thing."""
    subject = _subject(verb)
    if subject is None:
        return None
    if subject.ent_type_ in _HOLDER_LABELS or subject.lower_ in PERSON_PRONOUNS.get(language, ()):
        return source_span(subject)
    return None


def adjective_attributions(
    doc: Doc, language: str, marks: list[tuple[int, int]], learned: _LearnedCues = _RULES_ONLY
) -> list[_Attribution]:
    """Stance adjectives: "N is confident that ...", "N, wary of the plan, ..." (kind "stance").

    The holder is the subject of the copula; "it is clear that ..." names none.
    """
    adjectives = STANCE_ADJECTIVES.get(language, frozenset())
    found = []
    for token in doc:
        listed = token.lemma_.lower() in adjectives
        if token.pos_ != "ADJ" or not (listed or learned.adds(token)) or _inside(token.idx, marks):
            continue
        content = _stance_content(token)
        if content is None:
            continue
        subject = _subject(token.head) if token.dep_ in {"acomp", "oprd", "xcomp"} else None
        holder = subject if subject is not None and subject.dep_ != "expl" and subject.lower_ != "it" else None
        source = source_span(holder) if holder is not None else None
        found.append(_Attribution(*content, cue=token.text, source=source, kind="stance", cue_word=token))
    return found


def noun_attributions(
    doc: Doc, language: str, marks: list[tuple[int, int]], learned: _LearnedCues = _RULES_ONLY
) -> list[_Attribution]:
    """Stance nouns with a possessive holder: "Trump's call for a ban", "her claim that ..." (kind "stance")."""
    nouns = STANCE_NOUNS.get(language, frozenset())
    found = []
    for token in doc:
        listed = token.lemma_.lower() in nouns
        if token.pos_ != "NOUN" or not (listed or learned.adds(token)) or _inside(token.idx, marks):
            continue
        holder = next((c for c in token.children if c.dep_ in {"poss", "nmod:poss"}), None) or _noun_holder(token)
        proposed = learned.filtered or (holder is not None and not is_headline(token.sent))
        content = _stance_content(token) if proposed else None
        if content is not None:
            source = source_span(holder) if holder is not None else None
            found.append(_Attribution(*content, cue=token.text, source=source, kind="stance", cue_word=token))
    return found


def _noun_holder(noun: Token) -> Token | None:
    """Who holds a stance noun with no possessive: the subject of the verb it is the object of
    ("N made a call for ...", "N raised concerns about ...") or is attached to through a
    preposition ("N came out in support of ...")."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in {"dobj", "obj"}:
        return None
    return _subject(verb) if verb.pos_ in {"VERB", "AUX"} else None


#: Without a parse, an "according to" source longer than this (tokens) is taken for a clause.
UNPARSED_SOURCE_TOKENS = 6


def according_to_attributions(doc: Doc, language: str, parsed: bool = True) -> list[_Attribution]:
    """"According to N, ..." / "..., according to N": the source is the phrase, the content the rest."""
    found = []
    lowered = [t.lower_ for t in doc]
    for phrase in ACCORDING_TO.get(language, ()):
        for i in range(len(doc) - len(phrase)):
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            sent = doc[i].sent
            source_start = i + len(phrase)
            if i > sent.start and lowered[i - 1] in PERSON_PRONOUNS.get(language, ()):  # "Jego zdaniem X"
                content = _trimmed(doc, source_start, sent.end)
                if content is not None:
                    found.append(_Attribution(*content, cue=doc[i].text, source=doc[i - 1 : i], continues=True))
                continue
            source_end = source_start
            while source_end < sent.end and not doc[source_end].is_punct and not doc[source_end].is_space:
                source_end += 1
            if source_end == source_start or ACCORDING_TO_NO_SOURCE & set(lowered[source_start : source_start + 2]):
                continue  # "según las cuales ...": a relative clause, no source
            if lowered[source_start] in ACCORDING_TO_VERBS.get(language, ()):
                source_start += 1  # "según dijo (un funcionario)": the speaker, if any, follows the verb
            elif not parsed and (source_end - source_start > UNPARSED_SOURCE_TOKENS or source_end >= sent.end - 1):
                # without a parse, a long run to the next comma or the sentence end is a clause, not a source;
                # a name may open it ("Laut Petrenko bleibt die Grenze zu")
                source_end = _name_run_end(doc, source_start, source_end)
                if source_end == source_start:
                    continue
            before = _trimmed(doc, sent.start, i)
            after = _trimmed(doc, source_end, sent.end)
            content = after if before is None or (after is not None and after[1] - after[0] > before[1] - before[0]) else before
            if content is not None:
                source = doc[source_start:source_end] if source_end > source_start else None
                found.append(_Attribution(*content, cue=doc[i : i + len(phrase)].text, source=source))
    return found + _postposed_according_to(doc, lowered, language)


def _name_run_end(doc: Doc, start: int, end: int) -> int:
    """Without a parse, where the name after "laut" / "según" ends when no comma closes it: after its run of
    capitalised or role words ("Laut Ministerin Olga Petrenko bleibt X"); ``start`` when there is none."""
    position = start
    while position < end and (doc[position].text[:1].isupper() or is_role_word(doc[position].text)):
        position += 1
    return position if any(t.text[:1].isupper() for t in doc[start:position]) else start


def _postposed_according_to(doc: Doc, lowered: list[str], language: str) -> list[_Attribution]:
    """"Dem Minister N zufolge bleibt X", "Bakan N'ya göre X": the source runs back from the word to the
    sentence start or a comma (a few words at most), the content is what follows to the sentence end."""
    found = []
    for i, word in enumerate(lowered):
        if word not in ACCORDING_TO_AFTER.get(language, ()):
            continue
        sentence = doc[i].sent
        start = i
        while start > sentence.start and not doc[start - 1].is_punct and not doc[start - 1].is_space:
            start -= 1
        content = _trimmed(doc, i + 1, sentence.end)
        if start < i and i - start <= UNPARSED_SOURCE_TOKENS and content is not None:
            found.append(_Attribution(*content, cue=doc[i].text, source=doc[start:i]))
    return found


#: Farthest (characters) a Chinese speaker's name may stand before the reporting verb ("N周日在记者会上表示").
UNSPACED_SOURCE_CHARS = 16
#: Farthest (characters) a speaker's name may stand before "dijo que" (an apposition may come between).
SPEAKER_BEFORE_VERB_CHARS = 80
#: Without a name in it, a speaker after the content ("X, dijo el ministro.") is at most this many words.
SHORT_SOURCE_WORDS = 4
#: Most lower-case words between a reporting verb and its complementizer ("afirmó este lunes que").
GAP_WORDS = 3
_CLAUSE_BREAK = re.compile(r"[，,。！？；;：:\n「」“”『』]")


def word_order_attributions(doc: Doc, entities: list[Entity], language: str) -> list[_Attribution]:
    """Reported speech in languages parsed by no model here, read from the word order of news.

    Speaker first, then the reporting verb, a complementizer and the content to the sentence end: Chinese
    "N周日表示，X。", Spanish "N dijo que X.", German "N sagte, X." Content first: Spanish "X, dijo N.",
    German "X, so N." Japanese: speaker with "は", the content, "と" and the verb ("Nは18日、Xと述べた。").
    Korean: speaker with a topic particle, the content, the quotative "(라)고" and the verb ("N은 X다고
    말했다."). The speaker is the name mentioned last before the content, else a pronoun, else the words
    naming a role.
    """
    if language not in WORD_ORDER_REPORTING_VERBS:
        return []
    names = speaker_names(entities)
    found: list[_Attribution] = []
    for sentence in doc.sents:
        if language == "ja":
            found += _japanese_attributions(doc, names, sentence)
        elif language == "ko":
            found += _korean_attributions(doc_text(doc), sentence, found)
        elif language == "ar":
            found += _arabic_attributions(doc, sentence, found)
        elif language == "tr":
            found += _turkish_attributions(doc, names, sentence)
        else:
            found += _speaker_first_attributions(doc, names, sentence, language)
            found += _content_first_attributions(doc, names, sentence, language)
    return found


def speaker_names(entities: list[Entity]) -> list[tuple[int, int]]:
    """Sorted (start, end) of the mentions that may name a speaker: people, organisations, untyped names."""
    return sorted((s, e) for entity in entities if entity.type in {"PERSON", "MISC", "ORG"} for s, e in entity.mentions)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=16)
def _word_order_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """The language's cue patterns, compiled once: "forward" (speaker first), "backward" (content first),
    or "cue" (Japanese "と述べ", Korean "라고 말했")."""
    verbs = WORD_ORDER_REPORTING_VERBS[language]
    if language == "ja":
        return {"cue": re.compile(f"と(?:{_alternation(verbs)})")}
    if language == "ko":
        return {"cue": re.compile(f"(?:라|이라)?고\\s+(?:{_alternation(verbs)})")}
    if language == "tr":  # verb last: "Bakan N, X söyledi." / "«X» dedi."
        return {
            "cue": re.compile(
                rf"^(?P<source>[^,.;:!?«»\"“”]{{2,80}}?),\s*(?P<content>.+?)\s+(?P<cue>{_alternation(verbs)})\s*[.!]?\s*$"
            )
        }
    if language == "ar":  # verb first; "و"/"ف" ("and") glued to it; the speaker, if named, before "إن"/"أن" or ":"
        letter = "[\u0600-\u06ff]"
        return {
            "cue": re.compile(
                f"(?<!{letter})[وف]?(?P<cue>{_alternation(verbs)})(?!{letter})\\s*(?P<source>[^.،؛:«»\"]*?)\\s*"
                f"(?:(?<!{letter})(?:إن|أن|بأن)(?!{letter})|:)\\s*"
            )
        }
    forward = _alternation(v for v in verbs if v not in AFTER_CONTENT_ONLY)
    # "据说" (reportedly), "小说" (a novel), "听说", "传说": no one speaks; elsewhere the verb is a whole word.
    before = r"(?<![据小听传])" if language == "zh" else r"(?<!\w)"
    # A source holds no complementizer: "..., afirmó este lunes que X" reports X, it does not name a speaker.
    source_char = rf"(?:(?!\s{COMPLEMENTIZERS[language]}\s)[^,.;:!?«»\"“”„])" if language in COMPLEMENTIZERS else r"[^,.;:!?«»\"“”„]"
    return {
        # A few lower-case words may stand before the complementizer: "afirmó este lunes que", "Podkreślił jednak, że".
        "forward": re.compile(
            rf"{before}(?P<cue>{forward})(?P<gap>(?:\s+[^\W\d_]+){{0,{GAP_WORDS}}}?)(?:{WORD_ORDER_COMPLEMENTIZERS[language]})",
            re.IGNORECASE,
        ),
        "any": re.compile(rf"{before}(?P<cue>{_alternation(verbs)})(?!\w)", re.IGNORECASE),
        "backward": re.compile(
            rf"(?:,|\s[–—-])\s*(?P<cue>{_alternation(verbs)})(?:\s+(?P<source>{source_char}+?))?"
            # "..., dijo N, director de X." (a straight mark opening the next quotation may end the sentence)
            rf"(?:,\s*[^,.;:!?«»\"“”]+)?\s*[.!?]?,?[\"”»]?(?:\s+[\"“„«])?\s*$"
        ),
    }


def _speaker_first_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[_Attribution]:
    """"N dijo que X", "N周日表示，X": the name before the verb speaks, the rest of the sentence is said."""
    patterns = _word_order_patterns(language)
    text, low, high = doc_text(doc), sentence.start_char, sentence.end_char
    found = []
    for cue in patterns["forward"].finditer(sentence.text):
        if any(word[0].isupper() for word in cue["gap"].split()):
            continue  # "explicó el Plan que": a name between is an object, not the time or audience of the verb
        cue_start, cue_end = low + cue.start(), low + cue.end()
        if language == "zh":
            clause = max(_clause_start(text, low, cue_start), cue_start - UNSPACED_SOURCE_CHARS)
            source = _unspaced_source(doc, names, clause, cue_start, language)
        else:  # an apposition may stand between: "Pérez, ministro de Hacienda, dijo que"
            source = _named_before(doc, names, max(low, cue_start - SPEAKER_BEFORE_VERB_CHARS), cue_start, language)
        content = _trimmed_chars(text, cue_end, high)
        if content is None:
            continue
        if source is not None:
            found.append(_Attribution(*content, cue=cue["cue"], source=source))
        elif _drops_subject(text, low, cue_start, language):
            found.append(_Attribution(*content, cue=cue["cue"], source=None, continues=True))
    return found


def _drops_subject(text: str, low: int, cue_start: int, language: str) -> bool:
    """"También anunció que", "En ese sentido, destacó que", "Podkreślił jednak, że": in a language that drops
    known subjects, a verb opening its clause (after a few words at most) has the previous speaker's subject."""
    clause = text[_clause_start(text, low, cue_start) : cue_start].split()
    return language in PRO_DROP_LANGUAGES and len(clause) <= GAP_WORDS


def _content_first_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[_Attribution]:
    """"X, dijo el ministro Pérez." / "X, so Scholz." / "X – powiedziała N.": the sentence ends with the verb
    and its speaker; "X – powiedział." (no subject) continues the previous speaker."""
    match = _word_order_patterns(language)["backward"].search(sentence.text)
    if match is None:
        return []
    low = sentence.start_char
    content = (_dash_speech_start(doc, sentence, language), low + match.start())
    if match["source"] is None:
        trimmed = _trimmed_chars(doc_text(doc), *content)
        if language not in PRO_DROP_LANGUAGES or trimmed is None:
            return []
        return [_Attribution(*trimmed, cue=match["cue"], source=None, continues=True)]
    return _matched_attribution(doc, names, match, content, low, needs_name=match["cue"] in AFTER_CONTENT_ONLY)


#: Sentences searched back for the dash that opens speech ended by "- powiedział N".
DASH_SPEECH_SENTENCES = 4
_DASHES = frozenset("-–—")


def _dash_speech_start(doc: Doc, sentence: Span, language: str) -> int:
    """Where speech set off by a dash starts ("- A. B - podkreślił."; Polish, Italian): the dash opening this
    sentence or one of the few before it in the paragraph, none of them ending speech of its own; else this
    sentence's start."""
    current = sentence
    for _ in range(DASH_SPEECH_SENTENCES):
        if current[0].text in _DASHES:
            return current.start_char
        if current.start == 0 or "\n" in doc[current.start - 1].text_with_ws:
            break
        current = doc[current.start - 1].sent
        if _word_order_patterns(language)["backward"].search(current.text):
            break
    return sentence.start_char


def _matched_attribution(
    doc: Doc,
    names: list[tuple[int, int]],
    match: re.Match[str],
    content_span: tuple[int, int],
    low: int,
    needs_name: bool = False,
) -> list[_Attribution]:
    """The attribution a word-order ``match`` (groups "source" and "cue", offsets from ``low``) makes of
    ``content_span``. Without a name in it, only a short phrase ("el ministro") is a speaker: "so schnell er
    konnte" is none; the name in it is the speaker ("kommentierte Captain Tom Moore seinen Spendenlauf")."""
    source, named = _source_after_cue(doc, names, low + match.start("source"), low + match.end("source"))
    if not named and (needs_name or len(match["source"].split()) > SHORT_SOURCE_WORDS):
        return []
    content = _trimmed_chars(doc_text(doc), *content_span)
    if content is None or source is None:
        return []
    return [_Attribution(*content, cue=match["cue"], source=source, continues=not named)]


def _source_after_cue(doc: Doc, names: list[tuple[int, int]], low: int, high: int) -> tuple[Span | None, bool]:
    """Who the words [low, high) after a reporting verb name, and whether by name: the name a role there
    introduces ("el director de Acme Inc., Pedro Ruiz"), else the name there (:func:`_speaker_after_cue`),
    else the words themselves ("der Sprecher")."""
    text = doc_text(doc)
    phrase = _trimmed_chars(text, low, high)
    if phrase is None:
        return None, False
    if (introduced := _named_after_role(doc, names, *phrase)) is not None:
        return introduced, True
    named = _speaker_after_cue(text, [(s, e) for s, e in names if low <= s and e <= high], low)
    if named is not None:
        return doc.char_span(*named, alignment_mode="expand"), True
    return doc.char_span(*phrase, alignment_mode="expand"), False


def _speaker_after_cue(text: str, names: list[tuple[int, int]], low: int) -> tuple[int, int] | None:
    """Of the ``names`` after a cue at ``low``, the one a role introduces ("powiedział na antenie TVN prof. Jan
    Nowak"), else the first unless a role opens the phrase without naming it: "incalza il capo dell'agenzia
    Onu" is the head's, not the agency's (None: the role is the speaker)."""
    for start, end in names:
        if (role := _ROLE_BEFORE_NAME.search(text[max(low, start - ROLE_CONTEXT_CHARS) : start])) and is_role_word(role["role"]):
            return start, end
    if not names or any(is_role_word(word) for word in text[low : names[0][0]].split()):
        return None
    return names[0]


#: What may stand between a role and the name it introduces: a comma, after an abbreviation's full stop
#: ("director de Acme Inc., N"), or a title's full stop alone ("prof. N").
_APPOSITION = re.compile(r"\.?,?[ \t]*")


def _named_after_role(doc: Doc, names: list[tuple[int, int]], start: int, end: int) -> Span | None:
    """The name a role in lower case introduces after a comma: "..., ha expresado el director de Acme Inc.,
    Pedro Ruiz." -> "Pedro Ruiz" (the sentence splitter may have cut after "Inc.")."""
    text = doc_text(doc)
    gap = _APPOSITION.match(text, end)
    words = text[start:end].split()
    if not text[start : start + 1].islower() or not ("," in gap.group() or (words and is_role_word(words[-1]))):
        return None
    following = bisect_left(names, (gap.end(),))  # names are sorted by start
    if following == len(names) or names[following][0] != gap.end():
        return None
    return doc.char_span(*names[following], alignment_mode="expand")


def _last_name(doc: Doc, names: list[tuple[int, int]], low: int, position: int) -> Span | None:
    """The name mentioned last in [low, position)."""
    inside = [(s, e) for s, e in names if low <= s and e <= position]
    return doc.char_span(*inside[-1], alignment_mode="expand") if inside else None


def _named_before(doc: Doc, names: list[tuple[int, int]], low: int, position: int, language: str) -> Span | None:
    """The name mentioned last in [low, position), else a person pronoun right before the verb."""
    if (named := _last_name(doc, names, low, position)) is not None:
        return named
    words = doc.char_span(low, position, alignment_mode="expand")
    last = words[-1] if words is not None and len(words) else None
    if last is not None and last.lower_ in PERSON_PRONOUNS.get(language, ()):
        return words[-1:]
    return None


def _turkish_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span) -> list[_Attribution]:
    """"Bakan Ahmet Yılmaz, ekonominin büyüyeceğini söyledi.": the phrase before the first comma speaks when it
    names someone (or is a short phrase: "Bakanlık"), the rest up to the verb at the sentence end is said."""
    match = _word_order_patterns("tr")["cue"].search(sentence.text)
    if match is None:
        return []
    low = sentence.start_char
    return _matched_attribution(doc, names, match, (low + match.start("content"), low + match.end("content")), low)


#: Where an Arabic speaker's phrase ends and the circumstances begin: "يوم" (on the day), "في" (in), "خلال"
#: (during), "لـ"/"ل" + "وكالة" ("to the agency"): "المتحدث ... بترينكو يوم الأحد" -> the spokesman.
_ARABIC_CIRCUMSTANCE = re.compile(r"\s(?:يوم|في|خلال|اليوم|أمس|لوكالة|لصحيفة|للصحفيين)\s.*$")


def _arabic_attributions(doc: Doc, sentence: Span, before: list[_Attribution]) -> list[_Attribution]:
    """"وقال المتحدث N يوم الأحد إن X": the words between the verb and "إن" name the speaker (up to the
    time or place that follows them); "وأضاف أن X" names none, so the previous speaker goes on."""
    found: list[_Attribution] = []
    text, low, high = doc_text(doc), sentence.start_char, sentence.end_char
    for cue in _word_order_patterns("ar")["cue"].finditer(sentence.text):
        content = _trimmed_chars(text, low + cue.end(), high)
        if content is None:
            continue
        closing = QUOTE_MARKS.get(text[content[0]], "")
        end = next((i for i in range(content[0] + 1, content[1]) if text[i] in closing), None) if closing else None
        if end is not None:
            content = (content[0], end + 1)  # "وأضاف N: «X». ...": the quotation is what was said
        phrase = _ARABIC_CIRCUMSTANCE.sub("", cue["source"]).strip(" \t\n–—-،")
        if not phrase:  # the previous speaker's source (resolved later) or name goes on
            previous = (before + found)[-1] if before or found else None
            source, speaker = (previous.source, previous.speaker) if previous else (None, UNATTRIBUTED)
            found.append(_Attribution(*content, cue=cue["cue"], source=source, speaker=speaker))
            continue
        if len(phrase.split()) > SHORT_SOURCE_WORDS * 2:
            continue  # a clause, not a speaker
        start = low + cue.start("source")
        source = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        found.append(_Attribution(*content, cue=cue["cue"], source=source))
    return found


#: The Korean topic particle that ends the speaker's phrase ("대변인은", "그는"; subject particles are left out: "올가" ends in one).
_KOREAN_TOPIC = re.compile(r"(?P<words>\S(?:.*?\S)??)(?:은|는)(?=\s)")


def _korean_attributions(text: str, sentence: Span, before: list[_Attribution]) -> list[_Attribution]:
    found = []
    for cue in _word_order_patterns("ko")["cue"].finditer(sentence.text):
        attribution = _korean_attribution(text, sentence.start_char, sentence.start_char + cue.start(), cue.group(), before + found)
        if attribution is not None:
            found.append(attribution)
    return found


def _korean_attribution(text: str, low: int, cue_start: int, cue: str, before: list[_Attribution]) -> _Attribution | None:
    """"페트렌코 대변인은 X다고 강조했다": the speaker is the sentence's opening phrase up to its topic particle, the
    content what stands between it and the quotative; "그는" is the previous speaker."""
    topic = _KOREAN_TOPIC.match(text, low, cue_start)
    if topic is None:
        return None
    start = topic.end()
    quotation = re.search(r"[\"“'‘「][^\"”'’」]+[\"”'’」]\s*$", text[start:cue_start])
    if quotation is not None:  # the quotation right before "라고" is the content
        start += quotation.start()
    content = _trimmed_chars(text, start, cue_start)
    if content is None:
        return None
    # The particle is part of its token ("대변인은"), so no token span names the speaker: the words do.
    speaker = before[-1].speaker if topic["words"] in PERSON_PRONOUNS["ko"] and before else topic["words"]
    return _Attribution(*content, cue=cue.split()[-1], source=None, speaker=speaker)


def _clause_start(text: str, low: int, position: int) -> int:
    """Start of the clause that ends at ``position`` (after the last comma, colon or quotation mark)."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, low, position)]
    return breaks[-1] if breaks else low


def _unspaced_source(doc: Doc, names: list[tuple[int, int]], clause: int, position: int, language: str) -> Span | None:
    """The name mentioned last in [clause, position), else a person pronoun there, else the clause itself."""
    if (named := _last_name(doc, names, clause, position)) is not None:
        return named
    for token in doc.char_span(clause, position, alignment_mode="expand") or ():
        if token.text in PERSON_PRONOUNS.get(language, ()):
            return doc[token.i : token.i + 1]
    if position - clause > UNSPACED_SOURCE_CHARS or position - clause < 2:
        return None
    return doc.char_span(clause, position, alignment_mode="expand")  # "外交部发言人表示，": a role, no name


def _japanese_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span) -> list[_Attribution]:
    found = []
    for cue in _word_order_patterns("ja")["cue"].finditer(sentence.text):
        attribution = _japanese_attribution(doc, names, sentence.start_char, sentence.start_char + cue.start(), cue.group())
        if attribution is not None:
            found.append(attribution)
    return found


def _japanese_attribution(doc: Doc, names: list[tuple[int, int]], low: int, cue_start: int, cue: str) -> _Attribution | None:
    """"Nは18日、Xと述べた": the content starts after the topic marker "は" that follows the speaker, and after
    a short phrase of time or audience set off by a comma ("18日、")."""
    text = doc_text(doc)
    speakers = [(s, e) for s, e in names if low <= s and e <= cue_start]
    if not speakers:
        return None
    name_start, name_end = speakers[-1]
    topic = text.find("は", name_end, cue_start)
    if topic < 0 or topic - name_end > 6:  # a title may stand between: "カービー報道官は"
        return None
    start = topic + 1
    comma = text.find("、", start, cue_start)
    if 0 <= comma - start <= 12:
        start = comma + 1
    if text[cue_start - 1] in "」』":  # "…、記者会見で「X」と述べた": the content is the quotation
        start = max(start, text.rfind("「" if text[cue_start - 1] == "」" else "『", start, cue_start))
    content = _trimmed_chars(text, start, cue_start)
    if content is None:
        return None
    source = doc.char_span(name_start, name_end, alignment_mode="expand")
    return _Attribution(*content, cue=cue, source=source)


def _trimmed_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without edge spaces and sentence-final punctuation; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in "，,：:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "。！？.!?"):
        end -= 1
    return (start, end) if end > start else None


def colon_attributions(doc: Doc) -> list[_Attribution]:
    """Headline style "Name: claim" - a short named source, a colon, then what it said. At a
    paragraph start (an interview transcript, "Name: answer ...") the claim runs to the paragraph end."""
    found = []
    for sentence in doc.sents:
        colon = next((t for t in sentence[:6] if t.text == ":"), None)
        if colon is None or colon.i == sentence.start:
            continue
        # The parser may end a sentence at a transcript's "NAME:"; the answer is the paragraph's rest.
        end = _paragraph_end(doc, sentence) if _starts_paragraph(doc, sentence) else sentence.end
        source = doc[sentence.start : colon.i]
        label = _starts_paragraph(doc, sentence) and _is_speaker_label(source)
        named = any(t.ent_type_ in {"PERSON", "PER", "ORG"} for t in source) and source[-1].ent_type_
        if colon.i + 1 >= end or not (named or label):
            continue
        content = _trimmed(doc, colon.i + 1, end)
        claim = doc[colon.i + 1 : end]
        # A Title Case headline tags its verbs as names, so a headline claim only needs a few words.
        if content is not None and (any(t.pos_ in {"VERB", "AUX"} for t in claim) or _is_headline_claim(claim)):
            found.append(_Attribution(*content, cue=":", source=source))
    return found


def _starts_paragraph(doc: Doc, sentence: Span) -> bool:
    return sentence.start == 0 or "\n" in doc[sentence.start - 1].text_with_ws


def _paragraph_end(doc: Doc, sentence: Span) -> int:
    """Token index where the paragraph holding ``sentence`` ends."""
    end = sentence.end
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return end


def _is_speaker_label(source: Span) -> bool:
    """A transcript's speaker label: one to three upper-case words ("TAPPER", "SEN. JOHN DOE")."""
    words = [t for t in source if t.is_alpha]
    return 0 < len(words) <= 3 and len(source) <= 5 and all(t.is_upper and len(t) > 1 for t in words)


def _is_headline_claim(claim: Span) -> bool:
    return is_headline(claim) and sum(t.is_alpha for t in claim) >= 3


# --------------------------------------------------------------------------
# Speakers


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
#: Sentences searched back for a pronoun's antecedent (its own and two before) before the nearest name is taken.
ANTECEDENT_SENTENCES = 3
#: Characters around a person's mention searched for the role word of "the judge" ("Judge N", "N, the judge").
ROLE_CONTEXT_CHARS = 30
#: A role word right before a name, or before "of X," and the name: "premier N", "prof. N", "ministro de Defensa, N".
_ROLE_BEFORE_NAME = re.compile(r"(?P<role>\w+)\.?(?:\s+\w+\s+\w+,)?[\s,]*$")


class _SpeakerResolver:
    """Maps a source span to a named speaker, through pronouns and role nouns."""

    def __init__(self, doc: Doc, entities: list[Entity], language: str, marks: list[tuple[int, int]]) -> None:
        self._doc = doc
        self._marks = marks
        self._mentions = sorted((s, e, entity) for entity in entities for s, e in entity.mentions)
        self._starts = [s for s, _, _ in self._mentions]
        self._longest = max((e - s for s, e, _ in self._mentions), default=0)
        self.names = speaker_names(entities)
        self._person_pronouns = PERSON_PRONOUNS.get(language, frozenset())
        self._group_pronouns = GROUP_PRONOUNS.get(language, frozenset())

    def resolve(self, source: Span) -> str:
        head = source.root
        # Mentions are sorted by start; none is longer than the longest, so the search starts that far back.
        first = bisect_left(self._starts, source.start_char - self._longest)
        last = bisect_left(self._starts, source.end_char)
        inside = [m for m in self._mentions[first:last] if source.start_char < m[1]]
        at_head = [m for m in inside if m[0] <= head.idx < m[1]]
        if at_head:
            return at_head[0][2].name
        people = [m for m in inside if m[2].type == "PERSON"]
        if named := [m for m in people if self._names_head(m, head)]:
            return named[-1][2].name
        role = head.pos_ == "NOUN" and head.lemma_.lower() not in _SAID_BY_NOUNS  # "testimony from N" is N's
        if people:
            # "A friend of N", "N's lawyer": someone close to N, not N (unless named next: "N's lawyer, M").
            return (self._person_after(source) or source.text) if role else people[-1][2].name
        if head.lower_ in TITLES and (named := self._person_after(source)) is not None:
            return named  # "the spokeswoman of the council, Claire Dubois," parsed without its apposition
        if inside:
            # "Port Elwyn police officers said": a place qualifies the speakers; an organisation speaks through them.
            return source.text if role and all(m[2].type == "PLACE" for m in inside) else inside[-1][2].name
        lowered = head.lower_.lstrip("-")  # French inversion: "explique-t-elle"
        if lowered in self._person_pronouns:
            return self._antecedent(source.start_char, {"PERSON"}) or source.text
        if lowered in TITLES and source[0].lower_ in {"the", "le", "la", "l'"}:
            return self._person_titled(lowered, source.start_char) or source.text
        if lowered in self._group_pronouns:
            types = {"ORG"} if lowered in _NEUTER_PRONOUNS else {"ORG", "PERSON"}  # "it" is never a person
            return self._antecedent(source.start_char, types) or source.text
        return self._person_by_surname(source.text) or _name_after_titles(source) or source.text

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

    def _antecedent(self, position: int, types: set[str]) -> str | None:
        """Who a pronoun speaker is: the nearest subject named in its sentence or the two before (a main
        clause's subject first), else the nearest name; never a name inside someone's quotation."""
        sentence = self._doc.char_span(position, position + 1, alignment_mode="expand")
        window = sentence.sent.start if sentence is not None else 0
        for _ in range(ANTECEDENT_SENTENCES - 1):
            if window > 0:
                window = self._doc[window - 1].sent.start
        nearest, subjects = None, []
        for s, e, entity in reversed(self._mentions[: bisect_right(self._starts, position)]):
            if e > position or entity.type not in types or self.quoted(s):
                continue
            nearest = nearest or entity.name
            token = self._doc.char_span(s, e, alignment_mode="expand").root
            if token.i < window:
                break
            if token.dep_ in _SUBJECT_DEPS:
                subjects.append((token.head.dep_ != "ROOT", entity.name))
        return min(subjects, key=lambda found: found[0])[1] if subjects else nearest

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
            role = _ROLE_BEFORE_NAME.search(text[max(0, s - ROLE_CONTEXT_CHARS) : s])
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



# --------------------------------------------------------------------------
# Putting it together


def extract_quotes(
    doc: Doc, entities: list[Entity], language: str, parsed: bool = True, model: QuoteModel | None = None
) -> list[Quote]:
    """Quotes of one article, in text order, none overlapping another.

    ``model`` (English only; the shipped :mod:`~storyline.enrich.quote_model` by default, ``NO_MODEL``
    for the rules alone) adds cues no list names and drops quotes it finds unlikely.
    """
    model = (model or default_quote_model()) if language == "en" and parsed else NO_MODEL
    return [quote for quote, features in scored_quotes(doc, entities, language, parsed, model) if model.keeps(features)]


def scored_quotes(
    doc: Doc, entities: list[Entity], language: str, parsed: bool, model: QuoteModel
) -> list[tuple[Quote, list[str]]]:
    """The quotes the rules and the cue model find, with their features for the keep/drop filter
    (which ``extract_quotes`` applies; proposals it drops are already out before overlaps are settled)."""
    text = doc_text(doc)
    marks = quoted_spans(text)
    learned = _LearnedCues.of(doc, marks, model)
    attributions = according_to_attributions(doc, language, parsed) + colon_attributions(doc)
    if not parsed:
        attributions += word_order_attributions(doc, entities, language)
    else:
        attributions += verb_attributions(doc, language, marks, learned)
        attributions += noun_attributions(doc, language, marks, learned)
        attributions += adjective_attributions(doc, language, marks, learned)
    attributions = [_snap_to_marks(a, marks) for a in attributions]
    resolver = _SpeakerResolver(doc, entities, language, marks)
    for attribution in attributions:
        if attribution.source is None and attribution.kind == "stance" and attribution.cue_word and learned.filtered:
            attribution.source = _holder_near(doc, attribution, resolver)
        if attribution.source is not None:
            attribution.speaker = resolver.resolve(attribution.source)
    names = {entity.name for entity in entities}
    if learned.filtered:  # also before overlaps are settled: a dropped wide proposal hides no narrower one
        features = [_quote_features(doc, a, learned, names, marks, _kind(a, marks)) for a in attributions]
        attributions = [a for a, f in zip(attributions, features, strict=True) if model.keeps(f)]
    attributions = _without_overlaps(attributions)
    attributions = _add_marked_quotes(doc, attributions, marks, resolver, language, parsed)
    if not parsed:
        _carry_speakers(attributions, resolver, {entity.name for entity in entities}, language)
    for attribution in attributions:
        attribution.kind = _kind(attribution, marks)
    return [
        (_to_quote(text, a), _quote_features(doc, a, learned, names, marks, a.kind))
        for a in _join_interrupted(text, attributions)
    ]


def _quote_features(
    doc: Doc, attribution: _Attribution, learned: _LearnedCues, names: set[str], marks: list[tuple[int, int]], kind: str
) -> list[str]:
    """What the keep/drop filter reads: kind, cue, length, how the speaker was found."""
    cue = attribution.cue_word
    speaker = "none" if attribution.speaker == UNATTRIBUTED else "named" if attribution.speaker in names else "text"
    content = doc.char_span(attribution.start, attribution.end, alignment_mode="expand")
    probability = learned.probabilities.get(cue.i, 0.0) if cue is not None else 0.0
    features = quote_features(content, cue, probability, kind, speaker, marks)
    source = attribution.source.root.dep_ if attribution.source is not None else "none"
    return features + ["headline"] * is_headline(content[0].sent) + [f"source_dep={source}"]


def _holder_near(doc: Doc, attribution: _Attribution, resolver: _SpeakerResolver) -> Span | None:
    """Who holds a stance whose cue has no subject ("the call for a ban", "..., hoping to win"): the
    person or organisation named nearest to it in its sentence, outside its content."""
    sentence = attribution.cue_word.sent
    low, high = sentence.start_char, sentence.end_char
    mention = resolver.person_near(low, high, attribution.start, attribution.end, _HOLDER_LABELS)
    return doc.char_span(*mention, alignment_mode="expand") if mention else None


def _snap_to_marks(attribution: _Attribution, marks: list[tuple[int, int]]) -> _Attribution:
    """Widen a content that cuts into a quotation so it holds the whole quotation."""
    first = max(0, bisect_left(marks, (attribution.start,)) - 1)  # the one opening before may reach into it
    for start, end in marks[first : bisect_left(marks, (attribution.end,))]:
        if start < attribution.end and attribution.start < end:
            attribution.start, attribution.end = min(start, attribution.start), max(end, attribution.end)
    return attribution


def _without_overlaps(attributions: list[_Attribution]) -> list[_Attribution]:
    """Keep the widest of overlapping contents (a nested "I think" inside a quote goes)."""
    kept: list[_Attribution] = []
    for attribution in sorted(attributions, key=lambda a: (a.start - a.end, a.start)):
        if all(attribution.end <= k.start or k.end <= attribution.start for k in kept):
            kept.append(attribution)
    return sorted(kept, key=lambda a: a.start)


def _add_marked_quotes(
    doc: Doc,
    attributions: list[_Attribution],
    marks: list[tuple[int, int]],
    resolver: _SpeakerResolver,
    language: str,
    parsed: bool,
) -> list[_Attribution]:
    """Quotations no reporting verb claimed: continued speech, or partial quotes of a sentence's subject."""
    result = list(attributions)
    for start, end in marks:
        if any(a.start < end and start < a.end for a in result):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span[0].sent
        share = (end - start) / max(1, len(sentence.text.strip()))
        if not parsed and share < PARTIAL_SHARE and sum(t.is_alpha for t in span) < SCARE_QUOTE_WORDS:
            continue  # without a parse a word or two in quotation marks is a scare quote ("the „concerns“ of")
        named = None if parsed or _is_title(span, language) else _named_in_sentence(doc, sentence, span[-1].sent, start, end, resolver, language)
        if named is not None:
            result.append(named)
        elif share >= PARTIAL_SHARE or span.end > sentence.end:
            if _is_title(span, language):
                continue
            introduced = _introduced_by_colon(doc, start, end, resolver) if parsed else None
            result.append(introduced or _continued_speech(result, start, end, marks))
        elif parsed:
            partial = _partial_quote(sentence, start, end, resolver, language)
            if partial is not None:
                result.append(partial)
        result.sort(key=lambda a: a.start)
    return result


def _carry_speakers(attributions: list[_Attribution], resolver: _SpeakerResolver, names: set[str], language: str) -> None:
    """Without a parse, reported speech whose verb has no subject ("Añadió que X", "X – powiedział."), a pronoun
    or only a role ("sagte er", "dijo el ministro") is that of the person introduced by that role before
    ("premier Jan Nowak" for "powiedział premier"), else of the previous named speaker within
    :data:`CONTINUATION_CHARS`; with neither, it keeps the phrase (or stays unattributed)."""
    previous: _Attribution | None = None
    for attribution in attributions:
        unnamed = attribution.speaker not in names and _stands_for_someone(attribution.source, language)
        if attribution.continues and unnamed:
            if (titled := resolver.named_with_role(attribution.source)) is not None:
                attribution.speaker = titled
            elif previous is not None and attribution.start - previous.end <= CONTINUATION_CHARS:
                attribution.speaker, attribution.source = previous.speaker, attribution.source or previous.source
        if attribution.speaker in names:
            previous = attribution


def _stands_for_someone(source: Span | None, language: str) -> bool:
    """No source at all (a dropped subject), a pronoun or a phrase naming a role ("el ministro", "der Kanzler")."""
    if source is None:
        return True
    words = [t.lower_.rstrip(".") for t in source if t.is_alpha]
    return any(w in PERSON_PRONOUNS.get(language, ()) or is_role_word(w) for w in words)


def _continued_speech(
    attributions: list[_Attribution], start: int, end: int, marks: list[tuple[int, int]]
) -> _Attribution:
    """A quotation with no cue of its own: the speaker of a quotation just before it, else unattributed."""
    previous = [
        a for a in attributions if a.end <= start and start - a.end <= CONTINUATION_CHARS and _has_marks(a, marks)
    ]
    speaker = previous[-1].speaker if previous else UNATTRIBUTED
    source = previous[-1].source if previous else None
    return _Attribution(start, end, cue=None, source=source, speaker=speaker, continues=True)


def _introduced_by_colon(doc: Doc, start: int, end: int, resolver: _SpeakerResolver) -> _Attribution | None:
    """A quotation right after "N released the following statement:" or "N echoed:" is N's."""
    before = doc_text(doc)[:start].rstrip()
    colon = doc.char_span(len(before) - 1, len(before)) if before.endswith(":") else None
    subject = _subject(colon[0].sent.root) if colon is not None else None
    if subject is None:
        return None
    source = source_span(subject)
    return _Attribution(start, end, cue=":", source=source, speaker=resolver.resolve(source))


def _named_in_sentence(
    doc: Doc, first: Span, last: Span, start: int, end: int, resolver: _SpeakerResolver, language: str
) -> _Attribution | None:
    """Without a parse: credit a quotation through the reporting verb next to it (:func:`_cued_quotation`),
    else, in a language with no word-order rules here, to the person named nearest to it in the sentences it
    spans (from ``first`` to ``last``)."""
    if language in COMPLEMENTIZERS:
        cued = _cued_quotation(doc, first.start_char, last.end_char, start, end, resolver, language)
        if cued is not None and cued.source is not None:
            cued.speaker = resolver.resolve(cued.source)
        return cued
    mention = resolver.person_near(first.start_char, last.end_char, start, end)
    source = doc.char_span(*mention, alignment_mode="expand") if mention else None
    if source is None:
        return None
    return _Attribution(start, end, cue=None, source=source, speaker=resolver.resolve(source))


#: Where the words naming a speaker after the verb end: "..., dijo Pérez en Madrid." / "- spiega N - B".
_SOURCE_END = re.compile(r"[,.;:!?«»\"“”„()\n]|\s[–—-]")
#: What may stand between a quotation and the verb after it: "A", dijo / „A”- ocenił / «A» – powiedział.
_BEFORE_CUE = re.compile(r"[\s,–—-]*")


def _cued_quotation(
    doc: Doc, low: int, high: int, start: int, end: int, resolver: _SpeakerResolver, language: str
) -> _Attribution | None:
    """A quotation at [start, end) and the reporting verb next to it in its sentence(s) [low, high), without a
    parse. A verb right after it ("A", dijo N / „A” – ocenił profesor N) or inside it between dashes («A - spiega
    N - B») has its speaker after it; one before it has it before ("N afirmó que "A"", "N podkreślił: „A”"), or
    between it and a colon ("sagte der Kanzler: "A""). Never a name inside the quotation, nor the nearest name
    anywhere: "in Kraft gekommen sind, sagte der Kanzler: "A"" is not Kraft's. A verb with no name next to it
    continues the previous speaker; no verb, None."""
    text = doc_text(doc)
    cues = list(_word_order_patterns(language)["any"].finditer(text, low, high))
    for cue in cues:
        interpolated = start < cue.start() and cue.end() < end and text[: cue.start()].rstrip().endswith(("-", "–", "—"))
        follows = cue.start() >= end and _BEFORE_CUE.fullmatch(text, end, cue.start())
        if interpolated or follows:
            clause = _SOURCE_END.search(text, cue.end(), high)
            return _cue_source(doc, resolver, start, end, cue, cue.end(), clause.start() if clause else high)
    before = [cue for cue in cues if cue.end() <= start and not resolver.quoted(cue.start())]
    if not before:
        return None
    cue = before[-1]
    colon = text.rfind(":", cue.end(), start)
    if colon >= 0 and len(text[cue.end() : colon].split()) <= SHORT_SOURCE_WORDS:
        return _cue_source(doc, resolver, start, end, cue, cue.end(), colon)  # "sagte der Kanzler: "A""
    subject = re.match(r"\s+(\w+)", text[cue.end() : start])
    if subject and subject[1].lower() in PERSON_PRONOUNS.get(language, ()):  # "sagte sie, ...: "A""
        source = doc.char_span(cue.end() + subject.start(1), cue.end() + subject.end(1))
        return _Attribution(start, end, cue=cue["cue"], source=source, continues=True)
    source = _named_before(doc, resolver.names, max(low, cue.start() - SPEAKER_BEFORE_VERB_CHARS), cue.start(), language)
    return _Attribution(start, end, cue=cue["cue"], source=source, continues=source is None)


def _cue_source(
    doc: Doc, resolver: _SpeakerResolver, start: int, end: int, cue: re.Match[str], low: int, high: int
) -> _Attribution:
    """The quotation [start, end) said by whoever [low, high) names: the name there (one a title introduces
    first), else the short phrase there ("der Arbeitsminister"), which the previous speaker may stand for."""
    source, named = _source_after_cue(doc, resolver.names, low, high)
    if not named and source is not None and len(source) > SHORT_SOURCE_WORDS:
        source = None
    return _Attribution(start, end, cue=cue["cue"], source=source, continues=not named)


def _has_marks(attribution: _Attribution, marks: list[tuple[int, int]]) -> bool:
    """Holds a quotation: only quoted speech is continued by a following cue-less quotation."""
    return any(m[1] <= attribution.end for m in marks_from(marks, attribution.start, attribution.end))


def _is_title(span: Span, language: str) -> bool:
    """A quoted name of a show, book or slogan ("“The Evening Show”"), not speech.

    Lowercase function words ("of", "de") do not count against Title Case. German capitalises every noun,
    so there every word counts: "Unsere Wünsche und Gebete sind mit ihm" is speech, "Die Zeit der Wölfe" a title.
    """
    every_word = language in CAPITALISED_NOUN_LANGUAGES
    words = [t for t in span if t.is_alpha and (every_word or not (t.is_lower and t.is_stop))]
    return not words or (len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words))


def _partial_quote(
    sentence: Span, start: int, end: int, resolver: _SpeakerResolver, language: str
) -> _Attribution | None:
    """A short quotation inside a sentence whose main verb reports or names ("called it "baseless"").

    Credited to that verb's subject; other short quotations are scare quotes or titles.
    """
    root = sentence.root
    if root.lemma_.lower() not in REPORTING_VERBS.get(language, frozenset()) | NAMING_VERBS.get(language, frozenset()):
        return None
    subject = _subject(root)
    if subject is None or subject.idx >= start:
        return None
    source = source_span(subject)
    if source.end_char > start:
        return None
    speaker = resolver.resolve(source)
    if speaker == source.text and not any(t.ent_type_ for t in source):
        return None  # no named or resolvable speaker: a scare quote or a title
    return _Attribution(start, end, cue=root.text, source=source, speaker=speaker, embedded=True, cue_word=root)


def _kind(attribution: _Attribution, marks: list[tuple[int, int]]) -> str:
    """"direct" (exactly a quotation), "partial" (holds or is a quoted fragment), "indirect", or
    "stance" (an unquoted intention or judgement: "wants to run", "backed the ban")."""
    start, end = attribution.start, attribution.end
    inner = [m for m in marks_from(marks, start, end) if m[1] <= end]
    if attribution.kind == "stance" and not inner:
        return "stance"
    if inner and inner[0] == (start, end) and not attribution.embedded:
        return "direct"
    return "partial" if inner else "indirect"


def _join_interrupted(text: str, attributions: list[_Attribution]) -> list[_Attribution]:
    """One quote for speech split by its cue or by paragraphs: "“A,” she said. “B.”" -> "“A,” ... “B.”".

    Joined when the same speaker's direct quotes are separated only by white
    space or by the cue clause of the first (its source and cue, nothing else).
    """
    joined: list[_Attribution] = []
    for attribution in attributions:
        previous = joined[-1] if joined else None
        if previous is not None and _continues(text, previous, attribution):
            previous.end = attribution.end
        else:
            joined.append(attribution)
    return joined


def _continues(text: str, first: _Attribution, second: _Attribution) -> bool:
    if first.kind != "direct" or second.kind != "direct" or first.speaker != second.speaker:
        return False
    if first.speaker == UNATTRIBUTED:
        return False
    gap = text[first.end : second.start]
    if not gap.strip():
        return True
    source = first.source
    if source is None or not (first.end <= source.start_char < second.start) or "\n" in gap:
        return False
    # The gap is the cue clause: "“A,” Jane Roe told reporters in Paris on Monday. “B.”"
    return len(gap) <= CUE_CLAUSE_CHARS and not any(mark in gap for mark in QUOTE_MARKS)


def _to_quote(text: str, attribution: _Attribution) -> Quote:
    start, end = attribution.start, attribution.end
    source = attribution.source
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        speaker=attribution.speaker,
        speaker_start=source.start_char if source is not None else None,
        speaker_end=source.end_char if source is not None else None,
        cue=attribution.cue,
        kind=attribution.kind,
    )
