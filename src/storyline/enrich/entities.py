"""People, organisations and places, with their name variants merged.

Mentions come from the language model's named-entity recogniser (or, for
languages without one, from capitalised-span heuristics). Variants are merged
within an article ("Maria Lopez" = "Lopez", "U.S." = "United States", "CIA"
= "Central Intelligence Agency") and, with :func:`merge_entities`, across a
story's articles. Capitals and seats of government are kept as written and
linked to what they stand for (``Entity.refers_to``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from anyascii import anyascii
from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from storyline.enrich.cues import (
    ACCORDING_TO,
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    ROLE_SUFFIX,
    TITLES,
    role_key,
)
from storyline.enrich.gazetteer import (
    CAPITAL_FOR_COUNTRY,
    canonical_alias,
    contextual_alias,
    is_place_name,
    is_us_state,
    metonym_of,
    name_key,
    places_in_running_text,
    us_state_of,
)
from storyline.enrich.languages import NORMAL_NAMES
from storyline.enrich.quotes_marks import quoted_spans
from storyline.enrich.times_calendar import HOLIDAYS
from storyline.enrich.times_lexicon import is_clock_zone, lexicon_for
from storyline.enrich.vocabulary import is_also_lower_case, is_common_word, is_known_name
from storyline.ingest.clean import split_dateline, split_lone_dateline
from storyline.ingest.language import NO_CAPITALS
from storyline.model import Entity

#: Model labels (spaCy OntoNotes, spaCy/WikiNER, Natasha) -> storyline types.
ENTITY_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
}
_DETERMINERS = {"the", "a", "an", "le", "la", "les", "l'", "l’", "el", "los", "las"}
#: A name's leading article is dropped only in its own language: in English "Los Angeles", "El Paso" and
#: "Las Vegas" are whole names, not "Angeles", "Paso" and "Vegas".
_DETERMINERS_OF = {"en": {"the", "a", "an"}, "fr": {"le", "la", "les", "l'", "l’"}, "es": {"el", "la", "los", "las"}}
_CONNECTORS = {"of", "de", "du", "des", "del", "for", "and", "&", "the", "la", "le", "y", "et"}
#: Conjunctions join two names far more often than they sit inside one ("GM y Chrysler",
#: "Melbourne y Brisbane"): the fallback, which has no recogniser to tell, splits there.
_CONJUNCTIONS = {"and", "y", "et", "e", "und", "en", "i", "ve"}
_CAPITALISED = re.compile(r"^[^\W\d_][\w'’.-]*$")


@dataclass
class Mention:
    """One name as written, with its type and offsets into the article text."""

    text: str
    type: str
    start: int
    end: int
    #: For a capital or seat of government: whether it stands here for its country or government
    #: (:func:`_stands_for_country`); None when the name is neither or there is no parse to tell.
    acts: bool | None = None
    #: For a PLACE: whether the parse shows it written as a place (:func:`_written_as_place`); None
    #: without a parse.
    placed: bool | None = None
    #: The title or honorific written just before the name ("president", "mrs"; :func:`_title_before`).
    title: str | None = None
    #: A full name this surname is written beside as another person ("President Bell and Anna Bell"):
    #: it names someone else (:func:`_coordinated_relatives`).
    not_of: str | None = None


@dataclass
class _Group:
    """Names found to be one entity, the most informative first."""

    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    refers_to: str | None = None
    reference_kind: str | None = None
    acts: bool | None = None  # a capital or seat: whether any mention stands for its country (None: cannot tell)
    acting: list[tuple[int, int]] = field(default_factory=list)  # the mentions that do
    merged: int = 0  # entities merged into this one (across articles: how many articles name it)
    uses: Counter[str] = field(default_factory=Counter)  # how often each name is written (mentions)
    full_types: Counter[str] = field(default_factory=Counter)  # the types its full names were given, per mention
    titles: set[str] = field(default_factory=set)  # titles and honorifics written before its mentions

    @property
    def name(self) -> str:
        """The most informative name: what shorter forms are matched against."""
        return self.names[0]

    @property
    def full_uses(self) -> int:
        """Mentions by a name of several words ("Ruth Adler", not "Adler"): how prominent a person is."""
        return sum(count for name, count in self.uses.items() if is_full_name(name))

    def canonical(self) -> str:
        """The name to show: the most written of its full forms (names of several words where it has any),
        on a tie a person's plainest ("Ruth Adler Papers" is no name of hers), an organisation's most
        informative ("Elwyn Motors Corporation"). Never a name in capitals also written in its own case
        ("PORT ELWYN" of a dateline beside "Port Elwyn")."""
        full = [n for n in self.names if is_full_name(n)] or self.names  # not "Adler Jr."
        plain = self.type == "PERSON"
        return max(
            full,
            key=lambda n: (not self._capitalised_copy(n), self.uses[n], -len(n.split()) if plain else 0, -self.names.index(n)),
        )

    def _capitalised_copy(self, name: str) -> bool:
        """A name written in capitals (more than an acronym's four letters) that the group also holds in mixed case."""
        return (
            name.isupper()
            and sum(c.isalpha() for c in name) > 4
            and any(other != name and other.casefold() == name.casefold() for other in self.names)
        )


def extract_entities(doc: Doc, recognised: bool = True, language: str | None = None) -> list[Entity]:
    """Entities of one parsed article, variants merged, mentions as offsets into ``doc.text``.

    ``language``: the article's, when spaCy has no pipeline for it and the doc says "xx" (Swahili, Icelandic).
    """
    text = doc.text  # spaCy joins every token on each access: once per article
    if recognised:
        mentions = recognised_mentions(doc)
        mentions += _known_people_again(text, mentions)
    else:
        mentions = capitalised_mentions(doc, language)
        if NO_CAPITALS.search(text):
            mentions += unspaced_mentions(text, taken=mentions)
    for mention in mentions:
        mention.title = _title_before(text, mention.start)
    _placed_without_parse(text, mentions)
    _coordinated_relatives(text, mentions)
    datelines = _dateline_spans(text)
    return merge_mentions([
        m for m in mentions
        if not is_clock_zone(text, m.start, m.end) and not any(s <= m.start and m.end <= e for s, e in datelines)
    ])


#: Up to three words of a town and what comes between it and the region that locates it: "Port Elwyn, ", "Elwyn (".
_TOWN_BEFORE = re.compile(r"(?<![\w-])(?P<town>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,2})(?:,|\s*\()\s*$")
#: Another name listed after this one: ", Toronto", " y Toronto", " and Toronto".
_LIST_GOES_ON = re.compile(r"\s*(?:,|\s(?:and|y|et|und|e|i|o|or))\s+[^\W\d_a-z]")


_WORD_BEFORE_NAME = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


def _placed_without_parse(text: str, mentions: list[Mention]) -> None:
    """A capital no parse judged, every mention of it written as the place (:func:`_placed_by_word_order`): it
    names the place, not its state ("en Washington", "Everett (Washington)"); one mention left unjudged keeps the
    link a reader may mean."""
    unjudged = [m for m in mentions if m.acts is None and metonym_of(m.text)]
    placed = {m.text: True for m in unjudged}
    for mention in unjudged:
        placed[mention.text] &= _placed_by_word_order(text, mention.start, mention.end)
    for mention in unjudged:
        mention.acts = False if placed[mention.text] else None


def _placed_by_word_order(text: str, start: int, end: int) -> bool:
    """A capital read without a parse as the place, not its state: right after a preposition of place ("en
    Washington") or locating a town before it (:func:`_locates_a_town`)."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    if before is not None and before[1] in _PLACE_PREPOSITIONS_UNPARSED:
        return True
    return _locates_a_town(text, start, end)


def _locates_a_town(text: str, start: int, end: int) -> bool:
    """A name right after a town and a comma or bracket ("Everett, Washington", "Everett (Washington)"): a region
    locating the town, never a capital acting for its state. Not after a known place, nor inside a list ("Tokio,
    Buenos Aires y Toronto"; "París, Berlín y Londres" lists capitals)."""
    before = _TOWN_BEFORE.search(text, max(0, start - 40), start)
    words = before["town"].split() if before else []
    while words and not words[0][0].isupper():
        words.pop(0)  # "en Everett (": the town is the capitalised words
    if not words or not all(w[0].isupper() for w in words) or _is_known_place(" ".join(words)):
        return False
    return _LIST_GOES_ON.match(text, end) is None


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


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s+$")
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


def _title_before(text: str, start: int) -> str | None:
    """The title or honorific right before a name ("Mrs. Adler" -> "mrs"), or None: which of two people
    sharing a surname a titled mention means (:func:`_likeliest`)."""
    match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return role_key(match[1]) if match and _is_title_word(match[1]) else None


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
    for ent, kind in _recognised_pieces(_rejoined(doc.ents), surnames):
        span = _trim(_without_titles(_join_hyphenated(ent)) if kind == "PERSON" else _without_trailing_titles(ent))
        if span is None or _all_lower_case(span.text) or _is_fragment(span, kind, name_parts):
            continue
        if _is_common_phrase(span, kind) or _is_hyphen_fragment(span) or _is_no_name(span):
            continue
        name = normal_names.get((span.start_char, span.end_char), span.text)
        if kind == "PLACE" and (_is_demonym(name, places) or _is_degree(span)):
            continue  # "Londoners": a place's people, which the recogniser calls NORP; "Ruth Adler, MD,"
        if kind == "PERSON" and (_is_place_not_person(name, name_parts) or _placed_in_country(span)):
            kind = "PLACE"  # a lone "Khartoum" or "Toulouse, France" the model took for a person (French models do)
        elif kind in ("ORG", "MISC") and _written_as_person(span) and not _named_as_thing(span, name, places, parsed):
            kind = "PERSON"  # "Rubilio Mendez, 34," / "Blanco said she": names the model took for organisations
        elif kind == "ORG" and parsed and _listed_with_people(span) and not _named_as_thing(span, name, places, parsed):
            kind = "PERSON"  # "victims: Ruth Adler, Olga Petrenko and Marco Bell", the first typed an organisation
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
        placed = _written_as_place(span) if parsed and kind == "PLACE" else None
        mentions.append(Mention(name, kind, span.start_char, span.end_char, acts, placed))
        named_as_thing.setdefault(name, []).append(kind == "PERSON" and _written_as_thing(span))
        if parsed and kind == "PLACE" and _is_dotted_acronym(name) and not _is_known_place(name):
            located.setdefault(name, []).append(_located(span))
    for mention in mentions:
        if mention.type == "PERSON" and mention.text not in retyped and _written_with_the(doc.text, mention.text):
            retyped[mention.text] = _kind_of_group(mention.text.split()[-1], surnames)
    retyped |= {name: "ORG" for name, where in located.items() if not any(where)}  # "the F.B.I.", never "in the F.B.I."
    mentions = _retyped_alike(_coordinated_places(doc.text, mentions), retyped, doc.text)
    return _outlets_as_organisations(_without_bare_compass_words(mentions), named_as_thing, doc.text)


def _retyped_alike(mentions: list[Mention], retyped: dict[str, str], text: str) -> list[Mention]:
    """Every mention of a name that one mention shows to be no person's ("the Elwyn Herald" ... "Elwyn Herald
    said"), or no place's (an acronym never written as a place), takes the type that one shows, unless it is
    written with a title ("Mr. Elwyn Herald")."""
    titled = {m.text for m in mentions if _title_before(text, m.start)}
    for mention in mentions:
        if mention.type in {"PERSON", "PLACE"} and mention.text in retyped and mention.text not in titled:
            mention.type = retyped[mention.text]
    return mentions


#: Two places sharing their last words, the first written short: "North and South Korea", "South or North Dakota".
_SHARED_NAME_END = re.compile(r"(?P<a>[^\W\d_][\w.-]*)\s+(?:and|or|&)\s+(?P<b>[^\W\d_][\w.-]*)\s+(?P<rest>\S.*)")
_BEFORE_CONJUNCTION = re.compile(r"(?<![\w-])(?P<a>[^\W\d_][\w.-]*)\s+(?:and|or|&)\s+$")


def _coordinated_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two places written with their shared words once are two: "North and South Korea" names North Korea and
    South Korea, whether the recogniser took it whole or found "North" apart, or not at all. Each is a place the
    gazetteer knows (a country, region, capital or US state); the first is read at its own word."""
    result = []
    for mention in mentions:
        whole = _SHARED_NAME_END.fullmatch(mention.text) if mention.type == "PLACE" else None
        if whole and _is_known_place(f"{whole['a']} {whole['rest']}") and _is_known_place(f"{whole['b']} {whole['rest']}"):
            first_end, second_start = mention.start + whole.end("a"), mention.start + whole.start("b")
            result += [replace(mention, text=f"{whole['a']} {whole['rest']}", end=first_end),
                       replace(mention, text=f"{whole['b']} {whole['rest']}", start=second_start)]
            continue
        result.append(mention)
    for mention in [m for m in result if m.type == "PLACE" and " " in m.text]:
        before = _BEFORE_CONJUNCTION.search(text, max(0, mention.start - 40), mention.start)
        if before is None or before["a"][0].islower():
            continue
        first = f"{before['a']} {mention.text.split(' ', 1)[1]}"
        if not _is_known_place(first):
            continue
        start, end = before.start("a"), before.end("a")
        result = [m for m in result if (m.start, m.end) != (start, end)]
        result.append(replace(mention, text=first, start=start, end=end))
    return sorted(result, key=lambda m: m.start)


def _is_known_place(name: str) -> bool:
    return is_place_name(name) or is_us_state(name)


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


#: Nouns of media and platforms: a one-word "person" named beside one is an outlet ("the newswire service Yonhap",
#: "Sputnik, a Russian state site").
_OUTLET_WORDS = frozenset({
    "agency", "service", "newswire", "wire", "site", "website", "outlet", "newspaper", "paper", "daily", "network",
    "broadcaster", "channel", "platform", "app", "station",
})  # fmt: skip


#: Prepositions as often before a person as before anything: "by Xi", "the behest of Xi", "talks with Adler".
_PREPOSITIONS_OF_PEOPLE = frozenset({
    "by", "to", "with", "from", "for", "of", "about", "against", "like", "between", "among", "behind", "beside",
    "than", "toward", "towards",
})  # fmt: skip


def _written_as_thing(span: Span) -> bool:
    """A name written as no person is: the object of a preposition ("posted on Twitter", "via Twitter") or
    beside a noun of media ("the newswire service Yonhap")."""
    token = span.root
    if token.dep_ == "pobj" and token.head.lower_ not in _PREPOSITIONS_OF_PEOPLE:
        return True
    near = [*token.children, token.head] if token.dep_ == "appos" else list(token.children)
    return any(t.dep_ in {"appos", "compound"} or t.i == token.head.i for t in near if t.lemma_.lower() in _OUTLET_WORDS)


#: Nouns of organisations and of ships: a name in apposition to one, or after one, names such a thing ("a law
#: firm, Elwyn Partners,", "the newspaper Munhwa Daily", "the tanker Port Elwyn").
_ORGANISATION_NOUNS = _OUTLET_WORDS | {
    "firm", "company", "team", "club", "band", "bank", "magazine", "tabloid", "university", "college", "hospital",
    "charity", "union", "airline", "carrier", "retailer", "manufacturer", "maker", "publisher", "broadcaster",
}  # fmt: skip
_VESSEL_NOUNS = frozenset({"ship", "vessel", "tanker", "freighter", "warship", "yacht", "ferry", "trawler", "liner"})


def _kind_named_beside(span: Span) -> str | None:
    """ORG or MISC for a name set beside a noun of organisations or ships (:data:`_ORGANISATION_NOUNS`) as its
    apposition or after it ("a law firm, Elwyn Partners,", "the warship Port Elwyn"), else None: what a
    "person" the model found is. Only for names of several words: a one-word name beside a noun of media is
    judged over all its mentions (:func:`_outlets_as_organisations`)."""
    if len(span) < 2:
        return None
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i == span.start - 1)]
    if root.dep_ == "appos" and not span.start <= root.head.i < span.end:
        nouns.append(root.head)
    lemmas = {t.lemma_.lower() for t in nouns if t.pos_ == "NOUN"}  # not "Intelligence Service, Ruth Adler"
    return "ORG" if lemmas & _ORGANISATION_NOUNS else "MISC" if lemmas & _VESSEL_NOUNS else None


def _after_definite_article(span: Span) -> bool:
    """A name after "the" that is its own determiner ("the Elwyn Herald reported", "aboard the MV Port Elwyn"),
    not a noun's the name qualifies ("the Adler campaign", "the Adler family's lawyer"): what a person's name
    never takes."""
    if span.start == 0:
        return False
    article, root = span.doc[span.start - 1], span.root
    if article.lower_ != "the" or not span.start <= article.head.i < span.end:
        return False
    return span.start <= root.head.i < span.end or root.dep_ not in {"compound", "poss", "nmod", "amod"}


#: Prefixes of ships' names ("MV", "HMS", "USS"): written in capitals, they open no person's name.
_VESSEL_PREFIXES = frozenset({"MV", "MS", "SS", "RMS", "USS", "USNS", "HMS", "HMAS", "HMCS", "INS", "MT", "FV"})


def _names_vessel(name: str) -> bool:
    """A ship's name: a prefix of ships in capitals or a noun of ships and a name after it ("MV Port Elwyn",
    "Warship Elwyn")."""
    words = name.split()
    return len(words) > 1 and (words[0] in _VESSEL_PREFIXES or words[0].lower() in _VESSEL_NOUNS)


def _named_as_thing(span: Span, name: str, places: set[str], parsed: bool) -> bool:
    """A name closing with an institution's noun, or a group's written with "the": "the Elwyn Herald, who first
    reported", "Duke University, who" and "the Elwyn Gulls, who" are no people for the "who" after them."""
    after_the = parsed and _after_definite_article(span)
    return _names_institution(name, places, after_the) or (after_the and _kind_of_thing(span, set()) == "ORG")


def _kind_of_thing(span: Span, surnames: set[str]) -> str:
    """What a "person" written after "the" is (:func:`_kind_of_group`)."""
    return _kind_of_group(span[-1].text, surnames)


def _kind_of_group(last_word: str, surnames: set[str]) -> str:
    """What a "person" written after "the" is, by its last word: a group by a plural name ("the Elwyn Gulls": a
    team, a band) is an organisation, unless it is a family of a person named ("the Adlers"); a name in the
    singular is some other thing (a ship, a building, an aircraft), or an outlet or institution by its noun
    ("the Herald")."""
    if last_word.lower() in _MEDIA_WORDS | _INSTITUTION_WORDS:
        return "ORG"
    if last_word.endswith("s") and not last_word.endswith("ss"):
        return "PERSON" if last_word[:-1] in surnames else "ORG"
    return "MISC"


def _written_with_the(text: str, name: str) -> bool:
    """A full name written somewhere in the article after "the" and closing its phrase ("with the Elwyn Gulls,",
    "aboard the Port Elwyn."), where the recogniser may have typed it otherwise or missed it: no person's. A
    name before a noun ("the Ruth Adler case") or a possessive ("the Ruth Adler's") proves nothing."""
    if " " not in name:
        return False
    return re.search(rf"\b[Tt]he\s+{re.escape(name)}(?=\s*[,.;:!?)\"”]|\s+(?:and|or|was|is|were|are|has|had)\b)", text) is not None


def _without_trailing_titles(span: Span) -> Span:
    """"Elwyn Motors Executive" of "Elwyn Motors Executive Vice President Ruth Adler" -> "Elwyn Motors": the
    opening words of a title the recogniser ran into an organisation's name go, so the person after is found."""
    doc, end = span.doc, span.end
    follower = end
    while follower < len(doc) and doc[follower].lower_ in _TITLE_OPENERS:
        follower += 1
    if follower == len(doc) or not _is_title_word(doc[follower].text):
        return span
    while end - span.start > 1 and (doc[end - 1].lower_ in _TITLE_OPENERS or _is_title_word(doc[end - 1].text)):
        end -= 1
    return doc[span.start : end]


def _state_abbreviation_undotted(name: str, span: Span) -> str:
    """"Calif" written without its dot where a state's abbreviation stands, after a town and a comma ("Rancho
    Elwyn, Calif,"), read as "Calif.": the state. Elsewhere a dotless "Miss" or "Ill" is no state."""
    dotted = f"{name}."
    if us_state_of(name) or not us_state_of(dotted) or span.start < 2:
        return name
    comma, town = span.doc[span.start - 1], span.doc[span.start - 2]
    return dotted if comma.text == "," and town.text[:1].isupper() else name


def _outlets_as_organisations(mentions: list[Mention], named_as_thing: dict[str, list[bool]], text: str) -> list[Mention]:
    """A one-word "person" never written with a title nor as a person is (:func:`_written_as_thing` in every
    mention) is a platform or an outlet: the small English model types "Twitter" and "Yonhap" as people."""
    titled = {m.text for m in mentions if _title_before(text, m.start)}
    for mention in mentions:
        things = named_as_thing.get(mention.text, [])
        if mention.type == "PERSON" and " " not in mention.text and things and all(things) and mention.text not in titled:
            mention.type = "ORG"
    return mentions


def _without_bare_compass_words(mentions: list[Mention]) -> list[Mention]:
    """"the North" beside "North Korea": the first word of a place named in full, alone, is no place of its own."""
    openers = {m.text.split()[0] for m in mentions if m.type == "PLACE" and " " in m.text}
    return [m for m in mentions if not (m.type == "PLACE" and m.text in openers and not is_place_name(m.text))]


#: What follows a person's name, never an organisation's: an age ("N, 34," / "N, a 23-year-old"), "N, who",
#: or a statement the name makes about himself or herself ("N said she").
_PERSON_AFTER = re.compile(
    r",\s+(?:\d{1,3},|an?\s+\d{1,3}-year-old\b|who\b)"
    r"|\s+(?:\w+ly\s+)?(?:said|says|told\s+\w+|added|recalled|explained|insisted)\s+(?:that\s+)?(?:he|she)\b"
)


def _written_as_person(span: Span) -> bool:
    """Whether a name the recogniser calls an organisation is written as a person's (:data:`_PERSON_AFTER`):
    the small English model types many Spanish and Portuguese names so ("Olimpia Blanco")."""
    if span.text.isupper() or not all(t.text[:1].isupper() for t in span if t.is_alpha):
        return False
    return _PERSON_AFTER.match(span.doc.text, span.end_char) is not None


def _listed_with_people(span: Span) -> bool:
    """A name of two or three capitalised words listed only with people's full names ("Ruth Adler, Olga Petrenko
    and Marco Bell"): the parse's conjuncts, every one the recogniser's person."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= _TITLED_NAME_WORDS or not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return False
    if _INITIALS_AFTER.match(span.doc.text, span.end_char):
        return False  # "Server Message Block (SMB)": a person's name is never spelled out so
    conjuncts = span.root.conjuncts  # each the last word of a full name: not "Rivals" of a stray "RivalsDell"
    return bool(conjuncts) and all(t.ent_type_ == "PERSON" and t.ent_iob_ == "I" for t in conjuncts)


_INITIALS_AFTER = re.compile(r"\s*\([A-Z]{2,}\)")


def _is_place_not_person(name: str, name_parts: set[str]) -> bool:
    """A name the gazetteer knows as a place (country, region, capital) and no part of a person's name in
    the article: "Washington" alone is the place, unless "George Washington" is named ("Jordan" of
    "Michael Jordan")."""
    return is_place_name(name) and not set(name.split()) <= name_parts


def _placed_in_country(span: Span) -> bool:
    """A lone name followed by a comma and a country or US state ("Toulouse, France", "Elwyn, Calif.", "Elwyn,
    Texas,"): a town, as datelines and addresses write one. Not when the place goes on as a possessive or a
    modifier ("Adler, France's envoy", "Adler, an Alabama physician"); a full name is left alone (results
    lists write "Ruth Adler, France")."""
    doc = span.doc
    if len(span) != 1 or span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    for end in range(span.end + 2, min(span.end + 4, len(doc)) + 1):
        place = doc[span.end + 1 : end]
        if not all(t.text[:1].isupper() for t in place):
            return False
        if is_place_name(place.text) or is_us_state(place.text) or us_state_of(place.text):
            after = doc[end] if end < len(doc) else None
            return after is None or not (after.text in {"'s", "’s"} or after.pos_ in {"NOUN", "PROPN", "ADJ"})
    return False


#: Dependency labels (English and Universal Dependencies) of a possessor ("Washington's policy").
_POSSESSOR_DEPS = frozenset({"poss", "nmod:poss"})
#: Prepositions before a capital that is a party to what is done: "talks with Ankara", "sanctions against
#: Moscow", "ties between Seoul and Pyongyang".
_PARTY_PREPOSITIONS = frozenset({"with", "between", "against"})
#: Prepositions that make a capital a party only after a word of statecraft (:data:`_STATE_WORDS`):
#: "ambassador to Ankara", "assistance from Moscow", "sanctions on Tehran"; elsewhere a place ("flights to Ankara").
_ADDRESS_PREPOSITIONS = frozenset({"to", "from", "on"})
#: Lemmas of words whose complement, modifier or possessor is a state, not a city.
_STATE_WORDS = frozenset({
    "ambassador", "envoy", "embassy", "assistance", "help", "aid", "support", "pressure", "sanction", "limit",
    "constraint", "restriction", "tariff", "call", "reach", "appeal", "outreach", "overture", "government",
    "administration", "regime", "official", "leadership", "policy", "demand", "concession", "message", "ally",
    "relation", "tie", "talk", "negotiation", "stance", "position", "decision", "response",
})  # fmt: skip
#: Lemmas of words after which a capital (or a seat) is the place itself: movement and visits ("visit London",
#: "came to Washington", "reporting from Moscow"), the city's own people and parts ("London's mayor", "a city
#: of nine million"), a building's ("at the White House", "White House correspondent", "the White House lawn",
#: "the Kremlin walls", "entered the Kremlin", "protesters surrounded the White House").
_PLACE_WORDS = frozenset({
    "visit", "trip", "tour", "travel", "come", "go", "arrive", "return", "fly", "welcome", "invite", "move",
    "leave", "report", "base", "mayor", "resident", "street", "city", "capital", "town", "suburb", "airport",
    "skyline", "district", "neighborhood", "neighbourhood", "population", "correspondent", "lawn", "hotel",
    "outskirt", "centre", "center", "ground",
    "wall", "gate", "fence", "door", "step", "roof", "garden", "courtyard", "balcony", "window", "entrance",
    "corridor", "room", "building", "tower", "perimeter", "enter", "storm", "surround", "evacuate", "guard",
})  # fmt: skip


def _stands_for_country(span: Span, seat: bool) -> bool:
    """Whether a capital or seat of government here stands for its country or government (one mention at a time).

    It does when it acts or speaks ("Washington warned": subject of a verb), owns ("Washington's policy"), is
    the agent ("criticised by Moscow"), the object of what is done to a state ("restrain Tehran"), a party
    ("talks with Ankara", "between Tehran and world powers"), addressed by statecraft ("ambassador to Ankara",
    "sanctions on Tehran") or bound by a predicate ("Seoul is subject to tariffs"). It is the place in a
    dateline ("WASHINGTON (AP) -"), after a preposition of place ("held in Washington"), a movement or visit
    ("visit London"), before its own parts ("London's mayor"), or beside "a city of". Where the parse says
    neither, a capital is the city and a seat ("the White House") the government."""
    if _opens_dateline(span):
        return False
    token = _role_token(span.root)
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_WORDS for c in token.children):
        return False  # "Ankara, a city of five million,"
    role = _metonymic_role(token)
    return seat if role is None else role


def _role_token(token: Token) -> Token:
    """The token whose place in the sentence decides a name's role: names joined by "and" share the first
    one's; the small English model hangs "Tehran" of "between Tehran and world powers" on "powers"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nmod" and token.head.dep_ == "pobj":
        return token.head
    return token


def _metonymic_role(token: Token) -> bool | None:
    """True where the parse shows the name acting for a state, False where it shows a place, None where it
    shows neither (:func:`_stands_for_country`)."""
    dep, head = token.dep_.lower(), token.head
    if dep == "nsubj":
        return True if head.pos_ == "VERB" else _copula_role(head)  # not "Paris is a city"
    if dep == "pobj":  # English hangs the name on its preposition: "by" of a passive is labelled agent
        return _preposition_role(head)
    if dep in _POSSESSOR_DEPS:
        return head.pos_ != "PROPN" and head.lemma_.lower() not in _PLACE_WORDS
    if dep == "dobj":
        return head.lemma_.lower() not in _PLACE_WORDS  # "restrain Tehran", not "visit London"
    if dep in {"compound", "amod"} and head.pos_ == "NOUN":
        return _head_role(head)  # "the Tehran government", "a White House correspondent"
    return True if dep == "obl:agent" else None


def _head_role(word: Token) -> bool | None:
    """True for a word of statecraft, False for one of places and movement, else None."""
    lemma = word.lemma_.lower()
    return True if lemma in _STATE_WORDS else False if lemma in _PLACE_WORDS else None


def _copula_role(verb: Token) -> bool | None:
    """The subject of "be": bound by a predicate with a complement ("Seoul is subject to tariffs", "ready to
    talk") it acts; described by a noun ("Paris is a city") it is the place."""
    for child in verb.children:
        if child.dep_ == "attr":
            return False
        if child.dep_ == "acomp" and any(c.dep_ in {"prep", "xcomp"} for c in child.children):
            return True
    return None


def _preposition_role(preposition: Token) -> bool | None:
    """A name after a preposition: a party ("with", "between", "against", the agent's "by"), a place after a
    movement ("came to Washington") or a preposition of place ("in Washington"), addressed by statecraft
    ("ambassador to Ankara")."""
    if preposition.dep_ == "agent" or preposition.lower_ in _PARTY_PREPOSITIONS:
        return True
    head = preposition.head  # the verb's object where the parse hangs it on the verb: "seeking assistance from"
    words = [head, *(c for c in head.children if c.dep_ == "dobj" and c.i < preposition.i)]
    role = next((r for w in words if (r := _head_role(w)) is not None), None)
    if role is not None and (preposition.lower_ in _ADDRESS_PREPOSITIONS or role is False):
        return role
    return False if preposition.lower_ in _LOCATIVE_PREPOSITIONS else None


def _opens_dateline(span: Span) -> bool:
    """A name opening a paragraph and followed by a bracket, dash or comma: the place of a dateline."""
    doc = span.doc
    at_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws or doc[span.start - 1].is_space
    return at_start and span.end < len(doc) and doc[span.end].text in {"(", ",", ":", "-", "–", "—", "―"}


#: Prepositions of place (English, French, Spanish): "in Texas", "dans Paris", "en Madrid". Not "to", "from"
#: nor "à": they as often name a person ("reported to Bodiford", "loyal to Blackmore").
_LOCATIVE_PREPOSITIONS = frozenset({
    "in", "at", "near", "into", "across", "outside", "inside", "around", "throughout", "past", "behind", "beside",
    "opposite", "within", "en", "dans", "près",
})  # fmt: skip
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions of place in the languages read without a recogniser too ("en Europa", "in Europa", "w Polsce").
_LOCATIVE_PREPOSITIONS_ANY = _LOCATIVE_PREPOSITIONS | {"nach", "aus", "bei", "w", "we", "z", "nella", "a", "em", "no", "na"}
#: Those that stand right before a place, read without a parse ("en Madrid", "w Warszawie"): not "a", "z", "aus",
#: which also mark a person or a party ("criticó a Washington").
_PLACE_PREPOSITIONS_UNPARSED = _LOCATIVE_PREPOSITIONS_ANY - {"a", "z", "aus"}


def _written_as_place(span: Span) -> bool:
    """Whether a name the recogniser calls a place is used as one: located (:func:`_located`) or qualifying a
    common noun ("a Texas jury"). A first name or surname the model mistook for a place is a subject, object or
    possessor ("Hugh looks")."""
    token = span.root
    if token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN" and not span.start <= token.head.i < span.end:
        return True
    return _located(span)


def _located(span: Span) -> bool:
    """A name after a preposition of place ("in Texas") or locating a place before it ("Huntsville, Texas"): what
    a place is written as, an organisation seldom (not "F.B.I. agents", a modifier either may be)."""
    token = span.root
    head, dep = token.head, token.dep_
    if dep == "pobj" and head.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    if any(c.dep_ == "case" and c.lower_ in _LOCATIVE_PREPOSITIONS for c in token.children):
        return True  # Universal Dependencies hang the preposition on the noun
    return dep == "appos" and head.ent_type_ in _PLACE_LABELS


def _is_degree(span: Span) -> bool:
    """Initials set between commas after a person's name ("Ruth Adler, MD, said"): a degree, which the small
    English model types as a place."""
    doc = span.doc
    if not _is_acronym(span.text) or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    return (span.end == len(doc) or doc[span.end].text == ",") and _after_person(doc, span.start)


def _is_acronym(name: str) -> bool:
    """Initials in capitals, dotted or not ("F.B.I.", "MD")."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _is_dotted_acronym(name: str) -> bool:
    """Three initials or more, each with its dot ("F.B.I."): how an organisation is written far more often than a
    place, whose dotted initials the gazetteer knows ("U.S.", "U.K."; two letters are a state's, "D.C."). Initials
    without dots are as often units and products ("GB", "XP")."""
    return _is_acronym(name) and len(name) >= 6 and re.fullmatch(r"(?:[A-Z]\.)+", name) is not None


#: Endings of the name of a place's people: "Londoners", "Chicagoans", "Parisians", "Brooklynites".
_DEMONYM_ENDINGS = ("ers", "ites", "ians", "ans")


def _is_demonym(name: str, places: set[str]) -> bool:
    """A place's people ("Londoners", "New Yorkers", "Koreans"): a place's name, known or typed a place in the
    article, and a demonym's ending."""
    for ending in _DEMONYM_ENDINGS:
        stem = name[: -len(ending)]
        forms = (stem, f"{stem}a", f"{stem}o", f"{stem}e")  # "Londoners", "Americans", "Chicagoans", "Europeans"
        if name.endswith(ending) and len(stem) > 2 and any(_is_known_place(f) or f in places for f in forms):
            return True
    return False


#: Nouns of settlements and regions: "the town of N" names a place ("the state of Washington").
_SETTLEMENT_NOUNS = frozenset({
    "town", "village", "city", "hamlet", "province", "region", "county", "district", "state", "island", "capital",
})  # fmt: skip
#: Nouns of buildings and works a person's name is given to: "the John F. Kennedy airport", "Bell stadium".
_FACILITY_NOUNS = frozenset({
    "airport", "stadium", "arena", "bridge", "street", "avenue", "boulevard", "square", "station", "terminal",
    "highway", "tunnel", "dam", "port", "harbour", "harbor",
})  # fmt: skip


#: Nouns of a person a place of residence qualifies: "a Port Elwyn woman", "an Elwyn native".
_RESIDENT_NOUNS = frozenset({"man", "woman", "resident", "native", "teenager", "teen", "boy", "girl", "couple"})


def _named_as_place(span: Span) -> bool:
    """A "person" the parse shows to be a place: after "the town of" ("the border town of Elwyn"), where a person
    named lives ("Ruth Adler, 66, of Elwyn", "an Elwyn woman"; not "of Elwyn, Vidal and Bell", a firm's partners),
    or a full name given to a building before its noun ("New York's John F. Kennedy airport")."""
    root, doc = span.root, span.doc
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == span.start - 1:
        if root.head.head.lemma_.lower() in _SETTLEMENT_NOUNS:
            return True
        return _after_person(doc, root.head.i) and not _listed_on(doc.text, span.end_char)
    head = root.head
    if root.dep_ != "compound" or span.start <= head.i < span.end or not head.is_lower:
        return False
    if head.lemma_.lower() in _RESIDENT_NOUNS:
        return span.start > 0 and doc[span.start - 1].lower_ in {"a", "an"}
    return len(span) > 1 and head.lemma_.lower() in _FACILITY_NOUNS


def _listed_on(text: str, end: int) -> bool:
    """Whether another name follows in a list ("of Vidal, Stone and Bell"), not the state or country that locates
    a town ("of Elwynville, N.Y.", "of Elwynville, Ruritania")."""
    listed = _LIST_GOES_ON.match(text, end)
    if listed is None:
        return False
    following = _NEXT_NAME.match(text, listed.end() - 1)
    place = following[0].replace(" ", "") if following else ""
    return not (us_state_of(place) or _is_known_place(following[0] if following else ""))


#: The name after a comma: a word or two ("New York"), or initials ("N. Y.").
_NEXT_NAME = re.compile(r"[^\W\d_][\w.]*(?: [^\W\d_][\w.]*)?")


def _after_person(doc: Doc, index: int) -> bool:
    """Whether a person's name ends just before ``index``, an age between ("Ruth Adler, 66, of")."""
    index -= 1
    while index > 0 and (doc[index].text == "," or doc[index].like_num):
        index -= 1
    return index >= 0 and doc[index].ent_type_ == "PERSON"


def _is_common_word_alone(span: Span, name_parts: set[str]) -> bool:
    """One word the vocabulary holds in lower case only (:func:`is_common_word`: "Chic", not "Rose" nor "Ford"),
    written with no title, in no person's full name in the article ("Vice President Pence" is one) and not
    before a noun ("the Daya family")."""
    word = span.text
    if len(span) != 1 or not is_common_word(word) or word in name_parts or span.root.dep_ in {"compound", "amod"}:
        return False  # "the Daya family"
    return _title_before(span.doc.text, span.start_char) is None


def _group_after_possessor(span: Span, surnames: set[str]) -> bool:
    """A plural name after "the" and a name that owns or qualifies it ("the NBA's Elwyn Gulls", "the NBA Elwyn
    Gulls"): "the" is no person's, and a plural name a team's or a band's, unless a family of a person named."""
    last = span[-1].text
    if not last.endswith("s") or last.endswith("ss") or last[:-1] in surnames:
        return False
    doc, index = span.doc, span.start - 1
    while index > 0 and span.start - index <= _POSSESSOR_WORDS and (
        doc[index].text in _POSSESSIVES or doc[index].text[:1].isupper()
    ):
        index -= 1
    return index < span.start - 1 and doc[index].lower_ == "the"


#: Most words between "the" and the plural name it determines: a possessor's name and its "'s".
_POSSESSOR_WORDS = 4


#: English prepositions that never open a name: a mention that starts with one, written in lower case, is a
#: fragment of the recogniser ("on Interstate"). Not "de", "van", "von", "al": they open surnames.
_LEADING_PREPOSITIONS = frozenset({
    "on", "in", "at", "from", "to", "for", "with", "by", "into", "onto", "near", "after", "before", "during",
    "since", "under", "over", "off", "about", "against", "via",
})  # fmt: skip
#: Military ranks, and words that make a title of two ("Rear Admiral", "Staff Sergeant"), besides ``TITLES``.
_RANKS = frozenset({
    "admiral", "commodore", "brigadier", "colonel", "major", "captain", "lieutenant", "sergeant", "corporal",
    "private", "marshal", "maj", "cpl", "pvt", "cmdr",
})  # fmt: skip
_RANK_MODIFIERS = frozenset({"rear", "vice", "staff", "lance", "master", "deputy"})
#: Words that open a title of several words ("Executive Vice President"): with a title word after them, they
#: are no part of an organisation's name the recogniser ran them into ("Boeing Executive").
_TITLE_OPENERS = _RANK_MODIFIERS | {"executive", "senior", "vice", "assistant", "associate", "chief"}


def _is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES or word.lower().rstrip(".") in _RANKS


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
            person = len(piece) > 1 and all(t.text[:1].isupper() for t in piece) and piece[-1].text in surnames
            yield piece, "PERSON" if person and len(starts) > 1 else kind


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
#: Most words of a name after a title: a first name, a middle one or an initial, a surname.
_TITLED_NAME_WORDS = 3


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


_POSSESSIVES = frozenset({"'s", "’s"})
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


def capitalised_mentions(doc: Doc, language: str | None = None) -> list[Mention]:
    """Fallback without a recogniser: runs of capitalised words, not at a sentence start alone.

    Typed PLACE when the gazetteer knows the name, else MISC: capitalisation
    alone cannot tell a person from an organisation. A lone month or weekday name
    is no name (German capitalises them: "am Sonntag", "im Dezember").
    """
    language = language or doc.lang_
    lexicon = lexicon_for(language) if language not in {"en", "xx"} else None
    calendar_words = set(lexicon.months) | set(lexicon.weekdays) if lexicon else set()
    nouns_capitalised = language in CAPITALISED_NOUN_LANGUAGES
    # German "des" is an article ("Eskalation des Konflikts"), not the French "of" that joins a name.
    connectors = _CONNECTORS - _CONJUNCTIONS - ({"des"} if nouns_capitalised else set())
    mentions: list[Mention] = []
    # Capitalised words that open a run inside a sentence (no capitalised word before them but the sentence's
    # first): names written on their own.
    openers = Counter(t.text for t in doc if _opens_run(t))
    quote_starts = _quotation_starts(doc.text)
    run: list = []
    for token in [*doc, None]:
        if token is not None and _CAPITALISED.match(token.text) and token.text[0].isupper():
            run.append(token)
            continue
        if token is not None and run and token.lower_ in connectors and _next_is_capitalised(token):
            run.append(token)  # "Bank of England"
            continue
        while run and run[-1].text.lower() in connectors:
            run.pop()
        while run and (
            run[0].text[0].islower()
            or _opens_sentence_apart(run, nouns_capitalised)
            or (nouns_capitalised and run[0].lower_ in GERMAN_DETERMINERS)
        ):
            run.pop(0)  # "Según la Casa Blanca", "Recientemente GM", "Die Corona-Pandemie": not the name's words
        lone_word = len(run) == 1 and (
            _opens_sentence(run[0]) or run[0].idx in quote_starts or run[0].lower_ in calendar_words
        )
        if run and not lone_word and not all(t.is_stop for t in run):
            span = _without_leading_titles(doc[run[0].i : run[-1].i + 1])
            mentions += [_fallback_mention(part) for part in _place_apart(span, openers)]
        run = []
    mentions += _known_surnames_opening_sentences(doc, mentions, quote_starts)
    mentions = _connected_apart(doc, mentions, connectors)
    return _without_common_nouns(doc, mentions) if nouns_capitalised else mentions


def _quotation_starts(text: str) -> set[int]:
    """Where each quotation's first word starts: a quoted sentence opens there inside the sentence quoting it
    ('dijo que "Evidentemente, ..."'), its capital no name's."""
    starts = set()
    for start, end in quoted_spans(text):
        inner = text[start + 1 : end]
        starts.add(start + 1 + len(inner) - len(inner.lstrip()))
    return starts


#: Words that open a sentence before a name and are no part of it: connectors and "according to" ("Laut N").
_OPENERS = _CONNECTORS | {phrase[0] for phrases in ACCORDING_TO.values() for phrase in phrases}


def _is_opener(token) -> bool:
    """A word opening a sentence that is no part of a name after it: a function word, an adverb where a
    tagger says so ("Meanwhile"), a connector or "according to"."""
    return token.is_stop or token.lower_ in _OPENERS or token.pos_ in _FUNCTION_POS


def _opens_sentence_apart(run: list, nouns_capitalised: bool) -> bool:
    """The first word of a capitalised run opens its sentence and is no part of the name after it: a function
    word (:func:`_is_opener`) that opens no name of its own (:func:`_opens_a_name`), or a common word
    capitalised only there (:func:`_common_word_before_name`)."""
    if not _opens_sentence(run[0]):
        return False
    if _is_opener(run[0]):
        return not _opens_a_name(run)
    return _common_word_before_name(run, nouns_capitalised)


def _opens_a_name(run: list) -> bool:
    """A word of a stop list that begins the name of a known place the rest alone does not name ("Estados
    Unidos", "Buenos Aires": spaCy's Spanish stop words hold "estados" and "buenos"; "Die Schweiz" is
    "Schweiz" after an article), or of a name the article writes whole after a word in lower case ("de Nueva
    York"), the word no article. The vocabulary cannot tell here: stop words met capitalised in brands
    ("Bizim") would open every name after them."""
    if len(run) < 2 or not run[1].text[:1].isupper():
        return False
    first, second = run[0].text, run[1].text
    if is_place_name(f"{first} {second}") and not is_place_name(second):
        return True
    article = run[0].lower_ in _DETERMINERS | GERMAN_DETERMINERS
    return not article and _written_after_lower_case_word(run[0].doc[run[0].i : run[1].i + 1])


def _written_after_lower_case_word(span: Span) -> bool:
    """Whether the article writes these words, as cased here, right after a word in lower case ("vuelos a Nueva
    York"): their capitals are the name's, whatever the sentence splitter says."""
    doc = span.doc
    for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", doc.text):
        found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if found is not None and found.start and doc[found.start - 1].is_alpha and doc[found.start - 1].is_lower:
            return True
    return False


def _common_word_before_name(run: list, nouns_capitalised: bool) -> bool:
    """"Recientemente GM adelantó", "Zuvor Ruth Adler": a word the language writes in lower case
    (:func:`is_common_word`) before one the vocabulary knows as a name (:func:`is_known_name`). Before a word
    it does not know, the two may make one name of common words ("Straż Pożarna", "Fuerzas Armadas"). Not
    either when the two words name a known place or the article writes them inside a sentence too ("del
    Fondo de Apoyo"), their capital their own. Where every noun is capitalised a word after is no name alone
    ("Mehrere Zeugen"): a name of two words must follow."""
    first, second = run[0], next((t for t in run[1:] if t.text[:1].isupper()), None)  # "Casos de Italia"
    if second is None or (nouns_capitalised and len(run) < 3) or not is_common_word(first.text):
        return False
    pair = first.doc[first.i : second.i + 1]
    return is_known_name(second.text) and not is_place_name(pair.text) and not _written_inside_sentence(pair)


def _written_inside_sentence(span: Span) -> bool:
    """Whether the article writes these words, as cased here, after another word of a sentence somewhere."""
    doc = span.doc
    for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", doc.text):
        found = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if found is not None and not _opens_sentence(found[0]):
            return True
    return False


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


def _known_surnames_opening_sentences(doc: Doc, mentions: list[Mention], quote_starts: set[int]) -> list[Mention]:
    """"Rossi afirmó que ...": a lone capitalised word opening a sentence (or a quotation) is a name when the
    article names someone with it in full ("Agustín Rossi") elsewhere; otherwise it is any capitalised first word."""
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and m.type != "PLACE"}
    return [
        _fallback_mention(doc[t.i : t.i + 1])
        for t in doc
        if t.text in surnames and (_opens_sentence(t) or t.idx in quote_starts) and not _next_is_capitalised(t)
    ]


def _connected_apart(doc: Doc, mentions: list[Mention], connectors: set[str]) -> list[Mention]:
    """Runs joined by "de"/"of" that hold two names, or a role and a name, not one name.

    Two names: both sides are also written as runs of their own, neither a place ("Macintosh de Apple"), or a
    place opens the run and a name written on its own follows ("Europa de Airbus"). A role: a title word opens
    it ("CEO de Apple Computer" -> "Apple Computer"; the name must be of two words, a place, or written on its
    own, so "Ministro de Defensa" stays). One name: "Banco de España", "Sistema de Reserva Federal" ("Banco"
    and "Sistema" never stand alone), "Estados Unidos de América" (a place as a whole).
    """
    whole = Counter(m.text for m in mentions)

    def kept_sides(span: Span, connector: int) -> list[Span] | None:
        left, right = span.doc[span.start : connector], span.doc[connector + 1 : span.end]
        right_alone, right_place = whole[right.text] > 0, is_place_name(right.text)
        if len(left) == 1 and left.text.lower().rstrip(".") in TITLES and (len(right) > 1 or right_place or right_alone):
            return [right]
        if right_alone and not right_place and (whole[left.text] or is_place_name(left.text)):
            return [left, right]
        return None

    result: list[Mention] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end)
        if span is None or is_place_name(span.text):
            result.append(mention)
            continue
        sides = next((kept for t in span[1:-1] if t.lower_ in connectors and (kept := kept_sides(span, t.i))), None)
        result += [_fallback_mention(side) for side in sides] if sides else [mention]
    return result


def _fallback_mention(span: Span) -> Mention:
    """A capitalised run as a mention: a PLACE when the gazetteer knows it, else MISC (a capital alone
    cannot tell a person from an organisation)."""
    return Mention(span.text, "PLACE" if is_place_name(span.text) else "MISC", span.start_char, span.end_char)


def _opens_run(token) -> bool:
    """A capitalised word inside a sentence with no capitalised word before it but the sentence's first."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    return not previous.text[:1].isupper() or bool(previous.is_sent_start)


def _place_apart(span: Span, openers: Counter[str]) -> list[Span]:
    """A run that opens with a country or capital and goes on with a name the article also writes on its own
    (``openers``: how often each capitalised word opens a run): two names side by side ("presidente de Estados
    Unidos Barack Obama", with "Obama" alone elsewhere), not one ("Singapore Airlines", "Estados Unidos de
    América": "Airlines" follows other names, "de" is no name). Two words are a first name and a surname
    ("Mauricio Macri", "Jordan Henderson", with "Macri" alone elsewhere), not a place and a name, unless a
    preposition of place comes before them ("En Latinoamérica Zentra vende poco")."""
    def written_alone(word) -> bool:  # not counting the run itself: "Washington Mutual" opening a sentence
        return openers[word.text] > _opens_run(word)

    after_place_word = span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVE_PREPOSITIONS_ANY
    if len(span) < 2 or (len(span) == 2 and not after_place_word) or not any(written_alone(t) for t in span[1:]):
        return [span]  # the usual case, decided without the gazetteer
    for cut in range(span.start + 1, span.end):
        place, rest = span.doc[span.start : cut], span.doc[cut : span.end]
        if rest.text[:1].isupper() and (written_alone(rest[0]) or written_alone(rest[-1])) and is_place_name(place.text):
            return [span] if is_place_name(span.text) else [place, rest]
    return [span]


#: Languages that capitalise every noun, where a capital alone does not make a name.
CAPITALISED_NOUN_LANGUAGES = frozenset({"de", "lb"})
#: German words before a noun: articles, determiners, possessives, preposition-article contractions.
GERMAN_DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines
    dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner ihr ihre
    ihren ihrem ihrer unser unsere unseren unserem im am zum zur vom beim ins ans aufs fürs""".split()
)
#: German noun suffixes: a single capitalised word ending so is a common noun ("Verantwortung", "Partei").
GERMAN_NOUN_SUFFIX = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|tum|ment|"
    r"mente|enz|anz|ik|ling|chen|ei|eien|ur|uren|ität|isten|ist|sion|sionen)$"
)


#: What a German common noun never has: an acronym ("SPD", "SPÖ-Bundesorganisation") or a digit ("Covid-19").
MARKED_NAME = re.compile(r"(?:^|-)[A-ZÄÖÜ]{2,}(?:$|-)|\d")


def _without_common_nouns(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """German capitalises nouns: a one-word mention is no name when its word ever follows an article or an
    inflected adjective in the text ("der Wahlschlappe", "des guten Abschneidens"), or ends like a noun
    ("-ung", "-heit", "-tion"). Acronyms, words with a digit, known places and several-word names stay.
    On five German news texts read by hand, the fallback's list went from 134 mentions (about 46 names) to
    72 (about 43); docs/benchmarks/enrichment.md, Q7."""
    nouns = {
        token.text
        for token in doc
        if token.i and token.text[:1].isupper() and _after_article(token)
    }

    def is_noun(word: str) -> bool:
        return word in nouns or GERMAN_NOUN_SUFFIX.search(word.lower()) is not None or ROLE_SUFFIX.search(word) is not None

    kept = []
    for mention in mentions:
        one_word = " " not in mention.text.strip()
        if one_word and is_noun(mention.text) and mention.type != "PLACE" and not MARKED_NAME.search(mention.text):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.start and _is_count(doc[span.start - 1]):
            continue  # "30 Millionen Menschen": what is counted is no name
        kept.append(_without_leading_noun(mention, is_noun))
    return kept


def _without_leading_noun(mention: Mention, is_noun: Callable[[str], bool]) -> Mention:
    """"Bundeskanzler Olaf Scholz" -> "Olaf Scholz": role nouns before a name of two words or more go, and any
    word the vocabulary never met as a name before one it did ("Aktivistin Ruth Adler": German capitalises its
    nouns, so the encoder's vocabulary holds "Aktivistin" in no other case, and "Ruth" as a name)."""
    words = mention.text.split(" ")
    while len(words) >= 3 and _is_leading_noun(words[0], words[1], is_noun) and not MARKED_NAME.search(words[0]):
        cut = len(words[0]) + 1
        mention = Mention(mention.text[cut:], mention.type, mention.start + cut, mention.end)
        words = words[1:]
    return mention


def _is_leading_noun(word: str, following: str, is_noun: Callable[[str], bool]) -> bool:
    """A noun by the article's evidence (``is_noun``), or a word the vocabulary never met as a name before one it
    did; not the first word of a known place ("New York")."""
    if _is_known_place(f"{word} {following}"):
        return False
    return is_noun(word) or (not is_known_name(word) and is_known_name(following))


def _is_count(token) -> bool:
    """A number of up to three digits ("30", "2,5", "drei"): "1010 Wien" is a postcode, "2020" a year."""
    return token.like_num and len(token.text.replace(",", "").replace(".", "")) <= 3


def _after_article(token) -> bool:
    """After a determiner ("der Wahlschlappe"), a number ("30 Minuten") or a determiner and an inflected
    adjective ("die neue Regierung"). An "-e" word alone is no evidence: past tenses end so too ("drohte N")."""
    before = token.doc[token.i - 1]
    if before.lower_ in GERMAN_DETERMINERS or _is_count(before):
        return True
    return (
        token.i >= 2
        and before.is_lower
        and before.lower_.endswith(("e", "en", "er", "es", "em"))
        and token.doc[token.i - 2].lower_ in GERMAN_DETERMINERS
    )


#: Common characters of the Chinese transliteration of foreign names (Xinhua's table). A name written with
#: a middle dot ("奥尔加·彼得连科") is read outwards from the dot over them; Chinese names have no dot
#: and no recogniser here, so they are not found.
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂敖奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德得登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰"
    "弗福富伽盖甘冈戈格根贡古瓜哈海汉豪浩赫亨洪胡华怀惠霍基吉纪加佳贾杰金卡凯坎康考柯科克肯孔库夸奎昆拉"
    "莱赖兰朗劳勒雷蕾黎里丽利莉连廉廖列林琳卢鲁路吕伦罗洛马玛迈麦曼芒毛梅美门蒙米敏明姆莫默穆纳娜奈南"
    "内尼妮涅宁纽努诺欧帕派潘庞佩彭皮平珀普奇齐恰乔钦琴琼丘屈萨塞赛桑瑟森沙莎尚绍舍申什施史舒斯松苏索"
    "塔泰坦汤唐特滕提廷通图托瓦万旺威韦维温文沃乌伍武西希锡谢辛欣休许雅亚扬耶伊因英尤于约扎泽詹朱兹"
    "佐夫娃茨龙朔翰柯"
)
#: Middle dots between the parts of a transliterated name (Chinese, Japanese).
NAME_DOTS = "·•‧・"
#: Most characters read outwards from a middle dot: a given name, a surname.
_NAME_PART_CHARACTERS = 6
#: A Japanese foreign name: katakana parts joined by middle dots or equals signs ("ジョン・カービー").
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,})+")


def unspaced_mentions(text: str, taken: Sequence[Mention] = ()) -> list[Mention]:
    """Fallback for Chinese, Japanese, Thai, Korean and Arabic text: country names, and foreign names written with a
    middle dot (PERSON) and their surname alone wherever it recurs ("彼得连科" of "奥尔加·彼得连科")."""
    used = bytearray(len(text))  # 1 = the character is in a mention already
    for mention in taken:
        used[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    people: list[Mention] = []

    def add(name: str, start: int, end: int) -> None:
        people.append(Mention(name, "PERSON", start, end))
        used[start:end] = b"\x01" * (end - start)

    for match in _KATAKANA_NAME.finditer(text):
        add(match.group(), match.start(), match.end())
    for dot in re.finditer("[" + NAME_DOTS + "]", text):
        if used[dot.start()]:
            continue  # a katakana name's own dot, or a later part of a name already read
        start, end = _dotted_name(text, dot.start())
        if start < dot.start() and end > dot.end():
            add(text[start:end], start, end)
    for name in sorted({re.split("[" + NAME_DOTS + "=＝]", m.text)[-1] for m in people}):
        for found in re.finditer(re.escape(name), text) if len(name) >= 2 else ():
            if not any(used[found.start() : found.end()]):
                add(name, found.start(), found.end())
    places = [
        Mention(name, "PLACE", start, end)
        for name, start, end in places_in_running_text(text)
        if not any(used[start:end])
    ]
    return people + places


def _dotted_name(text: str, dot: int) -> tuple[int, int]:
    """The characters of a transliterated name around the middle dot at ``dot``, across further dots."""
    start = dot
    while start > 0 and dot - start < _NAME_PART_CHARACTERS and text[start - 1] in TRANSLITERATION_CHARACTERS:
        start -= 1
    end, part_start = dot + 1, dot + 1
    while end < len(text) and end - part_start < _NAME_PART_CHARACTERS:
        if text[end] in TRANSLITERATION_CHARACTERS:
            end += 1
        elif text[end] in NAME_DOTS and end > part_start and end + 1 < len(text) and text[end + 1] in TRANSLITERATION_CHARACTERS:
            end, part_start = end + 1, end + 1
        else:
            break
    return start, end


def _without_leading_titles(span: Span) -> Span:
    """"Minister Jan Kowalski" -> "Jan Kowalski": a role word goes when a capitalised name of two words or
    more follows it; "General Motors" and "CEO de Apple" stay whole (no type says they are people)."""
    start = span.start
    while span.end - start > 2 and span.doc[start].lower_.rstrip(".") in TITLES and span.doc[start + 1].text[:1].isupper():
        start += 1
    return span.doc[start : span.end]


def _next_is_capitalised(token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text[:1].isupper()


def _opens_sentence(token) -> bool:
    """First word of its sentence, after any opening punctuation (capitalised anyway)."""
    return all(t.is_punct or t.is_space for t in token.doc[token.sent.start : token.i])


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


#: Parts of speech that are no part of a name, though capitalised at a sentence's start ("Anything",
#: "Meanwhile", "But"). Not AUX: the tagger reads "Will" of "Will Smith" so.
_FUNCTION_POS = frozenset({"PRON", "DET", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ"})


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


# --------------------------------------------------------------------------
# Merging variants


def merge_mentions(mentions: list[Mention]) -> list[Entity]:
    """Group one article's mentions into entities, longest names first so short ones attach to them."""
    groups: list[_Group] = []
    places = _places_named(mentions)
    named = {_identity(m.text) for m in mentions}
    # A name read in context ("America") last, when the country it may mean has its group.
    # A surname written as another person than its relative (:attr:`Mention.not_of`) before its other uses.
    order = sorted(
        mentions,
        key=lambda m: (contextual_alias(m.text) is not None, -len(m.text.split()), m.not_of is None, -len(m.text), m.start),
    )
    for mention in order:
        country = contextual_alias(mention.text)
        lookup = country if country and _identity(country) in named else mention.text
        others = [g for g in groups if mention.not_of not in g.names] if mention.not_of else groups
        group = _find_group(others, lookup, mention.type, mention.start, places, mention.title)
        if group is None:
            group = _Group(type=mention.type)
            groups.append(group)
        if mention.text not in group.names:
            group.names.append(mention.text)
        group.mentions.append((mention.start, mention.end))
        group.uses[mention.text] += 1
        if is_full_name(mention.text):  # full names come first: the short ones then join by the type they make
            group.full_types[mention.type] += 1
            group.type = typed_by_full_names(group.full_types, group.type)
        group.titles.update([mention.title] if mention.title else [])
        group.acts = _either(group.acts, mention.acts)
        group.acting += [(mention.start, mention.end)] if mention.acts else []
    return [_to_entity(g) for g in sorted(groups, key=lambda g: min(g.mentions))]


def _place_alias(name: str, kind: str | None) -> str | None:
    """The name a place goes by in full: a well-known alias's ("U.S." -> "United States"), and for a name typed
    as a place a US state's abbreviation ("Calif." -> "California", :func:`us_state_of`; typed otherwise, as
    "S.C." of "Special Counsel", it is no state)."""
    return canonical_alias(name) or (us_state_of(name) if kind == "PLACE" else None)


def _places_named(mentions: list[Mention]) -> dict[str, bool]:
    """The keys of the names typed PLACE, each with whether it is mostly written as a place (half its mentions
    or more, a mention without a parse counting as one). A surname the model mistook for a place is now and
    then a modifier too ("the Palin administration"), a real place most of the time ("a Texas jury")."""
    counts: dict[str, list[int]] = {}
    for mention in mentions:
        if mention.type == "PLACE":
            count = counts.setdefault(name_key(mention.text), [0, 0])
            count[0] += mention.placed is not False
            count[1] += 1
    return {key: 2 * placed >= total for key, (placed, total) in counts.items()}


def merge_entities(entity_lists: list[list[Entity]]) -> list[Entity]:
    """Merge the entities of several articles (one story) into one list.

    Variants are pooled; ``mentions`` are offsets into each article's own text,
    so the merged entities carry none. Ordered by how many of the lists name
    the entity, then by name. A person named in another script is merged through
    :func:`same_person_name` ("Ольга Петренко" = "Olga Petrenko").
    """
    return merge_with_members(entity_lists)[0]


def merge_with_members(entity_lists: list[list[Entity]]) -> tuple[list[Entity], list[list[int]]]:
    """:func:`merge_entities`, and for each list the index of the merged entity each of its entities went
    into: what a story's listing counts articles and mentions by, and what a claim's names are keyed by."""
    groups: list[_Group] = []
    owner: dict[tuple[int, int], _Group] = {}
    entities = [(i, j, e) for i, listed in enumerate(entity_lists) for j, e in enumerate(listed)]
    places = {name_key(n): True for _, _, e in entities if e.type == "PLACE" for n in [e.name, *e.variants]}
    # Longest names first, so short ones attach to them; a typed name before the same one untyped (MISC),
    # so that "Airbus" of a fallback article joins the company, not a product named after it.
    for i, j, entity in sorted(entities, key=lambda x: (-len(x[2].name.split()), -len(x[2].name), x[2].type == "MISC")):
        owner[i, j] = group = _story_group(groups, entity, places)
        group.names.extend(n for n in entity.variants or [entity.name] if n not in group.names)
        group.uses[entity.name] += max(1, len(entity.mentions))
        group.merged += 1
        group.acts = _either(group.acts, _entity_acts(entity))
    ranked = sorted(groups, key=lambda g: (-g.merged, g.canonical()))
    index = {id(g): k for k, g in enumerate(ranked)}
    members = [[index[id(owner[i, j])] for j in range(len(listed))] for i, listed in enumerate(entity_lists)]
    return [_to_entity(g, keep_mentions=False) for g in ranked], members


def _story_group(groups: list[_Group], entity: Entity, places: Mapping[str, bool]) -> _Group:
    """The group of ``groups`` one article's entity joins (by any of its names, or a person by
    :func:`same_person_name` when only one is alike), or a new one appended."""
    names = [entity.name, *entity.variants]
    if entity.type == "PERSON" and len(entity.name.split()) > 1:
        names = [n for n in names if len(n.split()) > 1]  # the surname alone may be another's ("Vidal")
    group = next((g for n in names if (g := _find_group(groups, n, entity.type, None, places))), None)
    if group is None and entity.type == "PERSON":
        alike = [g for g in groups if g.type == "PERSON" and same_person_name(entity.name, g.name)]
        group = alike[0] if len(alike) == 1 else None  # "Petrenko" of two Petrenkos stays apart
    if group is None:
        group = _Group(type=entity.type, refers_to=entity.refers_to, reference_kind=entity.reference_kind)
        groups.append(group)
    return group


def _either(a: bool | None, b: bool | None) -> bool | None:
    """Whether a capital acts in any of its mentions (a group's so far, one more); None while none could tell."""
    return None if a is None and b is None else bool(a) or bool(b)


def _entity_acts(entity: Entity) -> bool | None:
    """An entity of one article: a capital or seat linked to what it stands for acted there; one shown
    unlinked, as the place, did not."""
    if entity.refers_to:
        return True
    return False if any(metonym_of(n) for n in [entity.name, *entity.variants]) else None


def _find_group(
    groups: list[_Group],
    name: str,
    kind: str,
    position: int | None,
    places: Mapping[str, bool] | None = None,
    title: str | None = None,
) -> _Group | None:
    """The group this name belongs to: same key or alias, a part of a person's name, an acronym or a
    shorter form of an organisation's name. ``places``: the keys of the places named beside, each with
    whether it is mostly written as a place (see :func:`_places_named`, :func:`_is_name_part` and
    :func:`_org_short_forms`). ``position`` is None across articles; ``title``: the one written before the
    name (:func:`_likeliest`)."""
    places = places or {}
    key = _identity(name, kind)
    same = next((g for g in groups if any(_identity(n, g.type) == key for n in g.names)), None)
    if same is not None and not (same.type == "PERSON" and _is_short_form(name, kind, same, places)):
        return same
    if kind == "PLACE" and is_place_name(name):
        return None
    # A person's short name found already ("Vidal") is weighed again: two people may share it.
    candidates = [g for g in groups if _is_short_form(name, kind, g, places)]
    if not candidates:
        return None
    organisations = [g for g in candidates if g.type == "ORG"]
    if kind == "ORG" and not name.isupper() and _is_ambiguous_org(name, organisations, groups):
        return None  # an acronym is read by its letters: "UAW" is no prefix of "UAW de Detroit"
    return candidates[0] if len(candidates) == 1 else _likeliest(candidates, title, position is None)


def _likeliest(candidates: list[_Group], title: str | None, across_articles: bool) -> _Group | None:
    """Which of several people (or names) sharing a short form it means, as a reader would take it. Written
    with a title: the one written with that title before, else one no honorific of the other sex was written
    with; one without a generational suffix (the son is "Bell Jr."). Then the one most often named in full (in most articles, across articles); on a tie within an
    article the first named, across articles none: "Smith" of "Anna Smith" and "John Smith" stays apart."""
    pool = [g for g in candidates if title in g.titles] or [g for g in candidates if _may_bear(g, title)]
    pool = [g for g in pool if not _is_generation(_name_parts(g.name)[-1:])] or pool  # "Bell" is not Bell Jr.
    if not pool:
        return None

    def weight(group: _Group) -> int:
        return group.merged if across_articles else group.full_uses

    best = max(weight(g) for g in pool)
    leaders = [g for g in pool if weight(g) == best]
    if across_articles and len(leaders) > 1:
        return None
    return min(leaders, key=lambda g: min(g.mentions, default=(0, 0)))


def _may_bear(group: _Group, title: str | None) -> bool:
    """Whether a person written so far with ``group.titles`` may be called by this honorific."""
    if title in MALE_HONORIFICS:
        return not group.titles & FEMALE_HONORIFICS
    if title in FEMALE_HONORIFICS:
        return not group.titles & MALE_HONORIFICS
    return True


#: Surnames read in Latin letters this close (rapidfuzz ratio) name one person across scripts:
#: transliterations differ by a letter or two ("Zelensky" / "Zelenskiy" 94, "Higgins" / "Khiggins" 93).
CROSS_SCRIPT_SURNAME_RATIO = 75


def same_person_name(a: str, b: str) -> bool:
    """Whether two names plausibly name one person: "Price" and "Ned Price", "Bob Goodlatte" and "Robert W.
    Goodlatte" or "R. Goodlatte" (:func:`_first_names_agree`), "Olga Petrenko" and "Ольга Петренко" (names in
    other scripts compared in Latin letters, by the surname)."""
    if a == b:
        return True
    words_a, words_b = _latin_words(a), _latin_words(b)
    if not (words_a and words_b):
        return False
    if _is_suffixed(words_a, words_b) or _is_suffixed(words_b, words_a):
        return False
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a) or _first_names_agree(a, b):
        return True
    if fuzz.token_set_ratio(" ".join(words_a), " ".join(words_b)) >= 90:
        return True
    if _is_latin(a) == _is_latin(b):
        return False
    sounds_a, sounds_b = [_sound_key(w) for w in words_a], [_sound_key(w) for w in words_b]
    if fuzz.ratio(sounds_a[-1], sounds_b[-1]) < CROSS_SCRIPT_SURNAME_RATIO:
        return False
    # Both give a first name: it must sound alike too ("Martin Schulz" is not "Олаф Шольц").
    return len(words_a) < 2 or len(words_b) < 2 or fuzz.ratio(sounds_a[0], sounds_b[0]) >= CROSS_SCRIPT_FIRST_NAME_RATIO


#: Common English short forms of first names: "Bob Goodlatte" and "Robert W. Goodlatte" are one person.
NICKNAMES = {
    "bob": "robert", "rob": "robert", "bobby": "robert", "bill": "william", "will": "william", "jim": "james",
    "jimmy": "james", "mike": "michael", "tom": "thomas", "dick": "richard", "rick": "richard", "ted": "edward",
    "ned": "edward", "chuck": "charles", "joe": "joseph", "tony": "anthony", "liz": "elizabeth", "kate": "katherine",
}  # fmt: skip


def _first_names_agree(a: str, b: str) -> bool:
    """One surname, and first names one may shorten to the other: a nickname ("Bill" / "William") or an
    initial ("R." / "Robert"). Words are split at spaces only: "Moon Jae-in" and "Moon Chung-in" are two."""
    words_a, words_b = a.lower().replace(".", " ").split(), b.lower().replace(".", " ").split()
    if min(len(words_a), len(words_b)) < 2 or words_a[-1] != words_b[-1]:
        return False
    first_a, first_b = (NICKNAMES.get(w, w) for w in (words_a[0], words_b[0]))
    return first_a == first_b or (min(len(first_a), len(first_b)) == 1 and first_a[0] == first_b[0])


#: Spellings of one sound that Latin-script languages and romanised Cyrillic write differently
#: ("Scholz" / "Шольц" -> "sholts", "Macron" / "Макрон" -> "makron", "Joe" / "Джо"), in the order they apply.
_SOUND_SPELLINGS = (("tsch", "ch"), ("sch", "sh"), ("dzh", "j"), ("ck", "k"), ("ph", "f"), ("tz", "ts"), ("z", "ts"),
                    ("w", "v"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("j", "y"), ("iy", "i"), ("y", "i"))  # fmt: skip
#: First names across scripts differ more than surnames ("Antony" / "Энтони"), but not entirely.
CROSS_SCRIPT_FIRST_NAME_RATIO = 50


def _sound_key(word: str) -> str:
    for written, sound in _SOUND_SPELLINGS:
        word = word.replace(written, sound)
    return word


def _is_latin(name: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def _latin_words(name: str) -> list[str]:
    """The name's words in lower-case ASCII letters ("Шольц" -> "shol'ts" -> "sholts")."""
    return re.sub(r"[^a-z ]", "", anyascii(name).lower().replace("-", " ")).split()


def _identity(name: str, kind: str | None = None) -> str:
    """What one place's names share ("U.S." / "United States", a place's "Calif." / "California"), else the key
    with well-known abbreviations spelled out ("U.N. Command" / "United Nations Command")."""
    return name_key(_place_alias(name, kind) or _abbreviations_spelled_out(name))


#: Letters of the longest abbreviation spelled out inside a name ("DPRK", "EE.UU.").
_ABBREVIATION_LETTERS = 4


def _abbreviations_spelled_out(name: str) -> str:
    """A name of several words with each abbreviation in it that is a well-known alias written in full ("U.S.
    Government" -> "United States Government"): the same body, whichever way an article writes it."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join((canonical_alias(w) or w) if _is_abbreviation(w) else w for w in words)


def _is_abbreviation(word: str) -> bool:
    """Capitals, dotted or not, of two to four letters: "U.N.", "EU", "EE.UU."."""
    letters = word.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= _ABBREVIATION_LETTERS


def _is_short_form(name: str, kind: str, group: _Group, places: Mapping[str, bool]) -> bool:
    """"Lopez" of "Maria Lopez" (a person's name part), "CIA" of "Central Intelligence Agency" (an acronym)
    or "Red Sox" of "Boston Red Sox" (an organisation's name less a place or a legal form)."""
    words = _name_parts(name)
    if not words:
        return False
    if group.type in {"PERSON", "MISC"}:
        return _is_name_part(words, kind, group, places.get(name_key(name)))
    if group.type != "ORG":
        return False
    if name.isupper() and 2 <= len(name) <= 6:
        return any(name.replace(".", "") in {_initials(n), _initials(_without_legal_form(n))} for n in group.names)
    if kind not in {"ORG", "MISC"}:
        return False
    key, core = name_key(name), name_key(_without_legal_form(name))  # "Ford Motor Co" of "Ford Motor Company"
    return any(key in _org_short_forms(n, places) or core == name_key(_without_legal_form(n)) for n in group.names)


def _is_name_part(words: list[str], kind: str, group: _Group, mostly_placed: bool | None) -> bool:
    """Words of a person's (or the fallback's untyped) name: "Lopez" of "Maria Lopez". The recogniser may
    mistype a lone first name or surname as ORG or PLACE; a PLACE joins only when it is known to be mostly not
    written as a place (``mostly_placed`` False, :func:`_places_named`): "Texas" of "a Texas jury" is no part
    of "Texas Ranger", "Adler" of "Adler said" is Ruth Adler."""
    full = _name_parts(group.name)
    if len(words) >= len(full) or not all(w in full for w in words) or _is_generation(words):
        return False
    if len(words) > 1 and _is_suffixed(full, words):
        return False
    if kind == "ORG" and group.type == "MISC":
        return False  # an untyped name may be a product named after the company: "Ruritan A3" is no "Ruritan"
    if group.type != "PERSON" and _after_connector(words, full):
        return False  # "Port Elwyn" of "Banco de Port Elwyn" names the place, not the bank
    if kind == "PLACE" and group.type == "PERSON" and words == full[-1:] and not is_place_name(" ".join(words)):
        return True  # a person's surname the gazetteer knows as no place: "Adler" beside "Ruth Adler"
    return kind != "PLACE" or mostly_placed is False


def _after_connector(words: list[str], full: list[str]) -> bool:
    """Whether ``words`` close ``full`` after a connector ("de", "of"): "Northrop Grumman" of "KC-45 de Northrop
    Grumman" is its maker, "England" of "Bank of England" its country; either names another entity."""
    cut = len(full) - len(words)
    return cut > 1 and full[cut:] == words and full[cut - 1] in _CONNECTORS


#: Generational suffixes closing a person's name ("Jr.", "III"): with one it names another person.
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _is_generation(words: list[str]) -> bool:
    """Words that are all generational suffixes (keyed: "jr", "iii"), never a name on their own."""
    return bool(words) and all(w.rstrip(".").casefold() in _GENERATIONS for w in words)


def _is_suffixed(suffixed: list[str], plain: list[str]) -> bool:
    """Whether one name is the other with a generational suffix: "Ruth Adler Jr." is not "Ruth Adler", her
    parent, though "Ruth B. Adler III" may well be the "Ruth Adler" of a shorter mention."""
    return _is_generation(suffixed[-1:]) and suffixed[:-1] == plain


def is_full_name(name: str) -> bool:
    """A name of several words ("Ruth Adler", "North Korea"), not a short form ("Adler", "Adler Jr.")."""
    return len(_without_generation(name).split()) > 1


def typed_by_full_names(types: Counter[str], fallback: str) -> str:
    """The type most of an entity's full-name mentions were given (:func:`is_full_name`), other than MISC where
    it has another: "Steele" typed an organisation does not outvote "Christopher Steele" typed a person. On a
    tie, or with no full name typed, ``fallback``."""
    typed = {kind: count for kind, count in types.items() if count > 0}
    typed = {kind: count for kind, count in typed.items() if kind != "MISC"} or typed
    if not typed:
        return fallback
    leaders = sorted(kind for kind, count in typed.items() if count == max(typed.values()))
    return fallback if fallback in leaders else leaders[0]


def _without_generation(name: str) -> str:
    """"Ruth Adler Jr." -> "Ruth Adler"."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and _is_generation(words[-1:]) else name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS and w[:1].isalpha()).upper()


#: Legal forms closing a company's name, often left out: "General Motors Corporation" is "General Motors".
_LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc", "ag", "sa",
    "nv", "gmbh", "group", "holdings", "spa",
})  # fmt: skip
#: A trade named after a company's name, left out when the rest is distinctive: "Kraft Foods" is "Kraft".
_TRADE_WORDS = frozenset({
    "foods", "motor", "motors", "airlines", "airways", "bank", "industries", "pharmaceuticals", "technologies",
    "systems", "communications", "entertainment", "electronics", "energy", "petroleum", "oil", "insurance", "brands",
})  # fmt: skip


#: Nouns closing the name of an institution, a newspaper or a prize that no surname ends with ("Duke University",
#: "Ruritania Tribune"), besides legal forms and trades.
_INSTITUTION_WORDS = frozenset({
    "university", "college", "institute", "academy", "school", "hospital", "clinic", "museum", "foundation",
    "association", "society", "council", "committee", "commission", "ministry", "department", "agency", "bureau",
    "league", "federation", "coalition", "party", "store", "awards", "workers", "union", "tribune", "gazette",
    "herald", "dispatch", "times", "chronicle", "telegraph", "newspaper", "magazine", "center", "centre",
})  # fmt: skip
#: Nouns closing a newspaper's name that close surnames too ("Emily Post", "Jim Press"): an outlet's after a place
#: ("Elwyn Post") or after "the" ("the Ruritania Star").
_MEDIA_WORDS = frozenset({
    "post", "press", "star", "sun", "globe", "mirror", "journal", "news", "daily", "standard", "record", "register",
    "examiner", "observer", "courier", "bulletin", "review", "independent", "guardian", "express", "inquirer",
    "reporter",
})  # fmt: skip


def _names_institution(name: str, places: set[str], after_the: bool) -> bool:
    """A name of several words closing with a legal form, a trade or an institution's noun ("Crowley Petroleum",
    "Elwyn Motors Inc.", "Duke University"), or with a newspaper's after a place or "the" ("Alaska Post", "the
    Elwyn Star"): not a person's, though the small English model types some so. ``places``: names the
    recogniser typed as places in the article."""
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1].lower().strip(".,")
    if last in _LEGAL_FORMS | _TRADE_WORDS | _INSTITUTION_WORDS:
        return True
    opening = " ".join(words[:-1])
    return last in _MEDIA_WORDS and (after_the or opening in places or _is_known_place(opening))


def _without_legal_form(name: str) -> str:
    """"Kraft Foods, Inc." -> "Kraft Foods": legal forms at the end go, with the comma before them."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_FORMS:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def _org_short_forms(full: str, places: Mapping[str, bool]) -> set[str]:
    """Keys of the shorter names an organisation goes by within an article: its name without the legal form
    ("General Motors"), without a trade word after a distinctive name ("Kraft" of "Kraft Foods", not "General"
    of "General Motors": a title word), without the place it opens with ("Red Sox" of "Boston Red Sox", "Times"
    of "New York Times", the place known to the gazetteer, a US state too, or named as a place beside it, ``places``),
    or with its first words' initials ("LA Times")."""
    core = name_key(_without_legal_form(full)).split()
    forms = {" ".join(core)}
    if len(core) > 1 and core[-1] in _TRADE_WORDS and _is_distinctive(core[:-1]):
        forms.add(" ".join(core[:-1]))
    for cut in range(1, len(core)):
        place = " ".join(core[:cut])
        if place in places or _is_known_place(place):
            forms.add(" ".join(core[cut:]))
    words = _without_legal_form(full).split()  # as written: "Los" of "Los Angeles" is no article here
    for cut in range(2, len(words)):
        if not {w.lower() for w in words[:cut]} & _CONNECTORS:
            forms.add(name_key(" ".join(["".join(w[0] for w in words[:cut]), *words[cut:]])))  # "LA Times"
    return forms - {name_key(full)}


def _is_distinctive(words: list[str]) -> bool:
    """Enough to name a company alone: several words, or one that is no title ("General"), connector or place."""
    if len(words) > 1:
        return True
    word = words[0]
    return len(word) >= 3 and not _is_title_word(word) and word not in _CONNECTORS and not is_place_name(word)


def _is_ambiguous_org(name: str, candidates: list[_Group], groups: list[_Group]) -> bool:
    """A short organisation name that two organisations of the article could go by ("Kraft" beside "Kraft
    Foods" and "Kraft Heinz"): two candidates, or another organisation whose name opens with it."""
    if len(candidates) != 1:
        return len(candidates) > 1
    prefix = name_key(name) + " "
    others = [g for g in groups if g.type == "ORG" and g not in candidates]
    return any(name_key(n).startswith(prefix) for g in others for n in g.names)


def _name_parts(name: str) -> list[str]:
    """A name's words: split at spaces, hyphens and middle dots ("奥尔加·彼得连科")."""
    return re.split(r"[\s\-" + NAME_DOTS + "=＝]+", name_key(name).strip()) if name_key(name).strip() else []


def _to_entity(group: _Group, keep_mentions: bool = True) -> Entity:
    # A person keeps the name written: "Jordan" of "Michael Jordan" is no country.
    canonical = None if group.type == "PERSON" else next((c for n in group.names if (c := _place_alias(n, group.type))), None)
    name = canonical or group.canonical()
    if group.refers_to:
        link: tuple[str, str] | None = (group.refers_to, group.reference_kind or "")
    else:
        link = next((m for n in [name, *group.names] if (m := metonym_of(n))), None)
    if link and (group.acts is False or (group.type == "PERSON" and link[1] == CAPITAL_FOR_COUNTRY)):
        link = None  # the place itself ("held in Washington", "at the White House"), or a person ("George Washington")
    return Entity(
        name=name,
        type="PLACE" if canonical and group.type == "ORG" and is_place_name(name) else group.type,
        variants=list(group.names),
        mentions=sorted(group.mentions) if keep_mentions else [],
        acting_mentions=sorted(group.acting) if keep_mentions and link else [],
        refers_to=link[0] if link else None,
        reference_kind=link[1] if link else None,
    )
