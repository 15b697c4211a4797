"""Attributions read without a parse: "according to N" and the word order of news.

For languages no model here parses: speaker first ("N dijo que X", Chinese "N表示，X"), content first
("X, dijo N", "X, so N"), Japanese, Korean, Arabic and Turkish patterns, and a quotation credited
through the reporting verb next to it (:func:`cued_quotation`). Apart from
:mod:`storyline.enrich.quotes` because these rules use characters and names only, never the parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import (
    ACCORDING_TO,
    ACCORDING_TO_AFTER,
    ACCORDING_TO_AFTER_POSSESSIVE,
    ACCORDING_TO_NO_SOURCE,
    ACCORDING_TO_ORDINAL_AFTER,
    ACCORDING_TO_VERBS,
    AFTER_CONTENT_ONLY,
    BACK_REFERRING_REPORTS,
    COMPLEMENTIZERS,
    PERSON_PRONOUNS,
    PRO_DROP_LANGUAGES,
    REPORT_CONTINUING_ADVERBS,
    SPEAKER_ARTICLES,
    SPEAKER_CIRCUMSTANCES,
    VERB_SECOND_LANGUAGES,
    WORD_ORDER_COMPLEMENTIZERS,
    WORD_ORDER_NAMING_VERBS,
    WORD_ORDER_REPORTING_VERBS,
    is_role_word,
)
from storyline.enrich.entities_base import _CONNECTORS
from storyline.enrich.entities_fallback import CAPITALISED_NOUN_LANGUAGES
from storyline.enrich.quotes_base import UNATTRIBUTED, Attribution, doc_text
from storyline.enrich.quotes_marks import QUOTE_MARKS, trimmed
from storyline.enrich.quotes_speakers import (
    INDEFINITE_ARTICLES,
    ROLE_BEFORE_NAME,
    ROLE_CONTEXT_CHARS,
    SpeakerResolver,
    speaker_names,
)
from storyline.enrich.times_lexicon import lexicon_for
from storyline.model import Entity

#: Without a parse, an "according to" source longer than this (tokens) is taken for a clause.
UNPARSED_SOURCE_TOKENS = 6


def according_to_attributions(doc: Doc, language: str, parsed: bool = True) -> list[Attribution]:
    """"According to N, ..." / "..., according to N": the source is the phrase, the content the rest."""
    found = []
    lowered = [t.lower_ for t in doc]
    for phrase in ACCORDING_TO.get(language, ()):
        for i in range(len(doc) - len(phrase)):
            if tuple(lowered[i : i + len(phrase)]) != phrase:
                continue
            if i and lowered[i - 1] in ACCORDING_TO_ORDINAL_AFTER.get(language, ()):
                continue  # "il secondo numero": an ordinal
            sent = doc[i].sent
            source_start = i + len(phrase)
            possessive = phrase in ACCORDING_TO_AFTER_POSSESSIVE.get(language, ())
            if possessive and i > sent.start and lowered[i - 1] in PERSON_PRONOUNS.get(language, ()):  # "Jego zdaniem X"
                content = trimmed(doc, source_start, sent.end)
                if content is not None:
                    found.append(Attribution(*content, cue=doc[i].text, source=doc[i - 1 : i], continues=True))
                continue
            source_end = source_start
            while source_end < sent.end and not _ends_source(doc[source_end], source_start):
                source_end += 1
            if source_end == source_start or ACCORDING_TO_NO_SOURCE & set(lowered[source_start : source_start + 2]):
                continue  # "según las cuales ...": a relative clause, no source
            if lowered[source_start] in ACCORDING_TO_VERBS.get(language, ()):
                source_start += 1  # "según dijo (un funcionario)": the speaker, if any, follows the verb
            elif not parsed and (source_end - source_start > UNPARSED_SOURCE_TOKENS or source_end >= sent.end - 1):
                # without a parse, a long run to the next comma or the sentence end is a clause, not a source;
                # a name may open it ("Laut Petrenko bleibt die Grenze zu")
                source_end = _name_run_end(doc, source_start, source_end, language)
                if source_end == source_start:
                    continue
            before = trimmed(doc, sent.start, i)
            after = trimmed(doc, _past_apposition(doc, source_start, source_end, sent.end), sent.end)
            content = after if before is None or (after is not None and after[1] - after[0] > before[1] - before[0]) else before
            if not parsed and before is not None and after is not None and not _set_off(doc, i, source_end):
                content = trimmed(doc, sent.start, sent.end)  # "Die Regeln sollen laut N im Juni kommen": one clause
            if content is not None:
                source = doc[source_start:source_end] if source_end > source_start else None
                found.append(Attribution(*content, cue=doc[i : i + len(phrase)].text, source=source))
    return found + _postposed_according_to(doc, lowered, language)


#: Dependencies of a phrase set off by commas that describes a noun before it ("le syndicat, dirigé par N,").
_APPOSITION_DEPS = frozenset({"acl", "appos", "acl:relcl"})


def _past_apposition(doc: Doc, source_start: int, source_end: int, limit: int) -> int:
    """Where the claim starts after an "according to" source: past an apposition the parse hangs on the source
    ("Selon le syndicat, dirigé par N, la grève ...": the apposition describes the source, it is not its
    claim), else at the source's end."""
    if source_end + 1 >= limit or doc[source_end].text != ",":
        return source_end
    phrase = doc[source_end + 1]
    while source_end < phrase.head.i < limit and phrase.head.i != phrase.i:
        phrase = phrase.head
    if not (source_start <= phrase.head.i < source_end and phrase.dep_ in _APPOSITION_DEPS):
        return source_end
    end = phrase.right_edge.i + 1
    return end if end < limit and doc[end].text == "," else source_end


def _set_off(doc: Doc, start: int, end: int) -> bool:
    """Whether the "according to" phrase [start, end) stands apart from the clause around it, a comma or other
    mark before or after it ("X, según N, Y"), rather than inside it (German "Die Regeln sollen laut N im Juni
    kommen", the claim's words on both sides)."""
    return doc[start - 1].is_punct or (end < len(doc) and doc[end].is_punct)


def _ends_source(token: Token, start: int) -> bool:
    """Where an "according to" source stops: punctuation, a line break, or a date the parse attaches
    outside it ("according to media reports Tuesday")."""
    outside = token.head.i < start
    return token.is_punct or token.is_space or (outside and token.ent_type_ in {"DATE", "TIME"})


def _name_run_end(doc: Doc, start: int, end: int, language: str) -> int:
    """Without a parse, where the name after "laut" / "según" ends when no comma closes it: after its run of
    capitalised or role words ("Laut Ministerin Olga Petrenko bleibt X"), which a definite article may open
    ("Volgens het Centraal Planbureau levert X"); ``start`` when there is none. Where the verb comes second,
    an article and one word are the source of an "according to" opening the sentence ("Volgens de politie
    zijn X"); not in Spanish or Italian, whose adjectives follow the noun ("Según el acuerdo preliminar")."""
    articles = SPEAKER_ARTICLES.get(language, frozenset())
    position = start + 1 if doc[start].lower_ in articles else start
    while position < end and (doc[position].text[:1].isupper() or is_role_word(doc[position].text)):
        position += 1
    if any(t.text[:1].isupper() for t in doc[start:position]):
        return position
    opens_sentence = start - 1 == doc[start].sent.start and language in VERB_SECOND_LANGUAGES
    if opens_sentence and position == start + 1 and position < end and doc[position].is_alpha:
        return position + 1
    return start


def _postposed_according_to(doc: Doc, lowered: list[str], language: str) -> list[Attribution]:
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
        content = trimmed(doc, i + 1, sentence.end)
        if start < i and i - start <= UNPARSED_SOURCE_TOKENS and content is not None:
            found.append(Attribution(*content, cue=doc[i].text, source=doc[start:i]))
    return found


#: Farthest (characters) a Chinese speaker's name may stand before the reporting verb ("N周日在记者会上表示").
UNSPACED_SOURCE_CHARS = 16
#: Farthest (characters) a speaker's name may stand before "dijo que" (an apposition may come between).
SPEAKER_BEFORE_VERB_CHARS = 80
#: Without a name in it, a speaker after the content ("X, dijo el ministro.") is at most this many words.
SHORT_SOURCE_WORDS = 4
#: Longest article or demonstrative before a day that goes with it ("el", "este", "am").
ARTICLE_LETTERS = 4
#: Most lower-case words between a reporting verb and its complementizer ("afirmó este lunes que").
GAP_WORDS = 3
_CLAUSE_BREAK = re.compile(r"[，,。！？；;：:\n「」“”『』]")


def word_order_attributions(doc: Doc, entities: list[Entity], language: str) -> list[Attribution]:
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
    found: list[Attribution] = []
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
            found += _back_referring_attributions(doc, names, sentence, language)
            found += _naming_attributions(doc, names, sentence, language)
    return found


#: Most words between a naming verb and the quotation that names its object ("ha definito il piano «X»").
NAMED_OBJECT_WORDS = 4
_OPENING_MARKS = "«„“\""
_CLOSING_MARKS = "»”“\""


@lru_cache(maxsize=32)
def _naming_pattern(language: str) -> re.Pattern[str] | None:
    verbs = WORD_ORDER_NAMING_VERBS.get(language)
    if verbs is None:
        return None
    return re.compile(
        rf"(?<!\w)(?P<cue>{_alternation(verbs)})(?:\s+[^\s{_OPENING_MARKS}]+){{0,{NAMED_OBJECT_WORDS}}}?\s+"
        rf"(?P<quote>[{_OPENING_MARKS}][^{_OPENING_MARKS}{_CLOSING_MARKS}]+[{_CLOSING_MARKS}])",
        re.IGNORECASE,
    )


def _naming_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[Attribution]:
    """"N ha definito il piano «una follia»", "N noemde het plan „een schande”": the quotation is N's words, as
    English "N called the plan 'a disgrace'" is read from the parse; with no one named before the verb it is a
    title or scare quote, as there."""
    pattern = _naming_pattern(language)
    if pattern is None:
        return []
    low, found = sentence.start_char, []
    for match in pattern.finditer(sentence.text):
        cue_start = low + match.start()
        source = _named_before(doc, names, max(low, cue_start - SPEAKER_BEFORE_VERB_CHARS), cue_start, language)
        if source is not None:
            quote = (low + match.start("quote"), low + match.end("quote"))
            found.append(Attribution(*quote, cue=match["cue"], source=source, embedded=True))
    return found


def _back_referring_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[Attribution]:
    """"Das sagte N am Montag.", "Dies teilten die Behörden mit.": the sentence before, in the same paragraph,
    is what the speaker after the verb said (:data:`~storyline.enrich.cues.BACK_REFERRING_REPORTS`)."""
    if language not in BACK_REFERRING_REPORTS or sentence.start == 0 or len(sentence) < 3:
        return []
    demonstratives, particle = BACK_REFERRING_REPORTS[language]
    opening, verb = sentence[0], sentence[1]
    verbs = WORD_ORDER_REPORTING_VERBS[language]
    if opening.lower_ not in demonstratives or (verb.lower_ not in verbs and verb.lower_[:-1] not in verbs):
        return []  # "teilten": the plural of a listed verb
    before = doc[sentence.start - 1].sent
    text = doc_text(doc)
    if "\n" in text[before.end_char : sentence.start_char]:
        return []  # a new paragraph points back to nothing it holds
    words = [t for t in sentence[2:] if not t.is_punct]
    if words and words[-1].lower_ == particle:
        words.pop()
    if not words:
        return []
    low = words[0].idx  # the speaker, not a place or day of the saying: "die Wahlkommission in N am Freitag"
    source, named = _source_after_cue(doc, names, low, _before_circumstances(text, low, words[-1].idx + len(words[-1]), language), language)
    content = _trimmed_chars(text, before.start_char, before.end_char)
    # Not a name that only qualifies who speaks: in "die Behörden von Spitzbergen" the place says nothing.
    qualifies = named and doc[source.start - 1].lower_ in _QUALIFYING_WORDS.get(language, ())
    if source is None or content is None or qualifies or (not named and len(source) > SHORT_SOURCE_WORDS):
        return []
    return [Attribution(*content, cue=verb.text, source=source, continues=not named)]


def continued_reports(doc: Doc, attributions: list[Attribution], language: str) -> list[Attribution]:
    """"Demnach X", "Demzufolge X" (:data:`~storyline.enrich.cues.REPORT_CONTINUING_ADVERBS`): X goes on with
    what the sentence before, in the same paragraph, reports, and is its speaker's; after a sentence that
    reports no one it is left alone ("Der Aufsichtsrat hat zugestimmt. Demnach ...": a decision, not words).
    Run once the speakers of ``attributions`` are known; a sentence already read is left as it is."""
    adverbs = REPORT_CONTINUING_ADVERBS.get(language, frozenset())
    text, found = doc_text(doc), []
    for sentence in doc.sents:
        if sentence[0].lower_ not in adverbs or sentence.start == 0 or len(sentence) < 3:
            continue
        before = doc[sentence.start - 1].sent
        if "\n" in text[before.end_char : sentence.start_char] or _overlapping(attributions, sentence.start_char, sentence.end_char):
            continue
        reported = _overlapping(attributions, before.start_char, before.end_char)
        content = _trimmed_chars(text, sentence[1].idx, sentence.end_char)
        if reported and content is not None:
            source, speaker = reported[-1].source, reported[-1].speaker
            found.append(Attribution(*content, cue=sentence[0].text, source=source, speaker=speaker))
    return found


def _overlapping(attributions: list[Attribution], start: int, end: int) -> list[Attribution]:
    return [a for a in attributions if a.start < end and start < a.end]


#: Words before a name that make it qualify the phrase it ends ("die Behörden von Spitzbergen").
_QUALIFYING_WORDS = {"de": frozenset({"von", "des", "der", "aus", "in", "im"})}


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
    # nor opens with it: in "..., dijo que X en marzo" X is said, not a speaker
    source_start = rf"(?!{COMPLEMENTIZERS[language]}\s)" if language in COMPLEMENTIZERS else ""
    return {
        # A few lower-case words may stand before the complementizer: "afirmó este lunes que", "Podkreślił jednak, że".
        "forward": re.compile(
            rf"{before}(?P<cue>{forward})(?P<gap>(?:\s+[^\W\d_]+){{0,{GAP_WORDS}}}?)(?:{WORD_ORDER_COMPLEMENTIZERS[language]})",
            re.IGNORECASE,
        ),
        "any": re.compile(rf"{before}(?P<cue>{_alternation(verbs)})(?!\w)", re.IGNORECASE),
        "backward": re.compile(
            rf"(?:,|\s[–—-])\s*(?P<cue>{_alternation(verbs)})(?:\s+{source_start}(?P<source>{source_char}+?))?"
            # "..., dijo N, director de X.", "..., sagte ein Sprecher des Ministeriums, N, am Montag." (a straight
            # mark opening the next quotation may end the sentence)
            rf"(?:,\s*[^,.;:!?«»\"“”]+)?(?P<apposed>,\s*[^,.;:!?«»\"“”]+)?\s*[.!?]?,?[\"”»]?(?:\s+[\"“„«])?\s*$"
        ),
    }


def _speaker_first_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[Attribution]:
    """"N dijo que X", "N周日表示，X": the name before the verb speaks, the rest of the sentence is said."""
    patterns = _word_order_patterns(language)
    text, low, high = doc_text(doc), sentence.start_char, sentence.end_char
    found = []
    for cue in patterns["forward"].finditer(sentence.text):
        if _names_object(cue["gap"], language):
            continue
        cue_start, cue_end = low + cue.start(), low + cue.end()
        if language == "zh":
            clause = max(_clause_start(text, low, cue_start), cue_start - UNSPACED_SOURCE_CHARS)
            source = _unspaced_source(doc, names, clause, cue_start, language)
        else:  # an apposition may stand between: "Pérez, ministro de Hacienda, dijo que"
            source = _someone_new_before(doc, low, cue_start, language) or _named_before(
                doc, names, max(low, cue_start - SPEAKER_BEFORE_VERB_CHARS), cue_start, language
            )
        content = _trimmed_chars(text, cue_end, high)
        if content is None:
            continue
        if source is not None:  # "la ministra" stands for someone named before with that role (resolved later)
            stands_for = _is_role_with_article(source) or is_definite_subject(source, language)
            found.append(Attribution(*content, cue=cue["cue"], source=source, continues=stands_for))
        elif _drops_subject(text, low, cue_start, language):
            found.append(Attribution(*content, cue=cue["cue"], source=None, continues=True))
    return found


def _names_object(gap: str, language: str) -> bool:
    """Whether the words between a reporting verb and its complementizer name its object ("explicó el Plan
    que"), not the time or audience of the saying ("afirmó este lunes que", "sagte am Montag,": a capital
    after a circumstance word, :data:`~storyline.enrich.cues.SPEAKER_CIRCUMSTANCES`)."""
    words = gap.split()
    circumstance = bool(words) and words[0].lower() in SPEAKER_CIRCUMSTANCES.get(language, ())
    return not circumstance and any(word[0].isupper() for word in words)


#: Most words after an indefinite article that name someone new right before a reporting verb ("una usuaria").
NEW_SPEAKER_WORDS = 2
#: Words after which such an article opens its clause ("donde una usuaria aseguró"), unlike a preposition ("En
#: una declaración ha dicho", "el director de una empresa dijo"): where, and, that.
_CLAUSE_OPENERS = frozenset({
    "donde", "wo", "où", "dove", "onde", "gdzie", "y", "e", "und", "et", "i", "que", "dass", "che", "że",
})  # fmt: skip


def _someone_new_before(doc: Doc, low: int, position: int, language: str) -> Span | None:
    """Someone new and unnamed right before the verb ("..., en donde una usuaria aseguró que X", "ein Sprecher
    sagte, X"): an indefinite article opening its clause and a word or two, in lower case where the language
    writes nouns so, not a name mentioned further back."""
    words = doc.char_span(low, position, alignment_mode="expand")
    if words is None:
        return None
    capitalised_nouns = language in CAPITALISED_NOUN_LANGUAGES
    for start in range(max(words.start, words.end - NEW_SPEAKER_WORDS - 1), words.end - 1):
        after = doc[start + 1 : words.end]
        opens_clause = start == words.start or doc[start - 1].is_punct or doc[start - 1].lower_ in _CLAUSE_OPENERS
        if (
            doc[start].lower_ in INDEFINITE_ARTICLES
            and opens_clause
            and all(t.is_alpha and (t.is_lower or capitalised_nouns) for t in after)
        ):
            return doc[start : words.end]
    return None


def _drops_subject(text: str, low: int, cue_start: int, language: str) -> bool:
    """"También anunció que", "En ese sentido, destacó que", "Podkreślił jednak, że": in a language that drops
    known subjects, a verb opening its clause (after a few words at most) has the previous speaker's subject."""
    clause = text[_clause_start(text, low, cue_start) : cue_start].split()
    return language in PRO_DROP_LANGUAGES and len(clause) <= GAP_WORDS


def _content_first_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span, language: str) -> list[Attribution]:
    """"X, dijo el ministro Pérez." / "X, so Scholz." / "X – powiedziała N.": the sentence ends with the verb
    and its speaker; "X – powiedział." (no subject) continues the previous speaker."""
    match = _word_order_patterns(language)["backward"].search(sentence.text)
    if match is None:
        return []
    low = sentence.start_char
    content = (_dash_speech_start(doc, sentence, language), low + match.start())
    # Two phrases set off by commas after the verb: only a speaker named there, "X, sagte der Präsident des
    # Gerichts, N, am Montag" (not "Desde entonces, dice, el avión ha volado ...": the verb is inside the claim).
    apposed = match["apposed"] is not None
    if match["source"] is None or _only_circumstances(match["source"], language):  # "X, dijo en un comunicado."
        trimmed = _trimmed_chars(doc_text(doc), *content)
        if language not in PRO_DROP_LANGUAGES or trimmed is None or apposed:
            return []
        return [Attribution(*trimmed, cue=match["cue"], source=None, continues=True)]
    if apposed and not _opens_with_someone(match["source"], language):
        return []
    needs_name = apposed or match["cue"] in AFTER_CONTENT_ONLY
    return _matched_attribution(doc, names, match, content, low, language, needs_name=needs_name)


def _opens_with_someone(phrase: str, language: str) -> bool:
    """Whether a speaker phrase opens with a name or an article and a role ("Cezary Orzech", "der Präsident des
    Gerichts", "ein Sprecher"), not a preposition or other words ("von der X", "ein Interview für")."""
    words = phrase.split() + ["", ""]
    article = words[0].lower() in SPEAKER_ARTICLES.get(language, frozenset()) | INDEFINITE_ARTICLES
    return words[0][:1].isupper() or (article and is_role_word(words[1]))


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
    language: str,
    needs_name: bool = False,
) -> list[Attribution]:
    """The attribution a word-order ``match`` (groups "source" and "cue", offsets from ``low``) makes of
    ``content_span``. Without a name in it, only a short phrase ("el ministro") is a speaker: "so schnell er
    konnte" is none; the name in it is the speaker ("kommentierte Captain Tom Moore seinen Spendenlauf")."""
    source, named = _source_after_cue(doc, names, low + match.start("source"), low + match.end("source"), language)
    if not named and (needs_name or source is None or len(source.text.split()) > SHORT_SOURCE_WORDS):
        return []
    content = _trimmed_chars(doc_text(doc), *content_span)
    if content is None or source is None:
        return []
    return [Attribution(*content, cue=match["cue"], source=source, continues=not named)]


def _source_after_cue(
    doc: Doc, names: list[tuple[int, int]], low: int, high: int, language: str
) -> tuple[Span | None, bool]:
    """Who the words [low, high) after a reporting verb name, and whether by name or as someone new: the name
    a role there introduces ("el director de Acme Inc., Pedro Ruiz"), else the name there
    (:func:`_speaker_after_cue`), else the words themselves before the circumstances of the saying ("der
    Sprecher", "el órgano" of "dijo el órgano en un comunicado": :func:`_before_circumstances`); "un
    proveedor de Port Elwyn" is someone new, not the previous speaker nor the place."""
    text = doc_text(doc)
    phrase = _trimmed_chars(text, low, high)
    if phrase is None:
        return None, False
    phrase = (_after_circumstances(text, *phrase, language), phrase[1])
    speaker = (phrase[0], _before_circumstances(text, *phrase, language))
    if (introduced := _named_after_role(doc, names, *phrase, language)) is not None:
        return introduced, True  # "ein Sprecher des Ministeriums, N"
    if text[phrase[0] : phrase[1]].split()[0].lower() in INDEFINITE_ARTICLES:
        return doc.char_span(*speaker, alignment_mode="expand"), True
    named = _speaker_after_cue(text, [(s, e) for s, e in names if low <= s and e <= high], low)
    if named is not None:
        return doc.char_span(*named, alignment_mode="expand"), True
    return doc.char_span(*speaker, alignment_mode="expand"), False


def _only_circumstances(phrase: str, language: str) -> bool:
    """Whether the words after a reporting verb are the circumstances of the saying with no speaker after them
    ("sagte am Montag", "dijo en un comunicado"; not "dijo a los periodistas la ministra", "powiedział w
    sobotę rzecznik", "poinformował w sobotę ZUS")."""
    words = phrase.split()
    opening = bool(words) and words[0].lower() in SPEAKER_CIRCUMSTANCES.get(language, ())
    someone = any(word[:1].isupper() or is_role_word(word) for word in words[2:])  # "w sobotę ZUS"
    return opening and not someone and _after_circumstances(phrase, 0, len(phrase), language) == 0


def _after_circumstances(text: str, start: int, end: int, language: str) -> int:
    """Where a speaker's phrase starts when the circumstances of the saying open the words [start, end) after
    the verb: at the definite article that follows them ("dijo a los periodistas la ministra del Interior" ->
    "la ministra ..."); ``start`` when no circumstance opens the words or no such article follows."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if not words or words[0].group().lower() not in SPEAKER_CIRCUMSTANCES.get(language, ()):
        return start
    articles = SPEAKER_ARTICLES.get(language, frozenset())
    # the circumstance's own article and noun come first: "a los periodistas", "am Dienstag"
    opening = next((word for word in words[2:] if word.group() in articles), None)
    return start + opening.start() if opening is not None else start


def _before_circumstances(text: str, start: int, end: int, language: str) -> int:
    """Where a speaker's phrase [start, end) ends before the place, medium, audience or day of the saying
    (:data:`~storyline.enrich.cues.SPEAKER_CIRCUMSTANCES`, a weekday or month: "dijo el presidente el jueves
    pasado" -> "el presidente", the article before the day going with it); ``end`` when none follows its
    first two words."""
    lexicon = lexicon_for(language) if language in SPEAKER_CIRCUMSTANCES else None
    if lexicon is None:
        return end
    words = list(re.finditer(r"\S+", text[start:end]))
    for index, word in enumerate(words[2:], start=2):
        lowered = word.group().lower()
        if lowered in SPEAKER_CIRCUMSTANCES[language]:
            return start + words[index - 1].end()
        if lowered in lexicon.weekday_words or lowered in lexicon.month_words:
            previous = words[index - 1].group()
            kept = index - 1 if previous.islower() and len(previous) <= ARTICLE_LETTERS else index
            return start + words[kept - 1].end()
    return end


def _speaker_after_cue(text: str, names: list[tuple[int, int]], low: int) -> tuple[int, int] | None:
    """Of the ``names`` after a cue at ``low``, the one a role introduces ("powiedział na antenie TVN prof. Jan
    Nowak"), else the first unless a role opens the phrase without naming it: "incalza il capo dell'agenzia
    Onu" is the head's, not the agency's (None: the role is the speaker)."""
    for start, end in names:
        if (role := ROLE_BEFORE_NAME.search(text[max(low, start - ROLE_CONTEXT_CHARS) : start])) and is_role_word(role["role"]):
            return start, end
    if not names:
        return None
    before = text[low : names[0][0]].split()
    roles = [index for index, word in enumerate(before) if is_role_word(word)]
    if roles and not _role_adjective_before_name(before[roles[-1] + 1 :]):
        return None
    return names[0]


#: Words that join a role to what it is the role of ("il capo dell'agenzia N", "el director de N"), never an
#: adjective qualifying the role.
_ROLE_OF = _CONNECTORS | {"di", "da", "della", "delle", "dello", "degli", "dei", "do", "dos", "das", "van", "von"}


def _role_adjective_before_name(between: list[str]) -> bool:
    """Whether the words between a role and the name after it are one adjective that qualifies the role, so the
    role introduces the name ("ha detto il leader sindacale N", "dijo el ministro español N"), not a complement
    whose name is no speaker ("il capo dell'agenzia N")."""
    return len(between) == 1 and between[0].isalpha() and between[0].islower() and between[0] not in _ROLE_OF


#: What may stand between a role and the name it introduces: a comma, after an abbreviation's full stop
#: ("director de Acme Inc., N"), or a title's full stop alone ("prof. N").
_APPOSITION = re.compile(r"\.?,?[ \t]*")
#: Most words between an apposition's comma and the name, an article first: "la abogada N".
APPOSED_ROLE_WORDS = 2
_WORD_AND_SPACE = re.compile(r"([^\W\d_][\w-]*)[ \t]+")


def _named_after_role(doc: Doc, names: list[tuple[int, int]], start: int, end: int, language: str) -> Span | None:
    """The name a role in lower case introduces after a comma: "..., ha expresado el director de Acme Inc.,
    Pedro Ruiz." -> "Pedro Ruiz" (the sentence splitter may have cut after "Inc."), also with its own article
    and role ("dijo la portavoz del Ministerio, la abogada Ines Vidal": :func:`_apposition_starts`)."""
    text = doc_text(doc)
    gap = _APPOSITION.match(text, end)
    words = text[start:end].split()
    if not text[start : start + 1].islower() or not ("," in gap.group() or (words and is_role_word(words[-1]))):
        return None
    following = bisect_left(names, (gap.end(),))  # names are sorted by start
    # a role's own apposition, not one of a name: "dijo este martes N, el director de X" is N
    roled = "," in gap.group() and any(is_role_word(word) for word in words)
    starts = _apposition_starts(text, gap.end(), language) if roled else [gap.end()]
    if following == len(names) or names[following][0] not in starts:
        return None
    return doc.char_span(*names[following], alignment_mode="expand")


def _apposition_starts(text: str, position: int, language: str) -> list[int]:
    """Where the name of an apposition opening at ``position`` may start: there, or after a role or an article and
    one more word, in lower case or a role ("Bundesministerin", "la abogada", "die Juristin"; not "el director
    del": :data:`APPOSED_ROLE_WORDS` words at most)."""
    starts = [position]
    for index in range(APPOSED_ROLE_WORDS):
        word = _WORD_AND_SPACE.match(text, starts[-1])
        if word is None:
            break
        opening = index > 0 or word[1].lower() in SPEAKER_ARTICLES.get(language, ())
        if not (is_role_word(word[1]) or (opening and word[1].islower())):
            break
        starts.append(word.end())
    return starts


def _last_name(doc: Doc, names: list[tuple[int, int]], low: int, position: int) -> Span | None:
    """The name mentioned last in [low, position) that does not qualify an earlier one: in "Ines Vidal,
    directora de Acme, dijo" or "Acme, con sede en Port Elwyn (Ruritania) y dijo" the first name speaks."""
    inside = [(s, e) for s, e in names if low <= s and e <= position]
    text = doc_text(doc)
    while len(inside) > 1 and _QUALIFYING.search(text[max(low, inside[-1][0] - ROLE_CONTEXT_CHARS) : inside[-1][0]]):
        inside.pop()
    return doc.char_span(*inside[-1], alignment_mode="expand") if inside else None


def _named_before(doc: Doc, names: list[tuple[int, int]], low: int, position: int, language: str) -> Span | None:
    """A role with its definite article right before the verb ("tras ver a N, la ministra dijo", "die
    Ministerin sagte"), else the name mentioned last in [low, position), else a person pronoun right before it,
    else a definite article and a noun opening the clause ("De vakbond stelt dat")."""
    words = doc.char_span(low, position, alignment_mode="expand")
    if words is not None and len(words) > 1 and _is_role_with_article(words[-2:]):
        return words[-2:]
    if (named := _last_name(doc, names, low, position)) is not None:
        return named
    last = words[-1] if words is not None and len(words) else None
    if last is not None and last.lower_ in PERSON_PRONOUNS.get(language, ()):
        return words[-1:]
    return _definite_subject(doc, words, language) if words is not None else None


def _definite_subject(doc: Doc, words: Span, language: str) -> Span | None:
    """"De vakbond stelt dat", "Il sindacato fa sapere che": a definite article opening the clause and one noun
    in lower case right before the verb, its subject (a body or a document; "la empresa" the one named before,
    :func:`is_definite_subject`)."""
    if len(words) < 2:
        return None
    before = doc[words[-2].i - 1] if words[-2].i else None
    opens_clause = before is None or before.is_punct or before.is_space or before.lower_ in _CLAUSE_OPENERS
    return words[-2:] if opens_clause and is_definite_subject(words[-2:], language) else None


def is_definite_subject(words: Span | None, language: str) -> bool:
    """Two words, a definite article and a noun in lower case ("la empresa", "de vakbond"), in a language that
    writes nouns so: like "la ministra", they may stand for the one named before ("GM ... La empresa ha
    advertido que")."""
    if words is None or len(words) != 2 or language in CAPITALISED_NOUN_LANGUAGES:
        return False
    article, noun = words
    return article.lower_ in SPEAKER_ARTICLES.get(language, ()) and noun.is_alpha and noun.is_lower


#: Singular definite articles before a role noun that stands for someone named before ("la ministra").
_DEFINITE_BEFORE_ROLE = frozenset({"el", "la", "le", "il", "lo", "der", "die"})
def _is_role_with_article(words: Span) -> bool:
    """Two words, a definite article and a role noun: "la ministra", "die Ministerin"."""
    return len(words) == 2 and words[0].lower_ in _DEFINITE_BEFORE_ROLE and is_role_word(words[1].text)


#: Right before a name that only qualifies the one before it: a bracket, a lower-case word and "of"
#: ("directora de", "senador por", "head of"), or "in" after any word ("de Acme en Norteamérica", "of Acme in
#: Europe"), not the comma of an apposition ("el ministro, N").
_QUALIFYING = re.compile(
    r"(?:\(|\b[a-zà-ÿ]+\s+(?:de|del|por|of|for|von|des|du|di|da|do)(?:\s+(?:la|el|los|las|the))?\s+"
    r"|\s(?:en|in)\s+(?:(?:la|el|los|las|the)\s+)?)$"
)


def _turkish_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span) -> list[Attribution]:
    """"Bakan Ahmet Yılmaz, ekonominin büyüyeceğini söyledi.": the phrase before the first comma speaks when it
    names someone (or is a short phrase: "Bakanlık"), the rest up to the verb at the sentence end is said."""
    match = _word_order_patterns("tr")["cue"].search(sentence.text)
    if match is None:
        return []
    low = sentence.start_char
    return _matched_attribution(doc, names, match, (low + match.start("content"), low + match.end("content")), low, "tr")


#: Where an Arabic speaker's phrase ends and the circumstances begin: "يوم" (on the day), "في" (in), "خلال"
#: (during), "لـ"/"ل" + "وكالة" ("to the agency"): "المتحدث ... بترينكو يوم الأحد" -> the spokesman.
_ARABIC_CIRCUMSTANCE = re.compile(r"\s(?:يوم|في|خلال|اليوم|أمس|لوكالة|لصحيفة|للصحفيين)\s.*$")


def _arabic_attributions(doc: Doc, sentence: Span, before: list[Attribution]) -> list[Attribution]:
    """"وقال المتحدث N يوم الأحد إن X": the words between the verb and "إن" name the speaker (up to the
    time or place that follows them); "وأضاف أن X" names none, so the previous speaker goes on."""
    found: list[Attribution] = []
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
            found.append(Attribution(*content, cue=cue["cue"], source=source, speaker=speaker))
            continue
        if len(phrase.split()) > SHORT_SOURCE_WORDS * 2:
            continue  # a clause, not a speaker
        start = low + cue.start("source")
        source = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        found.append(Attribution(*content, cue=cue["cue"], source=source))
    return found


#: The Korean topic particle that ends the speaker's phrase ("대변인은", "그는"; subject particles are left out: "올가" ends in one).
_KOREAN_TOPIC = re.compile(r"(?P<words>\S(?:.*?\S)??)(?:은|는)(?=\s)")


def _korean_attributions(text: str, sentence: Span, before: list[Attribution]) -> list[Attribution]:
    found = []
    for cue in _word_order_patterns("ko")["cue"].finditer(sentence.text):
        attribution = _korean_attribution(text, sentence.start_char, sentence.start_char + cue.start(), cue.group(), before + found)
        if attribution is not None:
            found.append(attribution)
    return found


def _korean_attribution(text: str, low: int, cue_start: int, cue: str, before: list[Attribution]) -> Attribution | None:
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
    return Attribution(*content, cue=cue.split()[-1], source=None, speaker=speaker)


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


def _japanese_attributions(doc: Doc, names: list[tuple[int, int]], sentence: Span) -> list[Attribution]:
    found = []
    for cue in _word_order_patterns("ja")["cue"].finditer(sentence.text):
        attribution = _japanese_attribution(doc, names, sentence.start_char, sentence.start_char + cue.start(), cue.group())
        if attribution is not None:
            found.append(attribution)
    return found


def _japanese_attribution(doc: Doc, names: list[tuple[int, int]], low: int, cue_start: int, cue: str) -> Attribution | None:
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
    return Attribution(*content, cue=cue, source=source)


def _trimmed_chars(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without edge spaces and sentence-final punctuation; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in "，,：:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "。！？.!?"):
        end -= 1
    return (start, end) if end > start else None


#: Where the words naming a speaker after the verb end: "..., dijo Pérez en Madrid." / "- spiega N - B".
_SOURCE_END = re.compile(r"[,.;:!?«»\"“”„()\n]|\s[–—-]")
#: What may stand between a quotation and the verb after it: "A", dijo / „A”- ocenił / «A» – powiedział.
_BEFORE_CUE = re.compile(r"[\s,–—-]*")


def cued_quotation(
    doc: Doc, low: int, high: int, start: int, end: int, resolver: SpeakerResolver, language: str
) -> Attribution | None:
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
            return _cue_source(doc, resolver, start, end, cue, cue.end(), clause.start() if clause else high, language)
    before = [cue for cue in cues if cue.end() <= start and not resolver.quoted(cue.start())]
    if not before:
        return None
    cue = before[-1]
    colon = text.rfind(":", cue.end(), start)
    if colon >= 0 and len(text[cue.end() : colon].split()) <= SHORT_SOURCE_WORDS:
        return _cue_source(doc, resolver, start, end, cue, cue.end(), colon, language)  # "sagte der Kanzler: "A""
    subject = re.match(r"\s+(\w+)", text[cue.end() : start])
    if subject and subject[1].lower() in PERSON_PRONOUNS.get(language, ()):  # "sagte sie, ...: "A""
        source = doc.char_span(cue.end() + subject.start(1), cue.end() + subject.end(1))
        return Attribution(start, end, cue=cue["cue"], source=source, continues=True)
    source = _named_before(doc, resolver.names, max(low, cue.start() - SPEAKER_BEFORE_VERB_CHARS), cue.start(), language)
    return Attribution(start, end, cue=cue["cue"], source=source, continues=source is None)


def _cue_source(
    doc: Doc, resolver: SpeakerResolver, start: int, end: int, cue: re.Match[str], low: int, high: int, language: str
) -> Attribution:
    """The quotation [start, end) said by whoever [low, high) names: the name there (one a title introduces
    first), else the short phrase there ("der Arbeitsminister"), which the previous speaker may stand for."""
    source, named = _source_after_cue(doc, resolver.names, low, high, language)
    if not named and source is not None and len(source) > SHORT_SOURCE_WORDS:
        # a role and its article keep the sex of who speaks: "dijo la presidenta de la Cámara de X"
        source = source[:2] if _is_role_with_article(source[:2]) else None
    return Attribution(start, end, cue=cue["cue"], source=source, continues=not named)


#: Most words (titles, capitalised) that may stand before the name opening a clause ("Ex-Bürgermeister N").
TITLE_WORDS_BEFORE_SUBJECT = 3
#: Fewest words after that name up to the colon: a predicate, not a headline's label ("Corona-Krise: «A»").
PREDICATE_WORDS = 2


def colon_subject(doc: Doc, resolver: SpeakerResolver, start: int, end: int, language: str) -> Attribution | None:
    """Without a parse: a quotation after a colon that ends a clause opening with a name ("Trepoll beharrt nicht
    auf seinem Posten: «A»", "Vidal reiteró su postura: «A»") is that name's, whatever the verb; the name
    may follow a title or two ("Ex-Bürgermeister N", "El presidente N"). None when no name opens the clause, or
    when what follows the name is no verb by the little the text shows: a comma, a capital or a preposition
    ("Jahresausblick mit Astrologin N: «A»", a headline's label)."""
    text = doc_text(doc)
    colon = len(text[:start].rstrip()) - 1
    if colon < 0 or text[colon] != ":":
        return None
    token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if token is None:
        return None
    low = max(token[0].sent.start_char, *(text.rfind(mark, 0, colon) + 1 for mark in ".!?:»”\"\n"))
    inside = [(s, e) for s, e in resolver.names if low <= s and e <= colon]
    if not inside:
        return None
    name_start, name_end = inside[0]
    before, after = text[low:name_start].split(), text[name_end:colon].split()
    if len(before) > TITLE_WORDS_BEFORE_SUBJECT or len(after) < PREDICATE_WORDS:
        return None
    if not all(word[:1].isupper() or is_role_word(word) for word in before):
        return None
    if not after[0].isalpha() or not after[0].islower() or after[0] in SPEAKER_CIRCUMSTANCES.get(language, ()):
        return None
    source = doc.char_span(name_start, name_end, alignment_mode="expand")
    return Attribution(start, end, cue=":", source=source, speaker=resolver.resolve(source, (start, end)))
