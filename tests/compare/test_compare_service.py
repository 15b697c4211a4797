import json

from compare_helpers import bag_of_words, make_article

from storyline.compare.story import compare
from storyline.config import Settings
from storyline.model import Story
from storyline.service import comparison as service
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
