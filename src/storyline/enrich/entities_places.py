"""Places and metonyms: whether a capital or seat of government stands for its state ("Washington warned")
or names the place ("held in Washington"), whether a name is written as a place, and places written with
their shared words once ("North and South Korea").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from storyline.enrich.cues import is_role_word
from storyline.enrich.entities_base import Mention, _is_known_place
from storyline.enrich.gazetteer import is_place_name, metonym_of, us_state_of

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
    Washington"), whose role someone has ("el senador de Washington", "representantes de Ruritania": they
    represent the place, a state or a city, and are no act of its government), or locating a town before it
    (:func:`_locates_a_town`)."""
    if after_place_preposition(text, start):
        return True
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    if before is not None and before[1] in _OF:
        role = _WORD_BEFORE_NAME.search(text, max(0, before.start() - 30), before.start())
        if role is not None and any(is_role_word(role[1][: len(role[1]) - cut]) for cut in (0, 1, 2)):
            return True  # "senador", "representantes": a plural too
    return _locates_a_town(text, start, end)


def after_place_preposition(text: str, start: int) -> bool:
    """A name read without a parse as a place: right after a preposition of place ("in Exarchia", "en Marsella")."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    return before is not None and before[1] in _PLACE_PREPOSITIONS_UNPARSED


def located_by_word_order(text: str, end: int) -> bool:
    """A name read without a parse as a town: a known country or region right after it in brackets or after "in"
    ("Marseilles (France)", "Marseilles in France"), the other side of :func:`_locates_a_town`."""
    after = _PLACE_AFTER.match(text, end)
    return after is not None and is_place_name(after["place"])


_PLACE_AFTER = re.compile(
    r"(?:\s*\(|\s+in\s+)(?P<place>[^\W\d_a-z][\w.'’-]*(?: [^\W\d_a-z][\w.'’-]*){0,2}?)(?=\)|[\s.,;:]|$)"
)


def titled_by_word_order(text: str, start: int) -> bool:
    """A name read without a parse as a person's: right after a title or role ("Mr Jackman", "chairman Brian
    Herlihy", "ministro Rossi"), what no place or organisation is written after."""
    before = _TITLE_BEFORE_NAME.search(text, max(0, start - 20), start)
    return before is not None and is_role_word(before[1])


_TITLE_BEFORE_NAME = re.compile(r"(?<![\w-])([^\W\d_]+\.?)\s+$")


#: "Of" between a role and the place it has: "senador de", "representative of", "Abgeordneter von".
_OF = frozenset({"de", "of", "von", "di", "du", "do", "da"})


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


def _state_abbreviation_undotted(name: str, span: Span) -> str:
    """"Calif" written without its dot where a state's abbreviation stands, after a town and a comma ("Rancho
    Elwyn, Calif,"), read as "Calif.": the state. Elsewhere a dotless "Miss" or "Ill" is no state."""
    dotted = f"{name}."
    if us_state_of(name) or not us_state_of(dotted) or span.start < 2:
        return name
    comma, town = span.doc[span.start - 1], span.doc[span.start - 2]
    return dotted if comma.text == "," and town.text[:1].isupper() else name


def _without_bare_compass_words(mentions: list[Mention]) -> list[Mention]:
    """"the North" beside "North Korea": the first word of a place named in full, alone, is no place of its own."""
    openers = {m.text.split()[0] for m in mentions if m.type == "PLACE" and " " in m.text}
    return [m for m in mentions if not (m.type == "PLACE" and m.text in openers and not is_place_name(m.text))]


#: Dependency labels (English and Universal Dependencies) of a possessor ("Washington's policy").
_POSSESSOR_DEPS = frozenset({"poss", "nmod:poss"})
#: Prepositions before a capital that is a party to what is done: "talks with Ankara", "sanctions against
#: Moscow", "ties between Seoul and Pyongyang".
_PARTY_PREPOSITIONS = frozenset({"with", "between", "against"})
#: Prepositions that make a capital a party only after a word of statecraft (:data:`_STATE_WORDS`):
#: "ambassador to Ankara", "assistance from Moscow", "sanctions on Pyongyang"; elsewhere a place ("flights to Ankara").
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
    the agent ("criticised by Moscow"), the object of what is done to a state ("restrain Pyongyang"), a party
    ("talks with Ankara", "between Pyongyang and world powers"), addressed by statecraft ("ambassador to Ankara",
    "sanctions on Pyongyang") or bound by a predicate ("Seoul is subject to tariffs"). It is the place in a
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


#: Verbs of a match's result: a city that beats or is defeated is its team ("Ruritania beat Port Elwyn").
_RESULT_VERBS = frozenset({
    "beat", "defeat", "edge", "rout", "thrash", "trounce", "outscore", "outlast", "upset", "down", "sweep", "blank",
    "overpower", "overwhelm", "hammer", "crush", "whip", "tie", "draw",
})  # fmt: skip
#: A score: "3-1", "24–17".
_SCORE = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}(?!\d)")
#: Words only sport writes: leagues, a team's players by their position, the trade of players. A city that is
#: the subject or object of a sentence holding one is its team ("Ruritania and Port Elwyn have expressed interest
#: in the quarterback"). "signed" or "season" alone are not enough: states sign treaties and have seasons.
_SPORTS_WORDS = frozenset({
    "nfl", "nba", "mlb", "nhl", "mls", "quarterback", "linebacker", "cornerback", "tight end", "running back",
    "wide receiver", "pitcher", "shortstop", "outfielder", "infielder", "striker", "midfielder", "goalkeeper",
    "goaltender", "defenseman", "touchdown", "playoffs", "playoff", "draft pick", "free agent", "traded", "drafted",
})  # fmt: skip
_SPORTS_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_SPORTS_WORDS))})s?\b", re.IGNORECASE)


def _names_a_team(span: Span) -> bool:
    """A city written as its team: subject or object of a match's result (:data:`_RESULT_VERBS`; "won" or "lost"
    in a sentence giving a score), or followed by a score or its points ("Port Elwyn 3-1", "Port Elwyn 24, Ruritania 17"), or
    subject or object of a sentence only sport writes (:data:`_SPORTS_WORDS`). A team stands for no state, in any of its mentions (:func:`_teams_as_no_state`)."""
    doc = span.doc
    after = doc.text[span.end_char : span.end_char + 12]
    if _SCORE.match(after.lstrip()) or re.match(r"\s+\d{1,3},\s+[^\W\d_]", after):
        return True
    token = _role_token(span.root)
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in {"against", "over", "to", "by"} else token.head
    if token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"} or verb.pos_ not in {"VERB", "AUX"} or verb == token:
        return False
    lemma, sentence = verb.lemma_.lower(), verb.sent.text
    if lemma in _RESULT_VERBS or (lemma in {"win", "lose"} and _SCORE.search(sentence) is not None):
        return True
    return token.dep_ in {"nsubj", "dobj"} and _SPORTS_WORD.search(sentence) is not None


def _role_token(token: Token) -> Token:
    """The token whose place in the sentence decides a name's role: names joined by "and" share the first
    one's; the small English model hangs "Pyongyang" of "between Pyongyang and world powers" on "powers"."""
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
        return head.lemma_.lower() not in _PLACE_WORDS  # "restrain Pyongyang", not "visit London"
    if dep in {"compound", "amod"} and head.pos_ == "NOUN":
        return _head_role(head)  # "the Pyongyang government", "a White House correspondent"
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


def _teams_as_no_state(mentions: list[Mention], teams: set[str]) -> None:
    """A capital the article writes as a sports team once (:func:`_names_a_team`) is the team or the city in its
    other mentions too ("Ruritania's quarterback"), never its state."""
    for mention in mentions:
        if mention.text in teams:
            mention.acts = False
