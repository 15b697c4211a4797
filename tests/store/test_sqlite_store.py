"""The SQLite store: idempotent ingest, versions, search, filters, vectors, stories, migrations."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest

from storyline.model import Article, Entity, Story
from storyline.store import SchemaError, StaleStories, StoreError, open_store
from storyline.store import sqlite as sqlite_store
from storyline.store.base import SNIPPET_CLOSE, SNIPPET_OPEN


def article(
    id: str, text: str, *, title: str = "A title", url: str | None = None, **meta: object
) -> Article:
    return Article(id=id, title=title, paragraphs=text.split("\n\n"), url=url, **meta)  # type: ignore[arg-type]


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "lib.db")
    yield s
    s.close()


def test_same_content_twice_is_one_row(store):
    a = article("a", "Ministers met in Geneva.")
    again = article("other-id", "Ministers met in Geneva.")
    results = store.add_articles([a, again])
    assert [r.status for r in results] == ["new", "duplicate"]
    assert results[1].article_id == "a"
    assert [r.status for r in store.add_articles([a])] == ["duplicate"]
    assert store.count_articles() == 1


def test_a_dated_copy_of_an_undated_article_gives_it_its_date(store):
    undated = article("copy", "Ruritania raised its key rate to 4 percent.")
    dated = article("orig", "Ruritania raised its key rate to 4 percent.", url="https://herald.example.rt/rates",
                    published=datetime(2024, 5, 15, 9, 0), outlet="Ruritania Herald")
    assert [r.status for r in store.add_articles([undated, dated])] == ["new", "duplicate"]
    [kept] = store.list_articles()
    assert (kept.id, kept.published, kept.url, kept.outlet) == (
        "copy", datetime(2024, 5, 15, 9, 0), "https://herald.example.rt/rates", "Ruritania Herald")
    assert [a.id for a in store.list_articles(since=datetime(2024, 5, 1))] == ["copy"]  # the sortable column too


def test_same_url_with_new_text_is_a_new_version(store):
    store.add_articles([article("a", "First draft about the storm.", url="https://n.example/1")])
    result = store.add_articles([article("b", "Corrected text about the flood.", url="https://n.example/1")])
    assert result[0].status == "new-version" and result[0].article_id == "a"
    latest = store.get_article("a")
    assert latest.version == 2 and "flood" in latest.text
    assert [v.version for v in store.article_versions("a")] == [1, 2]
    assert store.count_articles() == 1
    assert store.search("flood")[0] == 1
    assert store.search("storm")[0] == 0  # old versions are kept but not searched


def test_same_given_id_with_new_text_is_a_new_version(store):
    store.add_articles([article("x1", "One text.")])
    assert store.add_articles([article("x1", "Another text.")])[0].status == "new-version"
    assert store.get_article("x1").text == "Another text."


def test_a_partial_text_never_hides_the_full_text_of_its_page(store):
    url = "https://herald.example.rt/harbour"
    full = article("page", "Olga Petrenko reopened the Port Elwyn harbour on Monday.\n\n" + "The dredging took a year. " * 20,
                   url=url)
    teaser = article("api", "Olga Petrenko reopened the Port Elwyn harbour …", url=url,
                     published=datetime(2024, 5, 15, 9, 0), extra={"partial": True})
    assert [r.status for r in store.add_articles([full, teaser])] == ["new", "new-version"]
    latest = store.get_article("page")
    assert "dredging" in latest.text and latest.version == 1
    assert latest.published == datetime(2024, 5, 15, 9, 0)  # the teaser's date fills the gap
    assert [v.version for v in store.article_versions("page")] == [1, 2]  # the teaser is kept
    assert store.count_articles() == 1 and store.search("dredging")[0] == 1
    # A later full text still replaces the latest one, as any new version does.
    fixed = article("page", full.text + "\n\nThe mayor thanked the divers.", url=url)
    assert store.add_articles([fixed])[0].status == "new-version"
    assert store.get_article("page").version == 3


def test_a_full_text_replaces_a_teaser_and_keeps_its_date(store):
    url = "https://herald.example.rt/bridge"
    teaser = article("api", "The bridge to Port Elwyn reopens …", url=url, published=datetime(2024, 6, 1),
                     extra={"partial": True})
    full = article("page", "The bridge to Port Elwyn reopens on Friday after repairs, officials said.", url=url)
    assert [r.status for r in store.add_articles([teaser, full])] == ["new", "new-version"]
    latest = store.get_article("api")
    assert "officials said" in latest.text and latest.published == datetime(2024, 6, 1)


def test_one_given_id_on_two_pages_is_two_articles(store):
    # Two exports numbering their rows from 1: the second "1" is another page, not a new version.
    store.add_articles([article("1", "Harbour fee doubles.", url="https://a.example/fee")])
    result = store.add_articles([article("1", "Cup final won.", url="https://b.example/cup")])[0]
    assert result.status == "new" and result.article_id.startswith("1-")
    assert store.get_article("1").text == "Harbour fee doubles."
    assert store.count_articles() == 2
    again = store.add_articles([article("1", "Cup final won, late goal.", url="https://b.example/cup")])[0]
    assert (again.status, again.article_id) == ("new-version", result.article_id)
    # A feed's GUID names one item whatever its link became.
    moved = article("1", "Harbour fee doubles, council says.", url="https://a.example/fee?ref=rss", extra={"guid": "1"})
    assert store.add_articles([moved])[0].status == "new-version"


def test_a_failing_batch_writes_nothing(store):
    broken = article("bad", "fine")
    broken.paragraphs = [None]  # type: ignore[list-item]  # cannot be joined into text
    with pytest.raises(TypeError):
        store.add_articles([article("good", "Good text."), broken])
    assert store.count_articles() == 0
    assert store.search("good") == (0, [])


def test_list_filters_and_order(store):
    t0 = datetime(2022, 12, 18, 9, tzinfo=UTC)
    store.add_articles(
        [
            article("undated", "No date here.", outlet="Daily"),
            article("late", "Late news.", outlet="Daily", language="en", published=t0 + timedelta(days=2)),
            article("early", "Early news.", outlet="Gazette", language="fr", published=t0),
            # 10:00 at UTC+3 is 07:00 UTC, earlier than "early"
            article(
                "tz", "Zoned news.", outlet="daily", language="en",
                published=datetime(2022, 12, 18, 10, tzinfo=timezone(timedelta(hours=3))),
            ),
        ]
    )
    assert [a.id for a in store.list_articles()] == ["tz", "early", "late", "undated"]
    assert [a.id for a in store.list_articles(outlet="DAILY")] == ["tz", "late", "undated"]
    assert [a.id for a in store.list_articles(language="fr")] == ["early"]
    assert [a.id for a in store.list_articles(since=t0)] == ["early", "late"]
    assert [a.id for a in store.list_articles(until=t0)] == ["tz", "early"]
    assert [a.id for a in store.list_articles(limit=2, offset=1)] == ["early", "late"]
    assert store.count_articles(outlet="daily") == 3
    assert [a.id for a in store.iter_articles()] == ["tz", "early", "late", "undated"]


def test_iter_articles_pages_through_everything(tmp_path):
    store = open_store(":memory:")
    base = datetime(2020, 1, 1)
    batch = [article(f"a{i:04d}", f"Text number {i}.", published=base + timedelta(hours=i % 700)) for i in range(1100)]
    batch += [article(f"u{i}", f"Undated {i}.") for i in range(30)]
    store.add_articles(batch)
    ids = [a.id for a in store.iter_articles()]
    assert len(ids) == len(set(ids)) == 1130
    assert ids == [a.id for a in store.list_articles()]


def test_search_ranks_filters_and_highlights(store):
    store.add_articles(
        [
            article("t", "The talks in Tehran ended.", title="Tehran talks", language="en"),
            article("m", "Talks elsewhere; Tehran is mentioned once.", title="Other", language="en"),
            article("e", "Las conversaciones en Teherán terminaron.", title="Conversación", language="es"),
        ]
    )
    total, hits = store.search("tehran talks")
    assert total == 2 and hits[0].article.id == "t"
    assert f"{SNIPPET_OPEN}Tehran{SNIPPET_CLOSE}" in hits[0].snippet
    assert store.search("teheran")[1][0].article.id == "e"  # diacritics folded
    assert store.search("conversa*")[0] == 1
    assert store.search("talks", language="es")[0] == 0
    assert store.search('U.S.-"Iran" (NEAR OR') == (0, [])  # FTS syntax in user input is not an error
    assert store.search("  ") == (0, [])
    assert [h.article.id for h in store.search("tehran", limit=1, offset=1)[1]] == ["m"]


def test_a_figure_or_hyphenated_word_is_searched_as_written(store):
    store.add_articles([
        article("fig", "About 12,000 passengers use the Port Elwyn crossing."),
        article("apart", "Some 12 ferries carried 3,000 passengers."),
        article("name", "Ines Vidal-Ramos spoke in Port Elwyn."),
    ])  # fmt: skip
    assert [h.article.id for h in store.search("12,000")[1]] == ["fig"]
    assert [h.article.id for h in store.search("vidal-ramos")[1]] == ["name"]
    assert store.search("12,0*")[0] == 1


def test_a_word_repeated_in_the_query_is_searched_once(store):
    # Each FTS5 term costs time in every snippet: 3,000 copies of one word held the store's lock for 12 s.
    assert sqlite_store.fts_query("Ferry port FERRY ferry* ferry") == '"Ferry" "port" "ferry"*'
    store.add_articles([article("f", "The Port Elwyn ferry sailed at noon.")])
    total, (hit,) = store.search("ferry " * 3000)
    assert total == 1 and hit.snippet.count(SNIPPET_OPEN) == 1


def test_update_article_keeps_search_and_entity_index_in_sync(store):
    store.add_articles([article("a", "Officials in Tehran spoke.")])
    stored = store.get_article("a")
    stored.entities = [Entity(name="Iran", type="PLACE", variants=["Tehran"])]
    stored.title = "Renamed headline"
    store.update_article(stored)
    assert store.get_article("a").entities[0].name == "Iran"
    assert [a.id for a in store.list_articles(entity="tehran")] == ["a"]
    assert store.search("officials", entity="iran")[0] == 1
    assert store.search("officials", entity="russia")[0] == 0
    assert store.search("renamed")[0] == 1
    with pytest.raises(KeyError):
        store.update_article(article("missing", "x"))


def test_unprocessed_articles_until_marked(store):
    store.add_articles([article("a", "One."), article("b", "Two.")])
    assert {a.id for a in store.unprocessed_articles()} == {"a", "b"}
    store.mark_processed(["a"])
    assert [a.id for a in store.unprocessed_articles()] == ["b"]
    store.add_articles([article("a", "One, corrected.")])  # a new version must be processed again
    assert {a.id for a in store.unprocessed_articles()} == {"a", "b"}
    assert sorted(store.unprocessed_ids()) == ["a", "b"]  # a run's leftovers counted without reading their texts


def test_vectors_round_trip_as_float32(store):
    vectors = {"a": np.arange(4, dtype=np.float64), "b": np.ones(4, dtype=np.float32)}
    store.save_vectors("use-article", vectors)
    loaded = store.load_vectors("use-article")
    assert loaded["a"].dtype == np.float32 and loaded["a"].tolist() == [0, 1, 2, 3]
    assert set(store.load_vectors("use-article", ["b", "zz"])) == {"b"}
    assert store.load_vectors("other") == {}


def test_stories_assignment_and_replace(store):
    s1 = Story(id="s1", label="Storm", articles=["a", "b"], first_published=datetime(2022, 1, 2))
    s2 = Story(id="s2", label="Vote", articles=["c"], first_published=datetime(2022, 1, 1))
    store.save_stories([s1, s2])
    assert [s.id for s in store.list_stories()] == ["s2", "s1"]
    assert store.story_of("b").label == "Storm"
    store.save_stories([Story(id="s2", label="Vote", articles=["c", "b"])])  # b moves
    assert store.story_of("b").id == "s2"
    store.save_stories([Story(id="s3", label="New", articles=["a"])], replace=True)
    assert [s.id for s in store.list_stories()] == ["s3"]
    assert store.story_of("c") is None and store.get_story("s1") is None


def test_deleted_stories_lose_their_assignments(store):
    store.add_articles([article("a1", "One"), article("a2", "Two")])
    store.save_stories([Story(id="s1", label="one", articles=["a1"]), Story(id="s2", label="two", articles=["a2"])])
    store.save_stories([], drop=["s2", "unknown"])
    assert [s.id for s in store.list_stories()] == ["s1"]
    assert store.story_of("a2") is None
    assert store.story_of("a1").id == "s1"


def test_an_articles_own_markers_cannot_forge_a_match(store):
    text = f"Port Elwyn {SNIPPET_CLOSE}<script>{SNIPPET_OPEN} harbour reopened, Olga Petrenko said."
    store.add_articles([article("p", text, title="Quay news")])
    (hit,) = store.search("harbour")[1]
    assert hit.snippet.count(SNIPPET_OPEN) == hit.snippet.count(SNIPPET_CLOSE) == 1
    assert f"]<script>[ {SNIPPET_OPEN}harbour{SNIPPET_CLOSE} reopened" in hit.snippet



def test_a_snippet_across_paragraphs_reads_as_one_line(store):
    text = "Port Elwyn —\n\nThe harbour reopened on Monday.\n\nOlga Petrenko said the ferries run again."
    store.add_articles([article("p", text, title="Quay news")])
    (hit,) = store.search("harbour")[1]
    assert f"Port Elwyn — The {SNIPPET_OPEN}harbour{SNIPPET_CLOSE} reopened on Monday. Olga Petrenko" in hit.snippet
    assert "\n" not in hit.snippet

def test_latest_published_sees_past_many_undated_articles(store):
    """The web's "new"/"growing" flags count from it; undated articles sort last and once hid it."""
    assert store.latest_published() is None
    dated = [article(f"d{n}", f"Ferry {n} docks in Port Elwyn", published=datetime(2024, 3, n, 9)) for n in (1, 2)]
    store.add_articles(dated + [article(f"u{n}", f"Undated note {n} from Ruritania") for n in range(60)])
    assert store.latest_published() == datetime(2024, 3, 2, 9, tzinfo=UTC)


def test_a_stale_story_write_is_refused_whole(store):
    """Two writers (the CLI, a server) build on the state they read; the second to save must not win."""
    first = store.save_stories([Story(id="s1", label="Port Elwyn strike", articles=["a1"])], state={"n": 1})
    assert store.story_state() == (first, {"n": 1}) and store.stories_version() == first
    second = store.save_stories([Story(id="s2", label="Ruritania vote", articles=["a2"])], state={"n": 2},
                                expected_version=first)
    with pytest.raises(StaleStories):
        store.save_stories([], replace=True, state={"n": 3}, expected_version=first)
    assert store.story_state() == (second, {"n": 2})
    assert [s.id for s in store.list_stories()] == ["s1", "s2"]


def test_documents_and_meta(store):
    store.save_document("comparison", "s1", {"groups": [1, 2]})
    store.save_document("comparison", "s1", {"groups": [3]})
    assert store.get_document("comparison", "s1") == {"groups": [3]}
    assert store.get_document("comparison", "nope") is None
    store.set_meta("k", "v1")
    store.set_meta("k", "v2")
    assert store.get_meta("k") == "v2" and store.get_meta("missing") is None


def test_fresh_database_is_at_the_latest_schema_in_wal_mode(tmp_path):
    store = open_store(tmp_path / "x.db")
    assert store.get_meta("schema_version") == str(len(sqlite_store.MIGRATIONS))
    store.close()
    conn = sqlite3.connect(tmp_path / "x.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_in_order_once(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    open_store(path).add_articles([article("a", "Kept across the upgrade.")])
    upgraded = [*sqlite_store.MIGRATIONS, "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (1)"]
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", upgraded)
    store = open_store(path)
    assert store.get_meta("schema_version") == str(len(upgraded))
    assert store.get_article("a") is not None
    store.close()
    open_store(path).close()  # a second open applies nothing again (the INSERT would duplicate)
    assert sqlite3.connect(path).execute("SELECT count(*) FROM extra").fetchone()[0] == 1


def test_newer_or_foreign_databases_are_refused(tmp_path):
    path = tmp_path / "new.db"
    store = open_store(path)
    store.set_meta("schema_version", "999")
    store.close()
    with pytest.raises(SchemaError, match="newer"):
        open_store(path)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    with pytest.raises(SchemaError, match="not a storyline database"):
        open_store(foreign)


def test_unopenable_databases_raise_a_store_error_naming_the_file(tmp_path):
    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"this is not sqlite at all, just some text " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(garbage)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder.db")


def test_features_are_dropped_whenever_their_article_changes(store):
    store.add_articles([article("a", "First text."), article("b", "Other text.")])
    store.save_features("k", {"a": b"A", "b": b"B"})
    assert store.load_features("k", ["a", "b", "zz"]) == {"a": b"A", "b": b"B"}
    assert store.load_features("other", ["a"]) == {}
    store.update_article(dataclasses.replace(store.get_article("a"), published=datetime(2024, 5, 1)))
    assert store.load_features("k", ["a", "b"]) == {"b": b"B"}
    store.save_features("k", {"a": b"A"})
    store.add_articles([article("a", "A new text for a.")])  # a new version
    assert store.load_features("k", ["a", "b"]) == {"b": b"B"}
    store.add_articles([article("copy", "Other text.", url="https://x.example/b", published=datetime(2024, 5, 2))])
    assert store.load_features("k", ["b"]) == {}  # a dated copy gave it its date
    assert store.published_times(["a", "b", "zz"]) == {"a": None, "b": datetime(2024, 5, 2)}


def test_a_version_1_database_gains_article_features_on_open(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS[:1])
    old = open_store(path)
    old.save_vectors("use-lead", {"a": np.ones(4)})
    old.close()
    monkeypatch.undo()
    store = open_store(path)
    assert store.schema_version() == len(sqlite_store.MIGRATIONS) >= 2
    store.add_articles([article("a", "Stored after the upgrade.")])
    store.save_features("k", {"a": b"A"})
    assert store.load_features("k", ["a"]) == {"a": b"A"} and set(store.load_vectors("use-lead")) == {"a"}


def test_words_in_quotation_marks_are_searched_as_a_phrase(store):
    store.add_articles([
        article("phrase", "Pirates seized a tanker in the Gulf of Elwyn on Monday."),
        article("apart", "The gulf between the ports of Elwyn and Kestrel widened."),
    ])  # fmt: skip
    assert sorted(h.article.id for h in store.search("gulf of elwyn")[1]) == ["apart", "phrase"]
    total, (hit,) = store.search('"Gulf of Elwyn" tanker')
    assert total == 1 and hit.article.id == "phrase"
    assert store.search("“gulf of elwyn”")[0] == 1  # curly marks too
    marked = hit.snippet.split(SNIPPET_OPEN)[1:]
    assert [m.split(SNIPPET_CLOSE)[0] for m in marked] == ["tanker", "Gulf of Elwyn"]


def test_a_quotation_mark_without_its_pair_searches_the_words_one_by_one(store):
    assert sqlite_store.fts_query('Port-Elwyn ("drones') == '"Port-Elwyn" "drones"'
    assert sqlite_store.fts_query('"port" said') == '"port" "said"'


def test_a_version_2_database_keeps_its_articles_and_gains_arrivals_and_runs(tmp_path, monkeypatch):
    """An existing library: its articles' stored ``added_at`` become their arrival times, no run is invented."""
    path = tmp_path / "v2.db"
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", sqlite_store.MIGRATIONS[:2])
    old = open_store(path)
    old.add_articles([article("a", "Stored before the upgrade.", published=datetime(2019, 1, 2))])
    old.add_articles([article("a", "Stored before the upgrade, corrected.", published=datetime(2019, 1, 2))])
    old.close()
    with sqlite3.connect(path) as conn:  # as an older storyline wrote it: to the second
        conn.execute("UPDATE articles SET added_at = '2026-01-05T09:30:00' WHERE version = 1")
    monkeypatch.undo()
    store = open_store(path)
    assert store.schema_version() == len(sqlite_store.MIGRATIONS) >= 3
    assert store.get_article("a").text == "Stored before the upgrade, corrected." and store.count_articles() == 1
    assert store.arrival_times(["a", "zz"]) == {"a": datetime(2026, 1, 5, 9, 30, tzinfo=UTC)}  # the first version's
    assert store.latest_ingest_run() is None
    assert set(store.arrived_since(datetime(2026, 1, 5, 9, 30))) == {"a"}  # the same second is "since"
    assert store.arrived_since(datetime(2026, 1, 5, 9, 30, 1, tzinfo=UTC)) == {}
    store.add_articles([article("b", "Stored after the upgrade.")])
    run = store.start_ingest_run()
    assert store.latest_ingest_run().started_at >= store.arrival_times(["b"])["b"]
    store.finish_ingest_run(run, 0)
    assert set(store.arrived_since(datetime(2026, 1, 6))) == {"b"}


def test_article_heads_give_the_latest_metadata_without_text(store):
    published = datetime(2024, 5, 2, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    store.add_articles([
        article("a", "First words.", title="Port strike", url="https://x.example/a", outlet="Herald",
                language="en", published=published),
        article("b", "Other words."),
    ])
    store.add_articles([article("a", "First words, corrected.", title="Port strike ends", url="https://x.example/a",
                                outlet="Herald", language="en", published=published)])
    heads = {a.id: a for a in store.article_heads(["a", "b", "zz"])}
    assert set(heads) == {"a", "b"}
    assert (heads["a"].title, heads["a"].outlet, heads["a"].language, heads["a"].published) == (
        "Port strike ends", "Herald", "en", published)
    assert heads["a"].paragraphs == [] and heads["b"].published is None and heads["b"].url is None
