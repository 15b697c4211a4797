import json
from datetime import datetime

import numpy as np
import pytest
from compare_helpers import bag_of_words, make_article

from storyline.compare.story import compare
from storyline.config import Settings
from storyline.model import Article, Comparison, ProvenanceLink, Story
from storyline.service import comparison as service
from storyline.service import stories
from storyline.service.export import export_records
from storyline.service.workspace import Workspace

TEXT = "The city council approved a new budget for road repairs on Friday evening."


def _fast(monkeypatch) -> list[int]:
    """Swap the embedder and enrichment for fast stand-ins; count comparisons actually computed."""
    calls: list[int] = []

    def counting(articles):
        calls.append(len(articles))
        return compare(articles, bag_of_words)

    monkeypatch.setattr(service, "compare_articles", counting)
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    return calls


def test_story_comparison_is_cached_until_an_article_changes(tmp_path, monkeypatch):
    calls = _fast(monkeypatch)
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        a, b = make_article("a", [TEXT]), make_article("b", [TEXT, "The mayor welcomed the decision of the council."])
        for article in (a, b):
            article.content_hash = article.compute_hash()
        ws.store.add_articles([a, b])
        ws.store.save_stories([Story(id="s1", label="budget", articles=["a", "b"])])
        first = service.compare_story(ws, "s1")
        again = service.compare_story(ws, "s1")
        assert calls == [2]
        assert again.to_dict() == first.to_dict()
        assert first.summary["story"] == "s1"
        b.paragraphs = [TEXT]
        b.content_hash = b.compute_hash()
        ws.store.update_article(b)
        service.compare_story(ws, "s1")
        assert calls == [2, 2]


def test_unknown_story_is_a_clear_error(tmp_path):
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        try:
            service.compare_story(ws, "nope")
        except service.StoryNotFound as error:
            assert "nope" in str(error)
        else:
            raise AssertionError("expected StoryNotFound")


def test_unreadable_files_are_skipped_with_their_reason(tmp_path, monkeypatch):
    _fast(monkeypatch)
    good = []
    for name, extra in (("one.txt", "Officials confirmed the figures."), ("two.txt", "Residents were relieved.")):
        path = tmp_path / name
        path.write_text(f"Council passes budget\n\n{TEXT}\n\n{extra} It was a long night for everyone.\n", encoding="utf-8")
        good.append(path)
    result = service.compare_files([*good, tmp_path / "missing.txt"])
    assert len(result.articles) == 2
    (skipped,) = result.summary["skipped"]
    assert skipped["source"].endswith("missing.txt") and skipped["error"]


def test_files_compared_as_one_story_date_the_undated_from_the_dated(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "compare_articles", lambda articles: compare(articles, bag_of_words))
    dated, undated = tmp_path / "dated.json", tmp_path / "copy.json"
    body = "The Port Elwyn council approved a new budget for road repairs on Friday, officials said."
    dated.write_text(json.dumps({"title": "Council passes budget", "date": "2024-03-15T18:00:00Z", "text": body}), encoding="utf-8")
    undated.write_text(json.dumps({"title": "Budget passed", "text": f"{body} It was a long night."}), encoding="utf-8")
    result = service.compare_files([dated, undated])
    (entry,) = [t for t in result.timeline if t["date"] == "2024-03-15"]
    assert len({e["article"] for e in entry["events"]}) == 2
    assert [e.get("estimated", False) for e in entry["events"]].count(True) == 1


def _original_and_translation(ws, monkeypatch, day: datetime | None) -> None:
    """An English report and its Spanish translation stored and streamed into one story, the translation first;
    their comparison (a stand-in) says the Spanish one translates the English one."""
    original = Article(id="b-en", title="Kestrel Dam bursts above Port Elwyn", language="en", published=day,
                       paragraphs=["The Kestrel Dam burst above Port Elwyn on Saturday, flooding three villages."])
    translation = Article(id="a-es", title="Se rompe la presa de Kestrel", language="es", published=day,
                          paragraphs=["La presa de Kestrel se rompió sobre Port Elwyn el sábado, inundando tres aldeas."])
    told = Comparison(
        articles=[],
        provenance=[ProvenanceLink(from_="b-en", to="a-es", relation="translates", direction="language")],
        summary={"first_reported": ["a-es", "b-en"] if day else [], "possibly_first": []},
    )
    monkeypatch.setattr(stories, "_encode", lambda ws, texts: np.ones((len(texts), 512), dtype=np.float32) / 512**0.5)
    monkeypatch.setattr(stories, "is_translation", lambda facets, cosine: False)  # a translation only its claims show
    monkeypatch.setattr(service, "compare_articles", lambda articles: Comparison.from_dict(told.to_dict()))
    monkeypatch.setattr(service, "enrich_articles", lambda workspace, articles: articles)
    ws.store.add_articles([original, translation])
    stories.assign_to_stories(ws, [ws.store.get_article("b-en"), ws.store.get_article("a-es")])


@pytest.mark.parametrize("day", [datetime(2026, 3, 14), None], ids=["same day", "undated"])
def test_a_story_is_headed_by_the_source_its_comparison_names_not_by_a_same_day_translation(tmp_path, monkeypatch, day):
    """Matching heads a story of one day (or of no dates) with the member that joined first when it sees no
    translation; the comparison knows which member the others translate, and the story's label takes that member's
    headline from then on, through a re-clustering too."""
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        _original_and_translation(ws, monkeypatch, day)
        (story,) = stories.list_stories(ws)
        assert story.label.endswith(": Se rompe la presa de Kestrel")  # the translation joined first
        comparison = service.compare_story(ws, story.id)
        assert comparison.summary["label"].endswith(": Kestrel Dam bursts above Port Elwyn")
        assert [s.label for s in stories.list_stories(ws)] == [comparison.summary["label"]]
        stories.recluster(ws)  # the stories made again keep the source their comparison named
        assert [s.label for s in stories.list_stories(ws)] == [comparison.summary["label"]]
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:  # as `storyline stories` lists it afterwards
        assert [stories.story_row(ws, s)["label"] for s in stories.list_stories(ws)] == [comparison.summary["label"]]


def test_an_export_with_comparisons_lists_each_story_with_the_label_its_comparison_leaves(tmp_path, monkeypatch):
    with Workspace(Settings(db_path=tmp_path / "s.db")) as ws:
        _original_and_translation(ws, monkeypatch, datetime(2026, 3, 14))
        records = list(export_records(ws, comparisons=True))
    (story,) = [r for r in records if r["record"] == "story"]
    (comparison,) = [r for r in records if r["record"] == "comparison"]
    assert story["label"] == comparison["summary"]["label"]
    assert story["label"].endswith(": Kestrel Dam bursts above Port Elwyn")
