"""Removing articles from the SQLite store: every trace, in one transaction, and new again to ingest."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.model import Article, Entity, Story
from storyline.store import StaleStories, open_store


def article(id: str, text: str, **meta: object) -> Article:
    return Article(id=id, title="Ferry strike in Port Elwyn", paragraphs=[text], **meta)  # type: ignore[arg-type]


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "lib.db")
    yield s
    s.close()


def _library(store) -> None:
    """Two articles (one with two versions) in one story, vectors, features and a cached document."""
    store.add_articles([article("a", "Ferry crews walked out, said Olga Petrenko.", url="https://herald.example/1",
                                entities=[Entity("Olga Petrenko", "PERSON")])])
    store.add_articles([article("a2", "Ferry crews walked out for a second day.", url="https://herald.example/1")])
    store.add_articles([article("b", "Crossings to Port Elwyn stayed shut.")])
    store.save_vectors("use-lead", {"a": np.ones(4), "b": np.ones(4)})
    store.save_features("minhash", {"a": b"x", "b": b"y"})
    store.save_stories([Story(id="s1", label="Ferry strike", articles=["a", "b"])])
    store.save_document("comparison", "s1", {"key": "k"})


def test_a_removed_article_leaves_no_trace_and_its_story_is_saved_with_it(store):
    _library(store)
    version = store.stories_version()
    saved = store.remove_articles(
        ["a"], stories=[Story(id="s1", label="Crossings shut", articles=["b"])], state={"stories": []},
        expected_version=version, documents=[("comparison", "s1")],
    )
    assert saved == version + 1
    assert store.get_article("a") is None and store.article_versions("a") == []
    assert store.search("second day") == (0, []) and store.list_articles(entity="Olga Petrenko") == []
    assert store.load_vectors("use-lead").keys() == {"b"} and store.load_features("minhash", ["a", "b"]) == {"b": b"y"}
    assert store.story_of("a") is None and store.get_story("s1").articles == ["b"]
    assert store.get_document("comparison", "s1") is None
    assert store.story_state() == (version + 1, {"stories": []})


def test_a_removed_text_is_new_again_to_a_later_ingest(store):
    _library(store)
    store.remove_articles(["a", "b"], drop=["s1"])
    assert store.list_stories() == [] and store.count_articles() == 0
    again = store.add_articles([article("b", "Crossings to Port Elwyn stayed shut.")])
    assert [r.status for r in again] == ["new"]
    first_version = store.add_articles([article("a", "Ferry crews walked out, said Olga Petrenko.", url="https://herald.example/1")])
    assert [(r.article_id, r.status) for r in first_version] == [("a", "new")] and store.get_article("a").version == 1


def test_a_removal_on_a_stale_state_removes_nothing(store):
    _library(store)
    with pytest.raises(StaleStories):
        store.remove_articles(["a"], stories=[Story(id="s1", label="x", articles=["b"])], expected_version=0)
    assert store.get_article("a") is not None and store.story_of("a").id == "s1"
    assert store.load_vectors("use-lead").keys() == {"a", "b"} and store.get_document("comparison", "s1")


def test_articles_from_a_file_its_records_or_a_folder(store):
    store.add_articles([
        article("t", "One.", source="news/strike.txt"),
        article("r1", "Two.", source="news/feed.jsonl#1"),
        article("r2", "Three.", source="news/feed.jsonl#2"),
        article("o", "Four.", source="news/feed.jsonl.bak"),
        article("x", "Five.", source="other/strike.txt"),
    ])
    assert [a.id for a in store.articles_from("news/feed.jsonl")] == ["r1", "r2"]
    assert [a.id for a in store.articles_from("news/strike.txt")] == ["t"]
    assert {a.id for a in store.articles_from("news/")} == {"t", "r1", "r2", "o"}
    assert store.articles_from("news/strike") == []
