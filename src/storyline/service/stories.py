"""Stories: assign articles as they arrive, re-cluster the store, match pairs.

The stream clusterer's state (story representations) is saved with the stories,
the USE vectors are store vectors and each article's signature is saved beside it
(dropped when the article changes), so a restart restores the indexes from the
database without embedding or parsing any text again. Several processes may write stories
to one library (the CLI beside a server): each write checks, inside its
transaction, that no other writer saved stories since its state was read, and is
redone on the fresh state otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import numpy as np
from rensa import RMinHash

from storyline.compare.provenance import began_with, possibly_first, translation_link
from storyline.match.config import MatchConfig
from storyline.match.pairs import is_translation, match_article_pairs, pair_facets
from storyline.match.signature import (
    Signature,
    as_utc,
    build_signature,
    facets_bytes,
    label_title,
    lead_text,
    minhash_bytes,
    minhash_from_bytes,
    order_key,
    published_order,
    saved_kinds,
    saved_signature,
)
from storyline.match.stream import SignatureLookup, StoryClusterer, StoryState, headline_of
from storyline.model import Article, PairMatch, Story
from storyline.store import StaleStories

VECTOR_KIND = "use-lead"
CLUSTERER = "story-clusterer"
T = TypeVar("T")


def _encode(ws, texts: list[str]) -> np.ndarray:
    from storyline.enrich.embedding import get_embedder

    return ws.resource("embedder", get_embedder).encode(texts)


def signatures(ws, articles: list[Article], config: MatchConfig) -> list[Signature]:
    """Signatures of stored articles: saved ones read back, the others built and saved (only articles
    never embedded go through USE)."""
    vectors = _vectors(ws, articles, config)
    found = _saved_signatures(ws, vectors, config)
    built = [build_signature(a, vectors[a.id], config) for a in articles if a.id not in found]
    if built:
        minhash_kind, facets_kind = saved_kinds(config)
        ws.store.save_features(minhash_kind, {s.id: minhash_bytes(s) for s in built})
        ws.store.save_features(facets_kind, {s.id: facets_bytes(s) for s in built})
        found.update((s.id, s) for s in built)
    return [found[a.id] for a in articles]


def _vectors(ws, articles: list[Article], config: MatchConfig) -> dict[str, np.ndarray]:
    """The articles' stored vectors; those never embedded are embedded now and saved."""
    stored = ws.store.load_vectors(VECTOR_KIND, [a.id for a in articles])
    missing = [a for a in articles if a.id not in stored]
    if missing:
        fresh = dict(zip((a.id for a in missing), _encode(ws, [lead_text(a, config.lead_chars) for a in missing]), strict=True))
        ws.store.save_vectors(VECTOR_KIND, fresh)
        stored.update(fresh)
    return stored


def _saved_signatures(ws, vectors: dict[str, np.ndarray], config: MatchConfig) -> dict[str, Signature]:
    """The saved signatures of the articles whose vectors are given (none for an article changed since)."""
    ids = list(vectors)
    minhash_kind, facets_kind = saved_kinds(config)
    minhashes, facets = ws.store.load_features(minhash_kind, ids), ws.store.load_features(facets_kind, ids)
    return {
        i: saved_signature(i, vectors[i], minhash_from_bytes(minhashes[i], config), facets[i])
        for i in ids
        if i in minhashes and i in facets
    }


def _signature_lookup(ws, config: MatchConfig, batch: list[Signature]) -> SignatureLookup:
    """Signatures for consolidation: the run's own, else the saved one, else rebuilt from the stored article."""
    known = {signature.id: signature for signature in batch}

    def signature_of(article_id: str) -> Signature | None:
        if article_id in known:
            return known[article_id]
        saved = _saved_signatures(ws, ws.store.load_vectors(VECTOR_KIND, [article_id]), config)
        if article_id in saved:
            return saved[article_id]
        article = ws.store.get_article(article_id)
        return None if article is None else signatures(ws, [article], config)[0]

    return signature_of


def _load_clusterer(ws, state: dict[str, Any] | None) -> StoryClusterer:
    """The saved clusterer, with the configuration it recorded, and its indexes restored from stored vectors
    and MinHashes; or a new one."""
    if state is None:
        return StoryClusterer()
    clusterer = StoryClusterer.from_state(state)
    published = ws.store.published_times(list(clusterer.story_of))
    for chunk in _chunks(sorted(published, key=lambda i: order_key(i, published[i])), 500):
        for article_id, vector, minhash in _index_entries(ws, chunk, clusterer.config):
            clusterer.restore_index(article_id, vector, minhash)
    return clusterer


def _index_entries(ws, ids: list[str], config: MatchConfig) -> Iterator[tuple[str, np.ndarray, RMinHash]]:
    """What the indexes hold of each stored article, in the given order: its saved vector and MinHash, else
    those of its signature built now (and saved: a library stored before signatures were migrates so)."""
    vectors = ws.store.load_vectors(VECTOR_KIND, ids)
    minhashes = ws.store.load_features(saved_kinds(config)[0], ids)
    lacking = [i for i in ids if i not in vectors or i not in minhashes]
    rebuilt = {s.id: s for s in signatures(ws, list(_stored(ws, lacking)), config)}
    for article_id in ids:
        if article_id in rebuilt:
            signature = rebuilt[article_id]
            yield article_id, signature.vector, signature.minhash
        elif article_id in vectors:
            yield article_id, vectors[article_id], minhash_from_bytes(minhashes[article_id], config)


def _stored(ws, ids: Iterable[str]) -> Iterator[Article]:
    for article_id in ids:
        article = ws.store.get_article(article_id)
        if article is not None:
            yield article


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


#: Tries of a story write that finds another writer saved stories since its state was read.
WRITE_ATTEMPTS = 5


def _holder(ws) -> dict[str, Any]:
    """Per-workspace slot for the clusterer and the stories version it reflects."""
    return ws.resource(CLUSTERER, dict)


def clusterer_of(ws) -> tuple[StoryClusterer, int]:
    """The clusterer as the store holds it now, and the stories version it reflects.

    Kept in memory between writes (rebuilding its indexes reads every vector), and reloaded when
    another writer (the CLI beside the server, another server process) saved stories since. It streams
    with the configuration the library's stories were made with (``recluster`` sets it), so the stream
    goes on as the batch began.
    """
    holder = _holder(ws)
    if "clusterer" not in holder or holder["version"] != ws.store.stories_version():
        version, state = ws.store.story_state()
        holder.update(clusterer=_load_clusterer(ws, state), version=version)
    return holder["clusterer"], holder["version"]


def library_config(ws) -> MatchConfig:
    """The matching configuration the library's stories were made with (the defaults for a new library)."""
    state = ws.store.story_state()[1]
    return StoryClusterer.from_state(state).config if state else MatchConfig()


def _save(ws, clusterer: StoryClusterer, version: int, story_ids: set[str] | None = None) -> bool:
    """Persist the touched stories (all when ``story_ids`` is None) with the clusterer state, unless
    another writer saved stories since ``version``; says whether it did.

    Stories folded into others are dropped, so their articles belong to the survivor only.
    """
    try:
        saved = ws.store.save_stories(
            clusterer.stories(story_ids),
            replace=story_ids is None,
            drop=clusterer.merged(),
            state=clusterer.to_state(),
            expected_version=version,
        )
    except StaleStories:
        _holder(ws).pop("clusterer", None)  # holds this attempt's changes on an outdated state
        return False
    _holder(ws).update(clusterer=clusterer, version=saved)
    return True


def assign_to_stories(workspace, articles: list[Article]) -> None:
    """Stream the new articles, in published order, into the stories they belong to.

    Built on the stored state as it is now; redone on a fresh one when another writer saved
    stories meanwhile (its stories would otherwise be overwritten with stale ones).
    """
    if not articles:
        return
    ordered = published_order(articles)
    for _ in range(WRITE_ATTEMPTS):
        clusterer, version = clusterer_of(workspace)
        batch = signatures(workspace, ordered, clusterer.config)
        for signature in batch:
            clusterer.add(signature)
        lookup = _signature_lookup(workspace, clusterer.config, batch)
        touched = set(clusterer.consolidate([s.id for s in batch], lookup))
        touched.update(clusterer.story_of[s.id] for s in batch)
        head_with_sources(workspace, clusterer, touched, lookup)
        for story_id in list(touched):
            touched.update(clusterer.states[story_id].related)
        if _save(workspace, clusterer, version, touched):
            return
    raise StaleStories(f"stories kept changing under this writer ({WRITE_ATTEMPTS} tries); run it again")


def head_with_sources(ws, clusterer: StoryClusterer, story_ids: Iterable[str], lookup: SignatureLookup) -> None:
    """Head each story with the article it began with where matching can tell it without a comparison: among the
    members published first (all, when none is dated), one that another says the same as in another language
    (:func:`~storyline.match.pairs.is_translation` at ``MatchConfig.member_translation_cosine``) comes before it,
    in the direction a comparison gives that translation (:func:`~storyline.compare.provenance.translation_link`:
    the earlier, else the language of the words both use). Only those members of stories in two languages are read
    from the store, so ingest and ``recluster`` label a story as its comparison will, at little cost."""
    for story_id in sorted(story_ids):
        state = clusterer.states.get(story_id)
        if state is None or state.merged_into:
            continue
        opening = _opening_members(state)
        pairs = [(a, b) for n, a in enumerate(opening) for b in opening[n + 1 :] if _translates(state, a, b, lookup, clusterer.config)]
        if not pairs:
            continue
        articles = by_publication(_stored(ws, opening))
        stored = {a.id: a for a in articles}
        links = [translation_link(stored[a], stored[b]) for a, b in pairs if a in stored and b in stored]
        if links and (source := began_with(articles, links, possibly_first(articles))) is not None:
            state.head_with(source.id)


def _opening_members(state: StoryState) -> list[str]:
    """The members that may have been published first: those within two days of the earliest date the story keeps
    (its dates are in UTC, an article's day in its own time zone) and those whose date it does not keep (saved
    before it kept them), or all when none is dated."""
    dated = {a: when for a in state.articles if (when := state.dates.get(a)) is not None}
    if not dated:
        return list(state.articles)
    last_day = min(dated.values()).date() + timedelta(days=2)
    return [a for a in state.articles if a not in state.dates or a in dated and dated[a].date() <= last_day]


def _translates(state: StoryState, a: str, b: str, lookup: SignatureLookup, config: MatchConfig) -> bool:
    """Do two members say the same in two languages (by their signatures; only when their languages differ)?"""
    languages = state.article_languages.get(a), state.article_languages.get(b)
    if not all(languages) or languages[0] == languages[1]:
        return False
    first, second = lookup(a), lookup(b)
    if first is None or second is None:
        return False
    return is_translation(pair_facets(first, second), config.member_translation_cosine)


def head_story_with(ws, story: Story, source: Article) -> Story:
    """``story`` headed by ``source``, the member its comparison found it began with (of those published first,
    the one the others copy or translate: provenance, which matching cannot see), saved so; as it is when its
    label shows that headline already, or when it is no longer stored as it was."""
    if story.label.endswith(headline_of(label_title(source))):
        return story
    for _ in range(WRITE_ATTEMPTS):
        clusterer, version = clusterer_of(ws)
        state = clusterer.states.get(story.id)
        if state is None or state.merged_into:
            return story
        if not state.head_with(source.id) or _save(ws, clusterer, version, {story.id}):
            return state.to_story()
    raise StaleStories(f"stories kept changing under this writer ({WRITE_ATTEMPTS} tries); run it again")


def remove_articles(ws, articles: list[Article], story_documents: Iterable[str] = ()) -> tuple[list[Story], list[str]]:
    """Delete stored articles and take them out of their stories, in one store transaction.

    The clusterer forgets them (story representations, labels, indexes, document counts) and its state is
    saved with the deletion, so a restart restores the indexes without them. ``story_documents``: kinds of
    documents kept per story id (cached comparisons), dropped for every story that changed. Redone on a fresh
    state when another writer saved stories meanwhile. Returns the changed stories that remain and the ids of
    those gone (left empty).
    """
    for _ in range(WRITE_ATTEMPTS):
        clusterer, version = clusterer_of(ws)
        assigned = [a for a in articles if a.id in clusterer.story_of]
        try:
            changed = clusterer.remove(signatures(ws, assigned, clusterer.config))
            gone = sorted(changed - set(clusterer.states))
            saved = ws.store.remove_articles(
                [a.id for a in articles],
                stories=clusterer.stories(changed),
                drop=gone,
                state=clusterer.to_state(),
                expected_version=version,
                documents=[(kind, story_id) for kind in story_documents for story_id in sorted(changed)],
            )
        except StaleStories:
            _holder(ws).pop("clusterer", None)  # holds this attempt's removal on an outdated state
            continue
        except BaseException:
            _holder(ws).pop("clusterer", None)  # holds a removal the store did not make
            raise
        _holder(ws).update(clusterer=clusterer, version=saved)
        return clusterer.stories(changed), gone
    raise StaleStories(f"stories kept changing under this writer ({WRITE_ATTEMPTS} tries); run it again")


def recluster(ws, config: MatchConfig | None = None) -> list[Story]:
    """Re-cluster every stored article from scratch (same algorithm and order as the stream, one run).

    With ``config``, which the library then records for later streaming, else with the one it recorded.
    A story keeps its id when it keeps most of its articles; other stories get ids never given before.
    """
    for _ in range(WRITE_ATTEMPTS):
        version, state = ws.store.story_state()
        earlier = StoryClusterer.from_state(state) if state else StoryClusterer()
        clusterer = StoryClusterer(config or earlier.config)
        built: list[Signature] = []  # the pass reads every article's signature: keep them, not rebuild them
        for batch in _chunks(published_order(ws.store.iter_articles()), 500):
            for signature in signatures(ws, batch, clusterer.config):
                clusterer.add(signature)
                built.append(signature)
        lookup = _signature_lookup(ws, clusterer.config, built)
        clusterer.consolidate([s.id for s in built], lookup)
        clusterer.keep_ids({s.id: s.articles for s in earlier.stories()}, earlier.issued, earlier.forwards)
        clusterer.keep_sources({s.id: s.source for s in earlier.states.values() if s.source and not s.merged_into})
        head_with_sources(ws, clusterer, set(clusterer.states), lookup)
        if _save(ws, clusterer, version):
            return clusterer.stories()
    raise StaleStories(f"stories kept changing during the re-clustering ({WRITE_ATTEMPTS} tries); run it again")


def current_story_id(ws, story_id: str) -> str | None:
    """The id naming now the story ``story_id`` named: itself while stored, else the story its articles went to
    when it was merged into another (or re-clustered under another id); None for no such story, or one emptied.
    A story id read in an earlier ingest summary, bookmarked or linked, so still leads to its articles."""
    if ws.store.get_story(story_id) is not None:
        return story_id
    state = ws.store.story_state()[1]
    return StoryClusterer.from_state(state).successor(story_id) if state else None


def story_ids(ws) -> set[str]:
    """The ids of the stored stories, read from the saved clusterer state (no story row parsed)."""
    state = ws.store.story_state()[1]
    return {story["id"] for story in state["stories"]} if state else set()


def merged_away(ws, earlier: set[str]) -> dict[str, str]:
    """Of the stories ``earlier`` named, each merged into another since, with the story that holds it now."""
    state = ws.store.story_state()[1]
    if not state:
        return {}
    clusterer = StoryClusterer.from_state(state)
    merged = {old: clusterer.successor(old) for old in sorted(earlier - set(clusterer.states))}
    return {old: now for old, now in merged.items() if now is not None}


def use_config(ws, config: MatchConfig) -> int:
    """Make ``config`` the library's matching configuration before new articles stream in: the stored articles are
    re-clustered with it when their stories were made with another, so every story comes from one configuration.
    Says how many articles were re-clustered."""
    if config == library_config(ws):
        return 0
    return sum(len(story.articles) for story in recluster(ws, config))


def moved_articles(before: list[Story], after: list[Story]) -> int:
    """How many of the articles in ``after`` are in another story than in ``before`` (or in none before):
    what a re-clustering changed, since a story that keeps most of its articles keeps its id."""
    story_of = {article: story.id for story in before for article in story.articles}
    return sum(1 for story in after for article in story.articles if story_of.get(article) != story.id)


@dataclass(frozen=True)
class StoryFilter:
    """What a story list can be narrowed to, by its articles: an outlet (as stored, case-insensitive), a
    language (the stored code, :func:`library.language_filter`), a publication span (``published_to``
    inclusive). A story matches when any one of its articles matches every filter given; empty is no filter."""

    outlet: str | None = None
    language: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None

    def __bool__(self) -> bool:
        return any(value is not None and str(value).strip() for value in vars(self).values())


def matching_stories(ws, stories: Iterable[Story], wanted: StoryFilter | None) -> list[Story]:
    """The stories, in the order given, holding an article that ``wanted`` selects (all of them without one):
    one query for the matching ids, no article read."""
    if not wanted:
        return list(stories)
    ids = ws.store.matching_article_ids(
        outlet=wanted.outlet, language=wanted.language, since=wanted.published_from, until=wanted.published_to
    )
    return [story for story in stories if not ids.isdisjoint(story.articles)]


def list_stories(
    ws, *, limit: int | None = None, offset: int = 0, wanted: StoryFilter | None = None
) -> list[Story]:
    """The library's stories in the one order every face lists them (:func:`story_order`), those ``wanted``
    selects (:func:`matching_stories`), a page of them."""
    ordered = matching_stories(ws, story_order(ws.store.list_stories()), wanted)
    return ordered[offset:] if limit is None else ordered[offset : offset + limit]


def story_order(stories: Iterable[Story]) -> list[Story]:
    """Largest first, then the latest news first (undated last), then by id: what a reader wants on top,
    and one order for ``storyline stories``, the export, the API and the web app."""
    return sorted(stories, key=lambda s: (-len(s.articles), _latest_first(s), s.id))


def _latest_first(story: Story) -> float:
    when = as_utc(story.last_published or story.first_published)
    return -when.timestamp() if when else float("inf")


def publication_key(published: datetime | None) -> str:
    """Sort key: dated oldest first, undated last (a stable sort keeps those in the order given). Text, the UTC
    time written at a fixed width, so that SQLite orders it as Python does (ingest sorts a run on disk by it)."""
    if published is None:
        return "1"
    return "0" + as_utc(published).isoformat(timespec="microseconds")  # type: ignore[union-attr]


def by_publication(articles: Iterable[Article]) -> list[Article]:
    """Dated articles oldest first, then undated ones in the order given (a stable sort)."""
    return sorted(articles, key=lambda a: publication_key(a.published))


def story_articles(ws, story: Story) -> list[Article]:
    """The story's articles still in the store, by publication: the one order every listing of a story shows,
    however the increments of a running story came in (its stored order is the order they were streamed in)."""
    found = (ws.store.get_article(article_id) for article_id in story.articles)
    return by_publication(article for article in found if article is not None)


def story_heads(ws, story: Story) -> list[Article]:
    """:func:`story_articles` with their metadata alone (no text, entities or quotes), in its order: what a
    list of many stories shows, read without decoding every article of its largest stories."""
    found = {article.id: article for article in ws.store.article_heads(list(story.articles))}
    return by_publication(found[i] for i in story.articles if i in found)


def story_article_ids(ws, story: Story) -> list[str]:
    """The ids :func:`story_articles` lists, in its order, from the stored dates alone: listing every story
    of a large library reads no article text."""
    published = ws.store.published_times(list(story.articles))
    return sorted((i for i in story.articles if i in published), key=lambda i: publication_key(published[i]))


def story_row(ws, story: Story) -> dict[str, Any]:
    """A story as ``storyline stories --json`` gives it: its articles by publication, as every listing shows them."""
    return {
        "id": story.id,
        "label": story.label,
        "articles": story_article_ids(ws, story),
        "reasons": story.reasons,
        "related": story.related,
    }


# ------------------------------------------------------------------ pairs


def match_articles(ws, a: Article, b: Article, config: MatchConfig | None = None) -> PairMatch:
    """Same story or not, for two articles outside the store."""
    return match_article_pairs([(a, b)], lambda texts: _encode(ws, texts), config)[0]


def article_from_json(data: dict[str, Any], article_id: str) -> Article:
    """An article from a pairs-file side: {title, text, language, published}."""
    if not isinstance(data, dict):
        raise ValueError(f"{article_id}: expected an object with title/text")
    text = str(data.get("text") or "")
    if not (text.strip() or str(data.get("title") or "").strip()):
        raise ValueError(f"{article_id}: no title and no text to match")  # two empty sides would score as copies
    published = data.get("published")
    try:
        when = datetime.fromisoformat(str(published)) if published else None
    except ValueError:
        raise ValueError(f"{article_id}.published: {published!r} is no ISO 8601 date") from None
    return Article(
        id=article_id,
        title=str(data.get("title") or ""),
        paragraphs=[p.strip() for p in text.split("\n\n") if p.strip()],
        language=data.get("language") or None,
        published=when,
    )


#: What a JSON value that is no object is called in JSON's own words (Python's "NoneType" means nothing to a user).
JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false", type(None): "null"}


def _pair_sides(record: Any) -> tuple[Article, Article]:
    """The two articles of a pairs-file record, or an error that says what the record lacks."""
    if not isinstance(record, dict):
        raise TypeError(f"expected a JSON object {{id, a: {{...}}, b: {{...}}}}, got {JSON_KINDS.get(type(record), type(record).__name__)}")
    missing = [side for side in ("a", "b") if side not in record]
    if missing:
        raise ValueError(f"no {' and no '.join(repr(side) for side in missing)} article (expected {{id, a: {{...}}, b: {{...}}}})")
    return article_from_json(record["a"], "a"), article_from_json(record["b"], "b")


def _taken_id(pair_id: Any, unnamed: bool, first: str) -> str:
    """Why a record's id is refused: another record, ``first``, has it (given there, or a record without one
    named as this one would be)."""
    if unnamed:
        return f"it has no id, and the name it would take, {json.dumps(pair_id)}, is {first}'s id: give it an id"
    return f"id {json.dumps(pair_id)} already names {first}'s pair: give each pair its own id"


def match_pair_records(
    ws, records: list[Any], config: MatchConfig | None = None, lines: list[int] | None = None
) -> list[dict[str, Any]]:
    """One result per pairs-file record, in input order: ``{id, ...PairMatch}`` or ``{id, error}``.

    All texts are embedded in one batch, so the model is loaded once. ``lines`` (each record's line in
    its file) name a record in errors; else its position counts from 1. A record without an id is named
    "line 7" ("record 7"), a name no numeric id of another record takes. An id that names an earlier record
    too is an error, not a second score under the same name: results are joined back to their pairs by id.
    """
    config = config or MatchConfig()
    parsed: list[tuple[Any, Article, Article] | tuple[Any, str]] = []
    where = "line" if lines else "record"
    first_with: dict[str, int] = {}
    for number, record in zip(lines or range(1, len(records) + 1), records, strict=True):
        given = record.get("id") if isinstance(record, dict) else None
        pair_id = f"{where} {number}" if given is None else given  # "id": null names no pair
        first = first_with.setdefault(json.dumps(pair_id, sort_keys=True), number)
        if isinstance(record, dict) and "error" in record:
            parsed.append((pair_id, str(record["error"])))
            continue
        if first != number:
            parsed.append((pair_id, f"{where} {number}: {_taken_id(pair_id, given is None, f'{where} {first}')}"))
            continue
        try:
            parsed.append((pair_id, *_pair_sides(record)))
        except (TypeError, ValueError) as error:
            parsed.append((pair_id, f"{where} {number}: {error}"))
    good = [p for p in parsed if len(p) == 3]
    matches = iter(match_article_pairs([(a, b) for _, a, b in good], lambda texts: _encode(ws, texts), config))
    results = []
    for item in parsed:
        if len(item) == 2:
            results.append({"id": item[0], "error": item[1]})
            continue
        results.append({"id": item[0], **next(matches).to_dict()})
    return results
