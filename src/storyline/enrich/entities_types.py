"""Rules deciding a mention's type where the recogniser's is wrong: institutions, outlets, teams and
vessels the small English model calls people, people it calls organisations, places it calls people, and
what is no place (a demonym, a degree, an acronym never written as a place).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from storyline.enrich.cues import REPORTING_VERBS, SEXED_WORDS, TITLES
from storyline.enrich.entities_base import (
    _LEGAL_FORMS,
    _POSSESSIVES,
    _TRADE_WORDS,
    Mention,
    _is_known_place,
    _title_before,
)
from storyline.enrich.entities_places import _LIST_GOES_ON
from storyline.enrich.gazetteer import is_place_name, is_us_state, us_state_of
from storyline.enrich.vocabulary import is_common_word


def _retyped_alike(mentions: list[Mention], retyped: dict[str, str], text: str) -> list[Mention]:
    """Every mention of a name that one mention shows to be no person's ("the Elwyn Herald" ... "Elwyn Herald
    said"), or no place's (an acronym never written as a place), takes the type that one shows, unless it is
    written with a title ("Mr. Elwyn Herald")."""
    titled = {m.text for m in mentions if _title_before(text, m.start)}
    for mention in mentions:
        if mention.type in {"PERSON", "PLACE"} and mention.text in retyped and mention.text not in titled:
            mention.type = retyped[mention.text]
    return mentions


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


def _outlets_as_organisations(mentions: list[Mention], named_as_thing: dict[str, list[bool]], text: str) -> list[Mention]:
    """A one-word "person" never written with a title nor as a person is (:func:`_written_as_thing` in every
    mention) is a platform or an outlet: the small English model types "Twitter" and "Yonhap" as people."""
    titled = {m.text for m in mentions if _title_before(text, m.start)}
    for mention in mentions:
        things = named_as_thing.get(mention.text, [])
        if mention.type == "PERSON" and " " not in mention.text and things and all(things) and mention.text not in titled:
            mention.type = "ORG"
    return mentions


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


#: Nouns of a person a name is set beside: roles, kin and honorifics ("chief", "wife", "actress"), and "friend".
_PERSON_NOUNS = TITLES | SEXED_WORDS["Masc"] | SEXED_WORDS["Fem"] | {"friend"}


def _named_beside_person_noun(span: Span) -> bool:
    """A name of capitalised words set beside a noun of a person (:data:`_PERSON_NOUNS`), the noun in lower case
    right before it and the parse linking the two ("his wife, Ruth", "port authority chief Ines Vidal", "one
    woman, Ruth Adler,"): a person's, though the recogniser typed an organisation."""
    doc, index = span.doc, span.start - 1
    if index > 0 and doc[index].text == ",":
        index -= 1
    words = [t for t in span if not t.is_punct]
    if index < 0 or span.text.isupper() or not 0 < len(words) <= _TITLED_NAME_WORDS:
        return False
    if not all(t.text[:1].isupper() for t in words):
        return False
    noun, root = doc[index], span.root
    if not noun.is_lower or noun.lemma_.lower() not in _PERSON_NOUNS:
        return False
    return root.head.i == noun.i or noun.head.i == root.i


_INITIALS_AFTER = re.compile(r"\s*\([A-Z]{2,}\)")

#: Most words of a name after a title: a first name, a middle one or an initial, a surname.
_TITLED_NAME_WORDS = 3


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


#: Endings of the name of a place's people, and the place's endings after its stem: "Londoners", "Chicagoans",
#: "Parisians", "Brooklynites", "Europeans"; "Uzbeks", "Kazakhs", "Serbs" ("Uzbekistan", "Kazakhstan", "Serbia").
_DEMONYM_ENDINGS = {
    "ers": ("",), "ites": ("",), "ians": ("", "a", "o", "e"), "ans": ("", "a", "o", "e"), "s": ("istan", "stan", "ia"),
}


def _is_demonym(name: str, places: set[str]) -> bool:
    """A place's people ("Londoners", "New Yorkers", "Koreans", "Uzbeks"): a place's name, known or typed a place
    in the article, and a demonym's ending."""
    for ending, place_endings in _DEMONYM_ENDINGS.items():
        stem = name[: -len(ending)]
        forms = [f"{stem}{end}" for end in place_endings]
        if name.endswith(ending) and len(stem) > 2 and any(_is_known_place(f) or f in places for f in forms):
            return True
    return False


#: Prepositions before a place and hardly ever before a person: "in Elwyn", "near Elwyn" (not "behind" or "at":
#: "stood behind Adler", "shouted at Adler").
_PLACE_ONLY_PREPOSITIONS = frozenset({"in", "near", "outside", "throughout", "across"})


def _placed_as_settlement(span: Span) -> bool:
    """A "person" written as a place is: after "in" or "near" (:data:`_PLACE_ONLY_PREPOSITIONS`), after "the
    province of" (:func:`_named_as_settlement`), owning a settlement ("Elwyn's main city"), before or after a settlement's noun in lower case ("Elwyn
    village", "the provincial capital Elwyn"). One such mention retypes the name's others only where none is
    written as a person's (:func:`_written_as_someone`)."""
    root, doc = span.root, span.doc
    if (root.dep_ == "pobj" and root.head.lower_ in _PLACE_ONLY_PREPOSITIONS) or _named_as_settlement(root, areas=False):
        return True
    if root.dep_ == "poss" and root.head.lemma_ in _SETTLEMENT_NOUNS:
        return True  # "Elwyn's main city"
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.is_lower and t.lemma_ in _SETTLEMENT_NOUNS for t in (before, after))


#: Words of acting after which "in N" names a work, not a place: "starred in N", "a cameo in N" (lemmas, English;
#: not "appeared in", "a role in", which as often take a place: "appeared in Glasgow", "its role in Elwyn").
_WORK_WORDS = frozenset({"star", "co-star", "costar", "cameo"})
#: Nouns of kinds of works whose title is written right after them: "the film Gravity", "his novel Elwyn".
_WORK_NOUNS = frozenset({
    "film", "movie", "novel", "book", "album", "song", "single", "sitcom", "series", "show", "play", "musical",
    "documentary", "opera", "memoir", "biopic", "miniseries",
})  # fmt: skip
#: Quotation marks around a title: 'starred in "N"'.
_TITLE_MARKS = frozenset('"“”‘’\'')


def _named_as_work(span: Span) -> bool:
    """A name that is a film's, book's or show's: written right after the noun of its kind ("the film Gravity", 'his
    novel "Elwyn"', :func:`titled_by_work_noun`), after the "in" of a word of acting ("starred in N",
    :data:`_WORK_WORDS`; not a place the gazetteer knows), or within quotation marks after "in" ('appeared in "N"').
    No place, whatever the recogniser or the "in" of :func:`_placed_as_settlement` makes of it."""
    if titled_by_work_noun(span):
        return True
    # the word "in" governs, whatever the parse made of the rest of a title ("star in Moon Rising": "Rising" a verb)
    objects = [t for t in span if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.i < span.start]
    if not objects:
        return False
    return _quoted(span) or (objects[0].head.head.lemma_.lower() in _WORK_WORDS and not is_place_name(span.text))


def _quoted(span: Span) -> bool:
    """Whether ``span`` is written within quotation marks."""
    text = span.doc.text
    return span.start_char > 0 and text[span.start_char - 1] in _TITLE_MARKS and text[span.end_char : span.end_char + 1] in _TITLE_MARKS


def titled_by_work_noun(span: Span) -> bool:
    """A name written right after the noun of a kind of work with its article or owner, a quotation mark between
    at most, and linked to it by the parse: "the film Gravity", "his novel 'Elwyn'", "the band's album Safari"
    (:data:`_WORK_NOUNS`)."""
    before = span.doc[span.start - 1] if span.start else None
    while before is not None and (before.text in _TITLE_MARKS or before.text == "The"):  # 'the film "The Elwyn"'
        before = span.doc[before.i - 1] if before.i else None
    if before is None or before.pos_ != "NOUN" or before.lemma_.lower() not in _WORK_NOUNS or before.text[0].isupper():
        return False
    if before.i not in {span.root.head.i, *(c.i for c in span.root.children)}:
        return False  # "a book Ruth Adler wrote": the name is a clause's subject, no title
    return any(c.dep_ in {"det", "poss"} and c.i < before.i for c in (*before.children, *span.root.children))


def _written_as_someone(span: Span, title: str | None) -> bool:
    """A mention showing a person: a title before it, an age, "who" or "said she" after it
    (:data:`_PERSON_AFTER`), a person's noun beside it ("his wife, Ruth"), or the subject of a verb of saying."""
    root = span.root
    if title or _PERSON_AFTER.match(span.doc.text, span.end_char) or _named_beside_person_noun(span):
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS["en"]


#: Nouns of settlements and regions: "the town of N" names a place ("the state of Washington").
_SETTLEMENT_NOUNS = frozenset({
    "town", "village", "city", "hamlet", "province", "region", "county", "district", "state", "island", "capital",
    "port", "harbour", "harbor",  # "the port of N": the town's (a translated story's "porto di N", "haven van N")
})  # fmt: skip
#: Nouns of buildings and works a person's name is given to: "the John F. Kennedy airport", "Bell stadium".
_FACILITY_NOUNS = frozenset({
    "airport", "stadium", "arena", "bridge", "street", "avenue", "boulevard", "square", "station", "terminal",
    "highway", "tunnel", "dam", "port", "harbour", "harbor", "ave", "blvd", "rd", "hwy",
})  # fmt: skip


#: Nouns of a person a place of residence qualifies: "a Port Elwyn woman", "an Elwyn native".
_RESIDENT_NOUNS = frozenset({"man", "woman", "resident", "native", "teenager", "teen", "boy", "girl", "couple"})


def _named_as_place(span: Span) -> bool:
    """A "person" the parse shows to be a place: after "the town of" or "parts of", or named as what settlements are,
    alone or in a list ("the border town of Elwyn", "parts of Elwyn and Vidalia", "the villages were Elwyn, Vidalia
    and Bellton"), where a person named lives ("Ruth Adler, 66, of Elwyn", "an Elwyn woman"; not "of Elwyn, Vidal
    and Bell", a firm's partners), or a full name given to a building before its noun ("New York's John F. Kennedy
    airport")."""
    root, doc = span.root, span.doc
    if _named_as_settlement(root):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == span.start - 1:
        return _after_person(doc, root.head.i) and not _listed_on(doc.text, span.end_char)
    head = root.head
    if root.dep_ != "compound" or span.start <= head.i < span.end or not head.is_lower:
        return False
    if head.lemma_.lower() in _RESIDENT_NOUNS:
        return span.start > 0 and doc[span.start - 1].lower_ in {"a", "an"}
    return len(span) > 1 and head.lemma_.lower() in _FACILITY_NOUNS


#: Nouns of a place's parts: "parts of N", "the outskirts of N".
_AREA_NOUNS = frozenset({"part", "outskirt", "outskirts", "suburb", "suburbs"})


def _named_as_settlement(token, areas: bool = True) -> bool:
    """The name, or the first of a list it is in, after "the town of" or (``areas``) "parts of", or what
    settlements are ("the villages were N, M and O")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in (_SETTLEMENT_NOUNS | _AREA_NOUNS if areas else _SETTLEMENT_NOUNS)
    subjects = (c for c in head.children if c.dep_ == "nsubj")
    return token.dep_ == "attr" and head.lemma_ == "be" and any(c.lemma_.lower() in _SETTLEMENT_NOUNS for c in subjects)


def _organisation_named_as_settlement(span: Span) -> bool:
    """An organisation's name the parse shows to be a settlement's (:func:`_named_as_settlement`: "the villages of
    Elwyn and Bellton"), not a part of a body ("part of the Commerce Department") nor a place's own thing ("the
    city of Elwyn's Medal of Valor")."""
    root = span.root
    return _named_as_settlement(root, areas=False) and not any(c.dep_ == "poss" for c in root.children)


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


#: Last words of an outlet's name: the press nouns above and those of broadcasters ("Port Elwyn Radio").
_OUTLET_NAME_WORDS = _MEDIA_WORDS | {"tribune", "gazette", "herald", "dispatch", "times", "chronicle", "telegraph"} | {
    "radio", "tv", "television",
}
#: A reporter named before the outlet they write for: "Ruth Adler of", "Marco Bell, for the", "Ines Vidal at".
_REPORTER_OF = re.compile(r",?\s+(?:of|for|at)\s+(?:the\s+)?$")


def _outlets_after_reporters(text: str, mentions: list[Mention], outlet: str | None) -> None:
    """Retype as an organisation a "place" written right after a person and "of", "for" or "at" when it names an
    outlet: the article's own, a name closing with a press or broadcasting noun ("Port Elwyn Courier"), or a
    name the article also writes as an organisation ("Ruth Adler of Metropolis" ... "Metropolis, a news site,").
    Any other place after a person is where they live or work ("Ines Vidal of Port Elwyn")."""
    people_ends = {m.end for m in mentions if m.type == "PERSON"}
    organisations = {m.text for m in mentions if m.type == "ORG"} | ({outlet.strip()} if outlet else set())
    outlets = {m.text for m in mentions if m.type == "PLACE" and _credited_as_outlet(text, m, people_ends, organisations)}
    for mention in mentions:
        if mention.type == "PLACE" and mention.text in outlets:
            mention.type, mention.acts, mention.placed = "ORG", None, None


def _credited_as_outlet(text: str, mention: Mention, people_ends: set[int], organisations: set[str]) -> bool:
    """Whether a place's name stands right after a person and "of", "for" or "at" and names an outlet."""
    before = max(0, mention.start - 20)
    linker = _REPORTER_OF.search(text[before : mention.start])
    if linker is None or before + linker.start() not in people_ends:
        return False
    return mention.text in organisations or mention.text.split()[-1].lower() in _OUTLET_NAME_WORDS
