"""service.dating.estimate_undated: the undated seed borrows its date from the dated one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from storyline.config import Settings
from storyline.model import Article, Story
from storyline.service.dating import estimate_undated
from storyline.service.workspace import Workspace


def _article(path: Path, article_id: str, published: datetime | None) -> Article:
    title, *paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return Article(id=article_id, title=title, paragraphs=paragraphs, published=published, language="en")


def test_undated_seed_gets_estimate_and_estimated_times(examples_dir: Path, tmp_path: Path) -> None:
    seeds = examples_dir / "seeds"
    dated = _article(next(seeds.glob("002_*.txt")), "dated", datetime(2022, 12, 18))
    undated = _article(next(seeds.glob("000_*.txt")), "undated", None)
    with Workspace(Settings(db_path=tmp_path / "test.db")) as workspace:
        workspace.store.add_articles([dated, undated])
        updated = estimate_undated(workspace, Story(id="s1", label="seed story", articles=["dated", "undated"]))
        assert [a.id for a in updated] == ["undated"]
        stored = workspace.store.get_article("undated")
        assert stored is not None and stored.published is None
        assert stored.published_estimate is not None and stored.published_estimate.value == "2022-12-18"
        found = {t.text: t for t in stored.times}
        assert found["Sunday"].value == "2022-12-18"
        assert found["December 9"].value == "2022-12-09"
        assert found["March"].value == "2022-03"
        assert all(t.estimated for t in stored.times)
        assert workspace.store.get_article("dated").published_estimate is None  # type: ignore[union-attr]


def test_story_without_dated_articles_is_left_alone(examples_dir: Path, tmp_path: Path) -> None:
    undated = _article(next((examples_dir / "seeds").glob("000_*.txt")), "undated", None)
    with Workspace(Settings(db_path=tmp_path / "test.db")) as workspace:
        workspace.store.add_articles([undated])
        assert estimate_undated(workspace, Story(id="s1", label="x", articles=["undated", "missing"])) == []
        assert workspace.store.get_article("undated").published_estimate is None  # type: ignore[union-attr]


def test_only_dates_that_depend_on_the_estimate_are_estimated(tmp_path: Path) -> None:
    dated = Article(id="dated", title="Ferry", paragraphs=["The ferry Elwyn sank off Port Elwyn."], published=datetime(2013, 4, 17), language="en")
    text = "The ferry Elwyn, launched in 1991, sank on November 19, 2008 off Port Elwyn. The inquiry opened yesterday."
    undated = Article(id="undated", title="Ferry", paragraphs=[text], language="en")
    with Workspace(Settings(db_path=tmp_path / "test.db")) as workspace:
        workspace.store.add_articles([dated, undated])
        estimate_undated(workspace, Story(id="s1", label="ferry", articles=["dated", "undated"]))
        found = {t.text: (t.value, t.estimated) for t in workspace.store.get_article("undated").times}  # type: ignore[union-attr]
    assert found["1991"] == ("1991", False) and found["November 19, 2008"] == ("2008-11-19", False)
    assert found["yesterday"] == ("2013-04-16", True)
