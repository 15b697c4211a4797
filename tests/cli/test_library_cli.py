"""The library commands through Typer's CliRunner: exit codes, JSON shapes, error messages."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from tests.match.test_stream import QUAKE, QUAKE_REWRITE

runner = CliRunner()

PAGE = """Storm knocks out power across the coast

By AP

January 9, 2023

A winter storm cut power to thousands of homes along the coast on Monday, the utility company said.

Crews expected to restore electricity by Tuesday evening, a spokesperson said.

Share on Facebook
"""

RECORDS = [
    {"id": "r1", "title": "Bridge opens to traffic", "text": "The new bridge in Porto opened to traffic on Sunday.",
     "published": "2023-02-05", "outlet": "Norte News", "language": "en"},
    {"id": "r2", "title": "Puente abierto", "text": "El nuevo puente de Oporto se abrió al tráfico el domingo.",
     "outlet": "Diario", "language": "es"},
]  # fmt: skip

LISTING_KEYS = {"id", "source", "url", "outlet", "agency", "title", "published", "language", "text"}


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "storm.txt").write_text(PAGE, encoding="utf-8")
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = folder / "lib.db"
    result = invoke("ingest", str(folder / "storm.txt"), str(folder / "records.jsonl"), "--db", str(db))
    assert result.exit_code == 0, result.output
    return {"folder": folder, "db": str(db), "ingest": result}


def test_ingest_prints_a_summary(library):
    out = library["ingest"].stdout
    assert "New" in out and "New versions" in out and "3" in out  # headers in sentence case, as the reports


def test_ingest_names_each_duplicate_and_the_article_it_repeats(tmp_path):
    text = "Ruritania votes\n\nVoters in Ruritania chose a new parliament on Sunday, officials said.\n"
    first, copy = tmp_path / "herald.txt", tmp_path / "herald-copy.txt"
    first.write_text(text, encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    db = str(tmp_path / "x.db")
    report = json.loads(invoke("ingest", str(first), str(copy), "--db", db, "--json").stdout)
    [stored] = json.loads(invoke("articles", "--json", "--db", db).stdout)
    assert report["duplicate"] == 1
    assert report["duplicates"] == [{"source": str(copy), "article_id": stored["id"], "stored_source": str(first)}]
    again = " ".join(invoke("ingest", str(copy), "--db", db).stdout.split())
    assert f"herald-copy.txt repeats stored article {stored['id']} (read from {first})" in again


def test_ingest_bad_input_names_the_file_and_fails(tmp_path):
    bad = tmp_path / "garbage.json"
    bad.write_text("{not json", encoding="utf-8")
    result = invoke("ingest", str(bad), str(tmp_path / "absent.html"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "garbage.json" in result.stderr and "absent.html" in result.stderr
    as_json = invoke("ingest", str(bad), "--db", str(tmp_path / "x.db"), "--json")
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["failed"] == 1


def test_each_failure_is_one_line_however_narrow_the_terminal(tmp_path):
    """Scripts grep stderr for "failed: FILE: reason": a long path must not wrap the reason onto another line."""
    folder = tmp_path / "a-rather-long-folder-name-for-the-port-elwyn-ferry-strike-coverage"
    folder.mkdir()
    (folder / "empty-notes-from-the-harbour-board-meeting.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "x.db")], env={"COLUMNS": "80"})
    [line] = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert line.endswith("empty-notes-from-the-harbour-board-meeting.txt: empty file")


def test_each_duplicate_is_one_line_however_narrow_the_terminal(tmp_path):
    folder = tmp_path / "a-rather-long-folder-name-for-the-port-elwyn-ferry-strike-coverage"
    folder.mkdir()
    for name in ("first-copy-of-the-harbour-board-statement.txt", "second-copy-of-the-harbour-board-statement.txt"):
        (folder / name).write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "x.db")], env={"COLUMNS": "80"})
    [line] = [line for line in result.stdout.splitlines() if line.startswith("duplicate:")]
    assert "harbour-board-statement.txt repeats stored article " in line
    assert "stories: 1 started, 0 grew" in result.stdout  # where the increment went
    assert "s000001  started (1 article)  Storm knocks out power across the coast" in result.stdout


def test_each_skip_reason_is_one_line_naming_the_first_files_skipped(tmp_path):
    folder = tmp_path / "port-elwyn-coverage"
    folder.mkdir()
    (folder / "storm.txt").write_text(PAGE, encoding="utf-8")
    for name in ("a.css", "b.css", "c.css", "d.css", "e.css", "logo.png"):
        (folder / name).write_text("x", encoding="utf-8")
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "80"})
    lines = [line for line in result.stdout.splitlines() if line.startswith("skipped")]
    assert lines == [
        f"skipped 5: not an article format (.css): {folder / 'a.css'}, {folder / 'b.css'}, {folder / 'c.css'} and 2 more",
        f"skipped 1: not an article format (.png): {folder / 'logo.png'}",
    ]
    again = json.loads(runner.invoke(app, ["ingest", str(folder), "--db", db, "--json"]).stdout)
    assert again["skipped_because"] == {"not an article format (.css)": 5, "not an article format (.png)": 1}
    assert {"source": str(folder / "e.css"), "reason": "not an article format (.css)"} in again["skips"]


def test_a_folder_holding_the_library_itself_is_ingested_without_reading_the_database(tmp_path):
    (tmp_path / "storm.txt").write_text(PAGE, encoding="utf-8")
    db = str(tmp_path / "news.db")  # `storyline ingest .` beside the default ./storyline.db
    first = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--json"])
    again = runner.invoke(app, ["ingest", str(tmp_path), "--db", db, "--json"])  # now with news.db-wal there too
    assert first.exit_code == again.exit_code == 0, again.output
    assert json.loads(first.stdout)["new"] == 1 and json.loads(again.stdout)["failed"] == 0
    assert {skip["source"] for skip in json.loads(again.stdout)["skips"]} >= {db, db + "-wal"}


def test_articles_json_shape_and_filters(library):
    result = invoke("articles", "--json", "--db", library["db"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and all(LISTING_KEYS <= set(row) for row in rows)
    dated = [r for r in rows if r["published"]]
    assert all(datetime.fromisoformat(r["published"]) for r in dated)
    assert rows[-1]["id"] == "r2"  # undated last
    spanish = json.loads(invoke("articles", "--json", "--language", "es", "--db", library["db"]).stdout)
    assert [r["id"] for r in spanish] == ["r2"]
    since = json.loads(invoke("articles", "--json", "--since", "2023-02-01", "--db", library["db"]).stdout)
    assert [r["id"] for r in since] == ["r1"]
    until = json.loads(invoke("articles", "--json", "--until", "2023-02-05", "--db", library["db"]).stdout)
    assert "r1" in [r["id"] for r in until]  # a bare --until date includes that whole day


def test_articles_table(library):
    result = invoke("articles", "--db", library["db"])
    assert result.exit_code == 0 and "Bridge opens" in result.stdout and "3 article(s)" in result.stdout


def test_bad_date_is_a_usage_error(library):
    result = invoke("articles", "--since", "last tuesday", "--db", library["db"])
    assert result.exit_code == 2 and "--since" in result.stderr


def test_show_json_is_the_article_dict_with_what_was_stripped(library):
    rows = json.loads(invoke("articles", "--json", "--db", library["db"]).stdout)
    storm = next(r for r in rows if r["title"].startswith("Storm"))
    result = invoke("show", storm["id"], "--json", "--db", library["db"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == storm["id"] and data["text"] == storm["text"]
    assert {"paragraphs", "entities", "quotes", "times", "stripped"} <= set(data)
    assert all({"text", "reason"} <= set(s) for s in data["stripped"])
    assert any("Facebook" in s["text"] for s in data["stripped"])
    human = invoke("show", storm["id"], "--db", library["db"])
    assert human.exit_code == 0 and "Stripped" in human.stdout and "winter storm" in human.stdout


def test_show_unknown_id_fails_with_a_message(library):
    result = invoke("show", "no-such-id", "--db", library["db"])
    assert result.exit_code == 1 and "no-such-id" in result.stderr


def test_search_json(library):
    result = invoke("search", "bridge", "--json", "--db", library["db"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total"] == 1 and data["items"][0]["id"] == "r1" and "snippet" in data["items"][0]
    assert json.loads(invoke("search", "puente", "--language", "en", "--json", "--db", library["db"]).stdout)["total"] == 0


def test_markup_in_content_is_printed_literally(tmp_path):
    page = tmp_path / "markup.txt"
    page.write_text("A [bold red]headline[/bold red] with markup\n\n" + "Body text about the [link]harbour[/link] today. " * 3)
    db = str(tmp_path / "m.db")
    assert invoke("ingest", str(page), "--db", db).exit_code == 0
    result = invoke("articles", "--db", db)
    assert "[bold red]headline[/bold red]" in result.stdout


def test_extract_needs_no_database(tmp_path, monkeypatch, library):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    result = invoke("extract", str(library["folder"] / "storm.txt"), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Storm knocks out power across the coast"
    assert not list(tmp_path.iterdir())
    missing = invoke("extract", str(tmp_path / "nope.txt"), "--json")
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr


def test_default_database_comes_from_the_environment(tmp_path, monkeypatch, library):
    monkeypatch.setenv("STORYLINE_DB", library["db"])
    assert len(json.loads(invoke("articles", "--json").stdout)) == 3


def test_a_foreign_database_is_refused(tmp_path):
    import sqlite3

    db = tmp_path / "other.db"
    sqlite3.connect(db).execute("CREATE TABLE t (x)")
    result = invoke("articles", "--db", str(db))
    assert result.exit_code == 2 and "not a storyline database" in result.stderr


@pytest.fixture
def examples(tmp_path):
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "README.md").write_text("# not an article\n")
    (folder / "storm.txt").write_text(PAGE)
    return folder


def test_demo_ingests_the_examples_and_prints_stories(tmp_path, examples):
    db = tmp_path / "demo.db"
    for _ in range(2):  # the second run replaces the first run's database
        result = invoke("demo", "--db", str(db), "--examples", str(examples))
        assert result.exit_code == 0, result.output
    assert "1 story" in result.stdout and "Storm knocks out power" in result.stdout
    assert "not an article" not in result.stdout
    assert "storm.txt" in result.stdout  # no outlet: named by its file, as its comparison names it
    assert "New" in result.stdout and len(json.loads(invoke("articles", "--json", "--db", str(db)).stdout)) == 1


def test_demo_never_replaces_a_file_it_did_not_make(tmp_path, examples, library):
    notes = tmp_path / "notes.txt"
    notes.write_text("Ruritania trip: call Olga Petrenko")
    report = tmp_path / "fresh.html"
    report.write_text("<p>my page</p>")
    refused = {
        library["db"]: "is not a demo database",  # a user's library
        str(notes): "is not a demo database",
        str(tmp_path / "fresh.db"): "fresh.html exists",  # the demo would write its report over it
        str(tmp_path): "is a folder",
    }
    for db, message in refused.items():
        result = invoke("demo", "--db", db, "--examples", str(examples))
        assert result.exit_code == 2 and message in result.stderr, result.output
        assert "Traceback" not in result.output
    assert len(json.loads(invoke("articles", "--json", "--db", library["db"]).stdout)) == 3
    assert notes.read_text() == "Ruritania trip: call Olga Petrenko" and report.read_text() == "<p>my page</p>"
    assert not (tmp_path / "fresh.db").exists()


def test_demo_replaces_its_own_database_from_before_demos_were_marked(tmp_path, examples):
    old = tmp_path / "storyline-demo.db"  # the demo's own name; an older demo left no mark in it
    assert invoke("ingest", str(examples), "--db", str(old)).exit_code == 0
    result = invoke("demo", "--db", str(old), "--examples", str(examples))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", [["articles"], ["stories"], ["search", "ferry"], ["show", "r1"], ["story", "s1"]])
def test_reading_a_missing_database_fails_and_creates_nothing(tmp_path, command):
    db = tmp_path / "typo.db"
    result = invoke(*command, "--db", str(db))
    assert result.exit_code == 2 and f"database {db} does not exist" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("option", ["--offset", "--limit"])
def test_a_huge_page_option_is_a_usage_error(library, option):
    result = invoke("search", "bridge", option, "99999999999999999999", "--db", library["db"])
    assert result.exit_code == 2 and option in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", [("search", "bridge"), ("articles",)])
def test_a_limit_of_zero_is_a_usage_error_as_in_the_api(library, command):
    result = invoke(*command, "--limit", "0", "--db", library["db"])
    assert result.exit_code == 2 and "--limit" in result.stderr


def test_control_characters_in_content_never_reach_the_terminal(tmp_path):
    record = {
        "id": "ctl-1", "outlet": "Ruritania \x9b31mPost", "language": "en", "published": "2024-03-01",
        "title": "Ferry \x1b[31mRED\x1b[0m strike \x1b]8;;https://evil.example\x07ends\x1b]8;;\x07",
        "text": "The Ruritania ferry strike ended on Friday, Olga Petrenko said.\x1b[2J\x07\n\nCrews return today.",
    }  # fmt: skip
    source = tmp_path / "ctl.json"
    source.write_text(json.dumps(record))
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(source), "--db", db).exit_code == 0
    for command in (["articles"], ["show", "ctl-1"], ["stories"], ["search", "ferry"]):
        result = invoke(*command, "--db", db)
        assert result.exit_code == 0, result.output
        assert not set("\x1b\x07\x9b") & set(result.stdout), command
    shown = invoke("show", "ctl-1", "--db", db).stdout
    assert "Ferry [31mRED[0m strike" in shown and "Olga Petrenko said." in shown


def test_articles_entity_filter_and_paging(library):
    base = ["articles", "--json", "--db", library["db"]]
    porto = json.loads(invoke(*base, "--entity", "porto").stdout)
    assert [r["id"] for r in porto] == ["r1"]
    assert len(json.loads(invoke(*base, "--limit", "1", "--offset", "1").stdout)) == 1


def test_show_lines_name_variants_and_links_once_and_quote_only_direct_speech():
    from storyline.cli.library import _entity_line, _quote_line
    from storyline.model import Entity, Quote

    capital = Entity(name="Kyiv", type="PLACE", variants=["Kyiv"], refers_to="Ukraine", reference_kind="capital-for-country")
    assert _entity_line(capital) == "Kyiv (PLACE), stands for Ukraine (capital-for-country)"
    capital.mentions, capital.acting_mentions = [(0, 4), (30, 34)], [(30, 34)]  # "in Kyiv", then "Kyiv said"
    assert _entity_line(capital) == "Kyiv (PLACE), stands for Ukraine (capital-for-country) in 1 of 2 mentions"
    person = Entity(name="Olga Petrenko", type="PERSON", variants=["Olga Petrenko", "Petrenko"])
    assert _entity_line(person) == "Olga Petrenko (PERSON), also Petrenko"
    said = Quote(text="the talks would go on", start=0, end=21, speaker="Olga Petrenko", cue="said", kind="indirect")
    assert _quote_line(said) == "Olga Petrenko (said, indirect): the talks would go on"
    direct = Quote(text="We will stay", start=0, end=12, speaker="Olga Petrenko", cue="said", kind="direct")
    assert _quote_line(direct) == "Olga Petrenko (said, direct): “We will stay”"


def test_show_gives_a_crawled_page_its_capture_time_not_a_date(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (b"<html><head><title>Ruritania votes</title></head><body><article><h1>Ruritania votes</h1>"
            + b"<p>Voters in Ruritania chose a new parliament on Sunday after a short and bitter campaign, officials said.</p>" * 3
            + b"</article></body></html>")
    buffer = io.BytesIO()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warc_record("https://herald.example.rt/vote", "response",
                                                  payload=io.BytesIO(page), http_headers=headers))
    crawl, db = tmp_path / "crawl.warc", str(tmp_path / "lib.db")
    crawl.write_bytes(buffer.getvalue())
    assert invoke("ingest", str(crawl), "--db", db).exit_code == 0
    [article] = json.loads(invoke("articles", "--json", "--db", db).stdout)
    assert article["published"] is None
    shown = invoke("show", article["id"], "--db", db).stdout
    assert "captured" in shown  # when the crawler fetched it: a bound on the date, shown apart


def test_an_interrupted_crawl_keeps_its_pages_says_what_each_record_became_and_fails(tmp_path, warc_bytes):
    page = (b"<html><head><title>Ruritania votes</title></head><body><article><h1>Ruritania votes</h1>"
            + b"<p>Voters in Ruritania chose a new parliament on Sunday after a short and bitter campaign, officials said.</p>" * 3
            + b"</article></body></html>")
    whole = warc_bytes([("https://herald.example.rt/vote", "text/html", page),
                        ("https://herald.example.rt/logo.png", "image/png", b"\x89PNG\r\n"),
                        ("https://herald.example.rt/count", "text/html", page.replace(b"votes", b"counts"))], gzip=True)
    crawl, db = tmp_path / "crawl.warc.gz", str(tmp_path / "lib.db")
    crawl.write_bytes(whole[:-40])  # the crawler stopped while writing its last record
    result = invoke("ingest", str(crawl), "--db", db)
    assert result.exit_code == 1
    assert f"records: {crawl}: 2 read, 1 article(s), 1 skipped, 0 failed" in result.stdout
    assert f"failed: {crawl}: WARC file is truncated (an interrupted crawl?)" in result.stderr
    [article] = json.loads(invoke("articles", "--json", "--db", db).stdout)
    assert article["title"] == "Ruritania votes"


def test_a_headline_export_is_ingested_and_shown_as_headlines_only(tmp_path):
    export, db = tmp_path / "headlines.csv", str(tmp_path / "lib.db")
    export.write_text(
        "title,url,publisher,timestamp\n"
        "Port Elwyn harbour fees to double,https://herald.example.rt/fees,Ruritania Herald,1710280800\n"
        "Harbour fees in Port Elwyn will double from May,https://wire.example/fees,Elwyn Wire,1710284400\n",
        encoding="utf-8",
    )
    assert invoke("ingest", str(export), "--db", db).exit_code == 0
    articles = json.loads(invoke("articles", "--json", "--db", db).stdout)
    assert sorted(a["outlet"] for a in articles) == ["Elwyn Wire", "Ruritania Herald"]
    shown = invoke("show", articles[0]["id"], "--db", db).stdout
    assert "headline only" in shown


def test_show_sets_stances_apart_from_what_was_said(tmp_path):
    page = tmp_path / "council.txt"
    page.write_text(
        "Council backs harbour plan\n\nMarch 4, 2024\n\n"
        "Olga Petrenko said the harbour would reopen in May. The council backed the plan to double the fees.\n",
        encoding="utf-8",
    )
    shown = invoke("extract", str(page)).stdout
    said, stances = shown.index("Quotes"), shown.index("Stances")
    assert said < shown.index("the harbour would reopen in May", said) < stances
    assert shown.index("the plan to double the fees", stances) > stances




def test_an_untitled_article_is_headed_by_its_first_words(tmp_path):
    page, db = tmp_path / "ferries.txt", str(tmp_path / "lib.db")
    page.write_text(
        "PORT ELWYN, Ruritania —\n\nOlga Petrenko said the ferries to Port Elwyn will not run this week because of "
        "the strike.\n\nThe harbour stays open for fishing boats.\n",
        encoding="utf-8",
    )
    assert invoke("ingest", str(page), "--db", db).exit_code == 0
    [article] = json.loads(invoke("articles", "--json", "--db", db).stdout)
    assert article["title"] == ""
    assert "── Olga Petrenko said the ferries to Port Elwyn" in invoke("show", article["id"], "--db", db).stdout
    assert "[en]  Olga Petrenko said the ferries to Port Elwyn will not…" in invoke("stories", "--db", db).stdout

def test_show_gives_a_range_its_end(tmp_path):
    page = tmp_path / "ferries.txt"
    page.write_text(
        "Ferries stop for three days\n\nMarch 4, 2024\n\n"
        "Olga Petrenko said the ferries to Port Elwyn will not run on March 9-11 because of the strike.\n",
        encoding="utf-8",
    )
    shown = invoke("extract", str(page)).stdout
    assert "March 9-11 → 2024-03-09 – 2024-03-11" in shown

def test_show_heads_a_headline_written_in_capitals_in_title_case_and_keeps_it_as_written(tmp_path):
    page = tmp_path / "council.txt"
    page.write_text(
        "COUNCIL BACKS THE HARBOUR PLAN IN PORT ELWYN\n\nMarch 4, 2024\n\n"
        "Olga Petrenko said the harbour would reopen in May. The council backed the plan to double the fees.\n",
        encoding="utf-8",
    )
    shown = invoke("extract", str(page)).stdout
    assert shown.index("Council Backs the Harbour Plan in Port Elwyn") < shown.index("COUNCIL BACKS THE HARBOUR PLAN IN PORT ELWYN")


def test_stories_say_why_each_article_joined(library):
    found = json.loads(invoke("stories", "--json", "--db", library["db"]).stdout)
    shown = invoke("stories", "--db", library["db"])
    assert shown.exit_code == 0, shown.output
    for story in found:
        assert story["id"] in shown.stdout
        assert all(f"({reason})" in shown.stdout for reason in story["reasons"].values())
    assert f"{len(found)} stories" in shown.stdout or len(found) == 1


def test_enrich_and_recluster_say_what_they_did(library):
    enriched = invoke("enrich", "--db", library["db"])
    assert enriched.exit_code == 0, enriched.output
    assert "enriched 3 articles" in enriched.stderr
    stories = len(json.loads(invoke("stories", "--json", "--db", library["db"]).stdout))
    reclustered = invoke("recluster", "--db", library["db"])
    assert reclustered.exit_code == 0, reclustered.output
    assert f"{stories} stories before, {stories} now; 0 articles moved to another story" in reclustered.stderr


def test_moved_articles_counts_those_in_another_story_or_in_none_before():
    from storyline.model import Story
    from storyline.service.stories import moved_articles

    before = [Story(id="s1", label="Port Elwyn strike", articles=["a", "b", "c"]), Story(id="s2", label="Ferry", articles=["d"])]
    after = [Story(id="s1", label="Port Elwyn strike", articles=["a", "b"]), Story(id="s3", label="Ferry", articles=["c", "d", "e"])]
    assert moved_articles(before, after) == 3  # c and d into a new story, e never in one


def test_a_date_only_article_shows_its_day_without_a_false_midnight(library):
    shown, found = invoke("show", "r1", "--db", library["db"]), invoke("search", "bridge", "--db", library["db"])
    for result in (shown, found):
        assert result.exit_code == 0, result.output
        assert "2023-02-05" in result.stdout and "00:00" not in result.stdout
    assert json.loads(invoke("show", "r1", "--json", "--db", library["db"]).stdout)["published"] == "2023-02-05T00:00:00"


def test_help_shows_flags_as_flags_and_no_absurd_range():
    shown = invoke("articles", "--help")
    assert shown.exit_code == 0
    assert "<bool>" not in shown.stdout and "9223372036854775807" not in shown.stdout
    assert "--json" in shown.stdout and "x>=1" in shown.stdout


def test_version():
    from storyline import __version__

    shown = invoke("--version")
    assert shown.exit_code == 0 and shown.stdout.strip() == f"storyline {__version__}"


def test_ingesting_nothing_fails_and_makes_no_database(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "site.css").write_text("body{}")
    db = tmp_path / "e.db"
    for path in ("empty", "styles", "absent.txt"):
        result = invoke("ingest", str(tmp_path / path), "--db", str(db))
        assert result.exit_code == 1 and f"no article files found in {tmp_path / path}" in " ".join(result.stderr.split())
        assert not db.exists()
    assert "no such file or directory" in invoke("ingest", str(tmp_path / "absent.txt"), "--db", str(db)).stderr


def test_an_empty_search_is_a_usage_error(library):
    result = invoke("search", "  ", "--db", library["db"])
    assert result.exit_code == 2 and "give words to search for" in result.stderr


def test_language_names_and_three_letter_codes_filter_as_the_stored_code(library):
    def ids(language: str) -> list[str]:
        return [a["id"] for a in json.loads(invoke("articles", "--json", "--language", language, "--db", library["db"]).stdout)]

    assert ids("English") == ids("eng") == ids("en") and ids("spa") == ids("es") == ["r2"]
    unknown = invoke("articles", "--language", "Elwynish", "--db", library["db"])
    assert unknown.exit_code == 2 and "unknown language 'Elwynish'" in unknown.stderr


def test_at_80_columns_the_title_keeps_its_room_and_a_long_outlet_is_cut(tmp_path):
    record = {"id": "pe1", "title": "Dockworkers strike shuts Port Elwyn terminals", "outlet": "Port Elwyn Evening Chronicle",
              "text": "Dockworkers in Port Elwyn walked out on Monday, union leader Olga Petrenko said.", "language": "en"}  # fmt: skip
    (tmp_path / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert invoke("ingest", str(tmp_path / "one.jsonl"), "--db", db).exit_code == 0
    shown = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    assert "Port Elwyn …" in shown.stdout and "Chronicle" not in shown.stdout and "Dockworkers strike shuts" in shown.stdout
    assert max(len(line) for line in shown.stdout.splitlines()) <= 80


@pytest.mark.parametrize("command", ["extract", "match"])
def test_taking_one_article_of_a_file_of_several_says_which(library, command):
    records = library["folder"] / "records.jsonl"
    files = [str(records)] if command == "extract" else [str(records), str(library["folder"] / "storm.txt")]
    result = invoke(command, *files, "--json")
    assert result.exit_code == 0, result.output
    assert "holds 2 articles; using the first, 'Bridge opens to traffic'" in " ".join(result.stderr.split())
    assert "holds" not in invoke("extract", str(library["folder"] / "storm.txt"), "--json").stderr


def test_export_dumps_the_library_as_json_lines_with_versions(library, tmp_path):
    target = tmp_path / "lib.jsonl"
    result = invoke("export", "--db", library["db"], "--output", str(target))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    header, kinds = records[0], [r["record"] for r in records]
    assert header["record"] == "library" and header["export_version"] == 1 and header["matching"] == {}
    assert {"schema_version", "rules_version", "storyline"} <= set(header)
    assert kinds.count("article") == header["articles"] == 3 and kinds.count("story") == header["stories"]
    stories = json.loads(invoke("stories", "--json", "--db", library["db"]).stdout)
    assert [{k: v for k, v in r.items() if k != "record"} for r in records if r["record"] == "story"] == stories
    articles = [r for r in records if r["record"] == "article"]
    assert all({"entities", "quotes", "times", "story"} <= set(r) for r in articles)
    assert {r["story"] for r in articles} == {s["id"] for s in stories}
    assert invoke("export", "--db", library["db"]).stdout == target.read_text(encoding="utf-8")  # stdout alike
    full = [json.loads(line) for line in invoke("export", "--db", library["db"], "--comparisons").stdout.splitlines()]
    compared = [r for r in full if r["record"] == "comparison"]
    assert [r["story"] for r in compared] == [s["id"] for s in stories]
    assert all(r["schema_version"] == header["schema_version"] and "groups" in r for r in compared)


def test_recluster_with_a_config_file_records_its_settings(library, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(library["db"], db)
    settings = tmp_path / "apart.toml"
    settings.write_text("join = 1.0\nmerge = 1.0\nconsolidate = 1.0\nconsolidate_undated = 1.0\nadopt = 1.0\n")
    result = invoke("recluster", "--db", str(db), "--config", str(settings))
    assert result.exit_code == 0, result.output
    assert "settings: join = 1.0, merge = 1.0" in result.stderr
    header = json.loads(invoke("export", "--db", str(db)).stdout.splitlines()[0])
    assert header["matching"]["join"] == 1.0 and header["stories"] == 3  # every article alone
    again = invoke("recluster", "--db", str(db))  # no file: the recorded settings, not the defaults
    assert "0 articles moved" in again.stderr and "join = 1.0" in again.stderr
    settings.write_text("join = 2\n")
    refused = invoke("recluster", "--db", str(db), "--config", str(settings))
    assert refused.exit_code == 2 and "join: expected a value from 0 to 1, got 2" in refused.stderr


def test_ingest_with_a_config_file_streams_with_its_settings(library, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(library["db"], db)
    settings = tmp_path / "apart.toml"
    settings.write_text("join = 1.0\nmerge = 1.0\nconsolidate = 1.0\nconsolidate_undated = 1.0\nadopt = 1.0\n")
    result = invoke("ingest", str(library["folder"] / "storm.txt"), "--db", str(db), "--config", str(settings))
    assert result.exit_code == 0, result.output
    assert "3 stored articles re-clustered with the --config settings" in result.stderr  # made with the defaults
    header = json.loads(invoke("export", "--db", str(db)).stdout.splitlines()[0])
    assert header["matching"]["join"] == 1.0 and header["stories"] == 3
    again = invoke("ingest", str(library["folder"] / "storm.txt"), "--db", str(db), "--config", str(settings))
    assert "re-clustered" not in again.stderr  # the same settings: nothing to redo


def test_every_command_help_says_what_json_gives():
    for command in ("ingest", "show", "extract", "match", "recluster"):  # none of them prints a table
        shown = invoke(command, "--help")
        assert shown.exit_code == 0 and "instead of a table" not in shown.stdout, command


def test_records_are_accounted_for_only_where_some_became_no_article(tmp_path):
    text = "Voters in Ruritania chose a new parliament on Sunday after a short and bitter campaign, officials said. " * 3
    lines = tmp_path / "wire.jsonl"
    lines.write_text("\n".join(json.dumps({"title": f"Ruritania votes {n}", "text": f"{n}. {text}"}) for n in (1, 2)))
    db = str(tmp_path / "lib.db")
    result = invoke("ingest", str(lines), "--db", db)
    assert result.exit_code == 0 and "records:" not in result.stdout  # both lines are articles: nothing to say
    broken = tmp_path / "broken.jsonl"
    broken.write_text(lines.read_text().replace("Ruritania", "Freedonia") + '\n{"title": "cut off')
    result = invoke("ingest", str(broken), "--db", str(tmp_path / "other.db"))
    assert f"records: {broken}: 3 read, 2 article(s), 0 skipped, 1 failed" in result.stdout


def test_a_crawls_summary_counts_skipped_records_by_reason_naming_only_those_that_held_a_page(tmp_path):
    from tests.ingest.test_ingest_warc import PAGE, Crawl

    crawl = Crawl()
    crawl.fetch("pier", PAGE)
    crawl.fetch("gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    path, db = crawl.save(tmp_path / "crawl.warc.gz"), str(tmp_path / "lib.db")
    lines = invoke("ingest", str(path), "--db", db).stdout.splitlines()
    assert f"records: {path}: 5 read, 1 article(s), 4 skipped, 0 failed" in lines
    assert "skipped 2: WARC request record (what the crawler sent, no page)" in lines  # counted, not listed
    assert f"skipped 1: WARC record with HTTP status 404: {path}#https://herald.example.rt/gone" in lines


def test_a_story_merged_away_is_named_in_the_ingest_summary_and_its_id_leads_to_the_story_now(tmp_path):
    """Day 1 starts a story; day 2's two reports start one that takes it in (only a run's end merges, by the
    settings): the summary says so, and ``story`` with yesterday's id shows today's story, saying why."""
    db = str(tmp_path / "x.db")
    settings = tmp_path / "match.toml"
    settings.write_text("join = 1.0\nmerge = 1.0\n", encoding="utf-8")
    days = {
        "2023-02-06": [("Quake in Turkey", QUAKE)],
        "2023-02-07": [("Turkey toll rises", QUAKE_REWRITE), ("Turkey quake toll passes 1,300", QUAKE_REWRITE)],
    }
    summaries = []
    for name, texts in days.items():
        (tmp_path / name).mkdir()
        for n, (title, body) in enumerate(texts):
            (tmp_path / name / f"{n}.txt").write_text(f"Date: {name}\n\n{title}\n\n{body}\n", encoding="utf-8")
        summaries.append(invoke("ingest", str(tmp_path / name), "--db", db, "--config", str(settings)))
    assert "s000001  started (1 article)" in summaries[0].stdout
    assert "s000002  +2 (3 articles)" in summaries[1].stdout
    assert "s000001  merged into s000002" in summaries[1].stdout
    shown = invoke("story", "s000001", "--db", db, "--format", "json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["summary"]["story"] == "s000002"
    assert "story s000001 was merged into s000002; showing s000002" in shown.stderr
    assert invoke("story", "s000009", "--db", db).exit_code == 1


def _story_articles(*options: str, db: str) -> list[set[str]]:
    result = invoke("stories", "--json", "--db", db, *options)
    assert result.exit_code == 0, result.output
    return [set(row["articles"]) for row in json.loads(result.stdout)]


def test_stories_filter_by_an_article_s_outlet_language_and_publication_date(library):
    db = library["db"]
    everything = _story_articles(db=db)
    storm = next(s for s in everything if not s & {"r1", "r2"})
    assert [s for s in _story_articles("--outlet", "norte NEWS", db=db)] == [s for s in everything if "r1" in s]
    assert _story_articles("--language", "Spanish", db=db) == [s for s in everything if "r2" in s]
    # A bare date as the upper bound is the whole day; the story matches by any one of its articles.
    assert _story_articles("--published-from", "2023-02-05", "--published-to", "2023-02-05", db=db) == [
        s for s in everything if "r1" in s
    ]
    assert _story_articles("--published-to", "2023-01-31", db=db) == [storm]
    # Every filter must hold for one article: Norte News published nothing in January.
    assert _story_articles("--outlet", "Norte News", "--published-to", "2023-01-31", db=db) == []


def test_stories_refuse_a_published_date_that_is_no_date(library):
    result = invoke("stories", "--db", library["db"], "--published-from", "last week")
    assert result.exit_code == 2 and "--published-from 'last week': not an ISO date" in result.output
