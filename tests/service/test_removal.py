"""Removing articles through the service: stories, caches and indexes follow, atomically and across restarts."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.service import library, removal, stories
from storyline.service.comparison import DOCUMENT_KIND, compare_story
from storyline.service.workspace import Workspace

FOLLOW_UP = (
    "Danube river ports stay closed after the flooding\n\nBy Reuters\n\nMarch 4, 2021\n\n"
    "Heavy rain kept three river ports in Vienna closed on Thursday, officials said.\n\n"
    '"We have never seen water this high in March," harbour master Anna Berger told reporters again.\n'
)


@pytest.fixture()
def danube(workspace, inputs, tmp_path) -> tuple[str, str]:
    """A two-article story: the first report (March 3) and its follow-up (March 4)."""
    follow_up = tmp_path / "day2.txt"
    follow_up.write_text(FOLLOW_UP, encoding="utf-8")
    (first,) = library.ingest(workspace, [inputs["report"]]).article_ids
    (second,) = library.ingest(workspace, [follow_up]).article_ids
    assert workspace.store.story_of(first).id == workspace.store.story_of(second).id
    return first, second


def _reopened(workspace: Workspace, enricher) -> Workspace:
    """The same library in a new process: nothing held in memory."""
    workspace.close()
    ws = Workspace(Settings(db_path=workspace.settings.db_path, batch_size=2))
    ws.resource("enricher", lambda: enricher)
    return ws


def test_a_dry_run_lists_what_would_go_and_removes_nothing(workspace, danube):
    first, _ = danube
    plan = removal.plan_removal(workspace, [first, "no-such-id"])
    story = workspace.store.story_of(first)
    assert plan.to_dict()["removed"][0]["id"] == first and plan.not_found == ["no-such-id"]
    assert [c.to_dict() for c in plan.stories] == [{"id": story.id, "label": story.label, "removed": 1, "left": 1}]
    assert workspace.store.get_article(first) is not None


def test_removing_the_first_report_relabels_its_story_and_drops_its_cached_comparison(workspace, danube, enricher):
    first, second = danube
    story = workspace.store.story_of(first)
    compare_story(workspace, story.id)
    assert story.label.endswith("Flooding closes river ports along the Danube")
    done = removal.remove(workspace, removal.plan_removal(workspace, [first]))
    assert not done.dry_run and done.stories[0].left == 1
    assert done.stories[0].label.endswith("Danube river ports stay closed after the flooding")
    assert workspace.store.get_article(first) is None
    assert workspace.store.get_document(DOCUMENT_KIND, story.id) is None
    after = workspace.store.get_story(story.id)
    assert after.articles == [second] and after.label == done.stories[0].label
    assert after.first_published.day == 4  # the span of what remains
    ws = _reopened(workspace, enricher)
    clusterer, _ = stories.clusterer_of(ws)
    assert set(clusterer.story_of) == {a.id for a in ws.store.list_articles()} and first not in clusterer.story_of
    assert len(clusterer.vectors) == len(clusterer.story_of)  # the restored index holds what remains only
    assert ws.store.story_of(second).id == story.id
    ws.close()


def test_a_removed_file_ingested_again_is_new_and_joins_its_story(workspace, danube, inputs, enricher):
    first, second = danube
    removal.remove(workspace, removal.plan_removal(workspace, sources=[str(inputs["report"])]))
    ws = _reopened(workspace, enricher)  # removal survives a restart
    assert ws.store.get_article(first) is None
    again = library.ingest(ws, [inputs["report"]])
    assert again.new == 1 and again.duplicate == 0
    assert ws.store.story_of(again.article_ids[0]).id == ws.store.story_of(second).id
    ws.close()


def test_a_story_left_empty_is_gone(workspace, inputs):
    library.ingest(workspace, [inputs["records"]])
    before = {s.id for s in workspace.store.list_stories()}
    done = removal.remove(workspace, removal.plan_removal(workspace, sources=[str(inputs["records"])]))
    assert len(done.articles) == 3 and {c.left for c in done.stories} == {0}
    assert {c.id for c in done.stories} == before and workspace.store.list_stories() == []
    assert workspace.store.count_articles() == 0


def test_a_removal_that_fails_midway_removes_nothing(workspace, danube, monkeypatch):
    first, _ = danube
    story = workspace.store.story_of(first)

    def failing(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(workspace.store, "remove_articles", failing)
    with pytest.raises(OSError):
        removal.remove(workspace, removal.plan_removal(workspace, [first]))
    monkeypatch.undo()
    assert workspace.store.get_article(first) is not None and workspace.store.get_story(story.id) == story
    clusterer, _ = stories.clusterer_of(workspace)  # the held clusterer that forgot it was dropped
    assert clusterer.story_of[first] == story.id
