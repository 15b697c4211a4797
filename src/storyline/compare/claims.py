"""Split an article into claims: sentences with their actors, numbers, dates, speaker and polarity.

A claim keeps character offsets into ``article.text`` so every verdict can
point at its evidence. The anchors (entities, numbers, dates) are
language-independent enough to help align claims across translations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from storyline.compare.clock import ZONE_WORDS_RE
from storyline.compare.lexicon import is_denial, negation_cue, stop_words, takes_a_side
from storyline.compare.parsing import on_condition, parse, phrasal_lemma, prefetch, token_at, verb_above
from storyline.compare.quantities import CLOCK_RE, is_calendar_word, may_hold_numbers, not_quantities, read_quantities
from storyline.enrich.cues import REPORTING_VERBS
from storyline.enrich.languages import CharacterTokenizer, normalise_language
from storyline.ingest.language import UNSPACED_LETTER
from storyline.model import Article, Claim, Quantity, Quote, TimeExpression

#: Shorter sentences are captions, credits or widget text, not claims.
MIN_CLAIM_WORDS = 4

_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Scripts written without spaces between words: about two characters make a word.
_UNSPACED_RE = re.compile(UNSPACED_LETTER)
_DATE_RE = re.compile(r"^(?!X{4}(?:-XX)*$)[\dX]{4}(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?$")
_SEMICOLON_RE = re.compile(r";\s")
# A TIME value's calendar day: "2024-03-10" of "2024-03-10TNI" (Sunday night) or "2024-03-10T18:00".
_TIME_DAY_RE = re.compile(r"^([\dX]{4}-[\dX]{2}-[\dX]{2})T")
# An opening quotation mark the sentencizer left at the end of the sentence before it.
_TRAILING_OPENER_RE = re.compile(r"\s+[\"\u201c\u201e\u00ab]$")
# A double quotation mark: words quoted as said (a quote the tagger read as reported speech, its marks cut by a sentence end).
_QUOTATION_MARK_RE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]")
# Links and e-mail addresses: a bare "http://business.example.com/x" has four "words" but says nothing.
_URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
# A line announcing what comes next: the text follows / is below ...
_ANNOUNCES_RE = re.compile(r"\b(?:follows?|continues?|see|read\s+more)\s+below\b|\bfollows?\W*$|^\W*below\s+(?:is|are)\b", re.IGNORECASE)
# ... or a lead-in ending with a colon ("Here is how they describe the device:").
_LEAD_IN_RE = re.compile(r"[:：]\W*$")
# Runs of capitalised words: a proxy for names when enrichment found no entities.
_NAME_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w\-]+)*", re.UNICODE)


@lru_cache(maxsize=16)
def _sentencizer(language: str | None) -> Any:
    """A rule-based spaCy sentence splitter with the language's abbreviation exceptions."""
    import spacy

    try:
        nlp = spacy.blank(language or "xx")
    except (ImportError, KeyError, ValueError):  # spaCy has no tokenizer rules for it, or needs a segmenter
        nlp = spacy.blank("xx")
    if nlp.lang == "xx":  # "。" inside an unspaced run must be a token of its own to end a sentence
        nlp.tokenizer = CharacterTokenizer(nlp.tokenizer)
    nlp.add_pipe("sentencizer")
    return nlp


def word_count(text: str) -> int:
    """Words in ``text``, also for Chinese, Japanese and Thai (no spaces between words)."""
    unspaced = len(_UNSPACED_RE.findall(text))
    return len(_WORD_RE.findall(_UNSPACED_RE.sub(" ", text))) + unspaced // 2


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at its semicolons when every part is long enough to be a claim of its own."""
    cuts = [start] + [m.end() for m in _SEMICOLON_RE.finditer(text, start, end)] + [end]
    parts = [_trimmed(text, a, b) for a, b in zip(cuts, cuts[1:])]
    if len(parts) > 1 and all(word_count(text[a:b]) >= MIN_CLAIM_WORDS for a, b in parts):
        return parts
    return [(start, end)]


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences (or semicolon clauses) of ``text`` (one paragraph), trimmed."""
    doc = _sentencizer((language or "xx").split("-")[0].lower())(text)
    spans = []
    for start, end in _openers_moved(text, [(sent.start_char, sent.end_char) for sent in doc.sents]):
        start, end = _trimmed(text, start, end)
        if end > start:
            spans.extend(_clauses(text, start, end))
    return spans


def _openers_moved(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with an opening quotation mark moved from the end of one to the start of the next.

    spaCy attaches any quote after a full stop to the sentence it ends, also the one that opens
    the next ('overloaded. "The vessel...'): the quote would be cut from its own sentence.
    """
    moved = list(sents)
    for i in range(len(moved) - 1):
        start, end = moved[i]
        opener = _TRAILING_OPENER_RE.search(text, start, end)
        if opener is not None:
            moved[i] = (start, opener.start())
            moved[i + 1] = (opener.end() - 1, moved[i + 1][1])
    return moved


def _mask(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """``text`` with the given absolute spans blanked out (so a dateline's date is not counted as words)."""
    chars = list(text)
    for s, e in spans:
        for i in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _claim_actors(article: Article, start: int, end: int, sentence: str, names: Mapping[str, str]) -> list[list[Any]]:
    """Entity mentions inside the claim, in order, as [start, end, name] (absolute offsets), each named as
    the story names it (``names``, :class:`storyline.compare.involved.Cast`)."""
    actors = [
        [s, e, entity.refers_to or names.get(entity.name, entity.name)]
        for entity in article.entities
        for s, e in entity.mentions
        if start <= s and e <= end
    ]
    if not article.entities:
        actors = [[start + s, start + e, name] for s, e, name in _capitalised_names(sentence, article.language)]
    return sorted(actors)


def _capitalised_names(sentence: str, language: str | None) -> list[tuple[int, int, str]]:
    """Capitalised word runs, minus function words capitalised only because they open a sentence ("The")."""
    stop = stop_words(language or "xx")
    names = []
    for match in _NAME_RE.finditer(sentence):
        words = [w for w in re.finditer(r"\S+", match.group(0))]
        while words and words[0].group(0).lower() in stop:
            words.pop(0)
        if words:
            start = match.start() + words[0].start()
            names.append((start, match.end(), sentence[start : match.end()]))
    return names


def _claim_entities(article: Article, start: int, end: int, actors: list[list[Any]], names: Mapping[str, str]) -> list[str]:
    found = {str(name).lower() for _, _, name in actors}
    for entity in article.entities:
        if any(start <= s and e <= end for s, e in entity.mentions):
            found.add(names.get(entity.name, entity.name).lower())
    return sorted(found)


def is_person(article: Article, name: str) -> bool:
    """Whether ``name`` is a person the article names (any name counts when it was not enriched).

    Institutions ("the ministry") and vague sources ("a source") speak through many people, so
    only people can be credited with a statement someone else made.
    """
    if not article.entities:
        return bool(name) and name != "unattributed"
    return any(e.name == name and e.type == "PERSON" for e in article.entities)


def _claim_quote(article: Article, start: int, end: int) -> Quote | None:
    """The first quote inside the claim attributed to a person, or an organisation's denial: who says it, and
    with which verb."""
    for quote in article.quotes:
        if quote.start < end and start < quote.end and (is_person(article, quote.speaker) or _denied_by_institution(article, quote)):
            return quote
    return None


def _denied_by_institution(article: Article, quote: Quote) -> bool:
    """Whether an organisation the article names denies what the quote says ("the Elwyn Defence Ministry denied
    that ..."): a denial is the institution's own position, not words a spokesperson said for it, and it
    disputes whoever states what it denies."""
    return is_denial(quote.cue) and any(e.name == quote.speaker and e.type == "ORG" for e in article.entities)


def day_of_event(time: TimeExpression) -> str | None:
    """The calendar value a time expression dates an event to: a DATE's value, a TIME's day.

    "Sunday night" (2024-03-10TNI) dates its event to 2024-03-10; a bare clock time ("6 p.m.", "1:30 p.m.
    PST": a zone is no day) names no day (its value borrows the publication's), so it dates nothing.
    """
    if time.type == "DATE":
        return time.value
    day = _TIME_DAY_RE.match(time.value) if time.type == "TIME" else None
    if day is None or not _WORD_RE.search(ZONE_WORDS_RE.sub(" ", CLOCK_RE.sub(" ", time.text))):
        return None
    return day.group(1)


#: What may stand before a time expression that heads its claim (a preposition), and what ends it (a comma).
_HEADING_BEFORE_RE = re.compile(r"^\W*(?:[^\W\d_]+\s+)?$")
_HEADING_AFTER_RE = re.compile(r"^\s*,")


def event_times(article: Article, start: int, end: int) -> list[tuple[TimeExpression, str]]:
    """The dated time expressions inside a claim, with their day; the event's before the report's.

    A time expression heading the claim dates it (:func:`_heads`). Else, in "31 died on Sunday night,
    officials said on Wednesday" the day of the saying is not the day of the event: when the claim
    reports a statement dated inside its words, dates outside them go.
    A "year" that is a street number or a code ("1800 Pitkin Ave.") dates nothing.
    """
    numbers = [(start + s, start + e) for s, e in not_quantities(article.text[start:end])]
    dated = [
        (t, day)
        for t in article.times
        if start <= t.start < end
        and (day := day_of_event(t))
        and not any(s <= t.start and t.end <= e for s, e in numbers)
        and not names_a_thing(article, start, end, t, day)
    ]
    heading = [(t, day) for t, day in dated if _heads(article.text, start, t)]
    statements = [q for q in article.quotes if q.start < end and start < q.end]
    inside = [(t, day) for t, day in dated if any(q.start <= t.start < q.end for q in statements)]
    return heading or inside or dated


#: Dependencies of a word placed before the noun it describes ("the 2004 tsunami", "a January referendum").
_PREMODIFIERS = ("nummod", "compound", "amod", "nmod")
#: Longest calendar value a noun's premodifier is read for: a month ("2011-01"); a day ("the March 5 attack") dates its event.
_NAMING_VALUE = len("2011-01")
_WORD_AFTER_RE = re.compile(r"\s+[^\W\d_]")


def names_a_thing(article: Article, start: int, end: int, time: TimeExpression, day: str) -> bool:
    """A year, decade or month describing a noun ("the 2004 tsunami", "the 2010 law", "a 1990s model", "a January
    referendum"): it tells which thing, not when the claim's event happened, so it dates nothing of the claim.

    Read from the claim's parse (the expression's head word premodifies a noun); a possessive ("Monday's
    attack") is no premodifier, a noun the verb happened in or during (:func:`_sets_the_time`) dates it, and
    languages without a parser keep every date.
    """
    if len(day) > _NAMING_VALUE or not _WORD_AFTER_RE.match(article.text, time.end) or not _names_its_time(time, article.language):
        return False
    doc = parse(article.text[start:end], article.language)
    token = token_at(doc, time.start - start, time.end - start) if doc is not None else None
    if token is None or token.dep_ not in _PREMODIFIERS:
        return False
    noun = token.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.i > token.i and noun.idx >= time.end - start and not _sets_the_time(noun)


#: Prepositions that put a verb's event inside a named thing: "told officials in a March meeting".
_WITHIN = ("in", "during", "at")


def _sets_the_time(noun: Any) -> bool:
    """Whether the noun a date describes is when the claim's main verb happened: "died in the 2004 tsunami",
    "told officials in a March meeting", "during the 2016 campaign, Russia launched" - not "survivors of the
    2004 tsunami", "invoked a 1962 trade law", "interference in the 2016 election" (a noun's), nor "split off
    in July after voting in a January referendum" (a subordinate verb's)."""
    preposition = noun.head
    verb = preposition.head
    return noun.dep_ == "pobj" and preposition.lower_ in _WITHIN and verb.pos_ in ("VERB", "AUX") and verb.dep_ == "ROOT"


def _names_its_time(time: TimeExpression, language: str | None) -> bool:
    """A year or a month by its name ("2004", "1990s", "January"), not a relative one ("last month thieves
    made off with ...", where the parser may take "month" for a modifier of "thieves")."""
    first = time.text.split()[0] if time.text.split() else ""
    return first[:1].isdigit() or is_calendar_word(first.lower(), (language or "en").split("-")[0].lower())


def _heads(text: str, start: int, time: TimeExpression) -> bool:
    """A time expression heading its claim, set off by a comma ("Last month, N admitted ... which began in
    February"; "On Monday, ..."): it dates the claim's main clause, not a later subordinate one."""
    return bool(_HEADING_BEFORE_RE.match(text[start : time.start]) and _HEADING_AFTER_RE.match(text[time.end :]))


def _claim_times(article: Article, start: int, end: int) -> list[tuple[TimeExpression, str]]:
    """The time expressions dating the claim's event, with their day: not one estimated from an undated article's
    guessed publication day (it is no report, and it would align or conflict with the dated articles it was
    guessed from), nor the day of the report (:func:`dates_a_report`), nor a day on a condition
    (:func:`dates_a_condition`), nor the day of the event the claim is placed after (:func:`dates_a_reference`)."""
    return [
        (t, day)
        for t, day in event_times(article, start, end)
        if not (
            t.estimated
            or dates_a_report(article, start, end, t)
            or dates_a_condition(article, start, end, t)
            or dates_a_reference(article, start, end, t)
        )
    ]


def _date_values(time: TimeExpression, day: str) -> list[str]:
    """A time's calendar values: its day, and a range's last ("Dec. 9-11" gives both ends, as "from Dec. 9 to
    Dec. 11" does: one day of it is no conflict); an unknown year stays "XXXX" (it matches any year)."""
    return [value for value in (day, time.until) if _DATE_RE.match(value)]


def _claim_dates(times: list[tuple[TimeExpression, str]]) -> list[str]:
    return sorted({value for t, day in times for value in _date_values(t, day)})


_DIGIT_RE = re.compile(r"\d")


def _date_phrases(times: list[tuple[TimeExpression, str]]) -> dict[str, str]:
    """Each date value the claim writes without a number, with its words ("next year", "on Thursday"): resolved
    from the publication day, the value alone would hide what the article says."""
    phrases: dict[str, str] = {}
    for t, day in times:
        for value in _date_values(t, day):
            if not _DIGIT_RE.search(t.text):
                phrases.setdefault(value, t.text)
    return phrases


def _date_verbs(article: Article, start: int, end: int, times: list[tuple[TimeExpression, str]]) -> dict[str, str]:
    """The verb each date of the claim times, with its particle ("checked out of the clinic on Thursday": "check
    out"), "" for none; empty without a parser. Two claims' dates of two verbs may time two events."""
    doc = parse(article.text[start:end], article.language) if times else None
    verbs: dict[str, str] = {}
    for time, day in times if doc is not None else ():
        token = token_at(doc, time.start - start, time.end - start)
        verb = verb_above(token) if token is not None else None
        for value in _date_values(time, day):
            verbs.setdefault(value, phrasal_lemma(verb) if verb is not None else "")
    return verbs


def dates_a_condition(article: Article, start: int, end: int, time: TimeExpression) -> bool:
    """Whether a time expression dates what holds only on a condition ("If N wins, the team will face M on
    Saturday, Jan. 15"): a possible day, which a report of the day that came does not contradict."""
    return on_condition(parse(article.text[start:end], article.language), time.start - start, time.end - start)


#: Prepositions placing the claim's event after or before another one: "After N's election in 1968, M worked".
_RELATIVE_TO = frozenset({"after", "before", "following"})


def dates_a_reference(article: Article, start: int, end: int, time: TimeExpression) -> bool:
    """Whether a time expression dates the event a fronted phrase places the claim after or before ("After N's
    election in 1968, M worked at the palace"; "Before the 2004 flood, ..."): that event's day, not the claim's,
    which another report gives as its own ("M joined the palace in 1969"). A bare date ("after 1968") still
    dates the claim, and so does one after the verb ("appear before the court on 19 August": a place).
    Read from the claim's parse; False without one."""
    doc = parse(article.text[start:end], article.language)
    token = token_at(doc, time.start - start, time.end - start) if doc is not None else None
    if token is None:
        return False
    noun = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    relative = noun.head
    return noun.dep_ == "pobj" and relative.lower_ in _RELATIVE_TO and relative.i < relative.head.i


def dates_a_report(article: Article, start: int, end: int, time: TimeExpression) -> bool:
    """Whether a time expression dates the reporting verb that tells the claim's clause ("..., ITAR-TASS reported
    September 26"; "two climbers have fallen ..., police confirmed today"): the day of the report, not of the
    event it reports, which two reports of one event may give two ways. A reporting verb with no clause
    ("announced a ban on Monday") is the event. Read from the claim's parse; False without one."""
    doc = parse(article.text[start:end], article.language)
    token = token_at(doc, time.start - start, time.end - start) if doc is not None else None
    verb = verb_above(token) if token is not None else None
    if verb is None or verb.lemma_.lower() not in REPORTING_VERBS.get(normalise_language(article.language), frozenset()):
        return False
    return any(c.dep_ == "ccomp" for c in verb.children)


def states_something(sentence: str, language: str | None = None) -> bool:
    """Whether a sentence can be a claim: words once its links are gone, and not a line that only
    announces what follows ("Official PR text follows below.", "Here is how they describe the device:").

    Such lines are the page talking about itself; counted as claims they showed up as unique to one outlet.
    A lead-in that names someone still reports something ("Coach Ines Vidal issued this statement on the
    arrest:"), and so does a long sentence that merely ends in a colon.
    """
    text = _URL_RE.sub(" ", sentence)
    if word_count(text) < MIN_CLAIM_WORDS or _ANNOUNCES_RE.search(text):
        return False
    return not (_LEAD_IN_RE.search(text) and not _capitalised_names(text, language))


#: Time expressions whose numbers are calendar values, compared as dates; a DURATION ("18 years" of
#: "18 years old", "three minutes") is a quantity.
_DATED_TYPES = ("DATE", "TIME", "SET")


def _claim_quantities(article: Article, start: int, end: int, actors: list[list[Any]]) -> list[Quantity]:
    """The claim's quantities (absolute offsets), its dates and clock times left out."""
    dated = [(t.start - start, t.end - start) for t in article.times if t.type in _DATED_TYPES and start <= t.start < end]
    own = [(s - start, e - start, str(name)) for s, e, name in actors]
    return read_quantities(article.text[start:end], article.language, dated, own, offset=start)


def _claim_spans(article: Article) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of each claim; a dateline ("Published: Thursday, May 2, 2013") is none."""
    time_spans = [(t.start, t.end) for t in article.times]
    spans = []
    offset = 0
    for index, paragraph in enumerate(article.paragraphs):
        for s, e in sentence_spans(paragraph, article.language):
            start, end = offset + s, offset + e
            sentence = article.text[start:end]
            long_enough = word_count(_mask(sentence, time_spans, start)) >= MIN_CLAIM_WORDS
            if long_enough and states_something(sentence, article.language) and not _says_too_little(article, start, end, time_spans):
                spans.append((index, start, end))  # not a dateline, a link, a lead-in to what follows, nor "N said" of two words
        offset += len(paragraph) + 2  # paragraphs are joined by a blank line
    return spans


def _says_too_little(article: Article, start: int, end: int, time_spans: list[tuple[int, int]]) -> bool:
    """Whether a sentence reporting speech says fewer than MIN_CLAIM_WORDS words besides who said it ("Nobody
    listened, she said."): no more a fact than "Nobody listened." is. Words in quotation marks are kept (what
    someone said word for word is compared as said), and so is a figure or a date ("N said 50 were injured")."""
    speech = [q for q in article.quotes if q.kind != "stance" and q.start < end and start < q.end]
    sentence = article.text[start:end]
    if not speech or any(q.kind == "direct" for q in speech) or _QUOTATION_MARK_RE.search(sentence):
        return False
    if may_hold_numbers(sentence, article.language) or any(start <= s < end for s, _ in time_spans):
        return False
    speakers = [(q.speaker_start, q.speaker_end) for q in speech if q.speaker_start is not None and q.speaker_end is not None]
    told = [q.cue for q in speech if q.cue and not takes_a_side(q.cue)]  # "denied" is news, "said" is not
    cues = [(start + m.start(), start + m.end()) for cue in told for m in re.finditer(rf"\b{re.escape(cue)}\b", sentence)]
    said = [(s, e) for s, e in speakers + cues if not any(q.start <= s and e <= q.end for q in speech)]  # not what is said
    return word_count(_mask(sentence, said, start)) < MIN_CLAIM_WORDS


def _dated(article: Article, start: int, end: int) -> bool:
    """Whether a time expression not estimated lies in the claim (:func:`_claim_times` may read its parse)."""
    return any(start <= t.start < end and not t.estimated for t in article.times)


def split_claims(article: Article, names: Mapping[str, str] | None = None) -> list[Claim]:
    """The claims of ``article``, in reading order, ids ``<article id>:c<n>``; ``names`` maps its entities'
    names to its story's (:class:`storyline.compare.involved.Cast`), else they are kept."""
    names = names or {}
    text = article.text
    spans = _claim_spans(article)
    # What a number counts, and whether a date is the report's, are read from a parse: the sentences with numbers
    # or dates are parsed in one batch (one by one, those with dates took a tenth of a story's comparison).
    parsed = [text[s:e] for _, s, e in spans if may_hold_numbers(text[s:e], article.language) or _dated(article, s, e)]
    prefetch(parsed, article.language)
    claims: list[Claim] = []
    for index, start, end in spans:
        sentence = text[start:end]
        actors = _claim_actors(article, start, end, sentence, names)
        quote = _claim_quote(article, start, end)
        quantities = _claim_quantities(article, start, end, actors)
        times = _claim_times(article, start, end)
        claims.append(
            Claim(
                id=f"{article.id}:c{len(claims)}",
                article=article.id,
                text=sentence,
                start=start,
                end=end,
                paragraph=index,
                entities=_claim_entities(article, start, end, actors, names),
                actors=actors,
                numbers=[q.value for q in quantities],
                quantities=quantities,
                dates=_claim_dates(times),
                date_verbs=_date_verbs(article, start, end, times),
                date_phrases=_date_phrases(times),
                speaker=quote.speaker if quote else None,
                cue=quote.cue if quote else None,
                negated=negation_cue(sentence) is not None,
                language=article.language,
            )
        )
    return claims
