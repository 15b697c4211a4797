"""What arrived since a time: arrival in the library, not publication, and ``last-run`` as the latest run's start."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from storyline.service import arrivals, library, web_queries

FOLLOW_UP = (
    "Danube river ports stay closed after the flooding\n\nBy Reuters\n\nMarch 4, 2021\n\n"
    "Heavy rain kept three river ports in Vienna closed on Thursday, officials said.\n\n"
    '"We have never seen water this high in March," harbour master Anna Berger told reporters again.\n'
)
#: Published long before day 1's report, but it arrives on day 2: new to the library all the same.
OLD_NEWS = (
    "Lighthouse keeper retires after forty years\n\nBy AP\n\nJune 2, 2019\n\n"
    "The last keeper of the Skerry Point lighthouse retired on Sunday after forty years at the lamp, the "
    "coastguard said.\n\nThe light has been automatic since the spring, a spokesperson said.\n"
)


def backdate(db, days: int) -> None:
    """Move every recorded arrival and run ``days`` into the past: an earlier day's ingest."""
    with sqlite3.connect(db) as conn:
        shift = f"-{days} days"
        conn.execute("UPDATE articles SET added_at = strftime('%Y-%m-%dT%H:%M:%f', added_at, ?)", (shift,))
        conn.execute(
            "UPDATE ingest_runs SET started_at = strftime('%Y-%m-%dT%H:%M:%f', started_at, ?), "
            "finished_at = strftime('%Y-%m-%dT%H:%M:%f', finished_at, ?)",
            (shift, shift),
        )


@pytest.fixture()
def two_days(workspace, inputs, tmp_path):
    """Day 1: the Danube report and the records; day 2: a follow-up of the report, and old news arriving late."""
    library.ingest(workspace, [inputs["report"], inputs["records"]])
    backdate(workspace.settings.db_path, 1)
    (tmp_path / "follow-up.txt").write_text(FOLLOW_UP, encoding="utf-8")
    (tmp_path / "old-news.txt").write_text(OLD_NEWS, encoding="utf-8")
    library.ingest(workspace, [tmp_path / "follow-up.txt", tmp_path / "old-news.txt"])
    return {
        name: workspace.store.articles_from(str(path))[0].id
        for name, path in [
            ("report", inputs["report"]), ("follow-up", tmp_path / "follow-up.txt"), ("old-news", tmp_path / "old-news.txt")
        ]
    }  # fmt: skip


def test_since_the_last_run_lists_the_stories_its_articles_started_or_grew(workspace, two_days):
    since = arrivals.since_time(workspace, "last-run")
    found = {s.story.id: s for s in arrivals.stories_since(workspace, since)}
    danube = workspace.store.story_of(two_days["report"])
    follow_up, old_news = two_days["follow-up"], two_days["old-news"]
    assert set(found) == {danube.id, workspace.store.story_of(old_news).id}
    assert found[danube.id].arrived == [follow_up] and not found[danube.id].started
    lighthouse = found[workspace.store.story_of(old_news).id]
    assert lighthouse.arrived == [old_news] and lighthouse.started  # published 2019: arrival is what counts


def test_a_date_names_arrival_and_last_run_moves_with_each_run(workspace, two_days, inputs):
    everything = arrivals.stories_since(workspace, arrivals.since_time(workspace, "2000-01-01"))
    assert len(everything) == len(workspace.store.list_stories())  # every article arrived this century
    an_hour_ago = (workspace.store.latest_ingest_run().started_at - timedelta(hours=1)).replace(tzinfo=None)
    since_text = arrivals.stories_since(workspace, arrivals.since_time(workspace, an_hour_ago.isoformat()))
    assert {s.story.id for s in since_text} == {
        workspace.store.story_of(two_days[n]).id for n in ("follow-up", "old-news")
    }
    library.ingest(workspace, [inputs["report"]])  # a run of duplicates only: nothing arrived since it began
    assert arrivals.stories_since(workspace, arrivals.since_time(workspace, "last-run")) == []
    run = workspace.store.latest_ingest_run()
    assert run.new == 0 and run.finished_at >= run.started_at


def test_the_story_list_marks_arrivals_apart_from_the_publication_flags(workspace, two_days):
    since = arrivals.since_time(workspace, "last-run")
    total, summaries = web_queries.story_page(workspace, limit=10, offset=0, since=since)
    day2 = {(two_days["follow-up"],), (two_days["old-news"],)}
    assert total == 2 and {tuple(s.arrived_since) for s in summaries} == day2
    assert sorted(s.started_since for s in summaries) == [False, True]
    _, everything = web_queries.story_page(workspace, limit=10, offset=0)
    assert all(s.arrived_since is None and s.started_since is None for s in everything)  # not asked: not said


def test_a_when_that_names_no_time_is_refused_saying_why(workspace):
    with pytest.raises(ValueError, match="no ingest run recorded"):
        arrivals.since_time(workspace, "last-run")
    with pytest.raises(ValueError, match="neither an ISO date"):
        arrivals.since_time(workspace, "Tuesday")
    assert arrivals.since_time(workspace, "2026-12-05T10:00+02:00") == datetime(2026, 12, 5, 8, tzinfo=UTC)
