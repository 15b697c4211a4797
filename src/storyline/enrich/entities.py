"""People, organisations and places, with their name variants merged.

Mentions come from the language model's named-entity recogniser (or, for
languages without one, from capitalised-span heuristics). Variants are merged
within an article ("Maria Lopez" = "Lopez", "U.S." = "United States", "CIA"
= "Central Intelligence Agency") and, with :func:`merge_entities`, across a
story's articles. Capitals and seats of government are kept as written and
linked to what they stand for (``Entity.refers_to``).

This module finds the recogniser's mentions and puts everything together; the rest lives beside it:
:mod:`~storyline.enrich.entities_types` (rules deciding a mention's type), :mod:`~storyline.enrich.entities_places`
(places and metonyms), :mod:`~storyline.enrich.entities_fallback` (mentions without a recogniser),
:mod:`~storyline.enrich.entities_merge` (variants merged within an article and across a story) and
:mod:`~storyline.enrich.entities_base` (the shared :class:`~storyline.enrich.entities_base.Mention` record).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import HONORIFICS, ISSUED_DOCUMENT_NOUNS, TITLE_ABBREVIATIONS, is_role_word, role_key
from storyline.enrich.entities_base import (
    _CONNECTORS,
    _DETERMINERS,
    _FUNCTION_POS,
    _POSSESSIVES,
    _RANK_MODIFIERS,
    RANK_ABBREVIATIONS,
    Mention,
    _is_generation,
    _is_known_place,
    _is_title_word,
    _opens_sentence,
    _title_before,
    _without_generation,
)
from storyline.enrich.entities_fallback import (
    CAPITALISED_NOUN_LANGUAGES,
    COMMON_ABBREVIATIONS,
    capitalised_mentions,
    unspaced_mentions,
)
from storyline.enrich.entities_merge import (
    institution_noun,
    institution_spans,
    merge_entities,  # noqa: F401 (re-exported: public API)
    merge_mentions,
)
from storyline.enrich.entities_places import (
    _coordinated_places,
    _located,
    _names_a_team,
    _placed_without_parse,
    _stands_for_country,
    _state_abbreviation_undotted,
    _teams_as_no_state,
    _without_bare_compass_words,
    _written_as_place,
)
from storyline.enrich.entities_types import (
    _FACILITY_NOUNS,
    _TITLED_NAME_WORDS,
    _after_definite_article,
    _group_after_possessor,
    _is_common_word_alone,
    _is_degree,
    _is_demonym,
    _is_dotted_acronym,
    _is_place_not_person,
    _kind_named_beside,
    _kind_of_group,
    _kind_of_thing,
    _listed_with_people,
    _named_as_place,
    _named_as_thing,
    _named_as_work,
    _named_beside_person_noun,
    _names_institution,
    _names_vessel,
    _organisation_named_as_settlement,
    _outlets_after_reporters,
    _outlets_as_organisations,
    _placed_as_settlement,
    _placed_in_country,
    _retyped_alike,
    _written_as_person,
    _written_as_someone,
    _written_as_thing,
    _written_with_the,
    titled_by_work_noun,
)
from storyline.enrich.gazetteer import CAPITAL_FOR_COUNTRY, is_place_name, metonym_of
from storyline.enrich.languages import NORMAL_NAMES, nominative
from storyline.enrich.times_calendar import HOLIDAYS
from storyline.enrich.times_lexicon import is_clock_zone
from storyline.enrich.vocabulary import is_also_lower_case
from storyline.ingest.clean import split_dateline, split_lone_dateline
from storyline.ingest.language import NO_CAPITALS
from storyline.model import Entity

#: Model labels (spaCy OntoNotes, spaCy/WikiNER, Natasha) -> storyline types.
ENTITY_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
}

#: A name's leading article is dropped only in its own language: in English "Los Angeles", "El Paso" and
#: "Las Vegas" are whole names, not "Angeles", "Paso" and "Vegas".
_DETERMINERS_OF = {"en": {"the", "a", "an"}, "fr": {"le", "la", "les", "l'", "l’"}, "es": {"el", "la", "los", "las"}}


def extract_entities(
    doc: Doc, recognised: bool = True, language: str | None = None, outlet: str | None = None
) -> list[Entity]:
    """Entities of one parsed article, variants merged, mentions as offsets into ``doc.text``.

    ``language``: the article's, when spaCy has no pipeline for it and the doc says "xx" (Swahili, Icelandic).
    ``outlet``: the article's, which a reporter's credit names ("Ruth Adler of Metropolis").
    """
    text = doc.text  # spaCy joins every token on each access: once per article
    if recognised:
        mentions = recognised_mentions(doc)
        mentions += _known_people_again(text, mentions)
        mentions += _institutions_again(text, mentions)
        mentions += _issuers_of_documents(doc, mentions)
        _relatives_typed_organisations(mentions)
    else:
        mentions = capitalised_mentions(doc, language)
        if NO_CAPITALS.search(text):
            mentions += unspaced_mentions(text, taken=mentions)
    _outlets_after_reporters(text, mentions, outlet)
    for mention in mentions:
        mention.title = _title_before(text, mention.start)
    if not recognised:
        _people_by_role(text, mentions, language)
    _placed_without_parse(text, mentions)
    _coordinated_relatives(text, mentions)
    datelines = _dateline_spans(text)
    return merge_mentions([
        m for m in mentions
        if not is_clock_zone(text, m.start, m.end) and not any(s <= m.start and m.end <= e for s, e in datelines)
    ])


def _people_by_role(text: str, mentions: list[Mention], language: str | None) -> None:
    """Without a recogniser a capitalised run is untyped (MISC); one written right after a person's role or title
    ("il ministro Mario Rossi", "burgemeester Ahmed Aboutaleb", "vakbondsleider N") is a person's, as a reader
    knows, and the story's people list then shows it; so is every untyped mention ending in the same surname
    ("Andrés Manuel López Obrador" of "el presidente López Obrador"), which keeps the full name the entity's."""
    surnames = set()
    for mention in mentions:
        role = _ROLE_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        named_as_person = role is not None and _names_a_role(role, language)
        if mention.type == "MISC" and named_as_person and not _names_institution(mention.text, set(), False):
            mention.type = "PERSON"
            surnames.add(mention.text.split()[-1])
    for mention in mentions:
        if mention.type == "MISC" and mention.text.split()[-1] in surnames:
            mention.type = "PERSON"


#: The word right before a name in the same sentence (no full stop between: "der Sprecher. Vertretung N").
_ROLE_BEFORE = re.compile(r"(?:^|(?<=(?P<stop>[.!?:\n]))\s*|\s)(?P<word>[^\W\d_]+)\s+$")


def _names_a_role(found: re.Match[str], language: str | None) -> bool:
    """A role word written as one: in lower case ("il ministro"), or capitalised where it opens the sentence or the
    language capitalises nouns ("Burgemeester N", "Bundeskanzlerin N"); not the name "General Motors"."""
    word = found["word"]
    opens_sentence = found.start("word") == 0 or bool(found["stop"])
    written_as_role = word.islower() or language in CAPITALISED_NOUN_LANGUAGES or opens_sentence
    return written_as_role and is_role_word(word)


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where a dateline opens a paragraph inside the text ("WASHINGTON —", "PALM BEACH, Fla. —" above the lede):
    ingest moves the first one out as metadata (:func:`split_dateline`), one left in the text (after a caption or
    page junk) names where the report was filed, nothing the story is about."""
    spans, offset = [], 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        following = next((later for later in lines[index + 1 :] if later.strip()), "")
        dateline = split_dateline(line.strip()) or (split_lone_dateline(line, following) if following else None)
        if dateline is not None:
            spans.append((start, start + len(dateline.text)))
    return spans


#: What joins two people in a list: "President Bell and Anna Bell", "Bell, Anna Bell".
_COORDINATION = re.compile(r"\s*(?:,|&|\band\b|\bet\b|\by\b|\bund\b)\s*")


def _coordinated_relatives(text: str, mentions: list[Mention]) -> None:
    """Mark a surname written in one list with a full name of that surname ("President Bell and Anna Bell",
    "Anna Bell and Mr. Bell") as another person: the article calls one of two relatives by surname alone,
    and every later "Bell" means that one, not the only one named in full (:attr:`Mention.not_of`)."""
    people = sorted((m for m in mentions if m.type == "PERSON"), key=lambda m: m.start)
    for first, second in pairwise(people):
        if not _COORDINATION.fullmatch(text[first.end : second.start]):
            continue
        for short, full in ((first, second), (second, first)):
            words, names = short.text.split(), full.text.split()
            if len(words) == 1 and len(names) > 1 and words[-1] == names[-1]:
                short.not_of = full.text


def recognised_mentions(doc: Doc) -> list[Mention]:
    """Mentions from the model's entity recogniser, trimmed of articles and possessives.

    Where the model gives a name's normal form (inflected languages), that is
    the mention's name; the offsets still point at the text as written.
    """
    normal_names = doc.user_data.get(NORMAL_NAMES, {})
    people = [ent for ent in doc.ents if ENTITY_TYPES.get(ent.label_) == "PERSON" and len(ent) > 0]
    surnames = {ent[-1].text for ent in people}
    name_parts = {t.text for ent in people if len(ent) > 1 for t in ent}  # "Washington" of "George Washington"
    parsed = doc.has_annotation("DEP")
    places = {ent.text for ent in doc.ents if ENTITY_TYPES.get(ent.label_) == "PLACE"}
    mentions = []
    named_as_thing: dict[str, list[bool]] = {}
    located: dict[str, list[bool]] = {}  # acronyms typed as places: whether each mention is written as one
    retyped: dict[str, str] = {}  # names some mention shows to be no person's, with the type it shows
    teams: set[str] = set()  # capitals some mention shows to be a sports team
    settled: set[str] = set()  # names some mention writes as a place's ("in Elwyn", "Elwyn village")
    someone: set[str] = set()  # names some "person" mention writes as a person's (a title, "said", "who")
    works: set[str] = set()  # names some mention writes as a film's or book's ("starred in Elwyn")
    for ent, kind in _recognised_pieces(_rejoined(doc.ents), surnames):
        if kind == "PERSON" and len(cut := _without_cut_abbreviation(ent)) < len(ent):
            ent, kind = cut, "ORG"  # "Elwyn RCMP Cpl." of "Elwyn RCMP Cpl. Ruth Adler": the rank is the next name's
        span = _trim(_without_titles(_join_hyphenated(ent)) if kind == "PERSON" else _without_trailing_titles(ent))
        if span is None or _all_lower_case(span.text) or _is_fragment(span, kind, name_parts):
            continue
        if _is_common_phrase(span, kind) or _is_hyphen_fragment(span) or _is_no_name(span):
            continue
        name = normal_names.get((span.start_char, span.end_char)) or (nominative(span) if kind != "PERSON" else span.text)
        written = span.text if name != span.text and kind != "PERSON" else None  # a Russian name in another case
        name = _without_stray_quote_marks(span) if name == span.text else name
        if kind == "PLACE" and (_is_demonym(name, places) or _is_degree(span)):
            continue  # "Londoners": a place's people, which the recogniser calls NORP; "Ruth Adler, MD,"
        if kind == "PERSON" and len(span) == 1 and name[:-1] not in surnames and _is_demonym(name, places):
            continue  # "the father of all Uzbeks": a people, not a person (not "the Adlers" of "Ruth Adler")
        named_as_work = kind in {"PERSON", "PLACE"} and _named_as_work(span) or kind == "ORG" and titled_by_work_noun(span)
        if parsed and named_as_work:
            kind = retyped[name] = "MISC"  # "starred in Gravity", "the film Local Hero": a film, no place, person nor firm
            works.add(name)
        elif kind == "PERSON" and (_is_place_not_person(name, name_parts) or _placed_in_country(span)):
            kind = "PLACE"  # a lone "Khartoum" or "Toulouse, France" the model took for a person (French models do)
        elif kind in ("ORG", "MISC") and _written_as_person(span) and not _named_as_thing(span, name, places, parsed):
            kind = "PERSON"  # "Rubilio Mendez, 34," / "Blanco said she": names the model took for organisations
        elif kind == "ORG" and parsed and _organisation_named_as_settlement(span):
            kind = "PLACE"  # "the village of Elwyn", "the towns of Elwyn and Bellton" typed an organisation
        elif kind == "ORG" and parsed and _listed_with_people(span) and not _named_as_thing(span, name, places, parsed):
            kind = "PERSON"  # "victims: Ruth Adler, Olga Petrenko and Marco Bell", the first typed an organisation
        elif kind == "ORG" and parsed and _named_beside_person_noun(span) and not _named_as_thing(span, name, places, parsed):
            kind = "PERSON"  # "his wife, Ruth", "port authority chief Ines Vidal" typed an organisation
        elif kind == "PERSON" and _names_institution(name, places, parsed and _after_definite_article(span)):
            kind = retyped[name] = "ORG"  # "Crowley Petroleum", "Duke University", "the Elwyn Post"
        elif kind == "PERSON" and _names_vessel(name):
            kind = retyped[name] = "MISC"  # "MV Port Elwyn", "HMS Ruritania": a ship, though the model says a person
        elif kind == "PERSON" and parsed and (thing := _kind_named_beside(span)):
            kind = retyped[name] = thing  # "a law firm, Elwyn Partners,", "the warship Port Elwyn"
        elif kind == "PERSON" and parsed and _named_as_place(span):
            kind = "PLACE"  # "the town of Elwyn", "the Marco Bell airport": a place, though the model says a person
        elif kind == "PERSON" and parsed and _after_definite_article(span):
            kind = retyped[name] = _kind_of_thing(span, surnames)  # "the MV Elwyn": no person takes "the"
        elif kind == "PERSON" and _group_after_possessor(span, surnames):
            kind = retyped[name] = "ORG"  # "the NBA's Elwyn Gulls": "the" is the possessor's, the plural a team's
        elif kind == "PERSON" and len(span) == 1 and span[0].tag_ == "NNPS" and name[:-1] not in surnames:
            kind = "ORG"  # "Greeks", "Elwyn Gulls" of a team: a plural proper noun is a group, unless a family named
        elif kind == "PERSON" and _is_common_word_alone(span, name_parts):
            kind = "MISC"  # "Le Freak by Chic": a word the language writes in lower case names no person alone
        elif kind == "PLACE" and parsed:
            name = _state_abbreviation_undotted(name, span)
        link = metonym_of(name) if parsed and kind != "PERSON" else None
        acts = _stands_for_country(span, link[1] != CAPITAL_FOR_COUNTRY) if link else None
        teams |= {name} if link and _names_a_team(span) else set()
        placed = _written_as_place(span) if parsed and kind == "PLACE" else None
        mentions.append(Mention(name, kind, span.start_char, span.end_char, acts, placed, written=written))
        named_as_thing.setdefault(name, []).append(kind == "PERSON" and _written_as_thing(span))
        if kind in {"PERSON", "PLACE"} and parsed and _placed_as_settlement(span):
            settled.add(name)
        if kind == "PERSON" and parsed and _written_as_someone(span, _title_before(doc.text, span.start_char)):
            someone.add(name)
        if parsed and kind == "PLACE" and _is_dotted_acronym(name) and not _is_known_place(name):
            located.setdefault(name, []).append(_located(span))
    retyped |= {name: "PLACE" for name in settled - someone - name_parts - works}  # "in Elwyn", never "Elwyn said"
    for mention in mentions:
        if mention.type == "PERSON" and mention.text not in retyped and _written_with_the(doc.text, mention.text):
            retyped[mention.text] = _kind_of_group(mention.text.split()[-1], surnames)
    retyped |= {name: "ORG" for name, where in located.items() if not any(where)}  # "the F.B.I.", never "in the F.B.I."
    _teams_as_no_state(mentions, teams)
    mentions = _retyped_alike(_coordinated_places(doc.text, mentions), retyped, doc.text)
    return _outlets_as_organisations(_without_bare_compass_words(mentions), named_as_thing, doc.text)


#: Double quotation marks as the tokeniser splits them off ("''" and "``" of text tokenised the Penn way).
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "''", "``"})


def _without_stray_quote_marks(span: Span) -> str:
    """The name without a quotation mark the recogniser cut it across: 'Pacific "Ring of Fire' of 'the Pacific "Ring
    of Fire" where', its closing mark left out, is "Pacific Ring of Fire", as other articles write it. Marks at its
    edges are trimmed already (:func:`_trim`); a name quoting a part of itself whole ('Ruth "Red" Adler') keeps them.
    The mention's offsets still cover the name as written."""
    marks = [t for t in span if t.text in _QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return span.text
    return "".join(t.text_with_ws for t in span if t.text not in _QUOTE_MARKS).strip()


def _is_common_phrase(span: Span, kind: str) -> bool:
    """Common words capitalised, no name: the article writes them in lower case too ("Aides" / "aides",
    "Special Counsel" / "the special counsel"), or a word opens its sentence that the tagger reads as no proper
    noun ("Undocumented", "Lies"). An organisation after "the" stays ("the House": "house" is no rival), as do
    acronyms and places the gazetteer knows."""
    text = span.text
    if text.isupper() or is_place_name(text) or (kind == "ORG" and span.start and span.doc[span.start - 1].lower_ == "the"):
        return False
    if len(span) == 1 and _opens_sentence(span[0]) and (span[0].pos_ != "PROPN" or span[0].tag_ == "NNS"):
        return True
    return re.search(rf"(?<![\w-]){re.escape(text.lower())}(?![\w-])", span.doc.text) is not None


def _is_hyphen_fragment(span: Span) -> bool:
    """A word the recogniser cut from a hyphenated compound ("Mar" of "Mar-a-Lago", also written spaced, "Mar - a -
    Lago", where a lower-case word between two hyphens shows a compound, not a dash); a name of several words
    keeps its hyphenated end ("Moon Jae" of "Moon Jae-in" is the person)."""
    doc = span.doc
    if len(span) > 1:
        return False
    glued_after = span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_
    glued_before = span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    return glued_after or glued_before or _in_spaced_compound(doc, span.start)


def _in_spaced_compound(doc: Doc, index: int) -> bool:
    """Whether the word at ``index`` opens or closes a run "Word - word - Word" of hyphens and a lower-case link."""
    after = [t.text for t in doc[index + 1 : index + 4]]
    before = [t.text for t in doc[max(0, index - 3) : index]]
    return any(len(side) == 3 and side[0] == side[2] == "-" and side[1].islower() for side in (after, before))


#: Portfolios that complete a title ("Secretary of State", "Minister of Finance"): the word is no organisation's name.
_PORTFOLIOS = frozenset({
    "state", "defense", "defence", "treasury", "interior", "justice", "commerce", "labor", "labour", "energy",
    "education", "health", "agriculture", "transportation", "transport", "finance", "war", "trade", "culture",
})  # fmt: skip


def _is_no_name(span: Span) -> bool:
    """Capitalised words the recogniser takes for a name that name no one: a holiday ("Easter": the times
    module's business), the portfolio of a title ("Secretary of State"), or a word listed beside capitalised
    common nouns, as in a book's title ("Truth, Lies, and Leadership")."""
    if span.text.lower() in HOLIDAYS:
        return True
    if len(span) != 1:
        return False
    doc, token = span.doc, span[0]
    if token.lower_ in _PORTFOLIOS and span.start >= 2 and doc[span.start - 1].lower_ == "of":
        return _is_title_word(doc[span.start - 2].text)
    return _listed_with_common_nouns(token) and not _after_definite_article(span)


def _listed_with_common_nouns(token: Token) -> bool:
    """A word coordinated only with words that are no names, one a capitalised common noun ("Truth, Lies, and
    Leadership"), in a sentence not written in title case (a headline capitalises every word)."""
    conjuncts = token.conjuncts
    if not conjuncts or any(t.ent_type_ in ENTITY_TYPES for t in conjuncts) or _in_title_case(token.sent):
        return False
    return any(t.tag_ in {"NN", "NNS"} and t.text.istitle() and not _after_full_stop(t) for t in conjuncts)


def _in_title_case(sentence: Span) -> bool:
    """Most words capitalised: a headline's capitals say nothing of names."""
    words = [t for t in sentence if t.is_alpha]
    return 2 * sum(t.text[:1].isupper() for t in words) > len(words)


def _after_full_stop(token: Token) -> bool:
    """The first word of a text, a paragraph or a sentence closed by a full stop, whose capital says nothing
    (after a colon it may: "Truth, Lies, and Leadership")."""
    return token.i == 0 or token.doc[token.i - 1].text in {".", "!", "?"} or token.doc[token.i - 1].is_space


def _without_trailing_titles(span: Span) -> Span:
    """"Elwyn Motors Executive" of "Elwyn Motors Executive Vice President Ruth Adler" -> "Elwyn Motors": the
    opening words of a title the recogniser ran into an organisation's name go, so the person after is found."""
    span = _without_cut_abbreviation(span)
    doc, end = span.doc, span.end
    follower = end
    while follower < len(doc) and doc[follower].lower_ in _TITLE_OPENERS:
        follower += 1
    if follower == len(doc) or not _is_title_word(doc[follower].text):
        return span
    while end - span.start > 1 and (doc[end - 1].lower_ in _TITLE_OPENERS or _is_title_word(doc[end - 1].text)):
        end -= 1
    return doc[span.start : end]


def _without_cut_abbreviation(span: Span) -> Span:
    """"Port Elwyn Police Department" of "Port Elwyn Police Department Capt. Marco Bell": a title abbreviation the
    tokenizer cut from its dot closes no name; it is the title of the person after."""
    doc, last = span.doc, span[-1]
    abbreviated = last.lower_ in TITLE_ABBREVIATIONS or last.lower_ in RANK_ABBREVIATIONS  # "Capt.", "Const.", "Det."
    cut = abbreviated and not last.whitespace_ and last.i + 1 < len(doc) and doc[last.i + 1].text == "."
    return span[:-1] if cut and len(span) > 1 else span


#: English prepositions that never open a name: a mention that starts with one, written in lower case, is a
#: fragment of the recogniser ("on Interstate"). Not "de", "van", "von", "al": they open surnames.
_LEADING_PREPOSITIONS = frozenset({
    "on", "in", "at", "from", "to", "for", "with", "by", "into", "onto", "near", "after", "before", "during",
    "since", "under", "over", "off", "about", "against", "via",
})  # fmt: skip

#: Words that open a title of several words ("Executive Vice President"): with a title word after them, they
#: are no part of an organisation's name the recogniser ran them into ("Boeing Executive").
_TITLE_OPENERS = _RANK_MODIFIERS | {"executive", "senior", "vice", "assistant", "associate", "chief"}


def _is_fragment(span: Span, kind: str, name_parts: set[str]) -> bool:
    """No name but a piece the recogniser cut badly: it opens with a preposition ("on Interstate"), ends with
    a connector ("Office of"), or is only a title or rank ("Sgt", "Rear Admiral"). A title word that is part
    of a person's name in the article stays ("King" of "Martin Luther King"). A generational suffix alone
    ("Jr.") is no name either."""
    if span[0].text in _LEADING_PREPOSITIONS or span[-1].text in _CONNECTORS:
        return True
    if _is_generation([t.text for t in span if not t.is_punct]):
        return True
    if kind == "PLACE":
        return False  # "Miss." is Mississippi
    words = [t.text for t in span if not t.is_punct]
    only_title = bool(words) and _is_title_word(words[-1]) and all(
        _is_title_word(w) or w.lower() in _RANK_MODIFIERS for w in words
    )
    return only_title and not set(words) <= name_parts


def _all_lower_case(text: str) -> bool:
    """Letters with case and not one capital: "the energy ministry" the small English model tags as an
    organisation is no name in a language that capitalises names (caseless scripts never match)."""
    return text != text.upper() and text == text.lower()


def _rejoined(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """The recogniser's entities, an organisation cut before its last word made whole again where the article
    names the two words as one elsewhere: "Lockheed" (ORG) "Martin" (a product) beside "Lockheed Martin's": in
    place, the model read the name as an organisation's (the whole it may type a person)."""
    whole = {_POSSESSIVE_END.sub("", e.text) for e in ents if len(e) > 1}
    joined: list[Span] = []
    for ent in ents:
        if joined and ent.start < joined[-1].end:
            continue  # the word joined to the organisation before
        doc, after = ent.doc, ent.end
        if (
            ENTITY_TYPES.get(ent.label_) == "ORG"
            and after < len(doc)
            and ent[-1].whitespace_
            and doc[after].is_alpha
            and doc[after].text[:1].isupper()
            and f"{ent.text} {doc[after].text}" in whole
        ):
            ent = Span(doc, ent.start, after + 1, label=ent.label_)
        joined.append(ent)
    return tuple(joined)


_POSSESSIVE_END = re.compile(r"\s*['’]s?$")


def _recognised_pieces(ents: tuple[Span, ...], surnames: set[str]) -> Iterator[tuple[Span, str]]:
    """The recogniser's entities with their types; an organisation or other name that the parse shows to
    be two names side by side is split ("le ministre des Transports Paul Okafor": "Transports" hangs on
    "ministre", "Paul" too), not one whose words all hang on one word after it ("European Aeronautic Defence" of
    "... and Space Company"). A piece of two or more capitalised words ending in the surname of a person named
    elsewhere in the article is that person."""
    for ent in ents:
        if (titled := _titled_name(ent)) is not None:
            yield titled, "PERSON"  # "President Marco Bell", "Mr Adler" typed an organisation or a place
            continue
        kind = ENTITY_TYPES.get(ent.label_) or ("ORG" if _has_plural_possessive(ent) else None)
        if kind is None:
            continue
        ent = _after_possessive(ent)
        if kind == "ORG" and (people := _people_by_surname(ent, ents)):
            yield from people
            continue
        if kind == "PERSON" or len(ent) < 3:
            yield ent, kind
            continue
        roots = [t for t in ent if not ent.start <= t.head.i < ent.end]  # one for a name the parse keeps whole
        if len({root.head.i for root in roots}) == 1 and roots[0].head.i >= ent.end:
            yield ent, kind  # words of one name all modifying its next word, the model's span cut short
            continue
        starts = sorted({ent.start, *(max(root.left_edge.i, ent.start) for root in roots[1:])})
        for start, end in zip(starts, [*starts[1:], ent.end], strict=True):
            piece = ent.doc[start:end]
            full_name = len(piece) > 1 and all(t.text[:1].isupper() for t in piece)
            person = full_name and (piece[-1].text in surnames or _in_apposition_to_role(piece))
            yield piece, "PERSON" if person and len(starts) > 1 else kind


def _in_apposition_to_role(piece: Span) -> bool:
    """A name of at most :data:`_TITLED_NAME_WORDS` words set in apposition to a role noun in lower case outside it
    ("la ministre des Transports Olga Petrenko": "Olga" hangs on "ministre"): the holder of the role, a person."""
    root, noun = piece.root, piece.root.head
    if len(piece) > _TITLED_NAME_WORDS or root.dep_ != "appos" or piece.start <= noun.i < piece.end:
        return False
    return noun.is_lower and role_key(noun.text) in _PERSONAL_TITLES


def _people_by_surname(ent: Span, ents: tuple[Span, ...]) -> list[tuple[Span, str]]:
    """An organisation's span of two or three capitalised words closing with the surname of a person the recogniser
    found alone elsewhere in the article (:func:`_person_alone`): that person ("Ruth Adler" typed ORG beside
    "Adler" typed PERSON), after initials that the article names as an organisation of their own, the surname
    closing a person's full name too ("the BBC Adler admitted" beside "Ruth Adler": two names run together);
    surnames joined by "and" are two people ("Adler and Bell"). Not where a word before the surname is a
    common word too ("Blue Adler", "Port Adler") or the name closes with a company's or an institution's word
    ("Elwyn Adler Inc.")."""
    words = [t.text for t in ent]
    if "and" in words[1:-1]:
        cut = words.index("and")
        sides = (ent[:cut], ent[cut + 1 :])
        both = all(len(side) <= _TITLED_NAME_WORDS and _person_alone(side[-1].text, ents) for side in sides)
        return [(side, "PERSON") for side in sides] if both else []
    if not 2 <= len(words) <= _TITLED_NAME_WORDS or not _person_alone(words[-1], ents):
        return []
    if not all(w[:1].isupper() and w.isalpha() for w in words) or _names_institution(ent.text, set(), False):
        return []
    opening = ent[:-1]
    if opening.text.isupper():
        full_name = any(len(e) > 1 and e[-1].text == words[-1] and ENTITY_TYPES.get(e.label_) == "PERSON" for e in ents)
        named_alone = any(e.text == opening.text and ENTITY_TYPES.get(e.label_) == "ORG" for e in ents)
        return [(opening, "ORG"), (ent[-1:], "PERSON")] if full_name and named_alone else []
    return [] if any(is_also_lower_case(w) for w in words[:-1]) else [(ent, "PERSON")]


def _person_alone(word: str, ents: tuple[Span, ...]) -> bool:
    """A word the recogniser typed a person alone somewhere in the article, one the language never writes in lower
    case ("Adler"; the small model types "Pro" of a product a person too)."""
    alone = any(e.text == word and ENTITY_TYPES.get(e.label_) == "PERSON" for e in ents)
    return alone and not is_also_lower_case(word)


#: Titles written before a person's name and no other ("President Marco Bell", "Sen. Vidal", "Mr Adler"): not
#: "General", "Chief" or "Major", which open names of companies and leagues too.
_PERSONAL_TITLES = HONORIFICS | frozenset({
    "president", "senator", "sen", "governor", "gov", "rep", "representative", "congressman", "congresswoman",
    "minister", "secretary", "chancellor", "premier", "mayor", "ambassador", "treasurer", "pope", "rev", "lt",
    "sgt", "capt", "col", "adm", "président", "présidente", "ministre", "presidente", "presidenta", "ministro",
    "ministra",
})  # fmt: skip
#: Recogniser labels of values, never a name: "Mr" before a date is no person.
_VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"})


def _titled_name(ent: Span) -> Span | None:
    """The name in a recogniser's span of another type that a personal title opens or follows
    (:data:`_PERSONAL_TITLES`): "President Marco Bell" typed ORG, "Mr Adler" typed a product. The name is one
    to three capitalised words, none a known place or a word the article also writes in lower case
    ("President Hotel"); the title is written capitalised, not in capitals ("MS Columbus" is a ship)."""
    if ENTITY_TYPES.get(ent.label_) == "PERSON" or ent.label_ in _VALUE_LABELS:
        return None
    doc = ent.doc
    name = _without_titles(ent)
    title = doc[name.start - 1] if name.start > ent.start else (doc[ent.start - 1] if ent.start else None)
    if title is None or role_key(title.text) not in _PERSONAL_TITLES or not title.text[:1].isupper() or title.text.isupper():
        return None
    words = [t for t in name if not t.is_punct]
    if not 0 < len(words) <= _TITLED_NAME_WORDS or not all(w.text[:1].isupper() and not w.is_digit for w in words):
        return None
    if is_place_name(name.text) or metonym_of(name.text) or any(w.lower_ in _CONNECTORS for w in words):
        return None
    lower_case = (re.search(rf"(?<![\w-]){re.escape(w.lower_)}(?![\w-])", doc.text) for w in words if len(w) > 1)
    return None if any(lower_case) else name


_APOSTROPHES = frozenset({"'", "’"})


def _after_possessive(ent: Span) -> Span:
    """A possessive ends a name: "Adler's Ruritania Council" is the council (Adler, her own name, is found
    again by :func:`_known_people_again`). A plural possessive does not: it names the members of an
    organisation ("the Farmers' Party"), a person or place never takes it. Nor does one before a lone common
    noun ("Sam's Club", "Dawson's Creek"): a club or creek alone names nothing, the possessive is the name's."""
    cut = max((t.i + 1 for t in ent[:-1] if t.text in _POSSESSIVES), default=ent.start)
    if cut == ent.end - 1 and is_also_lower_case(ent[-1].text):
        return ent
    return ent.doc[cut : ent.end]


def _has_plural_possessive(ent: Span) -> bool:
    """"the Ruritania Farmers' Union", which the recogniser may take for a title of a work: capitalised words
    either side of a plural possessive make an organisation's name."""
    return any(
        t.text in _APOSTROPHES and 0 < t.i - ent.start < len(ent) - 1 and ent.doc[t.i - 1].text.endswith("s")
        and ent.doc[t.i - 1].text[:1].isupper() and ent.doc[t.i + 1].text[:1].isupper()
        for t in ent
    )


def _known_people_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions the recogniser missed of people it found elsewhere in the article: the full name again, or
    the surname alone ("Monica Torres" ... "said Torres, who ..."), not inside a longer capitalised name
    ("Torres Strait") nor a surname that is also a place ("Jordan"). Without them a pronoun or a speaker
    phrase went to another person named nearby."""
    taken = sorted((m.start, m.end) for m in mentions)
    people = {m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    surnames = {s for name in people if len(s := _without_generation(name).split()[-1]) > 2 and not is_place_name(s)}
    found: list[Mention] = []
    for name in sorted(people, key=len, reverse=True) + sorted(surnames):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-]|\s+[A-Z])", text):
            start, end = match.span()
            if not any(s < end and start < e for s, e in taken):
                found.append(Mention(name, "PERSON", start, end))
                taken.append((start, end))
    return found


def _institutions_again(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions the recogniser missed of an institution it found ("Indian Navy"): written with its noun in lower case
    ("the Indian navy") or, where the article names one institution of that noun, the noun alone after "the" ("the
    navy", :func:`institution_spans`); a mention of the noun alone it found ("Navy") takes the institution's name.
    Without them "Indian Navy" counted one mention of many."""
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.type == "ORG" and (noun := institution_noun(mention.text)):
            owners.setdefault(noun, set()).add(mention.text)
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for noun, names in owners.items():
        sole = next(iter(names)) if len(names) == 1 else None
        for name in sorted(names):
            for start, end in institution_spans(name, text, alone=name == sole):
                if not any(s < end and start < e for s, e in taken):
                    found.append(Mention(name, "ORG", start, end))
                    taken.append((start, end))
        for mention in mentions:
            if sole and mention.type == "ORG" and mention.text.lower() == noun:
                mention.text = sole
    return found


#: Recogniser labels of words no document's issuer is: a day ("a Monday statement"), a people ("the Indian
#: statement"), a place, a person ("the Trump release" is Trump's, whom the recogniser finds).
_NO_ISSUER_LABELS = frozenset({"DATE", "TIME", "NORP", "GPE", "LOC", "FAC", "PERSON", "EVENT", "CARDINAL", "ORDINAL"})
#: Nouns between an issuer's name and its document: "an Elwyn PD press release".
_DOCUMENT_KINDS = frozenset({"press", "news"})


def _issuers_of_documents(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Organisations the recogniser missed that a document names as its issuer: the proper nouns compounded right
    before a document a body issues (:data:`ISSUED_DOCUMENT_NOUNS`: "an NYPD release", "The Elwyn Geological Survey
    report"), not a day, a people, a known place nor a common noun's abbreviation ("a DNA report"), with each of their
    mentions in the article (English). Without them the quote's speaker was "unattributed" and the story's cast
    lacked the body."""
    if doc.lang_ != "en" or not doc.has_annotation("DEP"):
        return []
    taken = [(m.start, m.end) for m in mentions]
    names = {name for token in doc if (name := _issuer_before(token))}
    found: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", doc.text):
            start, end = match.span()
            if not any(s < end and start < e for s, e in taken):
                found.append(Mention(name, "ORG", start, end))
                taken.append((start, end))
    return found


def _issuer_before(document: Token) -> str | None:
    """The proper nouns compounded right before ``document`` if it is one a body issues, as its issuer's name
    (:func:`_issuers_of_documents`)."""
    if document.pos_ != "NOUN" or document.lemma_.lower() not in ISSUED_DOCUMENT_NOUNS:
        return None
    end = document.i - 1 if document.i and document.doc[document.i - 1].lower_ in _DOCUMENT_KINDS else document.i
    start = end
    while start > 0 and (word := document.doc[start - 1]).pos_ == "PROPN" and word.dep_ == "compound":
        if not start - 1 < word.head.i <= document.i or _no_issuer_word(word):
            return None
        start -= 1
    name = document.doc[start:end].text
    if start and document.doc[start - 1].tag_ == "POS":
        return None  # "a Samaritan's Purse release": the parse cut the name at its possessive
    if start == end or _opens_sentence(document.doc[start]):
        return None
    return None if _is_known_place(name) or name in COMMON_ABBREVIATIONS["en"] else name


def _no_issuer_word(word: Token) -> bool:
    """A word the recogniser labels as no issuer's (:data:`_NO_ISSUER_LABELS`), unless an acronym it calls a people
    ("NYPD": no people is written in capitals)."""
    return word.ent_type_ in _NO_ISSUER_LABELS and not (word.ent_type_ == "NORP" and word.text.isupper())


def _relatives_typed_organisations(mentions: list[Mention]) -> None:
    """Retype as a person a name typed an organisation that closes with the surname of another person the article
    names in full and writes alone as a person: "Anna Bell" typed ORG beside "her brother Tom Bell" and "Bell said"
    is his sister, however common a word the surname is ("Page"), not a body whose short name "Bell" is his. Its
    first word is capitalised, no common word and no place ("Taco Bell", "Port Bell" stay), its last no street's."""
    people = [m.text.split() for m in mentions if m.type == "PERSON"]
    surnames = {words[-1] for words in people if len(words) > 1} & {words[0] for words in people if len(words) == 1}
    surnames = {s for s in surnames if s.lower() not in _FACILITY_NOUNS}  # "Elwyn Ave" typed a person: a street
    for mention in mentions:
        words = mention.text.split()
        if mention.type == "ORG" and len(words) == 2 and words[-1] in surnames and _may_be_given_name(words[0]):
            mention.type = "PERSON"


def _may_be_given_name(word: str) -> bool:
    """A capitalised word of letters that is no common word and no place: what a first name is written as."""
    return word.isalpha() and word[:1].isupper() and not is_also_lower_case(word) and not is_place_name(word)


def _join_hyphenated(span: Span) -> Span:
    """Extend a name over attached hyphens ("Amir" + "-Abdollahian") so it is kept whole."""
    doc, start, end = span.doc, span.start, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].text[:1].isupper():
        end += 2
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and doc[start - 2].text[:1].isupper():
        start -= 2
    return doc[start:end]


def _without_titles(span: Span) -> Span:
    """"Treasurer Omar Haddad" -> "Omar Haddad": a role or honorific is not part of the name."""
    start, doc = span.start, span.doc
    while start < span.end - 1 and (
        _is_title_word(doc[start].text)
        or (doc[start].lower_ in _RANK_MODIFIERS and _is_title_word(doc[start + 1].text))
    ):
        start += 1  # "Rear Admiral Ruth Adler" too
    while start < span.end - 1 and span.doc[start].text == ".":
        start += 1
    return span.doc[start : span.end]


def _trim(span: Span) -> Span | None:
    """Drop leading articles (of the text's language), a function word or adverb opening the sentence
    ("Anything Obama"), and trailing possessives or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    determiners = _DETERMINERS_OF.get(doc.lang_, _DETERMINERS)
    while start < end and (
        doc[start].lower_ in determiners
        or doc[start].is_punct
        or doc[start].is_space
        or (doc[start].pos_ in _FUNCTION_POS and _opens_sentence(doc[start]))
    ):
        start += 1
    while end > start and (doc[end - 1].lower_ in {"'s", "’s", "'", "’"} or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None
