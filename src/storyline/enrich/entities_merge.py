"""Name variants merged into entities: within an article (:func:`merge_mentions`: "Maria Lopez" = "Lopez",
"U.S." = "United States", "CIA" = "Central Intelligence Agency") and across a story's articles
(:func:`merge_entities`, a person in another script by :func:`same_person_name`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from storyline.enrich.cues import FEMALE_HONORIFICS, MALE_HONORIFICS
from storyline.enrich.entities_base import (
    _CONNECTORS,
    _LEGAL_FORMS,
    _TRADE_WORDS,
    NAME_DOTS,
    Mention,
    _is_generation,
    _is_known_place,
    _is_title_word,
    _without_generation,
)
from storyline.enrich.entities_types import _names_vessel
from storyline.enrich.gazetteer import (
    CAPITAL_FOR_COUNTRY,
    ORGANISATIONS_OF_STATES,
    canonical_alias,
    contextual_alias,
    is_place_name,
    metonym_of,
    name_key,
    us_state_of,
)
from storyline.model import Entity


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
        if group is None and mention.type == "PERSON":
            group = _nickname_group(others, mention.text)
        if group is None:
            group = _Group(type=mention.type)
            groups.append(group)
        group.names.extend(n for n in dict.fromkeys([mention.text, mention.written]) if n and n not in group.names)
        group.mentions.append((mention.start, mention.end))
        group.uses[mention.text] += 1
        if is_full_name(mention.text):  # full names come first: the short ones then join by the type they make
            group.full_types[mention.type] += 1
            group.type = typed_by_full_names(group.full_types, group.type)
        group.titles.update([mention.title] if mention.title else [])
        group.acts = _either(group.acts, mention.acts)
        group.acting += [(mention.start, mention.end)] if mention.acts else []
    return [_to_entity(g) for g in sorted(groups, key=lambda g: min(g.mentions))]


def _nickname_group(groups: list[_Group], name: str) -> _Group | None:
    """The one person of ``groups`` whose full name ``name`` writes with a nickname of the first name or the full
    name of its nickname (:data:`NICKNAMES`: "Chris Adler" of "Christopher Adler"); none where two are alike
    ("Chris Adler" beside "Christopher Adler" and "Christine Adler"). Not an initial ("T.J. Adler" may be Tony
    Adler's son) nor the same first name with other middle names ("George H.W. Bush" and "George W. Bush")."""
    alike = [g for g in groups if g.type == "PERSON" and any(_nickname_of(name, n) for n in g.names if is_full_name(n))]
    return alike[0] if len(alike) == 1 else None


def _nickname_of(a: str, b: str) -> bool:
    """Whether two full names of one surname have first names that are two forms of one (:data:`NICKNAMES`)."""
    words_a, words_b = a.lower().split(), b.lower().split()
    if not (_written_as_name(a) and _written_as_name(b)) or words_a[-1] != words_b[-1] or words_a[0] == words_b[0]:
        return False
    return bool(_first_name_forms(words_a[0]) & _first_name_forms(words_b[0]))


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
    :func:`same_person_name` ("Ольга Петренко" = "Olga Petrenko"), a place by :func:`same_place_name`.
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
    if group is None and entity.type == "PLACE":
        alike = [g for g in groups if g.type == "PLACE" and any(same_place_name(n, m) for n in names for m in g.names)]
        group = alike[0] if len(alike) == 1 else None
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
    :func:`_org_short_forms`). ``position`` is None across articles, where an institution's noun alone ("Navy")
    joins no longer name: only its own article says which navy it is (there it took the name already,
    ``entities._institutions_again``); ``title``: the one written before the name (:func:`_likeliest`)."""
    places = places or {}
    key = _identity(name, kind)
    same = next((g for g in groups if any(_identity(n, g.type) == key for n in g.names)), None)
    if same is not None and not (same.type == "PERSON" and _is_short_form(name, kind, same, places)):
        return same
    if kind == "PLACE" and is_place_name(name):
        return None
    if position is None and name_key(name) in INSTITUTION_NOUNS:
        return None  # "Navy" of one article may be another country's than "U.S. Navy" of another
    # A person's short name found already ("Vidal") is weighed again: two people may share it.
    candidates = [g for g in groups if _is_short_form(name, kind, g, places)]
    if not candidates:
        return None
    organisations = [g for g in candidates if g.type == "ORG"]
    if kind == "ORG" and not name.isupper() and _is_ambiguous_org(name, organisations, groups):
        return None  # an acronym is read by its letters: "UAW" is no prefix of "UAW de Detroit"
    return candidates[0] if len(candidates) == 1 else _likeliest(candidates, title, position)


def _likeliest(candidates: list[_Group], title: str | None, position: int | None) -> _Group | None:
    """Which of several people (or names) sharing a short form it means, as a reader would take it. Written
    with a title: the one written with that title before, else one no honorific of the other sex was written
    with; one without a generational suffix (the son is "Bell Jr."); within an article one already named
    (:func:`_named_before`). Then the one most often named in full (in most articles, across articles); on a tie
    within an article the first named, across articles none: "Smith" of "Anna Smith" and "John Smith" stays apart."""
    across_articles = position is None
    pool = [g for g in candidates if title in g.titles] or [g for g in candidates if _may_bear(g, title)]
    pool = [g for g in pool if not _is_generation(_name_parts(g.name)[-1:])] or pool  # "Bell" is not Bell Jr.
    pool = _named_before(pool, position) if not across_articles else pool
    if not pool:
        return None

    def weight(group: _Group) -> int:
        return group.merged if across_articles else group.full_uses

    best = max(weight(g) for g in pool)
    leaders = [g for g in pool if weight(g) == best]
    if across_articles and len(leaders) > 1:
        return None
    return min(leaders, key=lambda g: min(g.mentions, default=(0, 0)))


def _named_before(candidates: list[_Group], position: int) -> list[_Group]:
    """The people of ``candidates`` a reader has met in full before a short form at ``position`` (all of them
    where none was): "Bell" before the article first writes "Tom Bell", her brother, is not he."""
    return [g for g in candidates if min(g.mentions, default=(position, 0))[0] < position] or candidates


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


@lru_cache(maxsize=65536)  # a story's quote grouping asks it of every pair of quotes, of a few dozen names
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
    if _other_first_name(words_a, words_b):
        return False
    if fuzz.token_set_ratio(" ".join(words_a), " ".join(words_b)) >= 90:
        return True
    if _is_latin(a) == _is_latin(b):
        return False
    sounds_a, sounds_b = [_sound_key(w) for w in words_a], [_sound_key(w) for w in words_b]
    if fuzz.ratio(sounds_a[-1], sounds_b[-1]) < CROSS_SCRIPT_SURNAME_RATIO:
        return False
    # Both give a first name: it must sound alike too ("Martin Schulz" is not "Олаф Шольц").
    return len(words_a) < 2 or len(words_b) < 2 or fuzz.ratio(sounds_a[0], sounds_b[0]) >= CROSS_SCRIPT_FIRST_NAME_RATIO


def same_place_name(a: str, b: str) -> bool:
    """Whether two names in different scripts write one place: alike read in Latin letters, sound for sound
    ("Порт-Элвин" / "Port Elwyn", "Руритания" / "Ruritania"). Exactly alike: unlike a person's, a place's name
    has no first name to confirm a near match ("Австрия" / "Australia")."""
    if _is_latin(a) == _is_latin(b):
        return False
    sounds_a, sounds_b = ([_sound_key(w) for w in _latin_words(name)] for name in (a, b))
    return bool(sounds_a) and sounds_a == sounds_b


#: Common English short forms of first names and the full names each may shorten: "Bob Goodlatte" and "Robert W.
#: Goodlatte" are one person. A short form of a man's and a woman's name ("Chris": Christopher, Christine) agrees
#: with either, never makes the two one: "Christopher" and "Christine" share no form, and a story naming both
#: keeps "Chris" of that surname apart (one short name alike to two people joins neither, :func:`_story_group`).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "bob": ("robert",), "rob": ("robert",), "bobby": ("robert",), "bill": ("william",), "will": ("william",),
    "jim": ("james",), "jimmy": ("james",), "mike": ("michael",), "tom": ("thomas",), "dick": ("richard",),
    "rick": ("richard",), "ted": ("edward",), "ned": ("edward",), "chuck": ("charles",), "joe": ("joseph",),
    "tony": ("anthony",), "liz": ("elizabeth",), "kate": ("katherine", "catherine", "kathryn"),
    "chris": ("christopher", "christian", "christine", "christina"), "alex": ("alexander", "alexandra"),
    "sam": ("samuel", "samantha"), "pat": ("patrick", "patricia"), "dave": ("david",), "dan": ("daniel",),
    "matt": ("matthew",), "nick": ("nicholas",), "andy": ("andrew",), "ben": ("benjamin",), "greg": ("gregory",),
    "jeff": ("jeffrey",), "tim": ("timothy",), "ron": ("ronald",), "josh": ("joshua",), "jen": ("jennifer",),
    "sue": ("susan",), "beth": ("elizabeth",), "fred": ("frederick", "alfred"), "larry": ("lawrence",),
    "jerry": ("gerald", "jerome"), "don": ("donald",), "ken": ("kenneth",), "frank": ("francis", "franklin"),
    "ed": ("edward", "edwin", "edmund"), "ray": ("raymond",), "betty": ("elizabeth",), "bettie": ("elizabeth",),
}  # fmt: skip


def _first_names_agree(a: str, b: str) -> bool:
    """One surname, and first names one may shorten to the other: a nickname ("Bill" / "William", "Chris" /
    "Christine") or an initial ("R." / "Robert"). Words are split at spaces only: "Moon Jae-in" and "Moon Chung-in"
    are two. Both must be written as names (:func:`_written_as_name`): "a Navy spokesman" and "a German military
    spokesman" share a first and a last word, but they describe two speakers."""
    if not (_written_as_name(a) and _written_as_name(b)):
        return False
    words_a, words_b = a.lower().replace(".", " ").split(), b.lower().replace(".", " ").split()
    if min(len(words_a), len(words_b)) < 2 or words_a[-1] != words_b[-1]:
        return False
    forms_a, forms_b = (_first_name_forms(words[0]) for words in (words_a, words_b))
    return bool(forms_a & forms_b) or _initial_of(words_a[0], forms_b) or _initial_of(words_b[0], forms_a)


def _initial_of(first: str, other_forms: set[str]) -> bool:
    """Whether ``first`` is an initial ("r") of one of the other name's first-name forms: the initial is checked
    against the OTHER name only, else it would stand for itself and "R. Vidal" be any Vidal."""
    return len(first) == 1 and any(form[0] == first for form in other_forms)


def _first_name_forms(first: str) -> set[str]:
    """A first name and the full names it may shorten (:data:`NICKNAMES`)."""
    return {first, *NICKNAMES.get(first, ())}


#: Endings that make another first name of one, a diminutive or a woman's ("Jack" / "Jackie", "Daniel" /
#: "Danielle", "Paul" / "Pauline", "Robert" / "Roberta", "Victor" / "Victoria", "Louis" / "Louise"). Other endings
#: lengthen a short form to the full name ("Phil" / "Philip", "Lou" / "Louis": one person), or spell it another way
#: ("Sara" / "Sarah", "Steve" / "Steven"); so does an "e" after a doubled letter ("Ann" / "Anne", "Lynn" / "Lynne").
_OTHER_NAME_ENDINGS = frozenset({"a", "ia", "e", "ie", "ey", "le", "elle", "ette", "ine", "ina"})


def _written_as_name(name: str) -> bool:
    """Whether a name opens and closes with a word not written in lower case, as a person's first name and
    surname are; a description ("a company spokesman", "the statement") opens with an article or ends with a
    common noun. Scripts without case pass."""
    words = name.split()
    return bool(words) and not (words[0][:1].islower() or words[-1][:1].islower())


def _other_first_name(words_a: list[str], words_b: list[str]) -> bool:
    """Two full names with one surname whose first names are two names, not two spellings of one: one the other
    with an ending of another name (:data:`_OTHER_NAME_ENDINGS`), which the fuzzy match below took for a
    spelling. Spellings ("Mohamed" / "Mohammed", "Jon" / "John") differ inside the name and stay one person."""
    if min(len(words_a), len(words_b)) < 2 or words_a[-1] != words_b[-1]:
        return False
    short, long = sorted((words_a[0], words_b[0]), key=len)
    ending = long[len(short) :]
    spelled = ending == "e" and short[-1:] == short[-2:-1]
    return long.startswith(short) and ending in _OTHER_NAME_ENDINGS and not spelled


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


@lru_cache(maxsize=65536)  # each name is read against every other of its story (:func:`same_person_name`)
def _is_latin(name: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def _latin_words(name: str) -> list[str]:
    """The name's words in lower-case ASCII letters ("Шольц" -> "shol'ts" -> "sholts")."""
    return re.sub(r"[^a-z ]", "", anyascii(name).lower().replace("-", " ")).split()


@lru_cache(maxsize=65536)  # a story's merge asks it of every name of every group for each name it places
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
    of "Texas Ranger", "Adler" of "Adler said" is Ruth Adler. A person's full names are each read: "Tim" is of
    "Timothy D. Cook" written "Tim Cook" too."""
    fulls = [_name_parts(group.name)] + [_name_parts(n) for n in group.names[1:] if group.type == "PERSON" and is_full_name(n)]
    full = next((parts for parts in fulls if all(w in parts for w in words)), fulls[0])
    if len(words) >= len(full) or not all(w in full for w in words) or _is_generation(words):
        return False
    if len(words) > 1 and _is_suffixed(full, words):
        return False
    if kind == "ORG" and group.type == "MISC":
        return False  # an untyped name may be a product named after the company: "Ruritan A3" is no "Ruritan"
    if kind == "PERSON" and group.type == "MISC" and not _names_vessel(group.name):
        return False  # "Adler" is the woman the film "The Notorious Ruth Adler" is named after ("INS Elwyn" its ship)
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


def _is_suffixed(suffixed: list[str], plain: list[str]) -> bool:
    """Whether one name is the other with a generational suffix: "Ruth Adler Jr." is not "Ruth Adler", her
    parent, though "Ruth B. Adler III" may well be the "Ruth Adler" of a shorter mention."""
    return _is_generation(suffixed[-1:]) and suffixed[:-1] == plain


#: Common nouns of institutions that a people's or a place's name before them makes a name of ("Indian Navy"), which
#: writers spell in lower case too ("the Indian navy") and write alone for the one the article names ("the navy").
INSTITUTION_NOUNS = frozenset({"navy", "army", "police", "coast guard", "government"})


def institution_noun(name: str) -> str | None:
    """The institution's noun closing ``name`` in lower case ("navy" of "Indian Navy"), where one or two capitalised
    words own it; else None ("Navy" alone, "Royal navy ship")."""
    words = name.split()
    for size in (2, 1):
        noun, owner = " ".join(words[-size:]).lower(), words[:-size]
        if noun in INSTITUTION_NOUNS and 1 <= len(owner) <= 2 and all(w[:1].isupper() for w in owner):
            return noun
    return None


def institution_spans(name: str, text: str, alone: bool = False) -> list[tuple[int, int]]:
    """Where ``text`` writes the institution ``name`` (:func:`institution_noun`) whatever the case of its noun
    ("Indian navy" of "Indian Navy"), and, ``alone``, its noun after "the" ("the navy", "the Navy")."""
    noun = institution_noun(name)
    if noun is None:
        return []
    owner = re.escape(name[: len(name) - len(noun)].strip())
    nouns = r"\s+".join(map(re.escape, noun.split()))
    pattern = rf"(?<![\w-]){owner}\s+(?i:{nouns})(?![\w-])"
    if alone:
        pattern += rf"|(?<=\b[Tt]he\s)(?i:{nouns})(?![\w-])"
    return [match.span() for match in re.finditer(pattern, text)]


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


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _CONNECTORS and w[:1].isalpha()).upper()


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


def _country_or_region(name: str) -> bool:
    """A well-known alias's full name typed an organisation that is a place ("U.S." of "U.S. officials"), not an
    organisation of states (:data:`~storyline.enrich.gazetteer.ORGANISATIONS_OF_STATES`: "the U.N. said")."""
    return is_place_name(name) and name not in ORGANISATIONS_OF_STATES


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
        type="PLACE" if canonical and group.type == "ORG" and _country_or_region(name) else group.type,
        variants=list(group.names),
        mentions=sorted(group.mentions) if keep_mentions else [],
        acting_mentions=sorted(group.acting) if keep_mentions and link else [],
        refers_to=link[0] if link else None,
        reference_kind=link[1] if link else None,
    )
