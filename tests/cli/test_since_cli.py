"""`storyline stories --since WHEN` and `storyline story ID --since WHEN`: what arrived since a run or a time."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

DAY1 = """Flooding closes river ports along the Danube

By Reuters

March 3, 2021

Heavy rain forced authorities in Vienna to close three river ports on Wednesday, officials said.

"We have never seen water this high in March," harbour master Anna Berger told reporters.
"""
DAY2 = {
    "follow-up.txt": (
        "Danube river ports stay closed after the flooding\n\nBy Reuters\n\nMarch 4, 2021\n\n"
        "Heavy rain kept three river ports in Vienna closed on Thursday, officials said.\n\n"
        '"We have never seen water this high in March," harbour master Anna Berger told reporters again.\n'
    ),
    # Published years before day 1's report: arrival, not publication, makes it new.
    "old-news.txt": (
        "Lighthouse keeper retires after forty years\n\nBy AP\n\nJune 2, 2019\n\n"
        "The last keeper of the Skerry Point lighthouse retired on Sunday after forty years at the lamp, the "
        "coastguard said.\n\nThe light has been automatic since the spring, a spokesperson said.\n"
    ),
}


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Day 1 ingested (and moved a day back), then day 2."""
    folder = tmp_path_factory.mktemp("since")
    db = str(folder / "lib.db")
    (folder / "day1.txt").write_text(DAY1, encoding="utf-8")
    assert invoke("ingest", str(folder / "day1.txt"), "--db", db).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET added_at = strftime('%Y-%m-%dT%H:%M:%f', added_at, '-1 day')")
        conn.execute("UPDATE ingest_runs SET started_at = strftime('%Y-%m-%dT%H:%M:%f', started_at, '-1 day')")
    for name, text in DAY2.items():
        (folder / name).write_text(text, encoding="utf-8")
    day2 = invoke("ingest", *(str(folder / name) for name in DAY2), "--db", db, "--json")
    assert day2.exit_code == 0, day2.output
    return {"db": db, "day2": json.loads(day2.stdout)}


def test_stories_since_the_last_run_give_the_rows_of_stories_json_and_what_arrived(library):
    rows = json.loads(invoke("stories", "--since", "last-run", "--json", "--db", library["db"]).stdout)
    everything = json.loads(invoke("stories", "--json", "--db", library["db"]).stdout)
    by_id = {row["id"]: row for row in everything}
    assert {row["id"] for row in rows} == {s["id"] for s in library["day2"]["stories"]}
    for row in rows:
        assert {k: v for k, v in row.items() if k not in ("arrived_since", "started_since")} == by_id[row["id"]]
        reached = next(s for s in library["day2"]["stories"] if s["id"] == row["id"])
        assert row["arrived_since"] == reached["added"] and row["started_since"] == reached["started"]
    assert sorted(row["started_since"] for row in rows) == [False, True]


def test_the_text_marks_arrivals_and_says_they_are_not_publication(library):
    shown = invoke("stories", "--since", "last-run", "--db", library["db"])
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert any(line.startswith("  + 2019-06-02") for line in lines)  # old news, arrived today
    assert any(line.startswith("  - 2021-03-03") for line in lines)  # day 1's report, in a story that grew
    assert "+1 arrived" in shown.stdout and "new story" in shown.stdout
    assert "2 stories gained articles since" in shown.stdout and "1 new, 1 grew" in shown.stdout
    assert "arrived in this library since then; dates are publication" in shown.stdout
    assert "0 stories" in invoke("stories", "--since", "2999-01-01", "--db", library["db"]).stdout


def test_story_since_marks_the_articles_that_arrived(library):
    grown = next(s for s in library["day2"]["stories"] if not s["started"])
    result = invoke("story", grown["id"], "--since", "last-run", "--format", "json", "--db", library["db"])
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    assert [a["id"] for a in articles if a["arrived_since"]] == grown["added"]
    assert all(a["arrived"] and "published" in a for a in articles)  # both times, each named
    assert "1 of 2 articles arrived in this library since" in result.stderr
    screen = invoke("story", grown["id"], "--since", "last-run", "--db", library["db"]).stdout
    assert "Arrived since" in screen
    assert "Arrived since" not in invoke("story", grown["id"], "--db", library["db"]).stdout


@pytest.mark.parametrize("command", [["stories"], ["story", "s000001"]])
def test_a_when_that_is_no_time_is_a_usage_error_saying_why(library, command):
    result = invoke(*command, "--since", "Tuesday", "--db", library["db"])
    assert result.exit_code == 2 and "neither an ISO date" in result.output


def test_show_and_export_give_each_article_its_arrival_apart_from_its_publication(library):
    db = library["db"]
    rows = json.loads(invoke("articles", "--json", "--db", db).stdout)
    old = next(r for r in rows if r["title"].startswith("Lighthouse"))
    flood = next(r for r in rows if r["title"].startswith("Flooding"))
    shown = {r["id"]: json.loads(invoke("show", r["id"], "--json", "--db", db).stdout) for r in (old, flood)}
    assert shown[old["id"]]["published"].startswith("2019-06-02")
    assert shown[old["id"]]["arrived"] > shown[flood["id"]]["arrived"]  # published years earlier, arrived a day later
    run = sqlite3.connect(db).execute("SELECT max(started_at) FROM ingest_runs").fetchone()[0]
    assert shown[old["id"]]["arrived"] >= run > shown[flood["id"]]["arrived"]
    exported = [json.loads(line) for line in invoke("export", "--db", db).stdout.splitlines()]
    arrived = {r["id"]: r["arrived"] for r in exported if r["record"] == "article"}
    assert arrived[old["id"]] == shown[old["id"]]["arrived"] and arrived[flood["id"]] == shown[flood["id"]]["arrived"]
    grown = next(s for s in library["day2"]["stories"] if not s["started"])
    story = json.loads(invoke("story", grown["id"], "--since", "last-run", "--format", "json", "--db", db).stdout)
    # the name and the text `story --since` gives it
    assert {a["id"]: a["arrived"] for a in story["articles"]}[flood["id"]] == shown[flood["id"]]["arrived"]


def test_articles_json_and_show_give_when_each_article_arrived(library):
    rows = json.loads(invoke("articles", "--json", "--db", library["db"]).stdout)
    assert len(rows) == 3 and list(rows[0]).index("arrived") == list(rows[0]).index("published") + 1
    day1 = [r for r in rows if r["id"] not in library["day2"]["article_ids"]]
    assert len(day1) == 1 and all(r["arrived"] > day1[0]["arrived"] for r in rows if r is not day1[0])
    for row in rows:  # as ``show --json`` names and writes it: naive ISO 8601, UTC
        shown = json.loads(invoke("show", row["id"], "--json", "--db", library["db"]).stdout)
        assert row["arrived"] == shown["arrived"] and "+" not in row["arrived"]


def test_show_for_reading_gives_when_the_article_arrived(library):
    for article_id in library["day2"]["article_ids"]:
        arrived = json.loads(invoke("show", article_id, "--json", "--db", library["db"]).stdout)["arrived"]
        text = invoke("show", article_id, "--db", library["db"]).stdout
        day, time = arrived.split("T")  # to the second, in UTC, as ``story --since`` names its time
        assert re.search(rf"^\s*arrived\s+{day} {time[:8]} UTC\s*$", text, re.MULTILINE), text
