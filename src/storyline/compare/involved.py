"""Who is involved in a story: its people, organisations and places across its articles.

One list for every place that shows or keys a story's entities (the web story page and API, the
reports, the claims' names), built on :func:`storyline.enrich.entities_merge.merge_with_members`, so that
"Olga Petrenko" in one article and "Petrenko" in another are one entity everywhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from storyline.enrich.entities_merge import (
    institution_spans,
    is_full_name,
    merge_with_members,
    same_person_name,
    typed_by_full_names,
)
from storyline.enrich.entities_places import (
    after_place_preposition,
    located_by_word_order,
    titled_by_word_order,
)
from storyline.model import Article, Entity, Record


@dataclass
class StoryEntity(Record):
    """An entity named in a story, with the names and articles it appears under; ``refers_to``: what a
    capital or seat of government stands for ("White House" -> "United States government"), ``acting``: in
    how many of its mentions it does ("Paris said", not "in Paris")."""

    name: str
    type: str
    variants: list[str]
    articles: list[str]
    mentions: int
    refers_to: str | None = None
    reference_kind: str | None = None
    acting: int = 0


@dataclass
class Cast:
    """Who is involved in a story, from one merge of its articles' entities: the entity list, and what each
    article's names are called story-wide (article id -> {a name there: the story's name})."""

    entities: list[StoryEntity]
    names: dict[str, dict[str, str]]


def story_cast(articles: list[Article]) -> Cast:
    """The story's entities, variants merged, named by most articles first, and the story's name for each
    article's entities: claims and quotes of two articles that write "Olga Petrenko" and "Petrenko" then
    name one entity alike.

    Articles may type one name differently ("Olga Petrenko" a PERSON in one, MISC in another): it is one
    entity, typed by a vote of its mentions (:func:`_mention_votes`), its full-name ones first ("Christopher
    Steele", not "Steele"), else all, other than MISC either way (MISC only when it has no other); a tie goes to
    the type most of its articles give. A capital or
    seat keeps what it stands for only when some mention acts for it, or an article could not tell
    (:func:`_link_unjudged`): one only named as the place is the place.
    """
    merged, members = merge_with_members([a.entities for a in articles])
    items = [StoryEntity(e.name, e.type, list(e.variants), [], 0, e.refers_to, e.reference_kind) for e in merged]
    types: list[Counter[str]] = [Counter() for _ in merged]
    full_types: list[Counter[str]] = [Counter() for _ in merged]
    given: list[Counter[str]] = [Counter() for _ in merged]  # how many of its articles' entities give each type
    typed: list[tuple[int, Entity, str]] = []
    unjudged: set[int] = set()
    for article, owners in zip(articles, members, strict=True):
        text = article.text
        for entity, index in zip(article.entities, owners, strict=True):
            item, weight = items[index], max(1, len(entity.mentions))
            if article.id not in item.articles:
                item.articles.append(article.id)
            item.mentions += weight
            item.acting += len(entity.acting_mentions)
            unjudged.update([index] if _link_unjudged(entity) else [])
            given[index][entity.type] += 1
            typed.append((index, entity, text))
    for index, entity, text in typed:
        for kind, full in _mention_votes(entity, text, given[index]):
            types[index][kind] += 1
            full_types[index][kind] += full
    for index, item in enumerate(items):
        votes, articles_give = types[index], given[index]
        mentioned = min(votes, key=lambda kind: (kind == "MISC", -votes[kind], -articles_give[kind], kind))
        item.type = typed_by_full_names(full_types[index], mentioned)
        if not (item.acting or index in unjudged):
            item.refers_to = item.reference_kind = None
    _institutions_across(items, articles)
    names = {
        article.id: {entity.name: merged[index].name for entity, index in zip(article.entities, owners, strict=True)}
        for article, owners in zip(articles, members, strict=True)
    }
    return Cast(sorted(items, key=lambda e: (-len(e.articles), -e.mentions, e.name)), names)


def _mention_votes(entity: Entity, text: str, given: Counter[str]) -> list[tuple[str, bool]]:
    """Each mention's vote for the story entity's type, with whether it writes a full name: the type its article
    gave, unless the words around it show another that some article gave ("in Exarchia", "Marseilles (France)" a
    place, "Mr Jackman" a person: :func:`_kind_written`); an entity listed without mentions votes once."""
    if not entity.mentions:
        return [(entity.type, is_full_name(entity.name))]
    return [
        (_kind_written(text, start, end, given) or entity.type, is_full_name(text[start:end]))
        for start, end in entity.mentions
    ]


def _kind_written(text: str, start: int, end: int, given: Counter[str]) -> str | None:
    """The type the words around a mention show, among those its story's articles gave: a person after a title
    or role, a place after a preposition of place or before the country it is in."""
    if "PERSON" in given and titled_by_word_order(text, start):
        return "PERSON"
    if "PLACE" in given and (
        (after_place_preposition(text, start) and not _possessive(text, end)) or located_by_word_order(text, end)
    ):
        return "PLACE"
    return None


def _possessive(text: str, end: int) -> bool:
    """A mention followed by "'s" owns what comes next ("in Horton's death", "in ATI's shares"): the "in" before it
    governs the owned thing, so it shows no place."""
    return text[end : end + 2] in {"'s", "’s"} or text[end : end + 1] in {"'", "’"}


def _institutions_across(items: list[StoryEntity], articles: list[Article]) -> None:
    """Count an institution's mentions in the articles that write it only with its noun in lower case ("the Indian
    navy", :func:`institution_spans`), where their recogniser found nothing: "Indian Navy" is named by every article
    that writes it, not by the one that capitalised it."""
    for item in items:
        if item.type != "ORG":
            continue
        for article in articles:
            if article.id not in item.articles and (spans := institution_spans(item.name, article.text)):
                item.articles.append(article.id)
                item.mentions += len(spans)


def _link_unjudged(entity: Entity) -> bool:
    """An article's capital or seat linked with no mention found acting: its article had no parse to tell
    (a language without one, an entity stored before mentions were judged), so the link stands."""
    return bool(entity.refers_to) and not entity.acting_mentions


def story_entities(articles: list[Article]) -> list[StoryEntity]:
    """The story's entities alone (:func:`story_cast`), for the pages that list them."""
    return story_cast(articles).entities


_WORD = re.compile(r"\w+")


def _words(name: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(name))


def _names(entity: dict[str, Any]) -> set[str]:
    return {entity["name"], *entity.get("variants", [])}


def _means(speaker: str, wanted: frozenset[str], entity: dict[str, Any]) -> bool:
    """Whether a speaker asked for may be this entity: the words given are one of its names' ("lyons" of
    "Michelle Lyons"), or the name given is one of the entity's by the enrich stage's rule ("Ray Kelly" of
    "Raymond Kelly", "Michelle Lyons" of an entity only ever written "Lyons")."""
    return any(wanted <= _words(name) for name in _names(entity)) or same_person_name(speaker, entity["name"])


def speaker_names(entities: list[dict[str, Any]], speaker: str) -> set[str]:
    """The names (case-folded) a story gives ``speaker``: every name of each of its entities (:class:`StoryEntity`
    as dicts, a comparison's ``entities``) the speaker may be (:func:`_means`), the enrich stage's variants
    included ("Lyons" of "Michelle Lyons"), but none another person of the story may also go by: "Williams"
    where it names Jumaane and Makaeo Williams is neither's, nor "Lyons" (however merged) where it names Michelle
    and Tom Lyons."""
    wanted = _words(speaker)
    if not wanted:
        return set()
    meant = [e for e in entities if _means(speaker, wanted, e)]
    others = [e for e in entities if e not in meant]
    taken = {name.casefold() for e in others for name in _names(e)}
    people = [e["name"] for e in others if e["type"] == "PERSON"]
    return {
        name.casefold()
        for e in meant
        for name in _names(e)
        if name.casefold() not in taken and not any(same_person_name(name, other) for other in people)
    }


def quotes_of(quotes: list[dict[str, Any]], entities: list[dict[str, Any]], speaker: str) -> list[dict[str, Any]]:
    """The quote groups of a comparison credited to ``speaker``: to a name holding every word given, in any
    case ("officials" finds "police officials"), or to another name the story gives them (:func:`speaker_names`):
    "michelle lyons" finds the quotes an outlet credits to "Lyons"."""
    wanted, names = _words(speaker), speaker_names(entities, speaker)

    def credited(name: str) -> bool:
        return bool(wanted) and wanted <= _words(name) or name.casefold() in names

    return [group for group in quotes if any(credited(name) for name in group["speakers"])]
